/**
 * Claims and conflicts evaluated against eval/fixtures/claims: 14 sources (seed excerpts and written
 * texts, English and Russian, several perspectives) run through the same analyses as a real corpus
 * (entities, dates, citations excluded, claims, comparison). Gold: claim pairs that agree, partly
 * agree or conflict, and hard negatives that must not be compared.
 *
 * A gold pair is found when a comparison joins a claim overlapping its side a with one overlapping
 * its side b. Conflict recall: gold conflicts found as conflicts. Conflict precision: of the
 * predicted conflicts between judged spans (both sides inside one gold pair or hard negative), the
 * share that the gold calls conflicts; predicted conflicts between spans nobody judged are counted
 * apart (the gold is not exhaustive).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCitations } from '../src/analyze/citations/detect.js';
import { compareClaims, unifyPersons, type Comparison } from '../src/analyze/claims/compare.js';
import { corpusContext, extractClaims, type Claim, type ExtractOptions } from '../src/analyze/claims/extract.js';
import { analyzeEntities } from '../src/analyze/entities/index.js';
import { findDates } from '../src/analyze/time/dates.js';
import { nth } from './time.js';

interface Side {
  file: string;
  text: string;
  occurrence: number;
}
interface GoldPair {
  id: string;
  a: Side;
  b: Side;
  subject: string;
  predicate: string;
  relation: 'agree' | 'partial' | 'conflict' | 'unrelated';
}

export interface ClaimEvalResult {
  docs: number;
  claims: number;
  comparisons: number;
  gold: { pairs: number; conflicts: number; negatives: number };
  pairsFound: number;
  relationAccuracy: number;
  conflict: { recall: number; precision: number; predicted: number; judged: number; unjudged: number };
  negativesCompared: number;
  byPredicate: Record<string, { gold: number; found: number; correct: number }>;
  missed: Array<{ id: string; relation: string; a: string; b: string; got?: string }>;
  wrongConflicts: Array<{ a: string; b: string; reason: string }>;
}


export interface AnalyzedCorpus {
  files: string[];
  texts: Map<string, string>;
  claims: Claim[];
  comps: Comparison[];
  context: ExtractOptions;
}

export function analyzeFixture(dir: string): AnalyzedCorpus | null {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Array<{ file: string; lang: string }>;
  const texts = new Map<string, string>();
  for (const m of manifest) texts.set(m.file, readFileSync(join(dir, 'docs', m.file), 'utf8'));
  const docs = manifest.map((m, i) => ({ sourceId: m.file, versionId: i + 1, text: texts.get(m.file)!, lang: m.lang, passages: [{ key: `${m.file}:0`, start: 0, end: texts.get(m.file)!.length }] }));
  const ents = analyzeEntities(docs);
  const names = new Map(ents.entities.map((e) => [e.key, e.name]));
  const prepared = docs.map((d) => {
    const exclude = findCitations(d.text).filter((c) => c.kind === 'reference-line').map((c) => [c.start, c.end] as [number, number]);
    const dates = findDates(d.text, 0, d.text.length, { exclude });
    const mentions = ents.mentions.filter((m) => m.sourceId === d.sourceId).map((m) => ({ start: m.start, end: m.end, entity: m.entity, type: m.type, name: names.get(m.entity) ?? m.text }));
    return { d, exclude, dates, mentions, text: d.text };
  });
  const context = corpusContext(prepared);
  const claims: Claim[] = [];
  for (const p of prepared) claims.push(...extractClaims({ sourceId: p.d.sourceId, text: p.d.text, lang: p.d.lang, exclude: p.exclude }, p.mentions, p.dates, context));
  const unified = unifyPersons(claims);
  return { files: manifest.map((m) => m.file), texts, claims: unified, comps: compareClaims(unified), context };
}

export function evalClaims(dir: string): ClaimEvalResult | null {
  const corpus = analyzeFixture(dir);
  if (!corpus) return null;
  const { texts, claims, comps } = corpus;
  const load = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldPair) : []);
  const pairs = load('pairs.jsonl');
  const negatives = load('non_pairs.jsonl');
  const span = (s: Side) => {
    const at = nth(texts.get(s.file) ?? '', s.text, s.occurrence);
    return { file: s.file, start: at, end: at + s.text.length };
  };
  const hits = (c: Claim, s: { file: string; start: number; end: number }) => c.sourceId === s.file && c.start < s.end && s.start < c.end;
  const joined = (p: GoldPair) => {
    const a = span(p.a);
    const b = span(p.b);
    return comps.filter((c) => {
      const x = claims[c.a]!;
      const y = claims[c.b]!;
      return (hits(x, a) && hits(y, b)) || (hits(x, b) && hits(y, a));
    });
  };
  const r: ClaimEvalResult = {
    docs: corpus.files.length,
    claims: claims.length,
    comparisons: comps.length,
    gold: { pairs: pairs.length, conflicts: pairs.filter((p) => p.relation === 'conflict').length, negatives: negatives.length },
    pairsFound: 0,
    relationAccuracy: 0,
    conflict: { recall: 0, precision: 0, predicted: 0, judged: 0, unjudged: 0 },
    negativesCompared: 0,
    byPredicate: {},
    missed: [],
    wrongConflicts: [],
  };
  let correct = 0;
  let conflictsFound = 0;
  for (const p of pairs) {
    const bp = (r.byPredicate[p.predicate] ??= { gold: 0, found: 0, correct: 0 });
    bp.gold++;
    const js = joined(p);
    if (!js.length) {
      r.missed.push({ id: p.id, relation: p.relation, a: p.a.text.slice(0, 80), b: p.b.text.slice(0, 80) });
      continue;
    }
    r.pairsFound++;
    bp.found++;
    // the comparison that says most: a conflict if there is one, else the first
    const rel = js.some((c) => c.relation === p.relation) ? p.relation : js[0]!.relation;
    if (rel === p.relation) {
      correct++;
      bp.correct++;
    } else r.missed.push({ id: p.id, relation: p.relation, a: p.a.text.slice(0, 80), b: p.b.text.slice(0, 80), got: js.map((c) => c.relation).join(',') });
    if (p.relation === 'conflict' && js.some((c) => c.relation === 'conflict')) conflictsFound++;
  }
  for (const n of negatives) if (joined(n).length) r.negativesCompared++;
  // precision of predicted conflicts over judged spans
  const judged = [...pairs, ...negatives].map((p) => ({ p, a: span(p.a), b: span(p.b) }));
  for (const c of comps) {
    if (c.relation !== 'conflict') continue;
    r.conflict.predicted++;
    const x = claims[c.a]!;
    const y = claims[c.b]!;
    const g = judged.filter((j) => (hits(x, j.a) && hits(y, j.b)) || (hits(x, j.b) && hits(y, j.a)));
    if (!g.length) {
      r.conflict.unjudged++;
      continue;
    }
    r.conflict.judged++;
    if (g.some((j) => j.p.relation === 'conflict')) r.conflict.precision++;
    else r.wrongConflicts.push({ a: x.text.slice(0, 80), b: y.text.slice(0, 80), reason: c.reason });
  }
  r.conflict.precision = r.conflict.judged ? r.conflict.precision / r.conflict.judged : 1;
  r.conflict.recall = r.gold.conflicts ? conflictsFound / r.gold.conflicts : 1;
  r.relationAccuracy = r.pairsFound ? correct / r.pairsFound : 0;
  return r;
}
