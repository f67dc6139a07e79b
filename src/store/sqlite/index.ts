/**
 * SQLite store (better-sqlite3): WAL, one transaction per source, FTS5 over passages
 * (external content, unicode61 with diacritics removed: case and diacritic folding).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { edtfBounds } from '../../core/edtf.js';
import { InquiryError } from '../../core/errors.js';
import type { ProcessedSource } from '../../core/types.js';
import type {
  PassageFilter,
  PassageRow,
  SaveResult,
  SearchCandidates,
  SearchCandidatesQuery,
  SourceRow,
  Store,
  StoreStats,
  VersionTexts,
} from '../store.js';
import type { EntityStore } from '../entity-types.js';
import { SqliteEntities } from './entities.js';
import { SqliteReuse } from './reuse.js';
import { SqliteCitations } from './citations.js';
import { SqliteTime } from './time.js';
import type { TimeStore } from '../time-types.js';
import type { CitationStore } from '../citation-types.js';
import type { ReuseStore } from '../reuse-types.js';
import { MIGRATIONS } from './migrations.js';

type Row = Record<string, unknown>;

export interface SqliteStoreOptions {
  readonly?: boolean;
}

export function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
    if (opts.readonly) db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (opts.readonly && /^SQLITE_READONLY_(ROLLBACK|RECOVERY)|^SQLITE_CANTOPEN/.test(code)) {
      // a write was interrupted (kill -9) and left a journal to roll back: a read-write
      // open recovers the file; then open it read-only as asked
      try {
        new Database(path, { fileMustExist: true }).prepare('SELECT count(*) FROM sqlite_master').get();
        return openSqliteStore(path, { readonly: true });
      } catch (e2) {
        if (e2 instanceof InquiryError) throw e2;
        throw new InquiryError(`database ${path} needs recovery after an interrupted write and could not be recovered here (${(e2 as Error).message}); run "inquiry ingest" on it`, { status: 500, code: 'db_open' });
      }
    }
    throw new InquiryError(`cannot open database ${path}: ${(e as Error).message}`, { status: 500, code: 'db_open' });
  }
  return new SqliteStore(db, path, !!opts.readonly);
}

export class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  readonly entities: EntityStore;
  readonly reuse: ReuseStore;
  readonly citations: CitationStore;
  readonly time: TimeStore;
  private stmtCache = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly readonly: boolean,
  ) {
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      this.migrate();
    } else {
      db.pragma('query_only = ON');
      const have = this.appliedMigrations();
      const missing = MIGRATIONS.filter((m) => !have.has(m.id));
      if (missing.length) {
        throw new InquiryError(`database ${path} needs migrations (${missing.map((m) => m.id).join(', ')}); run any write command (e.g. inquiry ingest) first`, { status: 500, code: 'db_schema' });
      }
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    this.entities = new SqliteEntities(db);
    this.reuse = new SqliteReuse(db);
    this.citations = new SqliteCitations(db);
    this.time = new SqliteTime(db);
  }

  private st(sql: string): Database.Statement {
    let s = this.stmtCache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmtCache.set(sql, s);
    }
    return s;
  }

  private appliedMigrations(): Set<string> {
    const exists = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='migrations'`).get();
    if (!exists) return new Set();
    return new Set((this.db.prepare('SELECT id FROM migrations').all() as Array<{ id: string }>).map((r) => r.id));
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const have = this.appliedMigrations();
    for (const m of MIGRATIONS) {
      if (have.has(m.id)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)').run(m.id, new Date().toISOString());
      })();
    }
  }

  async close(): Promise<void> {
    if (this.db.open) {
      if (!this.readonly) {
        try {
          this.db.pragma('wal_checkpoint(TRUNCATE)');
        } catch {
          /* another connection may hold the WAL; fine */
        }
      }
      this.db.close();
    }
  }

  async sourceIdForOrigin(origin: string): Promise<string | null> {
    const r = this.st('SELECT id FROM sources WHERE origin = ?').get(origin) as { id: string } | undefined;
    return r?.id ?? null;
  }

  async sourceIdTaken(id: string): Promise<boolean> {
    return !!this.st('SELECT 1 FROM sources WHERE id = ?').get(id);
  }

  async currentHash(sourceId: string): Promise<string | null> {
    const r = this.st('SELECT content_hash FROM versions WHERE source_id = ? AND is_current = 1').get(sourceId) as { content_hash: string } | undefined;
    return r?.content_hash ?? null;
  }

  async saveSource(p: ProcessedSource): Promise<SaveResult> {
    const now = new Date().toISOString();
    const m = p.meta;
    const bounds = edtfBounds(m.date);
    const tx = this.db.transaction((): SaveResult => {
      const existing = this.st('SELECT id, origin, current_version FROM sources WHERE id = ?').get(m.id) as
        | { id: string; origin: string; current_version: number | null }
        | undefined;
      if (existing && existing.origin !== p.origin) {
        if (!p.explicitId) throw new InquiryError(`source id "${m.id}" is already used by ${existing.origin}`, { code: 'id_conflict' });
        // an explicitly identified source that moved: follow it
        this.st('UPDATE sources SET origin = ? WHERE id = ?').run(p.origin, m.id);
      }
      const metaParams = [
        p.fileName, p.format, m.title, JSON.stringify(m.authors), m.date, bounds?.[0] ?? null, bounds?.[1] ?? null,
        m.dateModified ?? null, m.url, m.language, JSON.stringify(m.perspective), m.kind, m.licence, m.container ?? null,
        m.series ?? null, m.notes ?? null, JSON.stringify(m.metaOrigin),
      ];
      if (!existing) {
        this.st(
          `INSERT INTO sources (id, origin, file_name, format, title, authors, date, date_lo, date_hi, date_modified, url, language,
             perspective, kind, licence, container, series, notes, meta_origin, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(m.id, p.origin, ...metaParams, now, now);
      } else {
        const before = this.st(
          `SELECT file_name, format, title, authors, date, date_lo, date_hi, date_modified, url, language, perspective, kind,
             licence, container, series, notes, meta_origin FROM sources WHERE id = ?`,
        ).raw().get(m.id) as unknown[];
        if (JSON.stringify(before) !== JSON.stringify(metaParams)) {
          this.st(
            `UPDATE sources SET file_name=?, format=?, title=?, authors=?, date=?, date_lo=?, date_hi=?, date_modified=?, url=?,
               language=?, perspective=?, kind=?, licence=?, container=?, series=?, notes=?, meta_origin=?, updated_at=? WHERE id=?`,
          ).run(...metaParams, now, m.id);
          this.st('DELETE FROM source_perspectives WHERE source_id = ?').run(m.id);
          for (const per of new Set(m.perspective)) this.st('INSERT INTO source_perspectives (source_id, perspective) VALUES (?, ?)').run(m.id, per);
          const cur = this.st('SELECT id FROM versions WHERE source_id = ? AND content_hash = ? AND is_current = 1').get(m.id, p.contentHash) as
            | { id: number }
            | undefined;
          if (cur) return { status: 'metadata', sourceId: m.id, versionId: cur.id, passages: p.passages.length };
        } else {
          const cur = this.st('SELECT id FROM versions WHERE source_id = ? AND content_hash = ? AND is_current = 1').get(m.id, p.contentHash) as
            | { id: number }
            | undefined;
          if (cur) return { status: 'unchanged', sourceId: m.id, versionId: cur.id, passages: p.passages.length };
        }
      }
      if (!existing) {
        for (const per of new Set(m.perspective)) this.st('INSERT INTO source_perspectives (source_id, perspective) VALUES (?, ?)').run(m.id, per);
      }
      // retire the current version: what was derived from it goes with it
      if (existing?.current_version) this.retireVersion(existing.current_version, now);
      // a reverted file: drop the retired row with the same content so the new version can take its place
      this.st('DELETE FROM versions WHERE source_id = ? AND content_hash = ? AND is_current = 0').run(m.id, p.contentHash);
      const dupCount = p.passages.filter((x) => x.dupOf).length;
      const vinfo = this.st(
        `INSERT INTO versions (source_id, content_hash, encoding, format, raw_text, clean_text, offset_map, removed, duplicates,
           warnings, chars, raw_chars, passage_count, sentence_count, dup_passages, is_current, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      ).run(
        m.id, p.contentHash, p.encoding, p.format, p.rawText, p.cleanText, p.offsetMap,
        JSON.stringify(p.removed.map(({ rawStart, rawEnd, reason }) => ({ rawStart, rawEnd, reason }))),
        JSON.stringify(p.duplicates), JSON.stringify(p.warnings), p.cleanText.length, p.rawText.length,
        p.passages.length, p.sentences.length, dupCount, now,
      );
      const versionId = Number(vinfo.lastInsertRowid);
      const sentencesBy = new Map<string, Array<[number, number, string]>>();
      for (const s of p.sentences) {
        const a = sentencesBy.get(s.passageKey);
        if (a) a.push([s.start, s.end, s.key]);
        else sentencesBy.set(s.passageKey, [[s.start, s.end, s.key]]);
      }
      const insP = this.st(
        `INSERT INTO passages (version_id, key, seq, start, "end", raw_start, raw_end, role, ocr, dup_of, text, sentences)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insF = this.st('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)');
      let lo = -1;
      let hi = -1;
      for (const x of p.passages) {
        const info = insP.run(versionId, x.key, x.seq, x.start, x.end, x.rawStart, x.rawEnd, x.role, x.ocrScore, x.dupOf, x.text, JSON.stringify(sentencesBy.get(x.key) ?? []));
        const id = Number(info.lastInsertRowid);
        if (lo < 0) lo = id;
        hi = id;
        if (!x.dupOf) insF.run(id, x.text);
      }
      this.st('UPDATE versions SET passage_lo = ?, passage_hi = ? WHERE id = ?').run(lo < 0 ? null : lo, hi < 0 ? null : hi, versionId);
      this.st('UPDATE sources SET current_version = ?, updated_at = ? WHERE id = ?').run(versionId, now, m.id);
      return { status: existing ? 'updated' : 'added', sourceId: m.id, versionId, passages: p.passages.length };
    });
    return tx.immediate();
  }

  private retireVersion(versionId: number, now: string): void {
    const rows = this.st('SELECT id, text FROM passages WHERE version_id = ? AND dup_of IS NULL').all(versionId) as Array<{ id: number; text: string }>;
    const del = this.st(`INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', ?, ?)`);
    for (const r of rows) del.run(r.id, r.text);
    this.st('DELETE FROM passages WHERE version_id = ?').run(versionId);
    // keep the version record (hash, time) as history; its texts and derived rows go
    this.st(
      `UPDATE versions SET is_current = 0, retired_at = ?, raw_text = NULL, clean_text = NULL, offset_map = NULL,
         passage_lo = NULL, passage_hi = NULL WHERE id = ?`,
    ).run(now, versionId);
  }

  private sourceFromRow(r: Row): SourceRow {
    return {
      id: r.id as string,
      title: (r.title as string | null) ?? null,
      authors: JSON.parse(r.authors as string) as string[],
      date: (r.date as string | null) ?? null,
      dateModified: (r.date_modified as string | null) ?? null,
      url: (r.url as string | null) ?? null,
      language: (r.language as string | null) ?? null,
      perspective: JSON.parse(r.perspective as string) as string[],
      kind: (r.kind as string | null) ?? null,
      licence: (r.licence as string | null) ?? null,
      container: (r.container as string | null) ?? null,
      series: (r.series as string | null) ?? null,
      notes: (r.notes as string | null) ?? null,
      metaOrigin: JSON.parse(r.meta_origin as string) as Record<string, string>,
      origin: r.origin as string,
      fileName: r.file_name as string,
      format: r.format as string,
      versionId: r.version_id as number,
      contentHash: r.content_hash as string,
      encoding: r.encoding as string,
      ingestedAt: r.ingested_at as string,
      chars: r.chars as number,
      rawChars: r.raw_chars as number,
      passages: r.passage_count as number,
      sentences: r.sentence_count as number,
      duplicatePassages: r.dup_passages as number,
      warnings: JSON.parse(r.warnings as string) as string[],
    };
  }

  private static SOURCE_SELECT = `SELECT s.*, v.id AS version_id, v.content_hash, v.encoding, v.ingested_at, v.chars, v.raw_chars,
      v.passage_count, v.sentence_count, v.dup_passages, v.warnings
    FROM sources s JOIN versions v ON v.id = s.current_version`;

  private sourcesCache: { version: number; changes: number; rows: SourceRow[] } | null = null;

  async listSources(): Promise<SourceRow[]> {
    // cached until this or another connection writes (data_version / total_changes)
    const version = this.db.pragma('data_version', { simple: true }) as number;
    const changes = (this.st('SELECT total_changes() AS n').get() as { n: number }).n;
    const c = this.sourcesCache;
    if (c && c.version === version && c.changes === changes) return c.rows;
    const rows = (this.st(`${SqliteStore.SOURCE_SELECT} ORDER BY s.date IS NULL, s.date, s.id`).all() as Row[]).map((r) => this.sourceFromRow(r));
    this.sourcesCache = { version, changes, rows };
    return rows;
  }

  async getSource(id: string): Promise<SourceRow | null> {
    const r = this.st(`${SqliteStore.SOURCE_SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
    return r ? this.sourceFromRow(r) : null;
  }

  async getVersionTexts(versionId: number): Promise<VersionTexts | null> {
    const r = this.st('SELECT id, raw_text, clean_text, offset_map, removed, duplicates FROM versions WHERE id = ?').get(versionId) as Row | undefined;
    if (!r || r.clean_text === null) return null;
    return {
      versionId: r.id as number,
      rawText: r.raw_text as string,
      cleanText: r.clean_text as string,
      offsetMap: r.offset_map as Uint8Array,
      removed: JSON.parse(r.removed as string) as VersionTexts['removed'],
      duplicates: JSON.parse(r.duplicates as string) as VersionTexts['duplicates'],
    };
  }

  private passageFromRow(r: Row): PassageRow {
    return {
      id: r.id as number,
      key: r.key as string,
      sourceId: r.source_id as string,
      versionId: r.version_id as number,
      seq: r.seq as number,
      start: r.start as number,
      end: r.end as number,
      rawStart: r.raw_start as number,
      rawEnd: r.raw_end as number,
      text: r.text as string,
      role: r.role as PassageRow['role'],
      ocrScore: r.ocr as number,
      dupOf: (r.dup_of as string | null) ?? null,
      sentences: JSON.parse(r.sentences as string) as PassageRow['sentences'],
    };
  }

  private static PASSAGE_SELECT = `SELECT p.*, v.source_id FROM passages p JOIN versions v ON v.id = p.version_id`;

  async getPassages(versionId: number, range?: { start: number; end: number }): Promise<PassageRow[]> {
    const rows = range
      ? (this.st(`${SqliteStore.PASSAGE_SELECT} WHERE p.version_id = ? AND p."end" > ? AND p.start < ? ORDER BY p.seq`).all(versionId, range.start, range.end) as Row[])
      : (this.st(`${SqliteStore.PASSAGE_SELECT} WHERE p.version_id = ? ORDER BY p.seq`).all(versionId) as Row[]);
    return rows.map((r) => this.passageFromRow(r));
  }

  async getPassagesByIds(ids: number[]): Promise<PassageRow[]> {
    if (!ids.length) return [];
    const rows = this.st(`${SqliteStore.PASSAGE_SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => [r.id as number, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [this.passageFromRow(r)] : [];
    });
  }

  async passageQuality(ids: number[]): Promise<Map<number, { ocr: number; dup: boolean }>> {
    const rows = this.st('SELECT id, ocr, dup_of IS NOT NULL AS dup FROM passages WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: number; ocr: number; dup: number }>;
    return new Map(rows.map((r) => [r.id, { ocr: r.ocr, dup: !!r.dup }]));
  }

  async getPassageByKey(key: string, sourceId?: string): Promise<PassageRow | null> {
    const rows = this.st(`${SqliteStore.PASSAGE_SELECT} WHERE p.key = ? AND v.is_current = 1`).all(key) as Row[];
    const r = sourceId ? rows.find((x) => x.source_id === sourceId) : rows[0];
    return r ? this.passageFromRow(r) : null;
  }

  async duplicatesOf(versionId: number, keys: string[]): Promise<Map<string, PassageRow[]>> {
    const out = new Map<string, PassageRow[]>();
    const has = this.st('SELECT dup_passages FROM versions WHERE id = ?').pluck().get(versionId) as number | undefined;
    if (!has || !keys.length) return out;
    const rows = this.st(`${SqliteStore.PASSAGE_SELECT} WHERE p.version_id = ? AND p.dup_of IN (SELECT value FROM json_each(?)) ORDER BY p.seq`).all(versionId, JSON.stringify(keys)) as Row[];
    for (const r of rows) {
      const p = this.passageFromRow(r);
      const list = out.get(p.dupOf!);
      if (list) list.push(p);
      else out.set(p.dupOf!, [p]);
    }
    return out;
  }

  async *iteratePassages(filter: PassageFilter): AsyncIterable<PassageRow> {
    const where: string[] = ['v.is_current = 1'];
    const params: unknown[] = [];
    if (filter.sourceIds?.length) {
      where.push(`v.source_id IN (${filter.sourceIds.map(() => '?').join(',')})`);
      params.push(...filter.sourceIds);
    }
    if (!filter.includeDuplicates) where.push('p.dup_of IS NULL');
    // page by id so no statement stays open across yields
    let after = 0;
    const sql = `${SqliteStore.PASSAGE_SELECT} WHERE ${where.join(' AND ')} AND p.id > ? ORDER BY p.id LIMIT 2000`;
    for (;;) {
      const rows = this.db.prepare(sql).all(...params, after) as Row[];
      if (!rows.length) return;
      for (const r of rows) yield this.passageFromRow(r);
      after = rows[rows.length - 1]!.id as number;
    }
  }

  /**
   * Ranked candidates within a bounded set. A term with 60,000 hits must not be
   * ranked in full (that loses to grep): the doclist is read in rowid order with a
   * LIMIT, so bm25 runs on at most about `cap` rows. When a query overflows the cap,
   * the candidates are an even sample of its matches over the whole index (every k-th
   * rowid, k from the estimated total), and the total is estimated from how far into
   * the index the capped read reached. Filters never become a row-by-row
   * MATCH: they are turned into rowid ranges before the FTS query runs.
   */
  async searchCandidates(q: SearchCandidatesQuery): Promise<SearchCandidates> {
    let ranges: Array<[number, number]>;
    if (q.versionIds) {
      if (!q.versionIds.length) return { hits: [], total: 0, totalIsEstimate: false };
      const rows = this.db
        .prepare(`SELECT passage_lo, passage_hi FROM versions WHERE is_current = 1 AND passage_lo IS NOT NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY passage_lo`)
        .all(JSON.stringify(q.versionIds)) as Array<{ passage_lo: number; passage_hi: number }>;
      ranges = mergeRanges(rows.map((r) => [r.passage_lo, r.passage_hi]), this.db);
      if (!ranges.length) return { hits: [], total: 0, totalIsEstimate: false };
    } else {
      // two queries: SQLite optimizes a lone min() or max() to one index probe, not both together
      const lo = this.st('SELECT min(id) FROM passages').pluck().get() as number | null;
      const hi = this.st('SELECT max(id) FROM passages').pluck().get() as number | null;
      if (lo === null || hi === null) return { hits: [], total: 0, totalIsEstimate: false };
      ranges = [[lo, hi]];
    }
    const ranked = this.st('SELECT rowid AS id, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?');
    const ids = this.st('SELECT rowid AS id FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?').pluck();
    const sampled = this.st(
      'SELECT rowid AS id, -bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ? AND (rowid % ?) = 0 LIMIT ?',
    );
    const guard = <T>(f: () => T): T => {
      try {
        return f();
      } catch (e) {
        throw new InquiryError(`invalid search query: ${(e as Error).message.replace(/^fts5: /, '')}`, { code: 'bad_query' });
      }
    };
    const run = (lo: number, hi: number, limit: number) => guard(() => ranked.all(q.match, lo, hi, limit) as Array<{ id: number; score: number }>);
    /** the rowid of the (limit+1)-th match in [lo, hi], or null when there are at most `limit` (no ranking: a doclist walk) */
    const overflowAt = (lo: number, hi: number, limit: number): number | null => {
      const got = guard(() => ids.all(q.match, lo, hi, limit + 1) as number[]);
      return got.length > limit ? got[limit - 1]! : null;
    };
    // how many rows of [lo, hi] match, judged from a capped read that reached `reached`
    const extrapolate = (lo: number, hi: number, got: number, reached: number) =>
      Math.round((got * (hi - lo + 1)) / Math.max(1, reached - lo + 1));
    // 1. probe every range with a shared budget (unranked, cheap)
    const perRange = Math.max(32, Math.ceil(q.cap / ranges.length));
    const byRange: Array<Array<{ id: number; score: number }>> = [];
    const estimates: number[] = [];
    let overflow = false;
    ranges.forEach(([lo, hi]) => {
      const reached = overflowAt(lo, hi, perRange);
      if (reached === null || ranges.length > 4) {
        // rank what there is (or, with many ranges, the first perRange of each)
        const got = run(lo, hi, perRange);
        byRange.push(got);
        if (reached !== null) {
          overflow = true;
          estimates.push(extrapolate(lo, hi, perRange, reached));
        } else estimates.push(got.length);
        return;
      }
      // 2. spread: an overflowing range is sampled evenly (every k-th matching rowid
      //    class), in one pass: the query's doclists are set up once, rows are walked
      //    cheaply, and bm25 runs only on the rows the modulo keeps (~perRange of them)
      overflow = true;
      const est = extrapolate(lo, hi, perRange, reached);
      const k = Math.max(2, Math.ceil(est / perRange));
      const sample = guard(() => sampled.all(q.match, lo, hi, k, perRange * 2) as Array<{ id: number; score: number }>);
      byRange.push(sample);
      estimates.push(est);
    });
    const hits = byRange.flat();
    const estimate = estimates.reduce((a, b) => a + b, 0);
    return { hits, total: overflow ? Math.max(estimate, hits.length) : hits.length, totalIsEstimate: overflow };
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const last = this.db.prepare('SELECT id FROM migrations ORDER BY id DESC LIMIT 1').get() as { id: string } | undefined;
    return {
      sources: one('SELECT count(*) AS n FROM sources'),
      versions: one('SELECT count(*) AS n FROM versions WHERE is_current = 1'),
      passages: one('SELECT count(*) AS n FROM passages'),
      sentences: one('SELECT coalesce(sum(sentence_count), 0) AS n FROM versions WHERE is_current = 1'),
      schemaVersion: last?.id ?? 'none',
      path: this.path,
    };
  }

  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
  }
}

/**
 * Merge allowed rowid ranges that touch: two ranges merge when no current passage of
 * another version lies between them.
 */
function mergeRanges(rs: Array<[number, number]>, db: Database.Database): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const between = db.prepare('SELECT 1 FROM passages WHERE id > ? AND id < ? LIMIT 1');
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && (r[0] <= last[1] + 1 || !between.get(last[1], r[0]))) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
