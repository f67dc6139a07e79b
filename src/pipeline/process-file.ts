/**
 * One file → its documents processed (read, decode, extract, clean, segment, score).
 * No store access: what the store knows (the source id for this path, the content
 * hash of its current version) comes in the job, so this runs in a worker thread as
 * well as inline.
 */
import { readFileSync } from 'node:fs';
import { errorMessage, type FileProblem } from '../core/errors.js';
import { sha256Hex, slugify } from '../core/ids.js';
import type { ProcessedSource, SourceMeta } from '../core/types.js';
import { processDocument } from '../ingest/process.js';
import { readFileDocuments } from '../ingest/readers/index.js';

export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface FileJob {
  seq: number;
  path: string;
  fileName: string;
  bytes: number;
  /** this file's manifest entry, if any, merged over the manifest's corpus defaults */
  manifestMeta?: Partial<SourceMeta>;
  corpusMeta?: Partial<SourceMeta>;
  /** the id to use when the document names none */
  defaultId: string;
  /** content hash of the current version of defaultId, if there is one */
  knownHash: string | null;
}

export interface DocOutcome {
  origin: string;
  explicitId: boolean;
  /** set when the document is the current version already: nothing was processed */
  unchanged?: { sourceId: string; contentHash: string };
  processed?: Omit<ProcessedSource, 'offsetMap'> & { offsetMap: Uint8Array };
}

export interface FileOutcome {
  seq: number;
  problems: FileProblem[];
  docs: DocOutcome[];
}

export async function processFile(job: FileJob): Promise<FileOutcome> {
  const problems: FileProblem[] = [];
  const docs: DocOutcome[] = [];
  const out: FileOutcome = { seq: job.seq, problems, docs };
  try {
    if (job.bytes > MAX_FILE_BYTES) throw new Error(`file is ${(job.bytes / 2 ** 20).toFixed(0)} MiB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MiB`);
    const bytes = readFileSync(job.path);
    if (bytes.length === 0) {
      problems.push({ file: job.path, level: 'warning', message: 'empty file; nothing to ingest' });
      return out;
    }
    const read = await readFileDocuments(job.path, bytes);
    for (const p of read.problems) problems.push({ file: `${job.path}:${p.line}`, level: 'error', message: p.message });
    for (const doc of read.docs) {
      const where = doc.part ? `${job.path}:${doc.line ?? 0}` : job.path;
      try {
        const ex = doc.extracted;
        for (const w of ex.warnings) problems.push({ file: where, level: 'warning', message: w });
        if (!ex.text.trim()) {
          problems.push({ file: where, level: 'warning', message: 'no text (empty or whitespace only); nothing to ingest' });
          continue;
        }
        const origin = doc.part ? `${job.path}#${doc.part}` : job.path;
        const named = job.manifestMeta?.id ?? ex.meta.id ?? null;
        const sourceId = named ? idFrom(named) : doc.part ? idFrom(doc.part) : job.defaultId;
        const explicitId = !!named || !!doc.part;
        const hash = sha256Hex(ex.rawText);
        if (!job.manifestMeta && !explicitId && job.knownHash === hash) {
          docs.push({ origin, explicitId, unchanged: { sourceId, contentHash: hash } });
          continue;
        }
        const processed = processDocument({
          extracted: ex,
          sourceId,
          fileName: doc.part ? `${job.fileName}#${doc.part}` : job.fileName,
          origin,
          format: doc.format,
          encoding: doc.encoding,
          manifestMeta: job.manifestMeta ? { ...job.corpusMeta, ...job.manifestMeta } : job.corpusMeta,
        });
        if (!processed.passages.length) {
          problems.push({ file: where, level: 'warning', message: 'nothing left after cleaning (only page furniture?); nothing to ingest' });
          continue;
        }
        const { templates: _t, ...rest } = processed;
        docs.push({ origin, explicitId, processed: rest });
      } catch (e) {
        problems.push({ file: where, level: 'error', message: errorMessage(e) });
      }
    }
  } catch (e) {
    problems.push({ file: job.path, level: 'error', message: errorMessage(e) });
  }
  return out;
}

/** an id as given, when it is a usable id; else its slug */
export function idFrom(id: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u.test(id) && id.length <= 120 ? id : slugify(id);
}
