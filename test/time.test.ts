/**
 * Dates, events, checkable claims and conflicts: golden date normalizations in English and
 * Russian; relative dates resolved from the text or left unresolved; years in titles and
 * citations not taken for dates; claims extracted and compared across sources on a planted
 * corpus written for this test (not the seeds); the stage through ops, CLI and HTTP twins; spans
 * that re-slice; exports (CSV, JSON Lines, Argdown); re-analysis that changes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findDates } from '../src/analyze/time/dates.js';
import { compareClaims, disputes, personCanon, unifyPersons } from '../src/analyze/claims/compare.js';
import { corpusContext, extractClaims, roleNames, type ClaimMention } from '../src/analyze/claims/extract.js';
import { findTriggers } from '../src/analyze/claims/lexicon.js';
import { edtfBounds, isEdtf } from '../src/core/edtf.js';
import { main } from '../src/cli/main.js';
import { ops } from '../src/ops/index.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { buildApp } from '../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';

const ROOT = new URL('..', import.meta.url).pathname;

const one = (text: string, expr: string) => {
  const d = findDates(text).find((x) => x.text === expr);
  assert.ok(d, `"${expr}" found in "${text}" (got ${JSON.stringify(findDates(text).map((x) => x.text))})`);
  return d!.edtf;
};

test('dates: days, months, years, ranges, seasons, parts of years, decades and Russian forms normalize to EDTF', () => {
  const golden: Array<[string, string, string]> = [
    ['Kirov was shot on 1st December, 1934.', '1st December, 1934', '1934-12-01'],
    ['MOSCOW, Aug. 21, 1936 — the trial went on.', 'Aug. 21, 1936', '1936-08-21'],
    ['The trial lasted from 19 to 24 August 1936.', 'from 19 to 24 August 1936', '1936-08-19/1936-08-24'],
    ['It was held November 19–22, 1936, at Novosibirsk.', 'November 19–22, 1936', '1936-11-19/1936-11-22'],
    ['The purges of 1936-38 left no family untouched.', '1936-38', '1936/1938'],
    ['He travelled in the spring of 1934 to Paris.', 'the spring of 1934', '1934-21'],
    ['By mid-1936 the lists were drawn up.', 'mid-1936', '1936-05/1936-08'],
    ['Arrests multiplied in late 1937 and after.', 'late 1937', '1937-09/1937-12'],
    ['In the early thirties the opposition was scattered.', 'the early thirties', '1930/1933'],
    ['Они были арестованы 1 декабря 1934 г. в Ленинграде.', '1 декабря 1934 г.', '1934-12-01'],
    ['Процесс прошёл с 23 по 30 января 1937 г.', 'с 23 по 30 января 1937 г.', '1937-01-23/1937-01-30'],
    ['Весной 1934 года всё изменилось.', 'Весной 1934 года', '1934-21'],
    ['Это было в начале 1930-х годов.', 'в начале 1930-х годов', '1930/1933'],
    ['The file was opened 19.08.1936 and closed later.', '19.08.1936', '1936-08-19'],
  ];
  for (const [text, expr, edtf] of golden) {
    assert.equal(one(text, expr), edtf, expr);
    assert.ok(isEdtf(edtf) && edtfBounds(edtf), `${edtf} is EDTF with bounds`);
  }
});

test('dates: relative expressions resolve from the last date in the passage, or stay unresolved', () => {
  assert.equal(one('The trial opened on 19 August 1936. Three days later the verdict was read.', 'Three days later'), '1936-08-22');
  assert.equal(one('In 1933 he went to France. That summer he lived at Royan.', 'That summer'), '1933-22');
  assert.equal(one('Он прибыл 24 августа 1936 года, а на следующий день уехал.', 'на следующий день'), '1936-08-25');
  assert.equal(one('Three days later the verdict was read.', 'Three days later'), null, 'no anchor: unresolved');
  // a stretch after the anchor is a range at the anchor's precision
  assert.equal(one('Their trial opened in August 1936. Within the next two weeks Radek was under arrest.', 'Within the next two weeks'), '1936-08/1936-09');
  assert.equal(one('The trial ended on 24 August 1936; within the following ten days many were arrested.', 'within the following ten days'), '1936-08-24/1936-09-03');
  assert.equal(one('Процесс закончился 24 августа 1936 года. В течение следующих двух недель были арестованы многие.', 'В течение следующих двух недель'), '1936-08-24/1936-09-07');
  // a day without a year takes the year from context, before or after it
  assert.equal(one('It was not until December 18 that the regime spoke; on Jan. 16, 1935, it announced a trial.', 'December 18'), '1934-12-18');
});

test('dates: years in titles, pages and counts are not dates; citation spans are excluded', () => {
  const t = 'On his fall see Stalin in Power: 1929-1941, p. 427. The congress had 1966 delegates.';
  assert.deepEqual(findDates(t).map((d) => d.text), []);
  const c = 'Medvedev, Roy. Let History Judge. New York: Columbia University Press, 1989, p. 258';
  assert.deepEqual(findDates(c, 0, c.length, { exclude: [[0, c.length]] }), []);
});

test('dates: every span re-slices to its text (property, random text around golden expressions)', () => {
  const pieces = ['on 1 December 1934', 'in the spring of 1934', 'three days later', 'from 1936 to 1938', 'в январе 1937 года', 'the 1930s', 'mid-1936'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let k = 0; k < 50; k++) {
    let t = '';
    for (let i = 0; i < 8; i++) t += ['Word ', 'и ещё ', '. ', 'The trial ', ', ', '\n'][Math.floor(rnd() * 6)]! + pieces[Math.floor(rnd() * pieces.length)]! + ' ';
    for (const d of findDates(t)) {
      assert.equal(t.slice(d.start, d.end), d.text);
      if (d.edtf) assert.ok(isEdtf(d.edtf), d.edtf);
    }
  }
});

// ---------------------------------------------------------------- claims on a planted corpus

const A = `In January 1937 the second trial opened. Karl Radek was sentenced to ten years.
The Hotel Bristol in Copenhagen did exist in 1932. Pyatakov flew to Oslo in December 1935.
Bukharin was arrested on 27 February 1937.`;
const B = `Радек был расстрелян вместе с другими. The Hotel Bristol had been demolished in 1917.
Pyatakov's flight to Oslo never took place. Bukharin was arrested in early March 1937.`;
const C = `Karl Radek was given ten years at the January 1937 trial.`;

function mentionsOf(text: string): ClaimMention[] {
  const out: ClaimMention[] = [];
  const names: Array<[RegExp, string, string, string]> = [
    [/Karl Radek|Радек/g, 'person:radek', 'person', 'Karl Radek'],
    [/Pyatakov/g, 'person:piatakov', 'person', 'Yuri Pyatakov'],
    [/Bukharin/g, 'person:bukharin', 'person', 'Nikolai Bukharin'],
    [/Oslo/g, 'place:oslo', 'place', 'Oslo'],
    [/Copenhagen/g, 'place:copenhagen', 'place', 'Copenhagen'],
  ];
  for (const [re, entity, type, name] of names) for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, entity, type, name });
  return out.sort((a, b) => a.start - b.start);
}

test('claims: outcomes, existence and dates are extracted with spans and compared across sources', () => {
  const docs = [
    ['a', A],
    ['b', B],
    ['c', C],
  ] as const;
  const claims = docs.flatMap(([id, text]) => extractClaims({ sourceId: id, text }, mentionsOf(text), findDates(text)));
  for (const [id, text] of docs) for (const c of claims.filter((x) => x.sourceId === id)) assert.equal(text.slice(c.start, c.end), c.text);
  const comps = compareClaims(claims);
  const rel = (pred: string, subj: RegExp) =>
    comps.filter((c) => claims[c.a]!.predicate === pred && subj.test(claims[c.a]!.subject)).map((c) => `${claims[c.a]!.sourceId}${claims[c.b]!.sourceId}:${c.relation}`).sort();
  // Radek: ten years (a, c) agree; shot (b) conflicts with both
  assert.deepEqual(rel('outcome', /radek/), ['ab:conflict', 'ac:agree', 'bc:conflict']);
  // the hotel: existed / demolished; the flight: happened / never took place
  assert.ok(rel('existence', /bristol/).includes('ab:conflict'), JSON.stringify(rel('existence', /bristol/)));
  assert.ok(rel('existence', /oslo|piatakov/).includes('ab:conflict'));
  // Bukharin's arrest: 27 February vs early March 1937
  assert.deepEqual(rel('date', /arrest:person:bukharin/), ['ab:conflict']);
  // disputed points: each with at least two sides, every claim on one side only
  const ds = disputes(claims, comps);
  assert.ok(ds.length >= 3);
  for (const d of ds) {
    assert.ok(d.sides.length >= 2);
    const all = d.sides.flatMap((s) => s.claims);
    assert.equal(new Set(all).size, all.length);
  }
});

test('claims: claims of one source are never compared with each other; unrelated subjects are not compared', () => {
  const t = 'Karl Radek was sentenced to ten years. Later Karl Radek was shot. Sokolnikov was given ten years.';
  const m = mentionsOf(t).concat([...t.matchAll(/Sokolnikov/g)].map((x) => ({ start: x.index!, end: x.index! + 10, entity: 'person:sokolnikov', type: 'person', name: 'Sokolnikov' })));
  const claims = extractClaims({ sourceId: 'one', text: t }, m, findDates(t));
  assert.ok(claims.length >= 3);
  assert.deepEqual(compareClaims(claims), []);
});

test('claims: a prison term and an execution years later are two proceedings, not a conflict; in one year they conflict', () => {
  const names = { Vanzetti: ['person:vanzetti', 'person'] as [string, string] };
  const rel = (a: string, b: string) => {
    const { claims, comps } = analyze([['a', a], ['b', b]], names);
    return comps.filter((c) => claims[c.a]!.predicate === 'outcome').map((c) => c.relation);
  };
  assert.deepEqual(rel('In 1920 Vanzetti was sentenced to fifteen years in prison.', 'In 1927 Vanzetti was executed.'), []);
  assert.deepEqual(rel('In 1927 Vanzetti was sentenced to fifteen years in prison.', 'In 1927 Vanzetti was executed.'), ['conflict']);
});

/** mentions for the names a test text uses: every capitalized word listed, with its type */
function mentionsFor(text: string, names: Record<string, [string, string]>): ClaimMention[] {
  const out: ClaimMention[] = [];
  for (const [word, [entity, type]] of Object.entries(names)) for (const m of text.matchAll(new RegExp(word, 'gu'))) out.push({ start: m.index!, end: m.index! + m[0].length, entity, type, name: word });
  return out.sort((a, b) => a.start - b.start);
}
const analyze = (docs: Array<[string, string]>, names: Record<string, [string, string]>) => {
  const prepared = docs.map(([id, text]) => ({ id, text, mentions: mentionsFor(text, names), dates: findDates(text) }));
  const ctx = corpusContext(prepared);
  const claims = unifyPersons(prepared.flatMap((p) => extractClaims({ sourceId: p.id, text: p.text }, p.mentions, p.dates, ctx)));
  for (const p of prepared) for (const c of claims.filter((x) => x.sourceId === p.id)) assert.equal(p.text.slice(c.start, c.end), c.text);
  return { claims, comps: compareClaims(claims), ctx };
};

test('claims: an office stands for its holder where the corpus names him in apposition', () => {
  const names = { 'Joseph Davies': ['person:davies', 'person'], Davies: ['person:davies', 'person'], Vyshinsky: ['person:vyshinsky', 'person'], Ulrikh: ['person:ulrikh', 'person'] } as Record<string, [string, string]>;
  const a = 'The American ambassador, Joseph Davies, arrived in January 1937. The public prosecutor, Vyshinsky, spoke for hours.';
  const b = 'Here is the testimony of the American Ambassador to the USSR who was present at all three trials.';
  const c = 'Davies was not present at the first trial, which opened on 19 August 1936.';
  const roles = roleNames([a, b, c].map((t) => ({ text: t, mentions: mentionsFor(t, names) })));
  assert.equal(roles.get([...roles.keys()].find((k) => /ambas/.test(k) && k.includes(' '))!)?.entity, 'person:davies');
  assert.equal(roles.get([...roles.keys()].find((k) => /prosecut/.test(k) && !k.includes(' '))!)?.entity, 'person:vyshinsky');
  const { claims, comps } = analyze([['a', a], ['b', b], ['c', c]], names);
  const present = claims.find((x) => x.sourceId === 'b' && x.predicate === 'presence');
  assert.equal(present?.subject, 'person:davies');
  assert.equal(present?.text, 'American Ambassador to the USSR who was present at all three trials');
  assert.ok(comps.some((x) => claims[x.a]!.predicate === 'presence' && x.relation === 'conflict'));
  // an office two people hold in the corpus names no one
  const two = roleNames([{ text: 'The prosecutor, Vyshinsky, spoke. The prosecutor, Ulrikh, answered.', mentions: mentionsFor('The prosecutor, Vyshinsky, spoke. The prosecutor, Ulrikh, answered.', names) }]);
  assert.equal(two.get('prosecutor'), undefined);
});

test('claims: "six of these nine" takes the nine\'s event; a chronology entry dates its sentences; a trial named by its place', () => {
  const names = { 'Kemerovo(?! trial)': ['place:kemerovo', 'place'], 'Kemerovo trial': ['trial:kemerovo-trial', 'trial'], Yagoda: ['person:yagoda', 'person'] } as Record<string, [string, string]>;
  const a = 'The Kemerovo trial opened in November 1936. All nine of the defendants at Kemerovo confessed. The crimes for which six of these nine paid with their lives were invented.';
  const b = '19–22 November 1936. The Kemerovo trial: nine defendants, of whom nine are shot.\n28 March 1937. Yagoda is arrested.';
  const c = 'Yagoda was arrested in April 1937.';
  const { claims, comps } = analyze([['a', a], ['b', b], ['c', c]], names);
  const counts = claims.filter((x) => x.sourceId === 'a' && x.predicate === 'count').map((x) => `${x.subject}=${x.value.n}`).sort();
  assert.deepEqual(counts, ['trial@1936-11#executed=6', 'trial@1936-11#tried=9', 'trial@1936-11#tried=9']);
  const arrest = claims.find((x) => x.sourceId === 'b' && x.subject === 'arrest:person:yagoda');
  assert.equal(arrest?.value.edtf, '1937-03-28');
  assert.equal(arrest?.text, '28 March 1937. Yagoda is arrested');
  assert.ok(comps.some((x) => claims[x.a]!.subject === 'arrest:person:yagoda' && x.relation === 'conflict'));
});

test('claims: who did it (an act carried out by an agent, an agent not involved) and the date of a killing at a place', () => {
  const names = { NKVD: ['organization:nkvd', 'organization'], НКВД: ['organization:nkvd', 'organization'], Katyn: ['place:katyn', 'place'], Катынском: ['place:katyn', 'place'] } as Record<string, [string, string]>;
  const a = 'The shootings were carried out by the NKVD in April and May 1940. At Katyn itself thousands were shot.';
  const b = 'НКВД к расстрелу польских офицеров непричастен. Осенью 1941 года немцы расстреляли их в Катынском лесу.';
  const { claims, comps } = analyze([['a', a], ['b', b]], names);
  const ex = claims.filter((x) => x.predicate === 'existence').map((x) => `${x.sourceId}:${x.value.kind}`).sort();
  assert.deepEqual(ex, ['a:yes', 'b:no']);
  const kill = claims.filter((x) => x.predicate === 'date' && x.subject === 'killing:event@katin').map((x) => x.value.edtf).sort();
  assert.deepEqual(kill, ['1940-04/1940-05', '1941-23']);
  assert.equal(comps.filter((x) => x.relation === 'conflict').length, 2);
  // an act the lexicon does not know is no claim of who did it
  assert.equal(analyze([['x', 'The report was written by the NKVD in 1940.']], names).claims.filter((x) => x.predicate === 'existence').length, 0);
});

test('claims on a topic the rules were not written for: arrest, trial place, verdict, electrocution against a life sentence', () => {
  const names = { 'Bruno Hauptmann': ['person:hauptmann', 'person'], 'Hauptmann(?! was)': ['person:hauptmann', 'person'], 'Hauptmann(?= was)': ['person:hauptmann', 'person'], Flemington: ['place:flemington', 'place'], Trenton: ['place:trenton', 'place'] } as Record<string, [string, string]>;
  const a = 'Bruno Hauptmann was arrested on 19 September 1934. The trial opened in Flemington on 2 January 1935. The jury returned its verdict on 13 February 1935. Hauptmann was electrocuted on 3 April 1936.';
  const b = 'Hauptmann was arrested in October 1934. The trial opened in Trenton on 2 January 1935. He was sentenced to life imprisonment.';
  const { claims, comps } = analyze([['a', a], ['b', b]], names);
  const rel = (subject: string) => comps.filter((x) => claims[x.a]!.subject === subject).map((x) => `${claims[x.a]!.predicate}:${x.relation}`).sort();
  assert.deepEqual(rel('arrest:person:hauptmann'), ['date:conflict']);
  assert.deepEqual(rel('trial-opening:trial@1935-01'), ['date:agree', 'place:conflict']);
  assert.deepEqual(rel('person:hauptmann'), ['outcome:conflict']);
  assert.equal(claims.find((x) => x.predicate === 'place' && x.sourceId === 'a')?.text, 'trial opened in Flemington');
});

test('event lexicon: one concept in any voice, tense or form, English and Russian; planned, alleged or denied events are none', () => {
  const kinds = (t: string) => findTriggers(t).map((x) => `${t.slice(x.index, x.index + x.length)}:${x.concept.kind}:${x.form}`);
  assert.deepEqual(kinds('Vovsi was arrested; the police arrested Vovsi; the arrest of Vovsi'), ['arrested:arrest:passive', 'arrested:arrest:active', 'arrest of:arrest:noun']);
  assert.deepEqual(kinds('Ethel Rosenberg is arrested. Hiss was this morning sentenced.'), ['arrested:arrest:passive', 'sentenced:sentence:passive']);
  assert.deepEqual(kinds('Вовси арестован. Арестовали Вовси. ОГПУ арестовывает шестерых. Арест Вовси.'), ['арестован:arrest:passive', 'Арестовали:arrest:active', 'арестовывает:arrest:active', 'Арест:arrest:noun']);
  assert.deepEqual(kinds('Собелл освободился. Присяжные оправдывают Бейлиса. Бейлис умирает.'), ['освободился:release:passive', 'оправдывают:acquittal:active', 'умирает:death:active']);
  // (a relative clause is not a passive: "was the man who arrested")
  assert.deepEqual(kinds('He was the man who arrested him.'), ['arrested:arrest:active']);
  // taken off a train, «взяли и …», let walk free (its subject the one freed), an appeal rejected, an attack; «ранит» is no participle
  assert.deepEqual(kinds('They were taken off a Brockton streetcar. Взяли и Этель. The court let Fhimah walk free.'), ['taken off a Brockton streetcar:arrest:passive', 'Взяли:arrest:active', 'walk free:release:passive']);
  assert.deepEqual(kinds("The Supreme Court rejected Frank's appeal. Суд отклоняет жалобу Франка. Creen cut Frank's throat. Крин ранит Франка ножом. Киров убит."), ["rejected Frank's appeal:appeal-rejected:active", 'отклоняет жалобу:appeal-rejected:active', "cut Frank's throat:attack:active", 'ранит:attack:active', 'убит:death:passive']);
  const names = { Rákosi: ['person:rakosi', 'person'], Zhdanov: ['person:zhdanov', 'person'] } as Record<string, [string, string]>;
  const { claims } = analyze([['a', 'In the summer of 1948 they agreed on the murder of Rákosi. In January 1953 nine doctors were accused of having killed Zhdanov.']], names);
  assert.deepEqual(claims.filter((x) => x.predicate === 'date').map((x) => x.subject), []);
});

test('claims from the event lexicon: object, subject and pronoun participants; outcomes in the active voice; a verdict against a defendant\'s sentence', () => {
  const names = { 'Judge Kaufman': ['person:kaufman', 'person'], Кауфман: ['person:kaufman', 'person'], Julius: ['person:rosenberg:julius', 'person'], Ethel: ['person:rosenberg:ethel', 'person'], Юлиуса: ['person:rosenberg:julius', 'person'], Этель: ['person:rosenberg:ethel', 'person'], 'Alexei Kuznetsov': ['person:kuznetsov', 'person'], Кузнецова: ['person:kuznetsov', 'person'], Loubet: ['person:loubet', 'person'], Dreyfus: ['person:dreyfus', 'person'], Дрейфуса: ['person:dreyfus', 'person'] } as Record<string, [string, string]>;
  const a = 'On 5 April 1951 Judge Kaufman sentenced Julius and Ethel to death. Alexei Kuznetsov and four others were arrested on 13 August 1949. Dreyfus was found guilty again in 1899. On 19 September 1899 President Loubet pardoned him.';
  const b = '5 апреля 1951 года судья Кауфман приговорил Юлиуса и Этель к смертной казни. Кузнецова арестовали в августе 1949 года. 19 сентября 1899 года президент Лубе помиловал Дрейфуса.';
  const { claims, comps } = analyze([['a', a], ['b', b]], names);
  const outs = claims.filter((x) => x.predicate === 'outcome').map((x) => `${x.sourceId}:${x.subject}=${x.value.kind}`).sort();
  assert.deepEqual(outs.filter((x) => /rosenberg/.test(x)), ['a:person:rosenberg:ethel=death-sentence', 'a:person:rosenberg:julius=death-sentence', 'b:person:rosenberg:ethel=death-sentence', 'b:person:rosenberg:julius=death-sentence']);
  assert.ok(!claims.some((x) => x.subject.includes('kaufman') && x.predicate === 'outcome'), 'the judge is not the one sentenced');
  const rel = (subject: string) => comps.filter((x) => claims[x.a]!.subject === subject && claims[x.a]!.predicate === 'date').map((x) => x.relation).sort();
  assert.deepEqual(rel('arrest:person:kuznetsov'), ['partial']);
  assert.deepEqual(rel('pardon:person:dreyfus'), ['agree']);
  assert.deepEqual(rel('sentence:person:rosenberg:julius'), ['agree']);
  // a trial's verdict and a defendant's sentence told for the same month are one event
  const v = analyze([['c', 'The Rosenberg trial opened in March 1951. The verdict was announced on 29 March 1951.'], ['d', 'Julius was sentenced on 5 April 1951.'], ['e', 'Julius was found guilty on 29 March 1951.']], names);
  assert.ok(v.comps.some((x) => /^verdict:/.test(v.claims[x.a]!.subject + v.claims[x.b]!.subject) && /conviction:/.test(v.claims[x.a]!.subject + v.claims[x.b]!.subject) && x.relation === 'agree'));
});

test('claims: nights over two days, datelines, a quotation and its translation, ages, votes and durations with bounds', () => {
  const names = { Slánský: ['person:slanski', 'person'], Сланского: ['person:slanski', 'person'], 'Wade Wright': ['person:wright', 'person'], 'Томас Найт': ['person:knight', 'person'], Alabama: ['place:alabama', 'place'], Алабамы: ['person:alabama', 'person'], 'New York': ['place:new-york', 'place'], 'Нью-Йорка': ['place:new-york', 'place'], 'Mary Phagan': ['person:phagan', 'person'], 'Мэри Фэган': ['person:phagan', 'person'] } as Record<string, [string, string]>;
  const a = 'Slánský was arrested on 24 November 1951. The Phagan trial opened in July 1913. Mary Phagan, fourteen years of age, was killed. The trial lasted thirty-four days. The solicitor, Wade Wright, told the jurors: "Show them that Alabama justice cannot be bought and sold with Jew money from New York." The jury deliberated barely two hours. The Supreme Court, by seven votes to two, declined to interfere in April 1915.';
  const b = 'Сланского арестовали в ночь на 24 ноября 1951 года. Процесс открылся в июле 1913 года. Убита 13-летняя Мэри Фэган. Процесс длился больше месяца. «Покажите им, что правосудие Алабамы не продаётся за еврейские деньги из Нью-Йорка», – кричал присяжным прокурор Томас Найт. Присяжные совещались меньше четырёх часов. В апреле 1915 года Верховный суд семью голосами против двух отклонил жалобу.';
  const { claims, comps } = analyze([['a', a], ['b', b]], names);
  const rel = (p: (s: string) => boolean) => comps.filter((x) => p(claims[x.a]!.subject)).map((x) => `${claims[x.a]!.subject.replace(/@.*$/, '').replace(/:person:.*$/, '')}:${x.relation}`).sort();
  assert.equal(claims.find((x) => x.sourceId === 'b' && x.subject === 'arrest:person:slanski')?.value.edtf, '1951-11-23/1951-11-24');
  assert.deepEqual(rel((s) => s === 'arrest:person:slanski'), ['arrest:partial']);
  assert.deepEqual(rel((s) => s.startsWith('age:')), ['age:conflict']);
  assert.deepEqual(rel((s) => s.startsWith('duration:')), ['duration:deliberation:partial', 'duration:trial:partial']);
  assert.deepEqual(rel((s) => s.startsWith('votes')), ['votes:agree']);
  const said = comps.filter((x) => claims[x.a]!.predicate === 'attribution');
  assert.deepEqual(said.map((x) => x.relation), ['conflict'], 'one quotation, two speakers');
  // a dateline dates the report it heads
  assert.equal(findDates('Budapest, Saturday, 24 September 1949.\nRajk was this morning sentenced to death.').find((d) => /morning/.test(d.text))?.edtf, '1949-09-24');
});

test('dates: years in Russian words, parts of a month, a day joined to a dated one, asides, flashbacks, a report\'s own "yesterday"', () => {
  assert.equal(one('В 1961 году его судили, а в мае шестьдесят второго освободили.', 'в мае шестьдесят второго'), '1962-05');
  assert.equal(one('Книга вышла в тысяча девятьсот сороковом году.', 'в тысяча девятьсот сороковом году'), '1940');
  assert.equal(one('Процесс шёл весь 1937 год; в конце декабря его закрыли.', 'в конце декабря'), '1937-12-21/1937-12-31');
  // a yearless day joined to a dated one takes its year, not the one before it
  assert.equal(one('В 1958 году. Его казнили в ночь с 15 июня на 16 июня 1959 года.', '15 июня'), '1959-06-15');
  // a date in an aside does not move the story's calendar
  assert.equal(one('The appeal failed in 1927 (the file was opened only in 1977); on 23 August the two men were executed.', '23 August'), '1927-08-23');
  // a flashback in the past perfect leaves it too, while dates inside the flashback count from it
  assert.equal(one('The verdict came in 1961. At a conference in March 1942 he had taken the minutes. The judges sentenced him on 11 December.', '11 December'), '1961-12-11');
  assert.equal(one('The verdict came in 1961. He had been dismissed in March 1942 and had been reinstated two months later.', 'two months later'), '1942-05');
  // a report's "yesterday" is its dateline's, whatever date it told last
  assert.equal(one('ПРАГА, 28 ноября 1952 года.\nПроцесс шёл с 20 по 27 ноября. Приговор оглашён вчера.', 'вчера'), '1952-11-27');
  // a dateline with no year: the day of a year the text does not give (EDTF's unspecified year), and its "yesterday" too; the
  // story's own dates are not dated from it
  const wire = 'Сообщение министерства\nБудапешт, 17 июня (ТАСС). Как уже сообщалось, в апреле 1957 года они были переданы властям. Вчера приговор приведён в исполнение.';
  assert.equal(one(wire, '17 июня'), 'XXXX-06-17');
  assert.equal(one(wire, 'Вчера'), 'XXXX-06-16');
  assert.ok(isEdtf('XXXX-06-16') && edtfBounds('XXXX-06-16') === null);
  assert.equal(one('Radek Sentenced\nMOSCOW, Jan. 27 (AP) — Karl Radek was sentenced yesterday.', 'yesterday'), 'XXXX-01-26');
  // the first or last days of a month, or its tens
  assert.equal(one('Осенью 1933 года я учился. Процесс открылся в двадцатых числах сентября.', 'в двадцатых числах сентября'), '1933-09-20/1933-09-29');
  assert.equal(one('In 1927 the appeal failed. In the first days of August the governor refused clemency.', 'In the first days of August'), '1927-08-01/1927-08-07');
  assert.equal(one('It was the last days of February 1936.', 'the last days of February 1936'), '1936-02-23/1936-02-29');
  // "the night before" is the day before; "the morning after the fire" dates itself by an event, not by the last date
  assert.equal(one('MOSCOW, April 4, 1953. The doctors had been freed the night before.', 'the night before'), '1953-04-03');
  assert.equal(findDates('On 27 February 1933 the Reichstag burned. Torgler gave himself up the morning after the fire.').length, 1);
});

test('claims: an award received, an order of one\'s own revoked, a sentence carried out on those it was passed on', () => {
  const names = { 'Lydia Timashuk': ['person:timashuk', 'person'], 'Timashuk(?! )': ['person:timashuk', 'person'], 'Тимашук': ['person:timashuk', 'person'], 'Imre Nagy': ['person:nagy', 'person'], 'Pál Maléter': ['person:maleter', 'person'], 'Имре Надя': ['person:nagy', 'person'], 'Пала Малетера': ['person:maleter', 'person'], NKVD: ['organization:nkvd', 'organization'] } as Record<string, [string, string]>;
  const dated = (t: string) => analyze([['x', t]], names).claims.filter((c) => c.predicate === 'date').map((c) => `${c.subject}=${c.value.edtf}`).sort();
  assert.deepEqual(dated('On 13 January 1953 the doctors were arrested. A week later Lydia Timashuk received the Order of Lenin.'), ['award:person:timashuk=1953-01-20']);
  assert.deepEqual(dated('20 января 1953 года орден Ленина получила Тимашук.'), ['award:person:timashuk=1953-01-20']);
  assert.deepEqual(dated("Lydia Timashuk wrote a letter. Timashuk's Order of Lenin was revoked on 3 April 1953."), ['annulment:person:timashuk=1953-04-03']);
  assert.deepEqual(dated('On 16 June 1958 the death sentences on Imre Nagy and Pál Maléter were carried out.'), ['execution:person:maleter=1958-06-16', 'execution:person:nagy=1958-06-16']);
  assert.deepEqual(dated('16 июня 1958 года приговор в отношении Имре Надя и Пала Малетера приведён в исполнение.'), ['execution:person:maleter=1958-06-16', 'execution:person:nagy=1958-06-16']);
  // an event a few days after a dated one, the text not saying how many, is not dated by it
  const hiss = { Хисса: ['person:hiss', 'person'] } as Record<string, [string, string]>;
  assert.deepEqual(analyze([['x', 'На втором процессе, 21 января 1950 года, Хисса признали виновным, и через несколько дней он был приговорён к пяти годам.']], hiss).claims.filter((c) => c.predicate === 'date' && c.subject.startsWith('sentence')), []);
  // other things carried out are no executions
  assert.deepEqual(dated('The shootings were carried out by the NKVD in April 1940.').filter((x) => x.startsWith('execution')), []);
});

test('claims: terms in a verdict\'s list with the verb or the unit left out, in months and a year and a half; a report\'s year dates its sentences', () => {
  const names = { Thornton: ['person:thornton', 'person'], MacDonald: ['person:macdonald', 'person'], Торнтон: ['person:thornton', 'person'], Макдональд: ['person:macdonald', 'person'], Кутузова: ['person:kutuzova', 'person'], 'Anna Kutuzova': ['person:kutuzova', 'person'], Яноши: ['person:janosi', 'person'], Донат: ['person:donath', 'person'] } as Record<string, [string, string]>;
  const terms = (t: string) => analyze([['x', t]], names).claims.filter((c) => c.predicate === 'outcome').map((c) => `${c.subject}=${c.value.kind}:${c.value.n}`).sort();
  assert.deepEqual(terms('Thornton got three years and MacDonald two; the others were deported.'), ['person:macdonald=prison:2', 'person:thornton=prison:3']);
  // a list of names and terms with the verb and the unit left out after the first; a year; a life term received
  assert.deepEqual(terms('Thornton receives life imprisonment, Anna Kutuzova twelve years, Thornton Jr eight and MacDonald six.').filter((x) => !x.includes('thornton')), ['person:kutuzova=prison:12', 'person:macdonald=prison:6']);
  assert.deepEqual(terms('For this libel Thornton was sentenced to a year in prison. Макдональда приговорили к году тюрьмы.'), ['person:macdonald=prison:1', 'person:thornton=prison:1']);
  // the present of a chronicle: "goes to the penitentiary for fifteen years", «— к 15 годам каторжной тюрьмы», "kills himself", «кончает с собой»
  assert.deepEqual(terms('Thornton goes to the penitentiary for fifteen years. Макдональд — к 15 годам каторжной тюрьмы.'), ['person:macdonald=prison:15', 'person:thornton=prison:15']);
  assert.deepEqual(terms('In 1887 Thornton kills himself in his cell. В 1887 году Макдональд кончает с собой.'), ['person:macdonald=suicide:undefined', 'person:thornton=suicide:undefined']);
  // one term to each, in order, told "respectively"
  assert.deepEqual(terms("Thornton and MacDonald were sentenced to ten years' and five years' imprisonment respectively."), ['person:macdonald=prison:5', 'person:thornton=prison:10']);
  assert.deepEqual(terms('Торнтон осуждён на три года лишения свободы, Макдональд — на два года.'), ['person:macdonald=prison:2', 'person:thornton=prison:3']);
  assert.deepEqual(terms('Донат — к двенадцати годам лишения свободы, Яноши — к восьми.'), ['person:donath=prison:12', 'person:janosi=prison:8']);
  assert.deepEqual(terms('Кутузова — к полутора годам лишения свободы. Anna Kutuzova received eighteen months.'), ['person:kutuzova=prison:1.5', 'person:kutuzova=prison:1.5']);
  // two terms in one year conflict; a report's dateline gives the year when the clause does not
  const { claims, comps } = analyze([['a', 'Приговор\n(Москва, 19 апреля 1933 г.)\nМакдональд осуждён на два года.'], ['b', 'In April 1933 MacDonald got three years.']], names);
  assert.deepEqual(claims.filter((c) => c.predicate === 'outcome').map((c) => c.time), ['1933', '1933-04']);
  assert.deepEqual(comps.map((c) => c.relation), ['conflict']);
});

test('claims: a thing told by a common noun is named by the place it is told at; two things at one place stay two', () => {
  const names = { Heathrow: ['place:heathrow', 'place'] } as Record<string, [string, string]>;
  const { claims, comps } = analyze([['a', 'The defence said there was a break-in at Heathrow that night.'], ['b', 'The prosecution said there was no break-in at Heathrow.'], ['c', 'There was a fire at Heathrow.']], names);
  assert.deepEqual(claims.map((c) => `${c.sourceId}:${c.value.kind}:${c.text}`), ['a:yes:there was a break-in at Heathrow', 'b:no:there was no break-in at Heathrow', 'c:yes:There was a fire at Heathrow']);
  assert.deepEqual(comps.map((c) => `${claims[c.a]!.sourceId}${claims[c.b]!.sourceId}:${c.relation}`), ['ab:conflict']);
});

test('claims: presence told by a visit («побывал в», "visited"); the subject before an insertion with an adverb after it', () => {
  const names = { Хисс: ['person:hiss', 'person'], Госдепартамента: ['organization:state-department', 'organization'], Ялте: ['place:yalta', 'place'], 'Alger Hiss': ['person:hiss', 'person'], Yalta: ['place:yalta', 'place'] } as Record<string, [string, string]>;
  const { claims, comps } = analyze([['a', 'Хисс, бывший сотрудник Госдепартамента, действительно побывал в Ялте.'], ['b', 'In February 1945 Alger Hiss never visited Yalta.']], names);
  assert.deepEqual(claims.filter((c) => c.predicate === 'presence').map((c) => `${c.subject}:${c.value.kind}:${c.value.place}`), ['person:hiss:yes:place:yalta', 'person:hiss:no:place:yalta']);
  assert.deepEqual(comps.map((c) => c.relation), ['conflict']);
});

test('claims: a place named after another is the one within it, not a conflict', () => {
  const names = { Vanzetti: ['person:vanzetti', 'person'], Ванцетти: ['person:vanzetti', 'person'], 'Charlestown State Prison': ['place:charlestown-state-prison', 'place'], Чарлстауна: ['place:charlestown', 'place'], Dedham: ['place:dedham', 'place'] } as Record<string, [string, string]>;
  const rel = (a: string, b: string) => { const { claims, comps } = analyze([['a', a], ['b', b]], names); return comps.filter((c) => claims[c.a]!.predicate === 'place').map((c) => c.relation); };
  assert.deepEqual(rel('On August 23, 1927, Vanzetti was executed at Charlestown State Prison.', '23 августа 1927 года Ванцетти казнили в тюрьме Чарлстауна.'), ['partial']);
  assert.deepEqual(rel('On August 23, 1927, Vanzetti was executed at Charlestown State Prison.', 'On August 23, 1927, Vanzetti was executed at the prison in Dedham.'), ['conflict']);
});

test('claims: release and custody told of their subject, a pardon in the present, deaths after the verb, a conviction of all, a compound-adjective duration, openings of hearings', () => {
  const names = { Mandela: ['person:mandela', 'person'], Мандела: ['person:mandela', 'person'], Филдена: ['person:fielden', 'person'], Алтгелд: ['person:altgeld', 'person'] } as Record<string, [string, string]>;
  const got = (t: string) => analyze([['x', t]], names).claims.map((c) => `${c.predicate}:${c.subject}=${c.value.edtf ?? c.value.n ?? c.value.kind}`).sort();
  assert.deepEqual(got('11 февраля 1990 г. Мандела выходит на свободу.'), ['date:release:person:mandela=1990-02-11']);
  assert.deepEqual(got('26 июня 1893 г. Губернатор Алтгелд милует Филдена.'), ['date:pardon:person:fielden=1893-06-26', 'outcome:person:fielden=released']);
  assert.deepEqual(got('Police fire on strikers outside the works on May 3, 1886, killing two. У ворот завода 3 мая 1886 года полиция открывает огонь; убиты шестеро рабочих.'), ['count:deaths@1886-05-03#dead=2', 'count:deaths@1886-05-03#dead=6']);
  assert.deepEqual(got('20 августа 1886 г. Присяжные признают виновными всех восьмерых подсудимых.'), ['count:trial@1886-08#convicted=8']);
  assert.deepEqual(got('20 апреля 1964 года на процессе Мандела произнёс со скамьи подсудимых трёхчасовую речь.').filter((x) => x.startsWith('count')), ['count:duration:statement@1964-04#hours=3']);
  assert.deepEqual(got('Слушания открылись 9 октября 1963 года во Дворце правосудия. 3 декабря 1963 г. Открытие процесса.').filter((x) => x.startsWith('date')), ['date:trial-opening:trial@1963-10=1963-10-09', 'date:trial-opening:trial@1963-12=1963-12-03']);
  assert.equal(one('PRETORIA, June 12, 1964 — The case began on Oct. 9 last year.', 'Oct. 9 last year'), '1963-10-09');
  // (a month's abbreviation ends no sentence: the event keeps its date)
  assert.deepEqual(got('Rivonia Trial Ends\nPRETORIA, June 12, 1964 — The case began on Oct. 9 last year.').filter((x) => x.startsWith('date')), ['date:trial-opening:trial@1963-10=1963-10-09']);
  assert.equal(one('Москва, 12 июня 1964 г. Процесс начался 9 октября прошлого года.', '9 октября прошлого года'), '1963-10-09');
});

test('claims: headlines and chronologies, captures, witnesses with sides and bounds, trial group events, court roles, disputed acts, fines', () => {
  const names = { 'Karl Weber': ['person:weber', 'person'], Weber: ['person:weber', 'person'], Вебер: ['person:weber', 'person'], Вебера: ['person:weber', 'person'], 'Otto Lind': ['person:lind', 'person'], Линд: ['person:lind', 'person'], 'Judge Hal Brant': ['person:brant', 'person'], 'Хэла Бранта': ['person:brant', 'person'], 'Anna Roth': ['person:roth', 'person'], 'Анна Рот': ['person:roth', 'person'], Cordoba: ['place:cordoba', 'place'], 'Кордове': ['place:cordoba', 'place'] } as Record<string, [string, string]>;
  const a = [
    '3 March 1958 — Karl Weber seized in Cordoba.',
    '10 June 1958 — Trial of Weber opens.',
    'Weber was tried under Judge Hal Brant. The prosecution called ninety witnesses.',
    'Anna Roth told the court that she had seen him in 1944.',
    'Weber never asked for clemency. Otto Lind was fined 2,000 dollars.',
    'The condemned were shot on 1 August 1958 in a forest near the town. All were rehabilitated in May 1990.',
  ].join('\n');
  const b = [
    'Вебера схватили в Кордове 2 марта 1958 года. Процесс над Вебером открылся 10 июня 1958 года под председательством судьи Хэла Бранта.',
    'Обвинение вызвало более ста свидетелей. Выступила и Анна Рот. Вебер сам подал прошение о помиловании.',
    'Линд приговорён к штрафу в две тысячи долларов. 1 августа 1958 года осуждённых расстреляли в подвале тюрьмы. Реабилитировали их в мае 1990 года.',
  ].join(' ');
  const { claims, comps } = analyze([['a', a], ['b', b]], names);
  const rel = (pred: string, p: (s: string) => boolean) => comps.filter((x) => claims[x.a]!.predicate === pred && p(claims[x.a]!.subject)).map((x) => x.relation).sort();
  // a reduced passive of a chronology, and a capture as an arrest with its place
  assert.deepEqual(rel('date', (s) => s === 'arrest:person:weber'), ['conflict']);
  assert.deepEqual(rel('place', (s) => s === 'arrest:person:weber'), ['agree']);
  // witnesses, by the side that called them, with a bound
  assert.deepEqual(rel('count', (s) => /#witnesses-prosecution$/.test(s)), ['conflict']);
  // presiding and testifying are presence at the trial
  assert.deepEqual(rel('presence', (s) => s === 'person:brant'), ['agree']);
  assert.deepEqual(rel('presence', (s) => s === 'person:roth'), ['agree']);
  // an act said done and not done
  assert.deepEqual(rel('existence', (s) => /act-clemency-plea/.test(s)), ['conflict']);
  assert.deepEqual(rel('outcome', (s) => s === 'person:lind'), ['agree']);
  // the condemned shot and all rehabilitated: the trial's group events, with the place of the executions
  assert.deepEqual(rel('date', (s) => /^sentence-carried-out:/.test(s)), ['agree']);
  assert.deepEqual(rel('place', (s) => /^sentence-carried-out:/.test(s)), ['conflict']);
  assert.deepEqual(rel('date', (s) => /^rehabilitation:/.test(s)), ['agree']);
});

test('claims: who an event is told of — a report\'s date, «кроме X ещё N», a pronoun after a name a preposition governs, "my client"', () => {
  const names = { Petrov: ['person:petrov', 'person'], 'Петрова': ['person:petrov', 'person'], 'Marshal Sokolov': ['person:sokolov', 'person'], Sokolov: ['person:sokolov', 'person'], 'Adam Nowak': ['person:nowak', 'person'], 'Landau': ['person:landau', 'person'] } as Record<string, [string, string]>;
  const a = 'In May 1960 Petrov reported to the Committee that Adam Nowak had been killed. Petrov himself was arrested in June 1960. He and four others were tried by a court under Marshal Sokolov, and he was shot on 5 December 1960.';
  const b = 'Суд над ним начался в ноябре 1960 года. Кроме самого Петрова, по делу проходили ещё четыре обвиняемых. Петрова расстреляли 5 декабря 1960 года.';
  const c = 'Statement for the defence of Ivan Petrov.\nOn 1 December 1960 the court, under Judge Landau, sentenced my client to death.';
  const { claims } = analyze([['a', a], ['b', b], ['c', c]], names);
  // the report's date is not the killing's
  assert.ok(!claims.some((x) => x.subject === 'death:person:nowak' && x.value.edtf === '1960-05'));
  assert.equal(claims.find((x) => x.subject === 'announcement:person:petrov')?.value.edtf, '1960-05');
  assert.equal(claims.find((x) => x.sourceId === 'b' && x.predicate === 'count')?.value.n, 5);
  assert.equal(claims.find((x) => x.sourceId === 'a' && x.predicate === 'count')?.value.n, 5);
  assert.equal(claims.find((x) => x.sourceId === 'a' && x.predicate === 'date' && x.value.edtf === '1960-12-05')?.subject, 'execution:person:petrov');
  assert.equal(claims.find((x) => x.sourceId === 'c' && x.predicate === 'outcome')?.subject, 'person:petrov');
});

test('claims: counts of charges, of the released and the rehabilitated, of minutes; the acquitted among co-defendants', () => {
  const names = { 'Paul Adler': ['person:adler', 'person'], Adler: ['person:adler', 'person'], Адлер: ['person:adler', 'person'] } as Record<string, [string, string]>;
  const a = 'ZURICH, March 3, 1961.\nPaul Adler was yesterday sentenced to death by the Federal Court. His four co-defendants were acquitted. There were six charges. The hearing lasted forty minutes. By April all twenty people arrested in the affair had been released and fully rehabilitated.';
  const b = 'Цюрих, 3 марта 1961 года. Вчера Федеральный суд приговорил Адлера к смертной казни. Адлера обвинили по семи пунктам. Заседание суда длилось около двух часов. Освободили двенадцать человек.';
  const { claims, comps } = analyze([['a', a], ['b', b]], names);
  const n = (src: string, kind: string) => claims.find((x) => x.sourceId === src && x.predicate === 'count' && x.value.kind === kind)?.value.n;
  assert.equal(n('a', 'acquitted'), 4);
  assert.deepEqual([n('a', 'charges'), n('b', 'charges')], [6, 7]);
  assert.deepEqual([n('a', 'released'), n('a', 'rehabilitated'), n('b', 'released')], [20, 20, 12]);
  assert.ok(Math.abs(n('a', 'hours')! - 40 / 60) < 1e-9);
  const rel = (kind: string) => comps.filter((x) => claims[x.a]!.predicate === 'count' && claims[x.a]!.value.kind === kind).map((x) => x.relation);
  assert.deepEqual(rel('charges'), ['conflict']);
  assert.deepEqual(rel('hours'), ['conflict']);
  assert.deepEqual(rel('released'), ['conflict']);
  // a date in a phrase leading to another event does not date the trial the clause names
  const named = { 'Trial of the Sixteen': ['trial:sixteen', 'trial'] } as Record<string, [string, string]>;
  const six = analyze([['s', 'After his capitulation in 1934, he wrote an article during the Trial of the Sixteen demanding the execution of the accused.']], named).claims.filter((x) => x.predicate === 'count');
  assert.ok(six.every((x) => !x.subject.includes('@1934')), JSON.stringify(six.map((x) => x.subject)));
  // «X было N»: a count of a kind told as a predicate; how long a trial took («занял четыре дня»)
  const c = analyze([['c', 'В феврале 1964 года Бродского судили. Свидетелей защиты было трое. Обвиняемых первоначально было восемь. Процесс занял четыре дня. Их было только двое.']], names).claims.filter((x) => x.predicate === 'count').map((x) => `${x.value.kind}=${x.value.n}|${x.text}`);
  assert.deepEqual(c, ['witnesses-defence=3|Свидетелей защиты было трое', 'tried=8|Обвиняемых первоначально было восемь', 'hours=96|занял четыре дня']);
});

test('persons: one person under the keys the entities stage gives across scripts; two people of one surname stay two', () => {
  const canon = personCanon(['person:rosenberg:iulius', 'person:rozenberg:ethel', 'person:rozenberg:?', 'person:etel', 'person:given:esterhazi', 'person:esterkhazi', 'person:gold']);
  assert.equal(canon.get('person:etel'), 'person:rozenberg:ethel');
  assert.equal(canon.get('person:rozenberg:?'), 'person:rozenberg:?', 'a bare surname two people share names neither');
  assert.notEqual(canon.get('person:rosenberg:iulius'), canon.get('person:rozenberg:ethel'));
  assert.equal(canon.get('person:esterkhazi'), canon.get('person:given:esterhazi'));
  assert.equal(canon.get('person:gold'), 'person:gold');
  // one person of the surname: the bare key joins them
  // false friends stay apart
  const ff = personCanon(['person:medved', 'person:medvedev', 'person:daves', 'person:davis', 'person:karev', 'person:kirov']);
  for (const [k, v] of ff) assert.equal(v, k);
  const one = personCanon(['person:radek:karl', 'person:radek']);
  assert.equal(one.get('person:radek'), 'person:radek:karl');
});

test('disputed points: a side never holds two claims that conflict, and a point has two sides or is none', () => {
  const t1 = 'Bukharin was arrested in 1937.';
  const t2 = 'Bukharin was arrested on 27 February 1937.';
  const t3 = 'Bukharin was arrested in early March 1937.';
  const names = { Bukharin: ['person:bukharin', 'person'] } as Record<string, [string, string]>;
  const { claims, comps } = analyze([['x', t1], ['y', t2], ['z', t3]], names);
  const ds = disputes(claims, comps);
  assert.equal(ds.length, 1);
  for (const d of ds) {
    assert.ok(d.sides.length >= 2);
    for (const side of d.sides) for (const i of side.claims) for (const j of side.claims) assert.ok(!comps.some((c) => c.relation === 'conflict' && ((c.a === i && c.b === j) || (c.a === j && c.b === i))));
  }
});

// ---------------------------------------------------------------- the stage, end to end

let dir: string;
let store: SqliteStore;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-time-'));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(corpus, 'a.txt'), A + '\n');
  writeFileSync(join(corpus, 'b.txt'), B + '\n');
  writeFileSync(join(corpus, 'c.txt'), C + '\n');
  store = openSqliteStore(join(dir, 'db.sqlite'));
  assert.equal((await ingestPaths(store, [corpus, join(ROOT, 'corpus/moscow-trials')])).errors.length, 0);
  await ops.analyze(store);
});

after(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('stage: dates, events and claims are stored with spans that re-slice the clean and raw text', async () => {
  const sources = await store.listSources();
  for (const s of sources) {
    const v = (await store.getVersionTexts(s.versionId))!;
    const ds = await ops.sourceDates(store, s.id);
    for (const d of ds.items) assert.equal(v.cleanText.slice(d.start, d.end), d.text);
    const cs = await ops.sourceClaims(store, s.id);
    for (const c of cs.items) {
      assert.equal(v.cleanText.slice(c.start, c.end), c.text);
      assert.ok(c.rawEnd >= c.rawStart);
    }
    for (const e of (await ops.events(store, { source: s.id, limit: 100000 })).items) assert.equal(v.cleanText.slice(e.start, e.end), e.text);
    // the planted sources are plain text, which cleaning leaves as it is: raw offsets re-slice to the same text
    if (['a', 'b', 'c'].includes(s.id)) {
      for (const d of ds.items) assert.equal(v.rawText.slice(d.rawStart, d.rawEnd), d.text);
      for (const c of cs.items) assert.equal(v.rawText.slice(c.rawStart, c.rawEnd), c.text);
      for (const e of (await ops.events(store, { source: s.id, limit: 1000 })).items) assert.equal(v.rawText.slice(e.rawStart, e.rawEnd), e.text);
    }
  }
  const ev = await ops.events(store, { limit: 5000 });
  assert.ok(ev.total > 0);
  for (const e of ev.items) {
    assert.ok(isEdtf(e.edtf), e.edtf);
    assert.ok(e.lo <= e.hi);
  }
  const tl = await ops.timeline(store, { by: 'perspective' });
  assert.ok(tl.lanes.length >= 2);
  assert.equal(tl.lanes.reduce((n, l) => n + l.events.length, 0), ev.total);
});

test('stage: conflicts hold sides with their sources; a claim shows its comparisons; re-analysis changes nothing', async () => {
  const c = await ops.conflicts(store, { limit: 500 });
  assert.ok(c.total > 0);
  for (const d of c.items) {
    assert.ok(d.sides.length >= 2);
    for (const s of d.sides) for (const x of s.claims) assert.ok(x.sourceTitle && x.key);
  }
  const radek = (await ops.claims(store, { predicate: 'outcome', q: 'ten years', limit: 50 })).items.find((x) => x.sourceId === 'a');
  assert.ok(radek, 'the planted claim is listed');
  const shown = await ops.claim(store, radek!.key);
  assert.ok(shown.comparisons.some((x) => x.relation === 'conflict' && x.other.sourceId === 'b'));
  const before = JSON.stringify([(await ops.claims(store, { limit: 100000 })).items.map((x) => x.key), (await ops.conflicts(store, { limit: 1000 })).items.map((x) => x.key)]);
  await ops.analyze(store);
  const after2 = JSON.stringify([(await ops.claims(store, { limit: 100000 })).items.map((x) => x.key), (await ops.conflicts(store, { limit: 1000 })).items.map((x) => x.key)]);
  assert.equal(after2, before);
});

test('exports: dates, events, claims and conflicts as CSV / JSON Lines with spans; conflicts as Argdown', async () => {
  const text = async (kind: string, format: string, key?: string) => {
    let s = '';
    for await (const ch of ops.export(store, { kind, format, key }).chunks) s += ch;
    return s;
  };
  for (const kind of ['dates', 'events', 'claims', 'conflicts']) {
    const csv = await text(kind, 'csv');
    const head = csv.split('\n')[0]!;
    for (const col of ['source', 'start', 'end', 'rawStart', 'rawEnd', 'text']) assert.ok(head.split(',').includes(col), `${kind} csv has ${col}`);
    const rows = (await text(kind, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(rows.length > 0, kind);
  }
  const dates = (await text('dates', 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { edtf: string | null });
  for (const d of dates) if (d.edtf) assert.ok(isEdtf(d.edtf), d.edtf);
  const ad = await text('conflicts', 'argdown');
  assert.match(ad, /^===\ntitle: /);
  assert.match(ad, /^# .+ \{key: "dispute:/m);
  assert.match(ad, /^\[D1\.1 .+\]: /m);
  assert.match(ad, /^ {2}(?:><|-) \[D1\.2 /m);
  assert.match(ad, /^ {2}\+ <D1\.1\.1 .+>: ".+" #\(.+\) \{source: ".+", start: \d+, end: \d+, rawStart: \d+, rawEnd: \d+\}$/m);
  assert.throws(() => ops.export(store, { kind: 'dates', format: 'argdown' }), /argdown is for conflicts/);
});

test('HTTP: JSON twins of the claims, conflicts and timeline pages; bad parameters are named', async () => {
  const app = await buildApp(store, { readOnly: true });
  try {
    for (const [api, twin] of [
      ['/api/claims', '/claims.json'],
      ['/api/conflicts', '/conflicts.json'],
      ['/api/timeline', '/timeline.json'],
      ['/api/events', '/events.json'],
      ['/api/dates', '/dates.json'],
    ]) {
      const a = await app.inject({ method: 'GET', url: api! });
      const b = await app.inject({ method: 'GET', url: twin! });
      assert.equal(a.statusCode, 200, api);
      assert.deepEqual(a.json(), b.json(), twin);
    }
    const d = (await app.inject({ method: 'GET', url: '/api/conflicts' })).json() as { items: Array<{ key: string }> };
    const one = await app.inject({ method: 'GET', url: `/api/conflicts/${encodeURIComponent(d.items[0]!.key)}` });
    const twin = await app.inject({ method: 'GET', url: `/conflicts/${encodeURIComponent(d.items[0]!.key)}.json` });
    assert.deepEqual(one.json(), twin.json());
    const bad = await app.inject({ method: 'GET', url: '/api/claims?predicate=colour' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /predicate/);
    const badDate = await app.inject({ method: 'GET', url: '/api/events?from=soon' });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /from/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/claims/claim:nope' })).statusCode, 404);
    const ad = await app.inject({ method: 'GET', url: `/api/export/conflicts?format=argdown&key=${encodeURIComponent(d.items[0]!.key)}` });
    assert.equal(ad.statusCode, 200);
    assert.match(ad.body, /\{key: "dispute:/);
  } finally {
    await app.close();
  }
});

test('CLI: claims, conflicts, dates, events and timeline with --json; a bad predicate is named', async () => {
  const run = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await main([...args, '--db', join(dir, 'db.sqlite'), '--json'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd: dir, env: {} });
    return { code, out, err };
  };
  for (const cmd of [['claims', '--relation', 'conflict'], ['conflicts'], ['dates', '--source', 'a'], ['events', '--from', '1936'], ['timeline', '--by', 'perspective']]) {
    const r = await run(...cmd);
    assert.equal(r.code, 0, cmd.join(' ') + r.err);
    assert.equal((JSON.parse(r.out) as { ok: boolean }).ok, true, cmd.join(' '));
  }
  const bad = await run('events', '--from', 'soon');
  assert.notEqual(bad.code, 0);
  assert.match(bad.out + bad.err, /from/);
});
