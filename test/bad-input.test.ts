/**
 * Bad input through the real CLI (in process): a binary file, an empty file, a 50 MiB
 * file with no line breaks, invalid UTF-8, UTF-16LE and UTF-8 with BOMs, a path that
 * does not exist, and a directory of 10,000 small files.
 *
 * What must hold (README, "What ingest reads" and "Exit codes"): every problem is one
 * line on stderr naming its file; binary files and missing paths are errors (exit 1),
 * empty files and invalid bytes are warnings; everything else still goes in, decoded
 * correctly, with passages of at most 2000 UTF-16 code units that re-slice the clean
 * text exactly; running the same ingest again changes nothing; a failing file never
 * costs what was already in the store.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { main } from '../src/cli/main.js';

// ---------------------------------------------------------------- helpers

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** runs the CLI in process with captured output; `onStdout` (if given) receives stdout instead of the buffer */
async function cli(args: string[], onStdout?: (s: string) => void): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const t0 = performance.now();
  const code = await main(args, {
    stdout: { write: (s: string) => (onStdout ? onStdout(s) : (stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    cwd: root,
    env: {},
  });
  return { code, stdout, stderr, seconds: (performance.now() - t0) / 1000 };
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

interface SourceJson {
  id: string;
  origin: string;
  fileName: string;
  encoding: string;
  versionId: number;
  contentHash: string;
  passages: number;
  chars: number;
  warnings: string[];
}

async function sources(db: string): Promise<SourceJson[]> {
  const r = await cli(['sources', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as { ok: boolean; sources: SourceJson[] };
  assert.equal(j.ok, true);
  return j.sources;
}

const byOrigin = (rows: SourceJson[]) => new Map(rows.map((s) => [s.origin, s]));

// ---------------------------------------------------------------- fixtures

const HUGE_BYTES = 50 * 1024 * 1024;
const CHUNK = (() => {
  // 1 KiB of words separated by single spaces, no line breaks, no sentence ends
  const words = ['the', 'prosecutor', 'demanded', 'that', 'defendants', 'confess', 'before', 'court', 'observers',
    'doubted', 'every', 'word', 'while', 'ambassador', 'wrote', 'home', 'about', 'sincere', 'testimony', 'evidence'];
  let s = '';
  for (let i = 0; s.length < 1024 - 24; i++) s += `${words[(i * 7) % words.length]}${i % 5 === 0 ? String(i) : ''} `;
  s += 'q'.repeat(1024 - s.length - 1) + ' ';
  return s;
})();

let root: string;
let mixed: string;
let many: string;
const f: Record<string, string> = {};
const MANY = 10_000;

before(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'inquiry-bad-input-')));
  mixed = join(root, 'mixed');
  many = join(root, 'many');
  mkdirSync(mixed);
  mkdirSync(many);
  const put = (name: string, data: string | Uint8Array) => {
    const p = join(mixed, name);
    writeFileSync(p, data);
    f[name] = p;
  };
  // PNG signature + IHDR chunk + NULs, under a .txt name
  put('x.txt', Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]),
    Buffer.alloc(512, 0),
    Buffer.from('IEND'),
  ]));
  put('empty.txt', '');
  assert.equal(CHUNK.length, 1024);
  assert.ok(!/[\n\r.!?]/.test(CHUNK));
  put('huge.txt', Buffer.alloc(HUGE_BYTES, CHUNK, 'latin1'));
  put('bad-utf8.txt', Buffer.concat([
    Buffer.from('The witness spoke at length about the first trial.\n\nThen the record breaks off '),
    Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]),
    Buffer.from(' and resumes: Vyshinsky closed the case for the prosecution.\n'),
  ]));
  put('utf16-bom.txt', Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('Процесс Зиновьева и Каменева начался в августе.\n\nThe café owners followed the trial in the newspapers.\n', 'utf16le'),
  ]));
  put('utf8-bom.txt', Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('Naïve défendants at the Bukharin trial said little.\n\nThe reporters from Łódź wrote more than they did.\n'),
  ]));
  put('good-one.txt', 'The first trial took place in August 1936.\n\nSixteen defendants were accused of forming a terrorist centre.\n');
  put('good-two.txt', 'The second trial took place in January 1937.\n\nSeventeen defendants were accused of sabotage and espionage.\n');

  // 10,000 distinct small files, a sentence or two each
  const who = ['The prosecutor', 'A witness', 'The defendant', 'The court', 'An observer', 'The commission', 'A journalist', 'The ambassador'];
  const did = ['described', 'denied', 'recalled', 'questioned', 'reported', 'confirmed', 'disputed'];
  const what = ['the meeting in Copenhagen', 'the flight to Oslo', 'the confession', 'the sentence', 'the evidence', 'the testimony'];
  for (let i = 0; i < MANY; i++) {
    const s = `${who[i % 8]} ${did[(i >> 3) % 7]} ${what[(i * 7) % 6]} on day ${i}.` + (i % 3 ? ` Record ${i.toString(36)} was filed under docket ${100000 + i}.` : '') + '\n';
    writeFileSync(join(many, `note-${String(i).padStart(5, '0')}.txt`), s);
  }
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the mixed directory

const GOOD = ['good-one.txt', 'good-two.txt', 'utf8-bom.txt', 'utf16-bom.txt', 'bad-utf8.txt', 'huge.txt'];

/** stdout has exactly one line for each good file, with this status; returns all lines */
function oneLinePerGoodFile(stdout: string, status: RegExp): string[] {
  const out = lines(stdout);
  for (const name of GOOD) {
    const l = out.filter((x) => x.includes(f[name]!));
    assert.equal(l.length, 1, `stdout line for ${name}:\n${stdout}`);
    assert.match(l[0]!, status);
  }
  return out;
}
const MISSING = 'no/such/file.txt';
let mixedDb: string;
let first: SourceJson[];

/** one stderr line per problem, each naming its file */
function assertProblemLines(stderr: string): void {
  const got = lines(stderr);
  const expected: Array<{ what: string; re: RegExp }> = [
    { what: 'binary', re: new RegExp(`^error: ${esc(f['x.txt']!)}: .*binary`, 'i') },
    { what: 'empty', re: new RegExp(`^warning: ${esc(f['empty.txt']!)}: .*empty`, 'i') },
    { what: 'missing', re: new RegExp(`^error: ${esc(MISSING)}: .*does not exist`) },
    { what: 'invalid utf-8', re: new RegExp(`^warning: ${esc(f['bad-utf8.txt']!)}: .*invalid.*U\\+FFFD`, 'i') },
  ];
  assert.equal(got.length, expected.length, `expected exactly ${expected.length} stderr lines, got:\n${stderr}`);
  for (const e of expected) {
    const hits = got.filter((l) => e.re.test(l));
    assert.equal(hits.length, 1, `${e.what}: expected one stderr line matching ${e.re}, got:\n${stderr}`);
  }
  // nothing else names a good file
  for (const name of GOOD.filter((n) => n !== 'bad-utf8.txt')) {
    assert.ok(!stderr.includes(f[name]!), `unexpected problem for ${name}:\n${stderr}`);
  }
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a mixed directory plus a missing path: exit 1, one stderr line per problem, every good file in', async (t) => {
  mixedDb = join(root, 'mixed.sqlite');
  const r = await cli(['ingest', mixed, MISSING, '--db', mixedDb, '--no-progress', '--no-analyze']);
  t.diagnostic(`mixed ingest (50 MiB without line breaks + 7 small files): ${r.seconds.toFixed(1)} s`);
  assert.equal(r.code, 1, `exit code\n${r.stderr}`);
  assertProblemLines(r.stderr);

  // stdout: one 'added' line per good file, and the summary
  const out = oneLinePerGoodFile(r.stdout, /^added\s/);
  assert.match(out[out.length - 1]!, /6 added, 0 updated, 0 metadata updated, 0 unchanged; 2 errors, 2 warnings$/);

  first = await sources(mixedDb);
  assert.equal(first.length, GOOD.length, JSON.stringify(first.map((s) => s.origin)));
  const m = byOrigin(first);
  for (const name of GOOD) assert.ok(m.has(f[name]!), `${name} is a source`);
  for (const name of ['x.txt', 'empty.txt']) assert.ok(!m.has(f[name]!), `${name} is not a source`);
  for (const s of first) assert.ok(s.passages > 0, `${s.id} has passages`);

  // decoding: BOMs gone, non-ASCII intact, invalid bytes as U+FFFD with the text after them kept
  const show = async (name: string) => {
    const s = m.get(f[name]!)!;
    const x = await cli(['show', s.id, '--json', '--db', mixedDb]);
    assert.equal(x.code, 0, x.stderr);
    return { s, j: JSON.parse(x.stdout) as { text: string; passages: Array<{ start: number; end: number; key: string }> } };
  };
  {
    const { s, j } = await show('utf16-bom.txt');
    assert.equal(s.encoding, 'utf-16le');
    assert.ok(!j.text.includes('\uFEFF'), 'no BOM in the text');
    assert.ok(j.text.startsWith('Процесс Зиновьева'), JSON.stringify(j.text.slice(0, 40)));
    assert.ok(j.text.includes('The café owners'), j.text);
  }
  {
    const { s, j } = await show('utf8-bom.txt');
    assert.equal(s.encoding, 'utf-8-bom');
    assert.ok(!j.text.includes('\uFEFF'), 'no BOM in the text');
    assert.ok(j.text.startsWith('Naïve défendants'), JSON.stringify(j.text.slice(0, 40)));
    assert.ok(j.text.includes('Łódź'), j.text);
  }
  {
    const { s, j } = await show('bad-utf8.txt');
    assert.ok(j.text.includes('\uFFFD'), 'invalid bytes became U+FFFD');
    assert.ok(j.text.includes('Vyshinsky closed the case'), 'the text after the invalid bytes is kept');
    assert.ok(s.warnings.some((w) => /invalid UTF-8/i.test(w)), `warning recorded on the source: ${JSON.stringify(s.warnings)}`);
  }
  // passages of the small non-ASCII sources, via export, re-slice the clean text (UTF-16 offsets)
  for (const name of ['utf16-bom.txt', 'utf8-bom.txt', 'bad-utf8.txt']) {
    const { s, j } = await show(name);
    const e = await cli(['export', 'passages', '--format', 'jsonl', '--source', s.id, '--db', mixedDb]);
    assert.equal(e.code, 0, e.stderr);
    const rows = lines(e.stdout).map((l) => JSON.parse(l) as { sourceId: string; start: number; end: number; text: string });
    assert.equal(rows.length, s.passages);
    for (const p of rows) {
      assert.equal(p.sourceId, s.id);
      assert.equal(j.text.slice(p.start, p.end), p.text, `${name} ${p.start}:${p.end}`);
    }
  }
});

test('the 50 MiB file without line breaks: passages ≤ 2000 code units that re-slice the clean text', async (t) => {
  assert.ok(first, 'needs the mixed ingest');
  const s = byOrigin(first).get(f['huge.txt']!)!;
  assert.ok(s.passages >= HUGE_BYTES / 2000, `at least ${HUGE_BYTES / 2000} passages, got ${s.passages}`);
  assert.ok(s.chars >= HUGE_BYTES - 1 && s.chars <= HUGE_BYTES, `clean text is the whole file (less a trailing space): ${s.chars}`);

  // every passage, streamed through `inquiry export passages --format jsonl`, against the clean text read once from the db
  const db = new Database(mixedDb, { readonly: true });
  let clean: string;
  try {
    const v = db.prepare('SELECT clean_text, passage_count FROM versions WHERE id = ? AND is_current = 1').get(s.versionId) as { clean_text: string; passage_count: number };
    clean = v.clean_text;
    assert.equal(v.passage_count, s.passages);
    assert.equal((db.prepare('SELECT count(*) FROM passages WHERE version_id = ?').pluck().get(s.versionId) as number), s.passages);
  } finally {
    db.close();
  }
  assert.equal(clean.length, s.chars);
  let buf = '';
  let n = 0;
  let covered = 0;
  let prevEnd = 0;
  let longest = 0;
  const check = (line: string) => {
    const p = JSON.parse(line) as { sourceId: string; seq: number; start: number; end: number; text: string };
    assert.equal(p.sourceId, s.id);
    assert.equal(p.seq, n, 'passages in order');
    assert.ok(p.start >= prevEnd && p.end > p.start, `passage ${n} ${p.start}:${p.end} after ${prevEnd}`);
    assert.ok(p.text.length <= 2000, `passage ${n} has ${p.text.length} code units`);
    if (clean.slice(p.start, p.end) !== p.text) assert.fail(`passage ${n} ${p.start}:${p.end} does not re-slice the clean text`);
    longest = Math.max(longest, p.text.length);
    covered += p.text.replace(/ /g, '').length;
    prevEnd = p.end;
    n++;
  };
  const e = await cli(['export', 'passages', '--format', 'jsonl', '--source', s.id, '--db', mixedDb], (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      check(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  assert.equal(e.code, 0, e.stderr);
  if (buf) check(buf);
  assert.equal(n, s.passages);
  // the passages carry (nearly) all of the words: no text silently dropped
  const words = clean.replace(/ /g, '').length;
  assert.ok(covered >= words * 0.999, `passages cover ${covered} of ${words} non-space characters`);
  t.diagnostic(`huge: ${n} passages, longest ${longest} code units`);

  // and `inquiry show --range` agrees at a few places (first, middle, last passage)
  for (const at of [0, Math.floor(clean.length / 2), clean.length - 2]) {
    const x = await cli(['show', s.id, '--json', '--range', `${at}:${at + 1}`, '--db', mixedDb]);
    assert.equal(x.code, 0, x.stderr);
    const j = JSON.parse(x.stdout) as { passages: Array<{ start: number; end: number }> };
    assert.equal(j.passages.length, 1, `one passage covers ${at}`);
    const p = j.passages[0]!;
    const y = await cli(['show', s.id, '--json', '--range', `${p.start}:${p.end}`, '--db', mixedDb]);
    const jy = JSON.parse(y.stdout) as { text: string };
    assert.equal(jy.text, clean.slice(p.start, p.end));
    assert.ok(jy.text.length <= 2000);
  }
});

test('running the same ingest again changes nothing (and still exits 1 for the bad files)', async () => {
  assert.ok(first, 'needs the mixed ingest');
  const statusBefore = JSON.parse((await cli(['status', '--json', '--db', mixedDb])).stdout) as { sources: number; versions: number; passages: number };
  const r = await cli(['ingest', mixed, MISSING, '--db', mixedDb, '--no-progress', '--no-analyze']);
  assert.equal(r.code, 1);
  assertProblemLines(r.stderr);
  const out = oneLinePerGoodFile(r.stdout, /^unchanged\s/);
  assert.match(out[out.length - 1]!, /0 added, 0 updated, 0 metadata updated, 6 unchanged; 2 errors, 2 warnings$/);

  // --json says the same
  const rj = await cli(['ingest', mixed, MISSING, '--db', mixedDb, '--no-progress', '--no-analyze', '--json']);
  assert.equal(rj.code, 1);
  assertProblemLines(rj.stderr);
  const sj = JSON.parse(rj.stdout) as { ok: boolean; sources: Record<string, number>; passages: number; errors: unknown[]; warnings: unknown[] };
  assert.equal(sj.ok, false);
  assert.deepEqual(sj.sources, { added: 0, updated: 0, unchanged: 6, metadata: 0 });
  assert.equal(sj.passages, 0, 'no passages written');
  assert.equal(sj.errors.length, 2);
  assert.equal(sj.warnings.length, 2);

  const again = await sources(mixedDb);
  const pick = (rows: SourceJson[]) => rows.map((s) => [s.id, s.origin, s.versionId, s.contentHash, s.passages]);
  assert.deepEqual(pick(again), pick(first));
  const statusAfter = JSON.parse((await cli(['status', '--json', '--db', mixedDb])).stdout) as typeof statusBefore;
  assert.equal(statusAfter.sources, statusBefore.sources);
  assert.equal(statusAfter.versions, statusBefore.versions);
  assert.equal(statusAfter.passages, statusBefore.passages);
});

test('a failing ingest leaves what was already in the store intact', async () => {
  const dir = join(root, 'intact');
  mkdirSync(dir);
  const good = join(dir, 'kept.txt');
  writeFileSync(good, 'The commission met in Coyoacán in April 1937.\n\nIt heard thirteen sessions of testimony.\n');
  const db = join(root, 'intact.sqlite');
  const r0 = await cli(['ingest', good, '--db', db, '--no-progress']);
  assert.equal(r0.code, 0, r0.stderr);
  assert.equal(r0.stderr, '');
  const [before0] = await sources(db);
  assert.ok(before0);
  const same = async (what: string) => {
    const now = await sources(db);
    assert.equal(now.length, 1, `${what}: ${JSON.stringify(now.map((s) => s.origin))}`);
    const s = now[0]!;
    assert.deepEqual([s.id, s.origin, s.versionId, s.contentHash, s.passages], [before0.id, before0.origin, before0.versionId, before0.contentHash, before0.passages], what);
    const x = await cli(['show', s.id, '--json', '--db', db]);
    assert.ok((JSON.parse(x.stdout) as { text: string }).text.includes('Coyoacán'), what);
  };

  // a bad file alone
  const r1 = await cli(['ingest', f['x.txt']!, '--db', db, '--no-progress']);
  assert.equal(r1.code, 1);
  assert.equal(lines(r1.stderr).length, 1, r1.stderr);
  assert.match(r1.stderr, /^error: .*x\.txt: .*binary/i);
  await same('after a binary file');

  // a missing path and a pattern that matches nothing
  const r2 = await cli(['ingest', join(dir, 'gone.txt'), join(dir, '*.nothing'), '--db', db, '--no-progress']);
  assert.equal(r2.code, 1);
  assert.equal(lines(r2.stderr).length, 2, r2.stderr);
  await same('after a missing path and an empty glob');

  // the good file itself turned binary: an error, and its earlier version stays current
  writeFileSync(good, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.alloc(64, 0)]));
  const r3 = await cli(['ingest', good, '--db', db, '--no-progress']);
  assert.equal(r3.code, 1);
  assert.equal(lines(r3.stderr).length, 1, r3.stderr);
  assert.match(r3.stderr, /^error: .*kept\.txt: .*binary/i);
  await same('after the file itself turned binary');

  // the good file emptied: a warning only, and its earlier version stays current
  writeFileSync(good, '');
  const r4 = await cli(['ingest', good, '--db', db, '--no-progress']);
  assert.equal(r4.code, 0, r4.stderr);
  assert.match(r4.stderr, /^warning: .*kept\.txt: .*empty/i);
  await same('after the file was emptied');
});

test('a directory of 10,000 small files', async (t) => {
  const db = join(root, 'many.sqlite');
  const r = await cli(['ingest', many, '--db', db, '--no-progress', '--no-analyze']);
  t.diagnostic(`10,000 files: ingest ${r.seconds.toFixed(1)} s`);
  assert.equal(r.code, 0, r.stderr.slice(0, 2000));
  assert.equal(r.stderr, '');
  assert.match(lines(r.stdout).at(-1)!, new RegExp(`^${MANY} files, .*: ${MANY} added, 0 updated, 0 metadata updated, 0 unchanged; 0 errors, 0 warnings$`));
  const t0 = performance.now();
  const rows = await sources(db);
  t.diagnostic(`10,000 files: sources --json ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  assert.equal(rows.length, MANY);
  assert.equal(new Set(rows.map((s) => s.id)).size, MANY, 'distinct ids');
  assert.equal(new Set(rows.map((s) => s.origin)).size, MANY, 'distinct origins');
  for (let i = 0; i < MANY; i += 997) {
    assert.ok(rows.some((s) => s.origin === join(many, `note-${String(i).padStart(5, '0')}.txt`)), `note ${i} is a source`);
  }
  assert.ok(rows.every((s) => s.passages === 1), 'one passage each');
});
