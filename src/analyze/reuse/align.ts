/**
 * Word alignment of two passages: exact anchors (shared word n-grams) joined by small
 * Needleman–Wunsch alignments between them, and extended at both ends with an anchored
 * dynamic program that stops where the texts stop agreeing. Words are compared folded; a
 * near miss (typo, OCR confusion, transliteration variant) is a "variant", never for numbers.
 */
import { editDistance } from '../entities/keys.js';

export type OpKind = 'eq' | 'var' | 'sub' | 'del' | 'ins';

/** one step of an alignment: token ranges [a0, a1) in A and [b0, b1) in B */
export interface Op {
  op: OpKind;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

const HAS_DIGIT = /\d/;
/** endings that make another form of a word (a stem plus one of these is not a misspelling of the stem) */
const INFLECTION = /^(?:s|es|ed|d|ing|al|ally|ly|er|ers|est|ion|ions|ness|ment|ments|ism|ist|ists|ic|ical|ов|ами|ах|ы|и|а|у|ом|ем|ей|ой|ий|ая|ое|ые|ого|ему|ую)$/;

/** 2: same word; 1: a spelling variant of it; 0: different */
/** letters OCR confuses (rn/m, cl/d, vv/w, li/h) read alike */
const OCR = /rn|cl|vv|li|[1l0]/g;
const OCR_TO: Record<string, string> = { rn: 'm', cl: 'd', vv: 'w', li: 'h', '1': 'i', l: 'i', '0': 'o' };
const ocrCache = new Map<string, string>();
const ocrFold = (w: string): string => {
  let f = ocrCache.get(w);
  if (f === undefined) {
    f = w.replace(OCR, (x) => OCR_TO[x] ?? x);
    if (ocrCache.size > 100_000) ocrCache.clear();
    ocrCache.set(w, f);
  }
  return f;
};

const hasDigit = (w: string) => {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
};

const HIST = new Int16Array(65536);
/** the letter-count distance of two words is at most `max` (cheap, exact, no allocation) */
function closeLetters(a: string, b: string, max: number): boolean {
  for (let i = 0; i < a.length; i++) HIST[a.charCodeAt(i)]!++;
  for (let i = 0; i < b.length; i++) HIST[b.charCodeAt(i)]!--;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    d += Math.abs(HIST[c]!);
    HIST[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    d += Math.abs(HIST[c]!);
    HIST[c] = 0;
  }
  return d <= max;
}

export function wordSim(a: string, b: string): 0 | 1 | 2 {
  if (a === b) return 2;
  const la = a.length;
  const lb = b.length;
  // cheap rejections first: most pairs of a DP cell are plainly different words
  if (la < 3 || lb < 3 || Math.abs(la - lb) > 2) return 0;
  if (hasDigit(a) || hasDigit(b)) return 0;
  // letters in common, position aside: a word within two edits of another differs in at most
  // four letter counts (six with an OCR rn/m); most pairs of different words fail here at once
  if (!closeLetters(a, b, 6)) return 0;
  // a variant keeps its first letter, or (Ezhov/Yezhov, Iejov) its ending, unless OCR misread it (cl/d)
  if (a[0] !== b[0] && (la < 5 || a[la - 1] !== b[lb - 1] || a[la - 2] !== b[lb - 2])) return ocrFold(a) === ocrFold(b) ? 1 : 0;
  if (ocrFold(a) === ocrFold(b)) return 1;
  const short = Math.min(la, lb);
  const max = Math.max(la, lb) >= 6 ? 2 : 1;
  if (Math.abs(la - lb) > max) return 0;
  // another ending on the same stem is another form of the word, not a misspelling (tragical/tragic, aroused/arouse)
  if (la !== lb && (a.startsWith(b) || b.startsWith(a)) && INFLECTION.test(la > lb ? a.slice(lb) : b.slice(la))) return 0;
  // a changed first letter makes another word more often than a typo does (rot/not, bow/now)
  if (short <= 4 && a[0] !== b[0]) return 0;
  return editDistance(a, b, max) <= max ? 1 : 0;
}

const S_EQ = 2;
const S_VAR = 1;
const S_MIS = -3;
const S_GAP = -2;

/**
 * Align A[0..n) with B[0..m). "global": both wholly. "extend": from the origin (0, 0) to the
 * best-scoring cell; returns how far the agreement reaches in each.
 */
export const dpStats = { calls: 0, cells: 0, ext: 0, mid: 0, hist: [0, 0, 0, 0, 0, 0] };
export function alignDP(A: readonly string[], B: readonly string[], mode: 'global' | 'extend'): { ops: Op[]; aEnd: number; bEnd: number; score: number } {
  const n = A.length;
  dpStats.calls++;
  dpStats.cells += n * B.length;
  if (mode === 'extend') dpStats.ext += n * B.length;
  else dpStats.mid += n * B.length;
  const c = n * B.length;
  dpStats.hist[c < 10 ? 0 : c < 100 ? 1 : c < 1000 ? 2 : c < 3000 ? 3 : c < 7000 ? 4 : 5]! += c;
  const m = B.length;
  const W = m + 1;
  const score = new Float64Array((n + 1) * W);
  const trace = new Uint8Array((n + 1) * W); // 1 diag, 2 up (del A), 3 left (ins B)
  for (let i = 1; i <= n; i++) {
    score[i * W] = i * S_GAP;
    trace[i * W] = 2;
  }
  for (let j = 1; j <= m; j++) {
    score[j] = j * S_GAP;
    trace[j] = 3;
  }
  let bestI = 0;
  let bestJ = 0;
  let best = 0;
  const simRow = new Int8Array(m);
  for (let i = 1; i <= n; i++) {
    const a = A[i - 1]!;
    const la = a.length;
    for (let j = 0; j < m; j++) {
      const b = B[j]!;
      // most cells compare plainly different words: settle those without a call
      simRow[j] = a === b ? 2 : la < 3 || b.length < 3 || Math.abs(la - b.length) > 2 ? 0 : wordSim(a, b);
    }
    for (let j = 1; j <= m; j++) {
      const s = simRow[j - 1]!;
      const d = score[(i - 1) * W + j - 1]! + (s === 2 ? S_EQ : s === 1 ? S_VAR : S_MIS);
      const u = score[(i - 1) * W + j]! + S_GAP;
      const l = score[i * W + j - 1]! + S_GAP;
      let v = d;
      let t = 1;
      if (u > v) [v, t] = [u, 2];
      if (l > v) [v, t] = [l, 3];
      score[i * W + j] = v;
      trace[i * W + j] = t;
      if (mode === 'extend' && v > best) [best, bestI, bestJ] = [v, i, j];
    }
  }
  const endI = mode === 'global' ? n : bestI;
  const endJ = mode === 'global' ? m : bestJ;
  // traceback into unit steps, then runs
  const steps: Array<[OpKind, number, number]> = [];
  let i = endI;
  let j = endJ;
  while (i > 0 || j > 0) {
    const t = trace[i * W + j];
    if (t === 1) {
      const s = wordSim(A[i - 1]!, B[j - 1]!);
      steps.push([s === 2 ? 'eq' : s === 1 ? 'var' : 'sub', i - 1, j - 1]);
      i--;
      j--;
    } else if (t === 2) {
      steps.push(['del', i - 1, j]);
      i--;
    } else {
      steps.push(['ins', i, j - 1]);
      j--;
    }
  }
  steps.reverse();
  const ops: Op[] = [];
  for (const [k, ai, bj] of steps) {
    const a1 = k === 'ins' ? ai : ai + 1;
    const b1 = k === 'del' ? bj : bj + 1;
    pushOp(ops, { op: k, a0: ai, a1, b0: bj, b1 });
  }
  return { ops, aEnd: endI, bEnd: endJ, score: mode === 'global' ? score[n * W + m]! : best };
}

/** append an op, joining runs: eq with eq, and any mix of sub/del/ins into one change */
export function pushOp(ops: Op[], o: Op): void {
  const last = ops[ops.length - 1];
  if (last && last.a1 === o.a0 && last.b1 === o.b0) {
    const change = (k: OpKind) => k === 'sub' || k === 'del' || k === 'ins';
    if (last.op === o.op && (o.op === 'eq' || o.op === 'var' ? o.op === 'eq' : true)) {
      last.a1 = o.a1;
      last.b1 = o.b1;
      return;
    }
    if (change(last.op) && change(o.op)) {
      last.a1 = o.a1;
      last.b1 = o.b1;
      last.op = last.a1 > last.a0 && last.b1 > last.b0 ? 'sub' : last.a1 > last.a0 ? 'del' : 'ins';
      return;
    }
  }
  ops.push({ ...o });
}

/** an exact shared run: A[a, a+len) = B[b, b+len) */
export interface Anchor {
  a: number;
  b: number;
  len: number;
}

export interface Alignment {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  ops: Op[];
  /** words matched exactly or as variants */
  matched: number;
}

/** the longest runs of anchors increasing in both A and B, merged where they overlap on one diagonal */
export function normalizeAnchors(anchors: Anchor[]): Anchor[] {
  const xs = [...anchors].sort((x, y) => x.a - y.a || x.b - y.b);
  const out: Anchor[] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && x.b - x.a === last.b - last.a && x.a <= last.a + last.len) {
      last.len = Math.max(last.len, x.a + x.len - last.a);
      continue;
    }
    if (last && (x.a < last.a + last.len || x.b < last.b + last.len)) continue; // overlaps or goes back: skip
    out.push({ ...x });
  }
  return out;
}

const EXT = 16;

/** edits tried when extending, smallest first: (words skipped in A, in B), each up to 8 */
const SMALL_EDITS: ReadonlyArray<[number, number]> = (() => {
  const out: Array<[number, number]> = [];
  for (let da = 0; da <= 8; da++) for (let db = 0; db <= 8; db++) if (da + db > 0) out.push([da, db]);
  return out.sort((x, y) => x[0] + x[1] - (y[0] + y[1]) || Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]) || y[0] - x[0]);
})();

/**
 * A small edit at (a, b) going in direction dir: skipping da words of A and db of B, the next
 * three words agree exactly. The first such (da, db), smallest first; null if none.
 */
function smallEdit(same: (i: number, j: number) => boolean, a: number, b: number, dir: 1 | -1, lenA: number, lenB: number): [number, number] | null {
  for (const [da, db] of SMALL_EDITS) {
    if (da + 3 > lenA || db + 3 > lenB) continue;
    let ok = true;
    for (let q = 0; q < 3 && ok; q++) ok = same(a + dir * (da + q), b + dir * (db + q));
    if (ok) return [da, db];
  }
  return null;
}

/**
 * Do the texts go on agreeing past a difference? Two consecutive equal words on one diagonal
 * within the next stretch (a typo or a short insertion is bridged; a different text, which
 * shares only scattered function words, is not).
 */
function agreesAhead(same: (i: number, j: number) => boolean, a: number, b: number, dir: 1 | -1, lenA: number, lenB: number): boolean {
  for (let k = 1; k + 1 < Math.min(lenA, 10); k++) {
    for (let d = -3; d <= 3; d++) {
      const kb = k + d;
      if (kb < 0 || kb + 1 >= lenB) continue;
      if (same(a + dir * k, b + dir * kb) && same(a + dir * (k + 1), b + dir * (kb + 1))) return true;
    }
  }
  return false;
}

/**
 * Align two token sequences around their anchors. `wa(i)`/`wb(j)` give folded words and
 * `ha`/`hb` their hashes (equal words are matched by hash, without building strings);
 * [aMin, aMax) and [bMin, bMax) bound how far the ends may be extended.
 */
export function alignAnchored(
  anchors: Anchor[],
  wa: (i: number) => string,
  wb: (j: number) => string,
  aMin: number,
  aMax: number,
  bMin: number,
  bMax: number,
  maxGap = 80,
  ha?: Uint32Array,
  hb?: Uint32Array,
  /** only the extent matters (ends aligned exactly, the inside between anchors left as blocks) */
  extentOnly = false,
): Alignment | null {
  const an = normalizeAnchors(anchors);
  if (an.length === 0) return null;
  const same = ha && hb ? (i: number, j: number) => ha[i] === hb[j] : (i: number, j: number) => wa(i) === wb(j);
  const range = (f: (k: number) => string, from: number, to: number) => {
    const r: string[] = [];
    for (let k = from; k < to; k++) r.push(f(k));
    return r;
  };
  // ---- left end: exact words first, then a dynamic program over the next stretch
  const leftRev: Op[] = [];
  let a0 = an[0]!.a;
  let b0 = an[0]!.b;
  for (;;) {
    let k = 0;
    while (a0 - k > aMin && b0 - k > bMin && same(a0 - k - 1, b0 - k - 1)) k++;
    if (k) {
      leftRev.push({ op: 'eq', a0: a0 - k, a1: a0, b0: b0 - k, b1: b0 });
      a0 -= k;
      b0 -= k;
    }
    const lenA = Math.min(EXT, a0 - aMin);
    const lenB = Math.min(EXT, b0 - bMin);
    if (lenA <= 0 || lenB <= 0) break;
    // the common case: a word or two changed, added or dropped, then agreement again
    const se = smallEdit(same, a0 - 1, b0 - 1, -1, lenA, lenB);
    if (se) {
      const [da, db] = se;
      const p = Math.min(da, db);
      for (let q = 0; q < p; q++) {
        const sm = wordSim(wa(a0 - 1 - q), wb(b0 - 1 - q));
        leftRev.push({ op: sm === 2 ? 'eq' : sm === 1 ? 'var' : 'sub', a0: a0 - 1 - q, a1: a0 - q, b0: b0 - 1 - q, b1: b0 - q });
      }
      if (da > p) leftRev.push({ op: 'del', a0: a0 - da, a1: a0 - p, b0: b0 - p, b1: b0 - p });
      if (db > p) leftRev.push({ op: 'ins', a0: a0 - p, a1: a0 - p, b0: b0 - db, b1: b0 - p });
      a0 -= da;
      b0 -= db;
      continue;
    }
    if (!agreesAhead(same, a0 - 1, b0 - 1, -1, lenA, lenB)) break;
    const r = alignDP(range(wa, a0 - lenA, a0).reverse(), range(wb, b0 - lenB, b0).reverse(), 'extend');
    if (r.aEnd === 0 && r.bEnd === 0) break;
    const ext = r.ops.map((o) => ({ op: o.op, a0: a0 - o.a1, a1: a0 - o.a0, b0: b0 - o.b1, b1: b0 - o.b0 }));
    // (ext runs outward from the anchor) the extension must end on a match
    while (ext.length && ext[ext.length - 1]!.op !== 'eq' && ext[ext.length - 1]!.op !== 'var') ext.pop();
    if (ext.length === 0) break;
    for (const o of ext) leftRev.push(o);
    a0 = ext[ext.length - 1]!.a0;
    b0 = ext[ext.length - 1]!.b0;
  }
  const all: Op[] = [];
  for (let k = leftRev.length - 1; k >= 0; k--) pushOp(all, leftRev[k]!);
  // ---- between anchors: exact words from both sides, the rest by Needleman–Wunsch
  for (let k = 0; k < an.length; k++) {
    const x = an[k]!;
    pushOp(all, { op: 'eq', a0: x.a, a1: x.a + x.len, b0: x.b, b1: x.b + x.len });
    const y = an[k + 1];
    if (!y) break;
    let ia = x.a + x.len;
    let ib = x.b + x.len;
    let ja = y.a;
    let jb = y.b;
    const i0 = ia;
    const j0 = ib;
    while (ia < ja && ib < jb && same(ia, ib)) {
      ia++;
      ib++;
    }
    if (ia > i0) pushOp(all, { op: 'eq', a0: i0, a1: ia, b0: j0, b1: ib });
    const tailA = ja;
    const tailB = jb;
    while (ja > ia && jb > ib && same(ja - 1, jb - 1)) {
      ja--;
      jb--;
    }
    const ga = ja - ia;
    const gb = jb - ib;
    if (ga > 0 || gb > 0) {
      if (ga === 0) pushOp(all, { op: 'ins', a0: ia, a1: ia, b0: ib, b1: jb });
      else if (gb === 0) pushOp(all, { op: 'del', a0: ia, a1: ja, b0: ib, b1: ib });
      else if (extentOnly || ga * gb > maxGap * maxGap) pushOp(all, { op: 'sub', a0: ia, a1: ja, b0: ib, b1: jb });
      else if (ga === gb && ga <= 2) {
        // one or two words changed in place (the common typo): word against word, no table
        for (let q = 0; q < ga; q++) {
          const sm = wordSim(wa(ia + q), wb(ib + q));
          pushOp(all, { op: sm === 2 ? 'eq' : sm === 1 ? 'var' : 'sub', a0: ia + q, a1: ia + q + 1, b0: ib + q, b1: ib + q + 1 });
        }
      }
      else {
        const r = alignDP(range(wa, ia, ja), range(wb, ib, jb), 'global');
        for (const o of r.ops) pushOp(all, { op: o.op, a0: o.a0 + ia, a1: o.a1 + ia, b0: o.b0 + ib, b1: o.b1 + ib });
      }
    }
    if (tailA > ja) pushOp(all, { op: 'eq', a0: ja, a1: tailA, b0: jb, b1: tailB });
  }
  // ---- right end
  const last = an[an.length - 1]!;
  let a1 = last.a + last.len;
  let b1 = last.b + last.len;
  for (;;) {
    let k = 0;
    while (a1 + k < aMax && b1 + k < bMax && same(a1 + k, b1 + k)) k++;
    if (k) {
      pushOp(all, { op: 'eq', a0: a1, a1: a1 + k, b0: b1, b1: b1 + k });
      a1 += k;
      b1 += k;
    }
    const lenA = Math.min(EXT, aMax - a1);
    const lenB = Math.min(EXT, bMax - b1);
    if (lenA <= 0 || lenB <= 0) break;
    const se = smallEdit(same, a1, b1, 1, lenA, lenB);
    if (se) {
      const [da, db] = se;
      const p = Math.min(da, db);
      for (let q = 0; q < p; q++) {
        const sm = wordSim(wa(a1 + q), wb(b1 + q));
        pushOp(all, { op: sm === 2 ? 'eq' : sm === 1 ? 'var' : 'sub', a0: a1 + q, a1: a1 + q + 1, b0: b1 + q, b1: b1 + q + 1 });
      }
      if (da > p) pushOp(all, { op: 'del', a0: a1 + p, a1: a1 + da, b0: b1 + p, b1: b1 + p });
      if (db > p) pushOp(all, { op: 'ins', a0: a1 + p, a1: a1 + p, b0: b1 + p, b1: b1 + db });
      a1 += da;
      b1 += db;
      continue;
    }
    if (!agreesAhead(same, a1, b1, 1, lenA, lenB)) break;
    const r = alignDP(range(wa, a1, a1 + lenA), range(wb, b1, b1 + lenB), 'extend');
    const ext = r.ops.map((o) => ({ op: o.op, a0: o.a0 + a1, a1: o.a1 + a1, b0: o.b0 + b1, b1: o.b1 + b1 }));
    while (ext.length && ext[ext.length - 1]!.op !== 'eq' && ext[ext.length - 1]!.op !== 'var') ext.pop();
    if (ext.length === 0) break;
    for (const o of ext) pushOp(all, o);
    a1 = ext[ext.length - 1]!.a1;
    b1 = ext[ext.length - 1]!.b1;
  }
  let matched = 0;
  for (const o of all) if (o.op === 'eq' || o.op === 'var') matched += o.a1 - o.a0;
  return { a0: all[0]!.a0, a1: all[all.length - 1]!.a1, b0: all[0]!.b0, b1: all[all.length - 1]!.b1, ops: all, matched };
}
