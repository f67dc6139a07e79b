/**
 * Checkable claims in running text (English and Russian), each normalized to subject, predicate,
 * value and time, with the exact span of the clause that states it:
 *   outcome      what happened to a person: executed, sentenced to death, N years, died, killed,
 *                suicide, acquitted, released, rehabilitated
 *   count        how many were tried, sentenced to death, shot, acquitted at an event ("Thirteen of the
 *                seventeen were sentenced to death", "the Trial of the Sixteen", "X, Y and fourteen others")
 *   date         when an event happened: an arrest, a death, an execution, a trial's opening, a meeting, a flight
 *   place        where such an event happened
 *   presence     whether a person was at a place or event ("Davies attended every session", "never reached Copenhagen")
 *   existence    whether something existed or happened ("there is no Bristol Hotel", "the flight never took place")
 *   attribution  who said or wrote what ("Vyshinsky declared that …", "as Walter Duranty observed, "…"")
 * The subject is an entity (from the entity analysis), an event keyed by its kind and year, or a
 * thing named by its words (folded across scripts). Nothing here decides which claim is true.
 * Pure: no I/O.
 */
import { datelineDate, type DateMention } from '../time/dates.js';
import { cyrillicKey, editDistance, foldKey, hasCyrillic } from '../entities/keys.js';
import { findTriggers, type Trigger } from './lexicon.js';

export type Predicate = 'outcome' | 'count' | 'date' | 'place' | 'presence' | 'existence' | 'attribution';

export interface ClaimMention {
  start: number;
  end: number;
  /** entity key */
  entity: string;
  type: string;
  /** the entity's display name */
  name: string;
}

export interface ClaimDoc {
  sourceId: string;
  text: string;
  lang?: string | null;
  /** spans that hold no claims of their own (citation lines) */
  exclude?: Array<[number, number]>;
}

export interface ClaimValue {
  /** outcome: executed | death-sentence | prison | died | killed | suicide | acquitted | released | rehabilitated;
   *  count: tried | death-sentence | executed | prison | acquitted; presence/existence: yes | no;
   *  date: the EDTF value; place / attribution: the place's or speaker's key */
  kind: string;
  /** years of prison, a count; a range as [lo, hi] */
  n?: number;
  hi?: number;
  /** a detail that makes a value more specific ("shot himself", a place) */
  detail?: string;
  /** presence: the place key; date: the EDTF value */
  place?: string;
  edtf?: string;
  /** attribution: the words are a quotation (not a paraphrase) */
  quoted?: boolean;
  /** place: a common noun only ("his apartment"), no name a place could be told apart by */
  generic?: boolean;
}

export interface Claim {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  predicate: Predicate;
  /** a key comparable across sources: an entity key, "trial@1937", "execution:person:radek", "thing:bristol+hotel" */
  subject: string;
  /** words for people: "Karl Radek", "defendants at the 1937 trial" */
  subjectLabel: string;
  value: ClaimValue;
  valueLabel: string;
  /** EDTF of the time the claim is about, when the text gives one */
  time: string | null;
  /** the time is not the clause's own but the trial the text was last telling of */
  timeFromContext?: boolean;
  /** name keys of the thing a claim is about (existence, attribution content): compared by overlap */
  keys?: string[];
  /** whose claim the source reports ("says Trotsky", a quotation attributed to him), when not the source's own */
  voice?: { entity: string; name: string };
  /** for a trial's group claim, the persons named around it (which trial it is when texts date it differently) */
  people?: string[];
}

// ------------------------------------------------------------------ lexicon

// ------------------------------------------------------------------ numbers written as words
// English and Russian cardinals (every case of the Russian ones) and Russian collective numerals ("пятеро", "пятерых"),
// composed as written: "fifty-three", "a hundred and three", "двадцать одного", "сто двенадцать"
const WORD_VALUES: Record<string, number> = {};
const words = (n: number, ...ws: string[]) => ws.forEach((w) => (WORD_VALUES[w] = n));
const EN_UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
EN_UNITS.forEach((w, i) => words(i + 1, w));
EN_TEENS.forEach((w, i) => words(i + 10, w));
EN_TENS.forEach((w, i) => words((i + 2) * 10, w));
const RU_UNITS: string[][] = [
  ['один', 'одна', 'одно', 'одного', 'одной', 'одному', 'одним', 'одном'],
  ['два', 'две', 'двух', 'двум', 'двумя'],
  ['три', 'трёх', 'трех', 'трём', 'трем', 'тремя'],
  ['четыре', 'четырёх', 'четырех', 'четырём', 'четырем', 'четырьмя'],
  ['пять', 'пяти', 'пятью'],
  ['шесть', 'шести', 'шестью'],
  ['семь', 'семи', 'семью'],
  ['восемь', 'восьми', 'восемью'],
  ['девять', 'девяти', 'девятью'],
];
RU_UNITS.forEach((ws, i) => words(i + 1, ...ws));
const RU_TEEN_STEMS = ['десят', 'одиннадцат', 'двенадцат', 'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат', 'семнадцат', 'восемнадцат', 'девятнадцат'];
RU_TEEN_STEMS.forEach((w, i) => words(i + 10, `${w}ь`, `${w}и`, `${w}ью`));
const RU_TENS: string[][] = [
  ['двадцать', 'двадцати', 'двадцатью'],
  ['тридцать', 'тридцати', 'тридцатью'],
  ['сорок', 'сорока'],
  ['пятьдесят', 'пятидесяти', 'пятьюдесятью'],
  ['шестьдесят', 'шестидесяти'],
  ['семьдесят', 'семидесяти'],
  ['восемьдесят', 'восьмидесяти'],
  ['девяносто', 'девяноста'],
];
RU_TENS.forEach((ws, i) => words((i + 2) * 10, ...ws));
const RU_HUNDREDS: string[][] = [['сто', 'ста'], ['двести', 'двухсот'], ['триста', 'трёхсот', 'трехсот'], ['четыреста', 'четырёхсот', 'четырехсот'], ['пятьсот', 'пятисот']];
RU_HUNDREDS.forEach((ws, i) => words((i + 1) * 100, ...ws));
const RU_COLLECTIVE: string[][] = [['двое', 'двоих'], ['трое', 'троих'], ['четверо', 'четверых'], ['пятеро', 'пятерых'], ['шестеро', 'шестерых'], ['семеро', 'семерых'], ['восьмеро', 'восьмерых'], ['девятеро', 'девятерых'], ['десятеро', 'десятерых']];
RU_COLLECTIVE.forEach((ws, i) => words(i + 2, ...ws));
const alt = (ws: string[]) => [...ws].sort((x, y) => y.length - x.length).join('|');
const EN_BELOW_100 = `(?:(?:${alt(EN_TENS)})(?:[-\\s](?:${alt(EN_UNITS)}))?|${alt(EN_TEENS)}|${alt(EN_UNITS)})`;
const EN_NUMBER = `(?:(?:a|${alt(EN_UNITS)})\\s+hundred(?:\\s+(?:and\\s+)?${EN_BELOW_100})?|${EN_BELOW_100})`;
const RU_BELOW_100 = `(?:(?:${alt(RU_TENS.flat())})(?:\\s+(?:${alt(RU_UNITS.flat())}))?|${alt(Object.keys(WORD_VALUES).filter((w) => /^[а-яё]/.test(w) && WORD_VALUES[w]! >= 10 && WORD_VALUES[w]! < 20))}|${alt(RU_UNITS.flat())}|${alt(RU_COLLECTIVE.flat())})`;
const RU_NUMBER = `(?:(?:${alt(RU_HUNDREDS.flat())})(?:\\s+${RU_BELOW_100})?|${RU_BELOW_100})`;
/** a number written in words, English or Russian (a regular-expression source without groups) */
const NUMW = `(?:${EN_NUMBER}|${RU_NUMBER})`;
const NUM_RE = `(?:\\d{1,3}(?:,\\d{3})+|\\d{1,5}(?:\\s+(?:тысяч[аи]?|thousand))?|${NUMW})`;
/** the value of a number as written: digits, "1,000", "5 thousand", "fifty-three", "a hundred and three", "двадцати одного" */
export function numberOf(s: string): number {
  const t = s.toLowerCase().trim();
  if (/^\d{1,3}(?:,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  const k = /^(\d+)\s+(?:тысяч[аи]?|thousand)$/.exec(t);
  if (k) return Number(k[1]) * 1000;
  if (/^\d+$/.test(t)) return Number(t);
  let total = 0;
  let any = false;
  for (const w of t.split(/[-\s]+/)) {
    if (w === 'and' || w === '') continue;
    if (w === 'a') {
      total += 1;
      continue;
    }
    if (w === 'hundred') {
      total = (total || 1) * 100;
      continue;
    }
    const v = WORD_VALUES[w];
    if (v === undefined) return NaN;
    total += v;
    any = true;
  }
  return any || total >= 100 ? total : NaN;
}

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const NEG_BEFORE = /(?:\bnot\b|\bnever\b|n['’]t\b|(?<![\p{L}])не(?![\p{L}])|(?<![\p{L}])никогда(?![\p{L}])|(?<![\p{L}])ни разу(?![\p{L}]))/u;

interface OutcomeRule {
  re: RegExp;
  kind: string;
  /** a fixed detail of the value ("life" for a life sentence) */
  detail?: string;
  years?: (m: RegExpExecArray) => [number, number] | null;
}
/**
 * A quick test before an expensive pattern: the word stems the pattern's source writes out (runs of three letters or more, outside
 * character classes and escapes, cut to their first four letters), one of which any match holds. A clause with none of them cannot
 * match, and the pattern is not run on it. Patterns whose some path writes no such stem have no hint and always run.
 */
const HINTS = new Map<RegExp, string[] | null>();
function literalStems(src: string): string[] | null {
  const out = new Set<string>();
  let cur = '';
  let inClass = false;
  const flush = () => {
    if (cur.length >= 3) out.add(cur.toLowerCase().slice(0, 4));
    cur = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '\\') {
      flush();
      // (an escape: \p{L}, \s, \b … is no letter of a word)
      if (src[i + 1] === 'p' || src[i + 1] === 'P') i = src.indexOf('}', i);
      else i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      flush();
      inClass = true;
      continue;
    }
    if (/\p{L}/u.test(ch)) cur += ch;
    else flush();
  }
  flush();
  // (function words stand beside the stems that matter in these patterns — "was shot", "the verdict" — and would pass every clause)
  for (const w of [...out]) if (HINT_STOP.has(w)) out.delete(w);
  return out.size ? [...out] : null;
}
const HINT_STOP = new Set(['the', 'was', 'were', 'is', 'are', 'had', 'been', 'his', 'her', 'its', 'thei', 'and', 'all', 'also', 'then', 'for', 'with', 'from', 'that', 'this', 'whic', 'who', 'has', 'have', 'only', 'just', 'each', 'both', 'some', 'about', 'more', 'less', 'than', 'over', 'under', 'into', 'onto', 'был', 'была', 'были', 'было', 'что', 'как', 'все', 'всех', 'его', 'её', 'ему', 'так', 'для', 'при', 'под', 'над', 'лишь', 'толь']);
function mayMatch(re: RegExp, lower: string): boolean {
  let h = HINTS.get(re);
  // (a number may be written in digits: the number words a pattern spells out are no stem every match holds)
  if (h === undefined) HINTS.set(re, (h = literalStems(re.source.split(NUM_RE).join(' ').split(NUMW).join(' '))));
  return !h || h.some((w) => lower.includes(w));
}

/** a sum of money: "5,000 francs", «пять тысяч франков», "50 thousand dollars" */
const MONEY = `(${NUM_RE})(?:\\s+(thousand|million|тысяч[аи]?|миллион\\p{L}*))?\\s+(?:francs?|dollars?|pounds?|roubles?|rubles?|marks?|франк\\p{L}*|доллар\\p{L}*|рубл\\p{L}*|марок|фунт\\p{L}*)`;
const money = (m: RegExpExecArray): [number, number] | null => {
  const n = numberOf(m[1]!) * (m[2] ? (/^(?:million|миллион)/iu.test(m[2]) ? 1_000_000 : 1000) : 1);
  return Number.isFinite(n) ? [n, n] : null;
};
export const OUTCOME_RULES: OutcomeRule[] = [
  // fines: "were each fined 5,000 francs", «приговорены к штрафу в пять тысяч франков»
  { re: new RegExp(`\\bfined\\s+(?:(?:each|jointly|also|only|\\p{L}+ly)\\s+)?${MONEY}`, 'giu'), kind: 'fine', years: (m) => money(m) },
  { re: new RegExp(`${B}(?:приговор[её]н[аы]?\\s+к\\s+штрафу|оштрафован[аы]?|оштрафовали)\\s+(?:\\p{L}+\\s+){0,2}?(?:в\\s+(?:размере\\s+)?|на\\s+)?${MONEY}`, 'giu'), kind: 'fine', years: (m) => money(m) },
  // prison terms (before "sentenced" alone)
  { re: new RegExp(`(?:sentenced|condemned)\\s+(?:(?:today|yesterday|each|all|both|also|then|later|again|\\p{L}+ly)\\s+){0,2}to\\s+(?:(${NUM_RE})(?:\\s+(?:to|or)\\s+(${NUM_RE}))?\\s+years|terms?\\s+of\\s+(?:imprisonment|prison))`, 'giu'), kind: 'prison', years: (m) => yrs(m[1], m[2]) },
  // a year: "sentenced to a year in prison", «приговорили к году тюрьмы»
  { re: new RegExp(`(?:\\b(?:sentenced|condemned)\\s+(?:(?:each|also|then|later|\\p{L}+ly)\\s+)?to\\s+(?:a|one)\\s+year(?:['’]s)?(?=\\s+(?:in\\s+prison|in\\s+jail|imprisonment|of\\s+imprisonment|in\\s+a\\s+(?:camp|fortress))|\\s*[,.;])|(?<![\\p{L}])(?:приговорил[аи]?|приговор[её]н[аы]?|осудил[аи]?|осужд[её]н[аы]?)\\s+(?:\\p{L}+\\s+)?к\\s+(?:одному\\s+)?году(?=\\s+(?:тюрьмы|тюремного|заключения|лишения|лагер)))`, 'giu'), kind: 'prison', years: () => [1, 1] },
  // terms in months, and a year and a half: "received eighteen months", «к полутора годам лишения свободы», «Кутузова — к полутора годам»
  { re: new RegExp(`(?:\\b(?:sentenced|condemned)\\s+(?:(?:each|also|then|later|\\p{L}+ly)\\s+)?to|\\b(?:got|gets|receive|receives|received|drew|given|handed)|${B}(?:приговор[её]н[аы]?\\s+к|осужд[её]н[аы]?\\s+(?:к|на)|получил[аи]?)|(?<=\\p{Lu}\\p{Ll}+\\s?)[—–]\\s+(?:к|на))\\s+(?:(${NUM_RE})\\s+(?:months|месяцам|месяцев|месяца)|(полтора|полутора)\\s+(?:года|годам|лет))(?![\\p{L}])`, 'giu'), kind: 'prison', years: (m) => (m[2] ? [1.5, 1.5] : ((n) => (Number.isFinite(n) ? [n / 12, n / 12] : null))(numberOf(m[1]!))) },
  // a verdict's list, one name a term: «Синявскому — семь лет лагерей», «Даниэль — к пяти годам лишения свободы», «Макдональд — на два года»
  { re: new RegExp(`(?<=\\p{Lu}\\p{Ll}+\\s?)[—–]\\s+(?:(?:к|на)\\s+)?(${NUM_RE})\\s+(?:годам|годами|лет|года)(?=\\s+(?:лагер|лишени|тюрем|тюрьм|каторжн|исправительн|заключени|ссылк|высылк|колони|строгого|усиленного|общего)|\\s*[,.;]|\\s*$)`, 'gu'), kind: 'prison', years: (m) => yrs(m[1], undefined) },
  // … the term left out where it is the list's own: «Ференц Донат — к двенадцати годам лишения свободы, Ференц Яноши — к восьми»,
  // "Thornton got three years, MacDonald two"
  { re: new RegExp(`(?<=(?:годам|годами|лет|года)[^.;!?]{0,200}\\p{Lu}\\p{Ll}+\\s?)[—–]\\s+(?:к|на)\\s+(${NUM_RE})(?=\\s*[,.;]|\\s+(?:и|а)\\s|\\s*$)`, 'gu'), kind: 'prison', years: (m) => yrs(m[1], undefined) },
  { re: new RegExp(`(?<=\\byears[^.;!?]{0,120}(?:,\\s+(?:and\\s+)?|\\s+and\\s+)(?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]+\\s)(${NUM_RE})(?=\\s*[,.;]|\\s+and\\s|\\s*$)`, 'gu'), kind: 'prison', years: (m) => yrs(m[1], undefined) },
  // "goes to the penitentiary for fifteen years", "was sent to prison for ten years"
  { re: new RegExp(`\\b(?:goes|go|went|gone|sent)\\s+to\\s+(?:the\\s+)?(?:penitentiary|prison|jail|gaol)\\s+for\\s+(${NUM_RE})(?:\\s+(?:to|or)\\s+(${NUM_RE}))?\\s+years`, 'giu'), kind: 'prison', years: (m) => yrs(m[1], m[2]) },
  { re: new RegExp(`\\b(?:was|were|had been|being|is|are)\\s+(?:given|handed)\\s+(${NUM_RE})(?:\\s+(?:to|or)\\s+(${NUM_RE}))?\\s+years`, 'giu'), kind: 'prison', years: (m) => yrs(m[1], m[2]) },
  { re: new RegExp(`\\b(?:got|gets|receive|receives|received|drew|served)\\s+(${NUM_RE})(?:\\s+(?:to|or)\\s+(${NUM_RE}))?\\s+years`, 'giu'), kind: 'prison', years: (m) => yrs(m[1], m[2]) },
  { re: new RegExp(`(?<=\\p{Lu}[\\p{L}'’-]+\\s)(${NUM_RE})\\s+years(?![\\p{L}])(?!\\s+(?:later|after|before|ago|earlier|old))`, 'gu'), kind: 'prison', years: (m) => yrs(m[1], undefined) },
  { re: new RegExp(`${B}(?:приговор[её]н[аы]?\\s+к|осужд[её]н[аы]?\\s+(?:к|на))\\s+(${NUM_RE})\\s+(?:годам|лет|года)`, 'giu'), kind: 'prison', years: (m) => yrs(m[1], undefined) },
  { re: new RegExp(`${B}(?:получил[аи]?|отделал(?:ся|ись|ась))\\s+(?:по\\s+)?(${NUM_RE})\\s+(?:годами|годам|лет|года)`, 'giu'), kind: 'prison', years: (m) => yrs(m[1], undefined) },
  { re: new RegExp(`${B}(?:приговор[её]н[аы]?|осужд[её]н[аы]?)\\s+к\\s+(?:тюремному\\s+)?(?:заключению|лишению свободы)`, 'giu'), kind: 'prison' },
  // life: "sentenced to life imprisonment", "deportation for life", "пожизненное заключение"
  { re: /\b(?:sentenced|condemned)\s+to\s+(?:life\s+(?:imprisonment|in\s+prison)|imprisonment\s+for\s+life|(?:perpetual\s+)?(?:deportation|penal\s+servitude|transportation)\s+for\s+life|perpetual\s+deportation)\b|\b(?:given|got|gets|received|receives)\s+(?:a\s+)?life(?:\s+(?:sentence|imprisonment)\b|(?=\s*[,.;]|\s+(?:in|for|and|with)\b))/giu, kind: 'prison', detail: 'life' },
  { re: new RegExp(`${B}(?:приговор[её]н[аы]?|осужд[её]н[аы]?)\\s+к\\s+(?:пожизненн\\p{L}+\\s+\\p{L}+|бессрочн\\p{L}+\\s+\\p{L}+)`, 'giu'), kind: 'prison', detail: 'life' },
  { re: new RegExp(`${B}(?:получил[аи]?|получает|получают)\\s+(?:по\\s+)?(?:пожизненн\\p{L}+|бессрочн\\p{L}+)(?:\\s+(?:заключени\\p{L}*|срок\\p{L}*|лишени\\p{L}*\\s+свободы|каторг\\p{L}*))?`, 'giu'), kind: 'prison', detail: 'life' },
  // death sentences and executions
  { re: /\b(?:sentenced|condemned)\s+to\s+(?:death|be shot|be hanged|hang|be executed|the\s+gallows|die\s+in\s+the\s+electric\s+chair|the\s+electric\s+chair)\b|\bdeath\s+sentences?\b/giu, kind: 'death-sentence' },
  { re: new RegExp(`${B}(?:приговор[её]н[аы]?\\s+к\\s+(?:расстрелу|высшей\\s+мере|смертной\\s+казни))`, 'giu'), kind: 'death-sentence' },
  { re: /\b(?:shoots?\s+(?:himself|herself)|shot\s+(?:himself|herself)|commit(?:s|ted)\s+suicide|kill(?:s|ed)\s+(?:himself|herself)|t(?:ook|akes)\s+(?:his|her)\s+own\s+life)\b/giu, kind: 'suicide' },
  { re: new RegExp(`${B}(?:застрел(?:ил(?:ся|ась)|ивается)|(?:покончил[аи]?|кончает|кончают)\\s+с\\s+собой|(?:покончил[аи]?|кончает)\\s+жизнь\\s+самоубийством)${E}`, 'giu'), kind: 'suicide' },
  { re: /\b(?:was|were|had been|have been|been|being|be|is|are|got)\s+(?:\w+ly\s+|all\s+|both\s+|then\s+|later\s+|duly\s+|also\s+)?(?:shot|executed|put\s+to\s+death|liquidated|electrocuted|hanged|hung|guillotined|beheaded)\b(?!\s+(?:himself|herself|at\s+the\s+(?:crowd|police)))|\bdied\s+in\s+the\s+electric\s+chair\b|\bwent\s+to\s+the\s+(?:electric\s+chair|gallows|scaffold|guillotine)\b/giu, kind: 'executed' },
  { re: new RegExp(`${B}(?:расстрелян[аы]?|казн[её]н[аы]?|расстреляли|казнили|повесили|повешен[аы]?|гильотинирован[аы]?)${E}`, 'giu'), kind: 'executed' },
  { re: /\b(?:was|were|had been)\s+(?:\w+ly\s+)?(?:killed|murdered|beaten\s+to\s+death)\s+(?:in\s+(?:prison|a\s+camp|the\s+camp)|by\s+(?:a\s+)?(?:fellow|other)\s+(?:prisoners?|inmates?))/giu, kind: 'killed' },
  { re: /\b(?:was|were|had been)\s+(?:\w+ly\s+)?(?:killed|murdered)\b/giu, kind: 'killed' },
  { re: new RegExp(`${B}(?:был[аи]?\\s+)?(?:убит[аы]?|убили)(?:\\s+сокамерник(?:ом|ами))?${E}`, 'giu'), kind: 'killed' },
  { re: /\bdied\s+(?:in\s+(?:a\s+|the\s+)?(?:camp|prison|jail|custody|exile|the\s+Gulag|detention|captivity)|of\s+\w+|under\s+interrogation|during\s+(?:the\s+)?(?:investigation|interrogation))/giu, kind: 'died' },
  { re: new RegExp(`${B}(?:умер|умерла|погиб|погибла)(?:\\s+в\\s+(?:лагере|тюрьме|заключении|ссылке))?${E}`, 'giu'), kind: 'died' },
  { re: /\b(?:was|were|had been|is|are)\s+(?:\w+ly\s+)?acquitted\b/giu, kind: 'acquitted' },
  { re: /\b(?:was|were|had been|is|are)\s+(?:\w+ly\s+)?(?:found\s+guilty|convicted)\b/giu, kind: 'convicted' },
  { re: new RegExp(`${B}(?:были\\s+|был[аи]?\\s+)?(?:осужден[аы]?|осуждён[аы]?|признан[аы]?\\s+виновн(?:ым|ыми|ой))(?!\\s+к)${E}`, 'giu'), kind: 'convicted' },
  { re: new RegExp(`${B}оправдан[аы]?${E}`, 'giu'), kind: 'acquitted' },
  { re: /\b(?:was|were|had been|is|are)\s+(?:\w+ly\s+)?(?:posthumously\s+)?(?:rehabilitated|exonerated|cleared\s+of\s+(?:all|every|the)\s+charges?)\b/giu, kind: 'rehabilitated' },
  { re: /\b(?:was|were|had been|is|are)\s+(?:\w+ly\s+)?(?:amnestied|pardoned|released|freed|set\s+free)\b/giu, kind: 'released' },
  { re: new RegExp(`${B}(?:был[аи]?\\s+)?(?:амнистирован[аы]?|помилован[аы]?|освобожд[её]н[аы]?)${E}`, 'giu'), kind: 'released' },
  { re: new RegExp(`${B}(?:посмертно\\s+)?реабилитирован[аы]?${E}`, 'giu'), kind: 'rehabilitated' },
];
/** the further terms of a list told "respectively" after the first: "' and five years' imprisonment respectively" → [5] */
const RESP_TERM = `(${NUM_RE})(?:\\s+(?:years|лет|годам|года))?['’]?`;
const RESPECTIVELY = new RegExp(`^['’]?((?:\\s*,\\s*${RESP_TERM})*\\s*,?\\s+(?:and|и)\\s+${RESP_TERM})[^.;]{0,40}?(?:\\brespectively\\b|(?<![\\p{L}])соответственно(?![\\p{L}]))`, 'iu');
function respectively(after: string, count: number): { ns: number[]; length: number } | null {
  const m = RESPECTIVELY.exec(after);
  if (!m) return null;
  const ns = [...m[1]!.matchAll(new RegExp(RESP_TERM, 'giu'))].map((x) => numberOf(x[1]!));
  return ns.length === count && ns.every((n) => Number.isFinite(n)) ? { ns, length: m[0].length } : null;
}

function yrs(a: string | undefined, b: string | undefined): [number, number] | null {
  if (!a) return null;
  const x = numberOf(a);
  const y = b ? numberOf(b) : x;
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/** what a count counts: the verb class, from the words around the number */
/** the bound or estimate a figure is given with, from the words just before it: '>' ("more than", «более»), '<' ("fewer than",
 *  «менее»), '~' ("some", "about", «около») */
function countBound(before: string): '<' | '>' | '~' | undefined {
  if (/(?:\b(?:more\s+than|over|upwards\s+of|at\s+least|well\s+over)|(?<![\p{L}])(?:более|свыше|больше|не\s+менее|по\s+меньшей\s+мере))\s+$/iu.test(before)) return '>';
  if (/(?:\b(?:fewer\s+than|less\s+than|under|at\s+most)|(?<![\p{L}])(?:менее|меньше|не\s+более))\s+$/iu.test(before)) return '<';
  if (/(?:\b(?:some|about|around|roughly|approximately|nearly|almost|circa|perhaps|an\s+estimated)|(?<![\p{L}])(?:около|примерно|почти|приблизительно|порядка|едва\s+ли\s+не))\s+$/iu.test(before)) return '~';
  return undefined;
}

function countClass(s: string): string | null {
  if (/sentenced\s+to\s+(?:death|be\s+shot)|condemned\s+to\s+(?:death|be\s+shot)|death\s+sentences?|к\s+(?:расстрелу|высшей\s+мере|смертной\s+казни)/iu.test(s)) return 'death-sentence';
  if (/\b(?:shot|executed|put\s+to\s+death|paid\s+with\s+their\s+lives)\b|расстрелян|расстреляли|казнен|казнён/iu.test(s)) return 'executed';
  if (/acquitted|оправдан/iu.test(s)) return 'acquitted';
  if (/\b(?:deported|exiled|banished)\b|выслан|выслали|депортирован|сослан/iu.test(s)) return 'deported';
  if (/\b(?:were|had\s+been|are)\s+(?:\w+\s+)?(?:arrested|detained|taken\s+into\s+custody)\b|арестован|арестовали|задержан/iu.test(s)) return 'arrested';
  if (/\b(?:convicted|found\s+guilty)\b|(?<![\p{L}])(?:осужден[аы]?|осуждён[аы]?|осудил[аи]?)(?!\s+к)(?![\p{L}])/iu.test(s) && !/sentenced|приговор/iu.test(s)) return 'convicted';
  if (/(?:sentenced|condemned)\s+to\s+(?:\w+\s+)?(?:years|terms?|imprisonment|prison)|\b(?:received|receive|got|given)\s+(?:prison\s+)?(?:terms|sentences)\b|к\s+\S+\s+(?:годам|лет)|к\s+заключению|получил[аи]?\s+(?:сроки|срок|по\s+\S+\s+(?:года|лет))/iu.test(s)) return 'prison';
  // released and rehabilitated ("all thirty-seven people arrested in the case had been released and fully rehabilitated")
  if (/\b(?:released|freed|set\s+free)\b|освобожд[её]н|освободили|выпустили|выпущен/iu.test(s)) return 'released';
  if (/\brehabilitated\b|реабилитирован/iu.test(s)) return 'rehabilitated';
  // the charges or counts of an indictment: "There were four charges", "guilty on all fifteen counts", «обвинили по пяти пунктам»
  if (/^\s*(?:\S+\s+)?(?:charges|counts)\b|^\s*(?:\S+\s+)?пункт\p{L}*/iu.test(s)) return 'charges';
  // witnesses, by the side that called them when the text says ("witnesses for the prosecution", «свидетелей защиты»)
  if (/^\s*(?:\S+\s+){0,2}?(?:witness(?:es)?|свидетел\p{L}*)(?![\p{L}])/iu.test(s)) return /prosecution|обвинени/iu.test(s) ? 'witnesses-prosecution' : /defen[cs]e|защит/iu.test(s) ? 'witnesses-defence' : 'witnesses';
  if (/\b(?:tried|in\s+the\s+dock|stood\s+trial|put\s+on\s+trial|defendants?|accused|on\s+trial|trial\s+of|charged|indicted)\b|подсудим|обвиняем|скамь|предстал|процесс|групп/iu.test(s)) return 'tried';
  return null;
}

const GROUP_NOUNS = '(?:accused|defendants|witnesses|свидетел\\p{L}*|companions|comrades|спутник\\p{L}*|сообщник\\p{L}*|соучастник\\p{L}*|подельник\\p{L}*|charges|counts|пункт\\p{L}*|men|people|persons|prisoners|conspirators|old\\s+bolsheviks|officers|officials|engineers|specialists|generals|commanders|others?|accomplices|associates|co-defendants|сотрудников|чекистов|специалистов|инженеров|чиновников|подсудимых|обвиняемых|человек|заговорщиков|осуждённых|осужденных|других|(?:польских\\s+)?(?:военнопленных|пленных|офицеров|поляков)|miners|workers|dead|погибших|шахтёров|шахтеров|рабочих)';

/** trial triggers: "trial", "процесс", with ordinal names */
const TRIAL_WORD = /\b(?:trials?|tribunal|court|court-martial|hearings?|jury)\b|процесс|суд(?![\p{L}])|судебн|трибунал/iu;

// concept words for things that may or may not have existed, across languages
const CONCEPTS: Array<[RegExp, string]> = [
  [/\b(?:hotel|hôtel)s?\b|гостиниц|отел/iu, 'hotel'],
  [/\b(?:caf[eé]|pastry\s*shop|konditori)\b|кафе|кондитерск/iu, 'cafe'],
  [/\b(?:flight|flew|aeroplane|airplane|plane|aircraft|landed|landing)\b|пол[её]т|перел[её]т|самол[её]т|прилет|прилёт|приземл/iu, 'flight'],
  [/\b(?:meeting|met|interview|rendezvous)\b|встреч|свидани/iu, 'meeting'],
  [/\b(?:passage|entrance|door)\b|проход|вход|двер/iu, 'passage'],
  [/\b(?:letters?|telegram|document)\b|письм|телеграмм|документ/iu, 'document'],
  [/\b(?:plot|conspiracy|centre|center|bloc)\b|заговор|центр|блок/iu, 'plot'],
  [/\b(?:fire|arson)\b|пожар|поджог/iu, 'fire'],
  // (the trial of a person, as the lexicon's acts name it: «никакого суда над Берией не было» / «рассмотрело дело по обвинению Берия»)
  [/\btrial\s+of\b|(?<![\p{L}])(?:суд\p{L}{0,2}|процесс\p{L}{0,2})\s+над(?![\p{L}])/iu, 'act-trial-of'],
  [/\b(?:massacres?|shootings?|graves?|killings?|executions?|murders?)\b|расстрел|могил|убийств/iu, 'killing'],
  [/\b(?:crimes?|rapes?|assaults?|attacks?)\b|преступлени|изнасиловани|нападени/iu, 'crime'],
  [/\b(?:pressure|torture|tortured|beat(?:en|ings?)|coercion|violence)\b|пытк|избива|избиени|давлени|насили/iu, 'coercion'],
  [/\b(?:flee|fled|escape|defection)\b|бегств|побег|бежать/iu, 'escape'],
];

/** a key for a name word that matches across scripts: "Бристоль" / "Bristol", "Осло" / "Oslo" */
export function wordKey(w: string): string {
  let x = w.toLowerCase().replace(/[«»"“”'’]/g, '');
  if (hasCyrillic(x)) {
    // case endings off a Russian noun or name
    x = x.replace(/(?:ами|ями|ого|его|ему|ому|ий|ый|ой|ей|ом|ем|ах|ях|ую|юю|ая|яя|ии|ия|ие|ые|а|у|е|ы|и|ю|я|ь)$/u, '');
    return foldKey(cyrillicKey(x)).replace(/^k(?=o)/, 'k');
  }
  x = x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’]s$/, '');
  return foldKey(x.replace(/[^a-z]/g, ''));
}
/** two name keys name the same thing: equal, or one letter apart in names of five letters or more (Copenhagen / Kopengagen) */
export function keysMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  const ca = a.replace(/c/g, 'k').replace(/ph/g, 'f').replace(/y/g, 'i').replace(/w/g, 'v');
  const cb = b.replace(/c/g, 'k').replace(/ph/g, 'f').replace(/y/g, 'i').replace(/w/g, 'v');
  if (ca === cb) return true;
  if (ca.length >= 5 && (ca.startsWith(cb) || cb.startsWith(ca)) && Math.abs(ca.length - cb.length) <= 2) return true;
  return editDistance(ca, cb, 2) <= (Math.min(ca.length, cb.length) >= 7 ? 2 : 1);
}

/** the name words and concepts of a phrase: its comparable keys */
export function thingKeys(phrase: string, mentions: ClaimMention[] = [], joint = false): string[] {
  const keys = new Set<string>();
  for (const [re, k] of CONCEPTS) if (re.test(phrase)) keys.add(`~${k}`);
  for (const m of mentions) keys.add(`@${m.entity}`);
  for (const w of phrase.match(/[«"“]?\p{Lu}[\p{L}'’-]+[»"”]?/gu) ?? []) {
    // (a capitalized determiner opening a sentence is no name: "Никакой …", "This …")
    if (DETERMINERS.test(w.replace(/[«»"“”]/g, ''))) continue;
    const k = wordKey(w);
    if (k.length >= 3 && !STOP_NAMES.has(k)) keys.add(k);
  }
  // a name of several words, written with spaces, hyphens or particles in one script and otherwise in another: "San Fernando" /
  // «Сан-Фернандо», "Beit Ha'am" / «Бейт-ха-Ам»
  for (const run of !joint ? [] : phrase.match(/\p{Lu}[\p{L}'’]*(?:(?:\s+|-)(?:\p{Lu}[\p{L}'’]*|\p{Ll}{1,3}(?=-)|\p{Ll}{1,3}-\p{Lu}[\p{L}'’]*))+/gu) ?? []) {
    const parts = run.split(/[\s-]+/);
    if (parts.length < 2 || parts.length > 4) continue;
    const k = parts.map((x) => (hasCyrillic(x) ? foldKey(cyrillicKey(x.toLowerCase())) : wordKey(x))).join('').replace(/kh/g, 'h');
    if (k.length >= 6) keys.add(`=${k}`);
  }
  return [...keys];
}
const DETERMINERS = /^(?:никак\p{L}*|ни\p{L}{0,3}|эт\p{L}{0,3}|тот|та|то|те|все|весь|вся|так\p{L}{2,3}|no|any|this|that|these|those|every|all|some|such)$/iu;
const STOP_NAMES = new Set(['the', 'there', 'this', 'that', 'then', 'now', 'but', 'and', 'it', 'in', 'on', 'at', 'he', 'she', 'they', 'no', 'not', 'a', 'an', 'et', 'vo', 'na', 'ne', 'tak', 'eto', 'on', 'ona', 'oni', 'odnako', 'no', 'i', 'a']);

// ------------------------------------------------------------------ text units

interface Unit {
  start: number;
  end: number;
}
/** sentences, then clauses at ";" */
function clauses(text: string, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  const slice = text.slice(from, to);
  let last = 0;
  // split at sentence ends (not after initials or abbreviations) and at ";"
  // (nor after a month's abbreviation: "began on Oct. 9")
  const cut = /(?<!(?<![\p{L}])(?:\p{Lu}|Mr|Mrs|Dr|St|Gen|Col|Lt|Capt|Prof|vol|No|p|pp|v|vs|т|г|гг|см|им|тов|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|янв|февр?|апр|авг|сент?|окт|нояб?|дек))[.!?]+["”»’)]*\s+(?=[\p{Lu}\d«"“(])|;\s*|\n+/gu;
  for (const m of slice.matchAll(cut)) {
    const end = m.index! + m[0].length;
    if (end - last > 1) out.push({ start: from + last, end: from + m.index! + (/[.!?]/.test(m[0][0]!) ? 1 : 0) });
    last = end;
  }
  if (slice.length - last > 1) out.push({ start: from + last, end: to });
  return out.filter((u) => text.slice(u.start, u.end).trim().length > 3);
}

// ------------------------------------------------------------------ extraction

export interface ExtractOptions {
  /** the year each trial entity took place in, read off the whole corpus (see trialYears) */
  trialYears?: Map<string, string>;
  /** the month of "the first / second / third trial", read off the whole corpus (see trialOrdinals) */
  trialOrdinals?: Map<number, string>;
  /** the person each office names in this corpus ("the American ambassador" → Joseph Davies; see roleNames) */
  roles?: Map<string, ClaimMention>;
}

const ORDINAL_TRIAL = /\b(first|second|third|fourth)\s+(?:of\s+the\s+)?(?:(?:great|big|Moscow|show|public|open)\s+){0,3}trials?\b|(?<![\p{L}])(перв|втор|трет|четвёрт|четверт)\p{L}*\s+(?:(?:большо|московск|открыт|показательн)\p{L}*\s+){0,2}процесс/iu;
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, перв: 1, втор: 2, трет: 3, четвёрт: 4, четверт: 4 };
function ordinalOf(s: string): number | null {
  const m = ORDINAL_TRIAL.exec(s);
  return m ? (ORDINALS[(m[1] ?? m[2])!.toLowerCase()] ?? null) : null;
}

/** "the second trial, which opened on 23 January 1937": the month of each numbered trial, by the votes of every source */
export function trialOrdinals(docs: Array<{ text: string; dates: DateMention[] }>): Map<number, string> {
  const votes = new Map<number, Map<string, number>>();
  for (const d of docs) {
    for (const m of d.text.matchAll(new RegExp(ORDINAL_TRIAL.source, 'giu'))) {
      const n = ORDINALS[(m[1] ?? m[2])!.toLowerCase()];
      if (!n) continue;
      const at = m.index!;
      const a = Math.max(0, d.text.lastIndexOf('.', at) + 1);
      const bRaw = d.text.indexOf('.', at + m[0].length);
      const b = bRaw < 0 ? d.text.length : bRaw;
      // the date nearest the phrase in its sentence, if it has a month
      let best: DateMention | null = null;
      // (close by: "the second trial, which opened on 23 January 1937"; a date elsewhere in the sentence may be another event's)
      for (const x of d.dates) {
        if (!x.edtf || x.start < a || x.end > b || !/^\d{4}-(?:0[1-9]|1[0-2])/.test(x.edtf)) continue;
        const dist = x.start - (at + m[0].length);
        if (dist < 0 || dist > 80) continue;
        if (!best || Math.abs(x.start - at) < Math.abs(best.start - at)) best = x;
      }
      if (!best) continue;
      const k = monthKey(best.edtf!);
      let v = votes.get(n);
      if (!v) votes.set(n, (v = new Map()));
      v.set(k, (v.get(k) ?? 0) + 1);
    }
  }
  const out = new Map<number, string>();
  for (const [n, v] of votes) {
    const [best, count] = [...v].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]!;
    // a clear majority only: sources that count trials differently do not decide it
    const total = [...v.values()].reduce((x, y) => x + y, 0);
    if (count * 2 > total) out.set(n, best);
  }
  return out;
}

/** a date that names a law, not an event: "in accordance with the law of December 1, 1934", "постановление от 1 декабря 1934 года" */
const LAW_DATE = /\b(?:law|decree|order|resolution|statute|act|edict)\s+(?:of|from|dated)\s+(?:the\s+)?$|(?<![\p{L}])(?:закон\p{L}*|указ\p{L}*|постановлени\p{L}*|приказ\p{L}*|декрет\p{L}*)\s+(?:от\s+)?$/iu;

/** Russian verbs in the impersonal plural whose object is the person the claim is about ("их казнили", "арестовали профессора Этингера") */
const IMPERSONAL = /^(?:казнили|расстреляли|повесили|арестовали|взяли|задержали|осудили|доставили|перевели|отправили|помиловали|освободили|реабилитировали|приговорили|судили|выслали|сослали|уволили|исключили|сняли)(?![\p{L}])/iu;

/** the start of a phrase that leads to another event than the clause's own: "After his capitulation in 1934, …", «После ареста 17 июля …» */
const LEADING_PHRASE = /^\s*(?:for|after|before|since|following|until|till|by|после|до|перед|со?\s+времени|вслед\s+за)(?![\p{L}])/iu;

/** how far (in characters) the trial a text last named stays the one it is telling of */
const TRIAL_CONTEXT = 1200;
/** cheap tests that a clause may hold an age, a vote or a duration at all (the full expressions are slow to run everywhere) */
const AGE_HINT = /\b(?:years?|aged|child|boy|girl|youth|lad|youngest|oldest)\b|year-old|летн|лет(?![\p{L}])|год(?:а)?(?![\p{L}])/iu;
const VOTES_HINT = /\bvot(?:es?|ed)\b|\b(?:deadlocked|split|divided)\b|против|голос/iu;
const DUR_HINT = /\b(?:lasted|ran|took|deliberated|out|sat)\b|-(?:hour|day|minute)\b|длил|длит|продолжал|шёл|шел|шла|совещал|занял|часов(?:ой|ую|ая|ое)|дневн/iu;
/** a number or a break (colon, parenthesis) between a name and its verb: the name is not the verb's subject */
const NUMBER_OR_BREAK = new RegExp(`(?<![\\p{L}])(?:${NUMW})(?![\\p{L}])|[:()]`, 'iu');
/** "together with 15 others", «вместе с пятью другими»: a count told with named persons */
const TOGETHER_WITH_N = new RegExp(`(?:together\\s+with|along\\s+with|and|вместе\\s+с|и)\\s+(?:the\\s+)?(${NUM_RE})\\s+(?:other|others|others?\\s+of|of\\s+(?:the|their)|других|другими|остальных)`, 'iu');
/** a number in a clause that may count people ("all sixteen", «лишь пятерых») */
const COUNT_NUMBER = new RegExp(`${B}(?:(all|only|все|лишь)\\s+)?(${NUM_RE})${E}`, 'giu');
/** "and four others", «и ещё тринадцать других»: others counted after the names */
/** the people named with someone as a group: "and two companions", "fourteen of his accomplices", «его сообщников» */
const COMPANIONS = 'companions|comrades|associates|accomplices|co-defendants|спутник\\p{L}*|товарищ\\p{L}*';
const AND_OTHERS = new RegExp(`^\\s*(?:,\\s*)?(?:and|и|with|together\\s+with|вместе\\s+с)\\s+(?:(?:${NUMW}|\\d+)\\s+)?(?:others?|other\\s+\\p{L}+|of\\s+(?:his|her|their)\\s+\\p{L}+|${COMPANIONS}|других|другими|ещё\\s+\\S+\\s+\\p{L}+)`, 'iu');
/** a count of the others with the names before it: "and fourteen of their accomplices", «и восемь его сообщников», "of the accused" */
const OTHERS_AFTER = new RegExp(`^\\s+(?:of\\s+(?:their|his|the)\\s+)?(?:${COMPANIONS}|others?|other\\s+\\w+)|^\\s+(?:его|её|ее|их)\\s+(?:сообщник|соучастник|подельник|товарищ|спутник|сподвижник)\\p{L}*|^\\s+of\\s+the\\s+accused|^\\s+of\\s+(?:his|her|their)\\s+(?:[\\p{L}-]+\\s+)?${GROUP_NOUNS}`, 'iu');
// ages, votes and durations (see the quantities in extractClaims)
const N = `(${NUM_RE})`;
/** ages: "Mary Phagan, fourteen years of age", "a child of thirteen, Mary Phagan", «13-летняя Мэри Фэган», «Рою Райту было двенадцать лет» */
const AGE = new RegExp(`${B}(?:(?:aged\\s+)?${N}\\s+years?\\s+(?:of\\s+age|old)|(?:child|boy|girl|youth|lad)\\s+of\\s+${N}|aged\\s+${N}|(\\d{1,2})-(?:year-old|летн\\p{L}+)|(?:было|исполнилось)\\s+(?:всего\\s+|только\\s+|лишь\\s+)?${N}\\s+(?:лет|год|года)|в\\s+возрасте\\s+${N}\\s+(?:лет|год|года)|(?:youngest|oldest)[^.;]{0,40}?\\b(?:was|being)\\s+(?:only\\s+|just\\s+)?${N})(?![\\p{L}\\d])`, 'giu');
const VOTES = new RegExp(`${B}(?:by\\s+${N}\\s+votes?\\s+to\\s+${N}|(?:deadlocked|split|divided|voted)\\s+(?:\\S+\\s+){0,2}?${N}\\s+to\\s+${N}|${N}\\s+(?:голос\\p{L}*\\s+)?против\\s+${N}|${N}\\s+(?:голос\\p{L}*\\s+)?за\\s+(?:обвинение|осуждение|оправдание|виновность)[,\\s]+${N}(?:\\s+голос\\p{L}*)?\\s*(?:[—–-]\\s*)?(?:за|против))(?![\\p{L}\\d])`, 'giu');
const UNIT = '(days?|weeks?|months?|hours?|minutes?|дн\\p{L}*|день|недел\\p{L}*|месяц\\p{L}*|час\\p{L}*|минут\\p{L}*)';
const Q = '(less\\s+than|more\\s+than|over|under|barely|about|nearly|almost|больше|более|меньше|менее|около|почти|свыше)?';
const DUR_ADJ = /(?<![\p{L}])(двух|трёх|трех|четырёх|четырех|пяти|шести|семи|восьми|девяти|десяти)(часов|минутн|дневн)\p{L}*\s+(речь|речи|выступлени\p{L}*|заседани\p{L}*|процесс\p{L}*|допрос\p{L}*|показани\p{L}*)|\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-(hour|minute|day)\s+(speech|statement|address|hearing|trial|testimony|session)\b/giu;
const DUR_ADJ_NUM: Record<string, number> = { двух: 2, трёх: 3, трех: 3, четырёх: 4, четырех: 4, пяти: 5, шести: 6, семи: 7, восьми: 8, девяти: 9, десяти: 10 };
const DUR = new RegExp(`${B}(?:(?:lasted|ran|took|deliberated|was\\s+out|were\\s+out|sat)\\s+(?:for\\s+)?${Q}\\s*(?:a\\s+|an\\s+)?${N}?\\s*${UNIT}|(?:длил\\p{L}*|длит(?:ся|ись)|продолжал\\p{L}*|шёл|шел|шла|совещал\\p{L}*|занял[аио]?)\\s+${Q}\\s*${N}?\\s*${UNIT}|${N}\\s+${UNIT}\\s+(?:длил\\p{L}*|продолжал\\p{L}*|шёл|шел|шла|совещал\\p{L}*))(?![\\p{L}])`, 'giu');

/** a name that names a thing after a person, not the person: "the Order of Lenin", «орденом Ленина», "the Stalin Prize", "Gorky Street" */
const NAMED_AFTER = /(?:\b(?:order|prize|medal|named\s+after|street|avenue|square|institute|university)\s+(?:of\s+)?|(?<![\p{L}])(?:орден\p{L}*|преми\p{L}*|медал\p{L}*|имени|им\.|улиц\p{L}*|проспект\p{L}*)\s+)$/iu;

// offices a person is named by instead of a name ("the American Ambassador to the USSR who was present …")
const ROLE_WORDS = ['ambassador', 'envoy', 'consul', 'prosecutor', 'procurator', 'commissar', 'judge', 'president', 'chairman', 'secretary', 'minister', 'attorney', 'посол', 'прокурор', 'нарком', 'председател\\p{L}*', 'судья', 'министр', 'секретар\\p{L}*', 'консул'];
const ROLE = `(?:${ROLE_WORDS.join('|')})`;
// (either case of the first letter, without the i flag: the names around must stay capitalized)
const ROLE_CASED = `(?:${ROLE_WORDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})`;
const ROLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:[\\p{L}-]+\\s+)?${ROLE_CASED})(?:\\s+\\p{Lu}{2,5})?(?:\\s+\\p{Lu}\\p{Ll}+)?\\s*,?\\s*$`, 'u');
const ROLE_AFTER = new RegExp(`^\\s*,\\s*(?:the\\s+|a\\s+)?((?:[\\p{L}-]+\\s+)?${ROLE})(?![\\p{L}])`, 'iu');
const roleKey = (phrase: string) => {
  const w = phrase.toLowerCase().split(/\s+/).filter((x) => !/^(?:the|a|an|former|then|chief|of|and|by|was|his|her|their|as|и|в|его|её|бывший)$/u.test(x));
  return w.slice(-2).map((x) => wordKey(x)).join(' ');
};
const roleNoun = (key: string) => key.split(' ').pop()!;

/**
 * The person each office names across the corpus, learnt from appositions ("The American ambassador,
 * Joseph Davies", "Joseph Davies, the American ambassador", "Посол США Джозеф Дэвис"). An office is
 * kept only when every source that names its holder names the same person.
 */
export function roleNames(docs: Array<{ text: string; mentions: ClaimMention[] }>): Map<string, ClaimMention> {
  const seen = new Map<string, Map<string, ClaimMention>>();
  const add = (key: string, m: ClaimMention) => {
    for (const k of [key, roleNoun(key)]) {
      let v = seen.get(k);
      if (!v) seen.set(k, (v = new Map()));
      v.set(m.entity, m);
    }
  };
  for (const d of docs) {
    for (const m of d.mentions) {
      if (m.type !== 'person') continue;
      // the office right before the name, with a country and a given name between: "Посол США Джозеф Дэвис"
      const before = ROLE_BEFORE.exec(d.text.slice(Math.max(0, m.start - 60), m.start));
      if (before) add(roleKey(before[1]!), m);
      const after = ROLE_AFTER.exec(d.text.slice(m.end, m.end + 60));
      if (after) add(roleKey(after[1]!), m);
    }
  }
  const out = new Map<string, ClaimMention>();
  for (const [k, v] of seen) if (v.size === 1) out.set(k, [...v.values()][0]!);
  return out;
}

/** what claims read off the whole corpus: the trials' dates by name and by number, the offices' holders */
export function corpusContext(docs: Array<{ text: string; mentions: ClaimMention[]; dates: DateMention[] }>): ExtractOptions {
  return { trialYears: trialYears(docs), trialOrdinals: trialOrdinals(docs), roles: roleNames(docs) };
}

/** the year of each trial entity: the year most often dated in the sentences that name it, across all sources */
export function trialYears(docs: Array<{ text: string; mentions: ClaimMention[]; dates: DateMention[] }>): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const d of docs) {
    for (const m of d.mentions) {
      // ("the Moscow trials", "the show trials": a plural names no one trial)
      if (m.type !== 'trial' || /trials$|процессы$/u.test(m.entity)) continue;
      // (its sentence, or its line: the items of a list end without a stop)
      const a = Math.max(0, d.text.lastIndexOf('.', m.start), d.text.lastIndexOf('\n', m.start));
      const b = [d.text.indexOf('.', m.end), d.text.indexOf('\n', m.end)].filter((x) => x >= 0).reduce((x, y) => Math.min(x, y), -1 >>> 1);
      // the date nearest the name in its sentence votes ("the Trial of the Sixteen, opened on 19 August 1936")
      let best: DateMention | null = null;
      // (a date heading the sentence counts too: "19–22 November 1936. The Kemerovo trial in Novosibirsk …")
      const lineStart = d.text.lastIndexOf('\n', Math.max(0, a - 1)) + 1;
      for (const x of d.dates) {
        const heading = x.start === lineStart && x.end >= a - 1 && x.end <= a + 1;
        // (a date told relative to another event votes for none: "in mid-1936, 18 months after the assassination, … reopen the Kirov affair")
        if (!x.edtf || x.form === 'relative' || (!heading && x.start < a) || x.end > b + 1 || !/^\d{4}/.test(x.edtf) || LAW_DATE.test(d.text.slice(Math.max(0, x.start - 30), x.start))) continue;
        // another trial named between the two takes the date: "the Novosibirsk trial was organized … as the trial of July 1935 for Kamenev"
        // (not another name of the same trial: "Bukharin-Rykov Trial, or "Trial of the Twenty-One;" 1938")
        const between = x.start >= m.end ? d.text.slice(m.end, x.start) : d.text.slice(x.end, m.start);
        if (TRIAL_WORD.test(between) && !/^[\s,]*(?:or|или)\s/iu.test(between)) continue;
        // (nor a date in a phrase leading to another event: "After his capitulation in 1934, he … during the Trial of the Sixteen")
        if (x.end <= m.start && LEADING_PHRASE.test(d.text.slice(Math.max(a, d.text.lastIndexOf(',', x.start) + 1), x.start)) && /,/.test(between)) continue;
        const dist = x.start >= m.end ? x.start - m.end : m.start - x.end;
        if (dist > 150 && !heading) continue;
        const bestDist = best ? (best.start >= m.end ? best.start - m.end : m.start - best.end) : Infinity;
        if (dist < bestDist) best = x;
      }
      if (best) {
        const y = monthKey(best.edtf!);
        let v = votes.get(m.entity);
        if (!v) votes.set(m.entity, (v = new Map()));
        v.set(y, (v.get(y) ?? 0) + 1);
      }
    }
  }
  // the year a clear majority of the votes gives (a name two trials share, "the Zinoviev–Kamenev trial" of 1935 and of 1936, gets
  // none), then the month most of that year's votes give, if any give one
  const out = new Map<string, string>();
  for (const [e, v] of votes) {
    const years = new Map<string, number>();
    let total = 0;
    for (const [k, n] of v) {
      years.set(k.slice(0, 4), (years.get(k.slice(0, 4)) ?? 0) + n);
      total += n;
    }
    const [year, count] = [...years].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]!;
    if (count * 2 <= total) continue;
    const month = [...v].filter(([k]) => k.length > 4 && k.startsWith(year)).sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0];
    out.set(e, month ? month[0] : year);
  }
  return out;
}

export function extractClaims(doc: ClaimDoc, mentionsIn: ClaimMention[], dates: DateMention[], opts: ExtractOptions = {}): Claim[] {
  let mentions = mentionsIn;
  const text = doc.text;
  const out: Claim[] = [];
  const excl = doc.exclude ?? [];
  // every lookup below looks near the clause: the lists are cut to a window around it (binary search), per clause
  const allMentions = [...mentions].sort((a, b) => a.start - b.start);
  const allPersons = allMentions.filter((m) => m.type === 'person');
  const allPlaces = allMentions.filter((m) => m.type === 'place' || m.type === 'organization');
  let persons = allPersons;
  let places = allPlaces;
  mentions = allMentions;
  // a night runs over two days: «в ночь на 24 ноября» (the night of 23–24 November) and "the night of 23 November" (23–24) date
  // an event to either day, so the claim's time is the two days while the date expression itself names the one
  const night = (d: DateMention): DateMention => {
    if (!d.edtf || !/^\d{4}-\d{2}-\d{2}$/.test(d.edtf)) return d;
    const before = text.slice(Math.max(0, d.start - 24), d.start);
    // (the night's second day named: «в ночь с 31 мая на 1 июня», "the night of 12 to 13 January"; its first day named, with the
    // second after it: «в ночь с 31 мая на …»)
    const ru = /(?<![\p{L}])(?:в\s+)?ночь\s+(?:с\s+\d{1,2}(?:\s+\p{L}+)?\s+)?на\s+$/iu.test(before) || /\bnight\s+of\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:to|and|-|–)\s*$/i.test(before);
    if (!ru && /(?<![\p{L}])(?:в\s+)?ночь\s+с\s+$/iu.test(before) && /^\s+на\s/u.test(text.slice(d.end, d.end + 5))) {
      const next = new Date(Date.UTC(Number(d.edtf.slice(0, 4)), Number(d.edtf.slice(5, 7)) - 1, Number(d.edtf.slice(8, 10)) + 1)).toISOString().slice(0, 10);
      return { ...d, edtf: `${d.edtf}/${next}` };
    }
    if (!ru && !/\bnight\s+of\s+(?:the\s+)?$/i.test(before)) return d;
    const day = (k: number) => new Date(Date.UTC(Number(d.edtf!.slice(0, 4)), Number(d.edtf!.slice(5, 7)) - 1, Number(d.edtf!.slice(8, 10)) + k)).toISOString().slice(0, 10);
    return { ...d, edtf: ru ? `${day(-1)}/${d.edtf}` : `${d.edtf}/${day(1)}` };
  };
  // (a day of a year the text does not give, "XXXX-06-16" from a yearless dateline, dates no claim: it cannot be compared or key a trial)
  const allResolved = dates.filter((d) => d.edtf && !d.edtf.startsWith('X')).map(night).sort((a, b) => a.start - b.start);
  // relative times the text does not resolve ("a few days later", «через несколько дней»)
  const unresolvedDates = dates.filter((d) => !d.edtf && d.form === 'relative');
  let resolvedDates = allResolved;
  const units = clauses(text, 0, text.length).filter((u) => !excl.some(([a, b]) => a <= u.start && u.end <= b));
  const inside = <T extends { start: number; end: number }>(xs: T[], a: number, b: number) => xs.filter((x) => x.start >= a && x.end <= b);
  /** the last date before a point in the same stretch of text (the time a claim is set in) */
  const dateBefore = (at: number, within = 600) => {
    // the last date ending at or before `at` (dates do not overlap, so ends are sorted like starts)
    let lo = 0;
    let hi = allResolved.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (allResolved[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    const d = allResolved[lo - 1];
    return d && at - d.end <= within ? d : null;
  };
  /** "at the time": the time the text is speaking of, the last date before that is no end of a stay ("where he stayed until October") */
  const timeInTalk = (at: number) => {
    for (let d = dateBefore(at, 900); d; d = dateBefore(d.start, 900 - (at - d.start))) {
      if (!/\b(?:until|till|up\s+to|through)\s+$|(?<![\p{L}])(?:до|по)\s+$/iu.test(text.slice(Math.max(0, d.start - 10), d.start))) return d;
    }
    return null;
  };
  /** "they", "them": the people the sentence before is about, the run of names that opens it (two or more); where that sentence
   *  speaks of them by a pronoun too ("Их арестовали … признали их виновными"), the one before it (three sentences at most).
   *  An English "they" takes only the run that opens the sentence (`opening`); an object pronoun, the first run anywhere in it. */
  const groupBefore = (u: Unit, opening: boolean): ClaimMention[] => {
    let prevStart = sentenceBefore(text, u.start);
    for (let back = 0; back < 2 && !persons.some((p) => p.start >= prevStart && p.end <= u.start) && /^\s*(?:\S+\s+){0,4}?(?:they|them|their|они|их|им)(?![\p{L}])/iu.test(text.slice(prevStart, u.start)); back++) prevStart = sentenceBefore(text, prevStart);
    const inPrev = persons.filter((p) => p.start >= prevStart && p.end <= u.start);
    // (the first run of two or more names joined by "and", wherever it stands in that sentence)
    for (let k = 0; k < inPrev.length; k++) {
      const run: ClaimMention[] = [inPrev[k]!];
      for (let i = k + 1; i < inPrev.length; i++) {
        if (/^(?:\s*,\s*|\s+(?:and|и)\s+|\s*,\s*(?:and|и)\s+)$/u.test(text.slice(run[run.length - 1]!.end, inPrev[i]!.start))) run.push(inPrev[i]!);
        else break;
      }
      if (run.length >= 2) return run;
      if (opening) break;
    }
    return [];
  };
  /** the persons named just before the clause (not a place taken for a person: "near Royan") */
  const prevPersons = (u: Unit) => persons.filter((p) => p.end <= u.start && u.start - p.end < 300 && !/(?:near|in|at|to|from|of|в|во|на|под|из)\s+$/iu.test(text.slice(Math.max(0, p.start - 6), p.start)));
  /** "he", "him", «его»: the subject of the sentence before (its first person, not governed by a preposition nor a possessive),
   *  which a pronoun takes up more often than the last name told ("Henry, questioned by Cavaignac, admits that he forged a letter
   *  … against Dreyfus. He is found dead …"); else the person named last */
  /** the person the passage is about: the one it names most in the stretch before (1,500 characters) */
  const topicPerson = (at: number, reach = 1500, ahead = 0): ClaimMention[] => {
    const back = windowed(allPersons, at - reach, at + ahead).filter((p) => p.end <= at + ahead);
    const n = new Map<string, number>();
    for (const p of back) n.set(p.entity, (n.get(p.entity) ?? 0) + 1);
    const top = [...n].sort((a, b) => b[1] - a[1])[0];
    return top && (n.size === 1 || top[1] >= 2) ? [back.filter((p) => p.entity === top[0]).pop()!] : [];
  };
  /** "my client": the person the text defends ("the Defence of Adolf Eichmann", «в защиту Эйхмана»), else the one it names most */
  const client = (at: number): ClaimMention[] => {
    const defended = allPersons.find((p) => /(?:defen[cs]e\s+of|defending|counsel\s+for|(?<![\p{L}])(?:защит\p{L}*|защищая|адвокат\p{L}*))\s+(?:\p{Lu}[\p{L}.-]*\s+){0,2}$/iu.test(text.slice(Math.max(0, p.start - 40), p.start)));
    return defended ? [defended] : topicPerson(at, 20000, 20000);
  };
  const singularBefore = (u: Unit): ClaimMention[] => {
    const prev = prevPersons(u);
    // (no one named just before: the person the passage is about)
    if (!prev.length) return topicPerson(u.start);
    const sStart = sentenceBefore(text, u.start);
    const subjectLike = (p: ClaimMention) => !governed(p) && !/^['’]s?\s/u.test(text.slice(p.end, p.end + 3));
    const first = prev.find((p) => p.start >= sStart && subjectLike(p));
    if (first) {
      // (where the subject before and the name told last differ, the one the passage speaks of more: "William Creen cut Frank's
      // throat; he recovered. … took him …, and he was hanged" is Frank)
      const last = prev[prev.length - 1]!;
      if (last.entity === first.entity) return [first];
      const back = windowed(allPersons, u.start - 1500, u.start);
      const count = (e: string) => back.filter((p) => p.entity === e).length;
      return [count(last.entity) > count(first.entity) ? last : first];
    }
    // (no subject in this sentence but names governed by a preposition, "… under Marshal Ivan Konev, and he was shot": the subject
    // of the sentence before)
    if (prev.some((p) => p.start >= sStart)) {
      const pStart = sentenceBefore(text, sStart - 1);
      const before = prev.find((p) => p.start >= pStart && p.end <= sStart && subjectLike(p));
      if (before) return [before];
    }
    return [prev[prev.length - 1]!];
  };
  /** a name governed by a preposition, titles allowed between ("by officers led by Marshal Zhukov", "under Judge Moshe Landau") */
  const governed = (p: ClaimMention) => /(?:\b(?:[Bb]y|[Ww]ith|[Aa]gainst|[Uu]nder|[Bb]efore|[Ff]or|[Aa]bout|[Aa]fter|of|[Ff]rom|to)|(?<![\p{L}])(?:с|со|против|у|к|для|под|при|перед|от))\s+(?:(?:the\s+)?(?:\p{Lu}[\p{L}.-]*|(?:general|marshal|judge|colonel|major|captain|comrade|professor|president|маршал|генерал|судь|полковник|майор|капитан|товарищ|профессор|председател|президент)\p{Ll}*)\s+){0,2}$/u.test(text.slice(Math.max(0, p.start - 40), p.start)) && !/[,.;:]\s*(?:\S+\s+){0,2}$/u.test(text.slice(Math.max(0, p.start - 40), p.start));
  /** the persons a predicate is said of: named in the clause before it (not after "by"), else the last one named before */
  const subjectsBefore = (u: Unit, at: number, since: number): ClaimMention[] => {
    // (not a name governed by a preposition, nor a possessive: "Pyatakov's former wife was arrested")
    const xs = persons.filter((p) => p.start >= Math.max(u.start, since) && p.end <= at && !/\b(?:by|of|from|with|to|against)\s+$|(?<![\p{L}])(?:от|с|против)\s+$/iu.test(text.slice(Math.max(0, p.start - 8), p.start)) && !governed(p) && !/^['’]s?\s/u.test(text.slice(p.end, p.end + 3)));
    // a name inside an insertion set off by commas is not the subject: "Лидия Тимашук, снимавшая кардиограмму у Андрея Жданова,
    // написала", "Henry, questioned by the Minister of War, Godefroy Cavaignac, admits", "Radek, according to Orlov, was shot"
    // (an adverb may follow the insertion: "Хисс, бывший сотрудник Госдепартамента, действительно побывал")
    if (xs.length > 1 && /^[^,.;]*,\s*(?:\p{Ll}+\s+)?$/u.test(text.slice(xs[xs.length - 1]!.end, at))) {
      const headName = xs.find((p) => /^\s*,/u.test(text.slice(p.end, p.end + 2)) && !/[,;]/.test(text.slice(Math.max(u.start, since), p.start)));
      if (headName && headName !== xs[xs.length - 1]) return [headName];
    }
    // the verb's subject is a count or another noun ("… seventeen defendants. Thirteen are sentenced"): no person
    if (xs.length) {
      const gap = text.slice(xs[xs.length - 1]!.end, at);
      // (a long gap is allowed when the names' own clause goes on: "Дэвис, …, прибыл в Москву … и на первом процессе не присутствовал")
      const limit = /(?:^|\s)(?:and|и|but|но)\s/iu.test(gap) && !persons.some((p) => p.start > xs[xs.length - 1]!.end && p.end <= at) ? 200 : 100;
      // ("Alexei Kuznetsov and four others were arrested": the names and a number of others; the names are the subject still)
      const gapRest = gap.replace(AND_OTHERS, '');
      if (gap.length > limit || NUMBER_OR_BREAK.test(gapRest)) xs.length = 0;
    }
    if (xs.length) {
      // the subject is the run of names nearest the verb, joined by "and", "," ("Pyatakov and Radek had been shot")
      const run: ClaimMention[] = [xs[xs.length - 1]!];
      for (let i = xs.length - 2; i >= 0; i--) {
        const gap = text.slice(xs[i]!.end, run[0]!.start);
        if (/^(?:\s*,\s*|\s+(?:and|и|&)\s+|\s*,\s*(?:and|и)\s+|\s+)$/u.test(gap.replace(/<\/?u>/g, '').replace(/\s*\([^)]*\)\s*/g, ' '))) run.unshift(xs[i]!);
        else break;
      }
      return run;
    }
    // a pronoun or no subject: the person named last before the clause
    const head = text.slice(u.start, at);
    // a pronoun for the person (or the people) named just before: "he was shot", "They were acquitted", "both were killed"
    // (and the object of a Russian impersonal verb: "их казнили", "его доставили на Чёртов остров")
    const objPro = IMPERSONAL.test(text.slice(at, at + 24)) ? /(?:^|[\s,(])(их|его|её|ее)\s+(?:\S+\s+){0,2}$/iu.exec(head) : null;
    if (CLIENT_BEFORE.test(head)) return client(at);
    const pro0 = /(?:^|[\s,(])(he|she|он|она|both|оба|they|они)\s+(?:\S+\s+){0,3}$/iu.exec(head);
    const pro = pro0 ?? (objPro ? (Object.assign([...objPro], { 1: /^их$/iu.test(objPro[1]!) ? 'они' : 'он', index: objPro.index }) as unknown as RegExpExecArray) : null);
    if (pro && /^(?:they|они)$/i.test(pro[1]!)) return groupBefore(u, objPro === null);
    if (pro) {
      // "he", "she": a person the clause itself names before the pronoun ("Золя до этого дня не дожил: он умер в 1902 году")
      if (/^(?:he|she|он|она)$/iu.test(pro[1]!)) {
        const proAt = u.start + pro.index! + pro[0].indexOf(pro[1]!);
        const own = persons.filter((p) => p.start >= u.start && p.end <= proAt && !governed(p) && !/(?:\b(?:by|of|from|with|to|against|near|in|at)|(?<![\p{L}])(?:от|с|со|против|у|к|в|во|на|из))\s+$/iu.test(text.slice(Math.max(0, p.start - 9), p.start)) && !/^['’]s?\s/u.test(text.slice(p.end, p.end + 3)) && !NAMED_AFTER.test(text.slice(Math.max(0, p.start - 14), p.start)));
        if (own.length) return [own[own.length - 1]!];
      }
      const prev = prevPersons(u);
      if (!prev.length) return [];
      if (/^(?:both|оба)$/i.test(pro[1]!)) {
        const run: ClaimMention[] = [prev[prev.length - 1]!];
        for (let i = prev.length - 2; i >= 0 && run.length < 6; i--) {
          if (/^(?:\s*,\s*|\s+(?:and|и)\s+|\s*,\s*(?:and|и)\s+)$/u.test(text.slice(prev[i]!.end, run[0]!.start))) run.unshift(prev[i]!);
          else break;
        }
        return run;
      }
      // (a subject pronoun takes up the subject before it, not a name a preposition governs: "He and five associates were tried
      // … under Marshal Ivan Konev, and he was shot")
      return /^(?:he|she|он|она)$/iu.test(pro[1]!) ? singularBefore(u) : [prev[prev.length - 1]!];
    }
    // an office for its holder: "the American Ambassador to the USSR who was present …"
    const role = opts.roles?.size ? new RegExp(`(?:^|[^\\p{L}])(?:the|[Tt]he)\\s+((?:[\\p{L}-]+\\s+)?${ROLE})((?:\\s+(?:to|of|for|in)\\s+the\\s+[\\p{L}.]+)?\\s+(?:who|that|,)?\\s*)$`, 'iu').exec(head) : null;
    if (role) {
      const holder = opts.roles!.get(roleKey(role[1]!)) ?? (role[1]!.trim().split(/\s+/).length === 1 ? opts.roles!.get(roleNoun(roleKey(role[1]!))) : undefined);
      if (holder) {
        const start = u.start + role.index! + role[0].length - role[2]!.length - role[1]!.length;
        return [{ ...holder, start, end: start + role[1]!.length }];
      }
    }
    return [];
  };
  /** the run of names right after a point ("… Юлиуса и Этель Розенберг") */
  const runAfter = (from: number, to: number): ClaimMention[] => {
    const xs = persons.filter((p) => p.start >= from && p.end <= to);
    if (!xs.length || !/^[\s,]*(?:(?:профессор\p{L}*|врач\p{L}*|доктор\p{L}*|генерал\p{L}*|капитан\p{L}*|майор\p{L}*|супругов)\s+)?$/iu.test(text.slice(from, xs[0]!.start))) return [];
    const run = [xs[0]!];
    for (let i = 1; i < xs.length; i++) {
      if (/^(?:\s*,\s*|\s+(?:и|and)\s+|\s*,\s*(?:и|and)\s+)$/u.test(text.slice(run[run.length - 1]!.end, xs[i]!.start))) run.push(xs[i]!);
      else break;
    }
    return run;
  };
  /** the person or people named right after an event word: its object ("sentenced Julius and Ethel", «арестовали профессора Вовси»,
   *  "the arrest of Miron Vovsi"), a pronoun for people named before ("pardoned him", «помиловал их»); a few lower-case words may
   *  stand between (titles, "the physicist"), never a preposition (not "sent by Trotsky", "in Moscow") */
  const objectAfter = (u: Unit, from: number, ofNoun: boolean): ClaimMention[] => {
    // ("sentenced my client to death", «осудили моего подзащитного»: the defendant a defence speaks for, the person the passage is about)
    // (the whole statement may name its client seldom: counted over all of it)
    if (CLIENT.test(text.slice(from, Math.min(u.end, from + 30)))) return client(from);
    const pro = /^\s+(him|them|her|его|её|ее|их)(?![\p{L}])(\s+(?:to|on|in|at|for|with|as|of|к|в|во|на|за|по|и|and)\s|\s*[,.;]|\s*$)?/iu.exec(text.slice(from, Math.min(u.end, from + 16)));
    // ("her husband", «его жену»: a possessive, not the object)
    if (pro && (pro[2] !== undefined || /^(?:him|them)$/i.test(pro[1]!))) {
      if (/^(?:them|их)$/iu.test(pro[1]!)) return groupBefore(u, false);
      // a person the clause names before, who is not the verb's own subject: «признал Дрейфуса виновным и приговорил его»
      // (the verb's own subject stands right before it: "Kaufman sentenced him")
      const verbAt = text.slice(u.start, from).search(/\S+\s*$/u) + u.start;
      const inClause = persons.filter((p) => p.start >= u.start && p.end <= from && !/^\s*(?:(?:\p{Ll}+ly|then|also|again|later|тоже|также|затем|снова|потом)\s+)?$/u.test(text.slice(p.end, verbAt)) && !NAMED_AFTER.test(text.slice(Math.max(0, p.start - 14), p.start)));
      return inClause.length ? [inClause[inClause.length - 1]!] : singularBefore(u);
    }
    const xs = persons.filter((p) => p.start >= from && p.end <= u.end && !NAMED_AFTER.test(text.slice(Math.max(0, p.start - 14), p.start)));
    if (!xs.length) return [];
    const gap = text.slice(from, xs[0]!.start);
    const words = ofNoun ? /^\s*(?:of\s+|над\s+)?(?:(?!(?:by|from|with|to|against|for|in|at|on|after|before|about|of|and|и|в|во|на|с|со|от|по|за|из|к|у)\s)[\p{Ll}-]+\s+){0,3}$/u : /^\s*(?:(?!(?:by|from|with|to|against|for|in|at|on|after|before|about|of|and|и|в|во|на|с|со|от|по|за|из|к|у)\s)[\p{Ll}-]+\s+){0,3}$/u;
    // («взяли и Этель», «арестовали также Вовси»: "and" meaning "too" right after the verb)
    if (!words.test(gap) && !(!ofNoun && /^\s+(?:и|также|тоже)\s+$/u.test(gap))) return [];
    const run = [xs[0]!];
    for (let i = 1; i < xs.length; i++) {
      if (/^(?:\s*,\s*|\s+(?:и|and)\s+|\s*,\s*(?:и|and)\s+)$/u.test(text.slice(run[run.length - 1]!.end, xs[i]!.start))) run.push(xs[i]!);
      else break;
    }
    return run;
  };
  /** whose event a lexicon word tells of: the object of an active verb done to someone, the subject of a passive one or of a
   *  verb of doing, the person a noun names ("the arrest of X", "X's arrest"); an organization when it acts ("TASS announced") */
  const eventParticipants = (u: Unit, t: Trigger, at: number, end: number): ClaimMention[] => {
    // a sentence carried out is an execution of those it was passed on: «приговор в отношении Имре Надя … приведён в исполнение»,
    // "the death sentence on Nagy was carried out"; nothing else carried out is one ("the shootings were carried out by the NKVD")
    if (t.concept.kind === 'execution' && /исполнени|carried/iu.test(text.slice(at, end))) {
      const head = /(?<![\p{L}])(?:приговор|sentences?)(?![\p{L}])(?![^.;]*(?<![\p{L}])(?:приговор|sentences?)(?![\p{L}]))/iu.exec(text.slice(u.start, at));
      if (!head) return [];
      const from = u.start + head.index;
      return persons.filter((p) => p.start >= from && p.end <= at);
    }
    if (t.form === 'noun') {
      const after = objectAfter(u, end, true);
      if (after.length) return after;
      return persons.filter((p) => p.start >= u.start && p.end <= at && /^['’]s?\s+(?:[\p{Ll}-]+\s+)?$/u.test(text.slice(p.end, at))).slice(-1);
    }
    if (t.concept.role === 'patient' && t.form === 'active') {
      const obj = objectAfter(u, end, false);
      if (obj.length) return obj;
      // ("found him guilty", «признал Дрейфуса виновным»: the object inside the words)
      const first = /^\S+/u.exec(text.slice(at, end))![0].length;
      const inner = at + first < end ? objectAfter(u, at + first, false).filter((p) => p.end <= end) : [];
      if (inner.length) return inner;
      // a Russian verb with no subject takes its object before it too: «Эстерхази судили для видимости и … оправдали», and a pronoun
      // there stands for the person before («в ночь на 13 января его убили»)
      if (!(/^\p{L}+ли$/u.test(text.slice(at, end)) && /[а-яё]/iu.test(text.slice(at, end)))) return [];
      const named = subjectsBefore(u, at, u.start);
      if (named.length) return named;
      const pro = /(?<![\p{L}])(его|её|ее|их)\s+(?:\S+\s+)?$/iu.exec(text.slice(Math.max(u.start, at - 30), at));
      return pro ? (/^их$/iu.test(pro[1]!) ? groupBefore(u, false) : singularBefore(u)) : [];
    }
    const subs = subjectsBefore(u, at, u.start);
    if (subs.length) return subs;
    // what is annulled is a person's own sentence, order or award: "Timashuk's Order of Lenin was revoked", "Radek's conviction was quashed"
    if (t.concept.kind === 'annulment' && t.form === 'passive') {
      const own = persons.filter((p) => p.start >= u.start && p.end <= at && /^['’]s?\s/u.test(text.slice(p.end, p.end + 3)));
      if (own.length) return [own[own.length - 1]!];
    }
    // the subject after the verb: «признался подполковник Анри», "arrested were Radek …", «арестован был Вовси»
    const after = objectAfter(u, end, false);
    if (after.length) return after;
    if (t.concept.role !== 'agent') return [];
    const org = mentions.filter((m) => m.type === 'organization' && m.start >= u.start && m.end <= at && at - m.end < 60).pop();
    return org ? [org] : [];
  };
  const labelOf = (m: ClaimMention) => m.name;
  const clip = (a: number, b0: number) => {
    // (a span ends at its last word, not at the sentence's stop)
    let b = b0;
    while (b > a + 1 && /[\s.,;:]/.test(text[b - 1]!)) b--;
    return { start: a, end: b, text: text.slice(a, b) };
  };

  // a trial named after its place ("the Kemerovo trial") and dated in the corpus: counts at that place are its counts
  const trialAt = new Map<string, string>();
  for (const [k, y] of opts.trialYears ?? []) for (const w of k.replace(/^trial:/, '').split('-')) if (w.length >= 4 && w !== 'trial' && w !== 'trials') trialAt.set(placeKey(w), `trial@${y}`);
  let lastTrial: { at: number; year: string } | null = null;
  // the year a report dates itself by: what its sentences are passed in, when nothing nearer says
  const reportYear = ((d) => (d && /^\d{4}/.test(d) ? d.slice(0, 4) : null))(datelineDate(text));
  for (const u of units) {
    const clause = text.slice(u.start, u.end);
    // a claim's span starts at its subject when the clause names it, else at the clause (an antecedent in the sentence before is not quoted)
    const fromSubject = (m: { start: number }, at: number) => Math.max(u.start, Math.min(m.start, at));
    persons = windowed(allPersons, u.start - 600, u.end + 200);
    places = windowed(allPlaces, u.start - 600, u.end + 200);
    mentions = windowed(allMentions, u.start - 600, u.end + 200);
    resolvedDates = windowed(allResolved, u.start - 200, u.end + 200);
    const uDates = inside(resolvedDates, u.start, u.end);
    const unresolvedIn = (v: Unit) => unresolvedDates.filter((x) => x.start >= v.start && x.end <= v.end);
    /** a date in a phrase that leads to another event than the one at `at`, set off by a comma: "For the hold-up at Bridgewater on
     *  December 24, 1919, a Plymouth jury had already convicted him", «После ареста 17 июля, …» */
    const leadsElsewhere = (x: { start: number; end: number }, at: number) => x.end <= at && LEADING_PHRASE.test(text.slice(Math.max(u.start, text.lastIndexOf(',', x.start) + 1), x.start)) && /,/.test(text.slice(x.end, at));
    // where what the clause reports begins ("told the court that …", «доложил, что …»): dates after it are the report's content
    const reportMatch = REPORTED_THAT.exec(clause);
    const reportAt = reportMatch ? u.start + reportMatch.index : Infinity;
    {
      const tm = mentions.find((x) => x.type === 'trial' && x.start >= u.start && x.end <= u.end);
      const ty = tm ? opts.trialYears?.get(tm.entity) : undefined;
      // a trial named with its date in the clause, or with the date written just before it ("23–30 January 1937. Second Moscow trial …")
      // ("Tukhachevsky and seven other commanders were tried in camera": a trial of its own, dated here or just before)
      const triedHere = /\b(?:were|was|are|is)\s+tried\b|\bstood\s+trial\b|(?<![\p{L}])(?:судили|были\s+осуждены)(?![\p{L}])/iu.test(clause);
      // ("In the 1937 trials he joined the defendants": trials in the plural name no one trial)
      const oneTrial = /\b(?:trial|tribunal|court|hearing)\b(?!s)|(?<![\p{L}])(?:процесс(?:а|у|ом|е)?|суд(?:а|у|ом|е)?|трибунал(?:а|у|ом|е)?)(?![\p{L}])|судебн/iu.test(clause);
      // (not a date inside what someone told the court: "told the court that she had seen him in 1944")
      // (nor a date in a phrase leading to another event: "After his capitulation in 1934, he … during the Trial of the Sixteen")
      const trialAtPos = u.start + clause.search(/\b(?:trial|tribunal|court|hearing|tried)\b|(?<![\p{L}])(?:процесс|суд|трибунал)/iu);
      const dy = oneTrial || triedHere ? (uDates.find((x) => x.edtf && /^\d{4}/.test(x.edtf) && (x.form !== 'relative' || (x.anchor === undefined && /^\d{4}-\d{2}-\d{2}$/.test(x.edtf))) && !LAW_DATE.test(text.slice(Math.max(0, x.start - 30), x.start)) && x.start < reportAt && !leadsElsewhere(x, trialAtPos)) ?? dateBefore(u.start, triedHere ? 300 : 8) ?? undefined) : undefined;
      const ord = ordinalOf(clause);
      const oy = ord ? opts.trialOrdinals?.get(ord) : undefined;
      if (ty || dy || oy) lastTrial = { at: u.start, year: dy ? monthKey(dy.edtf!) : (oy ?? ty!) };
    }
    // a chronology's entry: the date that heads the line is the time of every sentence in it ("28 March 1937. Yagoda is arrested.")
    const lineStart = text.lastIndexOf('\n', u.start - 1) + 1;
    const heading = lineStart < u.start ? allResolved.find((d) => d.start === lineStart && /^\s*[.:–—-]/u.test(text.slice(d.end, d.end + 2)) && d.end <= u.start && /^\d{4}/.test(d.edtf!)) : undefined;
    const uTime = uDates.find((d) => d.form !== 'relative')?.edtf ?? uDates[0]?.edtf ?? heading?.edtf ?? null;
    /** the date of an event word: one written right after it, else the nearest in the clause, else the chronology entry's */
    // (not one after a conjunction that opens the next clause: "приговорены к расстрелу, но уже 10 декабря [ЦИК заменил …]")
    const eventDate = (at: number, end: number) => {
      // (nor the date of a law: «судили по указу 1961 года»)
      // (nor, for an event told in the past perfect inside a report, the report's date: "In April 1953 Beria reported to the
      // Presidium that Mikhoels had been killed")
      const anterior = /\bhad\s+(?:(?:not|never|already|just|\p{Ll}+ly)\s+)?(?:been\s+)?$/u.test(text.slice(Math.max(u.start, at - 30), at)) || /^had\s/u.test(text.slice(at, end));
      // (nor a date before a comment in the present tense on what happened: "Today, many people state: Stalin … killed Kirov")
      const reported = (x: DateMention) => x.end <= at && ((anterior && REPORTED_THAT.test(text.slice(x.end, at))) || COMMENT_NOW.test(text.slice(x.end, at)));
      let own = uDates.filter((x) => (x.start < end || !/[,;]\s*(?:но|а|и|однако|and|but|while|whereas|though|yet)\s/iu.test(text.slice(end, x.start))) && !LAW_DATE.test(text.slice(Math.max(0, x.start - 30), x.start)) && !reported(x));
      // an event inside a report that dates it itself takes its own date, not the report's: «в апреле 1953 года доложил
      // Президиуму, что Михоэлса убили … в январе 1948-го»
      const rep = REPORTED_THAT.exec(text.slice(u.start, at));
      if (rep) {
        const inner = own.filter((x) => x.start >= u.start + rep.index + rep[0].length);
        if (inner.length) own = inner;
      }
      const chosen = own.find((x) => x.start >= end && x.start - end <= 14) ?? own.filter((x) => x.form !== 'relative' || x.edtf).sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0] ?? heading;
      // (a time the text counts from it but does not give, nearer the event, makes it another day: "found guilty on 21 January,
      // and a few days later sentenced", «…, и через несколько дней он был приговорён»)
      if (chosen && unresolvedIn(u).some((x) => x.start > chosen.end && x.end <= at && !/[.;]/.test(text.slice(x.end, at)))) return undefined;
      return chosen;
    };
    // ---------------- outcomes
    const clauseFrom = out.length;
    let since = u.start;
    const taken: Array<[number, number]> = [];
    const found: Array<{ at: number; end: number; rule: OutcomeRule; m: RegExpExecArray }> = [];
    const lowerClause = clause.toLowerCase();
    for (const rule of OUTCOME_RULES) {
      if (!mayMatch(rule.re, lowerClause)) continue;
      rule.re.lastIndex = 0;
      for (const m of clause.matchAll(rule.re)) {
        const at = u.start + m.index!;
        const end = at + m[0].length;
        if (taken.some(([a, b]) => a < end && at < b)) continue;
        taken.push([at, end]);
        found.push({ at, end, rule, m: m as unknown as RegExpExecArray });
      }
    }
    found.sort((a, b) => a.at - b.at);
    for (const f of found) {
      // "called for him 'to be shot'", "demanding that they should be executed": wished, not done
      if (/(?:\bto|\bshould|\bmust|\bwould|\bwill)\s+(?:\S+\s+)?$/iu.test(text.slice(Math.max(u.start, f.at - 14), f.at)) || /^(?:be|been)\b/i.test(f.m[0]) && /\b(?:to|should|must|would|will|demand\w*|called)\s+$/iu.test(text.slice(Math.max(u.start, f.at - 16), f.at))) {
        since = f.end;
        continue;
      }
      let subs = subjectsBefore(u, f.at, since);
      // "казнили Юлиуса и Этель Розенберг": the object after a Russian impersonal verb
      if (!subs.length && IMPERSONAL.test(f.m[0])) subs = runAfter(f.end, u.end);
      since = f.end;
      if (!subs.length) continue;
      const neg = NEG_BEFORE.test(text.slice(Math.max(u.start, f.at - 14), f.at + 12).replace(/not only/gi, ''));
      const yr = f.rule.years?.(f.m) ?? null;
      const kind = f.rule.kind;
      const detail = f.rule.detail ?? (kind === 'suicide' && /shot|застрел/i.test(f.m[0]) ? 'shot himself' : kind === 'acquitted' && /^\s+of\b/i.test(text.slice(f.end, f.end + 5)) ? 'of a charge' : kind === 'died' && /\b(?:camp|prison|custody|exile|gulag)\b|лагер|тюрьм|заключени|ссылк/iu.test(f.m[0]) ? 'in custody' : undefined);
      // when: a date in the clause, else the trial the text is telling of (a sentence is passed at a trial)
      const own = inside(resolvedDates, f.at - 80, f.end + 60).find((d) => d.start >= u.start && d.end <= u.end)?.edtf ?? uTime;
      const time = own ?? (lastTrial && f.at - lastTrial.at < TRIAL_CONTEXT ? lastTrial.year : null) ?? reportYear;
      // "Zinoviev and Kamenev were sentenced to ten years' and five years' imprisonment respectively", «приговорены к десяти годам и
      // пяти годам соответственно»: one term to each, in order
      const resp = kind === 'prison' && yr && subs.length > 1 ? respectively(text.slice(f.end, u.end), subs.length - 1) : null;
      for (const [si, s] of subs.entries()) {
        const yi: [number, number] | null = resp && si > 0 ? [resp.ns[si - 1]!, resp.ns[si - 1]!] : yr;
        const value: ClaimValue = { kind: neg ? `not-${kind}` : kind, ...(yi ? { n: yi[0], hi: yi[1] } : {}), ...(detail ? { detail } : {}) };
        out.push({
          sourceId: doc.sourceId,
          ...clip(fromSubject(subs[0]!, f.at), resp ? f.end + resp.length : f.end),
          predicate: 'outcome',
          subject: s.entity,
          subjectLabel: labelOf(s),
          value,
          valueLabel: outcomeLabel(value),
          time,
          ...(time && !own ? { timeFromContext: true } : {}),
        });
      }
      // "Pyatakov and Radek had been shot together with 15 other old Bolsheviks": a count as well
      // (the others told before the verb stand in its own clause: not "He and four others were tried …, and he was shot")
      const moreBefore = text.slice(Math.max(u.start, f.at - 80), f.at);
      const mb = TOGETHER_WITH_N.exec(moreBefore);
      const more = TOGETHER_WITH_N.exec(text.slice(f.end, Math.min(u.end, f.end + 80))) ?? (mb && !/[,;]/.test(moreBefore.slice(mb.index + mb[0].length)) ? mb : null);
      if (more && (kind === 'executed' || kind === 'death-sentence')) {
        const n = numberOf(more[1]!) + subs.length;
        const ev = lastTrial && f.at - lastTrial.at < TRIAL_CONTEXT ? `trial@${lastTrial.year}` : eventKey(f.at, uDates, dateBefore);
        if (ev && Number.isFinite(n)) out.push(countClaim(doc, clip(fromSubject(subs[0]!, f.at), Math.min(u.end, f.end + 80)), ev, kind === 'executed' ? 'executed' : 'death-sentence', n, time));
      }
    }
    // ---------------- counts
    const consumed = new Set<number>();
    for (const m of clause.matchAll(COUNT_NUMBER)) {
      const at = u.start + m.index! + (m[1] ? m[0].length - m[2]!.length : 0);
      const numText = m[2]!;
      if (consumed.has(at)) continue;
      if (/^\d{4}$/.test(numText) && +numText > 1500) continue; // a year
      if (dates.some((d) => d.start <= at && at < d.end)) continue;
      // "Thirteen of the seventeen": the whole is counted with the part
      const before16 = text.slice(Math.max(u.start, at - 30), at);
      // (a parenthesis naming some of them is skipped: "thirteen young men, Nikolaev among them, had been shot", "Пятеро, включая Рамзина, были …")
      const after = text.slice(at + numText.length, Math.min(u.end, at + numText.length + 160)).replace(/^([^,.;]{0,60}?),\s*(?:[^,;]{1,60}?\s+among\s+them|among\s+them[^,;]{0,70}|including[^,;]{1,70}|включая[^,;]{1,70}|в\s+том\s+числе[^,;]{1,70}|среди\s+них[^,;]{1,70})\s*,/iu, (_m, head: string) => head + ' ').slice(0, 90);
      // ("Из семнадцати подсудимых тринадцать …": the whole, counted as the accused)
      const wholeOf = /(?<![\p{L}])из\s+$/iu.test(before16) && /^\s+(?:подсудимых|обвиняемых)(?![\p{L}])/iu.test(after);
      if (!wholeOf && new RegExp(`(?:(?:${NUMW}|\\d+)\\s+of\\s+(?:the|these|those)\\s+|(?<!групп[аеуы]\\s+)(?<![\\p{L}])из\\s+)$`, 'iu').test(before16)) continue;
      const n0 = numberOf(numText);
      if (!Number.isFinite(n0) || n0 < 2 || n0 > 100000) continue;
      const before = text.slice(Math.max(u.start, at - 120), at);
      // "Trial of the Sixteen", "процесс шестнадцати", "group of fourteen", "группа из четырнадцати"
      const named = /(?:trial|case)\s+of\s+(?:the\s+)?$|(?:процесс|дело)\s+$|(?:group|bloc)\s+of\s+$|групп[аеуы]\s+из\s+$/iu.test(before);
      // "Thirteen of the seventeen were …", "Из семнадцати подсудимых тринадцать …"
      const ofThe = /^\s+of\s+(?:the\s+|these\s+|those\s+)?([\p{L}-]+)/iu.exec(after);
      let cls: string | null = null;
      let n = n0;
      let spanStart = at;
      // «Подсудимых было четырнадцать», "The defendants numbered fourteen"
      // («Обвиняемых первоначально было восемь», «Свидетелей обвинения было семеро», «их было только двое» is no count of a kind)
      const pred = /(?<![\p{L}])(подсудимых|обвиняемых|свидетелей(?:\s+(?:обвинения|защиты))?|погибших|убитых|казн[её]нных|расстрелянных|оправданных|осужд[её]нных)\s+(?:\p{L}+\s+)?(?:было|оказалось|насчитывалось)\s+(?:(?:всего|лишь|только)\s+)?$/iu.exec(before);
      const predicative = !!pred || /\b(?:defendants|accused)\s+numbered\s+$/iu.test(before);
      if (pred) spanStart = at - (before.length - pred.index);
      if (named || wholeOf || (predicative && (!pred || /^(?:подсудимых|обвиняемых)/iu.test(pred[1]!)))) cls = 'tried';
      else if (pred) cls = /^свидетел/iu.test(pred[1]!) ? (/обвинени/iu.test(pred[1]!) ? 'witnesses-prosecution' : /защит/iu.test(pred[1]!) ? 'witnesses-defence' : 'witnesses') : /^(?:погибш|убит)/iu.test(pred[1]!) ? 'dead' : /^(?:казн|расстрел)/iu.test(pred[1]!) ? 'executed' : /^оправдан/iu.test(pred[1]!) ? 'acquitted' : 'convicted';
      else {
        const near = (/^[^.;:,]{0,110}/u.exec(after.replace(/<\/?u>/g, ''))?.[0] ?? '').slice(0, 90);
        const headNoun = new RegExp(`^\\s+(?:of\\s+(?:the|them|their|these|those)\\s+)?(?:other\\s+)?(?:[\\p{L}-]+\\s+)?${GROUP_NOUNS}(?![\\p{L}])`, 'iu').test(after) || new RegExp(`${GROUP_NOUNS}\\s*$`, 'iu').test(before.slice(-30));
        if (!headNoun && !ofThe && !/^\s+(?:were|was|had been|are|stood|sat|paid|были|был)/iu.test(after) && !/^\s+(?:расстреляли|расстреляны|казнены|казнили|осуждены|приговорены|приговорили)(?![\p{L}])/iu.test(after) && !/(?:\bkilling|(?<![\p{L}])(?:убиты|убито|погибли|погибло))\s+$/iu.test(before)) continue;
        const trialNoun = new RegExp(`^\\s+(?:of\\s+(?:the|them|their)\\s+)?(?:other\\s+)?(?:accused|defendants|co-defendants|подсудимых|обвиняемых)`, 'iu').test(after);
        // the verdict told around the number: "convicted five defendants", "found seven defendants not guilty", «оправдали двоих»
        const verdictAround = /\b(?:acquitted|cleared)\s+(?:all\s+|only\s+|just\s+)?$|(?<![\p{L}])оправдал[аи]?\s+(?:всех\s+|лишь\s+|только\s+)?$/iu.test(before) || /^\s+(?:\S+\s+){0,2}(?:not\s+guilty|innocent)\b|^\s+(?:\S+\s+){0,2}невиновн/iu.test(after) ? 'acquitted' : /\b(?:convicted|found\s+guilty)\s+(?:all\s+|only\s+|just\s+)?$|(?<![\p{L}])(?:осудил[аи]?|осуждают|призна(?:л|ли|ют|ёт|ет)\s+виновными)\s+(?:всех\s+|лишь\s+|только\s+)?$/iu.test(before) || /^\s+(?:\S+\s+){0,2}guilty\b|^\s+(?:\S+\s+){0,2}виновн/iu.test(after) ? 'convicted' : null;
        cls = verdictAround ?? countClass(near.replace(/\b(?:men|people|persons|others?)\b/gi, '')) ?? (trialNoun ? 'tried' : null);
        // («Обвинение вызвало 112 свидетелей», "The defence called forty witnesses": the side before the figure)
        if (cls === 'witnesses') cls = /(?:prosecution|prosecutors?|обвинени\p{L}*|прокурор\p{L}*)\s+(?:\S+\s+){0,2}$/iu.test(before) ? 'witnesses-prosecution' : /(?:defen[cs]e|защит\p{L}*)\s+(?:\S+\s+){0,2}$/iu.test(before) ? 'witnesses-defence' : cls;
        // the verb before the count: "расстреляли только пятерых", "приговорила к расстрелу 14 человек", "к высшей мере приговорили одиннадцать"
        if (!cls && /(?:shot|executed|расстреляли|казнили)\s+(?:(?:about|some|only|just|около|примерно|более|свыше|только|лишь|ещё|еще)\s+)?$/iu.test(before)) cls = 'executed';
        if (!cls && /(?:sentenced\s+to\s+death|приговорил[аи]?\s+к\s+(?:расстрелу|высшей\s+мере(?:\s+наказания)?)|к\s+(?:расстрелу|высшей\s+мере(?:\s+наказания)?)\s+приговорил[аи]?)\s+(?:(?:only|just|только|лишь)\s+)?$/iu.test(before)) cls = 'death-sentence';
        // "перед судом предстали четверо", "на скамье подсудимых оказались трое"
        if (!cls && /(?:перед\s+судом|на\s+скамье\s+подсудимых)[^.;]{0,40}?(?:предстали|оказались|сидели|были)\s+$|(?:предстали|оказались)\s+(?:перед\s+судом|на\s+скамье\s+подсудимых)\s+$/iu.test(before) && !/^\s+\p{L}/u.test(after.replace(/^\s+(?:человек|подсудимых|обвиняемых)/iu, ''))) cls = 'tried';
        if (!cls && /(?:deported|exiled|выслали|депортировали)\s+(?:(?:about|some|almost|nearly|около|почти|примерно|более|свыше)\s+)?$/iu.test(before)) cls = 'deported';
        if (!cls && /(?:released|freed|освободили|выпустили)\s+(?:(?:only|just|all|лишь|только|всего|всех)\s+)?$/iu.test(before)) cls = 'released';
        // deaths in a disaster: "There were 12 dead", "an explosion … kills ten miners", "погибли 12 человек"
        if (/^\s+(?:(?:men|people|persons|others|companions|человек|мужчин)\s+)?(?:dead|killed|died|(?:are|were)\s+(?:\S+\s+)?killed|погибших|погибли|погибло|были\s+убиты|убиты)(?![\p{L}])/iu.test(after) || /(?:kills|killed|killing|погибли|погибло|убиты|убито)\s+$/iu.test(before)) {
          cls = 'dead';
          // (the verb before the number is part of what is claimed: "killing two", «убиты шестеро»)
          const v = /(?:kills|killed|killing|погибли|погибло|убиты|убито)\s+$/iu.exec(before);
          if (v) spanStart = at - (before.length - v.index);
        }
        // "In the dock sat Zinoviev, Kamenev and fourteen of their accomplices": the verb before the count
        if (!cls && /\b(?:in\s+the\s+dock|on\s+trial|were\s+tried|stood\s+trial)\b|на\s+скамье\s+подсудимых|(?<![\p{L}])судили(?![\p{L}])|перед\s+судом\s+предстал\p{L}*|предстал\p{L}*\s+перед\s+судом/iu.test(text.slice(Math.max(u.start, at - 160), at)) && new RegExp(`^\\s+(?:of\\s+(?:their|his|the)\\s+)?(?:\\p{L}+\\s+)?${GROUP_NOUNS}`, 'iu').test(after)) cls = 'tried';
        if (cls === 'tried' && !trialNoun && !/\b(?:tried|in\s+the\s+dock|stood\s+trial|put\s+on\s+trial|on\s+trial|charged|indicted)\b|подсудим|обвиняем|на\s+скамье|предстал|(?<![\p{L}])судил[аи]?(?![\p{L}])/iu.test(near + ' ' + text.slice(Math.max(u.start, at - 160), at))) cls = null;
        // "X, Y and fourteen of their accomplices": the named persons count too
        // («судили Сланского и ещё тринадцать человек»: "and another thirteen people")
        const another = /(?:and|и)\s+(?:ещё|еще|another)\s+$/iu.test(before) && /^\s+(?:человек|других|people|men|persons)/iu.test(after);
        if (another || OTHERS_AFTER.test(after)) {
          const listed = persons.filter((p) => p.end <= at && p.start >= u.start && /^[\s,]*(?:and|и)?\s*$|^(?:[\s,]|<\/?u>|and|и)*$/u.test(text.slice(p.end, at).replace(/[\p{Lu}][\p{L}.'’<>/ -]*(?:,|\s+and\s+|\s+и\s+)?/gu, '')));
          const run = persons.filter((p) => p.start >= u.start && p.end <= at);
          const k = Math.max(listed.length, run.length);
          // (an apposition may stand between: "Rudolf Slánský, until last year General Secretary of the Party, and thirteen of his accomplices")
          if (k > 0 && /^(?:[\s,]|<\/?u>|\*)*(?:and|и)\s*(?:(?:ещё|еще|another)\s*)?$|^,[^.;,]{1,100},\s*(?:and|и)\s+(?:(?:ещё|еще|another)\s+)?$/iu.test(text.slice(run[run.length - 1]!.end, at))) {
            n = n0 + k;
            spanStart = run[0]!.start;
          }
          // "He and five associates were tried", «он и ещё четверо»: a pronoun for one person and the others
          else if (/(?:^|[^\p{L}])(?:he|she|он|она)\s+(?:and|и)\s+(?:(?:ещё|еще|another)\s+)?$/iu.test(before)) n = n0 + 1;
          // "he and Kamenev were put on trial … along with 34 others": the whole is not told, so there is no count
          // (but "His four co-defendants were acquitted" counts the acquitted all the same)
          else if (/^\s+(?:others?|other\s+\w+|accomplices|associates|co-defendants)\b/iu.test(after) && (cls === 'tried' || !cls)) continue;
        }
        // "seven men stood beside Nagy in the dock", «рядом с Надем сидели семеро»: the one they stood beside counts too
        const beside = /^(\s+(?:[\p{L}-]+\s+){0,3}?(?:beside|alongside|next\s+to|together\s+with|рядом\s+с|вместе\s+с)\s+)/iu.exec(after);
        if (beside && n === n0 && persons.some((p) => Math.abs(p.start - (at + numText.length + beside[1]!.length)) <= 1)) n = n0 + 1;
        // «Кроме самого Берии, по делу проходили ещё шесть обвиняемых», "Besides Beria, six others were tried": the ones set apart count too
        const besides = /(?<![\p{L}])(?:кроме|помимо|besides|apart\s+from|in\s+addition\s+to)\s+(?:самого\s+|самой\s+|самих\s+)?/iu.exec(text.slice(sentenceBefore(text, u.start), at));
        if (besides && n === n0 && (/(?:ещё|еще|other|another)\s+$/iu.test(before) || /^\s+(?:others?|other\s+\p{L}+|других|остальных)(?![\p{L}])/iu.test(after))) {
          const from = sentenceBefore(text, u.start) + besides.index + besides[0].length;
          const set = persons.filter((p) => p.start >= from && p.end <= at && /^[\s,]*(?:and|и)?\s*$/iu.test(text.slice(from, p.start).replace(/[\p{Lu}][\p{L}.'’ -]*(?:,|\s+and\s+|\s+и\s+)?/gu, '')));
          if (set.length) n = n0 + set.length;
        }
      }
      if (!cls) continue;
      // "Three of the defendants were …": a part of the accused, never their number
      if (cls === 'tried' && !m[1] && !named && /^\s+of\s+(?:the|these|those)\s+(?:\p{L}+\s+)?(?:defendants|accused|prisoners)\b/iu.test(after)) continue;
      // "50 советских специалистов и трое немецких инженеров", "40 Soviet engineers and three German ones": the groups add up
      const plus = new RegExp(`^(\\s+(?:[\\p{L}-]+\\s+){0,2}${GROUP_NOUNS}\\s+(?:and|и)\\s+)(${NUM_RE})(\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${GROUP_NOUNS}|ones))(?![\\p{L}])`, 'iu').exec(text.slice(at + numText.length, u.end));
      if (plus && Number.isFinite(numberOf(plus[2]!))) {
        n += numberOf(plus[2]!);
        consumed.add(at + numText.length + plus[1]!.length);
      }
      // a total over several trials is no count of one: "There were 54 defendants in all", "in the three trials"
      if (/^[^.;]{0,40}?\b(?:in\s+all|altogether|in\s+total|all\s+told)\b|^[^.;]{0,40}?(?:в\s+общей\s+сложности|всего\s+было)/iu.test(after) || /\b(?:three|two|both|all\s+the|all\s+three)\s+trials\b|(?:трёх|трех|двух|всех)\s+процессах/iu.test(text.slice(sentenceBefore(text, u.start), at))) continue;
      // which event: a trial named here, a trial dated here, the trial in context, the place of a killing, else the date around
      // "nine of the defendants at Kemerovo": the place named with the group names its trial
      const at2 = at + numText.length;
      const placed = places.find((p) => p.type === 'place' && p.start > at2 && p.start - at2 < 45 && /\s(?:at|in|в|во)\s+$/iu.test(text.slice(Math.max(at2, p.start - 5), p.start)) && !/[,.;]/.test(text.slice(at2, p.start)));
      const where = placed ?? (cls === 'executed' ? places.find((p) => p.type === 'place' && p.start >= u.start && p.end <= u.end && !TRIAL_WORD.test(clause)) : undefined);
      // "six of these nine paid with their lives": the nine counted before, and their event
      const these = ofThe && /^\s+of\s+(?:these|those)\s/iu.test(after) ? numberOf(ofThe[1]!) : NaN;
      const antecedent = Number.isFinite(these) ? out.filter((c) => c.predicate === 'count' && c.value.n === these && at - c.end < 2500).pop() : undefined;
      // (the trial named nearest before the number: in the clause, else just before it)
      const tms = mentions.filter((x) => x.type === 'trial' && x.start >= u.start - 200 && x.end <= u.end);
      const tm = tms.filter((x) => x.end <= at).pop() ?? tms[0];
      const ty = tm ? opts.trialYears?.get(tm.entity) : undefined;
      // (not a date in a phrase leading to another event: "After his capitulation in 1934, he … during the Trial of the Sixteen")
      const cDates = uDates.filter((x) => !leadsElsewhere(x, at));
      const datedTrial = TRIAL_WORD.test(clause) || /\btried\b/i.test(clause) ? cDates.find((x) => x.edtf && /^\d{4}/.test(x.edtf) && x.form !== 'relative' && !LAW_DATE.test(text.slice(Math.max(0, x.start - 30), x.start))) : undefined;
      if (cls === 'dead') {
        // the dead of a dated happening are counted for its day
        const d = uDates.find((x) => x.edtf && /^\d{4}-\d{2}-\d{2}$/.test(x.edtf)) ?? dateBefore(at, 300);
        if (d?.edtf && /^\d{4}-\d{2}-\d{2}/.test(d.edtf)) {
          const end = Math.min(u.end, at + numText.length + (/^[^.;]{0,40}/u.exec(after)?.[0].length ?? 0));
          out.push(countClaim(doc, clip(Math.min(spanStart, at), end), `deaths@${d.edtf.slice(0, 10)}`, 'dead', n, d.edtf));
        }
        continue;
      }
      // (a trial named here and dated in the corpus wins over the one in context; one named here but dated nowhere, or named by its
      // count — "the trial of the 14 persons" — takes the context only from close by)
      const reach = (tm && !ty) || /(?:trial|case)\s+of\s+(?:the\s+)?$|(?:процесс|дело)\s+$/iu.test(before) ? 400 : TRIAL_CONTEXT;
      const recent = lastTrial && at - lastTrial.at < reach ? lastTrial.year : null;
      const ev = antecedent ? antecedent.subject.replace(/#[^#]*$/, '') : where ? (trialAt.get(placeKey(where.name)) ?? `event@${placeKey(where.name)}`) : datedTrial ? `trial@${monthKey(datedTrial.edtf!)}` : ty ? `trial@${ty}` : recent ? `trial@${recent}` : tm || reach < TRIAL_CONTEXT ? null : eventKey(at, uDates, dateBefore);
      if (!ev) continue;
      const end = Math.min(u.end, at + numText.length + (/^[^.;]{0,60}/u.exec(after)?.[0].length ?? 0));
      // a figure given as a bound or an estimate: "more than a hundred", «около ста», "some sixty"
      const bound = countBound(text.slice(Math.max(u.start, at - 24), at));
      const c = countClaim(doc, clip(Math.min(spanStart, at), end), ev, cls, n, uTime);
      out.push(bound ? { ...c, value: { ...c.value, detail: bound }, valueLabel: `${bound === '<' ? 'fewer than ' : bound === '>' ? 'more than ' : 'about '}${n}` } : c);
      // ("released and fully rehabilitated": both counts)
      if (cls === 'released' && /\brehabilitated\b|реабилитирован/iu.test(after.slice(0, 80))) out.push(countClaim(doc, clip(Math.min(spanStart, at), end), ev, 'rehabilitated', n, uTime));
      // "Thirteen are sentenced to death and shot": the executions too
      if (cls === 'death-sentence' && /(?:sentenced|condemned)\s+to\s+death\s+and\s+(?:\w+\s+)?(?:shot|executed)|к\s+расстрелу\s+и\s+расстрелян/iu.test(after.slice(0, 80))) out.push(countClaim(doc, clip(Math.min(spanStart, at), end), ev, 'executed', n, uTime));
      // "осудила 14 человек, и все они были расстреляны", "… and all of them were shot"
      else if (cls !== 'executed' && /^[^.;]{0,80}?,?\s+(?:and|и)\s+(?:all\s+(?:of\s+them|were)|все\s+(?:они\s+)?(?:были\s+)?)(?:\s*were)?\s*(?:shot|executed|расстреляны|казнены)/iu.test(text.slice(at + numText.length, u.end))) out.push(countClaim(doc, clip(Math.min(spanStart, at), end), ev, 'executed', n, uTime));
      // "Thirteen of the seventeen": the whole
      if (ofThe) {
        const whole = numberOf(ofThe[1]!);
        if (Number.isFinite(whole) && whole > n) out.push(countClaim(doc, clip(at, end), ev, 'tried', whole, uTime));
      }
    }
    // ---------------- quantities disputed as often as head counts: ages, the votes of a court or jury, how long a trial or a
    // deliberation lasted
    {
      const ctxTime = uDates.find((x) => (x.form !== 'relative' || (x.anchor === undefined && /^\d{4}-\d{2}-\d{2}$/.test(x.edtf ?? ''))) && /^\d{4}-\d{2}/.test(x.edtf ?? ''))?.edtf ?? heading?.edtf ?? (lastTrial && u.start - lastTrial.at < TRIAL_CONTEXT ? lastTrial.year : null);
      const ctx = ctxTime ? monthKey(ctxTime) : null;
      for (const m of AGE_HINT.test(clause) ? clause.matchAll(AGE) : []) {
        const numText = m.slice(1).find((x) => x !== undefined);
        const n = numText ? numberOf(numText) : NaN;
        if (!Number.isFinite(n) || n < 1 || n > 110) continue;
        const at = u.start + m.index!;
        const end = at + m[0].length;
        // whose age: the name in apposition next to it, before or after
        const near = persons.filter((p) => p.start >= u.start && p.end <= u.end && (p.end <= at ? at - p.end <= 60 : p.start - end <= 40));
        const who = near.sort((x, y) => Math.min(Math.abs(x.end - at), Math.abs(x.start - end)) - Math.min(Math.abs(y.end - at), Math.abs(y.start - end)))[0];
        if (!who) continue;
        out.push({ ...countClaim(doc, clip(Math.min(who.start, at), Math.max(who.end, end)), `age:${who.entity}`, 'age', n, uTime), subjectLabel: `age of ${who.name}`, valueLabel: `${n} years old` });
      }
      // votes: "by seven votes to two", "deadlocked eight to four", «семью голосами против двух», «шесть против шести»,
      // «десять голосов за обвинение, два — за оправдание»
      for (const m of ctx && VOTES_HINT.test(clause) ? clause.matchAll(VOTES) : []) {
        const nums = m.slice(1).filter((x) => x !== undefined).map(numberOf);
        if (nums.length !== 2 || !nums.every((x) => Number.isFinite(x) && x < 100)) continue;
        // (in favour of conviction first: "ten for conviction, two for acquittal"; "by seven votes to two" as written)
        const [x, y] = /оправдание[,\s]+\S+.*за\s+обвинение/iu.test(m[0]) ? [nums[1]!, nums[0]!] : [nums[0]!, nums[1]!];
        const at = u.start + m.index!;
        out.push({ ...countClaim(doc, clip(at, at + m[0].length), `votes@${ctx}`, 'votes', x * 100 + y, uTime), subjectLabel: `the vote (${ctx})`, valueLabel: `${x} to ${y}` });
      }
      // how long: "lasted thirty-four days", «Тридцать четыре дня продолжалось судебное следствие», "deliberated barely two hours",
      // "was out less than four hours", «длился больше месяца»
      for (const m of ctx && DUR_HINT.test(clause) ? clause.matchAll(DUR) : []) {
        const g = m.slice(1);
        const q = g.find((x, k) => x !== undefined && [0, 3].includes(k));
        const numText = g.find((x, k) => x !== undefined && [1, 4, 6].includes(k));
        const unit = g.find((x, k) => x !== undefined && [2, 5, 7].includes(k))!;
        const n0 = numText ? numberOf(numText) : 1;
        if (!Number.isFinite(n0)) continue;
        const hours = n0 * (/^(?:minute|минут)/iu.test(unit) ? 1 / 60 : /^(?:hour|час)/iu.test(unit) ? 1 : /^(?:week|недел)/iu.test(unit) ? 168 : /^(?:month|месяц)/iu.test(unit) ? 720 : 24);
        const where = text.slice(Math.max(u.start, u.start + m.index! - 80), Math.min(u.end, u.start + m.index! + m[0].length + 60));
        const what = /\b(?:jury|jurors|deliberat\w*|was\s+out|were\s+out)\b|присяжн|совещал/iu.test(where) ? 'deliberation' : /\b(?:statement|speech|testimony|plea|address)\b|речь|показани|заявлени/iu.test(where) ? 'statement' : TRIAL_WORD.test(where) || /следстви|заседани|трибунал|слушани/iu.test(where) ? 'trial' : null;
        if (!what) continue;
        const bound = q ? (/less|under|barely|меньше|менее/iu.test(q) ? '<' : /more|over|больше|более|свыше/iu.test(q) ? '>' : '~') : undefined;
        const at = u.start + m.index!;
        const c = countClaim(doc, clip(at, at + m[0].length), `duration:${what}@${ctx}`, 'hours', hours, uTime);
        out.push({ ...c, value: { ...c.value, ...(bound ? { detail: bound } : {}) }, subjectLabel: `how long the ${what} lasted (${ctx})`, valueLabel: `${bound === '<' ? 'less than ' : bound === '>' ? 'more than ' : bound === '~' ? 'about ' : ''}${hours % 24 === 0 && hours >= 24 ? `${hours / 24} days` : hours < 1 ? `${Math.round(hours * 60)} minutes` : `${hours} hours`}` });
      }
      // … told by a compound adjective: "a four-hour statement", «трёхчасовую речь», «пятидневный процесс»
      for (const m of ctx && DUR_HINT.test(clause) ? clause.matchAll(DUR_ADJ) : []) {
        const n0 = m[1] ? (DUR_ADJ_NUM[m[1].toLowerCase()] ?? NaN) : numberOf(m[4]!);
        const unit = (m[2] ?? m[5]!).toLowerCase();
        const noun = (m[3] ?? m[6]!).toLowerCase();
        if (!Number.isFinite(n0)) continue;
        const hours = n0 * (/^(?:minute|минут)/u.test(unit) ? 1 / 60 : /^(?:hour|час)/u.test(unit) ? 1 : 24);
        const what = /^(?:speech|statement|address|testimony|речь|выступлени|показани)/u.test(noun) ? 'statement' : 'trial';
        const at = u.start + m.index!;
        const c = countClaim(doc, clip(at, at + m[0].length), `duration:${what}@${ctx}`, 'hours', hours, uTime);
        out.push({ ...c, subjectLabel: `how long the ${what} lasted (${ctx})`, valueLabel: hours % 24 === 0 && hours >= 24 ? `${hours / 24} days` : hours < 1 ? `${Math.round(hours * 60)} minutes` : `${hours} hours` });
      }
    }
    /** where an event happened, told after its word: "at his dacha at Bolshevo", "в своей московской квартире", "in the Hotel Bristol" */
    const placeOf = (end: number, kind: string, first: number, at: number, sk: string, label: string, d: DateMention | null | undefined) => {
      // where: "at his dacha at Bolshevo", "в своей московской квартире", "in the Hotel Bristol"
      // (the time told between the event and its place is passed over: "murdered in the night of 12 to 13 January 1948 at the dacha
      // of …", «схватили … вечером 11 мая 1960 года на улице Гарибальди»)
      let tail = text.slice(end, Math.min(u.end, end + 120));
      for (const x of dates) if (x.end > end && x.start < end + tail.length) tail = tail.slice(0, Math.max(0, x.start - end)) + ' '.repeat(Math.min(x.end, end + tail.length) - Math.max(x.start, end)) + tail.slice(Math.min(x.end, end + tail.length) - end);
      tail = tail.replace(/\b(?:in|on|during)\s+the\s+(?:night|morning|evening|afternoon)\s+(?:of\s+)?|(?<![\p{L}])(?:в\s+ночь\s+(?:на|с)|ночью|вечером|утром|дн[её]м)(?![\p{L}])|\bshortly\s+(?:before|after)\s+(?:midnight|noon|dawn)\b/giu, (m) => ' '.repeat(m.length));
      const pm = (kind === 'exile' ? /^\s*(?:\S+\s+){0,6}?(?:to|at|in|в|во|на)\s+((?:(?:his|her|their|the|a)\s+)?[^,.;]{2,60})/iu : /^\s*(?:\S+\s+){0,3}?(?:at|in|inside|near|в|во|на|у)\s+((?:(?:his|her|their|the|a|своей|своём|своем|его)\s+)?[^,.;]{2,60})/iu).exec(tail);
      if (pm) {
        const pAt = end + pm.index! + pm[0].length - pm[1]!.length;
        // ("in Flemington on 2 January 1935": the place ends where a date begins)
        const dateIn = dates.find((x) => x.start > pAt && x.start < pAt + pm[1]!.length);
        // ("in Paris on suspicion of having written …": the place ends before what the rest of the clause says)
        const phrase0 = dateIn ? text.slice(pAt, dateIn.start).replace(/\s+(?:on|in|at|of|from|в|во|на|с)?\s*$/iu, '') : pm[1]!;
        const phrase = phrase0.replace(/\s+(?:on|for|by|after|before|under|with|as|while|when|who|which|where|по|за|после|перед|когда|который|которая|где)\s.*$/iu, '').replace(/\s+(?:\p{Ll}+ly|(?:в|во)\s+ночь|ночью|вечером|утром|дн[её]м)(?![\p{L}]).*$/u, '');
        // ("по обвинению в шпионаже": an "in" that belongs to a charge is no place)
        if (/(?:charge|charged|suspicion|accused|guilty|обвинени\p{L}*|подозрени\p{L}*|обвин\p{L}*)\s+(?:\S+\s+)?$/iu.test(text.slice(Math.max(0, pAt - 30), pAt).replace(/\s*(?:of|in|в|во)\s*$/iu, ' '))) return;
        const pl = places.filter((p) => p.start >= pAt && p.end <= pAt + phrase.length && p.type === 'place');
        if (phrase.length < 2 || dates.some((x) => x.start < pAt + phrase.length && pAt < x.end)) return;
        // (a name the entity index does not know is still a place after "in": "seized in San Fernando")
        if (!pl.length && !PLACE_NOUNS.test(phrase) && !/^\p{Lu}[\p{L}'’-]+(?:[\s-]\p{Lu}[\p{L}'’-]+)*$/u.test(phrase.trim())) return;
        const keys = thingKeys(phrase, pl, true);
        const words = phrase.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [];
        if (keys.length || words.length) {
          out.push({ sourceId: doc.sourceId, ...clip(Math.min(first, at), pAt + phrase.length), predicate: 'place', subject: sk, subjectLabel: label, value: { kind: 'place', place: phrase.trim(), ...(keys.length ? {} : { generic: true }) }, valueLabel: phrase.trim(), time: d?.edtf ?? null, keys: keys.length ? keys : words.map(wordKey) });
        }
      }
    };
    // ---------------- event dates and places
    const evFrom = out.length;
    for (const ev of EVENT_RULES) {
      if (!mayMatch(ev.re, lowerClause)) continue;
      ev.re.lastIndex = 0;
      for (const m of clause.matchAll(ev.re)) {
        const at = u.start + m.index!;
        const end = at + m[0].length;
        const neg = NEG_BEFORE.test(text.slice(Math.max(u.start, at - 12), at));
        if (neg) continue;
        let who = ev.group ? [] : subjectsBefore(u, at, u.start);
        // (the person after the verb only where the verb comes first: "arrested were Radek …"; never "sent … by Trotsky")
        if (!who.length && !ev.group && IMPERSONAL.test(m[0].replace(/^был[аи]?\s+/u, ''))) who = runAfter(end, u.end);
        // ("arrested were Radek, …": the names right after the verb; never one further on, "казнили в тюрьме Чарлстауна")
        if (!who.length && !ev.group && ev.kind !== 'exile' && ev.kind !== 'arrival') who = runAfter(end, u.end).filter((p) => !/\b(?:by|from|with|to)\s+$/iu.test(text.slice(Math.max(0, p.start - 6), p.start)));
        const d = eventDate(at, end);
        const ctx = ev.kind === 'trial-opening' ? null : lastTrial && at - lastTrial.at < TRIAL_CONTEXT ? lastTrial.year : null;
        // (the place of a group event: named in the clause, else the first named in the next sentence of the paragraph)
        const evPlace = ev.kind !== 'killing' ? null : (() => {
          const inClause = places.find((p) => p.type === 'place' && p.start >= u.start && p.end <= u.end);
          const nl = text.indexOf('\n', u.end);
          const next = places.find((p) => p.type === 'place' && p.start >= u.end && p.start - u.end < 200 && (nl < 0 || p.start < nl));
          // (a place the next sentence names only counts away from a trial the text is telling of)
          const x = inClause ?? (ctx ? undefined : next);
          return x ? placeKey(x.name) : null;
        })();
        const subjectKeys = ev.group ? [ev.group(text, at, d ?? null, dateBefore, ctx, evPlace)] : who.map((w) => `${ev.kind}:${w.entity}`);
        const labels = ev.group ? [`${ev.kind}`] : who.map((w) => `${ev.label} of ${w.name}`);
        subjectKeys.forEach((sk, i) => {
          if (!sk) return;
          const first = who[0] ? fromSubject(who[0], at) : at;
          if (d?.edtf) {
            const a = Math.min(first, at, d.start);
            const b = Math.max(end, d.end);
            out.push({ sourceId: doc.sourceId, ...clip(a, b), predicate: 'date', subject: sk, subjectLabel: labels[i]!, value: { kind: 'date', edtf: d.edtf }, valueLabel: d.edtf, time: d.edtf });
          }
          if (ev.place) placeOf(end, ev.kind, first, at, sk, labels[i]!, d);
        });
      }
    }
    // ---------------- events of the lexicon (lexicon.ts): any arrest, sentence, pardon, confession, letter, award … the clause dates,
    // keyed by its kind and its participant, in whatever voice or language it is told
    // (the events the rules above dated for a person are not dated again)
    const evTaken = out.slice(evFrom).filter((c) => c.predicate === 'date' && !/@/.test(c.subject)).map((c) => [c.start, c.end, c.subject.split(':')[0]!] as [number, number, string]);
    for (const t of findTriggers(clause)) {
      const at = u.start + t.index;
      const end = at + t.length;
      const kind = t.concept.kind;
      if (evTaken.some(([a, b, k]) => a < end && at < b && (k === kind || (k === 'suicide' && kind === 'death')))) continue;
      const negated = NEG_BEFORE.test(text.slice(Math.max(u.start, at - 12), at).replace(/not\s+only|не\s+только/giu, ''));
      // (an act sources dispute having happened at all, said done or not done by a person: a claim of its existence — "Eichmann never
      // asked for clemency" / «Эйхман сам подал прошение о помиловании»)
      if (DISPUTED_ACTS.has(kind) && t.form !== 'noun' && !WISHED.test(text.slice(Math.max(u.start, at - 24), at))) {
        for (const w of eventParticipants(u, t, at, end)) {
          out.push({ sourceId: doc.sourceId, ...clip(Math.min(fromSubject(w, at), at), end), predicate: 'existence', subject: `thing:@${w.entity}+~act-${kind}`, subjectLabel: `${t.concept.label} by ${w.name}`, value: { kind: negated ? 'no' : 'yes' }, valueLabel: negated ? 'did not happen' : 'happened', time: null, keys: [`@${w.entity}`, `~act-${kind}`] });
        }
      }
      if (negated) continue;
      // wished, planned or asked for, not done: "demanded that he be shot", "to be released", "would be pardoned"
      if (WISHED.test(text.slice(Math.max(u.start, at - 24), at))) continue;
      // planned, plotted or attempted, not done: "agreed on the murder of Rákosi", "the attempted assassination", «готовили убийство»
      if (/(?:\b(?:agreed\s+on|agreed\s+to|plann?\w*|plott?\w*|attempt\w*|prepar\w*|intend\w*|conspir\w*\s+(?:to|in)|order\w*\s+the)\s+(?:the\s+|a\s+|an\s+)?|(?<![\p{L}])(?:готовил\p{L}*|подготовк\p{L}*|планировал\p{L}*|замышлял\p{L}*|покушени\p{L}*\s+на|договорил\p{L}*\s+об?)\s+)$/iu.test(text.slice(Math.max(u.start, at - 30), at))) continue;
      // what one is accused of is no event the text dates: "accused of having killed Zhdanov", «обвинили в убийстве»
      if (/(?:\b(?:complicity|involvement|participation|responsibility|implicat\w*)\s+(?:in|for)\s+(?:the\s+)?|\b(?:accused|charged|suspected|suspicion|guilty|convicted|indicted)\s+(?:\S+\s+){0,2}?(?:of|with|for)\s+(?:\S+\s+){0,2}?|(?<![\p{L}])(?:соучасти\p{L}*|причастност\p{L}*|участи\p{L}*)\s+(?:в|во|к)\s+|(?<![\p{L}])(?:обвин\p{L}*|подозрени\p{L}*|подозрева\p{L}*)\s+(?:\S+\s+){0,2}?(?:в|во)\s+(?:\S+\s+)?)$/iu.test(text.slice(Math.max(u.start, at - 60), at))) continue;
      // a noun names an event the sentence may only mention ("1936, after the murder of Kirov", "three years after the
      // assassination"): its date is one written next to it ("the assassination of Kirov in early December, 1934"), or the
      // chronology entry's
      let d = t.form === 'noun' ? (uDates.find((x) => x.start >= end && x.start - end <= 45 && !/[.;:!?]|\b(?:after|before|since|when|which|who)\b|(?<![\p{L}])(?:после|до|когда|который)(?![\p{L}])/iu.test(text.slice(end, x.start))) ?? uDates.find((x) => x.end <= at && at - x.end <= 25 && !/\b(?:after|before|since|following|until|till)\b|(?<![\p{L}])(?:после|до|перед|с)(?![\p{L}])/iu.test(text.slice(x.end, at))) ?? heading) : eventDate(at, end);
      // a date set in a phrase that leads to another event is not this one's: "For the hold-up at Bridgewater on December 24, 1919,
      // a Plymouth jury had already convicted him", «После ареста 17 июля …»
      if (d && d.start >= u.start && leadsElsewhere(d, at)) d = heading && heading.end <= u.start ? heading : undefined;
      const who = eventParticipants(u, t, at, end);
      if (!who.length) {
        // no one named: the defendants of the trial in context, when the event is one only a trial's convicts have ("All were
        // rehabilitated in November 1955", «осуждённых расстреляли 12 августа», "the condemned were shot")
        const groupKind = GROUP_EVENT_OF[kind];
        const ofGroup = kind === 'rehabilitation' || kind === 'annulment' ? !persons.some((p) => p.start >= u.start && p.end <= u.end) : CONDEMNED.test(clause);
        const ctx = lastTrial && at - lastTrial.at < TRIAL_CONTEXT ? lastTrial.year : null;
        const sk = groupKind && ofGroup && d?.edtf ? trialGroup(groupKind)(text, at, d, dateBefore, ctx) : null;
        if (sk && !out.slice(evFrom).some((c) => c.subject === sk && c.start < end && at < c.end)) {
          out.push({ sourceId: doc.sourceId, ...clip(Math.min(at, d!.start), Math.max(end, d!.end)), predicate: 'date', subject: sk, subjectLabel: groupKind!, value: { kind: 'date', edtf: d!.edtf! }, valueLabel: d!.edtf!, time: d!.edtf! });
          placeOf(end, kind, at, at, sk, groupKind!, d);
        }
        continue;
      }
      const label = t.concept.label;
      for (const w of who) {
        const a = Math.min(fromSubject(w, at), at);
        if (d?.edtf) {
          const span = clip(Math.min(a, d.start), Math.max(end, d.end, w.end));
          out.push({ sourceId: doc.sourceId, ...span, predicate: 'date', subject: `${kind}:${w.entity}`, subjectLabel: `${label} of ${w.name}`, value: { kind: 'date', edtf: d.edtf }, valueLabel: d.edtf, time: d.edtf });
        }
        // where it happened, for the events that have a place ("seized in San Fernando", «повесили в тюрьме Рамле»)
        if (PLACED_KINDS.has(kind) && t.form !== 'noun') placeOf(end, kind, a, at, `${kind}:${w.entity}`, `${label} of ${w.name}`, d);
      }
      // an outcome told in the active voice: "Judge Kaufman sentenced Julius and Ethel to death", «суд приговорил Рамзина к расстрелу»,
      // "a court-martial acquitted him"
      if (t.form === 'active' && t.concept.role === 'patient') {
        const outcome = activeOutcome(kind, text.slice(end, u.end), /[а-яё]/iu.test(text.slice(at, end)));
        if (outcome) {
          const time = uTime ?? (lastTrial && at - lastTrial.at < TRIAL_CONTEXT ? lastTrial.year : null);
          for (const w of who) {
            if (out.slice(clauseFrom).some((c) => c.predicate === 'outcome' && c.subject === w.entity && c.value.kind === outcome.value.kind)) continue;
            out.push({ sourceId: doc.sourceId, ...clip(Math.min(fromSubject(w, at), at), Math.min(u.end, end + outcome.length)), predicate: 'outcome', subject: w.entity, subjectLabel: w.name, value: outcome.value, valueLabel: outcomeLabel(outcome.value), time });
          }
        }
      }
    }
    // ---------------- presence
    for (const m of clause.matchAll(PRESENCE_RE)) {
      const at = u.start + m.index!;
      const end = at + m[0].length;
      const who = subjectsBefore(u, at, u.start);
      if (!who.length) continue;
      const neg = NEG_BEFORE.test(text.slice(Math.max(u.start, at - 14), at + m[0].length).replace(/not only/gi, '')) || /\bnever\b/i.test(m[0]) || /отсутствовал|nowhere/iu.test(m[0]);
      const tail = text.slice(end, u.end);
      let pl = places.filter((p) => p.type === 'place' && p.start >= end && p.end <= Math.min(u.end, end + 80));
      // "а Седов в Копенгаген вообще не приезжал": the place before the verb
      if (!pl.length) pl = places.filter((p) => p.type === 'place' && p.start >= u.start && p.end <= at && at - p.end < 40 && /(?<![\p{L}])(?:в|во|на|in|at)\s+$/iu.test(text.slice(Math.max(0, p.start - 4), p.start)));
      // "present at all three trials, … 'Mission to Moscow'": a trial named before the place is where
      const tw = TRIAL_WORD.exec(tail.slice(0, 60));
      if (tw && pl.length && pl[0]!.start > end + tw.index) pl = [];
      const trial = !!tw || TRIAL_WORD.test(m[0]) || /(?:на|в|at|in)\s+(?:\S+\s+){0,2}(?:процесс\p{L}*|trials?)\s+(?:не\s+|not\s+)?$/iu.test(text.slice(Math.max(u.start, at - 40), at));
      // ("in South Braintree": a place of several capitalized words the entity index does not know)
      const bare = !pl.length && !trial ? /^\s*(?:(?:in|at|to|в|во|на)\s+)?(\p{Lu}[\p{L}'’-]{2,}(?:[\s-]+\p{Lu}[\p{L}'’-]{2,})*)/u.exec(tail) : null;
      // (attending, being present, appearing with no place named: the trial the text is telling of — "Zola does not attend",
      // «при оглашении вердикта он в зале не присутствовал», «тот в зал суда так и не явился»)
      const eventVerb = /attend|present|присутствова|явил|(?:в\s+)?зал/iu.test(m[0] + text.slice(Math.max(u.start, at - 20), at)) && !!lastTrial && at - lastTrial.at < TRIAL_CONTEXT;
      const placeKey = pl[0]?.entity ?? (trial || (!bare && eventVerb) ? 'trial' : bare ? `w:${wordKey(bare[1]!)}` : null);
      if (!placeKey) continue;
      const placeName = pl[0]?.name ?? (bare ? bare[1]! : 'the trial');
      const segA = Math.max(u.start, text.lastIndexOf(',', at) + 1);
      const segB = (() => {
        const k = text.indexOf(',', end);
        return k < 0 || k > u.end ? u.end : k;
      })();
      const inSeg = inside(resolvedDates, segA, segB);
      // "бывал в Париже в 1927 и 1928 годах": dates joined by "and" are one stretch, from the first to the last
      const joinedDates = inSeg.length > 1 && /^\s*(?:,|and|и|&)\s*$/iu.test(text.slice(inSeg[0]!.end, inSeg[1]!.start)) && /^\d{4}/.test(inSeg[1]!.edtf!) ? { ...inSeg[0]!, edtf: `${inSeg[0]!.edtf!.split('/')[0]}/${inSeg[1]!.edtf!.split('/').pop()}` } : undefined;
      // ("on 23 November, when Megrahi was not in Malta": the date the when-clause hangs on; "on that date": the time in talk)
      const whenOf = /^\s*(?:when|while|где|когда)\s/iu.test(text.slice(segA, at)) ? resolvedDates.filter((x) => x.end <= segA && segA - x.end <= 3 && x.start >= u.start).pop() : undefined;
      const d = joinedDates ?? inSeg[0] ?? whenOf ?? (/(?:at (?:that|the) time|then|on\s+that\s+(?:date|day)|that\s+day|в это время|тогда|в то время|в тот день)/iu.test(clause) ? timeInTalk(at) : null);
      let placeFull = placeKey;
      const namedTrial = mentions.find((x) => x.type === 'trial' && x.start >= at && x.end <= Math.min(u.end, end + 80));
      const trialYear = namedTrial ? opts.trialYears?.get(namedTrial.entity) : undefined;
      // which trial: all of them, one named and dated in the corpus, one numbered ("the second trial"), else the year around
      // ("на первом процессе не присутствовал": the number may come before the verb; a trial named but not dated anywhere is unknown)
      const ord = ordinalOf(text.slice(Math.max(segA, at - 40), Math.min(u.end, end + 60)));
      const ordinalYear = ord ? opts.trialOrdinals?.get(ord) : undefined;
      if (placeKey === 'trial') placeFull = /\ball\s+(?:three|the|of\s+the)\s+trials|всех\s+(?:трёх|трех)\s+процесс/iu.test(tail.slice(0, 60)) ? 'trial@*' : `trial@${trialYear ?? ordinalYear ?? (namedTrial ? '?' : (d?.edtf ?? dateBefore(u.start, 900)?.edtf ?? '').slice(0, 4) || '?')}`;
      const endSpan = pl[0] ? Math.max(end, pl[0].end) : Math.min(u.end, end + 40);
      for (const w of who) {
        // (at a trial the corpus dates, the time is the trial's, not another date of the clause)
        const tt = /^trial@(\d{4}(?:-\d{2})?)$/.exec(placeFull)?.[1];
        const when = tt && (trialYear || ordinalYear) ? tt : d?.edtf;
        const value: ClaimValue = { kind: neg ? 'no' : 'yes', place: placeFull, detail: placeName, ...(when ? { edtf: when } : {}) };
        out.push({ sourceId: doc.sourceId, ...clip(fromSubject(w, at), endSpan), predicate: 'presence', subject: w.entity, subjectLabel: w.name, value, valueLabel: `${neg ? 'not ' : ''}at ${placeName}${when ? ` (${when})` : ''}`, time: when ?? null });
      }
    }
    // ---------------- roles in court: who presided, who testified or spoke to the court (present at the trial in context)
    if (TRIAL_ROLE_HINT.test(clause)) {
      // (the trial in context, or one the clause names and dates)
      // (else the year told in the clause or just before it: a court role implies a trial)
      // (not a date inside what the witness said: "told the court that she had seen him in 1944")
      const year = (lastTrial && u.start - lastTrial.at < TRIAL_CONTEXT ? lastTrial.year : (uDates.find((x) => /^\d{4}/.test(x.edtf ?? '') && x.start < reportAt)?.edtf ?? dateBefore(u.start, 400)?.edtf ?? '')).slice(0, 4);
      if (year) {
        const seen = new Set<string>();
        const add = (w: ClaimMention, a: number, b: number, role: string) => {
          if (seen.has(w.entity) || out.slice(clauseFrom).some((c) => c.predicate === 'presence' && c.subject === w.entity)) return;
          seen.add(w.entity);
          // (on the day told right by it: "took the stand on Jan. 6")
          const when = role !== 'testifying' ? undefined : uDates.find((x) => x.edtf && /^\d{4}/.test(x.edtf) && x.start >= b - 5 && x.start - b <= 25 && !/\bthat\b|(?<![\p{L}])что(?![\p{L}])/iu.test(text.slice(b, x.start)))?.edtf;
          out.push({ sourceId: doc.sourceId, ...clip(a, b), predicate: 'presence', subject: w.entity, subjectLabel: w.name, value: { kind: 'yes', place: `trial@${year}`, detail: 'the trial', ...(when ? { edtf: when } : {}) }, valueLabel: `at the trial (${role}${when ? `, ${when}` : ''})`, time: when ?? null });
        };
        for (const m of clause.matchAll(COURT_ROLE_AFTER)) {
          const at = u.start + m.index!;
          const end = at + m[0].length;
          const w = persons.find((p) => p.start >= end && p.start - end <= 60 && !/[.;(]/.test(text.slice(end, p.start)));
          if (w) add(w, at, w.end, /присяг|witness|свидетел|выступ|показани|testif/iu.test(m[0]) ? 'testifying' : 'presiding');
        }
        for (const m of clause.matchAll(COURT_ROLE_BEFORE)) {
          const at = u.start + m.index!;
          const end = at + m[0].length;
          const xs = persons.filter((p) => p.end <= at && p.start >= u.start && at - p.end <= 50 && !/[.;]/.test(text.slice(p.end, at)));
          const w = xs[xs.length - 1];
          if (w && !NEG_BEFORE.test(text.slice(w.end, at))) add(w, w.start, end, /председат|presid/iu.test(m[0]) ? 'presiding' : 'testifying');
        }
      }
    }
    // ---------------- existence
    for (const rule of EXIST_HINT.test(clause) ? EXISTENCE_RULES : []) {
      rule.re.lastIndex = 0;
      for (const m of clause.matchAll(rule.re)) {
        const thing = (m.groups?.['thing'] ?? '').trim();
        if (thing.length < 3) continue;
        // "to ascertain whether there was a Hotel Bristol": a question, not a claim
        if (/\b(?:whether|if)\s+$|(?<![\p{L}])ли\s+$/iu.test(text.slice(Math.max(u.start, u.start + m.index! - 10), u.start + m.index!))) continue;
        // "No such meeting took place" is no affirmation
        if (rule.polarity === 'yes' && /(?:^|\s)(?:no|not|never|нет|не)\s/iu.test(thing)) continue;
        // "there was no evidence that Stalin …", "no way of knowing": an abstract noun is no thing that existed or not
        if (ABSTRACT_HEAD.test(thing)) continue;
        const at = u.start + m.index!;
        const end = at + m[0].length;
        const thingAt = u.start + m.index! + m[0].indexOf(thing);
        const ms = mentions.filter((x) => x.start >= thingAt && x.end <= thingAt + thing.length && x.type !== 'person');
        const personKeys = persons.filter((x) => x.start >= thingAt && x.end <= thingAt + thing.length).map((x) => `@${x.entity}`);
        const keys = [...new Set([...thingKeys(thing, ms), ...personKeys, ...(rule.concept ? [`~${rule.concept}`] : [])])];
        // the place a common noun is told at names which one it is: "there was a break-in at Heathrow", «не было взлома в Хитроу»
        const placedAt = /^\s+(?:at|in|near|on|в|во|на|под)\s+(?:the\s+)?/iu.exec(text.slice(thingAt + thing.length, thingAt + thing.length + 12));
        const placed = placedAt ? mentions.find((x) => x.start === thingAt + thing.length + placedAt[0].length && (x.type === 'place' || x.type === 'organization')) : undefined;
        // (with the noun itself, so that a fire and a break-in at one airport stay two things)
        if (placed && !ms.length && !personKeys.length) keys.push(`@${placed.entity}`, `~n-${wordKey(thing.split(/\s+/).pop()!)}`);
        if (/^(?:no\s+)?(?:such|this|that|the\s+said)\b|^(?:такой|такая|такого|этой|этого|эта|этот)(?![\p{L}])/iu.test(thing)) {
          // the sentence before names what "such" refers to
          const prevStart = sentenceBefore(text, u.start);
          for (const x of mentions.filter((y) => y.start >= prevStart && y.end <= u.start && y.type !== 'organization')) keys.push(`@${x.entity}`);
        }
        // "the journey" named in full before ("the journey of Pyatakov to see Trotsky in Oslo"): its names, and the clause's concepts ("in a special airplane")
        const head = /^the\s+([\p{L}]+)$/iu.exec(thing);
        if (head && !keys.some((k) => !k.startsWith('~'))) {
          const back = text.slice(Math.max(0, thingAt - 2500), thingAt);
          const prev = [...back.matchAll(new RegExp(`\\b${head[1]}\\s+(?:of|by|to)\\s+[^.;:]{3,80}`, 'giu'))].pop();
          if (prev) {
            const pa = thingAt - back.length + prev.index!;
            for (const x of mentions.filter((y) => y.start >= pa && y.end <= pa + prev[0].length)) keys.push(`@${x.entity}`);
            for (const [re, k] of CONCEPTS) if (re.test(clause)) keys.push(`~${k}`);
          }
        }
        if (rule.act && !keys.some((k) => k.startsWith('~'))) continue;
        let names = [...new Set(keys)].filter((k) => !k.startsWith('~'));
        if (!names.length) {
          // a thing told by a common noun only ("The conspiracy was real", «Никакого заговора не было», "No rape took place"): the one
          // of the trial the text is telling of, when the noun names a kind of thing sources dispute; else nothing named ("there was
          // no evidence")
          const kinds = CONCEPTS.filter(([re]) => re.test(thing)).map(([, k]) => `~${k}`);
          const ctx = lastTrial && at - lastTrial.at < TRIAL_CONTEXT ? lastTrial.year : null;
          if (!kinds.length || !ctx) continue;
          keys.push(...kinds, `#trial@${ctx}`);
          names = [`#trial@${ctx}`];
        }
        // "there is a great deal written about how Stalin …": the thing itself is unnamed
        if (/^there\s/i.test(m[0]) && !keys.some((k) => k.startsWith('~')) && !placed && !/^(?:(?:no|a|an|the)\s+)?[«"“]?\p{Lu}/u.test(thing)) continue;
        // "denied that any such bloc had existed": a denial turns an affirmation round
        const denied = /\b(?:denied|denies|deny|disputed|refuted)\s+(?:that\s+)?$|(?<![\p{L}])(?:отрицал[аи]?|отрицает)\s+(?:что\s+)?$/iu.test(text.slice(Math.max(u.start, thingAt - 40), thingAt).replace(/\s*(?:any|such|the|a)\s*/gi, ' ').replace(/\s+/g, ' ').trimStart());
        const neg = rule.polarity === 'no' ? true : denied || NEG_BEFORE.test(text.slice(Math.max(u.start, at - 10), end));
        const d = inside(resolvedDates, u.start, u.end)[0];
        out.push({
          sourceId: doc.sourceId,
          ...clip(at, placed ? Math.max(end, placed.end) : end),
          predicate: 'existence',
          subject: `thing:${keys.slice().sort().join('+')}`,
          subjectLabel: thing,
          value: { kind: neg && rule.polarity === 'no' ? 'no' : neg ? 'no' : 'yes', ...(d?.edtf ? { edtf: d.edtf } : {}) },
          valueLabel: (neg ? 'did not exist / did not happen' : 'existed / happened') + (d?.edtf ? ` (${d.edtf})` : ''),
          time: d?.edtf ?? null,
          keys,
        });
      }
    }
    // ---------------- attributions: "X declared that …", "according to X", "as X wrote"
    for (const m of clause.matchAll(ATTRIBUTION_RE)) {
      const at = u.start + m.index!;
      const verbEnd = at + m[0].length;
      // "признал Дрейфуса виновным", "found him guilty": a verdict, not a statement
      if (/^\s+(?:\S+\s+){0,3}(?:виновн|невиновн|guilty)/iu.test(text.slice(verbEnd, verbEnd + 60)) && /призна|found|find/iu.test(m[0])) continue;
      // "Ramzin, I was told, later died": a passive or the writer's aside is nobody's statement here
      if (/\b(?:was|were|is|are|been|being|I|we)\s+$/iu.test(text.slice(Math.max(u.start, at - 8), at))) continue;
      // a quotation right before the verb («…», – сказал он; "…," said X): the speaker comes after the verb, never from inside it
      const qm = /["“«]([^"”»]{8,400})[”"»]\s*,?\s*(?:[–—-]\s*)?$/u.exec(text.slice(u.start, at));
      const qBefore = qm ? { text: qm[1]!, at: u.start + qm.index! + 1 } : null;
      const afterVerb = () => persons.find((p) => p.start >= verbEnd && p.end <= Math.min(u.end, verbEnd + 60) && (/according|по\s+словам/iu.test(m[0]) || /^[\s,]*(?:(?:\p{Ll}[\p{Ll}-]*|Dr\.?|Mr\.?|Mrs\.?)[\s,]+){0,5}(?:\p{Lu}\.\s*)*$/u.test(text.slice(verbEnd, p.start))));
      // (a speaker after the verb: "according to Trotsky", "…, says Trotsky"; not the object: "confessed to having a long interview with
      // Trotsky"; a title or an indirect object may stand between: "– требовал прокурор Йозеф Урвалек", «сказал ему Кадар»)
      const speaker = qBefore ? afterVerb() : (subjectsBefore(u, at, u.start)[0] ?? afterVerb());
      if (!speaker) continue;
      // what was said: the quotation after the verb, the one before it, or the rest of the clause
      const rest = text.slice(verbEnd, u.end);
      // (a quotation that ends the sentence closes after the clause's stop: `… from New York."`)
      const qa = /["“«‘]([^"”»’]{8,400})["”»’]/u.exec(text.slice(verbEnd, Math.min(text.length, u.end + 2)));
      const q = qa ? { text: qa[1]!, at: verbEnd + qa.index! + 1 } : qBefore;
      const said = q ? q.text : rest.replace(/^[\s:,]*(?:that|что)\s+/iu, '');
      // (the names in a quotation are kept apart too: a quotation and its translation share them, "Tito" / «Тито»)
      const named = q ? [...new Set(mentions.filter((x) => x.start >= q.at && x.end <= q.at + said.length).map((x) => `@${x.entity}`))] : [];
      const contentKeys = contentWords(said);
      if (contentKeys.length < 2) continue;
      if (!q && contentKeys.length > 12) continue; // a paraphrase of a long argument is too loose to compare
      const neg = NEG_BEFORE.test(text.slice(Math.max(u.start, at - 12), verbEnd));
      out.push({
        sourceId: doc.sourceId,
        ...clip(q === qBefore && qBefore ? qBefore.at - 1 : fromSubject(speaker, at), q === qBefore && qBefore ? Math.min(u.end, speaker.end) : u.end),
        predicate: 'attribution',
        subject: `said:${contentKeys.slice(0, 6).join('+')}`,
        subjectLabel: said.slice(0, 120),
        value: { kind: neg ? 'no' : 'yes', place: speaker.entity, detail: speaker.name, ...(q ? { quoted: true } : {}) },
        valueLabel: `${neg ? 'not said by ' : 'said by '}${speaker.name}`,
        time: uTime,
        keys: [...contentKeys, ...named],
      });
    }
  }
  // the people named around a trial's group claim (its sentence and the stretch before it): two texts that key one trial by
  // different months are told to speak of one trial by the people they name with it
  for (const c of out) {
    if (!/trial@/.test(c.subject)) continue;
    // (its own sentence or chronology line only: a chronology's lines before it are other events)
    const from = Math.max(text.lastIndexOf('\n', c.start - 1) + 1, ...['. ', '! ', '? '].map((e) => text.lastIndexOf(e, c.start - 1) + 2));
    const stop = /[.!?]\s|\n/.exec(text.slice(c.end));
    const to = stop ? c.end + stop.index : text.length;
    const people = [...new Set(windowed(allPersons, from, to).filter((p) => p.start >= from && p.end <= to).map((p) => p.entity))];
    if (people.length) c.people = people;
  }
  // whose voice: a claim inside a quotation, or in a sentence that reports what someone says, is that person's
  const speakers = allMentions.filter((m) => m.type === 'person' || m.type === 'organization');
  for (const c of out) {
    if (c.predicate === 'attribution') continue;
    const v = voiceOf(text, c.start, speakers);
    if (v) {
      c.voice = v;
      c.valueLabel += ` (according to ${v.name})`;
    }
  }
  // one claim per (span, predicate, subject)
  const seen = new Set<string>();
  return out.filter((c) => {
    const k = `${c.start}:${c.predicate}:${c.subject}:${c.value.kind}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** where the sentence before `at` begins (at most 400 characters back) */
/** roles in court a name takes: presiding ("under the presidency of Judge Moshe Landau", «под председательством», «в составе
 *  председательствующего — Маршала … Конева»), testifying («Выступила и некая …») with the name after; with the name before: "X
 *  presided", «X (председатель)», "X told the court", "X testified", «X давал показания суду» */
const TRIAL_ROLE_HINT = /presid|court|testif|witness|stand|evidence|\bunder\b|председат|показани|выступил/iu;
const COURT_ROLE_AFTER = /\bunder\s+the\s+presidency\s+of\b|\btried\s+(?:\S+\s+){0,2}?under\b|\bpresided\s+(?:over\s+)?by\b|\b(?:Court|Presence|Collegium|[Tt]ribunal|[Cc]ourt-martial)\b[^.;,]{0,40}?\s+under\b|(?<![\p{L}])(?:[Пп]од\s+председательством|председательствующ\p{L}*\s*[—–-]?|[Пп]редседательствовал[аи]?|[Вв]ыступил[аи]?\s+(?:и\s+)?(?:в\s+суде\s+)?(?:свидетел\p{L}*\s+)?(?:некая\s+|некий\s+)?)(?:(?<=\s)|(?![\p{L}]))/gu;
const COURT_ROLE_BEFORE = /\b(?:presided|presiding|told\s+the\s+(?:court|tribunal|jury)|testified|took\s+the\s+(?:witness\s+)?stand|gave\s+evidence)\b|(?<![\p{L}])(?:\(\s*председатель\s*\)|председательствовал[аи]?|давал[аи]?\s+(?:\p{L}+\s+)?показания(?:\s+суду)?|выступил[аи]?\s+(?:в|на)\s+суде|дал[аи]?\s+показания)/gu;
/** the defendant a defence statement speaks of: "my client", «мой подзащитный» (object after a verb; subject before one) */
const CLIENT = /^\s+(?:my\s+client|our\s+client|моего\s+подзащитного|нашего\s+подзащитного|моему\s+подзащитному)(?![\p{L}])/iu;
const CLIENT_BEFORE = /(?:^|[\s,(])(?:[Mm]y\s+client|[Oo]ur\s+client|[Мм]ой\s+подзащитный|[Нн]аш\s+подзащитный)\s+(?:\S+\s+){0,3}$/u;
/** wished, planned or asked for, not done: "demanded that he be shot", "to be released", "would be pardoned" */
const WISHED = /(?:\b(?:to|should|must|would|will|could|might|may|shall|demand\w*|ask\w*|call\w*\s+for)|(?<![\p{L}])(?:чтобы|требовал\p{L}*|просил\p{L}*|должн\p{L}*|будет|будут))\s+(?:\S+\s+)?(?:be\s+)?$/iu;
/** acts sources dispute having happened at all: each told done or not done is a claim of its existence */
const DISPUTED_ACTS = new Set(['clemency-plea', 'confession', 'letter', 'appeal', 'escape', 'trial-of']);
/** the kinds of event whose place the lexicon reads after the event word */
const PLACED_KINDS = new Set(['arrest', 'execution', 'death', 'burial', 'trial-of', 'birth']);
/** the group event of a trial an event word tells of when it names no one: the defendants rehabilitated, the verdict annulled,
 *  the condemned executed */
const GROUP_EVENT_OF: Record<string, string> = { rehabilitation: 'rehabilitation', annulment: 'annulment', execution: 'sentence-carried-out' };
/** the convicts of a trial named as a group */
const CONDEMNED = /\b(?:the\s+)?(?:condemned|convicted|sentenced)(?:\s+(?:men|women|defendants|prisoners))?\b|(?<![\p{L}])(?:осужд[её]нн\p{L}*|приговор[её]нн\p{L}*|смертник\p{L}*)(?![\p{L}])/iu;

/** a comment in the present tense on what happened: "many people state:", "historians argue that", «многие утверждают» */
const COMMENT_NOW = /\b(?:state|states|say|says|claim|claims|argue|argues|believe|believes|insist|insists|maintain|maintains|suggest|suggests)(?:\s*:|\s+that\b)|(?<![\p{L}])(?:утверждают|утверждает|говорят|говорит|пишут|считают|считает|полагают)(?:\s*:|,?\s+что|,?\s+будто)/u;
/** a verb of saying or learning and the clause it reports: "reported to the Presidium that", "learned that", "admitted that" */
const REPORTED_THAT = /(?:\b(?:reported|said|told|announced|wrote|declared|claimed|admitted|stated|revealed|confirmed|learned|learnt|discovered|found|established|testified|conceded|disclosed)\b[^.;]*?\bthat\b|(?<![\p{L}])(?:доложил|сообщил|заявил|сказал|объявил|написал|признал|рассказал|узнал|выяснил|установил|показал)\p{L}*[^.;]*?,\s*(?:что|будто)(?![\p{L}]))/iu;

function sentenceBefore(text: string, at: number): number {
  const end = text.lastIndexOf('.', at - 1);
  if (end < 0) return Math.max(0, at - 400);
  return Math.max(text.lastIndexOf('.', end - 1) + 1, at - 400, 0);
}

/** a place as an event key: the first five letters of its name's key ("Katyn", "Катынском лесу" → "katin") */
function placeKey(name: string): string {
  return wordKey(name.split(/\s+/)[0] ?? name).replace(/y/g, 'i').slice(0, 5);
}

/** the items of a list sorted by start that lie within [a, b) */
function windowed<T extends { start: number }>(xs: T[], a: number, b: number): T[] {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.start < a) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < xs.length && xs[end]!.start < b) end++;
  return xs.slice(lo, end);
}

const REPORT_VERB = /\b(?:says|said|claims|claimed|wrote|writes|argues|argued|maintains|maintained|insists|insisted|asserts|asserted|declared|testified|deposed|alleged|alleges|according\s+to|convince\s+the\s+world|denied|denies)\b|(?<![\p{L}])(?:утверждает|утверждал[аи]?|заявил[аи]?|заявляет|пишет|писал[аи]?|по\s+словам|показал[аи]?|уверяет|уверял[аи]?)(?![\p{L}])/giu;

/**
 * The speaker a claim is reported from: inside quotation marks, the person an attribution near the
 * quotation names ("the Hotel Bristol," says Trotsky gleefully, "was razed…"); in plain text, the
 * person a reporting verb before the claim names in its sentence ("Trotsky claims that …").
 */
function voiceOf(text: string, at: number, persons: ClaimMention[]): { entity: string; name: string } | undefined {
  const sentStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('. ', at) + 1, at - 400, 0);
  const paraStart = Math.max(text.lastIndexOf('\n', at) + 1, at - 1500, 0);
  // inside quotation marks: an odd number of straight quotes, or an opening curly/angle quote not yet closed
  const before = text.slice(paraStart, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curlyOpen = before.lastIndexOf('“') > before.lastIndexOf('”') || before.lastIndexOf('«') > before.lastIndexOf('»');
  const quoted = straight || curlyOpen;
  let windowStart = sentStart;
  let windowEnd = at;
  if (quoted) {
    const open = Math.max(before.lastIndexOf('"'), before.lastIndexOf('“'), before.lastIndexOf('«')) + paraStart;
    windowStart = Math.max(paraStart, open - 200);
    const close = text.slice(at, at + 400).search(/[”»"]/);
    windowEnd = close < 0 ? at : Math.min(text.length, at + close + 80);
  }
  const win = text.slice(windowStart, windowEnd);
  let best: { entity: string; name: string } | undefined;
  let bestDist = Infinity;
  for (const m of win.matchAll(REPORT_VERB)) {
    const vAt = windowStart + m.index!;
    // in plain text the reporting verb must come before the claim
    if (!quoted && vAt > at) continue;
    for (const p of persons) {
      if (p.end < vAt - 40 || p.start > vAt + m[0].length + 40) continue;
      const d = p.end <= vAt ? vAt - p.end : p.start - (vAt + m[0].length);
      if (d < bestDist) {
        bestDist = d;
        best = { entity: p.entity, name: p.name };
      }
    }
  }
  return best;
}

function countClaim(doc: ClaimDoc, span: { start: number; end: number; text: string }, ev: string, cls: string, n: number, time: string | null): Claim {
  const label = { tried: 'tried', 'death-sentence': 'sentenced to death', executed: 'executed', prison: 'sentenced to prison', acquitted: 'acquitted', dead: 'dead' }[cls] ?? cls;
  return {
    sourceId: doc.sourceId,
    ...span,
    predicate: 'count',
    subject: `${ev}#${cls}`,
    subjectLabel: ev.startsWith('deaths@') ? `people dead on ${ev.slice(7)}` : ev.startsWith('event@') ? `people ${label} at ${ev.slice(6)}…` : `people ${label} (${ev.replace(/^trial@/, 'trial of ')})`,
    value: { kind: cls, n },
    valueLabel: String(n),
    time,
  };
}

/** the event a count or group date is about: a trial keyed by its year, from the dates around it */
/** an event's time as a key: its month when the text gives one ("trial@1937-01"), else its year */
function monthKey(edtf: string): string {
  const v = edtf.split('/')[0]!.replace(/[~?%]$/, '');
  return /^\d{4}-(?:0[1-9]|1[0-2])/.test(v) ? v.slice(0, 7) : v.slice(0, 4);
}

function eventKey(at: number, uDates: DateMention[], dateBefore: (at: number, within?: number) => DateMention | null): string | null {
  const d = uDates.find((x) => x.form !== 'relative' && x.edtf && /^\d{4}/.test(x.edtf)) ?? dateBefore(at, 1500);
  return d?.edtf && /^\d{4}/.test(d.edtf) ? `trial@${monthKey(d.edtf)}` : null;
}

function outcomeLabel(v: ClaimValue): string {
  const neg = v.kind.startsWith('not-');
  const k = v.kind.replace(/^not-/, '');
  const base =
    k === 'prison' && v.detail === 'life'
      ? 'sentenced to life'
      : k === 'prison'
      ? v.n !== undefined
        ? `sentenced to ${v.n === v.hi || v.hi === undefined ? v.n : `${v.n}–${v.hi}`} years`
        : 'sentenced to a prison term'
      : k === 'fine'
        ? `fined ${v.n ?? ''}`.trim()
      : k === 'death-sentence'
        ? 'sentenced to death'
        : k === 'died' && v.detail
          ? `died ${v.detail}`
          : k === 'suicide' && v.detail
          ? `suicide (${v.detail})`
          : k;
  return neg ? `not ${base}` : base;
}

/** the outcome an active verb of the lexicon tells, read off the words after its object: "sentenced [Julius and Ethel] to death",
 *  «приговорил [Рамзина] к десяти годам», "acquitted [him]"; the length is how far the penalty's words reach */
function activeOutcome(kind: string, rest: string, ru: boolean): { value: ClaimValue; length: number } | null {
  if (kind === 'sentence') {
    const to = (ru ? /^[^.;:]{0,80}?(?<![\p{L}])к\s/u : /^[^.;:]{0,80}?\bto\s/u).exec(rest);
    if (!to) return null;
    const lead = ru ? 'приговорён ' : 'sentenced ';
    const s = lead + rest.slice(to[0].length - (ru ? 2 : 3));
    for (const r of OUTCOME_RULES) {
      r.re.lastIndex = 0;
      const m = r.re.exec(s);
      if (!m || m.index !== 0) continue;
      const y = r.years?.(m) ?? null;
      const value: ClaimValue = { kind: r.kind, ...(y ? { n: y[0], hi: y[1] } : {}), ...(r.detail ? { detail: r.detail } : {}) };
      return { value, length: to[0].length - (ru ? 2 : 3) + m[0].length - lead.length };
    }
    return null;
  }
  const simple: Record<string, string> = { acquittal: 'acquitted', execution: 'executed', conviction: 'convicted', rehabilitation: 'rehabilitated', release: 'released', pardon: 'released', death: 'killed' };
  return simple[kind] ? { value: { kind: simple[kind]! }, length: 0 } : null;
}

interface EventRule {
  re: RegExp;
  kind: string;
  label: string;
  place?: boolean;
  group?: (text: string, at: number, d: DateMention | null, dateBefore: (at: number, within?: number) => DateMention | null, context: string | null, place: string | null) => string | null;
}
const trialGroup = (kind: string) => (_t: string, at: number, d: DateMention | null, before: (at: number, within?: number) => DateMention | null, context: string | null) => {
  // the trial in context (the one named last) unless the clause dates the event months away from it ("28–29 December 1934. The
  // Military Collegium tries Nikolayev" after the trial of 1930 a chronology told before); else the month of the date given
  const own = d?.edtf && /^\d{4}/.test(d.edtf) ? monthKey(d.edtf) : null;
  if (context && (!own || monthsApart(own, context) <= 2)) return `${kind}:trial@${context}`;
  const x = own ?? before(at, 1500)?.edtf;
  return x ? `${kind}:trial@${monthKey(x)}` : null;
};
/** months between two month keys ("1937-01", "1937"), a year key standing for its January… December as near as it can */
function monthsApart(a: string, b: string): number {
  const ya = Number(a.slice(0, 4));
  const yb = Number(b.slice(0, 4));
  if (a.length < 7 || b.length < 7) return ya === yb ? 0 : Math.abs(ya - yb) * 12;
  return Math.abs(ya * 12 + Number(a.slice(5, 7)) - (yb * 12 + Number(b.slice(5, 7))));
}
export const EVENT_RULES: EventRule[] = [
  { re: /\b(?:was|were|had been|is|are)\s+(?:\w+ly\s+|also\s+|then\s+|already\s+)?(?:arrested|detained|under\s+arrest)\b|(?<![\p{L}])(?:был[аи]?\s+)?(?:арестован[аы]?|задержан[аы]?|арестовали|задержали|взяли)(?![\p{L}])/giu, kind: 'arrest', label: 'arrest', place: true },
  { re: /\b(?:shoots?\s+(?:himself|herself)|shot\s+(?:himself|herself)|commit(?:s|ted)\s+suicide|kill(?:s|ed)\s+(?:himself|herself))\b|(?<![\p{L}])(?:застрел(?:ил(?:ся|ась)|ивается)|(?:покончил[аи]?|кончает)\s+с\s+собой)(?![\p{L}])/giu, kind: 'suicide', label: 'suicide', place: true },
  { re: /\b(?:was|were|had been|is|are)\s+(?:\w+ly\s+)?(?:killed|murdered)\b|\bdie[sd]\b|\b(?:was|were)\s+(?:\w+\s+)?dead\b|(?<![\p{L}])(?:был[аи]?\s+)?(?:убит[аы]?|умер|умерла|погиб|погибла)(?![\p{L}])/giu, kind: 'death', label: 'death', place: true },
  { re: /\b(?:was|were|is|are|had\s+been)\s+(?:\w+ly\s+)?(?:shot|executed)\b(?!\s+(?:himself|herself))|(?<![\p{L}])(?:расстрелян[аы]?|казнен[аы]?|казнены|расстреляли|казнили)(?![\p{L}])/giu, kind: 'execution', label: 'execution', place: true },
  { re: /\b(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:amnestied|pardoned|released)\b|(?<![\p{L}])(?:был[аи]?\s+)?(?:амнистирован[аы]?|помилован[аы]?|освобожд[её]н[аы]?)(?![\p{L}])/giu, kind: 'release', label: 'release' },
  // arrivals: "Stalin came the next morning", "Сталин прибыл в Ленинград утром 2 декабря"
  { re: /\b(?:arrived|arrives|came)\b|(?<![\p{L}])(?:прибыл[аи]?|приехал[аи]?)(?![\p{L}])/giu, kind: 'arrival', label: 'arrival', place: true },
  // where a sentence was served: "went off to Kolyma", "Отбывать наказание их отправили на Колыму"
  { re: /\b(?:exiled|deported|banished|transferred|transported|shipped)\s+(?=to\b)|(?<![\p{L}])(?:доставили|перевели|этапировали)(?=\s+(?:на|в)\s)|\bsent\s+(?=to\s+(?:serve|work|a\s+(?:labou?r\s+)?camp|the\s+camps?|prison|exile|labou?r)\b)|\bwent\s+off\s+(?=to\b)|(?<![\p{L}])(?:сослан[аы]?|выслан[аы]?|(?:отбывать\s+наказание\s+|отбывать\s+срок\s+)?\p{L}*\s*отправили(?=\s+(?:отбывать|в\s+лагерь|в\s+ссылку|на\s+\p{Lu}|в\s+\p{Lu})))(?![\p{L}])/giu, kind: 'exile', label: 'place of exile or imprisonment', place: true },
  { re: /\b(?:met|meeting\s+with|had\s+(?:a|an)\s+(?:long\s+)?(?:meeting|interview)\s+with)\b|(?<![\p{L}])встречал(?:ся|ись)(?![\p{L}])/giu, kind: 'meeting', label: 'meeting', place: true },
  { re: /\b(?:flew|landed)\b|(?<![\p{L}])(?:прилетел|прилетал)(?![\p{L}])/giu, kind: 'flight', label: 'flight' },
  // group events of a trial: its opening, its verdict, the executions after it
  { re: /\b(?:trial|proceedings|hearing|case)s?\b[^.;]{0,60}?\b(?:opened|began|started|commenced|opens|begins|starts|commences)\b|(?<![\p{L}])(?:слушани[ея]|заседани[ея])\s+(?:\S+\s+){0,2}?(?:открыл(?:ись|ось|ся)|начал(?:ись|ось|ся))(?![\p{L}])|(?<![\p{L}])открытие\s+(?:судебного\s+)?процесса(?![\p{L}])|\bv\.?\s[^.;]{1,60}?\b(?:opens|opened|begins|began)\b|\b(?:opened|began)\s+the\s+(?:trial|proceedings|hearings?)\b|(?<![\p{L}])открыл[аи]?\s+(?:судебный\s+)?процесс|\b(?:opened|began)\s+on\b|\bput\s+on\s+trial\b|(?<![\p{L}])(?:процесс|суд)[^.;]{0,60}?(?:открылся|открывшийся|начался|начавшийся|состоялся)(?![\p{L}])|(?<![\p{L}])(?:открылся|начался)(?![\p{L}])|(?<![\p{L}])(?:открывается|начинается)\s+(?:\S+\s+){0,2}?(?:процесс|суд)(?![\p{L}])|(?<![\p{L}])(?:процесс|суд)\p{L}{0,3}\s+(?:\S+\s+){0,3}?(?:открывается|начинается)(?![\p{L}])/giu, kind: 'trial-opening', label: 'opening of the trial', place: true, group: trialGroup('trial-opening') },
  { re: /\b(?:the\s+)?(?:verdicts?|sentences?)\s+(?:was|were|is|are)\s+(?:\w+\s+)?(?:announced|pronounced|read|passed|delivered|handed\s+down)\b|\b(?:delivered|returned|reached|brought\s+in)\s+(?:its|the|their|a)\s+verdict\b|\b(?:found|finds?)\s+(?:\S+\s+){1,3}?guilty\b|(?<![\p{L}])(?:признал[аи]?|признаёт|признает)\s+(?:\S+\s+){1,3}?виновн\p{L}*|(?<![\p{L}])(?:присяжные|суд|трибунал)\s+(?:признал[аи]?|вынес(?:ли)?)(?![\p{L}])|\b(?:read|read\s+out|announced|pronounced|handed\s+down|delivered)\s+(?:the|its|their)\s+(?:verdicts?|sentences?)\b|(?<![\p{L}])(?:приговор\s+(?:был\s+)?(?:оглашён|оглашен|объявлен|вынесен)|(?:был\s+)?(?:оглашён|оглашен|объявлен|вынесен)\s+приговор|приговор\s+(?:огласили|объявили|вынесли)|(?:огласил\p{L}*|объявил\p{L}*|вынес(?:ли|ла|ло)?)\s+(?:свой\s+|своё\s+|свое\s+)?(?:приговор|вердикт|решение)|суд\s+приговорил)(?![\p{L}])|\b(?:gave|gives|delivered|delivers|pronounced|handed\s+down)\s+(?:its\s+|their\s+)?judgment\b/giu, kind: 'verdict', label: 'verdict', group: trialGroup('verdict') },
  // a trial resumed after a break: "The trial resumes", «Слушание возобновилось 9 июня»
  { re: /\b(?:trial|hearings?|proceedings|court)\s+(?:\S+\s+){0,3}?resum(?:es|ed)\b|(?<![\p{L}])(?:процесс|заседани\p{L}*|слушани\p{L}*|суд)\s+(?:\S+\s+){0,3}?возобнов(?:ился|илось|илась|ились|ляется|ляются)(?![\p{L}])|(?<![\p{L}])возобнов(?:ился|илось|илась|ились)(?![\p{L}])/giu, kind: 'trial-resumed', label: 'resumption of the trial', group: trialGroup('trial-resumed') },
  { re: /\bcommut(?:es|ed)\b|(?<![\p{L}])замени(?:л[аи]?|т)\s+(?:\S+\s+)?(?:расстрел|высшую\s+меру|смертн)/giu, kind: 'commutation', label: 'commutation of the sentences', group: trialGroup('commutation') },
  // a trial's days and place: "The case was heard in Moscow", "Процесс шёл в Москве", "Суд проходил с 25 ноября по 7 декабря 1930 года"
  { re: /\b(?:trial|case|hearing)\s+(?:was|is)\s+(?:heard|held|conducted)\b|\b(?:trial|hearing)\s+(?:took\s+place|lasted|ran)\b|(?<![\p{L}])(?:процесс|суд|заседани\p{L}*(?:\s+\p{L}+)?)\s+(?:\d{4}\s+года\s+)?(?:проходил\p{L}*|шёл|шел|состоялся|длился)(?![\p{L}])|(?<![\p{L}])(?:проходивш\p{L}+|состоявш\p{L}+)(?![\p{L}])|\b(?:were|was|are|is)\s+tried\b|\btries\b|(?<![\p{L}])(?:судила|судили|предстал[аи]?)(?![\p{L}])/giu, kind: 'trial', label: 'the trial', place: true, group: trialGroup('trial') },
  // a mass killing told without a trial: keyed by its place ("The shootings were carried out by the NKVD in April and May 1940" … "At Katyn itself …")
  { re: /\b(?:the\s+)?(?:shootings|killings|massacres?|executions)\s+(?:was|were|had\s+been)\s+(?:carried\s+out|committed|perpetrated)\b|(?<![\p{L}])(?<!(?:осужд[её]нных|приговор[её]нных)\s+)расстреляли(?![\p{L}])/giu, kind: 'killing', label: 'killing', group: (_t, _at, _d, _b, _context, place) => (place ? `killing:event@${place}` : null) },
  // a trial's group acts after the verdict: its convictions set aside, its defendants rehabilitated, its charges dropped
  { re: /\b(?:set|sets)\s+(?:the|their|all\s+the|these)\s+(?:convictions|verdicts?|sentences)\s+aside\b|\b(?:quash\w*|overturn\w*|annull?\w*|revers\w*)\s+(?:the|their|all\s+the|these)\s+(?:convictions|verdicts?|sentences)\b|\b(?:convictions|verdicts?|sentences)\s+(?:was|were)\s+(?:quashed|overturned|annulled|set\s+aside|reversed)\b|(?<![\p{L}])(?:отмени\p{L}*\s+(?:\S+\s+)?приговор\p{L}*|приговор\p{L}*\s+(?:был\p{L}?\s+)?отмен[её]н\p{L}*)(?![\p{L}])/giu, kind: 'annulment', label: 'annulment of the verdict', group: trialGroup('annulment') },
  { re: /\brehabilitat\w*\s+(?:all\s+)?(?:the\s+|of\s+the\s+)?(?:\p{L}+\s+)?(?:defendants|accused|convicted|condemned|men)\b|\b(?:defendants|accused|condemned)\s+(?:were|are)\s+(?:all\s+)?rehabilitated\b|(?<![\p{L}])(?:(?:всех\s+)?(?:осужд[её]нных|подсудимых|обвиняемых)\s+реабилитир\p{L}*|реабилитир\p{L}*\s+(?:всех\s+)?(?:осужд[её]нных|подсудимых|обвиняемых))(?![\p{L}])/giu, kind: 'rehabilitation', label: 'rehabilitation of the defendants', group: trialGroup('rehabilitation') },
  { re: /\bdropped\s+(?:all\s+)?(?:the\s+)?charges\b|\bcharges\s+(?:were|was)\s+dropped\b|(?<![\p{L}])(?:сняли\s+(?:все\s+)?обвинения|обвинения\s+(?:были\s+)?сняты|прекратили\s+дело)(?![\p{L}])/giu, kind: 'charges-dropped', label: 'charges dropped', group: trialGroup('charges-dropped') },
  { re: /\bsentences?\s+(?:was|were)\s+carried\s+out\b|\b(?:were|was|are|and)\s+(?:all\s+)?shot\s+on\b|(?<![\p{L}])приговор\s+(?:был\s+)?(?:приведён|приведен)\s+в\s+исполнение(?![\p{L}])|(?<![\p{L}])(?:приговор\s+)?привели\s+в\s+исполнение(?![\p{L}])|(?<![\p{L}])(?:казнь|казни|расстрел)\s+(?:состоял(?:ась|ись|ся)|произош\p{L}+)(?![\p{L}])|\b(?:the\s+)?(?:executions?|hangings?)\s+(?:took\s+place|were\s+carried\s+out)\b|\bthe\s+(?:[a-z]+|\d+)\s+(?:are|were)\s+(?:all\s+)?(?:hanged|shot|executed)\b|(?<![\p{L}])(?:были\s+)?расстреляны(?![\p{L}])/giu, kind: 'execution-of-the-condemned', label: 'execution of the condemned', place: true, group: trialGroup('sentence-carried-out') },
];

/** the kind of place a common noun names, across languages ("flat" = "квартира"): places without names are told apart by it */
const PLACE_HEADS: Array<[RegExp, string]> = [
  [/\bdacha\b|(?<![\p{L}])дач/iu, 'dacha'],
  [/\b(?:flat|apartment)\b|квартир/iu, 'flat'],
  [/\b(?:house|home)\b|(?<![\p{L}])дом[еау]?(?![\p{L}])/iu, 'house'],
  [/\boffice\b|кабинет/iu, 'office'],
  [/\bhotel\b|гостиниц|отел/iu, 'hotel'],
  [/\b(?:prison|jail|gaol)\b|тюрьм/iu, 'prison'],
  [/\bcamp\b|лагер/iu, 'camp'],
  [/\bcell\b|камер/iu, 'cell'],
  [/\bcorridor\b|коридор/iu, 'corridor'],
  [/\b(?:cellar|basement)s?\b|подвал/iu, 'cellar'],
  [/\b(?:hospital|clinic|sanatorium|sanitarium)s?\b|больниц|клиник|санатори|госпитал/iu, 'hospital'],
  [/\bstreet\b|улиц/iu, 'street'],
  [/\b(?:forest|wood)\b|(?<![\p{L}])лес/iu, 'forest'],
  [/\bstation\b|вокзал/iu, 'station'],
];
export function placeHead(phrase: string): string | null {
  return PLACE_HEADS.find(([re]) => re.test(phrase))?.[1] ?? null;
}

const PLACE_NOUNS = /\b(?:dacha|flat|apartment|house|home|office|hotel|prison|camp|cell|building|hospital|clinic|sanatorium|barracks|garrison|forest|wood|station|airfield|aerodrome|street|square|park|tunnel|cellar|basement|corridor|room|hall|courtyard|yard)\b|коридор|комнат|зал[еа]?(?![\p{L}])|двор|дач[аеиу]|квартир|дом[еау]?(?![\p{L}])|кабинет|гостиниц|отел|тюрьм|лагер|камер|здани|лес[уа]?(?![\p{L}])|вокзал|аэродром|улиц|площад|парк|тоннел|подвал/iu;
const PRESENCE_RE = /\b(?:was|were)\s+(?:then\s+|already\s+|still\s+|actually\s+|in\s+fact\s+|not\s+|never\s+)?(?:even\s+)?(?:in|at|present\s+(?:at|in))\b|\b(?:was|were)\s+staying\b[^,.;]{0,40}?\b(?:at|in)\b|\battended\b|\bnever\s+(?:reached|visited|went\s+to|came\s+to|set\s+foot\s+in)\b|\b(?:visited|had\s+visited)\s+(?=\p{Lu})|\b(?:did|does|do)\s+not\s+(?:see|attend|visit|reach|go\s+to|come\s+to)\b|\b(?:was|were)\s+nowhere\s+near\b|\b(?:came|went|travell?ed)\s+to\b|(?<![\p{L}])(?:не\s+)?(?:поехал[аи]?|ездил[аи]?)\s+(?:в|во|на)(?![\p{L}])|(?<![\p{L}])(?:находил(?:ся|ась)|пребывал[аи]?|присутствовал[аи]?|был[аи]?|бывал[аи]?|побывал[аи]?|приезжал[аи]?|выезжал[аи]?)\s+(?:в|во|на)(?![\p{L}])|(?<![\p{L}])(?:не\s+)?(?:приезжал[аи]?|выезжал[аи]?|был|бывал|присутствовал[аи]?|поехал[аи]?|ездил[аи]?|явил(?:ся|ась|ись))(?![\p{L}])|\b(?:attends|attended)\b|(?<![\p{L}])отсутствовал[аи]?(?![\p{L}])/giu;

interface ExistenceRule {
  re: RegExp;
  polarity: 'yes' | 'no';
  concept?: string;
  /** the thing must be an act the lexicon knows (a shooting, a fire, a plot): who did it is the claim */
  act?: boolean;
}
const ABSTRACT_HEAD = /^(?:no\s+|the\s+|a\s+|an\s+|any\s+|such\s+)?(?:[\p{Ll}]+\s+){0,2}?(?:deal|lot|number|matter|case|story|book|article|need|way\s+of|evidence|proof|way|doubt|reason|need|question|chance|sign|signs|trace|record|indication|basis|ground|grounds|point|use|hope|mention|answer|sense|difference|time|possibility|attempt|doubts|доказательств|сомнени|причин|смысл|необходимост|возможност)/iu;
/** words without which no existence rule can match: a cheap test before the expensive patterns */
const EXIST_HINT = /\bwas\s+arranged|never\s+been|was\s+never|\breal\b|genuine|authentic|a\s+fact|invention|fabricat|fiction|myth|fake|forgery|hoax|legend|выдумк|вымысл|фальсификаци|подделк|миф|фальшивк|carried\s+out\s+by|committed\s+by|perpetrated\s+by|organi[sz]ed\s+by|not\s+involved|not\s+responsible|причаст|совершен|совершён|проведен|проведён|организован|\bmet\b|meeting\s+with|interview\s+with|exist|took\s+place|take\s+place|happen|occur|demolish|razed|torn\s+down|pulled\s+down|destroyed|burned\s+down|landed|arrived|was\s+held|there\s+(?:is|was|were)|flew|снесен|существов|состоял|не\s+было|прилет/iu;
const T = '(?<thing>(?:the\\s+|a\\s+|an\\s+)?[^,.;:]{3,70}?)';
const TR = '(?<thing>[^,.;:]{3,70}?)';
const EXISTENCE_RULES: ExistenceRule[] = [
  { re: new RegExp(`\\bthere\\s+(?:is|was|were)\\s+no\\s+${T}(?=[,.;]|\\s+(?:in|at|on|opposite|near|then|any\\s+longer|since|$))`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${T}\\s+(?:did\\s+not|didn['’]t|never)\\s+(?:exist|take\\s+place|happen|occur)\\b`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${T}\\s+never\\s+took\\s+place\\b`, 'giu'), polarity: 'no' },
  { re: new RegExp(`\\bno\\s+${T}\\s+(?:landed|arrived|took\\s+place|was\\s+held|existed|ever\\s+took\\s+place)\\b`, 'giu'), polarity: 'no' },
  { re: new RegExp(`\\b(?<thing>no\\s+such\\s+[^,.;:]{3,40}?)\\s+(?:took\\s+place|happened|occurred|existed|was\\s+held)\\b`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${T}\\s+(?:had\\s+been|was)\\s+(?:demolished|razed|torn\\s+down|pulled\\s+down|destroyed|burned\\s+down)\\b`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${T}\\s+(?:did|really|actually|indeed|certainly)\\s+(?:exist(?:ed)?|take\\s+place|happen|occur)\\b`, 'giu'), polarity: 'yes' },
  { re: new RegExp(`${T}\\s+(?:existed|took\\s+place|did\\s+take\\s+place)\\b`, 'giu'), polarity: 'yes' },
  { re: new RegExp(`\\bthere\\s+(?:is|was)\\s+(?:a|an)\\s+${T}(?=[,.;]|\\s+(?:in|at|on|opposite|near|then)\\b)`, 'giu'), polarity: 'yes' },
  { re: new RegExp(`(?<thing>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?\\s+(?:flew|landed)\\s+(?:to|in|at)\\s+\\p{Lu}[\\p{L}'’-]+)`, 'gu'), polarity: 'yes', concept: 'flight' },
  { re: new RegExp(`(?<thing>\\p{Lu}[\\p{L}'’-]+\\s+(?:met|had\\s+(?:a|an)\\s+(?:meeting|interview)\\s+with)\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:in|at)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:de|du|des|of)\\s+\\p{Lu}[\\p{L}'’-]+)?)?)`, 'gu'), polarity: 'yes', concept: 'meeting' },
  // "how the journey was arranged in a special airplane": a journey or meeting told as done
  { re: new RegExp(`(?<thing>\\bthe\\s+(?:journey|flight|trip|visit|meeting|interview)\\b[^,.;:]{0,40}?)\\s+(?:was|had\\s+been)\\s+(?:arranged|made|organi[sz]ed|carried\\s+out)\\b`, 'giu'), polarity: 'yes' },
  { re: new RegExp(`\\bthere\\s+(?:had\\s+)?(?:never\\s+been|was\\s+never|were\\s+never)\\s+(?:any\\s+)?${T}(?=[,.;]|\\s+(?:at\\s+all|in|at|on|then)\\b)`, 'giu'), polarity: 'no' },
  // "The NKVD plot against Kirov was real"; "The 'Leningrad Centre' was an invention of the investigators"
  { re: new RegExp(`${T}\\s+(?:was|is|had\\s+been)\\s+(?:quite\\s+|entirely\\s+|perfectly\\s+)?(?:real|genuine|authentic|a\\s+fact)\\b`, 'giu'), polarity: 'yes' },
  { re: new RegExp(`${T}\\s+(?:was|is|had\\s+been)\\s+(?:an?\\s+|pure\\s+|a\\s+pure\\s+)?(?:invention|fabrication|fiction|myth|fake|forgery|hoax|legend)\\b`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${TR}\\s+(?:был[аио]?\\s+|—\\s+|–\\s+|-\\s+)?(?:выдумк|вымысл|фальсификаци|подделк|миф|фальшивк)\\p{L}*`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${T}\\s+(?:was|were)\\s+never\\s+(?:made|written|given|signed|sent|found|issued|prepared|carried\\s+out)\\b`, 'giu'), polarity: 'no' },
  // who did it: "The shootings were carried out by the NKVD", "the NKVD was not involved in the shootings"
  { re: new RegExp(`(?<thing>\\b(?:the\\s+)?[\\p{L}-]+(?:\\s+[\\p{L}-]+)?\\s+(?:was|were|had\\s+been)\\s+(?:carried\\s+out|committed|perpetrated|organi[sz]ed|started|set)\\s+by\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]+)`, 'gu'), polarity: 'yes', act: true },
  { re: new RegExp(`(?<thing>\\b(?:the\\s+)?\\p{Lu}[\\p{L}-]+\\s+(?:was|were|is|are|had\\s+been)\\s+(?:not|never|in\\s+no\\s+way)\\s+(?:involved\\s+in|responsible\\s+for|guilty\\s+of)\\s+(?:the\\s+)?[^,.;:]{3,50}?)(?=[,.;:]|$)`, 'gu'), polarity: 'no', act: true },
  { re: new RegExp(`(?<thing>(?<![\\p{L}])\\p{Lu}[\\p{L}-]+\\s+к\\s+[^,.;:]{3,60}?)\\s+(?:был[аио]?\\s+|был[аио]?\\s+)?непричаст\\p{L}*`, 'gu'), polarity: 'no', act: true },
  { re: new RegExp(`(?<thing>(?<![\\p{L}])\\p{Lu}[\\p{L}-]+\\s+не\\s+(?:был[аио]?\\s+)?причаст\\p{L}*\\s+к\\s+[^,.;:]{3,60}?)(?=[,.;:]|$)`, 'gu'), polarity: 'no', act: true },
  { re: new RegExp(`(?<thing>(?<![\\p{L}])[\\p{L}-]+\\s+(?:был[аио]?\\s+)?(?:совершен[аоы]?|совершён|проведен[аоы]?|проведён|организован[аоы]?)\\s+(?!в\\s|во\\s|на\\s)\\p{Lu}[\\p{L}-]+)`, 'gu'), polarity: 'yes', act: true },
  // Russian
  { re: new RegExp(`${TR}\\s+не\\s+(?:было|существовало|существовал[аи]?|состоялся|состоялась|состоялось)(?![\\p{L}])`, 'giu'), polarity: 'no' },
  { re: new RegExp(`(?<![\\p{L}])не\\s+было\\s+(?:никакого\\s+|никакой\\s+)?${TR}(?=[,.;]|$)`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${TR}\\s+(?:была|был|было)?\\s*снесен[аы]?(?![\\p{L}])`, 'giu'), polarity: 'no' },
  { re: new RegExp(`${TR}\\s+(?:действительно\\s+|вполне\\s+)?(?:существовал[аио]?|состоял(?:ся|ась|ось))(?![\\p{L}])`, 'giu'), polarity: 'yes' },
  { re: new RegExp(`(?<thing>\\p{Lu}[\\p{L}-]+\\s+(?:действительно\\s+)?(?:прилетел|прилетал)\\s+в\\s+\\p{Lu}[\\p{L}-]+)`, 'gu'), polarity: 'yes', concept: 'flight' },
];

const ATTRIBUTION_RE = /\b(?:said|says|wrote|writes|declared|declares|stated|states|claimed|claims|admitted|confessed|commented|observed|remarked|noted|told|(?<!so-)called|calls|demanded|insisted|testified|deposed|warned|warns|announced|announces|exclaimed|shouted|cried|asked)\b|\baccording\s+to\b|(?<![\p{L}])(?:требовал[аи]?|кричал[аи]?|крикнул[аи]?|произн(?:ёс|ес|есла|если|осит)|спросил[аи]?|заявил[аи]?|заявляет|заявит|заявлял[аи]?|сказал[аи]?|скажет|говорил[аи]?|писал[аи]?|написал[аи]?|назвал[аи]?|называл[аи]?|провозгласил[аи]?|потребовал[аи]?|признал[аи]?|утверждал[аи]?|бросил[аи]?|воскликнул[аи]?|предупредил[аи]?|по\s+словам)(?![\p{L}])/giu;

const STOP_WORDS = new Set(
  'the a an of to in on at by for with and or but that this these those is was were be been are it its as from which who whom his her their they he she we i you not no there have has had do did will would shall should can could may might must than then so such all any some very more most also only just even into over out up about after before under between through during without within upon against among because if while what when where how why them him me my our your us one two three что это как так его её их они она он мы вы не но и в на с по за из для от до к о об при же бы ли то все всех был была были было есть быть'.split(' '),
);
/** the content words of a statement, reduced to a stem key (for matching the same words across sources) */
export function contentWords(s: string): string[] {
  const out: string[] = [];
  for (const w of s.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (w.length < 3 || STOP_WORDS.has(w)) continue;
    const stem = hasCyrillic(w) ? w.slice(0, Math.max(4, w.length - 2)) : w.replace(/(?:ing|ed|es|s)$/, '').slice(0, 7);
    if (!out.includes(stem)) out.push(stem);
  }
  return out;
}
