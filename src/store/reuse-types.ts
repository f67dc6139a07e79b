/** Stored reuse analysis: families of repeated passages and their occurrences (see analyze/reuse). */
import type { Divergence } from '../analyze/reuse/diverge.js';

export type ReuseSeverity = 'none' | 'cosmetic' | 'meaning';

export interface FamilyRow {
  key: string;
  kind: 'quotation' | 'duplicate';
  words: number;
  occurrences: number;
  sources: number;
  /** the worst severity of its occurrences */
  severity: ReuseSeverity;
  /** key of the base occurrence (the fullest text) */
  base: string;
  preview: string;
  firstDate: string | null;
}

/** one segment of the word alignment against the base: the base's words and the copy's, with what follows each */
export interface DiffSeg {
  op: 'eq' | 'var' | 'sub' | 'del' | 'ins';
  base: string;
  copy: string;
}

/** a span with its raw offsets too (what the source file holds) */
export interface RawSpan {
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
}

export interface OccurrenceData {
  /** base spans in the base occurrence's source, copy spans in this one's; clean and raw offsets */
  divergences: Array<Omit<Divergence, 'base' | 'copy'> & { base: RawSpan; copy: RawSpan }>;
  diff: DiffSeg[];
  attribution: RawSpan | null;
}

export interface OccurrenceRow {
  key: string;
  family: string;
  seq: number;
  versionId: number;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  words: number;
  base: boolean;
  repeat: boolean;
  severity: ReuseSeverity;
  summary: string;
  text: string;
  data: OccurrenceData;
}

export interface FamilyQuery {
  kind?: 'quotation' | 'duplicate';
  /** only families with occurrences in two or more sources */
  crossDoc?: boolean;
  minWords?: number;
  severity?: 'meaning' | 'cosmetic';
  source?: string;
  limit?: number;
  offset?: number;
}

export interface ReuseStore {
  /** replace the whole reuse analysis */
  writeReuse(families: FamilyRow[], occurrences: OccurrenceRow[]): Promise<void>;
  listFamilies(q: FamilyQuery): Promise<{ total: number; items: FamilyRow[] }>;
  getFamily(key: string): Promise<FamilyRow | null>;
  familyOccurrences(key: string): Promise<OccurrenceRow[]>;
  /** occurrences in a source (optionally overlapping a range), in text order */
  sourceOccurrences(sourceId: string, range?: { start: number; end: number }): Promise<OccurrenceRow[]>;
  iterateOccurrences(): AsyncIterable<OccurrenceRow>;
}
