/**
 * npm run bench [-- --mb 100 --rounds 5 --keep]
 *
 * Ingest and search on the generated corpus (bench/generate.ts), each beside
 * baselines measured in the same run on the same corpus:
 *   - ingest (read, decode, clean, segment, score, index, one transaction per source)
 *     vs a bare FTS5 bulk load of the same files' lines; plus the tokenize-only floor;
 *   - search p50/p99 through the same function the CLI and API call (bm25 within
 *     bounded candidates, highlights and snippets) vs bare FTS5 `ORDER BY rank LIMIT 20`
 *     with snippet(), and vs a ripgrep scan of the corpus for the same queries.
 * Ingest runs in a child process so its peak RSS is its own. Prints a table and
 * writes bench/.data/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bareFts5Load, bareFts5Query, percentiles, QUERY_SET, ripgrepScan, tokenizeOnly } from './baselines.js';
import { corpusDir, DATA, ensureCorpus, log, opt, ROOT } from './common.js';

const MBS = Number(opt('mb', '100'));
const ROUNDS = Number(opt('rounds', '5'));
const CORPUS = corpusDir(MBS);
const OURS = join(DATA, 'bench-inquiry.sqlite');
const BARE = join(DATA, 'bench-bare.sqlite');

function rm(db: string) {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(db + s, { force: true });
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/pipeline/ingest.js'))) {
    throw new Error('build first: npm run build');
  }
  mkdirSync(DATA, { recursive: true });
  const meta = ensureCorpus(CORPUS, MBS);
  log(`corpus: ${CORPUS}`);

  // ---- baseline: bare FTS5 bulk load
  log('bare FTS5 bulk load …');
  const bare = bareFts5Load(CORPUS, BARE);
  log('tokenize-only floor …');
  const tok = tokenizeOnly(CORPUS);

  // ---- ours: end-to-end ingest in a child process
  log('inquiry ingest …');
  rm(OURS);
  const child = spawnSync(process.execPath, [join(ROOT, 'bench/ingest-child.mjs'), CORPUS, OURS], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.status !== 0) throw new Error(`ingest failed: ${child.stderr}`);
  const ours = JSON.parse(child.stdout) as { seconds: number; bytes: number; files: number; passages: number; peakRssMb: number; errors: number };
  const oursMbps = ours.bytes / 1e6 / ours.seconds;

  // ---- search: ours vs bare FTS5 vs ripgrep
  log('search …');
  const { openSqliteStore } = (await import(join(ROOT, 'dist/store/sqlite/index.js'))) as typeof import('../src/store/sqlite/index.js');
  const { search } = (await import(join(ROOT, 'dist/ops/search.js'))) as typeof import('../src/ops/search.js');
  const store = openSqliteStore(OURS, { readonly: true });
  const passages = (await store.stats()).passages;
  const samples: number[] = [];
  const perQuery: Array<{ id: string; kind: string; p50: number; p99: number; total: number; estimate: boolean }> = [];
  for (const q of QUERY_SET) await search(store, { q: q.fts, limit: 20 }); // warm-up
  const byQuery = new Map<string, number[]>();
  const totals = new Map<string, { total: number; estimate: boolean }>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERY_SET) {
      const t0 = performance.now();
      const res = await search(store, { q: q.fts, limit: 20 });
      const ms = performance.now() - t0;
      samples.push(ms);
      (byQuery.get(q.id) ?? byQuery.set(q.id, []).get(q.id)!).push(ms);
      totals.set(q.id, { total: res.total, estimate: res.totalIsEstimate });
    }
  }
  for (const q of QUERY_SET) {
    const p = percentiles(byQuery.get(q.id)!);
    perQuery.push({ id: q.id, kind: q.kind, p50: p.p50, p99: p.p99, ...totals.get(q.id)! });
  }
  await store.close();
  const oursQ = percentiles(samples);
  const bareQ = bareFts5Query(BARE, QUERY_SET, { rounds: ROUNDS, limit: 20 });
  const rg = ripgrepScan(CORPUS, QUERY_SET, { rounds: 3 });

  const f = (n: number, d = 1) => n.toFixed(d);
  const lines = [
    `Inquiry benchmark — ${f(ours.bytes / 1e6)} MB, ${ours.files} files, ${passages.toLocaleString('en')} passages (bare baseline: ${bare.passages.toLocaleString('en')} lines), ${ROUNDS} rounds of ${QUERY_SET.length} queries`,
    '',
    'ingest                                   MB/s     s      peak RSS',
    `  inquiry ingest (end to end)          ${f(oursMbps).padStart(6)}  ${f(ours.seconds).padStart(6)}  ${f(ours.peakRssMb, 0).padStart(6)} MB`,
    `  bare FTS5 bulk load (baseline)       ${f(bare.mbPerSec).padStart(6)}  ${f(bare.seconds).padStart(6)}`,
    `  tokenize only (floor)                ${f(tok.mbPerSec).padStart(6)}  ${f(tok.seconds).padStart(6)}`,
    `  ratio inquiry / bare FTS5: ${f(oursMbps / bare.mbPerSec, 2)}  (target ≥ 0.5; peak RSS target ≤ 1024 MB)`,
    '',
    'search, ms                               p50      p99',
    `  inquiry search (bounded bm25)        ${f(oursQ.p50, 2).padStart(7)}  ${f(oursQ.p99, 2).padStart(7)}`,
    `  bare FTS5 ORDER BY rank (baseline)   ${f(bareQ.all.p50, 2).padStart(7)}  ${f(bareQ.all.p99, 2).padStart(7)}`,
    rg.available
      ? `  ripgrep scan (${rg.version.split(' ').slice(0, 2).join(' ')})           ${f(rg.median, 2).padStart(7)}  ${f(rg.p99, 2).padStart(7)}   (median over term/phrase queries)`
      : `  ripgrep: not available (${rg.reason}); apt-get install ripgrep`,
    `  ratio p99 inquiry / bare FTS5: ${f(oursQ.p99 / bareQ.all.p99, 2)} (target ≤ 2)` +
      (rg.available ? `; inquiry p99 / ripgrep median: ${f(oursQ.p99 / rg.median, 2)} (target < 1)` : ''),
    '',
    'per query (inquiry p50 / p99 ms, hits):',
    ...perQuery.map((q) => `  ${q.id.padEnd(22)} ${q.kind.padEnd(8)} ${f(q.p50, 2).padStart(7)} ${f(q.p99, 2).padStart(7)}  ${q.estimate ? '~' : ' '}${q.total}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  writeFileSync(
    join(DATA, 'results.json'),
    JSON.stringify({ corpus: meta, ingest: { ours: { ...ours, mbPerSec: oursMbps }, bare, tokenize: tok }, search: { ours: oursQ, perQuery, bare: bareQ.all, ripgrep: rg.available ? { median: rg.median, p99: rg.p99 } : null } }, null, 2),
  );
  if (!process.argv.slice(2).includes('--keep')) {
    rm(OURS);
    rm(BARE);
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
