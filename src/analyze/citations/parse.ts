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
  /** absent only where the text cannot tell (an in-text citation: "Getty & Naumov, 1999, p. 110") */
  type?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  title?: string;
  'container-title'?: string;
  'collection-title'?: string;
  /** the title in the original language, where the reference gives it (GOST's parallel title after "=") */
  'original-title'?: string;
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
  /** archival references: the holding archive and the place in it (fond, opis, delo; box, folder) */
  archive?: string;
  archive_location?: string;
  recipient?: CslName[];
  'event-title'?: string;
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
  shape: 'bibliography' | 'note' | 'author-date' | 'article' | 'newspaper' | 'gost' | 'prose' | 'ibid' | 'archival' | 'bare';
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
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};
const MONTH_RE = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|Januar|J[äa]nner|Februar|M[äa]rz|Juni|Juli|Oktober|Dezember)\\.?';

/** a date as written → CSL date-parts (year, month, day as given) */
export function parseDate(s: string): { 'date-parts': number[][] } | null {
  // "22nd January, 1937", "August, 1936", "Jan. 1, 1989"
  const t = s.trim().replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/g, '$1').replace(/^(\d{1,2})\.\s+(?=\p{L})/u, '$1 ').replace(/^([\p{L}]+\.?),\s+(\d{4})$/u, '$1 $2').replace(/^(\d{1,2}\s+[\p{L}]+\.?),\s+(\d{4})$/u, '$1 $2');
  const mon = (x: string) => MONTHS[x.toLowerCase().replace('.', '')];
  // a range of days: "July 23-24, 1936", "23–24 July 1936"
  let m = re(`^(${MONTH_RE})\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2}),?\\s+(\\d{4})$`, 'i').exec(t);
  if (m && mon(m[1] as string)) return { 'date-parts': [[Number(m[4]), mon(m[1] as string)!, Number(m[2])], [Number(m[4]), mon(m[1] as string)!, Number(m[3])]] };
  m = re(`^(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+(${MONTH_RE}|[а-яё]+),?\\s+(\\d{4})$`, 'i').exec(t);
  if (m && mon(m[3] as string)) return { 'date-parts': [[Number(m[4]), mon(m[3] as string)!, Number(m[1])], [Number(m[4]), mon(m[3] as string)!, Number(m[2])]] };
  // day-first numeric (the European order): "01/11/2009", "15.03.2024"
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m && Number(m[2]) <= 12 && Number(m[1]) <= 31) return { 'date-parts': [[Number(m[3]), Number(m[2]), Number(m[1])]] };
  m = re(`^(${MONTH_RE})\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i').exec(t);
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
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DATE_ANY = `(?:${MONTH_RE}\\s+${DAY}\\s*[-–]\\s*${DAY},?\\s+\\d{4}|${MONTH_RE}\\s+${DAY},?\\s+\\d{4}|${DAY}\\.?\\s+(?:${MONTH_RE}|[а-яё]+),?\\s+\\d{4}|${MONTH_RE},?\\s+\\d{4}|\\d{1,2}[./]\\d{1,2}[./]\\d{4}|\\d{4}-\\d{2}(?:-\\d{2})?|${YEAR}|n\\.\\s?d\\.?)`;

const NEWSPAPER_WORDS = /\b(?:Times|Post|Tribune|Herald|Gazette|Daily|News|Journal|Chronicle|Guardian|Telegraph|Observer|Pravda|Izvestia|Izvestiya|Zeitung|Le Monde|Le Temps|Humanité|Worker|Nation|Republic|Mercury|Star|Express|Mail|Sun|Inquirer|Monitor|Bulletin|Правда|Известия)\b/;

function clean(s: string | undefined | null): string | undefined {
  if (s === undefined || s === null) return undefined;
  const t = s
    .trim()
    .replace(/^[*_]+(.+?)[*_]+$/, '$1') // Markdown emphasis around a title
    .replace(/^["“]\s*([^"“”]+?)[,.]?\s*["”]$/, '$1') // a publisher in quotes: London: "Russia To-day," 1937
    .replace(/^[,;:.\s]+/, '')
    .replace(/[,;:\s]+$/, '')
    .replace(/(?<![A-Z]|\b(?:ed|eds|vol|no|Inc|Co|Ltd|Jr|Sr|St|Univ|trans))\.$/, '')
    .trim();
  return t === '' ? undefined : t;
}

function unquote(s: string): string {
  let t = s.replace(/^["“”«]+/, '').replace(/["“”»]+$/, '').replace(/[,.]$/, '').replace(/["“”»]+$/, '').trim();
  // single quotes only when they wrap the whole title ('Title'), not a quotation that opens it ("'Excesses Are Not Permitted': …")
  if (/^['‘][^'‘’]*['’]$/.test(t)) t = t.slice(1, -1);
  return t;
}

/** "Getty, J. Arch, and Oleg V. Naumov" / "Getty & Naumov" / "Medvedev, Roy & Zhores Medvedev" / "Robert Conquest" /
 *  "Davies, R. W., Oleg V. Khlevniuk, and E. A. Rees" / "Getty, J. A., & Naumov, O. V." / "Jane T. Hedges, Timothy D. Sergay, and Irina Faion" */
export function parseNames(s: string, invertedFirst: boolean): CslName[] {
  let t = s.trim().replace(/\s+/g, ' ').replace(/[.,;]+$/, (m) => (/(?:^|[\s.])\p{Lu}\.$/u.test(s.trim()) ? '.' : ''));
  if (!t) return [];
  t = t.replace(/,?\s+(?:et al\.?|and others|и др\.?)$/i, '');
  if (CORPORATE.test(t) && !/,/.test(t)) return [{ literal: t.replace(/\.$/, '') }];
  // chunks with the separator before each: a comma may join family and given, "&"/"and"/";" never does
  const parts = t.split(/(\s*;\s*|,?\s+(?:&|and|и)\s+|\s*&\s*|,\s*)/);
  const chunks: Array<{ text: string; sep: string }> = [];
  for (let i = 0; i < parts.length; i += 2) {
    const text = (parts[i] as string).trim();
    if (text) chunks.push({ text, sep: i === 0 ? '' : (parts[i - 1] as string).trim() });
  }
  const initials = (c: string) => /^(?:\p{Lu}\p{Ll}?\.\s?(?:-\p{Lu}\.)?\s?)*\p{Lu}\.?$/u.test(c) || /^(?:\p{Lu}\p{Ll}?\.\s?)+$/u.test(c);
  const givenLike = (c: string) => initials(c) || /^(?:(?:\p{Lu}\.(?:-\p{Lu}\.)?|\p{Lu}[\p{Ll}'’-]+|\p{Lu}$)\s?){1,3}$/u.test(c);
  // "Getty, Rittersporn, and Zemskov": surnames only
  const allSingle = chunks.length > 2 && chunks.every((c) => /^\p{Lu}[\p{L}'’-]+$/u.test(c.text));
  const out: CslName[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const next = chunks[i + 1];
    if (/^(?:Jr|Sr|II|III)\.?$/.test(c.text)) continue;
    // "Family, Given" (the first name of an inverted list) or "Family, I. I." anywhere (APA)
    const familyOnly = !/\s/.test(c.text.replace(/^(?:van|von|de|der|du|la|le)\s+/i, '')) || /^\p{Lu}[\p{L}'’-]+(?:[\s-]\p{Lu}[\p{L}'’-]+)?$/u.test(c.text);
    if (next && next.sep === ',' && familyOnly && !allSingle && ((invertedFirst && i === 0 && givenLike(next.text)) || (initials(next.text) && !initials(c.text)))) {
      let given = next.text;
      if (/(?:^|\s)\p{Lu}$/u.test(given)) given += '.'; // "O. V" lost its last period to the list
      out.push({ family: c.text, given });
      i++;
      continue;
    }
    out.push(personName(c.text, false));
  }
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
  if (re(`^(${DATE_ANY})$`, 'i').test(t)) {
    const d = parseDate(t);
    if (d) item.issued = d;
    return '';
  }
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

/** magazines (weeklies, monthlies, reviews of opinion), as against newspapers and scholarly journals */
const MAGAZINES = /\b(?:Nation|New Republic|New Masses|New Statesman|Spectator|Time|Newsweek|Life|Saturday Evening Post|Harper['’]s|Atlantic(?: Monthly)?|Reader['’]s Digest|Collier['’]s|American Mercury|Fortnightly|Labour Monthly|New International|Partisan Review|New Yorker|New York Review of Books|Encounter|Commentary|Ogonyok|Огонёк|Огонек|Der Spiegel|Spiegel|Elementy|Soviet Russia Today|Fourth International)\b/;
/** archives: the acronyms of the large holdings, or a name with an archive word */
const ARCHIVE_ACR = /(?:^|[\s,(])(?:RGASPI|RGANI|RGAE|RGVA|RGALI|GARF|TsGAOR|TsA FSB(?: RF)?|TsAMO|AP RF|APRF|NARA|TNA|PRO|РГАСПИ|РГАНИ|РГАЭ|РГВА|РГАЛИ|ГАРФ|ЦГАОР|ЦА ФСБ(?: РФ)?|ЦАМО|АП РФ)(?=$|[\s,.)])/u;
const ARCHIVE_WORD = /\b(?:Archives?|Archiv|Library|Institution|Bibliothek|Record Office)\b|Архив/u;
/** where in an archive: fond, opis, delo; record group; box and folder; a collection's call number */
const ARCHIVE_UNIT = /(?:^|[\s,.])(?:(?:f|ф|op|оп|d|д)\.\s*(?:[RР]-?)?\d|(?:fond|opis['’]?|delo|box|folder|Mappe|RG|FO)\s+\d|[RР]-\d{3,}|bMS\s|Nachlass\s)/iu;
/** documents rather than publications: records, letters, protocols */
const DOCUMENT_WORDS = /^(?:(?:record|minutes|protocol|transcript)s? of (?:the )?interrogation|record of|minutes of|protocol of|memorandum|letter to|telegram|cable|report to|протокол допроса|протокол|письмо|докладная записка|записка|телеграмма)\b/i;

/** an archival reference: "[document, author to recipient, date,] ARCHIVE, f. 17, op. 2, d. 577, l. 14" */
function archival(s: string, out: ParsedReference): boolean {
  if (!ARCHIVE_UNIT.test(s) || !(ARCHIVE_ACR.test(s) || ARCHIVE_WORD.test(s))) return false;
  const item: CslItem = { type: 'manuscript' };
  let t = s.replace(/[.\s]+$/, '');
  const leaf = /[,.]?\s*(?:ll?\.|Лл?\.|list|fols?\.|ff?\.)\s*(\d+(?:\s*[-–]\s*\d+)?(?:\s*об\.?)?)$/u.exec(t);
  if (leaf) {
    out.locator = (leaf[1] as string).replace(/\s*([-–])\s*/g, '$1').replace(/об$/, 'об.');
    t = t.slice(0, leaf.index);
  }
  const unit = ARCHIVE_UNIT.exec(t)!;
  const at = unit.index + (/^[\s,.]/.test(unit[0]) ? 1 : 0);
  let head = t.slice(0, at).replace(/[\s,.]+$/, '');
  let place = t.slice(at).trim();
  // the archive: an acronym or archive-word segment at the end of the head, else after the place
  const segs = head.split(/,\s*|\.\s+(?=[\p{Lu}])/u).filter(Boolean);
  let k = segs.length - 1;
  while (k >= 0 && !(ARCHIVE_ACR.test(' ' + segs[k]) || ARCHIVE_WORD.test(segs[k] as string))) k--;
  if (k >= 0) {
    // "RGASPI f. 558": the acronym may share its segment with nothing else; "Archiv der sozialen Demokratie, Bonn" keeps its town
    let end = k + 1;
    while (end < segs.length && /^\p{Lu}[\p{Ll}]+$/u.test(segs[end] as string)) end++;
    item.archive = segs.slice(k, end).join(', ');
    if (end < segs.length) place = segs.slice(end).join(', ') + ', ' + place;
    segs.length = k;
  } else {
    const tail = /,\s*((?:[^,]*(?:Archives?|Archiv|Library|Institution)[^,]*)(?:,\s*[^,]+)?)$/u.exec(place);
    if (tail) {
      item.archive = (tail[1] as string).trim();
      place = place.slice(0, tail.index);
    }
    // the collection before the call number belongs to the place in the archive
    while (segs.length && /\b(?:Papers|Collection|Nachlass|Fonds?)\b/.test(segs[segs.length - 1] as string)) place = segs.pop() + ', ' + place;
  }
  item.archive_location = place.replace(/[\s,.]+$/, '');
  head = segs.join(', ');
  // what the document is: "Memorandum, Yezhov to Stalin, 17 July 1937"
  for (const seg of segs) {
    const x = seg.trim();
    const d = parseDate(x);
    if (d && !item.issued) {
      item.issued = d;
      continue;
    }
    const to = /^(.+?)\s+to\s+(.+)$/u.exec(x);
    if (to && !item.author && (to[1] as string).split(' ').length <= 4 && !DOCUMENT_WORDS.test(x)) {
      item.author = parseNames(to[1] as string, false);
      const r = to[2] as string;
      item.recipient = /\b(?:Secretary|Minister|Commissar|Committee|Office)\b/.test(r) ? [{ literal: r }] : parseNames(r, false);
      continue;
    }
    if (!item.title) item.title = clean(x);
  }
  out.shape = 'archival';
  out.csl = item;
  return true;
}

/**
 * A periodical issue cited by name and date, with no article title:
 * "New York Times, March 3, 1938", "Daily Worker (New York), January 30, 1937", "Prawda vom 24. Januar 1937",
 * "Neue Zürcher Zeitung, Nr. 412, 9. März 1938, Morgenausgabe", "Известия. 1937. 30 января. № 25",
 * and with an author: "Max Shachtman, Socialist Appeal (October 1936)".
 */
function periodicalIssue(s: string, item: CslItem, out: ParsedReference): boolean {
  const DATE_M = `(?:${MONTH_RE}\\s+${DAY}(?:\\s*[-–]\\s*${DAY})?,?\\s+\\d{4}|${DAY}\\.?\\s+(?:${MONTH_RE}|[а-яё]+),?\\s+\\d{4}|${MONTH_RE},?\\s+\\d{4})`;
  // GOST: "Правда. — 1937. — 24 января." / "Известия. 1937. 30 января. № 25"
  const gost = /^([\p{Lu}][\p{L} -]{1,40}?)\.\s*(?:—\s*)?(\d{4})\.\s*(?:—\s*)?(\d{1,2}\s+[а-яё]+)(?:\.\s*(?:—\s*)?№\s*(\d+))?\.?$/u.exec(s);
  if (gost) {
    item.type = 'article-newspaper';
    item['container-title'] = gost[1];
    const d = parseDate(`${gost[3]} ${gost[2]}`);
    if (d) item.issued = d;
    if (gost[4]) item.issue = gost[4];
    out.shape = 'newspaper';
    out.csl = item;
    return true;
  }
  const m = re(`^(?:((?:\\p{Lu}[\\p{L}.'’-]*\\s){1,3}\\p{Lu}[\\p{L}'’-]+),\\s+)?((?:The\\s+|L['’]|Le\\s+|La\\s+|Die\\s+|Der\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:of\\s+|the\\s+|de\\s+|du\\s+)?\\p{Lu}[\\p{L}'’.-]*){0,4})(?:\\s+\\(([^()]+)\\))?(?:,?\\s+(?:Nr\\.|No\\.|no\\.|№)\\s*(\\d+))?(?:,|\\s+vom|\\s+of|\\.)?\\s*\\(?(${DATE_M})\\)?(?:,\\s*([\\p{L}]+ausgabe|(?:morning|evening|late|final) edition))?(?:,\\s*(\\d+(?:,\\s*\\d+)*))?$`, 'u').exec(s);
  if (!m) return false;
  const container = m[2] as string;
  const periodical = NEWSPAPER_WORDS.test(container) || MAGAZINES.test(container) || /^(?:[\p{Lu}][\p{L}'’-]+)$/u.test(container) || !!m[4];
  // "Leon Trotsky, The Trial of the Seventeen (22nd January, 1937)" is a dated text, not a periodical
  if (!periodical || (m[1] && !(NEWSPAPER_WORDS.test(container) || MAGAZINES.test(container)))) return false;
  if (m[1]) item.author = parseNames(m[1], false);
  item['container-title'] = container;
  if (m[3]) item['publisher-place'] = m[3];
  if (m[4]) item.issue = m[4];
  const d = parseDate((m[5] as string).replace(/,(?=\s+\d{4}$)/, ''));
  if (d) item.issued = d;
  if (m[6]) item.edition = m[6];
  if (m[7] && !out.locator) out.locator = m[7];
  item.type = MAGAZINES.test(container) ? 'article-magazine' : 'article-newspaper';
  out.shape = 'newspaper';
  out.csl = item;
  return true;
}

/**
 * An author-date citation in running text: "Getty & Naumov, 1999", "Khlevniuk (2009, pp. 166–168)",
 * "Getty (1985: 92)", "Trotsky 1938a", "Memorial, n.d.". It names a work without saying what kind: no type.
 */
function inText(s: string, out: ParsedReference): boolean {
  const NAME = `(?:(?:van|von|de|der|du|le|la)\\s+)?\\p{Lu}[\\p{L}'’-]+`;
  const m = re(`^(${NAME}(?:(?:,\\s*|\\s+(?:&|and)\\s+)${NAME}){0,3}(?:\\s+et al\\.?)?)(?:,\\s*|\\s+\\(?)(${YEAR}|n\\.\\s?d\\.?)(?:(?::\\s*|,\\s*(?:pp?\\.\\s*)?)(\\d+(?:\\s*[-–]\\s*\\d+)?))?\\)?$`, 'u').exec(s);
  if (!m) return false;
  const item: CslItem = { author: parseNames(m[1] as string, false) };
  const d = parseDate(m[2] as string);
  if (d) item.issued = d;
  if (m[3] && !out.locator) out.locator = (m[3] as string).replace(/\s/g, '');
  out.shape = 'author-date';
  out.csl = item;
  return true;
}

/** parse one reference */
export function parseReference(input: string): ParsedReference {
  const out = parseShape(input);
  const item = out.csl;
  if (!item) return out;
  // a date in the editor's brackets ("n.d. [1937]", "[October 1932]") when the text gives none
  if (!item.issued || item.issued.literal) {
    for (const r of out.remarks) {
      const d = parseDate(r.replace(/^c\.\s*/, ''));
      if (d) {
        item.issued = d;
        break;
      }
    }
  }
  for (const r of out.remarks) {
    const orig = /^(?:orig(?:inal(?:ly)?)?\.?\s*(?:title|published\s+as)?|translation\s+of|trans(?:lated)?\.?\s+(?:of|from)|перевод\s+(?:с\s+\S+\s*)?|пер\.\s+с\s+\S+\s*|оригинал)[:.]?\s*(.{4,})$/iu.exec(r.trim());
    if (orig && !item['original-title']) item['original-title'] = orig[1]!.trim();
    const th = /^(Doctoral dissertation|Master['’]s thesis|PhD thesis|Ph\.D\. diss(?:ertation)?)(?:,\s*(.+))?$/i.exec(r);
    if (th) {
      item.type = 'thesis';
      if (th[2] && !item.publisher) item.publisher = th[2].trim();
    }
  }
  const onlyBook = item.type === 'book' && !item.publisher && !item['container-title'] && !item['publisher-place'];
  // a text dated to the day with no imprint is a document (a letter, a statement, an article read in manuscript), not a book
  if (onlyBook && out.shape === 'note' && (item.issued?.['date-parts'][0]?.length ?? 0) >= 3) item.type = 'manuscript';
  if (onlyBook && item.title && DOCUMENT_WORDS.test(item.title)) item.type = 'manuscript';
  else if (onlyBook && item.title && /^speech\b|^(?:выступление|речь)\b/i.test(item.title)) item.type = 'speech';
  // periodicals: magazines are not newspapers or journals
  if (/^article/.test(item.type ?? '') && item['container-title'] && MAGAZINES.test(item['container-title']) && !/\b(?:Journal|Quarterly|Studies)\b/.test(item['container-title'])) item.type = 'article-magazine';
  // web pages: a link (not a DOI) with no publisher's imprint
  if (item.URL && !item.DOI && !item['publisher-place'] && /^(?:book|article|article-journal|article-newspaper)$/.test(item.type ?? '') && !item.volume) {
    item.type = 'webpage';
    if (item.publisher && !item['container-title']) {
      item['container-title'] = item.publisher;
      delete item.publisher;
    }
  }
  return out;
}

function parseShape(input: string): ParsedReference {
  let s = input.replace(/\s+/g, ' ').trim();
  s = s.replace(/(\d)--(\d)/g, "$1–$2"); // TeX dashes in page ranges
  const out: ParsedReference = { csl: null, locator: null, remarks: [], ibid: false, opCit: false, shape: 'bare' };
  // markup left in the text (<u>…</u>, *…*, _…_)
  s = s.replace(/<\/?(?:u|i|b|em|strong|cite)>/gi, '').replace(/(^|[\s(])[*_]+(?=\S)|(?<=\S)[*_]+(?=[\s,.;:)]|$)/g, '$1').trim();
  // note numbers and markers: "12. ", "(3) ", "[4] ", "↑ ", "↑ 1.0 1.1 ", "^ a b "
  const isNote = /^\d{1,4}\.\s/.test(s);
  s = s.replace(/^(?:\(?\d{1,4}[.)]\s+|\[\d{1,4}\]\s*|↑(?:\s+\d+\.\d+)*\s*|\^\s*(?:[a-z]\s+)*)/, '');
  // a whole reference in parentheses: "(Getty, Origins of the Great Purges, 1985)"
  if (/^\([^()]*\)$/.test(s)) s = s.slice(1, -1).trim();
  // a note's signals: "See", "See also", "Cf.", "Quoted in" are not part of the reference
  s = s.replace(/^(?:See also|See|Cf\.|Compare|Quoted in|Cited in|As quoted in)\s+(?=\p{Lu}|["“])/u, '');
  // "forthcoming" stands where the date would be
  s = s.replace(/,\s*(?:forthcoming|in press)\.?$/i, '').replace(/\((?:forthcoming|in press)\)/i, '(n.d.)');
  // editorial remarks in brackets (not footnote numbers)
  s = s.replace(/\s*\[([^\]]*[^\d\]\s][^\]]*)\]\s*/g, (_m, r: string) => {
    out.remarks.push(r.trim());
    return ' ';
  }).replace(/\s+([.,;:])/g, '$1').trim();
  // Ibid. / op. cit.
  // Ibid. (Latin), Ebd. (German), Id. (legal), Там же (Russian)
  const ib = /^(?:ibid|ibidem|ebd|ebenda|id|там же)\.?,?\s*(?:at\s+)?(.*)$/i.exec(s);
  if (ib) {
    out.ibid = true;
    out.shape = 'ibid';
    out.locator = locatorOf(ib[1] as string) ?? (clean(ib[1]) ?? null);
    return out;
  }
  if (archival(s, out)) return out;
  const item: CslItem = { type: 'book' };
  // links and access dates
  s = s.replace(/[.,]?\s*Retrieved\s+([^,]+,\s*\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}),?\s+from(?=\s+\S+$)/iu, (_m, d: string) => {
    const pd = parseDate(d);
    if (pd) item.accessed = pd;
    return '.';
  });
  s = s.replace(/\s*\(?(?:accessed|retrieved|viewed|дата обращения:?)\s+([^)]*?)\)?(?=[.,]?\s*$|[.,]\s)/i, (_m, d: string) => {
    const pd = parseDate(d.replace(/[.,]$/, ''));
    if (pd) item.accessed = pd;
    return '';
  });
  s = s.replace(/\s*(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/\S+?)[.,]?(?=\s|$)/i, (_m, d: string) => {
    item.DOI = d;
    return '';
  });
  s = s.replace(/,\s*((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|ru|uk|de|fr|info)\/\S*?)\.?(?=\s|$)/i, (_m, u: string) => {
    item.URL = u;
    return '.';
  });
  s = s.replace(/\s*(?:URL:?\s*|<)?(https?:\/\/[^\s>]+?)>?[.,]?(?=\s|$)/i, (_m, u: string) => {
    item.URL = u;
    return '';
  }).trim();
  s = s.replace(/,?\s*ISBN(?:-1[03])?[\s:]*[\dXx-]{10,17}/g, '').trim();
  // the cited locator at the end: ", p. 263-265" / "pp. 12–14" / "page 130" / "— С. 45" / note form "…1968), 112."
  // (a stray mark after it, or text spliced onto it by a bad copy, "p. 113-116last night of peace…", is dropped)
  const loc = /(?:[,.;:]|\s—|\s)\s*(?:[Pp][Pp]?\.|pages?|S\.|С\.|c\.|стр\.)\s*([\divxlcIVXLC]+(?:\s*[-–—]\s*[\divxlc]+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*)(?:\.?\s*[‚'’`]?|(?<=\d)\p{Ll}[\p{L}\s.,'’]*)$/u.exec(s);
  if (loc) {
    out.locator = (loc[1] as string).replace(/\s*([-–—])\s*/g, '$1');
    s = s.slice(0, loc.index).trim();
  } else {
    // (the parenthesis must hold the imprint: "48(8), 1319–1353" is a journal's issue and pages)
    const noteLoc = /\([^()]*\d{4}[^()]*\),\s*(\d+(?:[-–]\d+)?|[ivxlc]+(?:[-–][ivxlc]+)?)\.?$/.exec(s);
    if (noteLoc) {
      out.locator = noteLoc[1] as string;
      s = s.slice(0, noteLoc.index + noteLoc[0].indexOf('),') + 1).trim();
    }
  }
  s = s.replace(/[.,;]\s*$/, '').trim();
  // "(Read on CyberUSSR)": the site it was read on
  s = s.replace(/\s*\((?:read|available|published)\s+(?:on|at)\s+([^()]+)\)$/i, (_m, site: string) => {
    item['container-title'] = site.trim();
    item.type = 'webpage';
    return '';
  });
  if (item.type === 'webpage') {
    item.title = clean(s);
    out.csl = item;
    return out;
  }
  // "The Riddle of Russia, for The New Republic": a piece written for a periodical
  const forP = /^(.+?),\s+for\s+((?:The\s+)?\p{Lu}[\p{L}'’ ]+)$/u.exec(s);
  if (forP && (MAGAZINES.test(forP[2] as string) || NEWSPAPER_WORDS.test(forP[2] as string))) {
    item.title = clean(forP[1]);
    item['container-title'] = forP[2];
    item.type = MAGAZINES.test(forP[2] as string) ? 'article-magazine' : 'article-newspaper';
    out.csl = item;
    return out;
  }
  // a journal issue without an article title: "Russian Review 45 (1986), 357-373", "Slavic Review, Vol. 45, No. 2 (Summer 1986), pp. 213-234"
  const ji = /^(\p{Lu}[\p{L}'’ ]+?),?\s+(?:Vol\.\s*)?(\d{1,4})(?:,?\s*No\.\s*(\d+))?\s*\(([^()]*?(\d{4}))\)(?:,\s*(?:pp?\.\s*)?(\d+\s*[-–]\s*\d+))?$/u.exec(s);
  if (ji) {
    item.type = 'article-journal';
    item['container-title'] = ji[1];
    item.volume = ji[2];
    if (ji[3]) item.issue = ji[3];
    item.issued = { 'date-parts': [[Number(ji[5])]] };
    const pg = ji[6] ?? (out.locator && /[-–]/.test(out.locator) ? out.locator : null);
    if (pg) {
      item.page = pg.replace(/\s/g, '');
      if (!ji[6]) out.locator = null;
    }
    out.csl = item;
    return out;
  }
  if (periodicalIssue(s, item, out)) return out;
  if (inText(s, out)) return out;
  // a dated document: "Kamenev, Record of Interrogation, July 23-24, 1936" / "Zinoviev. Minutes of the interrogation of July 23-25, 1936"
  const doc = re(`^((?:\\p{Lu}\\.\\s?)*\\p{Lu}[\\p{L}'’-]+(?:\\s\\p{Lu}[\\p{L}'’-]+)?)[.,]\\s+(.+?)(?:,\\s*|\\s+of\\s+|\\s+(?=\\())\\(?(${DATE_ANY})\\)?$`, 'u').exec(s);
  if (doc && DOCUMENT_WORDS.test(doc[2] as string)) {
    item.type = 'manuscript';
    item.author = parseNames(doc[1] as string, false);
    item.title = clean(doc[2]);
    const d = parseDate(doc[3] as string);
    if (d) item.issued = d;
    out.csl = item;
    return out;
  }

  // op. cit.: "Conquest, op. cit., 112"
  const oc = /^(.*?),?\s*(?:op\.\s?cit\.?|loc\.\s?cit\.?|цит\. соч\.?|указ\. соч\.?)\s*(?:—\s*)?,?\s*(.*)$/i.exec(s);
  if (oc) {
    out.opCit = true;
    out.shape = 'ibid';
    if (oc[1]) setNames(item, oc[1], true);
    if (!out.locator) out.locator = clean(oc[2]) ?? null;
    out.csl = item;
    return out;
  }

  // GOST: "Медведев Р. А. О Сталине и сталинизме. — М.: Прогресс, 1990" / "Title / сост. А. Б. Иванов. — М., 2004"
  // / "Title // Container. — 1989. — № 8. — С. 78–94"
  if ((/\s—\s/.test(s) || /\s\/\/\s/.test(s)) && /[\u0400-\u04ff]/.test(s)) {
    out.shape = 'gost';
    s = s.replace(/[.\s]*—\s*$/, '');
    let areas = s.split(/\.\s+—\s+/);
    if (areas.length === 1) areas = s.split(/\s+—\s+/);
    const [headAll, ...tail] = areas as [string, ...string[]];
    const [head0, container] = headAll.split(/\s+\/\/\s+/) as [string, string | undefined];
    const [head, ...resp] = head0.split(/\s+\/\s+/) as [string, ...string[]];
    const hm = /^((?:\p{Lu}[\p{Ll}-]+\s+(?:\p{Lu}\.\s?)+,?\s*)+)(.*)$/u.exec(head);
    let title = head;
    if (hm) {
      for (const n of (hm[1] as string).split(/,\s*/)) if (n.trim()) item.author = [...(item.author ?? []), ...parseNames(n, false)];
      title = hm[2] as string;
    }
    // ": в 3 т. Т. 1" (a set in volumes, this volume)
    title = title.replace(/:\s*в\s+\d+\s*(?:т|кн|ч)\.(?:\s*(?:Т|Кн|Ч)\.\s*(\d+)\b.*)?$/u, (_m, v?: string) => {
      if (v) item.volume = v;
      return '';
    });
    // a parallel title in another language: "Большой террор = The Great Terror"
    const par = title.split(/\s+=\s+/);
    if (par.length > 1) {
      title = par[0]!;
      item['original-title'] = clean(par.slice(1).join(' = '));
    }
    item.title = clean(title);
    for (const r of resp) {
      for (const part of r.split(/\s*;\s*/)) {
        const role = /^(сост\.|под (?:общ\. )?ред\.|отв\. ред\.|ред\.|пер\.(?:\s+с\s+\p{Ll}+\.)?)\s*(.*)$/u.exec(part.trim());
        const names = parseNames(role ? (role[2] as string) : part, false);
        if (!role) item.author = [...(item.author ?? []), ...names];
        else if (/^пер/.test(role[1] as string)) item.translator = [...(item.translator ?? []), ...names];
        else item.editor = [...(item.editor ?? []), ...names];
      }
    }
    if (container) item['container-title'] = clean(container);
    let imprint = false;
    for (const t0 of tail) {
      const t = t0.trim().replace(/\.$/, '');
      let m: RegExpExecArray | null;
      if (/^\d+\s*с$/.test(t) || /^URL:/i.test(t)) continue;
      if ((m = /^(?:Т|Кн|Вып|Vol)\.\s*(\d+)(?:,\s*(?:ч\.\s*\d+|№\s*([\d–-]+)))?/u.exec(t))) {
        item.volume = m[1];
        if (m[2]) item.issue = m[2];
      } else if ((m = /^№\s*([\d–-]+)/.exec(t))) item.issue = m[1];
      else if ((m = /^(?:С|P|S)\.\s*(\d+(?:\s*[-–]\s*\d+)?)$/u.exec(t))) item.page = (m[1] as string).replace(/\s/g, '');
      else if ((m = /^\((.+)\)$/.exec(t))) item['collection-title'] = m[1];
      else {
        const rest = publication(t, item);
        if (/:/.test(t)) imprint = true;
        if (rest && !item.publisher) item['collection-title'] = clean(rest);
      }
    }
    if (container) {
      if (!item.page && out.locator && /[-–]/.test(out.locator)) {
        item.page = out.locator;
        out.locator = null;
      }
      item.type = imprint || item['publisher-place'] ? 'chapter' : 'article-journal';
    }
    out.csl = item;
    return out;
  }

  // articles and chapters with a quoted title: Author, "Title," Container …
  const q = /^(?:(.*?)[,.]\s*)?["“]([^"”]+)["”][,.]?\s*(.*)$/.exec(s);
  const namesLike = (x: string) => x === '' || (x.split(/\s+/).length <= 12 && !/\d|:/.test(x) && !/\.\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(x));
  if (q && (q[2] as string).length > 3 && namesLike((q[1] ?? '').trim())) {
    out.shape = 'article';
    const lead = (q[1] ?? '').trim().replace(/,$/, '');
    if (lead && (MAGAZINES.test(lead) || NEWSPAPER_WORDS.test(lead)) && lead.split(' ').length <= 4 && /^[\p{Lu}][\p{L}' ]+$/u.test(lead) && !/\s\p{Lu}\.\s/u.test(lead)) {
      // "Time, "Trials: Second Act," February 1, 1937": the periodical, not an author
      item['container-title'] = lead;
      item.title = unquote(q[2] as string);
      const d = parseDate((q[3] as string).replace(/[.,]$/, ''));
      if (d) item.issued = d;
      item.type = MAGAZINES.test(lead) ? 'article-magazine' : 'article-newspaper';
      out.shape = 'newspaper';
      out.csl = item;
      return out;
    }
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
      // a short note's chapter: "in Getty and Manning, Stalinist Terror, 103" (page cited, editors named before the book)
      const cited = /,\s*(\d+)\.?$/.exec(rest);
      if (cited && !item.page) {
        if (!out.locator) out.locator = cited[1] as string;
        rest = rest.slice(0, cited.index);
      }
      const who = /^((?:\p{Lu}[\p{L}.'’-]*\s)*\p{Lu}[\p{L}'’-]+(?:(?:,\s*|\s+(?:and|&)\s+)(?:\p{Lu}[\p{L}.'’-]*\s)*\p{Lu}[\p{L}'’-]+)*(?:\s+et al\.)?),\s+(\p{Lu}.*\s.*)$/u.exec(rest.trim());
      if (who && (/\s(?:and|&)\s|et al\./.test(who[1] as string) || !/\s/.test(who[1] as string))) {
        if (!item.editor) item.editor = parseNames((who[1] as string).replace(/\s+et al\.$/, ''), false);
        rest = who[2] as string;
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
      // a newspaper's page after its date: "New York Times, January 25, 1937, 1"
      const pageAfterDate = re(`(${MONTH_RE}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_RE}\\s+\\d{4}),\\s*(\\d+)$`, 'i').exec(rest);
      if (pageAfterDate) {
        if (!out.locator) out.locator = pageAfterDate[2] as string;
        rest = rest.slice(0, pageAfterDate.index + (pageAfterDate[1] as string).length);
      }
      // "The Times (London), 1 February 1937" / "The Militant, Vol. 10 No. 27, 6 July 1947"
      rest = rest.replace(/^([^()]+?)\s+\(([\p{Lu}][\p{L} .]+)\)(?=,)/u, (_m, c: string, place: string) => {
        item['publisher-place'] = place;
        return c;
      });
      rest = rest.replace(/,?\s*Vol\.\s*(\d+),?\s*No\.\s*(\d+)(?=,)/i, (_m, v: string, n: string) => {
        item.volume = v;
        item.issue = n;
        return '';
      });
      const withMonth = re(`[,.]?\\s*\\(?((?:${MONTH_RE}\\s+\\d{1,2},?\\s+\\d{4})|(?:\\d{1,2}\\s+${MONTH_RE}\\s+\\d{4})|(?:${MONTH_RE}\\s+\\d{4}))\\)?\\.?$`, 'i').exec(rest);
      const j = withMonth ? null : /^(.+?)\s*,?\s+(\d+)?(?:,?\s*no\.\s*(\d+(?:[-–]\d+)?)|\s*\((\d+)\))?\s*(?:\(([^)]+)\))?\s*[:,]\s*(\d+(?:\s*[-–]\s*\d+)?)\.?$/.exec(rest);
      if (j && (j[2] || j[3])) {
        item.type = 'article-journal';
        item['container-title'] = clean(j[1]);
        if (j[2]) item.volume = j[2];
        if (j[3] || j[4]) item.issue = (j[3] ?? j[4]) as string;
        if (j[5]) {
          const d = parseDate(j[5]);
          if (d) item.issued = d;
        }
        const pg = (j[6] as string).replace(/\s/g, '');
        // in a note a single page is the place cited, not the article's extent
        if (isNote && !/[-–]/.test(pg) && !out.locator) out.locator = pg;
        else item.page = pg;
      } else {
        const dm = re(`^(.*?)[,.]?\\s*\\(?(${DATE_ANY})\\)?\\.?$`, 'i').exec(rest);
        if (dm) {
          const d = parseDate(dm[2] as string);
          if (d) item.issued = d;
          rest = (dm[1] as string).trim();
        }
        // "Russian Review 61 (January 2002)": the volume before the dated parenthesis
        const vol = /^(.+?)\s+(\d{1,4})$/.exec(rest);
        if (vol && dm && !/\d/.test(vol[1] as string)) {
          item.volume = vol[2];
          rest = vol[1] as string;
          item.type = 'article-journal';
        }
        item['container-title'] = clean(rest);
        if (item.volume) {
          if (out.locator && /[-–]/.test(out.locator) && !isNote) {
            item.page = out.locator;
            out.locator = null;
          }
        } else item.type = NEWSPAPER_WORDS.test(rest) || (item.issued?.['date-parts'][0]?.length ?? 0) >= 3 ? 'article-newspaper' : rest ? 'article-journal' : 'article';
        if (item.type === 'article-newspaper') out.shape = 'newspaper';
      }
    }
    out.csl = item;
    return out;
  }

  // author-date: Family, G. (1990). Title. Place: Publisher.  |  Family, G. 1990. Title.
  const ad =
    re(`^(.+?)[,.]?\\s*\\((${YEAR}(?:,\\s*${MONTH_RE}(?:\\s+\\d{1,2})?)?|n\\.\\s?d\\.)\\)[.,]?\\s+(.+)$`, 'i').exec(s) ??
    re(`^((?:(?:van|von|de|der|du|le|la)\\s+)?\\p{Lu}[\\p{L}'’-]+(?:[\\s-]\\p{Lu}[\\p{L}'’-]+)?, (?:(?:\\p{Lu}\\.|\\p{Lu}[\\p{Ll}'’-]+)\\s?){1,3}(?:,?\\s(?:&|and)\\s[^.]+?)?)\\.?\\s*(${YEAR})(?:\\s*\\[\\d{4}\\])?\\.\\s+(.+)$`, 'u').exec(s);
  if (ad && !/\d{4}/.test(ad[1] as string)) {
    out.shape = 'author-date';
    const who = (ad[1] as string).trim();
    // APA and Harvard give persons with initials: a name without a comma or initials is a body ("Memorial", "Amnesty International")
    if (!/,|(?:^|\s)\p{Lu}\.|&|\band\b|\bet al\b/u.test(who)) item.author = [{ literal: who.replace(/\.$/, '') }];
    else setNames(item, who, true);
    const ym = /^(\d{4})[a-z]?,\s*(.+)$/.exec(ad[2] as string);
    const d = ym ? parseDate(`${ym[2]} ${ym[1]}`.replace(/^(\S+)\s+(\d{1,2})\s+(\d{4})$/, '$1 $2, $3')) : parseDate(ad[2] as string);
    if (d) item.issued = d;
    // APA chapter: "Title. In S. Fitzpatrick (Ed.), Container (pp. 286–308). Publisher."
    const ch = /^(.+?)\.\s+In\s+(.+?)\s+\((?:Eds?|Hrsg|Hg)\.\),\s+(.+?)\s+\(((?:[^()]*?);\s*)?pp\.\s*(\d+\s*[-–]\s*\d+)\)\.\s*(.*)$/.exec(ad[3] as string);
    if (ch) {
      item.type = 'chapter';
      item.title = clean(ch[1]);
      item.editor = parseNames(ch[2] as string, false);
      item['container-title'] = clean(ch[3]);
      item.page = (ch[5] as string).replace(/\s/g, '');
      if (ch[6]) {
        const r = publication(ch[6] as string, item);
        if (r) item.publisher = clean(r);
      }
      out.csl = item;
      return out;
    }
    // APA's parenthetical after the title: "(B. Sher, Trans.)", "(2nd ed.)", "(G. Shriver, Ed. & Trans.; Rev. ed.)"
    let body = (ad[3] as string).replace(/\s*\(([^()]*(?:Trans\.|Eds?\.|ed\.)[^()]*)\)/, (_m, inner: string) => {
      for (const part of inner.split(/;\s*/)) {
        const e = /^(\d+\w*|Rev\.|Revised)\s+ed\.$/i.exec(part.trim());
        if (e) {
          item.edition = (e[1] as string).replace(/\.$/, '').replace(/^(\d+)(?:st|nd|rd|th)$/, '$1');
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
        // a newspaper's day and month after the year in parentheses: "New York Times, 30 January"
        const dmn = re(`^(.+?),\\s*(\\d{1,2}\\s+${MONTH_RE}|${MONTH_RE}\\s+\\d{1,2})$`, 'i').exec(rest);
        const year = item.issued?.['date-parts'][0]?.[0];
        const j = dmn ? null : /^(.+?),\s*(\d+)(?:\(([\d–-]+)\))?(?:,\s*(?:pp?\.\s*)?(\d+\s*[-–]\s*\d+))?$/.exec(rest);
        if (dmn && year) {
          const d = parseDate(`${dmn[2]} ${year}`.replace(/^(\p{L}+\.?)\s+(\d{1,2})\s+(\d{4})$/u, '$1 $2, $3'));
          if (d) item.issued = d;
          item['container-title'] = clean(dmn[1]);
          item.type = MAGAZINES.test(dmn[1] as string) ? 'article-magazine' : 'article-newspaper';
          if (out.locator) {
            item.page = out.locator;
            out.locator = null;
          }
        } else if (j) {
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
    body = body.replace(/\.\s+(?:Translated|Edited) by ((?:(?:\p{Lu}\.\s?)+|[^.])+?)\.(?=\s+\p{Lu}|$)/u, (m, names: string) => {
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
    const thesis = /^(?:PhD|Ph\.D\.|MA|M\.A\.|Doctoral|Master['’]s)\s+(?:thesis|dissertation)[.,]?\s*(.*)$/i.exec(rest);
    const dayPrecise = (item.issued?.['date-parts'][0]?.length ?? 0) >= 3;
    if (thesis) {
      item.type = 'thesis';
      if (thesis[1]) item.publisher = clean(thesis[1]);
    } else if (rest && (dayPrecise || NEWSPAPER_WORDS.test(rest) || MAGAZINES.test(rest)) && /^[^.:\d]+$/.test(rest.replace(/\.$/, ''))) {
      // APA periodicals: "Duranty, W. (1937, January 24). Title. The New York Times, p. 1."
      item['container-title'] = clean(rest);
      item.type = MAGAZINES.test(rest) ? 'article-magazine' : 'article-newspaper';
      if (out.locator) {
        item.page = out.locator;
        out.locator = null;
      }
    } else if (rest) {
      const j = /^(.+?),\s*(\d+)(?:\((\d+)\))?(?:,\s*(\d+(?:\s*[-–]\s*\d+)?))?$/.exec(rest);
      if (j) {
        item.type = 'article-journal';
        item['container-title'] = clean(j[1]);
        item.volume = j[2];
        if (j[3]) item.issue = j[3];
        if (j[4]) item.page = (j[4] as string).replace(/\s/g, '');
      } else {
        const r = publication(rest, item);
        if (r) item.publisher = clean(r);
      }
    }
    out.csl = item;
    return out;
  }

  // a note on an anonymous or official text: "Report of Court Proceedings … (Moscow: People's Commissariat of Justice, 1938)"
  const na = /^([^()]+?)\s*\(([^()]*?:\s*[^()]*?\d{4})\)$/.exec(s);
  if (na && !/,\s/.test((na[1] as string).replace(/"[^"]*"|“[^”]*”/g, ''))) {
    out.shape = 'note';
    item.title = clean(na[1]);
    publication(na[2] as string, item);
    out.csl = item;
    return out;
  }
  // notes: Given Family, Title (Place: Publisher, Year)
  const nt = /^(.+?),\s+(.+?)\s*\(([^()]*(?:\d{4}|n\.\s?d\.)[^()]*)\)$/.exec(s);
  if (nt && !/^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{Ll}]+\.?$/u.test((nt[1] as string) + ',')) {
    out.shape = 'note';
    setNames(item, nt[1] as string, false);
    let t = (nt[2] as string).trim();
    // ", trans. Max Eastman", ", ed. David Joravsky and Georges Haupt", ", vol. 2, Waiting for Hitler"
    for (;;) {
      const r = /,\s*(ed\.|eds\.|edited by|trans\.|translated by|comp\.|compiled by)\s+((?:(?!,\s*(?:ed\.|eds\.|edited by|trans\.|translated by)).)+)$/i.exec(t);
      if (!r) break;
      const names = parseNames(r[2] as string, false);
      if (/^(?:ed|edited|comp)/i.test(r[1] as string)) item.editor = [...names, ...(item.editor ?? [])];
      else item.translator = [...names, ...(item.translator ?? [])];
      t = t.slice(0, r.index);
    }
    const vol = /,\s*vol\.\s*(\w+)(?:,\s*(.+))?$/i.exec(t);
    if (vol) {
      item.volume = vol[1];
      t = t.slice(0, vol.index);
    }
    item.title = clean(t.replace(/^(?:the\s+)?(?:author|editor|translator)\s+of\s+|^(?:in\s+)?(?:his|her|their)\s+(?:book|memoirs?|study|article)\s+/i, ''));
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
  // shortened notes: "Davies, Mission to Moscow, 270" / "Conquest, Great Terror (1990), 97–98; Getty, Origins, 114" (the first)
  const sn = /^((?:(?:van|von|de)\s+)?\p{Lu}[\p{L}'’-]+(?:(?:,\s*|\s+(?:and|&)\s+)\p{Lu}[\p{L}'’-]+)*),\s+([^,;()]+?)(?:\s+\((\d{4})\))?,\s*(\d+(?:\s*[-–]\s*\d+)?|[ivxlc]+)(?:;.*)?$/u.exec(s);
  if (sn && isNote) {
    out.shape = 'note';
    item.author = parseNames(sn[1] as string, false);
    item.title = clean(sn[2]);
    if (sn[3]) item.issued = parseDate(sn[3] as string) ?? undefined;
    if (!item.issued) delete item.issued;
    if (!out.locator) out.locator = (sn[4] as string).replace(/\s/g, '');
    out.csl = item;
    return out;
  }
  // notes without parentheses: "Robert Conquest, Stalin and the Kirov Murder, 1 Jan. 1989"
  const nc =
    re(`^(?:(?:Professor|Prof\\.|Dr\\.?|Sir)\\s+)?((?:\\p{Lu}[\\p{L}.'’-]*\\s)+\\p{Lu}[\\p{L}'’-]+),\\s+([^,]+?)(?:,\\s*(${DATE_ANY}))?$`, 'u').exec(s) ??
    re(`^((?:\\p{Lu}[\\p{L}.'’-]*\\s){1,3}\\p{Lu}[\\p{L}'’-]+),\\s+(\\p{Lu}.+?),\\s*(${YEAR})$`, 'u').exec(s);
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
  s = s.replace(/(?:^|\.\s+)((?:\d+(?:st|nd|rd|th)|Second|Third|Fourth|Revised|Rev\.|New|Expanded)(?:[^.]{0,30}?)?)\s+ed(?:ition)?\.(,?)(?=\s+\p{Lu})/u, (m, e: string, comma: string) => {
    item.edition = e.trim().replace(/^(\d+)(?:st|nd|rd|th)$/, '$1');
    return m.startsWith('.') ? (comma ? '. ' : '.') : '';
  });
  s = s.replace(/^((?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)*)\.\s+((?:Trans|Ed|Eds|Comp)\.(?:\s+(?:and|&)\s+(?:Trans|Ed|Eds)\.)?)\s+(?=\p{Lu})/u, '$1, $2 ');
  // "Koenker and Bachman, Eds. Title…" / "Talbott, Strobe, ed. & trans. Title…" / "Shabad, Steven, trans. Title…"
  const role = /^(.+?),\s*((?:[Ee]ds?|[Tt]rans|[Cc]omps?)\.?(?:\s*(?:&|and)\s*(?:[Tt]rans|[Ee]ds?)\.)?|translator|editors?|compilers?)\s+(\p{Lu}.*)$/u.exec(s);
  if (role && !/\.\s/.test((role[1] as string).replace(/(?:^|\s)(?:\p{Lu}\.)+/gu, ''))) {
    const names = parseNames(role[1] as string, true);
    const r = (role[2] as string).toLowerCase();
    if (/(?:^|\s)(?:ed|comp)/.test(r)) item.editor = names;
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
    const initEnd = /^(\p{Lu}[\p{L}'’-]+, (?:[\p{Lu}][\p{L}'’-]*\.?\s)*\p{Lu}\p{Ll}?\.)\s+(\p{Lu}[\p{L}'’-]+(?!\.).*|\p{Lu}\s.*|\d.*)$/u.exec(first);
    // (not "Getty, J. Arch, and Oleg V. Naumov": a given name after the initial, then more names)
    if (initEnd && !/^\p{Lu}[\p{L}'’-]*,\s+(?:and|&)\s/u.test(initEnd[2] as string)) {
      segs.splice(0, 1, initEnd[1] as string, initEnd[2] as string);
      first = initEnd[1] as string;
    }
    // "Getty & Naumov, The Road to Terror" / "Ciliga, Ante, The Russian Enigma": names then title after a comma
    const nameComma = /^((?:\p{Lu}[\p{L}'’-]+(?:, (?:\p{Lu}[\p{L}'’-]*\.?\s?)+)?)(?:\s*(?:&|and)\s*\p{Lu}[\p{L}'’-]+)*),\s+(\p{Lu}.*)$/u.exec(first);
    if (/^(?:(?:van|von|de|der|du|la|le|di|da|ten|ter)\s+)*\p{Lu}[\p{L}'’-]+, /u.test(first) || /&| and /.test(first)) {
      const twoCommas = /^((?:(?:van|von|de|der|du|la|le|di|da|ten|ter)\s+)*\p{Lu}[\p{L}'’-]+, \p{Lu}[\p{L}.'’ -]+?), (\p{Lu}.+)$/u.exec(first);
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
  // "Dimitrov. Title. Place: Publisher, 1937" / "M. Lure. Title…": a lone name before the title
  if (i === 0 && !item.title && segs.length >= 3 && /^(?:(?:\p{Lu}\.\s?)*\p{Lu}[\p{Ll}'’-]+)$/u.test(segs[0] as string) && /:/.test(segs.slice(2).join(' '))) {
    item.author = parseNames(segs[0] as string, false);
    i = 1;
  }
  // a body as author: "U.S. Department of State. Title. Place: Publisher, 1952"
  if (i === 0 && !item.title && segs.length >= 3 && CORPORATE.test(segs[0] as string) && !/,/.test(segs[0] as string)) {
    item.author = [{ literal: segs[0] as string }];
    i = 1;
  }
  // "Getty, Origins of the Great Purges: The Soviet Communist Party Reconsidered, 1933-1938": a surname, then the title
  if (i === 0 && !item.title && segs.length === 1) {
    const st = /^(\p{Lu}[\p{L}'’-]+),\s+(\p{Lu}\S*(?:\s+\S+){2,})$/u.exec(segs[0] as string);
    if (st && !gazetteerLike(st[1] as string)) {
      item.author = [{ family: st[1] as string }];
      segs[0] = st[2] as string;
    }
  }
  const rest = segs.slice(i);
  if (!item.title && rest.length) item.title = clean(rest.shift());
  // comma style: "Title, translated by X, New Haven: Yale University Press, c2001" / "Stalin, London, John Lane, 1945"
  if (item.title && !item.publisher) {
    const tr = /,\s*(translated|edited) by\s+([^,]+?)(?=,\s)/i.exec(item.title);
    const imp = re(`^(.*?),\\s+((?:\\p{Lu}[\\p{L}.]*\\s?){1,3}(?:,\\s*\\p{Lu}{2})?)\\s?:\\s*([^:]+?)(?:,\\s*(${YEAR}))?$`, 'u').exec(item.title);
    const city = re(`^(.*?),\\s+(London|New York|Moscow|Paris|Berlin|Chicago|Boston|Toronto|Oxford|Cambridge|Princeton|New Haven|Leningrad|Washington),\\s+([^,]+?)(?:,\\s*(${YEAR}))?$`, 'u').exec(item.title);
    const m = imp ?? city;
    if (m && (m[1] as string).length > 0) {
      let t = m[1] as string;
      if (tr && tr.index < t.length) {
        const names = parseNames(tr[2] as string, false);
        if (/^trans/i.test(tr[1] as string)) item.translator = names;
        else item.editor = names;
        t = t.slice(0, tr.index);
      }
      item.title = clean(t);
      item['publisher-place'] = clean(m[2]);
      item.publisher = clean(m[3]);
      if (m[4]) item.issued = parseDate(m[4] as string) ?? item.issued;
      if (!item.issued) delete item.issued;
    }
  }
  // "Reminiscences and Reflections Vol. 1"
  if (item.title) {
    const v = /^(.+?)[,.]?\s+Vol\.\s*(\d+)$/i.exec(item.title);
    if (v) {
      item.title = v[1];
      item.volume = v[2];
    }
  }
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
    else if ((m = /^(Translated|Edited) by (.+?)(?:,\s+vol\.\s*(\w+))?,\s+(\p{Lu}.*\d{4}.*)$/u.exec(t))) {
      if (m[3]) item.volume = m[3];
      m.splice(3, 1);
      // MLA: "Translated by Nora Seligman Favorov, Yale UP, 2015"
      const names = parseNames((m[2] as string).replace(/\s+with\s+/g, ' and '), false);
      if (m[1] === 'Translated') item.translator = names;
      else item.editor = names;
      const r = publication(m[3] as string, item);
      if (r && !item.publisher) item.publisher = clean(r);
    } else if ((m = /^(?:edited and translated|translated and edited|ed\. and trans\.)\s+by\s+(.+)$/i.exec(t))) {
      const names = parseNames(m[1] as string, false);
      item.editor = names;
      item.translator = names;
    } else if ((m = /^(Translated|Edited|Compiled)\s+by\s+(.+)$/i.exec(t))) {
      const names = parseNames(m[2] as string, false);
      if (/^Trans/i.test(m[1] as string)) item.translator = names;
      else item.editor = names;
    } else if (/^(?:annotated|introduced|with an introduction|foreword|introduction)\s+by\s/i.test(t)) {
      // contributors CSL has no role for here
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

/** place names that open "Place, Publisher" imprints (not surnames) */
function gazetteerLike(w: string): boolean {
  return /^(?:London|New York|Moscow|Paris|Berlin|Chicago|Boston|Toronto|Oxford|Cambridge|Princeton|Leningrad|Washington|Москва|Ленинград)$/.test(w);
}

/** split at ". " between elements (not after initials or abbreviations) */
function splitSentences(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  const parts = s.split(/(\.["”]?\s+)/);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (/^\.["”]\s+$/.test(p)) {
      // a title in quotes ends with its closing mark: 'Power and the Soviet Elite; "The letter of an Old Bolshevik." New York'
      out.push(cur + p.trim().slice(1));
      cur = '';
      continue;
    }
    if (/^\.\s+$/.test(p)) {
      const prev = cur.trim();
      const lastWord = prev.split(/[\s(]/).pop() ?? '';
      // initials ("J.", "A. L."), abbreviations ("Univ", "Vol", "ed", "Inc"), ordinals
      const imprintNext = /^\p{Lu}[\p{L} ,]{1,30}:\s/u.test(parts.slice(i + 1).join('')) && !/\p{Lu}\.\s?\p{Lu}$/u.test(prev);
      if (!imprintNext && /^(?:(?:\p{Lu}\.)*\p{Lu}|Iu|Yu|Ia|Ya|Zh|Ch|Sh|Th|Kh|Univ|Vol|vol|ed|Ed|eds|Eds|Inc|Co|Ltd|Jr|Sr|St|Mt|Dr|Mr|Mrs|Rev|Conn|Mass|Calif|Ill|Mich|N\.Y|D\.C|no|No|pp?|trans|Vic|Bros)$/u.test(lastWord)) {
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
