/**
 * HTML reader: markup → main-content plain text, with an exact map back to the markup.
 *
 * Pipeline
 *  1. Tokenize the markup with htmlparser2. Every text event carries its raw range
 *     (`parser.startIndex` .. `parser.endIndex`), so each text node of the document
 *     becomes a list of positioned pieces: verbatim runs (the decoded text equals the
 *     raw slice) and decoded character references (`&amp;`, `&#8217;`, `&nbsp;` …,
 *     whose decoded text differs from the raw slice). Content of script, style,
 *     noscript, template, svg, math, head and similar elements is never collected.
 *  2. Run @mozilla/readability on a separate linkedom DOM of the same markup to find
 *     the main content (dropping navigation, headers, footers, sidebars, banners).
 *     Nothing is executed: linkedom does not run scripts and readability only reads
 *     and prunes the tree.
 *  3. Align readability's article text nodes, in order, with the positioned text
 *     nodes (whitespace-insensitive, entity-decoded comparison, forward greedy
 *     search) and keep the matched ones. If readability finds nothing, or the
 *     alignment recovers less than half of its article text, fall back to every
 *     text node of <body> outside nav/header/footer/aside/form (with a warning).
 *  4. Lay the kept nodes out as text: block boundaries become "\n\n" ("\n" for
 *     <br> and list items), whitespace runs collapse to one space (kept verbatim
 *     inside <pre>), and leading/trailing whitespace of each block is trimmed.
 *     The offset map is built alongside: verbatim text → copy segments; decoded
 *     references, collapsed whitespace and inserted breaks → replace segments.
 *
 * Why `decodeEntities: true`: with decoding on, htmlparser2 reports each character
 * reference as its own text event whose startIndex/endIndex span exactly the
 * reference in the markup, decoded with the same WHATWG tables linkedom uses. Each
 * event is classified by comparing its data with the raw slice it spans, so a
 * piece is only ever a copy segment when it is byte-for-byte the markup.
 */
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { OffsetMap } from '../../core/offsets.js';
import type { PassageRole, SourceMeta } from '../../core/types.js';
import type { Extracted, StructureHint } from './types.js';

// ---------------------------------------------------------------------------
// Element classes

/**
 * Elements whose content is never text of the document. (<head> itself is not
 * listed: its only text-bearing children are listed here, and browsers move any
 * other element found in an unclosed <head> into the body, so we keep those.)
 */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'title',
  'textarea',
  'select',
  'iframe',
  'object',
  'embed',
  'canvas',
]);

/**
 * Page furniture, dropped on both paths (readability keeps it on short pages where
 * the whole body becomes the candidate). Furniture tags only count outside
 * <article>/<main>: an article's own <header> holds its title and byline.
 */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'dialog']);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);
/** elements that belong in <head>; anything else there is body content */
const HEAD_TAGS = new Set(['title', 'base', 'link', 'meta', 'style', 'script', 'noscript', 'template']);
/** landmarks whose furniture tags belong to the content */
const MAIN_TAGS = new Set(['article', 'main']);
/** class/id names of consent and cookie banners (not any "cookie": recipes exist) */
const FURNITURE_CLASS = /cookie[-_]?(?:banner|consent|notice|bar|popup|law|warning|message|dialog|wall)|consent|gdpr|onetrust/i;

/** Elements whose content keeps its whitespace. */
const PRE_TAGS = new Set(['pre', 'listing', 'plaintext', 'xmp']);

/** Separator strength between two pieces of text; the strongest boundary wins. */
const Sep = {
  None: 0,
  /** table cells: at least one space */
  Space: 1,
  /** <br>, list items: "\n" */
  Line: 2,
  /** paragraphs and other blocks: "\n\n" */
  Block: 3,
} as const;
type Sep = (typeof Sep)[keyof typeof Sep];

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'listing',
  'plaintext',
  'xmp',
]);
const LINE_TAGS = new Set(['br', 'li']);
const CELL_TAGS = new Set(['td', 'th']);
/** list containers: only a line break when nested inside a list item */
const LIST_TAGS = new Set(['ul', 'ol', 'menu', 'dir']);

const HINT_ROLES: Record<string, PassageRole> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  blockquote: 'quote',
  li: 'list',
};

// ---------------------------------------------------------------------------
// Tokenization

/** A piece of a text node: one htmlparser2 text event. */
interface Piece {
  /** raw range [rawStart, rawEnd) in the markup */
  rawStart: number;
  rawEnd: number;
  /** decoded text */
  text: string;
  /** true when `text` is exactly the raw slice (no character reference) */
  verbatim: boolean;
}

interface TextItem {
  kind: 'text';
  pieces: Piece[];
  /** decoded text with all whitespace removed (alignment key); '' for whitespace-only nodes */
  key: string;
  /** inside <pre> and friends: whitespace is kept */
  pre: boolean;
  /** inside <body> */
  inBody: boolean;
  /** inside page furniture: nav/header/footer/aside/form outside <article>/<main>,
   * navigation/banner landmarks, cookie banners, hidden elements */
  furniture: boolean;
  /** ids of the enclosing elements that produce structure hints */
  hintEls: number[];
}

interface BoundaryItem {
  kind: 'boundary';
  sep: Sep;
  /** raw offset of the tag that makes the boundary */
  pos: number;
}

type Item = TextItem | BoundaryItem;

interface Frame {
  tag: string;
  /** element id (index into `hintRoles` when the element produces a hint) */
  id: number;
  skip: boolean;
  furniture: boolean;
  pre: boolean;
  inBody: boolean;
  inMain: boolean;
  inListItem: boolean;
  hintEls: number[];
}

interface Tokenized {
  items: Item[];
  /** role of each hint-producing element, by element id */
  hintRoles: Map<number, PassageRole>;
  hasBody: boolean;
}

function tokenize(raw: string): Tokenized {
  const items: Item[] = [];
  const hintRoles = new Map<number, PassageRole>();
  const root: Frame = {
    tag: '#root',
    id: -1,
    skip: false,
    furniture: false,
    pre: false,
    inBody: false,
    inMain: false,
    inListItem: false,
    hintEls: [],
  };
  const stack: Frame[] = [root];
  let nextId = 0;
  let hasBody = false;
  /** text node being extended by contiguous text events */
  let current: TextItem | null = null;

  const boundary = (frame: Frame, pos: number): void => {
    if (frame.skip) return;
    let sep: Sep = Sep.None;
    if (LIST_TAGS.has(frame.tag)) sep = frame.inListItem ? Sep.Line : Sep.Block;
    else if (BLOCK_TAGS.has(frame.tag)) sep = Sep.Block;
    else if (LINE_TAGS.has(frame.tag)) sep = Sep.Line;
    else if (CELL_TAGS.has(frame.tag)) sep = Sep.Space;
    if (sep !== Sep.None) items.push({ kind: 'boundary', sep, pos });
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        current = null;
        const parent = stack[stack.length - 1] ?? root;
        const id = nextId++;
        const role = HINT_ROLES[name];
        const classes = `${attribs['class'] ?? ''} ${attribs['id'] ?? ''}`;
        const frame: Frame = {
          tag: name,
          id,
          skip: parent.skip || SKIP_TAGS.has(name),
          furniture:
            parent.furniture ||
            (FURNITURE_TAGS.has(name) && !parent.inMain) ||
            FURNITURE_ROLES.has((attribs['role'] ?? '').trim().toLowerCase()) ||
            'hidden' in attribs ||
            (attribs['aria-hidden'] ?? '').trim().toLowerCase() === 'true' ||
            FURNITURE_CLASS.test(classes),
          pre: parent.pre || PRE_TAGS.has(name),
          inBody: parent.inBody || name === 'body' || (parent.tag === 'head' && !HEAD_TAGS.has(name)),
          inMain: parent.inMain || MAIN_TAGS.has(name) || (attribs['role'] ?? '').trim().toLowerCase() === 'main',
          inListItem: parent.inListItem || name === 'li',
          hintEls: role ? [...parent.hintEls, id] : parent.hintEls,
        };
        if (role) hintRoles.set(id, role);
        if (name === 'body') hasBody = true;
        stack.push(frame);
        boundary(frame, parser.startIndex);
      },
      onclosetag(name) {
        current = null;
        // htmlparser2 balances its own stack; search anyway so a surprise cannot desync ours
        let i = stack.length - 1;
        while (i > 0 && stack[i]?.tag !== name) i--;
        if (i <= 0) return;
        const frame = stack[i] as Frame;
        stack.length = i;
        boundary(frame, parser.startIndex);
      },
      ontext(data) {
        const top = stack[stack.length - 1] ?? root;
        if (top.skip || data.length === 0) {
          current = null;
          return;
        }
        const rawStart = parser.startIndex;
        const rawEnd = parser.endIndex + 1;
        const piece: Piece = { rawStart, rawEnd, text: data, verbatim: raw.slice(rawStart, rawEnd) === data };
        const key = stripWs(data);
        const last = current?.pieces[current.pieces.length - 1];
        if (current && last && last.rawEnd === rawStart) {
          current.pieces.push(piece);
          current.key += key;
          return;
        }
        current = {
          kind: 'text',
          pieces: [piece],
          key,
          pre: top.pre,
          inBody: top.inBody,
          furniture: top.furniture,
          hintEls: top.hintEls,
        };
        items.push(current);
      },
      oncomment() {
        current = null;
      },
      oncdatastart() {
        current = null;
      },
      onprocessinginstruction() {
        current = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.parseComplete(raw);
  return { items, hintRoles, hasBody };
}

function stripWs(s: string): string {
  return s.replace(/\s+/g, '');
}

function collapseWs(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Main-content selection

/** Minimal structural view of the linkedom nodes we read (the project has no DOM lib). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

interface DomElement extends DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

interface DomDocument extends DomElement {
  documentElement: DomElement | null;
}

interface Article {
  title: string | null | undefined;
  content: DomNode | null | undefined;
  textContent: string | null | undefined;
  byline: string | null | undefined;
  lang: string | null | undefined;
  publishedTime: string | null | undefined;
}

/** Text nodes under `root`, in document order (iterative: pages can nest deeply). */
function domTextNodes(root: DomNode): string[] {
  const out: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as DomNode;
    if (node.nodeType === 3) {
      if (node.nodeValue) out.push(node.nodeValue);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (node.nodeType === 1 && SKIP_TAGS.has(node.nodeName.toLowerCase())) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return out;
}

/** How far past the cursor we look for a match that starts at a node boundary. */
const ALIGN_WINDOW = 20000;

/**
 * Align article text (node texts in order) to the document's text nodes.
 * Comparison ignores whitespace: both sides are reduced to their non-whitespace
 * characters, so differences in node splitting (readability merging or re-parsing
 * nodes) and in whitespace do not matter. Each article node is searched forward
 * from the end of the previous match, preferring an occurrence that starts at a
 * document node boundary; every document node overlapping the match is kept.
 */
function align(
  docNodes: readonly TextItem[],
  articleTexts: readonly string[],
): { kept: Set<TextItem>; matched: number; total: number } {
  const kept = new Set<TextItem>();
  const content = docNodes.filter((n) => n.key.length > 0);
  const starts: number[] = [];
  const parts: string[] = [];
  let len = 0;
  for (const n of content) {
    starts.push(len);
    parts.push(n.key);
    len += n.key.length;
  }
  const hay = parts.join('');
  const startSet = new Set(starts);
  /** index of the content node containing stream offset `off` */
  const nodeAt = (off: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  let cursor = 0;
  let matched = 0;
  let total = 0;
  for (const t of articleTexts) {
    const key = stripWs(t);
    if (!key) continue;
    total += key.length;
    let at = -1;
    if (hay.startsWith(key, cursor)) at = cursor;
    else {
      const first = hay.indexOf(key, cursor);
      if (first < 0) continue;
      at = first;
      for (let k = first; k >= 0 && k - cursor <= ALIGN_WINDOW; k = hay.indexOf(key, k + 1)) {
        if (startSet.has(k)) {
          at = k;
          break;
        }
      }
    }
    const end = at + key.length;
    for (let i = nodeAt(at); i < content.length && (starts[i] as number) < end; i++) kept.add(content[i] as TextItem);
    matched += key.length;
    cursor = end;
  }
  return { kept, matched, total };
}

// ---------------------------------------------------------------------------
// Layout: kept text nodes → text + OffsetMap

interface WsRun {
  rawStart: number;
  rawEnd: number;
  text: string;
  verbatim: boolean;
  pre: boolean;
}

class Layout {
  private readonly parts: string[] = [];
  private readonly seg: number[] = [];
  private len = 0;
  private lastRawEnd = 0;
  private anyContent = false;
  private blockHasContent = false;
  private pendingSep: Sep = Sep.None;
  private pendingSepPos = 0;
  private pendingWs: WsRun[] = [];
  /** clean span of each hint element that produced content */
  readonly hintSpans = new Map<number, [number, number]>();

  /** a block/line/cell boundary in document order */
  boundary(sep: Sep, pos: number): void {
    if (!this.anyContent) return;
    if (sep === Sep.Space) {
      // a cell boundary separates words like whitespace does
      if (this.blockHasContent && this.pendingWs.length === 0 && this.pendingSep < Sep.Line) {
        this.pendingWs.push({ rawStart: pos, rawEnd: pos, text: ' ', verbatim: false, pre: false });
      }
      return;
    }
    if (this.pendingSep === Sep.None) this.pendingSepPos = pos;
    if (sep > this.pendingSep) this.pendingSep = sep;
    this.pendingWs = []; // whitespace at the end of a block is trimmed
  }

  /** lay out one text node */
  text(node: TextItem): void {
    for (const p of node.pieces) {
      if (!p.verbatim) {
        // a character reference: one replace segment for the whole reference
        if (/^\s+$/.test(p.text)) this.whitespace({ ...p, pre: node.pre });
        else this.content(p.text, p.rawStart, p.rawEnd, false, node.hintEls);
        continue;
      }
      const re = /\s+/g;
      let at = 0;
      for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
        if (m.index > at) this.content(p.text.slice(at, m.index), p.rawStart + at, p.rawStart + m.index, true, node.hintEls);
        this.whitespace({
          rawStart: p.rawStart + m.index,
          rawEnd: p.rawStart + m.index + m[0].length,
          text: m[0],
          verbatim: true,
          pre: node.pre,
        });
        at = m.index + m[0].length;
      }
      if (at < p.text.length) this.content(p.text.slice(at), p.rawStart + at, p.rawEnd, true, node.hintEls);
    }
  }

  private whitespace(run: WsRun): void {
    // leading whitespace of a block is trimmed; otherwise it waits for the next content
    if (this.blockHasContent && this.pendingSep === Sep.None) this.pendingWs.push(run);
  }

  private content(text: string, rawStart: number, rawEnd: number, verbatim: boolean, hintEls: number[]): void {
    if (this.anyContent && this.pendingSep >= Sep.Line) {
      const pos = Math.min(Math.max(this.pendingSepPos, this.lastRawEnd), rawStart);
      this.emit(this.pendingSep === Sep.Block ? '\n\n' : '\n', pos, pos, false);
      this.blockHasContent = false;
    } else if (this.pendingWs.length && this.blockHasContent) {
      this.flushWhitespace();
    }
    this.pendingSep = Sep.None;
    this.pendingWs = [];
    const start = this.len;
    this.emit(text, rawStart, rawEnd, verbatim);
    for (const id of hintEls) {
      const span = this.hintSpans.get(id);
      if (span) span[1] = this.len;
      else this.hintSpans.set(id, [start, this.len]);
    }
    this.anyContent = true;
    this.blockHasContent = true;
  }

  private flushWhitespace(): void {
    const runs = this.pendingWs;
    if (runs.every((r) => r.pre)) {
      // preformatted: whitespace kept as written
      for (const r of runs) this.emit(r.text, r.rawStart, r.rawEnd, r.verbatim);
      return;
    }
    const first = runs[0] as WsRun;
    if (first.verbatim && first.text.startsWith(' ')) this.emit(' ', first.rawStart, first.rawStart + 1, true);
    else this.emit(' ', first.rawStart, first.rawEnd, false);
  }

  private emit(text: string, rawStart: number, rawEnd: number, copy: boolean): void {
    if (!text) return;
    const c0 = this.len;
    const c1 = c0 + text.length;
    const s = this.seg;
    const n = s.length;
    // extend the previous copy segment when contiguous in both spaces
    if (copy && n >= 5 && s[n - 1] === 0 && s[n - 4] === c0 && s[n - 2] === rawStart) {
      s[n - 4] = c1;
      s[n - 2] = rawEnd;
    } else {
      s.push(c0, c1, rawStart, rawEnd, copy ? 0 : 1);
    }
    this.parts.push(text);
    this.len = c1;
    this.lastRawEnd = Math.max(this.lastRawEnd, rawEnd);
  }

  finish(rawLength: number): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(this.seg, this.len, rawLength) };
  }
}

// ---------------------------------------------------------------------------
// Metadata

function metaContents(doc: DomDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (!m) continue;
    const content = m.getAttribute('content');
    if (content == null || !content.trim()) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const k = m.getAttribute(attr);
      if (!k) continue;
      // property may hold several space-separated names (RDFa)
      for (const name of k.trim().toLowerCase().split(/\s+/)) {
        const list = out.get(name) ?? [];
        list.push(content.trim());
        out.set(name, list);
      }
    }
  }
  return out;
}

/**
 * An ISO-like date string → EDTF ('YYYY-MM-DD', 'YYYY-MM' or 'YYYY'), using the
 * calendar date as written (no time-zone conversion). Null if not a date.
 */
export function toEdtfDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:$|[T\s])/.exec(s);
  if (!m) return null;
  const year = m[1] as string;
  if (!m[2]) return year;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (!m[3]) return `${year}-${mm}`;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** "By Jane Doe and John Roe" → ['Jane Doe', 'John Roe'] */
export function splitAuthors(s: string): string[] {
  const cleaned = collapseWs(s).replace(/^by\s+/i, '');
  if (!cleaned) return [];
  let parts = cleaned.split(/\s*(?:;|&|\band\b)\s*/i);
  // commas separate names only when every piece looks like a name (not "Doe, Jane")
  const byComma = parts.flatMap((p) => p.split(/\s*,\s*/));
  if (byComma.length > parts.length && byComma.every((p) => p.split(' ').length >= 2)) parts = byComma;
  return parts.map((p) => p.trim()).filter((p) => p.length > 0 && p.length <= 200);
}

function absoluteHttpUrl(value: string | null | undefined, base: string | null): string | null {
  if (!value || !value.trim()) return null;
  try {
    const u = base ? new URL(value.trim(), base) : new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Document metadata from the markup (read before readability prunes the DOM). */
function readMeta(doc: DomDocument): {
  title: string | null;
  firstH1: string | null;
  authors: string[];
  date: string | null;
  language: string | null;
  url: string | null;
} {
  const metas = metaContents(doc);
  const first = (...names: string[]): string | null => {
    for (const n of names) {
      const v = metas.get(n)?.[0];
      if (v) return v;
    }
    return null;
  };

  const titleEl = doc.querySelector('title');
  const title = titleEl ? collapseWs(titleEl.textContent ?? '') || null : null;
  const h1 = doc.querySelector('h1');
  const firstH1 = h1 ? collapseWs(h1.textContent ?? '') || null : null;

  let authors: string[] = [];
  for (const n of ['author', 'dc.creator', 'citation_author', 'article:author']) {
    const vs = (metas.get(n) ?? []).filter((v) => !/^https?:\/\//i.test(v));
    if (vs.length) {
      authors = vs.length === 1 ? splitAuthors(vs[0] as string) : vs.map(collapseWs).filter(Boolean);
      break;
    }
  }

  let date: string | null = null;
  for (const n of [
    'article:published_time',
    'og:article:published_time',
    'datepublished',
    'citation_publication_date',
    'citation_date',
    'dc.date.issued',
    'dc.date',
    'dcterms.date',
    'date',
  ]) {
    for (const v of metas.get(n) ?? []) {
      date = toEdtfDate(v);
      if (date) break;
    }
    if (date) break;
  }
  if (!date) {
    const times = doc.querySelectorAll('time[datetime]');
    for (let i = 0; i < times.length && !date; i++) date = toEdtfDate(times[i]?.getAttribute('datetime'));
  }

  const html = doc.documentElement;
  const language =
    (html?.getAttribute('lang') ?? '').trim() ||
    (html?.getAttribute('xml:lang') ?? '').trim() ||
    first('content-language')?.split(',')[0]?.trim() ||
    null;

  const ogUrl = absoluteHttpUrl(first('og:url'), null);
  const baseHref = absoluteHttpUrl(doc.querySelector('base[href]')?.getAttribute('href'), null);
  let url: string | null = null;
  const links = doc.querySelectorAll('link[rel][href]');
  for (let i = 0; i < links.length && !url; i++) {
    const l = links[i];
    const rel = (l?.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) url = absoluteHttpUrl(l?.getAttribute('href'), baseHref ?? ogUrl);
  }
  url ??= ogUrl;

  return { title, firstH1, authors, date, language, url };
}

// ---------------------------------------------------------------------------
// Entry point

const FALLBACK_SCOPE = 'all <body> text outside nav/header/footer/aside/form';

/**
 * Extract the main content of an HTML page as plain text mapped to the markup.
 * @param rawText the decoded HTML markup
 * @param fileName used in warnings only
 */
export function extractHtml(rawText: string, fileName: string): Extracted {
  const warnings: string[] = [];
  const { items, hintRoles, hasBody } = tokenize(rawText);
  const textItems = items.filter((i): i is TextItem => i.kind === 'text');

  // DOM for metadata and readability (linkedom never executes scripts)
  let doc: DomDocument | null = null;
  let pageMeta: ReturnType<typeof readMeta> | null = null;
  let article: Article | null = null;
  try {
    doc = (parseHTML(rawText) as unknown as { document: DomDocument }).document;
    pageMeta = readMeta(doc);
  } catch (err) {
    warnings.push(`${fileName}: could not build a DOM for metadata (${errorMessage(err)})`);
  }
  let detectionError: string | null = null;
  if (doc) {
    try {
      // readability prunes `doc` in place; metadata was read above
      const reader = new Readability<DomNode>(doc as never, { serializer: (el: unknown) => el as DomNode });
      article = reader.parse() as Article | null;
    } catch (err) {
      detectionError = errorMessage(err);
    }
  }

  // choose the text nodes to keep
  let kept: Set<TextItem> | null = null;
  const articleTexts = article?.content ? domTextNodes(article.content) : [];
  if (articleTexts.some((t) => /\S/.test(t))) {
    const { kept: aligned, matched, total } = align(textItems, articleTexts);
    // furniture that readability let through (short pages) is still furniture
    if (total > 0 && matched / total >= 0.5) kept = new Set([...aligned].filter((n) => !n.furniture));
    else {
      const pct = total > 0 ? Math.round((100 * matched) / total) : 0;
      warnings.push(
        `${fileName}: main content could not be located in the markup (${pct}% of readability's article text aligned); using ${FALLBACK_SCOPE}`,
      );
    }
  } else {
    const why = detectionError ? `main-content detection failed (${detectionError})` : 'readability found no main content';
    warnings.push(`${fileName}: ${why}; using ${FALLBACK_SCOPE}`);
  }
  if (!kept) {
    kept = new Set(textItems.filter((n) => n.key.length > 0 && !n.furniture && (n.inBody || !hasBody)));
  }

  // lay out: kept content nodes, all whitespace nodes (they only ever separate kept content)
  const layout = new Layout();
  for (const item of items) {
    if (item.kind === 'boundary') layout.boundary(item.sep, item.pos);
    else if (item.key.length === 0 || kept.has(item)) layout.text(item);
  }
  const { text, map } = layout.finish(rawText.length);
  if (!text) warnings.push(`${fileName}: no text content found in the HTML`);

  const hints: StructureHint[] = [];
  for (const [id, [start, end]] of layout.hintSpans) {
    const role = hintRoles.get(id);
    if (role && end > start) hints.push({ start, end, role });
  }
  hints.sort((a, b) => a.start - b.start || b.end - a.end);

  // metadata
  const meta: Partial<SourceMeta> = {};
  const origin: Record<string, string> = {};
  const title = stripSiteName(
    collapseWs(article?.title ?? '') || pageMeta?.title || pageMeta?.firstH1 || '',
    pageMeta?.firstH1 ?? null,
  );
  if (title) {
    meta.title = title;
    origin['title'] = 'html';
  }
  const authors = pageMeta?.authors.length ? pageMeta.authors : article?.byline ? splitAuthors(article.byline) : [];
  if (authors.length) {
    meta.authors = authors;
    origin['authors'] = 'html';
  }
  const date = pageMeta?.date ?? toEdtfDate(article?.publishedTime);
  if (date) {
    meta.date = date;
    origin['date'] = 'html';
  }
  const language = pageMeta?.language || collapseWs(article?.lang ?? '') || null;
  if (language) {
    meta.language = language;
    origin['language'] = 'html';
  }
  if (pageMeta?.url) {
    meta.url = pageMeta.url;
    origin['url'] = 'html';
  }
  if (Object.keys(origin).length) meta.metaOrigin = origin;

  return { rawText, text, map, hints, meta, warnings };
}

/**
 * "Headline | Site Name" → "Headline" when the page's first <h1> is exactly the
 * headline part (readability keeps the whole <title> for short headlines).
 */
function stripSiteName(title: string, h1: string | null): string | null {
  if (!title) return null;
  if (!h1 || h1 === title || h1.length >= title.length) return title;
  const rest = title.startsWith(h1) ? title.slice(h1.length) : title.endsWith(h1) ? title.slice(0, -h1.length) : null;
  if (rest !== null && /^\s*[|\-\u2013\u2014\u00b7:\u00bb/]\s|\s[|\-\u2013\u2014\u00b7:\u00ab/]\s*$/.test(rest)) return h1;
  return title;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
