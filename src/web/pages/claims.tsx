/**
 * `/claims`: checkable claims. Statements of the sources that can be compared across sources — an
 * outcome, a count, a date, a place, someone's presence, whether something existed, who said it —
 * each read as a subject and a value, with how many claims of other sources agree, partly agree or
 * conflict with it. Filters (predicate, relation, source, words; a subject from a claim's page) are
 * kept in the URL, so the JSON twin `/claims.json?…` takes the same query. Inquiry compares the
 * claims; it does not decide which holds.
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ClaimListParams, ClaimRow, ClaimsListResponse, Predicate, Relation } from '../api';
import { claimPath, claimsListUrl, claimsQuery, isPredicate, isRelation, PREDICATES, RELATIONS, readerSpanHref } from '../api';
import { EdtfDate, PerspectiveTag, PredicateBadge, predicateLabel, RELATION_LABEL, RelationCounts } from '../claims-ui';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Pager, useApi, useTitle, pageWindow, plural, ResultsCount, EmptyList } from '../ui';
import { QueryBox, shorten, SourceSelect, useSources } from './works';

const PAGE = 50;
const TEXT_CHARS = 200;

interface Params {
  predicate: Predicate | '';
  subject: string;
  source: string;
  relation: Relation | '';
  q: string;
  offset: number;
  limit: number;
}

function paramsFrom(p: URLSearchParams): Params {
  const limit = Number.parseInt(p.get('limit') ?? '', 10);
  const predicate = p.get('predicate') ?? '';
  const relation = p.get('relation') ?? '';
  return {
    predicate: isPredicate(predicate) ? predicate : '',
    subject: p.get('subject') ?? '',
    source: p.get('source') ?? '',
    relation: isRelation(relation) ? relation : '',
    q: p.get('q') ?? '',
    offset: Math.max(0, Number.parseInt(p.get('offset') ?? '', 10) || 0),
    limit: limit > 0 ? Math.min(limit, 1000) : PAGE,
  };
}

function listParams(n: Params): ClaimListParams {
  return { predicate: n.predicate, subject: n.subject, source: n.source, relation: n.relation, q: n.q };
}

/** The page's URL (defaults left out, so that the JSON twin `/claims.json?…` takes the same query). */
function href(p: Params, change: Partial<Params> = {}): string {
  const n = { ...p, ...change };
  return `/claims${claimsQuery({ ...listParams(n), offset: n.offset || undefined, limit: n.limit === PAGE ? undefined : n.limit })}`;
}

function filtered(p: Params): boolean {
  return !!(p.predicate || p.subject || p.source || p.relation || p.q.trim());
}

export function ClaimsPage({ loc }: { loc: Loc }): VNode {
  const p = useMemo(() => paramsFrom(loc.params), [loc.search]);
  // the API gets the paging spelled out (its defaults may differ from this page's)
  const res = useApi<ClaimsListResponse>(claimsListUrl({ ...listParams(p), limit: p.limit, offset: p.offset }));
  const sources = useSources();
  useTitle(p.q.trim() ? `“${p.q.trim()}” · Claims` : p.predicate ? `${predicateLabel(p.predicate)} · Claims` : 'Claims');
  const data = res.data;

  return (
    <div class="page claims-page">
      <h1 class="page-title">Claims compared across sources</h1>
      <p class="muted intro-line">
        Statements the sources make that can be set side by side — what happened, how many, when, where, who was there, who said it — each
        compared with what other sources state about the same thing. Inquiry shows where they agree and where they conflict; it does not
        decide which is right. Disputed points are gathered under <a href="/conflicts">conflicts</a>.
      </p>

      <div class="entity-tools claims-tools" role="group" aria-label="Filter the claims" data-testid="claims-filters">
        <QueryBox id="claims-q" label="Filter claims by their words" value={p.q} go={(q, replace) => navigate(href(p, { q, offset: 0 }), { replace })} />
        <label class="field">
          <span>Kind of claim</span>
          <select name="predicate" data-testid="claims-predicate" value={p.predicate} onChange={(e) => navigate(href(p, { predicate: isPredicate(e.currentTarget.value) ? e.currentTarget.value : '', offset: 0 }))}>
            <option value="">any</option>
            {PREDICATES.map((x) => (
              <option key={x} value={x}>
                {predicateLabel(x)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Compared</span>
          <select name="relation" data-testid="claims-relation" value={p.relation} onChange={(e) => navigate(href(p, { relation: isRelation(e.currentTarget.value) ? e.currentTarget.value : '', offset: 0 }))}>
            <option value="">any</option>
            {RELATIONS.map((x) => (
              <option key={x} value={x}>
                another source {RELATION_LABEL[x]}
              </option>
            ))}
          </select>
        </label>
        <SourceSelect value={p.source} sources={sources.sorted} testid="claims-source" onChange={(source) => navigate(href(p, { source, offset: 0 }))} />
      </div>
      {p.subject && (
        <p class="active-filter" data-testid="claims-subject">
          <span class="muted">About:</span> <span class="chip">{p.subject}</span>{' '}
          <a href={href(p, { subject: '', offset: 0 })} class="small">
            any subject
          </a>
        </p>
      )}

      <section aria-busy={res.loading} aria-label="Claims">
        {res.error ? <ErrorBox error={res.error} /> : !data ? <Loading /> : <ClaimTable data={data} p={p} stale={res.loading} />}
      </section>
    </div>
  );
}

function ClaimTable({ data, p, stale }: { data: ClaimsListResponse; p: Params; stale: boolean }): VNode {
  const items = data.items ?? [];
  const { offset, first, last, prev, next } = pageWindow(data, p, items.length, (o) => href(p, { offset: o }));
  if (items.length === 0) {
    return (
      <EmptyList testid="claims-list" pastEnd={offset > 0 && data.total > 0} firstPage={href(p, { offset: 0 })} many="claims" one="claim" filtered={!!filtered(p)} q={p.q} filterWords="these filters" all="/claims" allLabel="Show every claim" none="No checkable claims found. Claims are found and compared when sources are analysed." />
    );
  }
  return (
    <div class={stale ? 'stale' : undefined}>
      <ResultsCount total={data.total} one="claim" many="claims" first={first} last={last} paged={!!(prev || next)} />
      <div class="table-wrap">
        <table class="table claims-table checkable-table" data-testid="claims-list">
          <caption class="sr-only">Checkable claims, with how many claims of other sources agree, partly agree or conflict with each</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Kind</th>
              <th scope="col">Subject</th>
              <th scope="col">Value</th>
              <th scope="col">Time</th>
              <th scope="col">Source</th>
              <th scope="col">Other sources</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <ClaimTableRow key={c.key} c={c} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager prev={prev} next={next} label="Pages of claims" />
    </div>
  );
}

function ClaimTableRow({ c }: { c: ClaimRow }): VNode {
  const text = (c.text ?? '').trim();
  return (
    <tr data-testid="claim-row" data-key={c.key} data-source={c.sourceId} data-predicate={c.predicate} class={c.conflict > 0 ? 'row-conflict' : undefined}>
      <td class="cell-title claim-heading source-text" data-label="Claim">
        <a href={claimPath(c.key)} data-testid="claim-link" title={text.length > TEXT_CHARS ? text : undefined}>
          {text ? `“${shorten(text, TEXT_CHARS)}”` : <span class="mono">{c.key}</span>}
        </a>
      </td>
      <td data-label="Kind">
        <PredicateBadge predicate={c.predicate} />
      </td>
      <td data-label="Subject" class="claim-subject">
        {c.subjectLabel || c.subject || <span class="muted">—</span>}
      </td>
      <td data-label="Value" class="claim-value-cell">
        {c.valueLabel || <span class="muted">—</span>}
      </td>
      <td data-label="Time" class="nowrap">
        <EdtfDate edtf={c.time} />
      </td>
      <td data-label="Source" class="small">
        <a href={readerSpanHref(c.sourceId, c.start, c.end)} title="Open the reader at this claim">
          {shorten(c.sourceTitle || c.sourceId, 70)}
        </a>
        {c.perspective && (
          <div>
            <PerspectiveTag perspective={c.perspective} />
          </div>
        )}
      </td>
      <td data-label="Other sources" class="nowrap">
        <RelationCounts c={c} />
      </td>
    </tr>
  );
}
