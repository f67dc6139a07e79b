/**
 * One document → a ProcessedSource: clean (with offset map to raw), segment into
 * passages and sentences with content-derived keys, score OCR quality, mark
 * duplicated sections, infer missing metadata. Pure: no I/O.
 */
import { findDate } from '../core/edtf.js';
import { KeyAllocator, sha256Hex } from '../core/ids.js';
import type { OffsetMap } from '../core/offsets.js';
import type { PassageRecord, ProcessedSource, RemovedSpan, SentenceRecord, SourceMeta } from '../core/types.js';
import { cleanText } from './clean/index.js';
import { findDuplicateSections } from './duplicates.js';
import { scanWords, scorePassages, wordsKey } from './quality.js';
import type { Extracted } from './readers/types.js';
import { paragraphs, passages as toPassages, sentences as toSentences } from './segment.js';

export interface ProcessInput {
  extracted: Extracted;
  sourceId: string;
  fileName: string;
  origin: string;
  format: string;
  encoding: string;
  /** metadata given by a manifest (wins over front matter and inference) */
  manifestMeta?: Partial<SourceMeta>;
  extraTemplates?: string[];
}

export function processDocument(input: ProcessInput): ProcessedSource & { templates: string[] } {
  const { extracted } = input;
  const warnings = [...extracted.warnings];
  const cleaned = cleanText(extracted.text, { extraTemplates: input.extraTemplates });
  // clean → extracted → raw
  const map: OffsetMap = extracted.map.compose(cleaned.map);
  const clean = cleaned.text;

  // reader hints (extracted coordinates) → clean coordinates
  const headingHints = extracted.hints
    .filter((h) => h.role === 'heading')
    .map((h) => ({ start: cleaned.map.toClean(h.start), end: cleaned.map.toClean(h.end) }));
  const quoteStarts = [
    ...cleaned.quoteStarts,
    ...extracted.hints.filter((h) => h.role === 'quote').map((h) => cleaned.map.toClean(h.start)),
  ];
  const paras = paragraphs(clean, quoteStarts, headingHints);
  const chunks = toPassages(clean, paras);
  const texts = chunks.map((c) => clean.slice(c.start, c.end));
  const words = texts.map(scanWords);
  const language = input.manifestMeta?.language ?? extracted.meta.language ?? guessLanguage(clean);
  const ocr = scorePassages(texts, words, language);
  const dups = findDuplicateSections(chunks.map((c, i) => ({ start: c.start, end: c.end, text: texts[i]!, norm: wordsKey(words[i]!) })));

  const pkeys = new KeyAllocator(input.sourceId);
  const skeys = new KeyAllocator(input.sourceId);
  const passages: PassageRecord[] = [];
  const sentences: SentenceRecord[] = [];
  chunks.forEach((c, i) => {
    const text = texts[i]!;
    const [rawStart, rawEnd] = map.toRaw(c.start, c.end);
    const key = pkeys.key('p', text);
    passages.push({
      key,
      seq: i,
      start: c.start,
      end: c.end,
      rawStart,
      rawEnd,
      text,
      role: c.role,
      ocrScore: ocr[i]!,
      dupOf: null,
    });
    for (const s of toSentences(clean, c.start, c.end)) {
      const stext = clean.slice(s.start, s.end);
      const [rs, re] = map.toRaw(s.start, s.end);
      sentences.push({ key: skeys.key('s', stext), seq: sentences.length, passageKey: key, start: s.start, end: s.end, rawStart: rs, rawEnd: re, text: stext });
    }
  });
  dups.dupOf.forEach((j, i) => {
    if (j >= 0) passages[i]!.dupOf = passages[j]!.key;
  });
  const duplicates = dups.sections.map((s) => {
    const a = passages[s.first]!;
    const b = passages[s.first + s.count - 1]!;
    const oa = passages[s.of]!;
    const ob = passages[s.of + s.count - 1]!;
    return { start: a.start, end: b.end, ofStart: oa.start, ofEnd: ob.end, passages: s.count };
  });

  // removed spans in raw coordinates
  const removed: RemovedSpan[] = cleaned.removed.map((r) => {
    const rawStart = extracted.map.toRawStart(r.start);
    const rawEnd = r.end > r.start ? extracted.map.toRawEnd(r.end) : rawStart;
    return { rawStart, rawEnd, reason: r.reason, text: extracted.rawText.slice(rawStart, rawEnd) };
  });

  const meta = buildMeta(input, clean, paras, extracted);
  return {
    meta,
    fileName: input.fileName,
    origin: input.origin,
    format: input.format,
    encoding: input.encoding,
    contentHash: sha256Hex(extracted.rawText),
    rawText: extracted.rawText,
    cleanText: clean,
    offsetMap: map.toBuffer(),
    passages,
    sentences,
    removed,
    duplicates,
    warnings,
    templates: cleaned.templates,
  };
}

function buildMeta(
  input: ProcessInput,
  clean: string,
  paras: Array<{ start: number; end: number; role: string }>,
  extracted: Extracted,
): SourceMeta {
  const given = { ...(extracted.meta ?? {}), ...stripEmpty(input.manifestMeta ?? {}) };
  const origin: Record<string, string> = { ...(extracted.meta.metaOrigin ?? {}), ...(input.manifestMeta?.metaOrigin ?? {}) };
  const meta: SourceMeta = {
    id: input.sourceId,
    title: given.title ?? null,
    authors: given.authors ?? [],
    date: given.date ?? null,
    dateModified: given.dateModified ?? null,
    url: given.url ?? null,
    language: given.language ?? null,
    perspective: given.perspective ?? [],
    kind: given.kind ?? null,
    licence: given.licence ?? null,
    container: given.container ?? null,
    series: given.series ?? null,
    notes: given.notes ?? null,
    metaOrigin: origin,
  };
  const head = paras.slice(0, 12).map((p) => clean.slice(p.start, p.end));
  if (!meta.title) {
    const h = paras.slice(0, 12).find((p) => p.role === 'heading' && !findDate(clean.slice(p.start, p.end)));
    const first = head.find((l) => l.length > 0 && l.length <= 120 && !findDate(l) && !/^[\p{L} /]{2,40}:\s/u.test(l));
    const t = h ? clean.slice(h.start, h.end) : first;
    if (t) {
      meta.title = t.trim();
      origin.title = 'inferred';
    }
  }
  if (!meta.date) {
    for (const l of head) {
      if (l.length > 120) continue;
      const d = findDate(l);
      if (d) {
        meta.date = d.edtf;
        origin.date = 'inferred';
        break;
      }
    }
  }
  if (!meta.authors.length) {
    for (const l of head) {
      const m = /^(?:by|автор:?)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*$/iu.exec(l);
      if (m) {
        meta.authors = [m[1]!];
        origin.authors = 'inferred';
        break;
      }
    }
  }
  if (!meta.language) {
    meta.language = guessLanguage(clean);
    if (meta.language) origin.language = 'inferred';
  }
  return meta;
}

function stripEmpty<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || (Array.isArray(v) && !v.length) || k === 'metaOrigin') continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** Script-based guess: Cyrillic-dominant text is 'ru', Latin-dominant 'en' (a guess, marked inferred). */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 20000);
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) lat++;
  }
  if (cyr + lat < 20) return null;
  return cyr > lat ? 'ru' : 'en';
}
