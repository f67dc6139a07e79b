/**
 * The narrow store interface. Everything above it (pipeline, ops) talks to this and
 * nothing else; each dialect lives in its own folder (sqlite/ now, postgres/ next).
 * Methods are async so that a network database fits the same shape.
 */
import type { DuplicateSection, PassageRole, ProcessedSource, RemovedSpan, SourceMeta } from '../core/types.js';
import type { EntityStore } from './entity-types.js';
import type { ReuseStore } from './reuse-types.js';
import type { CitationStore } from './citation-types.js';
import type { TimeStore } from './time-types.js';

export interface SourceRow extends SourceMeta {
  origin: string;
  fileName: string;
  format: string;
  versionId: number;
  contentHash: string;
  encoding: string;
  ingestedAt: string;
  chars: number;
  rawChars: number;
  passages: number;
  sentences: number;
  duplicatePassages: number;
  warnings: string[];
}

export interface VersionTexts {
  versionId: number;
  rawText: string;
  cleanText: string;
  offsetMap: Uint8Array;
  removed: RemovedSpan[];
  duplicates: DuplicateSection[];
}

export interface PassageRow {
  id: number;
  key: string;
  sourceId: string;
  versionId: number;
  seq: number;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  role: PassageRole;
  ocrScore: number;
  dupOf: string | null;
  /** [start, end, key] per sentence, clean offsets */
  sentences: Array<[number, number, string]>;
}

export type SaveStatus = 'added' | 'updated' | 'unchanged' | 'metadata';

export interface SaveResult {
  status: SaveStatus;
  sourceId: string;
  versionId: number;
  passages: number;
}

export interface SearchCandidatesQuery {
  /** an FTS query in the store's syntax (FTS5 for SQLite) */
  match: string;
  /** restrict to these versions (null: all current versions) */
  versionIds: number[] | null;
  /** how many candidates to rank at most */
  cap: number;
}

export interface SearchCandidates {
  /** passage id and relevance (higher is better) */
  hits: Array<{ id: number; score: number }>;
  /** total matches, exact or estimated */
  total: number;
  totalIsEstimate: boolean;
}

export interface PassageFilter {
  sourceIds?: string[];
  includeDuplicates?: boolean;
}

export interface StoreStats {
  sources: number;
  versions: number;
  passages: number;
  sentences: number;
  schemaVersion: string;
  path: string;
}

export interface Store {
  readonly dialect: string;
  /** mentions, entities and the curation log */
  readonly entities: EntityStore;
  /** families of reused passages and their occurrences */
  readonly reuse: ReuseStore;
  /** citations found in the sources and the works they were merged into */
  readonly citations: CitationStore;
  /** dates, events, checkable claims compared across sources, disputed points */
  readonly time: TimeStore;
  /** opened read-only: every write is refused */
  readonly readonly: boolean;
  close(): Promise<void>;
  /** source id registered for this origin (file path, plus #part for multi-document files) */
  sourceIdForOrigin(origin: string): Promise<string | null>;
  sourceIdTaken(id: string): Promise<boolean>;
  /** content hash of the source's current version (null: no such source) */
  currentHash(sourceId: string): Promise<string | null>;
  /** write one source in one transaction: new version, passages, index; retire the old version */
  saveSource(p: ProcessedSource): Promise<SaveResult>;
  listSources(): Promise<SourceRow[]>;
  getSource(id: string): Promise<SourceRow | null>;
  getVersionTexts(versionId: number): Promise<VersionTexts | null>;
  getPassages(versionId: number, range?: { start: number; end: number }): Promise<PassageRow[]>;
  getPassagesByIds(ids: number[]): Promise<PassageRow[]>;
  /** OCR score and duplicate flag of these passages (cheap, for re-ranking) */
  passageQuality(ids: number[]): Promise<Map<number, { ocr: number; dup: boolean }>>;
  getPassageByKey(key: string, sourceId?: string): Promise<PassageRow | null>;
  /** passages of duplicated sections that repeat these passages (by key) */
  duplicatesOf(versionId: number, keys: string[]): Promise<Map<string, PassageRow[]>>;
  iteratePassages(filter: PassageFilter): AsyncIterable<PassageRow>;
  searchCandidates(q: SearchCandidatesQuery): Promise<SearchCandidates>;
  stats(): Promise<StoreStats>;
}
