/**
 * Bounded ranking: a term with more matches than the candidate cap is sampled evenly
 * across the whole index (not just its first rows), its total is estimated, and a
 * filter on a small source still finds every match there (the filter is a rowid
 * range read before ranking, never a row-by-row MATCH over the whole doclist).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { search } from '../src/ops/search.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';

let dir: string;
let store: SqliteStore;
const FILES = 40;
const PARAS = 60;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-search-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (let f = 0; f < FILES; f++) {
    const paras = Array.from({ length: PARAS }, (_, p) => {
      const rare = p % 20 === 0 ? ` The witness Zelensky${f % 2 ? '' : 'i'} was heard.` : '';
      return `Paragraph ${p} of file ${f}: the tribunal heard the case of the accused number ${f * PARAS + p}.${rare}`;
    });
    writeFileSync(join(corpus, `doc-${String(f).padStart(3, '0')}.txt`), paras.join('\n\n') + '\n');
  }
  store = openSqliteStore(join(dir, 's.sqlite'));
  const s = await ingestPaths(store, [corpus]);
  assert.equal(s.errors.length, 0);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a common term over the cap: an even sample, an estimated total', async () => {
  const all = FILES * PARAS;
  const c = await store.searchCandidates({ match: 'tribunal', versionIds: null, cap: 200 });
  assert.equal(c.totalIsEstimate, true);
  assert.ok(Math.abs(c.total - all) / all < 0.25, `estimate ${c.total} vs ${all}`);
  assert.ok(c.hits.length <= 400 && c.hits.length >= 100);
  const ids = c.hits.map((h) => h.id).sort((a, b) => a - b);
  const lo = store.db.prepare('SELECT min(id) FROM passages').pluck().get() as number;
  const hi = store.db.prepare('SELECT max(id) FROM passages').pluck().get() as number;
  assert.ok(ids[0]! - lo < (hi - lo) * 0.1, 'the sample starts near the beginning');
  assert.ok(hi - ids[ids.length - 1]! < (hi - lo) * 0.1, 'and reaches the end of the index');
  // under the cap: exact
  const rare = await store.searchCandidates({ match: 'Zelensky', versionIds: null, cap: 200 });
  assert.equal(rare.totalIsEstimate, false);
  assert.equal(rare.total, (FILES / 2) * (PARAS / 20));
});

test('a filter on one late source finds all its matches of a common term', async () => {
  const last = `doc-${String(FILES - 1).padStart(3, '0')}`;
  const r = await search(store, { q: 'tribunal', source: [last], limit: 200 });
  assert.equal(r.totalIsEstimate, false);
  assert.equal(r.total, PARAS);
  assert.ok(r.hits.every((h) => h.sourceId === last));
  const two = await search(store, { q: 'tribunal', source: [last, 'doc-000'], limit: 200 });
  assert.equal(two.total, 2 * PARAS);
});

test('ranking prefers the passages where the term matters more', async () => {
  const r = await search(store, { q: 'Zelenskyi OR witness', limit: 5 });
  assert.ok(r.hits.length > 0);
  assert.ok(r.hits.every((h) => /Zelensky/.test(h.snippet.text)));
});
