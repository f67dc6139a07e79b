/**
 * `/evidence/:key`: one claim heading (a heading a source states) and the evidence it offers: each
 * passage, the citation that closes it, and the work that citation names. Inquiry shows what the
 * source rests its heading on; it does not weigh it.
 */
import type { VNode } from 'preact';
import type { EvidenceClaim, EvidenceClaimResponse, EvidenceEntry } from '../api';
import { evidenceUrl, qs, sourcePath, spanHref, workPath } from '../api';
import { ErrorBox, fmtInt, Loading, Tags, useApi, useTitle, plural } from '../ui';
import { authorsShort, cslDate, shorten } from './works';

export function EvidenceClaimPage({ claimKey }: { claimKey: string }): VNode {
  const res = useApi<EvidenceClaimResponse>(evidenceUrl(claimKey));
  const c = res.data?.claim ?? null;
  useTitle(c ? `${shorten((c.text ?? '').trim() || 'Evidence outside any heading', 60)} · Evidence` : 'Evidence');

  if (res.error) {
    return (
      <div class="page claim-page evidence-claim-page">
        {res.error.status === 404 ? (
          <div class="msg msg-error" role="alert">
            <strong class="msg-title">No such heading</strong>
            <p>
              <code>{claimKey}</code> is not in the record (any more): headings and their evidence are found again whenever sources are analysed. See
              the <a href="/evidence">list of headings and their evidence</a>.
            </p>
          </div>
        ) : (
          <ErrorBox error={res.error} />
        )}
      </div>
    );
  }
  if (!c) {
    return (
      <div class="page claim-page evidence-claim-page">
        <Loading />
      </div>
    );
  }
  return (
    <div class={`page claim-page evidence-claim-page${res.loading ? ' stale' : ''}`} aria-busy={res.loading} data-testid="evidence-page" data-key={c.key}>
      <EvidenceHead c={c} />
      <EvidenceList c={c} />
    </div>
  );
}

/** The heading's stretch of its source: the heading through the end of its last evidence passage and citation. */
function sectionRange(c: EvidenceClaim): [number, number] | null {
  if (!(c.start >= 0)) return null;
  let end = c.end;
  for (const e of c.evidence ?? []) {
    end = Math.max(end, e.passage?.end ?? -1, e.citation?.end ?? -1);
  }
  return [c.start, end];
}

function EvidenceHead({ c }: { c: EvidenceClaim }): VNode {
  const heading = (c.text ?? '').trim();
  const ev = c.evidence ?? [];
  const works = new Set(ev.map((e) => e.work?.key).filter(Boolean)).size;
  const section = sectionRange(c);
  const title = c.title || c.sourceId;
  return (
    <header class="claim-head">
      <p class="crumbs">
        <a href="/evidence">Evidence</a> <span aria-hidden="true">/</span> <a href={`/evidence${qs({ source: c.sourceId })}`}>{shorten(title, 60)}</a>
      </p>
      <h1 class="page-title claim-title source-text" data-testid="evidence-title">
        {heading || <span class="muted">Evidence outside any heading</span>}
      </h1>
      <p class="meta-line claim-meta">
        <span>
          stated in{' '}
          <a href={sourcePath(c.sourceId)} data-testid="evidence-source-link">
            {title}
          </a>
        </span>
        <Tags items={c.perspective} />
        <span>{plural(ev.length, 'evidence passage', 'evidence passages')}</span>
        <span>{plural(works, 'work', 'works')} cited</span>
        {section && (
          <a href={spanHref(c.sourceId, section[0], section[1])} data-testid="evidence-section-link" title="Open the reader at the heading and its evidence">
            read it in the source
          </a>
        )}
      </p>
      <p class="hint">The heading is the source’s own. Below is what the source offers for it; Inquiry does not judge whether it holds.</p>
    </header>
  );
}

function EvidenceList({ c }: { c: EvidenceClaim }): VNode {
  const ev = c.evidence ?? [];
  return (
    <section class="reuse-section" aria-labelledby="h-evidence">
      <h2 id="h-evidence" class="section-title">
        {ev.length ? `Evidence offered (${fmtInt(ev.length)})` : 'Evidence offered'}
      </h2>
      {ev.length === 0 ? (
        <p class="muted">The source offers no cited passage for this heading.</p>
      ) : (
        <ol class="reuse-pairs evidence-list" data-testid="evidence-entries">
          {ev.map((e, i) => (
            <EvidenceItem key={`${e.passage?.start ?? i}-${e.citation?.key ?? i}`} e={e} n={i + 1} sourceId={c.sourceId} />
          ))}
        </ol>
      )}
    </section>
  );
}

function EvidenceItem({ e, n, sourceId }: { e: EvidenceEntry; n: number; sourceId: string }): VNode {
  const p = e.passage;
  const cit = e.citation;
  const w = e.work;
  const authors = w ? authorsShort(w.csl) : '';
  const year = w ? cslDate(w.csl) : null;
  return (
    <li class="reuse-occ evidence-item" data-testid="evidence-item" data-work={w?.key}>
      <h3 class="occ-title evidence-n">Passage {fmtInt(n)}</h3>
      <blockquote class="reuse-text source-text">{(p?.text ?? '').trim() || <span class="muted">(no text)</span>}</blockquote>
      <p class="meta-line">
        {p && (
          <a href={spanHref(sourceId, p.start, p.end)} data-testid="evidence-reader-link">
            read the passage in the source
          </a>
        )}
      </p>
      <dl class="meta evidence-meta">
        <div class="meta-row">
          <dt>Citation</dt>
          <dd>
            {cit?.text ? (
              <>
                {cit.start >= 0 ? (
                  <a href={spanHref(sourceId, cit.start, cit.end)} class="source-text" title="Open the reader at the citation" data-testid="evidence-citation">
                    {cit.text}
                  </a>
                ) : (
                  <span class="source-text" data-testid="evidence-citation">
                    {cit.text}
                  </span>
                )}
                {cit.locator && (
                  <span class="small muted" title="The cited place in the work, as written">
                    {' '}
                    · at {cit.locator}
                  </span>
                )}
              </>
            ) : (
              <span class="muted">not stored</span>
            )}
          </dd>
        </div>
        <div class="meta-row">
          <dt>Rests on</dt>
          <dd>
            {w ? (
              <>
                <a href={workPath(w.key)} data-testid="evidence-work-link" class="work-link">
                  {w.title || w.csl?.title || w.key}
                </a>
                {(authors || year) && <span class="small muted"> · {[authors, year].filter(Boolean).join(', ')}</span>}
              </>
            ) : (
              <span class="muted" data-testid="evidence-no-work">
                not tied to a work
              </span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
