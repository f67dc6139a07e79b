/** HTTP API, in process (fastify inject): no port is opened. */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { buildApp } from '../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
let dir: string;
let store: SqliteStore;
let app: FastifyInstance;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-api-'));
  const w = openSqliteStore(join(dir, 'db.sqlite'));
  await ingestPaths(w, [join(ROOT, 'corpus/moscow-trials')]);
  await w.close();
  store = openSqliteStore(join(dir, 'db.sqlite'), { readonly: true });
  // a tiny web root so page routes can be tested without a build
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Inquiry</title><div id="app"></div>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  app = buildApp(store, { webRoot: web });
});
after(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, headers: r.headers, body: r.body, json: () => JSON.parse(r.body) as Record<string, any> };
};

test('search: ranked hits with snippets, highlights and exact offsets', async () => {
  const r = await get('/api/search?q=Kemerovo');
  assert.equal(r.status, 200);
  const j = r.json();
  assert.equal(j.ok, true);
  assert.ok(j.total >= 10);
  assert.equal(j.totalIsEstimate, false);
  assert.ok(j.hits.some((h: any) => h.sourceId === 'hansen-1947-kemerovo'));
  for (const h of j.hits) {
    const text = h.snippet.text as string;
    for (const [a, b] of h.snippet.highlights) assert.equal(text.slice(a, b).toLowerCase(), 'kemerovo');
    // absolute highlights index the clean text: check through the reader
    const src = (await get(`/api/sources/${h.sourceId}?range=${h.start}:${h.end}`)).json();
    for (const [a, b] of h.highlights) assert.equal((src.text as string).slice(a - h.start, b - h.start).toLowerCase(), 'kemerovo');
  }
});

test('search: phrases, prefix, boolean, folding of case and diacritics', async () => {
  assert.equal((await get('/api/search?q=%22Hotel%20Bristol%22')).json().hits.length >= 1, true);
  const pref = (await get('/api/search?q=Trotsk*&limit=5')).json();
  assert.ok(pref.total > 50);
  const both = (await get('/api/search?q=Bukharin%20AND%20Rykov')).json();
  assert.ok(both.hits.every((h: any) => /bukharin/i.test(h.snippet.text + h.passageKey) || h.highlights.length > 0));
  const folded = (await get('/api/search?q=KÉMEROVO')).json();
  assert.equal(folded.total, (await get('/api/search?q=kemerovo')).json().total);
});

test('search: filters by source, perspective and date', async () => {
  const all = (await get('/api/search?q=Stalin&limit=50')).json();
  const against = (await get('/api/search?q=Stalin&perspective=against-trials&limit=50')).json();
  assert.ok(against.hits.length > 0 && against.hits.every((h: any) => h.perspective.includes('against-trials')));
  assert.ok(against.total < all.total);
  const one = (await get('/api/search?q=Stalin&source=forum-2003-show-trials')).json();
  assert.ok(one.hits.every((h: any) => h.sourceId === 'forum-2003-show-trials'));
  const dated = (await get('/api/search?q=Stalin&from=2000&to=2005')).json();
  assert.ok(dated.hits.length > 0 && dated.hits.every((h: any) => h.date >= '2000' && h.date <= '2005-12-31'));
  const none = (await get('/api/search?q=Stalin&from=1900&to=1901')).json();
  assert.equal(none.hits.length, 0);
});

test('search: duplicated sections do not crowd results', async () => {
  const r = (await get('/api/search?q=Robespierre&limit=50')).json();
  const forum = r.hits.filter((h: any) => h.sourceId === 'forum-2003-show-trials');
  assert.ok(forum.length >= 1);
  assert.ok(forum.every((h: any) => h.dupOf === null));
  assert.ok(forum.some((h: any) => h.duplicates >= 1), 'the first copy says it is repeated');
  const withDups = (await get('/api/search?q=Robespierre&limit=50&includeDuplicates=1')).json();
  assert.ok(withDups.hits.length > r.hits.length);
});

test('search: invalid FTS5 syntax is rewritten, an empty query is an error', async () => {
  const r = (await get("/api/search?q=Trotsky's%20(")).json();
  assert.equal(r.rewritten, true);
  assert.ok(r.hits.length > 0);
  const e = await get('/api/search?q=');
  assert.equal(e.status, 400);
  assert.deepEqual(Object.keys(e.json()).sort(), ['error', 'errors', 'ok', 'status']);
  assert.equal(e.json().ok, false);
});

test('reader: clean, raw, ranges, passages and removed spans', async () => {
  const c = (await get('/api/sources/simkin-great-purge')).json();
  assert.equal(c.raw, false);
  for (const p of c.passages.slice(0, 50)) assert.ok(p.end <= c.text.length);
  const raw = (await get('/api/sources/simkin-great-purge?raw=1')).json();
  assert.match(raw.text, /This site uses cookies/);
  assert.ok(raw.removed.length > 10);
  for (const r of raw.removed) assert.ok(r.rawEnd <= raw.text.length);
  const p = c.passages[5];
  const ranged = (await get(`/api/sources/simkin-great-purge?range=${p.start}:${p.end}`)).json();
  assert.equal(ranged.passages.length, 1);
  assert.equal(ranged.text, (c.text as string).slice(p.start, p.end));
  const rawRanged = (await get(`/api/sources/simkin-great-purge?range=${p.start}:${p.end}&raw=1`)).json();
  assert.equal(rawRanged.textStart, p.rawStart);
  assert.equal(rawRanged.text, (raw.text as string).slice(p.rawStart, p.rawEnd));
  const hl = (await get('/api/sources/hansen-1947-kemerovo?q=Kravchenko')).json();
  assert.ok(hl.highlights.length >= 5);
  const twin = (await get('/sources/hansen-1947-kemerovo.json')).json();
  assert.equal(twin.source.id, 'hansen-1947-kemerovo');
});

test('passages by key; sources list; status and settings', async () => {
  const s = (await get('/api/sources')).json();
  assert.equal(s.sources.length, 5);
  assert.deepEqual((await get('/sources.json')).json(), s);
  const src = (await get('/api/sources/wiki-moscow-trials')).json();
  const key = src.passages[3].key;
  const p = (await get(`/api/passages/${key}`)).json();
  assert.equal(p.passage.key, key);
  assert.equal(p.passage.text, (src.text as string).slice(p.passage.start, p.passage.end));
  assert.equal((await get('/-/settings.json')).json().ok, true);
  const st = (await get('/-/status.json')).json();
  assert.equal(st.sources, 5);
});

test('errors share one shape; the server is read-only', async () => {
  const nf = await get('/api/sources/nope');
  assert.equal(nf.status, 404);
  assert.deepEqual(nf.json(), { ok: false, error: 'no source "nope"', errors: [], status: 404 });
  const bad = await get('/api/sources/wiki-moscow-trials?range=9:3');
  assert.equal(bad.status, 400);
  assert.equal(bad.json().ok, false);
  const post = await app.inject({ method: 'POST', url: '/api/search', payload: {} });
  assert.equal(post.statusCode, 405);
  assert.equal(JSON.parse(post.body).ok, false);
  const del = await app.inject({ method: 'DELETE', url: '/api/sources/wiki-moscow-trials' });
  assert.equal(del.statusCode, 405);
  assert.equal((await get('/api/nothing')).status, 404);
});

test('page routes serve the app with a strict CSP; assets are served', async () => {
  for (const url of ['/', '/search?q=x', '/sources', '/sources/wiki-moscow-trials', '/passages/abc', '/-/status']) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
  }
  assert.equal((await get('/assets/app.js')).body, 'console.log(1)');
  assert.equal((await get('/assets/../../db.sqlite')).status === 200 && (await get('/assets/../../db.sqlite')).body.startsWith('SQLite'), false);
});

test('export over HTTP: passages as CSV carry provenance columns', async () => {
  const r = await get('/api/export/passages?format=csv&source=hansen-1947-kemerovo');
  assert.equal(r.status, 200);
  const header = r.body.split('\r\n')[0];
  assert.equal(header, 'sourceId,fileName,key,seq,start,end,rawStart,rawEnd,role,ocrScore,dupOf,text');
});
