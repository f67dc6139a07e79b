/**
 * Shared pieces of the claims, conflicts and timeline views: predicate, relation and trigger
 * labels and badges, EDTF dates in words, and a claim quoted with its source. Perspectives are
 * shown as neutral labels only (never as a colour or a verdict).
 */
import type { VNode } from 'preact';
import type { ClaimRow, EventTrigger, Predicate, Relation } from './api';
import { claimPath, readerSpanHref } from './api';
import { fmtInt, Tags } from './ui';

export const PREDICATE_LABEL: Record<Predicate, string> = {
  outcome: 'outcome',
  count: 'count',
  date: 'date',
  place: 'place',
  presence: 'presence',
  existence: 'existence',
  attribution: 'attribution',
};

export const PREDICATE_TITLE: Record<Predicate, string> = {
  outcome: 'What came of something (a verdict, a sentence, a death…)',
  count: 'How many',
  date: 'When',
  place: 'Where',
  presence: 'Whether someone was there',
  existence: 'Whether something existed or happened at all',
  attribution: 'Who said, wrote or did it',
};

export function predicateLabel(p: string): string {
  return PREDICATE_LABEL[p as Predicate] ?? p;
}

export function PredicateBadge({ predicate }: { predicate: Predicate | string }): VNode {
  return (
    <span class="badge badge-predicate" title={PREDICATE_TITLE[predicate as Predicate]} data-predicate={predicate}>
      {predicateLabel(predicate)}
    </span>
  );
}

export const RELATION_LABEL: Record<Relation, string> = {
  agree: 'agrees',
  partial: 'partly agrees',
  conflict: 'conflicts',
};

/** Section headings of comparisons grouped by relation. */
export const RELATION_HEADING: Record<Relation, string> = {
  agree: 'Claims that agree',
  partial: 'Claims that partly agree',
  conflict: 'Claims that conflict',
};

export const RELATION_TITLE: Record<Relation, string> = {
  agree: 'The two claims state the same',
  partial: 'The two claims overlap without stating the same (e.g. one is vaguer)',
  conflict: 'The two claims cannot both hold as stated',
};

export function relationLabel(r: string): string {
  return RELATION_LABEL[r as Relation] ?? r;
}

export function RelationBadge({ relation }: { relation: Relation | string }): VNode {
  const known = relation === 'agree' || relation === 'partial' || relation === 'conflict';
  return (
    <span class={`badge badge-rel${known ? ` rel-${relation}` : ''}`} title={RELATION_TITLE[relation as Relation]} data-relation={relation}>
      {relation === 'conflict' && (
        <span class="rel-icon" aria-hidden="true">
          ≠{' '}
        </span>
      )}
      {relationLabel(relation)}
    </span>
  );
}

/** How many other claims agree, partly agree and conflict with a claim (zeros dimmed). */
export function RelationCounts({ c }: { c: Pick<ClaimRow, 'agree' | 'partial' | 'conflict'> }): VNode {
  return (
    <span class="rel-counts">
      <span class={`rel-count rel-agree${c.agree ? '' : ' is-zero'}`} title={`${fmtInt(c.agree)} agreeing`}>
        {fmtInt(c.agree)} <span class="small">agree</span>
      </span>
      <span class={`rel-count rel-partial${c.partial ? '' : ' is-zero'}`} title={`${fmtInt(c.partial)} partly agreeing`}>
        {fmtInt(c.partial)} <span class="small">partly</span>
      </span>
      <span class={`rel-count rel-conflict${c.conflict ? '' : ' is-zero'}`} title={`${fmtInt(c.conflict)} conflicting`}>
        {fmtInt(c.conflict)} <span class="small">conflict</span>
      </span>
    </span>
  );
}

export const TRIGGER_LABEL: Record<EventTrigger, string> = {
  arrest: 'arrest',
  trial: 'trial',
  sentence: 'sentence',
  execution: 'execution',
  death: 'death',
  suicide: 'suicide',
  meeting: 'meeting',
  travel: 'travel',
  release: 'release',
  rehabilitation: 'rehabilitation',
  other: 'other',
};

export function triggerLabel(t: string): string {
  return TRIGGER_LABEL[t as EventTrigger] ?? t;
}

/** A perspective as a neutral label (nothing when there is none). */
export function PerspectiveTag({ perspective }: { perspective: string | null | undefined }): VNode | null {
  return perspective ? <Tags items={[perspective]} /> : null;
}

// ------------------------------------------------------------------ dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, string> = { '21': 'spring', '22': 'summer', '23': 'autumn', '24': 'winter' };

/** '1937-03-12' → '12 March 1937' (short: '12 Mar 1937'); anything else as it is. */
export function isoDayLabel(iso: string | null | undefined, short = false): string {
  if (!iso) return '';
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return `${Number(m[3])} ${short ? month.slice(0, 3) : month} ${m[1]}`;
}

/** One EDTF date (no interval) in words. */
function edtfPoint(s: string): string {
  let core = s.trim();
  let approx = false;
  let uncertain = false;
  const q = /[~?%]$/.exec(core);
  if (q) {
    core = core.slice(0, -1);
    approx = q[0] === '~' || q[0] === '%';
    uncertain = q[0] === '?' || q[0] === '%';
  }
  let text = core;
  let m: RegExpExecArray | null;
  if ((m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(core))) {
    const month = MONTHS[Number(m[2]) - 1];
    text = month ? `${Number(m[3])} ${month} ${m[1]}` : core;
  } else if ((m = /^(-?\d{4,})-(\d{2})$/.exec(core))) {
    const season = SEASONS[m[2]!];
    const month = MONTHS[Number(m[2]) - 1];
    text = season ? `${season} ${m[1]}` : month ? `${month} ${m[1]}` : core;
  } else if ((m = /^(\d{3})[Xu]$/i.exec(core))) {
    text = `${m[1]}0s`;
  } else if ((m = /^(\d{2})[Xu]{2}$/i.exec(core))) {
    text = `${m[1]}00s`;
  } else if ((m = /^(\d{4})-[Xu]{2}(-[Xu]{2})?$/i.exec(core))) {
    text = m[1]!;
  } else if ((m = /^(\d{4})-(\d{2})-[Xu]{2}$/i.exec(core))) {
    const month = MONTHS[Number(m[2]) - 1];
    text = month ? `${month} ${m[1]}` : core;
  }
  if (approx) text = `about ${text}`;
  if (uncertain) text = `${text} (uncertain)`;
  return text;
}

/** An EDTF value in words ('1937-03-12' → '12 March 1937', '1936/1938' → '1936 – 1938', '193X' → '1930s'); unknown forms as they are. */
export function edtfLabel(edtf: string | null | undefined): string {
  if (!edtf) return '';
  const s = edtf.trim();
  if (s.startsWith('[') || s.startsWith('{')) return s;
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const a = s.slice(0, slash);
    const b = s.slice(slash + 1);
    const open = (x: string): boolean => x === '' || x === '..';
    if (open(a) && open(b)) return s;
    if (open(a)) return `until ${edtfPoint(b)}`;
    if (open(b)) return `from ${edtfPoint(a)}`;
    return `${edtfPoint(a)} – ${edtfPoint(b)}`;
  }
  return edtfPoint(s);
}

/** An EDTF value: in words, with the EDTF itself on hover and for machines. */
export function EdtfDate({ edtf }: { edtf: string | null | undefined }): VNode {
  if (!edtf) return <span class="muted">undated</span>;
  const words = edtfLabel(edtf);
  return (
    <time class="edtf" data-edtf={edtf} title={words === edtf ? 'EDTF' : `EDTF: ${edtf}`}>
      {words}
    </time>
  );
}

// ------------------------------------------------------------------ a claim quoted with its source

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * A claim as its source words it: the source (a link into the reader at the claim's span), its
 * perspective as a label, the quoted text, the time it names, and a link to the claim's page.
 */
export function ClaimQuote({ c, maxChars, heading = 'h4' }: { c: ClaimRow; maxChars?: number; heading?: 'h3' | 'h4' | 'p' }): VNode {
  const text = (c.text ?? '').trim();
  const shown = maxChars ? shorten(text, maxChars) : text;
  const title = c.sourceTitle || c.sourceId;
  const link = (
    <a href={readerSpanHref(c.sourceId, c.start, c.end)} data-testid="quote-reader-link" title={`Open ${title} at this claim`}>
      {title}
    </a>
  );
  return (
    <article class="claim-quote" data-testid="claim-quote" data-key={c.key} data-source={c.sourceId}>
      {heading === 'h3' ? (
        <h3 class="claim-quote-source">{link}</h3>
      ) : heading === 'h4' ? (
        <h4 class="claim-quote-source">{link}</h4>
      ) : (
        <p class="claim-quote-source">{link}</p>
      )}
      <p class="meta-line">
        <PerspectiveTag perspective={c.perspective} />
        {c.time && (
          <span>
            <EdtfDate edtf={c.time} />
          </span>
        )}
        <a href={claimPath(c.key)} data-testid="claim-link" class="small">
          compare this claim
        </a>
      </p>
      <blockquote class="reuse-text source-text claim-text" title={shown !== text ? text : undefined}>
        {shown || <span class="muted">(no text)</span>}
      </blockquote>
      {(c.subjectLabel || c.valueLabel) && (
        <p class="small muted claim-reading">
          <span class="sr-only">Read as: </span>
          {c.subjectLabel}
          {c.subjectLabel && c.valueLabel && ' — '}
          {c.valueLabel && <strong class="claim-value">{c.valueLabel}</strong>}
        </p>
      )}
    </article>
  );
}
