/**
 * Cleaning that keeps provenance. Two phases of edits, each producing an OffsetMap;
 * the maps are composed so every clean offset maps back to the extracted text, and
 * from there (through the reader's map) to the raw text.
 *
 *  phase 1 (on the extracted text): control characters, markup remnants and HTML
 *          entities, page furniture and consent banners, forum quote markers.
 *  phase 2 (on the phase-1 text): whitespace (trim, collapse), blank-line runs,
 *          hard-wrapped paragraphs unwrapped, paragraphs broken mid-sentence (page
 *          or banner breaks) and hyphenated line breaks joined.
 */
import { applyEdits, type Edit, OffsetMap } from '../../core/offsets.js';
import { findBoilerplate, splitLines } from './boilerplate.js';

export interface CleanOptions {
  extraTemplates?: string[];
}

export interface Cleaned {
  text: string;
  /** clean → input text */
  map: OffsetMap;
  /** removed stretches, in input-text offsets */
  removed: Array<{ start: number; end: number; reason: string }>;
  /** offsets (in clean text) where a forum/e-mail quote begins */
  quoteStarts: number[];
  /** consent-banner templates learned from this text */
  templates: string[];
}

const HTML_TAGS =
  'a|abbr|b|big|blockquote|br|center|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul';
const TAG_RE = new RegExp(`<\\/?(?:${HTML_TAGS})(?:\\s[^<>]{0,400})?\\s*\\/?>`, 'gi');
const BLOCK_TAG_RE = /^<\/?(?:br|p|div|li|h[1-6]|blockquote|tr|hr|pre|table|ul|ol)\b/i;
const ENTITY_RE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp|mdash|ndash|hellip|rsquo|lsquo|rdquo|ldquo|laquo|raquo|shy|copy|eacute|egrave|uuml|ouml|auml));/gi;
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', laquo: '«', raquo: '»', shy: '', copy: '©',
  eacute: 'é', egrave: 'è', uuml: 'ü', ouml: 'ö', auml: 'ä',
};

/** forum quote markers on a line of their own */
const QUOTE_LINE_RE =
  /^[ \t]*(?:QUOTE|Quote:?|\[quote(?:=[^\]\n]{0,80})?\]|\[\/quote\]|Quote from: [^\n]{0,120}|Originally Posted by [^\n]{0,80}|Цитата:?)[ \t]*$/gm;
/** an opening BBCode marker at the start of a line, glued to the quoted text */
const QUOTE_OPEN_INLINE_RE = /\[quote(?:=[^\]\n]{0,80})?\][ \t]*/gi;
/** a marker glued to the end of a quoted sentence: ...Kaishek.'QUOTE */
const QUOTE_TAIL_RE = /(?<=[.!?'"’”)\]])[ \t]*(?:QUOTE|\[\/quote\])[ \t]*$/gm;
/** e-mail style "> " prefixes */
const MAIL_QUOTE_RE = /^(?:>[ \t]?)+(?=\S)/gm;

export function cleanText(input: string, opts: CleanOptions = {}): Cleaned {
  // ---------- phase 1
  const e1: Edit[] = [];
  const quoteMarks: number[] = [];

  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 32 && c !== 10 && c !== 9) {
      if (c === 13) e1.push({ start: i, end: i + 1, text: input[i + 1] === '\n' ? '' : '\n', reason: 'line ending' });
      else if (c === 12) e1.push({ start: i, end: i + 1, text: '\n\n', reason: 'page break' });
      else e1.push({ start: i, end: i + 1, text: '', reason: 'control character' });
    } else if (c === 0xfeff || c === 0x200b || c === 0x00ad) {
      e1.push({ start: i, end: i + 1, text: '', reason: 'invisible character' });
    }
  }
  // each rule runs only where its marker character or word occurs at all
  const hasTag = input.includes('<');
  const hasEntity = input.includes('&');
  const hasQuoteWord = /quote|Цитата|Originally Posted/i.test(input);
  const hasMailQuote = input.startsWith('>') || input.includes('\n>');
  for (const m of hasTag ? input.matchAll(TAG_RE) : []) {
    const block = BLOCK_TAG_RE.test(m[0]);
    e1.push({ start: m.index, end: m.index + m[0].length, text: block && /^<br/i.test(m[0]) ? '\n' : '', reason: 'markup remnant' });
  }
  for (const m of hasEntity ? input.matchAll(ENTITY_RE) : []) {
    let ch: string | undefined;
    if (m[1]) ch = safeCodePoint(parseInt(m[1], 10));
    else if (m[2]) ch = safeCodePoint(parseInt(m[2], 16));
    else if (m[3]) ch = NAMED[m[3].toLowerCase()];
    if (ch !== undefined) e1.push({ start: m.index, end: m.index + m[0].length, text: ch, reason: 'entity' });
  }
  for (const m of hasQuoteWord ? input.matchAll(QUOTE_LINE_RE) : []) {
    const end = Math.min(input.length, m.index + m[0].length + 1);
    e1.push({ start: m.index, end, text: '', reason: 'forum quote marker' });
    if (!/^\s*\[\/quote\]/i.test(m[0])) quoteMarks.push(end);
  }
  for (const m of hasQuoteWord ? input.matchAll(QUOTE_OPEN_INLINE_RE) : []) {
    if (m.index > 0 && input[m.index - 1] !== '\n') continue;
    const end = m.index + m[0].length;
    if (input[end] === '\n' || end >= input.length) continue; // on its own line: handled above
    e1.push({ start: m.index, end, text: '', reason: 'forum quote marker' });
    quoteMarks.push(end);
  }
  for (const m of hasQuoteWord ? input.matchAll(QUOTE_TAIL_RE) : []) {
    e1.push({ start: m.index, end: m.index + m[0].length, text: '', reason: 'forum quote marker' });
  }
  for (const m of hasMailQuote ? input.matchAll(MAIL_QUOTE_RE) : []) {
    e1.push({ start: m.index, end: m.index + m[0].length, text: '', reason: 'quote prefix' });
    quoteMarks.push(m.index + m[0].length);
  }
  const bp = findBoilerplate(input, { extraTemplates: opts.extraTemplates });
  e1.push(...bp.edits);

  const p1 = applyEdits(input, e1);

  // ---------- phase 2
  const t = p1.text;
  const e2 = whitespaceEdits(t);
  const p2 = applyEdits(t, e2);
  const map = p1.map.compose(p2.map);

  const removed: Cleaned['removed'] = [];
  const kept = (e: Edit) => e.text === '' && !!e.reason && e.reason !== 'whitespace' && e.end > e.start;
  for (const e of e1) if (kept(e)) removed.push({ start: e.start, end: e.end, reason: e.reason! });
  // phase-2 offsets index the phase-1 text: map them to input offsets
  for (const e of e2) if (kept(e)) removed.push({ start: p1.map.toRawStart(e.start), end: p1.map.toRawEnd(e.end), reason: e.reason! });
  removed.sort((a, b) => a.start - b.start);
  const quoteStarts = quoteMarks.map((p) => map.toClean(p)).filter((p) => p < p2.text.length);
  return { text: p2.text, map, removed: mergeRemoved(removed), quoteStarts, templates: bp.templates };
}

function safeCodePoint(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

function mergeRemoved(r: Cleaned['removed']): Cleaned['removed'] {
  const out: Cleaned['removed'] = [];
  for (const x of r) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end && last.reason === x.reason) last.end = Math.max(last.end, x.end);
    else if (!last || x.start >= last.end) out.push({ ...x });
  }
  return out;
}

const TERMINAL = /[.!?:;"”’»)\]…]$/;
const LIST_START = /^(?:[-*•–]\s|\(?\d{1,3}[.)]\s|\([a-z]\)\s|[a-z]\)\s)/;

/** Phase 2: whitespace, unwrapping, joins. */
export function whitespaceEdits(t: string): Edit[] {
  const edits: Edit[] = [];
  const lines = splitLines(t);
  // per-line trim and collapse of inner runs
  for (const l of lines) {
    let s = l.start;
    while (s < l.end && isBlank(t.charCodeAt(s))) s++;
    if (s > l.start) edits.push({ start: l.start, end: s, text: '', reason: 'whitespace' });
    let e = l.end;
    while (e > s && isBlank(t.charCodeAt(e - 1))) e--;
    if (e < l.end) edits.push({ start: e, end: l.end, text: '', reason: 'whitespace' });
    for (let i = s; i < e; i++) {
      const c = t.charCodeAt(i);
      if (c !== 32 && c !== 9) continue;
      let j = i + 1;
      while (j < e && (t.charCodeAt(j) === 32 || t.charCodeAt(j) === 9)) j++;
      if (j - i > 1 || c === 9) edits.push({ start: i, end: j, text: ' ', reason: 'whitespace' });
      i = j - 1;
    }
  }
  // content lines with their trimmed bounds
  const content = lines
    .map((l) => {
      let s = l.start;
      let e = l.end;
      while (s < e && isBlank(t.charCodeAt(s))) s++;
      while (e > s && isBlank(t.charCodeAt(e - 1))) e--;
      return { s, e };
    })
    .filter((x) => x.e > x.s);
  if (!content.length) {
    if (t.length) edits.push({ start: 0, end: t.length, text: '', reason: 'whitespace' });
    return edits;
  }
  const wrapped = isHardWrapped(t, content);
  // leading/trailing blank space of the document
  if (content[0]!.s > 0) edits.push({ start: 0, end: content[0]!.s, text: '', reason: 'whitespace' });
  const lastE = content[content.length - 1]!.e;
  if (lastE < t.length) edits.push({ start: lastE, end: t.length, text: '', reason: 'whitespace' });
  // the gap between consecutive content lines
  for (let i = 0; i + 1 < content.length; i++) {
    const a = content[i]!;
    const b = content[i + 1]!;
    const gap = t.slice(a.e, b.s);
    const newlines = countNewlines(gap);
    const prevLine = t.slice(a.s, a.e);
    const nextLine = t.slice(b.s, b.e);
    const nextLower = /^\p{Ll}/u.test(nextLine);
    let replacement: string;
    if (/\p{Ll}-$/u.test(prevLine) && nextLower && newlines <= 2) {
      // hyphenated break: "exam-\nple" → "example" (keep the hyphen's place mapped)
      edits.push({ start: a.e - 1, end: b.s, text: '', reason: 'hyphenation' });
      continue;
    } else if (!TERMINAL.test(prevLine) && nextLower && !LIST_START.test(nextLine)) {
      replacement = ' '; // a paragraph (or line) broken in mid-sentence
    } else if (wrapped && newlines === 1 && !LIST_START.test(nextLine) && !isCapsHeading(prevLine)) {
      replacement = ' ';
    } else {
      replacement = newlines >= 2 ? '\n\n' : '\n';
    }
    if (gap !== replacement) edits.push({ start: a.e, end: b.s, text: replacement, reason: 'whitespace' });
  }
  return edits;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function isCapsHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * A document is hard-wrapped when its blank-line-separated blocks have several lines
 * each and those lines are of a bounded, similar length (a typewriter or e-mail wrap).
 */
function isHardWrapped(t: string, content: Array<{ s: number; e: number }>): boolean {
  if (content.length < 6) return false;
  let blocks = 1;
  for (let i = 0; i + 1 < content.length; i++) {
    if (countNewlines(t.slice(content[i]!.e, content[i + 1]!.s)) >= 2) blocks++;
  }
  if (content.length / blocks < 2.5) return false;
  const lens = content.map((c) => c.e - c.s).sort((x, y) => x - y);
  const median = lens[lens.length >> 1]!;
  const p90 = lens[Math.floor(lens.length * 0.9)]!;
  return median >= 30 && p90 <= 100;
}

export { splitLines };
