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

const WORD = /[\p{L}\p{N}\uFFFD]+(?:['’][\p{L}]+)?/gu;
const STRAY = /[^\p{L}\p{N}\s.,;:!?'"“”‘’«»()\[\]\-–—…\/&%$€£§#*+=@°]/gu;

export class QualityScorer {
  private vocab = new Set<string>();
  private stems = new Set<string>();

  /** learn the document's vocabulary from its passages */
  constructor(passageTexts: string[]) {
    const df = new Map<string, number>();
    for (const t of passageTexts) {
      const seen = new Set<string>();
      for (const m of t.toLowerCase().matchAll(WORD)) seen.add(m[0]);
      for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
    }
    for (const [w, n] of df) {
      if (n >= 3) {
        this.vocab.add(w);
        if (/^[\u0400-\u04ff]/.test(w)) this.stems.add(w.slice(0, 5));
      }
    }
    // Cyrillic stems seen in two or more word forms count as known too
    const stemForms = new Map<string, number>();
    for (const w of df.keys()) {
      if (/^[\u0400-\u04ff]{5,}/.test(w)) stemForms.set(w.slice(0, 5), (stemForms.get(w.slice(0, 5)) ?? 0) + 1);
    }
    for (const [s, n] of stemForms) if (n >= 2) this.stems.add(s);
  }

  score(text: string): number {
    const en = englishWords();
    let words = 0;
    let checked = 0;
    let unknown = 0;
    let malformed = 0;
    let stutter = 0;
    let prev = '';
    for (const m of text.matchAll(WORD)) {
      const w = m[0];
      words++;
      const lw = w.toLowerCase();
      if (lw === prev && lw.length > 1 && !/^\d+$/.test(lw)) stutter++;
      prev = lw;
      if (w.includes('\uFFFD') || (/\p{L}/u.test(w) && /\d/.test(w) && !/^\d+(?:st|nd|rd|th|s|th)$/i.test(w)) || /\p{Ll}\p{Lu}/u.test(w.slice(1))) {
        malformed++;
        continue;
      }
      if (w.length < 3 || /\d/.test(w)) continue;
      if (/^[a-z'’]+$/.test(w)) {
        checked++;
        const base = lw.replace(/['’]s$/, '');
        if (!en.has(base) && !this.vocab.has(lw) && !en.has(base.replace(/s$/, ''))) unknown++;
      } else if (/^[\u0400-\u04ff]+$/.test(lw)) {
        checked++;
        if (!this.vocab.has(lw) && !this.stems.has(lw.slice(0, 5))) unknown++;
      }
    }
    if (words === 0) return text.trim() ? 0.5 : 1;
    const stray = (text.match(STRAY) ?? []).length / Math.max(1, text.length);
    const fUnknown = checked ? unknown / checked : 0;
    const fMalformed = malformed / words;
    const fStutter = stutter / words;
    // small passages carry little evidence: shrink toward "clean"
    const weight = Math.min(1, words / 12);
    const penalty = weight * (2.5 * fUnknown + 3 * fMalformed + 4 * fStutter) + 4 * stray;
    return Math.round(Math.max(0, Math.min(1, 1 - penalty)) * 1000) / 1000;
  }
}
