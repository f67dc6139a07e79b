/**
 * Citations into works. Each parsed reference is resolved (Ibid. to the reference before it in
 * the same source, op. cit. to the same author's last one there), then keyed by what names a
 * work: its first author (or editor, or for an unsigned press article its newspaper) and the
 * significant words of its title (subtitle aside). References with one key are one work; within
 * a work, different years are different editions, kept apart and linked. Every
 * merge records its rule and the references it joined.
 */
import { editDistance, nameKeys } from '../entities/keys.js';
import { fold } from '../reuse/tokens.js';
import type { CslItem, CslName, ParsedReference } from './parse.js';

export interface CitationInput {
  /** stable id of the citation (source + span) */
  key: string;
  sourceId: string;
  start: number;
  end: number;
  text: string;
  parsed: ParsedReference;
}

export interface WorkEvidence {
  rule: 'same-author-title' | 'title-variant' | 'ibid' | 'op-cit' | 'translation';
  detail: string;
  citations: string[];
}

export interface Edition {
  key: string;
  csl: CslItem;
  citations: string[];
}

export interface Work {
  key: string;
  /** the fullest record among its citations (most fields), for display and export */
  csl: CslItem;
  editions: Edition[];
  citations: string[];
  evidence: WorkEvidence[];
}

export interface ResolvedCitation {
  key: string;
  /** the work and edition it was merged into (null: not a reference to a work, e.g. an unresolved Ibid.) */
  work: string | null;
  edition: string | null;
  /** for Ibid./op. cit.: the citation it refers to */
  refersTo: string | null;
}

const STOP = new Set(
  'a an the of and in on at to for from with by or de la le les des du der die das und von zu в и на о об по с к из за для'.split(' '),
);

const words = (s: string) =>
  s
    .split(/[\s\-–—/]+/)
    .map((w) => fold(w))
    .filter((w) => w.length > 0);

/** the title's significant words, subtitle aside ("Stalin: Breaker of Nations" → stalin) — at most six */
export function titleKey(title: string): string {
  const main = title.split(/\s*[:.?!]\s+/)[0] ?? title;
  const ws = words(main).filter((w) => !STOP.has(w));
  return ws.slice(0, 6).join(' ');
}

const nameKey = (n: CslName | undefined) => (n ? fold(n.family ?? n.literal ?? '').slice(0, 24) : '');

/** who a work is by, for keying: first author, else first editor, else (press) the newspaper */
export function agentKey(c: CslItem): string {
  return nameKey(c.author?.[0]) || nameKey(c.editor?.[0]) || (c['container-title'] ? 'in:' + titleKey(c['container-title']) : '');
}

const yearOf = (c: CslItem) => c.issued?.['date-parts']?.[0]?.[0] ?? null;

/** fields filled: the fullest record of a work represents it */
const richness = (c: CslItem) => Object.values(c).filter((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)).length;

/** two title keys one slip apart (a typo, a dropped article) name one work */
function nearTitle(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 3 || Math.min(a.length, b.length) < 8) return false;
  return editDistance(a, b, 2) <= 2;
}

export function mergeWorks(cites: CitationInput[]): { works: Work[]; resolved: ResolvedCitation[] } {
  const resolved = new Map<string, ResolvedCitation>();
  const target = new Map<string, CitationInput>(); // ibid/op.cit → the citation it stands for
  // 1. Ibid. and op. cit., within each source, in text order
  const bySource = new Map<string, CitationInput[]>();
  for (const c of cites) {
    let l = bySource.get(c.sourceId);
    if (!l) bySource.set(c.sourceId, (l = []));
    l.push(c);
  }
  for (const list of bySource.values()) {
    list.sort((a, b) => a.start - b.start);
    let last: CitationInput | null = null;
    const lastByAuthor = new Map<string, CitationInput>();
    for (const c of list) {
      const p = c.parsed;
      if (p.ibid) {
        if (last) target.set(c.key, last);
        continue;
      }
      if (p.opCit) {
        const who = p.csl ? agentKey(p.csl) : '';
        const t = lastByAuthor.get(who);
        if (t) target.set(c.key, t);
        continue;
      }
      if (!p.csl || !p.csl.title) continue;
      last = c;
      const who = agentKey(p.csl);
      if (who) lastByAuthor.set(who, c);
    }
  }
  // 2. works by agent + title key; near titles of one agent join
  const groups = new Map<string, CitationInput[]>();
  const byAgent = new Map<string, string[]>();
  for (const c of cites) {
    const csl = c.parsed.csl;
    if (c.parsed.ibid || c.parsed.opCit || !csl || !csl.title) continue;
    const agent = agentKey(csl);
    let tk = titleKey(csl.title);
    if (!tk) continue;
    const known = byAgent.get(agent) ?? [];
    const near = known.find((k) => k !== tk && nearTitle(k, tk));
    if (near) tk = near;
    else if (!known.includes(tk)) byAgent.set(agent, [...known, tk]);
    const key = `work:${agent || 'anon'}:${tk.replace(/\s+/g, '-')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(c);
  }
  const works: Work[] = [];
  for (const [key, g] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // editions: by year (publishers are written too many ways to tell editions apart: Gollancz,
    // V. Gollancz, Victor Gollancz); an undated reference joins the work's first edition
    const eds = new Map<string, CitationInput[]>();
    for (const c of g) {
      const y = yearOf(c.parsed.csl!);
      const ek = y ? String(y) : '';
      let l = eds.get(ek);
      if (!l) eds.set(ek, (l = []));
      l.push(c);
    }
    const undated = eds.get('');
    eds.delete('');
    if (undated) {
      const first = [...eds.keys()].sort()[0];
      if (first) eds.get(first)!.push(...undated);
      else eds.set('', undated);
    }
    const editions: Edition[] = [...eds]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([ek, l]) => ({ key: `${key}@${ek || 'undated'}`, csl: fullest(l), citations: l.map((c) => c.key) }));
    const evidence: WorkEvidence[] = [];
    const spellings = new Set(g.map((c) => `${agentKey(c.parsed.csl!)}|${titleKey(c.parsed.csl!.title!)}`));
    if (g.length > 1) evidence.push({ rule: 'same-author-title', detail: `${g.length} references with the same ${g[0]!.parsed.csl!.author?.length ? 'first author' : 'editor or newspaper'} and title`, citations: g.map((c) => c.key) });
    if (spellings.size > 1) evidence.push({ rule: 'title-variant', detail: 'titles a letter or two apart (a typo or a dropped word)', citations: g.map((c) => c.key) });
    const work: Work = { key, csl: fullest(g), editions, citations: g.map((c) => c.key), evidence };
    works.push(work);
    for (const ed of editions) for (const k of ed.citations) resolved.set(k, { key: k, work: key, edition: ed.key, refersTo: null });
  }
  // 3. Ibid./op. cit. take their target's work
  for (const [k, t] of target) {
    const r = resolved.get(t.key);
    resolved.set(k, { key: k, work: r?.work ?? null, edition: r?.edition ?? null, refersTo: t.key });
    if (r?.work) {
      const w = works.find((x) => x.key === r.work)!;
      w.citations.push(k);
      const ed = w.editions.find((e) => e.key === r.edition);
      ed?.citations.push(k);
      const rule = cites.find((c) => c.key === k)?.parsed.ibid ? 'ibid' : 'op-cit';
      w.evidence.push({ rule, detail: rule === 'ibid' ? 'Ibid.: the reference just before it in the same source' : 'op. cit.: the same author’s last reference before it in the same source', citations: [k, t.key] });
    }
  }
  for (const c of cites) if (!resolved.has(c.key)) resolved.set(c.key, { key: c.key, work: null, edition: null, refersTo: null });
  linkTranslations(works, cites, resolved);
  return { works, resolved: [...resolved.values()] };
}

/**
 * Translations: a reference that names the other title of its work, as GOST's parallel title
 * ("Большой террор = The Great Terror") or a remark ("[original title: …]", "[translation of …]",
 * "пер. с англ.: …"), links its work to the work of that title by the same author (names compared
 * across scripts). The two stay distinct; each records the link as evidence.
 */
function linkTranslations(works: Work[], cites: CitationInput[], resolved: Map<string, ResolvedCitation>): void {
  const byKey = new Map(works.map((w) => [w.key, w]));
  const authorKeys = (c: CslItem) => {
    const n = c.author?.[0] ?? c.editor?.[0];
    return n?.family ? new Set(nameKeys(n.family)) : new Set<string>();
  };
  const titlesOf = (w: Work) => new Set([w.csl.title, ...w.editions.map((e) => e.csl.title)].filter((t): t is string => !!t).map(titleKey));
  for (const c of cites) {
    const csl = c.parsed.csl;
    if (!csl?.title) continue;
    const own = resolved.get(c.key)?.work;
    if (!own) continue;
    const others = csl['original-title'] ? [csl['original-title']] : [];
    if (!others.length) continue;
    const ak = authorKeys(csl);
    for (const t of others) {
      const tk = titleKey(t.replace(/^["“«]|["”»]$/g, ''));
      if (!tk) continue;
      for (const w of works) {
        if (w.key === own || !titlesOf(w).has(tk)) continue;
        const wk = authorKeys(w.csl);
        // the same author across scripts (Конквест / Conquest: keys a letter apart)
        if (ak.size && wk.size && ![...ak].some((k) => [...wk].some((x) => x === k || editDistance(x, k, 2) <= 1))) continue;
        const a = byKey.get(own)!;
        const detail = (x: Work) => `the same work in another language: ${x.csl.title ?? x.key} (${x.key}); the reference names both titles`;
        if (!a.evidence.some((e) => e.rule === 'translation' && e.detail.includes(w.key))) a.evidence.push({ rule: 'translation', detail: detail(w), citations: [c.key] });
        if (!w.evidence.some((e) => e.rule === 'translation' && e.detail.includes(a.key))) w.evidence.push({ rule: 'translation', detail: detail(a), citations: [c.key] });
      }
    }
  }
}

function fullest(l: CitationInput[]): CslItem {
  let best = l[0]!.parsed.csl!;
  for (const c of l) if (richness(c.parsed.csl!) > richness(best)) best = c.parsed.csl!;
  return best;
}
