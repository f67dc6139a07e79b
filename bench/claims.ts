/**
 * npm run bench:claims [-- --rounds 5]
 *
 * The time-and-claims stage on one core, on the bundled corpus (the five seed texts, 0.76 MB) with
 * its entity mentions computed once beforehand: date detection and normalization, claim
 * extraction (rules, the event lexicon, quantities, roles, existence, attributions) and the
 * comparison of every claim with every other across sources. Beside a floor measured in the same
 * run on the same texts: date detection alone, which every claim needs. Medians over the rounds;
 * the ratio shows what claims cost above finding dates.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareClaims, unifyPersons } from '../src/analyze/claims/compare.js';
import { corpusContext, extractClaims, type ClaimMention } from '../src/analyze/claims/extract.js';
import { analyzeEntities } from '../src/analyze/entities/index.js';
import { findDates } from '../src/analyze/time/dates.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const ROUNDS = Math.max(1, Number(args[args.indexOf('--rounds') + 1] ?? 5) || 5);
const dir = join(ROOT, 'corpus/moscow-trials');
const files = readdirSync(dir).filter((x) => x.endsWith('.txt')).sort();
const docs = files.map((f, i) => {
  const text = readFileSync(join(dir, f), 'utf8');
  return { sourceId: f, versionId: i + 1, text, lang: 'en', passages: [{ key: f, start: 0, end: text.length }] };
});
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const ents = analyzeEntities(docs);
const mentions = new Map<string, ClaimMention[]>(docs.map((d) => [d.sourceId, ents.mentions.filter((m) => m.sourceId === d.sourceId && m.entity).map((m) => ({ start: m.start, end: m.end, entity: m.entity!, type: m.type, name: m.text }))]));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function rounds(fn: () => number): { ms: number; out: number } {
  fn(); // warm-up
  const ts: number[] = [];
  let out = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    out = fn();
    ts.push(performance.now() - t0);
  }
  return { ms: median(ts), out };
}

const floor = rounds(() => docs.reduce((n, d) => n + findDates(d.text).length, 0));
const stage = rounds(() => {
  const prepared = docs.map((d) => ({ id: d.sourceId, text: d.text, dates: findDates(d.text), mentions: mentions.get(d.sourceId)! }));
  const ctx = corpusContext(prepared);
  const claims = unifyPersons(prepared.flatMap((p) => extractClaims({ sourceId: p.id, text: p.text }, p.mentions, p.dates, ctx)));
  return claims.length * 1_000_000 + compareClaims(claims).length;
});
const mbps = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
console.log(`\ntime and claims, ${docs.length} texts (${(bytes / 1e6).toFixed(2)} MB), median of ${ROUNDS} rounds, one core`);
console.log('  stage                                  ms      MB/s   × floor time');
console.log(`  dates alone (floor)             ${floor.ms.toFixed(0).padStart(8)} ${mbps(floor.ms).padStart(9)}          1.00`);
console.log(`  dates, claims and comparisons   ${stage.ms.toFixed(0).padStart(8)} ${mbps(stage.ms).padStart(9)} ${(stage.ms / floor.ms).toFixed(2).padStart(13)}`);
console.log(`  ${Math.floor(stage.out / 1_000_000)} claims, ${stage.out % 1_000_000} comparisons`);
