/**
 * Claims compared across sources: two claims with the same subject and predicate (the same
 * person's fate, the same trial's count, the same thing's existence, the same words' speaker)
 * agree, partly agree (one more specific, ranges that overlap) or conflict. Claims of one source
 * are not compared with each other. Disputed points are the groups of claims joined by these
 * comparisons that hold at least one conflict, each side with its claims. Nothing here says which
 * side is right. Pure.
 */
import { edtfBounds } from '../../core/edtf.js';
import { editDistance, hasCyrillic } from '../entities/keys.js';
import { givenName, looksLikeRussianSurname } from '../entities/morph.js';
import { isRegionKey } from '../entities/places.js';
import type { Claim } from './extract.js';
import { keysMatch, placeHead, wordKey } from './extract.js';
import { REPEATABLE_KINDS } from './lexicon.js';

export type Relation = 'agree' | 'partial' | 'conflict';

export interface Comparison {
  /** indexes into the claim list */
  a: number;
  b: number;
  relation: Relation;
  reason: string;
}

const FATE = new Set(['executed', 'death-sentence', 'prison', 'acquitted', 'killed', 'died', 'suicide', 'convicted']);
const CONVICTED = new Set(['executed', 'death-sentence', 'prison', 'convicted']);

function compareOutcome(a: Claim, b: Claim): [Relation, string] | null {
  const ka = a.value.kind;
  const kb = b.value.kind;
  const na = ka.startsWith('not-');
  const nb = kb.startsWith('not-');
  const xa = ka.replace(/^not-/, '');
  const xb = kb.replace(/^not-/, '');
  if (na || nb) return xa === xb && na !== nb ? ['conflict', `one says ${a.valueLabel}, the other ${b.valueLabel}`] : na && nb && xa === xb ? ['agree', 'both deny it'] : null;
  if (xa === 'rehabilitated' || xb === 'rehabilitated') {
    if (xa !== xb) return null;
    return compareTimes(a.time, b.time, 'rehabilitated');
  }
  // fines: the sums compared (in the currency each text names; sums in two currencies are not told apart here)
  if (xa === 'fine' || xb === 'fine') return xa === xb && a.value.n !== undefined && b.value.n !== undefined ? (a.value.n === b.value.n ? ['agree', `both ${a.valueLabel}`] : ['conflict', `${a.valueLabel} / ${b.valueLabel}`]) : null;
  if (!FATE.has(xa) || !FATE.has(xb)) return null;
  // a person may be sentenced twice (Zinoviev: ten years in 1935, death in 1936): two sentences are compared only when both are
  // placed in the same year; being shot is compared with any sentence
  const ya = a.time?.slice(0, 4);
  const yb = b.time?.slice(0, 4);
  const sentences = new Set(['prison', 'death-sentence', 'convicted', 'acquitted']);
  if (sentences.has(xa) && sentences.has(xb) && (xa !== xb || xa === 'prison') && (!ya || !yb || ya !== yb)) {
    if (!(xa === 'prison' && xb === 'prison' && (a.value.n === b.value.n || a.value.n === undefined || b.value.n === undefined))) return null;
  }
  // a prison term and an execution years later are two proceedings (Vanzetti: 12–15 years for Bridgewater in 1920, executed
  // in 1927); within a year or so they answer each other (a life sentence in 1935, the electric chair in 1936)
  const prison = xa === 'prison' ? ya : xb === 'prison' ? yb : undefined;
  const shot = xa === 'executed' ? ya : xb === 'executed' ? yb : undefined;
  // (not when neither clause gives its own time, both only the trial the text was last telling of)
  if (prison && shot && xa !== xb && !(a.timeFromContext && b.timeFromContext) && Number(shot) - Number(prison) >= 2) return null;
  if (xa === xb) {
    if (xa === 'prison') {
      // a life sentence against a term of years
      const lifeA = a.value.detail === 'life';
      const lifeB = b.value.detail === 'life';
      if (lifeA || lifeB) return lifeA && lifeB ? ['agree', 'both: a life sentence'] : (lifeA ? b : a).value.n !== undefined ? ['conflict', `${a.valueLabel} / ${b.valueLabel}`] : ['partial', `${a.valueLabel} / ${b.valueLabel}`];
      const [la, ha] = [a.value.n, a.value.hi ?? a.value.n];
      const [lb, hb] = [b.value.n, b.value.hi ?? b.value.n];
      if (la === undefined || lb === undefined) return ['partial', 'a prison term; only one gives its length'];
      if (la === lb && ha === hb) return ['agree', `both ${a.valueLabel}`];
      if (la <= hb! && lb <= ha!) return ['partial', `${a.valueLabel} / ${b.valueLabel}`];
      return ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
    }
    if (xa === 'suicide' && (a.value.detail ?? '') !== (b.value.detail ?? '')) return ['partial', 'suicide; one says how'];
    return ['agree', `both: ${a.valueLabel}`];
  }
  const pair = [xa, xb].sort().join('|');
  if (pair === 'death-sentence|executed') return ['partial', 'sentenced to death / shot'];
  if (xa === 'convicted' || xb === 'convicted') return xa === 'acquitted' || xb === 'acquitted' ? ['conflict', `${a.valueLabel} / ${b.valueLabel}`] : CONVICTED.has(xa) && CONVICTED.has(xb) ? ['partial', `${a.valueLabel} / ${b.valueLabel}`] : null;
  // "died in a camp" (in custody, of itself) and "was shot" are two deaths
  if (pair === 'died|executed' && (a.value.detail === 'in custody' || b.value.detail === 'in custody')) return ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
  if (pair === 'died|killed' || pair === 'died|executed' || pair === 'died|suicide' || pair === 'executed|killed') return ['partial', `${a.valueLabel} / ${b.valueLabel}`];
  if (CONVICTED.has(xa) && CONVICTED.has(xb)) return ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
  if ((xa === 'acquitted') !== (xb === 'acquitted') && (CONVICTED.has(xa) || CONVICTED.has(xb))) {
    // "acquitted of such complicity" answers a conviction for that charge, not every sentence
    const acq = xa === 'acquitted' ? a : b;
    const other = xa === 'acquitted' ? xb : xa;
    if (acq.value.detail === 'of a charge' && other !== 'convicted') return null;
    return ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
  }
  if (pair === 'acquitted|died' || pair === 'acquitted|killed' || pair === 'acquitted|suicide') return null;
  if (pair === 'died|prison' || pair === 'killed|prison' || pair === 'death-sentence|killed' || pair === 'death-sentence|suicide' || pair === 'prison|suicide') return null;
  return ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
}

function compareTimes(ta: string | null, tb: string | null, what: string): [Relation, string] {
  if (!ta || !tb) return ['partial', `${what}; only one says when`];
  return compareEdtf(ta, tb);
}

function compareEdtf(ta: string, tb: string): [Relation, string] {
  if (ta === tb) return ['agree', `both ${ta}`];
  const a = edtfBounds(ta);
  const b = edtfBounds(tb);
  if (!a || !b) return ['partial', `${ta} / ${tb}`];
  if (a[1] < b[0] || b[1] < a[0]) return ['conflict', `${ta} / ${tb}`];
  if ((a[0] <= b[0] && b[1] <= a[1]) || (b[0] <= a[0] && a[1] <= b[1])) return ['partial', `${ta} / ${tb}: one is more precise`];
  return ['partial', `${ta} / ${tb}: they overlap`];
}

const overlapKeys = (a: string[] = [], b: string[] = []) => a.filter((x) => !x.startsWith('~') && b.some((y) => !y.startsWith('~') && (x.startsWith('@') || y.startsWith('@') ? x === y : keysMatch(x, y))));
const concepts = (k: string[] = []) => k.filter((x) => x.startsWith('~'));

function sameThing(a: Claim, b: Claim): boolean {
  const ca = concepts(a.keys);
  const cb = concepts(b.keys);
  // an act said done or not done by a person (a confession, a plea for clemency) is compared with the same act only
  const act = (x: Claim) => (x.keys ?? []).find((k) => k.startsWith('~act-'));
  if ((act(a) || act(b)) && (act(a) !== act(b) || !a.keys!.some((k) => k.startsWith('@') && b.keys!.includes(k)))) return false;
  // things told by a common noun, each the one of the trial its text tells of: the same kind of thing at the same trial (months of
  // one year no more than two apart)
  const xa = (a.keys ?? []).find((k) => k.startsWith('#'));
  const xb = (b.keys ?? []).find((k) => k.startsWith('#'));
  if (xa || xb) {
    const ym = (k: string | undefined) => /@(\d{4})(?:-(\d{2}))?/.exec(k ?? '');
    const ma = ym(xa);
    const mb = ym(xb);
    if (!ma || !mb || ma[1] !== mb[1] || (ma[2] && mb[2] && Math.abs(Number(ma[2]) - Number(mb[2])) > 2)) return false;
    return ca.some((c) => cb.includes(c));
  }
  if (ca.length && cb.length && !ca.some((c) => cb.includes(c))) return false;
  const shared = overlapKeys(a.keys, b.keys);
  const na = (a.keys ?? []).filter((k) => !k.startsWith('~')).length;
  const nb = (b.keys ?? []).filter((k) => !k.startsWith('~')).length;
  return shared.length >= 1 && shared.length >= Math.min(na, nb) * 0.5;
}

function sameWords(a: Claim, b: Claim): boolean {
  const ka = (a.keys ?? []).filter((k) => !k.startsWith('@'));
  const kb = (b.keys ?? []).filter((k) => !k.startsWith('@'));
  // a quotation and its translation: the words differ, the names they hold do not (two names or more in common)
  const na = (a.keys ?? []).filter((k) => k.startsWith('@'));
  const nb = (b.keys ?? []).filter((k) => k.startsWith('@'));
  // (names compared without their type, which the entities stage may give differently in two scripts: Alabama / «Алабамы»)
  if (a.value.quoted && b.value.quoted && hasCyrillic(a.subjectLabel) !== hasCyrillic(b.subjectLabel)) {
    const bare = (k: string) => k.replace(/^@[a-z]+:/, '').split(':')[0]!.replace(/j/g, 'i');
    return na.filter((x) => nb.some((y) => bare(x) === bare(y) || placeNamesMatch(bare(x), bare(y)))).length >= 2;
  }
  const shared = ka.filter((x) => kb.some((y) => x === y || (x.length >= 5 && y.length >= 5 && (x.startsWith(y.slice(0, 5)) || y.startsWith(x.slice(0, 5))))));
  // short quotations ("«царицей доказательств»") match when both are quotations and all their words do; longer ones when most do
  if (Math.min(ka.length, kb.length) <= 3) return !!a.value.quoted && !!b.value.quoted && shared.length >= 2 && shared.length >= Math.min(ka.length, kb.length);
  return shared.length >= 4 && shared.length >= Math.min(ka.length, kb.length) * 0.6;
}

function timesOverlap(a: string | null | undefined, b: string | null | undefined): boolean | null {
  if (!a || !b) return null;
  const x = edtfBounds(a);
  const y = edtfBounds(b);
  if (!x || !y) return null;
  return !(x[1] < y[0] || y[1] < x[0]);
}

/** place names across scripts: Royan / Руайан, Copenhagen / Копенгаген (two edits allowed in names of five letters or more) */
function placeNamesMatch(a: string, b: string): boolean {
  if (keysMatch(a, b)) return true;
  const f = (x: string) => x.replace(/c/g, 'k').replace(/y/g, 'i').replace(/ua/g, 'o').replace(/w/g, 'v');
  const x = f(a);
  const y = f(b);
  return Math.min(x.length, y.length) >= 5 && (x === y || editDistance(x, y, 2) <= 2);
}

/** a place entity whose name holds the other's whole name ("place:charlestown-state-prison" holds "place:charlestown") */
function namedWithin(outer: string[] = [], inner: string[] = []): boolean {
  const words = (k: string) => k.replace(/^@[a-z]+:/, '').split('-');
  return outer.some((o) => o.startsWith('@') && inner.some((i) => i.startsWith('@') && i !== o && words(i).every((w) => words(o).includes(w))));
}

/** a person dies once: the date of an execution, a suicide or a death is the date of the death */
const deathOf = (s: string) => s.replace(/^(?:execution|suicide|death):(?=person:)/, 'death:');
/** subjects keyed by a time ("trial@1937", "trial@1937-01") match when one is the other or narrows it */
function sameSubject(a0: string, b0: string): boolean {
  const a = deathOf(a0);
  const b = deathOf(b0);
  if (a === b) return true;
  const m = /^(.*@)(\d{4})(-\d{2})?(#.*)?$/.exec(a);
  const n = /^(.*@)(\d{4})(-\d{2})?(#.*)?$/.exec(b);
  if (!m || !n || m[1] !== n[1] || m[2] !== n[2] || (m[4] ?? '') !== (n[4] ?? '')) return false;
  return !m[3] || !n[3];
}
/** two date claims of group events keyed by different months, each the month of its own date */
function twoTrials(a: Claim, b: Claim): boolean {
  const ma = /trial@(\d{4}-\d{2})$/.exec(a.subject)?.[1];
  const mb = /trial@(\d{4}-\d{2})$/.exec(b.subject)?.[1];
  // (unless the two texts name the same people with it: "the libel trial [of Kravchenko] that opened in Paris in February 1949" /
  // "24 January 1949 — Kravchenko v. Les Lettres françaises opens in Paris" are one trial dated two ways)
  if (a.people && b.people && a.people.some((p) => b.people!.includes(p))) return false;
  return !!ma && !!mb && ma !== mb && (a.value.edtf ?? '').startsWith(ma) && (b.value.edtf ?? '').startsWith(mb);
}
/** a trial's verdict ("verdict:trial@1913-10") and a person's conviction, acquittal or sentence dated in that month */
function verdictAndSentence(t: Claim, p: Claim): boolean {
  const m = /^verdict:trial@(\d{4}-\d{2})$/.exec(t.subject);
  return !!m && /^(?:conviction|acquittal|sentence):person:/.test(p.subject) && (p.value.edtf ?? '').startsWith(m[1]!) && (t.value.edtf ?? '').slice(0, 7) === m[1];
}
/** the bucket of a subject: its time cut to the year */
const subjectBucket = (s: string) => deathOf(s).replace(/@(\d{4})-\d{2}/, '@$1');

function compareOne(a: Claim, b: Claim): [Relation, string] | null {
  switch (a.predicate) {
    case 'outcome':
      return a.subject === b.subject ? compareOutcome(a, b) : null;
    case 'count': {
      if (!sameSubject(a.subject, b.subject)) return null;
      // bounds ("less than four hours", "about a month"): consistent with the other figure, a partial agreement
      const ba = a.value.detail;
      const bb = b.value.detail;
      if ((ba && /^[<>~]$/.test(ba)) || (bb && /^[<>~]$/.test(bb))) {
        const span = (bound: string | undefined, n: number): [number, number] => (bound === '<' ? [0, n] : bound === '>' ? [n, Infinity] : bound === '~' ? [n * 0.75, n * 1.25] : [n, n]);
        const [x0, x1] = span(ba, a.value.n!);
        const [y0, y1] = span(bb, b.value.n!);
        return x0 <= y1 && y0 <= x1 ? ['partial', `${a.valueLabel} / ${b.valueLabel}`] : ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
      }
      return a.value.n === b.value.n ? ['agree', `both ${a.valueLabel}`] : ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
    }
    case 'date': {
      if (!sameSubject(a.subject, b.subject)) return null;
      // an event one person may live through more than once (an arrest, a letter, an award): dates years apart are two events
      if (REPEATABLE_KINDS.has(a.subject.split(':')[0]!)) {
        const ya = Number(a.value.edtf!.slice(0, 4));
        const yb = Number(b.value.edtf!.slice(0, 4));
        if (Math.abs(ya - yb) > 1) return null;
      }
      return compareEdtf(a.value.edtf!, b.value.edtf!);
    }
    case 'place': {
      if (!sameSubject(a.subject, b.subject)) return null;
      if (overlapKeys(a.keys, b.keys).length) return ['agree', `both: ${a.valueLabel}`];
      // "his apartment" / "his New York flat": a place without a name is told apart from no other
      // (unless the kinds of place differ: "his dacha at Bolshevo" / "his Moscow flat")
      if (a.value.generic || b.value.generic) {
        const ha = placeHead(a.value.place ?? '');
        const hb = placeHead(b.value.place ?? '');
        // (the same kind of place, one told more nearly: "his apartment" / «его нью-йоркской квартире»)
        return ha && hb ? (ha !== hb ? ['conflict', `${a.valueLabel} / ${b.valueLabel}`] : ['partial', `${a.valueLabel} / ${b.valueLabel}: the same kind of place`]) : null;
      }
      // in two scripts, names that share no key may be one place translated ("the October Hall of the House of Trade Unions" /
      // «Октябрьский зал Дома союзов»): a conflict only between two places the entity index knows
      if (hasCyrillic(a.value.place ?? '') !== hasCyrillic(b.value.place ?? '') && !((a.keys ?? []).some((k) => k.startsWith('@')) && (b.keys ?? []).some((k) => k.startsWith('@')))) return null;
      // (a building and a town, perhaps the one it stands in: "the dacha of Lavrenty Tsanava" / "Minsk")
      // (unless the building's own name places it: "the Valdai sanatorium" / «в Москве»)
      const named = (x: Claim) => (x.keys ?? []).some((k) => k.startsWith('@place:'));
      if (!placeHead(a.value.place ?? '') !== !placeHead(b.value.place ?? '') && !(named(a) && named(b))) return null;
      // (a country or region and a place within it, perhaps: "in America" / "at Saratoga Springs")
      if ((a.keys ?? []).some(isRegionKey) !== (b.keys ?? []).some(isRegionKey)) return null;
      // (a place named after the other, the one within the other: "Charlestown State Prison" / «тюрьма Чарлстауна»)
      if (namedWithin(a.keys, b.keys) || namedWithin(b.keys, a.keys)) return ['partial', `${a.valueLabel} / ${b.valueLabel}: one named after the other`];
      return ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
    }
    case 'presence': {
      if (a.subject !== b.subject) return null;
      const pa = a.value.place ?? '';
      const pb = b.value.place ?? '';
      const sameName = !pa.startsWith('trial') && !pb.startsWith('trial') && !!a.value.detail && !!b.value.detail && placeNamesMatch(wordKey(a.value.detail), wordKey(b.value.detail));
      // a trial the text does not date is no trial to match with another undated one ("trial@?")
      if ((pa === 'trial@?' && pb !== 'trial@*') || (pb === 'trial@?' && pa !== 'trial@*')) return null;
      const same = pa === pb || sameName || (a.value.place === 'trial@*' && !!b.value.place?.startsWith('trial@')) || (b.value.place === 'trial@*' && !!a.value.place?.startsWith('trial@'));
      const ov = timesOverlap(a.value.edtf, b.value.edtf);
      if (same) {
        if (ov === false) return null;
        if (a.value.kind !== b.value.kind) return ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
        if (ov === null && (a.value.edtf || b.value.edtf) && a.value.edtf !== b.value.edtf) return ['partial', `${a.valueLabel} / ${b.valueLabel}`];
        if (a.value.edtf && b.value.edtf && a.value.edtf !== b.value.edtf) return ['partial', `${a.valueLabel} / ${b.valueLabel}`];
        return ['agree', `both: ${a.valueLabel}`];
      }
      // one person in two places at once
      if (a.value.kind === 'yes' && b.value.kind === 'yes' && ov && !a.value.place!.startsWith('trial') && !b.value.place!.startsWith('trial')) return ['conflict', `${a.valueLabel} / ${b.valueLabel} at the same time`];
      return null;
    }
    case 'existence':
      if (!sameThing(a, b)) return null;
      return a.value.kind === b.value.kind ? ['agree', `both: ${a.valueLabel}`] : ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
    case 'attribution':
      if (!sameWords(a, b)) return null;
      // one speaker under two entities ("Vyshinsky" / "Andre Vyshinsky"): the same surname is the same speaker
      const lastName = (x: Claim) => wordKey((x.value.detail ?? '').split(/\s+/).pop() ?? '');
      if (a.value.place === b.value.place || (lastName(a).length > 3 && keysMatch(lastName(a), lastName(b)))) return a.value.kind === b.value.kind ? ['agree', `both: ${a.valueLabel}`] : ['conflict', `${a.valueLabel} / ${b.valueLabel}`];
      return a.value.kind === 'yes' && b.value.kind === 'yes' ? ['conflict', `${a.valueLabel} / ${b.valueLabel}`] : null;
  }
}

/**
 * One person under the several entity keys the entities stage may give them across sources and scripts
 * ("person:rosenberg:iulius" / "person:rozenberg:?" / "person:iulius", "person:given:esterhazi" /
 * "person:esterkhazi"). Keys join when their surnames match across scripts and their given names do not
 * differ; a key with no given name joins the one person of its surname that has one, and a key that is
 * only a given name joins the one person with that given name. Where two people could be meant, nothing
 * joins: a claim about "Розенберг" is not a claim about Julius or about Ethel.
 */
export function personCanon(keys: Iterable<string>): Map<string, string> {
  const parse = (k: string) => {
    const parts = k.slice('person:'.length).split(':');
    const [s, q] = parts[0] === 'given' ? [parts[1] ?? '', undefined] : [parts[0]!, parts[1]];
    // (a "given name" that is no known one and looks like a Russian surname is another person's name in the genitive, or a
    // married name: "Борисов, охранник Кирова" → kirova, "Milda Draule-Nikolaeva" → nikolaeva; it tells no one apart)
    // (nor one without a vowel: an acronym taken for a name, «секретарь ЦК Алексей Кузнецов» → tsk)
    // (nor an adjective in the genitive from a title before the name: «Маршала Советского Союза И. С. Конева» → sovetskogo)
    const given = q && q !== '?' && q !== 'bare' && !(looksLikeRussianSurname(q) && !givenName(q)) && /[aeiouy]/.test(q) && !/(?:skogo|tskogo|nogo|ogo|ego)$/.test(q) ? q : undefined;
    return { key: k, surname: s, given };
  };
  const people = [...new Set(keys)].filter((k) => k.startsWith('person:')).map(parse);
  // (stricter than for places: one letter apart only in names of seven letters or more, so that the false friends the
  // entities stage keeps apart stay apart: Medved / Medvedev, Davies / Davis, Karev / Kirov)
  // (one vowel apart in names of six letters or more, as transcriptions differ: Froines / Фройнс, Weiner / Вайнер)
  const vowelApart = (a: string, b: string) => {
    if (Math.min(a.length, b.length) < 6 || editDistance(a, b, 1) > 1) return false;
    const cons = (k: string) => k.replace(/[aeiouy]/g, '');
    return cons(a) === cons(b);
  };
  // (a Russian case ending on a name the other spells bare: Франка / Frank, Менделя / Mendel, Райка / Rajk)
  const caseOf = (a: string, b: string) => {
    const [s, l] = a.length <= b.length ? [a, b] : [b, a];
    return s.length >= 4 && l.startsWith(s) && /^(?:a|ia|u|iu|om|em|e|ym|oi|ogo|omu)$/.test(l.slice(s.length));
  };
  const same = (a: string, b: string) => {
    // (and a soft vowel's i: Золя / Zola, Илья / Ilya)
    // (and the spellings of Central European names in Latin letters against their Russian transcription: Rajk / Райк → raik,
    // Szalai / Салаи, Czech cz, Polish w)
    const fold = (k: string) => k.replace(/kh/g, 'h').replace(/th/g, 't').replace(/([^aeiou])i(?=[aou])/g, '$1').replace(/sz/g, 's').replace(/cz/g, 'ch').replace(/zs/g, 'zh').replace(/w/g, 'v').replace(/ph/g, 'f').replace(/j/g, 'i');
    const x = fold(a);
    const y = fold(b);
    return x === y || caseOf(x, y) || (Math.min(x.length, y.length) >= 7 && editDistance(x, y, 1) <= 1) || vowelApart(x, y) || x.replace(/^(?:al|el)/, '') === y.replace(/^(?:al|el)/, '');
  };
  const out = new Map<string, string>();
  // surname groups
  const groups: Array<typeof people> = [];
  for (const p of people) {
    const g = groups.find((x) => same(x[0]!.surname, p.surname));
    if (g) g.push(p);
    else groups.push([p]);
  }
  const named: Array<{ key: string; surname: string; given: string }> = [];
  for (const g of groups) {
    // the people of this surname, by given name
    // (an initial, "Ю. Даниэль" → i, is the one full given name of the surname that begins with it, if there is one)
    const initial = (q: string) => q.length <= 2;
    const givens: Array<{ given: string; key: string }> = [];
    for (const p of g) if (p.given && !initial(p.given) && !givens.some((x) => same(x.given, p.given!))) givens.push({ given: p.given, key: p.key });
    for (const p of g) {
      if (!p.given || !initial(p.given)) continue;
      const full = givens.filter((x) => x.given.startsWith(p.given!));
      if (full.length !== 1) givens.push({ given: p.given, key: p.key });
    }
    for (const p of g) {
      const byInitial = p.given && initial(p.given) ? givens.filter((x) => x.given.startsWith(p.given!)) : [];
      const to = p.given ? (byInitial.length === 1 ? byInitial[0]!.key : givens.find((x) => same(x.given, p.given!))!.key) : givens.length === 1 ? givens[0]!.key : givens.length === 0 ? g[0]!.key : p.key;
      out.set(p.key, to);
    }
    for (const x of givens) named.push({ key: x.key, surname: g[0]!.surname, given: x.given });
  }
  // a key that is only a given name ("person:etel") joins the one person called so
  for (const p of people) {
    if (p.given || out.get(p.key) !== p.key) continue;
    const hits = named.filter((n) => n.key !== p.key && same(n.given, p.surname));
    if (hits.length === 1 && !groups.some((g) => g.length > 1 && g.some((x) => x.key === p.key))) out.set(p.key, hits[0]!.key);
  }
  return out;
}

/** the claims with each person under one key (see personCanon): subjects and speakers; run before comparing and grouping */
export function unifyPersons(claims: Claim[]): Claim[] {
  const canon = personCanon(claims.flatMap((c) => [...c.subject.matchAll(/person:[^\s#@+]+/g)].map((m) => m[0]).concat(c.value.place?.startsWith('person:') ? [c.value.place] : [], (c.keys ?? []).filter((k) => k.startsWith('@person:')).map((k) => k.slice(1)), c.people ?? [])));
  const toCanon = (x: string) => x.replace(/person:[^\s#@+]+/g, (k) => canon.get(k) ?? k);
  return claims.map((c) => {
    const subject = toCanon(c.subject);
    const place = c.value.place?.startsWith('person:') ? toCanon(c.value.place) : c.value.place;
    // (and the persons among a thing's or a statement's keys)
    const keys = c.keys?.some((k) => k.startsWith('@person:')) ? [...new Set(c.keys.map((k) => (k.startsWith('@person:') ? `@${toCanon(k.slice(1))}` : k)))] : c.keys;
    const people = c.people ? [...new Set(c.people.map(toCanon))] : undefined;
    return subject === c.subject && place === c.value.place && keys === c.keys && !people ? c : { ...c, subject, value: { ...c.value, place }, ...(keys ? { keys } : {}), ...(people ? { people } : {}) };
  });
}

/** every comparable pair across sources (persons unified first: see unifyPersons) */
export function compareClaims(claimsIn: Claim[]): Comparison[] {
  const out: Comparison[] = [];
  // one trial is told by the months of its stages (announced in March, opened in May, the verdict in July): months of one year no
  // more than two apart, one after another, are taken for one trial ("trial@1928-03" = "trial@1928-07"); months further apart are
  // two trials ("trial@1937-01", "trial@1937-06")
  const byYear = new Map<string, Set<number>>();
  for (const c of claimsIn) for (const m of c.subject.matchAll(/trial@(\d{4})-(\d{2})/g)) (byYear.get(m[1]!) ?? byYear.set(m[1]!, new Set()).get(m[1]!)!).add(Number(m[2]));
  const first = new Map<string, string>();
  for (const [y, set] of byYear) {
    const ms = [...set].sort((a, b) => a - b);
    let head = ms[0]!;
    ms.forEach((m, i) => {
      if (i > 0 && m - ms[i - 1]! > 2) head = m;
      first.set(`${y}-${String(m).padStart(2, '0')}`, `${y}-${String(head).padStart(2, '0')}`);
    });
  }
  const clustered = (ym: string) => first.get(ym) ?? ym;
  const claims = first.size
    ? claimsIn.map((c) => {
        const subject = c.subject.replace(/trial@(\d{4}-\d{2})/, (_m, ym: string) => `trial@${clustered(ym)}`);
        // (a claim's own time names its trial's month the same way, for the year-only subjects refined below)
        const time = c.time && /^\d{4}-\d{2}/.test(c.time) && first.has(c.time.slice(0, 7)) ? clustered(c.time.slice(0, 7)) : c.time;
        return subject === c.subject && time === c.time ? c : { ...c, subject, time };
      })
    : claimsIn;
  // a subject keyed by a year only ("trial@1936") is ambiguous when claims name several events of that year by month
  // (for each kind of claim about it: a count of the tried at a trial of 1936 is ambiguous only if that year has the tried counted at
  // two trials, not when another month of it has another count)
  const months = new Map<string, Set<string>>();
  for (const c of claims) {
    const m = /^(.*@\d{4})(-\d{2})(#.*)?$/.exec(c.subject);
    if (!m) continue;
    const key = m[1]! + (m[3] ?? '');
    let set = months.get(key);
    if (!set) months.set(key, (set = new Set()));
    set.add(m[2]!);
  }
  const ambiguous = (s: string) => {
    const m = /^(.*@\d{4})(#.*)?$/.exec(s);
    return !!m && (months.get(m[1]! + (m[2] ?? ''))?.size ?? 0) > 1;
  };
  const refine = (c: Claim): string => {
    if (!ambiguous(c.subject)) return c.subject;
    const m = /^(.*@)(\d{4})(#.*)?$/.exec(c.subject);
    const t = c.time && /^\d{4}-(?:0[1-9]|1[0-2])/.test(c.time) ? c.time : null;
    return m && t && t.startsWith(m[2]!) ? `${m[1]}${t.slice(0, 7)}${m[3] ?? ''}` : c.subject;
  };
  // buckets: exact subjects; for things and words, each key
  const buckets = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const keys =
      c.predicate === 'existence' || c.predicate === 'attribution'
        ? (c.keys ?? []).filter((k) => !k.startsWith('~')).map((k) => `${c.predicate}|${k.startsWith('@') ? k : k.slice(0, 4)}`)
        : [`${c.predicate}|${subjectBucket(c.subject)}`, ...(c.predicate === 'date' && /^(?:verdict:trial@|conviction:person:|acquittal:person:|sentence:person:)/.test(c.subject) && c.value.edtf ? [`verdict-month|${c.value.edtf.slice(0, 7)}`] : [])];
    for (const k of keys) {
      let l = buckets.get(k);
      if (!l) buckets.set(k, (l = []));
      l.push(i);
    }
  });
  const seen = new Set<number>();
  for (const l of buckets.values()) {
    if (l.length < 2 || l.length > 400) continue;
    for (let x = 0; x < l.length; x++) {
      for (let y = x + 1; y < l.length; y++) {
        const i = l[x]!;
        const j = l[y]!;
        const a = claims[i]!;
        const b = claims[j]!;
        // a source is compared with itself only where it reports another's claim and answers it (claim, rebuttal)
        if (a.sourceId === b.sourceId && (a.voice?.entity ?? '') === (b.voice?.entity ?? '')) continue;
        if (a.sourceId === b.sourceId && (a.predicate === 'attribution' || Math.abs(a.start - b.start) > 20000)) continue;
        const k = i < j ? i * 1_000_003 + j : j * 1_000_003 + i;
        if (seen.has(k)) continue;
        seen.add(k);
        // a year-only subject takes the month of the claim's own date when that year holds several events
        const sa = refine(a);
        const sb = refine(b);
        if (sa !== sb && (ambiguous(sa) || ambiguous(sb))) continue;
        // two trials a month or two apart are one trial's stages only where a text said so; two group events each keyed by the
        // month of its own date ("July, when the trial opened" / "the trial opened on 25 September") are two trials' events
        if (a.predicate === 'date' && twoTrials(claimsIn[i]!, claimsIn[j]!)) continue;
        // a trial's verdict and a defendant's conviction, acquittal or sentence told for the same month are one event (the months
        // as the texts give them, before the stages of a trial are joined)
        if (a.predicate === 'date' && (verdictAndSentence(claimsIn[i]!, claimsIn[j]!) || verdictAndSentence(claimsIn[j]!, claimsIn[i]!))) {
          const [rel, why] = compareEdtf(a.value.edtf!, b.value.edtf!);
          out.push({ a: Math.min(i, j), b: Math.max(i, j), relation: rel, reason: why });
          continue;
        }
        const r = compareOne(sa === a.subject ? a : { ...a, subject: sa }, sb === b.subject ? b : { ...b, subject: sb });
        if (r) out.push({ a: Math.min(i, j), b: Math.max(i, j), relation: r[0], reason: r[1] });
      }
    }
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}

export interface DisputeSide {
  /** the position in words: the value the claims on this side state */
  stance: string;
  claims: number[];
  sources: string[];
}
export interface Dispute {
  key: string;
  predicate: Claim['predicate'];
  topic: string;
  sides: DisputeSide[];
  /** the comparisons inside it */
  comparisons: number[];
}

/** disputed points: claims joined by comparisons, in groups that hold a conflict; sides by the value stated */
export function disputes(claims: Claim[], comps: Comparison[]): Dispute[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const c of comps) {
    const ra = find(c.a);
    const rb = find(c.b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, { claims: Set<number>; comps: number[] }>();
  comps.forEach((c, k) => {
    const r = find(c.a);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { claims: new Set(), comps: [] }));
    g.claims.add(c.a);
    g.claims.add(c.b);
    g.comps.push(k);
  });
  const out: Dispute[] = [];
  for (const g of groups.values()) {
    if (!g.comps.some((k) => comps[k]!.relation === 'conflict')) continue;
    const ids = [...g.claims].sort((a, b) => a - b);
    const first = claims[ids[0]!]!;
    // sides: claims that agree with each other stand together
    const sideOf = new Map<number, number>();
    const sides: DisputeSide[] = [];
    // (a side never holds two claims that conflict, however they are linked: "1936" is partly both "1936-08" and "1936-11")
    const conflicting = new Set(g.comps.filter((k) => comps[k]!.relation === 'conflict').map((k) => `${comps[k]!.a}:${comps[k]!.b}`));
    const clash = (x: number, ys: number[]) => ys.some((y) => conflicting.has(`${Math.min(x, y)}:${Math.max(x, y)}`));
    const join = (other: number, side: number) => {
      sideOf.set(other, side);
      sides[side]!.claims.push(other);
      if (!sides[side]!.sources.includes(claims[other]!.sourceId)) sides[side]!.sources.push(claims[other]!.sourceId);
    };
    for (const i of ids) {
      if (sideOf.has(i)) continue;
      const s = sides.length;
      sides.push({ stance: claims[i]!.valueLabel, claims: [i], sources: [claims[i]!.sourceId] });
      sideOf.set(i, s);
      const queue = [i];
      while (queue.length) {
        const x = queue.pop()!;
        for (const k of g.comps) {
          const c = comps[k]!;
          if (c.relation === 'conflict') continue;
          const other = c.a === x ? c.b : c.b === x ? c.a : -1;
          if (other < 0 || sideOf.has(other) || clash(other, sides[s]!.claims)) continue;
          join(other, s);
          queue.push(other);
        }
        // (claims of one source are never compared with each other: one that says the same stands on the same side)
        for (const other of ids) {
          if (sideOf.has(other) || claims[other]!.valueLabel !== claims[x]!.valueLabel || clash(other, sides[s]!.claims)) continue;
          join(other, s);
          queue.push(other);
        }
      }
    }
    if (sides.length < 2) continue;

    const topicCounts = new Map<string, number>();
    for (const i of ids) topicCounts.set(claims[i]!.subjectLabel, (topicCounts.get(claims[i]!.subjectLabel) ?? 0) + 1);
    const topic = [...topicCounts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0];
    out.push({ key: `dispute:${first.predicate}:${first.subject}`.slice(0, 160), predicate: first.predicate, topic, sides, comparisons: g.comps });
  }
  return out;
}
