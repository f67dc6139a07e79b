/**
 * npm run bench:entities [-- --mb 100 --rounds 1]
 *
 * Entity analysis on the generated benchmark corpus (bench/generate.ts), beside a floor
 * measured in the same run on the same clean texts: a plain Unicode word tokenizer.
 *   - pure:  analyzeEntities on the loaded documents (mention detection in two passes,
 *            clustering with evidence): the figure the target (≥ 2 MB/s, one core) is about;
 *   - full:  the stage as `inquiry analyze` runs it: load from SQLite, analyze, map spans to
 *            raw offsets, store every mention and entity, replay the curation log.
 * Each runs in its own process; MB/s are MB (10^6 bytes, UTF-8) of clean text per second.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, DATA, ensureCorpus, log, opt, ROOT } from './common.js';
import { corpusSidecars } from './generate.js';

const MBS = Number(opt('mb', '100'));
const ROUNDS = Number(opt('rounds', '1'));
const CORPUS = corpusDir(MBS);
const DB = join(DATA, `bench-entities-${MBS}mb.sqlite`);

function child(mode: string): Record<string, number> {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/entities-child.mjs'), DB, mode], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`entities-child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

function main() {
  if (!existsSync(join(ROOT, 'dist/analyze/entities/index.js'))) throw new Error('build first: npm run build');
  mkdirSync(DATA, { recursive: true });
  ensureCorpus(CORPUS, MBS);
  const { metaPath } = corpusSidecars(CORPUS);
  const stamp = `${DB}.stamp`;
  const want = readFileSync(metaPath, 'utf8');
  if (!existsSync(DB) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    log(`ingesting ${CORPUS} (no analysis) into ${DB} …`);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/inquiry.js'), 'ingest', CORPUS, '--db', DB, '--no-analyze', '--no-progress', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
    writeFileSync(stamp, want);
  }
  const runs: Record<string, Array<Record<string, number>>> = { tokenize: [], pure: [], full: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const mode of ['tokenize', 'pure', 'full']) {
      log(`${mode} (round ${i + 1}/${ROUNDS}) …`);
      runs[mode]!.push(child(mode));
    }
  }
  const best = (mode: string) => runs[mode]!.reduce((a, b) => (b.seconds! < a.seconds! ? b : a));
  const tok = best('tokenize');
  const pure = best('pure');
  const full = best('full');
  const mb = (pure.bytes ?? 0) / 1e6;
  const rate = (s: number) => mb / s;
  const rows = [
    ['tokenize only (floor)', tok.seconds!, rate(tok.seconds!), tok.peakRssMb!, 1],
    ['entity analysis (pure, one core)', pure.seconds!, rate(pure.seconds!), pure.peakRssMb!, tok.seconds! / pure.seconds!],
    ['entity analysis (full stage, with store)', full.seconds!, rate(full.seconds!), full.peakRssMb!, tok.seconds! / full.seconds!],
  ] as const;
  console.log(`\nentity analysis on ${mb.toFixed(1)} MB of clean text (${MBS} MB corpus), best of ${ROUNDS}: ${pure.mentions} mentions, ${pure.entities} entities`);
  console.log('  stage                                        seconds     MB/s   peak RSS MB   × floor speed');
  for (const [name, s, r, rss, ratio] of rows) console.log(`  ${name.padEnd(44)} ${s.toFixed(2).padStart(7)} ${r.toFixed(2).padStart(8)} ${rss.toFixed(0).padStart(13)} ${ratio.toFixed(3).padStart(15)}`);
  console.log(`  target: pure ≥ 2 MB/s — ${rate(pure.seconds!) >= 2 ? 'met' : 'missed'}`);
  writeFileSync(join(DATA, 'entities-results.json'), JSON.stringify({ mb: MBS, runs }, null, 2));
}

main();
