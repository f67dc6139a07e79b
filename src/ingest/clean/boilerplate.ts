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
import { tokenize, type Tokens } from '../../core/text.js';

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
/** lowercase anchors, one of which every consent cue contains */
const CUE_ANCHORS = ['cookie', 'privacy', 'terms of', 'consent', 'gdpr', 'this site', 'this website', 'by continuing', 'куки', 'конфиденциальн', 'этот сайт'];
/** words too common to tell a banner fragment from prose */
const STOP = new Set('this that with from have will your they them their there these those what when which while about into over more most some such than then were been being does done here just like only other also very much many each both into onto upon very used uses using'.split(' '));

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

const LONG = '\u0000long';

function lineKey(text: string, l: Line): string {
  if (l.end - l.start > 400) return LONG;
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
  // normalized line keys, made only for the lines a rule looks at
  const cache = new Map<number, string>();
  const key = (i: number): string => {
    let k = cache.get(i);
    if (k === undefined) {
      k = lineKey(text, lines[i]!);
      cache.set(i, k);
    }
    return k;
  };

  // 1. furniture lines; 2. breadcrumbs; menu bars
  lines.forEach((l, i) => {
    const len = l.end - l.start;
    if (len === 0 || len > 400) return;
    if (len > 160) {
      // only a menu bar can be this long
      if (text.slice(l.start, l.end).includes(' | ') && isMenuBar(key(i))) edits.push(lineEdit(text, l, 'boilerplate: navigation list'));
      return;
    }
    const k = key(i);
    if (!k) return;
    if (k.length <= 60 && FURNITURE_SET.has(k)) edits.push(lineEdit(text, l, 'boilerplate: page furniture'));
    else if (/[>»›]/.test(k) && isBreadcrumb(k)) edits.push(lineEdit(text, l, 'boilerplate: breadcrumb'));
    else if (k.includes(' | ') && isMenuBar(k)) edits.push(lineEdit(text, l, 'boilerplate: navigation list'));
  });

  // 3. navigation lists at the head and tail
  for (const range of [headRange(lines.length, key), tailRange(lines.length, key)]) {
    if (!range) continue;
    for (let i = range[0]; i <= range[1]; i++) {
      if (key(i)) edits.push(lineEdit(text, lines[i]!, 'boilerplate: navigation list'));
    }
  }

  // 4. consent banners. Cheap anchors (indexOf on the lowercased text) find the lines
  //    that may carry a cue; the cue expression confirms them.
  const lower = text.length === text.toLowerCase().length ? text.toLowerCase() : null;
  const starts = lines.map((l) => l.start);
  const cand: number[] = [];
  const candSet = new Set<number>();
  const consider = (i: number) => {
    const l = lines[i]!;
    if (candSet.has(i) || l.end - l.start > 400) return;
    if (!CONSENT_CUE.test(text.slice(l.start, l.end))) return;
    candSet.add(i);
    cand.push(i);
  };
  if (lower) {
    for (const a of CUE_ANCHORS) for (let at = lower.indexOf(a); at >= 0; at = lower.indexOf(a, at + a.length)) consider(lineAt(starts, at));
  } else lines.forEach((_, i) => consider(i));
  cand.sort((a, b) => a - b);
  const extra = opts.extraTemplates ?? [];
  if (!cand.length && !extra.length) return { edits, templates: [] };
  const keys = lines.map((_, i) => (candSet.has(i) ? key(i) : ''));
  // tokenize only the lines (and their neighbours) that hold a distinctive banner word
  const provisional = cand.map((i) => tokenize(text, lines[i]!.start, lines[i]!.end).norm.join(' '));
  const rare = new Set<string>();
  for (const t of [...provisional, ...extra]) for (const w of t.split(' ')) if (w.length >= 4 && !STOP.has(w)) rare.add(w);
  const hot = new Set<number>(cand);
  if (lower) {
    for (const w of rare) {
      for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + w.length)) {
        const i = lineAt(starts, at);
        hot.add(i);
        if (i > 0) hot.add(i - 1);
        if (i + 1 < lines.length) hot.add(i + 1);
      }
    }
  } else lines.forEach((_, i) => hot.add(i));
  const toks: Tokens = { start: [], end: [], norm: [] };
  for (const i of [...hot].sort((a, b) => a - b)) {
    const t = tokenize(text, lines[i]!.start, lines[i]!.end);
    toks.start.push(...t.start);
    toks.end.push(...t.end);
    toks.norm.push(...t.norm);
  }
  const templates = learnBannerTemplates(text, lines, keys, cand, toks);
  for (const t of [...templates, ...extra]) edits.push(...bannerFragments(text, toks, t));
  return { edits, templates };
}

/** index of the line containing offset `at` (line starts sorted) */
function lineAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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

/** a menu bar: four or more items separated by " | ", nearly all short ("Home | News | Archive | ...") */
function isMenuBar(k: string): boolean {
  const items = k.split('|').map((x) => x.trim()).filter(Boolean);
  if (items.length < 4) return false;
  const short = items.filter((x) => x.split(/\s+/).length <= 4 && x.length <= 40 && !/[.!?]$/.test(x)).length;
  return short / items.length >= 0.8;
}

function isNavItem(k: string): boolean {
  return NAV_WORDS.has(k.replace(/^[-*•|]\s*/, '').replace(/\s*[|•]$/, ''));
}

function navRun(key: (i: number) => string, order: number[]): [number, number] | null {
  let first = -1;
  let last = -1;
  let items = 0;
  let nav = 0;
  for (const i of order) {
    const k = key(i);
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

function headRange(n: number, key: (i: number) => string): [number, number] | null {
  return navRun(key, Array.from({ length: Math.min(n, 60) }, (_, i) => i));
}
function tailRange(n: number, key: (i: number) => string): [number, number] | null {
  return navRun(key, Array.from({ length: Math.min(n, 60) }, (_, i) => n - 1 - i));
}

/**
 * Banner templates: candidate lines that carry a consent cue and are short. A
 * candidate is accepted when it is entirely banner (it also occurs, as a whole,
 * elsewhere), or when at least 60% of its word trigrams recur in other lines of the text
 * (the fragments of a banner cut and spliced elsewhere). Of overlapping candidates
 * the longest wins.
 */
function learnBannerTemplates(text: string, lines: Line[], keys: string[], cand: number[], toks: Tokens): string[] {
  if (!cand.length) return [];
  // the whole text as lowercase words, to count how often a trigram recurs
  const flat = ' ' + toks.norm.join(' ') + ' ';
  const countTri = (g: string): number => {
    let n = 0;
    let at = flat.indexOf(g);
    while (at >= 0 && n < 2) {
      n++;
      at = flat.indexOf(g, at + 1);
    }
    return n;
  };
  const accepted: string[] = [];
  const ranked = cand
    .map((i) => {
      const t = tokenize(text, lines[i]!.start, lines[i]!.end);
      return { i, toks: t.norm };
    })
    .sort((a, b) => b.toks.length - a.toks.length);
  for (const { i, toks: words } of ranked) {
    if (words.length < 3) continue;
    const key = keys[i]!;
    const repeatsWhole = cand.filter((k) => keys[k] === key).length >= 2;
    let runs: string[][];
    if (repeatsWhole) runs = [words];
    else {
      // the stretches of the line whose every trigram recurs elsewhere: a banner spliced
      // into a content line yields only its banner part
      const rec = words.slice(0, -2).map((_, j) => countTri(` ${words[j]} ${words[j + 1]} ${words[j + 2]} `) >= 2);
      runs = [];
      for (let j = 0; j < rec.length; ) {
        if (!rec[j]) {
          j++;
          continue;
        }
        let k = j;
        while (k < rec.length && rec[k]) k++;
        if (k - j >= 2) runs.push(words.slice(j, k + 2));
        j = k;
      }
      // only runs that carry the cue; the full line when a run covers most of it and
      // what is left at either end is a few words or carries a cue itself
      runs = runs.filter((r) => CONSENT_CUE.test(r.join(' ')));
      if (runs.length === 1) {
        const r = runs[0]!;
        const from = words.indexOf(r[0]!);
        const head = words.slice(0, from);
        const tail = words.slice(from + r.length);
        const ok = (rest: string[]) => rest.length <= 3 || CONSENT_CUE.test(rest.join(' '));
        if (r.length / words.length >= 0.6 && ok(head) && ok(tail)) runs = [words];
      }
    }
    for (const r of runs) accepted.push(r.join(' '));
  }
  // longest first; a template inside a longer one adds nothing
  accepted.sort((a, b) => b.length - a.length);
  return accepted.filter((t, i) => !accepted.slice(0, i).some((a) => a.includes(t)));
}

/**
 * Remove every run of template words in the text (see module comment). A run may
 * cross a single line break (a banner wrapped or spliced across lines), never a
 * blank line.
 */
function bannerFragments(text: string, toks: Tokens, template: string): Edit[] {
  const t = template.split(' ');
  if (t.length < 3) return [];
  const pos = new Map<string, number[]>();
  t.forEach((w, j) => {
    const a = pos.get(w);
    if (a) a.push(j);
    else pos.set(w, [j]);
  });
  const edits: Edit[] = [];
  const n = toks.norm.length;
  const joinable = (a: number) => {
    // may a run continue from token a to token a+1? not across a blank line, nor across
    // text that was not tokenized (lines skipped as holding no banner word)
    const gap = text.slice(toks.end[a]!, toks.start[a + 1]!);
    if (gap.length > 200 || /[\p{L}\p{N}]/u.test(gap)) return false;
    return gap.indexOf('\n') === gap.lastIndexOf('\n') || !/\n[ \t]*\n/.test(gap);
  };
  let i = 0;
  while (i < n) {
    const w = toks.norm[i]!;
    let starts = pos.get(w);
    // the first word may be a tail of a template word ("planation" of "explanation")
    if (!starts && w.length >= 4) {
      const tails: number[] = [];
      t.forEach((tw, j) => {
        if (tw.length > w.length && tw.endsWith(w)) tails.push(j);
      });
      if (tails.length) starts = tails;
    }
    if (!starts) {
      i++;
      continue;
    }
    let bestLen = 0;
    for (const j of starts) {
      let k = 1;
      while (i + k < n && j + k < t.length && toks.norm[i + k] === t[j + k] && joinable(i + k - 1)) k++;
      // the last word may be a head of the next template word, cut at a line end ("acc" of "accepted")
      if (i + k < n && j + k < t.length && joinable(i + k - 1)) {
        const nx = toks.norm[i + k]!;
        const after = text.charCodeAt(toks.end[i + k]!);
        if (nx.length >= 3 && t[j + k]!.startsWith(nx) && (after === 10 || Number.isNaN(after))) k++;
      }
      if (k > bestLen) bestLen = k;
    }
    if (bestLen < 2) {
      i++;
      continue;
    }
    const runStart = toks.start[i]!;
    const runEnd = toks.end[i + bestLen - 1]!;
    const lineStart = text.lastIndexOf('\n', runStart - 1) + 1;
    let lineEnd = text.indexOf('\n', runEnd);
    if (lineEnd < 0) lineEnd = text.length;
    const atStart = text.slice(lineStart, runStart).trim() === '';
    const atEnd = /^[\s.,;:!?)\]"'’”]*$/.test(text.slice(runEnd, lineEnd));
    const hasCue = CONSENT_CUE.test(text.slice(runStart, runEnd));
    if (bestLen >= 4 || (atStart && atEnd) || (hasCue && (bestLen >= 3 || atStart || atEnd))) {
      let end = runEnd;
      // take the punctuation and space that belong to the banner
      while (end < lineEnd && /[.,;:!?)\]"'’”]/.test(text[end]!)) end++;
      while (end < lineEnd && (text[end] === ' ' || text[end] === '\t')) end++;
      let start = runStart;
      if (end >= lineEnd) {
        // the run ends the line: take the space before it too
        while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      }
      if (start === lineStart && end >= lineEnd) end = Math.min(text.length, lineEnd + 1);
      edits.push({ start, end, text: '', reason: 'boilerplate: consent banner' });
      i += bestLen;
    } else i++;
  }
  return edits;
}
