/**
 * kill -9 during ingest (README: "Each source is written in one transaction: a failure
 * or a `kill -9` never leaves a partial source, and running the same command again
 * finishes the job").
 *
 * A ~25 MB generated corpus is ingested by the real CLI in a child process, which is
 * SIGKILLed several times at different moments: while it creates the database, after
 * some files have been reported (with different delays), and while the WAL is being
 * written (a commit in flight; retried a few times if the scheduler misses it). After
 * every kill the database must pass `PRAGMA integrity_check` and FTS5's integrity
 * check, hold no partial source and no duplicate, and hold exactly
 * the files the killed run reported (plus at most the one it committed but had not yet
 * reported). The next run must report those as unchanged and go on; the last one runs
 * to completion, and a run after it reports everything unchanged.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { writeCorpus } from '../bench/generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'inquiry.js');
const LINE = /^(added|updated|unchanged|metadata)\s+(\S+)\s+(.+?)\s+\((\d+) passages\)$/;

let tmp: string;
let corpus: string;
let db: string;
let files: string[];

before(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('build first: npx tsc -p tsconfig.build.json');
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'inquiry-fault-')));
  corpus = join(tmp, 'corpus');
  const w = writeCorpus(corpus, { seed: 'fault-test', mb: 25 });
  files = readdirSync(corpus).filter((n) => n.endsWith('.txt')).sort();
  assert.equal(files.length, w.meta.files);
  assert.ok(files.length >= 100, `a corpus of many files (${files.length})`);
  db = join(tmp, 'f.sqlite');
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------- the child

interface Reported {
  status: string;
  id: string;
  file: string;
  passages: number;
}

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  reported: Reported[];
  stdout: string;
  stderr: string;
  seconds: number;
}

type KillWhen =
  /** as soon as the database file exists (the CLI is opening or migrating it) */
  | { dbAppears: true }
  /** once this many files have been reported on stdout, after `delayMs`; or, with `onWalWrite`, at the nth write to the WAL seen after that */
  | { lines: number; delayMs?: number; onWalWrite?: number };

function ingest(kill?: KillWhen, extra: string[] = []): Promise<ChildRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', db, '--no-progress', '--no-analyze', ...extra], {
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, INQUIRY_DB: undefined },
  });
  let stdout = '';
  let stderr = '';
  let pending = '';
  const reported: Reported[] = [];
  let armed = !!kill;
  let killed = false;
  const doKill = () => {
    if (killed) return;
    killed = true;
    child.kill('SIGKILL');
  };
  const walPath = `${db}-wal`;
  const walStamp = () => {
    try {
      const s = statSync(walPath, { bigint: true });
      return `${s.size}:${s.mtimeNs}`;
    } catch {
      return '';
    }
  };
  /** kill at the `n`th change of the WAL's size or mtime seen by polling: inside a commit that is writing its frames */
  const watchWal = (n: number) => {
    let last = walStamp();
    let seen = 0;
    const poll = () => {
      if (killed || child.exitCode !== null) return;
      const now = walStamp();
      if (now !== last) {
        last = now;
        if (++seen >= n) return doKill();
      }
      setImmediate(poll);
    };
    poll();
  };
  let dbPoll: NodeJS.Timeout | undefined;
  if (kill && 'dbAppears' in kill) {
    dbPoll = setInterval(() => {
      if (existsSync(db)) {
        clearInterval(dbPoll);
        doKill();
      }
    }, 1);
  }
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    stdout += d;
    pending += d;
    let i;
    while ((i = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, i);
      pending = pending.slice(i + 1);
      const m = LINE.exec(line);
      if (m) reported.push({ status: m[1]!, id: m[2]!, file: m[3]!, passages: Number(m[4]) });
    }
    if (armed && kill && 'lines' in kill && reported.length >= kill.lines) {
      armed = false;
      if (kill.onWalWrite) watchWal(kill.onWalWrite);
      else if (kill.delayMs) setTimeout(doKill, kill.delayMs);
      else doKill();
    }
  });
  child.stderr.on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(dbPoll);
      resolve({ code, signal, reported, stdout, stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

// ---------------------------------------------------------------- the database after a kill

/**
 * What the kill left in the WAL: frames of the current WAL generation (salts match the
 * header) after its last commit frame were written by a transaction that never
 * committed, i.e. the kill landed in the middle of a commit. Diagnostic only: when a
 * kill lands is up to the scheduler.
 */
function walTail(): { frames: number; uncommitted: number } | null {
  const p = `${db}-wal`;
  if (!existsSync(p)) return null;
  const b = readFileSync(p);
  if (b.length < 32) return { frames: 0, uncommitted: 0 };
  const pageSize = b.readUInt32BE(8);
  const salt1 = b.readUInt32BE(16);
  const salt2 = b.readUInt32BE(20);
  let frames = 0;
  let lastCommit = 0;
  for (let off = 32; off + 24 + pageSize <= b.length; off += 24 + pageSize) {
    if (b.readUInt32BE(off + 8) !== salt1 || b.readUInt32BE(off + 12) !== salt2) break;
    frames++;
    if (b.readUInt32BE(off + 4) !== 0) lastCommit = frames;
  }
  return { frames, uncommitted: frames - lastCommit };
}

interface DbState {
  sources: Map<string, { origin: string; passages: number }>;
  /** the kill left a hot rollback journal (possible only while the new file is switched to WAL) */
  hotJournal: boolean;
}

/**
 * The database as the kill left it. First the file itself, read-only: `integrity_check`.
 * (A kill while a brand-new database is being switched to WAL can leave a hot rollback
 * journal, which a read-only connection may not roll back: SQLITE_READONLY_ROLLBACK.)
 * Then a byte copy of it with its -wal/-journal, opened read-write so SQLite recovers it
 * exactly as the next run will, for everything else: integrity again, no partial source,
 * no duplicate, and FTS5's own integrity-check (a write statement). The original stays
 * as the kill left it, for the next run of the CLI to recover.
 */
function checkDb(what: string): DbState {
  let hotJournal = false;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok', `${what}: integrity_check`);
    } finally {
      conn.close();
    }
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_READONLY_ROLLBACK') throw e;
    assert.ok(existsSync(`${db}-journal`), `${what}: SQLITE_READONLY_ROLLBACK without a journal`);
    hotJournal = true;
  }

  const copy = join(tmp, 'check.sqlite');
  const SUFFIXES = ['', '-wal', '-journal', '-shm'];
  const clean = () => {
    for (const x of SUFFIXES) rmSync(copy + x, { force: true });
  };
  clean();
  for (const x of ['', '-wal', '-journal']) if (existsSync(db + x)) copyFileSync(db + x, copy + x);
  const conn = new Database(copy);
  try {
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok', `${what}: integrity_check after recovery`);
    const hasSchema = conn.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sources'`).pluck().get() === 1;
    if (!hasSchema) return { sources: new Map(), hotJournal };
    assert.deepEqual(conn.pragma('foreign_key_check'), [], `${what}: foreign keys`);
    const q = <T>(sql: string) => conn.prepare(sql).all() as T[];
    const one = (sql: string) => conn.prepare(sql).pluck().get() as number;

    // no duplicates
    assert.equal(one('SELECT count(*) FROM sources'), one('SELECT count(DISTINCT origin) FROM sources'), `${what}: duplicate origins`);
    assert.equal(one('SELECT count(*) FROM sources'), one('SELECT count(DISTINCT file_name) FROM sources'), `${what}: a file under two origins`);
    // every source has a current version with its texts, and exactly one
    assert.deepEqual(q(`SELECT s.id FROM sources s LEFT JOIN versions v ON v.id = s.current_version
                        WHERE v.id IS NULL OR v.source_id != s.id OR v.is_current != 1 OR v.clean_text IS NULL OR v.raw_text IS NULL OR v.offset_map IS NULL`), [],
      `${what}: sources without a complete current version`);
    assert.deepEqual(q('SELECT source_id FROM versions WHERE is_current = 1 GROUP BY source_id HAVING count(*) > 1'), [], `${what}: two current versions`);
    assert.deepEqual(q('SELECT v.id FROM versions v LEFT JOIN sources s ON s.current_version = v.id WHERE v.is_current = 1 AND s.id IS NULL'), [],
      `${what}: a current version no source points at`);
    // no partial source: each current version has exactly its passages, and nothing else has any
    assert.deepEqual(q(`SELECT v.id, v.passage_count, (SELECT count(*) FROM passages p WHERE p.version_id = v.id) AS n
                        FROM versions v WHERE v.is_current = 1 AND v.passage_count != (SELECT count(*) FROM passages p WHERE p.version_id = v.id)`), [],
      `${what}: versions whose passage rows do not match passage_count`);
    assert.deepEqual(q(`SELECT v.id FROM versions v WHERE v.is_current = 1 AND (v.passage_count = 0 OR v.passage_lo IS NULL OR v.passage_hi IS NULL
                        OR v.passage_lo != (SELECT min(id) FROM passages WHERE version_id = v.id) OR v.passage_hi != (SELECT max(id) FROM passages WHERE version_id = v.id))`), [],
      `${what}: passage id ranges`);
    assert.equal(one('SELECT count(*) FROM passages p JOIN versions v ON v.id = p.version_id WHERE v.is_current = 0'), 0, `${what}: passages of retired versions`);
    assert.equal(one('SELECT count(*) FROM passages'), one('SELECT coalesce(sum(passage_count), 0) FROM versions WHERE is_current = 1'), `${what}: passage total`);
    assert.doesNotThrow(() => conn.exec(`INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')`), `${what}: FTS5 integrity-check`);
    return {
      hotJournal,
      sources: new Map(
        q<{ id: string; origin: string; passage_count: number }>('SELECT s.id, s.origin, v.passage_count FROM sources s JOIN versions v ON v.id = s.current_version').map((r) => [
          r.id,
          { origin: r.origin, passages: r.passage_count },
        ]),
      ),
    };
  } finally {
    conn.close();
    clean();
  }
}

// ---------------------------------------------------------------- the test

test('kill -9 at several moments never leaves a partial source; re-running finishes the job', { timeout: 150_000 }, async (t) => {
  const N = files.length;
  const expectOrigin = (name: string) => join(corpus, name);
  let present = new Map<string, { origin: string; passages: number }>();
  const plans: Array<{ name: string; kill: KillWhen }> = [
    { name: 'while opening the database', kill: { dbAppears: true } },
    { name: 'after ~10% of the files', kill: { lines: Math.round(N * 0.1) } },
    { name: 'after ~40% of the files, +70 ms', kill: { lines: Math.round(N * 0.4), delayMs: 70 } },
    { name: 'after ~70% of the files, during the next commit', kill: { lines: Math.round(N * 0.7), onWalWrite: 3 } },
  ];
  // a kill during a commit leaves frames after the WAL's last commit frame; when the
  // scheduler did not give us one, try again a little later (at most three times)
  let torn = 0;
  let retries = 0;
  for (let k = 0; k < plans.length; k++) {
    const plan = plans[k]!;
    const before = present.size;
    if ('lines' in plan.kill) plan.kill.lines = Math.min(N - 2, Math.max(plan.kill.lines, before + 2));
    const r = await ingest(plan.kill);
    t.diagnostic(`kill ${k} (${plan.name}): after ${r.seconds.toFixed(1)} s, ${r.reported.length} files reported`);
    assert.equal(r.signal, 'SIGKILL', `kill ${k}: the child was killed (not finished: code ${r.code})\n${r.stderr}`);
    assert.equal(r.stderr, '', `kill ${k}: stderr`);
    assert.ok(r.reported.length < N, `kill ${k}: killed before every file was reported`);
    if (!existsSync(db)) {
      assert.equal(k, 0);
      continue;
    }
    const wal = walTail();
    const state = checkDb(`after kill ${k}`);

    // what the run reported: first the files already in, unchanged, then new ones, in order
    const reportedUnchanged = r.reported.filter((x) => x.status === 'unchanged');
    const reportedAdded = r.reported.filter((x) => x.status === 'added');
    assert.equal(reportedUnchanged.length + reportedAdded.length, r.reported.length, `kill ${k}: only added/unchanged`);
    assert.deepEqual(r.reported.slice(0, reportedUnchanged.length).map((x) => x.status), reportedUnchanged.map(() => 'unchanged'));
    if ('lines' in plan.kill) {
      assert.deepEqual(new Set(reportedUnchanged.map((x) => x.id)), new Set(present.keys()), `kill ${k}: what was in reported unchanged`);
    }
    for (const x of r.reported) {
      const s = state.sources.get(x.id);
      assert.ok(s, `kill ${k}: reported ${x.id} is in the db`);
      assert.equal(s.origin, x.file);
      assert.equal(s.passages, x.passages, `kill ${k}: ${x.id} passages`);
    }
    // exactly what was reported, plus at most the one file committed but not yet reported
    const extra = state.sources.size - before - reportedAdded.length;
    assert.ok(extra === 0 || extra === 1, `kill ${k}: ${state.sources.size} sources = ${before} before + ${reportedAdded.length} reported + ${extra}`);
    for (const id of present.keys()) assert.ok(state.sources.has(id), `kill ${k}: ${id} is still there`);
    for (const s of state.sources.values()) assert.ok(files.some((n) => expectOrigin(n) === s.origin), `kill ${k}: ${s.origin} is a corpus file`);
    if (k > 0) {
      // really mid-run: some but not all sources
      assert.ok(state.sources.size > before, `kill ${k}: progress (${before} → ${state.sources.size})`);
      assert.ok(state.sources.size < N, `kill ${k}: not all ${N} sources`);
    } else assert.equal(r.reported.length, 0, 'kill 0 came before any file');
    t.diagnostic(
      `  → ${state.sources.size}/${N} sources in the db (${extra ? 'one committed but not yet reported' : 'none committed unreported'}); ` +
        (wal ? `WAL: ${wal.frames} frames, ${wal.uncommitted} of them after the last commit` : 'no WAL') +
        (state.hotJournal ? '; a hot rollback journal' : ''),
    );
    present = state.sources;
    if (wal && wal.uncommitted > 0) torn++;
    if (k === plans.length - 1 && !torn && retries < 3 && present.size < N - 12) {
      retries++;
      plans.push({ name: `during a commit, attempt ${retries + 1}`, kill: { lines: present.size + 4, onWalWrite: 2 * retries + 2 } });
    }
  }
  t.diagnostic(torn ? `${torn} kill(s) landed inside a commit (uncommitted WAL frames left behind)` : 'no kill landed inside a commit this time (timing)');

  // run to completion
  const done = await ingest();
  t.diagnostic(`completion run: ${done.seconds.toFixed(1)} s`);
  assert.equal(done.code, 0, done.stderr);
  assert.equal(done.stderr, '');
  assert.equal(done.reported.length, N);
  assert.deepEqual(done.reported.filter((x) => x.status === 'unchanged').map((x) => x.id).sort(), [...present.keys()].sort(), 'the files already in are unchanged');
  assert.equal(done.reported.filter((x) => x.status === 'added').length, N - present.size);
  const final = checkDb('after completion');
  assert.equal(final.sources.size, N);
  assert.deepEqual([...final.sources.values()].map((s) => s.origin).sort(), files.map(expectOrigin).sort());
  for (const x of done.reported) assert.equal(final.sources.get(x.id)?.passages, x.passages, `${x.id} passages`);

  // and once more: everything unchanged
  const again = await ingest(undefined, ['--json']);
  assert.equal(again.code, 0, again.stderr);
  const summary = JSON.parse(again.stdout) as { ok: boolean; files: number; sources: Record<string, number>; passages: number; errors: unknown[] };
  assert.equal(summary.ok, true);
  assert.equal(summary.files, N);
  assert.deepEqual(summary.sources, { added: 0, updated: 0, unchanged: N, metadata: 0 });
  assert.equal(summary.passages, 0);
  assert.equal(checkDb('after the unchanged run').sources.size, N);
});
