/**
 * Reference parsing evaluated against hand-built fixtures (eval/fixtures/citations/refs-*.jsonl):
 * field-level precision and recall (micro over fields; names counted one by one), the
 * reference type, the cited locator, and Ibid. detection.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReference, type CslItem, type CslName } from '../src/analyze/citations/parse.js';
import { findCitations } from '../src/analyze/citations/detect.js';

interface GoldRef {
  id: string;
  style: string;
  text: string;
  csl: CslItem | null;
  locator?: string | null;
  remarks?: string[];
  refers_to?: string;
}

export interface FieldScore {
  gold: number;
  predicted: number;
  correct: number;
}

export interface CitationEvalResult {
  refs: number;
  byField: Record<string, FieldScore & { precision: number; recall: number; f1: number }>;
  overall: { precision: number; recall: number; f1: number };
  byStyle: Record<string, { refs: number; f1: number }>;
  perSecond: number;
  errors: Array<{ id: string; field: string; gold: unknown; got: unknown }>;
}

const FIELDS = ['type', 'author', 'editor', 'translator', 'title', 'container-title', 'volume', 'issue', 'page', 'edition', 'publisher', 'publisher-place', 'issued', 'locator'] as const;

const norm = (v: unknown) =>
  String(v ?? '')
    .normalize('NFC')
    .replace(/[“”«»„]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:\s]+$/, '')
    .trim()
    .toLowerCase();
const nameKey = (n: CslName) => (n.literal ? `lit:${norm(n.literal)}` : `${norm(n.family)}|${norm(n.given).replace(/[.\s]/g, '')}`);

function ratio(a: number, b: number) {
  return b === 0 ? 1 : a / b;
}

export function loadGold(dir: string): GoldRef[] {
  if (!existsSync(dir)) return [];
  const out: GoldRef[] = [];
  for (const f of readdirSync(dir).filter((x) => /^refs-.*\.jsonl$/.test(x)).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as GoldRef);
  }
  return out;
}

export function evalCitations(dir: string): CitationEvalResult | null {
  const gold = loadGold(dir);
  if (gold.length === 0) return null;
  const t0 = performance.now();
  const parsed = gold.map((g) => parseReference(g.text));
  const seconds = (performance.now() - t0) / 1000;
  const byField: Record<string, FieldScore> = {};
  for (const f of FIELDS) byField[f] = { gold: 0, predicted: 0, correct: 0 };
  const styleAcc: Record<string, FieldScore & { refs: number }> = {};
  const errors: CitationEvalResult['errors'] = [];
  gold.forEach((g, i) => {
    const p = parsed[i]!;
    const st = (styleAcc[g.style] ??= { refs: 0, gold: 0, predicted: 0, correct: 0 });
    st.refs++;
    const add = (field: string, gn: number, pn: number, cn: number, gv: unknown, pv: unknown) => {
      const s = byField[field]!;
      s.gold += gn;
      s.predicted += pn;
      s.correct += cn;
      st.gold += gn;
      st.predicted += pn;
      st.correct += cn;
      if (cn < Math.max(gn, pn)) errors.push({ id: g.id, field, gold: gv, got: pv });
    };
    if (g.csl === null || g.refers_to) {
      // Ibid./op. cit.: counted as its locator and the detection itself
      add('type', 1, 1, p.ibid || p.opCit ? 1 : 0, 'ibid', p.shape);
      return;
    }
    for (const f of FIELDS) {
      if (f === 'locator') {
        const gv = g.locator ?? null;
        const pv = p.locator;
        add(f, gv ? 1 : 0, pv ? 1 : 0, gv && pv && norm(gv) === norm(pv) ? 1 : 0, gv, pv);
        continue;
      }
      const gv = (g.csl as unknown as Record<string, unknown>)[f];
      const pv = p.csl ? (p.csl as unknown as Record<string, unknown>)[f] : undefined;
      if (f === 'author' || f === 'editor' || f === 'translator') {
        const gl = ((gv as CslName[] | undefined) ?? []).map(nameKey);
        const pl = ((pv as CslName[] | undefined) ?? []).map(nameKey);
        const c = gl.filter((k) => pl.includes(k)).length;
        add(f, gl.length, pl.length, c, gv, pv);
      } else if (f === 'issued') {
        const gs = gv ? JSON.stringify((gv as { 'date-parts': number[][] })['date-parts']) : null;
        const ps = pv ? JSON.stringify((pv as { 'date-parts': number[][] })['date-parts']) : null;
        add(f, gs ? 1 : 0, ps ? 1 : 0, gs && ps && gs === ps ? 1 : 0, gv, pv);
      } else {
        const has = (v: unknown) => v !== undefined && v !== null && v !== '';
        add(f, has(gv) ? 1 : 0, has(pv) ? 1 : 0, has(gv) && has(pv) && norm(gv) === norm(pv) ? 1 : 0, gv, pv);
      }
    }
  });
  const out: CitationEvalResult['byField'] = {};
  let G = 0;
  let P = 0;
  let C = 0;
  for (const [f, s] of Object.entries(byField)) {
    const precision = ratio(s.correct, s.predicted);
    const recall = ratio(s.correct, s.gold);
    out[f] = { ...s, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
    G += s.gold;
    P += s.predicted;
    C += s.correct;
  }
  const precision = ratio(C, P);
  const recall = ratio(C, G);
  const byStyle: CitationEvalResult['byStyle'] = {};
  for (const [k, s] of Object.entries(styleAcc)) {
    const pr = ratio(s.correct, s.predicted);
    const rc = ratio(s.correct, s.gold);
    byStyle[k] = { refs: s.refs, f1: pr + rc ? (2 * pr * rc) / (pr + rc) : 0 };
  }
  return {
    refs: gold.length,
    byField: out,
    overall: { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    byStyle,
    perSecond: gold.length / Math.max(seconds, 1e-9),
    errors,
  };
}

// ---------------------------------------------------------------- detection (docs/*.txt, spans marked ⟦…⟧)

export interface DetectionResult {
  docs: number;
  gold: number;
  goldMarkers: number;
  predicted: number;
  exact: { precision: number; recall: number };
  overlap: { precision: number; recall: number };
  markers: { recall: number };
  missed: Array<{ doc: string; text: string }>;
  spurious: Array<{ doc: string; text: string }>;
}

/** a footnote marker as the fixture marks them: "[1]", "(85)", "¹", or digits glued to a word */
const isMarker = (t: string) => /^(?:\[\d{1,3}\]|\(\d{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3})$/.test(t);

export function evalDetection(dir: string): DetectionResult | null {
  const docsDir = join(dir, 'docs');
  if (!existsSync(docsDir)) return null;
  let gold = 0;
  let goldMarkers = 0;
  let predicted = 0;
  let exactHit = 0;
  let overlapGold = 0;
  let overlapPred = 0;
  let markerHit = 0;
  const missed: DetectionResult['missed'] = [];
  const spurious: DetectionResult['spurious'] = [];
  const files = readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) {
    const raw = readFileSync(join(docsDir, f), 'utf8');
    const body = raw.replace(/^---\n[\s\S]*?\n---\n/, '');
    // gold spans in the text with the marks removed
    const spans: Array<{ start: number; end: number; text: string }> = [];
    let text = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch === '⟦') spans.push({ start: text.length, end: -1, text: '' });
      else if (ch === '⟧') {
        const s = spans[spans.length - 1]!;
        s.end = text.length;
        s.text = text.slice(s.start, s.end);
      } else text += ch;
    }
    const found = findCitations(text);
    predicted += found.length;
    for (const g of spans) {
      const marker = isMarker(g.text);
      if (marker) goldMarkers++;
      else gold++;
      const ex = found.some((p) => p.start === g.start && p.end === g.end);
      const ov = found.some((p) => p.start < g.end && g.start < p.end);
      if (marker) {
        if (ov) markerHit++;
        else missed.push({ doc: f, text: g.text });
        continue;
      }
      if (ex) exactHit++;
      if (ov) overlapGold++;
      else missed.push({ doc: f, text: g.text });
    }
    for (const p of found) {
      if (spans.some((g) => p.start < g.end && g.start < p.end)) overlapPred++;
      else spurious.push({ doc: f, text: p.text });
    }
  }
  const r = (a: number, b: number) => (b ? a / b : 0);
  return {
    docs: files.length,
    gold,
    goldMarkers,
    predicted,
    exact: { precision: r(exactHit, predicted), recall: r(exactHit, gold) },
    overlap: { precision: r(overlapPred, predicted), recall: r(overlapGold, gold) },
    markers: { recall: r(markerHit, goldMarkers) },
    missed,
    spurious,
  };
}
