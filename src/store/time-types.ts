/** Stored dates, events, checkable claims, their comparisons and disputed points (see analyze/time, analyze/claims). */
import type { DateForm } from '../analyze/time/dates.js';
import type { ClaimValue, Predicate } from '../analyze/claims/extract.js';
import type { Relation } from '../analyze/claims/compare.js';

interface Spanned {
  key: string;
  versionId: number;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
}

export interface DateRow extends Spanned {
  edtf: string | null;
  form: DateForm;
  /** earliest and latest ISO day the value can mean */
  lo: string | null;
  hi: string | null;
  resolved: boolean;
}

export interface EventRow extends Spanned {
  trigger: string;
  edtf: string;
  lo: string;
  hi: string;
  dateText: string;
  actors: Array<{ entity: string; name: string }>;
  places: Array<{ entity: string; name: string }>;
  group: string | null;
  conflict: boolean;
}

/** a checkable claim (table "statements": "claims" holds the evidence structure of citations) */
export interface StatementRow extends Spanned {
  predicate: Predicate;
  subject: string;
  subjectLabel: string;
  value: ClaimValue;
  valueLabel: string;
  time: string | null;
  agree: number;
  partial: number;
  conflict: number;
}

export interface ComparisonRow {
  a: string;
  b: string;
  relation: Relation;
  reason: string;
}

export interface DisputeRow {
  key: string;
  predicate: Predicate;
  topic: string;
  sourceCount: number;
  sides: Array<{ stance: string; sources: string[]; claims: string[] }>;
  comparisons: ComparisonRow[];
}

export interface TimeQuery {
  source?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface TimeStore {
  writeTime(dates: DateRow[], events: EventRow[], statements: StatementRow[], comparisons: ComparisonRow[], disputes: DisputeRow[]): Promise<void>;
  listDates(q: TimeQuery): Promise<{ total: number; items: DateRow[] }>;
  listEvents(q: TimeQuery & { trigger?: string; conflict?: boolean; group?: string }): Promise<{ total: number; items: EventRow[] }>;
  listStatements(q: { predicate?: string; subject?: string; source?: string; relation?: string; q?: string; limit?: number; offset?: number }): Promise<{ total: number; items: StatementRow[] }>;
  getStatement(key: string): Promise<StatementRow | null>;
  statementComparisons(key: string): Promise<ComparisonRow[]>;
  listDisputes(q: { predicate?: string; source?: string; q?: string; limit?: number; offset?: number }): Promise<{ total: number; items: DisputeRow[] }>;
  getDispute(key: string): Promise<DisputeRow | null>;
  statementsByKeys(keys: string[]): Promise<StatementRow[]>;
  iterateDates(): AsyncIterable<DateRow>;
  iterateEvents(): AsyncIterable<EventRow>;
  iterateStatements(): AsyncIterable<StatementRow>;
  iterateDisputes(): AsyncIterable<DisputeRow>;
}
