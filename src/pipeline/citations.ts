/**
 * The citations stage: references found in every source (reference lines, numbered lists,
 * parenthetical author-date), parsed, Ibid./op. cit. resolved, merged into works with the
 * evidence for each merge, cited-by counts per source and perspective, stored with exact
 * clean and raw spans. Deterministic: the same sources give the same keys.
 */
import { fastKey } from '../core/ids.js';
import { findCitations } from '../analyze/citations/detect.js';
import { mergeWorks, type CitationInput } from '../analyze/citations/works.js';
import { evidenceStructure } from '../analyze/citations/evidence.js';
import type { CitationRow, ClaimRow, WorkRow } from '../store/citation-types.js';
import type { Store } from '../store/store.js';
import { loadTexts } from './reuse.js';

export interface CitationSummary {
  claims: number;
  citations: number;
  works: number;
  unresolved: number;
  ms: number;
}

export async function analyzeCitations(store: Store): Promise<CitationSummary> {
  const t0 = performance.now();
  const texts = await loadTexts(store);
  const inputs: CitationInput[] = [];
  const meta = new Map<string, { versionId: number; sourceId: string; rawStart: number; rawEnd: number; kind: string }>();
  for (const t of texts) {
    for (const c of findCitations(t.text)) {
      const key = 'cite:' + fastKey([t.source.id, String(c.start), String(c.end)]);
      inputs.push({ key, sourceId: t.source.id, start: c.start, end: c.end, text: c.text, parsed: c.parsed });
      meta.set(key, { versionId: t.source.versionId, sourceId: t.source.id, rawStart: t.map.toRawStart(c.start), rawEnd: t.map.toRawEnd(c.end), kind: c.kind });
    }
  }
  const { works, resolved } = mergeWorks(inputs);
  // footnote markers in the text point at the note of the same number in the source's list
  // ("[3]" in the body → the line "[3] Getty, Origins …"): they take that note's work
  const kindOf = (k: string) => meta.get(k)?.kind;
  const bySrc = new Map<string, CitationInput[]>();
  for (const c of inputs) {
    let l = bySrc.get(c.sourceId);
    if (!l) bySrc.set(c.sourceId, (l = []));
    l.push(c);
  }
  const res = new Map(resolved.map((r) => [r.key, r]));
  for (const list of bySrc.values()) {
    list.sort((a, b) => a.start - b.start);
    const notes = new Map<string, CitationInput>();
    const num = (t: string) => /\d+/.exec(t)?.[0] ?? t;
    list.forEach((c, i) => {
      const next = list[i + 1];
      if (kindOf(c.key) === 'marker' && next && kindOf(next.key) !== 'marker' && next.start - c.end <= 3) notes.set(num(c.text), next);
    });
    for (const c of list) {
      if (kindOf(c.key) !== 'marker') continue;
      const note = notes.get(num(c.text));
      if (!note || note.start - c.end <= 3) continue;
      const r = res.get(note.key);
      res.set(c.key, { key: c.key, work: r?.work ?? null, edition: r?.edition ?? null, refersTo: note.key });
    }
  }
  const byKey = new Map(inputs.map((c) => [c.key, c]));
  const perspectives = new Map(texts.map((t) => [t.source.id, t.source.perspective.length ? t.source.perspective : ['unspecified']]));
  const rows: WorkRow[] = works.map((w) => {
    const bySource: Record<string, number> = {};
    const byPerspective: Record<string, number> = {};
    for (const k of w.citations) {
      const src = byKey.get(k)!.sourceId;
      bySource[src] = (bySource[src] ?? 0) + 1;
      for (const p of perspectives.get(src) ?? []) byPerspective[p] = (byPerspective[p] ?? 0) + 1;
    }
    return { key: w.key, csl: w.csl, title: w.csl.title ?? '', editions: w.editions, evidence: w.evidence, citations: w.citations.length, sources: Object.keys(bySource).length, citedBy: { bySource, byPerspective } };
  });
  const cites: CitationRow[] = [...res.values()].map((r) => {
    const c = byKey.get(r.key)!;
    const m = meta.get(r.key)!;
    return { key: r.key, versionId: m.versionId, sourceId: m.sourceId, start: c.start, end: c.end, rawStart: m.rawStart, rawEnd: m.rawEnd, text: c.text, kind: m.kind, parsed: c.parsed, work: r.work, edition: r.edition, refersTo: r.refersTo };
  });
  // claim → evidence passage → citation → work, where the layout shows it
  const claims: ClaimRow[] = [];
  const citeRow = new Map(cites.map((c) => [c.key, c]));
  for (const t of texts) {
    const mine = cites.filter((c) => c.sourceId === t.source.id);
    if (mine.length === 0) continue;
    const structure = evidenceStructure(t.text, mine.map((c) => ({ key: c.key, start: c.start, end: c.end, kind: c.kind })));
    for (const cl of structure) {
      const h = cl.heading;
      claims.push({
        key: 'claim:' + fastKey([t.source.id, String(h?.start ?? -1), String(h?.end ?? -1)]),
        versionId: t.source.versionId,
        sourceId: t.source.id,
        start: h?.start ?? -1,
        end: h?.end ?? -1,
        rawStart: h ? t.map.toRawStart(h.start) : -1,
        rawEnd: h ? t.map.toRawEnd(h.end) : -1,
        text: h?.text ?? '',
        evidence: cl.evidence.map((e) => ({
          passage: { start: e.passage.start, end: e.passage.end, rawStart: t.map.toRawStart(e.passage.start), rawEnd: t.map.toRawEnd(e.passage.end), text: e.passage.text },
          citation: e.citation,
          work: citeRow.get(e.citation)?.work ?? null,
        })),
      });
    }
  }
  await store.citations.writeCitations(rows, cites, claims);
  return { claims: claims.filter((c) => c.start >= 0).length, citations: cites.filter((c) => c.kind !== 'marker').length, works: rows.length, unresolved: cites.filter((c) => !c.work && c.kind !== 'marker').length, ms: Math.round(performance.now() - t0) };
}
