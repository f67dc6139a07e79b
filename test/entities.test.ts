/**
 * Entities: name keys across scripts, mention detection invariants, clustering with
 * evidence, curation replay (surviving re-ingest), exports, search across spellings, and
 * the HTTP and CLI skins. Golden files for the extractor live in test/golden/entities.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { analyzeEntities, type DocInput } from '../src/analyze/entities/index.js';
import { nameKeys, soundKeys, soundMatch } from '../src/analyze/entities/keys.js';
import { givenName, ruSurnameForms } from '../src/analyze/entities/morph.js';
import { replay, undoneSet, validateAction } from '../src/analyze/entities/curation.js';
import { main } from '../src/cli/main.js';
import { ops } from '../src/ops/index.js';
import { buildApp } from '../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
const GOLDEN = join(ROOT, 'test/golden/entities');

const sameKey = (a: string, b: string) => nameKeys(a).some((k) => nameKeys(b).includes(k));

test('name keys: one surname across scripts and transliteration schemes', () => {
  const groups = [
    ['Pyatakov', 'Piatakov', 'Piatakoff', 'PYATAKOV', 'Пятаков'],
    ['Yezhov', 'Ezhov', 'Ежов', 'Jeschow', 'Iejov', 'Yezhoff', 'Ežov'],
    ['Bukharin', 'Bucharin', 'Boukharine', 'Бухарин'],
    ['Vyshinsky', 'Vishinsky', 'Вышинский', 'Vyshinskii', 'Vychinski', 'Vyšinskij'],
    ['Zinoviev', 'Зиновьев', "Zinov'ev", 'Sinowjew', 'Zinovieff', 'Zinovyev'],
    ['Tukhachevsky', 'Tuchatschewski', 'Toukhatchevski', 'Тухачевский'],
    ['Trotsky', 'Trotzki', 'Trotski', 'Троцкий'],
    ['Yagoda', 'Jagoda', 'Ягода'],
    ['Ordzhonikidze', 'Ordjonikidze', 'Орджоникидзе'],
    // Western names as Russian writes them
    ['Rosenberg', 'Розенберг'],
    ['Ethel', 'Этель'],
    ['Vanzetti', 'Ванцетти'],
    ['Greenglass', 'Грингласс'],
    ['Esterhazy', 'Эстерхази'],
    ['Sacco', 'Сакко'],
  ];
  for (const g of groups) for (const n of g) assert.ok(sameKey(g[0] as string, n), `${g[0]} ~ ${n}: ${nameKeys(g[0] as string)} / ${nameKeys(n)}`);
});

test('name keys: false friends keep different keys', () => {
  for (const [a, b] of [
    ['Medved', 'Medvedev'],
    ['Davies', 'Davis'],
    ['Kamenev', 'Kameneva'],
    ['Smirnov', 'Smirnova'],
    ['Karev', 'Kirov'],
    ['Serge', 'Sergo'],
  ] as const) {
    assert.ok(!sameKey(a, b), `${a} vs ${b}: ${nameKeys(a)} / ${nameKeys(b)}`);
  }
});

test('given names: variants across languages, Russian case forms, initials', () => {
  const id = (w: string) => givenName(w)?.id;
  assert.equal(id('Gregory'), id('Grigory'));
  assert.equal(id('Grigorii'), id('Григорий'));
  assert.equal(id('Nickolai'), id('Nicholas'));
  assert.equal(id('Николая'), id('Nikolai'));
  assert.equal(id('Льва'), id('Leon'));
  assert.notEqual(id('Ivan'), id('John'));
  assert.ok(givenName('Joseph')!.initials.includes('i') && givenName('Joseph')!.initials.includes('j'));
  assert.equal(givenName('Мильда')?.female, true);
});

test('Russian surname forms: masculine cases, feminine forms, the ambiguous -ова', () => {
  assert.deepEqual(ruSurnameForms('Котолыновым'), { lemmas: ['котолынов'], gender: 'm' });
  assert.deepEqual(ruSurnameForms('Николаевой'), { lemmas: ['николаева'], gender: 'f' });
  assert.equal(ruSurnameForms('Николаева').gender, '?');
  assert.deepEqual(ruSurnameForms('Вышинского'), { lemmas: ['вышинский'], gender: 'm' });
});

function doc(text: string, sourceId = 'd1', versionId = 1): DocInput {
  // one passage per paragraph, as the segmenter would make them
  const passages: DocInput['passages'] = [];
  let at = 0;
  for (const para of text.split(/\n\n/)) {
    passages.push({ key: `p${passages.length}`, start: at, end: at + para.length });
    at += para.length + 2;
  }
  return { sourceId, versionId, text, passages };
}

test('Russian case forms: a surname in -ия declines (Берия, Берии, Берию, Берией); the nominative most forms share wins (Радеку → Радек); adjectives before their noun are no names', () => {
  const r = analyzeEntities([doc('Дело Л. П. Берия рассматривал суд. Приговор Берии оглашён. Берию расстреляли. Суд над Берией был закрытым. Радек сказал речь. Радека судили. Радеку дали десять лет. Процесс шёл в Имперском суде. Его лечили в Кремлёвской больнице. Лес в Медведевском лесу.')]);
  const key = (t: string) => r.mentions.filter((m) => m.text === t).map((m) => m.entity);
  assert.deepEqual(new Set([...key('Берии'), ...key('Берию'), ...key('Берией'), ...key('Л. П. Берия')]).size, 1);
  assert.deepEqual(new Set([...key('Радек'), ...key('Радека'), ...key('Радеку')]).size, 1);
  assert.deepEqual(key('Имперском'), []);
  assert.deepEqual(key('Кремлёвской'), []);
});

test('sound keys: foreign names as Russian writes them by sound; different names stay apart', () => {
  for (const [a, b] of [
    ['Szilágyi', 'Силади'], ['Losonczy', 'Лошонци'], ['Nagy', 'Надь'], ['Vásárhelyi', 'Вашархейи'], ['Ferenc', 'Ференц'], ['József', 'Йожеф'],
    ['Ceaușescu', 'Чаушеску'], ['Göring', 'Геринг'], ['Lubbe', 'Люббе'], ['Hayden', 'Хейден'], ['Dellinger', 'Деллинджер'], ['Julius', 'Джулиус'],
    ['Copenhagen', 'Копенгаген'], ['Leipzig', 'Лейпциг'], ['Warsaw', 'Варшава'], ['Watson', 'Уотсон'], ['Piatakoff', 'Пятаков'],
    ['Tojo', 'Тодзио'], ['Koichi', 'Коити'], ['Hirota', 'Хироту'],
  ] as const) assert.ok(soundMatch(a, b), `${a} ~ ${b}: ${soundKeys(a)} / ${soundKeys(b)}`);
  for (const [a, b] of [['Allen', 'Александр'], ['Radek', 'Рыков'], ['Sokolnikov', 'Серебряков'], ['Losonczy', 'Лисицын']] as const) assert.ok(!soundMatch(a, b), `${a} vs ${b}`);
  // a Cyrillic name has one reading; every reading is made of the class letters only
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), (s) => soundKeys(s).every((k) => /^[BPDTLMNRSKJV]+$/.test(k) && !/(.)\1/.test(k))));
});

test('transcription: a foreign surname written only in Latin letters joins the one written only in Cyrillic that sounds like it; given names follow', () => {
  const en = doc('In 1951 the police arrested József Szilágyi. The court gave Szilágyi twelve years. The poet Allen Ginsberg read a poem.', 'en', 1);
  const ru = doc('В 1951 году был арестован Йожеф Силади. Суд дал Йожефу Силади двенадцать лет. Был арестован и поэт Александр Гинзбург.', 'ru', 2);
  const r = analyzeEntities([en, ru]);
  const key = (t: string) => [...new Set(r.mentions.filter((m) => m.text === t).map((m) => m.entity))];
  assert.equal(key('József Szilágyi')[0], key('Йожеф Силади')[0]);
  assert.equal(key('Йожефу Силади')[0], key('Йожеф Силади')[0]);
  assert.equal(key('József Szilágyi').length, 1);
  const e = r.entities.find((x) => x.key === key('József Szilágyi')[0])!;
  assert.ok(e.evidence.some((ev) => ev.rule === 'transcription'), JSON.stringify(e.evidence));
  // same consonants, but the given names clash: two people
  assert.notEqual(key('Allen Ginsberg')[0], key('Александр Гинзбург')[0]);
});

test('transcription: a name Russian writes family name first, and a case form whose nominative only the Latin texts write', () => {
  const en = doc('The tribunal sentenced Hideki Tojo and Koki Hirota to death. Anastas Mikoyan flew in from Moscow.', 'en', 1);
  const ru = doc('Трибунал приговорил к смерти Тодзио Хидэки и Хироту Коки. Про Микояна потом все говорили.', 'ru', 2);
  const r = analyzeEntities([en, ru]);
  const key = (t: string) => r.mentions.find((m) => m.text === t)?.entity;
  assert.equal(key('Тодзио Хидэки'), key('Hideki Tojo'));
  assert.equal(key('Хироту Коки'), key('Koki Hirota'));
  assert.equal(key('Микояна'), key('Anastas Mikoyan'));
  assert.ok(key('Hideki Tojo') && key('Hideki Tojo') !== key('Koki Hirota'));
});

test('transcription: no join when a Latin surname could be either of two Cyrillic ones', () => {
  const en = doc('The court heard the defendant Nagy.', 'en', 1);
  const ru = doc('Суд выслушал подсудимого Надя. Потом выступил свидетель Нодь.', 'ru', 2);
  const r = analyzeEntities([en, ru]);
  const key = (t: string) => r.mentions.find((m) => m.text === t)?.entity;
  assert.ok(key('Nagy') && key('Надя') && key('Нодь'), JSON.stringify(r.mentions.map((m) => m.text)));
  assert.notEqual(key('Nagy'), key('Надя'));
  assert.notEqual(key('Nagy'), key('Нодь'));
});

test('places: a name after a place preposition elsewhere is a place, across scripts and case forms; persons after "to" stay persons', () => {
  const en = doc('The couple fled Bucharest by helicopter. They were buried in Bucharest. Radek sent the letters to Zaporozhets. Zaporozhets read them.', 'en', 1);
  const ru = doc('Суд прошёл под Бухарестом. В Бухаресте начались волнения.', 'ru', 2);
  const r = analyzeEntities([en, ru]);
  const of = (t: string) => r.mentions.filter((m) => m.text === t).map((m) => `${m.type} ${m.entity}`);
  assert.deepEqual([...new Set(of('Bucharest'))], ['place place:bucharest']);
  assert.deepEqual(of('Бухарестом'), ['place place:bucharest']);
  assert.deepEqual(of('Бухаресте'), ['place place:bucharest']);
  // ("to X" names people as often as places: it teaches nothing about X elsewhere)
  const zl = r.mentions.filter((m) => m.text === 'Zaporozhets');
  assert.equal(zl[zl.length - 1]!.type, 'person', JSON.stringify(zl));
});

test('an English word written as a name is a name when the Russian texts of the corpus write it as one (Hiss / Хисс)', () => {
  const en = doc('The committee heard that Hiss had belonged to a secret cell. Hiss denied it.', 'en', 1);
  const ru = doc('Комиссия выслушала показания о том, что Хисс состоял в ячейке. Хисса признали виновным.', 'ru', 2);
  const of = (r: ReturnType<typeof analyzeEntities>, t: string) => [...new Set(r.mentions.filter((m) => m.text === t).map((m) => m.entity))];
  const both = analyzeEntities([en, ru]);
  assert.deepEqual(of(both, 'Hiss'), of(both, 'Хисс'));
  assert.equal(of(both, 'Hiss').length, 1);
  // alone, a dictionary word with nothing around it to cue a name stays a word
  assert.deepEqual(of(analyzeEntities([doc('Smoke rose and the Hiss of steam filled the hall.', 'en', 1)]), 'Hiss'), []);
});

test('what follows "of" after an office is a place or a body, not a person', () => {
  const r = analyzeEntities([doc('General Göring, Prime Minister of Prussia, gave evidence. Lowell, the president of Harvard, wrote the report.')]);
  const t = (x: string) => r.mentions.find((m) => m.text === x)?.type;
  assert.equal(t('Prussia'), 'place');
  assert.equal(t('Harvard'), 'organization');
  // a surname-shaped word after a place preposition and before a known country is a place
  const s = analyzeEntities([doc('The couple were seized by Soviet officers and taken to Snagov in Romania. Kamenev met Smirnov.')]);
  assert.equal(s.mentions.find((m) => m.text === 'Snagov')?.type, 'place');
});

test('property: every mention re-slices its text, lies in its passage, and mentions never overlap', () => {
  const word = fc.constantFrom(
    'Pyatakov', 'Comrade', 'Stalin', 'said', 'the', 'NKVD', 'in', 'Moscow', 'I.', 'N.', 'Smirnov', 'Trial', 'of', 'Sixteen', 'case', 'Shakhty',
    'Пятаков', 'Николаева', 'в', 'Москве', "Zinov'ev", 'Stalin’s', 'U.S.S.R.', 'Medvedev,', 'Roy.', '—', '"', 'Bukharin-Rykov', 'and', 'THE',
    'TRIAL', 'Professor', 'Trotskyite', 'Ezhovshchina', 'von', 'der', 'Lubbe', 'Great', 'Unknown',
  );
  const para = fc.array(word, { minLength: 1, maxLength: 25 }).map((ws) => ws.join(' ').replace(/ ([,.])/g, '$1'));
  fc.assert(
    fc.property(fc.array(para, { minLength: 1, maxLength: 4 }), (paras) => {
      const d = doc(paras.join('\n\n'));
      const r = analyzeEntities([d]);
      let lastEnd = -1;
      for (const m of [...r.mentions].sort((a, b) => a.start - b.start)) {
        assert.equal(d.text.slice(m.start, m.end), m.text);
        assert.ok(m.start < m.end, 'empty mention');
        assert.ok(m.start >= lastEnd, `overlap at ${m.start}`);
        const p = d.passages.find((x) => x.key === m.passageKey)!;
        assert.ok(m.start >= p.start && m.end <= p.end, 'outside its passage');
        assert.ok(r.entities.some((e) => e.key === m.entity), 'mention without entity');
        lastEnd = m.end;
      }
    }),
    { numRuns: 150 },
  );
});

test('analysis is deterministic: same documents, same mention keys, entity keys and names', () => {
  const text = readFileSync(join(GOLDEN, 'input', 'spellings.txt'), 'utf8');
  const a = analyzeEntities([doc(text)]);
  const b = analyzeEntities([doc(text)]);
  assert.deepEqual(a, b);
});

// ---------------- golden files: input text → mentions and entities
function goldenOutput(text: string) {
  const r = analyzeEntities([doc(text)]);
  return {
    mentions: r.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity })),
    entities: r.entities.map((e) => ({
      key: e.key,
      type: e.type,
      name: e.name,
      ambiguous: e.ambiguous,
      aliases: [...new Set(e.mentions.map((i) => r.mentions[i]!.text))].sort(),
      rules: [...new Set(e.evidence.map((x) => x.rule))].sort(),
    })),
  };
}

for (const f of readdirSync(join(GOLDEN, 'input')).filter((f) => f.endsWith('.txt')).sort()) {
  test(`golden: entities of ${f}`, () => {
    const text = readFileSync(join(GOLDEN, 'input', f), 'utf8');
    const got = goldenOutput(text);
    const out = join(GOLDEN, 'output', f.replace(/\.txt$/, '.json'));
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(join(GOLDEN, 'output'), { recursive: true });
      writeFileSync(out, JSON.stringify(got, null, 2) + '\n');
    }
    assert.deepEqual(got, JSON.parse(readFileSync(out, 'utf8')));
  });
}

// ---------------- curation (pure)
test('curation: actions are validated with messages that say what is missing', () => {
  assert.throws(() => validateAction({ action: 'merge', keys: ['a'] }), /at least two/);
  assert.throws(() => validateAction({ action: 'rename', key: 'a' }), /needs "key" and "name"/);
  assert.throws(() => validateAction({ action: 'explode' }), /unknown action/);
  assert.deepEqual(validateAction({ action: 'undo', seq: '3' }), { action: 'undo', seq: 3 });
});

test('curation: undo of an undo re-applies; replay moves mentions and reports stale keys', () => {
  const entries = [
    { seq: 1, at: '', action: 'merge', args: { keys: ['person:a', 'person:b'] } },
    { seq: 2, at: '', action: 'undo', args: { seq: 1 } },
    { seq: 3, at: '', action: 'undo', args: { seq: 2 } },
    { seq: 4, at: '', action: 'rename', args: { key: 'person:gone', name: 'X' } },
  ];
  assert.deepEqual([...undoneSet(entries)], [2]);
  const mentions = [
    { key: 'm1', text: 'A', type: 'person' as const, sourceId: 's', baseEntity: 'person:a' },
    { key: 'm2', text: 'B', type: 'person' as const, sourceId: 's', baseEntity: 'person:b' },
  ];
  const base = [
    { key: 'person:a', type: 'person' as const, name: 'A', ambiguous: false, evidence: [] },
    { key: 'person:b', type: 'person' as const, name: 'B', ambiguous: false, evidence: [] },
  ];
  const r = replay(mentions, base, entries);
  assert.equal(r.assignment.get('m2'), 'person:a');
  assert.equal(r.entities.has('person:b'), false);
  assert.equal(r.status.get(1)?.status, 'applied');
  assert.equal(r.status.get(2)?.status, 'undone');
  assert.equal(r.status.get(4)?.status, 'stale');
});

// ---------------- a small corpus through the real pipeline
let dir: string;
let dbPath: string;
let store: SqliteStore;

const CORPUS: Record<string, string> = {
  'en-report.txt': `The Second Trial\n\nIn January 1937 Yuri Pyatakov stood trial in Moscow with Karl Radek. Pyatakov confessed; the prosecutor Andrei Vyshinsky demanded death. Radek said little. The NKVD had prepared the case.\n\nI. N. Smirnov had been tried in August 1936. A. P. Smirnov was shot in 1938.\n`,
  'ru-note.txt': `Процесс\n\nВ январе 1937 года Пятаков и Радек предстали перед судом в Москве. Обвинение поддерживал Вышинский. Ежов руководил НКВД.\n`,
  'forum.txt': `Re: trials\n\nPiatakoff was a Trotskyist, said Vishinsky. Bakhurin and Bukharin are the same man, a typo.\n\nNickolai Bukharin was tried in 1938. Bukharin wrote letters. Bukharin confessed. Bukharin was shot. Bukharin's widow survived. Bukharin, Bukharin.\n\nComrade Stalin watched. Old comrades from Tiflis still said Koba, and Koba said nothing. His mother called him Soso; Soso was her only son.\n`,
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inquiry-entities-'));
  const src = join(dir, 'src');
  mkdirSync(src);
  for (const [f, t] of Object.entries(CORPUS)) writeFileSync(join(src, f), t);
  dbPath = join(dir, 'db.sqlite');
  store = openSqliteStore(dbPath);
  await ops.ingest(store, [src], { workers: false });
  await ops.analyze(store);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const findEntity = async (name: string) => (await ops.entities(store, { q: name, type: 'person' })).items[0];

test('pipeline: one person across scripts and spellings, with evidence; raw spans re-slice', async () => {
  const p = await findEntity('Pyatakov');
  assert.ok(p, 'Pyatakov found');
  const e = await ops.entity(store, p.key);
  const names = e.aliases.map((a) => a.name).sort();
  for (const n of ['Pyatakov', 'Yuri Pyatakov', 'Пятаков', 'Piatakoff']) assert.ok(names.includes(n), `${n} in ${names}`);
  assert.ok(e.evidence.some((x) => x.rule === 'transliteration'), JSON.stringify(e.evidence));
  assert.equal(e.sources, 3);
  for (const m of e.mentionList) {
    const v = (await store.getVersionTexts((await store.getSource(m.sourceId))!.versionId))!;
    assert.equal(v.cleanText.slice(m.start, m.end), m.text);
    assert.equal(v.rawText.slice(m.rawStart, m.rawEnd), m.text);
    assert.equal(m.context.text.slice(m.context.start, m.context.end), m.text);
  }
});

test('pipeline: two Smirnovs stay apart; a derived word is no person; NKVD is one organization in two scripts', async () => {
  const smirnovs = (await ops.entities(store, { q: 'Smirnov', type: 'person' })).items;
  assert.equal(smirnovs.filter((s) => !s.ambiguous).length, 2, JSON.stringify(smirnovs));
  assert.equal((await ops.entities(store, { q: 'Trotskyist' })).items.length, 0);
  const nkvd = (await ops.entities(store, { q: 'NKVD', type: 'organization' })).items[0];
  assert.ok(nkvd && nkvd.aliases.some((a) => a.name === 'НКВД'), JSON.stringify(nkvd));
});

test('search: a name in another script or spelling finds the same person; exact spelling does not', async () => {
  const all = await ops.search(store, { q: 'Пятаков' });
  assert.ok(all.hits.some((h) => h.sourceId.startsWith('en-report')), 'Cyrillic query finds the English report');
  assert.ok(all.expanded.length > 0 && all.expanded[0]!.variants.includes('Pyatakov'));
  const exact = await ops.search(store, { q: 'Пятаков', spelling: 'exact' });
  assert.ok(exact.hits.every((h) => h.sourceId.startsWith('ru-note')));
  const other = await ops.search(store, { q: 'Piatakoff' });
  assert.ok(other.hits.some((h) => h.sourceId.startsWith('en-report')));
});

test('exports: entities and mentions with spans; the network as GraphML and GEXF', async () => {
  const collect = async (kind: string, format: string) => {
    let s = '';
    for await (const c of ops.export(store, { kind, format }).chunks) s += c;
    return s;
  };
  const ents = (await collect('entities', 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
  const p = ents.find((e) => e.name.includes('Pyatakov'));
  assert.ok(p.mentionSpans.length >= 4);
  for (const k of ['source', 'start', 'end', 'rawStart', 'rawEnd', 'text']) assert.ok(k in p.mentionSpans[0], k);
  const csv = await collect('mentions', 'csv');
  assert.match(csv.split('\r\n')[0]!, /^key,entity,entityName,type,sourceId,fileName,passageKey,start,end,rawStart,rawEnd,text,cue$/);
  const gml = await collect('network', 'graphml');
  assert.match(gml, /<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
  assert.match(gml, /<edge id="e0" source="[^"]+" target="[^"]+"><data key="weight">\d+<\/data><\/edge>/);
  const gexf = await collect('network', 'gexf');
  assert.match(gexf, /<gexf xmlns="http:\/\/gexf.net\/1.3"/);
  assert.equal((gexf.match(/<node /g) ?? []).length, (gml.match(/<node /g) ?? []).length);
  assert.throws(() => ops.export(store, { kind: 'network', format: 'csv' }), /graphml, gexf or json/);
});

test('curation: merge, rename, alias, split, undo; replayed after re-ingest; exported and imported', async () => {
  const buk = (await findEntity('Stalin'))!;
  // Koba is on the list of well-known pseudonyms: merged, with the evidence
  const koba = await ops.entity(store, buk.key);
  assert.ok(koba.aliases.some((a) => a.name === 'Koba'), JSON.stringify(koba.aliases));
  assert.ok(koba.evidence.some((x) => x.rule === 'pseudonym' && x.aliases.includes('Koba')), JSON.stringify(koba.evidence));
  // a nickname the list does not know is not merged on its own
  const bak = (await findEntity('Soso'))!;
  assert.ok(bak, 'Soso is a person');
  assert.notEqual(bak.key, buk.key, 'an unknown nickname is not merged on its own');
  const m = await ops.curate(store, { action: 'merge', keys: [buk.key, bak.key] });
  assert.equal(m.entry.status, 'applied');
  await ops.curate(store, { action: 'rename', key: buk.key, name: 'Iosif Vissarionovich Stalin' });
  assert.equal((await ops.entity(store, buk.key)).name, 'Iosif Vissarionovich Stalin');
  assert.ok((await ops.entity(store, buk.key)).aliases.some((a) => a.name === 'Soso'));
  assert.ok((await ops.entity(store, buk.key)).evidence.some((x) => x.rule === 'curation'));
  await assert.rejects(ops.entity(store, bak.key), /no entity/);
  // a spelling added by hand is searched for
  await ops.curate(store, { action: 'alias', key: buk.key, alias: 'Dzhugashvili' });
  const s = await ops.search(store, { q: 'Dzhugashvili' });
  assert.ok(s.hits.some((h) => h.sourceId.startsWith('forum')), 'the spelling added by hand finds the person');
  // split two mentions off, then undo the split
  const e = await ops.entity(store, buk.key);
  const two = e.mentionList.slice(0, 2).map((x) => x.key);
  const sp = await ops.curate(store, { action: 'split', key: buk.key, mentions: two, name: 'Someone Else' });
  assert.equal((await ops.entity(store, sp.entity!.key)).mentions, 2);
  await ops.curate(store, { action: 'undo', seq: sp.entry.seq });
  await assert.rejects(ops.entity(store, sp.entity!.key), /no entity/);
  // re-ingest a changed file, re-analyze: the curation survives
  writeFileSync(join(dir, 'src', 'forum.txt'), CORPUS['forum.txt'] + '\nThey said Soso again, and Stalin.\n');
  await ops.ingest(store, [join(dir, 'src')], { workers: false });
  await ops.analyze(store);
  const again = await ops.entity(store, buk.key);
  assert.equal(again.name, 'Iosif Vissarionovich Stalin');
  assert.ok(again.aliases.some((a) => a.name === 'Soso' && a.count >= 3), JSON.stringify(again.aliases));
  const log = await ops.curationLog(store);
  assert.deepEqual(log.map((x) => x.status), ['applied', 'applied', 'applied', 'undone', 'applied']);
  // the log moves to another project
  const file = await ops.exportCuration(store);
  const other = openSqliteStore(':memory:');
  try {
    await ops.ingest(other, [join(dir, 'src')], { workers: false });
    await ops.analyze(other);
    const r = await ops.importCuration(other, file, 'log.json');
    assert.deepEqual(r.problems, []);
    assert.equal((await ops.entity(other, buk.key)).name, 'Iosif Vissarionovich Stalin');
    await assert.rejects(ops.importCuration(other, { nope: 1 }, 'bad.json'), /bad.json: not an Inquiry curation file/);
  } finally {
    await other.close();
  }
});

test('HTTP: entity pages and their JSON twins, the graph, reader mentions, curation and read-only 405', async () => {
  const app = buildApp(store, { webRoot: join(dir, 'noweb') });
  try {
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, json: JSON.parse(r.body) };
    };
    const list = await get('/api/entities?type=person&limit=5');
    assert.equal(list.status, 200);
    assert.ok(list.json.items.length > 0 && list.json.types.person > 0);
    assert.deepEqual((await get('/entities.json?type=person&limit=5')).json, list.json);
    const key = list.json.items[0].key as string;
    const one = await get(`/api/entities/${encodeURIComponent(key)}`);
    assert.equal(one.json.entity.key, key);
    assert.ok(Array.isArray(one.json.entity.mentions) && one.json.entity.mentionCount > 0);
    assert.deepEqual((await get(`/entities/${encodeURIComponent(key)}.json`)).json, one.json);
    assert.equal((await get('/api/entities/person%3Anobody')).status, 404);
    assert.equal((await get('/api/entities?type=alien')).status, 400);
    const g = await get('/api/graph/entities?minWeight=1');
    assert.ok(g.json.nodes.length > 0 && Array.isArray(g.json.edges));
    const src = (await store.listSources())[0]!;
    const ms = await get(`/api/sources/${encodeURIComponent(src.id)}/mentions`);
    assert.ok(ms.json.mentions.length > 0 && ms.json.mentions.every((m: { name: string }) => typeof m.name === 'string'));
    const bad = await app.inject({ method: 'POST', url: '/api/curation', payload: { action: 'rename', key } });
    assert.equal(bad.statusCode, 400);
    assert.equal(JSON.parse(bad.body).ok, false);
    const ok = await app.inject({ method: 'POST', url: '/api/curation', payload: { action: 'rename', key, name: 'Renamed Over HTTP' } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await get(`/api/entities/${encodeURIComponent(key)}`)).json.entity.name, 'Renamed Over HTTP');
    assert.ok((await get('/api/curation')).json.entries.length > 0);
  } finally {
    await app.close();
  }
  const ro = openSqliteStore(dbPath, { readonly: true });
  const app2 = buildApp(ro, { webRoot: join(dir, 'noweb') });
  try {
    const r = await app2.inject({ method: 'POST', url: '/api/curation', payload: { action: 'rename', key: 'x', name: 'y' } });
    assert.equal(r.statusCode, 405);
  } finally {
    await app2.close();
    await ro.close();
  }
});

test('CLI: entities, entity show, entity rename/log, export network', async () => {
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd: dir, env: {} });
    return { code, out, err };
  };
  const l = await run('entities', '--db', dbPath, '--type', 'person', '--json');
  assert.equal(l.code, 0, l.err);
  const key = JSON.parse(l.out).items[0].key as string;
  const s = await run('entity', 'show', key, '--db', dbPath);
  assert.equal(s.code, 0, s.err);
  assert.match(s.out, /aliases:/);
  const r = await run('entity', 'rename', key, 'Named From The CLI', '--db', dbPath);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /rename: applied/);
  const log = await run('entity', 'log', '--db', dbPath, '--json');
  assert.ok(JSON.parse(log.out).entries.some((e: { args: { name?: string } }) => e.args.name === 'Named From The CLI'));
  const bad = await run('entity', 'merge', key, 'person:nobody', '--db', dbPath);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /no entity "person:nobody"/);
  const net = await run('export', 'network', '--db', dbPath, '--format', 'gexf');
  assert.equal(net.code, 0, net.err);
  assert.match(net.out, /<gexf /);
});
