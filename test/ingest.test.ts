/**
 * The pipeline over the store: exact provenance over the whole seed corpus,
 * idempotent re-ingest, new versions for changed files, manifests, front matter,
 * JSON Lines, and that a bad file never costs anything else.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OffsetMap } from '../src/core/offsets.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';
import { buildPdf } from './helpers/pdf.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, 'corpus/moscow-trials');
let dir: string;
let store: SqliteStore;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-ingest-'));
  store = openSqliteStore(join(dir, 'db.sqlite'));
  const s = await ingestPaths(store, [CORPUS]);
  assert.equal(s.errors.length, 0, JSON.stringify(s.errors));
  assert.equal(s.sources.added, 5);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** a fresh store in a temporary folder, closed and removed afterwards */
async function withStore(prefix: string, fn: (st: SqliteStore, dir: string) => Promise<void>): Promise<void> {
  const d = mkdtempSync(join(tmpdir(), prefix));
  const st = openSqliteStore(join(d, 'db.sqlite'));
  try {
    await fn(st, d);
  } finally {
    await st.close();
    rmSync(d, { recursive: true, force: true });
  }
}

/** the words of a clean span, in order, inside the raw span it maps to (markup and boilerplate may sit between) */
function wordsInOrder(clean: string, raw: string): boolean {
  const words = clean.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hay = raw.toLowerCase();
  let pos = 0;
  for (const w of words) {
    const i = hay.indexOf(w, pos);
    if (i < 0) return false;
    pos = i + w.length;
  }
  return true;
}

test('every passage and sentence of the seed corpus re-slices exactly and maps back to raw', async () => {
  const sources = await store.listSources();
  assert.equal(sources.length, 5);
  let passages = 0;
  let sentences = 0;
  for (const s of sources) {
    const t = (await store.getVersionTexts(s.versionId))!;
    const map = OffsetMap.fromBuffer(t.offsetMap);
    const seedRaw = readFileSync(join(CORPUS, s.fileName), 'utf8');
    assert.equal(t.rawText, seedRaw, 'raw text is the decoded file');
    for (const p of await store.getPassages(s.versionId)) {
      passages++;
      assert.equal(t.cleanText.slice(p.start, p.end), p.text);
      assert.deepEqual(map.toRaw(p.start, p.end), [p.rawStart, p.rawEnd]);
      assert.ok(wordsInOrder(p.text, t.rawText.slice(p.rawStart, p.rawEnd)), `passage ${p.key} of ${s.id} maps back to its raw words`);
      for (const [a, b] of p.sentences) {
        sentences++;
        assert.ok(a >= p.start && b <= p.end && a < b);
        const [ra, rb] = map.toRaw(a, b);
        assert.ok(wordsInOrder(t.cleanText.slice(a, b), t.rawText.slice(ra, rb)));
      }
    }
    // removed spans really are in the raw text and not in the clean text's words
    for (const r of t.removed) assert.ok(r.rawEnd <= t.rawText.length && r.rawStart <= r.rawEnd);
  }
  assert.ok(passages > 2500 && sentences > passages);
});

test('cleaning removes the seeds\' noise by general rules', async () => {
  const simkin = (await store.getSource('simkin-great-purge'))!;
  const t = (await store.getVersionTexts(simkin.versionId))!;
  assert.doesNotMatch(t.cleanText, /This site uses cookies/i);
  assert.doesNotMatch(t.cleanText, /<\/?u>/);
  assert.doesNotMatch(t.cleanText, /Privacy Policy/);
  assert.match(t.cleanText, /In June, 1937, Mikhail Tukhachevsky/);
  assert.ok(t.removed.some((r) => r.reason === 'boilerplate: consent banner'));
  const wiki = (await store.getVersionTexts((await store.getSource('wiki-moscow-trials'))!.versionId))!;
  assert.doesNotMatch(wiki.cleanText, /^More languages/);
  const forum = (await store.getSource('forum-2003-show-trials'))!;
  const ft = (await store.getVersionTexts(forum.versionId))!;
  assert.doesNotMatch(ft.cleanText, /^QUOTE$/m);
  // the repeated post is marked, not deleted
  assert.ok(ft.duplicates.length >= 1);
  const covered = ft.duplicates.reduce((n, d) => n + (d.end - d.start), 0);
  assert.ok(covered > ft.cleanText.length * 0.4, 'about half the forum capture is the repeated post');
  assert.ok(forum.duplicatePassages > 50);
  // the garbled OCR passage of 003 scores lower than the median passage
  const ps = await store.getPassages(simkin.versionId);
  const garbled = ps.find((p) => p.text.includes('propholy'))!;
  const scores = ps.map((p) => p.ocrScore).sort((a, b) => a - b);
  assert.ok(garbled.ocrScore < scores[Math.floor(scores.length / 2)]!);
});

test('re-ingesting the unchanged corpus changes nothing (inline and in a worker thread)', async () => {
  const before = await snapshot();
  const s = await ingestPaths(store, [CORPUS]);
  assert.equal(s.sources.unchanged, 5);
  assert.deepEqual(await snapshot(), before);
  const w = await ingestPaths(store, [CORPUS], { workers: true });
  assert.equal(w.sources.unchanged, 5);
  assert.deepEqual(await snapshot(), before);
});

test('the worker thread gives the same result as inline processing', async () => {
  const d = mkdtempSync(join(tmpdir(), 'inquiry-worker-'));
  try {
    const a = openSqliteStore(join(d, 'a.sqlite'));
    const b = openSqliteStore(join(d, 'b.sqlite'));
    const sa = await ingestPaths(a, [CORPUS, join(ROOT, 'test/golden/input')], { workers: false });
    const sb = await ingestPaths(b, [CORPUS, join(ROOT, 'test/golden/input')], { workers: true });
    assert.deepEqual(sb.sources, sa.sources);
    const rows = (s: SqliteStore) => s.db.prepare('SELECT v.source_id, p.key, p.start, p."end", p.raw_start, p.raw_end, p.ocr, p.dup_of FROM passages p JOIN versions v ON v.id = p.version_id ORDER BY v.source_id, p.seq').all();
    assert.deepEqual(rows(b), rows(a));
    await a.close();
    await b.close();
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

async function snapshot() {
  const rows = store.db.prepare('SELECT p.id, p.key, p.start, p."end", v.id AS vid, v.content_hash FROM passages p JOIN versions v ON v.id = p.version_id ORDER BY p.id').all();
  const versions = store.db.prepare('SELECT id, source_id, content_hash, ingested_at FROM versions ORDER BY id').all();
  return { rows, versions };
}

test('a changed file makes a new version; the old version\'s passages go; keys of unchanged passages stay', async () => {
  await withStore('inquiry-ver-', async (st, d) => {
  const f = join(d, 'note.txt');
  writeFileSync(f, 'A first paragraph about the Kemerovo trial of 1936.\n\nA second paragraph about Pyatakov.\n');
  await ingestPaths(st, [f]);
  const v1 = (await st.getSource('note'))!;
  const p1 = await st.getPassages(v1.versionId);
  writeFileSync(f, 'A first paragraph about the Kemerovo trial of 1936.\n\nA new middle paragraph.\n\nA second paragraph about Pyatakov.\n');
  const s = await ingestPaths(st, [f]);
  assert.equal(s.sources.updated, 1);
  const v2 = (await st.getSource('note'))!;
  assert.notEqual(v2.versionId, v1.versionId);
  assert.equal((await st.getPassages(v1.versionId)).length, 0, 'old passages are gone');
  const p2 = await st.getPassages(v2.versionId);
  assert.equal(p2.length, 3);
  assert.deepEqual([p2[0]!.key, p2[2]!.key], [p1[0]!.key, p1[1]!.key], 'content-derived keys survive the edit');
  // the old version's index entries are gone too: a word only in the old text is no longer found
  writeFileSync(f, 'Only Zinoviev now.\n');
  await ingestPaths(st, [f]);
  const c = await st.searchCandidates({ match: 'Pyatakov', versionIds: null, cap: 100 });
  assert.equal(c.hits.length, 0);
  assert.equal(st.integrityCheck(), 'ok');
  });
});

test('manifest, front matter, inferred metadata and passim JSON Lines', async () => {
  await withStore('inquiry-meta-', async (st, d) => {
  cpSync(join(ROOT, 'test/golden/input'), join(d, 'in'), { recursive: true });
  writeFileSync(join(d, 'in', 'plain.txt'), 'THE SHAKHTY CASE\n\nMoscow, 18 May 1928\n\nFifty-three engineers from the Donbass were tried for sabotage in the Shakhty case before the Supreme Court.\n');
  const s = await ingestPaths(st, [join(d, 'in')]);
  assert.deepEqual(s.errors, []);
  const ru = (await st.getSource('russian'))!;
  assert.equal(ru.title, 'Процесс Промпартии');
  assert.equal(ru.date, '1930-12');
  assert.equal(ru.language, 'ru');
  assert.equal(ru.metaOrigin.title, 'front-matter');
  const plain = (await st.getSource('plain'))!;
  assert.equal(plain.title, 'THE SHAKHTY CASE');
  assert.equal(plain.date, '1928-05-18');
  assert.equal(plain.metaOrigin.date, 'inferred');
  const nyt = (await st.getSource('nyt-1937-01-24'))!;
  assert.equal(nyt.date, '1937-01-24');
  assert.equal(nyt.series, 'nyt');
  assert.equal(nyt.fileName, 'passim.jsonl#nyt-1937-01-24');
  const html = (await st.getSource('page'))!;
  assert.equal(html.format, 'html');
  assert.equal(html.date, '2019-04-12');
  const t = (await st.getVersionTexts(html.versionId))!;
  assert.doesNotMatch(t.cleanText, /tracking|We use cookies|Contact/);
  for (const p of await st.getPassages(html.versionId)) {
    assert.ok(wordsInOrder(p.text, t.rawText.slice(p.rawStart, p.rawEnd)), 'html passage maps into the markup');
  }
  });
});

test('a bad JSON Lines record is reported with its line; the other records load', async () => {
  await withStore('inquiry-jsonl-', async (st, d) => {
  const f = join(d, 'docs.jsonl');
  writeFileSync(f, '{"id":"a","text":"Radek was sentenced to ten years."}\n{not json\n{"id":"b"}\n{"id":"c","text":"Pyatakov was shot."}\n');
  const s = await ingestPaths(st, [f]);
  assert.equal(s.sources.added, 2);
  assert.equal(s.errors.length, 2);
  assert.match(s.errors[0]!.file, /docs\.jsonl:2$/);
  assert.match(s.errors[1]!.message, /no "text"/);
  });
});

test('a PDF goes through the whole pipeline; its pages are separated in the raw text layer', async () => {
  await withStore('inquiry-pdf-', async (st, d) => {
  writeFileSync(join(d, 'verdict.pdf'), buildPdf([['THE VERDICT', 'Radek was sentenced to ten years.'], ['Pyatakov was sentenced to death.']], { Title: 'Verdict of 30 January 1937' }));
  writeFileSync(join(d, 'scan.pdf'), buildPdf([[]]));
  const s = await ingestPaths(st, [d]);
  assert.equal(s.sources.added, 1);
  assert.equal(s.errors.length, 1);
  assert.match(s.errors[0]!.message, /no text layer/);
  const src = (await st.getSource('verdict'))!;
  assert.equal(src.format, 'pdf');
  assert.equal(src.title, 'Verdict of 30 January 1937');
  const t = (await st.getVersionTexts(src.versionId))!;
  assert.match(t.rawText, /\f/);
  const ps = await st.getPassages(src.versionId);
  assert.ok(ps.some((p) => /Pyatakov was sentenced to death/.test(p.text)));
  for (const p of ps) {
    assert.equal(t.cleanText.slice(p.start, p.end), p.text);
    assert.ok(wordsInOrder(p.text, t.rawText.slice(p.rawStart, p.rawEnd)));
  }
  });
});
