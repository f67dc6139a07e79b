/** Stored citations and the works they were merged into (see analyze/citations). */
import type { CslItem, ParsedReference } from '../analyze/citations/parse.js';
import type { Edition, WorkEvidence } from '../analyze/citations/works.js';

export interface CitedBy {
  bySource: Record<string, number>;
  byPerspective: Record<string, number>;
}

export interface WorkRow {
  key: string;
  csl: CslItem;
  title: string;
  editions: Edition[];
  evidence: WorkEvidence[];
  citations: number;
  sources: number;
  citedBy: CitedBy;
}

export interface CitationRow {
  key: string;
  versionId: number;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  kind: string;
  parsed: ParsedReference;
  work: string | null;
  edition: string | null;
  refersTo: string | null;
}

export interface CitationStore {
  writeCitations(works: WorkRow[], citations: CitationRow[]): Promise<void>;
  listWorks(q: { q?: string; source?: string; limit?: number; offset?: number }): Promise<{ total: number; items: WorkRow[] }>;
  getWork(key: string): Promise<WorkRow | null>;
  workCitations(key: string): Promise<CitationRow[]>;
  sourceCitations(sourceId: string): Promise<CitationRow[]>;
  iterateWorks(): AsyncIterable<WorkRow>;
  iterateCitations(): AsyncIterable<CitationRow>;
}
