// Reuse detection over the generated corpus's files, timed in its own process (peak RSS is its own).
// mode "tokenize": the floor (the same files through the reuse tokenizer); mode "detect": the
// whole detection (fingerprints, seeds, chains, alignment, families, divergences). Prints JSON,
// with the detected occurrence spans per file for the span-recall check.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
const [dir, mode, out] = process.argv.slice(2);
const root = resolve(new URL('..', import.meta.url).pathname);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const docs = files.map((f) => ({ id: f, text: readFileSync(join(dir, f), 'utf8') }));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
let res;
if (mode === 'tokenize') {
  const { tokenize } = await import(resolve(root, 'dist/analyze/reuse/tokens.js'));
  const t0 = performance.now();
  let tokens = 0;
  for (const d of docs) tokens += tokenize(d.text).count;
  res = { seconds: (performance.now() - t0) / 1000, bytes, tokens };
} else {
  const { detectReuse } = await import(resolve(root, 'dist/analyze/reuse/detect.js'));
  const t0 = performance.now();
  const r = detectReuse(docs);
  const seconds = (performance.now() - t0) / 1000;
  const spans = {};
  let occurrences = 0;
  for (const f of r.families) for (const o of f.occurrences) {
    occurrences++;
    (spans[files[o.doc]] ??= []).push([o.start, o.end]);
  }
  if (out) (await import('node:fs')).writeFileSync(out, JSON.stringify(spans));
  res = { seconds, bytes, families: r.families.length, occurrences, stats: r.stats.ms };
}
process.stdout.write(JSON.stringify({ ...res, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
