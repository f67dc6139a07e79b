/** Small shared pieces: data loading hook, error and loading states, tags, highlighted text. */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson, getJsonCached } from './api';
import type { Interval, Labelled } from './highlight';
import { segment } from './highlight';

export interface Loaded<T> {
  /** the latest answer; while a new URL loads, the previous answer stays here (see `loading`) */
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

interface State<T> {
  url: string | null;
  version: number;
  data: T | null;
  error: ApiError | null;
}

/**
 * Fetch JSON for `url` (null: nothing to fetch). Aborts superseded requests. Changing `version`
 * fetches the same URL again (e.g. after a curation action); the previous answer stays meanwhile.
 */
export function useApi<T>(url: string | null, opts: { cache?: boolean; version?: number } = {}): Loaded<T> {
  const version = opts.version ?? 0;
  const [state, setState] = useState<State<T>>({ url: null, version: 0, data: null, error: null });
  useEffect(() => {
    if (url === null) return;
    const ctl = new AbortController();
    (opts.cache ? getJsonCached<T> : getJson<T>)(url, ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ url, version, data, error: null });
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        const error = e instanceof ApiError ? e : new ApiError(e instanceof Error ? e.message : String(e), 0);
        setState((s) => ({ url, version, data: s.data, error }));
      },
    );
    return () => ctl.abort();
  }, [url, version]);
  if (url === null) return { data: null, error: null, loading: false };
  const settled = state.url === url && state.version === version;
  return { data: state.data, error: settled ? state.error : null, loading: !settled };
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Inquiry` : 'Inquiry';
  }, [title]);
}

export function ErrorBox({ error, title }: { error: ApiError; title?: string }): VNode {
  const label = title ?? (error.status === 404 ? 'Not found' : error.status ? `Error ${error.status}` : 'Error');
  return (
    <div class="msg msg-error" role="alert">
      <strong class="msg-title">{label}</strong>
      <p>{error.message}</p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }): VNode {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Notice({ children }: { children: ComponentChildren }): VNode {
  return <div class="msg msg-info">{children}</div>;
}

/** Perspective labels: one neutral style for every perspective. */
export function Tags({ items }: { items: readonly string[] | null | undefined }): VNode | null {
  if (!items || items.length === 0) return null;
  return (
    <span class="tags">
      {items.map((p) => (
        <span class="tag" key={p}>
          {p}
        </span>
      ))}
    </span>
  );
}

/** A layer of spans (e.g. entity mentions) wrapped around the text they cover; see `marked`. */
export interface SpanLayer {
  /** normalized: sorted, non-overlapping (normalizeSpans) */
  spans: readonly Interval[];
  /** wrap the nodes that span `i` covers (called once per contiguous run inside [from, to)) */
  wrap: (i: number, children: ComponentChildren[], key: string) => VNode;
}

/**
 * Text from `from` to `to` of `text`, with highlights as <mark> and removed spans as <del>, and an
 * optional span layer wrapped around them (a mark crossing a span's edge is cut in two there; only
 * its first piece carries data-m). Builds text nodes only: the source text is never interpreted as markup.
 */
export function marked(
  text: string,
  from: number,
  to: number,
  marks: readonly Interval[],
  removed: readonly Labelled[] = [],
  layer?: SpanLayer,
): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let group: ComponentChildren[] | null = null;
  let groupSpan = -1;
  let groupStart = 0;
  const flush = (): void => {
    if (group && layer) out.push(layer.wrap(groupSpan, group, `s${groupStart}`));
    group = null;
    groupSpan = -1;
  };
  for (const s of segment(from, to, marks, removed, layer?.spans)) {
    const t = text.slice(s.start, s.end);
    let node: ComponentChildren = s.mark ? (s.markStart ? <mark data-m="">{t}</mark> : <mark>{t}</mark>) : t;
    if (s.removed !== null) node = <del class="removed" title={`removed: ${s.removed}`}>{node}</del>;
    if (s.span !== groupSpan) flush();
    if (s.span >= 0) {
      if (!group) {
        group = [];
        groupSpan = s.span;
        groupStart = s.start;
      }
      group.push(node);
    } else {
      out.push(node);
    }
  }
  flush();
  return out;
}

/** Only http(s) URLs become links (a source's url field is data, not trusted markup). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function fmtInt(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : '—';
}

/** "1 claim", "1,204 claims" */
export function plural(n: number, one: string, many: string): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

/** The line above a page of a list: how many there are, and which of them the page shows when there are several pages. */
export function ResultsCount({ total, one, many, first, last, paged }: { total: number; one: string; many: string; first: number; last: number; paged: boolean }) {
  return (
    <p class="results-count" aria-live="polite">
      {plural(total, one, many)}
      {paged && (
        <span class="muted">
          {' '}
          · showing {fmtInt(first)}–{fmtInt(last)}
        </span>
      )}
    </p>
  );
}

/**
 * What an empty page of a list says: that it is past the last page (with the way back), that nothing
 * matches the filters (with the way to the whole list), or that there is nothing at all.
 */
export function EmptyList(props: {
  testid: string;
  /** the page starts past the end of a list that has items */
  pastEnd: boolean;
  firstPage: string;
  many: string;
  one: string;
  filtered: boolean;
  /** the words searched for, if any; else `filterWords` */
  q?: string;
  filterWords?: string;
  all: string;
  allLabel: string;
  none: string;
}) {
  const q = props.q?.trim();
  return (
    <div data-testid={props.testid}>
      {props.pastEnd ? (
        <p class="muted">
          No {props.many} on this page. <a href={props.firstPage}>Back to the first page</a>
        </p>
      ) : props.filtered ? (
        <p class="muted">
          No {props.one} matches {q ? `“${q}”` : (props.filterWords ?? 'these filters')}. <a href={props.all}>{props.allLabel}</a>
        </p>
      ) : (
        <p class="muted">{props.none}</p>
      )}
    </div>
  );
}

/** "← Previous / Next →" links between pages of a list (nothing when there is one page) */
/**
 * Where one page of a list stands: the offset it starts at, its first and last item numbers, and the
 * links to the pages before and after (`at` builds the link for an offset).
 */
export function pageWindow(data: { total: number; limit?: number; offset?: number }, p: { limit: number; offset: number }, count: number, at: (offset: number) => string) {
  const size = data.limit || p.limit;
  const offset = typeof data.offset === 'number' ? data.offset : p.offset;
  const last = offset + count;
  return { offset, first: offset + 1, last, prev: offset > 0 ? at(Math.max(0, offset - size)) : null, next: last < data.total ? at(offset + size) : null };
}

export function Pager({ prev, next, label }: { prev: string | null | undefined; next: string | null | undefined; label: string }) {
  if (!prev && !next) return null;
  return (
    <nav class="pager" aria-label={label}>
      {prev ? (
        <a class="btn" href={prev} rel="prev">
          ← Previous
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a class="btn" href={next} rel="next">
          Next →
        </a>
      )}
    </nav>
  );
}
