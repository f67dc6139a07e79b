/** Reuse operations: families, one family with its occurrences side by side, a source's reused spans, and quote lookups. */
import { InquiryError, NotFoundError } from '../core/errors.js';
import { findQuote } from '../analyze/reuse/detect.js';
import { tokenize } from '../analyze/reuse/tokens.js';
import { wholeNumber } from './params.js';
import { diffSegments, loadTexts } from '../pipeline/reuse.js';
import type { FamilyQuery, FamilyRow, OccurrenceRow } from '../store/reuse-types.js';
import type { SourceRow, Store } from '../store/store.js';

export interface ReuseListParams {
  kind?: string;
  crossDoc?: boolean | string;
  minWords?: number | string;
  severity?: string;
  source?: string;
  limit?: number | string;
  offset?: number | string;
}

const int = wholeNumber;

export function reuseQuery(p: ReuseListParams): FamilyQuery {
  if (p.kind !== undefined && p.kind !== '' && p.kind !== 'quotation' && p.kind !== 'duplicate') throw new InquiryError(`kind must be quotation or duplicate, not "${p.kind}"`, { code: 'bad_param' });
  if (p.severity !== undefined && p.severity !== '' && p.severity !== 'meaning' && p.severity !== 'cosmetic') throw new InquiryError(`severity must be meaning or cosmetic, not "${p.severity}"`, { code: 'bad_param' });
  return {
    kind: (p.kind || undefined) as FamilyQuery['kind'],
    crossDoc: p.crossDoc === true || p.crossDoc === '1' || p.crossDoc === 'true',
    minWords: int(p.minWords, 'minWords', 0),
    severity: (p.severity || undefined) as FamilyQuery['severity'],
    source: p.source || undefined,
    limit: int(p.limit, 'limit', 50, 1000),
    offset: int(p.offset, 'offset', 0),
  };
}

export async function listReuse(store: Store, p: ReuseListParams = {}): Promise<{ total: number; items: FamilyRow[] }> {
  return store.reuse.listFamilies(reuseQuery(p));
}

export interface OccurrenceView {
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
  base: boolean;
  repeat: boolean;
  severity: OccurrenceRow['severity'];
  summary: string;
  attribution: OccurrenceRow['data']['attribution'];
  divergences: OccurrenceRow['data']['divergences'];
  diff: OccurrenceRow['data']['diff'];
}

function view(o: OccurrenceRow, s: SourceRow | null): OccurrenceView {
  return {
    key: o.key,
    sourceId: o.sourceId,
    fileName: s?.fileName ?? '',
    title: s?.title ?? null,
    date: s?.date ?? null,
    perspective: s?.perspective ?? [],
    start: o.start,
    end: o.end,
    rawStart: o.rawStart,
    rawEnd: o.rawEnd,
    text: o.text,
    words: o.words,
    base: o.base,
    repeat: o.repeat,
    severity: o.severity,
    summary: o.summary,
    attribution: o.data.attribution,
    divergences: o.data.divergences,
    diff: o.data.diff,
  };
}

export type FamilyView = Omit<FamilyRow, 'occurrences'> & { occurrences: OccurrenceView[] };

export async function showReuse(store: Store, key: string): Promise<{ family: FamilyView }> {
  const f = await store.reuse.getFamily(key);
  if (!f) throw new NotFoundError(`no reuse family "${key}"`);
  const occ = await store.reuse.familyOccurrences(key);
  const sources = new Map<string, SourceRow | null>();
  for (const o of occ) if (!sources.has(o.sourceId)) sources.set(o.sourceId, await store.getSource(o.sourceId));
  const views = occ.map((o) => view(o, sources.get(o.sourceId) ?? null));
  // by source date (undated last), then source and position
  views.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.sourceId.localeCompare(b.sourceId) || a.start - b.start);
  return { family: { ...f, occurrences: views } };
}

export async function sourceReuse(store: Store, sourceId: string) {
  const s = await store.getSource(sourceId);
  if (!s) throw new NotFoundError(`no source "${sourceId}"`);
  const occ = await store.reuse.sourceOccurrences(sourceId);
  const fams = new Map<string, FamilyRow | null>();
  for (const o of occ) if (!fams.has(o.family)) fams.set(o.family, await store.reuse.getFamily(o.family));
  return {
    sourceId,
    versionId: s.versionId,
    spans: occ.map((o) => {
      const f = fams.get(o.family);
      return { occurrence: o.key, family: o.family, kind: f?.kind ?? 'quotation', start: o.start, end: o.end, words: o.words, severity: o.severity, base: o.base, others: (f?.occurrences ?? 1) - 1, repeat: o.repeat };
    }),
  };
}

export interface QuoteParams {
  text?: string;
  from?: string;
  range?: string;
  minWords?: number | string;
}

/**
 * Where does a passage occur, and how was it altered? With `text`: searched for in every
 * source (the text asked for is the base of the comparison). With `from` and `range`
 * ("a:b", clean offsets): the stored families that passage of the source belongs to.
 */
export async function quote(store: Store, p: QuoteParams) {
  if (p.from) {
    const s = await store.getSource(p.from);
    if (!s) throw new NotFoundError(`no source "${p.from}"`);
    const m = /^(\d+):(\d+)$/.exec(p.range ?? '');
    if (!m) throw new InquiryError(`--range must be "start:end" in clean-text offsets, not "${p.range ?? ''}"`, { code: 'bad_param' });
    const range = { start: Number(m[1]), end: Number(m[2]) };
    if (range.end <= range.start || range.end > s.chars) throw new InquiryError(`range ${p.range} is outside ${p.from} (0:${s.chars})`, { code: 'bad_param' });
    const occ = await store.reuse.sourceOccurrences(p.from, range);
    const families = [];
    for (const k of [...new Set(occ.map((o) => o.family))]) families.push((await showReuse(store, k)).family);
    return { mode: 'range' as const, source: p.from, range, families };
  }
  const text = (p.text ?? '').trim();
  if (!text) throw new InquiryError('give the passage to look for, or --from <source> --range a:b', { code: 'bad_param' });
  const texts = await loadTexts(store);
  const { hits, queryTokens } = findQuote(text, texts.map((t) => ({ id: t.source.id, text: t.text })), { minWords: p.minWords === undefined ? undefined : Number(p.minWords) });
  return {
    mode: 'text' as const,
    query: text,
    hits: hits.map((h) => {
      const t = texts[h.doc]!;
      return {
        sourceId: t.source.id,
        fileName: t.source.fileName,
        title: t.source.title,
        date: t.source.date,
        perspective: t.source.perspective,
        start: h.start,
        end: h.end,
        rawStart: t.map.toRawStart(h.start),
        rawEnd: t.map.toRawEnd(h.end),
        text: t.text.slice(h.start, h.end),
        words: h.words,
        severity: h.severity,
        summary: h.summary,
        divergences: h.divergences,
        diff: diffSegments(h.ops, text, queryTokens, t.text, tokenize(t.text), queryTokens.count, h.t1),
      };
    }),
  };
}
