/**
 * Date expressions evaluated against eval/fixtures/time/dates.jsonl: passages with every date
 * expression annotated (span, EDTF value or null when unresolvable, form) and the numbers that
 * are not dates (citation years, titles, pages, counts). The pipeline's own exclusion of
 * citation spans is applied, as it is on real sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCitations } from '../src/analyze/citations/detect.js';
import { findDates } from '../src/analyze/time/dates.js';

interface GoldDate {
  text: string;
  occurrence: number;
  edtf: string | null;
  form: string;
}
interface Passage {
  id: string;
  lang: string;
  text: string;
  dates: GoldDate[];
  not_dates?: Array<{ text: string; occurrence: number; why: string }>;
}

export interface DateEvalResult {
  passages: number;
  gold: number;
  predicted: number;
  detection: { precision: number; recall: number; exact: number };
  /** of the gold expressions found, the share whose EDTF value (or null) is right */
  normalization: number;
  /** right span found and right value, over all gold expressions */
  endToEnd: number;
  negativesHit: number;
  negatives: number;
  byForm: Record<string, { gold: number; found: number; correct: number }>;
  byLang: Record<string, { gold: number; correct: number }>;
  errors: Array<{ id: string; text: string; gold: string | null; got: string | null | undefined; form: string }>;
  spurious: Array<{ id: string; text: string }>;
}

/** where the nth occurrence of a string begins (-1 when there are fewer) */
export function nth(hay: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export function evalDates(dir: string): DateEvalResult | null {
  const file = join(dir, 'dates.jsonl');
  if (!existsSync(file)) return null;
  const passages = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Passage);
  const r: DateEvalResult = {
    passages: passages.length,
    gold: 0,
    predicted: 0,
    detection: { precision: 0, recall: 0, exact: 0 },
    normalization: 0,
    endToEnd: 0,
    negativesHit: 0,
    negatives: 0,
    byForm: {},
    byLang: {},
    errors: [],
    spurious: [],
  };
  let found = 0;
  let exact = 0;
  let correct = 0;
  let predictedOk = 0;
  for (const p of passages) {
    const exclude = findCitations(p.text).filter((c) => c.kind !== 'marker').map((c) => [c.start, c.end] as [number, number]);
    const got = findDates(p.text, 0, p.text.length, { exclude });
    r.predicted += got.length;
    const spans = p.dates.map((d) => {
      const at = nth(p.text, d.text, d.occurrence);
      return { ...d, start: at, end: at + d.text.length };
    });
    for (const g of spans) {
      r.gold++;
      const bf = (r.byForm[g.form] ??= { gold: 0, found: 0, correct: 0 });
      const bl = (r.byLang[p.lang] ??= { gold: 0, correct: 0 });
      bf.gold++;
      bl.gold++;
      const hit = got.find((x) => x.start < g.end && g.start < x.end);
      if (!hit) {
        r.errors.push({ id: p.id, text: g.text, gold: g.edtf, got: undefined, form: g.form });
        continue;
      }
      found++;
      bf.found++;
      if (hit.start === g.start && hit.end === g.end) exact++;
      if ((hit.edtf ?? null) === g.edtf) {
        correct++;
        bf.correct++;
        bl.correct++;
      } else r.errors.push({ id: p.id, text: g.text, gold: g.edtf, got: hit.edtf, form: g.form });
    }
    for (const x of got) {
      if (spans.some((g) => x.start < g.end && g.start < x.end)) predictedOk++;
      else r.spurious.push({ id: p.id, text: x.text });
    }
    for (const n of p.not_dates ?? []) {
      r.negatives++;
      const at = nth(p.text, n.text, n.occurrence);
      if (at >= 0 && got.some((x) => x.start < at + n.text.length && at < x.end)) r.negativesHit++;
    }
  }
  r.detection = { precision: r.predicted ? predictedOk / r.predicted : 1, recall: r.gold ? found / r.gold : 1, exact: r.gold ? exact / r.gold : 1 };
  r.normalization = found ? correct / found : 1;
  r.endToEnd = r.gold ? correct / r.gold : 1;
  return r;
}
