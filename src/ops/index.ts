/**
 * The operation registry: every user-visible operation is one typed function here.
 * The CLI, the HTTP server and the tests call these and nothing below them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InquiryError } from '../core/errors.js';
import { ingestPaths, type IngestOptions, type IngestSummary } from '../pipeline/ingest.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { exportStream, type ExportParams } from './export.js';
import { search, type SearchParams, type SearchResult } from './search.js';
import { getSetting, settingsReport } from './settings.js';
import { getPassage, listSources, showSource, status, type ShowParams } from './sources.js';
import { bibliography, citationGraph, cite, listClaims as listEvidence, listWorks, showClaim as showEvidence, showWork, sourceCitations } from './citations.js';
import { listClaims, listConflicts, listDates, listEvents, showClaim, showConflict, sourceClaims, sourceDates, timeline } from './time.js';
import { listReuse, quote, showReuse, sourceReuse } from './reuse.js';
import { analyze, curate, curationLog, entityGraph, exportCuration, importCuration, listEntities, showEntity, sourceMentions } from './entities.js';

export interface OpenOptions {
  db?: string;
  cwd?: string;
  readonly?: boolean;
}

export function resolveDbPath(opts: OpenOptions): string {
  const db = opts.db ?? (getSetting('db') as string);
  return db === ':memory:' ? db : resolve(opts.cwd ?? process.cwd(), db);
}

export function openStore(opts: OpenOptions = {}): Store {
  const path = resolveDbPath(opts);
  if (opts.readonly && path !== ':memory:' && !existsSync(path)) {
    throw new InquiryError(`no database at ${path}: run "inquiry ingest <files>" first, or pass --db`, { status: 404, code: 'no_db' });
  }
  return openSqliteStore(path, { readonly: opts.readonly });
}

export const ops = {
  ingest: (store: Store, paths: string[], opts?: IngestOptions): Promise<IngestSummary> => ingestPaths(store, paths, opts),
  sources: listSources,
  show: (store: Store, p: ShowParams) => showSource(store, p),
  passage: getPassage,
  search: (store: Store, p: SearchParams): Promise<SearchResult> => search(store, p),
  export: (store: Store, p: ExportParams) => exportStream(store, p),
  status,
  settings: settingsReport,
  analyze,
  entities: listEntities,
  entity: showEntity,
  entityGraph,
  sourceMentions,
  curate,
  curationLog,
  exportCuration,
  importCuration,
  cite,
  citations: sourceCitations,
  works: listWorks,
  work: showWork,
  /** claim headings of a source with their evidence passages, citations and works */
  evidence: listEvidence,
  evidenceClaim: showEvidence,
  /** checkable claims compared across sources */
  claims: listClaims,
  claim: showClaim,
  conflicts: listConflicts,
  conflict: showConflict,
  dates: listDates,
  events: listEvents,
  timeline,
  sourceDates,
  sourceClaims,
  citationGraph,
  bibliography,
  reuse: listReuse,
  reuseFamily: showReuse,
  sourceReuse,
  quote,
};

export type { SearchParams, SearchResult, ShowParams, ExportParams, IngestSummary };
