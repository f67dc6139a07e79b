/**
 * Plain-text and Markdown readers (with YAML front matter), and the mapping of loose
 * metadata records (manifest entries, front matter, JSON Lines rows) to SourceMeta.
 */
import { parse as parseYaml } from 'yaml';
import { applyEdits, type Edit, OffsetMap } from '../../core/offsets.js';
import type { SourceMeta } from '../../core/types.js';
import type { Extracted, StructureHint } from './types.js';

// ---------------------------------------------------------------- front matter

const FRONT_RE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function frontMatter(raw: string): { meta: Partial<SourceMeta>; length: number; warning?: string } | null {
  const m = FRONT_RE.exec(raw);
  if (!m) return null;
  try {
    const data = parseYaml(m[1]!) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
    return { meta: metaFromRecord(data as Record<string, unknown>, 'front-matter'), length: m[0].length };
  } catch (e) {
    return { meta: {}, length: 0, warning: `front matter is not valid YAML (${(e as Error).message.split('\n')[0]}); kept as text` };
  }
}

/** Map a loose record (manifest entry, front matter, JSONL row) to source metadata. */
export function metaFromRecord(r: Record<string, unknown>, origin: string): Partial<SourceMeta> {
  const out: Partial<SourceMeta> = {};
  const metaOrigin: Record<string, string> = {};
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
  const list = (v: unknown): string[] =>
    Array.isArray(v) ? v.map(str).filter((x): x is string => !!x) : str(v) ? [str(v)!] : [];
  const set = <K extends keyof SourceMeta>(k: K, v: SourceMeta[K] | null | undefined) => {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return;
    (out as Record<string, unknown>)[k] = v;
    metaOrigin[k] = origin;
  };
  set('id', str(r.id));
  set('title', str(r.title));
  set('authors', list(r.authors ?? r.author ?? r.creator));
  set('date', str(r.date instanceof Date ? r.date.toISOString().slice(0, 10) : r.date));
  set('dateModified', str(r.dateModified ?? r.updated));
  set('url', str(r.url ?? r.link));
  set('language', str(r.language ?? r.lang));
  set('perspective', list(r.perspective ?? r.perspectives));
  set('kind', str(r.kind ?? r.type));
  set('licence', str(r.licence ?? r.license ?? r.rights));
  set('container', str(r.container ?? r.publication));
  set('series', str(r.series));
  set('notes', str(r.notes));
  out.metaOrigin = metaOrigin;
  return out;
}

// ---------------------------------------------------------------- plain text

export function extractPlain(raw: string): Extracted {
  const fm = frontMatter(raw);
  const warnings: string[] = [];
  if (fm?.warning) warnings.push(fm.warning);
  if (fm && fm.length > 0) {
    const { text, map } = applyEdits(raw, [{ start: 0, end: fm.length, text: '', reason: 'front matter' }]);
    return { rawText: raw, text, map, hints: [], meta: fm.meta, warnings };
  }
  return { rawText: raw, text: raw, map: OffsetMap.identity(raw.length), hints: [], meta: {}, warnings };
}

// ---------------------------------------------------------------- markdown

/**
 * Markdown → text by edits on the source, so offsets survive: heading markers,
 * emphasis and code markers, link/image syntax (text and alt kept), blockquote
 * prefixes (as quote hints), reference definitions, rules and HTML comments.
 */
export function extractMarkdown(raw: string): Extracted {
  const edits: Edit[] = [];
  const warnings: string[] = [];
  const fm = frontMatter(raw);
  let meta: Partial<SourceMeta> = {};
  let from = 0;
  if (fm?.warning) warnings.push(fm.warning);
  if (fm && fm.length > 0) {
    edits.push({ start: 0, end: fm.length, text: '', reason: 'front matter' });
    meta = fm.meta;
    from = fm.length;
  }
  const headingRaw: Array<[number, number]> = [];
  const quoteRaw: Array<[number, number]> = [];
  const body = raw.slice(from);
  const at = (i: number) => from + i;
  let inFence = false;
  let pos = 0;
  for (const line of body.split('\n')) {
    const ls = pos;
    pos += line.length + 1;
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      edits.push({ start: at(ls), end: at(ls + line.length), text: '', reason: 'markdown' });
      continue;
    }
    if (inFence) continue;
    let m: RegExpExecArray | null;
    if ((m = /^(#{1,6})[ \t]+/.exec(line))) {
      edits.push({ start: at(ls), end: at(ls + m[0].length), text: '', reason: 'markdown' });
      const closing = /[ \t]+#+[ \t]*$/.exec(line);
      if (closing) edits.push({ start: at(ls + closing.index), end: at(ls + line.length), text: '', reason: 'markdown' });
      headingRaw.push([at(ls + m[0].length), at(ls + (closing ? closing.index : line.length))]);
      // fall through: a heading has inline markup too
    }
    else if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) {
      edits.push({ start: at(ls), end: at(ls + line.length), text: '', reason: 'markdown' });
      continue;
    }
    if (/^ {0,3}\[[^\]]+\]:\s+\S+/.test(line)) {
      edits.push({ start: at(ls), end: at(ls + line.length), text: '', reason: 'markdown link definition' });
      continue;
    }
    if ((m = /^(?: {0,3}>[ \t]?)+/.exec(line))) {
      edits.push({ start: at(ls), end: at(ls + m[0].length), text: '', reason: 'markdown' });
      quoteRaw.push([at(ls + m[0].length), at(ls + line.length)]);
    }
    // inline: images, links, emphasis, code
    for (const im of line.matchAll(/!?\[([^\]\n]*)\]\(([^)\n]*)\)/g)) {
      const s = ls + im.index;
      const textStart = s + (im[0].startsWith('!') ? 2 : 1);
      edits.push({ start: at(s), end: at(textStart), text: '', reason: 'markdown' });
      const close = textStart + im[1]!.length;
      edits.push({ start: at(close), end: at(s + im[0].length), text: '', reason: 'markdown' });
    }
    for (const em of line.matchAll(/(\*\*|__|\*|_|`)(?=\S)([^\n]*?\S)\1/g)) {
      if (em[1] === '_' || em[1] === '__') {
        // intraword underscores are not emphasis
        const before = line[em.index - 1];
        const after = line[em.index + em[0].length];
        if ((before && /\w/.test(before)) || (after && /\w/.test(after))) continue;
      }
      const s = ls + em.index;
      const w = em[1]!.length;
      edits.push({ start: at(s), end: at(s + w), text: '', reason: 'markdown' });
      edits.push({ start: at(s + em[0].length - w), end: at(s + em[0].length), text: '', reason: 'markdown' });
    }
  }
  for (const c of raw.matchAll(/<!--[\s\S]*?-->/g)) edits.push({ start: c.index, end: c.index + c[0].length, text: '', reason: 'comment' });
  const { text, map } = applyEdits(raw, edits);
  const toHint = (r: [number, number], role: StructureHint['role']): StructureHint => ({
    start: map.toClean(r[0]),
    end: map.toClean(r[1]),
    role,
  });
  const hints = [...headingRaw.map((r) => toHint(r, 'heading')), ...quoteRaw.map((r) => toHint(r, 'quote'))].filter((h) => h.end > h.start);
  if (!meta.title && headingRaw.length) {
    const h = hints.find((x) => x.role === 'heading');
    if (h) {
      meta = { ...meta, title: text.slice(h.start, h.end).trim(), metaOrigin: { ...(meta.metaOrigin ?? {}), title: 'inferred' } };
    }
  }
  return { rawText: raw, text, map, hints, meta, warnings };
}

