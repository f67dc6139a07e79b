/**
 * Readers: file bytes → documents (decoded raw text, extracted text, map, hints,
 * metadata). Formats: plain text, Markdown, HTML (main content via readability),
 * PDF (text layer), JSON Lines in passim's shape ({id, text, series?, date?}).
 */
import { extname } from 'node:path';
import { OffsetMap } from '../../core/offsets.js';
import { decodeBytes } from '../decode.js';
import { extractHtml } from './html.js';
import { extractPdf } from './pdf.js';
import { extractMarkdown, extractPlain, metaFromRecord } from './text.js';
import type { Extracted, ReadDocument } from './types.js';

export { extractMarkdown, extractPlain, metaFromRecord };

export type Format = 'text' | 'markdown' | 'html' | 'pdf' | 'jsonl';

export const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown', '.mdown': 'markdown',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.pdf': 'pdf', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

export function detectFormat(path: string, head: Uint8Array): Format {
  const byExt = EXTENSIONS[extname(path).toLowerCase()];
  if (byExt) return byExt;
  const s = Buffer.from(head.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (s.startsWith('%pdf-')) return 'pdf';
  if (s.startsWith('<!doctype html') || s.startsWith('<html')) return 'html';
  return 'text';
}

/** A problem with one record of a multi-document file; the other records still load. */
export interface RecordProblem {
  line: number;
  message: string;
}

export async function readFileDocuments(
  path: string,
  bytes: Uint8Array,
): Promise<{ docs: ReadDocument[]; problems: RecordProblem[]; warnings: string[] }> {
  const format = detectFormat(path, bytes);
  if (format === 'pdf') {
    const extracted = await extractPdf(bytes, path);
    return { docs: [{ part: '', extracted, format, encoding: 'pdf' }], problems: [], warnings: [] };
  }
  const dec = decodeBytes(bytes);
  if (format === 'jsonl') return readJsonl(dec.text, dec.encoding, dec.warnings);
  let extracted: Extracted;
  if (format === 'html') extracted = extractHtml(dec.text, path);
  else if (format === 'markdown') extracted = extractMarkdown(dec.text);
  else extracted = extractPlain(dec.text);
  extracted.warnings.unshift(...dec.warnings);
  return { docs: [{ part: '', extracted, format, encoding: dec.encoding }], problems: [], warnings: [] };
}

// ---------------------------------------------------------------- JSON Lines (passim)

function readJsonl(
  raw: string,
  encoding: string,
  warnings: string[],
): { docs: ReadDocument[]; problems: RecordProblem[]; warnings: string[] } {
  const docs: ReadDocument[] = [];
  const problems: RecordProblem[] = [];
  const seen = new Set<string>();
  let lineNo = 0;
  for (const line of raw.split('\n')) {
    lineNo++;
    if (!line.trim()) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      problems.push({ line: lineNo, message: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      problems.push({ line: lineNo, message: 'not a JSON object' });
      continue;
    }
    const r = rec as Record<string, unknown>;
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : null;
    if (!id) {
      problems.push({ line: lineNo, message: 'no "id" field' });
      continue;
    }
    if (typeof r.text !== 'string') {
      problems.push({ line: lineNo, message: `record "${id}" has no "text" string` });
      continue;
    }
    if (seen.has(id)) {
      problems.push({ line: lineNo, message: `duplicate id "${id}" (the first one was kept)` });
      continue;
    }
    seen.add(id);
    const text = r.text;
    const meta = metaFromRecord(r, 'jsonl');
    const extracted: Extracted = {
      rawText: text,
      text,
      map: OffsetMap.identity(text.length),
      hints: [],
      meta,
      warnings: [],
    };
    docs.push({ part: id, line: lineNo, extracted, format: 'jsonl', encoding });
  }
  return { docs, problems, warnings };
}
