/**
 * Exports: sources and passages as JSON, JSON Lines or CSV, streamed. Every passage
 * row carries its source id, the source's original file name, clean offsets
 * (start/end), raw offsets (rawStart/rawEnd) and its text, so anyone can check that
 * cleanText.slice(start, end) === text.
 */
import { InquiryError } from '../core/errors.js';
import { OffsetMap } from '../core/offsets.js';
import type { Store } from '../store/store.js';

export type ExportKind = 'sources' | 'passages' | 'sentences';
export type ExportFormat = 'json' | 'jsonl' | 'csv';
export const EXPORT_KINDS: ExportKind[] = ['sources', 'passages', 'sentences'];
export const EXPORT_FORMATS: ExportFormat[] = ['json', 'jsonl', 'csv'];

export interface ExportParams {
  kind: string;
  format?: string;
  /** sources: include clean text (and raw text) */
  includeText?: boolean;
  source?: string[];
  includeDuplicates?: boolean;
}

type Rec = Record<string, unknown>;

export function exportStream(store: Store, p: ExportParams): { contentType: string; chunks: AsyncIterable<string> } {
  const kind = p.kind as ExportKind;
  const format = (p.format ?? 'jsonl') as ExportFormat;
  if (!EXPORT_KINDS.includes(kind)) throw new InquiryError(`cannot export "${p.kind}": choose one of ${EXPORT_KINDS.join(', ')}`, { code: 'bad_param' });
  if (!EXPORT_FORMATS.includes(format)) throw new InquiryError(`unknown format "${p.format}": choose one of ${EXPORT_FORMATS.join(', ')}`, { code: 'bad_param' });
  const rows = kind === 'sources' ? sourceRows(store, p) : kind === 'passages' ? passageRows(store, p) : sentenceRows(store, p);
  const columns = COLUMNS[kind].concat(kind === 'sources' && p.includeText ? ['cleanText', 'rawText'] : []);
  const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : format === 'json' ? 'application/json; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return { contentType, chunks: serialize(rows, format, columns) };
}

const COLUMNS: Record<ExportKind, string[]> = {
  sources: ['id', 'title', 'authors', 'date', 'dateModified', 'url', 'language', 'perspective', 'kind', 'licence', 'container', 'series', 'fileName', 'format', 'encoding', 'contentHash', 'versionId', 'ingestedAt', 'chars', 'rawChars', 'passages', 'sentences', 'duplicatePassages'],
  passages: ['sourceId', 'fileName', 'key', 'seq', 'start', 'end', 'rawStart', 'rawEnd', 'role', 'ocrScore', 'dupOf', 'text'],
  sentences: ['sourceId', 'fileName', 'key', 'passageKey', 'start', 'end', 'rawStart', 'rawEnd', 'text'],
};

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
