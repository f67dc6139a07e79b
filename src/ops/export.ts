/**
 * Exports: sources and passages as JSON, JSON Lines or CSV, streamed. Every passage
 * row carries its source id, the source's original file name, clean offsets
 * (start/end), raw offsets (rawStart/rawEnd) and its text, so anyone can check that
 * cleanText.slice(start, end) === text.
 */
import { InquiryError } from '../core/errors.js';
import { OffsetMap } from '../core/offsets.js';
import type { Store } from '../store/store.js';
import { gexf, graphml } from '../core/graph-formats.js';
import type { CslItem } from '../analyze/citations/parse.js';
import { toBibtex, toRis, type CslWithId } from './bibliography.js';
import { argdownChunks } from './time.js';

export type ExportKind = 'sources' | 'passages' | 'sentences' | 'entities' | 'mentions' | 'network' | 'reuse' | 'works' | 'citations' | 'citation-graph' | 'evidence' | 'dates' | 'events' | 'claims' | 'conflicts';
export type ExportFormat = 'json' | 'jsonl' | 'csv' | 'graphml' | 'gexf' | 'passim' | 'csl-json' | 'bibtex' | 'ris' | 'argdown';
export const EXPORT_KINDS: ExportKind[] = ['sources', 'passages', 'sentences', 'entities', 'mentions', 'network', 'reuse', 'works', 'citations', 'citation-graph', 'evidence', 'dates', 'events', 'claims', 'conflicts'];
export const EXPORT_FORMATS: ExportFormat[] = ['json', 'jsonl', 'csv', 'graphml', 'gexf', 'passim', 'csl-json', 'bibtex', 'ris', 'argdown'];
const TABLE_FORMATS: ExportFormat[] = ['json', 'jsonl', 'csv'];

export interface ExportParams {
  kind: string;
  format?: string;
  /** network: entity type, minimum co-mention weight, node limit */
  type?: string;
  minWeight?: number;
  limit?: number;
  /** sources: include clean text (and raw text) */
  includeText?: boolean;
  source?: string[];
  includeDuplicates?: boolean;
  /** conflicts as Argdown: only this disputed point */
  key?: string;
}

type Rec = Record<string, unknown>;

export function exportStream(store: Store, p: ExportParams): { contentType: string; chunks: AsyncIterable<string> } {
  const kind = p.kind as ExportKind;
  const format = (p.format ?? 'jsonl') as ExportFormat;
  if (!EXPORT_KINDS.includes(kind)) throw new InquiryError(`cannot export "${p.kind}": choose one of ${EXPORT_KINDS.join(', ')}`, { code: 'bad_param' });
  if (kind === 'network') {
    const f = (p.format ?? 'graphml') as ExportFormat;
    if (f !== 'graphml' && f !== 'gexf' && f !== 'json') throw new InquiryError(`the network exports as graphml, gexf or json, not "${p.format}"`, { code: 'bad_param' });
    return { contentType: f === 'json' ? 'application/json; charset=utf-8' : 'application/xml; charset=utf-8', chunks: networkChunks(store, p, f) };
  }
  if (kind === 'reuse' && format === 'passim') return { contentType: 'application/x-ndjson; charset=utf-8', chunks: passimChunks(store, p) };
  if (kind === 'citation-graph') {
    const f = (p.format ?? 'graphml') as ExportFormat;
    if (f !== 'graphml' && f !== 'gexf') throw new InquiryError(`the citation graph exports as graphml or gexf, not "${p.format}"`, { code: 'bad_param' });
    return { contentType: 'application/xml; charset=utf-8', chunks: citationGraphChunks(store, f) };
  }
  if (kind === 'evidence') {
    if (format !== 'json' && format !== 'jsonl') throw new InquiryError(`the evidence structure exports as json or jsonl, not "${p.format}"`, { code: 'bad_param' });
    return { contentType: format === 'json' ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8', chunks: serialize(evidenceRows(store, p), format, []) };
  }
  if (kind === 'conflicts' && format === 'argdown') return { contentType: 'text/x-argdown; charset=utf-8', chunks: argdownChunks(store, p.key) };
  if (format === 'argdown') throw new InquiryError(`argdown is for conflicts, not ${kind}`, { code: 'bad_param' });
  if ((kind === 'works' || kind === 'citations') && (format === 'csl-json' || format === 'bibtex' || format === 'ris')) {
    const ct = format === 'csl-json' ? 'application/vnd.citationstyles.csl+json; charset=utf-8' : format === 'bibtex' ? 'application/x-bibtex; charset=utf-8' : 'application/x-research-info-systems; charset=utf-8';
    return { contentType: ct, chunks: bibChunks(store, kind, format, p) };
  }
  if ((format === 'csl-json' || format === 'bibtex' || format === 'ris') && kind !== 'works' && kind !== 'citations') throw new InquiryError(`${format} is for works and citations, not ${kind}`, { code: 'bad_param' });
  if (!TABLE_FORMATS.includes(format)) throw new InquiryError(`unknown format "${p.format}" for ${kind}: choose one of ${TABLE_FORMATS.join(', ')}`, { code: 'bad_param' });
  const rows =
    kind === 'sources' ? sourceRows(store, p)
    : kind === 'passages' ? passageRows(store, p)
    : kind === 'sentences' ? sentenceRows(store, p)
    : kind === 'entities' ? entityRows(store, p)
    : kind === 'reuse' ? reuseRows(store, p)
    : kind === 'works' ? workRows(store, p)
    : kind === 'citations' ? citationRows(store, p)
    : kind === 'dates' ? dateRows(store, p)
    : kind === 'events' ? eventRows(store, p)
    : kind === 'claims' ? claimRows(store, p)
    : kind === 'conflicts' ? conflictRows(store, p)
    : mentionRows(store, p);
  const columns = COLUMNS[kind as Exclude<ExportKind, 'network' | 'citation-graph' | 'evidence'>].concat(kind === 'sources' && p.includeText ? ['cleanText', 'rawText'] : []);
  const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : format === 'json' ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return { contentType, chunks: serialize(rows, format, columns) };
}

const COLUMNS: Record<Exclude<ExportKind, 'network' | 'citation-graph' | 'evidence'>, string[]> = {
  entities: ['id', 'type', 'name', 'mentions', 'sources', 'ambiguous', 'curated', 'aliases', 'evidence', 'mentionSpans'],
  mentions: ['key', 'entity', 'entityName', 'type', 'sourceId', 'fileName', 'passageKey', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'cue'],
  sources: ['id', 'title', 'authors', 'date', 'dateModified', 'url', 'language', 'perspective', 'kind', 'licence', 'container', 'series', 'fileName', 'format', 'encoding', 'contentHash', 'versionId', 'ingestedAt', 'chars', 'rawChars', 'passages', 'sentences', 'duplicatePassages'],
  passages: ['sourceId', 'fileName', 'key', 'seq', 'start', 'end', 'rawStart', 'rawEnd', 'role', 'ocrScore', 'dupOf', 'text'],
  sentences: ['sourceId', 'fileName', 'key', 'passageKey', 'start', 'end', 'rawStart', 'rawEnd', 'text'],
  works: ['id', 'type', 'author', 'title', 'containerTitle', 'publisher', 'place', 'year', 'citations', 'sources', 'citedBySource', 'citedByPerspective', 'editions', 'evidence', 'csl'],
  citations: ['key', 'source', 'fileName', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'kind', 'work', 'edition', 'refersTo', 'locator', 'remarks', 'csl'],
  dates: ['key', 'source', 'fileName', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'edtf', 'form', 'lo', 'hi', 'resolved'],
  events: ['key', 'source', 'fileName', 'perspective', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'trigger', 'edtf', 'lo', 'hi', 'dateText', 'actors', 'places', 'group', 'conflict'],
  claims: ['key', 'source', 'fileName', 'perspective', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'predicate', 'subject', 'subjectLabel', 'value', 'valueLabel', 'time', 'agree', 'partial', 'conflict'],
  conflicts: ['dispute', 'predicate', 'topic', 'side', 'stance', 'key', 'source', 'fileName', 'perspective', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'valueLabel', 'time'],
  reuse: ['family', 'kind', 'occurrence', 'seq', 'source', 'fileName', 'date', 'perspective', 'start', 'end', 'rawStart', 'rawEnd', 'words', 'base', 'repeat', 'severity', 'summary', 'attribution', 'divergences', 'text'],
};

async function* dateRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const files = new Map((await store.listSources()).map((s) => [s.id, s.fileName]));
  for await (const d of store.time.iterateDates()) {
    if (wanted.size && !wanted.has(d.sourceId)) continue;
    yield { key: d.key, source: d.sourceId, fileName: files.get(d.sourceId) ?? '', start: d.start, end: d.end, rawStart: d.rawStart, rawEnd: d.rawEnd, text: d.text, edtf: d.edtf, form: d.form, lo: d.lo, hi: d.hi, resolved: d.resolved };
  }
}

async function* eventRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const src = new Map((await store.listSources()).map((s) => [s.id, s]));
  for await (const e of store.time.iterateEvents()) {
    if (wanted.size && !wanted.has(e.sourceId)) continue;
    yield { key: e.key, source: e.sourceId, fileName: src.get(e.sourceId)?.fileName ?? '', perspective: src.get(e.sourceId)?.perspective ?? [], start: e.start, end: e.end, rawStart: e.rawStart, rawEnd: e.rawEnd, text: e.text, trigger: e.trigger, edtf: e.edtf, lo: e.lo, hi: e.hi, dateText: e.dateText, actors: e.actors, places: e.places, group: e.group, conflict: e.conflict };
  }
}

async function* claimRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const src = new Map((await store.listSources()).map((s) => [s.id, s]));
  for await (const c of store.time.iterateStatements()) {
    if (wanted.size && !wanted.has(c.sourceId)) continue;
    yield { key: c.key, source: c.sourceId, fileName: src.get(c.sourceId)?.fileName ?? '', perspective: src.get(c.sourceId)?.perspective ?? [], start: c.start, end: c.end, rawStart: c.rawStart, rawEnd: c.rawEnd, text: c.text, predicate: c.predicate, subject: c.subject, subjectLabel: c.subjectLabel, value: c.value, valueLabel: c.valueLabel, time: c.time, agree: c.agree, partial: c.partial, conflict: c.conflict };
  }
}

/** one row per claim in a disputed point: the point, the side, and the claim with its span */
async function* conflictRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const src = new Map((await store.listSources()).map((s) => [s.id, s]));
  for await (const d of store.time.iterateDisputes()) {
    if (p.key && d.key !== p.key) continue;
    if (wanted.size && !d.sides.some((s) => s.sources.some((x) => wanted.has(x)))) continue;
    const claims = new Map((await store.time.statementsByKeys(d.sides.flatMap((s) => s.claims))).map((c) => [c.key, c]));
    for (const [i, side] of d.sides.entries()) {
      for (const k of side.claims) {
        const c = claims.get(k);
        if (!c) continue;
        yield { dispute: d.key, predicate: d.predicate, topic: d.topic, side: i + 1, stance: side.stance, key: c.key, source: c.sourceId, fileName: src.get(c.sourceId)?.fileName ?? '', perspective: src.get(c.sourceId)?.perspective ?? [], start: c.start, end: c.end, rawStart: c.rawStart, rawEnd: c.rawEnd, text: c.text, valueLabel: c.valueLabel, time: c.time };
      }
    }
  }
}

/** one row per occurrence of a reused passage, grouped by family, with its divergences from the family's base */
async function* reuseRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const sources = new Map((await store.listSources()).map((s) => [s.id, s]));
  const kinds = new Map<string, string>();
  for await (const o of store.reuse.iterateOccurrences()) {
    if (wanted.size && !wanted.has(o.sourceId)) continue;
    if (!kinds.has(o.family)) kinds.set(o.family, (await store.reuse.getFamily(o.family))?.kind ?? 'quotation');
    const s = sources.get(o.sourceId);
    yield {
      family: o.family, kind: kinds.get(o.family), occurrence: o.key, seq: o.seq, source: o.sourceId, fileName: s?.fileName ?? '', date: s?.date ?? null, perspective: s?.perspective ?? [],
      start: o.start, end: o.end, rawStart: o.rawStart, rawEnd: o.rawEnd, words: o.words, base: o.base, repeat: o.repeat, severity: o.severity, summary: o.summary,
      attribution: o.data.attribution, divergences: o.data.divergences, text: o.text,
    };
  }
}

/**
 * passim's cluster output (one JSON object per line, as passim writes out.json): cluster and
 * uid numbers, size, the document id and series, begin/end character offsets and the text,
 * plus the source's date, so existing passim tooling reads it.
 */
async function* passimChunks(store: Store, p: ExportParams): AsyncIterable<string> {
  const clusters = new Map<string, number>();
  const sizes = new Map<string, number>();
  for await (const o of store.reuse.iterateOccurrences()) sizes.set(o.family, (sizes.get(o.family) ?? 0) + 1);
  let uid = 0;
  for await (const r of reuseRows(store, p)) {
    const fam = r.family as string;
    if (!clusters.has(fam)) clusters.set(fam, clusters.size + 1);
    yield JSON.stringify({ uid: ++uid, cluster: clusters.get(fam), size: sizes.get(fam), id: r.source, series: r.source, date: r.date, begin: r.start, end: r.end, text: r.text }) + '\n';
  }
}

async function* sourceRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  for (const s of await store.listSources()) {
    if (wanted.size && !wanted.has(s.id)) continue;
    const { metaOrigin: _m, origin: _o, warnings: _w, ...row } = s;
    if (p.includeText) {
      const t = await store.getVersionTexts(s.versionId);
      yield { ...row, cleanText: t?.cleanText ?? null, rawText: t?.rawText ?? null };
    } else yield row;
  }
}

async function* entityRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  // mention spans grouped per entity: one pass over the mentions, kept per entity
  const spans = new Map<string, Rec[]>();
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  for await (const m of store.entities.iterateMentions()) {
    if (wanted.size && !wanted.has(m.sourceId)) continue;
    let l = spans.get(m.entity as string);
    if (!l) spans.set(m.entity as string, (l = []));
    l.push({ source: m.sourceId, start: m.start, end: m.end, rawStart: m.rawStart, rawEnd: m.rawEnd, text: m.text });
  }
  for await (const e of store.entities.iterateEntities()) {
    if (p.type && e.type !== p.type) continue;
    const mentionSpans = spans.get(e.key) ?? [];
    if (wanted.size && mentionSpans.length === 0) continue;
    yield {
      id: e.key, type: e.type, name: e.name, mentions: e.mentions, sources: e.sources, ambiguous: e.ambiguous, curated: e.curated,
      aliases: e.aliases, evidence: e.evidence, mentionSpans,
    };
  }
}

async function* mentionRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const names = await fileNames(store);
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const entityNames = new Map<string, string>();
  for await (const e of store.entities.iterateEntities()) entityNames.set(e.key, e.name);
  for await (const m of store.entities.iterateMentions()) {
    if (wanted.size && !wanted.has(m.sourceId)) continue;
    if (p.type && m.type !== p.type) continue;
    yield {
      key: m.key, entity: m.entity, entityName: entityNames.get(m.entity as string) ?? null, type: m.type, sourceId: m.sourceId,
      fileName: names.get(m.sourceId) ?? '', passageKey: m.passageKey, start: m.start, end: m.end, rawStart: m.rawStart, rawEnd: m.rawEnd,
      text: m.text, cue: m.cue,
    };
  }
}

async function* networkChunks(store: Store, p: ExportParams, format: ExportFormat): AsyncIterable<string> {
  const g = await store.entities.entityGraph({
    type: p.type as never,
    minWeight: p.minWeight ?? 1,
    limit: p.limit ?? 100000,
  });
  if (format === 'json') {
    yield JSON.stringify(g) + '\n';
    return;
  }
  const nodes = g.nodes.map((n) => ({ id: n.key, label: n.name, attrs: { type: n.type, mentions: n.mentions, sources: n.sources } }));
  const desc = 'Co-mention network: entities mentioned in the same passage; edge weight = passages in common';
  yield* format === 'gexf' ? gexf(nodes, g.edges, { description: desc }) : graphml(nodes, g.edges);
}

async function fileNames(store: Store): Promise<Map<string, string>> {
  return new Map((await store.listSources()).map((s) => [s.id, s.fileName]));
}

async function* passageRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const names = await fileNames(store);
  for await (const r of store.iteratePassages({ sourceIds: p.source, includeDuplicates: p.includeDuplicates ?? true })) {
    yield {
      sourceId: r.sourceId, fileName: names.get(r.sourceId) ?? '', key: r.key, seq: r.seq, start: r.start, end: r.end,
      rawStart: r.rawStart, rawEnd: r.rawEnd, role: r.role, ocrScore: r.ocrScore, dupOf: r.dupOf, text: r.text,
    };
  }
}

async function* sentenceRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const names = await fileNames(store);
  let cur: { versionId: number; clean: string; map: OffsetMap } | null = null;
  for await (const r of store.iteratePassages({ sourceIds: p.source, includeDuplicates: p.includeDuplicates ?? true })) {
    if (!cur || cur.versionId !== r.versionId) {
      const t = await store.getVersionTexts(r.versionId);
      if (!t) continue;
      cur = { versionId: r.versionId, clean: t.cleanText, map: OffsetMap.fromBuffer(t.offsetMap) };
    }
    for (const [start, end, key] of r.sentences) {
      const [rawStart, rawEnd] = cur.map.toRaw(start, end);
      yield { sourceId: r.sourceId, fileName: names.get(r.sourceId) ?? '', key, passageKey: r.key, start, end, rawStart, rawEnd, text: cur.clean.slice(start, end) };
    }
  }
}

async function* serialize(rows: AsyncIterable<Rec>, format: ExportFormat, columns: string[]): AsyncIterable<string> {
  if (format === 'jsonl') {
    for await (const r of rows) yield JSON.stringify(r) + '\n';
    return;
  }
  if (format === 'json') {
    yield '[';
    let first = true;
    for await (const r of rows) {
      yield (first ? '\n' : ',\n') + JSON.stringify(r);
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
    return;
  }
  yield columns.map(csvCell).join(',') + '\r\n';
  for await (const r of rows) yield columns.map((c) => csvCell(r[c])).join(',') + '\r\n';
}

/** RFC 4180 cell; arrays joined with "; " */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const nameList = (l?: Array<{ family?: string; given?: string; literal?: string }>) => (l ?? []).map((n) => n.literal ?? [n.family, n.given].filter(Boolean).join(', ')).join('; ');

async function* workRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  for await (const w of store.citations.iterateWorks()) {
    if (wanted.size && !Object.keys(w.citedBy.bySource).some((s) => wanted.has(s))) continue;
    const c = w.csl;
    yield {
      id: w.key, type: c.type, author: nameList(c.author ?? c.editor), title: c.title ?? '', containerTitle: c['container-title'] ?? '', publisher: c.publisher ?? '', place: c['publisher-place'] ?? '',
      year: c.issued?.['date-parts']?.[0]?.[0] ?? null, citations: w.citations, sources: w.sources, citedBySource: w.citedBy.bySource, citedByPerspective: w.citedBy.byPerspective,
      editions: w.editions.map((e) => ({ key: e.key, year: e.csl.issued?.['date-parts']?.[0]?.[0] ?? null, publisher: e.csl.publisher ?? null, citations: e.citations.length })), evidence: w.evidence, csl: c,
    };
  }
}

async function* citationRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const names = await fileNames(store);
  for await (const c of store.citations.iterateCitations()) {
    if (wanted.size && !wanted.has(c.sourceId)) continue;
    yield {
      key: c.key, source: c.sourceId, fileName: names.get(c.sourceId) ?? '', start: c.start, end: c.end, rawStart: c.rawStart, rawEnd: c.rawEnd, text: c.text, kind: c.kind,
      work: c.work, edition: c.edition, refersTo: c.refersTo, locator: c.parsed.locator, remarks: c.parsed.remarks, csl: c.parsed.csl,
    };
  }
}

/** works (one record each) or citations (each parsed reference, its id the citation key) as CSL-JSON, BibTeX or RIS, through citation-js */
async function* bibChunks(store: Store, kind: 'works' | 'citations', format: 'csl-json' | 'bibtex' | 'ris', p: ExportParams): AsyncIterable<string> {
  const items: CslWithId[] = [];
  if (kind === 'works') for await (const r of workRows(store, p)) items.push({ ...(r.csl as CslItem), id: r.id as string });
  else for await (const r of citationRows(store, p)) if (r.csl) items.push({ ...(r.csl as CslItem), id: r.key as string });
  if (format === 'csl-json') {
    yield JSON.stringify(items, null, 2) + '\n';
    return;
  }
  yield format === 'bibtex' ? toBibtex(items) : toRis(items);
}

/** sources → the works they cite, edge weight = citations */
async function* citationGraphChunks(store: Store, format: 'graphml' | 'gexf'): AsyncIterable<string> {
  const sources = await store.listSources();
  const nodes: Array<{ id: string; label: string; attrs: Record<string, string | number> }> = sources.map((s) => ({ id: 'source:' + s.id, label: s.title ?? s.id, attrs: { kind: 'source', perspective: s.perspective.join(' '), citations: 0 } }));
  const edges: Array<{ source: string; target: string; weight: number }> = [];
  for await (const w of store.citations.iterateWorks()) {
    nodes.push({ id: w.key, label: w.title || w.key, attrs: { kind: 'work', perspective: '', citations: w.citations } });
    for (const [src, n] of Object.entries(w.citedBy.bySource)) edges.push({ source: 'source:' + src, target: w.key, weight: n });
  }
  const desc = 'Citation graph: sources and the works they cite; edge weight = citations';
  yield* format === 'gexf' ? gexf(nodes, edges, { description: desc }) : graphml(nodes, edges);
}

/** claim → evidence passage → citation → work, each part with its spans (one claim per row) */
async function* evidenceRows(store: Store, p: ExportParams): AsyncIterable<Rec> {
  const wanted = new Set((p.source ?? []).flatMap((s) => s.split(',')).filter(Boolean));
  const titles = new Map<string, string>();
  for await (const c of store.citations.iterateClaims()) {
    if (wanted.size && !wanted.has(c.sourceId)) continue;
    const evidence = [];
    for (const e of c.evidence) {
      const cit = await store.citations.getCitation(e.citation);
      if (e.work && !titles.has(e.work)) titles.set(e.work, (await store.citations.getWork(e.work))?.title ?? '');
      evidence.push({
        passage: e.passage,
        citation: cit ? { key: cit.key, start: cit.start, end: cit.end, rawStart: cit.rawStart, rawEnd: cit.rawEnd, text: cit.text, locator: cit.parsed.locator } : { key: e.citation },
        work: e.work ? { key: e.work, title: titles.get(e.work) ?? '' } : null,
      });
    }
    yield { claim: c.start >= 0 ? { key: c.key, start: c.start, end: c.end, rawStart: c.rawStart, rawEnd: c.rawEnd, text: c.text } : null, source: c.sourceId, evidence };
  }
}
