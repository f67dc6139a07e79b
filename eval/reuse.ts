/**
 * Reuse eval against eval/fixtures/reuse (see its README): the planted documents are
 * annotated exhaustively (family precision and recall, divergence classes, severity); the
 * seeds only for recall. An occurrence is found when a predicted occurrence covers at least
 * half of it; a gold family is recalled when one predicted family finds two or more of its
 * occurrences, and fully recalled when it finds all of them. A predicted family is correct
 * when at least two of its occurrences find occurrences of one gold family and none of them
 * lies outside every gold occurrence. A gold divergence is classified correctly when a
 * predicted divergence of the same class overlaps it (on the copy side; on the base side for
 * omissions and truncations) in a matched occurrence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectReuse, type FamilyResult, type ReuseDoc } from '../src/analyze/reuse/detect.js';

interface GoldDiv {
  class: string;
  base: string;
  copy: string;
  severity: string;
}
interface GoldOcc {
  doc: string;
  text: string;
  nth?: number;
  base?: boolean;
  severity?: string;
  divergences?: GoldDiv[];
}
interface GoldFamily {
  id: string;
  kind: string;
  occurrences: GoldOcc[];
}

interface Located {
  fam: number;
  occ: GoldOcc;
  doc: number;
  start: number;
  end: number;
}

export interface ReuseEval {
  planted: { docs: number; families: number; predicted: number; recall: number; fullRecall: number; precision: number; occurrenceRecall: number };
  seeds: { families: number; recall: number; fullRecall: number; occurrenceRecall: number };
  divergence: { gold: number; accuracy: number; byClass: Record<string, { gold: number; correct: number }> };
  severity: { occurrences: number; accuracy: number };
  errors: string[];
  ms: number;
}

function locate(text: string, o: GoldOcc): number {
  let at = -1;
  for (let k = 0; k <= (o.nth ?? 0); k++) {
    at = text.indexOf(o.text, at + 1);
    if (at < 0) break;
  }
  return at;
}

function load(dir: string, file: string, names: string[], texts: string[]): { fams: GoldFamily[]; located: Located[]; errors: string[] } {
  const fams = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { families: GoldFamily[] }).families;
  const located: Located[] = [];
  const errors: string[] = [];
  fams.forEach((f, fi) => {
    for (const o of f.occurrences) {
      const d = names.indexOf(o.doc);
      const at = d >= 0 ? locate(texts[d]!, o) : -1;
      if (at < 0) errors.push(`${file}: ${f.id}: text not found in ${o.doc}`);
      else located.push({ fam: fi, occ: o, doc: d, start: at, end: at + o.text.length });
    }
  });
  return { fams, located, errors };
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** for each gold occurrence, the predicted (family, occurrence) covering at least half of it */
function match(located: Located[], families: FamilyResult[]): Array<{ f: number; o: number } | null> {
  return located.map((g) => {
    // the predicted occurrence covering at least half of it that fits it best (overlap over union:
    // a long repeated section that contains the passage is not the passage's own family)
    let best: { f: number; o: number; ov: number } | null = null;
    families.forEach((f, fi) =>
      f.occurrences.forEach((o, oi) => {
        if (o.doc !== g.doc) return;
        const ov = overlap(g.start, g.end, o.start, o.end);
        const jac = ov / (Math.max(g.end, o.end) - Math.min(g.start, o.start));
        if (ov >= 0.5 * (g.end - g.start) && (!best || jac > best.ov)) best = { f: fi, o: oi, ov: jac };
      }),
    );
    return best ? { f: (best as { f: number }).f, o: (best as { o: number }).o } : null;
  });
}

function familyRecall(fams: GoldFamily[], located: Located[], m: Array<{ f: number; o: number } | null>, errors: string[] = [], label = '') {
  let rec = 0;
  let full = 0;
  let occFound = 0;
  fams.forEach((_, fi) => {
    const idx = located.map((g, i) => (g.fam === fi ? i : -1)).filter((i) => i >= 0);
    const byPred = new Map<number, number>();
    for (const i of idx) {
      if (m[i]) {
        occFound++;
        byPred.set(m[i]!.f, (byPred.get(m[i]!.f) ?? 0) + 1);
      }
    }
    const top = Math.max(0, ...byPred.values());
    if (top >= 2) rec++;
    if (top === idx.length && idx.length >= 2) full++;
    else errors.push(`${label} family ${fams[fi]!.id}${top >= 2 ? ' (partly)' : ' MISSED'}: ${idx.map((i) => `${located[i]!.occ.doc}@${located[i]!.start}→${m[i] ? 'F' + m[i]!.f : '∅'}`).join(', ')}`);
  });
  return { recall: rec / Math.max(1, fams.length), fullRecall: full / Math.max(1, fams.length), occurrenceRecall: occFound / Math.max(1, located.length) };
}

export function evalReuse(dir: string): ReuseEval {
  const t0 = performance.now();
  const errors: string[] = [];
  // ---------------- planted (exhaustive)
  const plantedNames = JSON.parse(readFileSync(join(dir, 'planted.json'), 'utf8')).families.flatMap((f: GoldFamily) => f.occurrences.map((o) => o.doc));
  const names = [...new Set<string>(plantedNames)].sort();
  const allPlanted = readdirNames(join(dir, 'planted'));
  for (const n of allPlanted) if (!names.includes(n)) names.push(n);
  const texts = names.map((n) => readFileSync(join(dir, 'planted', n), 'utf8'));
  const docs: ReuseDoc[] = names.map((n, i) => ({ id: n, text: texts[i]! }));
  const res = detectReuse(docs);
  const P = load(dir, 'planted.json', names, texts);
  errors.push(...P.errors);
  const m = match(P.located, res.families);
  const rec = familyRecall(P.fams, P.located, m, errors, 'planted');
  // precision over predicted families
  let correct = 0;
  res.families.forEach((f) => {
    const golds = f.occurrences.map((o) => {
      const g = P.located.findIndex((x) => x.doc === o.doc && overlap(x.start, x.end, o.start, o.end) >= 0.5 * Math.min(x.end - x.start, o.end - o.start));
      return g >= 0 ? P.located[g]!.fam : -1;
    });
    const counts = new Map<number, number>();
    for (const g of golds) if (g >= 0) counts.set(g, (counts.get(g) ?? 0) + 1);
    const top = Math.max(0, ...counts.values());
    if (top >= 2 && !golds.includes(-1)) correct++;
    else errors.push(`planted: predicted family not in the gold: ${f.occurrences.map((o) => `${names[o.doc]}@${o.start}-${o.end} "${texts[o.doc]!.slice(o.start, Math.min(o.end, o.start + 60))}…"`).join(' | ')}`);
  });
  // divergences and severity in matched occurrences
  const byClass: Record<string, { gold: number; correct: number }> = {};
  let divGold = 0;
  let divOk = 0;
  let sevN = 0;
  let sevOk = 0;
  P.located.forEach((g, i) => {
    if (g.occ.base || !m[i]) return;
    const fam = res.families[m[i]!.f]!;
    const occ = fam.occurrences[m[i]!.o]!;
    // the predicted base must be the gold base's text for the classes to be comparable
    const goldBase = P.located.find((x) => x.fam === g.fam && x.occ.base);
    const predBase = fam.occurrences[fam.base]!;
    const sameBase = goldBase && predBase.doc === goldBase.doc && overlap(goldBase.start, goldBase.end, predBase.start, predBase.end) > 0;
    sevN++;
    if ((occ.severity === 'meaning' ? 'meaning' : 'cosmetic') === (g.occ.severity ?? 'cosmetic')) sevOk++;
    else
      errors.push(
        `severity: ${g.occ.doc}@${g.start} gold ${g.occ.severity ?? 'cosmetic'} (${(g.occ.divergences ?? []).filter((d) => d.severity === 'meaning').map((d) => `${d.class} "${d.base}"→"${d.copy}"`).join('; ')}), predicted ${occ.severity} (${occ.divergences.filter((d) => d.severity === 'meaning').map((d) => `${d.class}/${d.why} "${d.base.text}"→"${d.copy.text}"`).join('; ')})`,
      );
    for (const d of g.occ.divergences ?? []) {
      const c = (byClass[d.class] ??= { gold: 0, correct: 0 });
      c.gold++;
      divGold++;
      if (!sameBase) {
        errors.push(`divergence not compared (${d.class}) in ${g.occ.doc}: the predicted base is ${names[predBase.doc]}@${predBase.start}, the gold base ${goldBase?.occ.doc}@${goldBase?.start}`);
        continue;
      }
      // gold spans: the copy text inside the occurrence, the base text inside the base
      const cAt = d.copy ? texts[g.doc]!.indexOf(d.copy, g.start) : -1;
      const bAt = d.base && goldBase ? texts[goldBase.doc]!.indexOf(d.base, goldBase.start) : -1;
      const hit = occ.divergences.some((p) => {
        if (p.class !== d.class) return false;
        if (cAt >= 0 && cAt < g.end && overlap(cAt, cAt + d.copy.length, p.copy.start, p.copy.end) > 0) return true;
        if (bAt >= 0 && overlap(bAt, bAt + d.base.length, p.base.start, p.base.end) > 0) return true;
        return false;
      });
      if (hit) {
        c.correct++;
        divOk++;
      } else errors.push(`divergence missed (${d.class}) in ${g.occ.doc}: "${d.base}" → "${d.copy}"; predicted: ${occ.divergences.map((p) => `${p.class} "${p.base.text}"→"${p.copy.text}"`).join('; ')}`);
    }
  });
  // ---------------- seeds (recall only)
  const seedDir = join(dir, '..', '..', '..', 'corpus', 'moscow-trials');
  const seedNames = readdirNames(seedDir).filter((n) => n.endsWith('.txt'));
  const seedTexts = seedNames.map((n) => readFileSync(join(seedDir, n), 'utf8'));
  const sres = detectReuse(seedNames.map((n, i) => ({ id: n, text: seedTexts[i]! })));
  const S = load(dir, 'seeds.json', seedNames, seedTexts);
  errors.push(...S.errors);
  const sm = match(S.located, sres.families);
  const srec = familyRecall(S.fams, S.located, sm, errors, 'seeds');
  return {
    planted: { docs: names.length, families: P.fams.length, predicted: res.families.length, recall: rec.recall, fullRecall: rec.fullRecall, precision: correct / Math.max(1, res.families.length), occurrenceRecall: rec.occurrenceRecall },
    seeds: { families: S.fams.length, recall: srec.recall, fullRecall: srec.fullRecall, occurrenceRecall: srec.occurrenceRecall },
    divergence: { gold: divGold, accuracy: divOk / Math.max(1, divGold), byClass },
    severity: { occurrences: sevN, accuracy: sevOk / Math.max(1, sevN) },
    errors,
    ms: performance.now() - t0,
  };
}

import { readdirSync } from 'node:fs';
function readdirNames(d: string): string[] {
  return readdirSync(d).sort();
}
