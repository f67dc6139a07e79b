/**
 * Mentions into entities, with the evidence for every merge.
 *
 * Persons: a surname's spellings are joined when their readings share a key (same spelling
 * folded, other script, other scheme); a rare spelling joins a far more frequent one when it
 * is a near miss (typo). Within one surname, given names and initials split different people
 * (I. N. Smirnov / A. P. Smirnov): full names make the clusters, initials join the one they fit,
 * and a bare surname goes to the person named in full nearest before it in the same source,
 * or, when the corpus knows only one person of that surname, to that person; otherwise it is
 * kept apart as an ambiguous entity rather than merged blindly.
 */
import { fastKey } from '../../core/ids.js';
import type { Candidate, DocInput, EntityType } from './detect.js';
import { gazetteerPlace } from './detect.js';
import { cyrillicKey, editDistance, hasCyrillic, looseKey, nameKeys, phraseKey, primaryKey, skeleton, soundKeys, soundMatch } from './keys.js';
import { ALIAS_GAP, FUNCTION_WORDS, NOT_NAMES_ALONE, ORG_HEADS, PERSON_TITLES, PSEUDONYMS } from './lexicon.js';
import { PLACE_GROUPS } from './places.js';
import { genericLemmas, givenName, isMasculineOblique, isPatronymic, looksLikeRussianSurname, ruSurnameForms, titleCase, type GivenName } from './morph.js';

/** how far back (characters) a full name decides who a bare surname is */
const CLOSE_WINDOW = 400;
/** how far back a full name gives a lone given name its person */
const GIVEN_WINDOW = 3000;

export interface Evidence {
  rule: string;
  detail: string;
  aliases: string[];
}

export interface Mention {
  key: string;
  doc: number;
  sourceId: string;
  versionId: number;
  passageKey: string;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  cue: string;
  /** entity key from automatic clustering */
  entity: string;
}

export interface Entity {
  key: string;
  type: EntityType;
  name: string;
  ambiguous: boolean;
  evidence: Evidence[];
  /** indexes into the mention list */
  mentions: number[];
}

interface PersonParse {
  surname: string; // lemma as written (Cyrillic lemma, or Latin spelling)
  surnameKeys: string[];
  given: GivenName | null;
  givenForm: string | null;
  initials: string; // lowercase initials in order (given, patronymic)
  patronymicInitial: string;
  female: boolean;
  caseNote: string | null;
}

const PARTICLE_WORDS = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'du', 'la', 'le', 'ibn', 'bin', 'al', 'da', 'dos', 'ter']);

/** a given name the lexicon does not know (Zhores, Homer, Akmal): keyed by its own spelling */
function unknownGiven(w: string): GivenName | null {
  const l = w.toLowerCase();
  if (FUNCTION_WORDS.has(l) || NOT_NAMES_ALONE.has(l) || PERSON_TITLES.has(l) || ORG_HEADS.has(l)) return null;
  // a misspelt title ("Marshall Tukhachevsky") is no given name
  if (l.length >= 5) for (const t of PERSON_TITLES) if (t.length >= 5 && Math.abs(t.length - l.length) <= 1 && editDistance(t, l, 1) <= 1) return null;
  if (!/^\p{Lu}[\p{Ll}'’-]+$/u.test(w) && !/^\p{Lu}+$/u.test(w)) return null;
  const id = primaryKey(w);
  return id ? { id, display: titleCase(w), female: false, initials: w[0]!.toLowerCase() } : null;
}

/** the first letter as a Latin key letter (Cyrillic С → s, Ж → z), so initials compare across scripts */
function latinInitial(w: string): string {
  const c = w[0] as string;
  return hasCyrillic(c) ? (cyrillicKey(c)[0] ?? c.toLowerCase()) : c.toLowerCase();
}

function stripDot(w: string): string {
  return w.endsWith('.') ? w.slice(0, -1) : w;
}

/** the Cyrillic forms a corpus writes, with how many forms decline from each candidate nominative */
type CyrForms = Set<string> & { support?: Map<string, number>; latinKeys?: Set<string> };

/** split a person's name into given name, initials, patronymic and surname */
function parsePerson(words: string[], cyrForms: Set<string>, femaleContext = false): PersonParse | null {
  // dotted initials written together ("I.N.") count one by one
  const ws = words
    .flatMap((w) => (/^(?:\p{Lu}\.){2,}$/u.test(w) ? w.split('.').filter((x) => x.length > 0) : [w]))
    .map(stripDot)
    .filter((w) => w.length > 0);
  if (ws.length === 0) return null;
  let surnameIdx = ws.length - 1;
  // "Smirnov I. N." style: trailing initials
  while (surnameIdx > 0 && /^\p{Lu}$/u.test(ws[surnameIdx] as string)) surnameIdx--;
  let given: GivenName | null = null;
  let givenForm: string | null = null;
  let initials = '';
  let patronymicInitial = '';
  let femaleGiven = false;
  let mascOblique = false;
  for (let i = 0; i < ws.length; i++) {
    if (i === surnameIdx) continue;
    const w = ws[i] as string;
    if (/^\p{Lu}$/u.test(w)) {
      initials += latinInitial(w);
      if (initials.length === 2) patronymicInitial = latinInitial(w);
      continue;
    }
    if (isPatronymic(w)) {
      patronymicInitial = latinInitial(w);
      continue;
    }
    const g = givenName(w) ?? (i < surnameIdx && !PARTICLE_WORDS.has(w.toLowerCase()) ? unknownGiven(w) : null);
    if (g && !given) {
      given = g;
      givenForm = w;
      femaleGiven = g.female;
      mascOblique = isMasculineOblique(w);
      initials = initials || latinInitial(w);
      continue;
    }
  }
  let surname = ws[surnameIdx] as string;
  if (surname.length < 2) return null;
  let female = femaleGiven;
  let caseNote: string | null = null;
  if (hasCyrillic(surname)) {
    const f = ruSurnameForms(surname);
    let lemma = f.lemmas[0] as string;
    if (f.gender === 'f') female = true;
    if (f.gender === '?' && f.lemmas.length > 1) {
      // Николаева: "of Nikolaev" or a woman's name. A masculine given name in an oblique case
      // before it decides for him, a feminine one for her; otherwise the corpus decides: the
      // masculine forms seen (Николаев, Николаевым) and no feminine-only form (Николаевой).
      const masc = f.lemmas[0] as string;
      const fem = f.lemmas[1] ?? masc;
      const femaleCue = femaleGiven || femaleContext;
      if (!femaleCue) {
        lemma = masc;
        caseNote = mascOblique ? 'masculine given name in an oblique case' : 'an -а/-у form of a masculine surname (genitive, accusative or dative) unless a feminine name or verb shows a woman';
      } else {
        lemma = fem;
        female = true;
      }
    } else if (lemma !== surname.toLowerCase()) {
      caseNote = 'case ending';
    } else {
      // not a Russian-type surname (Радек, Медведь, Запорожец): a case form whose nominative the corpus shows
      // (a nominative the corpus writes before one only inferred, the one most forms decline from first: Радеку → Радек, not Радека)
      const support = (x: string) => (cyrForms as CyrForms).support?.get(x) ?? 0;
      const ls = genericLemmas(surname).filter((x) => cyrForms.has(x));
      const written = ls.filter((x) => !cyrForms.has('+' + x)).sort((a, b) => support(b) - support(a));
      // (or the nominative the corpus writes in Latin letters: «Микояна», «Окавы» beside "Mikoyan", "Okawa")
      const latin = (cyrForms as CyrForms).latinKeys;
      const l = written[0] ?? (cyrForms.has('=' + surname.toLowerCase()) ? undefined : ls[0] ?? (latin ? genericLemmas(surname.toLowerCase()).find((x) => latin.has(cyrillicKey(x))) : undefined));
      if (l) {
        lemma = l;
        caseNote = 'case ending (the nominative occurs in the corpus)';
      }
    }
    surname = lemma;
  }
  const keys = nameKeys(surname);
  if (keys.length === 0) return null;
  return { surname, surnameKeys: keys, given, givenForm, initials, patronymicInitial, female, caseNote };
}

/** add a value to the set a map holds under a key, making the set when it is the first */
function addToSet<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) {
      this.parent.set(x, x);
      return x;
    }
    if (p === x) return x;
    const r = this.find(p);
    this.parent.set(x, r);
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // deterministic: the smaller key is the root
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

const SOURCE_PREFIX = new Map<string, string>();

/** a mention's key: a short hash of its source, then its start and length (base 36): stable, unique per span */
function mentionKey(sourceId: string, start: number, end: number): string {
  let p = SOURCE_PREFIX.get(sourceId);
  if (p === undefined) {
    p = 'm' + fastKey([sourceId]).slice(0, 8);
    SOURCE_PREFIX.set(sourceId, p);
  }
  return `${p}.${start.toString(36)}.${(end - start).toString(36)}`;
}

function initialsDisplay(s: { initials: string; patronymic: string }): string {
  const letters = [s.initials[0], s.patronymic].filter((x): x is string => !!x);
  return letters.map((l) => l.toUpperCase() + '.').join(' ');
}

function displaySurname(form: string): string {
  if (hasCyrillic(form)) return form.slice(0, 1).toUpperCase() + form.slice(1);
  return form === form.toUpperCase() ? titleCase(form) : form;
}

/** most frequent value; ties go to the first in sort order (deterministic) */
function mode(values: string[], prefer?: (v: string) => boolean): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let n = -1;
  for (const [v, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const score = c + (prefer && prefer(v) ? 1e6 : 0);
    if (score > n) [best, n] = [v, score];
  }
  return best;
}

export interface ClusterResult {
  mentions: Mention[];
  entities: Entity[];
}

export function clusterMentions(docs: DocInput[], cands: Candidate[]): ClusterResult {
  const mentions: Mention[] = [];
  const entities = new Map<string, Entity>();
  const addEvidence = (e: Entity, ev: Evidence) => {
    const same = e.evidence.find((x) => x.rule === ev.rule && x.detail === ev.detail);
    if (same) {
      for (const a of ev.aliases) if (!same.aliases.includes(a)) same.aliases.push(a);
    } else e.evidence.push({ ...ev, aliases: [...new Set(ev.aliases)] });
  };
  const entity = (key: string, type: EntityType, name: string): Entity => {
    let e = entities.get(key);
    if (!e) entities.set(key, (e = { key, type, name, ambiguous: false, evidence: [], mentions: [] }));
    return e;
  };

  // Cyrillic forms seen anywhere (for Russian case resolution)
  const cyrForms = new Set<string>();
  for (const c of cands) for (const w of c.words) if (hasCyrillic(w)) cyrForms.add(w.toLowerCase());
  {
    // a nominative the corpus never writes is still attested when two different case forms
    // agree on it (Медведя, Медведем → Медведь)
    const formsOf = new Map<string, Set<string>>();
    for (const f of cyrForms) {
      for (const l of genericLemmas(f)) {
        let s = formsOf.get(l);
        if (!s) formsOf.set(l, (s = new Set()));
        s.add(f);
      }
    }
    // (a nominative only inferred is marked '+'; a form the corpus writes that other forms decline from is marked '=': it is a
    // nominative unless a nominative of its own is written, Берия with Берии and Берию, not the genitive of an inferred «Берь»)
    for (const [l, fs] of formsOf) if (cyrForms.has(l) && [...fs].some((f) => f !== l)) cyrForms.add('=' + l);
    (cyrForms as CyrForms).support = new Map([...formsOf].map(([l, fs]) => [l, fs.size]));
    // the surnames the corpus writes in Latin letters, by their keys: a nominative attested in the other script
    (cyrForms as CyrForms).latinKeys = new Set(cands.filter((c) => c.type === 'person').map((c) => c.words[c.words.length - 1] as string).filter((w) => !hasCyrillic(w)).flatMap((w) => nameKeys(w)));
    for (const [l, fs] of formsOf) if (fs.size >= 2 && !fs.has(l) && !cyrForms.has(l)) cyrForms.add(l).add('+' + l);
  }

  // the Latin names of two words and more, given name first: the order a Cyrillic spelling of the same name is read in
  const latinNames: Array<[string, string]> = cands.filter((c) => c.type === 'person' && c.words.length >= 2 && !hasCyrillic(c.words[0] as string) && !/\.$/.test(c.words[0] as string)).map((c) => [c.words[0] as string, c.words[c.words.length - 1] as string]);

  // ---------------- persons
  interface P {
    m: number;
    parse: PersonParse;
  }
  const persons: P[] = [];
  const givenOnly: Array<{ m: number; g: GivenName }> = [];
  const uf = new UnionFind();
  const keyForms = new Map<string, Set<string>>(); // key -> surname spellings
  for (const c of cands) {
    const doc = docs[c.doc]!;
    const passage = doc.passages[c.passage]!;
    const m: Mention = {
      key: mentionKey(doc.sourceId, c.start, c.end),
      doc: c.doc,
      sourceId: doc.sourceId,
      versionId: doc.versionId,
      passageKey: passage.key,
      start: c.start,
      end: c.end,
      text: c.text,
      type: c.type as EntityType,
      cue: c.cue,
      entity: '',
    };
    // an institution named after its building, in a sentence about the building ("the
    // Reichstag in Berlin burned", "the Kremlin was stormed"): the place, not the body
    if (c.type === 'organization' && buildingSense(doc.text, c.start, c.end)) {
      m.type = 'place';
      m.cue = c.cue ? `${c.cue}+building` : 'building';
    }
    const idx = mentions.push(m) - 1;
    if (c.type !== 'person') continue;
    // a lone given name ("Nikolai", "Roy's") names whoever was just named with it
    if (c.words.length === 1) {
      const g = givenName(c.words[0] as string);
      if (g && !looksLikeRussianSurname(c.words[0] as string)) {
        givenOnly.push({ m: idx, g });
        continue;
      }
    }
    // (a name Russian writes family name first, as Japanese, Chinese and Hungarian names are: «Тодзио Хидэки», «Хироту Коки» beside
    // "Hideki Tojo", "Koki Hirota" — the order the Latin spelling gives, when the two words sound like its surname and given name)
    const words = c.words.length === 2 && hasCyrillic(c.words[0] as string) && surnameFirst(c.words as [string, string], latinNames) ? [c.words[1] as string, c.words[0] as string] : c.words;
    const parse = parsePerson(words, cyrForms, femaleContext(docs[c.doc]!.text, c));
    if (!parse) {
      mentions.pop();
      continue;
    }
    persons.push({ m: idx, parse });
    const [k0, ...rest] = parse.surnameKeys;
    uf.find(k0 as string);
    for (const k of rest) uf.union(k0 as string, k);
    for (const k of parse.surnameKeys) {
      let s = keyForms.get(k);
      if (!s) keyForms.set(k, (s = new Set()));
      s.add(parse.surname);
    }
  }
  // feminine forms stay apart: key them separately (Kameneva ≠ Kamenev by key already; Cyrillic lemma keeps -а)

  // typo merges: a rare surname joins a far more frequent one with the same consonant skeleton
  const groupCount = new Map<string, number>();
  for (const p of persons) {
    const r = uf.find(p.parse.surnameKeys[0] as string);
    groupCount.set(r, (groupCount.get(r) ?? 0) + 1);
  }
  const groups = [...groupCount.keys()].filter((g) => !g.startsWith('given:')).sort();
  // given names seen with each surname group: a typo merge may not join different given names
  const givenByGroup = new Map<string, Set<string>>();
  for (const p of persons) if (p.parse.given) addToSet(givenByGroup, uf.find(p.parse.surnameKeys[0] as string), p.parse.given.id);
  const givenCompatible = (a: string, b: string): boolean => {
    const ga = givenByGroup.get(a);
    const gb = givenByGroup.get(b);
    if (!ga || !gb) return true;
    for (const g of ga) if (gb.has(g)) return true;
    return false;
  };
  const bySkeleton = new Map<string, string[]>();
  for (const g of groups) {
    // consonants in any order: a transposed pair (Tukhachevksi) keeps the same set
    const sk = [...skeleton(looseKey(g))].sort().join('');
    let l = bySkeleton.get(sk);
    if (!l) bySkeleton.set(sk, (l = []));
    l.push(g);
  }
  const typoEvidence = new Map<string, Evidence>();
  for (const list of bySkeleton.values()) {
    if (list.length < 2) continue;
    // targets: the spellings frequent enough to absorb a typo (few per skeleton)
    const targets = list.filter((g) => (groupCount.get(g) ?? 0) >= 3);
    if (targets.length === 0) continue;
    for (const rare of list) {
      const rc = groupCount.get(rare) ?? 0;
      // a typo repeated a few times in one source is still a typo when the name is long and the
      // right spelling far more frequent (Bakhurin 8×, Bukharin 200×)
      const longName = rare.length >= 7;
      if (rc > 3 && !longName) continue;
      let target: string | null = null;
      let tc = 0;
      for (const other of targets) {
        if (other === rare) continue;
        const oc = groupCount.get(other) ?? 0;
        // a short name tolerates one slip, a long one two; same first and last letter (a changed
        // ending makes another name: Medved/Medvedev, Serge/Sergo); different given names never join
        const maxDist = Math.min(rare.length, other.length) >= 7 ? 2 : 1;
        if (oc >= Math.max(3, rc * (rc > 3 ? 8 : 3)) && oc > tc && rare[0] === other[0] && rare[rare.length - 1] === other[other.length - 1] && Math.abs(rare.length - other.length) <= maxDist && editDistance(rare, other, maxDist) <= maxDist && givenCompatible(rare, other)) [target, tc] = [other, oc];
      }
      if (target) {
        typoEvidence.set(rare, {
          rule: 'typo',
          detail: `"${mode([...(keyForms.get(rare) ?? [])])}" (${rc}×) is a near miss of "${mode([...(keyForms.get(target) ?? [])])}" (${tc}×): the same consonants, a letter or two apart`,
          aliases: [...(keyForms.get(rare) ?? [])],
        });
        uf.union(rare, target);
      }
    }
  }

  // transcriptions: a foreign surname the Russian sources write by its sound, not by any
  // scheme for reading Russian (Szilágyi = Силади, Göring = Геринг, Lubbe = Люббе). A surname the
  // corpus writes only in Latin letters joins one it writes only in Cyrillic when their sound-class
  // readings agree, each is the other's only such match, no given names clash, and the names are
  // long enough to tell apart (three consonant classes), or a given name agrees too, or the keys
  // are a letter apart.
  const transcriptionEvidence = new Map<string, Evidence>();
  {
    const formsOfRoot = new Map<string, Set<string>>();
    for (const [k, fs] of keyForms) for (const f of fs) addToSet(formsOfRoot, uf.find(k), f);
    const givenFormsOfRoot = new Map<string, Set<string>>();
    for (const p of persons) if (p.parse.givenForm) addToSet(givenFormsOfRoot, uf.find(p.parse.surnameKeys[0] as string), p.parse.givenForm);
    const latinOnly = new Map<string, Set<string>>();
    const cyrOnly = new Map<string, Set<string>>();
    for (const [r, fs] of formsOfRoot) {
      const cyr = [...fs].filter((f) => hasCyrillic(f));
      if (cyr.length === fs.size) cyrOnly.set(r, fs);
      else if (cyr.length === 0) latinOnly.set(r, fs);
    }
    // (several candidates: the one whose given names agree, if only one does)
    const pairs = soundPairs(latinOnly, cyrOnly, 1, (l, c) => givenSoundAgreement(givenFormsOfRoot.get(l), givenFormsOfRoot.get(c)) === 'agree');
    for (const [l, { c, len }] of pairs) {
      const given = givenSoundAgreement(givenFormsOfRoot.get(l), givenFormsOfRoot.get(c));
      if (given === 'clash') continue;
      const lf = [...(formsOfRoot.get(l) ?? [])];
      const cf = [...(formsOfRoot.get(c) ?? [])];
      // (Russian surnames have their transliteration keys, which keep a man's and a woman's form
      // apart; sound classes, blind to vowels, would join Kutuzov and Kutuzova)
      if (lf.every((f) => looksLikeRussianSurname(f)) && cf.every((f) => looksLikeRussianSurname(f))) continue;
      const close = lf.some((a) => cf.some((b) => nameKeys(a).some((ka) => nameKeys(b).some((kb) => Math.min(ka.length, kb.length) >= 4 && editDistance(ka, kb, 1) <= 1))));
      if (len < 3 && given !== 'agree' && !close) continue;
      const ev: Evidence = {
        rule: 'transcription',
        detail: `"${mode(lf)}" and "${mode(cf)}" sound alike (consonant classes ${soundKeys(mode(cf)).join('/')}${given === 'agree' ? ', and the given names agree' : ''}): the one surname the corpus writes only in Latin letters that matches the one it writes only in Cyrillic`,
        aliases: [...lf, ...cf],
      };
      for (const k of keyForms.keys()) if (uf.find(k) === l || uf.find(k) === c) transcriptionEvidence.set(k, ev);
      uf.union(l, c);
    }
  }

  // pseudonyms, birth names and nicknames (Koba, Dzhugashvili / Stalin): from the lexicon of
  // well-known aliases, and from the corpus itself ("Zinoviev (real name Radomyslsky)")
  const aliasEvidence = new Map<string, Evidence>();
  const keyOf = (name: string): string | null => parsePerson([name], cyrForms)?.surnameKeys[0] ?? null;
  const joinAlias = (aliasKey: string, nameKey: string, ev: Evidence) => {
    const a = uf.find(aliasKey);
    const b = uf.find(nameKey);
    if (a === b || !givenCompatible(a, b)) return;
    uf.union(a, b);
    aliasEvidence.set(aliasKey, ev);
  };
  const pseudonymNames: string[] = [];
  for (const entry of PSEUDONYMS) {
    const nk = keyOf(entry.name);
    if (!nk || !groupCount.has(uf.find(nk))) continue;
    pseudonymNames.push(nk);
    for (const alias of entry.aliases) {
      const ak = keyOf(alias);
      if (!ak || !groupCount.has(ak)) continue;
      joinAlias(ak, nk, {
        rule: 'pseudonym',
        detail: `"${alias}" is a known other name of ${entry.given} ${entry.name} (birth name, pseudonym or nickname; Inquiry's list of well-known aliases)`,
        aliases: [...(keyForms.get(ak) ?? []), ...(keyForms.get(nk) ?? [])],
      });
    }
  }
  {
    // consecutive person names in one source with "real name", "born", "alias" … between them
    const byDoc = new Map<number, P[]>();
    for (const p of persons) {
      let l = byDoc.get(mentions[p.m]!.doc);
      if (!l) byDoc.set(mentions[p.m]!.doc, (l = []));
      l.push(p);
    }
    for (const [d, list] of byDoc) {
      const text = docs[d]!.text;
      for (let i = 0; i + 1 < list.length; i++) {
        const a = mentions[list[i]!.m]!;
        const b = mentions[list[i + 1]!.m]!;
        if (b.start - a.end > 60 || b.start < a.end) continue;
        const gap = text.slice(a.end, b.start);
        if (!ALIAS_GAP.test(gap)) continue;
        const ak = list[i + 1]!.parse.surnameKeys[0] as string;
        const nk = list[i]!.parse.surnameKeys[0] as string;
        joinAlias(ak, nk, { rule: 'pseudonym', detail: `the source gives one as the other's name: "${a.text}${gap}${b.text}"`, aliases: [a.text, b.text] });
      }
    }
  }

  // the people named around a mention (surname groups within a window, same source): the
  // co-occurrence context that can tie a bare surname to a person named in full elsewhere
  const roots = new Map<number, Array<{ start: number; root: string }>>();
  for (const p of persons) {
    const pm = mentions[p.m]!;
    let l = roots.get(pm.doc);
    if (!l) roots.set(pm.doc, (l = []));
    l.push({ start: pm.start, root: uf.find(p.parse.surnameKeys[0] as string) });
  }
  for (const l of roots.values()) l.sort((a, b) => a.start - b.start);
  const neighbours = (m: Mention, own: string, out = new Set<string>()): Set<string> => {
    const l = roots.get(m.doc) ?? [];
    let lo = 0;
    let hi = l.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (l[mid]!.start < m.start - CLOSE_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < l.length && l[i]!.start <= m.start + CLOSE_WINDOW; i++) if (l[i]!.root !== own) out.add(l[i]!.root);
    return out;
  };

  const pseudonymNameKey = new Map<string, string>();
  for (const nk of pseudonymNames) {
    const r = uf.find(nk);
    if (!pseudonymNameKey.has(r)) pseudonymNameKey.set(r, primaryKey(keyForms.get(nk)?.values().next().value ?? '') || nk);
  }

  // group persons by surname group
  const bySurname = new Map<string, P[]>();
  for (const p of persons) {
    const r = uf.find(p.parse.surnameKeys[0] as string);
    let l = bySurname.get(r);
    if (!l) bySurname.set(r, (l = []));
    l.push(p);
  }
  for (const [root, list] of [...bySurname].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // the key: the plain reading most of this surname's mentions share (stable as spellings vary)
    const keyFreq = new Map<string, number>();
    for (const p of list) for (const k of p.parse.surnameKeys) keyFreq.set(k, (keyFreq.get(k) ?? 0) + 1);
    const keyCounts = new Map<string, number>();
    for (const p of list) {
      const pk = primaryKey(p.parse.surname);
      if (pk && !keyCounts.has(pk)) keyCounts.set(pk, keyFreq.get(pk) ?? 0);
    }
    // (a pseudonym group is keyed and named by the name the person is known by: Stalin, not Koba)
    const knownAs = pseudonymNameKey.get(root);
    const surnameKey = knownAs ?? [...keyCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? root;
    // sub-clusters by given name (full names). A feminine surname form has its own key already
    // (Kameneva / Kamenev, Николаевой); the given name's sex does not split a surname further.
    interface Sub {
      id: string;
      given: GivenName | null;
      initials: string;
      patronymic: string;
      female: boolean;
      members: P[];
      /** a person known only by a title or role with the surname ("Colonel Alksnis") */
      title?: string;
    }
    const subs: Sub[] = [];
    const fullNamed = list.filter((p) => p.parse.given);
    const subsByGiven = new Map<string, Sub[]>();
    const canonGiven = givenCanon(fullNamed.map((p) => ({ g: p.parse.given!, form: p.parse.givenForm ?? p.parse.given!.display })));
    for (const p of fullNamed) {
      const g0 = p.parse.given!;
      const g = canonGiven.get(g0.id) ?? g0;
      let same = subsByGiven.get(g.id);
      if (!same) subsByGiven.set(g.id, (same = []));
      let s = same.find((x) => !x.patronymic || !p.parse.patronymicInitial || x.patronymic === p.parse.patronymicInitial);
      if (!s) {
        s = { id: g.id, given: g, initials: g.initials, patronymic: p.parse.patronymicInitial, female: p.parse.female, members: [] };
        subs.push(s);
        same.push(s);
      }
      if (!s.patronymic && p.parse.patronymicInitial) s.patronymic = p.parse.patronymicInitial;
      s.members.push(p);
    }
    // initials only: join the one full-name cluster they fit; otherwise a cluster of their own
    const initialsOnly = list.filter((p) => !p.parse.given && p.parse.initials);
    const initialsOf = new Map<P, Sub>();
    for (const p of initialsOnly) {
      const first = p.parse.initials[0] as string;
      const pat = p.parse.patronymicInitial;
      const fits = subs.filter((s) => (s.given ? s.given.initials.includes(first) : s.initials[0] === first) && (!pat || !s.patronymic || s.patronymic === pat));
      if (fits.length === 1) {
        fits[0]!.members.push(p);
        initialsOf.set(p, fits[0]!);
      } else if (fits.length === 0) {
        const id = `${first}${pat ? '-' + pat : ''}`;
        let s = subs.find((x) => !x.given && x.id === id);
        if (!s) subs.push((s = { id, given: null, initials: first, patronymic: pat, female: p.parse.female, members: [] }));
        s.members.push(p);
        initialsOf.set(p, s);
      } else {
        // fits several: leave with the bare surnames for context
        p.parse.initials = '';
      }
    }
    // a bare surname under a title or role no person of this surname is known by ("Colonel
    // Alksnis" beside Komandarm Yakov Alksnis; "Lawyer Smirnov" among the Smirnovs in the dock)
    // is a person of its own, when the surname names several people or its one person is
    // known by another title
    const titlesOf = new Map<Sub, Set<string>>();
    for (const x of subs) {
      const t = new Set<string>();
      for (const q of x.members) {
        const tq = titleOf(mentions[q.m]!.cue);
        if (tq) t.add(tq);
      }
      titlesOf.set(x, t);
    }
    const titled = new Set<P>();
    const named = subs.length;
    for (const p of list) {
      if (p.parse.given || initialsOf.has(p) || p.parse.initials) continue;
      const t = titleOf(mentions[p.m]!.cue);
      if (!t || subs.some((x) => x.given !== null && titlesOf.get(x)!.has(t))) continue;
      if (!(named > 1 || (named === 1 && titlesOf.get(subs[0]!)!.size > 0))) continue;
      let x = subs.find((y) => y.id === `t-${t}`);
      if (!x) {
        x = { id: `t-${t}`, given: null, initials: '', patronymic: '', female: p.parse.female, members: [], title: t };
        subs.push(x);
      }
      x.members.push(p);
      titled.add(p);
    }
    const bare = list.filter((p) => !p.parse.given && !initialsOf.has(p) && !titled.has(p));
    // keys: the surname alone when one person bears it; else surname and given name (plus the
    // patronymic initial when two people share a given name), and ":?" for the undecided rest
    const base = `person:${surnameKey}`;
    const subKey = new Map<Sub, string>();
    const idCount = new Map<string, number>();
    for (const x of subs) idCount.set(x.id, (idCount.get(x.id) ?? 0) + 1);
    // the person far more often named than any namesake keeps the plain key, so that a stray
    // namesake appearing later does not rename them (and stale their curation)
    const bySize = [...subs].sort((x, y) => y.members.length - x.members.length || (x.id < y.id ? -1 : 1));
    const plain = bySize[0] && bySize[0].members.length >= 3 * (bySize[1]?.members.length ?? 0) ? bySize[0] : null;
    for (const x of subs) subKey.set(x, subs.length > 1 && x !== plain ? `${base}:${x.id}${(idCount.get(x.id) ?? 0) > 1 && x.patronymic ? '-' + x.patronymic : ''}` : base);
    const subOfKey = new Map<string, Sub>();
    for (const [x, k] of subKey) if (!subOfKey.has(k)) subOfKey.set(k, x);
    const keyOf = (x: Sub | null, _female: boolean): string => (x ? (subKey.get(x) as string) : subs.length > 1 ? `${base}:?` : base);
    // bare surnames: the nearest full mention before, in the same source; else the only person
    const bareAssign = new Map<P, { sub: Sub | null; why: string }>();
    const undecided = new Set<P>();
    // per document: every full mention of this surname, sorted, with its sub; and counts per sub
    const fullByDoc = new Map<number, Array<{ m: Mention; sub: Sub }>>();
    const countByDoc = new Map<number, Map<Sub, number>>();
    if (subs.length > 1) {
      for (const s of subs) {
        for (const q of s.members) {
          const qm = mentions[q.m]!;
          let l = fullByDoc.get(qm.doc);
          if (!l) fullByDoc.set(qm.doc, (l = []));
          l.push({ m: qm, sub: s });
          let c = countByDoc.get(qm.doc);
          if (!c) countByDoc.set(qm.doc, (c = new Map()));
          c.set(s, (c.get(s) ?? 0) + 1);
        }
      }
      for (const l of fullByDoc.values()) l.sort((x, y) => x.m.start - y.m.start);
    }
    const all = subs.map((s) => ({ s, n: s.members.length })).sort((x, y) => y.n - x.n);
    const known = (s: Sub) => s.given !== null && givenName(s.given.display) !== null;
    // the others are each one mention under a given name the lexicon does not know (a stray,
    // often garbled "Ilinsk Zinoviev" does not make every Zinoviev ambiguous)
    const othersWeak = all.length > 1 && known(all[0]!.s) && all.slice(1).every((x) => x.n === 1 && x.s.given !== null && !known(x.s));
    const corpusDominant = all[0] && all[0].n >= 3 * (all[1]?.n ?? 0) && all[0].n >= 3 ? all[0].s : null;
    const docTop = new Map<number, { s: Sub | null; n1: number }>();
    const topOf = (doc: number) => {
      let t = docTop.get(doc);
      if (!t) {
        const c = [...(countByDoc.get(doc) ?? new Map<Sub, number>())].sort((x, y) => y[1] - x[1]);
        const n1 = c[0]?.[1] ?? 0;
        const n2 = c[1]?.[1] ?? 0;
        // one person of this surname named in full in the source (any number of times), or one
        // named at least three times as often as any namesake
        t = { s: (n1 >= 1 && n2 === 0) || (n1 >= 3 && n1 >= 3 * n2) ? c[0]![0] : null, n1 };
        docTop.set(doc, t);
      }
      return t;
    };
    for (const p of bare) {
      if (subs.length <= 1) {
        const only = subs[0] ?? null;
        // the corpus's only person of this surname, named in full once, in another source: too
        // thin to decide who a bare surname elsewhere is ("Vinogradov" the scholar freed in the
        // thirties; "Владимир Виноградов" the physician of 1953)
        // … unless the people named around it are named around the full name too
        const md = mentions[p.m]!.doc;
        if (only && only.members.length < 2 && !only.members.some((q) => mentions[q.m]!.doc === md)) {
          const around = new Set<string>();
          for (const q of only.members) neighbours(mentions[q.m]!, root, around);
          const shared = [...neighbours(mentions[p.m]!, root)].filter((r) => around.has(r));
          if (shared.length === 0) {
            bareAssign.set(p, { sub: null, why: '' });
            undecided.add(p);
            continue;
          }
          bareAssign.set(p, { sub: only, why: 'named in full only once, in another source, among the same people as here' });
          continue;
        }
        bareAssign.set(p, { sub: only, why: '' });
        continue;
      }
      const m = mentions[p.m]!;
      // 1. a full name just before it (same passage, within a sentence or two)
      const l = fullByDoc.get(m.doc);
      if (l) {
        let lo = 0;
        let hi = l.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (l[mid]!.m.start <= m.start) lo = mid + 1;
          else hi = mid;
        }
        const q = lo > 0 ? l[lo - 1]! : null;
        // only when no namesake is named in full in the same passage: "Roy Medvedev … Zhores
        // Medvedev … Medvedev wrote" is left undecided
        if (q && q.m.passageKey === m.passageKey && m.start - q.m.start <= CLOSE_WINDOW && !l.some((x) => x.m.passageKey === m.passageKey && x.sub !== q.sub)) {
          bareAssign.set(p, { sub: q.sub, why: 'the full name just before it in the same passage (no namesake named there)' });
          continue;
        }
      }
      // 2. the person of this surname the same source names in full clearly most often
      const top = topOf(m.doc);
      // a one-off name under a given name the lexicon does not know ("Ilinsk Zinoviev") does not
      // outweigh the corpus's well-attested namesake
      const weak = (x: Sub) => x.members.length === 1 && !known(x);
      if (top.s && weak(top.s) && corpusDominant && corpusDominant !== top.s && known(corpusDominant)) {
        bareAssign.set(p, { sub: corpusDominant, why: 'the person of this surname the corpus names in full far more often than any other' });
        continue;
      }
      if (top.s) {
        bareAssign.set(p, { sub: top.s, why: 'the person of this surname the same source names in full clearly most often' });
        continue;
      }
      // 3. the corpus's dominant one: in a source that names none of them in full, or when the others are weak
      if (corpusDominant && (top.n1 === 0 || othersWeak)) {
        bareAssign.set(p, { sub: corpusDominant, why: 'the person of this surname the corpus names in full far more often than any other' });
        continue;
      }
      // otherwise: ambiguous, kept apart rather than guessed
      bareAssign.set(p, { sub: null, why: '' });
    }
    // build entities
    const assign = (p: P, key: string) => {
      mentions[p.m]!.entity = key;
    };
    for (const s of subs) {
      const key = keyOf(s, s.female);
      for (const p of s.members) assign(p, key);
    }
    for (const [p, a] of bareAssign) assign(p, undecided.has(p) ? `${base}:bare` : keyOf(a.sub, p.parse.female));
    // entity records, names and evidence
    const members = new Map<string, P[]>();
    for (const p of list) {
      const k = mentions[p.m]!.entity;
      let l = members.get(k);
      if (!l) members.set(k, (l = []));
      l.push(p);
    }
    for (const [key, ps] of members) {
      const sub = subOfKey.get(key) ?? null;
      // display: the Latin spelling used most (ties: the one used with a given name, then the
      // spelling the other spellings' readings meet on, then alphabetical); Cyrillic if no Latin
      const latinPs = ps.filter((p) => !hasCyrillic(p.parse.surname) && p.parse.surname !== p.parse.surname.toUpperCase());
      const pool = latinPs.length ? latinPs : ps;
      const poolKeyFreq = new Map<string, number>();
      const formCount = new Map<string, number>();
      const formWithGiven = new Set<string>();
      for (const p of pool) {
        for (const k of p.parse.surnameKeys) poolKeyFreq.set(k, (poolKeyFreq.get(k) ?? 0) + 1);
        formCount.set(p.parse.surname, (formCount.get(p.parse.surname) ?? 0) + 1);
        if (p.parse.given) formWithGiven.add(p.parse.surname);
      }
      const score = new Map<string, number>();
      for (const [f, n] of formCount) {
        // the spelling whose plain (English-style) reading the other spellings share
        const central = (poolKeyFreq.get(primaryKey(f)) ?? 0) / (pool.length + 1) / 4;
        score.set(f, n + (formWithGiven.has(f) ? 0.5 : 0) + central + (knownAs && primaryKey(f) === knownAs ? 1e6 : 0));
      }
      const best = [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? ps[0]!.parse.surname;
      const sn = displaySurname(best);
      const cyrDisplay = hasCyrillic(sn);
      const givenForms = ps.map((p) => p.parse.givenForm).filter((g): g is string => g !== null && hasCyrillic(g) === cyrDisplay && (!cyrDisplay || g.toLowerCase() === (sub?.given?.cyrillic ?? '').toLowerCase()));
      const gn = sub?.given ? (givenForms.length ? mode(givenForms) : cyrDisplay ? (sub.given.cyrillic ?? sub.given.display) : sub.given.display) : sub && !sub.given && sub.initials ? initialsDisplay(sub) : sub?.title ? titleCase(sub.title) : '';
      const name = gn ? `${gn} ${sn}` : sn;
      const e = entity(key, 'person', name);
      e.ambiguous = key.endsWith(':?');
      for (const p of ps) e.mentions.push(p.m);
      // evidence: which spellings were joined, and why
      // (spellings joined as typos or other names have their own evidence below)
      const plainPs = ps.filter((p) => !aliasEvidence.has(p.parse.surnameKeys[0] as string) && !typoEvidence.has(p.parse.surnameKeys[0] as string) && !transcriptionEvidence.has(p.parse.surnameKeys[0] as string));
      const forms = [...new Set(plainPs.map((p) => p.parse.surname))];
      const cyr = forms.filter((f) => hasCyrillic(f));
      const lat = [...new Set(forms.filter((f) => !hasCyrillic(f)).map((f) => f.toLowerCase()))];
      const surfaces = [...new Set(plainPs.map((p) => mentions[p.m]!.text))];
      const keysUsed = [...new Set(plainPs.flatMap((p) => p.parse.surnameKeys))].sort().join(', ');
      if (cyr.length && lat.length) addEvidence(e, { rule: 'transliteration', detail: `Cyrillic and Latin spellings read to a shared key (${keysUsed})`, aliases: surfaces });
      else if (lat.length > 1) addEvidence(e, { rule: 'spelling-variant', detail: `spellings of one surname under different transliteration schemes read to a shared key (${keysUsed})`, aliases: surfaces });
      else if (surfaces.length > 1) addEvidence(e, { rule: 'same-key', detail: `one surname written with or without given names, initials or capitals (${keysUsed})`, aliases: surfaces });
      const givens = new Set(ps.map((p) => p.parse.givenForm).filter((g): g is string => !!g));
      if (givens.size > 1) addEvidence(e, { rule: 'given-name', detail: `given names are forms of one name (${sub?.given?.display ?? ''})`, aliases: [...givens] });
      const init = ps.filter((p) => initialsOf.get(p) === sub && sub?.given).map((p) => mentions[p.m]!.text);
      if (init.length) addEvidence(e, { rule: 'initials', detail: `initials fit ${sub?.given?.display ?? ''} and no other person of this surname`, aliases: [...new Set(init)] });
      const ctx = ps.filter((p) => bareAssign.get(p)?.why).map((p) => mentions[p.m]!.text);
      if (ctx.length) addEvidence(e, { rule: 'context', detail: 'bare surname assigned by context: ' + [...new Set(ps.map((p) => bareAssign.get(p)?.why).filter(Boolean))].join('; '), aliases: [...new Set(ctx)] });
      const cases = ps.filter((p) => p.parse.caseNote).map((p) => `${mentions[p.m]!.text}`);
      if (cases.length) addEvidence(e, { rule: 'case-form', detail: `Russian case forms read to the nominative ${displaySurname(ps.find((p) => p.parse.caseNote)!.parse.surname)} (${[...new Set(ps.map((p) => p.parse.caseNote).filter(Boolean))].join('; ')})`, aliases: [...new Set(cases)] });
      for (const p of ps) {
        const t = typoEvidence.get(p.parse.surnameKeys[0] as string);
        if (t) addEvidence(e, t);
        const a = aliasEvidence.get(p.parse.surnameKeys[0] as string);
        if (a) addEvidence(e, a);
        const tr = transcriptionEvidence.get(p.parse.surnameKeys[0] as string);
        if (tr) addEvidence(e, tr);
      }
      if (sub?.title) addEvidence(e, { rule: 'title', detail: `a surname under the title "${sub.title}", which no other person of this surname is known by`, aliases: surfaces });
      if (key.endsWith(':bare')) addEvidence(e, { rule: 'undecided', detail: `the corpus names one person of this surname in full only once, in another source (${subs[0]?.given?.display ?? ''}): too little to say these bare mentions are that person, so they are kept apart`, aliases: [...new Set(ps.map((p) => mentions[p.m]!.text))] });
      if (key.endsWith(':?')) addEvidence(e, { rule: 'ambiguous', detail: `several people of this surname are named in the corpus (${subs.map((s) => s.given?.display ?? (s.title ? titleCase(s.title) : s.initials.toUpperCase() + '.')).join(', ')}); these bare mentions have no context that decides`, aliases: [...new Set(ps.map((p) => mentions[p.m]!.text))] });
    }
  }

  // ---------------- lone given names: the person named in full with that given name just before
  if (givenOnly.length) {
    const fullByDoc = new Map<number, Array<{ start: number; id: string; entity: string }>>();
    for (const p of persons) {
      if (!p.parse.given) continue;
      const pm = mentions[p.m]!;
      let l = fullByDoc.get(pm.doc);
      if (!l) fullByDoc.set(pm.doc, (l = []));
      l.push({ start: pm.start, id: p.parse.given.id, entity: pm.entity });
    }
    for (const l of fullByDoc.values()) l.sort((a, b) => a.start - b.start);
    // the given names each person entity is known by anywhere in the corpus, and every person
    // mention (bare surnames too) by source, for a given name whose source never writes the full name
    const givensOf = new Map<string, Set<string>>();
    const anyByDoc = new Map<number, Array<{ start: number; entity: string }>>();
    for (const p of persons) {
      const pm = mentions[p.m]!;
      if (p.parse.given) {
        let s = givensOf.get(pm.entity);
        if (!s) givensOf.set(pm.entity, (s = new Set()));
        s.add(p.parse.given.id);
      }
      let l = anyByDoc.get(pm.doc);
      if (!l) anyByDoc.set(pm.doc, (l = []));
      l.push({ start: pm.start, entity: pm.entity });
    }
    for (const l of anyByDoc.values()) l.sort((a, b) => a.start - b.start);
    for (const { m: mi, g } of givenOnly) {
      const m = mentions[mi]!;
      let hit: { start: number; id: string; entity: string } | null = null;
      for (const x of fullByDoc.get(m.doc) ?? []) {
        if (x.start >= m.start) break;
        if (x.id === g.id && m.start - x.start <= GIVEN_WINDOW && !x.entity.endsWith(':?')) hit = x;
      }
      let near: string | null = null;
      if (!hit) {
        // "So, how are things with you, Nikolai?" in a passage that names only "Bukharin": the one
        // person named near it whom the corpus knows by that given name
        const fits = new Set<string>();
        const l = anyByDoc.get(m.doc) ?? [];
        let lo = 0;
        let hi = l.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (l[mid]!.start < m.start - GIVEN_WINDOW) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < l.length && l[i]!.start <= m.start + GIVEN_WINDOW; i++) {
          const x = l[i]!;
          if (!x.entity.endsWith(':?') && givensOf.get(x.entity)?.has(g.id)) fits.add(x.entity);
        }
        if (fits.size === 1) near = [...fits][0] as string;
      }
      const key = hit ? hit.entity : near ?? `person:given:${g.id}`;
      m.entity = key;
      const e = entity(key, 'person', hit || near ? key : g.display);
      if (!hit && !near) e.ambiguous = true;
      e.mentions.push(mi);
      addEvidence(e, hit
        ? { rule: 'given-name-context', detail: 'a given name alone, after the full name with that given name in the same source', aliases: [m.text] }
        : near
          ? { rule: 'given-name-context', detail: 'a given name alone, near the surname of the only person named close to it whom the corpus knows by that given name', aliases: [m.text] }
          : { rule: 'ambiguous', detail: 'a given name alone, with no full name before it in the same source that it belongs to', aliases: [m.text] });
    }
  }

  // ---------------- organizations, places, trials
  const acronymOf = new Map<string, string>(); // acronym key -> long-form key, from "Long Form (ABC)" in text
  for (const c of cands) {
    if (c.type !== 'organization') continue;
    const doc = docs[c.doc]!;
    const after = doc.text.slice(c.end, c.end + 14);
    const m = /^\s*\(([A-ZА-ЯЁ]{2,7})\)/.exec(after);
    if (m && c.words.length >= 2) acronymOf.set(phraseKey(m[1] as string), phraseKey(c.text));
  }
  // places the gazetteer does not know, one word long: a Latin name and a Cyrillic one that sound
  // alike (Bucharest, Бухарест), each the other's only such match, are one place
  const placeLemma = (text: string) => (hasCyrillic(text) ? cyrillicPlaceLemma(text, cyrForms) : text);
  const placeAlias = new Map<string, { key: string; detail: string }>();
  {
    const latin = new Map<string, [string]>();
    const cyr = new Map<string, [string]>();
    for (const m of mentions) {
      if (m.type !== 'place' || m.entity || gazetteerPlace(m.text) || /\s/.test(m.text)) continue;
      const lemma = placeLemma(m.text);
      (hasCyrillic(lemma) ? cyr : latin).set(phraseKey(lemma), [lemma]);
    }
    for (const [k, { c }] of soundPairs(latin, cyr, 3)) {
      const [ln, cn] = [latin.get(k)![0], cyr.get(c)![0]];
      placeAlias.set(c, { key: k, detail: `"${ln}" and "${cn}" sound alike (consonant classes ${soundKeys(cn).join('/')}), the only such pair of names of places` });
    }
  }
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.type === 'person' || m.entity) continue;
    let key: string;
    let rule = 'same-key';
    let detail = '';
    if (m.type === 'place') {
      const g = gazetteerPlace(m.text);
      if (g) {
        key = `place:${g}`;
        rule = 'gazetteer';
        detail = 'names of one place in the gazetteer (languages, scripts, case forms)';
      } else {
        const lemma = placeLemma(m.text);
        const alias = placeAlias.get(phraseKey(lemma));
        if (alias) {
          key = `place:${alias.key}`;
          rule = 'transcription';
          detail = alias.detail;
        } else {
          key = `place:${phraseKey(lemma)}`;
          detail = `same name key "${phraseKey(lemma)}"`;
        }
      }
    } else if (m.type === 'trial') {
      key = `trial:${trialKey(m.text)}`;
      detail = `same folded name "${trialKey(m.text)}"`;
    } else {
      let k = phraseKey(m.text);
      const long = acronymOf.get(k);
      if (long) {
        k = long;
        rule = 'acronym';
        detail = 'acronym introduced after the full name in the text';
      } else detail = `same folded name "${k}"`;
      key = `organization:${k}`;
      // an acronym's other script (НКВД / NKVD) folds to the same key already
      if (hasCyrillic(m.text) && /^[А-ЯЁ]{2,7}$/.test(m.text)) rule = 'transliteration';
    }
    m.entity = key;
    const e = entity(key, m.type, m.text);
    e.mentions.push(i);
    addEvidence(e, { rule, detail, aliases: [m.text] });
  }
  // names for non-person entities: the most frequent Latin form, title-cased if shouting
  for (const e of entities.values()) {
    if (e.type === 'person') continue;
    const forms = e.mentions.map((i) => mentions[i]!.text);
    const latin = forms.filter((f) => !hasCyrillic(f));
    let name = mode(latin.length ? latin : forms, (f) => f !== f.toUpperCase() || f.length <= 7);
    if (name === name.toUpperCase() && name.length > 7) name = titleCase(name);
    if (e.type === 'place') {
      const g = e.key.slice('place:'.length);
      const canon = PLACE_CANON.get(g);
      if (canon) name = canon;
    }
    e.name = name;
    // evidence lists only real merges (several spellings)
    e.evidence = e.evidence.filter((ev) => ev.aliases.length > 1 || ev.rule === 'acronym' || ev.rule === 'gazetteer');
    for (const ev of e.evidence) ev.aliases = [...new Set(ev.aliases)];
  }
  const list = [...entities.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { mentions, entities: list };
}

const PLACE_CANON = new Map<string, string>();
for (const g of PLACE_GROUPS) PLACE_CANON.set(phraseKey(g[0] as string), g[0] as string);

function trialKey(text: string): string {
  return text
    .replace(/^(?:the|The)\s+/, '')
    .split(/[\s\-–]+/)
    .map((w) => {
      const l = w.toLowerCase();
      // one trial: trial, case, affair, process; "Trials" (plural) names a series and stays apart
      if (/^(?:trial|case|affair|process|процесс|дело)$/.test(l)) return 'trial';
      if (l === 'of' || l === 'the') return '';
      return primaryKey(w) || l;
    })
    .filter((w) => w.length > 0)
    .join('-');
}

function cyrillicPlaceLemma(text: string, forms: Set<string>): string {
  const lower = text.toLowerCase();
  if (lower.includes(' ')) return text;
  const f = ruSurnameForms(lower);
  for (const l of f.lemmas) if (forms.has(l) && l !== lower) return l;
  // (a nominative the corpus writes, or one two of its case forms agree on: Бухаресте, Бухарестом → Бухарест)
  if (forms.has('=' + lower)) return text;
  for (const l of genericLemmas(lower)) if (forms.has(l) && l !== lower) return titleCase(l);
  return text;
}

/**
 * One person's given name as the sources write it: a Latin spelling and a Cyrillic one that sound
 * alike (Ferenc / Ференц, József / Йожеф), and a Russian case form of a name written in the
 * nominative too (Пала beside Пал, Миклоша beside Миклош). Maps each given-name id to the one
 * that stands for them all (the most frequent; a Latin one before a Cyrillic one).
 */
function givenCanon(givens: Array<{ g: GivenName; form: string }>): Map<string, GivenName> {
  const byId = new Map<string, { g: GivenName; form: string; n: number }>();
  for (const { g, form } of givens) {
    const x = byId.get(g.id);
    if (x) x.n++;
    else byId.set(g.id, { g, form, n: 1 });
  }
  const out = new Map<string, GivenName>();
  if (byId.size < 2) return out;
  const ids = [...byId.keys()].sort();
  const parent = new Map(ids.map((i) => [i, i]));
  const find = (i: string): string => {
    while (parent.get(i) !== i) i = parent.get(i) as string;
    return i;
  };
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = byId.get(ids[i] as string)!.form;
      const b = byId.get(ids[j] as string)!.form;
      const ca = hasCyrillic(a);
      const cb = hasCyrillic(b);
      const same = ca !== cb ? soundMatch(a, b) : ca && (genericLemmas(a.toLowerCase()).includes(b.toLowerCase()) || genericLemmas(b.toLowerCase()).includes(a.toLowerCase()));
      if (same) parent.set(find(ids[j] as string), find(ids[i] as string));
    }
  }
  const groups = new Map<string, string[]>();
  for (const i of ids) {
    const r = find(i);
    let l = groups.get(r);
    if (!l) groups.set(r, (l = []));
    l.push(i);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const best = [...members].sort((x, y) => byId.get(y)!.n - byId.get(x)!.n || Number(hasCyrillic(byId.get(x)!.form)) - Number(hasCyrillic(byId.get(y)!.form)) || (x < y ? -1 : 1))[0] as string;
    for (const m of members) out.set(m, byId.get(best)!.g);
  }
  return out;
}

/**
 * The pairs of one name the corpus writes only in Latin letters and one it writes only in Cyrillic
 * whose sound-class keys (of `minLen` classes or more) agree, each the other's only such match; where
 * one side has several, the one `prefer` picks, if it picks exactly one. Keyed by the Latin name,
 * with the longest key the pair shares.
 */
function soundPairs(latin: Map<string, Iterable<string>>, cyr: Map<string, Iterable<string>>, minLen: number, prefer?: (l: string, c: string) => boolean): Map<string, { c: string; len: number }> {
  const index = new Map<string, Set<string>>();
  for (const [c, forms] of cyr) for (const f of forms) for (const k of soundKeys(f)) if (k.length >= minLen) addToSet(index, k, c);
  const candidates = new Map<string, Map<string, number>>();
  const back = new Map<string, Set<string>>();
  for (const [l, forms] of latin) {
    const cs = new Map<string, number>();
    for (const f of forms) for (const k of soundKeys(f)) for (const c of index.get(k) ?? []) cs.set(c, Math.max(cs.get(c) ?? 0, k.length));
    candidates.set(l, cs);
    for (const c of cs.keys()) addToSet(back, c, l);
  }
  const only = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);
  const out = new Map<string, { c: string; len: number }>();
  for (const [l, cs] of candidates) {
    const c = cs.size === 1 ? [...cs.keys()][0] : prefer ? only([...cs.keys()].filter((x) => prefer(l, x))) : undefined;
    if (c === undefined) continue;
    const ls = [...(back.get(c) ?? [])];
    if (ls.length !== 1 && !(prefer && only(ls.filter((x) => prefer(x, c))) === l)) continue;
    out.set(l, { c, len: cs.get(c) as number });
  }
  return out;
}

/** a two-word Cyrillic name written family name first: its first word sounds like a Latin name's surname and its second like that
 *  name's given name, and not the other way round */
function surnameFirst([w1, w2]: [string, string], latin: Array<[string, string]>): boolean {
  return latin.some(([g, s]) => soundMatch(w1, s) && soundMatch(w2, g) && !(soundMatch(w1, g) && soundMatch(w2, s)));
}

/**
 * Given names of two surname groups, by sound: 'agree' when one of each sounds alike (Ferenc /
 * Ференц) or one is the other's start (Rennie / Rennard, a short form), 'clash' when both groups
 * have given names and none agree, 'none' when either has none.
 */
function givenSoundAgreement(a: Set<string> | undefined, b: Set<string> | undefined): 'agree' | 'clash' | 'none' {
  if (!a?.size || !b?.size) return 'none';
  for (const x of a) {
    for (const y of b) {
      if (soundMatch(x, y)) return 'agree';
      const kx = soundKeys(x);
      const ky = soundKeys(y);
      if (kx.some((p) => ky.some((q) => Math.min(p.length, q.length) >= 2 && (p.startsWith(q) || q.startsWith(p))))) return 'agree';
    }
  }
  return 'clash';
}

// (not "жена", "мать": "жена Каменева" is Kamenev's wife, a genitive of the man)
const FEMALE_BEFORE = new Set(['гражданка', 'подсудимая', 'обвиняемая', 'свидетельница', 'госпожа', 'mrs', 'miss', 'madame', 'mme', 'ms', 'lady', 'frau', 'madam']);
const NOT_VERBS_LA = new Set(['дела', 'села', 'тела', 'стола', 'зла', 'пола', 'угла', 'была']);

/** a woman is meant: a feminine role word before the name, or a feminine past-tense verb after it */
function femaleContext(text: string, c: Candidate): boolean {
  if (FEMALE_BEFORE.has(c.before)) return true;
  const after = /^\s+([а-яё]+)/.exec(text.slice(c.end, c.end + 30));
  if (after) {
    const w = after[1] as string;
    if ((/(?:ла|лась)$/.test(w) && !NOT_VERBS_LA.has(w)) || w === 'была') return true;
  }
  return false;
}

/** titles that do not tell people apart (everyone in the dock is "Comrade" or "the accused") */
const GENERIC_TITLES = new Set(
  `comrade comrades mr mrs ms miss dr doctor citizen defendant accused witness sir lady madame mme monsieur herr frau genosse genossin
camarade tov товарищ тов гражданин гражданка подсудимый подсудимая обвиняемый обвиняемая свидетель свидетельница господин госпожа
доктор father saint st wife widow son daughter brother sister mother husband жена вдова сын дочь брат сестра отец мать муж`.split(/\s+/),
);
const TITLE_CANON: Record<string, string> = {
  procurator: 'prosecutor', прокурор: 'prosecutor', staatsanwalt: 'prosecutor', statsanwalt: 'prosecutor', statsadvokat: 'prosecutor', procureur: 'prosecutor',
  маршал: 'marshal', marschall: 'marshal', maréchal: 'marshal', marechal: 'marshal', генерал: 'general', général: 'general', gen: 'general',
  полковник: 'colonel', col: 'colonel', майор: 'major', капитан: 'captain', capt: 'captain', lt: 'lieutenant', prof: 'professor', профессор: 'professor',
  академик: 'academician', нарком: 'commissar', narkom: 'commissar', commissaire: 'commissar', судья: 'judge', посол: 'ambassador', инженер: 'engineer',
  kommandarm: 'komandarm', губернатор: 'governor', gov: 'governor', attorney: 'lawyer', counsel: 'lawyer', rev: 'reverend',
};
/** the distinguishing title or role in a mention's cue ("title:colonel", "role:historian"), in one form */
function titleOf(cue: string): string | null {
  const m = /^(?:title|role):([^+]+)/.exec(cue);
  if (!m) return null;
  const t = (m[1] as string).toLowerCase().replace(/\.$/, '');
  if (GENERIC_TITLES.has(t)) return null;
  return TITLE_CANON[t] ?? t;
}

/** what happens to buildings: burning, storming, building, destroying */
const BUILDING_EVENT = /^(?:[^.!?;\n]{0,40}?\b(?:burn(?:ed|t|s|ing)?|caught fire|was set on fire|was set alight|went up in flames|was in flames|was stormed|was bombed|was built|was rebuilt|was destroyed|was gutted|collapsed)\b)/;
const BUILDING_BEFORE = /\b(?:burning|storming|ruins|roof|dome|steps|walls|gates) of (?:the )?$/;

function buildingSense(text: string, start: number, end: number): boolean {
  return BUILDING_EVENT.test(text.slice(end, end + 60)) || BUILDING_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}
