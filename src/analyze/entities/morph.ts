/**
 * Morphology for names: Russian case endings in Cyrillic, English possessives, patronymics,
 * given-name lookup across languages, and the shape of Russian surnames in any script.
 */
import { cyrillicKey, foldKey, hasCyrillic, memoize, nameKeys } from './keys.js';
import { GIVEN_NAME_GROUPS, OTHER_GIVEN_NAMES } from './lexicon.js';

export interface GivenName {
  /** canonical key of the name's group (e.g. 'grigori' for Gregory, Grigorii, Григорий) */
  id: string;
  /** canonical display form (first of the group) */
  display: string;
  female: boolean;
  /** first letters the name may be abbreviated to, across its spellings (Iosif/Joseph: i, j) */
  initials: string;
  /** the Cyrillic nominative, when the lexicon has one */
  cyrillic?: string;
}

const GIVEN = new Map<string, GivenName>();
(function build() {
  for (const g of GIVEN_NAME_GROUPS) {
    const display = g.names[0] as string;
    const id = nameKeys(display)[0] ?? display.toLowerCase();
    const initials = new Set<string>();
    for (const n of g.names) if (!hasCyrillic(n)) initials.add(n[0]!.toLowerCase());
    const cyr = g.names.find((n) => hasCyrillic(n));
    const info: GivenName = { id, display, female: g.female === true, initials: [...initials].join(''), ...(cyr ? { cyrillic: cyr } : {}) };
    for (const n of g.names) {
      GIVEN.set(n.toLowerCase(), info);
      for (const k of nameKeys(n)) if (!GIVEN.has('#' + k)) GIVEN.set('#' + k, info);
    }
  }
  for (const n of OTHER_GIVEN_NAMES) {
    const lower = n.toLowerCase();
    if (GIVEN.has(lower)) continue;
    const id = nameKeys(n)[0] ?? lower;
    GIVEN.set(lower, { id, display: n, female: false, initials: n[0]!.toLowerCase() });
  }
  // irregular Russian forms: Лев → Льва, Льву, Львом
  const lev = GIVEN.get('лев');
  if (lev) for (const f of ['льва', 'льву', 'львом', 'льве']) GIVEN.set(f, lev);
})();

const RU_GIVEN_ENDINGS = ['ем', 'ом', 'ой', 'ою', 'я', 'ю', 'е', 'а', 'у', 'ы', 'и'];

/** look a word up as a given name (any script; Russian case forms understood) */
export const givenName: (word: string) => GivenName | null = memoize(lookupGiven);

function lookupGiven(word: string): GivenName | null {
  const lower = word.toLowerCase();
  const direct = GIVEN.get(lower);
  if (direct) return direct;
  if (hasCyrillic(lower)) {
    for (const e of RU_GIVEN_ENDINGS) {
      if (!lower.endsWith(e) || lower.length - e.length < 2) continue;
      const stem = lower.slice(0, -e.length);
      for (const add of ['', 'й', 'ий', 'а', 'я', 'ь']) {
        const g = GIVEN.get(stem + add);
        if (g) return g;
      }
    }
    return null;
  }
  if (lower.length < 3) return null;
  for (const k of nameKeys(word)) {
    const g = GIVEN.get('#' + k);
    if (g) return g;
  }
  return null;
}

/** is this Cyrillic given-name form a masculine oblique case (Леонида, Сергея, Григорию, Льва)? */
export function isMasculineOblique(word: string): boolean {
  const lower = word.toLowerCase();
  if (!hasCyrillic(lower)) return false;
  if (lower === 'льва' || lower === 'льву' || lower === 'львом' || lower === 'льве') return true;
  if (GIVEN.has(lower)) return false;
  const g = givenName(word);
  return g !== null && !g.female;
}

const PATRONYMIC_LATIN = /^[A-Z][a-z]+(?:ovich|evich|ievich|yevich|ich|ovna|evna|ievna|yevna|ichna|owitsch|ewitsch)$/;
const PATRONYMIC_CYR = /^[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|е|ой|у)?$/;

export function isPatronymic(word: string): boolean {
  return PATRONYMIC_LATIN.test(word) || PATRONYMIC_CYR.test(word);
}

/** Russian surname shapes in Latin transliteration (and Cyrillic nominative) */
const RU_SURNAME_LATIN = /(?:[^aeiou]ov|[^aeiou]ev|[^aeiou]yov|[^aeiou]off|[^aeiou]eff|[^aeiou]in|[^aeiou]yn|sky|ski|skii|skiy|skij|skaya|tsky|tskii|enko|dze|shvili|vich|ovich|evich|ova|eva|ina|yan)$/i;
const RU_SURNAME_CYR = /(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|енко|дзе|швили|ович|евич|ова|ева|ёва|ина|ына|ян|ук|юк)(?:а|у|ым|ом|е|ой|ого|ому|им|ую)?$/;

export function looksLikeRussianSurname(word: string): boolean {
  if (word.length < 4) return false;
  return hasCyrillic(word) ? RU_SURNAME_CYR.test(word.toLowerCase()) : RU_SURNAME_LATIN.test(word);
}

/** English possessive: Stalin's, Trotsky’s, the Smirnovs' → length of the suffix to drop */
export function possessiveSuffix(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c === 39 || c === 0x2019) {
    const n = text.charCodeAt(end + 1);
    if (n === 115 /* s */ && !isLetter(text.charCodeAt(end + 2))) return 2;
    if (text.charCodeAt(end - 1) === 115 && !isLetter(n)) return 1;
  }
  return 0;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

export type Gender = 'm' | 'f' | '?';

export interface RuForm {
  /** candidate nominative lemmas, most likely first */
  lemmas: string[];
  gender: Gender;
}

/**
 * Candidate nominative forms of a Cyrillic surname or place form. Russian-type surnames
 * (-ов/-ев/-ин/-ский) decline by known paradigms; the feminine nominative (Николаева) and the
 * masculine genitive (Николаева, "of Nikolaev") are the same string, so that form is '?'.
 */
export function ruSurnameForms(word: string): RuForm {
  const w = word.toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = /^(.+(?:ск|цк))(ий|ого|ому|им|ом)$/.exec(w))) return { lemmas: [m[1] + 'ий'], gender: 'm' };
  if ((m = /^(.+(?:ск|цк))(ая|ую)$/.exec(w))) return { lemmas: [m[1] + 'ая'], gender: 'f' };
  if ((m = /^(.+(?:ск|цк))(ой)$/.exec(w))) return { lemmas: [m[1] + 'ая', m[1] + 'ий'], gender: 'f' };
  if ((m = /^(.+(?:ов|ев|ёв|ин|ын))$/.exec(w))) return { lemmas: [w], gender: 'm' };
  if ((m = /^(.+(?:ов|ев|ёв|ин|ын))(ым|ом|е)$/.exec(w))) return { lemmas: [m[1] as string], gender: 'm' };
  if ((m = /^(.+(?:ов|ев|ёв|ин|ын))(ой|ою)$/.exec(w))) return { lemmas: [m[1] + 'а'], gender: 'f' };
  if ((m = /^(.+(?:ов|ев|ёв|ин|ын))(а|у)$/.exec(w))) return { lemmas: [m[1] as string, m[1] + 'а'], gender: '?' };
  return { lemmas: [w], gender: '?' };
}

/** generic noun endings, for names that are not Russian-type surnames (Радека, Москве, Ленинграде) */
const GENERIC_ENDINGS: Array<[string, string[]]> = [
  // fleeting vowel: Запорожец → Запорожца, Запорожцем
  ['цами', ['ец']],
  ['цем', ['ец']],
  ['цом', ['ец']],
  ['ца', ['ец']],
  ['цу', ['ец']],
  ['це', ['ец']],
  ['ией', ['ия']],
  ['ами', ['а', '']],
  ['ого', ['ий', 'ой', '']],
  ['ему', ['ий', '']],
  ['ой', ['а', 'ая', 'ий']],
  ['ом', ['']],
  ['ем', ['', 'ь', 'й']],
  ['ым', ['']],
  ['им', ['ий']],
  ['ы', ['а']],
  ['и', ['а', 'я', 'ь']],
  ['е', ['а', '', 'я', 'ь']],
  ['у', ['а', '']],
  ['ю', ['я', 'ь', 'й']],
  ['а', ['']],
  ['я', ['ь', 'й']],
];

/** candidate lemmas for a Cyrillic form by generic noun endings (checked against what the corpus shows) */
export function genericLemmas(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  for (const [end, adds] of GENERIC_ENDINGS) {
    if (!w.endsWith(end) || w.length - end.length < 3) continue;
    const stem = w.slice(0, -end.length);
    for (const a of adds) out.push(stem + a);
  }
  return out;
}

/** key for a surname form: Cyrillic lemma keyed, or the Latin spelling's readings */
export function surnameKeys(lemma: string): string[] {
  if (hasCyrillic(lemma)) {
    const k = cyrillicKey(lemma);
    return k ? [k] : [];
  }
  return nameKeys(lemma);
}

export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'’(])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

export function isAllCaps(word: string): boolean {
  if (word.length < 2) return false;
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if ((c >= 97 && c <= 122) || (c >= 0x430 && c <= 0x45f)) return false;
    else if (c >= 0x400 && c <= 0x42f) letters++;
    else if (c >= 0xc0) {
      const ch = word[i] as string;
      if (ch !== ch.toUpperCase()) return false;
      if (ch !== ch.toLowerCase()) letters++;
    }
  }
  return letters > 0;
}

export { foldKey };
