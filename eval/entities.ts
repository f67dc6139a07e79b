/**
 * Entity evaluation against the hand-annotated fixtures in eval/fixtures/entities/.
 *
 * Each fixture file is a text with ⟦surface|type|entity-id⟧ annotations. The texts go
 * through the real pipeline (ingest → clean → segment → entity analysis) in an in-memory
 * store; predicted mentions are compared with the gold ones in raw-text coordinates.
 *
 * Printed: mention precision/recall (exact span; and overlap), type accuracy, same-person
 * pair precision/recall (pairs of gold person mentions with the same id), and merges of
 * known false friends (eval/fixtures/entities/false-friends.json).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ops } from '../src/ops/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

export interface GoldMention {
  doc: string;
  start: number;
  end: number;
  text: string;
  type: string;
  id: string;
}

export interface Fixture {
  id: string;
  text: string;
  mentions: GoldMention[];
}

const OPEN = '\u27e6';
const CLOSE = '\u27e7';

/** strip ⟦surface|type|id⟧ markup; gold spans in the stripped text */
export function parseFixture(name: string, content: string): Fixture {
  let body = content;
  let id = name.replace(/\.txt$/, '');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (fm) {
    const m = /^id:\s*(.+)$/m.exec(fm[1] as string);
    if (m) id = (m[1] as string).trim();
    body = body.slice(fm[0].length);
  }
  let text = '';
  const mentions: GoldMention[] = [];
  let i = 0;
  while (i < body.length) {
    const o = body.indexOf(OPEN, i);
    if (o < 0) {
      text += body.slice(i);
      break;
    }
    text += body.slice(i, o);
    const c = body.indexOf(CLOSE, o);
    if (c < 0) throw new Error(`${name}: unclosed ${OPEN} at ${o}`);
    const parts = body.slice(o + 1, c).split('|');
    if (parts.length !== 3) throw new Error(`${name}: annotation at ${o} needs surface|type|id`);
    const [surface, type, eid] = parts as [string, string, string];
    mentions.push({ doc: id, start: text.length, end: text.length + surface.length, text: surface, type, id: eid });
    text += surface;
    i = c + 1;
  }
  return { id, text, mentions };
}

export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseFixture(f, readFileSync(join(dir, f), 'utf8')));
}

export interface EntityEvalResult {
  docs: number;
  gold: number;
  predicted: number;
  mention: { precision: number; recall: number; f1: number; overlapPrecision: number; overlapRecall: number; typeAccuracy: number };
  byType: Record<string, { gold: number; found: number; precision: number; recall: number }>;
  pairs: { gold: number; predicted: number; correct: number; precision: number; recall: number; recallDetected: number };
  falseFriends: { pairs: number; merged: Array<{ a: string; b: string; entity: string }> };
  missedPairs: Array<{ id: string; a: string; b: string; ea: string | null; eb: string | null }>;
  wrongPairs: Array<{ entity: string; a: string; ida: string; b: string; idb: string }>;
}

interface Pred {
  doc: string;
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string;
}

export async function evalEntities(dir: string): Promise<EntityEvalResult> {
  const fixtures = loadFixtures(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'inquiry-eval-'));
  const store = openSqliteStore(':memory:');
  try {
    for (const f of fixtures) writeFileSync(join(tmp, `${f.id}.txt`), f.text);
    const summary = await ops.ingest(store, [tmp], { cwd: tmp, workers: false });
    if (summary.errors.length) throw new Error(`fixture ingest failed: ${summary.errors.map((e) => e.message).join('; ')}`);
    await ops.analyze(store);
    const sources = await store.listSources();
    const docOfSource = new Map(sources.map((s) => [s.id, s.fileName.replace(/\.txt$/, '')]));
    const preds: Pred[] = [];
    for await (const m of store.entities.iterateMentions()) {
      preds.push({ doc: docOfSource.get(m.sourceId) ?? m.sourceId, start: m.rawStart, end: m.rawEnd, text: m.text, type: m.type, entity: m.entity as string });
    }
    const gold = fixtures.flatMap((f) => f.mentions);
    return score(gold, preds, JSON.parse(readFileSync(join(dir, 'false-friends.json'), 'utf8')));
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export function score(gold: GoldMention[], preds: Pred[], falseFriends: Array<{ a: string; b: string }>): EntityEvalResult {
  const predByDoc = new Map<string, Pred[]>();
  for (const p of preds) {
    let l = predByDoc.get(p.doc);
    if (!l) predByDoc.set(p.doc, (l = []));
    l.push(p);
  }
  const exactKey = (d: string, s: number, e: number) => `${d}:${s}:${e}`;
  const predExact = new Map(preds.map((p) => [exactKey(p.doc, p.start, p.end), p]));
  let exact = 0;
  let typeOk = 0;
  let overlapGold = 0;
  const overlapPred = new Set<Pred>();
  const match = new Map<GoldMention, Pred>();
  const types = ['person', 'organization', 'place', 'trial'];
  const byType: EntityEvalResult['byType'] = {};
  for (const t of types) byType[t] = { gold: 0, found: 0, precision: 0, recall: 0 };
  for (const g of gold) {
    byType[g.type] && byType[g.type]!.gold++;
    const p = predExact.get(exactKey(g.doc, g.start, g.end));
    if (p) {
      exact++;
      if (p.type === g.type) {
        typeOk++;
        byType[g.type] && byType[g.type]!.found++;
      }
      match.set(g, p);
    }
    const ov = (predByDoc.get(g.doc) ?? []).filter((q) => q.start < g.end && g.start < q.end);
    if (ov.length) {
      overlapGold++;
      for (const q of ov) overlapPred.add(q);
      if (!match.has(g)) {
        // for pairs: the overlapping prediction with the largest overlap
        ov.sort((a, b) => Math.min(b.end, g.end) - Math.max(b.start, g.start) - (Math.min(a.end, g.end) - Math.max(a.start, g.start)));
        match.set(g, ov[0]!);
      }
    }
  }
  for (const t of types) {
    const predN = preds.filter((p) => p.type === t).length;
    byType[t]!.precision = ratio(byType[t]!.found, predN);
    byType[t]!.recall = ratio(byType[t]!.found, byType[t]!.gold);
  }
  const precision = ratio(exact, preds.length);
  const recall = ratio(exact, gold.length);
  // same-person pairs over gold person mentions with a known id
  const persons = gold.filter((g) => g.type === 'person' && g.id !== '?');
  let goldPairs = 0;
  let correct = 0;
  let predPairs = 0;
  let goldPairsDetected = 0;
  const missed: EntityEvalResult['missedPairs'] = [];
  const wrong: EntityEvalResult['wrongPairs'] = [];
  for (let i = 0; i < persons.length; i++) {
    const a = persons[i]!;
    const pa = match.get(a);
    for (let j = i + 1; j < persons.length; j++) {
      const b = persons[j]!;
      const pb = match.get(b);
      const same = a.id === b.id;
      // an entity flagged ambiguous (key ending ":?") claims no identity: its mentions are not pairs
      const predSame = !!pa && !!pb && pa.entity === pb.entity && pa !== pb && !pa.entity.endsWith(':?');
      if (same) {
        goldPairs++;
        if (pa && pb) goldPairsDetected++;
        if (predSame) correct++;
        else missed.push({ id: a.id, a: a.text, b: b.text, ea: pa?.entity ?? null, eb: pb?.entity ?? null });
      }
      if (predSame) {
        predPairs++;
        if (!same) wrong.push({ entity: pa!.entity, a: a.text, ida: a.id, b: b.text, idb: b.id });
      }
    }
  }
  // false friends: a predicted entity holding mentions of both
  const entitiesOf = new Map<string, Set<string>>();
  for (const g of gold) {
    const p = match.get(g);
    if (!p || p.entity.endsWith(':?')) continue;
    let s = entitiesOf.get(g.id);
    if (!s) entitiesOf.set(g.id, (s = new Set()));
    s.add(p.entity);
  }
  const merged: EntityEvalResult['falseFriends']['merged'] = [];
  for (const ff of falseFriends) {
    const ea = entitiesOf.get(ff.a);
    const eb = entitiesOf.get(ff.b);
    if (!ea || !eb) continue;
    for (const e of ea) if (eb.has(e)) merged.push({ a: ff.a, b: ff.b, entity: e });
  }
  return {
    docs: new Set(gold.map((g) => g.doc)).size,
    gold: gold.length,
    predicted: preds.length,
    mention: {
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      overlapPrecision: ratio(overlapPred.size, preds.length),
      overlapRecall: ratio(overlapGold, gold.length),
      typeAccuracy: ratio(typeOk, exact),
    },
    byType,
    pairs: { gold: goldPairs, predicted: predPairs, correct, precision: ratio(correct, predPairs), recall: ratio(correct, goldPairs), recallDetected: ratio(correct, goldPairsDetected) },
    falseFriends: { pairs: falseFriends.length, merged },
    missedPairs: missed,
    wrongPairs: wrong,
  };
}
