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
  kind: 'reference-line' | 'parenthetical';
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
  // parenthetical author-date references in running text
  const paren = /\((?:see |cf\. )?(\p{Lu}[\p{L}'’-]+(?:(?: and | & |, )\p{Lu}[\p{L}'’-]+)*(?: et al\.)?),? ((?:1[5-9]\d\d|20\d\d)[a-z]?)(?:[,:] ?(?:pp?\. ?)?(\d+(?:[-–]\d+)?))?\)/gu;
  for (const m of text.slice(from, to).matchAll(paren)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    if (out.some((c) => c.start <= start && end <= c.end)) continue;
    // "(Moscow, 1937)" is a place and a year, not an author
    if (gazetteerPlace(m[1] as string)) continue;
    const names = (m[1] as string).replace(/ et al\.$/, '');
    const parsed: ParsedReference = {
      csl: {
        type: 'book',
        author: names.split(/ and | & |, /).map((family) => ({ family })),
        issued: { 'date-parts': [[Number((m[2] as string).slice(0, 4))]] },
      },
      locator: m[3] ?? null,
      remarks: [],
      ibid: false,
      opCit: false,
      shape: 'author-date',
    };
    out.push({ start, end, text: m[0], kind: 'parenthetical', parsed });
  }
  return out.sort((a, b) => a.start - b.start);
}
