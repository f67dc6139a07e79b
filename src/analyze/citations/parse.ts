/**
 * Free-text references to CSL-JSON. Rule-based, in layers: editorial remarks, links and the
 * cited locator are taken off first; the rest is read by the shape of its punctuation, which
 * is what the styles differ in:
 *   - bibliography (Chicago, MLA, the seeds'):  Family, Given. Title. Place: Publisher, Year.
 *   - notes (Chicago):                          Given Family, Title (Place: Publisher, Year), 112.
 *   - author-date (APA, Harvard):               Family, G. (Year). Title. Publisher.
 *   - articles:                                 Family, "Title," Journal 12, no. 3 (1998): 45–67.
 *   - newspapers:                               "Title," New York Times, March 3, 1938, p. 1.
 *   - Russian (GOST):                           Медведев Р. А. Title. — М.: Прогресс, 1990. — С. 45.
 * Years inside titles ("1937: Year of Terror") stay in the title: a date is read only where
 * the shape puts one (after the publisher, in the author-date parentheses, at the end).
 */

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  type: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  title?: string;
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  edition?: string;
  publisher?: string;
  'publisher-place'?: string;
  issued?: { 'date-parts': number[][]; literal?: string };
  URL?: string;
  DOI?: string;
  accessed?: { 'date-parts': number[][] };
}

export interface ParsedReference {
  csl: CslItem | null;
  /** the cited place in the work, as written ("263-265", "163-64", "130") */
  locator: string | null;
  /** editorial remarks in square brackets, verbatim, without the brackets */
  remarks: string[];
  /** "Ibid." (refers to the previous reference) or "op. cit." (to the author's earlier one) */
  ibid: boolean;
  opCit: boolean;
  /** which shape was read */
  shape: 'bibliography' | 'note' | 'author-date' | 'article' | 'newspaper' | 'gost' | 'prose' | 'ibid' | 'bare';
}

const RE_CACHE = new Map<string, RegExp>();
/** a compiled pattern, built once (the sources are constants; none uses the g flag) */
function re(source: string, flags = ''): RegExp {
  const k = flags + '/' + source;
  let r = RE_CACHE.get(k);
  if (!r) RE_CACHE.set(k, (r = new RegExp(source, flags)));
  return r;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};
const MONTH_RE = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** a date as written → CSL date-parts (year, month, day as given) */
export function parseDate(s: string): { 'date-parts': number[][] } | null {
  // "22nd January, 1937", "August, 1936", "Jan. 1, 1989"
  const t = s.trim().replace(/^(\d{1,2})(?:st|nd|rd|th)\b/, '$1').replace(/^([\p{L}]+\.?),\s+(\d{4})$/u, '$1 $2').replace(/^(\d{1,2}\s+[\p{L}]+\.?),\s+(\d{4})$/u, '$1 $2');
  let m = re(`^(${MONTH_RE})\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i').exec(t);
  if (m) return { 'date-parts': [[Number(m[3]), MONTHS[(m[1] as string).toLowerCase().replace('.', '')] ?? 1, Number(m[2])]] };
  m = re(`^(\\d{1,2})\\s+(${MONTH_RE}|[а-яё]+)\\s+(\\d{4})(?:\\s*г\\.)?$`, 'i').exec(t);
  if (m && MONTHS[(m[2] as string).toLowerCase().replace('.', '')]) return { 'date-parts': [[Number(m[3]), MONTHS[(m[2] as string).toLowerCase().replace('.', '')]!, Number(m[1])]] };
  m = re(`^(${MONTH_RE})\\s+(\\d{4})$`, 'i').exec(t);
  if (m) return { 'date-parts': [[Number(m[2]), MONTHS[(m[1] as string).toLowerCase().replace('.', '')] ?? 1]] };
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (m) return { 'date-parts': [m[3] ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[1]), Number(m[2])]] };
  m = /^(?:c\.?\s?|ca\.\s?|©)?(\d{4})[a-z]?$/.exec(t);
  if (m) return { 'date-parts': [[Number(m[1])]] };
  return null;
}

const YEAR = '(?:c\\.?\\s?|©)?(?:1[5-9]\\d\\d|20\\d\\d)[a-z]?';
const DATE_ANY = `(?:${MONTH_RE}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTH_RE}|[а-яё]+)\\s+\\d{4}|${MONTH_RE}\\s+\\d{4}|\\d{4}-\\d{2}(?:-\\d{2})?|${YEAR}|n\\.\\s?d\\.)`;

const NEWSPAPER_WORDS = /\b(?:Times|Post|Tribune|Herald|Gazette|Daily|News|Journal|Chronicle|Guardian|Telegraph|Observer|Pravda|Izvestia|Izvestiya|Zeitung|Le Monde|Le Temps|Humanité|Worker|Nation|Republic|Mercury|Star|Express|Mail|Sun|Inquirer|Monitor|Bulletin|Правда|Известия)\b/;

function clean(s: string | undefined | null): string | undefined {
  if (s === undefined || s === null) return undefined;
  const t = s
    .trim()
    .replace(/^[*_]+(.+?)[*_]+$/, '$1') // Markdown emphasis around a title
    .replace(/^[,;:.\s]+/, '')
    .replace(/[,;:\s]+$/, '')
    .replace(/(?<![A-Z]|\b(?:ed|eds|vol|no|Inc|Co|Ltd|Jr|Sr|St|Univ|trans))\.$/, '')
    .trim();
  return t === '' ? undefined : t;
}

function unquote(s: string): string {
  return s.replace(/^["“”«'‘]+/, '').replace(/["“”»'’]+$/, '').replace(/[,.]$/, '').replace(/["“”»'’]+$/, '').trim();
}

/** "Getty, J. Arch, and Oleg V. Naumov" / "Getty & Naumov" / "Medvedev, Roy & Zhores Medvedev" / "Robert Conquest" */
export function parseNames(s: string, invertedFirst: boolean): CslName[] {
  let t = s.trim().replace(/\s+/g, ' ').replace(/[.,;]+$/, '');
  if (!t) return [];
  const etAl = /,?\s+(?:et al\.?|and others|и др\.?)$/i.test(t);
  t = t.replace(/,?\s+(?:et al\.?|and others|и др\.?)$/i, '');
  // split on & / and / ; ; "Family, Given, and Given Family"
  const parts = t.split(/\s*(?:;|&|\band\b|\bи\b)\s*/).map((x) => x.trim().replace(/^,\s*|,\s*$/g, '')).filter(Boolean);
  const out: CslName[] = [];
  parts.forEach((p, i) => {
    // APA lists: "Getty, J. A., Naumov, O. V." → pairs
    const apa = p.match(/(\p{Lu}[\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)*), ((?:\p{Lu}\.\s?(?:-\p{Lu}\.)?\s?)+)/gu);
    if (apa && apa.length > 1 && apa.join(', ').length >= p.length - 2) {
      for (const a of apa) out.push(personName(a, true));
      return;
    }
    out.push(personName(p, invertedFirst && i === 0 ? true : p.includes(',')));
  });
  void etAl; // "et al." is not a name: CSL has no place for it
  return out;
}

const CORPORATE = /\b(?:Committee|Commission|Party|Union|Institute|University|Society|Association|Bureau|Council|Ministry|Commissariat|Office|Department|Press|Court|Government|Congress|Library|Archive|Academy|Agency|League|Centre|Center|Board|Service)\b/;

function personName(s: string, inverted: boolean): CslName {
  const t = s.trim().replace(/[.,]+$/, (m) => (/\p{Lu}\.$/u.test(s.trim()) ? '.' : ''));
  if (CORPORATE.test(t) && !/,/.test(t)) return { literal: t };
  if (inverted && t.includes(',')) {
    const [family, ...rest] = t.split(',');
    let given = rest.join(',').trim();
    if (/(?:^|\s)\p{Lu}$/u.test(given)) given += '.'; // "O. V" lost its last period to the list
    return given ? { family: (family as string).trim(), given } : { family: (family as string).trim() };
  }
  // Russian "Медведев Р. А." (family, then initials)
  const ru = /^(\p{Lu}[\p{Ll}-]+)\s+((?:\p{Lu}\.\s?)*\p{Lu}\.?)$/u.exec(t);
  if (ru) {
    const g = (ru[2] as string).trim();
    return { family: ru[1] as string, given: /\.$/.test(g) ? g : g + '.' };
  }
  const words = t.split(' ');
  if (words.length === 1) return { family: t };
  // particles go with the family name: "Marinus van der Lubbe"
  let k = words.length - 1;
  while (k > 1 && /^(?:van|von|der|de|del|della|di|du|la|le|ter|den)$/.test(words[k - 1] as string)) k--;
  return { given: words.slice(0, k).join(' '), family: words.slice(k).join(' ') };
}

/** editors / translators marked in a name string: "ed.", "eds.", "(Eds.)", "edited by", "trans." */
function roleOf(s: string): { role: 'author' | 'editor' | 'translator'; names: string } {
  let t = s.trim();
  if (/^(?:edited by|ed\. by|eds?\.)\s+/i.test(t)) return { role: 'editor', names: t.replace(/^(?:edited by|ed\. by|eds?\.)\s+/i, '') };
  if (/^(?:translated by|trans\.(?: by)?|tr\.)\s+/i.test(t)) return { role: 'translator', names: t.replace(/^(?:translated by|trans\.(?: by)?|tr\.)\s+/i, '') };
  const ed = /,?\s*\(?(?:eds?|Eds?|editors?|Hg|Hrsg|ред)\.?\)?\.?$/.exec(t);
  if (ed) return { role: 'editor', names: t.slice(0, ed.index) };
  const tr = /,?\s*\(?(?:trans|transl|tr)\.?\)?\.?$/.exec(t);
  if (tr) return { role: 'translator', names: t.slice(0, tr.index) };
  return { role: 'author', names: t };
}

/** "Place: Publisher, Year" / "Place : Publisher" / "Publisher, Year" */
function publication(s: string, item: CslItem): string {
  let t = s.trim().replace(/\.$/, '');
  const dm = re(`(?:,|\\.|\\s)\\s*(${DATE_ANY})\\.?$`, 'i').exec(t);
  if (dm) {
    const d = parseDate(dm[1] as string);
    if (d) item.issued = d;
    else if (/n\.\s?d\./.test(dm[1] as string)) item.issued = { 'date-parts': [], literal: 'n.d.' };
    t = t.slice(0, dm.index).trim();
  } else if (re(`^(${DATE_ANY})$`, 'i').test(t)) {
    const d = parseDate(t);
    if (d) item.issued = d;
    return '';
  }
  const colon = /^([^:]{2,80}?)\s?:\s*(.+)$/.exec(t);
  if (colon) {
    item['publisher-place'] = clean(colon[1]);
    item.publisher = clean(colon[2]);
    return '';
  }
  return t;
}

function setNames(item: CslItem, raw: string, invertedFirst: boolean): void {
  // several role groups: "Robert Conquest, ed., trans. by X"
  const segs = raw.split(/;\s*(?=(?:ed|trans|edited|translated)\b)/i);
  for (const seg of segs) {
    const { role, names } = roleOf(seg);
    const list = parseNames(names, invertedFirst);
    if (list.length) item[role] = [...(item[role] ?? []), ...list];
  }
}

const LOCATOR_RE = /(?:^|[,.;:]|\s)\s*(?:pp?\.|pages?|S\.|С\.|c\.|стр\.)?\s*([\divxlcIVXLC]+(?:\s*[-–—]\s*[\divxlc]+)?)\.?\s*$/;

/** "p. 45", ", pp. 12-14", "45" → the locator as written */
function locatorOf(s: string): string | null {
  const m = LOCATOR_RE.exec(s.trim());
  return m ? (m[1] as string).replace(/\s*([-–—])\s*/g, '$1') : null;
}

/** parse one reference */
export function parseReference(input: string): ParsedReference {
  let s = input.replace(/\s+/g, ' ').trim();
  const out: ParsedReference = { csl: null, locator: null, remarks: [], ibid: false, opCit: false, shape: 'bare' };
  // markup left in the text (<u>…</u>, *…*, _…_)
  s = s.replace(/<\/?(?:u|i|b|em|strong|cite)>/gi, '').replace(/(^|[\s(])[*_]+(?=\S)|(?<=\S)[*_]+(?=[\s,.;:)]|$)/g, '$1').trim();
  // note numbers and markers: "12. ", "(3) ", "[4] ", "↑ ", "↑ 1.0 1.1 ", "^ a b "
  s = s.replace(/^(?:\(?\d{1,4}[.)]\s+|\[\d{1,4}\]\s*|↑(?:\s+\d+\.\d+)*\s*|\^\s*(?:[a-z]\s+)*)/, '');
  // editorial remarks in brackets (not footnote numbers)
  s = s.replace(/\s*\[([^\]]*[^\d\]\s][^\]]*)\]\s*/g, (_m, r: string) => {
    out.remarks.push(r.trim());
    return ' ';
  }).replace(/\s+([.,;:])/g, '$1').trim();
  // Ibid. / op. cit.
  const ib = /^(?:ibid|ibidem|там же)\.?,?\s*(.*)$/i.exec(s);
  if (ib) {
    out.ibid = true;
    out.shape = 'ibid';
    out.locator = locatorOf(ib[1] as string) ?? (clean(ib[1]) ?? null);
    return out;
  }
  const item: CslItem = { type: 'book' };
  // links and access dates
  s = s.replace(/\s*\(?(?:accessed|retrieved|viewed|дата обращения:?)\s+([^)]*?)\)?(?=[.,]?\s*$|[.,]\s)/i, (_m, d: string) => {
    const pd = parseDate(d.replace(/[.,]$/, ''));
    if (pd) item.accessed = pd;
    return '';
  });
  s = s.replace(/\s*(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/\S+?)[.,]?(?=\s|$)/i, (_m, d: string) => {
    item.DOI = d;
    return '';
  });
  s = s.replace(/\s*(?:URL:?\s*|<)?(https?:\/\/[^\s>]+?)>?[.,]?(?=\s|$)/i, (_m, u: string) => {
    item.URL = u;
    return '';
  }).trim();
  s = s.replace(/,?\s*ISBN(?:-1[03])?[\s:]*[\dXx-]{10,17}/g, '').trim();
  // the cited locator at the end: ", p. 263-265" / "pp. 12–14" / "page 130" / "— С. 45" / note form "…1968), 112."
  const loc = /(?:[,.;:]|\s—|\s)\s*(?:[Pp][Pp]?\.|pages?|S\.|С\.|c\.|стр\.)\s*([\divxlcIVXLC]+(?:\s*[-–—]\s*[\divxlc]+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*)\.?\s*$/.exec(s);
  if (loc) {
    out.locator = (loc[1] as string).replace(/\s*([-–—])\s*/g, '$1');
    s = s.slice(0, loc.index).trim();
  } else {
    // (the parenthesis must hold the imprint: "48(8), 1319–1353" is a journal's issue and pages)
    const noteLoc = /\([^()]*\d{4}[^()]*\),\s*(\d+(?:[-–]\d+)?)\.?$/.exec(s);
    if (noteLoc) {
      out.locator = noteLoc[1] as string;
      s = s.slice(0, noteLoc.index + noteLoc[0].indexOf('),') + 1).trim();
    }
  }
  s = s.replace(/[.,;]\s*$/, '').trim();

  // op. cit.: "Conquest, op. cit., 112"
  const oc = /^(.*?),?\s*(?:op\.\s?cit\.?|loc\.\s?cit\.?|цит\. соч\.?)\s*,?\s*(.*)$/i.exec(s);
  if (oc) {
    out.opCit = true;
    out.shape = 'ibid';
    if (oc[1]) setNames(item, oc[1], true);
    if (!out.locator) out.locator = clean(oc[2]) ?? null;
    out.csl = item;
    return out;
  }

  // GOST: "Медведев Р. А. О Сталине и сталинизме. — М.: Прогресс, 1990"
  if (/\s—\s/.test(s) && /[\u0400-\u04ff]/.test(s)) {
    out.shape = 'gost';
    const [head, ...tail] = s.split(/\s+—\s+/);
    const hm = /^(\p{Lu}[\p{Ll}-]+\s+(?:\p{Lu}\.\s?)+)(.*)$/u.exec(head as string);
    if (hm) {
      setNames(item, hm[1] as string, false);
      item.title = clean(hm[2]);
    } else item.title = clean(head);
    for (const t of tail) {
      if (/^\d+\s*с\.?$/.test(t)) continue;
      const rest = publication(t, item);
      if (rest && !item.publisher) item['collection-title'] = clean(rest);
    }
    out.csl = item;
    return out;
  }

  // articles and chapters with a quoted title: Author, "Title," Container …
  const q = /^(.*?)[,.]?\s*["“]([^"”]+)["”][,.]?\s*(.*)$/.exec(s);
  const namesLike = (x: string) => x === '' || (x.split(/\s+/).length <= 12 && !/\d|:/.test(x) && !/\.\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(x));
  if (q && (q[2] as string).length > 3 && namesLike((q[1] as string).trim())) {
    out.shape = 'article';
    if (q[1]) setNames(item, q[1], true);
    item.title = unquote(q[2] as string);
    let rest = (q[3] as string).trim();
    const thesis = /^(?:PhD|Ph\.D\.|MA|M\.A\.|Doctoral)\s+(?:diss\.|dissertation|thesis)[,.]?\s*(.*)$/i.exec(rest);
    if (thesis) {
      item.type = 'thesis';
      const r = publication(thesis[1] as string, item);
      if (r) item.publisher = clean(r);
      else if (item['publisher-place'] && !item.publisher) item.publisher = item['publisher-place'];
      out.csl = item;
      return out;
    }
    if (/^in\s+/i.test(rest)) {
      // chapter: In Container, edited by X (Place: Publisher, Year), 12–34.
      item.type = 'chapter';
      rest = rest.replace(/^in\s+/i, '');
      // Chicago bibliography: "In Container, edited by X, 261–74. Place: Publisher, Year"
      const imprint = /^(.*?\d+\s*[-–]\s*\d+)\.\s+(\p{Lu}.*)$/u.exec(rest);
      if (imprint && !/\(/.test(rest)) {
        publication(imprint[2] as string, item);
        rest = imprint[1] as string;
      }
      const pages = /,?\s*(\d+\s*[-–]\s*\d+)\.?$/.exec(rest);
      if (pages) {
        item.page = (pages[1] as string).replace(/\s/g, '');
        rest = rest.slice(0, pages.index);
      }
      const paren = /\(([^()]*)\)\s*$/.exec(rest);
      if (paren) {
        publication(paren[1] as string, item);
        rest = rest.slice(0, paren.index).trim();
      }
      const tr = /,?\s*(?:translated by|trans\.)\s+(.*)$/i.exec(rest);
      if (tr) {
        item.translator = parseNames(tr[1] as string, false);
        rest = rest.slice(0, tr.index);
      }
      const ed = /,?\s*(?:edited by|ed\.|eds\.)\s+(.*)$/i.exec(rest);
      if (ed) {
        setNames(item, 'ed. ' + (ed[1] as string), false);
        rest = rest.slice(0, ed.index);
      }
      item['container-title'] = clean(rest);
    } else {
      // journal: Container 12, no. 3 (1998): 45–67  |  Container, 12(3), 45–67  |  newspaper: Container, March 3, 1938
      // MLA: "Container, vol. 43, no. 3, 1991, pp. 553–74"  |  "Container, edited by X, Publisher, 1965, pp. 653–68"
      const mla = re(`^(.+?),\\s*vol\\.\\s*(\\w+)(?:,\\s*no\\.\\s*([\\w–-]+))?(?:,\\s*(${DATE_ANY}))?(?:,\\s*pp?\\.\\s*(\\d+\\s*[-–]\\s*\\d+))?$`, 'u').exec(rest);
      const mlaChapter = /^(.+?),\s*edited by\s+(.+?),\s*([^,]+(?:,\s*(?:Inc|Ltd|Co)\.?)?),\s*(\d{4})(?:,\s*pp?\.\s*(\d+\s*[-–]\s*\d+))?$/.exec(rest);
      if (mla || mlaChapter) {
        if (mla) {
          item.type = 'article-journal';
          item['container-title'] = clean(mla[1]);
          item.volume = mla[2];
          if (mla[3]) item.issue = mla[3];
          if (mla[4]) {
            const d = parseDate(mla[4]);
            if (d) item.issued = d;
          }
          if (mla[5]) item.page = (mla[5] as string).replace(/\s/g, '');
        } else if (mlaChapter) {
          item.type = 'chapter';
          item['container-title'] = clean(mlaChapter[1]);
          item.editor = parseNames((mlaChapter[2] as string).replace(/\s+et al\.?$/, ''), false);
          item.publisher = clean(mlaChapter[3]);
          const d = parseDate(mlaChapter[4] as string);
          if (d) item.issued = d;
          if (mlaChapter[5]) item.page = (mlaChapter[5] as string).replace(/\s/g, '');
        }
        if (!item.page && out.locator && /[-–]/.test(out.locator)) {
          item.page = out.locator;
          out.locator = null;
        }
        out.csl = item;
        return out;
      }
      const withMonth = re(`[,.]?\\s*\\(?((?:${MONTH_RE}\\s+\\d{1,2},?\\s+\\d{4})|(?:\\d{1,2}\\s+${MONTH_RE}\\s+\\d{4})|(?:${MONTH_RE}\\s+\\d{4}))\\)?\\.?$`, 'i').exec(rest);
      const j = withMonth ? null : /^(.+?)\s*,?\s+(\d+)(?:,?\s*no\.\s*(\d+)|\s*\((\d+)\))?\s*(?:\(([^)]+)\))?\s*[:,]\s*(\d+(?:\s*[-–]\s*\d+)?)\.?$/.exec(rest);
      if (j) {
        item.type = 'article-journal';
        item['container-title'] = clean(j[1]);
        item.volume = j[2];
        if (j[3] || j[4]) item.issue = (j[3] ?? j[4]) as string;
        if (j[5]) {
          const d = parseDate(j[5]);
          if (d) item.issued = d;
        }
        item.page = (j[6] as string).replace(/\s/g, '');
      } else {
        const dm = re(`^(.*?)[,.]?\\s*\\(?(${DATE_ANY})\\)?\\.?$`, 'i').exec(rest);
        if (dm) {
          const d = parseDate(dm[2] as string);
          if (d) item.issued = d;
          rest = (dm[1] as string).trim();
        }
        item['container-title'] = clean(rest);
        item.type = NEWSPAPER_WORDS.test(rest) || (item.issued?.['date-parts'][0]?.length ?? 0) >= 3 ? 'article-newspaper' : rest ? 'article-journal' : 'article';
        if (item.type === 'article-newspaper') out.shape = 'newspaper';
      }
    }
    out.csl = item;
    return out;
  }

  // author-date: Family, G. (1990). Title. Place: Publisher.  |  Family, G. 1990. Title.
  const ad = re(`^(.+?)[,.]?\\s*\\((${YEAR}|n\\.\\s?d\\.)\\)[.,]?\\s+(.+)$`).exec(s) ?? re(`^((?:\\p{Lu}[\\p{L}'’-]+, (?:\\p{Lu}\\.\\s?)+(?:,? (?:&|and) )?)+)\\s*(${YEAR})\\.\\s+(.+)$`, 'u').exec(s);
  if (ad && !/\d{4}/.test(ad[1] as string)) {
    out.shape = 'author-date';
    setNames(item, ad[1] as string, true);
    const d = parseDate(ad[2] as string);
    if (d) item.issued = d;
    // APA's parenthetical after the title: "(B. Sher, Trans.)", "(2nd ed.)", "(G. Shriver, Ed. & Trans.; Rev. ed.)"
    let body = (ad[3] as string).replace(/\s*\(([^()]*(?:Trans\.|Eds?\.|ed\.)[^()]*)\)/, (_m, inner: string) => {
      for (const part of inner.split(/;\s*/)) {
        const e = /^(\d+\w*|Rev\.|Revised)\s+ed\.$/i.exec(part.trim());
        if (e) {
          item.edition = (e[1] as string).replace(/\.$/, '');
          continue;
        }
        const r = /^(.+?),\s*((?:Eds?|Trans)\.(?:\s*&\s*(?:Eds?|Trans)\.)?)$/.exec(part.trim());
        if (r) {
          const names = parseNames(r[1] as string, false);
          if (/Ed/.test(r[2] as string)) item.editor = names;
          if (/Trans/.test(r[2] as string)) item.translator = names;
        }
      }
      return '';
    });
    // theses: "[Doctoral dissertation, Boston College]"
    body = body.replace(/\s*\[(?:Doctoral dissertation|Master['’]s thesis|PhD thesis)[^\]]*\]/i, () => {
      item.type = 'thesis';
      return '';
    });
    // Harvard: 'Title', Journal, 38(1), pp. 24–35  |  'Title', in Editors (eds) Container. Place: Publisher
    const hq = /^['‘"“](.+?)['’"”],\s*(.*)$/.exec(body);
    if (hq) {
      item.title = clean(hq[1]);
      let rest = (hq[2] as string).trim();
      if (/^in\s/i.test(rest)) {
        item.type = 'chapter';
        rest = rest.replace(/^in\s+/i, '');
        const ed = /^(.+?)\s*\((?:eds?|Eds?)\.?\)\s*(.*)$/.exec(rest);
        if (ed) {
          item.editor = parseNames(ed[1] as string, true);
          rest = ed[2] as string;
        }
        const [cont, ...imp] = rest.split(/\.\s+(?=\p{Lu})/u);
        item['container-title'] = clean(cont);
        if (imp.length) publication(imp.join('. '), item);
        if (out.locator && /[-–]/.test(out.locator)) {
          item.page = out.locator;
          out.locator = null;
        }
      } else {
        const j = /^(.+?),\s*(\d+)(?:\(([\d–-]+)\))?(?:,\s*(?:pp?\.\s*)?(\d+\s*[-–]\s*\d+))?$/.exec(rest);
        if (j) {
          item.type = 'article-journal';
          item['container-title'] = clean(j[1]);
          item.volume = j[2];
          if (j[3]) item.issue = j[3];
          if (j[4]) item.page = (j[4] as string).replace(/\s/g, '');
        } else item['container-title'] = clean(rest);
        if (!item.page && out.locator && /[-–]/.test(out.locator)) {
          item.page = out.locator;
          out.locator = null;
        }
        if (!item.type || item.type === 'book') item.type = 'article-journal';
      }
      out.csl = item;
      return out;
    }
    // "Translated by M. Eastman." and "(Series Name)" after the publisher
    body = body.replace(/\.\s+(?:Translated|Edited) by ([^.]+(?:\.\s?\p{Lu}\.)*[^.]*)\.(?=\s)/u, (m, names: string) => {
      const list = parseNames(names, false);
      if (/^\.\s+Translated/.test(m)) item.translator = list;
      else item.editor = list;
      return '.';
    });
    body = body.replace(/\s*\(([^()]+)\)\.?$/, (_m, series: string) => {
      item['collection-title'] = series.trim();
      return '';
    });
    // the title ends at the first ". " (or "? ", "! ") before a capital or a digit
    const cut = /\.\s+(?=\p{Lu}|\d)|(?<=[?!])\s+(?=\p{Lu})/u.exec(body);
    item.title = clean(cut ? body.slice(0, cut.index) : body);
    const rest = cut ? body.slice(cut.index + cut[0].length) : '';
    if (rest) {
      const j = /^(.+?),\s*(\d+)(?:\((\d+)\))?,\s*(\d+(?:\s*[-–]\s*\d+)?)$/.exec(rest);
      if (j) {
        item.type = 'article-journal';
        item['container-title'] = clean(j[1]);
        item.volume = j[2];
        if (j[3]) item.issue = j[3];
        item.page = (j[4] as string).replace(/\s/g, '');
      } else {
        const r = publication(rest, item);
        if (r) item.publisher = clean(r);
      }
    }
    out.csl = item;
    return out;
  }

  // notes: Given Family, Title (Place: Publisher, Year)
  const nt = /^(.+?),\s+(.+?)\s*\(([^()]*(?:\d{4}|n\.\s?d\.)[^()]*)\)$/.exec(s);
  if (nt && !/^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{Ll}]+\.?$/u.test((nt[1] as string) + ',')) {
    out.shape = 'note';
    setNames(item, nt[1] as string, false);
    const t = (nt[2] as string).trim();
    const ed = /,\s*(?:ed\.|edited by)\s+(.+)$/i.exec(t);
    if (ed) {
      setNames(item, 'ed. ' + (ed[1] as string), false);
      item.title = clean(t.slice(0, ed.index));
    } else item.title = clean(t);
    publication(nt[3] as string, item);
    out.csl = item;
    return out;
  }

  // prose: "Conquest's The Great Terror (1968)", "Memoirs of a Revolutionary (1951)",
  // "Sally J. Taylor, the author of Stalin's Apologist: Walter Duranty (1990)"
  const pr = re(`^(?:(\\p{Lu}[\\p{L}'’-]+)['’]s\\s+|((?:\\p{Lu}[\\p{L}.'’-]*\\s)+\\p{Lu}[\\p{L}'’-]+),\\s+(?:the\\s+)?(?:author|editor)\\s+of\\s+)?(.+?)\\s*\\((${YEAR})\\)$`, 'u').exec(s);
  if (pr && (!/[.]\s/.test(pr[3] as string) || pr[2])) {
    out.shape = 'prose';
    if (pr[1]) item.author = [{ family: pr[1] }];
    else if (pr[2]) item.author = parseNames(pr[2], false);
    item.title = clean(pr[3]);
    const d = parseDate(pr[4] as string);
    if (d) item.issued = d;
    out.csl = item;
    return out;
  }
  // notes without parentheses: "Robert Conquest, Stalin and the Kirov Murder, 1 Jan. 1989"
  const nc = re(`^(?:(?:Professor|Prof\\.|Dr\\.?|Sir)\\s+)?((?:\\p{Lu}[\\p{L}.'’-]*\\s)+\\p{Lu}[\\p{L}'’-]+),\\s+([^,]+?)(?:,\\s*(${DATE_ANY}))?$`, 'u').exec(s);
  if (nc && !/,/.test(nc[1] as string) && (nc[3] || !/\.\s/.test(s)) && (nc[1] as string).split(' ').length <= 4) {
    out.shape = 'note';
    item.author = parseNames(nc[1] as string, false);
    item.title = clean(nc[2]);
    if (nc[3]) {
      const d = parseDate((nc[3] as string).replace(/(\p{L})\.(?=\s)/u, '$1'));
      if (d) item.issued = d;
    }
    out.csl = item;
    return out;
  }

  // bibliography: Family, Given. Title. [Vol. 3.] [2nd ed.] Place: Publisher, Year.
  out.shape = 'bibliography';
  s = s.replace(/(?:^|\.\s+)((?:\d+(?:st|nd|rd|th)|Second|Third|Fourth|Revised|Rev\.|New|Expanded)(?:[^.]{0,30}?)?)\s+ed(?:ition)?\.(?=\s+\p{Lu})/u, (m, e: string) => {
    item.edition = e.trim().replace(/^(\d+)(?:st|nd|rd|th)$/, '$1');
    return m.startsWith('.') ? '.' : '';
  });
  // "Koenker and Bachman, Eds. Title…" / "Talbott, Strobe, ed. & trans. Title…" / "Shabad, Steven, trans. Title…"
  const role = /^(.+?),\s*((?:[Ee]ds?|[Tt]rans)\.?(?:\s*(?:&|and)\s*(?:[Tt]rans|[Ee]d)\.)?|translator|editors?)\s+(\p{Lu}.*)$/u.exec(s);
  if (role && !/\.\s/.test((role[1] as string).replace(/(?:^|\s)(?:\p{Lu}\.)+/gu, ''))) {
    const names = parseNames(role[1] as string, true);
    const r = (role[2] as string).toLowerCase();
    if (/(?:^|\s)ed/.test(r)) item.editor = names;
    if (r.includes('trans')) item.translator = names;
    s = role[3] as string;
    const segs0 = splitSentences(s);
    item.title = clean(segs0[0]);
    s = segs0.slice(1).join('. ');
  }
  const segs = s ? splitSentences(s) : [];
  let i = 0;
  if (item.title) i = 0;
  if (segs.length > 1 && !item.title) {
    let first = segs[0] as string;
    // "Campbell, J. R. Soviet Policy and Its Critics": the names end with an initial, the title follows
    const initEnd = /^(\p{Lu}[\p{L}'’-]+, (?:[\p{Lu}][\p{L}'’-]*\.?\s)*\p{Lu}\.)\s+(\p{Lu}[\p{L}'’-]+(?!\.).*)$/u.exec(first);
    // (not "Getty, J. Arch, and Oleg V. Naumov": a given name after the initial, then more names)
    if (initEnd && !/^\p{Lu}[\p{L}'’-]*,\s+(?:and|&)\s/u.test(initEnd[2] as string)) {
      segs.splice(0, 1, initEnd[1] as string, initEnd[2] as string);
      first = initEnd[1] as string;
    }
    // "Getty & Naumov, The Road to Terror" / "Ciliga, Ante, The Russian Enigma": names then title after a comma
    const nameComma = /^((?:\p{Lu}[\p{L}'’-]+(?:, (?:\p{Lu}[\p{L}'’-]*\.?\s?)+)?)(?:\s*(?:&|and)\s*\p{Lu}[\p{L}'’-]+)*),\s+(\p{Lu}.*)$/u.exec(first);
    if (/^\p{Lu}[\p{L}'’-]+, /u.test(first) || /&| and /.test(first)) {
      const twoCommas = /^(\p{Lu}[\p{L}'’-]+, \p{Lu}[\p{L}.'’ -]+?), (\p{Lu}.+)$/u.exec(first);
      if (twoCommas && !/^(?:\p{Lu}\.\s?)+$/u.test((twoCommas[2] as string).trim())) {
        setNames(item, twoCommas[1] as string, true);
        item.title = clean(twoCommas[2]);
        i = 1;
      } else if (nameComma && /&| and /.test(nameComma[1] as string) && !/,/.test((nameComma[1] as string).replace(/, (?:\p{Lu}\.\s?)+/gu, ''))) {
        setNames(item, nameComma[1] as string, true);
        item.title = clean(nameComma[2]);
        i = 1;
      } else {
        setNames(item, first, true);
        i = 1;
      }
    }
  }
  const rest = segs.slice(i);
  if (!item.title && rest.length) item.title = clean(rest.shift());
  // "Title, 2001" with nothing after: the year is the date
  if (item.title && rest.length === 0 && !item.issued) {
    const ty = re(`^(.*?),\\s*(${YEAR})$`).exec(item.title);
    if (ty) {
      item.title = clean(ty[1]);
      item.issued = parseDate(ty[2] as string) ?? undefined;
      if (!item.issued) delete item.issued;
    }
  }
  // a bare year as the last element ("… Arms and Armour Press. 1997")
  const lastSeg = rest[rest.length - 1];
  if (lastSeg && rest.length > 1) {
    const d = parseDate(lastSeg.trim());
    if (d) {
      item.issued = d;
      rest.pop();
    }
  }
  for (const seg of rest) {
    const t = seg.trim();
    let m: RegExpExecArray | null;
    if ((m = /^vol\.?\s*(\w+)$/i.exec(t))) item.volume = m[1];
    else if ((m = /^(\d+)(?:st|nd|rd|th)\s+ed(?:ition)?\.?$/i.exec(t)) || (m = /^(\w+) edition$/i.exec(t))) item.edition = m[1];
    else if ((m = /^(Translated|Edited) by (.+?),\s+(\p{Lu}.*\d{4}.*)$/u.exec(t))) {
      // MLA: "Translated by Nora Seligman Favorov, Yale UP, 2015"
      const names = parseNames((m[2] as string).replace(/\s+with\s+/g, ' and '), false);
      if (m[1] === 'Translated') item.translator = names;
      else item.editor = names;
      const r = publication(m[3] as string, item);
      if (r && !item.publisher) item.publisher = clean(r);
    } else if (/^(?:edited by|ed\.|eds\.|translated by|trans\.)\s/i.test(t)) setNames(item, t, false);
    else if (!item.publisher) {
      const r = publication(t, item);
      if (r) {
        // "London, Arms and Armour Press. 1997": place, publisher without a colon
        const pc = /^([^,]+),\s*(.+)$/.exec(r);
        if (pc && /^\p{Lu}[\p{L} .]+$/u.test(pc[1] as string) && !item.publisher && item.issued) {
          item['publisher-place'] = clean(pc[1]);
          item.publisher = clean(pc[2]);
        } else if (!item.publisher && item.issued) item.publisher = clean(r);
        else if (!item['container-title'] && !item.issued) item['collection-title'] = clean(r);
      }
    } else if (!item.issued) {
      const d = parseDate(t);
      if (d) item.issued = d;
    }
  }
  if (!item.issued) {
    // a bare year after the title: "Brar, Harpal. Trotskyism or Leninism. 1993"
    const last = segs[segs.length - 1];
    const d = last ? parseDate(last.trim()) : null;
    if (d) item.issued = d;
  }
  out.csl = item;
  return out;
}

/** split at ". " between elements (not after initials or abbreviations) */
function splitSentences(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  const parts = s.split(/(\.\s+)/);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (/^\.\s+$/.test(p)) {
      const prev = cur.trim();
      const lastWord = prev.split(/[\s(]/).pop() ?? '';
      // initials ("J.", "A. L."), abbreviations ("Univ", "Vol", "ed", "Inc"), ordinals
      if (/^(?:(?:\p{Lu}\.)*\p{Lu}|Univ|Vol|vol|ed|eds|Eds|Inc|Co|Ltd|Jr|Sr|St|Mt|Dr|Mr|Mrs|Rev|Conn|Mass|Calif|Ill|Mich|N\.Y|D\.C|no|No|pp?|trans|Vic|Bros)$/u.test(lastWord)) {
        cur += p;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += p;
  }
  if (cur.trim()) out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}
