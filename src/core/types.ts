/** Domain types shared by every layer. Offsets are UTF-16 code units (see offsets.ts). */

export interface SourceMeta {
  /** stable source id (manifest id, or derived from the file name) */
  id: string;
  title: string | null;
  authors: string[];
  /** EDTF */
  date: string | null;
  dateModified?: string | null;
  url: string | null;
  language: string | null;
  perspective: string[];
  kind: string | null;
  licence: string | null;
  container?: string | null;
  series?: string | null;
  notes?: string | null;
  /** where each field came from: manifest, front-matter, html, inferred */
  metaOrigin: Record<string, string>;
}

export type PassageRole = 'paragraph' | 'heading' | 'list' | 'quote' | 'dialogue';

export interface Span {
  start: number;
  end: number;
}

export interface PassageRecord extends Span {
  key: string;
  seq: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  role: PassageRole;
  /** 0..1, 1 = clean text; low values mean OCR garble */
  ocrScore: number;
  /** key of the earlier passage this one repeats (duplicated section), else null */
  dupOf: string | null;
}

export interface SentenceRecord extends Span {
  key: string;
  seq: number;
  passageKey: string;
  rawStart: number;
  rawEnd: number;
  text: string;
}

/** A stretch of the raw text that cleaning removed, with the reason. */
export interface RemovedSpan {
  rawStart: number;
  rawEnd: number;
  reason: string;
  text: string;
}

export interface DuplicateSection {
  /** clean span of the repeated copy */
  start: number;
  end: number;
  /** clean span of the first occurrence */
  ofStart: number;
  ofEnd: number;
  passages: number;
}

export interface ProcessedSource {
  meta: SourceMeta;
  /** the id was given (manifest, front matter, record id): it identifies the source even if the file moves */
  explicitId?: boolean;
  fileName: string;
  origin: string;
  format: string;
  encoding: string;
  contentHash: string;
  rawText: string;
  cleanText: string;
  /** serialized OffsetMap */
  offsetMap: Buffer;
  passages: PassageRecord[];
  sentences: SentenceRecord[];
  removed: RemovedSpan[];
  duplicates: DuplicateSection[];
  warnings: string[];
}
