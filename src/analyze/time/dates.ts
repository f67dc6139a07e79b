/**
 * Date expressions in running text (English and Russian), each with its exact span, normalized to
 * EDTF (ISO 8601-2 level 1) with its form:
 *   day          "1st December, 1934", "Aug. 21, 1936", "19.08.1936", "1 декабря 1934 г."
 *   month        "August 1936", "в январе 1937 года"
 *   year         "in 1937", "1937 г."
 *   range        "November 19–22, 1936", "1936-38", "from 1936 to 1938", "с 1936 по 1938 год"
 *   season       "the spring of 1934" → 1934-21 (spring 21, summer 22, autumn 23, winter 24)
 *   approximate  "mid-1936" → 1936-05/1936-08, "late 1937" → 1937-09/1937-12, "c. 1935" → 1935~
 *   decade       "the 1930s" → 193X, "the early thirties" → 1930/1933
 *   relative     "three days later", "that summer", "на следующий день": resolved from the last
 *                date the text gave (its anchor) where the text allows it, else null (unresolved)
 * A day or month without a year takes the year of the last date before it in the same passage.
 * Spans the caller excludes (citation lines, titles) are skipped; a year inside a title ("1937: Year
 * of Terror", "Stalin in Power: 1929-1941"), a page, a count ("1936 delegates") is not a date.
 * Pure: no I/O.
 */

export type DateForm = 'day' | 'month' | 'year' | 'range' | 'season' | 'approximate' | 'decade' | 'relative';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** EDTF, or null for a relative expression the text gives no anchor for */
  edtf: string | null;
  form: DateForm;
  /** for relative expressions and yearless days: the start of the date it was resolved from */
  anchor?: number;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  январь: 1, февраль: 2, март: 3, апрель: 4, май: 5, июнь: 6, июль: 7, август: 8, сентябрь: 9, октябрь: 10, ноябрь: 11, декабрь: 12,
  'янв.': 1, 'февр.': 2, 'фев.': 2, 'апр.': 4, 'авг.': 8, 'сент.': 9, 'сен.': 9, 'окт.': 10, 'нояб.': 11, 'ноя.': 11, 'дек.': 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
  январе: 1, феврале: 2, марте: 3, апреле: 4, мае: 5, июне: 6, июле: 7, августе: 8, сентябре: 9, октябре: 10, ноябре: 11, декабре: 12,
};
const EN_MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const RU_MONTH_ABBR = '(?:янв\\.|февр?\\.|апр\\.|авг\\.|сент?\\.|окт\\.|нояб?\\.|дек\\.)';
const RU_MONTH_GEN = '(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
const RU_MONTH_PREP = '(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)';
const RU_MONTH_NOM = '(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)';
const MONTH = `(?:${EN_MONTH}|${RU_MONTH_GEN}|${RU_MONTH_PREP}|${RU_MONTH_NOM}|${RU_MONTH_ABBR})`;
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12 };
const B = '(?<![\\p{L}\\d])'; // a word boundary that knows Cyrillic (\\b does not)
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d)';
const YEAR = '(?:1[0-9]\\d\\d|20\\d\\d)';
const RU_YEAR_WORD = '(?:\\s*(?:г\\.|гг\\.|года?|году|годах|годов)(?![\\p{L}]))?';
const DASH = '\\s*[-–—]\\s*';
/** one bound of a range written in words: a day, a day and month, a month, a year, or a full date */
const BOUND_SRC = () => `${EN_MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?|${DAY}(?:\\s+(?:of\\s+)?${MONTH})?(?:,?\\s+${YEAR})?|${MONTH}(?:,?\\s+(?:of\\s+)?${YEAR})?|${YEAR}`;
const BOUND = BOUND_SRC();

const NUM_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, few: NaN, several: NaN, some: NaN,
  один: 1, одну: 1, одна: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
  несколько: NaN,
};
const NUM = '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|a few|several|some|один|одну|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько)';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const monthOf = (s: string) => MONTHS[s.toLowerCase()] ?? MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;
function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}
const dayNum = (s: string) => Number(s.replace(/\D/g, ''));
const fullYear = (y: string, base: string) => (y.length === 2 ? base.slice(0, 2) + y : y);

interface Cand {
  start: number;
  end: number;
  form: DateForm;
  /** a value, or a function of the year from context (days and months written without a year) */
  edtf: string | null;
  needsYear?: (year: number) => string | null;
  /** a year written in words without its century («в декабре пятьдесят третьего»): the century of the context, else this one's */
  centuryOnly?: boolean;
  relative?: Relative;
  prio: number;
}

interface Relative {
  unit: 'day' | 'week' | 'month' | 'year' | 'season' | 'same' | 'month-of' | 'day-of' | 'weekday';
  n: number; // signed offset; NaN = vague; for day-of the day, for weekday its index
  season?: number;
  /** a month (and day) of the year reached ("May of the following year", "5 December of that year") */
  month?: number;
  day?: number;
  /** "within the next two weeks": the whole stretch from the anchor to the offset, a range */
  within?: boolean;
  /** "thirty-one years to the day after": the anchor's own day, so many years or months on */
  toTheDay?: boolean;
}
const RU_GEN_NUM: Record<string, number> = { двух: 2, трёх: 3, трех: 3, четырёх: 4, четырех: 4, пяти: 5, шести: 6 };
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CENTURY: Record<string, number> = { eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, '18th': 18, '19th': 19, '20th': 20, '21st': 21 };

type Rule = [RegExp, (m: RegExpExecArray) => Omit<Cand, 'start' | 'end' | 'prio'> | null];

function season(word: string): number {
  const w = word.toLowerCase();
  if (/^(?:spring|весн)/.test(w)) return 21;
  if (/^(?:summer|лет)/.test(w)) return 22;
  if (/^(?:autumn|fall|осен)/.test(w)) return 23;
  return 24;
}
const SEASON_EN = '(?:spring|summer|autumn|fall|winter)';
const SEASON_RU = '(?:весной|летом|осенью|зимой|весна|лето|осень|зима|весну|осени|весны|лета|зимы)';

/** a part of a year or month: early / mid / late */
function partOfYear(part: string, y: number): string {
  const p = part.toLowerCase();
  if (/^(?:early|beginning|start|начал)/.test(p)) return `${y}-01/${y}-04`;
  if (/^(?:mid|middle|середин)/.test(p)) return `${y}-05/${y}-08`;
  return `${y}-09/${y}-12`;
}
function partOfMonth(part: string, y: number, m: number): string {
  const p = part.toLowerCase();
  if (/^(?:early|beginning|start|начал)/.test(p)) return `${y}-${pad(m)}-01/${y}-${pad(m)}-10`;
  if (/^(?:mid|middle|середин)/.test(p)) return `${y}-${pad(m)}-11/${y}-${pad(m)}-20`;
  return `${y}-${pad(m)}-21/${y}-${pad(m)}-${pad(daysIn(y, m))}`;
}
/** the first or last days of a month, or its tens («в двадцатых числах» is the 20th to the 29th) */
function daysOfMonth(which: string, y: number, m: number): string {
  const w = which.toLowerCase();
  const ym = `${y}-${pad(m)}`;
  const last = daysIn(y, m);
  if (/^(?:first|первых)/.test(w)) return `${ym}-01/${ym}-07`;
  if (/^(?:last|последних)/.test(w)) return `${ym}-${pad(last - 6)}/${ym}-${pad(last)}`;
  if (/^десятых/.test(w)) return `${ym}-10/${ym}-19`;
  if (/^двадцатых/.test(w)) return `${ym}-20/${ym}-29`;
  return `${ym}-30/${ym}-${pad(last)}`;
}
function decade(d: number, part: string | undefined): { edtf: string; form: DateForm } {
  const base = d;
  if (!part) return { edtf: `${String(base).slice(0, 3)}X`, form: 'decade' };
  const p = part.toLowerCase();
  if (/^(?:early|начал)/.test(p)) return { edtf: `${base}/${base + 3}`, form: 'decade' };
  if (/^(?:mid|middle|середин)/.test(p)) return { edtf: `${base + 4}/${base + 6}`, form: 'decade' };
  if (/^(?:second half|второй половин)/.test(p)) return { edtf: `${base + 5}/${base + 9}`, form: 'decade' };
  return { edtf: `${base + 7}/${base + 9}`, form: 'decade' };
}
/** a year of a century in Russian words, in the genitive or prepositional of the ordinal: «пятьдесят третьего», «сороковом» */
const RU_TENS: Record<string, number> = { двадцать: 20, тридцать: 30, сорок: 40, пятьдесят: 50, шестьдесят: 60, семьдесят: 70, восемьдесят: 80, девяносто: 90 };
const RU_UNIT_ORD: Array<[string, number]> = [['перв', 1], ['втор', 2], ['трет', 3], ['четв[её]рт', 4], ['пят', 5], ['шест', 6], ['седьм', 7], ['восьм', 8], ['девят', 9]];
const RU_ROUND_ORD: Array<[string, number]> = [['двадцат', 20], ['тридцат', 30], ['сороков', 40], ['пятидесят', 50], ['шестидесят', 60], ['семидесят', 70], ['восьмидесят', 80], ['девяност', 90]];
const RU_ORD_END = '(?:ого|ом|ый|ой|ий|ьего|ьем|ем)';
const RU_YEAR_IN_WORDS = `(?:(?:тысяча\\s+девятьсот\\s+)?(?:(?:${Object.keys(RU_TENS).join('|')})\\s+(?:${RU_UNIT_ORD.map(([k]) => k).join('|')})${RU_ORD_END}|(?:${RU_ROUND_ORD.map(([k]) => k).join('|')})${RU_ORD_END}))`;
function ruYearInWords(w: string): number | null {
  const t = w.toLowerCase().replace(/^тысяча\s+девятьсот\s+/, '');
  const [a, b] = t.split(/\s+/);
  if (b) {
    const tens = RU_TENS[a!];
    const unit = RU_UNIT_ORD.find(([k]) => new RegExp(`^${k}`).test(b))?.[1];
    return tens !== undefined && unit !== undefined ? tens + unit : null;
  }
  return RU_ROUND_ORD.find(([k]) => new RegExp(`^${k}`).test(a!))?.[1] ?? null;
}

const DECADE_WORDS: Record<string, number> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };

/** one date (day, month or year) inside a range: its value, or a function of a year */
function single(s: string): { edtf: string | null; needsYear?: (y: number) => string | null; year?: number } | null {
  const t = s.trim().replace(/\s+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${RU_YEAR_WORD}$`, 'iu').exec(t))) return { edtf: ymd(+m[3]!, monthOf(m[2]!), dayNum(m[1]!)), year: +m[3]! };
  if ((m = new RegExp(`^(${EN_MONTH})\\s+(${DAY}),?\\s+(${YEAR})$`, 'iu').exec(t))) return { edtf: ymd(+m[3]!, monthOf(m[1]!), dayNum(m[2]!)), year: +m[3]! };
  if ((m = new RegExp(`^(${MONTH}),?\\s+(?:of\\s+)?(${YEAR})${RU_YEAR_WORD}$`, 'iu').exec(t))) return { edtf: `${m[2]}-${pad(monthOf(m[1]!))}`, year: +m[2]! };
  if ((m = new RegExp(`^(${YEAR})${RU_YEAR_WORD}$`, 'iu').exec(t))) return { edtf: m[1]!, year: +m[1]! };
  if ((m = new RegExp(`^(${DAY})\\s+(?:of\\s+)?(${MONTH})$`, 'iu').exec(t))) {
    const d = dayNum(m[1]!);
    const mo = monthOf(m[2]!);
    return { edtf: null, needsYear: (y) => ymd(y, mo, d) };
  }
  if ((m = new RegExp(`^(${EN_MONTH})\\s+(${DAY})$`, 'iu').exec(t))) {
    const d = dayNum(m[2]!);
    const mo = monthOf(m[1]!);
    return { edtf: null, needsYear: (y) => ymd(y, mo, d) };
  }
  if ((m = new RegExp(`^(${MONTH})$`, 'iu').exec(t))) {
    const mo = monthOf(m[1]!);
    return { edtf: null, needsYear: (y) => `${y}-${pad(mo)}` };
  }
  return null;
}

function interval(a: string, b: string): string | null {
  return a && b ? `${a}/${b}` : null;
}

const RULES: Rule[] = [
  // ---- ranges
  // "November 19–22, 1936", "July 23-24, 1936"
  [new RegExp(`\\b(${EN_MONTH})\\s+(${DAY})${DASH}(${DAY}),?\\s+(${YEAR})\\b`, 'giu'), (m) => ({ form: 'range', edtf: interval(ymd(+m[4]!, monthOf(m[1]!), dayNum(m[2]!)) ?? '', ymd(+m[4]!, monthOf(m[1]!), dayNum(m[3]!)) ?? '') })],
  // "19–24 August 1936", "23-30 января 1937 г."
  [new RegExp(`(?<![\\d\\p{L}])(${DAY})${DASH}(${DAY})\\s+(${MONTH}),?\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'range', edtf: interval(ymd(+m[4]!, monthOf(m[3]!), dayNum(m[1]!)) ?? '', ymd(+m[4]!, monthOf(m[3]!), dayNum(m[2]!)) ?? '') })],
  // "August 19 – September 2, 1936"
  [new RegExp(`\\b(${EN_MONTH})\\s+(${DAY})${DASH}(${EN_MONTH})\\s+(${DAY}),?\\s+(${YEAR})\\b`, 'giu'), (m) => ({ form: 'range', edtf: interval(ymd(+m[5]!, monthOf(m[1]!), dayNum(m[2]!)) ?? '', ymd(+m[5]!, monthOf(m[3]!), dayNum(m[4]!)) ?? '') })],
  // "30 August – 2 September 1936"
  [new RegExp(`(?<![\\d\\p{L}])(${DAY})\\s+(${MONTH})${DASH}(${DAY})\\s+(${MONTH}),?\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'range', edtf: interval(ymd(+m[5]!, monthOf(m[2]!), dayNum(m[1]!)) ?? '', ymd(+m[5]!, monthOf(m[4]!), dayNum(m[3]!)) ?? '') })],
  // "28–29 December", "December 28–29" (the year from context)
  [new RegExp(`(?<![\\d\\p{L}])(${DAY})${DASH}(${DAY})\\s+(${EN_MONTH}|${RU_MONTH_GEN})(?![\\p{L}])(?!,?\\s+\\d)`, 'giu'), (m) => {
    const mo = monthOf(m[3]!);
    return { form: 'range', edtf: null, needsYear: (y) => interval(ymd(y, mo, dayNum(m[1]!)) ?? '', ymd(y, mo, dayNum(m[2]!)) ?? '') };
  }],
  [new RegExp(`\\b(${EN_MONTH})\\s+(${DAY})${DASH}(${DAY})(?![\\d\\p{L}])(?!,?\\s+\\d)`, 'gu'), (m) => {
    const mo = monthOf(m[1]!);
    return { form: 'range', edtf: null, needsYear: (y) => interval(ymd(y, mo, dayNum(m[2]!)) ?? '', ymd(y, mo, dayNum(m[3]!)) ?? '') };
  }],
  // "April–May 1940", "апрель–май 1940 года"
  [new RegExp(`${B}(${MONTH})${DASH}(${MONTH}),?\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'range', edtf: `${m[3]}-${pad(monthOf(m[1]!))}/${m[3]}-${pad(monthOf(m[2]!))}` })],
  // "from 1936 to 1938", "between March 1937 and June 1938", "с 1936 по 1938 год", "с 23 по 30 января 1937 г.",
  // "1936 to 1938", "August and September", "October or November 1928", "12 или 13 декабря"
  [
    new RegExp(`${B}(?:(from|between|с|со|между)\\s+)?(${BOUND})${RU_YEAR_WORD}\\s+(to|till|until|and|through|or|по|до|и|или)\\s+(${BOUND})${RU_YEAR_WORD}`, 'giu'),
    (m) => {
      const word = (m[1] ?? '').toLowerCase();
      const conj = m[3]!.toLowerCase();
      const strip = (x: string) => x.replace(/\s*(?:г\.|гг\.|года?|году|годах|годов)$/u, '').trim();
      const sa = strip(m[2]!);
      const sb = strip(m[4]!);
      // without "from"/"between", only two years ("1936 to 1938"), two months ("August and September") or two days of a month
      if (!word) {
        const bothYears = /^\d{4}$/.test(sa) && /^\d{4}$/.test(sb) && /^(?:to|till|until|through|or|по|или)$/.test(conj);
        const months = new RegExp(`^${MONTH}$`, 'iu').test(sa) && new RegExp(`^${MONTH}(?:,?\\s+${YEAR})?$`, 'iu').test(sb);
        const days = /^\d{1,2}$/.test(sa) && new RegExp(`^${DAY}\\s+${MONTH}`, 'iu').test(sb) && /^(?:or|или|and|и)$/.test(conj);
        if (!bothYears && !months && !days) return null;
        if (/^(?:and|и)$/.test(conj) && !months) return null;
      }
      const b = single(sb);
      let a = single(sa);
      if (!a && /^\d{1,2}$/.test(sa) && b) {
        const d = +sa;
        // "с 23 по 30 января 1937": the first bound is a day of the second's month
        if (b.edtf && /^\d{4}-\d{2}-\d{2}$/.test(b.edtf)) a = { edtf: `${b.edtf.slice(0, 8)}${pad(d)}` };
        else if (b.needsYear) {
          const bn = b.needsYear;
          a = { edtf: null, needsYear: (y) => { const v = bn(y); return v ? `${v.slice(0, 8)}${pad(d)}` : null; } };
        }
      }
      if (!a || !b) return null;
      const y = b.year ?? a.year;
      const av = a.edtf ?? (y && a.needsYear ? a.needsYear(y) : null);
      const bv = b.edtf ?? (y && b.needsYear ? b.needsYear(y) : null);
      if (av && bv) return { form: 'range', edtf: `${av}/${bv}` };
      const an = a.needsYear;
      const bn = b.needsYear;
      return { form: 'range', edtf: null, needsYear: (yy) => interval(av ?? an?.(yy) ?? '', bv ?? bn?.(yy) ?? '') };
    },
  ],
  // "1936-38", "1936–1938", "1937–1938 гг.", "1933 or 1934 or 1935"
  [new RegExp(`(?<![\\d./-])(${YEAR})((?:\\s*(?:,|or|и|или)\\s*${YEAR})+)(?![\\d])`, 'giu'), (m) => {
    const ys = [m[1]!, ...m[2]!.match(/\d{4}/g)!].map(Number);
    if (!/\bor\b|или/.test(m[2]!)) return null;
    return { form: 'range', edtf: `${Math.min(...ys)}/${Math.max(...ys)}` };
  }],
  [new RegExp(`(?<![\\d./-])(${YEAR})\\s?[-–—]\\s?(\\d{4}|\\d{2})(?![\\d-])${RU_YEAR_WORD}`, 'giu'), (m) => {
    const b = fullYear(m[2]!, m[1]!);
    if (+b <= +m[1]! || +b - +m[1]! > 60) return null;
    return { form: 'range', edtf: `${m[1]}/${b}` };
  }],
  // ---- approximate: parts of a year or a month
  [new RegExp(`\\b(early|mid|late)[- ](${EN_MONTH})(?:,?\\s+(${YEAR}))?\\b`, 'giu'), (m) => {
    const mo = monthOf(m[2]!);
    if (m[3]) return { form: 'approximate', edtf: partOfMonth(m[1]!, +m[3], mo) };
    return { form: 'approximate', edtf: null, needsYear: (y) => partOfMonth(m[1]!, y, mo) };
  }],
  [new RegExp(`\\b(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+(${EN_MONTH}),?\\s+(${YEAR})\\b`, 'giu'), (m) => ({ form: 'approximate', edtf: partOfMonth(m[1]!, +m[3]!, monthOf(m[2]!)) })],
  [new RegExp(`\\b(early|mid|late)[- ]?(${YEAR})\\b`, 'giu'), (m) => ({ form: 'approximate', edtf: partOfYear(m[1]!, +m[2]!) })],
  [new RegExp(`\\b(?:the\\s+)?(beginning|start|middle|end|first half|second half)\\s+of\\s+(${YEAR})\\b`, 'giu'), (m) => {
    const y = +m[2]!;
    if (/first half/i.test(m[1]!)) return { form: 'approximate', edtf: `${y}-01/${y}-06` };
    if (/second half/i.test(m[1]!)) return { form: 'approximate', edtf: `${y}-07/${y}-12` };
    return { form: 'approximate', edtf: partOfYear(m[1]!, y) };
  }],
  // «в двадцатых числах сентября», «в первых числах мая 1937 года»; "in the first days of August", "the last days of May 1937"
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(первых|последних|десятых|двадцатых|тридцатых)\\s+числах\\s+(${RU_MONTH_GEN})(?:\\s+(${YEAR})${RU_YEAR_WORD})?(?![\\p{L}])`, 'giu'), (m) => {
    const mo = monthOf(m[2]!);
    const f = (y: number) => daysOfMonth(m[1]!, y, mo);
    return m[3] ? { form: 'approximate', edtf: f(+m[3]) } : { form: 'approximate', edtf: null, needsYear: f };
  }],
  [new RegExp(`\\b(?:in\\s+)?the\\s+(first|last)\\s+(?:few\\s+)?days\\s+of\\s+(${EN_MONTH})(?:,?\\s+(${YEAR}))?\\b`, 'giu'), (m) => {
    const mo = monthOf(m[2]!);
    const f = (y: number) => daysOfMonth(m[1]!, y, mo);
    return m[3] ? { form: 'approximate', edtf: f(+m[3]) } : { form: 'approximate', edtf: null, needsYear: f };
  }],
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(начале|середине|конце)\\s+(${RU_MONTH_GEN})\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'approximate', edtf: partOfMonth(m[1]!, +m[3]!, monthOf(m[2]!)) })],
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(начале|середине|конце)\\s+(${RU_MONTH_GEN})(?![\\p{L}])(?!\\s+\\d)`, 'giu'), (m) => {
    const mo = monthOf(m[2]!);
    return { form: 'approximate', edtf: null, needsYear: (y) => partOfMonth(m[1]!, y, mo) };
  }],
  // a month of a year in words: «в декабре пятьдесят третьего», «в мае сорок пятого года»
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(${RU_MONTH_PREP}|${RU_MONTH_GEN})\\s+(${RU_YEAR_IN_WORDS})(?:\\s+года)?(?![\\p{L}])`, 'giu'), (m) => {
    const n = ruYearInWords(m[2]!);
    const mo = monthOf(m[1]!);
    if (n === null) return null;
    return { form: 'month', edtf: /тысяча/i.test(m[2]!) ? `${1900 + n}-${pad(mo)}` : null, needsYear: (y) => `${Math.floor(y / 100) * 100 + n}-${pad(mo)}`, centuryOnly: true };
  }],
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(${RU_YEAR_IN_WORDS})\\s+(?:году|года|год)(?![\\p{L}])`, 'giu'), (m) => {
    const n = ruYearInWords(m[1]!);
    if (n === null) return null;
    return { form: 'year', edtf: /тысяча/i.test(m[1]!) ? `${1900 + n}` : null, needsYear: (y) => `${Math.floor(y / 100) * 100 + n}`, centuryOnly: true };
  }],
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(начале|середине|конце|первой половине|второй половине)\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => {
    const y = +m[2]!;
    if (/первой/.test(m[1]!)) return { form: 'approximate', edtf: `${y}-01/${y}-06` };
    if (/второй/.test(m[1]!)) return { form: 'approximate', edtf: `${y}-07/${y}-12` };
    return { form: 'approximate', edtf: partOfYear(m[1]!, y) };
  }],
  [new RegExp(`\\b(?:around|about|circa|c\\.|ca\\.|approximately|roughly)\\s*(${YEAR})\\b`, 'giu'), (m) => ({ form: 'approximate', edtf: `${m[1]}~` })],
  [new RegExp(`(?<![\\p{L}])(?:около|примерно\\s+в|приблизительно\\s+в)\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'approximate', edtf: `${m[1]}~` })],
  // ---- decades
  [new RegExp(`\\b(?:the\\s+)?(?:(early|mid|late)[- ]?)?(1[0-9]\\d0)(?:['’]?s)\\b`, 'giu'), (m) => decade(+m[2]!, m[1])],
  [new RegExp(`\\b(?:the\\s+)?(?:(early|mid|late)[- ]?)?['’]?(\\d)0['’]?s\\b`, 'giu'), (m) => decade(1900 + +m[2]! * 10, m[1])],
  [new RegExp(`\\b(?:the\\s+)?(?:(early|mid|late)[- ]?)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`, 'giu'), (m) => decade(1900 + DECADE_WORDS[m[2]!.toLowerCase()]!, m[1])],
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(?:(начале|середине|конце|второй половине)\\s+)?(1[0-9]\\d0|\\d0)-(?:х|е)(?:\\s+(?:годов|годах|годы|гг\\.))?`, 'giu'), (m) => decade(m[2]!.length === 2 ? 1900 + +m[2]! : +m[2]!, m[1])],
  // ---- seasons
  [new RegExp(`\\b(?:the\\s+)?(?:(?:early|late)\\s+)?(${SEASON_EN})\\s+(?:of\\s+)?(${YEAR})\\b`, 'giu'), (m) => ({ form: 'season', edtf: `${m[2]}-${season(m[1]!)}` })],
  [new RegExp(`(?<![\\p{L}])(${SEASON_RU})\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'season', edtf: `${m[2]}-${season(m[1]!)}` })],
  // ---- days
  [new RegExp(`(?<![\\d\\p{L}])(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'day', edtf: ymd(+m[3]!, monthOf(m[2]!), dayNum(m[1]!)) })],
  [new RegExp(`\\b(${EN_MONTH})\\s+(${DAY}),?\\s+(${YEAR})\\b`, 'giu'), (m) => ({ form: 'day', edtf: ymd(+m[3]!, monthOf(m[1]!), dayNum(m[2]!)) })],
  [new RegExp(`(?<![\\d.])([0-3]?\\d)\\.([01]?\\d)\\.(${YEAR})(?:\\s*г\\.)?(?![\\d])`, 'gu'), (m) => ({ form: 'day', edtf: ymd(+m[3]!, +m[2]!, +m[1]!) })],
  [new RegExp(`(?<![\\d-])(${YEAR})-([01]\\d)-([0-3]\\d)(?![\\d])`, 'gu'), (m) => ({ form: 'day', edtf: ymd(+m[1]!, +m[2]!, +m[3]!) })],
  // ---- months
  [new RegExp(`\\b(${EN_MONTH})(?:,\\s*|\\s+of\\s+|\\s+)(${YEAR})\\b`, 'giu'), (m) => (/^May$/i.test(m[1]!) && !/^May$/.test(m[1]!) ? null : { form: 'month', edtf: `${m[2]}-${pad(monthOf(m[1]!))}` })],
  [new RegExp(`(?<![\\p{L}])(${RU_MONTH_PREP}|${RU_MONTH_NOM}|${RU_MONTH_GEN})\\s+(${YEAR})${RU_YEAR_WORD}`, 'giu'), (m) => ({ form: 'month', edtf: `${m[2]}-${pad(monthOf(m[1]!))}` })],
  // ---- days and months without a year (the year comes from context)
  [new RegExp(`(?<![\\d\\p{L}])(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${EN_MONTH}|${RU_MONTH_GEN})(?![\\p{L}])(?!,?\\s+\\d)`, 'giu'), (m) => {
    const d = dayNum(m[1]!);
    const mo = monthOf(m[2]!);
    if (d < 1 || d > 31) return null;
    return { form: 'day', edtf: null, needsYear: (y) => ymd(y, mo, d) };
  }],
  [new RegExp(`\\b(${EN_MONTH})\\s+(${DAY})(?![\\d\\p{L}])(?!,?\\s+\\d{4})`, 'gu'), (m) => {
    const d = dayNum(m[2]!);
    const mo = monthOf(m[1]!);
    if (d < 1 || d > 31 || (/^May$/.test(m[1]!) && false)) return null;
    return { form: 'day', edtf: null, needsYear: (y) => ymd(y, mo, d) };
  }],
  [new RegExp(`(?<=\\b(?:in|on|by|until|till|since|during|through|of|from|before|after|early|late|mid|last|next|that|this)\\s+)(January|February|March|April|June|July|August|September|October|November|December)\\b(?!\\s+\\d)`, 'gu'), (m) => {
    const mo = monthOf(m[1]!);
    return { form: 'month', edtf: null, needsYear: (y) => `${y}-${pad(mo)}` };
  }],
  [new RegExp(`(?<=\\b(?:in|of|early|late|mid)\\s+)May\\b(?!\\s+\\d)`, 'gu'), () => ({ form: 'month', edtf: null, needsYear: (y) => `${y}-05` })],
  [new RegExp(`(?<![\\p{L}])(?:в\\s+)?(${RU_MONTH_PREP})(?![\\p{L}])(?!\\s+\\d)`, 'giu'), (m) => {
    const mo = monthOf(m[1]!);
    return { form: 'month', edtf: null, needsYear: (y) => `${y}-${pad(mo)}` };
  }],
  // ---- years
  [new RegExp(`(?<![\\p{L}\\d./-])(${YEAR})(\\s*(?:г\\.|года?|году)(?![\\p{L}]))`, 'giu'), (m) => ({ form: 'year', edtf: m[1]! })],
  [new RegExp(`(?<![\\p{L}\\d./:-])(1[5-9]\\d\\d|20\\d\\d)(?![\\d-]|\\.\\d|[\\p{L}])`, 'gu'), (m) => ({ form: 'year', edtf: m[1]! })],
  // ---- a month or season of a year named relative to the last: "May of the following year", "the autumn of that year",
  // "осенью того же года", "the following April"
  [new RegExp(`${B}(?:the\\s+)?(?:(${DAY})\\s+)?(${EN_MONTH}|${SEASON_EN})(?:\\s+(${DAY}))?,?\\s+of\\s+(?:the\\s+)?(following|next|previous|preceding|that|the same)\\s+year\\b`, 'giu'), (m) => {
    const sign = /following|next/i.test(m[4]!) ? 1 : /previous|preceding/i.test(m[4]!) ? -1 : 0;
    const w = m[2]!;
    const day = m[1] ?? m[3];
    if (day && !new RegExp(`^${SEASON_EN}$`, 'i').test(w)) return { form: 'relative', edtf: null, relative: { unit: 'year', n: sign, month: monthOf(w), day: dayNum(day) } };
    if (new RegExp(`^${SEASON_EN}$`, 'i').test(w)) return { form: 'relative', edtf: null, relative: { unit: 'year', n: sign, season: season(w) } };
    return { form: 'relative', edtf: null, relative: { unit: 'year', n: sign, month: monthOf(w) } };
  }],
  // "Oct. 9 last year", «9 октября прошлого года»: a day of the year before (or this, or the next)
  [new RegExp(`${B}(?:(${DAY})\\s+(${EN_MONTH})|(${EN_MONTH})\\s+(${DAY}))(?:st|nd|rd|th)?,?\\s+(last|this|next)\\s+year\\b`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'year', n: /last/i.test(m[5]!) ? -1 : /next/i.test(m[5]!) ? 1 : 0, month: monthOf(m[2] ?? m[3]!), day: dayNum(m[1] ?? m[4]!) } })],
  [new RegExp(`${B}(${DAY})\\s+(${RU_MONTH_GEN})\\s+(прошлого|этого|текущего|следующего|будущего)\\s+года`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'year', n: /прошлого/.test(m[3]!) ? -1 : /следующего|будущего/.test(m[3]!) ? 1 : 0, month: monthOf(m[2]!), day: dayNum(m[1]!) } })],
  [new RegExp(`${B}(${SEASON_RU})\\s+(?:того\\s+же|следующего|предыдущего|прошлого)\\s+года`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'year', n: /следующего/.test(m[0]) ? 1 : /предыдущего|прошлого/.test(m[0]) ? -1 : 0, season: season(m[1]!) } })],
  [new RegExp(`${B}(?:the\\s+)?(following|next|previous|preceding)\\s+(${EN_MONTH})\\b`, 'gu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'month-of', n: /following|next/i.test(m[1]!) ? 1 : -1, month: monthOf(m[2]!) } })],
  [new RegExp(`\\b(early|late|mid)\\s+in\\s+(${YEAR})\\b`, 'giu'), (m) => ({ form: 'approximate', edtf: partOfYear(m[1]!, +m[2]!) })],
  [new RegExp(`\\b(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+the\\s+(1[0-9]\\d0)['’]?s\\b`, 'giu'), (m) => decade(+m[2]!, /beginning|start/i.test(m[1]!) ? 'early' : /middle/i.test(m[1]!) ? 'mid' : 'late')],
  // centuries: "the twentieth century", "XX века", "the first decade of the twentieth century"
  [new RegExp(`\\b(?:the\\s+)?first\\s+decade\\s+of\\s+the\\s+(nineteenth|twentieth|twenty-first)\\s+century\\b`, 'giu'), (m) => ({ form: 'decade', edtf: `${CENTURY[m[1]!.toLowerCase()]! - 1}0X` })],
  [new RegExp(`\\b(?:the\\s+)?(eighteenth|nineteenth|twentieth|twenty-first|18th|19th|20th|21st)\\s+century\\b`, 'giu'), (m) => ({ form: 'decade', edtf: `${CENTURY[m[1]!.toLowerCase()]! - 1}XX` })],
  [new RegExp(`${B}(XVIII|XIX|XX|XXI)\\s+(?:века|веке|век)(?![\\p{L}])`, 'gu'), (m) => ({ form: 'decade', edtf: `${({ XVIII: 18, XIX: 19, XX: 20, XXI: 21 } as Record<string, number>)[m[1]!]! - 1}XX` })],
  // Roman-numeral months: "1.XII.1934", "19.VIII.1936 г.", "10.XII"
  [new RegExp(`(?<![\\d.])([0-3]?\\d)\\.(I{1,3}|IV|VI{0,3}|IX|XI{0,2})(?:\\.(${YEAR}))?(?:\\s*г\\.)?(?![\\p{L}\\d])`, 'gu'), (m) => {
    const mo = ROMAN[m[2]!]!;
    const d = +m[1]!;
    if (m[3]) return { form: 'day', edtf: ymd(+m[3], mo, d) };
    return { form: 'day', edtf: null, needsYear: (y) => ymd(y, mo, d) };
  }],
  // a day of the month in context: "on the 26th"
  [new RegExp(`\\b(?:on\\s+)?the\\s+([0-3]?\\d)(st|nd|rd|th)\\b(?!\\s+(?:of|century|anniversary|congress|party|army|division|regiment|day))`, 'giu'), (m) => ({ form: 'day', edtf: null, relative: { unit: 'day-of', n: +m[1]! } })],
  // weekdays, resolved to the nearest one before the anchor (after it when the sentence looks ahead)
  [new RegExp(`\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`, 'gu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'weekday', n: WEEKDAYS.indexOf(m[1]!) } })],
  [new RegExp(`${B}(вчера|сегодня|завтра|послезавтра|позавчера)(?![\\p{L}])`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'day', n: ({ вчера: -1, сегодня: 0, завтра: 1, послезавтра: 2, позавчера: -2 } as Record<string, number>)[m[1]!.toLowerCase()]! } })],
  [new RegExp(`${B}через\\s+сутки(?![\\p{L}])`, 'giu'), () => ({ form: 'relative', edtf: null, relative: { unit: 'day', n: 1 } })],
  [new RegExp(`${B}(?:в\\s+)?(прошлом|этом|будущем|следующем)\\s+(году|месяце)(?![\\p{L}])`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: ruUnit(m[2]!), n: /прошлом/.test(m[1]!) ? -1 : /этом/.test(m[1]!) ? 0 : 1 } })],
  // ---- relative expressions
  // "thirty-one years to the day after": the same day of the month, so many years on
  [new RegExp(`\\b(${NUM}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?)\\s+(years?|months?)\\s+to\\s+the\\s+day\\s+(later|after(?:wards)?|earlier|before)\\b`, 'giu'), (m) => {
    const r = rel(m[1]!, m[2]!, /later|after/i.test(m[3]!) ? 1 : -1, false);
    return { ...r, relative: { ...r.relative!, toTheDay: true } };
  }],
  [new RegExp(`\\b(?:(?:more|less)\\s+than\\s+|about\\s+|some\\s+|only\\s+|just\\s+)?(${NUM}|a few)\\s+(days?|weeks?|months?|years?)\\s+(later|after(?:wards)?|earlier|before|ago|previously)\\b`, 'giu'), (m) => rel(m[1]!, m[2]!, /later|after/i.test(m[3]!) ? 1 : -1, /than|about|some/i.test(m[0]))],
  // "within the next two weeks": the stretch from the time the text is at to that much later
  [new RegExp(`\\bwithin\\s+the\\s+(?:next|following)\\s+(${NUM})\\s+(days?|weeks?|months?|years?)\\b`, 'giu'), (m) => ({ ...rel(m[1]!, m[2]!, 1, false), relative: { ...rel(m[1]!, m[2]!, 1, false).relative!, within: true } })],
  [new RegExp(`${B}в\\s+(?:течение\\s+)?(?:ближайших|следующих|последующих)\\s+(двух|трёх|трех|четырёх|четырех|пяти|шести|\\d{1,2})\\s+(дней|недель|месяцев|лет)(?![\\p{L}])`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: /^дн/.test(m[2]!) ? 'day' : ruUnit(m[2]!), n: RU_GEN_NUM[m[1]!.toLowerCase()] ?? Number(m[1]), within: true } })],
  [new RegExp(`\\b(after|within)\\s+(${NUM}|a few)\\s+(days?|weeks?|months?|years?)\\b`, 'giu'), (m) => rel(m[2]!, m[3]!, 1, /within/i.test(m[1]!))],
  [new RegExp(`\\b(?:a|one)\\s+(day|week|month|year)\\s+(later|after(?:wards)?|earlier|before)\\b`, 'giu'), (m) => rel('1', m[1]!, /later|after/i.test(m[2]!) ? 1 : -1, false)],
  [new RegExp(`\\b(?:the\\s+)?(next|following|previous|preceding)\\s+(day|morning|evening|night|week|month|year|spring|summer|autumn|fall|winter)\\b`, 'giu'), (m) => {
    const sign = /next|following/i.test(m[1]!) ? 1 : -1;
    const u = m[2]!.toLowerCase();
    if (/spring|summer|autumn|fall|winter/.test(u)) return { form: 'relative', edtf: null, relative: { unit: 'season', n: sign, season: season(u) } };
    return { form: 'relative', edtf: null, relative: { unit: /morning|evening|night/.test(u) ? 'day' : (u as Relative['unit']), n: sign } };
  }],
  [new RegExp(`\\b(?:the\\s+)?day\\s+(before|after)\\b`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'day', n: /after/i.test(m[1]!) ? 1 : -1 } })],
  // ("the night before": the day before; not "the morning after the fire", which dates itself by an event)
  [new RegExp(`\\bthe\\s+(?:night|evening|morning)\\s+(before|after)\\b(?!\\s+(?:the|a|an|his|her|their|its|this|that|last)\\b)`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'day', n: /after/i.test(m[1]!) ? 1 : -1 } })],
  [new RegExp(`\\b(?:that|the\\s+same|this)\\s+(day|morning|evening|night|week|month|year|spring|summer|autumn|fall|winter)\\b`, 'giu'), (m) => {
    const u = m[1]!.toLowerCase();
    if (/spring|summer|autumn|fall|winter/.test(u)) return { form: 'relative', edtf: null, relative: { unit: 'season', n: 0, season: season(u) } };
    return { form: 'relative', edtf: null, relative: { unit: /morning|evening|night/.test(u) ? 'day' : (u as Relative['unit']), n: 0 } };
  }],
  [new RegExp(`\\b(?:next|last)\\s+(year|month|week)\\b`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: m[1]!.toLowerCase() as Relative['unit'], n: /next/i.test(m[0]) ? 1 : -1 } })],
  [new RegExp(`\\b(?:years|months|days|weeks)\\s+(?:later|earlier|ago|before)\\b`, 'giu'), () => ({ form: 'relative', edtf: null, relative: { unit: 'year', n: NaN } })],
  [new RegExp(`\\b(?:yesterday|today|tomorrow)\\b`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: 'day', n: /yesterday/i.test(m[0]) ? -1 : /tomorrow/i.test(m[0]) ? 1 : 0 } })],
  // Russian
  [new RegExp(`(?<![\\p{L}])(?:через|спустя)\\s+(${NUM})?\\s*(дн(?:я|ей)|день|недел(?:ю|и|ь)|месяц(?:а|ев)?|год(?:а)?|лет)(?![\\p{L}])`, 'giu'), (m) => rel(m[1] ?? '1', ruUnit(m[2]!), 1, false)],
  [new RegExp(`(?<![\\p{L}])(${NUM})\\s+(дн(?:я|ей)|день|недел(?:ю|и|ь)|месяц(?:а|ев)?|год(?:а)?|лет)\\s+(спустя|позже|позднее|назад|раньше|ранее)(?![\\p{L}])`, 'giu'), (m) => rel(m[1]!, ruUnit(m[2]!), /спустя|позже|позднее/.test(m[3]!) ? 1 : -1, false)],
  [new RegExp(`(?<![\\p{L}])(?:на\\s+следующ(?:ий|ее|ую)\\s+(день|утро|неделю|месяц|год)|в\\s+следующем\\s+(году|месяце))(?![\\p{L}])`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: ruUnit(m[1] ?? m[2]!), n: 1 } })],
  [new RegExp(`(?<![\\p{L}])(?:накануне)(?![\\p{L}])`, 'giu'), () => ({ form: 'relative', edtf: null, relative: { unit: 'day', n: -1 } })],
  [new RegExp(`(?<![\\p{L}])(?:в\\s+тот\\s+же\\s+(день)|в\\s+том\\s+же\\s+(году|месяце)|тем\\s+же\\s+(летом|летом|весной|осенью|зимой)|того\\s+же\\s+(года|месяца))(?![\\p{L}])`, 'giu'), (m) => {
    const u = m[1] ?? m[2] ?? m[4];
    if (m[3]) return { form: 'relative', edtf: null, relative: { unit: 'season', n: 0, season: season(m[3]) } };
    return { form: 'relative', edtf: null, relative: { unit: ruUnit(u!), n: 0 } };
  }],
  [new RegExp(`(?<![\\p{L}])(?:годом|месяцем|неделей|днём|днем)\\s+(позже|раньше|позднее|ранее)(?![\\p{L}])`, 'giu'), (m) => ({ form: 'relative', edtf: null, relative: { unit: ruUnit(m[0].split(/\s+/)[0]!), n: /позже|позднее/.test(m[1]!) ? 1 : -1 } })],
];

function ruUnit(w: string): Relative['unit'] {
  const x = w.toLowerCase();
  if (/^(?:дн|ден|утро|днём|днем)/.test(x)) return 'day';
  if (/^недел/.test(x)) return 'week';
  if (/^месяц/.test(x)) return 'month';
  return 'year';
}

function rel(num: string, unit: string, sign: number, vague: boolean): Omit<Cand, 'start' | 'end' | 'prio'> {
  const k = num.toLowerCase().trim();
  const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
  const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](one|two|three|four|five|six|seven|eight|nine)$/.exec(k);
  const n = /^\d+$/.test(k) ? Number(k) : compound ? tens[compound[1]!]! + NUM_WORDS[compound[2]!]! : (tens[k] ?? NUM_WORDS[k] ?? NaN);
  const u = unit.toLowerCase().replace(/s$/, '') as Relative['unit'];
  return { form: 'relative', edtf: null, relative: { unit: u, n: vague ? NaN : n * sign } };
}

/** shift an anchor by a relative expression; null when the text does not allow it */
function resolveRelative(anchor: string, r: Relative): string | null {
  if (!Number.isFinite(r.n)) return null;
  if (r.within) {
    // from the anchor's start to its end moved on by the offset, at the anchor's precision ("August 1936" + two weeks → 1936-08/1936-09)
    const lo = anchor.split('/')[0]!.replace(/[~?%]$/, '');
    const hi = (anchor.split('/')[1] ?? lo).replace(/[~?%]$/, '');
    const p = hi.split('-').map(Number);
    if (!/^\d{4}/.test(hi) || (p[1] ?? 0) > 12) return null;
    const [y, m, d] = [p[0]!, p[1] ?? 12, p[2] ?? daysIn(p[0]!, p[1] ?? 12)];
    const days = r.unit === 'day' ? r.n : r.unit === 'week' ? 7 * r.n : 0;
    const months = r.unit === 'month' ? r.n : r.unit === 'year' ? 12 * r.n : 0;
    const t = new Date(Date.UTC(y, m - 1 + months, d + days));
    const end = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`.slice(0, hi.length);
    return end === lo ? lo : `${lo}/${end}`;
  }
  // a range anchors forward offsets at its end and backward ones at its start ("the trial ended … three days later")
  const lo = anchor.split('/')[0]!.replace(/[~?%]$/, '');
  const hi = (anchor.split('/')[1] ?? lo).replace(/[~?%]$/, '');
  const base = r.n > 0 && (r.unit === 'day' || r.unit === 'week') ? hi : lo;
  if (!/^\d{4}/.test(base)) return null;
  const parts = base.split('-').map(Number);
  const [y, m, d] = [parts[0]!, parts[1], parts[2]];
  const isSeason = m !== undefined && m >= 21;
  switch (r.unit) {
    case 'same':
      return anchor;
    case 'day-of':
      return m !== undefined && !isSeason ? ymd(y, m, r.n) : null;
    case 'month-of': {
      if (m === undefined || isSeason) return null;
      const mm = r.month!;
      const yy = r.n > 0 ? (mm > m ? y : y + 1) : mm < m ? y : y - 1;
      return `${yy}-${pad(mm)}`;
    }
    case 'weekday': {
      if (d === undefined || isSeason) return null;
      const t = new Date(Date.UTC(y, m! - 1, d));
      const dow = t.getUTCDay();
      let delta = r.n - dow;
      if (r.season === 1) {
        if (delta <= 0) delta += 7;
      } else if (delta >= 0) delta -= 7;
      t.setUTCDate(t.getUTCDate() + delta);
      return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    }
    case 'day':
    case 'week': {
      if (d === undefined || isSeason) return null;
      const t = new Date(Date.UTC(y, m! - 1, d + r.n * (r.unit === 'week' ? 7 : 1)));
      return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    }
    case 'month': {
      if (m === undefined || isSeason) return null;
      if (r.toTheDay && d !== undefined) {
        const t = new Date(Date.UTC(y, m - 1 + r.n, d));
        return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
      }
      const t = new Date(Date.UTC(y, m - 1 + r.n, 1));
      return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}`;
    }
    case 'year':
      if (r.toTheDay && m !== undefined && d !== undefined && !isSeason) return ymd(y + r.n, m, d);
      if (r.season) return `${y + r.n}-${r.season}`;
      if (r.month && r.day) return ymd(y + r.n, r.month, r.day);
      if (r.month) return `${y + r.n}-${pad(r.month)}`;
      return String(y + r.n);
    case 'season': {
      const s = r.season ?? 21;
      // "that summer" after a date in 1933 → 1933-22; "the following spring" → the next one after the anchor
      if (r.n === 0) return `${y}-${s}`;
      const anchorSeason = isSeason ? m! : m ? [24, 24, 21, 21, 21, 22, 22, 22, 23, 23, 23, 24][m - 1]! : undefined;
      let yy = y;
      if (r.n > 0 && (anchorSeason === undefined || s <= anchorSeason)) yy += 1;
      if (r.n < 0 && (anchorSeason === undefined || s >= anchorSeason)) yy -= 1;
      return `${yy}-${s}`;
    }
  }
  return null;
}


/** years that are not dates: in a title ("1937: Year of Terror", "Stalin in Power: 1929-1941"), a page, a count */
function notADate(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 24);
  if (/(?:\bpp?\.|\bpages?|\bvol\.|\bno\.|\bnr\.|\bart(?:icle)?\.?|№|\bС\.|\bс\.|\bstr\.|#)\s*$/iu.test(before)) return true;
  // a count: "1936 delegates", "1937 people" (a year is followed by a verb, a comma, "when", never a plural noun alone)
  if (/^\s+(?:delegates|people|persons|men|women|votes|soldiers|members|copies|pages|prisoners|officers|workers|peasants|человек|делегатов|экземпляров|страниц)\b/iu.test(after)) return true;
  // a title: "1937: Year of Terror" / "…in Power: 1929-1941"
  if (/^:\s+\p{Lu}/u.test(after) && /(?:^|[\s("“'‘*_])$/u.test(before)) return true;
  if (/\p{Lu}[\p{L}']*:\s*$/u.test(before) && /^(?:\s*[-–]\s*\d{2,4})?(?:[),.;]|\s*$|["”'’*_])/u.test(after)) return true;
  // a time of day or an amount of money: "19:30", "$1937"
  if (/[$£€]\s*$/.test(before) || /^:\d\d/.test(after)) return true;
  return false;
}

/** inside a quoted or emphasized title: "«Stalin in Power: 1929–1941»", "*1937: Year of Terror*", "<u>Moscow, 1937</u>" */
function inTitle(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const s = start - lineStart;
  const e = end - lineStart;
  for (const m of line.matchAll(/<u>([^<]{2,160})<\/u>|\*([^*]{2,160})\*|_([^_\s][^_]{1,158})_|«([^»]{2,160})»|"([^"]{2,160})"|“([^”]{2,160})”/g)) {
    const a = m.index!;
    const b = a + m[0].length;
    if (a < s && e < b) {
      const inner = m[0].slice(1, -1).replace(/^u>|<\/u$/g, '');
      const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
      // title case, or a colon after a short heading: a title (not a quoted sentence that mentions a year)
      if (words.length >= 1 && (caps >= Math.ceil(words.length * 0.6) || /:\s*\d{4}|\d{4}:/.test(inner)) && words.length <= 14) return true;
    }
  }
  return false;
}

export interface FindDatesOptions {
  /** spans that hold no event dates (citation lines, titles) */
  exclude?: Array<[number, number]>;
  /** a date the text dates itself by (a dateline, a post's date): anchors "today", "last year" when nothing nearer does */
  documentDate?: string | null;
}

/**
 * The date a text dates itself by in its first lines, when it has one: a dateline or a title with a full date ("Budapest,
 * Saturday, 24 September 1949.", "… (Atlanta, August 26, 1913)", «(Москва, 19 апреля 1933 г.)»). A report's "yesterday" and
 * "this morning" are read from it.
 */
export function datelineDate(text: string): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  // (a heading line: one of the first four, short, with the text going on after it)
  const lines = text.slice(0, 600).split('\n');
  for (const line of lines.slice(0, Math.min(4, lines.length - 1))) {
    if (line.length > 200) continue;
    const en = new RegExp(`(?:(${EN_MONTH})\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${EN_MONTH}),?\\s+(\\d{4}))`, 'u').exec(line);
    const ru = new RegExp(`(\\d{1,2})\\s+(${RU_MONTH_GEN})\\s+(\\d{4})`, 'iu').exec(line);
    const m = en ?? ru;
    if (!m) continue;
    const [d, mo, y] = en ? (en[1] ? [en[2]!, en[1], en[3]!] : [en[4]!, en[5]!, en[6]!]) : [ru![1]!, ru![2]!, ru![3]!];
    const month = monthOf(mo);
    if (month && Number(d) >= 1 && Number(d) <= 31) return `${y}-${pad(month)}-${pad(Number(d))}`;
  }
  // a wire report's dateline with no year ("MOSCOW, Jan. 27 (AP) —", «Будапешт, 17 июня (ТАСС).»): the day is known, the year is
  // not ("XXXX-01-27", EDTF's unspecified year); the report's own "yesterday" is read from it, and nothing else is
  for (const line of lines.slice(0, 4)) {
    const m = new RegExp(`^\\s*\\p{Lu}[\\p{L}.'’ -]{1,40},\\s+(?:(\\d{1,2})\\s+(${RU_MONTH_GEN}|${EN_MONTH})|(${EN_MONTH})\\.?\\s+(\\d{1,2}))(?:st|nd|rd|th)?\\s*(?:\\([^)]{1,30}\\))?\\s*(?:[.:—–-]|$)`, 'iu').exec(line);
    if (!m) continue;
    const month = monthOf(m[2] ?? m[3]!);
    const d = Number(m[1] ?? m[4]);
    if (month && d >= 1 && d <= 31) return `XXXX-${pad(month)}-${pad(d)}`;
  }
  return null;
}

/** a date with its year unspecified ("XXXX-06-17"): known as a day of the year only */
const yearUnknown = (edtf: string | null | undefined): boolean => !!edtf && edtf.startsWith('X');

/** the patterns that can match only Cyrillic text: every word they write out is Russian */
const RU_ONLY = new Set(
  RULES.map(([re]) => re).filter((re) => {
    // (an optional Russian year word after a pattern that matches without it does not make it Russian)
    const words = re.source.split(RU_YEAR_WORD).join(' ').replace(/\\[pP]\{[^}]*\}|\\[a-zA-Z]|\[[^\]]*\]/g, ' ').match(/[\p{L}]{2,}/gu) ?? [];
    return words.length > 0 && words.every((w) => /^[а-яё]+$/iu.test(w));
  }),
);
/** every date expression in text[from, to) */
export function findDates(text: string, from = 0, to = text.length, opts: FindDatesOptions = {}): DateMention[] {
  if (!opts.documentDate) opts = { ...opts, documentDate: datelineDate(text) };
  const slice = text.slice(from, to);
  const cands: Cand[] = [];
  // (the Russian-only patterns are not run over a text without Cyrillic letters)
  const cyrillic = /[а-яё]/iu.test(slice);
  RULES.forEach(([re, f], prio) => {
    if (!cyrillic && RU_ONLY.has(re)) return;
    re.lastIndex = 0;
    for (const m of slice.matchAll(re)) {
      // a leading "the " is part of the expression only for seasons, decades and parts of a year
      let start = from + m.index!;
      let t = m[0];
      const r = f(m as unknown as RegExpExecArray);
      if (!r) continue;
      if (/^the\s/i.test(t) && !/^(?:season|decade|approximate|relative)$/.test(r.form)) {
        const k = /^the\s+/i.exec(t)![0].length;
        start += k;
        t = t.slice(k);
      }
      // trailing punctuation the pattern swallowed
      const trimmed = t.replace(/[,\s]+$/u, '');
      const end = start + trimmed.length;
      cands.push({ start, end, prio, ...r });
    }
  });
  // longest match first; ties go to the earlier rule
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.prio - b.prio || a.start - b.start);
  const taken: Cand[] = [];
  const excl = opts.exclude ?? [];
  for (const c of cands) {
    if (taken.some((t) => t.start < c.end && c.start < t.end)) continue;
    if (excl.some(([a, b]) => a < c.end && c.start < b)) continue;
    if ((c.form === 'year' || c.form === 'range') && notADate(text, c.start, c.end)) continue;
    if (c.form !== 'relative' && inTitle(text, c.start, c.end)) continue;
    // "May" alone is a verb far more often than a month
    if (c.needsYear && /^May$/i.test(text.slice(c.start, c.end).trim())) continue;
    taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);
  // resolve yearless and relative expressions from the last date before them (in the same passage)
  const out: DateMention[] = [];
  let anchor: { edtf: string; start: number; end: number } | null = null;
  // the last date that names a month: a yearless day after a bare year of another paragraph (an aside: "умершим в 1924 году")
  // takes its year from the calendar the text was following
  let calendar: { edtf: string; start: number; end: number } | null = null;
  let lastPara = -1;
  /** inside parentheses that open and close in the same line, with words around the date (not a bare "(1937)" after a name) */
  const aside = (c: Cand): boolean => {
    const ls = text.lastIndexOf('\n', c.start) + 1;
    const le = text.indexOf('\n', c.end);
    const open = text.lastIndexOf('(', c.start);
    if (open < ls || text.lastIndexOf(')', c.start) > open) return false;
    const close = text.indexOf(')', c.end);
    if (close < 0 || (le >= 0 && close > le)) return false;
    return /\p{L}{3,}/u.test(text.slice(open + 1, c.start) + text.slice(c.end, close));
  };
  const flashback = (c: Cand): boolean => {
    // (the date's own clause, between commas, colons or semicolons; not a deadline: "By the 21st of August the prosecution had examined …")
    if (/\b(?:by|until|till)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, c.start - 10), c.start))) return false;
    const from = Math.max(text.lastIndexOf('.', c.start) + 1, text.lastIndexOf(';', c.start) + 1, text.lastIndexOf(',', c.start) + 1, text.lastIndexOf(':', c.start) + 1, c.start - 200);
    const stop = /[.;,:]/.exec(text.slice(c.end, c.end + 200));
    const clause = text.slice(from, stop ? c.end + stop.index : c.end + 200);
    const m = /\bhad\s+(?:(?:not|never|already|just|\p{Ll}+ly)\s+)?(?:been\s+)?\p{Ll}+(?:ed|en|wn|ne|ht|ft|lt|pt|ung|ade|id|ld|ost|ot|et|it)\b/u.exec(clause);
    // (the past perfect of a clause the date's own verb governs is no flashback of the date: "On 1 December the news went round that
    // Kirov had been killed")
    return !!m && !/\b(?:that|which|who|whom|where|when|because|since|after)\b/i.test(clause.slice(0, m.index).slice(c.end - from));
  };
  let flash: { edtf: string; start: number; end: number } | null = null;
  const docKnown = !!opts.documentDate && !yearUnknown(opts.documentDate);
  for (const c of taken) {
    const para = text.lastIndexOf('\n\n', c.start);
    if (para !== lastPara) {
      // a new paragraph: an anchor from the previous one still stands for a yearless date, not for "that summer"
      lastPara = para;
      if (anchor && text.slice(anchor.end, c.start).length > 1500) anchor = null;
    }
    const base: DateMention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), edtf: c.edtf, form: c.form };
    if (c.edtf) {
      out.push(base);
      // (a date in a parenthetical aside does not move the story's calendar: "(its text was published only in 2016); on 31 May …")
      if (aside(c)) continue;
      // (nor does a flashback: an earlier date told in the past perfect, "at Wannsee in January 1942 he had helped draft the agenda")
      // (within the flashback, a date in the past perfect still counts from it: "had been out of work since March 1934 … had been
      // restored two months later")
      if (anchor && c.edtf.slice(0, 4) < anchor.edtf.slice(0, 4) && flashback(c)) {
        flash = { edtf: c.edtf.replace(/[~?%]$/, ''), start: c.start, end: c.end };
        continue;
      }
      flash = null;
      anchor = { edtf: c.edtf.replace(/[~?%]$/, ''), start: c.start, end: c.end };
      if (/^\d{4}-(?:0[1-9]|1[0-2])/.test(c.edtf.split('/').pop()!)) calendar = anchor;
      continue;
    }
    if (c.needsYear && c.centuryOnly) {
      // (a year in words takes only its century from the context: the nearest date before it, the text's own date, else 1900)
      const a = anchor ?? (docKnown ? { edtf: opts.documentDate!, start: -1, end: -1 } : null);
      base.edtf = c.needsYear(a ? Number(a.edtf.slice(0, 4)) : 1900);
      if (a && a.start >= 0) base.anchor = a.start;
      out.push(base);
      if (base.edtf && !aside(c)) anchor = { edtf: base.edtf, start: c.start, end: c.end };
      continue;
    }
    if (c.needsYear) {
      // a yearless day joined to a full date after it takes that date's year: «в ночь с 31 мая на 1 июня 1962 года»,
      // "between 30 November and 1 December 1934"
      const joined = taken.find((t) => t.start >= c.end && t.start - c.end <= 12 && t.edtf && /^\d{4}-\d{2}/.test(t.edtf) && /^\s*(?:на|по|до|и|—|–|-|to|and|until|till)\s*$/iu.test(text.slice(c.end, t.start)));
      if (joined) {
        const ly = Number(joined.edtf!.slice(0, 4));
        const probe = c.needsYear(ly);
        base.edtf = probe && probe.split('/')[0]! > joined.edtf!.split('/')[0]! ? c.needsYear(ly - 1) : probe;
        base.anchor = joined.start;
        out.push(base);
        continue;
      }
      if (flash && flashback(c)) {
        base.edtf = c.needsYear(Number(flash.edtf.slice(0, 4)));
        base.anchor = flash.start;
        out.push(base);
        continue;
      }
      const bareYearElsewhere = anchor && /^\d{4}$/.test(anchor.edtf) && calendar && text.lastIndexOf('\n', c.start) > anchor.end && c.start - calendar.end < 3000;
      let a = (bareYearElsewhere ? calendar : anchor) ?? (docKnown ? { edtf: opts.documentDate!, start: -1, end: -1 } : null);
      let y = a ? Number(a.edtf.slice(0, 4)) : NaN;
      // (the yearless dateline itself: its day, with the year unspecified; the story's dates are not counted from it)
      if (!a && yearUnknown(opts.documentDate) && c.start < 600 && c.needsYear(2001)?.slice(4) === opts.documentDate!.slice(4)) {
        base.edtf = opts.documentDate!;
        out.push(base);
        continue;
      }
      if (!a) {
        // no date before it: a full date later in the same passage gives the year ("December 18 … Jan. 16, 1935" → 1934)
        const later = taken.find((t) => t.start > c.end && t.edtf && /^\d{4}-\d{2}/.test(t.edtf) && t.start - c.end < 1200);
        if (later) {
          const ly = Number(later.edtf!.slice(0, 4));
          const lm = Number(later.edtf!.slice(5, 7));
          const probe = c.needsYear(ly);
          const pm = probe ? Number(probe.slice(5, 7)) : 0;
          y = pm > lm ? ly - 1 : ly;
          a = { edtf: later.edtf!, start: later.start, end: later.end };
        }
      }
      if (Number.isFinite(y)) {
        base.edtf = c.needsYear(y);
        // (told in the past perfect, a yearless date lies before the time the text is at: "[June 1958] he had died in December" is
        // December 1957)
        const aEnd = a ? a.edtf.split('/').pop()! : '';
        // (not in a report whose own date is later still: the past perfect there looks back from the report's day, "LEIPZIG, Dec. 24 …
        // The court had moved to Berlin for the hearings of October and November")
        const beforeReport = docKnown && base.edtf !== null && base.edtf.split('/')[0]! <= opts.documentDate!;
        if (base.edtf && a && a.start >= 0 && aEnd.length >= 7 && base.edtf.split('/')[0]! > aEnd && !beforeReport && flashback(c)) {
          base.edtf = c.needsYear(y - 1);
          // (and, a flashback, it leaves the story's calendar where it was)
          if (base.edtf) {
            if (a.start >= 0) base.anchor = a.start;
            out.push(base);
            flash = { edtf: base.edtf, start: c.start, end: c.end };
            continue;
          }
        }
        if (a!.start >= 0) base.anchor = a!.start;
      }
      out.push(base);
      if (base.edtf) anchor = { edtf: base.edtf, start: c.start, end: c.end };
      continue;
    }
    if (c.relative) {
      // an explicit date right after it is what it means: "six months later, on December 1, 1934"
      const next = taken.find((t) => t.start >= c.end && t.start - c.end <= 6 && t.edtf && /^[\s,]*(?:on|in|,|—|–)?\s*(?:the\s+)?$/.test(text.slice(c.end, t.start)));
      // "yesterday", «вчера», "this morning" are the report's own days: its dateline's, when it has one, not the last date told
      const deictic = opts.documentDate && /^(?:yesterday|today|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|tonight|вчера|сегодня|завтра|позавчера|послезавтра)/iu.test(base.text);
      const a = deictic ? { edtf: opts.documentDate!, start: -1, end: -1 } : flash && flashback(c) ? flash : anchor ?? (docKnown ? { edtf: opts.documentDate!, start: -1, end: -1 } : null);
      // (so is one right before it, the relative one in apposition: "on 13 April 1990, forty-seven years to the day after the broadcast")
      const prev = out[out.length - 1];
      if (!next && prev?.edtf && c.relative.n > 0 && c.relative.unit !== 'weekday' && c.relative.unit !== 'day-of' && /^\s*,\s*$/.test(text.slice(prev.end, c.start)) && /\b(?:later|after)\b/i.test(base.text)) {
        const v = prev.edtf.split('/')[0]!;
        base.edtf = c.relative.unit === 'year' && !c.relative.month && !c.relative.season && !c.relative.toTheDay ? v.slice(0, 4) : c.relative.unit === 'month' && !c.relative.toTheDay ? v.slice(0, 7) : prev.edtf;
        base.anchor = prev.start;
        out.push(base);
        anchor = { edtf: base.edtf, start: c.start, end: c.end };
        continue;
      }
      if (next?.edtf) {
        const v = next.edtf.split('/')[0]!;
        base.edtf = c.relative.unit === 'year' && !c.relative.month && !c.relative.season ? v.slice(0, 4) : c.relative.unit === 'month' ? v.slice(0, 7) : next.edtf;
        base.anchor = next.start;
      } else if (a) {
        if (c.relative.unit === 'weekday') {
          const sentence = text.slice(Math.max(text.lastIndexOf('.', c.start) + 1, c.start - 200), c.end + 40);
          c.relative.season = /\b(?:will|shall|expected|by|next|until|till|coming)\b/i.test(sentence) ? 1 : -1;
        }
        if (yearUnknown(a.edtf)) {
          // (a day counted from a yearless dateline: a day of an unspecified year, when it stays in a year: "yesterday" of 17 June)
          const r = c.relative.unit === 'day' ? resolveRelative(`2001${a.edtf.slice(4)}`, c.relative) : null;
          base.edtf = r && /^2001-\d{2}-\d{2}$/.test(r) ? `XXXX${r.slice(4)}` : null;
          out.push(base);
          continue;
        }
        base.edtf = resolveRelative(a.edtf, c.relative);
        if (base.edtf && a.start >= 0) base.anchor = a.start;
      }
      out.push(base);
      if (base.edtf) anchor = { edtf: base.edtf, start: c.start, end: c.end };
      continue;
    }
    out.push(base);
  }
  return out;
}

