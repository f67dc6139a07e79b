/**
 * `/evidence`: what the sources offer for their headings. A claim heading is a heading a source
 * states (e.g. "STALIN SAYS BY LAW FOREIGNERS ARE TREATED VERY WELL"), with the passages it gives as
 * evidence and the works those rest on. Search and a source filter are kept in the URL, so the JSON
 * twin `/evidence.json?…` takes the same query. (The checkable claims compared across sources are
 * at `/claims`.)
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { EvidenceClaimSummary, EvidenceListResponse, Source } from '../api';
import { evidenceListUrl, evidencePath, sourcePath } from '../api';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Pager, Tags, useApi, useTitle, pageWindow, plural, ResultsCount, EmptyList } from '../ui';
import type { ListParams } from './works';
import { apiParams, listHref, listParamsFrom, QueryBox, shorten, SourceSelect, useSources } from './works';

const HEADING_CHARS = 220;

export function EvidencePage({ loc }: { loc: Loc }): VNode {
  const p = useMemo(() => listParamsFrom(loc.params), [loc.search]);
  const res = useApi<EvidenceListResponse>(evidenceListUrl(apiParams(p)));
  const sources = useSources();
  useTitle(p.q.trim() ? `“${p.q.trim()}” · Evidence` : 'Evidence');
  const data = res.data;

  return (
    <div class="page evidence-page">
      <h1 class="page-title">Headings and their evidence</h1>
      <p class="muted intro-line">
        Headings the sources state, each with the passages offered as evidence for it and the <a href="/works">works</a> those passages cite.
        The headings are the sources’ own words: Inquiry records them and does not judge them. Statements compared across sources are
        under <a href="/claims">claims</a>.
      </p>

      <div class="entity-tools claims-tools">
        <QueryBox id="evidence-q" label="Filter headings by their words" value={p.q} go={(q, replace) => navigate(listHref('/evidence', p, { q, offset: 0 }), { replace })} />
        <SourceSelect value={p.source} sources={sources.sorted} testid="evidence-source" onChange={(source) => navigate(listHref('/evidence', p, { source, offset: 0 }))} />
      </div>

      <section aria-busy={res.loading} aria-label="Headings and their evidence">
        {res.error ? <ErrorBox error={res.error} /> : !data ? <Loading /> : <EvidenceTable data={data} p={p} stale={res.loading} sources={sources.byId} />}
      </section>
    </div>
  );
}

function EvidenceTable({ data, p, stale, sources }: { data: EvidenceListResponse; p: ListParams; stale: boolean; sources: Map<string, Source> }): VNode {
  const items = data.items ?? [];
  const { offset, first, last, prev, next } = pageWindow(data, p, items.length, (o) => listHref('/evidence', p, { offset: o }));
  if (items.length === 0) {
    return (
      <EmptyList testid="evidence-list" pastEnd={offset > 0 && data.total > 0} firstPage={listHref('/evidence', p, { offset: 0 })} many="headings" one="heading" filtered={!!(p.q.trim() || p.source)} q={p.q} filterWords="this filter" all="/evidence" allLabel="Show every heading" none="No headings with evidence found. Headings and their evidence are found when sources are analysed." />
    );
  }
  return (
    <div class={stale ? 'stale' : undefined}>
      <ResultsCount total={data.total} one="heading" many="headings" first={first} last={last} paged={!!(prev || next)} />
      <div class="table-wrap">
        <table class="table claims-table evidence-table" data-testid="evidence-list">
          <caption class="sr-only">Headings the sources state, with their evidence</caption>
          <thead>
            <tr>
              <th scope="col">Heading</th>
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
              <EvidenceRow key={c.key} c={c} source={sources.get(c.sourceId)} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager prev={prev} next={next} label="Pages of headings" />
    </div>
  );
}

function EvidenceRow({ c, source }: { c: EvidenceClaimSummary; source: Source | undefined }): VNode {
  const heading = (c.text ?? '').trim();
  return (
    <tr data-testid="evidence-row" data-key={c.key} data-source={c.sourceId}>
      <td class="cell-title claim-heading source-text" data-label="Heading">
        <a href={evidencePath(c.key)} data-testid="evidence-link">
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
