/**
 * The reuse stage: detection over the current version of every source (whole clean texts,
 * duplicated sections included, so that a repeated post is reported as a duplicate), raw
 * offsets through each version's offset map, attributions, and the stored families.
 * Deterministic: the same sources give the same families, keys and divergences.
 */
import { fastKey } from '../core/ids.js';
import { OffsetMap } from '../core/offsets.js';
import { findAttribution } from '../analyze/reuse/attribution.js';
import { detectReuse, type FamilyResult, type ReuseOptions } from '../analyze/reuse/detect.js';
import type { Op } from '../analyze/reuse/align.js';
import type { Tokens } from '../analyze/reuse/tokens.js';
import type { DiffSeg, FamilyRow, OccurrenceRow, ReuseSeverity } from '../store/reuse-types.js';
import type { SourceRow, Store } from '../store/store.js';

export interface ReuseSummary {
  sources: number;
  families: number;
  quotations: number;
  duplicates: number;
  occurrences: number;
  meaningChanging: number;
  ms: number;
}

export interface ReuseStageOptions extends Pick<ReuseOptions, 'minWords'> {
  onProgress?: (e: { phase: 'reuse'; done: number; total: number }) => void;
}

const SEV_RANK: Record<ReuseSeverity, number> = { none: 0, cosmetic: 1, meaning: 2 };

export interface LoadedText {
  source: SourceRow;
  text: string;
  map: OffsetMap;
}

export async function loadTexts(store: Store): Promise<LoadedText[]> {
  const out: LoadedText[] = [];
  for (const s of await store.listSources()) {
    const v = await store.getVersionTexts(s.versionId);
    if (v) out.push({ source: s, text: v.cleanText, map: OffsetMap.fromBuffer(v.offsetMap) });
  }
  return out;
}

/** the word alignment as text segments: each side's words of the op and what follows them up to the next op */
export function diffSegments(ops: Op[], baseText: string, bt: Tokens, copyText: string, ct: Tokens, baseEnd: number, copyEnd: number): DiffSeg[] {
  const seg = (text: string, t: Tokens, i0: number, i1: number, next: number, endTok: number) => {
    if (i1 <= i0) return '';
    const s = t.starts[i0]!;
    const e = next < endTok ? t.starts[next]! : t.ends[endTok - 1]!;
    return text.slice(s, Math.max(e, t.ends[i1 - 1]!));
  };
  const out: DiffSeg[] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k]!;
    // text runs to the start of the next op's first word on each side
    let nb = baseEnd;
    let nc = copyEnd;
    for (let q = k + 1; q < ops.length; q++) {
      if (ops[q]!.a1 > ops[q]!.a0) {
        nb = ops[q]!.a0;
        break;
      }
    }
    for (let q = k + 1; q < ops.length; q++) {
      if (ops[q]!.b1 > ops[q]!.b0) {
        nc = ops[q]!.b0;
        break;
      }
    }
    out.push({ op: o.op, base: seg(baseText, bt, o.a0, o.a1, nb, baseEnd), copy: seg(copyText, ct, o.b0, o.b1, nc, copyEnd) });
  }
  return out;
}

export function familyRows(texts: LoadedText[], fams: FamilyResult[], tokens: Tokens[]): { families: FamilyRow[]; occurrences: OccurrenceRow[] } {
  const families: FamilyRow[] = [];
  const occurrences: OccurrenceRow[] = [];
  const seen = new Set<string>();
  for (const f of fams) {
    const b = f.occurrences[f.base]!;
    const bSrc = texts[b.doc]!;
    let key = 'reuse:' + fastKey([bSrc.source.id, String(b.start), String(b.end)]);
    while (seen.has(key)) key += '+';
    seen.add(key);
    const occKey = (o: { doc: number; start: number; end: number }) => 'occ:' + fastKey([texts[o.doc]!.source.id, String(o.start), String(o.end)]);
    let severity: ReuseSeverity = 'none';
    const dates = f.occurrences.map((o) => texts[o.doc]!.source.date).filter((d): d is string => !!d).sort();
    f.occurrences.forEach((o, seq) => {
      const src = texts[o.doc]!;
      if (SEV_RANK[o.severity] > SEV_RANK[severity]) severity = o.severity;
      const diff = diffSegments(o.ops, bSrc.text, tokens[b.doc]!, src.text, tokens[o.doc]!, b.t1, o.t1);
      const attribution = findAttribution(src.text, o.start, o.end);
      // raw offsets beside the clean ones: base spans through the base's map, copy spans through this one's
      const raw = (map: LoadedText['map'], x: { start: number; end: number; text: string }) => ({ ...x, rawStart: map.toRawStart(x.start), rawEnd: map.toRawEnd(x.end) });
      const divergences = o.divergences.map((d) => ({ ...d, base: raw(bSrc.map, d.base), copy: raw(src.map, d.copy) }));
      occurrences.push({
        key: occKey(o),
        family: key,
        seq,
        versionId: src.source.versionId,
        sourceId: src.source.id,
        start: o.start,
        end: o.end,
        rawStart: src.map.toRawStart(o.start),
        rawEnd: src.map.toRawEnd(o.end),
        words: o.words,
        base: o.base,
        repeat: o.repeat,
        severity: o.severity,
        summary: o.summary,
        text: src.text.slice(o.start, o.end),
        data: { divergences, diff, attribution: attribution ? raw(src.map, { text: attribution.text, start: attribution.start, end: attribution.end }) : null },
      });
    });
    const preview = bSrc.text.slice(b.start, b.end).replace(/\s+/g, ' ');
    families.push({
      key,
      kind: f.kind,
      words: f.words,
      occurrences: f.occurrences.length,
      sources: new Set(f.occurrences.map((o) => o.doc)).size,
      severity,
      base: occKey(b),
      preview: preview.length > 240 ? preview.slice(0, 240) + '…' : preview,
      firstDate: dates[0] ?? null,
    });
  }
  return { families, occurrences };
}

export async function analyzeReuse(store: Store, opts: ReuseStageOptions = {}): Promise<ReuseSummary> {
  const t0 = performance.now();
  const texts = await loadTexts(store);
  const r = detectReuse(
    texts.map((t) => ({ id: t.source.id, text: t.text, date: t.source.date })),
    { minWords: opts.minWords, onProgress: (_p, done, total) => opts.onProgress?.({ phase: 'reuse', done, total }) },
  );
  const { families, occurrences } = familyRows(texts, r.families, r.tokens);
  await store.reuse.writeReuse(families, occurrences);
  return {
    sources: texts.length,
    families: families.length,
    quotations: families.filter((f) => f.kind === 'quotation').length,
    duplicates: families.filter((f) => f.kind === 'duplicate').length,
    occurrences: occurrences.length,
    meaningChanging: occurrences.filter((o) => o.severity === 'meaning').length,
    ms: Math.round(performance.now() - t0),
  };
}
