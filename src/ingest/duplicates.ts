/**
 * Sections duplicated within a document (a forum post captured twice, a compilation
 * that repeats a section): runs of consecutive passages that repeat an earlier run in
 * the same order. They are marked, not deleted: each repeated passage points at the
 * passage it repeats, and search shows the first copy only.
 *
 * A run counts as a duplicated section when it has 3+ passages of 400+ characters
 * in all, or 2+ passages of 600+. A single repeated paragraph is not a section (a quotation used
 * twice is reuse, which the reuse analysis reports).
 */
import { tokenize } from '../core/text.js';

export interface DupInput {
  start: number;
  end: number;
  text: string;
  /** a key of the passage's words (case, punctuation, spacing ignored), if already computed */
  norm?: string;
}

export interface DupResult {
  /** per passage: index of the passage it repeats, or -1 */
  dupOf: number[];
  sections: Array<{ first: number; count: number; of: number }>;
}

/** letters and digits only, lowercase: spacing, punctuation and case do not tell copies apart */
function norm(t: string): string {
  return tokenize(t).norm.join('');
}

export function findDuplicateSections(ps: DupInput[]): DupResult {
  const n = ps.length;
  const h = ps.map((p) => p.norm ?? norm(p.text));
  const dupOf = new Array<number>(n).fill(-1);
  const sections: DupResult['sections'] = [];
  const where = new Map<string, number[]>();
  let i = 0;
  const remember = (k: number) => {
    const key = h[k]!;
    if (!key) return;
    const a = where.get(key);
    if (a) {
      if (a.length < 16) a.push(k);
    } else where.set(key, [k]);
  };
  while (i < n) {
    const cands = h[i] ? where.get(h[i]!) : undefined;
    let bestLen = 0;
    let bestJ = -1;
    let bestChars = 0;
    for (const j of cands ?? []) {
      let k = 0;
      let chars = 0;
      while (i + k < n && j + k < i && h[j + k] === h[i + k] && h[i + k]) {
        chars += ps[i + k]!.end - ps[i + k]!.start;
        k++;
      }
      if (k > bestLen || (k === bestLen && chars > bestChars)) {
        bestLen = k;
        bestJ = j;
        bestChars = chars;
      }
    }
    if (bestJ >= 0 && ((bestLen >= 3 && bestChars >= 400) || (bestLen >= 2 && bestChars >= 600))) {
      for (let k = 0; k < bestLen; k++) {
        // point at the first copy (a copy of a copy points at the original)
        const target = dupOf[bestJ + k]! >= 0 ? dupOf[bestJ + k]! : bestJ + k;
        dupOf[i + k] = target;
        remember(i + k);
      }
      const last = sections[sections.length - 1];
      if (last && last.first + last.count === i && last.of + last.count === bestJ) last.count += bestLen;
      else sections.push({ first: i, count: bestLen, of: bestJ });
      i += bestLen;
    } else {
      remember(i);
      i++;
    }
  }
  return { dupOf, sections };
}
