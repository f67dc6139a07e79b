/**
 * Full-text search over passages: FTS5 syntax, bm25 within bounded candidates,
 * OCR-garbled passages down-ranked, duplicated sections collapsed into their first
 * copy, filters by source, perspective and date resolved to version sets before the
 * index is read, snippets and highlights as offsets.
 */
import { edtfBounds } from '../core/edtf.js';
import { InquiryError } from '../core/errors.js';
import type { PassageRow, SourceRow, Store } from '../store/store.js';
import { getSetting } from './settings.js';
import { searchKeys, termKeys } from '../pipeline/analyze.js';

export interface SearchParams {
  q: string;
  source?: string[];
  perspective?: string[];
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
  includeDuplicates?: boolean;
  /** 'all' (default): a name also finds its other known spellings and scripts; 'exact': only as typed */
  spelling?: 'all' | 'exact';
}

export interface Expansion {
  term: string;
  entity: string;
  name: string;
  variants: string[];
}

export interface Snippet {
  text: string;
  start: number;
  prefix: boolean;
  suffix: boolean;
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  passageKey: string;
  sourceId: string;
  sourceTitle: string | null;
  perspective: string[];
  date: string | null;
  kind: string | null;
  fileName: string;
  seq: number;
  role: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  score: number;
  ocrScore: number;
  duplicates: number;
  dupOf: string | null;
  snippet: Snippet;
  highlights: Array<[number, number]>;
}

export interface SearchResult {
  query: string;
  ftsQuery: string;
  rewritten: boolean;
  total: number;
  totalIsEstimate: boolean;
  candidates: number;
  limit: number;
  offset: number;
  spelling: 'all' | 'exact';
  expanded: Expansion[];
  hits: SearchHit[];
}

export async function search(store: Store, params: SearchParams): Promise<SearchResult> {
  const q = (params.q ?? '').trim();
  if (!q) throw new InquiryError('a search needs a query: q', { code: 'bad_query' });
  const limit = clampInt(params.limit ?? 20, 1, 200, 'limit');
  const offset = clampInt(params.offset ?? 0, 0, 10000, 'offset');
  const sources = await store.listSources();
  const versionIds = filterVersions(sources, params);
  const cap = getSetting('search.candidates') as number;

  const spelling = params.spelling ?? 'all';
  if (spelling !== 'all' && spelling !== 'exact') throw new InquiryError(`spelling must be "all" or "exact", not "${spelling}"`, { code: 'bad_param' });
  const expansion = spelling === 'all' ? await expandNames(store, q) : { query: q, expanded: [] };
  let ftsQuery = expansion.query;
  let rewritten = false;
  let cands;
  try {
    cands = await store.searchCandidates({ match: ftsQuery, versionIds, cap });
  } catch (e) {
    if (!(e instanceof InquiryError) || e.code !== 'bad_query') throw e;
    // not valid FTS5 syntax: search the words it contains instead
    // each whitespace-separated chunk becomes a phrase of its tokens: Trotsky's → "trotsky s"
    const words = q
      .split(/\s+/)
      .map((chunk) => foldedTokens(chunk).map((t) => t.text).join(' '))
      .filter(Boolean)
      .map((p) => `"${p}"`);
    if (!words.length) throw e;
    ftsQuery = words.join(' ');
    rewritten = true;
    cands = await store.searchCandidates({ match: ftsQuery, versionIds, cap });
  }
  const ranked = cands.hits.sort((a, b) => b.score - a.score || a.id - b.id);
  // re-rank the head with passage quality, then fetch only the page
  const head = ranked.slice(0, Math.min(ranked.length, (offset + limit) * 4 + 50));
  const quality = await store.passageQuality(head.map((h) => h.id));
  const scored = head
    .map((h) => {
      const qv = quality.get(h.id);
      return qv ? { id: h.id, score: h.score * (0.35 + 0.65 * qv.ocr) } : null;
    })
    .filter((x): x is { id: number; score: number } => x !== null)
    .sort((a, b) => b.score - a.score || a.id - b.id);
  const pageIds = scored.slice(offset, offset + limit);
  const rows = await store.getPassagesByIds(pageIds.map((x) => x.id));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const page = pageIds.flatMap((x) => {
    const r = rowById.get(x.id);
    return r ? [{ r, score: x.score }] : [];
  });
  const terms = queryTerms(ftsQuery);
  const srcById = new Map(sources.map((s) => [s.id, s]));
  const dups = new Map<string, PassageRow[]>();
  for (const [vid, rs] of groupBy(page.map((x) => x.r), (r) => r.versionId)) {
    for (const [k, list] of await store.duplicatesOf(vid, rs.map((r) => r.key))) dups.set(`${vid}:${k}`, list);
  }
  const toHit = (r: PassageRow, score: number): SearchHit => {
    const s = srcById.get(r.sourceId);
    const rel = highlightOffsets(r.text, terms);
    return {
      passageKey: r.key,
      sourceId: r.sourceId,
      sourceTitle: s?.title ?? null,
      perspective: s?.perspective ?? [],
      date: s?.date ?? null,
      kind: s?.kind ?? null,
      fileName: s?.fileName ?? '',
      seq: r.seq,
      role: r.role,
      start: r.start,
      end: r.end,
      rawStart: r.rawStart,
      rawEnd: r.rawEnd,
      score: Math.round(score * 1000) / 1000,
      ocrScore: r.ocrScore,
      duplicates: dups.get(`${r.versionId}:${r.key}`)?.length ?? 0,
      dupOf: r.dupOf,
      snippet: makeSnippet(r.text, r.start, rel),
      highlights: rel.map(([a, b]) => [a + r.start, b + r.start] as [number, number]),
    };
  };
  const hits: SearchHit[] = [];
  for (const { r, score } of page) {
    hits.push(toHit(r, score));
    // duplicated sections are not indexed: on request, list each repeat right after its first copy
    if (params.includeDuplicates) for (const d of dups.get(`${r.versionId}:${r.key}`) ?? []) hits.push(toHit(d, score));
  }
  return {
    query: q,
    ftsQuery,
    rewritten,
    total: cands.totalIsEstimate ? cands.total : scored.length + (ranked.length - head.length),
    totalIsEstimate: cands.totalIsEstimate,
    candidates: cands.hits.length,
    limit,
    offset,
    spelling,
    expanded: expansion.expanded,
    hits,
  };
}

/**
 * "Every known spelling": a query word that is a known name (by its name keys: other
 * transliterations, other scripts, Russian case forms) is searched as any of the spellings
 * the corpus uses for that entity: Piatakoff → (Piatakoff OR Pyatakov OR Piatakov OR Пятаков …).
 * Words inside quotes, prefix queries and operators are left alone.
 */
export async function expandNames(store: Store, q: string): Promise<{ query: string; expanded: Expansion[] }> {
  const re = /"(?:[^"]|"")*"\*?|[\p{L}\p{M}][\p{L}\p{M}'’-]*\*?|\S/gu;
  const parts: Array<{ text: string; word: boolean }> = [];
  let last = 0;
  for (const m of q.matchAll(re)) {
    if (m.index! > last) parts.push({ text: q.slice(last, m.index), word: false });
    const t = m[0];
    const word = /^[\p{L}\p{M}]/u.test(t) && !t.endsWith('*') && !/^(AND|OR|NOT|NEAR)$/.test(t) && t.length > 1;
    parts.push({ text: t, word });
    last = m.index! + t.length;
  }
  if (last < q.length) parts.push({ text: q.slice(last), word: false });
  const words = parts.filter((p) => p.word).map((p) => p.text);
  if (words.length === 0) return { query: q, expanded: [] };
  const keyOf = new Map<string, string[]>();
  for (const w of words) keyOf.set(w, termKeys(w));
  const rows = await store.entities.aliasLookup([...new Set([...keyOf.values()].flat())]);
  if (rows.length === 0) return { query: q, expanded: [] };
  const entitiesByKey = new Map<string, Set<string>>();
  for (const r of rows) {
    let s = entitiesByKey.get(r.nameKey);
    if (!s) entitiesByKey.set(r.nameKey, (s = new Set()));
    s.add(r.entity);
  }
  const expanded: Expansion[] = [];
  const variantsCache = new Map<string, string[]>();
  for (const part of parts) {
    if (!part.word) continue;
    const ents = new Set<string>();
    for (const k of keyOf.get(part.text) ?? []) for (const e of entitiesByKey.get(k) ?? []) ents.add(e);
    if (ents.size === 0 || ents.size > 5) continue;
    const variants = new Set<string>();
    for (const e of [...ents].sort()) {
      let vs = variantsCache.get(e);
      if (!vs) {
        const ent = await store.entities.getEntity(e);
        vs = ent ? ent.aliases.flatMap((a) => searchKeys(a.name, ent.type).map(([, surface]) => surface)) : [];
        variantsCache.set(e, vs);
        if (ent) expanded.push({ term: part.text, entity: e, name: ent.name, variants: [...new Set(vs)].filter((v) => v.toLowerCase() !== part.text.toLowerCase()) });
      }
      for (const v of vs) variants.add(v);
    }
    const folded = new Set<string>([fold(part.text)]);
    const alts = [...variants].filter((v) => {
      const f = fold(v);
      if (folded.has(f)) return false;
      folded.add(f);
      return true;
    });
    if (alts.length === 0) continue;
    part.text = `(${[part.text, ...alts].map((v) => `"${v.replace(/"/g, '""')}"`).join(' OR ')})`;
  }
  return { query: parts.map((p) => p.text).join(''), expanded };
}

function clampInt(v: number, lo: number, hi: number, name: string): number {
  if (!Number.isFinite(v) || !Number.isInteger(Number(v))) throw new InquiryError(`${name} must be a whole number`, { code: 'bad_param' });
  return Math.max(lo, Math.min(hi, Number(v)));
}

function groupBy<T, K>(xs: T[], f: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = f(x);
    const a = m.get(k);
    if (a) a.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Resolve source/perspective/date filters to the allowed version ids (null: no filter). */
export function filterVersions(sources: SourceRow[], p: Pick<SearchParams, 'source' | 'perspective' | 'from' | 'to'>): number[] | null {
  const srcIds = (p.source ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const persp = (p.perspective ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (!srcIds.length && !persp.length && !p.from && !p.to) return null;
  const known = new Set(sources.map((s) => s.id));
  const unknown = srcIds.filter((s) => !known.has(s));
  if (unknown.length) throw new InquiryError(`unknown source: ${unknown.join(', ')}`, { status: 404, code: 'not_found' });
  const lo = p.from ? boundOf(p.from, 0) : null;
  const hi = p.to ? boundOf(p.to, 1) : null;
  return sources
    .filter((s) => !srcIds.length || srcIds.includes(s.id))
    .filter((s) => !persp.length || s.perspective.some((x) => persp.includes(x)))
    .filter((s) => {
      if (!lo && !hi) return true;
      const b = edtfBounds(s.date);
      if (!b) return false; // undated sources do not match a date filter
      return (!lo || b[1] >= lo) && (!hi || b[0] <= hi);
    })
    .map((s) => s.versionId);
}

function boundOf(v: string, which: 0 | 1): string {
  const b = edtfBounds(v.trim());
  if (!b) throw new InquiryError(`not a date: "${v}" (use YYYY, YYYY-MM or YYYY-MM-DD)`, { code: 'bad_param' });
  return b[which];
}

// ---------------------------------------------------------------- highlighting

/** fold as the index does: lowercase, diacritics removed */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const TOKEN_RE = /[\p{L}\p{N}\p{M}]+/gu;

export function foldedTokens(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  for (const m of text.matchAll(TOKEN_RE)) out.push({ text: fold(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

interface QueryTerms {
  words: Array<{ text: string; prefix: boolean }>;
  phrases: Array<Array<{ text: string; prefix: boolean }>>;
}

/** The terms and phrases of an FTS5 query, for highlighting (operators, columns, NEAR dropped). */
export function queryTerms(q: string): QueryTerms {
  const words: QueryTerms['words'] = [];
  const phrases: QueryTerms['phrases'] = [];
  const re = /"((?:[^"]|"")*)"(\*)?|([\p{L}\p{N}_\p{M}]+)(\*)?/gu;
  for (const m of q.matchAll(re)) {
    if (m[1] !== undefined) {
      const toks = foldedTokens(m[1].replace(/""/g, '"')).map((t) => ({ text: t.text, prefix: false }));
      if (m[2] && toks.length) toks[toks.length - 1]!.prefix = true;
      if (toks.length === 1) words.push(toks[0]!);
      else if (toks.length > 1) phrases.push(toks);
    } else if (m[3]) {
      if (/^(AND|OR|NOT|NEAR)$/.test(m[3])) continue;
      words.push({ text: fold(m[3]), prefix: !!m[4] });
    }
  }
  return { words, phrases };
}

const matches = (tok: string, t: { text: string; prefix: boolean }) => (t.prefix ? tok.startsWith(t.text) : tok === t.text);

/** highlight offsets relative to `text` */
export function highlightOffsets(text: string, terms: QueryTerms): Array<[number, number]> {
  const toks = foldedTokens(text);
  const out: Array<[number, number]> = [];
  toks.forEach((tok, i) => {
    if (terms.words.some((w) => matches(tok.text, w))) out.push([tok.start, tok.end]);
    for (const ph of terms.phrases) {
      if (i + ph.length <= toks.length && ph.every((p, k) => matches(toks[i + k]!.text, p))) {
        out.push([tok.start, toks[i + ph.length - 1]!.end]);
      }
    }
  });
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const h of out) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return merged;
}

const SNIPPET = 260;

export function makeSnippet(text: string, absStart: number, hl: Array<[number, number]>): Snippet {
  if (text.length <= SNIPPET) return { text, start: absStart, prefix: false, suffix: false, highlights: hl };
  // the window with the most highlights, starting a little before one of them
  let best = 0;
  let bestCount = -1;
  for (const [a] of hl.length ? hl : [[0, 0] as [number, number]]) {
    const s = Math.max(0, a - 60);
    const n = hl.filter(([x, y]) => x >= s && y <= s + SNIPPET).length;
    if (n > bestCount) {
      bestCount = n;
      best = s;
    }
  }
  let s = best;
  if (s > 0) {
    const sp = text.indexOf(' ', s);
    if (sp >= 0 && sp - s < 30) s = sp + 1;
  }
  let e = Math.min(text.length, s + SNIPPET);
  if (e < text.length) {
    const sp = text.lastIndexOf(' ', e);
    if (sp > s + SNIPPET / 2) e = sp;
  }
  return {
    text: text.slice(s, e),
    start: absStart + s,
    prefix: s > 0,
    suffix: e < text.length,
    highlights: hl.filter(([a, b]) => a >= s && b <= e).map(([a, b]) => [a - s, b - s] as [number, number]),
  };
}
