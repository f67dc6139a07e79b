/** Types of the JSON API (docs/API.md) and a small fetch helper. */

export type Offsets = [number, number];
export type PassageRole = 'paragraph' | 'heading' | 'list' | 'quote' | 'dialogue';

export interface Source {
  id: string;
  title: string | null;
  authors: string[];
  date: string | null;
  perspective: string[];
  kind: string | null;
  language: string | null;
  url: string | null;
  licence: string | null;
  fileName: string;
  format: string;
  versionId: number;
  contentHash: string;
  ingestedAt: string;
  chars: number;
  rawChars: number;
  passages: number;
  sentences: number;
  duplicatePassages: number;
}

export interface SourcesResponse {
  ok: true;
  sources: Source[];
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
  role: PassageRole;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  score: number;
  ocrScore: number;
  duplicates: number;
  snippet: { text: string; start: number; highlights: Offsets[]; prefix?: boolean; suffix?: boolean };
  highlights: Offsets[];
}

export interface SearchResponse {
  ok: true;
  query: string;
  ftsQuery: string;
  rewritten: boolean;
  total: number;
  totalIsEstimate: boolean;
  candidates: number;
  limit: number;
  offset: number;
  hits: SearchHit[];
  /** with spelling=all: query terms that matched a known entity, and the spellings searched for it */
  expanded?: SearchExpansion[];
}

export interface ReaderPassage {
  key: string;
  seq: number;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  role: PassageRole;
  ocrScore: number;
  dupOf: string | null;
}

export interface RemovedSpan {
  rawStart: number;
  rawEnd: number;
  reason: string;
}

export interface DuplicateSection {
  start: number;
  end: number;
  ofStart: number;
  ofEnd: number;
  passages: number;
}

export interface SourceTextResponse {
  ok: true;
  source: Source;
  raw: boolean;
  range: { start: number; end: number };
  text: string;
  textStart: number;
  passages: ReaderPassage[];
  removed?: RemovedSpan[];
  duplicates?: DuplicateSection[];
  highlights?: Offsets[];
}

export interface PassageResponse {
  ok: true;
  passage: ReaderPassage & { sourceId: string; text: string };
}

export type JsonObject = Record<string, unknown>;

/** An error reported by the API (`{ok:false,error,errors,status}`) or met on the way to it. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: string[];
  constructor(message: string, status: number, errors: string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
  }
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const cache = new Map<string, unknown>();

/** GET a JSON document; throws ApiError for HTTP errors, `ok:false` bodies and non-JSON answers. */
export async function getJson<T>(url: string, signal?: AbortSignal, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      body: init.body ?? null,
      signal: signal ?? null,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError('Could not reach the Inquiry server.', 0, [e instanceof Error ? e.message : String(e)]);
  }
  const body = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ApiError(
      res.ok ? `The server did not answer with JSON (${url}).` : `The server answered ${res.status} ${res.statusText}.`,
      res.status,
    );
  }
  if (!res.ok || (isObject(json) && json['ok'] === false)) {
    const o = isObject(json) ? json : {};
    const message = typeof o['error'] === 'string' && o['error'] ? o['error'] : `Request failed (${res.status}).`;
    const errors = Array.isArray(o['errors']) ? o['errors'].map((x) => (typeof x === 'string' ? x : JSON.stringify(x))) : [];
    const status = typeof o['status'] === 'number' ? o['status'] : res.status;
    throw new ApiError(message, status, errors);
  }
  return json as T;
}

/** Like getJson, but remembers the answer for the page's lifetime (the server is read-only). */
export async function getJsonCached<T>(url: string, signal?: AbortSignal): Promise<T> {
  if (cache.has(url)) return cache.get(url) as T;
  const value = await getJson<T>(url, signal);
  cache.set(url, value);
  return value;
}

/** Build a query string from pairs, dropping empty values. Returns '' or '?…'. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    sp.set(k, v === true ? '1' : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export const enc = encodeURIComponent;

export function sourcePath(id: string): string {
  return `/sources/${enc(id)}`;
}

/** Reader link to a passage; the hash is the passage anchor. */
export function passageHref(sourceId: string, key: string, q?: string): string {
  return `${sourcePath(sourceId)}${qs({ q })}#p-${enc(key)}`;
}

// ---------------------------------------------------------------- entities ("who is who")

export type EntityType = 'person' | 'organization' | 'place' | 'trial';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'trial'];

export interface AliasCount {
  name: string;
  count: number;
}

export interface EntitySummary {
  key: string;
  type: EntityType;
  name: string;
  mentions: number;
  sources: number;
  ambiguous: boolean;
  /** the most frequent spellings (up to 5) */
  aliases: AliasCount[];
}

export interface EntitiesResponse {
  ok: true;
  total: number;
  limit: number;
  offset: number;
  types: Partial<Record<EntityType, number>>;
  items: EntitySummary[];
}

export interface EntityMention {
  key: string;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  passageKey: string;
  /** about 160 characters around the mention; start/end locate the mention inside context.text */
  context: { text: string; start: number; end: number };
}

export interface EntityDetail {
  key: string;
  type: EntityType;
  name: string;
  /**
   * The spec lists `mentions` twice on this object: as the count (like the index) and as the
   * first 200 mentions. Either may arrive; `mentionList()` / `mentionCount()` read both.
   */
  mentions: EntityMention[] | number;
  mentionsTotal: number;
  /** the count, as the server also sends it beside the list */
  mentionCount?: number;
  sources: number;
  ambiguous: boolean;
  curated: boolean;
  aliases: Array<AliasCount & { bySource: Record<string, number> }>;
  evidence: Array<{ rule: string; detail: string; aliases: string[] }>;
  bySource: Array<{ sourceId: string; title: string | null; perspective: string[]; count: number }>;
  byPerspective: Array<{ perspective: string; sources: number; count: number }>;
  cooccurring: Array<{ key: string; name: string; type: EntityType; count: number }>;
}

export interface EntityResponse {
  ok: true;
  entity: EntityDetail;
}

export interface GraphNode {
  key: string;
  name: string;
  type: EntityType;
  mentions: number;
  sources: number;
}

export interface GraphResponse {
  ok: true;
  nodes: GraphNode[];
  edges: Array<{ source: string; target: string; weight: number }>;
}

export interface SourceMention {
  start: number;
  end: number;
  type: EntityType;
  /** the entity's key */
  entity: string;
  /** the entity's canonical name */
  name: string;
}

export interface SourceMentionsResponse {
  ok: true;
  sourceId: string;
  versionId: number;
  mentions: SourceMention[];
}

export type CurationAction = 'merge' | 'split' | 'rename' | 'alias' | 'reject' | 'undo';

export interface CurationEntry {
  seq: number;
  at: string;
  action: CurationAction | string;
  args: JsonObject;
  status: 'applied' | 'stale' | 'undone';
  message?: string;
}

export interface CurationResponse {
  ok: true;
  entries: CurationEntry[];
}

export type CurationRequest =
  | { action: 'merge'; keys: string[] }
  | { action: 'split'; key: string; mentions: string[]; name?: string }
  | { action: 'rename'; key: string; name: string }
  | { action: 'alias'; key: string; alias: string }
  | { action: 'reject'; key: string }
  | { action: 'undo'; seq: number };

export interface CurationPostResponse {
  ok: true;
  entry: CurationEntry;
  entity?: { key: string };
}

/** A query term the search expanded to the known spellings of an entity. */
export interface SearchExpansion {
  term: string;
  entity: string;
  name: string;
  variants: string[];
}

export function entityPath(key: string): string {
  return `/entities/${enc(key)}`;
}

/** POST a JSON body; same error handling as getJson. Forgets cached answers (they may be stale now). */
export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  cache.clear();
  return getJson<T>(url, signal, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

// ---------------------------------------------------------------- text reuse (quotations and repeats)

/** `quotation`: the same text in more than one source; `duplicate`: repeated within one source only. */
export type ReuseKind = 'quotation' | 'duplicate';
export const REUSE_KINDS: readonly ReuseKind[] = ['quotation', 'duplicate'];
/** How far a copy strays from the base: not at all, cosmetically, or so that the meaning changes. */
export type ReuseSeverity = 'none' | 'cosmetic' | 'meaning';

export interface ReuseFamilySummary {
  key: string;
  kind: ReuseKind;
  /** words in the base text */
  words: number;
  occurrences: number;
  sources: number;
  /** the worst severity among the occurrences */
  severity: ReuseSeverity;
  preview: string;
  firstDate: string | null;
}

export interface ReuseListResponse {
  ok: true;
  total: number;
  limit?: number;
  offset?: number;
  items: ReuseFamilySummary[];
}

export interface ReuseListParams {
  kind?: ReuseKind | '';
  crossDoc?: boolean;
  minWords?: number | null;
  severity?: Exclude<ReuseSeverity, 'none'> | '';
  source?: string;
  limit?: number;
  offset?: number;
}

export type DivergenceClass = 'variant' | 'substitution' | 'insertion' | 'omission-marked' | 'omission' | 'truncation' | 'transposition';
export type DivergenceWhy = 'negation' | 'number' | 'name' | 'date' | 'hedge';

/** A span of text: clean offsets in its source, and the text. */
export interface ReuseSpan {
  start: number;
  end: number;
  text: string;
}

export interface Divergence {
  class: DivergenceClass;
  severity: 'cosmetic' | 'meaning';
  /** what makes it meaning-changing */
  why?: DivergenceWhy | string;
  /** in the base occurrence's source (empty at the point of an insertion) */
  base: ReuseSpan;
  /** in this occurrence's source (empty at an unmarked omission; the ellipsis for a marked one) */
  copy: ReuseSpan;
}

/** One step of the word-level alignment against the base; each side carries its following whitespace and punctuation. */
export interface DiffSeg {
  op: 'eq' | 'var' | 'sub' | 'del' | 'ins';
  base: string;
  copy: string;
}

export interface ReuseOccurrence {
  key: string;
  sourceId: string;
  fileName: string;
  title: string | null;
  date: string | null;
  perspective: string[];
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  words: number;
  /** the text the other occurrences are compared with */
  base: boolean;
  /** its source holds the passage more than once */
  repeat: boolean;
  severity: ReuseSeverity;
  summary: string;
  attribution: ReuseSpan | null;
  divergences: Divergence[];
  diff: DiffSeg[];
}

export interface ReuseFamily extends Omit<ReuseFamilySummary, 'occurrences'> {
  /** ordered by source date (undated last) */
  occurrences: ReuseOccurrence[];
}

export interface ReuseFamilyResponse {
  ok: true;
  family: ReuseFamily;
}

/** The reader's reuse layer: clean offsets, like the mentions. */
export interface SourceReuseSpan {
  occurrence: string;
  family: string;
  kind: ReuseKind;
  start: number;
  end: number;
  words: number;
  severity: ReuseSeverity;
  base: boolean;
  /** how many other occurrences the family has */
  others: number;
  repeat: boolean;
}

export interface SourceReuseResponse {
  ok: true;
  spans: SourceReuseSpan[];
}

export function isReuseKind(k: unknown): k is ReuseKind {
  return typeof k === 'string' && (REUSE_KINDS as readonly string[]).includes(k);
}

/** The page of one family. */
export function reusePath(key: string): string {
  return `/reuse/${enc(key)}`;
}

/** Reader link to an occurrence: the hash is the anchor of its span in the reader's reuse layer. */
export function occurrenceHref(sourceId: string, occurrenceKey: string): string {
  return `${sourcePath(sourceId)}#r-${enc(occurrenceKey)}`;
}

/** Query string of the family list (the page and the API take the same parameters). */
export function reuseQuery(p: ReuseListParams): string {
  return qs({
    kind: p.kind,
    crossDoc: p.crossDoc,
    minWords: p.minWords && p.minWords > 0 ? p.minWords : null,
    severity: p.severity,
    source: p.source,
    limit: p.limit,
    offset: p.offset,
  });
}

export function reuseListUrl(p: ReuseListParams): string {
  return `/api/reuse${reuseQuery(p)}`;
}

export function reuseFamilyUrl(key: string): string {
  return `/api/reuse/${enc(key)}`;
}

export function sourceReuseUrl(sourceId: string): string {
  return `/api/sources/${enc(sourceId)}/reuse`;
}

export function fetchReuseList(p: ReuseListParams, signal?: AbortSignal): Promise<ReuseListResponse> {
  return getJson<ReuseListResponse>(reuseListUrl(p), signal);
}

export function fetchReuseFamily(key: string, signal?: AbortSignal): Promise<ReuseFamilyResponse> {
  return getJson<ReuseFamilyResponse>(reuseFamilyUrl(key), signal);
}

export function fetchSourceReuse(sourceId: string, signal?: AbortSignal): Promise<SourceReuseResponse> {
  return getJsonCached<SourceReuseResponse>(sourceReuseUrl(sourceId), signal);
}

// ---------------------------------------------------------------- works, citations and evidence

/** A name in a CSL-JSON item. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** A CSL-JSON item (the fields Inquiry reads from a reference). */
export interface Csl {
  type: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  title?: string;
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  edition?: string;
  publisher?: string;
  'publisher-place'?: string;
  issued?: { 'date-parts': number[][]; literal?: string };
  URL?: string;
  DOI?: string;
}

/** Why two references were taken for one work. */
export type WorkRule = 'same-author-title' | 'title-variant' | 'ibid' | 'op-cit' | 'translation';

export interface WorkEdition {
  /** the work's key plus `@<year>` or `@undated` */
  key: string;
  csl: Csl;
  /** keys of the citations of this edition */
  citations: string[];
}

export interface WorkEvidence {
  rule: WorkRule | string;
  detail: string;
  citations: string[];
}

export interface CitedBy {
  /** citations per source id */
  bySource: Record<string, number>;
  /** citations per perspective of the citing sources */
  byPerspective: Record<string, number>;
}

/** A cited work: the references that name it in every source, merged. */
export interface Work {
  key: string;
  /** the fullest record among its references */
  csl: Csl;
  title: string;
  editions: WorkEdition[];
  evidence: WorkEvidence[];
  citations: number;
  sources: number;
  citedBy: CitedBy;
}

export type CitationKind = 'reference-line' | 'parenthetical' | 'narrative' | 'prose' | 'marker';

/** One reference in a source (clean-text offsets). */
export interface Citation {
  key: string;
  versionId: number;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  kind: CitationKind | string;
  parsed: { csl: Csl | null; locator: string | null; remarks: string[]; ibid: boolean; opCit: boolean; shape: string };
  work: string | null;
  edition: string | null;
  /** for Ibid. and op. cit.: the citation it refers to */
  refersTo: string | null;
}

export interface WorkCitation extends Citation {
  /** the paragraph just before the citation (the passage it closes) */
  context: string;
}

/** An evidence passage attributed to a work, under the claim (heading) it supports, if any. */
export interface WorkPassage {
  claim: string | null;
  heading: string | null;
  sourceId: string;
  start: number;
  end: number;
  text: string;
  /** the key of the citation that closes it */
  citation: string;
}

export interface WorksResponse {
  ok: true;
  total: number;
  limit?: number;
  offset?: number;
  items: Work[];
}

export interface WorkResponse {
  ok: true;
  work: Work;
  citations: WorkCitation[];
  passages: WorkPassage[];
}

/** A claim heading with its evidence: a heading a source states, with the passages it offers as evidence (`/evidence`). */
export interface EvidenceClaimSummary {
  key: string;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  /** the heading; empty for the evidence a source gives outside any heading */
  text: string;
  /** evidence passages */
  evidence: number;
  /** distinct works the evidence rests on */
  works: number;
}

export interface EvidenceListResponse {
  ok: true;
  total: number;
  limit?: number;
  offset?: number;
  items: EvidenceClaimSummary[];
}

/** One piece of evidence: a passage, the citation that closes it, and the work that citation names. */
export interface EvidenceEntry {
  passage: { start: number; end: number; rawStart: number; rawEnd: number; text: string };
  /** start/end are -1 when the citation is no longer stored */
  citation: { key: string; text: string; start: number; end: number; locator: string | null };
  work: { key: string; title: string; csl: Csl } | null;
}

export interface EvidenceClaim {
  key: string;
  sourceId: string;
  /** the source's title */
  title: string | null;
  perspective: string[];
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  evidence: EvidenceEntry[];
}

/** `GET /api/evidence/:key` (the response shape of the former `/api/claims/:key`) */
export interface EvidenceClaimResponse {
  ok: true;
  claim: EvidenceClaim;
}

export interface CitationGraphNode {
  id: string;
  label: string;
  kind: 'source' | 'work';
  perspective: string[];
  citations: number;
}

export interface CitationGraphResponse {
  ok: true;
  nodes: CitationGraphNode[];
  /** source → the work it cites; weight = citations */
  edges: Array<{ source: string; target: string; weight: number }>;
}

/** Parameters of the works and evidence lists (the pages and the API take the same ones). */
export interface CitationListParams {
  q?: string;
  source?: string;
  limit?: number;
  offset?: number;
}

export function citationListQuery(p: CitationListParams): string {
  return qs({ q: p.q?.trim(), source: p.source, limit: p.limit, offset: p.offset });
}

export function workPath(key: string): string {
  return `/works/${enc(key)}`;
}

/** The page of one claim heading and its evidence. */
export function evidencePath(key: string): string {
  return `/evidence/${enc(key)}`;
}

export function worksListUrl(p: CitationListParams): string {
  return `/api/works${citationListQuery(p)}`;
}

export function workUrl(key: string): string {
  return `/api/works/${enc(key)}`;
}

export function evidenceListUrl(p: CitationListParams): string {
  return `/api/evidence${citationListQuery(p)}`;
}

export function evidenceUrl(key: string): string {
  return `/api/evidence/${enc(key)}`;
}

export const CITATION_GRAPH_URL = '/api/graph/citations';

/** Reader link showing the clean-text span [start, end) of a source (the reader's `range`); the whole text when the span is unknown. */
export function spanHref(sourceId: string, start: number, end: number): string {
  const ok = Number.isFinite(start) && Number.isFinite(end) && start >= 0 && end >= start;
  return `${sourcePath(sourceId)}${qs({ range: ok ? `${start}:${end}` : null })}`;
}

export function fetchWorks(p: CitationListParams, signal?: AbortSignal): Promise<WorksResponse> {
  return getJson<WorksResponse>(worksListUrl(p), signal);
}

export function fetchWork(key: string, signal?: AbortSignal): Promise<WorkResponse> {
  return getJson<WorkResponse>(workUrl(key), signal);
}

export function fetchEvidenceList(p: CitationListParams, signal?: AbortSignal): Promise<EvidenceListResponse> {
  return getJson<EvidenceListResponse>(evidenceListUrl(p), signal);
}

export function fetchEvidenceClaim(key: string, signal?: AbortSignal): Promise<EvidenceClaimResponse> {
  return getJson<EvidenceClaimResponse>(evidenceUrl(key), signal);
}

export function fetchCitationGraph(signal?: AbortSignal): Promise<CitationGraphResponse> {
  return getJsonCached<CitationGraphResponse>(CITATION_GRAPH_URL, signal);
}

// ---------------------------------------------------------------- checkable claims, conflicts, dates and events

/** What a checkable claim states. */
export type Predicate = 'outcome' | 'count' | 'date' | 'place' | 'presence' | 'existence' | 'attribution';
export const PREDICATES: readonly Predicate[] = ['outcome', 'count', 'date', 'place', 'presence', 'existence', 'attribution'];

/** How two claims about the same thing compare. */
export type Relation = 'agree' | 'partial' | 'conflict';
export const RELATIONS: readonly Relation[] = ['agree', 'partial', 'conflict'];

export function isPredicate(p: unknown): p is Predicate {
  return typeof p === 'string' && (PREDICATES as readonly string[]).includes(p);
}

export function isRelation(r: unknown): r is Relation {
  return typeof r === 'string' && (RELATIONS as readonly string[]).includes(r);
}

/** The value a claim states (its fields depend on `kind`). */
export interface ClaimValue {
  kind: string;
  n?: number;
  hi?: number;
  detail?: string;
  place?: string;
  edtf?: string;
}

/** A checkable claim: one statement of one source (clean-text offsets `start`/`end`, raw-file offsets `rawStart`/`rawEnd`). */
export interface ClaimRow {
  key: string;
  sourceId: string;
  sourceTitle: string;
  perspective: string | null;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  predicate: Predicate;
  subject: string;
  subjectLabel: string;
  value: ClaimValue;
  valueLabel: string;
  /** EDTF */
  time: string | null;
  /** how many comparisons of each kind this claim has */
  agree: number;
  partial: number;
  conflict: number;
}

export interface ComparisonRow {
  relation: Relation;
  reason: string;
  other: ClaimRow;
}

export interface DisputeSide {
  stance: string;
  sources: string[];
  claims: ClaimRow[];
}

/** A disputed point: claims of several sources about one thing, in sides that state the same. */
export interface Dispute {
  key: string;
  predicate: Predicate;
  topic: string;
  sourceCount: number;
  sides: DisputeSide[];
}

/** A comparison inside a dispute; `a` and `b` are claim keys. */
export interface DisputeComparison {
  a: string;
  b: string;
  relation: Relation;
  reason: string;
}

export type DateForm = 'day' | 'month' | 'year' | 'range' | 'season' | 'approximate' | 'decade' | 'relative';

/** A date expression in a source (the reader's dates layer). */
export interface DateRow {
  key: string;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  edtf: string | null;
  form: DateForm;
  lo: string | null;
  hi: string | null;
  resolved: boolean;
}

export type EventTrigger = 'arrest' | 'trial' | 'sentence' | 'execution' | 'death' | 'suicide' | 'meeting' | 'travel' | 'release' | 'rehabilitation' | 'other';
export const TRIGGERS: readonly EventTrigger[] = ['arrest', 'trial', 'sentence', 'execution', 'death', 'suicide', 'meeting', 'travel', 'release', 'rehabilitation', 'other'];

export function isTrigger(t: unknown): t is EventTrigger {
  return typeof t === 'string' && (TRIGGERS as readonly string[]).includes(t);
}

export interface EventParticipant {
  entity: string;
  name: string;
}

/** A dated happening a sentence of a source states. */
export interface EventRow {
  key: string;
  sourceId: string;
  sourceTitle: string;
  perspective: string | null;
  /** the sentence (clean-text offsets) */
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  trigger: EventTrigger | string;
  edtf: string;
  /** ISO days 'YYYY-MM-DD' bounding the EDTF value */
  lo: string;
  hi: string;
  dateText: string;
  actors: EventParticipant[];
  places: EventParticipant[];
  /** events stating the same happening in different sources share a group key */
  group: string | null;
  /** the group's sources give dates that do not overlap */
  conflict: boolean;
}

export interface EventGroup {
  key: string;
  label: string;
  trigger: EventTrigger | string;
  conflict: boolean;
  members: Array<{ event: string; sourceId: string; edtf: string }>;
}

export interface TimelineLane {
  key: string;
  label: string;
  perspective: string | null;
  events: EventRow[];
}

export interface ClaimsListResponse {
  ok: true;
  total: number;
  limit?: number;
  offset?: number;
  items: ClaimRow[];
}

export interface ClaimDetailResponse {
  ok: true;
  claim: ClaimRow;
  comparisons: ComparisonRow[];
}

export interface ConflictsResponse {
  ok: true;
  total: number;
  limit?: number;
  offset?: number;
  items: Dispute[];
}

export interface ConflictResponse {
  ok: true;
  dispute: Dispute;
  comparisons: DisputeComparison[];
}

export interface EventsResponse {
  ok: true;
  total: number;
  limit?: number;
  offset?: number;
  items: EventRow[];
}

export type TimelineBy = 'source' | 'perspective';

export interface TimelineResponse {
  ok: true;
  by: TimelineBy;
  range: { lo: string; hi: string } | null;
  lanes: TimelineLane[];
  groups: EventGroup[];
}

export interface SourceDatesResponse {
  ok: true;
  sourceId: string;
  items: DateRow[];
}

export interface SourceClaimsResponse {
  ok: true;
  sourceId: string;
  items: ClaimRow[];
}

/** Parameters of the claims list (the page `/claims` and `/api/claims` take the same ones). */
export interface ClaimListParams {
  predicate?: Predicate | '';
  subject?: string;
  source?: string;
  relation?: Relation | '';
  q?: string;
  limit?: number;
  offset?: number;
}

/** Parameters of the list of disputed points (`/conflicts` and `/api/conflicts`). */
export interface ConflictListParams {
  predicate?: Predicate | '';
  source?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/** Parameters of the timeline (`/timeline` and `/api/timeline`); from/to are ISO days. */
export interface TimelineParams {
  by?: TimelineBy;
  from?: string;
  to?: string;
  trigger?: EventTrigger | '';
}

export interface EventListParams {
  source?: string;
  from?: string;
  to?: string;
  trigger?: EventTrigger | '';
  conflict?: boolean;
  limit?: number;
  offset?: number;
}

export function claimsQuery(p: ClaimListParams): string {
  return qs({ predicate: p.predicate, subject: p.subject, source: p.source, relation: p.relation, q: p.q?.trim(), limit: p.limit, offset: p.offset });
}

export function conflictsQuery(p: ConflictListParams): string {
  return qs({ predicate: p.predicate, source: p.source, q: p.q?.trim(), limit: p.limit, offset: p.offset });
}

/** `by` is left out when it is the default (`source`). */
export function timelineQuery(p: TimelineParams): string {
  return qs({ by: p.by === 'perspective' ? 'perspective' : null, from: p.from, to: p.to, trigger: p.trigger });
}

export function eventsQuery(p: EventListParams): string {
  return qs({ source: p.source, from: p.from, to: p.to, trigger: p.trigger, conflict: p.conflict, limit: p.limit, offset: p.offset });
}

/** The page of one checkable claim. */
export function claimPath(key: string): string {
  return `/claims/${enc(key)}`;
}

/** The page of one disputed point. */
export function conflictPath(key: string): string {
  return `/conflicts/${enc(key)}`;
}

export function claimsListUrl(p: ClaimListParams): string {
  return `/api/claims${claimsQuery(p)}`;
}

export function claimUrl(key: string): string {
  return `/api/claims/${enc(key)}`;
}

export function conflictsListUrl(p: ConflictListParams): string {
  return `/api/conflicts${conflictsQuery(p)}`;
}

export function conflictUrl(key: string): string {
  return `/api/conflicts/${enc(key)}`;
}

export function eventsListUrl(p: EventListParams): string {
  return `/api/events${eventsQuery(p)}`;
}

/** The API gets `by` spelled out (the page's URL leaves the default out). */
export function timelineUrl(p: TimelineParams): string {
  return `/api/timeline${qs({ by: p.by ?? 'source', from: p.from, to: p.to, trigger: p.trigger })}`;
}

/** The reader's dates layer. */
export function sourceDatesUrl(sourceId: string): string {
  return `/api/sources/${enc(sourceId)}/dates`;
}

/** The reader's claims layer. */
export function sourceClaimsUrl(sourceId: string): string {
  return `/api/sources/${enc(sourceId)}/claims`;
}

/** Argdown text of one disputed point, or of all of them (a download). */
export function argdownExportUrl(key?: string): string {
  return `/api/export/conflicts${qs({ format: 'argdown', key })}`;
}

/**
 * The reader's anchor for an arbitrary clean-text span [start, end): `s-<start>-<end>`. The reader
 * scrolls to the span and flashes it (see parseSpanHash).
 */
export function spanAnchor(start: number, end: number): string {
  return `s-${Math.trunc(start)}-${Math.trunc(end)}`;
}

/** Reader link to the clean-text span [start, end) of a source: the whole text, scrolled to the span (`#s-<start>-<end>`). */
export function readerSpanHref(sourceId: string, start: number, end: number): string {
  const ok = Number.isFinite(start) && Number.isFinite(end) && start >= 0 && end > start;
  return ok ? `${sourcePath(sourceId)}#${spanAnchor(start, end)}` : sourcePath(sourceId);
}

/** The span of a reader hash `#s-<start>-<end>`, or null. */
export function parseSpanHash(hash: string): { start: number; end: number } | null {
  const m = /^#?s-(\d+)-(\d+)$/.exec(hash);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && end > start ? { start, end } : null;
}

export function fetchClaimsList(p: ClaimListParams, signal?: AbortSignal): Promise<ClaimsListResponse> {
  return getJson<ClaimsListResponse>(claimsListUrl(p), signal);
}

export function fetchClaim(key: string, signal?: AbortSignal): Promise<ClaimDetailResponse> {
  return getJson<ClaimDetailResponse>(claimUrl(key), signal);
}

export function fetchConflicts(p: ConflictListParams, signal?: AbortSignal): Promise<ConflictsResponse> {
  return getJson<ConflictsResponse>(conflictsListUrl(p), signal);
}

export function fetchConflict(key: string, signal?: AbortSignal): Promise<ConflictResponse> {
  return getJson<ConflictResponse>(conflictUrl(key), signal);
}

export function fetchTimeline(p: TimelineParams, signal?: AbortSignal): Promise<TimelineResponse> {
  return getJson<TimelineResponse>(timelineUrl(p), signal);
}

export function fetchSourceDates(sourceId: string, signal?: AbortSignal): Promise<SourceDatesResponse> {
  return getJsonCached<SourceDatesResponse>(sourceDatesUrl(sourceId), signal);
}

export function fetchSourceClaims(sourceId: string, signal?: AbortSignal): Promise<SourceClaimsResponse> {
  return getJsonCached<SourceClaimsResponse>(sourceClaimsUrl(sourceId), signal);
}
