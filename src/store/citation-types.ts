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

/** one passage a source offers as evidence, the citation that closes it and the work it rests on */
export interface EvidenceRow {
  passage: { start: number; end: number; rawStart: number; rawEnd: number; text: string };
  citation: string;
  work: string | null;
}

/** a claim the source states (a heading), or its evidence outside any heading (start = end = -1, text "") */
export interface ClaimRow {
  key: string;
  versionId: number;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  evidence: EvidenceRow[];
}

export interface CitationStore {
  writeCitations(works: WorkRow[], citations: CitationRow[], claims: ClaimRow[]): Promise<void>;
  listClaims(q: { q?: string; source?: string; limit?: number; offset?: number }): Promise<{ total: number; items: ClaimRow[] }>;
  getClaim(key: string): Promise<ClaimRow | null>;
  iterateClaims(): AsyncIterable<ClaimRow>;
  getCitation(key: string): Promise<CitationRow | null>;
  listWorks(q: { q?: string; source?: string; limit?: number; offset?: number }): Promise<{ total: number; items: WorkRow[] }>;
  getWork(key: string): Promise<WorkRow | null>;
  workCitations(key: string): Promise<CitationRow[]>;
  sourceCitations(sourceId: string): Promise<CitationRow[]>;
  iterateWorks(): AsyncIterable<WorkRow>;
  iterateCitations(): AsyncIterable<CitationRow>;
}
