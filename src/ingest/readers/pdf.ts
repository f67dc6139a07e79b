/**
 * PDF reader: the text layer of each page, via unpdf (a serverless build of pdf.js).
 *
 * A PDF has no "raw text" of its own, so the reader defines it: the page texts as
 * pdf.js extracts them, joined with a form feed ("\f") between pages. That string is
 * what provenance offsets index. The extracted `text` is the same string with each
 * form feed replaced by a paragraph break ("\n\n", a replace segment mapping to the
 * form feed), so every character of page text is a copy segment.
 *
 * PDFs without a text layer (scans) are refused rather than ingested as empty
 * documents: OCR is out of scope here.
 */
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { applyEdits, type Edit } from '../../core/offsets.js';
import type { SourceMeta } from '../../core/types.js';
import type { Extracted } from './types.js';

export const NO_TEXT_LAYER = 'PDF has no text layer (scanned image?); nothing to ingest';

/** pdf.js VerbosityLevel.ERRORS: keep its warnings about odd fonts off the console */
const PDFJS_ERRORS_ONLY = 0;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * Extract the text layer of a PDF.
 * @throws Error if the PDF cannot be parsed, or has no text on any page
 */
export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<Extracted> {
  let pdf: PdfDocument;
  try {
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, not the caller's bytes
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: PDFJS_ERRORS_ONLY });
  } catch (err) {
    throw new Error(`PDF could not be parsed: ${describeError(err)}`, { cause: err });
  }

  try {
    if (pdf.numPages === 0) throw new Error('PDF could not be parsed: the document has no pages');
    let pages: string[];
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } catch (err) {
      throw new Error(`PDF could not be parsed: ${describeError(err)}`, { cause: err });
    }
    // "\f" is reserved as the page separator of the raw text
    pages = pages.map((p) => p.replace(/\f/g, '\n'));

    const empty = pages.flatMap((p, i) => (/\S/.test(p) ? [] : [i + 1]));
    if (empty.length === pages.length) throw new Error(NO_TEXT_LAYER);

    const warnings: string[] = [];
    if (empty.length > 0) {
      const list = empty.length > 10 ? `${empty.slice(0, 10).join(', ')}, …` : empty.join(', ');
      warnings.push(
        `${fileName}: ${empty.length} of ${pages.length} pages have no text layer (page${empty.length === 1 ? '' : 's'} ${list})`,
      );
    }

    const rawText = pages.join('\f');
    const edits: Edit[] = [];
    for (let i = rawText.indexOf('\f'); i >= 0; i = rawText.indexOf('\f', i + 1)) {
      edits.push({ start: i, end: i + 1, text: '\n\n', reason: 'page break' });
    }
    const { text, map } = applyEdits(rawText, edits);

    let meta: Partial<SourceMeta> = {};
    try {
      meta = await readMeta(pdf);
    } catch (err) {
      warnings.push(`${fileName}: PDF metadata unreadable (${describeError(err)})`);
    }

    return { rawText, text, map, hints: [], meta, warnings };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------
// Metadata

/** Title, authors, date and language from the info dictionary, else the XMP packet. */
async function readMeta(pdf: PdfDocument): Promise<Partial<SourceMeta>> {
  const { info, metadata } = await getMeta(pdf);
  const xmp = (name: string): unknown => {
    try {
      return typeof metadata?.get === 'function' ? metadata.get(name) : undefined;
    } catch {
      return undefined;
    }
  };

  const meta: Partial<SourceMeta> = {};
  const origin: Record<string, string> = {};

  const title = cleanTitle(str(info['Title'])) ?? cleanTitle(firstString(xmp('dc:title')));
  if (title) {
    meta.title = title;
    origin['title'] = 'pdf';
  }

  const authorField = str(info['Author']);
  const xmpCreators = strings(xmp('dc:creator'));
  const authors = authorField ? splitAuthors(authorField) : xmpCreators.flatMap(splitAuthors);
  if (authors.length) {
    meta.authors = authors;
    origin['authors'] = 'pdf';
  }

  const date = pdfDateToEdtf(str(info['CreationDate'])) ?? isoToEdtf(firstString(xmp('xmp:createdate')));
  if (date) {
    meta.date = date;
    origin['date'] = 'pdf';
  }
  const modified = pdfDateToEdtf(str(info['ModDate'])) ?? isoToEdtf(firstString(xmp('xmp:modifydate')));
  if (modified && modified !== date) {
    meta.dateModified = modified;
    origin['dateModified'] = 'pdf';
  }

  const language = firstString(xmp('dc:language'))?.trim();
  if (language && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(language)) {
    meta.language = language;
    origin['language'] = 'pdf';
  }

  if (Object.keys(origin).length) meta.metaOrigin = origin;
  return meta;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : null;
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter((s): s is string => s !== null);
  const s = str(v);
  return s ? [s] : [];
}

function firstString(v: unknown): string | null {
  return strings(v)[0] ?? null;
}

/** Producer junk is not a title: "Untitled", "Microsoft Word - draft.docx", bare file names. */
function cleanTitle(t: string | null): string | null {
  if (!t) return null;
  if (/^(?:untitled|no title|title)$/i.test(t)) return null;
  if (/^microsoft (?:word|powerpoint|excel) - /i.test(t)) return null;
  if (/^[\w\s.()-]+\.(?:docx?|pdf|tex|dvi|rtf|odt|indd|pages|pptx?|xlsx?|ps)$/i.test(t)) return null;
  return t;
}

/** "Jane Doe; John Roe", "Jane Doe and John Roe", "Jane Doe, John Roe" → names */
function splitAuthors(s: string): string[] {
  let parts = s.split(/\s*(?:;|&|\band\b)\s*/i);
  // commas separate names only when every piece looks like a full name (not "Doe, Jane")
  const byComma = parts.flatMap((p) => p.split(/\s*,\s*/));
  if (byComma.length > parts.length && byComma.every((p) => p.trim().split(/\s+/).length >= 2)) parts = byComma;
  return parts.map((p) => p.trim()).filter((p) => p.length > 0 && p.length <= 200);
}

/** EDTF from calendar parts, validated; null if invalid */
function edtf(year: string, month?: string, day?: string): string | null {
  if (!month) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return year;
  if (!day) return `${year}-${month}`;
  const d = Number(day);
  const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (d < 1 || d > days) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

/**
 * PDF date string ("D:YYYYMMDDHHmmSSOHH'mm'", every part after the year optional)
 * → EDTF, using the calendar date as written (no time-zone conversion).
 */
export function pdfDateToEdtf(s: string | null): string | null {
  if (!s) return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(s.trim());
  if (!m || (m[1] as string) === '0000') return null;
  return edtf(m[1] as string, m[2], m[2] ? m[3] : undefined);
}

function isoToEdtf(s: string | null): string | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.trim());
  return m ? edtf(m[1] as string, m[2], m[2] ? m[3] : undefined) : null;
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'PasswordException') return 'the PDF is encrypted and needs a password';
    return err.message || err.name;
  }
  return String(err);
}
