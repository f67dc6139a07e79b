/** SQLite side of reuse analysis (see ../reuse-types.ts). */
import type Database from 'better-sqlite3';
import type { FamilyQuery, FamilyRow, OccurrenceRow, ReuseStore } from '../reuse-types.js';

type Row = Record<string, unknown>;

const familyFromRow = (r: Row): FamilyRow => ({
  key: r.key as string,
  kind: r.kind as FamilyRow['kind'],
  words: r.words as number,
  occurrences: r.occurrences as number,
  sources: r.sources as number,
  severity: r.severity as FamilyRow['severity'],
  base: r.base as string,
  preview: r.preview as string,
  firstDate: (r.first_date as string | null) ?? null,
});

const occFromRow = (r: Row): OccurrenceRow => ({
  key: r.key as string,
  family: r.family as string,
  seq: r.seq as number,
  versionId: r.version_id as number,
  sourceId: r.source_id as string,
  start: r.start as number,
  end: r.end as number,
  rawStart: r.raw_start as number,
  rawEnd: r.raw_end as number,
  words: r.words as number,
  base: r.base === 1,
  repeat: r.repeat === 1,
  severity: r.severity as OccurrenceRow['severity'],
  summary: r.summary as string,
  text: r.text as string,
  data: JSON.parse(r.data as string),
});

export class SqliteReuse implements ReuseStore {
  constructor(private readonly db: Database.Database) {}

  async writeReuse(families: FamilyRow[], occurrences: OccurrenceRow[]): Promise<void> {
    const insF = this.db.prepare('INSERT INTO reuse_families (key, kind, words, occurrences, sources, severity, base, preview, first_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insO = this.db.prepare(
      'INSERT INTO reuse_occurrences (key, family, seq, version_id, source_id, start, end, raw_start, raw_end, words, base, repeat, severity, summary, text, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.exec('DELETE FROM reuse_occurrences; DELETE FROM reuse_families;');
      for (const f of families) insF.run(f.key, f.kind, f.words, f.occurrences, f.sources, f.severity, f.base, f.preview, f.firstDate);
      for (const o of occurrences)
        insO.run(o.key, o.family, o.seq, o.versionId, o.sourceId, o.start, o.end, o.rawStart, o.rawEnd, o.words, o.base ? 1 : 0, o.repeat ? 1 : 0, o.severity, o.summary, o.text, JSON.stringify(o.data));
    })();
  }

  async listFamilies(q: FamilyQuery): Promise<{ total: number; items: FamilyRow[] }> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.kind) {
      where.push('kind = ?');
      args.push(q.kind);
    }
    if (q.crossDoc) where.push('sources >= 2');
    if (q.minWords) {
      where.push('words >= ?');
      args.push(q.minWords);
    }
    if (q.severity === 'meaning') where.push("severity = 'meaning'");
    else if (q.severity === 'cosmetic') where.push("severity IN ('meaning', 'cosmetic')");
    if (q.source) {
      where.push('key IN (SELECT family FROM reuse_occurrences WHERE source_id = ?)');
      args.push(q.source);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM reuse_families ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM reuse_families ${w} ORDER BY words DESC, key LIMIT ? OFFSET ?`).all(...args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return { total, items: rows.map(familyFromRow) };
  }

  async getFamily(key: string): Promise<FamilyRow | null> {
    const r = this.db.prepare('SELECT * FROM reuse_families WHERE key = ?').get(key) as Row | undefined;
    return r ? familyFromRow(r) : null;
  }

  async familyOccurrences(key: string): Promise<OccurrenceRow[]> {
    return (this.db.prepare('SELECT * FROM reuse_occurrences WHERE family = ? ORDER BY seq').all(key) as Row[]).map(occFromRow);
  }

  async sourceOccurrences(sourceId: string, range?: { start: number; end: number }): Promise<OccurrenceRow[]> {
    const rows = range
      ? this.db.prepare('SELECT * FROM reuse_occurrences WHERE source_id = ? AND start < ? AND end > ? ORDER BY start').all(sourceId, range.end, range.start)
      : this.db.prepare('SELECT * FROM reuse_occurrences WHERE source_id = ? ORDER BY start').all(sourceId);
    return (rows as Row[]).map(occFromRow);
  }

  async *iterateOccurrences(): AsyncIterable<OccurrenceRow> {
    for (const r of this.db.prepare('SELECT * FROM reuse_occurrences ORDER BY family, seq').iterate()) yield occFromRow(r as Row);
  }
}
