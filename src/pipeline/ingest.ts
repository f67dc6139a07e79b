/**
 * Ingest: paths, directories and globs → files → documents → processed sources →
 * store, one transaction per source. A bad file is reported on one line and skipped;
 * every other file still goes in, and what was in the store stays intact.
 * Idempotent: an unchanged file changes nothing; a killed run is finished by running
 * the same command again.
 */
import { readFileSync, realpathSync, statSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { errorMessage, type FileProblem } from '../core/errors.js';
import { hashKey, sha256Hex, slugify } from '../core/ids.js';
import type { SourceMeta } from '../core/types.js';
import { BinaryFileError } from '../ingest/decode.js';
import { processDocument } from '../ingest/process.js';
import { EXTENSIONS, metaFromRecord, readFileDocuments } from '../ingest/readers/index.js';
import type { SaveStatus, Store } from '../store/store.js';

export const MANIFEST_NAMES = ['manifest.json', 'inquiry.json'];
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export type IngestEvent =
  | { type: 'plan'; files: number; bytes: number }
  | { type: 'file-start'; file: string; bytes: number }
  | { type: 'file-done'; file: string; bytes: number; results: Array<{ sourceId: string; status: SaveStatus; passages: number }> }
  | { type: 'problem'; problem: FileProblem };

export interface IngestSummary {
  files: number;
  bytes: number;
  seconds: number;
  sources: Record<SaveStatus, number>;
  passages: number;
  errors: FileProblem[];
  warnings: FileProblem[];
  results: Array<{ file: string; sourceId: string; status: SaveStatus; passages: number }>;
}

export interface IngestOptions {
  onEvent?: (e: IngestEvent) => void;
  /** base for relative paths and globs (default: process.cwd()) */
  cwd?: string;
}

interface PlannedFile {
  path: string;
  bytes: number;
  manifest?: ManifestIndex;
}

interface ManifestIndex {
  path: string;
  entries: Map<string, Partial<SourceMeta>>;
  corpus: Partial<SourceMeta>;
}

const GLOB_CHARS = /[*?[\]{}]/;

export async function ingestPaths(store: Store, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  const emit = opts.onEvent ?? (() => {});
  const problems: FileProblem[] = [];
  const report = (p: FileProblem) => {
    problems.push(p);
    emit({ type: 'problem', problem: p });
  };

  // ---- plan: expand inputs to files
  const files = new Map<string, PlannedFile>();
  const manifests = new Map<string, ManifestIndex | null>();
  const manifestFor = (dir: string): ManifestIndex | undefined => {
    if (manifests.has(dir)) return manifests.get(dir) ?? undefined;
    let found: ManifestIndex | null = null;
    for (const name of MANIFEST_NAMES) {
      const mp = join(dir, name);
      if (!existsSync(mp)) continue;
      try {
        found = loadManifest(mp);
      } catch (e) {
        report({ file: mp, level: 'error', message: `${errorMessage(e)}; the files beside it are ingested without it` });
      }
      break;
    }
    manifests.set(dir, found);
    return found ?? undefined;
  };
  const addFile = (p: string, explicit: boolean) => {
    const abs = resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      report({ file: p, level: 'error', message: `cannot read: ${errorMessage(e)}` });
      return;
    }
    if (!st.isFile()) return;
    if (!explicit && !EXTENSIONS[extname(abs).toLowerCase()]) return;
    if (MANIFEST_NAMES.includes(basename(abs))) return;
    const real = safeRealpath(abs);
    if (files.has(real)) return;
    files.set(real, { path: real, bytes: st.size, manifest: manifestFor(dirname(real)) });
  };
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    if (existsSync(abs)) {
      const st = statSync(abs);
      if (st.isDirectory()) for (const f of walk(abs)) addFile(f, false);
      else addFile(abs, true);
    } else if (GLOB_CHARS.test(input)) {
      const matched = await glob(input, { cwd, absolute: true, onlyFiles: true, dot: false });
      if (!matched.length) report({ file: input, level: 'error', message: 'no file matches this pattern' });
      for (const f of matched.sort()) addFile(f, true);
    } else {
      report({ file: input, level: 'error', message: 'path does not exist' });
    }
  }
  const plan = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const totalBytes = plan.reduce((s, f) => s + f.bytes, 0);
  emit({ type: 'plan', files: plan.length, bytes: totalBytes });

  // ---- ingest each file
  const summary: IngestSummary = {
    files: plan.length,
    bytes: totalBytes,
    seconds: 0,
    sources: { added: 0, updated: 0, unchanged: 0, metadata: 0 },
    passages: 0,
    errors: [],
    warnings: [],
    results: [],
  };
  for (const f of plan) {
    emit({ type: 'file-start', file: f.path, bytes: f.bytes });
    const results: Array<{ sourceId: string; status: SaveStatus; passages: number }> = [];
    try {
      await ingestFile(store, f, report, results);
    } catch (e) {
      const msg = e instanceof BinaryFileError ? e.message : errorMessage(e);
      report({ file: f.path, level: 'error', message: msg });
    }
    for (const r of results) {
      summary.sources[r.status]++;
      summary.passages += r.status === 'unchanged' ? 0 : r.passages;
      summary.results.push({ file: f.path, ...r });
    }
    emit({ type: 'file-done', file: f.path, bytes: f.bytes, results });
  }
  summary.errors = problems.filter((p) => p.level === 'error');
  summary.warnings = problems.filter((p) => p.level === 'warning');
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}

async function ingestFile(
  store: Store,
  f: PlannedFile,
  report: (p: FileProblem) => void,
  results: Array<{ sourceId: string; status: SaveStatus; passages: number }>,
): Promise<void> {
  if (f.bytes > MAX_FILE_BYTES) throw new Error(`file is ${(f.bytes / 2 ** 20).toFixed(0)} MiB; the limit is ${MAX_FILE_BYTES / 2 ** 20} MiB`);
  const bytes = readFileSync(f.path);
  if (bytes.length === 0) {
    report({ file: f.path, level: 'warning', message: 'empty file; nothing to ingest' });
    return;
  }
  const { docs, problems } = await readFileDocuments(f.path, bytes);
  for (const p of problems) report({ file: `${f.path}:${p.line}`, level: 'error', message: p.message });
  const fileName = basename(f.path);
  const manifestMeta = f.manifest?.entries.get(fileName);
  for (const doc of docs) {
    const where = doc.part ? `${f.path}:${doc.line ?? 0}` : f.path;
    try {
      const ex = doc.extracted;
      for (const w of ex.warnings) report({ file: where, level: 'warning', message: w });
      if (!ex.text.trim()) {
        report({ file: where, level: 'warning', message: 'no text (empty or whitespace only); nothing to ingest' });
        continue;
      }
      const origin = doc.part ? `${f.path}#${doc.part}` : f.path;
      const given = { ...(f.manifest?.corpus ?? {}), ...(ex.meta ?? {}), ...(manifestMeta ?? {}) };
      const explicitId = given.id ? slugOrId(given.id) : null;
      const sourceId = explicitId ?? (await store.sourceIdForOrigin(origin)) ?? (await freshId(store, doc.part || fileName.replace(/\.[^.]+$/, ''), origin));
      if (!manifestMeta && (await store.hasCurrentVersion(sourceId, sha256Hex(ex.rawText)))) {
        const cached = await store.getSource(sourceId);
        if (cached && cached.origin === origin) {
          results.push({ sourceId, status: 'unchanged', passages: cached.passages });
          continue;
        }
      }
      const processed = processDocument({
        extracted: ex,
        sourceId,
        fileName: doc.part ? `${fileName}#${doc.part}` : fileName,
        origin,
        format: doc.format,
        encoding: doc.encoding,
        manifestMeta: manifestMeta ? { ...f.manifest?.corpus, ...manifestMeta } : f.manifest?.corpus,
      });
      if (!processed.passages.length) {
        report({ file: where, level: 'warning', message: 'nothing left after cleaning (only page furniture?); nothing to ingest' });
        continue;
      }
      const saved = await store.saveSource({ ...processed, explicitId: !!explicitId });
      results.push({ sourceId: saved.sourceId, status: saved.status, passages: saved.passages });
    } catch (e) {
      report({ file: where, level: 'error', message: errorMessage(e) });
    }
  }
}

function slugOrId(id: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u.test(id) && id.length <= 120 ? id : slugify(id);
}

async function freshId(store: Store, base: string, origin: string): Promise<string> {
  const id = slugify(base);
  if (!(await store.sourceIdTaken(id))) return id;
  return `${id}-${hashKey([origin], 6)}`;
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function* walk(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/**
 * A manifest: `{ "sources": [ { "file": "a.txt", "id": "...", "title": ..., ... } ], ...corpus defaults }`.
 */
export function loadManifest(path: string): ManifestIndex {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`manifest is not valid JSON (${errorMessage(e)})`);
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as { sources?: unknown }).sources)) {
    throw new Error('manifest has no "sources" array');
  }
  const entries = new Map<string, Partial<SourceMeta>>();
  (data as { sources: unknown[] }).sources.forEach((s, i) => {
    if (!s || typeof s !== 'object' || typeof (s as { file?: unknown }).file !== 'string') {
      throw new Error(`manifest entry ${i + 1} has no "file"`);
    }
    const rec = s as Record<string, unknown>;
    entries.set(basename(rec.file as string), metaFromRecord(rec, 'manifest'));
  });
  const d = data as Record<string, unknown>;
  const corpus: Partial<SourceMeta> = {};
  const corpusMeta = metaFromRecord({ perspective: d.perspective, language: d.language, licence: d.licence ?? d.license }, 'manifest');
  Object.assign(corpus, corpusMeta);
  delete corpus.id;
  return { path, entries, corpus };
}
