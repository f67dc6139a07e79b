/** Store-level shapes of entity analysis: mentions, entities, aliases, the curation log. */
import type { EntityType, Evidence } from '../analyze/entities/index.js';

export interface MentionWrite {
  key: string;
  versionId: number;
  sourceId: string;
  passageKey: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  type: EntityType;
  cue: string;
  baseEntity: string;
}

export interface MentionRow extends MentionWrite {
  /** entity after curation; null when a user rejected it */
  entity: string | null;
}

export interface EntityBaseRow {
  key: string;
  type: EntityType;
  name: string;
  ambiguous: boolean;
  evidence: Evidence[];
}

export interface AliasCount {
  name: string;
  count: number;
  bySource: Record<string, number>;
}

export interface EntityRow {
  key: string;
  type: EntityType;
  name: string;
  ambiguous: boolean;
  curated: boolean;
  mentions: number;
  sources: number;
  evidence: Evidence[];
  aliases: AliasCount[];
}

export interface EntityFinal {
  /** mentions whose entity differs from their base entity (null: rejected) */
  changed: Array<[mentionKey: string, entity: string | null]>;
  entities: EntityRow[];
  /** name key → entity, for "every spelling" search */
  aliasKeys: Array<[nameKey: string, entity: string, surface: string]>;
}

export interface EntityQuery {
  type?: EntityType;
  q?: string;
  limit: number;
  offset: number;
  sort: 'mentions' | 'name';
}

export interface CurationRow {
  seq: number;
  at: string;
  action: string;
  args: Record<string, unknown>;
}

export interface GraphQuery {
  type?: EntityType;
  minWeight: number;
  limit: number;
}

export interface EntityGraph {
  nodes: Array<{ key: string; name: string; type: EntityType; mentions: number; sources: number }>;
  edges: Array<{ source: string; target: string; weight: number }>;
}

export interface EntityStore {
  /** replace the automatic analysis (mentions and base entities of all current versions) */
  writeEntityBase(mentions: MentionWrite[], entities: EntityBaseRow[]): Promise<void>;
  loadEntityBase(): Promise<{ mentions: Array<Pick<MentionRow, 'key' | 'text' | 'type' | 'sourceId' | 'baseEntity'>>; entities: EntityBaseRow[] }>;
  /** write the curated result: entities, changed mention assignments, alias keys */
  writeEntityFinal(f: EntityFinal): Promise<void>;
  listEntities(q: EntityQuery): Promise<{ total: number; items: EntityRow[]; types: Record<string, number> }>;
  getEntity(key: string): Promise<EntityRow | null>;
  entityMentions(key: string, limit: number, offset: number): Promise<{ total: number; items: MentionRow[] }>;
  entityCooccurring(key: string, limit: number): Promise<Array<{ key: string; name: string; type: EntityType; count: number }>>;
  versionMentions(versionId: number): Promise<MentionRow[]>;
  entityGraph(q: GraphQuery): Promise<EntityGraph>;
  aliasLookup(nameKeys: string[]): Promise<Array<{ nameKey: string; entity: string; surface: string }>>;
  iterateMentions(): AsyncIterable<MentionRow>;
  iterateEntities(): AsyncIterable<EntityRow>;
  curationLog(): Promise<CurationRow[]>;
  appendCuration(action: string, args: Record<string, unknown>, at?: string): Promise<CurationRow>;
  /** for tests and status: how many mentions and entities are stored */
  entityCounts(): Promise<{ mentions: number; entities: number; curation: number }>;
}
