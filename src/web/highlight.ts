/**
 * Turning text + offset ranges into flat segments. Offsets are UTF-16 code units, i.e. plain
 * JavaScript string indices, so no conversion is needed. Everything here is pure and DOM-free.
 */

export interface Interval {
  start: number;
  end: number;
}

export interface Labelled extends Interval {
  label: string;
}

export interface Segment {
  start: number;
  end: number;
  /** inside a highlight */
  mark: boolean;
  /** this segment begins a highlight (for "next match" navigation) */
  markStart: boolean;
  /** inside a removed span: its reason, else null */
  removed: string | null;
  /**
   * Index into the `spans` layer (e.g. entity mentions) that covers this segment, else -1.
   * Spans are a separate layer: they may overlap highlights and removed stretches in any way;
   * the segments are cut at every edge of every layer, so each layer nests cleanly per segment.
   */
  span: number;
}

/**
 * Shift by -base, clip to [min, max), sort and merge overlapping or touching ranges.
 * Accepts `[start, end]` pairs as they come from the API; ignores malformed entries.
 */
export function normalizeRanges(ranges: readonly (readonly number[])[] | undefined, base: number, min: number, max: number): Interval[] {
  const out: Interval[] = [];
  if (!ranges) return out;
  for (const r of ranges) {
    const s = r[0];
    const e = r[1];
    if (typeof s !== 'number' || typeof e !== 'number' || !Number.isFinite(s) || !Number.isFinite(e)) continue;
    const start = Math.max(min, s - base);
    const end = Math.min(max, e - base);
    if (end > start) out.push({ start, end });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Like normalizeRanges for labelled spans, but overlaps are trimmed (the earlier span wins), not merged. */
export function normalizeLabelled(spans: readonly Labelled[], base: number, min: number, max: number): Labelled[] {
  const out: Labelled[] = [];
  for (const s of spans) {
    const start = Math.max(min, s.start - base);
    const end = Math.min(max, s.end - base);
    if (end > start) out.push({ start, end, label: s.label });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Labelled[] = [];
  let reach = min;
  for (const s of out) {
    const start = Math.max(s.start, reach);
    if (s.end > start) {
      result.push({ start, end: s.end, label: s.label });
      reach = s.end;
    }
  }
  return result;
}

/**
 * A layer of spans that must not overlap each other (e.g. entity mentions): shift by -base, clip
 * to [min, max), sort, and drop any span that overlaps an earlier one (it keeps its own identity,
 * so it cannot be merged). Returns the kept spans with their original objects, in order.
 */
export function normalizeSpans<T extends Interval>(spans: readonly T[] | undefined, base: number, min: number, max: number): Array<T & Interval> {
  const out: Array<T & Interval> = [];
  if (!spans) return out;
  for (const s of spans) {
    if (typeof s.start !== 'number' || typeof s.end !== 'number' || !Number.isFinite(s.start) || !Number.isFinite(s.end)) continue;
    const start = Math.max(min, s.start - base);
    const end = Math.min(max, s.end - base);
    if (end > start) out.push({ ...s, start, end });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Array<T & Interval> = [];
  let reach = min;
  for (const s of out) {
    if (s.start < reach) continue;
    kept.push(s);
    reach = s.end;
  }
  return kept;
}

/** Index of the first interval (sorted, non-overlapping) whose end is > pos. */
function firstEndingAfter(list: readonly Interval[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Cut [from, to) into segments at the edges of the given marks, removed spans and `spans` (a third,
 * independent layer such as entity mentions). Each list must be normalized (sorted, non-overlapping
 * within itself); the layers may overlap each other arbitrarily. Cost is O(log n + k) for k intervals
 * touching the range.
 */
export function segment(
  from: number,
  to: number,
  marks: readonly Interval[],
  removed: readonly Labelled[] = [],
  spans: readonly Interval[] = [],
): Segment[] {
  if (to <= from) return [];
  const cuts = new Set<number>([from, to]);
  const localMarks: Interval[] = [];
  for (let i = firstEndingAfter(marks, from); i < marks.length; i++) {
    const m = marks[i]!;
    if (m.start >= to) break;
    localMarks.push(m);
    if (m.start > from) cuts.add(m.start);
    if (m.end < to) cuts.add(m.end);
  }
  const localRemoved: Labelled[] = [];
  for (let i = firstEndingAfter(removed, from); i < removed.length; i++) {
    const r = removed[i]!;
    if (r.start >= to) break;
    localRemoved.push(r);
    if (r.start > from) cuts.add(r.start);
    if (r.end < to) cuts.add(r.end);
  }
  const firstSpan = firstEndingAfter(spans, from);
  let lastSpan = firstSpan;
  for (; lastSpan < spans.length; lastSpan++) {
    const sp = spans[lastSpan]!;
    if (sp.start >= to) break;
    if (sp.start > from) cuts.add(sp.start);
    if (sp.end < to) cuts.add(sp.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segs: Segment[] = [];
  let mi = 0;
  let ri = 0;
  let si = firstSpan;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (mi < localMarks.length && localMarks[mi]!.end <= start) mi++;
    while (ri < localRemoved.length && localRemoved[ri]!.end <= start) ri++;
    while (si < lastSpan && spans[si]!.end <= start) si++;
    const m = localMarks[mi];
    const r = localRemoved[ri];
    const sp = si < lastSpan ? spans[si]! : undefined;
    const mark = !!m && m.start <= start;
    const removedLabel = r && r.start <= start ? r.label : null;
    const span = sp && sp.start <= start ? si : -1;
    const prev = segs[segs.length - 1];
    // join with the previous segment when nothing changes (a cut that only mattered elsewhere)
    if (prev && prev.end === start && prev.mark === mark && prev.removed === removedLabel && prev.span === span && !(mark && m!.start === start)) {
      prev.end = end;
    } else {
      segs.push({ start, end, mark, markStart: mark && m!.start === start, removed: removedLabel, span });
    }
  }
  return segs;
}

/**
 * Like normalizeSpans, but spans of the layer may overlap each other (e.g. dates inside claims, or
 * two claims on one sentence): shift by -base, clip to [min, max), drop empty ones, sort by start
 * (longer first). Returns the kept spans with their original objects.
 */
export function clipSpans<T extends Interval>(spans: readonly T[] | undefined, base: number, min: number, max: number): Array<T & Interval> {
  const out: Array<T & Interval> = [];
  if (!spans) return out;
  for (const s of spans) {
    if (typeof s.start !== 'number' || typeof s.end !== 'number' || !Number.isFinite(s.start) || !Number.isFinite(s.end)) continue;
    const start = Math.max(min, s.start - base);
    const end = Math.min(max, s.end - base);
    if (end > start) out.push({ ...s, start, end });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** A stretch of text and, per layer, the indices (ascending) of that layer's spans covering all of it. */
export interface Covered extends Interval {
  cover: number[][];
}

/**
 * Cut several layers of spans into pieces, each covered throughout by the same spans of every
 * layer (spans may overlap within a layer and across layers). Only covered pieces are returned, in
 * order; they do not overlap, so they can serve as one span layer for `segment`. Each layer must be
 * sorted by start (as normalizeSpans and clipSpans return them).
 */
export function coverPieces(layers: ReadonlyArray<readonly Interval[]>): Covered[] {
  const starts = new Map<number, Array<[number, number]>>();
  const ends = new Map<number, Array<[number, number]>>();
  const at = (m: Map<number, Array<[number, number]>>, pos: number): Array<[number, number]> => {
    let list = m.get(pos);
    if (!list) m.set(pos, (list = []));
    return list;
  };
  layers.forEach((spans, l) =>
    spans.forEach((s, i) => {
      if (!(s.end > s.start)) return;
      at(starts, s.start).push([l, i]);
      at(ends, s.end).push([l, i]);
    }),
  );
  const points = [...new Set([...starts.keys(), ...ends.keys()])].sort((a, b) => a - b);
  const open = layers.map(() => new Set<number>());
  let active = 0;
  const out: Covered[] = [];
  for (let k = 0; k < points.length; k++) {
    const pos = points[k]!;
    for (const [l, i] of ends.get(pos) ?? []) if (open[l]!.delete(i)) active--;
    for (const [l, i] of starts.get(pos) ?? []) {
      if (!open[l]!.has(i)) {
        open[l]!.add(i);
        active++;
      }
    }
    const next = points[k + 1];
    if (active > 0 && next !== undefined) out.push({ start: pos, end: next, cover: open.map((s) => [...s].sort((a, b) => a - b)) });
  }
  return out;
}
