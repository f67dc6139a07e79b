/** SQLite side of entity analysis (see ../entity-types.ts). */
import type Database from 'better-sqlite3';
import type { EntityType } from '../../analyze/entities/index.js';
import type {
  CurationRow,
  EntityBaseRow,
  EntityFinal,
  EntityGraph,
  EntityQuery,
  EntityRow,
  EntityStore,
  GraphQuery,
  MentionRow,
  MentionWrite,
} from '../entity-types.js';

type Row = Record<string, unknown>;

function entityFromRow(r: Row): EntityRow {
  return {
    key: r.key as string,
    type: r.type as EntityType,
    name: r.name as string,
    ambiguous: r.ambiguous === 1,
    curated: r.curated === 1,
    mentions: r.mentions as number,
    sources: r.sources as number,
    evidence: JSON.parse(r.evidence as string),
    aliases: JSON.parse(r.aliases as string),
  };
}

function mentionFromRow(r: Row): MentionRow {
  return {
    key: r.key as string,
    versionId: r.version_id as number,
    sourceId: r.source_id as string,
    passageKey: r.passage_key as string,
    start: r.start as number,
    end: r.end as number,
    rawStart: r.raw_start as number,
    rawEnd: r.raw_end as number,
    text: r.text as string,
    type: r.type as EntityType,
    cue: r.cue as string,
    baseEntity: r.base_entity as string,
    entity: (r.entity as string | null) ?? null,
  };
}

/** escape LIKE wildcards */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

export class SqliteEntities implements EntityStore {
  constructor(private readonly db: Database.Database) {}

  async writeEntityBase(mentions: MentionWrite[], entities: EntityBaseRow[]): Promise<void> {
    const db = this.db;
    db.transaction(() => {
      db.exec('DELETE FROM mentions; DELETE FROM entity_base;');
      const ins = db.prepare(
        'INSERT INTO mentions (key, version_id, source_id, passage_key, start, "end", raw_start, raw_end, text, type, cue, base_entity, entity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
      );
      for (const m of mentions) ins.run(m.key, m.versionId, m.sourceId, m.passageKey, m.start, m.end, m.rawStart, m.rawEnd, m.text, m.type, m.cue, m.baseEntity, m.baseEntity);
      const insE = db.prepare('INSERT INTO entity_base (key, type, name, ambiguous, evidence) VALUES (?,?,?,?,?)');
      for (const e of entities) insE.run(e.key, e.type, e.name, e.ambiguous ? 1 : 0, JSON.stringify(e.evidence));
    })();
  }

  async loadEntityBase() {
    const mentions = (this.db.prepare('SELECT key, text, type, source_id, base_entity FROM mentions ORDER BY id').raw().all() as unknown[][]).map((r) => ({
      key: r[0] as string,
      text: r[1] as string,
      type: r[2] as EntityType,
      sourceId: r[3] as string,
      baseEntity: r[4] as string,
    }));
    const entities = (this.db.prepare('SELECT * FROM entity_base ORDER BY key').all() as Row[]).map((r) => ({
      key: r.key as string,
      type: r.type as EntityType,
      name: r.name as string,
      ambiguous: r.ambiguous === 1,
      evidence: JSON.parse(r.evidence as string),
    }));
    return { mentions, entities };
  }

  async writeEntityFinal(f: EntityFinal): Promise<void> {
    const db = this.db;
    db.transaction(() => {
      db.exec('UPDATE mentions SET entity = base_entity WHERE entity IS NOT base_entity; DELETE FROM entities; DELETE FROM entity_alias_keys;');
      const up = db.prepare('UPDATE mentions SET entity = ? WHERE key = ?');
      for (const [k, e] of f.changed) up.run(e, k);
      const ins = db.prepare('INSERT INTO entities (key, type, name, ambiguous, curated, mentions, sources, evidence, aliases) VALUES (?,?,?,?,?,?,?,?,?)');
      for (const e of f.entities) {
        ins.run(e.key, e.type, e.name, e.ambiguous ? 1 : 0, e.curated ? 1 : 0, e.mentions, e.sources, JSON.stringify(e.evidence), JSON.stringify(e.aliases));
      }
      const insA = db.prepare('INSERT OR IGNORE INTO entity_alias_keys (name_key, entity, surface) VALUES (?,?,?)');
      for (const [k, e, s] of f.aliasKeys) insA.run(k, e, s);
    })();
  }

  async listEntities(q: EntityQuery) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.q) {
      where.push(`(name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\')`);
      const like = `%${likeEscape(q.q)}%`;
      params.push(like, like);
    }
    const typeCounts: Record<string, number> = { person: 0, organization: 0, place: 0, trial: 0 };
    const tc = this.db.prepare(`SELECT type, count(*) AS n FROM entities ${where.length ? 'WHERE ' + where.join(' AND ') : ''} GROUP BY type`).all(...params) as Row[];
    for (const r of tc) typeCounts[r.type as string] = r.n as number;
    if (q.type) {
      where.push('type = ?');
      params.push(q.type);
    }
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM entities ${w}`).get(...params) as { n: number }).n;
    const order = q.sort === 'name' ? 'name COLLATE NOCASE, key' : 'mentions DESC, key';
    const items = (this.db.prepare(`SELECT * FROM entities ${w} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as Row[]).map(entityFromRow);
    return { total, items, types: typeCounts };
  }

  async getEntity(key: string): Promise<EntityRow | null> {
    const r = this.db.prepare('SELECT * FROM entities WHERE key = ?').get(key) as Row | undefined;
    return r ? entityFromRow(r) : null;
  }

  async entityMentions(key: string, limit: number, offset: number) {
    const total = (this.db.prepare('SELECT count(*) AS n FROM mentions WHERE entity = ?').get(key) as { n: number }).n;
    const items = (this.db.prepare('SELECT * FROM mentions WHERE entity = ? ORDER BY source_id, start LIMIT ? OFFSET ?').all(key, limit, offset) as Row[]).map(mentionFromRow);
    return { total, items };
  }

  async entityCooccurring(key: string, limit: number) {
    const rows = this.db
      .prepare(
        `SELECT m2.entity AS key, e.name AS name, e.type AS type, count(DISTINCT m2.version_id || ':' || m2.passage_key) AS n
         FROM (SELECT DISTINCT version_id, passage_key FROM mentions WHERE entity = ?) p
         JOIN mentions m2 ON m2.version_id = p.version_id AND m2.passage_key = p.passage_key
         JOIN entities e ON e.key = m2.entity
         WHERE m2.entity != ?
         GROUP BY m2.entity ORDER BY n DESC, m2.entity LIMIT ?`,
      )
      .all(key, key, limit) as Row[];
    return rows.map((r) => ({ key: r.key as string, name: r.name as string, type: r.type as EntityType, count: r.n as number }));
  }

  async versionMentions(versionId: number): Promise<MentionRow[]> {
    return (this.db.prepare('SELECT * FROM mentions WHERE version_id = ? AND entity IS NOT NULL ORDER BY start').all(versionId) as Row[]).map(mentionFromRow);
  }

  async entityGraph(q: GraphQuery): Promise<EntityGraph> {
    const params: unknown[] = [];
    let w = '';
    if (q.type) {
      w = 'WHERE type = ?';
      params.push(q.type);
    }
    const nodes = (this.db.prepare(`SELECT key, name, type, mentions, sources FROM entities ${w} ORDER BY mentions DESC, key LIMIT ?`).all(...params, q.limit) as Row[]).map((r) => ({
      key: r.key as string,
      name: r.name as string,
      type: r.type as EntityType,
      mentions: r.mentions as number,
      sources: r.sources as number,
    }));
    const keep = new Set(nodes.map((n) => n.key));
    // one pass over mentions grouped by passage: pairs of kept entities in the same passage
    const weights = new Map<string, number>();
    let cur = '';
    let inPassage = new Set<string>();
    const flush = () => {
      if (inPassage.size < 2) return;
      const ks = [...inPassage].sort();
      for (let i = 0; i < ks.length; i++) for (let j = i + 1; j < ks.length; j++) {
        const pk = ks[i] + '\u0000' + ks[j];
        weights.set(pk, (weights.get(pk) ?? 0) + 1);
      }
    };
    for (const r of this.db.prepare('SELECT version_id, passage_key, entity FROM mentions WHERE entity IS NOT NULL ORDER BY version_id, passage_key').raw().iterate() as Iterable<unknown[]>) {
      const p = `${r[0]}:${r[1]}`;
      if (p !== cur) {
        flush();
        cur = p;
        inPassage = new Set();
      }
      const e = r[2] as string;
      if (keep.has(e)) inPassage.add(e);
    }
    flush();
    const edges: EntityGraph['edges'] = [];
    for (const [pk, weight] of weights) {
      if (weight < q.minWeight) continue;
      const [source, target] = pk.split('\u0000') as [string, string];
      edges.push({ source, target, weight });
    }
    edges.sort((a, b) => b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));
    return { nodes, edges };
  }

  async aliasLookup(nameKeys: string[]) {
    if (nameKeys.length === 0) return [];
    const ph = nameKeys.map(() => '?').join(',');
    return (this.db.prepare(`SELECT name_key, entity, surface FROM entity_alias_keys WHERE name_key IN (${ph}) ORDER BY entity, surface`).all(...nameKeys) as Row[]).map((r) => ({
      nameKey: r.name_key as string,
      entity: r.entity as string,
      surface: r.surface as string,
    }));
  }

  async *iterateMentions(): AsyncIterable<MentionRow> {
    for (const r of this.db.prepare('SELECT * FROM mentions WHERE entity IS NOT NULL ORDER BY source_id, start').iterate() as Iterable<Row>) yield mentionFromRow(r);
  }

  async *iterateEntities(): AsyncIterable<EntityRow> {
    for (const r of this.db.prepare('SELECT * FROM entities ORDER BY type, mentions DESC, key').iterate() as Iterable<Row>) yield entityFromRow(r);
  }

  async curationLog(): Promise<CurationRow[]> {
    return (this.db.prepare('SELECT * FROM curation ORDER BY seq').all() as Row[]).map((r) => ({
      seq: r.seq as number,
      at: r.at as string,
      action: r.action as string,
      args: JSON.parse(r.args as string),
    }));
  }

  async appendCuration(action: string, args: Record<string, unknown>, at = new Date().toISOString()): Promise<CurationRow> {
    const info = this.db.prepare('INSERT INTO curation (at, action, args) VALUES (?,?,?)').run(at, action, JSON.stringify(args));
    return { seq: Number(info.lastInsertRowid), at, action, args };
  }

  async entityCounts() {
    const n = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      mentions: n('SELECT count(*) AS n FROM mentions WHERE entity IS NOT NULL'),
      entities: n('SELECT count(*) AS n FROM entities'),
      curation: n('SELECT count(*) AS n FROM curation'),
    };
  }
}
