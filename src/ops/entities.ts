/** Entity operations: index, entity page, co-mention network, reader layer, curation. */
import { InquiryError, NotFoundError } from '../core/errors.js';
import { ENTITY_TYPES, type EntityType } from '../analyze/entities/index.js';
import { replay, undoneSet, validateAction, type CurationEntry } from '../analyze/entities/curation.js';
import { slugify } from '../core/ids.js';
import { analyzeCorpus, applyCuration, type AnalyzeOptions, type AnalyzeSummary } from '../pipeline/analyze.js';
import { analyzeReuse, type ReuseSummary } from '../pipeline/reuse.js';
import { analyzeCitations, type CitationSummary } from '../pipeline/citations.js';
import { analyzeTime, type TimeSummary } from '../pipeline/time.js';
import type { CurationRow, EntityGraph, EntityRow, MentionRow } from '../store/entity-types.js';
import type { Store } from '../store/store.js';

export interface EntityListParams {
  type?: string;
  q?: string;
  limit?: number;
  offset?: number;
  sort?: string;
}

export interface EntitySummaryItem {
  key: string;
  type: EntityType;
  name: string;
  mentions: number;
  sources: number;
  ambiguous: boolean;
  aliases: Array<{ name: string; count: number }>;
}

function intParam(v: number | undefined, dflt: number, lo: number, hi: number, name: string): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < lo || v > hi) throw new InquiryError(`${name} must be a whole number from ${lo} to ${hi}`, { code: 'bad_param' });
  return v;
}

function typeParam(t: string | undefined): EntityType | undefined {
  if (t === undefined || t === '' || t === 'all') return undefined;
  if (!ENTITY_TYPES.includes(t as EntityType)) throw new InquiryError(`unknown entity type "${t}": use ${ENTITY_TYPES.join(', ')}`, { code: 'bad_param' });
  return t as EntityType;
}

export async function listEntities(store: Store, p: EntityListParams = {}) {
  const limit = intParam(p.limit, 50, 1, 1000, 'limit');
  const offset = intParam(p.offset, 0, 0, 1_000_000, 'offset');
  const sort = p.sort === 'name' ? 'name' : p.sort === undefined || p.sort === '' || p.sort === 'mentions' ? 'mentions' : null;
  if (!sort) throw new InquiryError(`unknown sort "${p.sort}": use mentions or name`, { code: 'bad_param' });
  const r = await store.entities.listEntities({ type: typeParam(p.type), q: p.q?.trim() || undefined, limit, offset, sort });
  const items: EntitySummaryItem[] = r.items.map((e) => ({
    key: e.key,
    type: e.type,
    name: e.name,
    mentions: e.mentions,
    sources: e.sources,
    ambiguous: e.ambiguous,
    aliases: e.aliases.slice(0, 5).map((a) => ({ name: a.name, count: a.count })),
  }));
  return { total: r.total, limit, offset, types: r.types, items };
}

export interface MentionView {
  key: string;
  sourceId: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  text: string;
  passageKey: string;
  context: { text: string; start: number; end: number };
}

export interface EntityView extends EntityRow {
  bySource: Array<{ sourceId: string; title: string | null; perspective: string[]; count: number }>;
  byPerspective: Array<{ perspective: string; sources: number; count: number }>;
  cooccurring: Array<{ key: string; name: string; type: EntityType; count: number }>;
  mentionsTotal: number;
  mentionList: MentionView[];
}

const CONTEXT = 80;

export async function showEntity(store: Store, key: string, p: { limit?: number; offset?: number } = {}) {
  const e = await store.entities.getEntity(key);
  if (!e) throw new NotFoundError(`no entity "${key}" (it may have been merged or renamed: see /entities)`);
  const limit = intParam(p.limit, 200, 1, 5000, 'limit');
  const offset = intParam(p.offset, 0, 0, 10_000_000, 'offset');
  const ms = await store.entities.entityMentions(key, limit, offset);
  const sources = new Map((await store.listSources()).map((s) => [s.id, s]));
  // per source and perspective, from the aliases' per-source counts
  const perSource = new Map<string, number>();
  for (const a of e.aliases) for (const [sid, n] of Object.entries(a.bySource)) perSource.set(sid, (perSource.get(sid) ?? 0) + n);
  const bySource = [...perSource]
    .map(([sourceId, count]) => {
      const s = sources.get(sourceId);
      return { sourceId, title: s?.title ?? null, perspective: s?.perspective ?? [], count };
    })
    .sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1));
  const persp = new Map<string, { sources: number; count: number }>();
  for (const s of bySource) {
    const tags = s.perspective.length ? s.perspective : ['(none stated)'];
    for (const t of tags) {
      const x = persp.get(t) ?? { sources: 0, count: 0 };
      x.sources++;
      x.count += s.count;
      persp.set(t, x);
    }
  }
  const byPerspective = [...persp].map(([perspective, x]) => ({ perspective, ...x })).sort((a, b) => (a.perspective < b.perspective ? -1 : 1));
  const cooccurring = await store.entities.entityCooccurring(key, 30);
  const texts = new Map<number, string>();
  const mentionList: MentionView[] = [];
  for (const m of ms.items) {
    let t = texts.get(m.versionId);
    if (t === undefined) {
      t = (await store.getVersionTexts(m.versionId))?.cleanText ?? '';
      texts.set(m.versionId, t);
    }
    mentionList.push(mentionView(m, t));
  }
  return { ...e, bySource, byPerspective, cooccurring, mentionsTotal: ms.total, mentionList };
}

export function mentionView(m: MentionRow, text: string): MentionView {
  let a = Math.max(0, m.start - CONTEXT);
  let b = Math.min(text.length, m.end + CONTEXT);
  // whole words at the edges
  while (a > 0 && a < m.start && /\S/.test(text[a - 1] ?? '')) a++;
  while (b < text.length && b > m.end && /\S/.test(text[b] ?? '')) b--;
  const ctx = text.slice(a, b).replace(/\s/g, ' ');
  return {
    key: m.key,
    sourceId: m.sourceId,
    start: m.start,
    end: m.end,
    rawStart: m.rawStart,
    rawEnd: m.rawEnd,
    text: m.text,
    passageKey: m.passageKey,
    context: { text: ctx, start: m.start - a, end: m.end - a },
  };
}

export async function entityGraph(store: Store, p: { type?: string; minWeight?: number; limit?: number } = {}): Promise<EntityGraph> {
  return store.entities.entityGraph({
    type: typeParam(p.type),
    minWeight: intParam(p.minWeight, 1, 1, 1_000_000, 'minWeight'),
    limit: intParam(p.limit, 2000, 1, 20000, 'limit'),
  });
}

/** the mentions of one source, for the reader's highlight layer */
export async function sourceMentions(store: Store, sourceId: string) {
  const s = await store.getSource(sourceId);
  if (!s) throw new NotFoundError(`no source "${sourceId}"`);
  const rows = await store.entities.versionMentions(s.versionId);
  const names = new Map<string, string>();
  for (const k of new Set(rows.map((r) => r.entity as string))) {
    const e = await store.entities.getEntity(k);
    if (e) names.set(k, e.name);
  }
  return {
    sourceId,
    versionId: s.versionId,
    mentions: rows.map((r) => ({ key: r.key, start: r.start, end: r.end, type: r.type, entity: r.entity as string, name: names.get(r.entity as string) ?? r.text })),
  };
}

export interface CurationLogEntry extends CurationRow {
  status: 'applied' | 'stale' | 'undone';
  message?: string;
}

export async function curationLog(store: Store): Promise<CurationLogEntry[]> {
  const log = await store.entities.curationLog();
  const r = await applyCurationDry(store, log);
  return log.map((e) => ({ ...e, ...(r.get(e.seq) ?? { status: 'stale' as const }) }));
}

/** statuses without writing: replay against the stored base */
async function applyCurationDry(store: Store, log: CurationEntry[]) {
  const base = await store.entities.loadEntityBase();
  return replay(base.mentions, base.entities, log).status;
}

/** append one curation action (validated), re-apply the log, report what it did */
export async function curate(store: Store, input: Record<string, unknown>) {
  const a = validateAction(input);
  const { action, ...args } = a;
  if (a.action === 'undo') {
    const log = await store.entities.curationLog();
    const target = log.find((e) => e.seq === a.seq);
    if (!target) throw new NotFoundError(`no curation entry #${a.seq}`);
    if (undoneSet(log).has(a.seq)) throw new InquiryError(`entry #${a.seq} is already undone`, { status: 409, code: 'already_undone' });
  } else if ('key' in a && a.key) {
    if (!(await store.entities.getEntity(a.key))) throw new NotFoundError(`no entity "${a.key}"`);
  } else if (a.action === 'merge') {
    for (const k of a.keys) if (!(await store.entities.getEntity(k))) throw new NotFoundError(`no entity "${k}"`);
  }
  const entry = await store.entities.appendCuration(action, args);
  const r = await applyCuration(store);
  const st = r.status.get(entry.seq) ?? { status: 'stale' as const };
  let entityKey: string | undefined;
  if (a.action === 'merge') entityKey = a.keys[0];
  else if (a.action === 'split') entityKey = `${a.key}~${slugify(a.name ?? `split-${entry.seq}`) || `split-${entry.seq}`}`;
  else if ('key' in a && a.key && a.action !== 'reject') entityKey = a.key;
  return { entry: { ...entry, ...st }, entity: entityKey ? { key: entityKey } : undefined };
}

export interface CurationFile {
  format: 'inquiry-curation';
  version: 1;
  entries: Array<{ at: string; action: string; args: Record<string, unknown>; seq: number }>;
}

export async function exportCuration(store: Store): Promise<CurationFile> {
  const log = await store.entities.curationLog();
  return { format: 'inquiry-curation', version: 1, entries: log.map((e) => ({ seq: e.seq, at: e.at, action: e.action, args: e.args })) };
}

/**
 * Import a curation file: its entries are appended (in order) to this project's log, undo
 * entries renumbered to point at the imported copies. Invalid entries are reported and skipped.
 */
export async function importCuration(store: Store, data: unknown, file = 'curation file') {
  const bad = (msg: string) => new InquiryError(`${file}: ${msg}`, { code: 'bad_input' });
  if (!data || typeof data !== 'object') throw bad('not a JSON object');
  const d = data as Partial<CurationFile>;
  if (d.format !== 'inquiry-curation' || !Array.isArray(d.entries)) throw bad('not an Inquiry curation file (expected {"format":"inquiry-curation","entries":[...]})');
  const seqMap = new Map<number, number>();
  const problems: string[] = [];
  let added = 0;
  for (const [i, e] of d.entries.entries()) {
    try {
      if (!e || typeof e !== 'object' || typeof e.action !== 'string') throw new Error('entry has no action');
      const args = { ...(e.args ?? {}) } as Record<string, unknown>;
      if (e.action === 'undo') {
        const mapped = seqMap.get(Number(args.seq));
        if (!mapped) throw new Error(`undo of #${args.seq}, which is not in the file`);
        args.seq = mapped;
      }
      validateAction({ ...args, action: e.action });
      const row = await store.entities.appendCuration(e.action, args, typeof e.at === 'string' ? e.at : undefined);
      if (typeof e.seq === 'number') seqMap.set(e.seq, row.seq);
      added++;
    } catch (err) {
      problems.push(`entry ${i + 1}: ${(err as Error).message}`);
    }
  }
  const r = await applyCuration(store);
  return { added, problems, applied: r.curation.applied, stale: r.curation.stale };
}

/** the analysis stage: entities (with the curation log replayed), then reuse, then citations and works, then dates, events and claims */
export async function analyze(store: Store, opts: AnalyzeOptions & { reuse?: boolean; minWords?: number } = {}): Promise<AnalyzeSummary & { reuse: ReuseSummary | null; citations: CitationSummary; time: TimeSummary }> {
  const entities = await analyzeCorpus(store, opts);
  const reuse = opts.reuse === false ? null : await analyzeReuse(store, { minWords: opts.minWords });
  const citations = await analyzeCitations(store);
  const time = await analyzeTime(store);
  return { ...entities, reuse, citations, time };
}
