/** Fast tokenization shared by cleaning, quality scoring and duplicate detection. */

/** Tokens of a text: spans and lowercase forms, in parallel arrays (one pass, no regex). */
export interface Tokens {
  start: number[];
  end: number[];
  norm: string[];
}

/** letters and digits of any script; apostrophes between letters join (don't, Vasil'evich) */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, boxes
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xfe00 && c <= 0xfe6f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  if (c === 0xfffd || c === 0xfeff) return false;
  return true;
}

export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const out: Tokens = { start: [], end: [], norm: [] };
  // lowercase once; per-token slices of it when case mapping kept the length
  const span = text.slice(from, to);
  const lower = span.toLowerCase();
  const sameLength = lower.length === span.length;
  let i = from;
  while (i < to) {
    while (i < to && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const s = i;
    for (;;) {
      while (i < to && isWordChar(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if ((c === 39 || c === 0x2019) && i + 1 < to && isWordChar(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    out.start.push(s);
    out.end.push(i);
    let w = sameLength ? lower.slice(s - from, i - from) : text.slice(s, i).toLowerCase();
    if (w.indexOf('\u2019') >= 0) w = w.replace(/\u2019/g, "'");
    out.norm.push(w);
  }
  return out;
}
