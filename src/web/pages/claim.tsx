/**
 * `/claims/:key`: one checkable claim — its words in its source, how Inquiry reads it (subject,
 * value, time) — and the claims of other sources it was compared with, grouped by how they relate:
 * conflicting, partly agreeing, agreeing. Within a group, sources are listed alphabetically: no
 * side is ranked above another, and Inquiry does not decide which claim holds.
 */
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ClaimDetailResponse, ClaimRow, ComparisonRow, Relation } from '../api';
import { claimsQuery, claimUrl, readerSpanHref } from '../api';
import { ClaimQuote, EdtfDate, PerspectiveTag, PredicateBadge, RELATION_HEADING, RelationBadge } from '../claims-ui';
import { ErrorBox, fmtInt, Loading, useApi, useTitle, plural } from '../ui';
import { shorten } from './works';

/** The order of the groups: what conflicts first, then what partly agrees, then what agrees. */
const GROUP_ORDER: readonly Relation[] = ['conflict', 'partial', 'agree'];

export function ClaimPage({ claimKey }: { claimKey: string }): VNode {
  const res = useApi<ClaimDetailResponse>(claimUrl(claimKey));
  const c = res.data?.claim ?? null;
  useTitle(c ? `“${shorten((c.text ?? '').trim() || c.key, 60)}” · Claims` : 'Claim');

  if (res.error) {
    return (
      <div class="page claim-page">
        {res.error.status === 404 ? (
          <div class="msg msg-error" role="alert">
            <strong class="msg-title">No such claim</strong>
            <p>
              <code>{claimKey}</code> is not in the record (any more): claims are found and compared again whenever sources are analysed. See the{' '}
              <a href="/claims">list of claims</a>.
            </p>
          </div>
        ) : (
          <ErrorBox error={res.error} />
        )}
      </div>
    );
  }
  if (!c || !res.data) {
    return (
      <div class="page claim-page">
        <Loading />
      </div>
    );
  }
  return (
    <div class={`page claim-page${res.loading ? ' stale' : ''}`} aria-busy={res.loading} data-testid="claim-page" data-key={c.key}>
      <ClaimHead c={c} />
      <Comparisons comparisons={res.data.comparisons ?? []} />
    </div>
  );
}

function ClaimHead({ c }: { c: ClaimRow }): VNode {
  const text = (c.text ?? '').trim();
  const title = c.sourceTitle || c.sourceId;
  const rows: Array<[string, VNode | string | null]> = [
    ['Kind', <PredicateBadge predicate={c.predicate} />],
    [
      'Subject',
      c.subjectLabel || c.subject ? (
        <a href={`/claims${claimsQuery({ subject: c.subject })}`} title="Every claim about this subject" data-testid="claim-subject">
          {c.subjectLabel || c.subject}
        </a>
      ) : null,
    ],
    ['Value', c.valueLabel ? <strong class="claim-value">{c.valueLabel}</strong> : null],
    [
      'Time',
      c.time ? (
        <>
          <EdtfDate edtf={c.time} /> <code class="small">{c.time}</code>
        </>
      ) : null,
    ],
  ];
  return (
    <header class="claim-head">
      <p class="crumbs">
        <a href="/claims">Claims</a> <span aria-hidden="true">/</span> <a href={`/claims${claimsQuery({ source: c.sourceId })}`}>{shorten(title, 60)}</a>
      </p>
      <h1 class="page-title claim-title source-text" data-testid="claim-title">
        {text ? `“${text}”` : <span class="mono">{c.key}</span>}
      </h1>
      <p class="meta-line claim-meta">
        <span>
          stated in{' '}
          <a href={readerSpanHref(c.sourceId, c.start, c.end)} data-testid="claim-source-link" title={`Open ${title} at this claim`}>
            {title}
          </a>
        </span>
        <PerspectiveTag perspective={c.perspective} />
        <a href={readerSpanHref(c.sourceId, c.start, c.end)} data-testid="claim-reader-link">
          read it in the source
        </a>
      </p>
      <dl class="meta claim-reading-meta">
        {rows.map(([k, v]) =>
          v === null || v === '' ? null : (
            <div class="meta-row" key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ),
        )}
      </dl>
      <p class="hint">How Inquiry reads the sentence, to compare it with what other sources state about the same subject. The words above are the source’s own.</p>
    </header>
  );
}

function Comparisons({ comparisons }: { comparisons: ComparisonRow[] }): VNode {
  const groups = useMemo(() => {
    const m = new Map<string, ComparisonRow[]>();
    for (const x of comparisons) {
      const list = m.get(x.relation) ?? [];
      list.push(x);
      m.set(x.relation, list);
    }
    for (const list of m.values()) {
      list.sort(
        (a, b) =>
          (a.other?.sourceTitle || a.other?.sourceId || '').localeCompare(b.other?.sourceTitle || b.other?.sourceId || '') ||
          (a.other?.start ?? 0) - (b.other?.start ?? 0),
      );
    }
    const known = GROUP_ORDER.filter((r) => m.has(r)).map((r) => ({ relation: r as string, items: m.get(r)! }));
    const other = [...m.keys()].filter((r) => !(GROUP_ORDER as readonly string[]).includes(r)).sort();
    return [...known, ...other.map((r) => ({ relation: r, items: m.get(r)! }))];
  }, [comparisons]);

  if (comparisons.length === 0) {
    return (
      <section class="reuse-section" aria-labelledby="h-compared">
        <h2 id="h-compared" class="section-title">
          Compared with other sources
        </h2>
        <p class="muted" data-testid="claim-no-comparisons">
          No other source states anything comparable about this subject.
        </p>
      </section>
    );
  }
  return (
    <>
      <nav class="rel-summary" aria-label="Comparisons by relation" data-testid="claim-relations">
        {groups.map((g) => (
          <a key={g.relation} href={`#rel-${g.relation}`} class="rel-jump">
            <RelationBadge relation={g.relation} /> <span class="num">{fmtInt(g.items.length)}</span>
          </a>
        ))}
      </nav>
      {groups.map((g) => (
        <section key={g.relation} class="reuse-section comparison-group" id={`rel-${g.relation}`} aria-labelledby={`h-rel-${g.relation}`} data-testid="claim-comparison-group" data-relation={g.relation}>
          <h2 id={`h-rel-${g.relation}`} class="section-title">
            {RELATION_HEADING[g.relation as Relation] ?? g.relation} ({fmtInt(g.items.length)})
          </h2>
          <ol class="reuse-pairs comparisons">
            {g.items.map((x, i) => (
              <li key={`${x.other?.key ?? i}`} class={`reuse-occ comparison rel-${x.relation}`} data-testid="claim-comparison" data-relation={x.relation} data-other={x.other?.key}>
                <p class="occ-summary">
                  <RelationBadge relation={x.relation} /> <span>{x.reason || <span class="muted">no reason given</span>}</span>
                </p>
                {x.other ? <ClaimQuote c={x.other} heading="h3" /> : <p class="muted">The other claim is not stored.</p>}
              </li>
            ))}
          </ol>
        </section>
      ))}
      <p class="hint">{plural(comparisons.length, 'comparison', 'comparisons')}. Sources are listed alphabetically within each group.</p>
    </>
  );
}
