/**
 * Word tokens for reuse detection: offsets into the text, and a folded form (lowercase, no
 * diacritics, ё → е, apostrophes dropped) hashed to 32 bits. Case, punctuation and accents
 * never break a match; spelling is compared later, word by word, during alignment.
 */


export interface Tokens {
  /** start offset of each token (UTF-16, in the text given) */
  starts: Uint32Array;
  /** end offset of each token */
  ends: Uint32Array;
  /** 32-bit hash of each token's folded form */
  hashes: Uint32Array;
  count: number;
}

/**
 * Per UTF-16 code unit (BMP): 0 not part of a word, 1 a word character that folds to nothing
 * (combining mark), otherwise the folded code unit + 2: lowercase, accents removed, ё → е.
 * Built lazily, 64 K entries.
 */
let FOLD: Uint16Array | null = null;
function foldTable(): Uint16Array {
  if (FOLD) return FOLD;
  const t = new Uint16Array(65536);
  const word = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (mark.test(ch)) {
      t[c] = 1;
      continue;
    }
    if (!word.test(ch)) continue;
    let f = ch.toLowerCase();
    if (c >= 128) f = f.normalize('NFD').replace(/\p{M}/gu, '');
    if (f === 'ё') f = 'е';
    t[c] = f.length === 1 ? f.charCodeAt(0) + 2 : f.length === 0 ? 1 : f.charCodeAt(0) + 2;
  }
  return (FOLD = t);
}

/** the folded form of one word: lowercase, accents removed, ё → е, apostrophes and hyphens out */
export function fold(word: string): string {
  const t = foldTable();
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const v = t[word.charCodeAt(i)]!;
    if (v > 1) out += String.fromCharCode(v - 2);
  }
  return out;
}

/** FNV-1a over a string's UTF-16 units */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const APOS = new Set([0x27, 0x2019, 0x2d]); // ' ’ -

/**
 * Words (letters and digits, with inner apostrophes and hyphens: "don't", "Metro-Vickers"),
 * each hashed on its folded form as it is scanned (no substrings). Two passes: count, fill.
 */
export function tokenize(text: string): Tokens {
  const t = foldTable();
  const n = text.length;
  let count = 0;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    const v = t[text.charCodeAt(i)]!;
    if (v !== 0) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord && APOS.has(text.charCodeAt(i)) && i + 1 < n && t[text.charCodeAt(i + 1)]! > 1) {
      // an inner apostrophe or hyphen keeps the word going
    } else inWord = false;
  }
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  const hashes = new Uint32Array(count);
  let k = -1;
  let h = 0;
  inWord = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = t[c]!;
    if (v !== 0) {
      if (!inWord) {
        k++;
        starts[k] = i;
        h = 0x811c9dc5;
        inWord = true;
      }
      if (v > 1) {
        h ^= v - 2;
        h = Math.imul(h, 0x01000193);
      }
      ends[k] = i + 1;
      hashes[k] = h >>> 0;
    } else if (inWord && APOS.has(c) && i + 1 < n && t[text.charCodeAt(i + 1)]! > 1) {
      // inner apostrophe or hyphen: part of the word, not of its folded form
    } else inWord = false;
  }
  return { starts, ends, hashes, count };
}

/** the folded word of token i */
export function tokenFold(text: string, t: Tokens, i: number): string {
  return fold(text.slice(t.starts[i], t.ends[i]));
}
