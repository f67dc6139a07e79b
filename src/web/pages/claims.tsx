/**
 * `/claims`: what the sources claim and what they offer for it. A claim is a heading a source
 * states (e.g. "STALIN SAYS BY LAW FOREIGNERS ARE TREATED VERY WELL"), with the passages it gives
 * as evidence and the works those rest on. Search and a source filter are kept in the URL, so the
 * JSON twin `/claims.json?…` takes the same query.
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ClaimsResponse, ClaimSummary, Source } from '../api';
import { claimPath, claimsListUrl, sourcePath } from '../api';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Pager, Tags, useApi, useTitle } from '../ui';
import type { ListParams } from './works';
import { apiParams, listHref, listParamsFrom, plural, QueryBox, shorten, SourceSelect, useSources } from './works';

const HEADING_CHARS = 220;

export function ClaimsPage({ loc }: { loc: Loc }): VNode {
  const p = useMemo(() => listParamsFrom(loc.params), [loc.search]);
  const res = useApi<ClaimsResponse>(claimsListUrl(apiParams(p)));
  const sources = useSources();
  useTitle(p.q.trim() ? `“${p.q.trim()}” · Claims` : 'Claims');
  const data = res.data;

  return (
    <div class="page claims-page">
      <h1 class="page-title">Claims and their evidence</h1>
      <p class="muted intro-line">
        Headings the sources state, each with the passages offered as evidence for it and the <a href="/works">works</a> those passages cite.
        The claims are the sources’ own words: Inquiry records them and does not judge them.
      </p>

      <div class="entity-tools claims-tools">
        <QueryBox id="claims-q" label="Filter claims by their words" value={p.q} go={(q, replace) => navigate(listHref('/claims', p, { q, offset: 0 }), { replace })} />
        <SourceSelect value={p.source} sources={sources.sorted} testid="claims-source" onChange={(source) => navigate(listHref('/claims', p, { source, offset: 0 }))} />
      </div>

      <section aria-busy={res.loading} aria-label="Claims">
        {res.error ? <ErrorBox error={res.error} /> : !data ? <Loading /> : <ClaimTable data={data} p={p} stale={res.loading} sources={sources.byId} />}
      </section>
    </div>
  );
}

function ClaimTable({ data, p, stale, sources }: { data: ClaimsResponse; p: ListParams; stale: boolean; sources: Map<string, Source> }): VNode {
  const items = data.items ?? [];
  const size = data.limit || p.limit;
  const offset = typeof data.offset === 'number' ? data.offset : p.offset;
  const first = offset + 1;
  const last = offset + items.length;
  const prev = offset > 0 ? listHref('/claims', p, { offset: Math.max(0, offset - size) }) : null;
  const next = last < data.total ? listHref('/claims', p, { offset: offset + size }) : null;
  if (items.length === 0) {
    return (
      <div data-testid="claims-list">
        {offset > 0 && data.total > 0 ? (
          <p class="muted">
            No claims on this page. <a href={listHref('/claims', p, { offset: 0 })}>Back to the first page</a>
          </p>
        ) : p.q.trim() || p.source ? (
          <p class="muted">
            No claim matches {p.q.trim() ? `“${p.q.trim()}”` : 'this filter'}. <a href="/claims">Show every claim</a>
          </p>
        ) : (
          <p class="muted">No claims found. Claims and their evidence are found when sources are analysed.</p>
        )}
      </div>
    );
  }
  return (
    <div class={stale ? 'stale' : undefined}>
      <p class="results-count" aria-live="polite">
        {plural(data.total, 'claim', 'claims')}
        {(prev || next) && (
          <span class="muted">
            {' '}
            · showing {fmtInt(first)}–{fmtInt(last)}
          </span>
        )}
      </p>
      <div class="table-wrap">
        <table class="table claims-table" data-testid="claims-list">
          <caption class="sr-only">Claims the sources state, with their evidence</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Source</th>
              <th scope="col" class="num">
                Evidence
              </th>
              <th scope="col" class="num">
                Works
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <ClaimRow key={c.key} c={c} source={sources.get(c.sourceId)} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager prev={prev} next={next} label="Pages of claims" />
    </div>
  );
}

function ClaimRow({ c, source }: { c: ClaimSummary; source: Source | undefined }): VNode {
  const heading = (c.text ?? '').trim();
  return (
    <tr data-testid="claim-row" data-key={c.key} data-source={c.sourceId}>
      <td class="cell-title claim-heading source-text" data-label="Claim">
        <a href={claimPath(c.key)} data-testid="claim-link">
          {heading ? shorten(heading, HEADING_CHARS) : <span class="muted">Evidence outside any heading</span>}
        </a>
      </td>
      <td data-label="Source" class="small">
        <a href={sourcePath(c.sourceId)}>{shorten(source?.title || c.sourceId, 70)}</a>
        {source && source.perspective?.length > 0 && (
          <div>
            <Tags items={source.perspective} />
          </div>
        )}
      </td>
      <td class="num" data-label="Evidence" title="Passages offered as evidence">
        {fmtInt(c.evidence)}
      </td>
      <td class="num" data-label="Works" title="Distinct works the evidence cites">
        {fmtInt(c.works)}
      </td>
    </tr>
  );
}
