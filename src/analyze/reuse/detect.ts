/**
 * Reuse detection across a corpus, and within each document.
 *
 * 1. Candidates: every document's word 5-grams are hashed and winnowed (Schleimer et al.,
 *    2003): of every window of w consecutive n-gram hashes the smallest is kept, so any
 *    shared run of at least w + n − 1 words is guaranteed a shared fingerprint. Fingerprints
 *    are radix-sorted; each posting of a fingerprint paired with its first posting is a seed
 *    (linear in the postings, never all pairs); fingerprints in more than `maxDf` places are
 *    boilerplate and dropped.
 * 2. Seeds of one document pair are chained along their diagonal, tolerating indels.
 * 3. Each chain is aligned word by word (exact anchors joined by small Needleman–Wunsch
 *    alignments, extended at the ends until the texts stop agreeing), which fixes the exact
 *    span boundaries; an alignment with fewer than `minWords` matching words is dropped.
 * 4. The aligned sides are joined into families (union–find; overlapping sides in one
 *    document are one occurrence); the longest occurrence is the family's base, and every
 *    other occurrence is aligned to it and its differences classified.
 */
import { alignAnchored, alignDP, type Anchor, type Op } from './align.js';
import { classify, summarize, type Divergence, type Severity } from './diverge.js';
import { fold, tokenize, type Tokens } from './tokens.js';

export interface ReuseDoc {
  /** stable id (source id) */
  id: string;
  text: string;
  /** ISO date (or EDTF year) of the source, for ordering occurrences */
  date?: string | null;
}

export interface ReuseOptions {
  /** shortest passage reported, in matching words (default 15) */
  minWords?: number;
  /** n-gram length for fingerprints (default 5) */
  n?: number;
  /** winnowing window (default 4: every shared run of n + w − 1 = 8 words is seen) */
  window?: number;
  /** fingerprints in more places than this are boilerplate (default 1000) */
  maxDf?: number;
  /** largest gap between seeds of one chain, in words (default 60) */
  gap?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface OccurrenceResult {
  doc: number;
  /** token range */
  t0: number;
  t1: number;
  /** character range in the document text */
  start: number;
  end: number;
  words: number;
  base: boolean;
  /** another occurrence of the family is in the same document */
  repeat: boolean;
  divergences: Divergence[];
  severity: 'none' | Severity;
  summary: string;
  /** word-level alignment against the base (for side-by-side diffs); base token ranges are the base's */
  ops: Op[];
}

export interface FamilyResult {
  /** quotation: across documents; duplicate: repeated within one document only */
  kind: 'quotation' | 'duplicate';
  occurrences: OccurrenceResult[];
  base: number;
  words: number;
}

export interface ReuseResult {
  families: FamilyResult[];
  tokens: Tokens[];
  stats: { tokens: number; fingerprints: number; seeds: number; chains: number; alignments: number; ms: Record<string, number> };
}

// ---------------------------------------------------------------- growable typed arrays
class U32 {
  a: Uint32Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Uint32Array(cap);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  view(): Uint32Array {
    return this.a.subarray(0, this.n);
  }
}

/** a permutation sorting n entries by keys (most significant first), LSD radix on 16-bit digits */
export function radixOrder(keys: Uint32Array[], n: number): Uint32Array {
  let perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(65537);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    for (const shift of [0, 16]) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[((key[perm[i]!]! >>> shift) & 0xffff) + 1]!++;
      if (count[1] === n) continue; // all digits zero
      for (let d = 1; d <= 65536; d++) count[d]! += count[d - 1]!;
      for (let i = 0; i < n; i++) {
        const p = perm[i]!;
        tmp[count[(key[p]! >>> shift) & 0xffff]!++] = p;
      }
      [perm, tmp] = [tmp, perm];
    }
  }
  return perm;
}

class UnionFind {
  p: Int32Array;
  constructor(n: number) {
    this.p = new Int32Array(n).map((_, i) => i);
  }
  find(x: number): number {
    while (this.p[x] !== x) {
      this.p[x] = this.p[this.p[x]!]!;
      x = this.p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const mix = (h: number, v: number) => Math.imul(h ^ v, 0x9e3779b1) ^ (h >>> 15);

/** n-gram hashes of a token stream (length count − n + 1) */
export function shingles(hashes: Uint32Array, n: number): Uint32Array {
  const m = Math.max(0, hashes.length - n + 1);
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    let h = 0x2545f491;
    for (let k = 0; k < n; k++) h = mix(h, hashes[i + k]!);
    out[i] = (h ^ (h >>> 13)) >>> 0;
  }
  return out;
}

/** winnowing: positions of the minimum hash of each window of w (rightmost on ties), deduplicated */
export function winnow(sh: Uint32Array, w: number, emit: (pos: number, hash: number) => void): void {
  const m = sh.length;
  if (m === 0) return;
  if (m <= w) {
    let best = 0;
    for (let i = 1; i < m; i++) if (sh[i]! <= sh[best]!) best = i;
    emit(best, sh[best]!);
    return;
  }
  let last = -1;
  // monotone deque of candidate positions
  const dq = new Int32Array(m);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < m; i++) {
    while (tail > head && sh[dq[tail - 1]!]! >= sh[i]!) tail--;
    dq[tail++] = i;
    if (dq[head]! <= i - w) head++;
    if (i >= w - 1) {
      const p = dq[head]!;
      if (p !== last) {
        emit(p, sh[p]!);
        last = p;
      }
    }
  }
}

/**
 * Seeds: each posting of a fingerprint paired with its first posting (postings are in corpus
 * order). A star, linear in the postings: each copy is aligned with one text of the passage,
 * and repeats of a long section do not swallow the short quotations taken from it.
 */
function seedPairs(fpH: U32, fpP: U32, n: number, maxDf: number, docOf: (g: number) => number): { SA: Uint32Array; SB: Uint32Array; SD: Uint32Array } {
  const H = fpH.view();
  const P = fpP.view();
  const order = radixOrder([H], H.length);
  const sa = new U32(1 << 16);
  const sb = new U32(1 << 16);
  const sDocB = new U32(1 << 16);
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    const h = H[order[i]!]!;
    while (j < order.length && H[order[j]!] === h) j++;
    const g = j - i;
    if (g >= 2 && g <= maxDf) {
      for (let k = i + 1; k < j; k++) {
        const a = P[order[i]!]!;
        const b = P[order[k]!]!;
        if (b - a < n) continue; // overlapping repeat ("no, no, no, no")
        sa.push(a);
        sb.push(b);
        sDocB.push(docOf(b));
      }
    }
    i = j;
  }
  // exact-size copies: the growable buffers go
  return { SA: sa.view().slice(), SB: sb.view().slice(), SD: sDocB.view().slice() };
}

interface Side {
  doc: number;
  t0: number;
  t1: number;
}

export function detectReuse(docs: ReuseDoc[], opts: ReuseOptions = {}): ReuseResult {
  const minWords = opts.minWords ?? 15;
  const n = opts.n ?? 5;
  const w = opts.window ?? 4;
  const maxDf = opts.maxDf ?? 1000;
  const GAP = opts.gap ?? 60;
  const ms: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => {
    const now = performance.now();
    ms[k] = Math.round(now - t);
    t = now;
  };

  // 1. tokens and fingerprints
  const toks: Tokens[] = [];
  const docStart = new Uint32Array(docs.length + 1);
  const fpH = new U32(1 << 16);
  const fpP = new U32(1 << 16);
  let total = 0;
  for (let d = 0; d < docs.length; d++) {
    const tk = tokenize(docs[d]!.text);
    toks.push(tk);
    docStart[d] = total;
    const base = total;
    winnow(shingles(tk.hashes, n), w, (p, h) => {
      fpH.push(h);
      fpP.push(base + p);
    });
    total += tk.count;
    opts.onProgress?.('fingerprints', d + 1, docs.length);
  }
  docStart[docs.length] = total;
  lap('fingerprints');
  const docOf = (g: number): number => {
    let lo = 0;
    let hi = docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (docStart[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // 2. seeds (in a function of its own, so that the fingerprint arrays can be freed after it)
  const fingerprintCount = fpH.n;
  const { SA, SB, SD } = seedPairs(fpH, fpP, n, maxDf, docOf);
  fpH.a = new Uint32Array(0);
  fpP.a = new Uint32Array(0);
  lap('seeds');
  // group by (doc of b, a): a ascending inside, so doc of a is grouped too
  const sOrder = radixOrder([SD, SA], SA.length);
  lap('sort');

  // 3. chains along diagonals, then alignment
  interface Chain {
    docA: number;
    docB: number;
    anchors: Anchor[];
    lastA: number;
    lastB: number;
  }
  const sides: Side[] = [];
  const links: Array<[number, number]> = [];
  const containers = new Map<number, Container[]>();
  const addContainer = (c: Container) => {
    for (const d of new Set([c.a.doc, c.b.doc])) {
      let l = containers.get(d);
      if (!l) containers.set(d, (l = []));
      l.push(c);
    }
  };
  let chains = 0;
  let alignments = 0;
  const wordOf = (d: number) => {
    const text = docs[d]!.text;
    const tk = toks[d]!;
    return (i: number) => fold(text.slice(tk.starts[i], tk.ends[i]));
  };
  const finish = (c: Chain) => {
    chains++;
    if (c.anchors.length < 2 && c.anchors[0]!.len < minWords) {
      // a lone fingerprint: aligned only if the words around it agree too (checked cheaply first)
      const x = c.anchors[0]!;
      const wa = wordOf(c.docA);
      const wb = wordOf(c.docB);
      let agree = 0;
      for (let k = 1; k <= 6; k++) {
        if (x.a - k >= 0 && x.b - k >= 0 && wa(x.a - k) === wb(x.b - k)) agree++;
        if (x.a + x.len + k - 1 < toks[c.docA]!.count && x.b + x.len + k - 1 < toks[c.docB]!.count && wa(x.a + x.len + k - 1) === wb(x.b + x.len + k - 1)) agree++;
      }
      if (agree < 3) return;
    }
    alignments++;
    const same = c.docA === c.docB;
    const first = c.anchors[0]!;
    const lastAn = c.anchors[c.anchors.length - 1]!;
    const aMax = same ? first.b : toks[c.docA]!.count;
    const bMin = same ? lastAn.a + lastAn.len : 0;
    // the extent is what this pass needs (every occurrence is aligned word by word with its
    // family's base later); the inside of long sections is kept for carrying passages across them
    const r = alignAnchored(c.anchors, wordOf(c.docA), wordOf(c.docB), 0, aMax, bMin, toks[c.docB]!.count, GAP, toks[c.docA]!.hashes, toks[c.docB]!.hashes, true);
    if (!r || r.matched < minWords) return;
    // a repeat right after itself: the first copy ends where the second begins (what sits
    // between them, such as a forum footer, may repeat as well)
    const aEnd = same ? Math.min(r.a1, r.b0) : r.a1;
    if (aEnd - r.a0 < minWords) return;
    const ia = sides.push({ doc: c.docA, t0: r.a0, t1: aEnd }) - 1;
    const ib = sides.push({ doc: c.docB, t0: r.b0, t1: r.b1 }) - 1;
    links.push([ia, ib]);
    // a long repeated section: kept with its alignment, so that a passage quoted from one copy
    // is found in the other copies too
    if (aEnd - r.a0 >= CONTAINER) {
      // its alignment kept compactly: (a0, a1, b0, b1) per step
      const ops = new Int32Array(r.ops.length * 4);
      r.ops.forEach((o, k) => ops.set([o.a0, o.a1, o.b0, o.b1], k * 4));
      addContainer({ a: sides[ia]!, b: sides[ib]!, ops });
    }
  };
  let open: Chain[] = [];
  let curKey = -1;
  for (let k = 0; k < sOrder.length; k++) {
    const i = sOrder[k]!;
    const ga = SA[i]!;
    const gb = SB[i]!;
    const docB = SD[i]!;
    const docA = docOf(ga);
    const key = docA * 1e6 + docB;
    if (key !== curKey) {
      for (const c of open) finish(c);
      open = [];
      curKey = key;
    }
    const a = ga - docStart[docA]!;
    const b = gb - docStart[docB]!;
    const diag = b - a;
    // the open chain on the nearest diagonal (a repeated section gives several chains side by side)
    let hit: Chain | null = null;
    let hitD = Infinity;
    let stale = false;
    for (const c of open) {
      if (a - c.lastA > GAP) {
        stale = true;
        continue;
      }
      const dd = Math.abs(diag - (c.lastB - c.lastA));
      if (b > c.lastB && dd <= GAP / 2 && dd < hitD) [hit, hitD] = [c, dd];
    }
    if (stale) {
      const still: Chain[] = [];
      for (const c of open) {
        if (a - c.lastA > GAP) finish(c);
        else still.push(c);
      }
      open = still;
    }
    if (hit) {
      hit.anchors.push({ a, b, len: n });
      hit.lastA = a;
      hit.lastB = b;
    } else open.push({ docA, docB, anchors: [{ a, b, len: n }], lastA: a, lastB: b });
    if ((k & 0xffff) === 0) opts.onProgress?.('align', k, sOrder.length);
  }
  for (const c of open) finish(c);
  lap('align');

  // 4. families: linked sides, and sides of one document that overlap by half
  const uf = new UnionFind(sides.length);
  for (const [x, y] of links) uf.union(x, y);
  const byDoc = new Map<number, number[]>();
  for (let i = 0; i < sides.length; i++) {
    let l = byDoc.get(sides[i]!.doc);
    if (!l) byDoc.set(sides[i]!.doc, (l = []));
    l.push(i);
  }
  for (const l of byDoc.values()) {
    l.sort((x, y) => sides[x]!.t0 - sides[y]!.t0);
    // sweep: each side against the open ones it overlaps
    const active: number[] = [];
    for (const i of l) {
      const s = sides[i]!;
      for (let k = active.length - 1; k >= 0; k--) if (sides[active[k]!]!.t1 <= s.t0) active.splice(k, 1);
      for (const j of active) {
        const o = sides[j]!;
        const ov = Math.min(o.t1, s.t1) - Math.max(o.t0, s.t0);
        // the same passage: the two spans mostly coincide (a short quotation inside a long
        // repeated section is a passage of its own)
        // … or a quotation of part of a passage (not of a long repeated section, whose parts are
        // passages of their own and are carried across its copies by projection)
        const lo = Math.min(o.t1 - o.t0, s.t1 - s.t0);
        const hi = Math.max(o.t1 - o.t0, s.t1 - s.t0);
        if (ov >= 0.5 * hi || (ov >= 0.8 * lo && hi < CONTAINER)) uf.union(i, j);
      }
      active.push(i);
    }
  }
  const comps = new Map<number, number[]>();
  for (let i = 0; i < sides.length; i++) {
    const r = uf.find(i);
    let l = comps.get(r);
    if (!l) comps.set(r, (l = []));
    l.push(i);
  }
  const families: FamilyResult[] = [];
  for (const members of comps.values()) {
    // occurrences: a family's sides in one document, merged where they overlap
    const perDoc = new Map<number, Side[]>();
    for (const i of members) {
      const s = sides[i]!;
      let l = perDoc.get(s.doc);
      if (!l) perDoc.set(s.doc, (l = []));
      l.push(s);
    }
    const occ: Side[] = [];
    for (const [doc, l] of perDoc) {
      l.sort((x, y) => x.t0 - y.t0);
      let cur: Side | null = null;
      for (const s of l) {
        if (cur && s.t0 < cur.t1) cur.t1 = Math.max(cur.t1, s.t1);
        else occ.push((cur = { doc, t0: s.t0, t1: s.t1 }));
      }
    }
    project(occ, containers);
    if (occ.length < 2) continue;
    families.push(buildFamily(docs, toks, occ, minWords));
  }
  lap('families');
  // order: longest first, then by first occurrence
  families.sort((x, y) => y.words - x.words || x.occurrences[0]!.doc - y.occurrences[0]!.doc || x.occurrences[0]!.start - y.occurrences[0]!.start);
  return { families, tokens: toks, stats: { tokens: total, fingerprints: fingerprintCount, seeds: SA.length, chains, alignments, ms } };
}

/** sections this long (words) that recur are containers: passages inside one copy are looked up in the others */
const CONTAINER = 200;

/** the token of the other side that token i of one side is aligned with */
function mapThrough(ops: Int32Array, i: number, fromA: boolean): number {
  // steps are in order on both sides: binary search for the step holding i
  const n = ops.length / 4;
  const off = fromA ? 0 : 2;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ops[mid * 4 + off]! <= i) lo = mid;
    else hi = mid - 1;
  }
  for (let k = lo; k < n && ops[k * 4 + off]! <= i; k++) {
    const f0 = ops[k * 4 + off]!;
    const f1 = ops[k * 4 + off + 1]!;
    const t0 = ops[k * 4 + 2 - off]!;
    const t1 = ops[k * 4 + 3 - off]!;
    if (i < f0 || i >= f1) continue;
    if (t1 <= t0) return t0;
    return Math.min(t1 - 1, t0 + (i - f0));
  }
  return -1;
}

/** add to a family's occurrences their copies inside the other copies of long repeated sections */
interface Container {
  a: Side;
  b: Side;
  /** the alignment, four numbers per step: a0, a1, b0, b1 */
  ops: Int32Array;
}

function project(occ: Side[], containers: Map<number, Container[]>): void {
  if (containers.size === 0) return;
  const overlaps = (x: Side) => occ.some((o) => o.doc === x.doc && Math.min(o.t1, x.t1) - Math.max(o.t0, x.t0) >= 0.5 * Math.min(o.t1 - o.t0, x.t1 - x.t0));
  for (let k = 0; k < occ.length; k++) {
    const o = occ[k]!;
    for (const c of containers.get(o.doc) ?? []) {
      for (const [from, to, fromA] of [[c.a, c.b, true], [c.b, c.a, false]] as const) {
        if (from.doc !== o.doc || o.t0 < from.t0 || o.t1 > from.t1 || o.t1 - o.t0 > 0.5 * (from.t1 - from.t0)) continue;
        const t0 = mapThrough(c.ops, o.t0, fromA);
        const t1 = mapThrough(c.ops, o.t1 - 1, fromA) + 1;
        if (t0 < 0 || t1 <= t0) continue;
        const x = { doc: to.doc, t0, t1 };
        if (!overlaps(x)) occ.push(x);
      }
    }
  }
}

/** anchors between two token ranges: shared folded 4-grams (each used once, in order) */
function gramIndex(ha: Uint32Array, a0: number, a1: number, k = 4): Map<number, number[]> {
  const idx = new Map<number, number[]>();
  for (let i = a0; i + k <= a1; i++) {
    let h = 0x2545f491;
    for (let q = 0; q < k; q++) h = mix(h, ha[i + q]!);
    let l = idx.get(h);
    if (!l) idx.set(h, (l = []));
    if (l.length < 8) l.push(i);
  }
  return idx;
}

function anchorsBetween(idx: Map<number, number[]>, a0: number, a1: number, hb: Uint32Array, b0: number, b1: number): Anchor[] {
  const k = 4;
  const out: Anchor[] = [];
  for (let j = b0; j + k <= b1; j++) {
    let h = 0x2545f491;
    for (let q = 0; q < k; q++) h = mix(h, hb[j + q]!);
    const l = idx.get(h);
    if (!l) continue;
    // the position closest to the proportional diagonal
    const expect = a0 + ((j - b0) * (a1 - a0)) / Math.max(1, b1 - b0);
    let best = l[0]!;
    for (const x of l) if (Math.abs(x - expect) < Math.abs(best - expect)) best = x;
    out.push({ a: best, b: j, len: k });
  }
  return out;
}

/** token index of the first token starting at or after char position p */
function tokenAt(t: Tokens, p: number): number {
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.starts[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const OPENERS = /[\n“«„"]/;
const CLOSERS = /[\n”»"]/;

/**
 * The whole quoted passage around a matched stretch: out to the enclosing quotation marks or
 * paragraph, when that adds at most as many words as were matched (a source that quotes more
 * of a passage than another shows it; the shorter copy is then a truncation of it).
 */
function extendToUnit(text: string, t: Tokens, o: Side): Side {
  const words = o.t1 - o.t0;
  const limitChars = Math.min(1200, words * 9);
  let t0 = o.t0;
  const from = t.starts[o.t0]!;
  for (let p = from - 1; p >= Math.max(0, from - limitChars); p--) {
    if (OPENERS.test(text[p]!)) {
      const k = tokenAt(t, p + 1);
      if (o.t0 - k <= words) t0 = Math.min(t0, k);
      break;
    }
  }
  let t1 = o.t1;
  const to = t.ends[o.t1 - 1]!;
  for (let p = to; p < Math.min(text.length, to + limitChars); p++) {
    if (CLOSERS.test(text[p]!)) {
      const k = tokenAt(t, p);
      if (k - o.t1 <= words) t1 = Math.max(t1, k);
      break;
    }
  }
  return { doc: o.doc, t0, t1 };
}

/**
 * The fullest, least altered text: the occurrence sharing the most word trigrams with the
 * others (a copy with interpolations or a long surrounding context shares no more than the
 * original it was taken from); ties to the longer, then the earlier.
 */
function chooseBase(occ: Side[], toks: Tokens[]): number {
  const grams = (o: Side) => {
    const h = toks[o.doc]!.hashes;
    const set = new Set<number>();
    for (let i = o.t0; i + 3 <= o.t1; i++) set.add(mix(mix(mix(0x2545f491, h[i]!), h[i + 1]!), h[i + 2]!));
    return set;
  };
  // the longest few are the candidates; support is counted against (at most 50) others
  const byLen = occ.map((_, i) => i).sort((x, y) => occ[y]!.t1 - occ[y]!.t0 - (occ[x]!.t1 - occ[x]!.t0) || x - y);
  const cands = byLen.slice(0, 8);
  const others = byLen.slice(0, 50);
  const sets = new Map<number, Set<number>>();
  const setOf = (i: number) => {
    let s = sets.get(i);
    if (!s) sets.set(i, (s = grams(occ[i]!)));
    return s;
  };
  let best = cands[0]!;
  let bestScore = -1;
  for (const c of cands) {
    const sc = setOf(c);
    let score = 0;
    for (const o of others) {
      if (o === c) continue;
      const so = setOf(o);
      for (const g of so) if (sc.has(g)) score++;
    }
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

function buildFamily(docs: ReuseDoc[], toks: Tokens[], occIn: Side[], minWords: number): FamilyResult {
  const occ = occIn.map((o) => extendToUnit(docs[o.doc]!.text, toks[o.doc]!, o));
  // base: the longest occurrence; ties to the earliest dated source, then document order
  const dateOf = (d: number) => docs[d]!.date ?? '9999';
  occ.sort((x, y) => (dateOf(x.doc) < dateOf(y.doc) ? -1 : dateOf(x.doc) > dateOf(y.doc) ? 1 : 0) || x.doc - y.doc || x.t0 - y.t0);
  const base = chooseBase(occ, toks);
  const B = occ[base]!;
  const bt = toks[B.doc]!;
  const bText = docs[B.doc]!.text;
  const perDoc = new Map<number, number>();
  for (const o of occ) perDoc.set(o.doc, (perDoc.get(o.doc) ?? 0) + 1);
  const baseIdx = gramIndex(bt.hashes, B.t0, B.t1);
  const out: OccurrenceResult[] = occ.map((o, i) => {
    const tk = toks[o.doc]!;
    const common = { doc: o.doc, t0: o.t0, t1: o.t1, start: tk.starts[o.t0]!, end: tk.ends[o.t1 - 1]!, words: o.t1 - o.t0, repeat: (perDoc.get(o.doc) ?? 0) > 1 };
    if (i === base) return { ...common, base: true, divergences: [], severity: 'none' as const, summary: 'the fullest text of this passage', ops: [{ op: 'eq' as const, a0: o.t0, a1: o.t1, b0: o.t0, b1: o.t1 }] };
    const text = docs[o.doc]!.text;
    const wa = (x: number) => fold(bText.slice(bt.starts[x], bt.ends[x]));
    const wb = (x: number) => fold(text.slice(tk.starts[x], tk.ends[x]));
    const anchors = anchorsBetween(baseIdx, B.t0, B.t1, tk.hashes, o.t0, o.t1);
    let ops: Op[] = [];
    const r = anchors.length ? alignAnchored(anchors, wa, wb, B.t0, B.t1, o.t0, o.t1, 80, bt.hashes, tk.hashes) : null;
    if (r) ops = r.ops;
    else if ((B.t1 - B.t0) * (o.t1 - o.t0) <= 20_000) {
      // no shared 4-gram (heavy OCR damage): align the two wholly
      const A: string[] = [];
      const C: string[] = [];
      for (let x = B.t0; x < B.t1; x++) A.push(wa(x));
      for (let x = o.t0; x < o.t1; x++) C.push(wb(x));
      ops = alignDP(A, C, 'global').ops.map((q) => ({ ...q, a0: q.a0 + B.t0, a1: q.a1 + B.t0, b0: q.b0 + o.t0, b1: q.b1 + o.t0 }));
    }
    // an unaligned stretch of the copy before or after the alignment is an insertion at that end
    if (ops.length) {
      const f = ops[0]!;
      if (f.b0 > o.t0) ops.unshift({ op: 'ins', a0: f.a0, a1: f.a0, b0: o.t0, b1: f.b0 });
      const l = ops[ops.length - 1]!;
      if (l.b1 < o.t1) ops.push({ op: 'ins', a0: l.a1, a1: l.a1, b0: l.b1, b1: o.t1 });
    }
    const divergences = ops.length ? classify({ text: bText, tokens: bt, t0: B.t0, t1: B.t1 }, { text, tokens: tk, t0: o.t0, t1: o.t1 }, ops) : [];
    const s = summarize(divergences);
    return { ...common, base: false, divergences, severity: s.severity, summary: ops.length ? s.summary : 'not aligned word by word (too different)', ops };
  });
  const kind = perDoc.size === 1 ? 'duplicate' : 'quotation';
  void minWords;
  return { kind, occurrences: out, base, words: B.t1 - B.t0 };
}

export interface QuoteHit {
  doc: number;
  start: number;
  end: number;
  t0: number;
  t1: number;
  words: number;
  /** how this occurrence differs from the text asked for (the query is the base) */
  divergences: Divergence[];
  severity: 'none' | Severity;
  summary: string;
  ops: Op[];
}

/**
 * Where does this passage occur in these documents, and how was it altered? Every word
 * 5-gram of the query is looked up in every document (no winnowing: the query is short),
 * seeds are chained per document, aligned, and each hit compared with the query.
 */
export function findQuote(query: string, docs: ReuseDoc[], opts: { minWords?: number; n?: number } = {}): { hits: QuoteHit[]; queryTokens: Tokens } {
  const n = opts.n ?? 5;
  const qt = tokenize(query);
  const minWords = Math.min(opts.minWords ?? 15, Math.max(3, Math.ceil(qt.count * 0.5)));
  const qsh = shingles(qt.hashes, Math.min(n, qt.count));
  const at = new Map<number, number[]>();
  qsh.forEach((h, i) => {
    let l = at.get(h);
    if (!l) at.set(h, (l = []));
    l.push(i);
  });
  const hits: QuoteHit[] = [];
  const qWord = (i: number) => fold(query.slice(qt.starts[i], qt.ends[i]));
  const len = Math.min(n, qt.count);
  docs.forEach((d, di) => {
    const tk = tokenize(d.text);
    const sh = shingles(tk.hashes, len);
    const seeds: Anchor[] = [];
    for (let j = 0; j < sh.length; j++) {
      const l = at.get(sh[j]!);
      if (l) for (const i of l) seeds.push({ a: i, b: j, len });
    }
    if (seeds.length === 0) return;
    // chains: seeds sorted by document position, split where the gap is large
    seeds.sort((x, y) => x.b - y.b || x.a - y.a);
    const chains: Anchor[][] = [];
    for (const s of seeds) {
      const c = chains[chains.length - 1];
      const last = c?.[c.length - 1];
      if (c && last && s.b - last.b <= qt.count + 60) c.push(s);
      else chains.push([s]);
    }
    const dWord = (j: number) => fold(d.text.slice(tk.starts[j], tk.ends[j]));
    for (const c of chains) {
      const r = alignAnchored(c, qWord, dWord, 0, qt.count, 0, tk.count, 80, qt.hashes, tk.hashes);
      if (!r || r.matched < minWords) continue;
      const ops = [...r.ops];
      const divergences = classify({ text: query, tokens: qt, t0: 0, t1: qt.count }, { text: d.text, tokens: tk, t0: r.b0, t1: r.b1 }, ops);
      const s = summarize(divergences);
      hits.push({ doc: di, start: tk.starts[r.b0]!, end: tk.ends[r.b1 - 1]!, t0: r.b0, t1: r.b1, words: r.b1 - r.b0, divergences, severity: s.severity, summary: s.summary, ops });
    }
  });
  return { hits, queryTokens: qt };
}
