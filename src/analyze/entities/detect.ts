/**
 * Mention detection: proper-noun runs with exact spans, typed by cues in context, morphology,
 * a small gazetteer, and what the corpus itself teaches (a name seen with a cue in one place
 * is a name elsewhere). Two passes: the first collects candidates and the corpus's evidence,
 * the second decides the candidates the first could not.
 */
import { isWordChar } from '../../core/text.js';
import { isEnglishWord } from '../../ingest/quality.js';
import { cyrillicKey, hasCyrillic, nameKeys, phraseKey, primaryKey, soundKeys } from './keys.js';
import {
  DERIVED_SUFFIX,
  FUNCTION_WORDS,
  NOT_NAMES_ALONE,
  NUMBER_WORDS,
  ORG_HEADS,
  PERSON_ROLES,
  PERSON_TITLES,
  PERSON_VERBS,
  PLACE_HEADS,
  PLACE_PREPS,
  ROMAN_NUMERALS,
  TRIAL_HEADS,
} from './lexicon.js';
import { genericLemmas, givenName, isAllCaps, isPatronymic, looksLikeRussianSurname, possessiveSuffix } from './morph.js';
import { PLACE_GROUPS } from './places.js';

/** lowercase nouns after which a name is a place's: prison, camp, town, village, island, fortress, station, street (any case) */
const PLACE_NOUN_BEFORE = /^(?:тюрьм|лагер|город|сел[оеау]$|деревн|станци|крепост|остров|пос[её]лк|улиц|площад|област|район|town$|city$|village$|island$|fortress$)/u;

export type EntityType = 'person' | 'organization' | 'place' | 'trial';
export const ENTITY_TYPES: EntityType[] = ['person', 'organization', 'place', 'trial'];

export interface DocInput {
  sourceId: string;
  versionId: number;
  text: string;
  lang?: string | null;
  passages: Array<{ key: string; start: number; end: number; role?: string }>;
}

/** capitalization class of a token */
const LOWER = 0;
const TITLE = 1;
const CAPS = 2;
const INITIAL = 3;
const OTHER = 4;
/** dotted capitals: initials before a name (I.N. Smirnov), an acronym otherwise (U.S.S.R.) */
const DOTTED = 5;

/** a word of the text: its span, capitalization class, and (computed on first use) its strings */
export class Tok {
  private _w: string | null = null;
  private _lower: string | null = null;
  constructor(
    private readonly text: string,
    readonly s: number,
    readonly e: number,
    readonly cap: number,
    /** first word of a sentence, line or heading */
    public first: boolean,
    /** hash of the lowercase word (LOWER tokens only; 0 otherwise) */
    readonly hash: number,
  ) {}
  get w(): string {
    return (this._w ??= this.text.slice(this.s, this.e));
  }
  get lower(): string {
    return (this._lower ??= this.cap === LOWER ? this.w : this.w.toLowerCase());
  }
}

/** the hash CaseStats keys lowercase words by (FNV-1a over UTF-16 code units) */
export function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface Candidate {
  doc: number;
  passage: number;
  start: number;
  end: number;
  text: string;
  /** the name's words (titles, articles and the trial/org head excluded for persons) */
  words: string[];
  type: EntityType | null;
  /** 2: a cue fixed the type; 1: morphology or gazetteer; 0: nothing yet */
  strength: number;
  cue: string;
  inverted: boolean;
  capsContext: boolean;
  sentenceInitial: boolean;
  /** word before the name (lowercase), for Russian gender and context */
  before: string;
  /** leading words taken as given names only for their capital (English words): pass 2 checks them */
  softLead?: number;
}

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'du', 'la', 'le', 'ibn', 'bin', 'al', 'y', 'da', 'dos', 'ter']);
const JOINERS = new Set(['of', 'for', 'on']);
const ABBREV_BEFORE = new Set(['univ', 'co', 'inc', 'corp', 'bros', 'dept', 'mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'gen', 'col', 'capt', 'lt', 'rev', 'mme', 'm', 'tov', 'тов', 'vs', 'cf', 'no', 'vol', 'pp', 'p', 'ed', 'eds', 'trans', 'jr', 'sr']);

const PLACE_INDEX = new Map<string, string>();
for (const g of PLACE_GROUPS) {
  const id = phraseKey(g[0] as string);
  for (const n of g) PLACE_INDEX.set(n.toLowerCase(), id);
}

/** gazetteer id for a place name (Russian case forms tried), or null */
export function gazetteerPlace(name: string): string | null {
  const lower = name.toLowerCase();
  const hit = PLACE_INDEX.get(lower) ?? PLACE_INDEX.get(lower.replace(/^the /, ''));
  if (hit) return hit;
  if (hasCyrillic(lower) && !lower.includes(' ') && !/(?:ск|цк)(?:ий|ого|ому|им|ом)$/.test(lower)) {
    for (const l of genericLemmas(lower)) {
      const h = PLACE_INDEX.get(l);
      if (h) return h;
    }
  }
  return null;
}

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  if (c >= 0x400 && c <= 0x42f) return true;
  if (c >= 0x430 && c <= 0x45f) return false;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLowerLetter(c: number, ch: string): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  if (c >= 0x430 && c <= 0x45f) return true;
  if (c >= 0x400 && c <= 0x42f) return false;
  return ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

/** words of a stretch of text with their capitalization class and sentence starts */
export function tokenizeNames(text: string, from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  let i = from;
  let boundary = true; // start of passage counts as a sentence start
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 10 || c === 58 || c === 59 || c === 8226) {
        // a period after an initial or a known abbreviation does not end the sentence
        if (c === 46 && toks.length > 0) {
          const p = toks[toks.length - 1] as Tok;
          if (p.e === i && (p.cap === INITIAL || p.cap === DOTTED || ABBREV_BEFORE.has(p.lower))) {
            i++;
            continue;
          }
        }
        boundary = true;
      }
      i++;
      continue;
    }
    const s = i;
    let h = 0x811c9dc5;
    for (;;) {
      while (i < to) {
        const cc = text.charCodeAt(i);
        if (!isWordChar(cc)) break;
        h = Math.imul(h ^ cc, 16777619);
        i++;
      }
      const d = text.charCodeAt(i);
      // inner apostrophes (O'Brien, Zinov'ev) and hyphens (Pyatakov-Radek, Alma-Ata) join
      if ((d === 39 || d === 0x2019 || d === 45 || d === 0x2010 || d === 0x2011) && i + 1 < to && isWordChar(text.charCodeAt(i + 1))) {
        // but not an English possessive 's at a word end
        if ((d === 39 || d === 0x2019) && text.charCodeAt(i + 1) === 115 && !isWordChar(text.charCodeAt(i + 2))) break;
        h = Math.imul(h ^ d, 16777619);
        i++;
        continue;
      }
      break;
    }
    // dotted capitals: U.S.S.R., N.Y., I.N. (initials or an acronym; the run decides)
    let dotted = false;
    if (i - s === 1 && text.charCodeAt(i) === 46 && isUpper(text[s] as string)) {
      let k = i;
      while (text.charCodeAt(k) === 46 && k + 1 < to && isUpper(text[k + 1] as string) && !isWordChar(text.charCodeAt(k + 2))) k += 2;
      if (k > i) {
        i = text.charCodeAt(k) === 46 ? k + 1 : k;
        dotted = true;
      }
    }
    const fc = text.charCodeAt(s);
    const f = text[s] as string;
    let cap = OTHER;
    if (fc >= 48 && fc <= 57) cap = OTHER;
    else if (!isUpper(f)) cap = isLowerLetter(fc, f) ? LOWER : OTHER;
    else if (dotted) cap = DOTTED;
    else if (i - s === 1 && text.charCodeAt(i) === 46) cap = INITIAL;
    else if (isAllCaps(text.slice(s, i))) cap = CAPS;
    else cap = TITLE;
    // a lowercase word's string is made only if something asks for it; its hash counts it
    toks.push(new Tok(text, s, i, cap, boundary, cap === LOWER ? h >>> 0 : 0));
    boundary = false;
  }
  return toks;
}

function gap(text: string, a: Tok, b: Tok): string {
  return text.slice(a.e, b.s);
}

/** a name token: capitalized word or initial, not a bare number */
function nameTok(t: Tok | undefined): boolean {
  if (t === undefined) return false;
  // "I" (the pronoun) and contractions (I'll, I'm, Don't) are no names; O'Brien is
  if (t.cap === TITLE) return t.w.length > 1 && !/^[A-Za-z]{1,5}['’](?:ll|m|ve|re|d|t|s)$/.test(t.w);
  return t.cap === CAPS || t.cap === INITIAL || t.cap === DOTTED;
}

/** more than half the letters of this stretch's words are capitals: capitalization says nothing */
function capsStretch(toks: Tok[], from: number, to: number): boolean {
  let caps = 0;
  let words = 0;
  for (let i = from; i < to; i++) {
    const t = toks[i] as Tok;
    if (t.cap === OTHER) continue;
    words++;
    if (t.cap === CAPS || (t.cap === TITLE && t.w.length === 1)) caps++;
  }
  return words >= 3 && caps / words > 0.6;
}

export interface DetectState {
  candidates: Candidate[];
  /** per lowercased word: [lowercase occurrences, capitalized non-initial occurrences] */
  caseStats: CaseStats;
  /** name keys of the words the corpus writes as names in Cyrillic and never lowercase (set in pass 2) */
  cyrillicNames?: Set<string>;
}

export function newDetectState(): DetectState {
  return { candidates: [], caseStats: new CaseStats() };
}

/** how often each word is written lowercase, and capitalized away from a sentence start */
export class CaseStats {
  private lower = new Map<number, number>();
  private cap = new Map<string, number>();
  addLowerHash(h: number): void {
    this.lower.set(h, (this.lower.get(h) ?? 0) + 1);
  }
  addCap(w: string): void {
    this.cap.set(w, (this.cap.get(w) ?? 0) + 1);
  }
  get(w: string): [number, number] | undefined {
    const l = this.lower.get(wordHash(w));
    const c = this.cap.get(w);
    return l === undefined && c === undefined ? undefined : [l ?? 0, c ?? 0];
  }
}

/**
 * Pass 1 over one document: candidate runs with the cues around them; case statistics for
 * the corpus (how often each word is written lowercase vs capitalized mid-sentence).
 */
export function collectCandidates(doc: DocInput, docIndex: number, state: DetectState): void {
  const { text } = doc;
  for (let pi = 0; pi < doc.passages.length; pi++) {
    const p = doc.passages[pi]!;
    const toks = tokenizeNames(text, p.start, p.end);
    // line starts inside lists and headings are sentence starts too
    for (let nl = text.indexOf('\n', p.start), i = 1; nl >= 0 && nl < p.end && i < toks.length; i++) {
      if (toks[i]!.s <= nl) continue;
      if (toks[i - 1]!.e <= nl) toks[i]!.first = true;
      nl = text.indexOf('\n', toks[i]!.s);
    }
    const caps = capsStretch(toks, 0, toks.length);
    for (const t of toks) {
      // (words of three letters or fewer are left out: function words, and the dictionary decides them)
      if (t.cap === LOWER) {
        if (t.e - t.s > 3) state.caseStats.addLowerHash(t.hash);
      }
      else if ((t.cap === TITLE || t.cap === CAPS) && !t.first && !caps) state.caseStats.addCap(t.lower);
    }
    scanRuns(doc, docIndex, pi, toks, caps, state);
  }
}

function scanRuns(doc: DocInput, docIndex: number, pi: number, toks: Tok[], caps: boolean, state: DetectState): void {
  const text = doc.text;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!nameTok(t)) {
      // Russian: a capitalized adjective with a lowercase head noun ("Шахтинское дело", "Центральный комитет")
      i++;
      continue;
    }
    // extend the run: name tokens separated by single spaces; particles and "of (the)" joiners inside
    let j = i + 1;
    for (;;) {
      const n = toks[j];
      if (!n) break;
      const g = gap(text, toks[j - 1]!, n);
      const glue = g === ' ' || g === '\u00a0' || (g === '. ' && toks[j - 1]!.cap === INITIAL) || (g === '.' && toks[j - 1]!.cap === INITIAL) || (g === '. ' && ABBREV_BEFORE.has(toks[j - 1]!.lower));
      if (!glue) break;
      if (nameTok(n) && !n.first) {
        j++;
        continue;
      }
      if (nameTok(n) && n.first && toks[j - 1]!.cap === INITIAL) {
        j++;
        continue;
      }
      // "Trial of the Sixteen", "University of Chicago", "van der Lubbe"
      if (n.cap === LOWER && (PARTICLES.has(n.lower) || JOINERS.has(n.lower))) {
        let k = j + 1;
        if (toks[k]?.lower === 'the' && gap(text, n, toks[k]!) === ' ') k++;
        const after = toks[k];
        if (after && gap(text, toks[k - 1]!, after) === ' ' && (nameTok(after) || (JOINERS.has(n.lower) && NUMBER_WORDS.has(after.lower) && after.cap !== LOWER))) {
          j = k + 1;
          continue;
        }
        if (after && JOINERS.has(n.lower) && NUMBER_WORDS.has(after.lower)) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    if (caps) {
      // in an all-caps heading, words are judged one by one (by what the corpus knows of them)
      for (let k = i; k < j; k++) if (toks[k]!.cap === CAPS || toks[k]!.cap === TITLE) emitRun(doc, docIndex, pi, toks, k, k + 1, caps, state);
    } else emitRun(doc, docIndex, pi, toks, i, j, caps, state);
    i = j;
  }
}

/** split a joined run at "of" when what comes before names no organization, trial or place */
function splitJoiners(toks: Tok[], a: number, b: number): number {
  for (let k = a + 1; k < b; k++) {
    const t = toks[k]!;
    if (t.cap === LOWER && JOINERS.has(t.lower)) {
      const head = toks[k - 1]!.lower;
      if (ORG_HEADS.has(head) || TRIAL_HEADS.has(head) || PLACE_HEADS.has(head) || head === 'people’s' || head === "people's") continue;
      // "Commissar of Internal Affairs", "Secretary of State": a title with of is no name
      return k;
    }
  }
  return b;
}

const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'final', '1st', '2nd', '3rd', 'первый', 'второй', 'третий', 'первого', 'второго', 'третьего']);
const ORG_SINGLE = new Set(['pravda', 'izvestia', 'comintern', 'cheka', 'politburo', 'politbureau', 'orgburo', 'gestapo', 'procuracy', 'правда', 'известия', 'коминтерн', 'политбюро']);
/** a French or German article opening a capitalized name mid-sentence: a publication or body (Le Temps, L'Humanité, Die Rote Fahne) */
const FOREIGN_ARTICLE = /^(?:(?:Le|La|Les|Die|Der|Das)$|L['’]\p{Lu})/u;
const LOWER_ORG_HEADS = new Set(['group', 'bloc', 'centre', 'center', 'opposition', 'faction', 'группа', 'блок', 'центр', 'оппозиция']);
/** "Toronto: University of Toronto Press, 1974" / "New Haven, Conn.: Yale" / "London : Gollancz, 1937" */
const IMPRINT_AFTER = /^(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?\s?:\s*\p{Lu}[^\n:;]{0,80}?,\s*(?:c\.?\s?)?(?:1[5-9]\d\d|20\d\d)/u;

function isTitleWord(t: Tok): boolean {
  return PERSON_TITLES.has(t.lower.replace(/\.$/, ''));
}

/** could this token be a given name, an initial or a patronymic in front of a surname? */
function nameLead(t: Tok): boolean {
  if (t.cap === INITIAL || t.cap === DOTTED) return true;
  if (t.cap !== TITLE && t.cap !== CAPS) return false;
  if (givenName(t.w) || isPatronymic(t.w)) return true;
  // a capitalized Cyrillic word opening a sentence is an ordinary word unless it is a known given name
  // (a word shaped like a surname is kept for pass 2, which takes it when the corpus writes it capitalized mid-sentence in some case)
  if (t.first && hasCyrillic(t.w)) return t.w.length >= 6 && surnameShaped(t.w);
  if (PARTICLES.has(t.lower)) return true;
  if (isTitleWord(t) || FUNCTION_WORDS.has(t.lower) || NOT_NAMES_ALONE.has(t.lower) || TRIAL_HEADS.has(t.lower) || ORG_HEADS.has(t.lower)) return false;
  if (DERIVED_SUFFIX.test(t.w)) return false;
  if (t.w.includes('-') && t.lower.split('-').every((p) => isEnglishWord(p) || FUNCTION_WORDS.has(p))) return false;
  if (gazetteerPlace(t.w) !== null) return false;
  // an unknown given name; one opening a sentence ("Infact Stalin") is checked in pass 2 (Zhores, Nowell); an English word (Homer, Rose) only mid-sentence,
  // where its capital shows it is a name; pass 2 drops it if the corpus writes it lowercase
  return !isEnglishWord(t.lower) || (!t.first && t.cap === TITLE);
}

/**
 * A lead accepted on weak grounds, checked against the whole corpus in pass 2: an English
 * word capitalized mid-sentence (Homer, Great), or an unknown word opening a sentence
 * (Akmal, Infact).
 */
function softLead(t: Tok): boolean {
  if (t.cap !== TITLE || givenName(t.w)) return false;
  return isEnglishWord(t.lower);
}

function emitRun(doc: DocInput, docIndex: number, pi: number, toks: Tok[], a0: number, b0: number, caps: boolean, state: DetectState): void {
  if (a0 >= b0) return;
  const text = doc.text;
  let a = a0;
  let b = splitJoiners(toks, a0, b0);
  if (b < b0) emitRun(doc, docIndex, pi, toks, b + 1 < b0 && toks[b + 1]?.lower === 'the' ? b + 2 : b + 1, b0, caps, state);
  // leading function words ("The", "In", "However") and titles ("Comrade", "Marshal")
  let cue = '';
  let type: EntityType | null = null;
  let strength = 0;
  while (a < b) {
    const t = toks[a]!;
    const bare = t.lower.replace(/\.$/, '');
    // a title, or a capitalized role noun opening the run ("Lawyer Smirnov, counsel for …")
    const roleLead = !isTitleWord(t) && t.cap === TITLE && a + 1 < b && PERSON_ROLES.has(t.lower) && !isEnglishWord(toks[a + 1]!.lower);
    if (isTitleWord(t) || roleLead) {
      // a title before a dictionary word ("Private Life", "General Secretary") is no name
      const after = toks[a + 1];
      if (a + 1 < b && after && !TRIAL_HEADS.has(after.lower) && !ORG_HEADS.has(after.lower) && (!isEnglishWord(after.lower) || givenName(after.w) !== null || after.cap === INITIAL || after.cap === DOTTED)) {
        cue = `title:${bare}`;
        type = 'person';
        strength = 2;
      }
      a++;
      continue;
    }
    if (FUNCTION_WORDS.has(bare) && t.cap !== INITIAL && t.cap !== DOTTED) {
      a++;
      continue;
    }
    break;
  }
  // trailing titles ("... Ambassador") belong to the next name, not this one; a run never ends on "of"/"the"
  while (b > a && (isTitleWord(toks[b - 1]!) || (toks[b - 1]!.cap === LOWER && (JOINERS.has(toks[b - 1]!.lower) || toks[b - 1]!.lower === 'the' || PARTICLES.has(toks[b - 1]!.lower))))) b--;
  if (a >= b) return;
  let first = toks[a]!;
  const last = toks[b - 1]!;
  const before = a > 0 ? toks[a - 1]! : undefined;
  const beforeLower = before ? before.lower.replace(/\.$/, '') : '';
  // a lowercase cue word before: "the historian Roy Medvedev", "prosecutor Vyshinsky"
  // (not "deputy NKVD boss", "chief Party Secretary": an organization used as an adjective)
  const nextIsRole = toks[b] !== undefined && (PERSON_ROLES.has(toks[b]!.lower) || PERSON_TITLES.has(toks[b]!.lower) || ['boss', 'man', 'men', 'officer', 'officers', 'members', 'member', 'official', 'officials'].includes(toks[b]!.lower));
  // (and in apposition: "the solicitor, Wade Wright, told …")
  if (!type && before && before.cap === LOWER && (PERSON_ROLES.has(before.lower) || PERSON_TITLES.has(before.lower)) && (gap(text, before, first) === ' ' || (gap(text, before, first) === ', ' && text.charCodeAt(last.e) === 44)) && !nextIsRole && !(last.cap === CAPS && last.w.length <= 5) && !ORG_HEADS.has(last.lower)) {
    type = 'person';
    strength = 2;
    cue = `role:${before.lower}`;
  }
  // a place noun before: «в тюрьме Синг-Синг», «на острове Дьявола», "the town of Dedham"
  const ofBefore = before && before.lower === 'of' && a > 1 ? toks[a - 2]! : undefined;
  if (!type && before && before.cap === LOWER && gap(text, before, first) === ' ' && (PLACE_NOUN_BEFORE.test(before.lower) || (ofBefore && /^(?:town|city|village|island|port|prison|fortress)$/.test(ofBefore.lower)))) {
    type = 'place';
    strength = 2;
    cue = 'place-noun';
  }
  // a newspaper or an agency named after its kind: «газета «Орор»», "the newspaper L'Aurore", «агентство ТАСС»
  if ((!type || type === 'person') && strength < 2 && before && before.cap === LOWER && /^(?:газет|журнал|агентств|издательств|newspaper$|journal$|magazine$|agency$|daily$|weekly$)/u.test(before.lower) && /^\s[«"“]?$/u.test(gap(text, before, first))) {
    type = 'organization';
    strength = 2;
    cue = 'org-noun';
  }
  // a Russian adjective before its noun is no name: «Верховного суда», «Военная коллегия» (surnames of adjective form end in
  // -ский, -цкий and are left alone)
  if ((!type || type === 'person') && b - a === 1 && hasCyrillic(first.w) && /(?:[нвр]ого|[нвр]ая|[нвр]ое|[нвр]ые|[нвр]ых|[нвр]ый|нной|нному)$/.test(first.lower) && toks[b] !== undefined && toks[b]!.cap === LOWER && hasCyrillic(toks[b]!.w) && gap(text, first, toks[b]!) === ' ') return;
  // (and one of -ский before a noun in its case: «в Имперском суде», «Кремлёвской больницы», «Лефортовской тюрьме»; a surname of that
  // form is followed by a verb, «о Вознесенском говорили»)
  if ((!type || type === 'person') && b - a === 1 && hasCyrillic(first.w) && /(?:ск|цк)(?:ом|ой|ое|ую)$/.test(first.lower) && toks[b] !== undefined && toks[b]!.cap === LOWER && hasCyrillic(toks[b]!.w) && gap(text, first, toks[b]!) === ' ' && /(?:е|и|ы|у|ю|ой|ей|ом|ем|а|я|о)$/.test(toks[b]!.lower) && !/(?:л|ла|ли|ло|лся|лась|лись|ет|ут|ют|ат|ят|ит|ется|ются|ишь|ешь)$/.test(toks[b]!.lower) && !/^(?:област|лес|район|кра[йяею]|улиц|площад|губерни|уезд|волост|округ|переул|проспект)/.test(toks[b]!.lower)) return;
  let end = last.e;
  let ordinalStart = -1;
  if (before && before.cap === LOWER && ORDINALS.has(before.lower) && gap(text, before, first) === ' ') ordinalStart = before.s;
  const words = toks.slice(a, b).map((t) => t.w);
  const lowerWords = words.map((w) => w.toLowerCase());
  let inverted = false;
  let soft = 0;
  const next = toks[b];
  const nextGapOk = next !== undefined && gap(text, last, next) === ' ';
  const possessive = possessiveSuffix(text, end);
  const whole = text.slice(first.s, end);
  const place = gazetteerPlace(whole);
  // "Radek said", "Bukharin confessed": not after an article ("the Party said"), not an acronym
  const verbCue =
    nextGapOk && next!.cap === LOWER && PERSON_VERBS.has(next!.lower) && !possessive && last.cap !== CAPS && !(before && (before.lower === 'the' || before.lower === 'a' || before.lower === 'an'));

  if (TRIAL_HEADS.has(last.lower) && b - a >= 2) {
    type = 'trial';
    strength = 2;
    cue = 'trial-head';
  } else if (TRIAL_HEADS.has(first.lower) && b - a >= 2 && lowerWords.includes('of')) {
    type = 'trial';
    strength = 2;
    cue = 'trial-of';
  } else if (!possessive && nextGapOk && next!.cap === LOWER && TRIAL_HEADS.has(next!.lower) && (!hasCyrillic(last.w) || /(?:ое|ий|ый|ой|ая|ского|ское)$/.test(last.lower))) {
    type = 'trial';
    strength = 2;
    cue = 'trial-head';
    end = next!.e;
    words.push(next!.w);
  } else if (place && strength < 2) {
    type = 'place';
    strength = b - a === 1 ? 1 : 2;
    cue = 'gazetteer';
  } else if (
    (ORG_HEADS.has(last.lower) && b - a >= 2 && !PERSON_TITLES.has(lowerWords[0] as string)) ||
    (b - a === 1 && ORG_SINGLE.has(last.lower)) ||
    // "Commissariat of Heavy Industry", "Court of Cassation": a head noun before "of"
    (lowerWords.includes('of') && lowerWords.slice(0, lowerWords.indexOf('of')).some((w) => ORG_HEADS.has(w)))
  ) {
    type = 'organization';
    strength = 2;
    cue = 'org-head';
  } else if (!first.first && FOREIGN_ARTICLE.test(first.w) && (b - a >= 2 || /^L['’]/.test(first.w)) && strength < 2) {
    type = 'organization';
    strength = 1;
    cue = 'foreign-article';
  } else if (
    !possessive && nextGapOk && next!.cap === LOWER && strength < 2 &&
    ((LOWER_ORG_HEADS.has(next!.lower) && words.some((w) => w.includes('-') || DERIVED_SUFFIX.test(w))) ||
      // "Bolshevik party", "Left opposition": a political word and a lowercase head
      ((next!.lower === 'party' || next!.lower === 'opposition') && words.every((w) => NOT_NAMES_ALONE.has(w.toLowerCase()))))
  ) {
    type = 'organization';
    strength = 2;
    cue = 'org-head';
    end = next!.e;
    words.push(next!.w);
  } else if (!type && PLACE_HEADS.has(last.lower) && b - a >= 2) {
    type = 'place';
    strength = 2;
    cue = 'place-head';
  }
  const nextCh = text.charCodeAt(end);
  if (!type && (nextCh === 58 || nextCh === 44 || (nextCh === 32 && text.charCodeAt(end + 1) === 58)) && IMPRINT_AFTER.test(text.slice(end, end + 140))) {
    type = 'place';
    strength = 2;
    cue = 'imprint';
  }
  // acronyms: NKVD, OGPU, НКВД, U.S.S.R. (not Roman numerals)
  if (!type && b - a === 1 && (first.cap === CAPS || first.cap === DOTTED) && !caps && first.w.replace(/\./g, '').length >= 2 && first.w.length <= 8 && !ROMAN_NUMERALS.test(first.w) && !first.w.includes('-')) {
    cue = 'acronym';
  }
  // inverted names in reference lines: "Medvedev, Roy." / "Getty, J. Arch" / "Conquest, R."
  if ((!type || type === 'person') && b - a === 1 && nextCh === 44 && first.cap !== DOTTED && (first.first || /(?:^|[;&(\n"“‘'\[]|\band|\d[.)]?)\s*$/.test(text.slice(Math.max(0, first.s - 8), first.s)))) {
    const given = invertedGiven(text, end);
    // "Bukharin, Bukharin" is a repetition, not "Surname, Given"
    if (given && given.split(/[\s.]+/)[0] !== first.w) {
      inverted = true;
      type = 'person';
      strength = 2;
      cue = 'inverted';
      end = end + 2 + given.length;
      words.length = 0;
      for (const w of given.split(/\s+/)) words.push(w);
      words.push(first.w);
    }
  }
  if ((!type || type === 'person') && !inverted && b - a >= 2) {
    // a person's name is [given names, initials, patronymic] + surname: what stands before that
    // ("Unknown Stalin", "Old Bolshevik Sokolnikov", "Russia Ambassador Davies") is not the name
    let k = b - 1;
    while (k > a && nameLead(toks[k - 1]!)) k--;
    const personish = type === 'person' || verbCue || isTitleWord(toks[k - 1] ?? toks[a]!) || k < b - 1 || looksLikeRussianSurname(last.w) || (!isEnglishWord(last.lower) && !place);
    if (k > a && personish) {
      const leadTitle = isTitleWord(toks[k - 1]!);
      emitRun(doc, docIndex, pi, toks, a, leadTitle ? k - 1 : k, caps, state);
      if (leadTitle) {
        type = 'person';
        strength = 2;
        cue = `title:${toks[k - 1]!.lower}`;
      } else if (cue.startsWith('title:') || cue.startsWith('role:')) {
        type = null;
        strength = 0;
        cue = '';
      }
      a = k;
      first = toks[a]!;
      words.splice(0, words.length, ...toks.slice(a, b).map((t) => t.w));
    }
    while (a + soft < b - 1 && softLead(toks[a + soft]!)) soft++;
  }
  if (!type || type === 'person') {
    const g0 = givenName(words[0] as string);
    const hasInitial = toks.slice(a, b).some((t) => t.cap === INITIAL || t.cap === DOTTED);
    if (!inverted && b - a >= 2 && (g0 || hasInitial || words.some((w) => isPatronymic(w)))) {
      if (strength < 2) {
        type = 'person';
        strength = 2;
        cue = g0 ? 'given-name' : hasInitial ? 'initials' : 'patronymic';
      }
    } else if (!type && verbCue) {
      type = 'person';
      strength = 2;
      cue = `verb:${next!.lower}`;
    } else if (!type && looksLikeRussianSurname(last.w) && (hasCyrillic(last.w) || !isEnglishWord(last.lower))) {
      // (unless a place preposition before it and a known country or region after it make it a place: "taken to Snagov in
      // Romania", "at Kosovo, Serbia")
      const within = before && PLACE_PREPS.has(beforeLower) && b - a === 1 ? /^\s*(?:,|in|в|во)\s+(\p{Lu}[\p{L}-]+)/u.exec(text.slice(last.e, last.e + 40)) : null;
      if (within && gazetteerPlace(within[1]!)) {
        type = 'place';
        strength = 1;
        cue = `prep:${beforeLower}+within`;
      } else {
        type = 'person';
        strength = 1;
        cue = 'surname-shape';
      }
    }
  }
  // (a preposition opening the sentence counts as well: «На Валдае умирает…», "In Leipzig the trial…")
  if (!type && !cue && before && (before.cap === LOWER || (before.cap === TITLE && before.first && PLACE_PREPS.has(beforeLower))) && b - a <= 2) {
    if (PLACE_PREPS.has(beforeLower)) cue = `prep:${beforeLower}`;
    else if (beforeLower === 'the' && b - a === 1) cue = 'article';
    // "Prime Minister of Prussia", "Governor of Georgia": what follows "of" after an office
    // (a body's offices name a body: "President of Harvard", "Chairman of Gosplan")
    else if (beforeLower === 'of' && a >= 2 && OFFICE_OF.has(toks[a - 2]!.lower)) cue = BODY_OFFICE.has(toks[a - 2]!.lower) ? 'of-office' : 'prep:of-office';
  }
  // derived words (Trotskyite, Ezhovshchina, Stalinism), lone nationality words, lone initials are not names
  if (b - a === 1 && type !== 'organization' && (DERIVED_SUFFIX.test(first.w) || NOT_NAMES_ALONE.has(first.lower))) return;
  if (b - a === 1 && first.cap === INITIAL) return;
  if (toks.slice(a, b).every((t) => t.cap === INITIAL || t.cap === DOTTED) && cue !== 'acronym') return;
  if (words.every((w) => NOT_NAMES_ALONE.has(w.toLowerCase()) || FUNCTION_WORDS.has(w.toLowerCase()) || PERSON_TITLES.has(w.toLowerCase()))) return;
  // "the second Moscow trial" is one trial of the series "the Moscow Trials"; "van der Lubbe",
  // "de Gaulle": lowercase particles before a surname belong to it
  let particleStart = -1;
  if ((type === 'person' || !type) && b - a === 1) {
    let k = a;
    while (k > 0 && toks[k - 1]!.cap === LOWER && PARTICLES.has(toks[k - 1]!.lower) && toks[k - 1]!.lower !== 'y' && gap(text, toks[k - 1]!, toks[k]!) === ' ') k--;
    if (k < a) particleStart = toks[k]!.s;
  }
  const start = type === 'trial' && ordinalStart >= 0 ? ordinalStart : particleStart >= 0 ? particleStart : first.s;
  if (start !== first.s && start === ordinalStart) words.unshift(text.slice(start, first.s).trim());
  else if (start !== first.s) words.unshift(...text.slice(start, first.s).trim().split(/\s+/));
  state.candidates.push({
    doc: docIndex,
    passage: pi,
    start,
    end,
    text: text.slice(start, end),
    words,
    type,
    strength,
    cue,
    inverted,
    capsContext: caps,
    sentenceInitial: first.first,
    before: beforeLower,
    softLead: soft,
  });
}

/** "Roy", "J. Arch", "Denis Nowell", "R.", "Joseph E." after "Surname, " in a reference line */
function invertedGiven(text: string, end: number): string | null {
  if (text.charCodeAt(end) !== 44 || text.charCodeAt(end + 1) !== 32) return null;
  const rest = text.slice(end + 2, end + 48);
  const parts = rest.split(' ');
  const out: string[] = [];
  for (let i = 0; i < parts.length && out.length < 3; i++) {
    const w = (parts[i] as string).replace(/["”’')\]]+$/, '');
    const bare = w.replace(/[.,;:)]+$/, '');
    if (/^(?:\p{Lu}\.)+$/u.test(w) || /^(?:\p{Lu}\.)+\p{Lu}\.?$/u.test(bare + '.')) {
      out.push(/^(?:\p{Lu}\.)+$/u.test(w) ? w : bare);
      if (!/^(?:\p{Lu}\.)+$/u.test(w)) break;
      continue;
    }
    if (!/^\p{Lu}\p{Ll}+$/u.test(bare)) break;
    const isGiven = givenName(bare) !== null;
    const prevGiven = out.length > 0 && !/\.$/.test(out[out.length - 1] as string);
    // after an initial only a known given name continues ("J. Arch"); "Joseph E. Mission" stops at E.
    if (out.length > 0 && /\.$/.test(out[out.length - 1] as string) && !isGiven) break;
    // an unknown given name (Zhores, Nowell) when it is no English word and an initial or the
    // end of the name follows ("Medvedev, Zhores A.", "Pritt, Denis Nowell.")
    // (only with an initial after it: "Zinoviev, Kamenev" is a list of surnames, not a name)
    const endsName = w === bare && /^(?:\p{Lu}\.)+,?$/u.test(parts[i + 1] ?? '');
    const unknownOk = out.length === 0 && !isEnglishWord(bare.toLowerCase()) && !looksLikeRussianSurname(bare) && endsName;
    if (!isGiven && !unknownOk && !(prevGiven && /[.,(]/.test(w.slice(bare.length, bare.length + 1) || '.'))) {
      if (out.length === 0) return null;
      break;
    }
    out.push(bare);
    if (w !== bare) break;
  }
  if (out.length === 0) return null;
  const first = out[0] as string;
  if (!/^\p{Lu}\./u.test(first) && !givenName(first) && isEnglishWord(first.toLowerCase())) return null;
  return out.join(' ');
}

/** the keys a candidate teaches or learns by: its whole phrase, and (persons) its surname */
export function learnKeys(c: Candidate): [string, string] {
  const lastWord = c.inverted ? (c.words[c.words.length - 1] as string) : (c.words[c.words.length - 1] as string);
  return [phraseKey(c.text), 'w:' + primaryKey(lastWord.replace(/\.$/, ''))];
}

/** NKVD, OGPU, CPSU, KGB, U.S.S.R.: short, or few vowels; a long word with vowels in capitals (OLEINIK, STALIN) is a name in capitals */
function acronymShaped(text: string): boolean {
  const letters = text.replace(/\./g, '');
  const vowels = letters.replace(/[^AEIOUYАЕЁИОУЫЭЮЯ]/g, '').length;
  return letters.length <= 4 || (letters.length <= 6 && vowels / letters.length < 0.3);
}

/** a word that may be learned as a surname: not a head noun, function word, acronym or dictionary word */
function teachesSurname(w: string): boolean {
  const l = w.toLowerCase().replace(/\.$/, '');
  if (ORG_HEADS.has(l) || TRIAL_HEADS.has(l) || PLACE_HEADS.has(l) || NOT_NAMES_ALONE.has(l) || FUNCTION_WORDS.has(l) || PERSON_TITLES.has(l)) return false;
  if (w.length <= 5 && w === w.toUpperCase()) return false;
  return true;
}

/** cues strong enough to teach the corpus that a word is a person's surname */
const TEACHING_CUES = /^(?:title:|role:|verb:|given-name|initials|patronymic|inverted)/;

/**
 * Pass 2: decide what pass 1 could not, from what the corpus taught. Returns the accepted
 * candidates (typed), in document order.
 */
export function resolveCandidates(state: DetectState): Candidate[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (k: string, t: EntityType, n: number) => {
    let m = votes.get(k);
    if (!m) votes.set(k, (m = new Map()));
    m.set(t, (m.get(t) ?? 0) + n);
  };
  for (const c of state.candidates) {
    // a gazetteer hit counts for its place, so that a place is not outvoted by a few persons
    if (c.cue === 'gazetteer') vote(learnKeys(c)[0], 'place', 1);
    // so does an acronym for its organization: one "deputy NKVD boss" does not make NKVD a person
    if (c.cue === 'acronym' && acronymShaped(c.text)) vote(learnKeys(c)[0], 'organization', 1);
    if (!c.type || c.strength < 2) continue;
    const [phrase, last] = learnKeys(c);
    vote(phrase, c.type, 1);
    if (c.type === 'person' && TEACHING_CUES.test(c.cue) && teachesSurname(c.words[c.words.length - 1] as string)) vote(last, 'person', 1);
  }
  const best = (k: string): EntityType | null => {
    const m = votes.get(k);
    if (!m) return null;
    let top: EntityType | null = null;
    let n = 0;
    for (const [t, v] of m) if (v > n) [top, n] = [t, v];
    return top;
  };
  const count = (k: string, t: EntityType) => votes.get(k)?.get(t) ?? 0;
  const isPersonSurname = (w: string) => best('w:' + primaryKey(w)) === 'person';
  // one-word names the corpus writes after a place preposition ("in X", «под Бухарестом») and
  // knows no other way, by sound so that scripts and case forms meet (Bucharest, Бухаресте)
  const prepPlaces = new Set<string>();
  // (prepositions of location only: "sent to X", "a letter from X", «напал на X» name people as often as places;
  // Russian в/во with a locative ending)
  for (const c of state.candidates) {
    if (c.type || c.words.length !== 1 || !LOCATION_PREP.test(c.cue) || best(learnKeys(c)[0]) || isCommon(c, state)) continue;
    const w = c.words[0] as string;
    if (/^prep:(?:в|во)$/.test(c.cue) && !/[еи]$/.test(w)) continue;
    for (const k of placeSoundKeys(w)) prepPlaces.add(k);
  }
  // the names the Russian texts write (a capitalized Cyrillic word never written lowercase), read to keys with their nominatives:
  // an English word written as a name in Latin letters is a name when the Russian texts write it too (Hiss / Хисс)
  const cyrillicNames = new Set<string>();
  for (const c of state.candidates) {
    if (c.type && c.type !== 'person') continue;
    const w = (c.words[c.words.length - 1] as string).toLowerCase();
    if (!hasCyrillic(w) || w.length < 3 || (state.caseStats.get(w)?.[0] ?? 0) > 0 || FUNCTION_WORDS.has(w)) continue;
    for (const f of [w, ...genericLemmas(w)]) cyrillicNames.add(cyrillicKey(f));
  }
  state.cyrillicNames = cyrillicNames;
  const out: Candidate[] = [];
  for (const raw of state.candidates) {
    const c0 = dropSoftLeads(raw, state);
    // two surnames side by side ("Bukharin Rykov", "Chuyev Kaganovich"): two mentions
    if (c0.type !== 'trial' && c0.type !== 'organization' && !c0.inverted && c0.words.length === 2 && !givenName(c0.words[0] as string) && isPersonSurname(c0.words[0] as string) && isPersonSurname(c0.words[1] as string) && !/[.]$/.test(c0.words[0] as string)) {
      const cut = c0.text.indexOf(' ');
      const second = c0.text.lastIndexOf(c0.words[1] as string);
      out.push({ ...c0, end: c0.start + cut, text: c0.text.slice(0, cut), words: [c0.words[0] as string], type: 'person', cue: 'learned', strength: 1 });
      out.push({ ...c0, start: c0.start + second, text: c0.words[1] as string, words: [c0.words[1] as string], type: 'person', cue: 'learned', strength: 1 });
      continue;
    }
    // a known surname before an unknown word ("the Trotsky Harvard archive"): the surname alone
    if ((c0.type === 'person' || !c0.type) && !c0.inverted && c0.words.length === 2 && !givenName(c0.words[0] as string) && isPersonSurname(c0.words[0] as string) && !isPersonSurname(c0.words[1] as string) && c0.cue !== 'given-name') {
      const cut = c0.text.indexOf(' ');
      out.push({ ...c0, end: c0.start + cut, text: c0.text.slice(0, cut), words: [c0.words[0] as string], type: 'person', cue: 'learned', strength: 1 });
      continue;
    }
    const c = c0;
    // "the Smirnovs", "two Medvedevs": a family or several people, not one mention of one person
    if (c.words.length === 1 && /[^s]s$/.test(c.words[0] as string) && !best(learnKeys(c)[0]) && best('w:' + primaryKey((c.words[0] as string).slice(0, -1))) === 'person') continue;
    // a one-word gazetteer place that the corpus knows as a person's surname (Gorky, Kirov), not after "in"
    if (c.cue === 'gazetteer' && c.words.length === 1 && !PLACE_PREPS.has(c.before) && best(learnKeys(c)[1]) === 'person' && count(learnKeys(c)[1], 'person') > count(learnKeys(c)[0], 'place')) {
      out.push({ ...c, type: 'person', cue: 'gazetteer+learned-person', strength: 1 });
      continue;
    }
    if (c.type && c.strength >= 1 && !c.capsContext) {
      out.push(c);
      continue;
    }
    const [phrase, last] = learnKeys(c);
    const learned = best(phrase) ?? (c.words.length === 1 ? best(last) : null);
    if (c.capsContext) {
      // in an all-caps heading only names the corpus knows elsewhere count
      const lt = learned ?? (c.type && c.strength >= 2 ? c.type : null);
      if (lt) out.push({ ...c, type: lt, cue: c.cue || 'learned', strength: Math.max(c.strength, 1) });
      continue;
    }
    if (learned) {
      out.push({ ...c, type: learned, cue: c.cue ? `${c.cue}+learned` : 'learned', strength: 1 });
      continue;
    }
    if (c.cue === 'acronym') {
        const letters = c.text.replace(/\./g, '');
      if (acronymShaped(c.text) || gazetteerPlace(letters)) {
        out.push({ ...c, type: gazetteerPlace(letters) || gazetteerPlace(c.text) ? 'place' : 'organization', strength: 1 });
        continue;
      }
      if (!isCommon(c, state)) out.push({ ...c, type: 'person', cue: 'proper-noun', strength: 0 });
      continue;
    }
    if (c.cue.startsWith('prep:')) {
      // "in X": a place unless X is an ordinary word or looks like a person's name
      if (!isCommon(c, state)) out.push({ ...c, type: 'place', strength: 0 });
      continue;
    }
    if (c.cue === 'article' || c.cue === 'of-office') {
      // "the Gestapo", "the Metro-Vickers": a named thing, not a person
      if (!isCommon(c, state)) out.push({ ...c, type: 'organization', strength: 0 });
      continue;
    }
    // no cue anywhere: a capitalized word that is not an ordinary word is taken as a person's name
    const core = c.words.filter((w) => !(w === w.toLowerCase() && PARTICLES.has(w)));
    if (core.length === 1 && core.length < c.words.length && !isCommon({ ...c, words: core }, state)) {
      out.push({ ...c, type: 'person', cue: 'proper-noun', strength: 0 });
    } else if (c.words.length === 1 && !isCommon(c, state)) {
      // (a name the corpus writes after "in" or «в» elsewhere: the place, "flee Bucharest by helicopter")
      if (!looksLikeRussianSurname(c.words[0] as string) && placeSoundKeys(c.words[0] as string).some((k) => prepPlaces.has(k))) out.push({ ...c, type: 'place', cue: 'prep-learned', strength: 0 });
      else out.push({ ...c, type: 'person', cue: 'proper-noun', strength: 0 });
    } else if (c.words.length >= 2 && c.words.length <= 3 && !c.sentenceInitial && c.words.every((w) => !isEnglishWord(w.toLowerCase()) || givenName(w))) {
      out.push({ ...c, type: 'person', cue: 'proper-noun', strength: 0 });
    } else if (c.words.length === 2 && c.sentenceInitial && !FOREIGN_ARTICLE.test(c.words[0]!) && !FUNCTION_WORDS.has(c.words[0]!.toLowerCase()) && c.words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !hasCyrillic(w) && !isEnglishWord(w.toLowerCase()) && !(state.caseStats.get(w.toLowerCase())?.[0] ?? 0))) {
      // "Miron Vovsi is arrested a week later": two capitalized words opening a sentence, neither an English word nor written
      // lowercase anywhere in the corpus, are a given name and a surname
      out.push({ ...c, type: 'person', cue: 'proper-noun', strength: 0 });
    }
  }
  return out;
}

/** offices held over a place or a body: what follows "of" after them is no person ("President of the Reichstag") */
const OFFICE_OF = new Set(['minister', 'president', 'premier', 'governor', 'king', 'queen', 'emperor', 'chancellor', 'mayor', 'bishop', 'archbishop', 'prefect', 'senator', 'ambassador', 'consul', 'viceroy', 'duke', 'prince', 'tsar', 'czar', 'shah', 'sultan', 'chief', 'commissar', 'secretary', 'chairman', 'speaker', 'director', 'rector']);
const BODY_OFFICE = new Set(['president', 'chief', 'secretary', 'chairman', 'speaker', 'director', 'rector']);
const LOCATION_PREP = /^prep:(?:in|at|near|outside|inside|throughout|across|в|во|под|около|возле)$/;

/** sound keys of a one-word place name and, in Russian, of the nominatives its case form may stand for (three classes at least) */
function placeSoundKeys(w: string): string[] {
  const forms = hasCyrillic(w) ? [w, ...genericLemmas(w.toLowerCase())] : [w];
  return [...new Set(forms.flatMap((f) => soundKeys(f)))].filter((k) => k.length >= 3);
}

/** an ordinary word: an English dictionary word, or written lowercase in the corpus at least as often as capitalized */
function isCommon(c: Candidate, state: DetectState): boolean {
  const w = (c.words[0] as string).toLowerCase();
  if (FUNCTION_WORDS.has(w) || NOT_NAMES_ALONE.has(w)) return true;
  const st = state.caseStats.get(w);
  const lowerN = st?.[0] ?? 0;
  const capN = st?.[1] ?? 0;
  if (lowerN > 0 && lowerN >= capN) return true;
  // (a Russian word opening a sentence is a name when the corpus writes another case form of it capitalized mid-sentence:
  // «Вознесенского, которого …» after «Вознесенский» elsewhere)
  if (hasCyrillic(w)) return c.sentenceInitial && capN === 0 && !(surnameShaped(w) && caseForms(w).some((f) => (state.caseStats.get(f)?.[1] ?? 0) > 0));
  if (isEnglishWord(w)) return lowerN > 0 || !nameKeys(c.words[0] as string).some((k) => state.cyrillicNames?.has(k));
  return c.sentenceInitial && capN === 0;
}

/** shaped like a Russian surname in any case («Кузнецов», «Кузнецова», «Вознесенского») */
const surnameShaped = (w: string) => looksLikeRussianSurname(w) || /(?:ск|цк)(?:ого|ому|им|ом)$/u.test(w.toLowerCase());

/** the other case forms of a Russian surname («вознесенского» → «вознесенский», «вознесенскому», …) */
function caseForms(w: string): string[] {
  const adj = /^(.+?)(?:ий|ый|ого|ому|им|ым|ом|ая|ой|ую)$/u.exec(w);
  if (adj && /(?:ск|цк)$/u.test(adj[1]!)) return ['ий', 'ого', 'ому', 'им', 'ом', 'ая', 'ой', 'ую'].map((e) => adj[1]! + e).filter((f) => f !== w);
  const stem = w.replace(/(?:а|у|ым|ом|е|ой|ую|ы)$/u, '');
  return [stem, ...['а', 'у', 'ым', 'ом', 'е', 'ой', 'ы'].map((e) => stem + e)].filter((f) => f !== w);
}

/** drop leading English words the corpus writes lowercase elsewhere ("Great Stalin", "Internal Yezhov") */
function dropSoftLeads(c: Candidate, state: DetectState): Candidate {
  if (!c.softLead) return c;
  let k = 0;
  while (k < c.softLead && k < c.words.length - 1) {
    const w = c.words[k] as string;
    const st = state.caseStats.get(w.toLowerCase());
    // English word: dropped if the corpus also writes it lowercase; unknown sentence opener:
    // kept only if the corpus also capitalizes it mid-sentence
    const drop = isEnglishWord(w.toLowerCase()) ? !!st && st[0] > 0 : !st || st[1] === 0;
    if (!drop) break;
    k++;
  }
  if (k === 0) return c;
  const words = c.words.slice(k);
  const at = c.text.indexOf(words[0] as string, c.words.slice(0, k).join(' ').length);
  if (at < 0) return c;
  return { ...c, start: c.start + at, text: c.text.slice(at), words, softLead: 0, cue: c.cue === 'given-name' ? 'surname-after-word' : c.cue };
}
