import type { OffsetMap } from '../../core/offsets.js';
import type { PassageRole, SourceMeta } from '../../core/types.js';

/** A structural hint from the reader, in the coordinates of `Extracted.text`. */
export interface StructureHint {
  start: number;
  end: number;
  role: PassageRole;
}

/**
 * What a reader extracts from one document: the text a cleaner starts from, and the
 * map from that text back to the decoded raw text (`rawText`).
 */
export interface Extracted {
  /** the decoded raw text of the document (what rawStart/rawEnd index) */
  rawText: string;
  /** extracted text, before cleaning */
  text: string;
  /** maps offsets in `text` to offsets in `rawText` */
  map: OffsetMap;
  hints: StructureHint[];
  meta: Partial<SourceMeta>;
  warnings: string[];
}

/** One document inside a file (JSON Lines holds many). */
export interface ReadDocument {
  /** suffix that tells documents of one file apart ('' for single-document files) */
  part: string;
  /** 1-based line of the file where the document starts, for error messages */
  line?: number;
  extracted: Extracted;
  format: string;
  encoding: string;
}
