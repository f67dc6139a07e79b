/**
 * Finding citations in a text: reference lines (bibliography entries, notes, numbered source
 * lists: one per line), and parenthetical author-date references in running text
 * ("(Getty 1985, 112)", "(Conquest, 1990: 44)"). Each with its exact span and parse.
 * (Footnote markers, works named in prose and Ibid. chains are the next step.)
 */
import { gazetteerPlace } from '../entities/detect.js';
import { parseReference, type ParsedReference } from './parse.js';

export interface FoundCitation {
  start: number;
  end: number;
  text: string;
  /** a reference line, a parenthetical or narrative author-date reference, a work named in prose, or a footnote marker */
  kind: 'reference-line' | 'parenthetical' | 'narrative' | 'prose' | 'marker';
  parsed: ParsedReference;
}

const YEAR_RE = /(?:1[5-9]\d\d|20\d\d)/;

/** is this parse a plausible reference (not a sentence that happens to contain a year)? */
function plausible(p: ParsedReference, line: string): boolean {
  if (p.ibid || p.opCit) return true;
  const c = p.csl;
  if (!c || !c.title) return false;
  const hasWho = (c.author?.length ?? 0) > 0 || (c.editor?.length ?? 0) > 0;
  const hasWhere = !!(c.publisher || c['container-title']);
  const hasWhen = !!c.issued;
  if (p.shape === 'note' || p.shape === 'gost') return hasWho && hasWhen;
  // a sentence that quotes someone is no reference: "X, the author of Y (1996) has pointed out: …"
  if (p.shape === 'author-date') return hasWho && hasWhen && line.length < 300 && !/\b(?:has|had|have|wrote|said|pointed out)\b/.test(line);
  if (p.shape === 'article' || p.shape === 'newspaper') return hasWhen && (hasWho || hasWhere) && (c.title?.length ?? 0) > 3;
  if (p.shape === 'prose') return false;
  // bibliography: "Family, Given. Title. Place: Publisher, Year" — a name, and a publisher or a year
  return hasWho && (hasWhere || hasWhen) && line.length < 400 && !/[.!?]\s+\p{Ll}/u.test(line.slice(0, 40));
}

export function findCitations(text: string, from = 0, to = text.length): FoundCitation[] {
  const out: FoundCitation[] = [];
  // reference lines
  let i = from;
  while (i < to) {
    let j = text.indexOf('\n', i);
    if (j < 0 || j > to) j = to;
    const raw = text.slice(i, j);
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line.length >= 12 && line.length < 500 && YEAR_RE.test(line) && !/^["“]/.test(line)) {
      const p = parseReference(line);
      if (plausible(p, line)) {
        const start = i + lead;
        out.push({ start, end: start + line.length, text: line, kind: 'reference-line', parsed: p });
      }
    } else if (/^(?:ibid|ibidem)\b/i.test(line)) {
      const start = i + lead;
      out.push({ start, end: start + line.length, text: line, kind: 'reference-line', parsed: parseReference(line) });
    }
    i = j + 1;
  }
  // reference lists: after a heading such as "References" or "Sources", every list line is a
  // reference even without a year ("Kudrinskikh, A. Nikolai Yezhov: Bloody dwarf")
  {
    const lines = text.slice(from, to).split('\n');
    let pos = from;
    let inList = false;
    for (const raw of lines) {
      const line = raw.trim();
      const lead = raw.length - raw.trimStart().length;
      if (/^(?:references|notes|sources|bibliography|works cited|further reading|primary sources|footnotes|примечания|литература|источники)\b.{0,20}$/i.test(line)) inList = true;
      else if (inList && line && !/^\[?\(?\d{1,3}[.)\]]?\s/.test(line) && !/^[-*•↑^]/.test(line) && line.length < 40 && !/[.,]/.test(line)) inList = false;
      else if (inList && line.length >= 8) {
        // a marker opening the line is a span of its own
        const mk = /^(\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\.)\s*(?:\^\s*|↑\s*)?/.exec(line);
        const bodyAt = mk ? mk[0].length : 0;
        const start = pos + lead;
        if (mk && /^[[(]/.test(mk[1]!)) addUnique(out, { start, end: start + mk[1]!.length, text: mk[1]!, kind: 'marker', parsed: bare(mk[1]!) });
        // list bullets and wiki back-links ("- ↑ 1.0 1.1") are not part of the reference
        const lead2 = /^(?:[-*•]\s*)?(?:[↑^]\s*(?:\d+(?:\.\d+)?\s+)*)?/.exec(line.slice(bodyAt))?.[0].length ?? 0;
        const body = line.slice(bodyAt + lead2);
        const bs = start + bodyAt + lead2;
        if (body.length >= 8 && !out.some((c) => c.start <= bs && bs < c.end && c.kind !== 'marker')) {
          const parsed = parseReference(body);
          // a list line is a reference when it reads as one, or is short and no running prose
          // (a source list may also hold the quoted passages themselves)
          const prose = /[.!?]["”’]?\s+\p{Ll}/u.test(body) || body.split(/\s+/).length > 45 || /^["“‘']/.test(body);
          if (plausible(parsed, body) || (!prose && parsed.csl?.title && body.length < 250)) addUnique(out, { start: bs, end: bs + body.length, text: body, kind: 'reference-line', parsed });
        }
      }
      pos += raw.length + 1;
    }
  }
  const slice = text.slice(from, to);
  // footnote markers: [1], (85) after a quotation, superscripts, and digits glued to the end of a sentence
  for (const m of slice.matchAll(/\[(\d{1,3})\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[\p{L}.,;:’'"”)])\((\d{1,3})\)|(?<=(?:\p{L}{2}|\d{4}|[’'"”])[.,;:]?[’'"”]?)(?<![\d])(\d{1,2})(?=\s|$)/gu)) {
    const start = from + (m.index ?? 0);
    const t = m[0];
    // a bare glued number must follow sentence punctuation or a closing quote ("1928.2", "revelation.’3")
    if (/^\d+$/.test(t) && !/[.’'"”]$/.test(text.slice(Math.max(0, start - 1), start))) continue;
    addUnique(out, { start, end: start + t.length, text: t, kind: 'marker', parsed: bare(t) });
  }
  // parentheses holding one or several author-date references ("(Binner & Junge, 2001; Khlevniuk, 2009, pp. 166–168)"),
  // and narrative ones ("Ellman (2002, p. 1152)", "Getty et al. (1993)")
  const AD = String.raw`(\p{Lu}[\p{L}'’-]+(?:(?: and | & |, )\p{Lu}[\p{L}'’-]+)*(?: et al\.)?)`;
  const YEAR = String.raw`((?:1[5-9]\d\d|20\d\d)[a-z]?)`;
  const LOC = String.raw`(?:(?:[,:] ?| )(?:(?:pp?\.|chap\.|ch\.) ?)?(\d+(?:[-–]\d+)?))?`;
  const partRe = new RegExp(String.raw`^(?:see also |see |cf\. |e\.g\.,? )?` + AD + String.raw`,? ` + YEAR + LOC + '$', 'u');
  for (const m of slice.matchAll(/\(([^()\n]{4,240})\)/g)) {
    const inner = m[1]!;
    let off = from + (m.index ?? 0) + 1;
    for (const part of inner.split(';')) {
      const lead = part.length - part.trimStart().length;
      const p = part.trim();
      const pm = partRe.exec(p);
      if (pm && !gazetteerPlace(pm[1]!)) {
        const signal = /^(?:see also |see |cf\. |e\.g\.,? )/.exec(p)?.[0].length ?? 0;
        const start = off + lead + signal;
        const t = p.slice(signal);
        addUnique(out, { start, end: start + t.length, text: t, kind: 'parenthetical', parsed: authorDate(pm[1]!, pm[2]!, pm[3] ?? null) });
      }
      off += part.length + 1;
    }
  }
  for (const m of slice.matchAll(new RegExp(AD + String.raw` \(` + YEAR + String.raw`(?:, (?:pp?\. ?)?(\d+(?:[-–]\d+)?))?\)`, 'gu'))) {
    if (gazetteerPlace(m[1]!) || /^(?:The|In|On|At|From|Since|By|And|But|After|Before|During)$/.test(m[1]!)) continue;
    const start = from + (m.index ?? 0);
    addUnique(out, { start, end: start + m[0].length, text: m[0], kind: 'narrative', parsed: authorDate(m[1]!, m[2]!, m[3] ?? null) });
  }
  // Ibid. in parentheses
  for (const m of slice.matchAll(/\((Ibid\.?(?:,? ?(?:pp?\. ?)?\d+(?:[-–]\d+)?)?)\)/g)) {
    const start = from + (m.index ?? 0) + 1;
    addUnique(out, { start, end: start + m[1]!.length, text: m[1]!, kind: 'parenthetical', parsed: parseReference(m[1]!) });
  }
  // works named in prose: an underlined or italic title with a date in parentheses right after it,
  // and a quoted title after a word that says a work is meant (book, memoir, wrote, author of …)
  for (const m of slice.matchAll(/(?:<u>([^<\n]{3,160})<\/u>|\*([^*\n]{3,160})\*)\s*\(([^()\n]{4,40})\)/g)) {
    if (!YEAR_RE.test(m[3]!)) continue;
    const start = from + (m.index ?? 0);
    addUnique(out, { start, end: start + m[0].length, text: m[0], kind: 'prose', parsed: parseReference(m[0].replace(/<\/?u>|\*/g, '')) });
  }
  for (const m of slice.matchAll(/(?:\b(?:book|books|memoirs?|article|essay|pamphlet|report|study|biography|history|novel|diary|wrote|writes|author of|called|titled|entitled|in)\s+)((?:\p{Lu}[\p{L}.'’-]+ ){0,3})(['‘"“])(\p{Lu}[^'’"”\n]{3,120})(['’"”])/gu)) {
    const quote = m[4]!;
    const words = quote.split(/\s+/);
    const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (caps < Math.ceil(words.length / 2) || words.length > 16) continue;
    const who = m[1]!;
    const start = from + (m.index ?? 0) + m[0].length - (who.length + m[3]!.length + quote.length + m[5]!.length) + (who ? 0 : m[3]!.length);
    const end = from + (m.index ?? 0) + m[0].length - (who ? 0 : m[5]!.length);
    addUnique(out, { start, end, text: text.slice(start, end), kind: 'prose', parsed: parseReference(text.slice(start, end).replace(/['‘’"“”]/g, '')) });
  }
  return out.sort((a, b) => a.start - b.start);
}

function addUnique(out: FoundCitation[], c: FoundCitation): void {
  if (out.some((x) => x.start < c.end && c.start < x.end)) return;
  out.push(c);
}

function bare(t: string): ParsedReference {
  return { csl: null, locator: null, remarks: [], ibid: false, opCit: false, shape: 'bare' };
}

function authorDate(names: string, year: string, locator: string | null): ParsedReference {
  return {
    csl: { type: 'book', author: names.replace(/ et al\.$/, '').split(/ and | & |, /).map((family) => ({ family })), issued: { 'date-parts': [[Number(year.slice(0, 4))]] } },
    locator,
    remarks: [],
    ibid: false,
    opCit: false,
    shape: 'author-date',
  };
}
