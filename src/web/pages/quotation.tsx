/**
 * `/reuse/:key`: one family of reused text. The base (the fullest text, which every other
 * occurrence is compared with) first, then each other occurrence side by side with the base,
 * word by word, with its differences classified. Occurrences are in source date order; no source
 * is ranked above another.
 */
import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { DiffSeg, Divergence, DivergenceClass, ReuseFamily, ReuseFamilyResponse, ReuseKind, ReuseOccurrence, ReuseSeverity } from '../api';
import { occurrenceHref, qs, reuseFamilyUrl } from '../api';
import { ErrorBox, fmtInt, Loading, Tags, useApi, useTitle, plural } from '../ui';

/** pairs rendered at first, and added by each "show more" */
const PAIRS = 20;
/** longest divergence text shown in full in the table */
const DIV_CHARS = 160;

const KIND_LABEL: Record<ReuseKind, string> = {
  quotation: 'quotation',
  duplicate: 'repeat',
};

const KIND_TITLE: Record<ReuseKind, string> = {
  quotation: 'The same text in more than one source',
  duplicate: 'Repeated within one source only',
};

export function KindBadge({ kind }: { kind: ReuseKind | string }): VNode {
  const k = kind === 'duplicate' ? 'duplicate' : 'quotation';
  return (
    <span class={`badge badge-kind kind-${k}`} title={KIND_TITLE[k]} data-kind={k}>
      {KIND_LABEL[k]}
    </span>
  );
}

const SEVERITY_LABEL: Record<ReuseSeverity, string> = {
  none: 'identical',
  cosmetic: 'cosmetic changes',
  meaning: 'meaning changed',
};

const SEVERITY_TITLE: Record<ReuseSeverity, string> = {
  none: 'The same words (up to case and punctuation)',
  cosmetic: 'Changes that do not touch a negation, number, name, date or hedge',
  meaning: 'A negation, number, name, date or hedge was added, dropped or changed',
};

function severityOf(s: string): ReuseSeverity {
  return s === 'meaning' || s === 'cosmetic' ? s : 'none';
}

export function SeverityBadge({ severity }: { severity: ReuseSeverity | string }): VNode {
  const s = severityOf(severity);
  return (
    <span class={`badge severity-${s}${s === 'meaning' ? ' badge-meaning' : ''}`} title={SEVERITY_TITLE[s]} data-severity={s}>
      {SEVERITY_LABEL[s]}
    </span>
  );
}

export const CLASS_LABEL: Record<DivergenceClass, string> = {
  variant: 'spelling variant',
  substitution: 'substitution',
  insertion: 'insertion',
  'omission-marked': 'omission, marked',
  omission: 'omission, unmarked',
  truncation: 'truncation',
  transposition: 'transposition',
};

const CLASS_TITLE: Record<DivergenceClass, string> = {
  variant: 'The same word spelled differently (or misread by OCR)',
  substitution: 'Words replaced by other words',
  insertion: 'Words the copy adds',
  'omission-marked': 'Words left out, with the cut marked by an ellipsis',
  omission: 'Words left out without any mark',
  truncation: 'The copy stops before the base does',
  transposition: 'The same words in another order',
};

function classLabel(c: string): string {
  return CLASS_LABEL[c as DivergenceClass] ?? c;
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}


export function QuotationPage({ familyKey }: { familyKey: string }): VNode {
  const res = useApi<ReuseFamilyResponse>(reuseFamilyUrl(familyKey));
  const f = res.data?.family ?? null;
  useTitle(f ? `${f.kind === 'duplicate' ? 'Repeat' : 'Quotation'}: ${shorten((f.preview ?? '').trim() || f.key, 48)}` : 'Reuse');

  if (res.error) {
    return (
      <div class="page quotation-page">
        {res.error.status === 404 ? (
          <div class="msg msg-error" role="alert">
            <strong class="msg-title">No such family</strong>
            <p>
              <code>{familyKey}</code> is not in the record (any more): families are found again whenever sources are analysed. See the{' '}
              <a href="/reuse">list of reused text</a>.
            </p>
          </div>
        ) : (
          <ErrorBox error={res.error} />
        )}
      </div>
    );
  }
  if (!f) {
    return (
      <div class="page quotation-page">
        <Loading />
      </div>
    );
  }
  return (
    <div class={`page quotation-page${res.loading ? ' stale' : ''}`} aria-busy={res.loading} data-testid="reuse-family" data-kind={f.kind}>
      <FamilyHead f={f} />
      <FamilyBody f={f} />
    </div>
  );
}

function FamilyHead({ f }: { f: ReuseFamily }): VNode {
  const n = (f.occurrences ?? []).length;
  const dup = f.kind === 'duplicate';
  return (
    <header class="family-head">
      <p class="crumbs">
        <a href="/reuse">Reuse</a> <span aria-hidden="true">/</span>{' '}
        <a href={`/reuse${qs({ kind: f.kind })}`}>{dup ? 'Repeats within a source' : 'Quotations'}</a>
      </p>
      <h1 class="page-title" data-testid="reuse-family-title">
        {dup ? `A passage repeated ${n === 2 ? 'twice' : `${fmtInt(n)} times`} in one source` : `A passage found in ${plural(f.sources, 'source', 'sources')}`}
      </h1>
      <p class="meta-line family-meta">
        <KindBadge kind={f.kind} />
        <SeverityBadge severity={f.severity} />
        <span>{plural(f.words, 'word', 'words')}</span>
        <span>{plural(n, 'occurrence', 'occurrences')}</span>
        <span>{plural(f.sources, 'source', 'sources')}</span>
        {f.firstDate && <span>first dated {f.firstDate}</span>}
        <span class="mono small muted">{f.key}</span>
      </p>
    </header>
  );
}

function FamilyBody({ f }: { f: ReuseFamily }): VNode {
  const all = f.occurrences ?? [];
  const base = all.find((o) => o.base) ?? all[0] ?? null;
  const others = all.filter((o) => o !== base);
  const [shown, setShown] = useState(PAIRS);
  const [meaningOnly, setMeaningOnly] = useState(false);
  const meaningCopies = others.filter((o) => o.severity === 'meaning').length;

  if (!base) return <p class="muted">This family has no occurrences.</p>;
  const rest = others.length - Math.min(shown, others.length);
  return (
    <>
      <section class="reuse-section" aria-labelledby="h-base">
        <h2 id="h-base" class="section-title">
          Base text
        </h2>
        <p class="hint">The fullest text of the passage; every other occurrence is compared with it word by word.</p>
        <BaseOccurrence o={base} />
      </section>

      <section class="reuse-section" aria-labelledby="h-others">
        <h2 id="h-others" class="section-title">
          {others.length === 0 ? 'No other occurrences' : `Other occurrences (${fmtInt(others.length)})`}
        </h2>
        {others.length > 0 && (
          <>
            <div class="reuse-tools">
              <label class="check" title="Hide the spelling variants and other changes that leave the meaning alone">
                <input type="checkbox" data-testid="reuse-meaning-only" checked={meaningOnly} onChange={(e) => setMeaningOnly(e.currentTarget.checked)} />
                <span>show only meaning-changing differences</span>
              </label>
              <span class="muted small">
                {meaningCopies === 0 ? 'no copy changes the meaning' : `${plural(meaningCopies, 'copy changes', 'copies change')} the meaning`}
              </span>
            </div>
            <DiffLegend />
            <ol class="reuse-pairs" data-testid="reuse-pairs">
              {others.slice(0, shown).map((o) => (
                <OccurrencePair key={o.key} o={o} base={base} meaningOnly={meaningOnly} />
              ))}
            </ol>
            {rest > 0 && (
              <div class="show-more">
                <span class="muted small" aria-live="polite">
                  Showing {fmtInt(shown)} of {fmtInt(others.length)}.
                </span>
                <button type="button" class="btn" data-testid="reuse-show-more" onClick={() => setShown((n) => n + PAIRS)}>
                  Show {fmtInt(Math.min(PAIRS, rest))} more
                </button>
                {rest > PAIRS && (
                  <button type="button" class="btn" onClick={() => setShown(others.length)}>
                    Show all {fmtInt(others.length)}
                  </button>
                )}
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

/** Title (a link into the reader at the occurrence), date, perspectives, and whether its source repeats it. */
function OccurrenceMeta({ o, heading }: { o: ReuseOccurrence; heading: 'h3' | 'p' }): VNode {
  const title = o.title || o.sourceId;
  const link = (
    <a href={occurrenceHref(o.sourceId, o.key)} data-testid="reuse-occurrence-link" title={`Open ${title} at this passage`}>
      {title}
    </a>
  );
  return (
    <div class="occ-meta">
      {heading === 'h3' ? <h3 class="occ-title">{link}</h3> : <p class="occ-title">{link}</p>}
      <p class="meta-line">
        <span>{o.date ?? 'undated'}</span>
        <Tags items={o.perspective} />
        <span>{plural(o.words, 'word', 'words')}</span>
        {o.repeat && (
          <span class="badge badge-repeat" data-testid="reuse-repeat" title="This source holds the passage more than once">
            repeated in the same source
          </span>
        )}
      </p>
    </div>
  );
}

function Attribution({ o }: { o: ReuseOccurrence }): VNode | null {
  const a = o.attribution;
  if (!a || !a.text) return null;
  return (
    <p class="attribution small" data-testid="reuse-attribution">
      <span class="muted">Attributed in the text: </span>
      <q class="source-text">{a.text}</q>
    </p>
  );
}

function BaseOccurrence({ o }: { o: ReuseOccurrence }): VNode {
  return (
    <article class="reuse-base" data-testid="reuse-base" data-key={o.key}>
      <OccurrenceMeta o={o} heading="p" />
      <Attribution o={o} />
      <blockquote class="reuse-text source-text">{o.text}</blockquote>
    </article>
  );
}

function OccurrencePair({ o, base, meaningOnly }: { o: ReuseOccurrence; base: ReuseOccurrence; meaningOnly: boolean }): VNode {
  const divs = o.divergences ?? [];
  const shownDivs = meaningOnly ? divs.filter((d) => d.severity === 'meaning') : divs;
  const hidden = divs.length - shownDivs.length;
  const marked = divs.some((d) => d.class === 'omission-marked');
  const title = o.title || o.sourceId;
  return (
    <li class={`reuse-occ severity-${severityOf(o.severity)}`} data-testid="reuse-occurrence" data-key={o.key} data-severity={o.severity} data-repeat={o.repeat ? '1' : undefined}>
      <OccurrenceMeta o={o} heading="h3" />
      <p class="occ-summary">
        <SeverityBadge severity={o.severity} /> <span>{o.summary}</span>
      </p>
      <Attribution o={o} />
      {divs.length > 0 &&
        (shownDivs.length === 0 ? (
          <p class="hint">
            No meaning-changing differences ({plural(hidden, 'cosmetic one', 'cosmetic ones')} hidden).
          </p>
        ) : (
          <DivergenceTable divs={shownDivs} hidden={hidden} title={title} />
        ))}
      <div class="diff-pair" role="group" aria-label={`${title} beside the base, word by word`}>
        <div class="diff-col diff-base">
          <p class="diff-label">Base · {base.title || base.sourceId}</p>
          <p class="diff-text source-text">{diffSide(o.diff ?? [], 'base', marked)}</p>
        </div>
        <div class="diff-col diff-copy">
          <p class="diff-label">This copy · {title}</p>
          <p class="diff-text source-text">{diffSide(o.diff ?? [], 'copy', marked)}</p>
        </div>
      </div>
    </li>
  );
}

function DivergenceTable({ divs, hidden, title }: { divs: Divergence[]; hidden: number; title: string }): VNode {
  return (
    <div class="table-wrap">
      <table class="table div-table" data-testid="reuse-divergences">
        <caption class="sr-only">Differences between the base and {title}</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Effect</th>
            <th scope="col">Base</th>
            <th scope="col">Copy</th>
          </tr>
        </thead>
        <tbody>
          {divs.map((d, i) => (
            <tr key={i} data-testid="reuse-divergence" data-class={d.class} data-severity={d.severity} class={d.severity === 'meaning' ? 'row-meaning' : undefined}>
              <td class="nowrap" title={CLASS_TITLE[d.class as DivergenceClass]}>
                {classLabel(d.class)}
              </td>
              <td class="nowrap">
                {d.severity === 'meaning' ? (
                  <span class="badge badge-meaning" title={SEVERITY_TITLE.meaning}>
                    meaning{d.why ? ` · ${d.why}` : ''}
                  </span>
                ) : (
                  <span class="muted">cosmetic</span>
                )}
              </td>
              <td class="source-text div-text">
                <DivText text={d.base?.text} />
              </td>
              <td class="source-text div-text">
                <span class="sr-only">becomes </span>
                <DivText text={d.copy?.text} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && <p class="hint">{plural(hidden, 'cosmetic difference', 'cosmetic differences')} hidden.</p>}
    </div>
  );
}

function DivText({ text }: { text: string | undefined }): VNode {
  const t = (text ?? '').trim();
  if (!t) {
    return (
      <span class="muted" title="nothing">
        ∅<span class="sr-only">nothing</span>
      </span>
    );
  }
  return <span title={t.length > DIV_CHARS ? t : undefined}>{shorten(t, DIV_CHARS)}</span>;
}

function DiffLegend(): VNode {
  return (
    <p class="diff-legend small" aria-label="What the colours in the comparisons mean">
      <span>
        <span class="d-var">variant</span> spelling or OCR
      </span>
      <span>
        <del class="d-sub">base</del> → <ins class="d-sub">copy</ins> words changed
      </span>
      <span>
        <del class="d-del">missing</del> left out by the copy
      </span>
      <span>
        <mark class="d-ellipsis">…</mark> the copy marks the cut
      </span>
      <span>
        <ins class="d-ins">added</ins> by the copy
      </span>
    </p>
  );
}

// ------------------------------------------------------------------ the word-by-word comparison

/** trailing whitespace and punctuation: left unstyled, so that marks cover the words only */
const TAIL = /[^\p{L}\p{N}]*$/u;
const ELLIPSIS = /\.\s?\.\s?\.|…|\[\s*\.\.\.\s*\]/;

function splitTail(s: string): [string, string] {
  const m = TAIL.exec(s);
  const i = m ? m.index : s.length;
  return [s.slice(0, i), s.slice(i)];
}

/** Text with its (first) ellipsis marked as the copy's sign of a cut. */
function withEllipsis(s: string, key: string): ComponentChildren {
  const m = ELLIPSIS.exec(s);
  if (!m) return s;
  return (
    <>
      {s.slice(0, m.index)}
      <mark key={key} class="d-ellipsis" title="The copy marks a cut here">
        {m[0]}
      </mark>
      {s.slice(m.index + m[0].length)}
    </>
  );
}

/**
 * One side of the comparison, from the alignment: unchanged words plain, variants underlined,
 * substitutions and omissions struck on the base side, substitutions and insertions marked on the
 * copy side. With `marked` (the copy marks an omission by an ellipsis), an ellipsis at the point of
 * an omission is marked too.
 */
function diffSide(segs: readonly DiffSeg[], side: 'base' | 'copy', marked: boolean): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  for (let i = 0; i < segs.length; i++) {
    const g = segs[i]!;
    const text = side === 'base' ? g.base ?? '' : g.copy ?? '';
    if (!text) continue;
    const [core, tail] = splitTail(text);
    const next = segs[i + 1];
    // the gap text before an omission belongs to the segment before it (segments carry what follows them)
    const cutFollows = marked && side === 'copy' && !!next && (next.op === 'del' || next.op === 'sub');
    const tailNode = cutFollows ? withEllipsis(tail, `e${i}`) : tail;
    switch (g.op) {
      case 'var':
        out.push(
          <span key={i} class="d-var" title={side === 'base' ? `spelled “${splitTail(g.copy ?? '')[0]}” in the copy` : `spelled “${splitTail(g.base ?? '')[0]}” in the base`}>
            {core}
          </span>,
          tailNode,
        );
        break;
      case 'sub':
        out.push(
          side === 'base' ? (
            <del key={i} class="d-sub" title="changed in the copy">
              {core}
            </del>
          ) : (
            <ins key={i} class="d-sub" title="changed from the base">
              {core}
            </ins>
          ),
          side === 'copy' && marked ? withEllipsis(tail, `e${i}`) : tailNode,
        );
        break;
      case 'del':
        if (side === 'base') {
          out.push(
            <del key={i} class="d-del" title="left out by the copy">
              {core}
            </del>,
            tail,
          );
        } else {
          out.push(marked ? withEllipsis(text, `e${i}`) : text);
        }
        break;
      case 'ins':
        if (side === 'copy') {
          out.push(
            <ins key={i} class="d-ins" title="added by the copy">
              {core}
            </ins>,
            tailNode,
          );
        } else {
          out.push(text);
        }
        break;
      default:
        out.push(cutFollows ? (
          <>
            {core}
            {tailNode}
          </>
        ) : (
          text
        ));
    }
  }
  if (out.length === 0) out.push(<span class="muted">—</span>);
  return out;
}
