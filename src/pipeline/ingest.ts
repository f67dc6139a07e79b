/**
 * Ingest: paths, directories and globs → files → documents → processed sources →
 * store, one transaction per source. A bad file is reported on one line and skipped;
 * every other file still goes in, and what was in the store stays intact.
 * Idempotent: an unchanged file changes nothing; a killed run is finished by running
 * the same command again.
 */
import { readFileSync, realpathSync, statSync, readdirSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { errorMessage, type FileProblem } from '../core/errors.js';
import { hashKey, slugify } from '../core/ids.js';
import type { SourceMeta } from '../core/types.js';
import { EXTENSIONS, metaFromRecord } from '../ingest/readers/index.js';
import { processFile, type FileJob, type FileOutcome } from './process-file.js';
import type { SaveStatus, Store } from '../store/store.js';

export const MANIFEST_NAMES = ['manifest.json', 'inquiry.json'];

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
  /** process files in a worker thread: true/false, or 'auto' (when there is enough work) */
  workers?: boolean | 'auto';
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
    try {
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
    } catch (e) {
      report({ file: input, level: 'error', message: `cannot read: ${errorMessage(e)}` });
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
  const runner = makeRunner(plan, opts.workers);
  const assigned = new Set<string>();
  const jobFor = async (f: PlannedFile, seq: number): Promise<FileJob> => {
    const fileName = basename(f.path);
    const entry = f.manifest?.entries.get(fileName);
    let defaultId = await store.sourceIdForOrigin(f.path);
    if (!defaultId) {
      defaultId = slugify(fileName.replace(/\.[^.]+$/, ''));
      if (assigned.has(defaultId) || (await store.sourceIdTaken(defaultId))) defaultId = `${defaultId}-${hashKey([f.path], 6)}`;
    }
    assigned.add(defaultId);
    return {
      seq,
      path: f.path,
      fileName,
      bytes: f.bytes,
      manifestMeta: entry,
      corpusMeta: f.manifest?.corpus,
      defaultId,
      knownHash: await store.currentHash(defaultId),
    };
  };
  try {
    // keep a few files in flight so reading and processing overlap the writes
    const inflight: Array<Promise<FileOutcome>> = [];
    let next = 0;
    const fill = async () => {
      while (next < plan.length && inflight.length < runner.depth) {
        const f = plan[next]!;
        emit({ type: 'file-start', file: f.path, bytes: f.bytes });
        inflight.push(runner.run(await jobFor(f, next)));
        next++;
      }
    };
    await fill();
    for (let i = 0; i < plan.length; i++) {
      const f = plan[i]!;
      const outcome = await inflight.shift()!;
      await fill();
      for (const p of outcome.problems) report(p);
      const results: Array<{ sourceId: string; status: SaveStatus; passages: number }> = [];
      for (const d of outcome.docs) {
        try {
          if (d.unchanged) {
            const cur = await store.getSource(d.unchanged.sourceId);
            results.push({ sourceId: d.unchanged.sourceId, status: 'unchanged', passages: cur?.passages ?? 0 });
            continue;
          }
          const p = d.processed!;
          const saved = await store.saveSource({ ...p, offsetMap: Buffer.from(p.offsetMap.buffer, p.offsetMap.byteOffset, p.offsetMap.byteLength), explicitId: d.explicitId });
          results.push({ sourceId: saved.sourceId, status: saved.status, passages: saved.passages });
        } catch (e) {
          report({ file: d.origin, level: 'error', message: errorMessage(e) });
        }
      }
      for (const r of results) {
        summary.sources[r.status]++;
        summary.passages += r.status === 'unchanged' ? 0 : r.passages;
        summary.results.push({ file: f.path, ...r });
      }
      emit({ type: 'file-done', file: f.path, bytes: f.bytes, results });
    }
  } finally {
    await runner.close();
  }
  summary.errors = problems.filter((p) => p.level === 'error');
  summary.warnings = problems.filter((p) => p.level === 'warning');
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
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
  // corpus-wide defaults a manifest may give for every source beside it
  const corpus = metaFromRecord({ perspective: d.perspective, language: d.language, licence: d.licence ?? d.license }, 'manifest');
  return { path, entries, corpus };
}

interface Runner {
  depth: number;
  run(job: FileJob): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** Work above this many bytes goes to worker threads, so processing overlaps the database writes. */
const WORKER_THRESHOLD = 4 * 2 ** 20;

function makeRunner(plan: PlannedFile[], workers: boolean | 'auto' = 'auto'): Runner {
  const total = plan.reduce((s, f) => s + f.bytes, 0);
  const use = workers === true || (workers === 'auto' && total >= WORKER_THRESHOLD && plan.length > 1);
  if (!use) return { depth: 1, run: processFile, close: async () => {} };
  // a worker per core (at most two): the main thread mostly waits on SQLite writes
  const count = Math.min(2, Math.max(1, availableParallelism()));
  // the worker is this module's sibling: worker.js when built, worker.ts under tsx
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const pool: Array<{ worker: Worker; busy: number; failed: boolean }> = [];
  const waiting = new Map<number, { resolve: (o: FileOutcome) => void; job: FileJob; slot: number }>();
  const finishInline = (slot: number) => {
    // finish what this worker had, inline, so a broken worker costs no file
    for (const [seq, w] of waiting) {
      if (w.slot !== slot) continue;
      waiting.delete(seq);
      processFile(w.job).then(w.resolve);
    }
  };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(new URL(`./worker${ext}`, import.meta.url));
    const slot = { worker, busy: 0, failed: false };
    pool.push(slot);
    worker.on('message', (o: FileOutcome) => {
      const w = waiting.get(o.seq);
      waiting.delete(o.seq);
      slot.busy--;
      w?.resolve(o);
    });
    worker.on('error', () => {
      slot.failed = true;
      finishInline(i);
    });
    worker.on('exit', () => {
      slot.failed = true;
      finishInline(i);
    });
  }
  return {
    depth: 2 * count + 1,
    run: (job) => {
      const live = pool.map((p, i) => ({ p, i })).filter(({ p }) => !p.failed);
      if (!live.length) return processFile(job);
      const { p, i } = live.reduce((a, b) => (b.p.busy < a.p.busy ? b : a));
      p.busy++;
      return new Promise<FileOutcome>((resolve) => {
        waiting.set(job.seq, { resolve, job, slot: i });
        p.worker.postMessage(job);
      });
    },
    close: async () => {
      for (const p of pool) p.failed = true;
      await Promise.all(pool.map((p) => p.worker.terminate()));
    },
  };
}
