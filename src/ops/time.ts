/**
 * Operations on dates, events, checkable claims, conflicts and the timeline: what the CLI and the
 * HTTP API (and its JSON twins) return. Claims carry their source's title and perspective; sides
 * of a disputed point are shown together and nothing says which one is right.
 */
import { InquiryError, NotFoundError } from '../core/errors.js';
import { parseDateBound } from '../core/edtf.js';
import type { Store } from '../store/store.js';
import type { DisputeRow, EventRow, StatementRow } from '../store/time-types.js';
import { wholeNumber } from './params.js';

interface SourceMeta {
  title: string;
  perspective: string | null;
}

async function sourceMeta(store: Store): Promise<Map<string, SourceMeta>> {
  return new Map((await store.listSources()).map((s) => [s.id, { title: s.title ?? s.id, perspective: s.perspective.length ? s.perspective.join(', ') : null }]));
}

export type ClaimOut = StatementRow & { sourceTitle: string; perspective: string | null };
const withMeta = (meta: Map<string, SourceMeta>) => (s: StatementRow): ClaimOut => ({ ...s, sourceTitle: meta.get(s.sourceId)?.title ?? s.sourceId, perspective: meta.get(s.sourceId)?.perspective ?? null });

const PREDICATES = ['outcome', 'count', 'date', 'place', 'presence', 'existence', 'attribution'];
function checkPredicate(p: string | undefined): string | undefined {
  if (p && !PREDICATES.includes(p)) throw new InquiryError(`no predicate "${p}": choose one of ${PREDICATES.join(', ')}`, { code: 'bad_param' });
  return p || undefined;
}
function checkRelation(r: string | undefined): string | undefined {
  if (r && !['agree', 'partial', 'conflict'].includes(r)) throw new InquiryError(`no relation "${r}": choose agree, partial or conflict`, { code: 'bad_param' });
  return r || undefined;
}
/** a date bound ("1936", "1936-08", "1936-08-19") as the ISO day the range filter compares with */
function isoBound(s: string | undefined, name: 'from' | 'to'): string | undefined {
  if (!s) return undefined;
  let e: string;
  try {
    e = parseDateBound(s);
  } catch (err) {
    throw new InquiryError(`${name}: ${(err as Error).message}`, { code: 'bad_param' });
  }
  if (/^\d{4}$/.test(e)) return name === 'from' ? `${e}-01-01` : `${e}-12-31`;
  if (/^\d{4}-\d{2}$/.test(e)) return name === 'from' ? `${e}-01` : `${e}-31`;
  return e;
}

export interface ClaimListParams {
  predicate?: string;
  subject?: string;
  source?: string;
  relation?: string;
  q?: string;
  limit?: number | string;
  offset?: number | string;
}

export async function listClaims(store: Store, p: ClaimListParams = {}) {
  const meta = await sourceMeta(store);
  const r = await store.time.listStatements({
    predicate: checkPredicate(p.predicate),
    subject: p.subject || undefined,
    source: p.source || undefined,
    relation: checkRelation(p.relation),
    q: p.q || undefined,
    limit: wholeNumber(p.limit, 'limit', 50),
    offset: wholeNumber(p.offset, 'offset', 0),
  });
  return { total: r.total, items: r.items.map(withMeta(meta)) };
}

export async function showClaim(store: Store, key: string) {
  const s = await store.time.getStatement(key);
  if (!s) throw new NotFoundError(`no claim "${key}"`);
  const meta = await sourceMeta(store);
  const comps = await store.time.statementComparisons(key);
  const others = new Map((await store.time.statementsByKeys(comps.map((c) => (c.a === key ? c.b : c.a)))).map((o) => [o.key, o]));
  return {
    claim: withMeta(meta)(s),
    comparisons: comps
      .map((c) => ({ relation: c.relation, reason: c.reason, other: others.get(c.a === key ? c.b : c.a) }))
      .filter((c): c is { relation: typeof c.relation; reason: string; other: StatementRow } => !!c.other)
      .map((c) => ({ ...c, other: withMeta(meta)(c.other) })),
  };
}

async function disputeOut(store: Store, d: DisputeRow, meta: Map<string, SourceMeta>) {
  const claims = new Map((await store.time.statementsByKeys(d.sides.flatMap((s) => s.claims))).map((c) => [c.key, withMeta(meta)(c)]));
  return {
    key: d.key,
    predicate: d.predicate,
    topic: d.topic,
    sourceCount: d.sourceCount,
    sides: d.sides.map((s) => ({ stance: s.stance, sources: s.sources, claims: s.claims.map((k) => claims.get(k)).filter((c): c is ClaimOut => !!c) })),
  };
}

export async function listConflicts(store: Store, p: { predicate?: string; source?: string; q?: string; limit?: number | string; offset?: number | string } = {}) {
  const meta = await sourceMeta(store);
  const r = await store.time.listDisputes({ predicate: checkPredicate(p.predicate), source: p.source || undefined, q: p.q || undefined, limit: wholeNumber(p.limit, 'limit', 50), offset: wholeNumber(p.offset, 'offset', 0) });
  const items = [];
  for (const d of r.items) items.push(await disputeOut(store, d, meta));
  return { total: r.total, items };
}

export async function showConflict(store: Store, key: string) {
  const d = await store.time.getDispute(key);
  if (!d) throw new NotFoundError(`no disputed point "${key}"`);
  const meta = await sourceMeta(store);
  return { dispute: await disputeOut(store, d, meta), comparisons: d.comparisons };
}

export async function listDates(store: Store, p: { source?: string; from?: string; to?: string; limit?: number | string; offset?: number | string } = {}) {
  return store.time.listDates({ source: p.source || undefined, from: isoBound(p.from, 'from'), to: isoBound(p.to, 'to'), limit: wholeNumber(p.limit, 'limit', 100), offset: wholeNumber(p.offset, 'offset', 0) });
}

const TRIGGERS = ['arrest', 'trial', 'sentence', 'execution', 'death', 'suicide', 'meeting', 'travel', 'release', 'rehabilitation', 'expulsion', 'fire', 'other'];

export type EventOut = EventRow & { sourceTitle: string; perspective: string | null };

export async function listEvents(store: Store, p: { source?: string; from?: string; to?: string; trigger?: string; conflict?: boolean | string; group?: string; limit?: number | string; offset?: number | string } = {}) {
  if (p.trigger && !TRIGGERS.includes(p.trigger)) throw new InquiryError(`no trigger "${p.trigger}": choose one of ${TRIGGERS.join(', ')}`, { code: 'bad_param' });
  const meta = await sourceMeta(store);
  const r = await store.time.listEvents({
    source: p.source || undefined,
    from: isoBound(p.from, 'from'),
    to: isoBound(p.to, 'to'),
    trigger: p.trigger || undefined,
    conflict: p.conflict === true || p.conflict === '1' || p.conflict === 'true',
    group: p.group || undefined,
    limit: wholeNumber(p.limit, 'limit', 100),
    offset: wholeNumber(p.offset, 'offset', 0),
  });
  return { total: r.total, items: r.items.map((e): EventOut => ({ ...e, sourceTitle: meta.get(e.sourceId)?.title ?? e.sourceId, perspective: meta.get(e.sourceId)?.perspective ?? null })) };
}

/** the timeline: one lane per source or per perspective, and the groups of events stated in several sources */
export async function timeline(store: Store, p: { by?: string; from?: string; to?: string; trigger?: string } = {}) {
  const by = p.by === 'perspective' ? 'perspective' : p.by === undefined || p.by === '' || p.by === 'source' ? 'source' : null;
  if (!by) throw new InquiryError(`timeline by "${p.by}": choose source or perspective`, { code: 'bad_param' });
  const all = await listEvents(store, { from: p.from, to: p.to, trigger: p.trigger, limit: 100000 });
  const lanes = new Map<string, { key: string; label: string; perspective: string | null; events: EventOut[] }>();
  for (const e of all.items) {
    const k = by === 'source' ? e.sourceId : (e.perspective ?? 'unspecified');
    let l = lanes.get(k);
    if (!l) lanes.set(k, (l = { key: k, label: by === 'source' ? e.sourceTitle : k, perspective: by === 'source' ? e.perspective : k, events: [] }));
    l.events.push(e);
  }
  const groups = new Map<string, { key: string; label: string; trigger: string; conflict: boolean; members: Array<{ event: string; sourceId: string; edtf: string }> }>();
  for (const e of all.items) {
    if (!e.group) continue;
    let g = groups.get(e.group);
    if (!g) groups.set(e.group, (g = { key: e.group, label: groupLabel(e), trigger: e.trigger, conflict: e.conflict, members: [] }));
    g.members.push({ event: e.key, sourceId: e.sourceId, edtf: e.edtf });
  }
  const multi = [...groups.values()].filter((g) => new Set(g.members.map((m) => m.sourceId)).size > 1);
  const los = all.items.map((e) => e.lo).sort();
  const his = all.items.map((e) => e.hi).sort();
  return { by, range: los.length ? { lo: los[0]!, hi: his[his.length - 1]! } : null, lanes: [...lanes.values()].sort((a, b) => a.label.localeCompare(b.label)), groups: multi };
}

function groupLabel(e: EventRow): string {
  const who = e.actors[0]?.name;
  return `${e.trigger}${who ? ` — ${who}` : ''}`;
}

export async function sourceDates(store: Store, sourceId: string) {
  if (!(await store.getSource(sourceId))) throw new NotFoundError(`no source "${sourceId}"`);
  return { sourceId, items: (await store.time.listDates({ source: sourceId, limit: 1_000_000 })).items };
}

export async function sourceClaims(store: Store, sourceId: string) {
  if (!(await store.getSource(sourceId))) throw new NotFoundError(`no source "${sourceId}"`);
  const meta = await sourceMeta(store);
  return { sourceId, items: (await store.time.listStatements({ source: sourceId, limit: 1_000_000 })).items.map(withMeta(meta)) };
}

// ---------------------------------------------------------------- Argdown

const esc = (s: string) => s.replace(/\s+/g, ' ').replace(/[[\]<>]/g, (m) => ({ '[': '(', ']': ')', '<': '‹', '>': '›' })[m]!).trim();

/**
 * Disputed points as Argdown (https://argdown.org): each side is a statement, the sides are
 * contradictory (yes / no: existence, presence) or contrary (values that cannot both hold),
 * and every claim is an argument supporting its side, with its source, perspective and span.
 */
export async function* argdownChunks(store: Store, key?: string): AsyncIterable<string> {
  const meta = await sourceMeta(store);
  yield '===\ntitle: Inquiry — disputed points\nsubTitle: each side as its sources state it; Inquiry does not decide which is true\n===\n\n';
  const list: DisputeRow[] = [];
  if (key) {
    const d = await store.time.getDispute(key);
    if (!d) throw new NotFoundError(`no disputed point "${key}"`);
    list.push(d);
  } else for await (const d of store.time.iterateDisputes()) list.push(d);
  let n = 0;
  for (const d of list) {
    n++;
    const out = await disputeOut(store, d, meta);
    const contradictory = d.predicate === 'existence' || d.predicate === 'presence';
    const title = (i: number) => `D${n}.${i + 1} ${esc(out.sides[i]!.stance).slice(0, 60)}`;
    let s = `# ${esc(out.topic).slice(0, 100)} (${d.predicate}) {key: "${d.key}"}\n\n`;
    out.sides.forEach((side, i) => {
      s += `[${title(i)}]: ${esc(out.topic).slice(0, 80)}: ${esc(side.stance)}.\n`;
      out.sides.forEach((_other, j) => {
        if (j !== i) s += contradictory ? `  >< [${title(j)}]\n` : `  - [${title(j)}]\n`;
      });
      side.claims.forEach((c, k) => {
        s += `  + <D${n}.${i + 1}.${k + 1} ${esc(c.sourceTitle).slice(0, 50)}>: "${esc(c.text).slice(0, 300)}" #(${esc(c.perspective ?? 'unspecified').replace(/[\s,]+/g, '-')}) {source: "${c.sourceId}", start: ${c.start}, end: ${c.end}, rawStart: ${c.rawStart}, rawEnd: ${c.rawEnd}}\n`;
      });
      s += '\n';
    });
    yield s;
  }
}
