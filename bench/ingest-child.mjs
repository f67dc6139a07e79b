// Ingest a directory with the built pipeline and report time and this process's peak RSS.
// Run by bench/run.ts as its own process so the RSS figure is the ingest's alone.
import { resolve } from 'node:path';
const [dir, db] = process.argv.slice(2);
const root = resolve(new URL('..', import.meta.url).pathname);
const { openSqliteStore } = await import(resolve(root, 'dist/store/sqlite/index.js'));
const { ingestPaths } = await import(resolve(root, 'dist/pipeline/ingest.js'));
const store = openSqliteStore(db);
const t0 = performance.now();
const s = await ingestPaths(store, [dir]);
await store.close();
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(
  JSON.stringify({ seconds, bytes: s.bytes, files: s.files, passages: s.passages, errors: s.errors.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
);
