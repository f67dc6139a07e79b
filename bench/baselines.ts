/**
 * bench/baselines.ts — reference points for Inquiry's ingest and search numbers.
 *
 * Each baseline does the least work that still counts as "the job", measured
 * in-process, so the product's figures can be read against them:
 *
 *   tokenizeOnly     read + lowercase + regex-tokenize every file: the floor for any ingest
 *   bareFts5Load     read, split into paragraphs, insert into a bare FTS5 table (one transaction)
 *   bareFts5Query    top-20 ranked FTS5 queries with snippets against that table
 *   ripgrepScan      `rg -i -c --fixed-strings` over the raw files: search with no index at all
 *
 * Sizes are in MB of 10^6 bytes; RSS is in MiB (maxRSS / 1024). Corpus files are
 * every *.txt under the directory (recursively), in name order.
 *
 * Run all of them on a corpus directory:
 *   node --import tsx bench/baselines.ts [--dir bench/.data/corpus] [--db bench/.data/bare-fts5.sqlite]
 *        [--rounds 5] [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

const MB = 1_000_000;
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

export interface Percentiles {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Summary statistics of a sample (any unit; the benchmarks use ms). Quantiles
 * interpolate linearly between order statistics (R type 7, as numpy's default).
 * An empty sample gives n = 0 and NaN everywhere else.
 */
export function percentiles(samples: readonly number[]): Percentiles {
  const n = samples.length;
  if (n === 0) return { n: 0, min: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const s = Float64Array.from(samples).sort();
  const q = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
  };
  let sum = 0;
  for (const v of s) sum += v;
  return { n, min: s[0] as number, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[n - 1] as number, mean: sum / n };
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Every *.txt file under dir (recursive), sorted by path for a stable order. */
export function listTextFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = fs.readdirSync(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function elapsedMs(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Calls fn(line) for every line of text that has a non-whitespace character (CR before LF dropped). */
function forEachParagraph(text: string, fn: (line: string) => void): void {
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (lineEnd > start) {
      const line = text.slice(start, lineEnd);
      if (/\S/.test(line)) fn(line);
    }
    start = end + 1;
  }
}

function removeDb(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbPath + suffix, { force: true });
}

// ---------------------------------------------------------------------------
// Query set
// ---------------------------------------------------------------------------

export type QueryKind = 'rare' | 'common' | 'phrase' | 'prefix' | 'boolean';

export interface BenchQuery {
  /** short stable label for tables */
  id: string;
  kind: QueryKind;
  /** FTS5 MATCH expression */
  fts: string;
}

/**
 * Queries of mixed shape for the Moscow-trials corpus and corpora generated from
 * it. "rare" terms occur a handful of times in the seeds (so ~10^2–10^3 times in
 * 100 MB generated from them), "common" ones hundreds to thousands of times in
 * the seeds. All are valid FTS5 syntax; hyphenated terms are quoted because a
 * bare '-' is not allowed in an FTS5 query.
 */
export const QUERY_SET: readonly BenchQuery[] = Object.freeze([
  // rare names and terms
  { id: 'kravchenko', kind: 'rare', fts: 'Kravchenko' },
  { id: 'kemerovo', kind: 'rare', fts: 'Kemerovo' },
  { id: 'romm', kind: 'rare', fts: 'Romm' },
  { id: 'holtzman', kind: 'rare', fts: 'Holtzman' },
  { id: 'ramzin', kind: 'rare', fts: 'Ramzin' },
  { id: 'shakhty', kind: 'rare', fts: 'Shakhty' },
  { id: 'copenhagen', kind: 'rare', fts: 'Copenhagen' },
  { id: 'dewey', kind: 'rare', fts: 'Dewey' },
  // common terms
  { id: 'trial', kind: 'common', fts: 'trial' },
  { id: 'stalin', kind: 'common', fts: 'Stalin' },
  { id: 'the-party', kind: 'common', fts: '"the party"' },
  { id: 'trotsky', kind: 'common', fts: 'Trotsky' },
  { id: 'zinoviev', kind: 'common', fts: 'Zinoviev' },
  { id: 'kirov', kind: 'common', fts: 'Kirov' },
  { id: 'confession', kind: 'common', fts: 'confession' },
  // phrases
  { id: 'hotel-bristol', kind: 'phrase', fts: '"Hotel Bristol"' },
  { id: 'trial-of-the-sixteen', kind: 'phrase', fts: '"Trial of the Sixteen"' },
  { id: 'metro-vickers', kind: 'phrase', fts: '"Metro-Vickers"' },
  { id: 'right-opposition', kind: 'phrase', fts: '"Right Opposition"' },
  { id: 'show-trials', kind: 'phrase', fts: '"show trials"' },
  { id: 'old-bolsheviks', kind: 'phrase', fts: '"Old Bolsheviks"' },
  // prefixes
  { id: 'trotsky*', kind: 'prefix', fts: 'Trotsky*' },
  { id: 'zinov*', kind: 'prefix', fts: 'Zinov*' },
  { id: 'confess*', kind: 'prefix', fts: 'confess*' },
  // boolean and proximity
  { id: 'bukharin-and-rykov', kind: 'boolean', fts: 'Bukharin AND Rykov' },
  { id: 'radek-or-pyatakov', kind: 'boolean', fts: 'Radek OR Pyatakov' },
  { id: 'zinoviev-not-kamenev', kind: 'boolean', fts: 'Zinoviev NOT Kamenev' },
  { id: 'yezhov-variants-and-yagoda', kind: 'boolean', fts: '(Yezhov OR Ezhov) AND Yagoda' },
  { id: 'near-kirov-murder', kind: 'boolean', fts: 'NEAR(Kirov murder, 10)' },
  { id: 'vyshinsky-and-phrase', kind: 'boolean', fts: 'Vyshinsky AND "the accused"' },
]);

/**
 * The literal string ripgrep searches for an FTS5 query, or null when grep has no
 * equivalent (boolean, NEAR). Terms and prefixes map to themselves (a substring
 * search finds prefixes anyway); a quoted phrase maps to its text.
 */
export function rgTermFor(fts: string): string | null {
  const q = fts.trim();
  const phrase = /^"([^"]+)"$/.exec(q);
  if (phrase) return phrase[1] as string;
  const term = /^([\p{L}\p{N}_]+)\*?$/u.exec(q);
  if (term && !/^(AND|OR|NOT|NEAR)$/.test(term[1] as string)) return term[1] as string;
  return null;
}

type QueryInput = string | BenchQuery;

function normaliseQuery(q: QueryInput): BenchQuery {
  return typeof q === 'string' ? { id: q, kind: 'common', fts: q } : q;
}

// ---------------------------------------------------------------------------
// Baselines
// ---------------------------------------------------------------------------

export interface LoadResult {
  files: number;
  /** UTF-8 bytes read */
  bytes: number;
  /** rows inserted (non-empty lines) */
  passages: number;
  seconds: number;
  mbPerSec: number;
  /** size of the database file after close */
  dbBytes: number;
}

export interface LoadOptions {
  /** PRAGMAs run before loading, e.g. ['journal_mode = WAL']; default none (SQLite defaults) */
  pragmas?: readonly string[];
}

/**
 * Bare FTS5 ingest: a fresh database with one contentful FTS5 table, every
 * non-empty line of every file inserted with one prepared statement inside a
 * single transaction. The time covers reading, splitting, inserting and commit.
 * Any existing database at dbPath is replaced.
 */
export function bareFts5Load(dir: string, dbPath: string, opts: LoadOptions = {}): LoadResult {
  const files = listTextFiles(dir);
  fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  removeDb(dbPath);
  const t0 = process.hrtime.bigint();
  const db = new Database(dbPath);
  let bytes = 0;
  let passages = 0;
  try {
    for (const p of opts.pragmas ?? []) db.pragma(p);
    db.exec(`CREATE VIRTUAL TABLE p USING fts5(text, tokenize="unicode61 remove_diacritics 2")`);
    const insert = db.prepare('INSERT INTO p(text) VALUES (?)');
    const add = (line: string): void => {
      insert.run(line);
      passages++;
    };
    db.transaction(() => {
      for (const file of files) {
        const buf = fs.readFileSync(file);
        bytes += buf.length;
        forEachParagraph(buf.toString('utf8'), add);
      }
    })();
  } finally {
    db.close();
  }
  const seconds = elapsedMs(t0) / 1000;
  return {
    files: files.length,
    bytes,
    passages,
    seconds,
    mbPerSec: bytes / MB / seconds,
    dbBytes: fs.statSync(dbPath).size,
  };
}

export interface QueryStats extends Percentiles {
  id: string;
  kind: QueryKind;
  fts: string;
  /** rows returned (≤ limit) */
  rows: number;
}

export interface QueryRunResult {
  rounds: number;
  warmup: number;
  limit: number;
  /** every timed execution, all queries, in ms */
  all: Percentiles;
  perQuery: QueryStats[];
}

export interface QueryOptions {
  /** timed rounds over the whole query list (default 5) */
  rounds?: number;
  /** untimed rounds first, to warm page cache and statement (default 1) */
  warmup?: number;
  /** LIMIT (default 20) */
  limit?: number;
}

/**
 * Ranked top-N FTS5 search with a snippet, the shape of a search-results page:
 * `SELECT rowid, snippet(...) FROM p WHERE p MATCH ? ORDER BY rank LIMIT 20`.
 * Rounds iterate the whole query list (so caches see realistic interleaving);
 * each execution includes stepping through all returned rows.
 */
export function bareFts5Query(dbPath: string, queries: readonly QueryInput[], opts: QueryOptions = {}): QueryRunResult {
  const rounds = opts.rounds ?? 5;
  const warmup = opts.warmup ?? 1;
  const limit = opts.limit ?? 20;
  const qs = queries.map(normaliseQuery);
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const stmt = db.prepare<[string, number], { rowid: number; snip: string }>(
      `SELECT rowid, snippet(p, 0, '[', ']', '…', 12) AS snip FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?`,
    );
    const rows = qs.map(() => 0);
    for (let r = 0; r < warmup; r++) qs.forEach((q, i) => (rows[i] = stmt.all(q.fts, limit).length));
    const samples: number[][] = qs.map(() => []);
    for (let r = 0; r < rounds; r++) {
      qs.forEach((q, i) => {
        const t0 = process.hrtime.bigint();
        const n = stmt.all(q.fts, limit).length;
        (samples[i] as number[]).push(elapsedMs(t0));
        rows[i] = n;
      });
    }
    return {
      rounds,
      warmup,
      limit,
      all: percentiles(samples.flat()),
      perQuery: qs.map((q, i) => ({
        id: q.id,
        kind: q.kind,
        fts: q.fts,
        rows: rows[i] as number,
        ...percentiles(samples[i] as number[]),
      })),
    };
  } finally {
    db.close();
  }
}

export interface RgQueryStats {
  id: string;
  term: string;
  /** total matching lines, summed over files */
  matchingLines: number;
  median: number;
  p99: number;
}

export type RipgrepResult =
  | { available: false; reason: string }
  | {
      available: true;
      version: string;
      rounds: number;
      /** queries with no grep equivalent (boolean, NEAR), skipped */
      skipped: string[];
      /** over every timed run of every query, in ms */
      median: number;
      p99: number;
      all: Percentiles;
      perQuery: RgQueryStats[];
    };

export interface RipgrepOptions {
  /** timed runs per query (default 3) */
  rounds?: number;
  /** untimed runs per query first (default 1) */
  warmup?: number;
  /** ripgrep executable (default 'rg' on PATH) */
  rg?: string;
}

/**
 * Index-free search: for each term/phrase/prefix query, time one process of
 * `rg -i -c --fixed-strings -- <term> <dir>` (spawnSync, so process start-up is
 * included, as it would be for a user). Boolean and NEAR queries are skipped.
 * ripgrep's default filtering applies (it honours .gitignore files *inside* dir
 * and skips hidden files there); generated corpora contain neither.
 */
export function ripgrepScan(dir: string, queries: readonly QueryInput[], opts: RipgrepOptions = {}): RipgrepResult {
  const rg = opts.rg ?? 'rg';
  const rounds = opts.rounds ?? 3;
  const warmup = opts.warmup ?? 1;
  const probe = spawnSync(rg, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return { available: false, reason: probe.error ? probe.error.message : `rg --version exited ${probe.status}` };
  }
  const version = probe.stdout.split('\n')[0]?.trim() ?? 'unknown';

  const skipped: string[] = [];
  const perQuery: RgQueryStats[] = [];
  const allSamples: number[] = [];
  for (const q of queries.map(normaliseQuery)) {
    const term = rgTermFor(q.fts);
    if (term === null) {
      skipped.push(q.id);
      continue;
    }
    const args = ['-i', '-c', '--fixed-strings', '--', term, dir];
    const run = (): number => {
      const res = spawnSync(rg, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (res.error) throw res.error;
      // exit 0: matches, 1: no match, 2: error
      if (res.status !== 0 && res.status !== 1) throw new Error(`rg ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
      let total = 0;
      for (const line of res.stdout.split('\n')) {
        const colon = line.lastIndexOf(':');
        if (colon !== -1) total += Number(line.slice(colon + 1)) || 0;
      }
      return total;
    };
    let matchingLines = 0;
    for (let r = 0; r < warmup; r++) matchingLines = run();
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      matchingLines = run();
      samples.push(elapsedMs(t0));
    }
    allSamples.push(...samples);
    const s = percentiles(samples);
    perQuery.push({ id: q.id, term, matchingLines, median: s.p50, p99: s.p99 });
  }
  const all = percentiles(allSamples);
  return { available: true, version, rounds, skipped, median: all.p50, p99: all.p99, all, perQuery };
}

export interface TokenizeResult {
  files: number;
  bytes: number;
  tokens: number;
  seconds: number;
  mbPerSec: number;
}

/**
 * The floor for ingest: read every file, lowercase it once and count the
 * matches of a Latin/Cyrillic word regex. Nothing is stored.
 */
export function tokenizeOnly(dir: string): TokenizeResult {
  const files = listTextFiles(dir);
  const re = /[a-z0-9\u00c0-\u024f\u0400-\u04ff]+/g;
  let bytes = 0;
  let tokens = 0;
  const t0 = process.hrtime.bigint();
  for (const file of files) {
    const buf = fs.readFileSync(file);
    bytes += buf.length;
    const text = buf.toString('utf8').toLowerCase();
    re.lastIndex = 0;
    // test() advances lastIndex like exec() without allocating a match array (~1.7× faster)
    while (re.test(text)) tokens++;
  }
  const seconds = elapsedMs(t0) / 1000;
  return { files: files.length, bytes, tokens, seconds, mbPerSec: bytes / MB / seconds };
}

// ---------------------------------------------------------------------------
// CLI: run every baseline on one corpus
// ---------------------------------------------------------------------------

function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' },
      db: { type: 'string' },
      rounds: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(
      'Usage: node --import tsx bench/baselines.ts [--dir bench/.data/corpus] [--db bench/.data/bare-fts5.sqlite] [--rounds 5] [--json]\n',
    );
    return;
  }
  const dir = path.resolve(values.dir ?? path.join(REPO_ROOT, 'bench', '.data', 'corpus'));
  const dbPath = path.resolve(values.db ?? path.join(REPO_ROOT, 'bench', '.data', 'bare-fts5.sqlite'));
  const rounds = values.rounds !== undefined ? Number(values.rounds) : 5;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds expects a positive integer, got ${values.rounds}`);
  if (!fs.existsSync(dir)) throw new Error(`no corpus at ${dir} (run bench/generate.ts first)`);

  const log = (s: string): void => {
    if (!values.json) process.stdout.write(`${s}\n`);
  };
  log(`corpus ${dir}`);
  const tok = tokenizeOnly(dir);
  log(
    `tokenizeOnly   ${tok.files} files, ${fmt(tok.bytes / MB)} MB, ${tok.tokens} tokens: ${fmt(tok.seconds)} s, ${fmt(tok.mbPerSec, 1)} MB/s`,
  );
  const load = bareFts5Load(dir, dbPath);
  log(
    `bareFts5Load   ${load.passages} passages: ${fmt(load.seconds)} s, ${fmt(load.mbPerSec, 1)} MB/s, db ${fmt(load.dbBytes / MB, 1)} MB`,
  );
  const query = bareFts5Query(dbPath, QUERY_SET, { rounds });
  log(
    `bareFts5Query  ${query.perQuery.length} queries × ${rounds}: p50 ${fmt(query.all.p50)} ms, p95 ${fmt(query.all.p95)} ms, ` +
      `p99 ${fmt(query.all.p99)} ms, mean ${fmt(query.all.mean)} ms`,
  );
  for (const q of query.perQuery) {
    log(`  ${q.kind.padEnd(7)} ${q.fts.padEnd(30)} rows ${String(q.rows).padStart(2)}  p50 ${fmt(q.p50).padStart(7)} ms  max ${fmt(q.max).padStart(7)} ms`);
  }
  const rg = ripgrepScan(dir, QUERY_SET, { rounds: Math.min(rounds, 3) });
  if (!rg.available) {
    log(`ripgrepScan    unavailable (${rg.reason})`);
  } else {
    log(`ripgrepScan    ${rg.version}, ${rg.perQuery.length} queries: median ${fmt(rg.median, 1)} ms, p99 ${fmt(rg.p99, 1)} ms`);
    for (const q of rg.perQuery) {
      log(`  ${q.term.padEnd(24)} lines ${String(q.matchingLines).padStart(7)}  median ${fmt(q.median, 1).padStart(7)} ms`);
    }
  }
  const rss = peakRssMb();
  log(`peak RSS ${fmt(rss, 0)} MiB`);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ dir, tokenizeOnly: tok, bareFts5Load: load, bareFts5Query: query, ripgrepScan: rg, peakRssMb: rss }, null, 2)}\n`);
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(fs.realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`baselines: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
