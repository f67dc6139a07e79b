/**
 * User curation of entities: an append-only log of actions keyed by stable keys, replayed
 * over the automatic clustering after every analysis. Undo is itself an entry, so the log
 * never loses anything; an entry whose keys no longer exist is reported stale, not dropped.
 */
import { slugify } from '../../core/ids.js';
import { InquiryError } from '../../core/errors.js';
import type { EntityType } from './detect.js';
import { ENTITY_TYPES } from './detect.js';
import type { Evidence } from './cluster.js';

export type CurationAction =
  | { action: 'merge'; keys: string[] }
  | { action: 'split'; key: string; mentions: string[]; name?: string }
  | { action: 'rename'; key: string; name: string }
  | { action: 'alias'; key: string; alias: string }
  | { action: 'reject'; key?: string; mention?: string }
  | { action: 'retype'; key: string; type: EntityType }
  | { action: 'undo'; seq: number };

export interface CurationEntry {
  seq: number;
  at: string;
  action: string;
  args: Record<string, unknown>;
}

export type EntryStatus = 'applied' | 'stale' | 'undone';

export interface BaseMention {
  key: string;
  text: string;
  type: EntityType;
  sourceId: string;
  baseEntity: string;
}

export interface BaseEntity {
  key: string;
  type: EntityType;
  name: string;
  ambiguous: boolean;
  evidence: Evidence[];
}

export interface CuratedEntity extends BaseEntity {
  curated: boolean;
  /** spellings a user added (searched for even with no mention) */
  extraAliases: string[];
}

export interface ReplayResult {
  /** mention key → entity key (null: rejected) */
  assignment: Map<string, string | null>;
  entities: Map<string, CuratedEntity>;
  status: Map<number, { status: EntryStatus; message?: string }>;
  redirects: Map<string, string>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** check an action's shape; throws an InquiryError (400) naming what is wrong */
export function validateAction(input: Record<string, unknown>): CurationAction {
  const action = input.action;
  const bad = (msg: string) => new InquiryError(`curation: ${msg}`, { status: 400, code: 'bad_curation' });
  switch (action) {
    case 'merge': {
      const keys = input.keys;
      if (!Array.isArray(keys) || keys.length < 2 || !keys.every((k) => typeof k === 'string' && k.length > 0)) throw bad('merge needs "keys": at least two entity keys, the first is kept');
      if (new Set(keys).size !== keys.length) throw bad('merge: the same key is given twice');
      return { action, keys: keys as string[] };
    }
    case 'split': {
      const key = str(input.key);
      const mentions = input.mentions;
      if (!key) throw bad('split needs "key"');
      if (!Array.isArray(mentions) || mentions.length === 0 || !mentions.every((m) => typeof m === 'string')) throw bad('split needs "mentions": the mention keys to move to a new entity');
      const name = str(input.name);
      return name ? { action, key, mentions: mentions as string[], name } : { action, key, mentions: mentions as string[] };
    }
    case 'rename': {
      const key = str(input.key);
      const name = str(input.name);
      if (!key || !name) throw bad('rename needs "key" and "name"');
      return { action, key, name };
    }
    case 'alias': {
      const key = str(input.key);
      const alias = str(input.alias);
      if (!key || !alias) throw bad('alias needs "key" and "alias"');
      return { action, key, alias };
    }
    case 'reject': {
      const key = str(input.key);
      const mention = str(input.mention);
      if (!key && !mention) throw bad('reject needs "key" (an entity) or "mention" (one mention)');
      return key ? { action, key } : { action, mention: mention as string };
    }
    case 'retype': {
      const key = str(input.key);
      const type = input.type as EntityType;
      if (!key || !ENTITY_TYPES.includes(type)) throw bad(`retype needs "key" and "type" (one of ${ENTITY_TYPES.join(', ')})`);
      return { action, key, type };
    }
    case 'undo': {
      const seq = Number(input.seq);
      if (!Number.isInteger(seq) || seq < 1) throw bad('undo needs "seq": the number of the entry to undo');
      return { action, seq };
    }
    default:
      throw bad(`unknown action ${JSON.stringify(action)}: use merge, split, rename, alias, reject, retype or undo`);
  }
}

/** which entries are undone: an undo entry that is not itself undone cancels its target */
export function undoneSet(entries: CurationEntry[]): Set<number> {
  const undone = new Set<number>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.action !== 'undo' || undone.has(e.seq)) continue;
    const target = Number(e.args.seq);
    if (Number.isInteger(target) && target < e.seq) undone.add(target);
  }
  return undone;
}

export function replay(mentions: BaseMention[], base: BaseEntity[], entries: CurationEntry[]): ReplayResult {
  const entities = new Map<string, CuratedEntity>();
  for (const e of base) entities.set(e.key, { ...e, evidence: e.evidence.map((x) => ({ ...x, aliases: [...x.aliases] })), curated: false, extraAliases: [] });
  const assignment = new Map<string, string | null>();
  const members = new Map<string, Set<string>>(); // entity → mention keys
  const byKey = new Map<string, BaseMention>();
  for (const m of mentions) {
    byKey.set(m.key, m);
    assignment.set(m.key, m.baseEntity);
    let s = members.get(m.baseEntity);
    if (!s) members.set(m.baseEntity, (s = new Set()));
    s.add(m.key);
  }
  const redirects = new Map<string, string>();
  const resolve = (k: string): string | null => {
    let cur = k;
    for (let i = 0; i < 50 && !entities.has(cur); i++) {
      const n = redirects.get(cur);
      if (!n) return null;
      cur = n;
    }
    return entities.has(cur) ? cur : null;
  };
  const move = (mk: string, to: string | null) => {
    const from = assignment.get(mk);
    if (from) members.get(from)?.delete(mk);
    assignment.set(mk, to);
    if (to) {
      let s = members.get(to);
      if (!s) members.set(to, (s = new Set()));
      s.add(mk);
    }
  };
  const status = new Map<number, { status: EntryStatus; message?: string }>();
  const undone = undoneSet(entries);
  for (const entry of entries) {
    if (entry.action === 'undo') {
      status.set(entry.seq, undone.has(entry.seq) ? { status: 'undone' } : { status: 'applied', message: `undoes #${entry.args.seq}` });
      continue;
    }
    if (undone.has(entry.seq)) {
      status.set(entry.seq, { status: 'undone' });
      continue;
    }
    let a: CurationAction;
    try {
      a = validateAction({ ...entry.args, action: entry.action });
    } catch (e) {
      status.set(entry.seq, { status: 'stale', message: (e as Error).message });
      continue;
    }
    const stale = (message: string) => status.set(entry.seq, { status: 'stale', message });
    /** the entity a key now resolves to (through merges), or null after marking the entry stale */
    const need = (key: string): CuratedEntity | null => {
      const k = resolve(key);
      if (!k) stale(`no entity ${key}`);
      return k ? (entities.get(k) as CuratedEntity) : null;
    };
    const ev = (rule: string, detail: string, aliases: string[]): Evidence => ({ rule, detail: `${detail} (curation #${entry.seq})`, aliases });
    switch (a.action) {
      case 'merge': {
        const into = resolve(a.keys[0] as string);
        if (!into) {
          stale(`no entity ${a.keys[0]}`);
          break;
        }
        const target = entities.get(into)!;
        const merged: string[] = [];
        const missing: string[] = [];
        for (const k of a.keys.slice(1)) {
          const from = resolve(k);
          if (!from) {
            missing.push(k);
            continue;
          }
          if (from === into) continue;
          const src = entities.get(from)!;
          for (const mk of [...(members.get(from) ?? [])]) move(mk, into);
          target.evidence.push(...src.evidence);
          target.extraAliases.push(...src.extraAliases);
          merged.push(src.name);
          entities.delete(from);
          redirects.set(from, into);
        }
        if (merged.length === 0) {
          stale(`nothing to merge into ${into}: ${missing.join(', ') || 'same entity'}`);
          break;
        }
        target.curated = true;
        target.ambiguous = false;
        target.evidence.push(ev('curation', `merged by hand: ${merged.join(', ')}`, merged));
        status.set(entry.seq, missing.length ? { status: 'applied', message: `not found: ${missing.join(', ')}` } : { status: 'applied' });
        break;
      }
      case 'split': {
        const from = resolve(a.key);
        if (!from) {
          stale(`no entity ${a.key}`);
          break;
        }
        const src = entities.get(from)!;
        const moving = a.mentions.filter((mk) => assignment.get(mk) === from);
        if (moving.length === 0) {
          stale(`none of the mentions belongs to ${from}`);
          break;
        }
        const name = a.name ?? byKey.get(moving[0] as string)?.text ?? src.name;
        const key = `${from}~${slugify(a.name ?? `split-${entry.seq}`) || `split-${entry.seq}`}`;
        const fresh: CuratedEntity = entities.get(key) ?? { key, type: src.type, name, ambiguous: false, evidence: [], curated: true, extraAliases: [] };
        entities.set(key, fresh);
        for (const mk of moving) move(mk, key);
        fresh.evidence.push(ev('curation', `split by hand from ${src.name}`, [...new Set(moving.map((mk) => byKey.get(mk)?.text ?? mk))]));
        status.set(entry.seq, moving.length < a.mentions.length ? { status: 'applied', message: `${a.mentions.length - moving.length} mention(s) not in ${from}` } : { status: 'applied' });
        break;
      }
      case 'rename':
      case 'retype': {
        const e = need(a.key);
        if (!e) break;
        if (a.action === 'rename') e.name = a.name;
        else e.type = a.type;
        e.curated = true;
        status.set(entry.seq, { status: 'applied' });
        break;
      }
      case 'alias': {
        const e = need(a.key);
        if (!e) break;
        const k = e.key;
        const want = a.alias.toLowerCase();
        let n = 0;
        for (const m of mentions) {
          if (m.text.toLowerCase() !== want || assignment.get(m.key) === k || assignment.get(m.key) === null) continue;
          move(m.key, k);
          n++;
        }
        if (!e.extraAliases.includes(a.alias)) e.extraAliases.push(a.alias);
        e.curated = true;
        e.evidence.push(ev('curation', `spelling added by hand${n ? `; ${n} mention(s) joined` : ''}`, [a.alias]));
        status.set(entry.seq, { status: 'applied' });
        break;
      }
      case 'reject': {
        if (a.key) {
          const k = resolve(a.key);
          if (!k) {
            stale(`no entity ${a.key}`);
            break;
          }
          for (const mk of [...(members.get(k) ?? [])]) move(mk, null);
          entities.delete(k);
          status.set(entry.seq, { status: 'applied' });
        } else {
          const mk = a.mention as string;
          if (!assignment.has(mk)) {
            stale(`no mention ${mk}`);
            break;
          }
          move(mk, null);
          status.set(entry.seq, { status: 'applied' });
        }
        break;
      }
    }
  }
  // entities left without mentions disappear, unless a user made or named them
  for (const [k, e] of entities) if ((members.get(k)?.size ?? 0) === 0 && !(e.curated && e.extraAliases.length)) entities.delete(k);
  return { assignment, entities, status, redirects };
}
