/**
 * Reuse through the product: a small corpus ingested and analysed, families stored with exact
 * clean and raw spans, `inquiry reuse` / `inquiry quote` (ops, CLI, HTTP with JSON twins),
 * exports (JSON Lines, CSV, passim), re-analysis stable, bad parameters named.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { ops } from '../src/ops/index.js';
import { buildApp } from '../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';

const PASSAGE =
  'After daily observation of the witnesses, their manner of testifying, the unconscious corroborations which developed, and other facts in the course of the trial, it is my opinion that the state established its case beyond a reasonable doubt and that the defendants were not coerced into their confessions.';
const ALTERED = PASSAGE.replace('the unconscious corroborations which developed, and other facts in the course of the trial, ', '… ').replace('were not coerced', 'were coerced').replace('witnesses', 'witneses');
const POST = 'Most of what you two are throwing at each other was written by people who never saw an investigation file, and it is slow going to read the volumes of protocols one by one.';

const CORPUS: Record<string, string> = {
  'dispatch.txt': `Dispatch of February 1937\n\nThe ambassador wrote to Washington in the middle of the month.\n\n${PASSAGE}\n\nHe added little else that week.\n`,
  'paper.txt': `Fifty years on\n\nHalf a century later the paper returned to the question of the foreign observers.\n\nThe ambassador, Joseph E. Davies, wrote: "${ALTERED}"\n\nOthers disagreed.\n`,
  'forum.txt': `Re: trials\n\n${POST}\n\nReply\n\nSomeone else answered about a different matter entirely, at length and with heat.\n\n${POST}\n`,
};

let dir: string;
let store: SqliteStore;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-reuse-'));
  const src = join(dir, 'src');
  mkdirSync(src);
  for (const [f, t] of Object.entries(CORPUS)) writeFileSync(join(src, f), t);
  store = openSqliteStore(join(dir, 'db.sqlite'));
  await ops.ingest(store, [src], { workers: false });
  const a = await ops.analyze(store);
  assert.ok(a.reuse && a.reuse.families >= 2, JSON.stringify(a.reuse));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const quotation = async () => (await ops.reuse(store, { kind: 'quotation' })).items[0]!;

test('families: a quotation across sources and a repeat within one, with exact clean and raw spans', async () => {
  const q = await quotation();
  assert.equal(q.kind, 'quotation');
  assert.equal(q.sources, 2);
  assert.equal(q.severity, 'meaning');
  const dup = (await ops.reuse(store, { kind: 'duplicate' })).items;
  assert.equal(dup.length, 1);
  const { family } = await ops.reuseFamily(store, q.key);
  const base = family.occurrences.find((o) => o.base)!;
  assert.equal(base.sourceId.startsWith('dispatch'), true, 'the fullest text is the base');
  const copy = family.occurrences.find((o) => !o.base)!;
  const classes = copy.divergences.map((d) => d.class).sort();
  assert.ok(classes.includes('omission-marked') && classes.includes('omission') && classes.includes('variant'), classes.join(','));
  assert.ok(copy.divergences.some((d) => d.severity === 'meaning' && d.why === 'negation'));
  assert.match(copy.attribution?.text ?? '', /Davies/);
  for (const o of family.occurrences) {
    const src = (await store.getSource(o.sourceId))!;
    const v = (await store.getVersionTexts(src.versionId))!;
    assert.equal(v.cleanText.slice(o.start, o.end), o.text);
    assert.equal(v.rawText.slice(o.rawStart, o.rawEnd), o.text);
    for (const d of o.divergences) {
      assert.equal(v.cleanText.slice(d.copy.start, d.copy.end), d.copy.text);
      assert.equal(v.rawText.slice(d.copy.rawStart, d.copy.rawEnd), d.copy.text);
    }
    if (o.attribution) assert.equal(v.rawText.slice(o.attribution.rawStart, o.attribution.rawEnd), o.attribution.text);
    const bv = (await store.getVersionTexts((await store.getSource(base.sourceId))!.versionId))!;
    for (const d of o.divergences) assert.equal(bv.rawText.slice(d.base.rawStart, d.base.rawEnd), d.base.text);
    // the side-by-side diff rebuilds the copy
    assert.equal(o.diff.map((s) => s.copy).join('').trim(), o.text.trim());
  }
  assert.deepEqual((await ops.reuse(store, { crossDoc: true })).items.map((f) => f.key), [q.key]);
  assert.equal((await ops.reuse(store, { minWords: 1000 })).total, 0);
});

test('quote: a passage typed in is found with its alterations; a range of a source gives its families', async () => {
  const r = await ops.quote(store, { text: 'the defendants were not coerced into their confessions and the state established its case' });
  assert.equal(r.mode, 'text');
  if (r.mode !== 'text') return;
  assert.ok(r.hits.length >= 1, JSON.stringify(r));
  const paper = (await store.listSources()).find((s) => s.id.startsWith('paper'))!;
  const q = await quotation();
  const copy = (await ops.reuseFamily(store, q.key)).family.occurrences.find((o) => o.sourceId === paper.id)!;
  const byRange = await ops.quote(store, { from: paper.id, range: `${copy.start}:${copy.end}` });
  assert.equal(byRange.mode, 'range');
  if (byRange.mode === 'range') assert.deepEqual(byRange.families.map((f) => f.key), [q.key]);
  await assert.rejects(ops.quote(store, { from: paper.id, range: '5' }), /--range must be "start:end"/);
  await assert.rejects(ops.quote(store, { from: 'nope', range: '1:2' }), /no source "nope"/);
  await assert.rejects(ops.quote(store, {}), /give the passage/);
});

test('exports: reuse as JSON Lines and CSV with spans, and in passim format', async () => {
  const collect = async (format: string) => {
    let s = '';
    for await (const c of ops.export(store, { kind: 'reuse', format }).chunks) s += c;
    return s;
  };
  const rows = (await collect('jsonl')).trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(rows.length >= 4);
  for (const k of ['family', 'source', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'divergences']) assert.ok(k in rows[0], k);
  assert.match((await collect('csv')).split('\r\n')[0]!, /^family,kind,occurrence,seq,source,fileName,date,perspective,start,end,rawStart,rawEnd/);
  const passim = (await collect('passim')).trim().split('\n').map((l) => JSON.parse(l));
  for (const p of passim) for (const k of ['uid', 'cluster', 'size', 'id', 'series', 'begin', 'end', 'text']) assert.ok(k in p, k);
  assert.equal(new Set(passim.map((p) => p.cluster)).size, (await ops.reuse(store, {})).total);
});

test('re-analysis gives the same families and keys', async () => {
  const before1 = (await ops.reuse(store, {})).items;
  await ops.analyze(store);
  assert.deepEqual((await ops.reuse(store, {})).items, before1);
});

test('HTTP: list and family with JSON twins, source spans, quote, 404 and 400', async () => {
  const app = buildApp(store, { webRoot: join(dir, 'noweb') });
  try {
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, json: JSON.parse(r.body) };
    };
    const list = await get('/api/reuse?crossDoc=1');
    assert.equal(list.status, 200);
    assert.deepEqual((await get('/reuse.json?crossDoc=1')).json, list.json);
    const key = list.json.items[0].key as string;
    const one = await get(`/api/reuse/${encodeURIComponent(key)}`);
    assert.equal(one.json.family.key, key);
    assert.ok(Array.isArray(one.json.family.occurrences));
    assert.deepEqual((await get(`/reuse/${encodeURIComponent(key)}.json`)).json, one.json);
    assert.equal((await get('/api/reuse/reuse%3Anothing')).status, 404);
    assert.equal((await get('/api/reuse?kind=poem')).status, 400);
    assert.equal((await get('/api/reuse?minWords=-3')).status, 400);
    const src = one.json.family.occurrences[0].sourceId as string;
    const spans = await get(`/api/sources/${encodeURIComponent(src)}/reuse`);
    assert.ok(spans.json.spans.some((s: { family: string }) => s.family === key));
    const q = await get(`/api/quote?text=${encodeURIComponent('their manner of testifying, the unconscious corroborations which developed')}`);
    assert.ok(q.json.hits.length >= 1);
  } finally {
    await app.close();
  }
});

test('CLI: reuse, reuse <key>, quote, with --json', async () => {
  const db = join(dir, 'db.sqlite');
  const cli = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main([...argv, '--db', db], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd: dir, env: {} });
    return { code, out: out + err };
  };
  const list = await cli('reuse', '--cross-doc', '--json');
  assert.equal(list.code, 0, list.out);
  const key = JSON.parse(list.out).items[0].key as string;
  const show = await cli('reuse', key);
  assert.match(show.out, /omission-marked/);
  const q = await cli('quote', 'the defendants were not coerced into their confessions and the state established its case', '--json');
  assert.ok(JSON.parse(q.out).hits.length >= 1);
  const bad = await cli('quote', '--from', 'nope', '--range', '1:2');
  assert.notEqual(bad.code, 0);
});
