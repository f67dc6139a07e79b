/**
 * The time and claims stage: date expressions in every source (citation lines excluded) to EDTF,
 * events grouped across sources with disagreeing dates flagged, checkable claims compared across
 * sources (agree / partial / conflict), and the disputed points they form. Reads the entities and
 * citations stages' output; stores exact clean and raw spans. Deterministic.
 */
import { edtfBounds } from '../core/edtf.js';
import { fastKey } from '../core/ids.js';
import { compareClaims, disputes as findDisputes, unifyPersons } from '../analyze/claims/compare.js';
import { corpusContext, extractClaims, type Claim, type ClaimMention } from '../analyze/claims/extract.js';
import { findDates, type DateMention } from '../analyze/time/dates.js';
import { conflictingGroups, findEvents, type TimeEvent } from '../analyze/time/events.js';
import type { Store } from '../store/store.js';
import type { ComparisonRow, DateRow, DisputeRow, EventRow, StatementRow } from '../store/time-types.js';
import { loadTexts } from './reuse.js';

export interface TimeSummary {
  dates: number;
  unresolved: number;
  events: number;
  conflictingEvents: number;
  claims: number;
  comparisons: { agree: number; partial: number; conflict: number };
  disputes: number;
  ms: number;
}

export async function analyzeTime(store: Store): Promise<TimeSummary> {
  const t0 = performance.now();
  const texts = await loadTexts(store);
  const names = new Map<string, string>();
  for await (const e of store.entities.iterateEntities()) names.set(e.key, e.name);
  const prepared = [];
  for (const t of texts) {
    const cites = await store.citations.sourceCitations(t.source.id);
    const exclude = cites.filter((c) => c.kind !== 'marker').map((c) => [c.start, c.end] as [number, number]);
    const dates = findDates(t.text, 0, t.text.length, { exclude, documentDate: t.source.date && /^\d{4}/.test(t.source.date) ? t.source.date : null });
    const mentions: ClaimMention[] = (await store.entities.versionMentions(t.source.versionId))
      .filter((m) => m.entity)
      .map((m) => ({ start: m.start, end: m.end, entity: m.entity!, type: m.type, name: names.get(m.entity!) ?? m.text }));
    prepared.push({ t, exclude, dates, mentions, text: t.text });
  }
  const context = corpusContext(prepared);
  const claims: Claim[] = [];
  const claimVersion: number[] = [];
  const events: Array<{ e: TimeEvent; versionId: number; map: (typeof texts)[number]['map'] }> = [];
  const dateRows: DateRow[] = [];
  for (const p of prepared) {
    const { t } = p;
    for (const d of p.dates) dateRows.push(dateRow(t.source.id, t.source.versionId, d, t.map));
    const cs = extractClaims({ sourceId: t.source.id, text: t.text, lang: t.source.language, exclude: p.exclude }, p.mentions, p.dates, context);
    for (const c of cs) {
      claims.push(c);
      claimVersion.push(t.source.versionId);
    }
    for (const e of findEvents(t.source.id, t.text, p.dates, p.mentions, cs.filter((c) => c.predicate === 'date'))) events.push({ e, versionId: t.source.versionId, map: t.map });
  }
  // one person under one key across sources before claims are compared, grouped and stored
  claims.splice(0, claims.length, ...unifyPersons(claims));
  const comps = compareClaims(claims);
  const maps = new Map(texts.map((t) => [t.source.id, t]));
  const keyOf = (c: Claim) => 'claim:' + fastKey([c.sourceId, String(c.start), String(c.end), c.predicate, c.subject, c.value.kind]);
  const keys = claims.map(keyOf);
  const counts = claims.map(() => ({ agree: 0, partial: 0, conflict: 0 }));
  for (const c of comps) {
    counts[c.a]![c.relation]++;
    counts[c.b]![c.relation]++;
  }
  const statements: StatementRow[] = claims.map((c, i) => {
    const m = maps.get(c.sourceId)!.map;
    return { key: keys[i]!, versionId: claimVersion[i]!, sourceId: c.sourceId, start: c.start, end: c.end, rawStart: m.toRawStart(c.start), rawEnd: m.toRawEnd(c.end), text: c.text, predicate: c.predicate, subject: c.subject, subjectLabel: c.subjectLabel, value: c.value, valueLabel: c.valueLabel, time: c.time, ...counts[i]! };
  });
  const comparisons: ComparisonRow[] = comps.map((c) => ({ a: keys[c.a]!, b: keys[c.b]!, relation: c.relation, reason: c.reason }));
  const disputes: DisputeRow[] = findDisputes(claims, comps).map((d) => ({
    key: 'dispute:' + fastKey([d.key, ...d.sides.flatMap((s) => s.claims.map((i) => keys[i]!))]),
    predicate: d.predicate,
    topic: d.topic,
    sourceCount: new Set(d.sides.flatMap((s) => s.sources)).size,
    sides: d.sides.map((s) => ({ stance: s.stance, sources: s.sources, claims: s.claims.map((i) => keys[i]!) })),
    comparisons: d.comparisons.map((k) => comparisons[k]!),
  }));
  const conflicted = conflictingGroups(events.map((x) => x.e));
  const eventRows: EventRow[] = events.map(({ e, versionId, map }) => {
    const b = edtfBounds(e.edtf)!;
    return {
      key: 'event:' + fastKey([e.sourceId, String(e.start), String(e.dateStart)]),
      versionId,
      sourceId: e.sourceId,
      start: e.start,
      end: e.end,
      rawStart: map.toRawStart(e.start),
      rawEnd: map.toRawEnd(e.end),
      text: e.text,
      trigger: e.trigger,
      edtf: e.edtf,
      lo: b[0],
      hi: b[1],
      dateText: e.dateText,
      actors: e.actors,
      places: e.places,
      group: e.group,
      conflict: !!e.group && conflicted.has(e.group),
    };
  });
  await store.time.writeTime(dateRows, eventRows, statements, comparisons, disputes);
  return {
    dates: dateRows.length,
    unresolved: dateRows.filter((d) => !d.edtf).length,
    events: eventRows.length,
    conflictingEvents: eventRows.filter((e) => e.conflict).length,
    claims: statements.length,
    comparisons: { agree: comps.filter((c) => c.relation === 'agree').length, partial: comps.filter((c) => c.relation === 'partial').length, conflict: comps.filter((c) => c.relation === 'conflict').length },
    disputes: disputes.length,
    ms: Math.round(performance.now() - t0),
  };
}

function dateRow(sourceId: string, versionId: number, d: DateMention, map: { toRawStart(n: number): number; toRawEnd(n: number): number }): DateRow {
  const b = d.edtf ? edtfBounds(d.edtf) : null;
  return {
    key: 'date:' + fastKey([sourceId, String(d.start), String(d.end)]),
    versionId,
    sourceId,
    start: d.start,
    end: d.end,
    rawStart: map.toRawStart(d.start),
    rawEnd: map.toRawEnd(d.end),
    text: d.text,
    edtf: d.edtf,
    form: d.form,
    lo: b?.[0] ?? null,
    hi: b?.[1] ?? null,
    resolved: d.edtf !== null,
  };
}
