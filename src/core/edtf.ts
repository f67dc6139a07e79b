/**
 * A small EDTF (Extended Date/Time Format, ISO 8601-2) toolkit for what Inquiry
 * stores: YYYY, YYYY-MM, YYYY-MM-DD, unspecified digits (193X, 19XX, XXXX-06-17), qualifiers
 * (? ~ %), seasons (YYYY-21..24) and intervals (a/b, open ends '..'). `edtfBounds`
 * gives the earliest and latest calendar day a value can mean, for range filters.
 */
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9,
  октября: 10, ноября: 11, декабря: 12, январь: 1, февраль: 2, март: 3, апрель: 4, май: 5, июнь: 6,
  июль: 7, август: 8, сентябрь: 9, октябрь: 10, ноябрь: 11, декабрь: 12,
};

const SINGLE = /^(-?\d{4}|\d{3}X|\d{2}XX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?([?~%])?$/;
/** any single EDTF value, with a year wholly or all but a digit unspecified too ("XXXX-06-17": 17 June of a year a text does not give);
 *  such a value has no calendar bounds */
const SINGLE_ANY = /^(-?\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?([?~%])?$/;

export function isEdtf(s: string): boolean {
  if (s.includes('/')) {
    const [a, b] = s.split('/');
    return (a === '..' || a === '' || SINGLE_ANY.test(a ?? '')) && (b === '..' || b === '' || SINGLE_ANY.test(b ?? '')) && !(a === '' && b === '');
  }
  return SINGLE_ANY.test(s);
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function bounds1(s: string): [string, string] | null {
  const m = SINGLE.exec(s);
  if (!m) return null;
  const ys = m[1]!;
  const yLo = Number(ys.replace(/X/g, '0'));
  const yHi = Number(ys.replace(/X/g, '9'));
  const mm = m[2];
  const dd = m[3];
  if (!mm || mm === 'XX') return [`${pad(yLo, 4)}-01-01`, `${pad(yHi, 4)}-12-31`];
  const mon = Number(mm);
  if (mon >= 21 && mon <= 24) {
    // seasons (northern hemisphere): spring 21, summer 22, autumn 23, winter 24
    const lo = [3, 6, 9, 12][mon - 21]!;
    const hi = [5, 8, 11, 2][mon - 21]!;
    const yEnd = mon === 24 ? yHi + 1 : yHi;
    return [`${pad(yLo, 4)}-${pad(lo)}-01`, `${pad(yEnd, 4)}-${pad(hi)}-${pad(daysIn(yEnd, hi))}`];
  }
  if (mon < 1 || mon > 12) return null;
  if (!dd || dd === 'XX') return [`${pad(yLo, 4)}-${mm}-01`, `${pad(yHi, 4)}-${mm}-${pad(daysIn(yHi, mon))}`];
  const day = Number(dd);
  if (day < 1 || day > daysIn(yLo, mon)) return null;
  return [`${pad(yLo, 4)}-${mm}-${dd}`, `${pad(yHi, 4)}-${mm}-${dd}`];
}

/** earliest and latest ISO day an EDTF value can mean; null when not EDTF */
export function edtfBounds(s: string | null | undefined): [string, string] | null {
  if (!s) return null;
  if (s.includes('/')) {
    const [a, b] = s.split('/');
    const lo = a && a !== '..' ? bounds1(a)?.[0] : '0000-01-01';
    const hi = b && b !== '..' ? bounds1(b)?.[1] : '9999-12-31';
    return lo && hi ? [lo, hi] : null;
  }
  return bounds1(s);
}

/** Normalize a user-typed date bound ("1936", "1936-08", "1936-08-19") to EDTF, or throw. */
export function parseDateBound(s: string): string {
  const t = s.trim();
  if (isEdtf(t)) return t;
  const d = findDate(t);
  if (d) return d.edtf;
  throw new Error(`not a date: "${s}" (use YYYY, YYYY-MM or YYYY-MM-DD)`);
}

/**
 * Find a date in a line: "June 01, 2011", "27th July 2003, 12:08", "6 July 1947",
 * "1947-07-06", "27 июля 2003 г.", "July 1947", a bare year as a last resort.
 */
export function findDate(line: string, allowBareYear = false): { edtf: string; index: number; length: number } | null {
  const monthAlt = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
  const res: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
    [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => ymd(+m[1]!, +m[2]!, +m[3]!)],
    [new RegExp(`\\b(${monthAlt})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu'), (m) => ymd(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!)],
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthAlt})\\.?,?\\s+(\\d{4})`, 'iu'), (m) => ymd(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!)],
    [new RegExp(`\\b(${monthAlt})\\.?,?\\s+(\\d{4})\\b`, 'iu'), (m) => ym(+m[2]!, MONTHS[m[1]!.toLowerCase()]!)],
  ];
  for (const [re, f] of res) {
    const m = re.exec(line);
    if (m) {
      const v = f(m);
      if (v) return { edtf: v, index: m.index, length: m[0].length };
    }
  }
  if (allowBareYear) {
    const m = /\b(1[5-9]\d\d|20\d\d)\b/.exec(line);
    if (m) return { edtf: m[1]!, index: m.index, length: m[0].length };
  }
  return null;
}

function ymd(y: number, m: number, d: number): string | null {
  if (!m || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}
function ym(y: number, m: number): string | null {
  if (!m) return null;
  return `${pad(y, 4)}-${pad(m)}`;
}
