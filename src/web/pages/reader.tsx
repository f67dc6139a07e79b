import type { ComponentChildren, VNode } from 'preact';
import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type {
  ClaimRow,
  DateRow,
  EntityType,
  ReaderPassage,
  Source,
  SourceClaimsResponse,
  SourceDatesResponse,
  SourceMention,
  SourceMentionsResponse,
  SourceReuseResponse,
  SourceReuseSpan,
  SourceTextResponse,
} from '../api';
import { claimPath, enc, entityPath, parseSpanHash, qs, reusePath, sourceClaimsUrl, sourceDatesUrl, sourcePath, sourceReuseUrl, spanAnchor } from '../api';
import { edtfLabel, predicateLabel } from '../claims-ui';
import { TypeLegend, typeClass, typeLabel } from '../entity-ui';
import type { Interval, Labelled } from '../highlight';
import { clipSpans, coverPieces, normalizeLabelled, normalizeRanges, normalizeSpans } from '../highlight';
import type { Loc } from '../router';
import { navigate } from '../router';
import type { SpanLayer } from '../ui';
import { ErrorBox, fmtInt, Loading, marked, safeHttpUrl, Tags, useApi, useTitle } from '../ui';

const LOW_OCR = 0.6;
const FLASH_MS = 2200;
const MENTIONS_PREF = 'inquiry.mentions';
const REUSE_PREF = 'inquiry.reuse';
const DATES_PREF = 'inquiry.dates';
const CLAIMS_PREF = 'inquiry.claims';

/** A layer switch remembered in this browser ('1' on, '0' off; `fallback` until the reader chooses). */
function layerPref(name: string, fallback: boolean): boolean {
  try {
    const v = window.localStorage.getItem(name);
    return v === null ? fallback : v !== '0';
  } catch {
    return fallback;
  }
}

function saveLayerPref(name: string, on: boolean): void {
  try {
    window.localStorage.setItem(name, on ? '1' : '0');
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

/** The mentions layer is on unless the reader switched it off. */
function mentionsPref(): boolean {
  return layerPref(MENTIONS_PREF, true);
}

function saveMentionsPref(on: boolean): void {
  saveLayerPref(MENTIONS_PREF, on);
}

/** A hash `#r-<occurrence>` (from a family page) points at a span of the reuse layer. */
function isReuseHash(hash: string): boolean {
  return hash.startsWith('#r-');
}

/** A hash `#s-<start>-<end>` (from a claim, an event…) points at an arbitrary clean-text span. */
function isSpanHash(hash: string): boolean {
  return parseSpanHash(hash) !== null;
}

function readerHref(id: string, o: { q?: string; raw?: boolean; range?: string; hash?: string }): string {
  return `${sourcePath(id)}${qs({ q: o.q?.trim(), raw: o.raw, range: o.range })}${o.hash ?? ''}`;
}

export function ReaderPage({ id, loc }: { id: string; loc: Loc }): VNode {
  const p = loc.params;
  const raw = p.get('raw') === '1';
  const range = p.get('range') ?? '';
  const q = (p.get('q') ?? '').trim();
  const res = useApi<SourceTextResponse>(`/api/sources/${enc(id)}${qs({ raw, range, q })}`);
  // while another source loads, do not keep showing the previous one
  const data = res.data && (!res.loading || res.data.source?.id === id) ? res.data : null;
  useTitle(data ? data.source.title || data.source.id : id);

  // entity mentions: a layer over the clean text (offsets are clean-text offsets)
  const [showMentions, setShowMentions] = useState(mentionsPref);
  const mres = useApi<SourceMentionsResponse>(!raw && showMentions ? `/api/sources/${enc(id)}/mentions` : null, { cache: true });
  const mentions =
    data && !data.raw && showMentions && mres.data && mres.data.sourceId === id && !(typeof mres.data.versionId === 'number' && mres.data.versionId !== data.source.versionId)
      ? mres.data.mentions ?? null
      : null;
  const mentionCounts = useMemo(() => {
    const c: Partial<Record<EntityType, number>> = {};
    for (const m of mentions ?? []) c[m.type] = (c[m.type] ?? 0) + 1;
    return c;
  }, [mentions]);
  const toggleMentions = (): void => {
    saveMentionsPref(!showMentions);
    setShowMentions(!showMentions);
  };

  // text reuse (quotations, repeats): a second layer, off unless the reader switched it on, or a link points into it
  const [showReuse, setShowReuse] = useState(() => layerPref(REUSE_PREF, false) || isReuseHash(loc.hash));
  useEffect(() => {
    if (isReuseHash(loc.hash)) setShowReuse(true);
  }, [loc.n]);
  const rres = useApi<SourceReuseResponse>(!raw && showReuse ? sourceReuseUrl(id) : null, { cache: true });
  const reuse = data && !data.raw && showReuse && rres.data ? rres.data.spans ?? null : null;
  const reuseCounts = useMemo(() => {
    const c = { quotation: 0, duplicate: 0, meaning: 0 };
    for (const r of reuse ?? []) {
      if (r.kind === 'duplicate') c.duplicate++;
      else c.quotation++;
      if (r.severity === 'meaning') c.meaning++;
    }
    return c;
  }, [reuse]);
  const toggleReuse = (): void => {
    saveLayerPref(REUSE_PREF, !showReuse);
    setShowReuse(!showReuse);
  };
  /** the navigation whose `#r-…` target was last scrolled to (the spans arrive after the text) */
  const reuseScrolled = useRef(-1);

  // dates and checkable claims: two more layers, off unless the reader switched them on
  const [showDates, setShowDates] = useState(() => layerPref(DATES_PREF, false));
  const dres = useApi<SourceDatesResponse>(!raw && showDates ? sourceDatesUrl(id) : null, { cache: true });
  const dates = data && !data.raw && showDates && dres.data && (dres.data.sourceId ?? id) === id ? dres.data.items ?? null : null;
  const dateCounts = useMemo(() => {
    const c = { resolved: 0, unresolved: 0 };
    for (const d of dates ?? []) {
      if (d.resolved) c.resolved++;
      else c.unresolved++;
    }
    return c;
  }, [dates]);
  const toggleDates = (): void => {
    saveLayerPref(DATES_PREF, !showDates);
    setShowDates(!showDates);
  };
  const [showClaims, setShowClaims] = useState(() => layerPref(CLAIMS_PREF, false));
  const cres = useApi<SourceClaimsResponse>(!raw && showClaims ? sourceClaimsUrl(id) : null, { cache: true });
  const claims = data && !data.raw && showClaims && cres.data && (cres.data.sourceId ?? id) === id ? cres.data.items ?? null : null;
  const claimCounts = useMemo(() => {
    const c = { claims: 0, conflicting: 0 };
    for (const x of claims ?? []) {
      c.claims++;
      if (x.conflict > 0) c.conflicting++;
    }
    return c;
  }, [claims]);
  const toggleClaims = (): void => {
    saveLayerPref(CLAIMS_PREF, !showClaims);
    setShowClaims(!showClaims);
  };

  // a link to an arbitrary span (`#s-<start>-<end>`): marked in the clean text, scrolled to and flashed once
  const target = useMemo(() => parseSpanHash(loc.hash), [loc.hash]);
  const spanScrolled = useRef(-1);

  const [qInput, setQInput] = useState(q);
  useEffect(() => setQInput(q), [q]);
  const textRef = useRef<HTMLDivElement>(null);
  const jumpToMatch = useRef(false);
  /** number of highlighted matches in the rendered text; -1 until counted */
  const [matches, setMatches] = useState(-1);
  const [current, setCurrent] = useState(-1);

  // after the text renders (or the hash changes): count matches, scroll to the hash passage and flash it
  useEffect(() => {
    const root = textRef.current;
    if (!data || res.loading || !root) return;
    const count = root.querySelectorAll('mark[data-m]').length;
    setMatches(count);
    setCurrent(-1);
    const hash = loc.hash.startsWith('#') && !isReuseHash(loc.hash) && !isSpanHash(loc.hash) ? safeDecode(loc.hash.slice(1)) : '';
    if (hash) {
      const el = document.getElementById(hash);
      if (el && root.contains(el)) {
        el.scrollIntoView({ block: 'start' });
        flash(el);
      }
    } else if (jumpToMatch.current && count > 0) {
      goTo(0);
    }
    jumpToMatch.current = false;
  }, [data, res.loading, loc.n]);

  // a link to an occurrence (`#r-…`): scroll to its span once the reuse layer is drawn, else to its passage
  useEffect(() => {
    const root = textRef.current;
    if (!data || res.loading || !root || !reuse || !isReuseHash(loc.hash) || reuseScrolled.current === loc.n) return;
    reuseScrolled.current = loc.n;
    const hash = safeDecode(loc.hash.slice(1));
    let el = document.getElementById(hash);
    if (!el || !root.contains(el)) {
      const span = reuse.find((r) => `r-${r.occurrence}` === hash);
      const p = span ? (data.passages ?? []).find((x) => x.start <= span.start && span.start < x.end) : undefined;
      el = p ? document.getElementById(`p-${p.key}`) : null;
    }
    if (el && root.contains(el)) {
      el.scrollIntoView({ block: 'center' });
      flash(el);
    }
  }, [data, res.loading, loc.n, reuse]);

  // a link to a span (`#s-…`): scroll to its marked pieces and flash them; in the raw text, or outside an excerpt, to its passage
  useEffect(() => {
    const root = textRef.current;
    if (!data || res.loading || !root || !target || spanScrolled.current === loc.n) return;
    spanScrolled.current = loc.n;
    const pieces = [...root.querySelectorAll<HTMLElement>('[data-target]')];
    if (pieces.length === 0) {
      const p = (data.passages ?? []).find((x) => x.start <= target.start && target.start < x.end);
      const el = p ? document.getElementById(`p-${p.key}`) : null;
      if (el && root.contains(el)) pieces.push(el);
    }
    const first = pieces[0];
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    for (const el of pieces) flash(el);
  }, [data, res.loading, loc.n, target]);

  /** Go to the next (+1) or previous (-1) match; before any, start from the first match below the top of the window. */
  const step = (dir: 1 | -1): void => {
    if (current >= 0) return goTo(current + dir);
    const marks = textRef.current?.querySelectorAll<HTMLElement>('mark[data-m]') ?? [];
    let i = 0;
    while (i < marks.length && marks[i]!.getBoundingClientRect().top < 0) i++;
    goTo(dir === 1 ? i : i - 1);
  };

  const goTo = (i: number): void => {
    const marks = textRef.current?.querySelectorAll<HTMLElement>('mark[data-m]');
    if (!marks || marks.length === 0) return;
    const n = ((i % marks.length) + marks.length) % marks.length;
    textRef.current?.querySelector('mark.current')?.classList.remove('current');
    const el = marks[n]!;
    el.classList.add('current');
    el.scrollIntoView({ block: 'center' });
    setCurrent(n);
  };

  const submitQuery = (e: Event): void => {
    e.preventDefault();
    jumpToMatch.current = true;
    const value = (e.currentTarget as HTMLFormElement).querySelector('input')?.value ?? qInput;
    navigate(readerHref(id, { q: value, raw, range }));
  };

  const toggleRaw = (): void => navigate(readerHref(id, { q, raw: !raw, range, hash: loc.hash }));

  if (!data) {
    return <div class="page reader-page">{res.error ? <ErrorBox error={res.error} /> : <Loading label="Loading the text…" />}</div>;
  }
  const s = data.source;
  return (
    <div class="page reader-page" aria-busy={res.loading}>
      <SourceHeader source={data.source} />

      <div class="reader-tools">
        <button
          type="button"
          class={`switch ${raw ? 'is-raw' : 'is-clean'}`}
          data-testid="raw-toggle"
          aria-pressed={raw}
          title={raw ? 'Showing the raw text as decoded from the file; click for the cleaned text' : 'Showing the cleaned text; click for the raw text'}
          onClick={toggleRaw}
        >
          <span class="sr-only">Raw text: </span>
          <span class="switch-opt switch-clean" aria-hidden="true">
            Clean
          </span>
          <span class="switch-opt switch-raw" aria-hidden="true">
            Raw
          </span>
        </button>
        <form class="reader-query" role="search" onSubmit={submitQuery}>
          <label class="sr-only" for="reader-q">
            Highlight in this text
          </label>
          <input
            id="reader-q"
            type="search"
            placeholder="Highlight in this text…"
            autocomplete="off"
            spellcheck={false}
            value={qInput}
            onInput={(e) => setQInput(e.currentTarget.value)}
          />
          <button type="submit" class="btn">
            Highlight
          </button>
        </form>
        {q && matches >= 0 && (
          <div class="matches" aria-live="polite">
            <span>
              {matches === 0 ? 'no matches' : current >= 0 ? `${current + 1} / ${matches}` : `${fmtInt(matches)} ${matches === 1 ? 'match' : 'matches'}`}
            </span>
            {matches > 0 && (
              <>
                <button type="button" class="btn btn-icon" onClick={() => step(-1)} aria-label="Previous match" title="Previous match">
                  ↑
                </button>
                <button type="button" class="btn btn-icon" onClick={() => step(1)} aria-label="Next match" title="Next match">
                  ↓
                </button>
              </>
            )}
            <a class="btn btn-icon" href={readerHref(id, { raw, range })} aria-label="Clear highlights" title="Clear highlights">
              ×
            </a>
          </div>
        )}
        <div class="mentions-tools">
          <label class="check" title={raw ? 'Mentions are marked in the clean text' : 'Mark the people, organizations, places and trials named in the text'}>
            <input type="checkbox" data-testid="mentions-toggle" checked={showMentions && !raw} disabled={raw} onChange={toggleMentions} />
            <span>Mentions</span>
          </label>
          {mentions && <TypeLegend counts={mentionCounts} label="Colours of the marked names" />}
          {!raw && showMentions && mres.loading && <span class="muted small">loading names…</span>}
          {!raw && showMentions && mres.error && (
            <span class="small error-text" title={mres.error.errors.join('; ')}>
              names unavailable: {mres.error.message}
            </span>
          )}
        </div>
        <div class="mentions-tools reuse-tools-reader">
          <label class="check" title={raw ? 'Reused text is marked in the clean text' : 'Mark the passages quoted in other sources or repeated in this one'}>
            <input type="checkbox" data-testid="reuse-toggle" checked={showReuse && !raw} disabled={raw} onChange={toggleReuse} />
            <span>Reuse</span>
          </label>
          {reuse && <ReuseLegend counts={reuseCounts} />}
          {!raw && showReuse && rres.loading && <span class="muted small">loading reuse…</span>}
          {!raw && showReuse && rres.error && (
            <span class="small error-text" title={rres.error.errors.join('; ')}>
              reuse unavailable: {rres.error.message}
            </span>
          )}
        </div>
        <div class="mentions-tools dates-tools-reader">
          <label class="check" title={raw ? 'Dates are marked in the clean text' : 'Mark the dates the text states, as Inquiry reads them'}>
            <input type="checkbox" data-testid="dates-toggle" checked={showDates && !raw} disabled={raw} onChange={toggleDates} />
            <span>Dates</span>
          </label>
          {dates && <DatesLegend counts={dateCounts} />}
          {!raw && showDates && dres.loading && <span class="muted small">loading dates…</span>}
          {!raw && showDates && dres.error && (
            <span class="small error-text" title={dres.error.errors.join('; ')}>
              dates unavailable: {dres.error.message}
            </span>
          )}
        </div>
        <div class="mentions-tools claims-tools-reader">
          <label class="check" title={raw ? 'Claims are marked in the clean text' : 'Mark the statements compared with what other sources state'}>
            <input type="checkbox" data-testid="claims-toggle" checked={showClaims && !raw} disabled={raw} onChange={toggleClaims} />
            <span>Claims</span>
          </label>
          {claims && <ClaimsLegend counts={claimCounts} />}
          {!raw && showClaims && cres.loading && <span class="muted small">loading claims…</span>}
          {!raw && showClaims && cres.error && (
            <span class="small error-text" title={cres.error.errors.join('; ')}>
              claims unavailable: {cres.error.message}
            </span>
          )}
        </div>
      </div>

      {res.error && <ErrorBox error={res.error} />}
      {range && (
        <div class="msg msg-info">
          Showing an excerpt: characters {fmtInt(data.range.start)}–{fmtInt(data.range.end)} of {fmtInt(s.chars)}.{' '}
          <a href={readerHref(id, { q, raw })}>Show the whole text</a>
        </div>
      )}
      {data.raw && (
        <div class="msg msg-info">
          Raw text as decoded from the file. <del class="removed">Struck-out</del> stretches were removed by cleaning
          {(data.removed?.length ?? 0) > 0 ? ` (${fmtInt(data.removed?.length)}; hover one for the reason)` : ' (none in this text)'}.
        </div>
      )}
      {!data.raw && <DuplicatesNote data={data} />}

      <div class={res.loading ? 'stale' : undefined} ref={textRef}>
        <ReaderText data={data} mentions={mentions} reuse={reuse} dates={dates} claims={claims} target={target} />
      </div>
    </div>
  );
}

function DuplicatesNote({ data }: { data: SourceTextResponse }): VNode | null {
  const dups = data.duplicates ?? [];
  if (dups.length === 0) return null;
  const passages = dups.reduce((a, d) => a + (d.passages || 0), 0);
  return (
    <p class="hint">
      This text repeats {dups.length === 1 ? 'an earlier section' : `earlier sections ${fmtInt(dups.length)} times`}
      {passages > 0 ? ` (${fmtInt(passages)} ${passages === 1 ? 'passage' : 'passages'})` : ''}; the repeats are marked.
    </p>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function flash(el: HTMLElement): void {
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
  window.setTimeout(() => el.classList.remove('flash'), FLASH_MS);
}

function SourceHeader({ source: s }: { source: Source }): VNode {
  const url = safeHttpUrl(s.url);
  const rows: [string, ComponentChildren][] = [
    ['Authors', s.authors?.length ? s.authors.join('; ') : null],
    ['Date', s.date],
    ['Kind', s.kind],
    ['Perspective', s.perspective?.length ? <Tags items={s.perspective} /> : null],
    ['Language', s.language],
    [
      'URL',
      s.url ? (
        url ? (
          <a href={url} rel="external noopener noreferrer" target="_blank" class="break">
            {s.url}
          </a>
        ) : (
          <span class="break">{s.url}</span>
        )
      ) : null,
    ],
    ['File', <span class="mono break">{s.fileName}</span>],
    [
      'Content hash',
      <code class="mono break" title="hash of the file's bytes as ingested">
        {s.contentHash}
      </code>,
    ],
    ['Licence', s.licence],
    [
      'Size',
      `${fmtInt(s.chars)} characters clean, ${fmtInt(s.rawChars)} raw · ${fmtInt(s.passages)} passages${
        s.duplicatePassages ? ` (${fmtInt(s.duplicatePassages)} repeated)` : ''
      }`,
    ],
  ];
  return (
    <header class="reader-head">
      <p class="crumbs">
        <a href="/sources">Sources</a> <span aria-hidden="true">/</span> <span class="mono">{s.id}</span>
      </p>
      <h1 class="source-title" data-testid="source-title">
        {s.title || s.id}
      </h1>
      <dl class="meta">
        {rows.map(([k, v]) =>
          v === null || v === undefined || v === '' ? null : (
            <div class="meta-row" key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ),
        )}
      </dl>
    </header>
  );
}

interface TextProps {
  data: SourceTextResponse;
  /** entity mentions to mark (clean text only), or null */
  mentions: readonly SourceMention[] | null;
  /** spans of reused text to mark (clean text only), or null */
  reuse: readonly SourceReuseSpan[] | null;
  /** dates to mark (clean text only), or null */
  dates: readonly DateRow[] | null;
  /** checkable claims to mark (clean text only), or null */
  claims: readonly ClaimRow[] | null;
  /** the span a `#s-…` link points at (clean-text offsets), or null */
  target: Interval | null;
}

/**
 * The text itself. Re-renders only when a new answer arrives: highlight navigation and flashing
 * touch the DOM directly, and typing in the query box must not re-diff thousands of passages.
 */
class ReaderText extends Component<TextProps> {
  override shouldComponentUpdate(next: TextProps): boolean {
    const p = this.props;
    return next.data !== p.data || next.mentions !== p.mentions || next.reuse !== p.reuse || next.dates !== p.dates || next.claims !== p.claims || next.target !== p.target;
  }

  override render({ data, mentions, reuse, dates, claims, target }: TextProps): VNode {
    const lang = data.source.language || undefined;
    return data.raw ? (
      <div class="reader-text source-text raw" data-testid="reader-text" lang={lang}>
        {rawBody(data)}
      </div>
    ) : (
      <div class="reader-text source-text clean" data-testid="reader-text" lang={lang}>
        {cleanBody(data, { mentions, reuse, dates, claims, target })}
      </div>
    );
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

/** A mention: a link to its entity, coloured by type. */
function mentionLink(m: SourceMention, children: ComponentChildren, key: string): VNode {
  return (
    <a key={key} class={`mention ${typeClass(m.type)}`} data-testid="mention" data-entity={m.entity} href={entityPath(m.entity)} title={`${m.name} (${typeLabel(m.type)})`}>
      {children}
    </a>
  );
}

/** Entity mentions as a span layer: each one a link to its entity, coloured by type. */
function mentionLayer(mentions: readonly SourceMention[] | null, base: number, n: number): SpanLayer | undefined {
  if (!mentions || mentions.length === 0) return undefined;
  const spans = normalizeSpans(mentions, base, 0, n);
  return {
    spans,
    wrap: (i, children, key) => mentionLink(spans[i]!, children, key),
  };
}

function reuseTitle(r: SourceReuseSpan): string {
  let t = r.kind === 'duplicate' ? 'repeated in this source' : `quoted in ${fmtInt(r.others)} other ${r.others === 1 ? 'place' : 'places'}`;
  if (r.kind !== 'duplicate' && r.repeat) t += ', and repeated in this source';
  if (r.severity === 'meaning') t += ' · a copy changes the meaning';
  return `${t} (${fmtInt(r.words)} words)`;
}

function reuseClass(r: SourceReuseSpan): string {
  return `reuse ${r.kind === 'duplicate' ? 'reuse-dup' : 'reuse-quote'}${r.severity === 'meaning' ? ' reuse-meaning' : ''}`;
}

/**
 * Reuse spans shifted by -base and clipped to [0, n); where two overlap, the earlier keeps the
 * overlap and the later is trimmed (one that falls wholly inside another is dropped).
 */
function trimReuse(spans: readonly SourceReuseSpan[], base: number, n: number): Array<SourceReuseSpan & Interval> {
  const out: Array<SourceReuseSpan & Interval> = [];
  for (const s of spans) {
    if (typeof s.start !== 'number' || typeof s.end !== 'number' || !Number.isFinite(s.start) || !Number.isFinite(s.end)) continue;
    const start = Math.max(0, s.start - base);
    const end = Math.min(n, s.end - base);
    if (end > start) out.push({ ...s, start, end });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Array<SourceReuseSpan & Interval> = [];
  let reach = 0;
  for (const s of out) {
    const start = Math.max(s.start, reach);
    if (s.end <= start) continue;
    kept.push({ ...s, start });
    reach = s.end;
  }
  return kept;
}

/** What the clean text is marked with, besides query highlights. */
interface Layers {
  mentions: readonly SourceMention[] | null;
  reuse: readonly SourceReuseSpan[] | null;
  dates: readonly DateRow[] | null;
  claims: readonly ClaimRow[] | null;
  target: Interval | null;
}

function dateTitle(d: DateRow): string {
  const words = d.edtf ? edtfLabel(d.edtf) : '';
  const read = d.resolved && d.edtf ? `${words}${words !== d.edtf ? ` (EDTF ${d.edtf})` : ''}` : 'not resolved to a calendar date';
  return `date: ${read} · ${d.form}${d.lo && d.hi && d.lo !== d.hi ? ` · between ${d.lo} and ${d.hi}` : ''}`;
}

function claimTitle(c: ClaimRow): string {
  const head = `${predicateLabel(c.predicate)}: ${c.subjectLabel || c.subject} — ${c.valueLabel}${c.time ? ` (${edtfLabel(c.time)})` : ''}`;
  const counts = [c.agree ? `${fmtInt(c.agree)} agree` : '', c.partial ? `${fmtInt(c.partial)} partly agree` : '', c.conflict ? `${fmtInt(c.conflict)} conflict` : '']
    .filter(Boolean)
    .join(', ');
  return `claim · ${head}${counts ? ` · other sources: ${counts}` : ''}`;
}

/**
 * The reader's span layer: entity mentions, reused text, dates, checkable claims and the span a
 * `#s-…` link points at, together. Spans may overlap within and across layers: the text is cut
 * into pieces covered by the same spans (coverPieces), and each piece is wrapped, from the inside
 * out, in its mention, dates, claims, reuse band and target mark. Links never nest: the innermost
 * of mention, claim and reuse is the link (to the entity, the claim's page or the family), the
 * others are plain spans. The first piece of each reuse span carries the anchor `r-<occurrence>`
 * that family pages link to, the first piece of the target `s-<start>-<end>`.
 */
function textLayer(l: Layers, base: number, n: number): SpanLayer | undefined {
  const hasOthers = (l.reuse?.length ?? 0) > 0 || (l.dates?.length ?? 0) > 0 || (l.claims?.length ?? 0) > 0 || l.target !== null;
  if (!hasOthers) return mentionLayer(l.mentions, base, n);
  const ms = l.mentions && l.mentions.length > 0 ? normalizeSpans(l.mentions, base, 0, n) : [];
  const rs = l.reuse && l.reuse.length > 0 ? trimReuse(l.reuse, base, n) : [];
  const ds = clipSpans(l.dates ?? [], base, 0, n);
  const cs = clipSpans(l.claims ?? [], base, 0, n);
  const ts = l.target ? clipSpans([l.target], base, 0, n) : [];
  const spans = coverPieces([ms, rs, ds, cs, ts]);
  const targetId = l.target ? spanAnchor(l.target.start, l.target.end) : '';
  // one layer per render of the text, which goes through it in order: the first piece met is the span's first
  const anchored = new Set<number>();
  let targetAnchored = false;
  return {
    spans,
    wrap: (i, children, key) => {
      const [mi, ri, di, ci, ti] = spans[i]!.cover as [number[], number[], number[], number[], number[]];
      // the outermost wrapper takes the piece's key
      const outer = ti.length > 0 ? 't' : ri.length > 0 ? 'r' : ci.length > 0 ? 'c' : di.length > 0 ? 'd' : 'm';
      const k = (layer: string): string => (layer === outer ? key : `${key}${layer}`);
      let node: VNode | ComponentChildren[] = children;
      let linked = false;
      const m = mi.length > 0 ? ms[mi[0]!]! : null;
      if (m) {
        node = mentionLink(m, node, k('m'));
        linked = true;
      }
      if (di.length > 0) {
        const list = di.map((x) => ds[x]!);
        const unresolved = list.every((d) => !d.resolved);
        node = (
          <span
            key={k('d')}
            class={`date-span${unresolved ? ' date-unresolved' : ''}`}
            title={list.map(dateTitle).join('\n')}
            data-testid="date-mark"
            data-edtf={list[0]!.edtf ?? undefined}
            data-form={list[0]!.form}
          >
            {node}
          </span>
        );
      }
      if (ci.length > 0) {
        const list = ci.map((x) => cs[x]!);
        // the innermost claim (the latest to start) is the one linked
        const c = list[list.length - 1]!;
        const conflict = list.some((x) => x.conflict > 0);
        const common = {
          class: `claim-span${conflict ? ' claim-conflict' : ''}`,
          title: list.map(claimTitle).join('\n'),
          'data-testid': 'claim-mark',
          'data-claim': c.key,
          'data-predicate': c.predicate,
          'data-conflict': conflict ? '1' : undefined,
        };
        node = linked ? (
          <span key={k('c')} {...common}>
            {node}
          </span>
        ) : (
          <a key={k('c')} {...common} href={claimPath(c.key)}>
            {node}
          </a>
        );
        linked = true;
      }
      if (ri.length > 0) {
        const r = rs[ri[0]!]!;
        const first = !anchored.has(ri[0]!);
        anchored.add(ri[0]!);
        const common = {
          class: reuseClass(r),
          ...(first ? { id: `r-${r.occurrence}` } : {}),
          title: reuseTitle(r),
          'data-family': r.family,
          'data-occurrence': r.occurrence,
          'data-kind': r.kind,
          'data-severity': r.severity,
        };
        node = linked ? (
          <span key={k('r')} {...common}>
            {node}
          </span>
        ) : (
          <a key={k('r')} {...common} href={reusePath(r.family)} data-testid="reuse">
            {node}
          </a>
        );
        linked = true;
      }
      if (ti.length > 0) {
        const first = !targetAnchored;
        targetAnchored = true;
        node = (
          <span key={k('t')} {...(first ? { id: targetId } : {})} class="span-target" data-target="">
            {node}
          </span>
        );
      }
      return Array.isArray(node) ? <span key={key}>{node}</span> : node;
    },
  };
}

function DatesLegend({ counts }: { counts: { resolved: number; unresolved: number } }): VNode {
  return (
    <span class="legend dates-legend" aria-label="Marks of dates">
      <span class="legend-item">
        <span class="date-swatch" aria-hidden="true" />
        date<span class="muted legend-count">{fmtInt(counts.resolved)}</span>
      </span>
      {counts.unresolved > 0 && (
        <span class="legend-item">
          <span class="date-swatch date-unresolved" aria-hidden="true" />
          not resolved<span class="muted legend-count">{fmtInt(counts.unresolved)}</span>
        </span>
      )}
    </span>
  );
}

function ClaimsLegend({ counts }: { counts: { claims: number; conflicting: number } }): VNode {
  return (
    <span class="legend claims-legend" aria-label="Marks of claims">
      <span class="legend-item">
        <span class="claim-swatch" aria-hidden="true" />
        claim<span class="muted legend-count">{fmtInt(counts.claims)}</span>
      </span>
      {counts.conflicting > 0 && (
        <span class="legend-item">
          <span class="claim-swatch claim-conflict" aria-hidden="true" />
          another source conflicts<span class="muted legend-count">{fmtInt(counts.conflicting)}</span>
        </span>
      )}
    </span>
  );
}

/** What the reuse colours mean, with counts. */
function ReuseLegend({ counts }: { counts: { quotation: number; duplicate: number; meaning: number } }): VNode {
  return (
    <span class="legend reuse-legend" aria-label="Marks of reused text">
      <span class="legend-item">
        <span class="reuse-swatch reuse-quote" aria-hidden="true" />
        quoted elsewhere<span class="muted legend-count">{fmtInt(counts.quotation)}</span>
      </span>
      <span class="legend-item">
        <span class="reuse-swatch reuse-dup" aria-hidden="true" />
        repeated here<span class="muted legend-count">{fmtInt(counts.duplicate)}</span>
      </span>
      {counts.meaning > 0 && (
        <span class="legend-item">
          <span class="reuse-swatch reuse-quote reuse-meaning" aria-hidden="true" />
          meaning changed<span class="muted legend-count">{fmtInt(counts.meaning)}</span>
        </span>
      )}
    </span>
  );
}

function cleanBody(data: SourceTextResponse, layers: Layers): ComponentChildren[] {
  const text = data.text ?? '';
  const n = text.length;
  const base = data.textStart ?? 0;
  const id = data.source.id;
  const marks = normalizeRanges(data.highlights, base, 0, n);
  const layer = textLayer(layers, base, n);
  const passages = [...(data.passages ?? [])].sort((a, b) => a.start - b.start);
  const keys = new Set(passages.map((p) => p.key));
  const out: ComponentChildren[] = [];
  let cursor = 0;
  const gap = (to: number): void => {
    if (to > cursor && /\S/.test(text.slice(cursor, to))) {
      out.push(
        <div class="gap" key={`g${cursor}`}>
          {marked(text, cursor, to, marks, [], layer)}
        </div>,
      );
    }
  };
  for (const p of passages) {
    const s = clamp(p.start - base, 0, n);
    const e = clamp(p.end - base, 0, n);
    if (e <= s && n > 0) continue;
    gap(s);
    out.push(cleanPassage(p, id, text, s, e, marks, keys, layer));
    cursor = Math.max(cursor, e);
  }
  gap(n);
  if (out.length === 0) out.push(<p class="muted">This text is empty.</p>);
  return out;
}

function cleanPassage(p: ReaderPassage, id: string, text: string, s: number, e: number, marks: Interval[], keys: Set<string>, layer?: SpanLayer): VNode {
  const low = typeof p.ocrScore === 'number' && p.ocrScore < LOW_OCR;
  const dup = p.dupOf != null;
  let cls = `passage role-${p.role}`;
  if (low) cls += ' low-ocr';
  if (dup) cls += ' dup';
  const heading = p.role === 'heading';
  return (
    <div class={cls} id={`p-${p.key}`} key={p.key} data-testid="reader-passage" data-seq={p.seq}>
      <a class="pilcrow" href={`${sourcePath(id)}#p-${enc(p.key)}`} title={`Permalink to passage ${p.seq + 1}`} aria-label={`Permalink to passage ${p.seq + 1}`}>
        ¶
      </a>
      {(low || dup) && (
        <div class="passage-notes">
          {low && (
            <span class="badge badge-warn" title={`OCR quality score ${p.ocrScore.toFixed(2)}`}>
              low OCR quality
            </span>
          )}
          {dup && (
            <span class="badge badge-dup">
              repeats an earlier section ·{' '}
              <a href={keys.has(p.dupOf!) ? `#p-${enc(p.dupOf!)}` : `${sourcePath(id)}#p-${enc(p.dupOf!)}`}>first occurrence</a>
            </span>
          )}
        </div>
      )}
      <div class="ptext" {...(heading ? { role: 'heading', 'aria-level': 2 } : {})}>
        {marked(text, s, e, marks, [], layer)}
      </div>
    </div>
  );
}

function rawBody(data: SourceTextResponse): ComponentChildren[] {
  const text = data.text ?? '';
  const n = text.length;
  const base = data.textStart ?? 0;
  const marks = normalizeRanges(data.highlights, base, 0, n);
  const removed: Labelled[] = normalizeLabelled(
    (data.removed ?? []).map((r) => ({ start: r.rawStart, end: r.rawEnd, label: r.reason })),
    base,
    0,
    n,
  );
  const passages = [...(data.passages ?? [])].sort((a, b) => a.rawStart - b.rawStart);
  const out: ComponentChildren[] = [];
  let cursor = 0;
  for (const p of passages) {
    const s = clamp(p.rawStart - base, 0, n);
    const e = clamp(p.rawEnd - base, 0, n);
    if (e <= s || s < cursor) continue;
    if (s > cursor) out.push(...marked(text, cursor, s, marks, removed));
    out.push(
      <span class="passage" id={`p-${p.key}`} key={p.key} data-testid="reader-passage" data-seq={p.seq}>
        {marked(text, s, e, marks, removed)}
      </span>,
    );
    cursor = e;
  }
  if (n > cursor) out.push(...marked(text, cursor, n, marks, removed));
  return out;
}
