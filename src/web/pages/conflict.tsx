/**
 * `/conflicts/:key`: one disputed point. Its sides at full width, each claim in full with a link
 * into its source at the claim; then every comparison between two of its claims (claim ↔ claim,
 * how they relate and why), and the point as an Argdown text to download. Inquiry sets the sides
 * side by side and does not decide which is right.
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ClaimRow, ConflictResponse, Dispute, DisputeComparison } from '../api';
import { argdownExportUrl, claimPath, conflictsQuery, conflictUrl, readerSpanHref } from '../api';
import { PerspectiveTag, predicateLabel, RelationBadge } from '../claims-ui';
import { ErrorBox, fmtInt, Loading, useApi, useTitle } from '../ui';
import { DisputeHead, DisputeSides } from './conflicts';
import { shorten } from './works';

const COMPARED_CHARS = 240;

export function ConflictPage({ disputeKey }: { disputeKey: string }): VNode {
  const res = useApi<ConflictResponse>(conflictUrl(disputeKey));
  const d = res.data?.dispute ?? null;
  useTitle(d ? `${shorten((d.topic ?? '').trim() || d.key, 60)} · Conflicts` : 'Conflict');

  if (res.error) {
    return (
      <div class="page conflict-page">
        {res.error.status === 404 ? (
          <div class="msg msg-error" role="alert">
            <strong class="msg-title">No such disputed point</strong>
            <p>
              <code>{disputeKey}</code> is not in the record (any more): claims are compared again whenever sources are analysed. See the{' '}
              <a href="/conflicts">list of disputed points</a>.
            </p>
          </div>
        ) : (
          <ErrorBox error={res.error} />
        )}
      </div>
    );
  }
  if (!d || !res.data) {
    return (
      <div class="page conflict-page">
        <Loading />
      </div>
    );
  }
  return (
    <div class={`page conflict-page${res.loading ? ' stale' : ''}`} aria-busy={res.loading} data-testid="conflict-page" data-key={d.key}>
      <p class="crumbs">
        <a href="/conflicts">Conflicts</a> <span aria-hidden="true">/</span>{' '}
        <a href={`/conflicts${conflictsQuery({ predicate: d.predicate })}`}>{predicateLabel(d.predicate)}</a>
      </p>
      <DisputeHead d={d} level="h1" />
      <p class="hint">Each side is what some sources state, in their own words. The sides are listed as found, and none is ranked above another.</p>
      <section class="reuse-section" aria-labelledby="h-sides">
        <h2 id="h-sides" class="section-title">
          The sides
        </h2>
        <DisputeSides sides={d.sides ?? []} topic={d.topic} />
      </section>
      <ComparisonList d={d} comparisons={res.data.comparisons ?? []} />
      <section class="reuse-section" aria-labelledby="h-export">
        <h2 id="h-export" class="section-title">
          Export
        </h2>
        <p>
          <a class="btn" href={argdownExportUrl(d.key)} download={`${d.key.replace(/[^\w.-]+/g, '_')}.argdown`} data-testid="conflict-argdown-download">
            Download as Argdown
          </a>{' '}
          <span class="small muted">a plain-text map of the sides and their claims, for Argdown tools</span>
        </p>
      </section>
    </div>
  );
}

function ComparisonList({ d, comparisons }: { d: Dispute; comparisons: DisputeComparison[] }): VNode {
  const byKey = useMemo(() => {
    const m = new Map<string, ClaimRow>();
    for (const s of d.sides ?? []) for (const c of s.claims ?? []) m.set(c.key, c);
    return m;
  }, [d]);
  return (
    <section class="reuse-section" aria-labelledby="h-comparisons">
      <h2 id="h-comparisons" class="section-title">
        {comparisons.length ? `How the claims compare (${fmtInt(comparisons.length)})` : 'How the claims compare'}
      </h2>
      {comparisons.length === 0 ? (
        <p class="muted">No comparison between these claims is stored.</p>
      ) : (
        <ol class="comparison-pairs" data-testid="conflict-comparisons">
          {comparisons.map((x, i) => (
            <li key={`${x.a}-${x.b}-${i}`} class={`comparison-pair rel-${x.relation}`} data-testid="conflict-comparison" data-relation={x.relation} data-a={x.a} data-b={x.b}>
              <ComparedClaim claimKey={x.a} c={byKey.get(x.a)} />
              <div class="comparison-rel">
                <span class="rel-arrow" aria-hidden="true">
                  ↔
                </span>
                <RelationBadge relation={x.relation} />
                {x.reason && <span class="small comparison-reason">{x.reason}</span>}
              </div>
              <ComparedClaim claimKey={x.b} c={byKey.get(x.b)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ComparedClaim({ claimKey, c }: { claimKey: string; c: ClaimRow | undefined }): VNode {
  if (!c) {
    return (
      <div class="compared-claim">
        <a href={claimPath(claimKey)} class="mono small">
          {claimKey}
        </a>
      </div>
    );
  }
  const text = (c.text ?? '').trim();
  return (
    <div class="compared-claim">
      <p class="meta-line">
        <a href={readerSpanHref(c.sourceId, c.start, c.end)} title="Open the source at this claim" class="compared-source">
          {shorten(c.sourceTitle || c.sourceId, 60)}
        </a>
        <PerspectiveTag perspective={c.perspective} />
      </p>
      <p class="source-text compared-text">
        <a href={claimPath(c.key)} title={text.length > COMPARED_CHARS ? text : 'Compare this claim'}>
          “{shorten(text || c.key, COMPARED_CHARS)}”
        </a>
      </p>
    </div>
  );
}
