/**
 * `npm run bench:reuse [-- --mb 100]`: reuse detection on the generated benchmark corpus, with
 * wall time and peak RSS, beside two baselines measured in the same run on the same files:
 * tokenizing only, and `sim_text` from Debian's similarity-tester (shared runs between files,
 * no alignment or classification), when it is installed. Span recall: the share of the
 * characters the generator copied (its provenance record) that lie inside a detected occurrence.
 * Targets: at most 3× sim_text's wall time, at most 2 GB peak RSS, span recall ≥ 0.9.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusSidecars } from './generate.js';
import { corpusDir, DATA, ensureCorpus, log, opt, ROOT } from './common.js';

const mb = Number(opt('mb', '100'));
const dir = corpusDir(mb);
ensureCorpus(dir, mb);
const spansFile = join(DATA, `reuse-spans-${mb}.json`);

const child = (mode: string) => {
  log(`${mode} …`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', join(ROOT, 'bench/reuse-child.mjs'), dir, mode, spansFile], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; bytes: number; peakRssMb: number; families?: number; occurrences?: number; stats?: Record<string, number> };
};

const tok = child('tokenize');
// sim_text: shared runs of at least 15 words (-r 15) between all files; peak RSS through /usr/bin/time when present
let sim: { seconds: number; peakRssMb: number | null } | null = null;
const which = spawnSync('sh', ['-c', 'command -v sim_text'], { encoding: 'utf8' });
if (which.status === 0) {
  log('sim_text …');
  const files = spawnSync('sh', ['-c', `ls ${dir}/*.txt`], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim().split('\n');
  const hasTime = spawnSync('sh', ['-c', 'test -x /usr/bin/time']).status === 0;
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', which.stdout.trim(), '-r', '15', '-p', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(which.stdout.trim(), ['-r', '15', '-p', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  sim = { seconds, peakRssMb: Number.isFinite(kb) ? kb / 1024 : null };
} else log('sim_text is not installed (apt install similarity-tester): that baseline is skipped');
const det = child('detect');

// span recall against the generator's record
const { provenancePath } = corpusSidecars(dir);
const spans = JSON.parse(readFileSync(spansFile, 'utf8')) as Record<string, Array<[number, number]>>;
const merged = new Map<string, Array<[number, number]>>();
for (const [f, l] of Object.entries(spans)) {
  l.sort((a, b) => a[0] - b[0]);
  const m: Array<[number, number]> = [];
  for (const s of l) {
    const last = m[m.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else m.push([s[0], s[1]]);
  }
  merged.set(f, m);
}
let copied = 0;
let covered = 0;
for (const line of readFileSync(provenancePath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const p = JSON.parse(line) as { file: string; start: number; end: number };
  copied += p.end - p.start;
  for (const [a, b] of merged.get(p.file) ?? []) {
    if (b <= p.start) continue;
    if (a >= p.end) break;
    covered += Math.min(b, p.end) - Math.max(a, p.start);
  }
}
const recall = covered / Math.max(1, copied);
const MBs = det.bytes / 1e6;
const row = (name: string, s: number, rss: number | null, base: number) => `  ${name.padEnd(44)} ${s.toFixed(2).padStart(8)} ${(MBs / s).toFixed(2).padStart(8)} ${(rss === null ? '—' : rss.toFixed(0)).padStart(12)} ${(s / base).toFixed(2).padStart(10)}`;
console.log(`\nreuse detection on ${MBs.toFixed(1)} MB (${mb} MB corpus): ${det.families} families, ${det.occurrences} occurrences`);
console.log(`  ${'stage'.padEnd(44)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'× sim_text'.padStart(10)}`);
const base = sim?.seconds ?? tok.seconds;
console.log(row('tokenize only (floor)', tok.seconds, tok.peakRssMb, base));
if (sim) console.log(row('sim_text -r 15 (similarity-tester)', sim.seconds, sim.peakRssMb, base));
console.log(row('inquiry reuse detection (one core)', det.seconds, det.peakRssMb, base));
console.log(`  phases (ms): ${JSON.stringify(det.stats)}`);
console.log(`  span recall against the generator's record: ${(recall * 100).toFixed(1)}% of ${copied} copied characters`);
const okTime = sim ? det.seconds <= 3 * sim.seconds : null;
console.log(`  targets: ≤ 3× sim_text wall time — ${okTime === null ? 'not measured (no sim_text)' : okTime ? 'met' : 'missed'}; ≤ 2 GB peak RSS — ${det.peakRssMb <= 2048 ? 'met' : 'missed'}; span recall ≥ 0.9 — ${recall >= 0.9 ? 'met' : 'missed'}`);
