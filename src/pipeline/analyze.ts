/**
 * The analysis stage: entity analysis of every current source version, stored as the
 * automatic ("base") result, then the curation log replayed over it. Deterministic: the
 * same sources give the same mentions, keys and entities.
 */
import { OffsetMap } from '../core/offsets.js';
import { analyzeEntities, type EntityType } from '../analyze/entities/index.js';
import { hasCyrillic, nameKeys, phraseKey } from '../analyze/entities/keys.js';
import { ruSurnameForms } from '../analyze/entities/morph.js';
import { replay, type BaseEntity, type BaseMention, type CurationEntry, type EntryStatus } from '../analyze/entities/curation.js';
import type { AliasCount, EntityRow, MentionWrite } from '../store/entity-types.js';
import type { Store } from '../store/store.js';
import { loadDocs } from './analyze-load.js';

export interface AnalyzeOptions {
  onProgress?: (e: { phase: 'entities'; done: number; total: number; chars: number }) => void;
}

export interface AnalyzeSummary {
  sources: number;
  chars: number;
  mentions: number;
  entities: number;
  byType: Record<EntityType, number>;
  curation: { entries: number; applied: number; stale: number; undone: number };
  ms: number;
}

export async function analyzeCorpus(store: Store, opts: AnalyzeOptions = {}): Promise<AnalyzeSummary> {
  const t0 = performance.now();
  const docs = await loadDocs(store);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const result = analyzeEntities(docs, (done, total, c) => opts.onProgress?.({ phase: 'entities', done, total, chars: c }));
  // raw offsets through each version's offset map
  const maps = new Map<number, OffsetMap>();
  for (const d of docs) {
    const v = await store.getVersionTexts(d.versionId);
    if (v) maps.set(d.versionId, OffsetMap.fromBuffer(v.offsetMap));
  }
  const writes: MentionWrite[] = result.mentions.map((m) => {
    const map = maps.get(m.versionId);
    return {
      key: m.key,
      versionId: m.versionId,
      sourceId: m.sourceId,
      passageKey: m.passageKey,
      start: m.start,
      end: m.end,
      rawStart: map ? map.toRawStart(m.start) : m.start,
      rawEnd: map ? map.toRawEnd(m.end) : m.end,
      text: m.text,
      type: m.type,
      cue: m.cue,
      baseEntity: m.entity,
    };
  });
  const base: BaseEntity[] = result.entities.map((e) => ({ key: e.key, type: e.type, name: e.name, ambiguous: e.ambiguous, evidence: e.evidence }));
  await store.entities.writeEntityBase(writes, base);
  const cur = await applyCuration(store, { mentions: writes, entities: base });
  return {
    sources: docs.length,
    chars,
    mentions: cur.mentions,
    entities: cur.entities,
    byType: cur.byType,
    curation: cur.curation,
    ms: Math.round(performance.now() - t0),
  };
}

export interface CurationSummary {
  mentions: number;
  entities: number;
  byType: Record<EntityType, number>;
  curation: { entries: number; applied: number; stale: number; undone: number };
  status: Map<number, { status: EntryStatus; message?: string }>;
  redirects: Map<string, string>;
}

/** replay the curation log over the stored automatic result and store the outcome */
export async function applyCuration(
  store: Store,
  baseIn?: { mentions: Array<Pick<BaseMention, 'key' | 'text' | 'type' | 'sourceId'> & { baseEntity: string }>; entities: BaseEntity[] },
): Promise<CurationSummary> {
  const base = baseIn ?? (await store.entities.loadEntityBase());
  const log: CurationEntry[] = await store.entities.curationLog();
  const r = replay(base.mentions, base.entities, log);
  const members = new Map<string, Array<Pick<BaseMention, 'text' | 'sourceId' | 'type'>>>();
  const changed: Array<[string, string | null]> = [];
  for (const m of base.mentions) {
    const e = r.assignment.get(m.key) ?? null;
    if (e !== m.baseEntity) changed.push([m.key, e]);
    if (!e) continue;
    let l = members.get(e);
    if (!l) members.set(e, (l = []));
    l.push(m);
  }
  const rows: EntityRow[] = [];
  const aliasKeys: Array<[string, string, string]> = [];
  const byType: Record<EntityType, number> = { person: 0, organization: 0, place: 0, trial: 0 };
  let mentionCount = 0;
  for (const [key, e] of r.entities) {
    const ms = members.get(key) ?? [];
    mentionCount += ms.length;
    const aliases = new Map<string, AliasCount>();
    const sources = new Set<string>();
    for (const m of ms) {
      sources.add(m.sourceId);
      let a = aliases.get(m.text);
      if (!a) aliases.set(m.text, (a = { name: m.text, count: 0, bySource: {} }));
      a.count++;
      a.bySource[m.sourceId] = (a.bySource[m.sourceId] ?? 0) + 1;
    }
    for (const x of e.extraAliases) if (!aliases.has(x)) aliases.set(x, { name: x, count: 0, bySource: {} });
    const aliasList = [...aliases.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
    rows.push({
      key,
      type: e.type,
      name: e.name,
      ambiguous: e.ambiguous,
      curated: e.curated,
      mentions: ms.length,
      sources: sources.size,
      evidence: e.evidence,
      aliases: aliasList,
    });
    byType[e.type]++;
    for (const a of aliasList) for (const [k, surface] of searchKeys(a.name, e.type)) aliasKeys.push([k, key, surface]);
  }
  await store.entities.writeEntityFinal({ changed, entities: rows, aliasKeys });
  let applied = 0;
  let stale = 0;
  let undone = 0;
  for (const s of r.status.values()) {
    if (s.status === 'applied') applied++;
    else if (s.status === 'stale') stale++;
    else undone++;
  }
  return { mentions: mentionCount, entities: rows.length, byType, curation: { entries: log.length, applied, stale, undone }, status: r.status, redirects: r.redirects };
}

/**
 * The name keys a spelling is found by in "every spelling" search, with the word searched for.
 * Persons by their surname word (not their given name: "Yuri" must not find every Yuri);
 * other entities by the whole name.
 */
export function searchKeys(surface: string, type: EntityType): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (type === 'person') {
    const words = surface.split(/[\s,]+/).filter((w) => w.length > 1 && !/^(?:\p{Lu}\.)+$/u.test(w));
    const surname = surface.includes(',') ? words[0] : words[words.length - 1];
    if (!surname) return out;
    for (const k of termKeys(surname)) out.push([k, surname]);
    return out;
  }
  if (!surface.includes(' ')) {
    for (const k of termKeys(surface)) out.push([k, surface]);
  }
  out.push(['p:' + phraseKey(surface), surface]);
  return out;
}

/** keys a query word is looked up by: its readings, and for Cyrillic its possible nominatives */
export function termKeys(word: string): string[] {
  const keys = new Set(nameKeys(word));
  if (hasCyrillic(word)) for (const l of ruSurnameForms(word).lemmas) for (const k of nameKeys(l)) keys.add(k);
  return [...keys];
}
