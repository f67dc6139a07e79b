/**
 * `npm run eval`: quality figures against hand-built fixtures. Prints a table per suite;
 * `--json` prints everything (including the pairs that were missed or wrongly joined);
 * `--verbose` lists them as text. Exit code 1 when a target is missed.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalCitations, evalDetection } from './citations.js';
import { evalEntities } from './entities.js';
import { evalReuse } from './reuse.js';
import { evalDates } from './time.js';
import { evalClaims } from './claims.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%';

const TARGETS = { pairRecall: 0.95, pairPrecision: 0.98, falseFriendMerges: 0 };

const t0 = performance.now();
const r = await evalEntities(join(here, 'fixtures', 'entities'));
const ms = performance.now() - t0;
if (args.has('--json')) {
  console.log(JSON.stringify({ entities: r, targets: TARGETS }, null, 2));
} else {
  console.log(`entities: ${r.docs} fixture documents, ${r.gold} gold mentions, ${r.predicted} predicted (${(ms / 1000).toFixed(1)} s)`);
  console.log(`  mentions, exact span     precision ${pct(r.mention.precision)}  recall ${pct(r.mention.recall)}  F1 ${pct(r.mention.f1)}`);
  console.log(`  mentions, overlapping    precision ${pct(r.mention.overlapPrecision)}  recall ${pct(r.mention.overlapRecall)}`);
  console.log(`  type accuracy (exact matches) ${pct(r.mention.typeAccuracy)}`);
  for (const [t, v] of Object.entries(r.byType)) console.log(`    ${t.padEnd(13)} gold ${String(v.gold).padStart(4)}  precision ${pct(v.precision)}  recall ${pct(v.recall)}`);
  console.log(`  same-person pairs        precision ${pct(r.pairs.precision)}  recall ${pct(r.pairs.recall)}  (recall over detected mentions ${pct(r.pairs.recallDetected)}; ${r.pairs.gold} gold pairs, ${r.pairs.predicted} predicted)   targets: precision ≥ ${pct(TARGETS.pairPrecision)}, recall ≥ ${pct(TARGETS.pairRecall)}`);
  console.log(`  false friends merged     ${r.falseFriends.merged.length} of ${r.falseFriends.pairs} known pairs   target: 0`);
  for (const m of r.falseFriends.merged) console.log(`    ${m.a} + ${m.b} in ${m.entity}`);
  if (args.has('--verbose')) {
    const agg = (xs: string[]) => {
      const m = new Map<string, number>();
      for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
      return [...m].sort((a, b) => b[1] - a[1]);
    };
    console.log('\n  missed pairs (gold id: surface / surface → predicted entities):');
    for (const [k, n] of agg(r.missedPairs.map((p) => `${p.id}: ${p.a} [${p.ea}] / ${p.b} [${p.eb}]`)).slice(0, 60)) console.log(`    ${n}× ${k}`);
    console.log('\n  wrong pairs (predicted entity: surface (gold) / surface (gold)):');
    for (const [k, n] of agg(r.wrongPairs.map((p) => `${p.entity}: ${p.a} (${p.ida}) / ${p.b} (${p.idb})`)).slice(0, 60)) console.log(`    ${n}× ${k}`);
  }
}
const ok = r.pairs.recall >= TARGETS.pairRecall && r.pairs.precision >= TARGETS.pairPrecision && r.falseFriends.merged.length <= TARGETS.falseFriendMerges;
if (!args.has('--json')) console.log(ok ? '\nall entity targets met' : '\nsome entity targets missed');

// ---------------- citations (reference parsing; work in progress for issue 5)
const c = evalCitations(join(here, 'fixtures', 'citations'));
const CITE_TARGET = 0.95;
let citeOk = true;
if (c) {
  citeOk = c.overall.f1 >= CITE_TARGET;
  if (args.has('--json')) console.log(JSON.stringify({ citations: c }, null, 2));
  else {
    console.log(`\ncitations: ${c.refs} hand-parsed references (${Math.round(c.perSecond)} parsed per second here)`);
    console.log(`  fields, all       precision ${pct(c.overall.precision)}  recall ${pct(c.overall.recall)}  F1 ${pct(c.overall.f1)}   target: F1 ≥ ${pct(CITE_TARGET)}`);
    for (const [f, v] of Object.entries(c.byField)) if (v.gold || v.predicted) console.log(`    ${f.padEnd(16)} gold ${String(v.gold).padStart(4)}  precision ${pct(v.precision)}  recall ${pct(v.recall)}  F1 ${pct(v.f1)}`);
    for (const [st, v] of Object.entries(c.byStyle).sort()) console.log(`    style ${st.padEnd(22)} ${String(v.refs).padStart(4)} refs  F1 ${pct(v.f1)}`);
    if (args.has('--verbose')) for (const e of c.errors.slice(0, 80)) console.log(`    ${e.id} ${e.field}: gold ${JSON.stringify(e.gold)} got ${JSON.stringify(e.got)}`);
    console.log(citeOk ? '  citation target met' : '  citation target missed');
  }
  // a held-out set, written after the parser was tuned on the set above and never used for tuning:
  // how well the rules carry to references nobody looked at while writing them
  const h = evalCitations(join(here, 'fixtures', 'citations-holdout'));
  if (h && !args.has('--json')) {
    console.log(`  held-out: ${h.refs} references   precision ${pct(h.overall.precision)}  recall ${pct(h.overall.recall)}  F1 ${pct(h.overall.f1)}   (not a target; measures generalization)`);
    if (args.has('--verbose')) for (const e of h.errors.slice(0, 80)) console.log(`    ${e.id} ${e.field}: gold ${JSON.stringify(e.gold)} got ${JSON.stringify(e.got)}`);
  } else if (h) console.log(JSON.stringify({ citationsHeldOut: h }, null, 2));
}
// citation detection (docs/*.txt with marked spans)
const det = evalDetection(join(here, 'fixtures', 'citations'));
const DETECT_TARGET = 0.98;
if (det) {
  if (!det || det.overlap.recall < DETECT_TARGET) citeOk = false;
  if (args.has('--json')) console.log(JSON.stringify({ citationDetection: det }, null, 2));
  else {
    console.log(`  detection: ${det.docs} documents, ${det.gold} citation spans and ${det.goldMarkers} footnote markers; ${det.predicted} found`);
    console.log(`    citations, exact span   precision ${pct(det.exact.precision)}  recall ${pct(det.exact.recall)}`);
    console.log(`    citations, overlapping  precision ${pct(det.overlap.precision)}  recall ${pct(det.overlap.recall)}   target: recall ≥ ${pct(DETECT_TARGET)}`);
    console.log(`    footnote markers        recall ${pct(det.markers.recall)}`);
    if (args.has('--verbose')) {
      for (const m of det.missed.slice(0, 60)) console.log(`    missed ${m.doc}: ${m.text.slice(0, 120)}`);
      for (const m of det.spurious.slice(0, 30)) console.log(`    spurious ${m.doc}: ${m.text.slice(0, 120)}`);
    }
  }
}

// ---------------- reuse (quotations; work in progress for issue 4)
const REUSE_TARGETS = { familyRecall: 0.95, familyPrecision: 0.95, divergenceAccuracy: 0.9 };
const q = evalReuse(join(here, 'fixtures', 'reuse'));
const reuseOk = q.planted.recall >= REUSE_TARGETS.familyRecall && q.planted.precision >= REUSE_TARGETS.familyPrecision && q.divergence.accuracy >= REUSE_TARGETS.divergenceAccuracy;
if (args.has('--json')) console.log(JSON.stringify({ reuse: q, targets: REUSE_TARGETS }, null, 2));
else {
  console.log(`\nreuse: ${q.planted.docs} planted documents, ${q.planted.families} gold families, ${q.planted.predicted} predicted; ${q.seeds.families} seed families (recall only) (${(q.ms / 1000).toFixed(1)} s)`);
  console.log(`  families (planted)   precision ${pct(q.planted.precision)}  recall ${pct(q.planted.recall)}  (all occurrences found: ${pct(q.planted.fullRecall)}; occurrences ${pct(q.planted.occurrenceRecall)})   targets: ≥ ${pct(REUSE_TARGETS.familyPrecision)} / ≥ ${pct(REUSE_TARGETS.familyRecall)}`);
  console.log(`  families (seeds)     recall ${pct(q.seeds.recall)}  (all occurrences found: ${pct(q.seeds.fullRecall)}; occurrences ${pct(q.seeds.occurrenceRecall)})`);
  console.log(`  divergence classes   accuracy ${pct(q.divergence.accuracy)} of ${q.divergence.gold}   target: ≥ ${pct(REUSE_TARGETS.divergenceAccuracy)}`);
  for (const [c, v] of Object.entries(q.divergence.byClass)) console.log(`    ${c.padEnd(16)} gold ${String(v.gold).padStart(4)}  correct ${pct(v.correct / Math.max(1, v.gold))}`);
  console.log(`  occurrence severity  accuracy ${pct(q.severity.accuracy)} of ${q.severity.occurrences}`);
  if (args.has('--verbose')) for (const e of q.errors.slice(0, 80)) console.log(`    ${e.slice(0, 300)}`);
  console.log(reuseOk ? '  reuse targets met' : '  reuse targets missed');
}
// ---------------- dates, claims and conflicts (issue 6)
const TIME_TARGETS = { normalization: 0.95, conflictRecall: 0.8, conflictPrecision: 0.8 };
const td = evalDates(join(here, 'fixtures', 'time'));
const tc = evalClaims(join(here, 'fixtures', 'claims'));
let timeOk = true;
if (td) {
  timeOk &&= td.normalization >= TIME_TARGETS.normalization;
  if (args.has('--json')) console.log(JSON.stringify({ dates: td }, null, 2));
  else {
    console.log(`\ndates: ${td.passages} passages, ${td.gold} gold date expressions, ${td.predicted} found`);
    console.log(`  detection (overlapping)   precision ${pct(td.detection.precision)}  recall ${pct(td.detection.recall)}  (exact span ${pct(td.detection.exact)})`);
    console.log(`  EDTF normalization        accuracy ${pct(td.normalization)} of the expressions found   target: ≥ ${pct(TIME_TARGETS.normalization)}`);
    console.log(`  end to end (found and right) ${pct(td.endToEnd)}; non-dates taken for dates: ${td.negativesHit} of ${td.negatives}`);
    for (const [f, v] of Object.entries(td.byForm)) console.log(`    ${f.padEnd(12)} gold ${String(v.gold).padStart(4)}  found ${pct(v.found / Math.max(1, v.gold))}  right ${pct(v.correct / Math.max(1, v.found))}`);
    for (const [l, v] of Object.entries(td.byLang)) console.log(`    lang ${l.padEnd(7)} gold ${String(v.gold).padStart(4)}  right ${pct(v.correct / Math.max(1, v.gold))}`);
    if (args.has('--verbose')) {
      for (const e of td.errors.slice(0, 80)) console.log(`    ${e.id} "${e.text}" gold ${e.gold} got ${e.got === undefined ? '(not found)' : e.got}`);
      for (const e of td.spurious.slice(0, 40)) console.log(`    spurious ${e.id} "${e.text}"`);
    }
  }
}
if (tc) {
  timeOk &&= tc.conflict.recall >= TIME_TARGETS.conflictRecall && tc.conflict.precision >= TIME_TARGETS.conflictPrecision;
  if (args.has('--json')) console.log(JSON.stringify({ claims: tc }, null, 2));
  else {
    console.log(`\nclaims: ${tc.docs} sources, ${tc.claims} claims extracted, ${tc.comparisons} comparisons; gold ${tc.gold.pairs} pairs (${tc.gold.conflicts} conflicts) and ${tc.gold.negatives} hard negatives`);
    console.log(`  conflicts   recall ${pct(tc.conflict.recall)}  precision ${pct(tc.conflict.precision)} (over ${tc.conflict.judged} predicted conflicts between judged spans; ${tc.conflict.unjudged} more between spans the gold does not judge)   targets: ≥ ${pct(TIME_TARGETS.conflictRecall)} / ≥ ${pct(TIME_TARGETS.conflictPrecision)}`);
    console.log(`  gold pairs compared ${tc.pairsFound} of ${tc.gold.pairs}; relation right on ${pct(tc.relationAccuracy)} of those; hard negatives compared: ${tc.negativesCompared} of ${tc.gold.negatives}`);
    for (const [p, v] of Object.entries(tc.byPredicate)) console.log(`    ${p.padEnd(12)} gold ${String(v.gold).padStart(4)}  compared ${String(v.found).padStart(3)}  right ${String(v.correct).padStart(3)}`);
    if (args.has('--verbose')) {
      for (const m of tc.missed.slice(0, 80)) console.log(`    missed ${m.id} ${m.relation}${m.got ? ` (got ${m.got})` : ''}: ${m.a} || ${m.b}`);
      for (const w of tc.wrongConflicts.slice(0, 40)) console.log(`    wrong conflict (${w.reason}): ${w.a} || ${w.b}`);
    }
  }
}
// the same measures on the second fixture (written blind, then tuned on) and on the held-out one (written blind, never tuned on):
// the held-out figure is the honest one for sources on topics the rules were not shaped on
for (const [name, label] of [
  ['claims-shakhty-kirov', 'second fixture (Shakhty, Industrial Party, Kirov; written blind, then tuned on)'],
  ['claims-dreyfus-rosenberg', 'third fixture (Dreyfus, Sacco–Vanzetti, Rosenbergs, Doctors\' plot; written blind, held out for two runs, then tuned on)'],
  ['claims-holdout-3', 'fourth fixture (Slánský, Rajk, the Leningrad affair, Scottsboro; written blind, held out for three runs, then tuned on)'],
  ['claims-holdout-4', 'fifth fixture (Beilis, Metro-Vickers, Hiss, Leo Frank; written blind, measured once held out, then tuned on)'],
  ['claims-holdout-5', 'sixth fixture (Sinyavsky–Daniel, Brodsky, the Chicago Seven, Lockerbie; written blind, measured once held out, then tuned on)'],
  ['claims-holdout-6', 'seventh fixture (the Jewish Anti-Fascist Committee, Beria, Kravchenko, Eichmann; written blind, measured three times held out, then tuned on)'],
  ['claims-holdout-7', 'eighth fixture (the Reichstag fire and Leipzig trial, the Doctors\' plot, Imre Nagy, the Ceaușescus; written blind, measured once held out, then tuned on)'],
  ['claims-holdout-8', 'HELD OUT (Sacco and Vanzetti, Milada Horáková, Katyn at Nuremberg, Khodorkovsky; written blind, never tuned on)'],
  ['claims-holdout-9', 'ninth fixture (the Rivonia trial, Novocherkassk 1962, the Haymarket affair, the Tokyo trial; written blind, measured once held out, then tuned on)'],
  ['claims-holdout-10', 'HELD OUT (Bloody Sunday 1905, Kronstadt 1921, the Krasnodar trial, My Lai and the Calley court-martial; written blind, never tuned on)'],
] as const) {
  const r = evalClaims(join(here, 'fixtures', name));
  if (!r) continue;
  if (args.has('--json')) console.log(JSON.stringify({ [name]: r }, null, 2));
  else {
    console.log(`\nclaims, ${label}: ${r.docs} sources, ${r.claims} claims, gold ${r.gold.pairs} pairs (${r.gold.conflicts} conflicts), ${r.gold.negatives} hard negatives`);
    console.log(`  conflicts   recall ${pct(r.conflict.recall)}  precision ${pct(r.conflict.precision)} (over ${r.conflict.judged} judged; ${r.conflict.unjudged} unjudged)   gold pairs compared ${r.pairsFound} of ${r.gold.pairs}, relation right on ${pct(r.relationAccuracy)}; hard negatives compared ${r.negativesCompared}`);
  }
}
if (!args.has('--json')) console.log(timeOk ? '  time and claims targets (main fixtures) met' : '  time and claims targets missed');
process.exitCode = ok && citeOk && reuseOk && timeOk ? 0 : 1;
