/**
 * OCR-quality score per passage, 0..1 (1 = clean). Garbled passages can be
 * down-ranked in search and shown as such in the reader. Signals, per passage:
 *  - unknown words: lowercase Latin words of 3+ letters found neither in an English
 *    word list (word-list package) nor in the document's own vocabulary (words used in
 *    3+ passages of it), in English documents only; Cyrillic words in them are checked
 *    against the document's vocabulary, by their first five letters too (inflection);
 *  - malformed tokens: letters mixed with digits (l0ve), inner capitals (tHe), Latin
 *    letters inside a Cyrillic word (a classic OCR confusion);
 *  - stray symbols: ASCII characters that are neither letters, digits, space nor
 *    common punctuation, and U+FFFD;
 *  - stutters: the same word twice in a row ("the the").
 * Words are hashed as they are scanned (FNV-1a over lowercased code units), so no
 * string is made per word: this runs at tokenizer speed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isWordChar } from '../core/text.js';

const F_DIGIT = 1;
const F_LETTER = 2;
const F_INNERCAP = 4;
const F_ASCII_LOWER = 8; // the surface form is all a-z (and apostrophes)
const F_CYR = 16;
const F_ORDINAL = 32; // 1st, 2nd, 1930s
const F_HAS_LATIN = 64;
const F_HAS_CYR = 128;

/** The words of one passage, as hashes and flags, in typed arrays of length `n`. */
export interface Words {
  n: number;
  /** hash of the lowercase word */
  h: Int32Array;
  /** hash without the last one / two code units (plural, possessive) */
  h1: Int32Array;
  h2: Int32Array;
  /** hash of the first five code units (Cyrillic stems) */
  h5: Int32Array;
  len: Uint16Array;
  flags: Uint8Array;
  /** the last code unit, lowercased */
  tail: Uint16Array;
}

const FNV = 0x811c9dc5;
const mix = (h: number, c: number) => Math.imul(h ^ c, 16777619);

function lower(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0xc0) return c;
  if ((c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x410 && c <= 0x42f)) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  if (c === 0x2019) return 39;
  return c;
}

/** scratch space reused between calls (grown as needed); results are copied out */
let scratch = makeScratch(4096);
function makeScratch(cap: number) {
  return { cap, h: new Int32Array(cap), h1: new Int32Array(cap), h2: new Int32Array(cap), h5: new Int32Array(cap), len: new Uint16Array(cap), flags: new Uint8Array(cap), tail: new Uint16Array(cap) };
}

export function scanWords(text: string): Words {
  const n = text.length;
  // at most one word per two code units
  if (scratch.cap < (n >> 1) + 2) scratch = makeScratch((n >> 1) + 2);
  const w = scratch;
  let count = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    let h = FNV;
    let p1 = FNV;
    let p2 = FNV;
    let h5 = FNV;
    let flags = F_ASCII_LOWER | F_CYR;
    let k = 0;
    let lastDigitAt = -1;
    let prevLower = false;
    let last = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i < n && isWordChar(c)) {
        // ok
      } else if ((c === 39 || c === 0x2019) && i + 1 < n && i > s && isWordChar(text.charCodeAt(i + 1))) {
        // apostrophe inside a word
      } else break;
      const lc = lower(c);
      p2 = p1;
      p1 = h;
      h = mix(h, lc);
      if (k < 5) h5 = h;
      k++;
      if (c >= 48 && c <= 57) {
        flags |= F_DIGIT;
        lastDigitAt = k;
      } else if (c !== 39 && c !== 0x2019) flags |= F_LETTER;
      const isUpper = lc !== c && c !== 0x2019;
      if (isUpper && prevLower) flags |= F_INNERCAP;
      prevLower = (c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x45f);
      if (!((c >= 97 && c <= 122) || c === 39 || c === 0x2019)) flags &= ~F_ASCII_LOWER;
      if (!(c >= 0x400 && c <= 0x4ff)) flags &= ~F_CYR;
      else flags |= F_HAS_CYR;
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) flags |= F_HAS_LATIN;
      last = lc;
      i++;
    }
    if (flags & F_DIGIT && flags & F_LETTER) {
      // digits then a short suffix: 1st, 22nd, 1930s
      const suffix = text.slice(s + lastDigitAt, i).toLowerCase();
      if (lastDigitAt > 0 && /^(?:st|nd|rd|th|s)$/.test(suffix) && /^\d+$/.test(text.slice(s, s + lastDigitAt))) flags |= F_ORDINAL;
    }
    w.h[count] = h;
    w.h1[count] = p1;
    w.h2[count] = p2;
    w.h5[count] = h5;
    w.len[count] = Math.min(k, 65535);
    w.flags[count] = flags;
    w.tail[count] = last;
    count++;
  }
  return {
    n: count,
    h: w.h.slice(0, count),
    h1: w.h1.slice(0, count),
    h2: w.h2.slice(0, count),
    h5: w.h5.slice(0, count),
    len: w.len.slice(0, count),
    flags: w.flags.slice(0, count),
    tail: w.tail.slice(0, count),
  };
}

/** an order-sensitive key of a passage's words (case, punctuation and spacing ignored) */
export function wordsKey(w: Words): string {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = 0; i < w.n; i++) {
    a = Math.imul(a ^ w.h[i]!, 2654435761);
    b = Math.imul(b ^ w.h[i]!, 1597334677) ^ (a >>> 15);
  }
  return w.n ? `${w.n}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}` : '';
}

function hashString(s: string): number {
  let h = FNV;
  for (let i = 0; i < s.length; i++) h = mix(h, lower(s.charCodeAt(i)));
  return h;
}

let english: Set<number> | null = null;
function englishWords(): Set<number> {
  if (english) return english;
  const set = new Set<number>();
  try {
    const require = createRequire(import.meta.url);
    const words = readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8').split('\n');
    for (const word of words) if (word) set.add(hashString(word));
  } catch {
    /* no word list: the document's own vocabulary still counts */
  }
  english = set;
  return set;
}

/** is this (lowercase) word in the English word list? (hashed set: a rare false yes is possible) */
export function isEnglishWord(lower: string): boolean {
  return englishWords().has(hashString(lower));
}

/** common punctuation and symbols that are not noise */
const OK_ASCII = new Uint8Array(128);
for (const ch of ' \n\t.,;:!?\'"()[]-/&%$#*+=@') OK_ASCII[ch.charCodeAt(0)] = 1;
for (let c = 48; c <= 57; c++) OK_ASCII[c] = 1;
for (let c = 65; c <= 90; c++) OK_ASCII[c] = OK_ASCII[c + 32] = 1;

/**
 * Scores every passage of one document (the document teaches its own vocabulary).
 * The unknown-word signal needs a word list, and Inquiry ships an English one: for a
 * document in another language (`language` set and not 'en') only the
 * language-independent signals count (malformed and mixed-script words, stray
 * symbols, stutters).
 */
export function scorePassages(texts: string[], words?: Words[], language?: string | null): number[] {
  const vocabulary = !language || language === 'en' || language.startsWith('en-');
  const en = englishWords();
  const ws = words ?? texts.map(scanWords);
  const df = new Map<number, number>();
  const stems = new Map<number, number>();
  for (const w of ws) {
    const seen = new Set<number>(w.h);
    for (const h of seen) df.set(h, (df.get(h) ?? 0) + 1);
  }
  for (const w of ws) {
    for (let k = 0; k < w.n; k++) {
      if (w.flags[k]! & F_CYR && w.len[k]! >= 5) stems.set(w.h5[k]!, (stems.get(w.h5[k]!) ?? 0) + ((df.get(w.h[k]!) ?? 0) >= 3 ? 2 : 1));
    }
  }
  const S = 115;
  return texts.map((text, i) => {
    const w = ws[i]!;
    const n = w.n;
    if (n === 0) return text.trim() ? 0.5 : 1;
    let checked = 0;
    let unknown = 0;
    let malformed = 0;
    let stutter = 0;
    for (let k = 0; k < n; k++) {
      const f = w.flags[k]!;
      const h = w.h[k]!;
      if (k > 0 && h === w.h[k - 1] && w.len[k]! > 1 && f & F_LETTER) stutter++;
      // letters mixed with digits (l0ve), inner capitals (tHe), Latin inside Cyrillic (Cтaлин)
      if ((f & F_DIGIT && f & F_LETTER && !(f & F_ORDINAL)) || f & F_INNERCAP || (f & F_HAS_LATIN && f & F_HAS_CYR)) {
        malformed++;
        continue;
      }
      if (w.len[k]! < 3 || f & F_DIGIT || !vocabulary) continue;
      if (f & F_ASCII_LOWER) {
        checked++;
        if ((df.get(h) ?? 0) >= 3 || en.has(h)) continue;
        // possessive 's and plural s
        if (w.tail[k] === S && (en.has(w.h1[k]!) || en.has(w.h2[k]!))) continue;
        unknown++;
      } else if (f & F_CYR) {
        checked++;
        if ((df.get(h) ?? 0) < 3 && (stems.get(w.h5[k]!) ?? 0) < 2) unknown++;
      }
    }
    let stray = 0;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c < 128 ? OK_ASCII[c] === 0 && c !== 10 : c === 0xfffd) stray++;
    }
    // a rate over few words is weak evidence: shrink it toward "clean"
    const fUnknown = checked ? (unknown / checked) * Math.min(1, checked / 15) : 0;
    const weight = Math.min(1, n / 12);
    const penalty = 2.5 * fUnknown + (weight * (3 * malformed + 4 * stutter)) / n + (4 * stray) / Math.max(1, text.length);
    return Math.round(Math.max(0, Math.min(1, 1 - penalty)) * 1000) / 1000;
  });
}
