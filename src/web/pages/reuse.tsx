/**
 * `/reuse`: text reuse. Families of passages that recur — quoted from one source in another, or
 * repeated within one source — with filters (kind, across sources only, length, meaning-changing
 * copies, source) kept in the URL, and pages of families.
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ReuseFamilySummary, ReuseKind, ReuseListParams, ReuseListResponse, SourcesResponse } from '../api';
import { isReuseKind, reuseListUrl, reusePath, reuseQuery } from '../api';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Pager, useApi, useTitle, pageWindow, ResultsCount, EmptyList } from '../ui';
import { KindBadge, SeverityBadge } from './quotation';

const PAGE = 50;
const PREVIEW_CHARS = 220;

interface Params {
  kind: ReuseKind | '';
  crossDoc: boolean;
  minWords: number | null;
  severity: 'meaning' | '';
  source: string;
  offset: number;
  limit: number;
}

function paramsFrom(p: URLSearchParams): Params {
  const k = p.get('kind') ?? '';
  const limit = Number.parseInt(p.get('limit') ?? '', 10);
  const minWords = Number.parseInt(p.get('minWords') ?? '', 10);
  const cross = p.get('crossDoc');
  return {
    kind: isReuseKind(k) ? k : '',
    crossDoc: cross === '1' || cross === 'true',
    minWords: minWords > 0 ? minWords : null,
    severity: p.get('severity') === 'meaning' ? 'meaning' : '',
    source: p.get('source') ?? '',
    offset: Math.max(0, Number.parseInt(p.get('offset') ?? '', 10) || 0),
    limit: limit > 0 ? Math.min(limit, 500) : PAGE,
  };
}

function listParams(n: Params): ReuseListParams {
  return { kind: n.kind, crossDoc: n.crossDoc, minWords: n.minWords, severity: n.severity, source: n.source };
}

/** The page's URL (defaults left out, so that the JSON twin `/reuse.json?…` takes the same query). */
function href(p: Params, change: Partial<Params> = {}): string {
  const n = { ...p, ...change };
  return `/reuse${reuseQuery({ ...listParams(n), offset: n.offset || undefined, limit: n.limit === PAGE ? undefined : n.limit })}`;
}

const KIND_TABS: Array<[ReuseKind | '', string]> = [
  ['', 'All'],
  ['quotation', 'Quotations'],
  ['duplicate', 'Repeats within a source'],
];

export function ReusePage({ loc }: { loc: Loc }): VNode {
  const p = useMemo(() => paramsFrom(loc.params), [loc.search]);
  // the API gets the paging spelled out (its defaults may differ from this page's)
  const res = useApi<ReuseListResponse>(reuseListUrl({ ...listParams(p), limit: p.limit, offset: p.offset }));
  const sources = useApi<SourcesResponse>('/api/sources', { cache: true });
  useTitle(p.kind === 'quotation' ? 'Quotations · Reuse' : p.kind === 'duplicate' ? 'Repeats · Reuse' : 'Reuse');

  const sourceOptions = useMemo(
    () => [...(sources.data?.sources ?? [])].sort((a, b) => (a.title || a.id).localeCompare(b.title || b.id)),
    [sources.data],
  );
  const data = res.data;

  const setMinWords = (value: string): void => {
    const n = Number.parseInt(value, 10);
    const minWords = n > 0 ? n : null;
    if (minWords !== p.minWords) navigate(href(p, { minWords, offset: 0 }));
  };

  return (
    <div class="page reuse-page">
      <h1 class="page-title">Text reuse</h1>
      <p class="muted intro-line">
        Passages that recur: quoted from one source in another, or repeated within one source. Each family is compared word by word with its
        fullest text, and every change is classified; changes that touch a negation, number, name, date or hedge are marked as changing the
        meaning.
      </p>

      <nav class="type-tabs" aria-label="Kind of reuse" data-testid="reuse-kind-filter">
        {KIND_TABS.map(([k, label]) => (
          <a key={k || 'all'} href={href(p, { kind: k, offset: 0 })} aria-current={p.kind === k ? 'page' : undefined} data-kind={k}>
            {label}
          </a>
        ))}
      </nav>

      <form
        class="filters reuse-filters"
        aria-label="Filter the families"
        data-testid="reuse-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('[name="minWords"]');
          if (input) setMinWords(input.value);
        }}
      >
        <label class="check">
          <input
            type="checkbox"
            name="crossDoc"
            data-testid="reuse-crossdoc"
            checked={p.crossDoc}
            onChange={(e) => navigate(href(p, { crossDoc: e.currentTarget.checked, offset: 0 }))}
          />
          <span>across sources only</span>
        </label>
        <label class="field">
          <span>Minimum words</span>
          <input
            type="number"
            name="minWords"
            class="input-narrow"
            min={1}
            step={1}
            inputMode="numeric"
            placeholder="any"
            data-testid="reuse-minwords"
            value={p.minWords ?? ''}
            onChange={(e) => setMinWords(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Changes</span>
          <select
            name="severity"
            data-testid="reuse-severity"
            value={p.severity}
            onChange={(e) => navigate(href(p, { severity: e.currentTarget.value === 'meaning' ? 'meaning' : '', offset: 0 }))}
          >
            <option value="">any</option>
            <option value="meaning">meaning-changing</option>
          </select>
        </label>
        <label class="field">
          <span>Source</span>
          <select name="source" data-testid="reuse-source" value={p.source} onChange={(e) => navigate(href(p, { source: e.currentTarget.value, offset: 0 }))}>
            <option value="">All sources</option>
            {p.source && !sourceOptions.some((s) => s.id === p.source) && <option value={p.source}>{p.source}</option>}
            {sourceOptions.map((s) => (
              <option key={s.id} value={s.id}>
                {shorten(s.title || s.id, 60)}
              </option>
            ))}
          </select>
        </label>
      </form>

      <section aria-busy={res.loading} aria-label="Families">
        {res.error ? <ErrorBox error={res.error} /> : !data ? <Loading /> : <FamilyTable data={data} p={p} stale={res.loading} />}
      </section>
    </div>
  );
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function filtered(p: Params): boolean {
  return !!(p.kind || p.crossDoc || p.minWords || p.severity || p.source);
}

function FamilyTable({ data, p, stale }: { data: ReuseListResponse; p: Params; stale: boolean }): VNode {
  const items = data.items ?? [];
  const { offset, first, last, prev, next } = pageWindow(data, p, items.length, (o) => href(p, { offset: o }));
  if (items.length === 0) {
    return (
      <EmptyList testid="reuse-list" pastEnd={offset > 0 && data.total > 0} firstPage={href(p, { offset: 0 })} many="families" one="family" filtered={!!filtered(p)} filterWords="these filters" all="/reuse" allLabel="Show every family" none="No reused text found. Quotations and repeats are found when sources are analysed." />
    );
  }
  return (
    <div class={stale ? 'stale' : undefined}>
      <ResultsCount total={data.total} one="family" many="families" first={first} last={last} paged={!!(prev || next)} />
      <div class="table-wrap">
        <table class="table reuse-table" data-testid="reuse-list">
          <thead>
            <tr>
              <th scope="col">Text</th>
              <th scope="col">Kind</th>
              <th scope="col">Changes</th>
              <th scope="col" class="num">
                Words
              </th>
              <th scope="col" class="num">
                Occurrences
              </th>
              <th scope="col" class="num">
                Sources
              </th>
              <th scope="col">First date</th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <FamilyRow key={f.key} f={f} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager prev={prev} next={next} label="Pages of families" />
    </div>
  );
}

function FamilyRow({ f }: { f: ReuseFamilySummary }): VNode {
  const preview = (f.preview ?? '').trim();
  return (
    <tr data-testid="reuse-row" data-key={f.key} data-kind={f.kind} data-severity={f.severity} class={f.severity === 'meaning' ? 'row-meaning' : undefined}>
      <td class="cell-title reuse-preview source-text" data-label="Text">
        <a href={reusePath(f.key)} data-testid="reuse-link">
          {preview ? `“${shorten(preview, PREVIEW_CHARS)}”` : <span class="mono">{f.key}</span>}
        </a>
      </td>
      <td data-label="Kind">
        <KindBadge kind={f.kind} />
      </td>
      <td data-label="Changes">
        <SeverityBadge severity={f.severity} />
      </td>
      <td class="num" data-label="Words">
        {fmtInt(f.words)}
      </td>
      <td class="num" data-label="Occurrences">
        {fmtInt(f.occurrences)}
      </td>
      <td class="num" data-label="Sources">
        {fmtInt(f.sources)}
      </td>
      <td class="nowrap" data-label="First date">
        {f.firstDate ?? <span class="muted">undated</span>}
      </td>
    </tr>
  );
}
