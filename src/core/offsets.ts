/**
 * Offsets and offset maps.
 *
 * Unit: every offset in Inquiry is a UTF-16 code unit index into a JavaScript
 * string (what `String.prototype.slice` takes). Raw offsets index the decoded raw
 * text of a source version; clean offsets index its clean text.
 *
 * An OffsetMap maps clean offsets back to raw offsets. It is a sorted list of
 * segments covering the clean text. A *copy* segment copies raw text verbatim
 * (same length, mapped linearly); a *replace* segment stands for a raw range that
 * was rewritten (entity decoded, whitespace collapsed, line joined): any span
 * starting inside it maps to the raw range's start, any span ending inside it to
 * the raw range's end. Raw text that was deleted (boilerplate, markup) has no
 * clean counterpart; it lies between segments.
 */

export interface Edit {
  /** raw start (inclusive) */
  start: number;
  /** raw end (exclusive) */
  end: number;
  /** replacement text ('' deletes) */
  text: string;
  /** why (for diagnostics) */
  reason?: string;
}

/** Segment tuple layout in the flat array: cleanStart, cleanEnd, rawStart, rawEnd, kind(0 copy, 1 replace). */
const W = 5;

export class OffsetMap {
  /** flat segments: [c0, c1, r0, r1, kind]* sorted by c0, contiguous in clean space */
  readonly seg: Int32Array | number[];
  readonly cleanLength: number;
  readonly rawLength: number;

  constructor(seg: Int32Array | number[], cleanLength: number, rawLength: number) {
    this.seg = seg;
    this.cleanLength = cleanLength;
    this.rawLength = rawLength;
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap(length > 0 ? [0, length, 0, length, 0] : [], length, length);
  }

  get segmentCount(): number {
    return this.seg.length / W;
  }

  /** index of the segment containing clean offset c (c0 <= c < c1); for c == cleanLength the last one */
  private find(c: number): number {
    const n = this.segmentCount;
    if (n === 0) return -1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.seg[mid * W] as number) <= c) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** raw offset of a span start at clean offset c */
  toRawStart(c: number): number {
    if (c >= this.cleanLength) return this.rawEndOfText();
    const i = this.find(c);
    if (i < 0) return 0;
    const b = i * W;
    const c0 = this.seg[b] as number;
    const r0 = this.seg[b + 2] as number;
    if (this.seg[b + 4] === 0) return r0 + (c - c0);
    return r0;
  }

  /** raw offset of a span end at clean offset c (exclusive) */
  toRawEnd(c: number): number {
    if (c <= 0) return this.rawStartOfText();
    const i = this.find(c - 1);
    if (i < 0) return 0;
    const b = i * W;
    const c0 = this.seg[b] as number;
    const r0 = this.seg[b + 2] as number;
    const r1 = this.seg[b + 3] as number;
    if (this.seg[b + 4] === 0) return r0 + (c - c0);
    return r1;
  }

  /**
   * Inverse: the clean offset for raw offset r. Inside a copy segment, exact; inside
   * a replace segment, its clean start; in removed raw text, the next clean offset.
   */
  toClean(r: number): number {
    const n = this.segmentCount;
    if (n === 0) return 0;
    // last segment with r0 <= r
    let lo = 0;
    let hi = n - 1;
    if ((this.seg[2] as number) > r) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.seg[mid * W + 2] as number) <= r) lo = mid;
      else hi = mid - 1;
    }
    const b = lo * W;
    const c0 = this.seg[b] as number;
    const c1 = this.seg[b + 1] as number;
    const r0 = this.seg[b + 2] as number;
    const r1 = this.seg[b + 3] as number;
    if (r < r1) return this.seg[b + 4] === 0 ? c0 + (r - r0) : c0;
    return c1;
  }

  toRaw(start: number, end: number): [number, number] {
    const rs = this.toRawStart(start);
    const re = end <= start ? rs : this.toRawEnd(end);
    return [rs, Math.max(rs, re)];
  }

  private rawStartOfText(): number {
    return this.segmentCount ? (this.seg[2] as number) : 0;
  }
  private rawEndOfText(): number {
    const n = this.segmentCount;
    return n ? (this.seg[(n - 1) * W + 3] as number) : 0;
  }

  /**
   * Compose: `this` maps text B → text A, `inner` maps text C → text B.
   * Returns the map C → A.
   */
  compose(inner: OffsetMap): OffsetMap {
    const out: number[] = [];
    const n = inner.segmentCount;
    for (let i = 0; i < n; i++) {
      const b = i * W;
      const c0 = inner.seg[b] as number;
      const c1 = inner.seg[b + 1] as number;
      const b0 = inner.seg[b + 2] as number;
      const b1 = inner.seg[b + 3] as number;
      if (inner.seg[b + 4] === 1) {
        // an insertion inside a rewritten stretch stands for that whole stretch
        const r0 = this.toRawStart(b0);
        push(out, c0, c1, r0, Math.max(r0, b1 > 0 ? this.toRawEnd(b1) : r0), 1);
        continue;
      }
      // copy: split along this map's segments
      let pos = b0;
      while (pos < b1) {
        const j = this.find(pos);
        if (j < 0) break;
        const s = j * W;
        const sc1 = this.seg[s + 1] as number;
        const sr0 = this.seg[s + 2] as number;
        const sr1 = this.seg[s + 3] as number;
        const sc0 = this.seg[s] as number;
        const pieceEnd = Math.min(b1, sc1);
        const cc0 = c0 + (pos - b0);
        const cc1 = c0 + (pieceEnd - b0);
        if (this.seg[s + 4] === 0) {
          push(out, cc0, cc1, sr0 + (pos - sc0), sr0 + (pieceEnd - sc0), 0);
        } else {
          push(out, cc0, cc1, sr0, sr1, 1);
        }
        pos = pieceEnd;
      }
    }
    return new OffsetMap(out, inner.cleanLength, this.rawLength);
  }

  toJSON(): { segments: number[]; cleanLength: number; rawLength: number } {
    return { segments: Array.from(this.seg), cleanLength: this.cleanLength, rawLength: this.rawLength };
  }

  /** compact binary form for storage */
  toBuffer(): Buffer {
    const arr = Int32Array.from(this.seg as ArrayLike<number>);
    const buf = Buffer.alloc(8 + arr.byteLength);
    buf.writeInt32LE(this.cleanLength, 0);
    buf.writeInt32LE(this.rawLength, 4);
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(buf, 8);
    return buf;
  }

  static fromBuffer(buf: Uint8Array): OffsetMap {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    const cleanLength = b.readInt32LE(0);
    const rawLength = b.readInt32LE(4);
    const n = (b.byteLength - 8) / 4;
    const seg = new Int32Array(n);
    for (let i = 0; i < n; i++) seg[i] = b.readInt32LE(8 + i * 4);
    return new OffsetMap(seg, cleanLength, rawLength);
  }
}

function push(out: number[], c0: number, c1: number, r0: number, r1: number, kind: number): void {
  if (c1 <= c0) return;
  const n = out.length;
  // merge with the previous copy segment when contiguous in both spaces
  if (kind === 0 && n >= W && out[n - 1] === 0 && out[n - W + 1] === c0 && out[n - W + 3] === r0) {
    out[n - W + 1] = c1;
    out[n - W + 3] = r1;
    return;
  }
  out.push(c0, c1, r0, r1, kind);
}

/**
 * Apply non-overlapping edits to `raw`; returns the new text and the map from new
 * offsets to `raw` offsets. Overlapping edits are resolved by keeping the earlier
 * (and for equal starts the longer) one; a deletion swallowed by another is dropped.
 */
export function applyEdits(raw: string, edits: Edit[]): { text: string; map: OffsetMap } {
  const sorted = normalizeEdits(edits);
  const parts: string[] = [];
  const seg: number[] = [];
  let pos = 0;
  let clen = 0;
  for (const e of sorted) {
    if (e.start > pos) {
      parts.push(raw.slice(pos, e.start));
      push(seg, clen, clen + (e.start - pos), pos, e.start, 0);
      clen += e.start - pos;
    }
    if (e.text.length > 0) {
      parts.push(e.text);
      // an edit whose text equals the raw it replaces is still a replace: keep it honest
      push(seg, clen, clen + e.text.length, e.start, e.end, 1);
      clen += e.text.length;
    }
    pos = e.end;
  }
  if (pos < raw.length) {
    parts.push(raw.slice(pos));
    push(seg, clen, clen + (raw.length - pos), pos, raw.length, 0);
    clen += raw.length - pos;
  }
  return { text: parts.join(''), map: new OffsetMap(seg, clen, raw.length) };
}

export function normalizeEdits(edits: Edit[]): Edit[] {
  const sorted = edits
    .filter((e) => e.end > e.start || e.text.length > 0)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd) {
      // overlap: merge two deletions; otherwise drop the later edit
      const prev = out[out.length - 1];
      if (prev && prev.text === '' && e.text === '') {
        if (e.end > prev.end) {
          prev.end = e.end;
          lastEnd = e.end;
        }
      }
      continue;
    }
    if (e.start === lastEnd && e.end === e.start && out.length && out[out.length - 1]!.end === e.start) {
      // pure insertion right after another edit: fold into it
      out[out.length - 1]!.text += e.text;
      continue;
    }
    out.push({ ...e });
    lastEnd = e.end;
  }
  return out;
}
