/**
 * Works: references found in sources, merged into works across formats and sources (editions
 * kept apart and linked, Ibid. resolved), cited-by counts per source and perspective, and the
 * exports through citation-js (CSL-JSON, BibTeX, RIS with newspaper articles intact, a Chicago
 * author-date bibliography), the citation graph, the HTTP twins and the CLI.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { mergeWorks, titleKey } from '../src/analyze/citations/works.js';
import { parseReference } from '../src/analyze/citations/parse.js';
import { main } from '../src/cli/main.js';
import { ops } from '../src/ops/index.js';
import { buildApp } from '../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';

// one paragraph per line, blank lines between (as blog compilations are written; hard-wrapped
// lines would be joined into one paragraph by cleaning)
const BLOG = [
  'Claims and evidence',
  'THE TRIALS WERE OPEN',
  '"The trial was conducted in public."',
  'Conquest, Robert. The Great Terror: A Reassessment. New York: Oxford University Press, 1990, p. 96',
  '"Foreign journalists attended every session."',
  'Ibid., p. 97',
  '"The defendants spoke freely."',
  'Conquest, Robert. The Great Terror. New York: Macmillan, 1968, p. 150',
  '"A later account."',
  'Duranty, Walter. "Radek Sentenced to Ten Years." New York Times, January 30, 1937, p. 1',
].join('\n\n') + '\n';
const ESSAY = [
  'Notes',
  '1. Robert Conquest, The Great Terror: A Reassessment (New York: Oxford University Press, 1990), 101.',
  '2. Getty, John Archibald. Origins of the Great Purges. Cambridge: Cambridge University Press, 1985, p. 12',
].join('\n\n') + '\n';

let dir: string;
let store: SqliteStore;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-works-'));
  const src = join(dir, 'src');
  mkdirSync(src);
  writeFileSync(join(src, 'blog.txt'), BLOG);
  writeFileSync(join(src, 'essay.txt'), ESSAY);
  store = openSqliteStore(join(dir, 'db.sqlite'));
  await ops.ingest(store, [src], { workers: false });
  await ops.analyze(store);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('title keys: subtitle and small words aside; years in titles stay', () => {
  assert.equal(titleKey('The Great Terror: A Reassessment'), titleKey('The Great Terror'));
  assert.equal(titleKey('1937: Year of Terror'), '1937');
  assert.notEqual(titleKey('Stalin in Power'), titleKey('Stalin as Revolutionary'));
});

test('merge: one work across formats and sources, editions apart, Ibid. resolved, with evidence', () => {
  const refs = [
    'Conquest, Robert. The Great Terror: A Reassessment. New York: Oxford University Press, 1990, p. 96',
    'Ibid., p. 97',
    'Conquest, Robert. The Great Terror. New York: Macmillan, 1968, p. 150',
    'Robert Conquest, The Great Terror: A Reassessment (New York: Oxford University Press, 1990), 101.',
  ];
  const cites = refs.map((t, i) => ({ key: `c${i}`, sourceId: i < 3 ? 'blog' : 'essay', start: i * 100, end: i * 100 + t.length, text: t, parsed: parseReference(t) }));
  const { works, resolved } = mergeWorks(cites);
  assert.equal(works.length, 1, JSON.stringify(works.map((w) => w.key)));
  const w = works[0]!;
  assert.deepEqual(w.editions.map((e) => e.key.split('@')[1]), ['1968', '1990']);
  assert.equal(resolved.find((r) => r.key === 'c1')!.refersTo, 'c0');
  assert.equal(resolved.find((r) => r.key === 'c1')!.edition, resolved.find((r) => r.key === 'c0')!.edition);
  assert.ok(w.evidence.some((e) => e.rule === 'ibid') && w.evidence.some((e) => e.rule === 'same-author-title'));
});

test('stored works: cited-by per source, citations with exact spans, work page', async () => {
  const list = await ops.works(store, { q: 'Great Terror' });
  assert.equal(list.total, 1);
  const w = list.items[0]!;
  assert.equal(w.sources, 2);
  assert.ok(w.citedBy.bySource['blog'] && w.citedBy.bySource['essay'], JSON.stringify(w.citedBy));
  const page = await ops.work(store, w.key);
  for (const c of page.citations) {
    const v = (await store.getVersionTexts(c.versionId))!;
    assert.equal(v.cleanText.slice(c.start, c.end), c.text);
    assert.equal(v.rawText.slice(c.rawStart, c.rawEnd), c.text);
  }
  assert.ok(page.citations.some((c) => c.context.includes('Foreign journalists')), 'the passage a citation closes is shown');
  await assert.rejects(ops.work(store, 'work:nobody'), /no work/);
});

test('exports through citation-js: CSL-JSON, BibTeX, RIS (newspaper keeps author and date), Chicago bibliography, citation graph', async () => {
  const collect = async (kind: string, format: string) => {
    let s = '';
    for await (const c of ops.export(store, { kind, format }).chunks) s += c;
    return s;
  };
  const csl = JSON.parse(await collect('works', 'csl-json'));
  assert.ok(csl.length >= 3 && csl.every((i: { id: string; type: string }) => i.id && i.type));
  assert.match(await collect('works', 'bibtex'), /@book\{/);
  const ris = await collect('works', 'ris');
  const news = ris.split(/ER {2}- ?/).find((r) => r.includes('TY  - NEWS'));
  assert.ok(news && /AU {2}- Duranty/.test(news) && /DA {2}- 1937/.test(news), ris);
  const cites = (await collect('citations', 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
  for (const k of ['source', 'start', 'end', 'rawStart', 'rawEnd', 'text', 'csl', 'work']) assert.ok(k in cites[0], k);
  const bib = await ops.bibliography(store, { style: 'chicago-author-date' });
  assert.match(bib.text, /Conquest, Robert\. 1990\. The Great Terror/);
  assert.match(await collect('citation-graph', 'graphml'), /<graphml /);
  assert.throws(() => ops.export(store, { kind: 'sources', format: 'ris' }), /ris is for works and citations/);
  await assert.rejects(ops.bibliography(store, { style: 'mla-99' }), /unknown style/);
});

test('HTTP and CLI: works with JSON twins; bibliography', async () => {
  const app = buildApp(store, { webRoot: join(dir, 'noweb') });
  try {
    const list = await app.inject({ method: 'GET', url: '/api/works?q=Terror' });
    assert.equal(list.statusCode, 200);
    const key = JSON.parse(list.body).items[0].key as string;
    const one = await app.inject({ method: 'GET', url: `/api/works/${encodeURIComponent(key)}` });
    const twin = await app.inject({ method: 'GET', url: `/works/${encodeURIComponent(key)}.json` });
    assert.deepEqual(JSON.parse(twin.body), JSON.parse(one.body));
    assert.equal((await app.inject({ method: 'GET', url: '/api/works/work%3Anone' })).statusCode, 404);
  } finally {
    await app.close();
  }
  let out = '';
  const code = await main(['bibliography', '--db', join(dir, 'db.sqlite')], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => undefined }, cwd: dir, env: {} });
  assert.equal(code, 0);
  assert.match(out, /Getty, John Archibald\. 1985/);
});

test('evidence: the claim heading, the passages offered as evidence, their citations and works, with spans', async () => {
  const list = await ops.evidence(store, {});
  assert.equal(list.total, 1);
  const c = list.items[0]!;
  assert.equal(c.text, 'THE TRIALS WERE OPEN');
  assert.ok(c.evidence >= 3, JSON.stringify(c));
  const { claim } = await ops.evidenceClaim(store, c.key);
  const first = claim.evidence[0]!;
  assert.equal(first.passage.text, '"The trial was conducted in public."');
  assert.match(first.citation.text, /^Conquest, Robert\. The Great Terror/);
  assert.match(first.work?.key ?? '', /^work:conquest:great-terror/);
  // the Ibid. passage rests on the same work
  assert.equal(claim.evidence[1]!.work?.key, first.work?.key);
  const src = (await store.getSource(claim.sourceId))!;
  const v = (await store.getVersionTexts(src.versionId))!;
  for (const e of claim.evidence) assert.equal(v.cleanText.slice(e.passage.start, e.passage.end), e.passage.text);
  let rows = '';
  for await (const x of ops.export(store, { kind: 'evidence', format: 'jsonl' }).chunks) rows += x;
  const r = JSON.parse(rows.trim().split('\n')[0]!);
  for (const k of ['claim', 'source', 'evidence']) assert.ok(k in r, k);
  assert.ok('rawStart' in r.evidence[0].passage && 'rawStart' in r.evidence[0].citation);
  const w = await ops.work(store, first.work!.key);
  assert.ok(w.passages.some((p) => p.heading === 'THE TRIALS WERE OPEN'));
  const g = await ops.citationGraph(store);
  assert.ok(g.nodes.some((n) => n.kind === 'source') && g.edges.some((e) => e.target === first.work!.key));
  const app = buildApp(store, { webRoot: join(dir, 'noweb') });
  try {
    const one = await app.inject({ method: 'GET', url: `/api/evidence/${encodeURIComponent(c.key)}` });
    const twin = await app.inject({ method: 'GET', url: `/evidence/${encodeURIComponent(c.key)}.json` });
    assert.deepEqual(JSON.parse(twin.body), JSON.parse(one.body));
    assert.equal((await app.inject({ method: 'GET', url: '/api/graph/citations' })).statusCode, 200);
  } finally {
    await app.close();
  }
});

test('translations: a reference naming both titles links the two works, which stay distinct', () => {
  const refs = [
    'Конквест Р. Большой террор = The Great Terror. — Рига: Ракстниекс, 1991. — Т. 1.',
    'Conquest, Robert. The Great Terror. New York: Macmillan, 1968.',
    'Conquest, Robert. Stalin: Breaker of Nations. New York: Viking, 1991.',
  ];
  const r = mergeWorks(refs.map((t, i) => ({ key: `t${i}`, sourceId: 's', start: i * 200, end: i * 200 + t.length, text: t, parsed: parseReference(t) })));
  assert.equal(r.works.length, 3, 'translations are not merged');
  const ru = r.works.find((w) => w.csl.title === 'Большой террор')!;
  const en = r.works.find((w) => w.csl.title === 'The Great Terror')!;
  const other = r.works.find((w) => w.csl.title?.startsWith('Stalin'))!;
  assert.equal(ru.csl['original-title'], 'The Great Terror');
  assert.ok(ru.evidence.some((e) => e.rule === 'translation' && e.detail.includes(en.key)));
  assert.ok(en.evidence.some((e) => e.rule === 'translation' && e.detail.includes(ru.key)));
  assert.ok(!other.evidence.some((e) => e.rule === 'translation'), 'another work of the same author is not linked');
});

