/** The CLI in process: argument parsing, --json everywhere, exports, exit codes. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../src/cli/main.js';

const ROOT = new URL('..', import.meta.url).pathname;
let dir: string;
let db: string;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    cwd: dir,
    env: {},
  });
  return { code, stdout, stderr };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-cli-'));
  db = join(dir, 'cli.sqlite');
  const r = await run('ingest', join(ROOT, 'corpus/moscow-trials'), '--db', db);
  assert.equal(r.code, 0, r.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('ingest prints one line per file, then a summary; --json gives the summary', async () => {
  const r = await run('ingest', join(ROOT, 'corpus/moscow-trials'), '--db', db);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('unchanged')).length, 5);
  assert.match(r.stdout, /5 files, .* 0 errors/);
  const j = await run('ingest', join(ROOT, 'corpus/moscow-trials/000_766ef357994e3f44.txt'), '--db', db, '--json');
  const s = JSON.parse(j.stdout);
  assert.equal(s.ok, true);
  assert.equal(s.files, 1);
});

test('a missing path is an error line naming it, and exit code 1; the rest still ingests', async () => {
  const r = await run('ingest', join(dir, 'nope.txt'), join(ROOT, 'test/golden/input/hardwrapped.txt'), '--db', db);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^error: .*nope\.txt: path does not exist$/m);
  assert.match(r.stdout, /added +hardwrapped/);
});

test('sources, show (range, raw, passages), search and status, as text and JSON', async () => {
  const list = JSON.parse((await run('sources', '--db', db, '--json')).stdout);
  assert.ok(list.sources.length >= 5);
  const line = 'Source: The Militant, Vol. 10 No. 27, 6 July 1947, p. 7.';
  const shown = JSON.parse((await run('show', 'hansen-1947-kemerovo', '--db', db, '--range', `0:${line.length}`, '--json')).stdout);
  assert.equal(shown.text, line);
  const raw = await run('show', 'simkin-great-purge', '--db', db, '--raw');
  assert.match(raw.stdout, /<u>/);
  const clean = await run('show', 'simkin-great-purge', '--db', db);
  assert.doesNotMatch(clean.stdout, /<u>/);
  const ps = await run('show', 'wiki-moscow-trials', '--db', db, '--passages');
  assert.match(ps.stdout.split('\n')[0]!, /^\S+\t\d+:\d+\traw \d+:\d+\t\w+\tocr [\d.]+/);
  const s = await run('search', 'Hotel', 'Bristol', '--db', db);
  assert.match(s.stdout, /hits? for Hotel Bristol/);
  assert.match(s.stdout, /\[Hotel\]/);
  const sj = JSON.parse((await run('search', '"Hotel Bristol"', '--db', db, '--json', '--limit', '1')).stdout);
  assert.equal(sj.hits.length, 1);
  const st = JSON.parse((await run('status', '--db', db, '--json')).stdout);
  assert.ok(st.passages > 2000);
});

test('export passages as csv, json and jsonl with provenance; sources with text', async () => {
  const csv = (await run('export', 'passages', '--db', db, '--format', 'csv', '--source', 'hansen-1947-kemerovo')).stdout;
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'sourceId,fileName,key,seq,start,end,rawStart,rawEnd,role,ocrScore,dupOf,text');
  assert.ok(lines.length > 20);
  const json = JSON.parse((await run('export', 'passages', '--db', db, '--format', 'json', '--source', 'wiki-moscow-trials')).stdout);
  const src = JSON.parse((await run('export', 'sources', '--db', db, '--format', 'json', '--include-text', '--source', 'wiki-moscow-trials')).stdout)[0];
  for (const p of json) assert.equal(src.cleanText.slice(p.start, p.end), p.text);
  const out = join(dir, 'sentences.jsonl');
  const r = await run('export', 'sentences', '--db', db, '--out', out, '--source', 'hansen-1947-kemerovo');
  assert.equal(r.code, 0);
  const sents = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const full = JSON.parse((await run('export', 'sources', '--db', db, '--format', 'json', '--include-text', '--source', 'hansen-1947-kemerovo')).stdout)[0];
  for (const s of sents) {
    assert.equal(full.cleanText.slice(s.start, s.end), s.text);
    assert.ok(s.rawStart <= s.rawEnd);
  }
});

test('usage errors exit 2; operation errors exit 1 with one JSON shape under --json', async () => {
  assert.equal((await run('frobnicate')).code, 2);
  assert.equal((await run('export', 'passages', '--db', db, '--format', 'xml')).code, 2);
  const nf = await run('show', 'nope', '--db', db, '--json');
  assert.equal(nf.code, 1);
  assert.deepEqual(JSON.parse(nf.stdout), { ok: false, error: 'no source "nope"', errors: [], status: 404 });
  const nodb = await run('sources', '--db', join(dir, 'missing.sqlite'));
  assert.equal(nodb.code, 1);
  assert.match(nodb.stderr, /no database at .*missing\.sqlite: run "inquiry ingest/);
  const bad = await run('search', 'Stalin', '--db', db, '--from', 'last week');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /not a date/);
});

test('serve binds 127.0.0.1 by default and answers the JSON API', async () => {
  let stdout = '';
  const code = await main(['serve', '--db', db, '--port', '0', '--json'], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    cwd: dir,
    env: {},
    onServe: async ({ url, close }) => {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const r = await fetch(`${url}api/sources`);
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as { ok: boolean }).ok, true);
      await close();
    },
  });
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).ok, true);
});
