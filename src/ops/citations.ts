/** Citations (issue 5, first part): parse one reference; find the references in a source. */
import { NotFoundError, InquiryError } from '../core/errors.js';
import { OffsetMap } from '../core/offsets.js';
import { findCitations } from '../analyze/citations/detect.js';
import { parseReference, type ParsedReference } from '../analyze/citations/parse.js';
import type { Store } from '../store/store.js';
import { BIB_STYLES, toBibliography } from './bibliography.js';
import { wholeNumber } from './params.js';

export function cite(text: string): ParsedReference {
  if (!text.trim()) throw new InquiryError('give a reference to parse', { code: 'bad_param' });
  return parseReference(text);
}

export async function sourceCitations(store: Store, sourceId: string) {
  const s = await store.getSource(sourceId);
  if (!s) throw new NotFoundError(`no source "${sourceId}"`);
  const v = await store.getVersionTexts(s.versionId);
  if (!v) throw new NotFoundError(`no text for source "${sourceId}"`);
  const map = OffsetMap.fromBuffer(v.offsetMap);
  return {
    sourceId,
    versionId: s.versionId,
    citations: findCitations(v.cleanText).map((c) => ({
      start: c.start,
      end: c.end,
      rawStart: map.toRawStart(c.start),
      rawEnd: map.toRawEnd(c.end),
      text: c.text,
      kind: c.kind,
      shape: c.parsed.shape,
      csl: c.parsed.csl,
      locator: c.parsed.locator,
      remarks: c.parsed.remarks,
      ibid: c.parsed.ibid,
      opCit: c.parsed.opCit,
    })),
  };
}

// ---------------------------------------------------------------- works (after analysis)

export interface WorksParams {
  q?: string;
  source?: string;
  limit?: number | string;
  offset?: number | string;
}

const num = wholeNumber;

export async function listWorks(store: Store, p: WorksParams = {}) {
  return store.citations.listWorks({ q: p.q || undefined, source: p.source || undefined, limit: num(p.limit, 'limit', 50, 1000), offset: num(p.offset, 'offset', 0) });
}

/** a work: its record, editions, the evidence for merging its references, and every place it is cited (with the text just before each citation) */
export async function showWork(store: Store, key: string) {
  const w = await store.citations.getWork(key);
  if (!w) throw new NotFoundError(`no work "${key}"`);
  const cites = await store.citations.workCitations(key);
  const texts = new Map<number, string>();
  const out = [];
  for (const c of cites) {
    if (!texts.has(c.versionId)) texts.set(c.versionId, (await store.getVersionTexts(c.versionId))?.cleanText ?? '');
    const t = texts.get(c.versionId)!;
    // the passage the citation closes: the paragraph before it
    const before = t.slice(Math.max(0, c.start - 600), c.start);
    const para = before.split(/\n\s*\n/).filter((x) => x.trim()).pop() ?? '';
    out.push({ ...c, context: para.trim().slice(-400) });
  }
  // the passages attributed to it: evidence whose citation was merged into this work
  const passages = [];
  for await (const cl of store.citations.iterateClaims()) {
    for (const e of cl.evidence) {
      if (e.work !== key) continue;
      passages.push({ claim: cl.start >= 0 ? cl.key : null, heading: cl.start >= 0 ? cl.text : null, sourceId: cl.sourceId, start: e.passage.start, end: e.passage.end, text: e.passage.text, citation: e.citation });
    }
  }
  return { work: w, citations: out, passages };
}

export async function listClaims(store: Store, p: WorksParams = {}) {
  const r = await store.citations.listClaims({ q: p.q || undefined, source: p.source || undefined, limit: num(p.limit, 'limit', 50, 1000), offset: num(p.offset, 'offset', 0) });
  return {
    total: r.total,
    items: r.items.map((c) => ({ key: c.key, sourceId: c.sourceId, start: c.start, end: c.end, rawStart: c.rawStart, rawEnd: c.rawEnd, text: c.text, evidence: c.evidence.length, works: new Set(c.evidence.map((e) => e.work).filter(Boolean)).size })),
  };
}

/** a claim with its evidence passages, the citation closing each, and the work each rests on */
export async function showClaim(store: Store, key: string) {
  const c = await store.citations.getClaim(key);
  if (!c) throw new NotFoundError(`no claim "${key}"`);
  const src = await store.getSource(c.sourceId);
  const works = new Map<string, { key: string; title: string; csl: unknown } | null>();
  const evidence = [];
  for (const e of c.evidence) {
    const cit = await store.citations.getCitation(e.citation);
    if (e.work && !works.has(e.work)) {
      const w = await store.citations.getWork(e.work);
      works.set(e.work, w ? { key: w.key, title: w.title, csl: w.csl } : null);
    }
    evidence.push({
      passage: e.passage,
      citation: { key: e.citation, text: cit?.text ?? '', start: cit?.start ?? -1, end: cit?.end ?? -1, locator: cit?.parsed.locator ?? null },
      work: e.work ? (works.get(e.work) ?? null) : null,
    });
  }
  return { claim: { key: c.key, sourceId: c.sourceId, title: src?.title ?? null, perspective: src?.perspective ?? [], start: c.start, end: c.end, rawStart: c.rawStart, rawEnd: c.rawEnd, text: c.text, evidence } };
}

/** sources and the works they cite, for the web app's network view */
export async function citationGraph(store: Store) {
  const sources = await store.listSources();
  const nodes: Array<{ id: string; label: string; kind: 'source' | 'work'; perspective: string[]; citations: number }> = sources.map((s) => ({ id: 'source:' + s.id, label: s.title ?? s.id, kind: 'source', perspective: s.perspective, citations: 0 }));
  const edges: Array<{ source: string; target: string; weight: number }> = [];
  const bySource = new Map<string, number>();
  for await (const w of store.citations.iterateWorks()) {
    nodes.push({ id: w.key, label: w.title || w.key, kind: 'work', perspective: Object.keys(w.citedBy.byPerspective), citations: w.citations });
    for (const [src, n] of Object.entries(w.citedBy.bySource)) {
      edges.push({ source: 'source:' + src, target: w.key, weight: n });
      bySource.set(src, (bySource.get(src) ?? 0) + n);
    }
  }
  for (const n of nodes) if (n.kind === 'source') n.citations = bySource.get(n.id.slice(7)) ?? 0;
  return { nodes, edges };
}

/** CSL items with ids, for citation-js */
export async function workItems(store: Store, source?: string) {
  const items = [];
  for await (const w of store.citations.iterateWorks()) {
    if (source && !w.citedBy.bySource[source]) continue;
    items.push({ ...w.csl, id: w.key });
  }
  return items;
}

export async function bibliography(store: Store, p: { source?: string; style?: string; format?: 'text' | 'html' }) {
  if (p.source && !(await store.getSource(p.source))) throw new NotFoundError(`no source "${p.source}"`);
  const style = p.style ?? 'chicago-author-date';
  if (!(BIB_STYLES as readonly string[]).includes(style)) throw new InquiryError(`unknown style "${style}": choose one of ${BIB_STYLES.join(', ')}`, { code: 'bad_param' });
  const items = await workItems(store, p.source);
  return { style, works: items.length, text: items.length ? toBibliography(items, style, p.format ?? 'text') : '' };
}
