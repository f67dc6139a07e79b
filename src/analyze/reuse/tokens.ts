/**
 * Word tokens for reuse detection: offsets into the text, and a folded form (lowercase, no
 * diacritics, ё → е, apostrophes dropped) hashed to 32 bits. Case, punctuation and accents
 * never break a match; spelling is compared later, word by word, during alignment.
 */

/** a word: letters and digits, with inner apostrophes and hyphens ("don't", "Metro-Vickers") */
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export interface Tokens {
  /** start offset of each token (UTF-16, in the text given) */
  starts: Uint32Array;
  /** end offset of each token */
  ends: Uint32Array;
  /** 32-bit hash of each token's folded form */
  hashes: Uint32Array;
  count: number;
}

const foldCache = new Map<string, string>();

/** the folded form of one word: lowercase, accents removed, ё → е, apostrophes and hyphens out */
export function fold(word: string): string {
  let f = foldCache.get(word);
  if (f !== undefined) return f;
  f = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(f)) f = f.normalize('NFD').replace(/\p{M}/gu, '').replace(/ё/g, 'е');
  f = f.replace(/['’\-]/g, '');
  if (foldCache.size > 200_000) foldCache.clear();
  foldCache.set(word, f);
  return f;
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

export function tokenize(text: string): Tokens {
  // two passes: count, then fill typed arrays (no per-token objects)
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const hashes = new Uint32Array(n);
  WORD.lastIndex = 0;
  let i = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    starts[i] = m.index;
    ends[i] = m.index + m[0].length;
    hashes[i] = hashString(fold(m[0]));
    i++;
  }
  return { starts, ends, hashes, count: n };
}

/** the folded word of token i */
export function tokenFold(text: string, t: Tokens, i: number): string {
  return fold(text.slice(t.starts[i], t.ends[i]));
}
