/** SQLite side of citations and works (see ../citation-types.ts). */
import type Database from 'better-sqlite3';
import type { CitationRow, CitationStore, ClaimRow, WorkRow } from '../citation-types.js';

type Row = Record<string, unknown>;

const workFromRow = (r: Row): WorkRow => ({
  key: r.key as string,
  csl: JSON.parse(r.csl as string),
  title: r.title as string,
  editions: JSON.parse(r.editions as string),
  evidence: JSON.parse(r.evidence as string),
  citations: r.citations as number,
  sources: r.sources as number,
  citedBy: JSON.parse(r.cited_by as string),
});

const citationFromRow = (r: Row): CitationRow => ({
  key: r.key as string,
  versionId: r.version_id as number,
  sourceId: r.source_id as string,
  start: r.start as number,
  end: r.end as number,
  rawStart: r.raw_start as number,
  rawEnd: r.raw_end as number,
  text: r.text as string,
  kind: r.kind as string,
  parsed: JSON.parse(r.data as string),
  work: (r.work as string | null) ?? null,
  edition: (r.edition as string | null) ?? null,
  refersTo: (r.refers_to as string | null) ?? null,
});

const claimFromRow = (r: Row): ClaimRow => ({
  key: r.key as string,
  versionId: r.version_id as number,
  sourceId: r.source_id as string,
  start: r.start as number,
  end: r.end as number,
  rawStart: r.raw_start as number,
  rawEnd: r.raw_end as number,
  text: r.text as string,
  evidence: JSON.parse(r.evidence as string),
});

export class SqliteCitations implements CitationStore {
  constructor(private readonly db: Database.Database) {}

  async writeCitations(works: WorkRow[], citations: CitationRow[], claims: ClaimRow[]): Promise<void> {
    const insK = this.db.prepare('INSERT INTO claims (key, version_id, source_id, start, end, raw_start, raw_end, text, evidence, evidence_count, works_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insW = this.db.prepare('INSERT INTO works (key, csl, title, editions, evidence, citations, sources, cited_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insC = this.db.prepare('INSERT INTO citations (key, version_id, source_id, start, end, raw_start, raw_end, text, kind, data, work, edition, refers_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      this.db.exec('DELETE FROM claims; DELETE FROM citations; DELETE FROM works;');
      for (const k of claims) insK.run(k.key, k.versionId, k.sourceId, k.start, k.end, k.rawStart, k.rawEnd, k.text, JSON.stringify(k.evidence), k.evidence.length, new Set(k.evidence.map((e) => e.work).filter(Boolean)).size);
      for (const w of works) insW.run(w.key, JSON.stringify(w.csl), w.title, JSON.stringify(w.editions), JSON.stringify(w.evidence), w.citations, w.sources, JSON.stringify(w.citedBy));
      for (const c of citations) insC.run(c.key, c.versionId, c.sourceId, c.start, c.end, c.rawStart, c.rawEnd, c.text, c.kind, JSON.stringify(c.parsed), c.work, c.edition, c.refersTo);
    })();
  }

  async listWorks(q: { q?: string; source?: string; limit?: number; offset?: number }): Promise<{ total: number; items: WorkRow[] }> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.q) {
      where.push("(title LIKE ? ESCAPE '\\' OR csl LIKE ? ESCAPE '\\')");
      const like = `%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
      args.push(like, like);
    }
    if (q.source) {
      where.push('key IN (SELECT work FROM citations WHERE source_id = ?)');
      args.push(q.source);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM works ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM works ${w} ORDER BY citations DESC, key LIMIT ? OFFSET ?`).all(...args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return { total, items: rows.map(workFromRow) };
  }

  async getWork(key: string): Promise<WorkRow | null> {
    const r = this.db.prepare('SELECT * FROM works WHERE key = ?').get(key) as Row | undefined;
    return r ? workFromRow(r) : null;
  }

  async workCitations(key: string): Promise<CitationRow[]> {
    return (this.db.prepare('SELECT * FROM citations WHERE work = ? ORDER BY source_id, start').all(key) as Row[]).map(citationFromRow);
  }

  async sourceCitations(sourceId: string): Promise<CitationRow[]> {
    return (this.db.prepare('SELECT * FROM citations WHERE source_id = ? ORDER BY start').all(sourceId) as Row[]).map(citationFromRow);
  }

  async *iterateWorks(): AsyncIterable<WorkRow> {
    for (const r of this.db.prepare('SELECT * FROM works ORDER BY citations DESC, key').iterate()) yield workFromRow(r as Row);
  }

  async *iterateCitations(): AsyncIterable<CitationRow> {
    for (const r of this.db.prepare('SELECT * FROM citations ORDER BY source_id, start').iterate()) yield citationFromRow(r as Row);
  }

  async listClaims(q: { q?: string; source?: string; limit?: number; offset?: number }): Promise<{ total: number; items: ClaimRow[] }> {
    const where: string[] = ['start >= 0'];
    const args: unknown[] = [];
    if (q.q) {
      where.push("text LIKE ? ESCAPE '\\'");
      args.push(`%${q.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
    }
    if (q.source) {
      where.push('source_id = ?');
      args.push(q.source);
    }
    const w = `WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT count(*) AS n FROM claims ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM claims ${w} ORDER BY source_id, start LIMIT ? OFFSET ?`).all(...args, q.limit ?? 50, q.offset ?? 0) as Row[];
    return { total, items: rows.map(claimFromRow) };
  }

  async getClaim(key: string): Promise<ClaimRow | null> {
    const r = this.db.prepare('SELECT * FROM claims WHERE key = ?').get(key) as Row | undefined;
    return r ? claimFromRow(r) : null;
  }

  async *iterateClaims(): AsyncIterable<ClaimRow> {
    for (const r of this.db.prepare('SELECT * FROM claims ORDER BY source_id, start').iterate()) yield claimFromRow(r as Row);
  }

  async getCitation(key: string): Promise<CitationRow | null> {
    const r = this.db.prepare('SELECT * FROM citations WHERE key = ?').get(key) as Row | undefined;
    return r ? citationFromRow(r) : null;
  }
}
