/** SQLite side of dates, events, checkable claims, comparisons and disputes (see ../time-types.ts). */
import type Database from 'better-sqlite3';
import type { ComparisonRow, DateRow, DisputeRow, EventRow, StatementRow, TimeQuery, TimeStore } from '../time-types.js';

type Row = Record<string, unknown>;

const like = (s: string) => `%${s.replace(/[\\%_]/g, (m) => '\\' + m)}%`;

const dateFromRow = (r: Row): DateRow => ({
  key: r.key as string,
  versionId: r.version_id as number,
  sourceId: r.source_id as string,
  start: r.start as number,
  end: r.end as number,
  rawStart: r.raw_start as number,
  rawEnd: r.raw_end as number,
  text: r.text as string,
  edtf: (r.edtf as string | null) ?? null,
  form: r.form as DateRow['form'],
  lo: (r.lo as string | null) ?? null,
  hi: (r.hi as string | null) ?? null,
  resolved: r.edtf !== null,
});
const dataRow = <T>(r: Row): T => JSON.parse(r.data as string) as T;

/** WHERE terms from optional filters: each [column test, value] pair with a value adds one term */
function terms(pairs: Array<[string, unknown]>): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  for (const [test, v] of pairs) {
    if (v === undefined || v === null || v === '') continue;
    where.push(test);
    args.push(v);
  }
  return { where, args };
}

/** WHERE terms for a source and a date range (rows whose lo..hi reach into from..to) */
function sourceAndRange(q: TimeQuery): { where: string[]; args: unknown[] } {
  return terms([['source_id = ?', q.source], ['hi >= ?', q.from], ['lo <= ?', q.to]]);
}

export class SqliteTime implements TimeStore {
  constructor(private readonly db: Database.Database) {}

  async writeTime(dates: DateRow[], events: EventRow[], statements: StatementRow[], comparisons: ComparisonRow[], disputes: DisputeRow[]): Promise<void> {
    const insD = this.db.prepare('INSERT INTO date_mentions (key, version_id, source_id, start, end, raw_start, raw_end, text, edtf, form, lo, hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insE = this.db.prepare('INSERT INTO events (key, version_id, source_id, start, end, raw_start, raw_end, trigger, lo, hi, grp, conflict, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insS = this.db.prepare('INSERT INTO statements (key, version_id, source_id, start, end, predicate, subject, agree, partial, conflict, search, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insC = this.db.prepare('INSERT OR IGNORE INTO comparisons (a, b, relation, reason) VALUES (?, ?, ?, ?)');
    const insP = this.db.prepare('INSERT INTO disputes (key, predicate, topic, source_count, sources, data) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      this.db.exec('DELETE FROM date_mentions; DELETE FROM events; DELETE FROM statements; DELETE FROM comparisons; DELETE FROM disputes;');
      for (const d of dates) insD.run(d.key, d.versionId, d.sourceId, d.start, d.end, d.rawStart, d.rawEnd, d.text, d.edtf, d.form, d.lo, d.hi);
      for (const e of events) insE.run(e.key, e.versionId, e.sourceId, e.start, e.end, e.rawStart, e.rawEnd, e.trigger, e.lo, e.hi, e.group, e.conflict ? 1 : 0, JSON.stringify(e));
      for (const s of statements) insS.run(s.key, s.versionId, s.sourceId, s.start, s.end, s.predicate, s.subject, s.agree, s.partial, s.conflict, `${s.subjectLabel} ${s.valueLabel} ${s.text}`, JSON.stringify(s));
      for (const c of comparisons) insC.run(c.a, c.b, c.relation, c.reason);
      for (const p of disputes) {
        const sources = [...new Set(p.sides.flatMap((s) => s.sources))];
        insP.run(p.key, p.predicate, p.topic, p.sourceCount, '|' + sources.join('|') + '|', JSON.stringify(p));
      }
    })();
  }

  async listDates(q: TimeQuery): Promise<{ total: number; items: DateRow[] }> {
    const { where, args } = sourceAndRange(q);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM date_mentions ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM date_mentions ${w} ORDER BY source_id, start LIMIT ? OFFSET ?`).all(...args, q.limit ?? 100, q.offset ?? 0) as Row[];
    return { total, items: rows.map(dateFromRow) };
  }

  async listEvents(q: TimeQuery & { trigger?: string; conflict?: boolean; group?: string }): Promise<{ total: number; items: EventRow[] }> {
    const { where, args } = sourceAndRange(q);
    if (q.trigger) {
      where.push('trigger = ?');
      args.push(q.trigger);
    }
    if (q.conflict) where.push('conflict = 1');
    if (q.group) {
      where.push('grp = ?');
      args.push(q.group);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM events ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT data FROM events ${w} ORDER BY lo, source_id, start LIMIT ? OFFSET ?`).all(...args, q.limit ?? 100, q.offset ?? 0) as Row[];
    return { total, items: rows.map(dataRow<EventRow>) };
  }

  async listStatements(q: { predicate?: string; subject?: string; source?: string; relation?: string; q?: string; limit?: number; offset?: number }): Promise<{ total: number; items: StatementRow[] }> {
    const { where, args } = terms([['predicate = ?', q.predicate], ['subject = ?', q.subject], ['source_id = ?', q.source], ["search LIKE ? ESCAPE '\\'", q.q ? like(q.q) : undefined]]);
    if (q.relation === 'agree' || q.relation === 'partial' || q.relation === 'conflict') where.push(`${q.relation} > 0`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM statements ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT data FROM statements ${w} ORDER BY conflict DESC, source_id, start LIMIT ? OFFSET ?`).all(...args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return { total, items: rows.map(dataRow<StatementRow>) };
  }

  async getStatement(key: string): Promise<StatementRow | null> {
    const r = this.db.prepare('SELECT data FROM statements WHERE key = ?').get(key) as Row | undefined;
    return r ? dataRow<StatementRow>(r) : null;
  }

  async statementsByKeys(keys: string[]): Promise<StatementRow[]> {
    const st = this.db.prepare('SELECT data FROM statements WHERE key = ?');
    return keys.map((k) => st.get(k) as Row | undefined).filter((r): r is Row => !!r).map(dataRow<StatementRow>);
  }

  async statementComparisons(key: string): Promise<ComparisonRow[]> {
    return this.db.prepare('SELECT a, b, relation, reason FROM comparisons WHERE a = ? OR b = ? ORDER BY relation, a, b').all(key, key) as ComparisonRow[];
  }

  async listDisputes(q: { predicate?: string; source?: string; q?: string; limit?: number; offset?: number }): Promise<{ total: number; items: DisputeRow[] }> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.predicate) {
      where.push('predicate = ?');
      args.push(q.predicate);
    }
    if (q.source) {
      where.push("sources LIKE ? ESCAPE '\\'");
      args.push(like(`|${q.source}|`));
    }
    if (q.q) {
      where.push("(topic LIKE ? ESCAPE '\\' OR data LIKE ? ESCAPE '\\')");
      args.push(like(q.q), like(q.q));
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM disputes ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT data FROM disputes ${w} ORDER BY source_count DESC, key LIMIT ? OFFSET ?`).all(...args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return { total, items: rows.map(dataRow<DisputeRow>) };
  }

  async getDispute(key: string): Promise<DisputeRow | null> {
    const r = this.db.prepare('SELECT data FROM disputes WHERE key = ?').get(key) as Row | undefined;
    return r ? dataRow<DisputeRow>(r) : null;
  }

  async *iterateDates(): AsyncIterable<DateRow> {
    for (const r of this.db.prepare('SELECT * FROM date_mentions ORDER BY source_id, start').iterate()) yield dateFromRow(r as Row);
  }
  async *iterateEvents(): AsyncIterable<EventRow> {
    for (const r of this.db.prepare('SELECT data FROM events ORDER BY lo, source_id, start').iterate()) yield dataRow<EventRow>(r as Row);
  }
  async *iterateStatements(): AsyncIterable<StatementRow> {
    for (const r of this.db.prepare('SELECT data FROM statements ORDER BY source_id, start').iterate()) yield dataRow<StatementRow>(r as Row);
  }
  async *iterateDisputes(): AsyncIterable<DisputeRow> {
    for (const r of this.db.prepare('SELECT data FROM disputes ORDER BY source_count DESC, key').iterate()) yield dataRow<DisputeRow>(r as Row);
  }
}
