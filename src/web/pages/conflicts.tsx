/**
 * `/conflicts`: disputed points. Each is one thing the sources state differently — a count, a date,
 * an outcome… — with the sides next to each other: every side is what some sources state, with
 * their own words and a link into each source at the claim. Sides are shown in the order the
 * server gives and all alike: Inquiry does not say which side is right. Filters (kind, source,
 * words) are kept in the URL, so the JSON twin `/conflicts.json?…` takes the same query.
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ConflictListParams, ConflictsResponse, Dispute, DisputeSide, Predicate } from '../api';
import { argdownExportUrl, conflictPath, conflictsListUrl, conflictsQuery, isPredicate, PREDICATES } from '../api';
import { ClaimQuote, PredicateBadge, predicateLabel } from '../claims-ui';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Pager, useApi, useTitle, pageWindow, plural, ResultsCount, EmptyList } from '../ui';
import { QueryBox, SourceSelect, useSources } from './works';

const PAGE = 50;
/** claims shown per side on a card (all of them on the disputed point's page) */
const CLAIMS_PER_SIDE = 3;
const QUOTE_CHARS = 320;

interface Params {
  predicate: Predicate | '';
  source: string;
  q: string;
  offset: number;
  limit: number;
}

function paramsFrom(p: URLSearchParams): Params {
  const limit = Number.parseInt(p.get('limit') ?? '', 10);
  const predicate = p.get('predicate') ?? '';
  return {
    predicate: isPredicate(predicate) ? predicate : '',
    source: p.get('source') ?? '',
    q: p.get('q') ?? '',
    offset: Math.max(0, Number.parseInt(p.get('offset') ?? '', 10) || 0),
    limit: limit > 0 ? Math.min(limit, 500) : PAGE,
  };
}

function listParams(n: Params): ConflictListParams {
  return { predicate: n.predicate, source: n.source, q: n.q };
}

/** The page's URL (defaults left out, so that the JSON twin `/conflicts.json?…` takes the same query). */
function href(p: Params, change: Partial<Params> = {}): string {
  const n = { ...p, ...change };
  return `/conflicts${conflictsQuery({ ...listParams(n), offset: n.offset || undefined, limit: n.limit === PAGE ? undefined : n.limit })}`;
}

function filtered(p: Params): boolean {
  return !!(p.predicate || p.source || p.q.trim());
}

export function ConflictsPage({ loc }: { loc: Loc }): VNode {
  const p = useMemo(() => paramsFrom(loc.params), [loc.search]);
  const res = useApi<ConflictsResponse>(conflictsListUrl({ ...listParams(p), limit: p.limit, offset: p.offset }));
  const sources = useSources();
  useTitle(p.q.trim() ? `“${p.q.trim()}” · Conflicts` : p.predicate ? `${predicateLabel(p.predicate)} · Conflicts` : 'Conflicts');
  const data = res.data;

  return (
    <div class="page conflicts-page">
      <h1 class="page-title">Disputed points</h1>
      <p class="muted intro-line">
        Things the sources state differently, each with its sides next to each other: what each source says, in its own words, with a link to
        the place in the source. Inquiry sets the sides side by side and does not decide which is right. Every <a href="/claims">claim</a> is
        compared one by one on its own page.
      </p>

      <div class="entity-tools claims-tools" role="group" aria-label="Filter the disputed points" data-testid="conflicts-filters">
        <QueryBox id="conflicts-q" label="Filter by words" value={p.q} go={(q, replace) => navigate(href(p, { q, offset: 0 }), { replace })} />
        <label class="field">
          <span>Kind of claim</span>
          <select
            name="predicate"
            data-testid="conflicts-predicate"
            value={p.predicate}
            onChange={(e) => navigate(href(p, { predicate: isPredicate(e.currentTarget.value) ? e.currentTarget.value : '', offset: 0 }))}
          >
            <option value="">any</option>
            {PREDICATES.map((x) => (
              <option key={x} value={x}>
                {predicateLabel(x)}
              </option>
            ))}
          </select>
        </label>
        <SourceSelect value={p.source} sources={sources.sorted} testid="conflicts-source" onChange={(source) => navigate(href(p, { source, offset: 0 }))} />
        <a class="btn btn-small export-link" href={argdownExportUrl()} download="conflicts.argdown" data-testid="conflicts-argdown" title="Every disputed point as an Argdown text">
          Download all as Argdown
        </a>
      </div>

      <section aria-busy={res.loading} aria-label="Disputed points">
        {res.error ? <ErrorBox error={res.error} /> : !data ? <Loading /> : <DisputeList data={data} p={p} stale={res.loading} />}
      </section>
    </div>
  );
}

function DisputeList({ data, p, stale }: { data: ConflictsResponse; p: Params; stale: boolean }): VNode {
  const items = data.items ?? [];
  const { offset, first, last, prev, next } = pageWindow(data, p, items.length, (o) => href(p, { offset: o }));
  if (items.length === 0) {
    return (
      <EmptyList testid="conflicts-list" pastEnd={offset > 0 && data.total > 0} firstPage={href(p, { offset: 0 })} many="disputed points" one="disputed point" filtered={!!filtered(p)} q={p.q} filterWords="these filters" all="/conflicts" allLabel="Show every disputed point" none="No disputed points found: where claims were compared, the sources do not state anything differently." />
    );
  }
  return (
    <div class={stale ? 'stale' : undefined}>
      <ResultsCount total={data.total} one="disputed point" many="disputed points" first={first} last={last} paged={!!(prev || next)} />
      <ol class="dispute-list" data-testid="conflicts-list">
        {items.map((d) => (
          <DisputeCard key={d.key} d={d} />
        ))}
      </ol>
      <Pager prev={prev} next={next} label="Pages of disputed points" />
    </div>
  );
}

function DisputeCard({ d }: { d: Dispute }): VNode {
  const sides = d.sides ?? [];
  return (
    <li class="dispute-card" data-testid="conflict-card" data-key={d.key} data-predicate={d.predicate}>
      <DisputeHead d={d} level="h2" />
      <DisputeSides sides={sides} topic={d.topic} maxClaims={CLAIMS_PER_SIDE} maxChars={QUOTE_CHARS} moreHref={conflictPath(d.key)} />
    </li>
  );
}

/** Topic (a link to the disputed point's page, unless `level` is h1), kind, and how many sources and sides. */
export function DisputeHead({ d, level }: { d: Dispute; level: 'h1' | 'h2' }): VNode {
  const sides = d.sides ?? [];
  const topic = (d.topic ?? '').trim() || d.key;
  return (
    <header class="dispute-head">
      {level === 'h1' ? (
        <h1 class="page-title dispute-topic" data-testid="conflict-title">
          {topic}
        </h1>
      ) : (
        <h2 class="dispute-topic">
          <a href={conflictPath(d.key)} data-testid="conflict-link">
            {topic}
          </a>
        </h2>
      )}
      <p class="meta-line">
        <PredicateBadge predicate={d.predicate} />
        <span data-testid="conflict-source-count">{plural(d.sourceCount, 'source', 'sources')}</span>
        <span>{plural(sides.length, 'side', 'sides')}</span>
        <a href={argdownExportUrl(d.key)} download={`${d.key.replace(/[^\w.-]+/g, '_')}.argdown`} data-testid="conflict-argdown" title="This disputed point as an Argdown text">
          Argdown
        </a>
      </p>
    </header>
  );
}

/**
 * The sides next to each other (one column each; stacked on narrow screens). With `maxClaims`,
 * each side shows that many claims and links to the full page for the rest.
 */
export function DisputeSides({
  sides,
  topic,
  maxClaims,
  maxChars,
  moreHref,
}: {
  sides: DisputeSide[];
  topic: string;
  maxClaims?: number;
  maxChars?: number;
  moreHref?: string;
}): VNode {
  if (sides.length === 0) return <p class="muted">No sides are stored for this point.</p>;
  return (
    <div class="dispute-sides" role="group" aria-label={`The sides of: ${topic}`} data-sides={sides.length}>
      {sides.map((s, i) => {
        const claims = s.claims ?? [];
        const shown = maxClaims ? claims.slice(0, maxClaims) : claims;
        const rest = claims.length - shown.length;
        const n = (s.sources ?? []).length;
        return (
          <section key={`${s.stance}-${i}`} class="dispute-side" aria-label={`Side ${i + 1}: ${s.stance}`} data-testid="conflict-side">
            <h3 class="side-stance source-text">{s.stance || <span class="muted">(no stance given)</span>}</h3>
            <p class="small muted side-count">
              {plural(n, 'source', 'sources')} · {plural(claims.length, 'claim', 'claims')}
            </p>
            <div class="side-claims">
              {shown.map((c) => (
                <ClaimQuote key={c.key} c={c} maxChars={maxChars} heading="h4" />
              ))}
            </div>
            {rest > 0 && moreHref && (
              <p class="small">
                <a href={moreHref}>and {plural(rest, 'more claim', 'more claims')}</a>
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
