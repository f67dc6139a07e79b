/**
 * OCR-quality score per passage, 0..1 (1 = clean). Garbled passages can be
 * down-ranked in search and shown as such in the reader. Signals, per passage:
 *  - unknown words: lowercase Latin words of 3+ letters found neither in an English
 *    word list (word-list package) nor in the document's own vocabulary (words used in
 *    3+ passages of it); Cyrillic words are checked against the document's vocabulary
 *    by their first five letters (inflection);
 *  - malformed tokens: letters mixed with digits (l0ve), inner capitals (tHe), U+FFFD;
 *  - stray symbols: characters that are neither letters, digits, space nor common
 *    punctuation;
 *  - stutters: the same word twice in a row ("the the").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tokenize, type Tokens } from '../core/text.js';

let english: Set<string> | null = null;
function englishWords(): Set<string> {
  if (english) return english;
  try {
    const require = createRequire(import.meta.url);
    english = new Set(readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8').split('\n'));
  } catch {
    english = new Set();
  }
  return english;
}

/** common punctuation and symbols that are not noise */
const OK_SYMBOLS = new Set(Array.from(' \n\t.,;:!?\'"“”‘’«»()[]-–—…/&%$€£§#*+=@°'));

const CYR = (c: number) => c >= 0x400 && c <= 0x4ff;

/** Scores every passage of one document (the document teaches its own vocabulary). */
export function scorePassages(texts: string[], tokens?: Tokens[]): number[] {
  const en = englishWords();
  const toks = tokens ?? texts.map((t) => tokenize(t));
  // document frequency of lowercase words
  const df = new Map<string, number>();
  for (const t of toks) {
    const seen = new Set(t.norm);
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const stems = new Map<string, number>();
  for (const [w, n] of df) {
    if (w.length >= 5 && CYR(w.charCodeAt(0))) stems.set(w.slice(0, 5), (stems.get(w.slice(0, 5)) ?? 0) + (n >= 3 ? 2 : 1));
  }
  return texts.map((text, i) => {
    const t = toks[i]!;
    const words = t.norm.length;
    if (words === 0) return text.trim() ? 0.5 : 1;
    let checked = 0;
    let unknown = 0;
    let malformed = 0;
    let stutter = 0;
    for (let k = 0; k < words; k++) {
      const lw = t.norm[k]!;
      if (k > 0 && lw === t.norm[k - 1] && lw.length > 1 && !isDigits(lw)) stutter++;
      const s = t.start[k]!;
      const e = t.end[k]!;
      // one pass over the surface form
      let digits = 0;
      let letters = 0;
      let innerCap = false;
      let asciiLower = true;
      let cyr = true;
      for (let j = s; j < e; j++) {
        const c = text.charCodeAt(j);
        if (c >= 48 && c <= 57) digits++;
        else if (c !== 39 && c !== 0x2019) letters++;
        if (j > s && ((c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f)) && isLowerAt(text, j - 1)) innerCap = true;
        if (!(c >= 97 && c <= 122) && c !== 39 && c !== 0x2019) asciiLower = false;
        if (!CYR(c)) cyr = false;
      }
      if ((digits && letters && !/^\d+(?:st|nd|rd|th|s)$/.test(lw)) || innerCap) {
        malformed++;
        continue;
      }
      if (e - s < 3 || digits) continue;
      if (asciiLower) {
        checked++;
        if ((df.get(lw) ?? 0) >= 3) continue;
        const base = lw.endsWith("'s") ? lw.slice(0, -2) : lw;
        if (!en.has(base) && !(base.endsWith('s') && en.has(base.slice(0, -1)))) unknown++;
      } else if (cyr) {
        checked++;
        if ((df.get(lw) ?? 0) < 3 && (stems.get(lw.slice(0, 5)) ?? 0) < 2) unknown++;
      }
    }
    let stray = 0;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c < 128 ? !(isAlnum(c) || OK_SYMBOLS.has(text[j]!)) : c === 0xfffd) stray++;
    }
    // a rate over few words is weak evidence: shrink it toward "clean"
    const fUnknown = checked ? (unknown / checked) * Math.min(1, checked / 15) : 0;
    const weight = Math.min(1, words / 12);
    const penalty = 2.5 * fUnknown + (weight * (3 * malformed + 4 * stutter)) / words + (4 * stray) / Math.max(1, text.length);
    return Math.round(Math.max(0, Math.min(1, 1 - penalty)) * 1000) / 1000;
  });
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isLowerAt(text: string, j: number): boolean {
  const c = text.charCodeAt(j);
  return (c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x44f);
}
