/**
 * Finding citations in a text: reference lines (bibliography entries, notes, numbered source
 * lists: one per line), and parenthetical author-date references in running text
 * ("(Getty 1985, 112)", "(Conquest, 1990: 44)"). Each with its exact span and parse.
 * (Footnote markers, works named in prose and Ibid. chains are the next step.)
 */
import { gazetteerPlace } from '../entities/detect.js';
import { parseNames, parseReference, type ParsedReference } from './parse.js';

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
  if (p.shape === 'archival') return !!(c?.archive && c.archive_location);
  if (!c || !c.title) return false;
  // names read off running prose are no names: "Consequently, the recent revelations of …", "leaders, primarily comrades …"
  const nameOk = (n: { family?: string; given?: string; literal?: string }) =>
    !!n.literal || (/^(?:(?:van|von|de|der|du|le|la|da|di)\s+)?[\p{Lu}][\p{L}'’-]*(?:[\s-][\p{Lu}][\p{L}'’-]*)?$/u.test(n.family ?? '') && !/^(?:Consequently|However|Second|First|Third|Thus|Therefore|Moreover|Also|But|And|The|This|That|These|In|On|At)$/.test(n.family ?? '') && (!n.given || /^(?:(?:\p{Lu}\p{Ll}?\.|\p{Lu}[\p{L}'’-]+)[\s-]?){1,4}$/u.test(n.given)));
  if (![...(c.author ?? []), ...(c.editor ?? [])].every(nameOk)) return false;
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
    // a list number or bullet opening the line is not part of the reference ("(3) ", "- ↑ 1.0 ")
    const bullet = /^\s*(?:\(\d{1,3}\)\s+|\d{1,3}\.\s+(?=\S)|[-*•]\s*(?:[↑^]\s*(?:\d+(?:\.\d+)?\s+)*)?)?/.exec(raw)?.[0].length ?? 0;
    const lead = bullet + (raw.slice(bullet).length - raw.slice(bullet).trimStart().length);
    const line = raw.slice(lead).trim();
    // a reference line has a year, or (an undated edition) a cited page
    if (line.length >= 12 && line.length < 500 && (YEAR_RE.test(line) || /\bpp?\. ?\d/.test(line)) && !/^["“]/.test(line)) {
      const start = i + lead;
      const parts = severalReferences(line);
      if (parts) for (const q of parts) out.push({ start: start + q.at, end: start + q.at + q.text.length, text: q.text, kind: 'reference-line', parsed: q.parsed });
      else {
        const p = parseReference(line);
        if (plausible(p, line)) out.push({ start, end: start + line.length, text: line, kind: 'reference-line', parsed: p });
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
      if (/^(?:references|notes|sources|bibliography|works cited|further reading|primary sources|footnotes|примечания|литература|источники|список литературы|список источников)(?![\p{L}]).{0,20}$/iu.test(line)) inList = true;
      else if (inList && line && !/^\[?\(?\d{1,3}[.)\]]?\s/.test(line) && !/^[-*•↑^]/.test(line) && line.length < 40 && !/[.,]/.test(line)) inList = false;
      else if (inList && line.length >= 8) {
        // a marker opening the line is a span of its own
        const mk = /^(\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\.)\s*(?:\^\s*|↑\s*)?/.exec(line);
        const bodyAt = mk ? mk[0].length : 0;
        const start = pos + lead;
        if (mk && /^[[(]/.test(mk[1]!)) addUnique(out, { start, end: start + mk[1]!.length, text: mk[1]!, kind: 'marker', parsed: bare(mk[1]!) });
        // list bullets and wiki back-links ("- ↑ 1.0 1.1") are not part of the reference
        const lead2 = /^(?:[-*•]\s*)?(?:[↑^]\s*(?:\d+(?:\.\d+)?\s+)*)?/.exec(line.slice(bodyAt))?.[0].length ?? 0;
        // a wiki note's back-link ("- ↑ 1.0 1.1") says the line is a note: what follows is a reference unless it is running prose
        const backLink = /[↑^]/.test(line.slice(bodyAt, bodyAt + lead2));
        const body = line.slice(bodyAt + lead2);
        const bs = start + bodyAt + lead2;
        if (body.length >= 8 && !out.some((c) => c.start <= bs && bs < c.end && c.kind !== 'marker')) {
          // several references in one note, split at ";" (not inside parentheses)
          let off = 0;
          const split = splitTop(body, ';');
          // ("Title; Subtitle" is one reference: split only where each side reads as one)
          const parts = split.length > 1 && split.slice(1).every((x) => /^\s*(?:see also |see |cf\. )?(?:\p{Lu}[\p{L}'’-]+,|\p{Lu}\.|[\p{Lu}\p{Lt}]+\.\s*Ф|Ibid|Там же)/u.test(x)) ? split : [body];
          for (const part of parts) {
            const lead3 = part.length - part.trimStart().length;
            const t = part.trim();
            const ps = bs + off + lead3;
            off += part.length + 1;
            if (t.length < 6) continue;
            const parsed = parseReference(t);
            // a list line is a reference when it reads as one, or is no running prose (a source
            // list may also hold the quoted passages themselves)
            const prose = /[.!?]["”’]?\s+\p{Ll}/u.test(t) || t.split(/\s+/).length > 45 || /^["“‘'«]/.test(t);
            // (a line of a list under such a heading that reads as running text, or as a bare
            // phrase without a date, a publisher or a note's dashes, is not a reference)
            const refLike =
              YEAR_RE.test(t) ||
              /\s[—–]\s|^(?:Там же|Ibid)|\bФ\. ?\d|\bf\. ?\d+, op\. ?\d|\bpp?\. ?\d/u.test(t) ||
              // a Chicago short note: "Conquest, Stalin and the Kirov Murder, 33."
              /^\p{Lu}[\p{L}'’-]+, [^,]{3,100}, \d{1,4}(?:[-–]\d{1,4})?\.?$/u.test(t);
            if (plausible(parsed, t) || (!prose && (refLike || backLink) && t.length < 300)) addUnique(out, { start: ps, end: ps + t.length, text: t, kind: 'reference-line', parsed });
            else if (prose) {
              // a reference followed by the note-writer's comment: "Robert Conquest, Stalin and the Kirov Murder, 1 Jan. 1989. The author contends …"
              const cut = /[.)]\s+(?=(?:The|This|It|He|She|They|His|Her|In|See|Note)\s)/u.exec(t);
              if (cut) {
                const head = t.slice(0, cut.index + 1);
                const hp = parseReference(head);
                if (plausible(hp, head) || (YEAR_RE.test(head) && (hp.csl?.author?.length ?? 0) > 0 && !!hp.csl?.title)) addUnique(out, { start: ps, end: ps + head.length, text: head, kind: 'reference-line', parsed: hp });
              }
            }
          }
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
  for (const m of slice.matchAll(/\(([^()\n]{4,240})\)|\[([^[\]\n]{4,240})\]/g)) {
    const inner = m[1] ?? m[2]!;
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
  // the press: a periodical with its date (and page), after a quoted headline or in parentheses
  const NP = String.raw`(?:The |Le |La |L['’]|Die |Der )?\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}`;
  const MON = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)`;
  const DATE = String.raw`(?:\d{1,2} ${MON}\.? \d{4}(?: г\.)?|${MON}\.? \d{1,2}, \d{4}|${MON} \d{4})`;
  const PAGE = String.raw`(?:,? (?:pp?\. ?)?\d+(?:[-–]\d+)?(?:, \d+)*)?`;
  const pressRe = new RegExp(String.raw`(?:["“][^"”\n]{3,140}[,.]?["”],? )?«?(${NP})»?(?: \([^()\n]{2,30}\))?,? ${DATE}${PAGE}|(${NP}) \(${DATE}${PAGE}\)`, 'gu');
  for (const m of slice.matchAll(pressRe)) {
    const paper = (m[1] ?? m[2] ?? '').replace(/^(?:The|Le|La|Die|Der) /, '');
    const headline = /^["“]/.test(m[0]);
    if (!headline && !PRESS.test(paper)) continue;
    const start = from + (m.index ?? 0);
    let t = m[0];
    if (m[2] && headline === false && /\)$/.test(t)) t = t; // "Manchester Guardian (25 January 1937, p. 9)"
    addUnique(out, { start, end: start + t.length, text: t, kind: 'prose', parsed: parseReference(t) });
  }
  // "Freda Kirchwey's "Moscow Verdict" (The Nation, 19 Mar. 1938, p. 316)"
  for (const m of slice.matchAll(new RegExp(String.raw`(?:\p{Lu}\p{L}+ )?\p{Lu}\p{L}+['’]s ["“][^"”\n]{3,120}["”] \(${NP}, ${DATE}${PAGE}\)`, 'gu'))) {
    const start = from + (m.index ?? 0);
    addUnique(out, { start, end: start + m[0].length, text: m[0], kind: 'prose', parsed: parseReference(m[0]) });
  }
  // a title with a page in square brackets: "[The Last Train from Berlin, p. 325]"
  for (const m of slice.matchAll(/\[(\p{Lu}[\p{L}'’ -]{3,100}, pp?\. ?\d+(?:[-–]\d+)?)\]/gu)) {
    const start = from + (m.index ?? 0) + 1;
    addUnique(out, { start, end: start + m[1]!.length, text: m[1]!, kind: 'prose', parsed: parseReference(m[1]!) });
  }
  // "Pierre Broue, The “Bloc” of the Oppositions against Stalin, 1980": a person, a title, a year
  for (const m of slice.matchAll(/(?<![\p{L}.])(\p{Lu}\p{Ll}+ (?:\p{Lu}\. )?\p{Lu}\p{Ll}+), ((?:The |A |An )?\p{Lu}[^,\n]{3,100}), ((?:1[5-9]|20)\d\d)\b/gu)) {
    if (givenNameLike(m[1]!.split(' ')[0]!) === false) continue;
    const start = from + (m.index ?? 0);
    addUnique(out, { start, end: start + m[0].length, text: m[0], kind: 'prose', parsed: parseReference(m[0]) });
  }
  for (const m of slice.matchAll(/(?:(?<![\p{L}])(?:book|books|memoirs?|article|essay|pamphlet|report|study|biography|history|novel|diary|wrote|writes|author of|called|titled|entitled|like|such as|in|книг[аеиу]|стать[яеи]|мемуар[аыхе]*|воспоминани[яхе]+|работ[аеуы]|труд[ае]?|в|his|her|their|try|read)[,:]?\s+|(?<=[\s(])(?=\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ ['‘"“«]\p{Lu}))((?:\p{Lu}[\p{L}.'’-]+ ){0,3})(['‘"“«])(\p{Lu}[^"”»\n]{2,120}?)(['’"”»])(?!\p{L})/gu)) {
    const quote = m[3]!;
    const words = quote.split(/\s+/);
    const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (caps < Math.ceil(words.length / 2) || words.length > 16) continue;
    // after a weak cue ("in", "like", "called") a quoted phrase is a title only if it is one ("In
    // Search of Soviet Gold"), not a nickname or a slogan ('Judas', 'Doctors Plot')
    const cue = /^[\p{L} ]+/u.exec(m[0])?.[0].trim().toLowerCase() ?? '';
    // a section or chapter of a work is not a work: "a section titled "Last Articles and Letters""
    if (/\b(?:section|chapter|part|heading|sections|chapters)s?\s+(?:titled|called|entitled|named)?\s*$/i.test(text.slice(Math.max(0, from + (m.index ?? 0) - 40), from + (m.index ?? 0) + (/^[\p{L} ]+/u.exec(m[0])?.[0].length ?? 0)).replace(/\s+/g, ' '))) continue;
    if (/^(?:called|titled|entitled)$/.test(cue) && /\b(?:section|chapter|part)s?\b/i.test(text.slice(Math.max(0, from + (m.index ?? 0) - 40), from + (m.index ?? 0)))) continue;
    if (/^(?:in|like|such as|called|titled|entitled|в)$/.test(cue) && words.length < 3) continue;
    // the span: the author named right before it (if any) and the title with its quotation marks
    const who = m[1]!;
    const end = from + (m.index ?? 0) + m[0].length;
    const start = end - (who.length + m[2]!.length + quote.length + m[4]!.length);
    const title = quote.replace(/[.,]$/, '');
    const parsed: ParsedReference = { csl: { type: 'book', title, ...(who.trim() ? { author: parseNames(who.trim(), false) } : {}) }, locator: null, remarks: [], ibid: false, opCit: false, shape: 'prose' };
    addUnique(out, { start, end, text: text.slice(start, end), kind: 'prose', parsed });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A note holding several references: "Orlov, The Secret History (New York, 1953), 17–21; see also Conquest,
 * Stalin and the Kirov Murder, 33." Each part (after its signal) is a reference of its own, or null when
 * the line does not split into references.
 */
function severalReferences(line: string): Array<{ at: number; text: string; parsed: ParsedReference }> | null {
  const parts = splitTop(line, ';');
  if (parts.length < 2) return null;
  const out: Array<{ at: number; text: string; parsed: ParsedReference }> = [];
  let off = 0;
  for (const part of parts) {
    const lead = part.length - part.trimStart().length;
    const signal = /^(?:see also|see|cf\.|compare|also)\s+/i.exec(part.trimStart())?.[0].length ?? 0;
    const t = part.trim().slice(signal);
    const parsed = parseReference(t);
    const shortNote = /^\p{Lu}[\p{L}'’-]+, [^,]{3,100}, \d{1,4}(?:[-–]\d{1,4})?\.?$/u.test(t);
    if (!(plausible(parsed, t) || shortNote)) return null;
    out.push({ at: off + lead + signal, text: t, parsed });
    off += part.length + 1;
  }
  return out;
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

/** split at a separator outside parentheses and brackets */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** words that name periodicals (a periodical with a date is a citation; a person with a date is not) */
const PRESS = /(?:Times|News|Post|Herald|Guardian|Worker|Pravda|Izvestia|Izvestiya|Humanit[ée]|Temps|Nation|Observer|Statesman|Republic|Tribune|Journal|Gazette|Daily|Weekly|Monthly|Review|Chronicle|Telegraph|Express|Mail|Star|Sun|^Time$|Life|Newsweek|Bulletin|Militant|Monde|Figaro|Zeitung|Правд[аеы]|Известия|Известиях|Труд|Красная звезда)/u;

/** a capitalized word that can open a person's name (not a function word or a month) */
function givenNameLike(w: string): boolean {
  return !/^(?:The|In|On|At|From|Since|By|And|But|After|Before|During|Under|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(w);
}
