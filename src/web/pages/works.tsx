/**
 * `/works`: the works the sources cite. Every reference to the same book, article or newspaper
 * issue is merged into one work; the list shows who wrote it, how often and by how many sources it
 * is cited, and by which perspectives (alphabetically: no side is ranked above another). A search
 * box and a source filter are kept in the URL, so the JSON twin `/works.json?…` takes the same query.
 */
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CitationListParams, Csl, CslName, Source, SourcesResponse, Work, WorksResponse } from '../api';
import { citationListQuery, workPath, worksListUrl } from '../api';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Pager, useApi, useTitle, pageWindow, plural, ResultsCount, EmptyList } from '../ui';

const PAGE = 50;
const TYPE_AHEAD_MS = 300;
/** authors named in a list row before "et al." */
const AUTHORS_SHOWN = 3;

// ------------------------------------------------------------------ shared by the works, evidence, claims and conflicts pages

export function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}


/** "Given Family", or the literal name. */
export function fullName(n: CslName): string {
  if (n.literal) return n.literal;
  return [n.given, n.family].filter((x) => x && x.trim()).join(' ');
}

/** The family name (or the literal name when there is none). */
export function familyName(n: CslName): string {
  return n.family || n.literal || n.given || '';
}

/** The year a record was issued, or null. */
export function cslYear(csl: Csl | null | undefined): number | null {
  const y = csl?.issued?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' && Number.isFinite(y) ? y : null;
}

/** The year as written: the year of issue, a literal date, or null. */
export function cslDate(csl: Csl | null | undefined): string | null {
  const y = cslYear(csl);
  if (y !== null) return String(y);
  const lit = csl?.issued?.literal;
  return lit && lit.trim() ? lit.trim() : null;
}

/** The year an edition key ends in (`…@1937`), or null for `@undated`. */
export function editionKeyYear(key: string): string | null {
  const m = /@(\d{3,4})$/.exec(key);
  return m ? m[1]! : null;
}

/** Authors by family name ("Vyshinsky, Ulrich et al."); editors when there are no authors; '' when nobody is named. */
export function authorsShort(csl: Csl | null | undefined, max = AUTHORS_SHOWN): string {
  const pick = (names: CslName[] | undefined): string[] => (names ?? []).map(familyName).filter((x) => x.trim());
  const authors = pick(csl?.author);
  const list = authors.length > 0 ? authors : pick(csl?.editor);
  if (list.length === 0) return '';
  const shown = list.length > max ? `${list.slice(0, max).join(', ')} et al.` : list.join(', ');
  return authors.length > 0 ? shown : `${shown} (${list.length === 1 ? 'ed.' : 'eds.'})`;
}

/** What each merge rule means, in words (unknown rules are shown by name). */
export const WORK_RULE_TEXT: Record<string, string> = {
  'same-author-title': 'The same author (or editor, or newspaper) and the same title',
  'title-variant': 'Titles a letter or two apart: a typo or a dropped word',
  ibid: 'Ibid.: refers to the reference just before it in the same source',
  'op-cit': 'op. cit.: refers to the same author’s last reference before it in the same source',
  translation: 'Linked, not merged: the same work in another language (a reference names both titles)',
};

export function workRuleText(rule: string): string {
  return WORK_RULE_TEXT[rule] ?? rule;
}

/** Per-perspective counts, alphabetically ("against-trials 2 · defends-trials 30"). */
export function PerspectiveCounts({ counts, unit }: { counts: Record<string, number> | null | undefined; unit?: [string, string] }): VNode {
  const entries = Object.entries(counts ?? {})
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <span class="persp-counts">
      {entries.map(([p, n], i) => (
        <span key={p} class="persp-count" title={unit ? `${plural(n, unit[0], unit[1])} from sources tagged ${p}` : undefined}>
          {i > 0 && (
            <span class="sep" aria-hidden="true">
              {' · '}
            </span>
          )}
          <span class="tag">{p}</span> <span class="num">{fmtInt(n)}</span>
        </span>
      ))}
    </span>
  );
}

/** The sources, by id (for titles and perspectives), and sorted by title (for the source filter). */
export function useSources(): { byId: Map<string, Source>; sorted: Source[]; loading: boolean } {
  const res = useApi<SourcesResponse>('/api/sources', { cache: true });
  return useMemo(() => {
    const list = res.data?.sources ?? [];
    return {
      byId: new Map(list.map((s) => [s.id, s])),
      sorted: [...list].sort((a, b) => (a.title || a.id).localeCompare(b.title || b.id)),
      loading: res.loading,
    };
  }, [res.data, res.loading]);
}

/** A source filter (a select of every source), as on the reuse page. */
export function SourceSelect({ value, sources, onChange, testid }: { value: string; sources: Source[]; onChange: (id: string) => void; testid: string }): VNode {
  return (
    <label class="field">
      <span>Source</span>
      <select name="source" data-testid={testid} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">All sources</option>
        {value && !sources.some((s) => s.id === value) && <option value={value}>{value}</option>}
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {shorten(s.title || s.id, 60)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The list pages' search box: filters as one types (replacing the history entry), or at once on
 * Enter; follows the URL (back/forward) but keeps what is being typed.
 */
export function QueryBox({ id, label, value, go }: { id: string; label: string; value: string; go: (q: string, replace: boolean) => void }): VNode {
  const [input, setInput] = useState(value);
  useEffect(() => setInput((cur) => (cur.trim() === value.trim() ? cur : value)), [value]);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <form
      class="entity-filter"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        window.clearTimeout(timer.current);
        go((e.currentTarget as HTMLFormElement).querySelector('input')?.value ?? input, false);
      }}
    >
      <label class="sr-only" for={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        placeholder={`${label}…`}
        autocomplete="off"
        spellcheck={false}
        value={input}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setInput(v);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => go(v, true), TYPE_AHEAD_MS);
        }}
      />
    </form>
  );
}

export interface ListParams {
  q: string;
  source: string;
  offset: number;
  limit: number;
}

export function listParamsFrom(p: URLSearchParams): ListParams {
  const limit = Number.parseInt(p.get('limit') ?? '', 10);
  return {
    q: p.get('q') ?? '',
    source: p.get('source') ?? '',
    offset: Math.max(0, Number.parseInt(p.get('offset') ?? '', 10) || 0),
    limit: limit > 0 ? Math.min(limit, 1000) : PAGE,
  };
}

/** A list page's URL (defaults left out, so that its JSON twin takes the same query). */
export function listHref(base: string, p: ListParams, change: Partial<ListParams> = {}): string {
  const n = { ...p, ...change };
  return `${base}${citationListQuery({ q: n.q, source: n.source, offset: n.offset || undefined, limit: n.limit === PAGE ? undefined : n.limit })}`;
}

/** The API URL's parameters: the paging spelled out (the API's defaults may differ from the page's). */
export function apiParams(p: ListParams): CitationListParams {
  return { q: p.q, source: p.source, limit: p.limit, offset: p.offset };
}

// ------------------------------------------------------------------ the page

export function WorksPage({ loc }: { loc: Loc }): VNode {
  const p = useMemo(() => listParamsFrom(loc.params), [loc.search]);
  const res = useApi<WorksResponse>(worksListUrl(apiParams(p)));
  const sources = useSources();
  useTitle(p.q.trim() ? `“${p.q.trim()}” · Works` : 'Works');
  const data = res.data;

  return (
    <div class="page works-page">
      <h1 class="page-title">Cited works</h1>
      <p class="muted intro-line">
        The books, articles and newspapers the sources cite. References to the same work are merged — each work shows why — and counted per
        source and per perspective. See also the <a href="/evidence">headings and the evidence they cite</a> and the{' '}
        <a href="/graph/citations">citation network</a>.
      </p>

      <div class="entity-tools works-tools">
        <QueryBox id="works-q" label="Filter by author or title" value={p.q} go={(q, replace) => navigate(listHref('/works', p, { q, offset: 0 }), { replace })} />
        <SourceSelect value={p.source} sources={sources.sorted} testid="works-source" onChange={(source) => navigate(listHref('/works', p, { source, offset: 0 }))} />
      </div>

      <section aria-busy={res.loading} aria-label="Works">
        {res.error ? <ErrorBox error={res.error} /> : !data ? <Loading /> : <WorkTable data={data} p={p} stale={res.loading} />}
      </section>
    </div>
  );
}

function WorkTable({ data, p, stale }: { data: WorksResponse; p: ListParams; stale: boolean }): VNode {
  const items = data.items ?? [];
  const { offset, first, last, prev, next } = pageWindow(data, p, items.length, (o) => listHref('/works', p, { offset: o }));
  if (items.length === 0) {
    return (
      <EmptyList testid="works-list" pastEnd={offset > 0 && data.total > 0} firstPage={listHref('/works', p, { offset: 0 })} many="works" one="work" filtered={!!(p.q.trim() || p.source)} q={p.q} filterWords="this filter" all="/works" allLabel="Show every work" none="No cited works found. References are found when sources are analysed." />
    );
  }
  return (
    <div class={stale ? 'stale' : undefined}>
      <ResultsCount total={data.total} one="work" many="works" first={first} last={last} paged={!!(prev || next)} />
      <div class="table-wrap">
        <table class="table works-table" data-testid="works-list">
          <caption class="sr-only">Cited works, most cited first</caption>
          <thead>
            <tr>
              <th scope="col">Authors</th>
              <th scope="col">Title</th>
              <th scope="col">Year</th>
              <th scope="col">Cited</th>
              <th scope="col">By perspective</th>
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <WorkRow key={w.key} w={w} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager prev={prev} next={next} label="Pages of works" />
    </div>
  );
}

function WorkRow({ w }: { w: Work }): VNode {
  const authors = authorsShort(w.csl);
  const year = cslDate(w.csl);
  const editions = (w.editions ?? []).length;
  const title = (w.title || w.csl?.title || '').trim();
  const container = w.csl?.['container-title'];
  return (
    <tr data-testid="work-row" data-key={w.key}>
      <td class="work-authors" data-label="Authors">
        {authors || <span class="muted">—</span>}
      </td>
      <td class="cell-title" data-label="Title">
        <a href={workPath(w.key)} data-testid="work-link">
          {title || <span class="mono">{w.key}</span>}
        </a>
        {(container || editions > 1) && (
          <div class="small muted">
            {container && container !== title && <span class="work-container">in {container}</span>}
            {container && container !== title && editions > 1 && ' · '}
            {editions > 1 && <span>{plural(editions, 'edition', 'editions')}</span>}
          </div>
        )}
      </td>
      <td class="nowrap" data-label="Year">
        {year ?? <span class="muted">undated</span>}
      </td>
      <td class="nowrap" data-label="Cited">
        <span class="num">{fmtInt(w.citations)}</span> {w.citations === 1 ? 'time' : 'times'} in <span class="num">{fmtInt(w.sources)}</span>{' '}
        {w.sources === 1 ? 'source' : 'sources'}
      </td>
      <td class="small" data-label="By perspective">
        <PerspectiveCounts counts={w.citedBy?.byPerspective} unit={['citation', 'citations']} />
      </td>
    </tr>
  );
}
