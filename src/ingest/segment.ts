/**
 * Segmentation of clean text into paragraphs, passages (the unit of search and
 * reuse: paragraph-based, bounded length) and sentences.
 */
import type { PassageRole } from '../core/types.js';

export interface Para {
  start: number;
  end: number;
  role: PassageRole;
}

export interface Chunk {
  start: number;
  end: number;
  role: PassageRole;
}

export const MAX_PASSAGE = 2000;
const TARGET_PASSAGE = 1200;
const MERGE_LIMIT = 600;
const SHORT_PARA = 120;
const SCRAP = 25;

const LIST_RE = /^(?:[-*•–]\s|\(?\d{1,3}[.)]\s|\([a-z]\)\s|[a-z]\)\s)/;
const DIALOGUE_RE = /^[\p{Lu}][\p{Lu}'’.\- ]{1,40}:\s/u;
const TERMINAL_RE = /[.!?:;,"”’»)\]…]$/;

/** Paragraphs are the non-empty lines of the clean text (cleaning has unwrapped hard wraps). */
export function paragraphs(text: string, quoteStarts: number[] = [], headingHints: Array<{ start: number; end: number }> = []): Para[] {
  const lines: Array<{ start: number; end: number }> = [];
  let s = 0;
  while (s <= text.length) {
    let nl = text.indexOf('\n', s);
    if (nl < 0) nl = text.length;
    if (nl > s) lines.push({ start: s, end: nl });
    s = nl + 1;
  }
  const quotes = new Set(quoteStarts);
  const out: Para[] = [];
  lines.forEach((l, i) => {
    const line = text.slice(l.start, l.end);
    let role: PassageRole = 'paragraph';
    const next = lines[i + 1];
    if (headingHints.some((h) => h.start <= l.start && h.end >= l.end - 1)) role = 'heading';
    else if (quotes.has(l.start)) role = 'quote';
    else if (LIST_RE.test(line)) role = 'list';
    else if (DIALOGUE_RE.test(line)) role = 'dialogue';
    else if (isHeading(line, next ? text.slice(next.start, next.end) : null)) role = 'heading';
    out.push({ start: l.start, end: l.end, role });
  });
  return out;
}

function isHeading(line: string, next: string | null): boolean {
  if (line.length > 200) return false;
  // letters whose case changes, and how many of them are capitals
  const lower = line.toLowerCase();
  const upperS = line.toUpperCase();
  let cased = 0;
  let caps = 0;
  for (let i = 0; i < line.length; i++) {
    if (lower[i] !== upperS[i]) {
      cased++;
      if (line[i] === upperS[i]) caps++;
    }
  }
  if (cased >= 4 && lower.length === line.length && upperS.length === line.length) {
    if (caps / cased >= 0.85 && /\p{L}{2,}\s+\p{L}{2,}|\p{L}{5,}/u.test(line)) return true;
  }
  if (line.length > 90 || TERMINAL_RE.test(line)) return false;
  // a reference line is not a heading: "Medvedev, Roy. Let History Judge. New York: …, 1989, p. 258"
  if (/\bpp?\.\s*\d/.test(line) || (line.match(/\.\s/g) ?? []).length >= 2) return false;
  if (!/^[\p{Lu}\d"“«]/u.test(line)) return false;
  const words = line.split(/\s+/).length;
  if (words > 12) return false;
  // a short unpunctuated line followed by a real paragraph
  return next !== null && next.length >= Math.max(100, line.length * 2);
}

/**
 * Passages: one per paragraph; long paragraphs cut at sentence boundaries (then at
 * spaces, then anywhere) to at most MAX_PASSAGE; runs of short dialogue lines or list
 * items, and scraps of a few characters, merged up to MERGE_LIMIT.
 */
export function passages(text: string, paras: Para[]): Chunk[] {
  const out: Chunk[] = [];
  let pending: Chunk | null = null;
  const flush = () => {
    if (pending) out.push(pending);
    pending = null;
  };
  for (const p of paras) {
    const len = p.end - p.start;
    if (len > MAX_PASSAGE) {
      flush();
      for (const c of splitLong(text, p.start, p.end)) out.push({ ...c, role: p.role });
      continue;
    }
    // dialogue lines and list items run together; a prose paragraph stands alone unless it is a scrap
    const mergeable = (p.role === 'dialogue' || p.role === 'list') ? len < SHORT_PARA : p.role !== 'heading' && len < SCRAP;
    if (pending) {
      const pend: Chunk = pending;
      if (mergeable && pend.role === p.role && p.end - pend.start <= MERGE_LIMIT) {
        pend.end = p.end;
        continue;
      }
      flush();
    }
    if (mergeable) pending = { start: p.start, end: p.end, role: p.role };
    else out.push({ start: p.start, end: p.end, role: p.role });
  }
  flush();
  return out;
}

function splitLong(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const sents = sentences(text, start, end);
  let cs = start;
  let ce = start;
  for (const s of sents) {
    if (s.end - cs <= TARGET_PASSAGE || ce === cs) {
      ce = s.end;
      if (ce - cs > MAX_PASSAGE) {
        // a single very long sentence (or no punctuation at all)
        for (const piece of hardSplit(text, cs, ce)) out.push(piece);
        cs = ce;
      }
      continue;
    }
    out.push({ start: cs, end: ce });
    cs = skipSpace(text, ce, end);
    ce = Math.max(cs, s.end);
    if (ce - cs > MAX_PASSAGE) {
      for (const piece of hardSplit(text, cs, ce)) out.push(piece);
      cs = ce;
    }
  }
  if (ce > cs) out.push({ start: cs, end: ce });
  return out.filter((c) => c.end > c.start);
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i]!)) i++;
  return i;
}

function hardSplit(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = start;
  while (end - s > MAX_PASSAGE) {
    // the last space in the second half of the window (searched within the window only:
    // a text without spaces must not be rescanned from its start at every cut)
    let cut = -1;
    for (let k = s + TARGET_PASSAGE; k > s + TARGET_PASSAGE / 2; k--) {
      if (text.charCodeAt(k) === 32) {
        cut = k;
        break;
      }
    }
    if (cut < 0) cut = s + TARGET_PASSAGE;
    // never cut a surrogate pair
    const c = text.charCodeAt(cut);
    if (c >= 0xdc00 && c <= 0xdfff) cut--;
    let e = cut;
    while (e > s && text[e - 1] === ' ') e--;
    out.push({ start: s, end: e });
    s = skipSpace(text, cut, end);
  }
  if (end > s) out.push({ start: s, end });
  return out;
}

const ABBREV = new Set(
  (
    'mr mrs ms dr st prof gen col lt capt sgt jr sr vol vols no nos pp p ps vs etc cf ed eds trans tr repr rev ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp fig figs ch chap sec art esp approx ca c ' +
    'op cit ibid id al univ dept gov govt mt ft messrs mme mlle hon ave blvd comp ser n ' +
    'г гг т тт см стр с ср им ул д др пр тов проф акад'
  ).split(' '),
);

/** Sentence boundaries inside [start, end): newlines always split; punctuation splits unless after an abbreviation or an initial. */
export function sentences(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = skipSpace(text, start, end);
  let i = s;
  while (i < end) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (i > s) out.push({ start: s, end: trimEnd(text, s, i) });
      s = skipSpace(text, i + 1, end);
      i = s;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let j = i + 1;
      while (j < end && /[.!?…]/.test(text[j]!)) j++;
      while (j < end && /["”’'»)\]]/.test(text[j]!)) j++;
      if (j >= end) break;
      if (text[j] === ' ' || text[j] === '\n') {
        const k = skipSpace(text, j, end);
        const next = text[k];
        if (next !== undefined && /[\p{Lu}\d"“‘'«(\[]/u.test(next) && !(ch === '.' && isAbbrevBefore(text, s, i))) {
          out.push({ start: s, end: j });
          s = k;
          i = k;
          continue;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  if (end > s) {
    const e = trimEnd(text, s, end);
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function isAbbrevBefore(text: string, s: number, dot: number): boolean {
  let k = dot;
  while (k > s && /[\p{L}.]/u.test(text[k - 1]!)) k--;
  const word = text.slice(k, dot);
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "I. N. Smirnov"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // e.g, i.e, U.S
  return ABBREV.has(word.toLowerCase());
}
