/**
 * Events: sentences that state something happening at a date. Each has its date (EDTF), its
 * trigger (arrest, trial, sentence, execution, death, suicide, meeting, travel, release,
 * rehabilitation, other), its actors and places (entity mentions in the sentence) and its span.
 * Statements of the same happening in different sources share a group (the dated claims' subject:
 * "arrest:person:bukharin", "trial-opening:trial@1936-08"; else the trigger and the first actor);
 * a group whose sources give dates that cannot both be true is flagged. Pure.
 */
import { edtfBounds } from '../../core/edtf.js';
import type { Claim, ClaimMention } from '../claims/extract.js';
import type { DateMention } from './dates.js';

export interface TimeEvent {
  sourceId: string;
  /** the sentence */
  start: number;
  end: number;
  text: string;
  trigger: string;
  edtf: string;
  dateStart: number;
  dateEnd: number;
  dateText: string;
  actors: Array<{ entity: string; name: string }>;
  places: Array<{ entity: string; name: string }>;
  group: string | null;
}

const TRIGGERS: Array<[RegExp, string]> = [
  [/\b(?:arrested|detained|taken into custody)\b|(?<![\p{L}])(?:арестован|задержан|арест)/iu, 'arrest'],
  [/\b(?:committed suicide|shot (?:himself|herself)|killed (?:himself|herself))\b|(?<![\p{L}])(?:застрелил|покончил)/iu, 'suicide'],
  [/\b(?:shot|executed|put to death)\b|(?<![\p{L}])(?:расстрел|казн)/iu, 'execution'],
  [/\b(?:sentenced|condemned|verdict|acquitted|found guilty)\b|(?<![\p{L}])(?:приговор|осужд|оправдан)/iu, 'sentence'],
  [/\b(?:trials?|tried|opened|hearing|tribunal|court)\b|(?<![\p{L}])(?:процесс|суд)/iu, 'trial'],
  [/\b(?:died|killed|murdered|assassinated|death)\b|(?<![\p{L}])(?:умер|убит|погиб|убийств)/iu, 'death'],
  [/\b(?:met|meeting|interview|visited)\b|(?<![\p{L}])(?:встреч|посетил)/iu, 'meeting'],
  [/\b(?:flew|flight|arrived|landed|travelled|traveled|went to|left for|journey)\b|(?<![\p{L}])(?:прилетел|прибыл|приехал|уехал|пол[её]т)/iu, 'travel'],
  [/\b(?:released|freed|pardoned)\b|(?<![\p{L}])(?:освобожд|помилован)/iu, 'release'],
  [/\brehabilitated\b|(?<![\p{L}])реабилитир/iu, 'rehabilitation'],
  [/\b(?:expelled|exiled|deported|banished)\b|(?<![\p{L}])(?:исключ|выслан|сослан|депортир)/iu, 'expulsion'],
  [/\b(?:fire|burned|burnt|explosion|exploded)\b|(?<![\p{L}])(?:пожар|поджог|взрыв)/iu, 'fire'],
];

const DATE_CLAIM_TRIGGER: Record<string, string> = {
  arrest: 'arrest',
  suicide: 'suicide',
  death: 'death',
  execution: 'execution',
  'sentence-carried-out': 'execution',
  meeting: 'meeting',
  flight: 'travel',
  'trial-opening': 'trial',
};

/** the events of one document; `dated` are its date claims (they name the happening precisely) */
export function findEvents(sourceId: string, text: string, dates: DateMention[], mentions: ClaimMention[], dated: Claim[]): TimeEvent[] {
  const out: TimeEvent[] = [];
  const sentences: Array<[number, number]> = [];
  const re = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const a = m.index!;
    const b = a + m[0].length;
    if (m[0].trim().length > 8) sentences.push([a, b]);
  }
  const byStart = dates.filter((d) => d.edtf && edtfBounds(d.edtf)).sort((a, b) => a.start - b.start);
  for (const [a, b] of sentences) {
    const ds = byStart.filter((d) => d.start >= a && d.end <= b);
    if (!ds.length) continue;
    const s = text.slice(a, b);
    const claim = dated.find((c) => c.start < b && a < c.end && c.predicate === 'date');
    let trigger = claim ? (DATE_CLAIM_TRIGGER[claim.subject.split(':')[0]!] ?? 'other') : null;
    if (!trigger) for (const [r, t] of TRIGGERS) if (r.test(s)) {
      trigger = t;
      break;
    }
    if (!trigger) continue;
    const d = claim ? (ds.find((x) => x.edtf === claim.value.edtf) ?? ds[0]!) : ds[0]!;
    const ms = mentions.filter((m) => m.start >= a && m.end <= b);
    const uniq = (xs: ClaimMention[]) => [...new Map(xs.map((m) => [m.entity, { entity: m.entity, name: m.name }])).values()];
    const actors = uniq(ms.filter((m) => m.type === 'person' || m.type === 'organization'));
    const places = uniq(ms.filter((m) => m.type === 'place'));
    const lead = s.length - s.trimStart().length;
    const group = claim ? claim.subject : actors[0] ? `${trigger}:${actors[0].entity}` : null;
    const body = s.trim();
    out.push({ sourceId, start: a + lead, end: a + lead + body.length, text: body, trigger, edtf: d.edtf!, dateStart: d.start, dateEnd: d.end, dateText: d.text, actors, places, group });
  }
  return out;
}

/** groups whose sources give dates that cannot both be true (bounds that do not overlap, in different sources) */
export function conflictingGroups(events: TimeEvent[]): Set<string> {
  const by = new Map<string, TimeEvent[]>();
  for (const e of events) if (e.group) {
    let l = by.get(e.group);
    if (!l) by.set(e.group, (l = []));
    l.push(e);
  }
  const out = new Set<string>();
  for (const [g, l] of by) {
    // only groups named precisely (a dated claim's subject) are compared: "death:person:x" may be two deaths described loosely
    if (!/^(?:arrest|suicide|death|execution|sentence-carried-out|meeting|flight|trial-opening):/.test(g)) continue;
    for (let i = 0; i < l.length && !out.has(g); i++) {
      for (let j = i + 1; j < l.length; j++) {
        if (l[i]!.sourceId === l[j]!.sourceId) continue;
        const x = edtfBounds(l[i]!.edtf);
        const y = edtfBounds(l[j]!.edtf);
        if (x && y && (x[1] < y[0] || y[1] < x[0])) {
          out.add(g);
          break;
        }
      }
    }
  }
  return out;
}
