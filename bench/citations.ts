/**
 * npm run bench:citations [-- --n 100000]
 *
 * Reference parsing speed on one core: the reference lines of the bundled corpus (lines
 * shaped like "Family, Given. Title. Place: Publisher, Year, p. N", notes and numbered
 * sources), cycled to N references, parsed to CSL-JSON; beside a floor measured in the same
 * run on the same lines: splitting each line at its periods and commas. Target: ≥ 2,000
 * references per second (GROBID's published figure is about 167).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseReference } from '../src/analyze/citations/parse.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--n') + 1] ?? 100000) || 100000;
const dir = join(ROOT, 'corpus/moscow-trials');
const lines: string[] = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
  for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) {
    const t = l.trim();
    if (t.length > 20 && t.length < 300 && /(1[5-9]\d\d|20\d\d)/.test(t) && (/^\p{Lu}[\p{L}'’-]+, /u.test(t) || /^\(?\d+[.)] /.test(t))) lines.push(t);
  }
}
if (lines.length === 0) throw new Error('no reference lines found in the corpus');
const refs = Array.from({ length: N }, (_, i) => lines[i % lines.length] as string);

function time(fn: () => number): { seconds: number; out: number } {
  const t0 = performance.now();
  const out = fn();
  return { seconds: (performance.now() - t0) / 1000, out };
}
// warm up both
for (const r of refs.slice(0, 2000)) parseReference(r);
const floor = time(() => {
  let n = 0;
  for (const r of refs) n += r.split(/[.,]\s+/).length;
  return n;
});
const ours = time(() => {
  let n = 0;
  for (const r of refs) if (parseReference(r).csl?.title) n++;
  return n;
});
console.log(`\nreference parsing, ${N} references (${lines.length} distinct lines from the bundled corpus), one core`);
console.log('  stage                           seconds     refs/s   × floor speed');
console.log(`  split at periods (floor)      ${floor.seconds.toFixed(3).padStart(9)} ${Math.round(N / floor.seconds).toString().padStart(10)}           1.000`);
console.log(`  parse to CSL-JSON             ${ours.seconds.toFixed(3).padStart(9)} ${Math.round(N / ours.seconds).toString().padStart(10)} ${(floor.seconds / ours.seconds).toFixed(3).padStart(15)}`);
console.log(`  with a title: ${ours.out} of ${N}`);
console.log(`  target: ≥ 2,000 refs/s — ${N / ours.seconds >= 2000 ? 'met' : 'missed'}`);
