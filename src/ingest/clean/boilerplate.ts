/**
 * Page furniture that survives a copy-paste or an OCR capture of a web page:
 * cookie/consent banners (whole, or cut into fragments and spliced into sentences),
 * wiki chrome, breadcrumbs, navigation lists, close buttons.
 *
 * Method (general, not written for any one file):
 *  1. Whole lines that are furniture by a small multilingual lexicon (exact line match).
 *  2. Breadcrumb lines ("A > B > C >").
 *  3. Navigation lists: runs of short lines at the head or tail of a document most of
 *     whose items are furniture words.
 *  4. Consent banners: lines carrying a consent cue (cookies, privacy policy, ...) are
 *     banner candidates; the longest short candidate whose wording recurs elsewhere in
 *     the document (or any candidate that is only banner) becomes a template, and every
 *     run of four or more consecutive template words anywhere in the text, or a whole
 *     line of two or more, is removed, wherever it was spliced in. A fragment may begin
 *     or end inside a word, as OCR and copy-paste cut them ("...planation can be found").
 */
import type { Edit } from '../../core/offsets.js';

const LINE_FURNITURE = [
  // wiki chrome
  'more languages', 'more actions', 'jump to navigation', 'jump to search', 'jump to content',
  'toggle the table of contents', 'from wikipedia, the free encyclopedia', 'edit links', 'edit', '[edit]',
  'view history', 'read', 'view source', 'what links here', 'related changes', 'page information',
  'cite this page', 'download as pdf', 'printable version', 'in other projects', 'tools', 'actions', 'general',
  'print/export', 'navigation menu', 'contents', 'hide', 'show', 'talk', 'article',
  // site chrome
  'skip to content', 'skip to main content', 'menu', 'main menu', 'search', 'close', 'x', '×', '✕', '✖',
  'accept', 'accept all', 'accept all cookies', 'reject all', 'cookie settings', 'manage cookies', 'ok', 'got it',
  'privacy policy', 'terms of use', 'terms of service', 'back to top', 'top', 'share', 'share this:', 'share this',
  'tweet', 'print', 'email', 'log in', 'login', 'sign in', 'sign up', 'register', 'subscribe', 'home', 'advertisement',
  'reply', 'reply with quote', 'report post', 'quote post', 'like', 'permalink', 'loading...', 'loading…',
  // Russian
  'поделиться', 'войти', 'меню', 'поиск', 'наверх', 'закрыть', 'принять', 'регистрация', 'главная', 'ответить',
  'политика конфиденциальности', 'читать далее', 'перейти к навигации', 'перейти к поиску', 'править',
  'править код', 'ещё', 'другие языки', 'содержание',
];
const FURNITURE_SET = new Set(LINE_FURNITURE);

const NAV_WORDS = new Set([
  'home', 'about', 'about us', 'contact', 'contact us', 'news', 'blog', 'archive', 'archives', 'search', 'menu',
  'login', 'log in', 'sign in', 'sign up', 'register', 'help', 'faq', 'donate', 'shop', 'subscribe', 'privacy',
  'privacy policy', 'terms', 'terms of use', 'sitemap', 'site map', 'index', 'next', 'previous', 'prev', 'top',
  'главная', 'о нас', 'контакты', 'новости', 'поиск', 'архив', 'вход', 'регистрация', 'помощь',
]);

/** a consent/cookie cue inside a line */
const CONSENT_CUE =
  /\b(?:cookies?|privacy policy|privacy notice|terms of (?:use|service)|consent|gdpr|this (?:web)?site uses|by (?:continuing|using) (?:to (?:use|browse) )?this (?:web)?site)\b|(?:файл(?:ы|ов) cookie|куки|политик[аи] конфиденциальности|этот сайт использует)/i;

/** Token with its span; `norm` is lowercase letters/digits only. */
interface Tok {
  start: number;
  end: number;
  norm: string;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m && m.index < to; m = WORD_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, norm: m[0].toLowerCase().replace(/’/g, "'") });
  }
  return out;
}

interface Line {
  start: number;
  end: number; // exclusive, before the \n
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let s = 0;
  for (;;) {
    const nl = text.indexOf('\n', s);
    if (nl < 0) {
      lines.push({ start: s, end: text.length });
      break;
    }
    lines.push({ start: s, end: nl });
    s = nl + 1;
  }
  return lines;
}

function lineKey(text: string, l: Line): string {
  return text
    .slice(l.start, l.end)
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** the line with its trailing newline, for whole-line deletion */
function lineEdit(text: string, l: Line, reason: string): Edit {
  return { start: l.start, end: Math.min(text.length, l.end + 1), text: '', reason };
}

export interface BoilerplateOptions {
  /** consent-banner templates learned elsewhere (other documents of the batch) */
  extraTemplates?: string[];
}

export interface BoilerplateResult {
  edits: Edit[];
  /** banner templates found in this text (so a batch can share them) */
  templates: string[];
}

export function findBoilerplate(text: string, opts: BoilerplateOptions = {}): BoilerplateResult {
  const edits: Edit[] = [];
  const lines = splitLines(text);
  const keys = lines.map((l) => lineKey(text, l));

  // 1. furniture lines; 2. breadcrumbs
  keys.forEach((k, i) => {
    const l = lines[i]!;
    if (!k) return;
    if (FURNITURE_SET.has(k)) edits.push(lineEdit(text, l, 'boilerplate: page furniture'));
    else if (isBreadcrumb(k)) edits.push(lineEdit(text, l, 'boilerplate: breadcrumb'));
  });

  // 3. navigation lists at the head and tail
  for (const range of [headRange(keys), tailRange(keys)]) {
    if (!range) continue;
    for (let i = range[0]; i <= range[1]; i++) {
      if (keys[i]) edits.push(lineEdit(text, lines[i]!, 'boilerplate: navigation list'));
    }
  }

  // 4. consent banners
  const templates = learnBannerTemplates(text, lines, keys);
  const all = [...templates, ...(opts.extraTemplates ?? [])];
  for (const t of all) edits.push(...bannerFragments(text, lines, t));
  return { edits, templates };
}

function isBreadcrumb(k: string): boolean {
  if (k.length > 160) return false;
  // separators stand between spaces (or end the line): "A > B > C >"
  if (/[<]/.test(k)) return false;
  const parts = k.split(/\s[>»›](?:\s|$)/).filter((p) => p.trim().length > 0);
  const seps = (k.match(/\s[>»›](?=\s|$)/g) ?? []).length;
  if (seps < 1 || (parts.length < 2 && !/\s[>»›]$/.test(k))) return false;
  if (/[.!?]$/.test(k)) return false;
  return parts.every((p) => p.trim().split(/\s+/).length <= 6 && p.length <= 48);
}

function isNavItem(k: string): boolean {
  return NAV_WORDS.has(k.replace(/^[-*•|]\s*/, '').replace(/\s*[|•]$/, ''));
}

function navRun(keys: string[], order: number[]): [number, number] | null {
  let first = -1;
  let last = -1;
  let items = 0;
  let nav = 0;
  for (const i of order) {
    const k = keys[i]!;
    if (!k) continue;
    if (k.split(' ').length > 4 || /[.!?]$/.test(k)) break;
    items++;
    if (isNavItem(k) || FURNITURE_SET.has(k)) nav++;
    if (first < 0) first = i;
    last = i;
  }
  if (items >= 3 && nav / items >= 0.5) return [Math.min(first, last), Math.max(first, last)];
  return null;
}

function headRange(keys: string[]): [number, number] | null {
  const order = Array.from({ length: Math.min(keys.length, 60) }, (_, i) => i);
  return navRun(keys, order);
}
function tailRange(keys: string[]): [number, number] | null {
  const n = keys.length;
  const order = Array.from({ length: Math.min(n, 60) }, (_, i) => n - 1 - i);
  return navRun(keys, order);
}

/**
 * Banner templates: candidate lines that carry a consent cue and are short. A
 * candidate is accepted when it is entirely banner (it also occurs, as a whole,
 * elsewhere), or when at least 60% of its word trigrams recur in other lines of the text
 * (the fragments of a banner cut and spliced elsewhere). Of overlapping candidates
 * the longest wins.
 */
function learnBannerTemplates(text: string, lines: Line[], keys: string[]): string[] {
  const cand: number[] = [];
  keys.forEach((k, i) => {
    if (k && k.length <= 400 && CONSENT_CUE.test(k)) cand.push(i);
  });
  if (!cand.length) return [];
  // trigram counts over lines (each line counted once per trigram)
  const tri = new Map<string, number>();
  lines.forEach((l) => {
    const toks = tokens(text, l.start, l.end).map((t) => t.norm);
    const seen = new Set<string>();
    for (let i = 0; i + 2 < toks.length; i++) seen.add(`${toks[i]} ${toks[i + 1]} ${toks[i + 2]}`);
    for (const g of seen) tri.set(g, (tri.get(g) ?? 0) + 1);
  });
  const accepted: string[] = [];
  const ranked = cand
    .map((i) => ({ i, toks: tokens(text, lines[i]!.start, lines[i]!.end).map((t) => t.norm) }))
    .sort((a, b) => b.toks.length - a.toks.length);
  for (const { i, toks } of ranked) {
    if (toks.length < 3) continue;
    let recurring = 0;
    let total = 0;
    for (let j = 0; j + 2 < toks.length; j++) {
      total++;
      if ((tri.get(`${toks[j]} ${toks[j + 1]} ${toks[j + 2]}`) ?? 0) >= 2) recurring++;
    }
    const share = total ? recurring / total : 0;
    if (process.env.INQUIRY_DEBUG_BANNER) console.error('banner candidate', share.toFixed(2), toks.join(' '));
    const key = keys[i]!;
    const repeatsWhole = keys.filter((k) => k === key).length >= 2;
    if (share < 0.6 && !repeatsWhole) continue;
    const joined = toks.join(' ');
    if (accepted.some((a) => a.includes(joined))) continue;
    accepted.push(joined);
  }
  return accepted;
}

/** Remove every run of template words in the text (see module comment). */
function bannerFragments(text: string, lines: Line[], template: string): Edit[] {
  const t = template.split(' ');
  if (t.length < 3) return [];
  const pos = new Map<string, number[]>();
  t.forEach((w, j) => {
    const a = pos.get(w);
    if (a) a.push(j);
    else pos.set(w, [j]);
  });
  const edits: Edit[] = [];
  for (const l of lines) {
    const toks = tokens(text, l.start, l.end);
    let i = 0;
    while (i < toks.length) {
      let bestLen = 0;
      let bestJ = -1;
      const starts = new Set<number>(pos.get(toks[i]!.norm) ?? []);
      // the first word may be a tail of a template word ("planation" of "explanation")
      if (!starts.size && toks[i]!.norm.length >= 4) {
        t.forEach((w, j) => {
          if (w.length > toks[i]!.norm.length && w.endsWith(toks[i]!.norm)) starts.add(j);
        });
      }
      for (const j of starts) {
        let k = 1;
        while (i + k < toks.length && j + k < t.length && toks[i + k]!.norm === t[j + k]) k++;
        // the last word may be a head of the next template word ("acc" of "accepted")
        if (i + k < toks.length && j + k < t.length) {
          const nx = toks[i + k]!.norm;
          if (nx.length >= 3 && t[j + k]!.startsWith(nx) && toks[i + k]!.end === l.end) k++;
        }
        if (k > bestLen) {
          bestLen = k;
          bestJ = j;
        }
      }
      const runStart = toks[i]!.start;
      const runEndTok = toks[i + bestLen - 1];
      const wholeLine = runEndTok !== undefined && isWholeLine(text, l, runStart, runEndTok.end);
      const hasCue = bestLen >= 2 && runEndTok !== undefined && CONSENT_CUE.test(text.slice(runStart, runEndTok.end));
      const atEdge =
        runEndTok !== undefined && (text.slice(l.start, runStart).trim() === '' || /^[\s.,;:!?)\]"'’”]*$/.test(text.slice(runEndTok.end, l.end)));
      if (bestJ >= 0 && runEndTok && (bestLen >= 4 || (wholeLine && bestLen >= 2) || (hasCue && (bestLen >= 3 || atEdge)))) {
        let end = runEndTok.end;
        // take the punctuation and space that belong to the banner
        while (end < l.end && /[.,;:!?)\]"'’”]/.test(text[end]!)) end++;
        while (end < l.end && (text[end] === ' ' || text[end] === '\t')) end++;
        let start = runStart;
        if (end >= l.end) {
          // the run ends the line: take the space before it too
          while (start > l.start && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
        }
        if (start === l.start && end >= l.end) end = Math.min(text.length, l.end + 1);
        edits.push({ start, end, text: '', reason: 'boilerplate: consent banner' });
        i += bestLen;
      } else i++;
    }
  }
  return edits;
}

function isWholeLine(text: string, l: Line, s: number, e: number): boolean {
  return text.slice(l.start, s).trim() === '' && /^[\s.,;:!?)\]"'’”]*$/.test(text.slice(e, l.end));
}
