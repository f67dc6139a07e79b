import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchExpansion, SearchHit, SearchResponse, SourcesResponse } from '../api';
import { entityPath, passageHref, qs } from '../api';
import { normalizeRanges } from '../highlight';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, marked, Tags, useApi, useTitle, Pager } from '../ui';

const PAGE = 20;

interface Form {
  q: string;
  source: string;
  perspective: string;
  from: string;
  to: string;
  dups: boolean;
  /** search every known spelling of a named entity (the default), or only the spelling typed */
  exact: boolean;
}

function formFrom(p: URLSearchParams): Form {
  return {
    q: p.get('q') ?? '',
    source: p.getAll('source').join(','),
    perspective: p.getAll('perspective').join(','),
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    dups: p.get('includeDuplicates') === '1',
    exact: p.get('spelling') === 'exact',
  };
}

function formQuery(f: Form, extra: Record<string, string | number | null> = {}): string {
  return qs({
    q: f.q.trim(),
    source: f.source,
    perspective: f.perspective,
    from: f.from.trim(),
    to: f.to.trim(),
    includeDuplicates: f.dups,
    spelling: f.exact ? 'exact' : null,
    ...extra,
  });
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function SearchPage({ loc }: { loc: Loc }): VNode {
  const current = useMemo(() => formFrom(loc.params), [loc.search]);
  const [form, setForm] = useState<Form>(current);
  useEffect(() => setForm(current), [current]);

  const offset = Math.max(0, Number.parseInt(loc.params.get('offset') ?? '', 10) || 0);
  const limitParam = Number.parseInt(loc.params.get('limit') ?? '', 10);
  const limit = limitParam > 0 ? limitParam : null;
  const q = current.q.trim();
  const apiUrl = q ? `/api/search${formQuery(current, { offset: offset || null, limit })}` : null;
  const res = useApi<SearchResponse>(apiUrl);
  const sources = useApi<SourcesResponse>('/api/sources', { cache: true });
  useTitle(q ? `Search: ${q}` : 'Search');

  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!q) input.current?.focus();
  }, []);

  const sourceOptions = sources.data?.sources ?? [];
  const perspectives = useMemo(() => {
    const set = new Set<string>();
    for (const s of sourceOptions) for (const p of s.perspective ?? []) set.add(p);
    return [...set].sort((a, b) => a.localeCompare(b));
  }, [sources.data]);

  const set = <K extends keyof Form>(k: K, v: Form[K]): void => setForm((f) => ({ ...f, [k]: v }));
  /** A changed filter re-runs the search at once when there is a query (the URL follows). */
  const setFilter = <K extends 'source' | 'perspective' | 'dups' | 'exact'>(k: K, v: Form[K], el: HTMLInputElement | HTMLSelectElement): void => {
    set(k, v);
    const f = el.form;
    if (f && f.querySelector<HTMLInputElement>('[name="q"]')?.value.trim() && typeof f.requestSubmit === 'function') f.requestSubmit();
  };

  // read the fields themselves: the state may lag behind the DOM (autofill, a submit in the same task as an input)
  const submit = (e: Event): void => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    const val = (name: string): string => el.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value ?? '';
    const dups = el.querySelector<HTMLInputElement>('[name="includeDuplicates"]')?.checked ?? false;
    const exact = el.querySelector<HTMLInputElement>('[name="spelling"][value="exact"]')?.checked ?? false;
    navigate(`/search${formQuery({ q: val('q'), source: val('source'), perspective: val('perspective'), from: val('from'), to: val('to'), dups, exact })}`);
  };

  return (
    <div class="page search-page">
      <form class="search-form" role="search" onSubmit={submit}>
        <div class="search-row">
          <label class="sr-only" for="q">
            Search the sources
          </label>
          <input
            ref={input}
            id="q"
            name="q"
            type="search"
            class="search-input"
            data-testid="search-input"
            placeholder="Search the sources…"
            autocomplete="off"
            spellcheck={false}
            value={form.q}
            onInput={(e) => set('q', e.currentTarget.value)}
            aria-describedby="q-hint"
          />
          <button type="submit" class="btn btn-primary" data-testid="search-submit">
            Search
          </button>
        </div>
        <p class="hint" id="q-hint">
          Words match in any order, ignoring case and accents. Use <code>"exact phrase"</code>, <code>prefix*</code>,{' '}
          <code>AND</code> / <code>OR</code> / <code>NOT</code>, <code>NEAR(a b)</code>.
        </p>
        <fieldset class="segmented" data-testid="spelling-toggle">
          <legend class="sr-only">Spellings of names</legend>
          <label title="A name also finds its other spellings and transliterations (Piatakov, Пятаков…)">
            <input type="radio" name="spelling" value="all" checked={!form.exact} onChange={(e) => setFilter('exact', false, e.currentTarget)} />
            <span>every known spelling</span>
          </label>
          <label title="Only the spelling as typed">
            <input type="radio" name="spelling" value="exact" checked={form.exact} onChange={(e) => setFilter('exact', true, e.currentTarget)} />
            <span>this spelling only</span>
          </label>
        </fieldset>
        <div class="filters">
          <label class="field">
            <span>Source</span>
            <select name="source" value={form.source} onChange={(e) => setFilter('source', e.currentTarget.value, e.currentTarget)}>
              <option value="">All sources</option>
              {form.source && !sourceOptions.some((s) => s.id === form.source) && <option value={form.source}>{form.source}</option>}
              {sourceOptions.map((s) => (
                <option key={s.id} value={s.id}>
                  {shorten(s.title || s.id, 70)}
                  {s.date ? ` (${s.date.slice(0, 4)})` : ''}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>Perspective</span>
            <select name="perspective" value={form.perspective} onChange={(e) => setFilter('perspective', e.currentTarget.value, e.currentTarget)}>
              <option value="">All perspectives</option>
              {form.perspective && !perspectives.includes(form.perspective) && <option value={form.perspective}>{form.perspective}</option>}
              {perspectives.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label class="field field-year">
            <span>From</span>
            <input name="from" inputMode="numeric" placeholder="year" value={form.from} onInput={(e) => set('from', e.currentTarget.value)} />
          </label>
          <label class="field field-year">
            <span>To</span>
            <input name="to" inputMode="numeric" placeholder="year" value={form.to} onInput={(e) => set('to', e.currentTarget.value)} />
          </label>
          <label class="check">
            <input type="checkbox" name="includeDuplicates" checked={form.dups} onChange={(e) => setFilter('dups', e.currentTarget.checked, e.currentTarget)} />
            <span>Include repeated sections</span>
          </label>
        </div>
        {sources.error && <ErrorBox error={sources.error} title="Could not load the list of sources for the filters" />}
      </form>

      {!q ? (
        <Intro count={sourceOptions.length} />
      ) : (
        <section class="results" aria-busy={res.loading} aria-labelledby="results-heading">
          {res.error ? (
            <ErrorBox error={res.error} />
          ) : !res.data ? (
            <Loading label="Searching…" />
          ) : (
            <Results data={res.data} stale={res.loading} q={q} form={current} />
          )}
        </section>
      )}
    </div>
  );
}

function Intro({ count }: { count: number }): VNode {
  return (
    <section class="intro">
      <p>
        Search {count > 0 ? `${fmtInt(count)} sources` : 'the sources'} passage by passage. Every result links to the exact place in the
        source text, with the surrounding context, the cleaning that was applied, and the raw file.
      </p>
    </section>
  );
}

function Results({ data, stale, q, form }: { data: SearchResponse; stale: boolean; q: string; form: Form }): VNode {
  const hits = data.hits ?? [];
  const first = data.offset + 1;
  const last = data.offset + hits.length;
  const pageSize = data.limit || PAGE;
  const prev = data.offset > 0 ? `/search${formQuery(form, { offset: Math.max(0, data.offset - pageSize) || null })}` : null;
  const more = data.totalIsEstimate ? hits.length >= pageSize : last < data.total;
  const next = more ? `/search${formQuery(form, { offset: data.offset + pageSize })}` : null;
  return (
    <div class={stale ? 'stale' : undefined}>
      <h2 id="results-heading" class="results-count" aria-live="polite">
        {data.total === 0 && hits.length === 0
          ? 'No passages match'
          : `${data.totalIsEstimate ? 'About ' : ''}${fmtInt(data.total)} ${data.total === 1 ? 'passage' : 'passages'}`}
        {hits.length > 0 && (data.offset > 0 || next) && (
          <span class="muted">
            {' '}
            · showing {fmtInt(first)}–{fmtInt(last)}
          </span>
        )}
      </h2>
      {!form.exact && (data.expanded?.length ?? 0) > 0 && <Expanded items={data.expanded!} />}
      {data.rewritten && (
        <p class="hint">
          Searched as <code>{data.ftsQuery}</code>
        </p>
      )}
      <ol class="hits" data-testid="search-results" start={first}>
        {hits.map((h) => (
          <Hit key={h.passageKey} hit={h} q={q} />
        ))}
      </ol>
      <Pager prev={prev} next={next} label="Result pages" />
    </div>
  );
}

/** "Pyatakov also searched as: Piatakov, Пятаков" for every query term that named a known entity. */
function Expanded({ items }: { items: readonly SearchExpansion[] }): VNode {
  return (
    <div class="expanded" data-testid="search-expanded">
      {items.map((x, i) => {
        const seen = new Set([x.term.toLocaleLowerCase()]);
        const others = (x.variants ?? []).filter((v) => {
          const k = v.toLocaleLowerCase();
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
        return (
          <p key={`${x.entity}-${i}`} class="hint">
            <a href={entityPath(x.entity)} title={`${x.name}: every spelling, mention and source`}>
              {x.term}
            </a>
            {x.name.toLocaleLowerCase() !== x.term.toLocaleLowerCase() && <span class="muted"> ({x.name})</span>}{' '}
            {others.length > 0 ? (
              <>
                also searched as: <span class="source-text">{others.join(', ')}</span>
              </>
            ) : (
              'has no other known spelling'
            )}
            .{' '}
            <a href={entityPath(x.entity)} class="small">
              About {x.name} →
            </a>
          </p>
        );
      })}
    </div>
  );
}

function Hit({ hit, q }: { hit: SearchHit; q: string }): VNode {
  const href = passageHref(hit.sourceId, hit.passageKey, q);
  const sn = hit.snippet ?? { text: '', start: hit.start, highlights: [] };
  const text = sn.text ?? '';
  const marks = normalizeRanges(sn.highlights, 0, 0, text.length);
  const lowOcr = typeof hit.ocrScore === 'number' && hit.ocrScore < 0.6;
  return (
    <li class="hit" data-testid="search-hit">
      <h3 class="hit-title">
        <a href={href} data-testid="hit-link">
          {hit.sourceTitle || hit.sourceId}
        </a>
      </h3>
      <div class="meta-line">
        {hit.date && <span class="date">{hit.date}</span>}
        {hit.kind && <span>{hit.kind}</span>}
        <span>{hit.role}</span>
        <Tags items={hit.perspective} />
        {lowOcr && (
          <span class="badge badge-warn" title={`OCR quality score ${hit.ocrScore.toFixed(2)}`}>
            OCR quality low
          </span>
        )}
        {hit.duplicates > 0 && (
          <span class="badge" title="This passage's section appears again elsewhere in the same source">
            also duplicated {hit.duplicates}×
          </span>
        )}
      </div>
      <p class="snippet source-text">
        <a href={href} tabIndex={-1}>
          {sn.prefix && <span class="ellipsis">…</span>}
          {marked(text, 0, text.length, marks)}
          {sn.suffix && <span class="ellipsis">…</span>}
        </a>
      </p>
    </li>
  );
}
