/** Sources, the reader's view of one source, single passages, status. */
import { InquiryError, NotFoundError } from '../core/errors.js';
import { OffsetMap } from '../core/offsets.js';
import type { DuplicateSection } from '../core/types.js';
import type { PassageRow, SourceRow, Store, StoreStats } from '../store/store.js';
import { highlightOffsets, queryTerms } from './search.js';

export async function listSources(store: Store): Promise<SourceRow[]> {
  return store.listSources();
}

export interface ShowParams {
  id: string;
  range?: string;
  raw?: boolean;
  q?: string;
}

export interface PassageView {
  key: string;
  seq: number;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  role: string;
  ocrScore: number;
  dupOf: string | null;
  sentences?: Array<[number, number, string]>;
}

export interface ShowResult {
  source: SourceRow;
  raw: boolean;
  /** the clean range shown */
  range: { start: number; end: number };
  /** the raw range the clean range maps to */
  rawRange: { start: number; end: number };
  text: string;
  /** offset of text[0] in its own coordinates (clean, or raw when raw) */
  textStart: number;
  passages: PassageView[];
  removed: Array<{ rawStart: number; rawEnd: number; reason: string }>;
  duplicates: DuplicateSection[];
  highlights: Array<[number, number]>;
}

/** "a:b", "a:", ":b" → clean offsets within [0, len] */
export function parseRange(range: string | undefined, len: number): { start: number; end: number } {
  if (!range) return { start: 0, end: len };
  const m = /^\s*(\d*)\s*[:\-–]\s*(\d*)\s*$/.exec(range);
  if (!m || (m[1] === '' && m[2] === '')) throw new InquiryError(`bad range "${range}": use start:end (clean offsets, e.g. 100:500)`, { code: 'bad_param' });
  const start = m[1] ? Number(m[1]) : 0;
  const end = m[2] ? Number(m[2]) : len;
  if (start > end) throw new InquiryError(`bad range "${range}": start is after end`, { code: 'bad_param' });
  if (start > len) throw new InquiryError(`bad range "${range}": the text has ${len} characters`, { code: 'bad_param' });
  return { start, end: Math.min(end, len) };
}

export async function showSource(store: Store, p: ShowParams): Promise<ShowResult> {
  const source = await store.getSource(p.id);
  if (!source) throw new NotFoundError(`no source "${p.id}"`);
  const texts = await store.getVersionTexts(source.versionId);
  if (!texts) throw new NotFoundError(`source "${p.id}" has no current text`);
  const map = OffsetMap.fromBuffer(texts.offsetMap);
  const range = parseRange(p.range, texts.cleanText.length);
  const full = !p.range;
  const rawRange = full ? { start: 0, end: texts.rawText.length } : (([s, e]) => ({ start: s, end: e }))(map.toRaw(range.start, range.end));
  const text = p.raw ? texts.rawText.slice(rawRange.start, rawRange.end) : texts.cleanText.slice(range.start, range.end);
  const textStart = p.raw ? rawRange.start : range.start;
  const passages = (await store.getPassages(source.versionId, full ? undefined : range)).map(passageView);
  const removed = texts.removed.filter((r) => r.rawEnd > rawRange.start && r.rawStart < rawRange.end);
  const duplicates = texts.duplicates.filter((d) => d.end > range.start && d.start < range.end);
  const highlights = p.q?.trim()
    ? highlightOffsets(text, queryTerms(p.q)).map(([a, b]) => [a + textStart, b + textStart] as [number, number])
    : [];
  return { source, raw: !!p.raw, range, rawRange, text, textStart, passages, removed, duplicates, highlights };
}

export function passageView(r: PassageRow): PassageView {
  return {
    key: r.key,
    seq: r.seq,
    start: r.start,
    end: r.end,
    rawStart: r.rawStart,
    rawEnd: r.rawEnd,
    role: r.role,
    ocrScore: r.ocrScore,
    dupOf: r.dupOf,
  };
}

export async function getPassage(store: Store, key: string, sourceId?: string): Promise<Omit<PassageRow, 'id' | 'versionId'>> {
  const r = await store.getPassageByKey(key, sourceId);
  if (!r) throw new NotFoundError(`no passage "${key}"`);
  const { id: _id, versionId: _v, ...rest } = r;
  return rest;
}

export async function status(store: Store): Promise<StoreStats & { dialect: string }> {
  return { ...(await store.stats()), dialect: store.dialect };
}
