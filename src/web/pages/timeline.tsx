/**
 * `/timeline`: the dated happenings the sources state, one lane per source (or per perspective),
 * on a shared time axis. Each event is a mark spanning the earliest to the latest day its date
 * allows (a dot when the day is known). Events that state the same happening in different sources
 * form a group: hovering or selecting one highlights the others in every lane; where the sources'
 * dates for it do not overlap, the marks say so (≠). The selected event is shown beside the chart
 * with its sentence and a link into the source.
 *
 * Every lane looks alike: perspectives are labels, never colours or verdicts. The view (lanes by
 * source or perspective, range, kind of event) is kept in the URL, so the JSON twin
 * `/timeline.json?…` takes the same query; the selected event is the hash `#e-<key>`.
 *
 * Performance: marks are positioned in percent (no measuring, no re-layout on resize); hovering a
 * group toggles classes on the marks directly instead of re-rendering the chart.
 */
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EventGroup, EventRow, EventTrigger, TimelineBy, TimelineLane, TimelineParams, TimelineResponse } from '../api';
import { enc, entityPath, isTrigger, readerSpanHref, sourcePath, timelineQuery, timelineUrl, TRIGGERS } from '../api';
import { EdtfDate, edtfLabel, isoDayLabel, PerspectiveTag, triggerLabel } from '../claims-ui';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, useApi, useTitle, plural } from '../ui';
import { shorten } from './works';

/** height of one row of marks in a lane, in rem */
const ROW_H = 1.25;
/** rows of marks per lane before marks share a row */
const MAX_ROWS = 8;
/** width a dot takes, and the least width of a bar, as a fraction of the axis (for stacking) */
const POINT_W = 0.012;
const BAR_MIN_W = 0.006;
const GAP = 0.004;
/** major ticks aimed for on the axis at most, and the room a tick's label needs (px) */
const MAX_MAJOR = 10;
const LABEL_PX = 76;
/** groups listed under the chart before "show all" */
const GROUPS_SHOWN = 30;
/** the least zoom: this many days across the axis */
const MIN_SPAN_DAYS = 7;

const DAY_MS = 86_400_000;
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

// ------------------------------------------------------------------ days

/** Days since 1970-01-01 (UTC) of a calendar date; months and days may overflow (month 13 = January of the next year). */
function dayNumber(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(0, 0, 0, 0);
  return Math.round(t.getTime() / DAY_MS);
}

/** Year, month (1–12) and day of a day number. */
function ymd(day: number): [number, number, number] {
  const t = new Date(day * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/**
 * The day of an ISO date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (null if it is none of these). A year or
 * month stands for its first day, or with `end` for its last.
 */
function parseDay(iso: string | null | undefined, end = false): number | null {
  if (!iso) return null;
  const m = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  if (mo < 1 || mo > 12) return null;
  if (m[3]) {
    const d = Number(m[3]);
    return d >= 1 && d <= 31 ? dayNumber(y, mo, d) : null;
  }
  return end ? dayNumber(y, mo + 1, 1) - 1 : dayNumber(y, mo, 1);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' of a day number. */
function isoOf(day: number): string {
  const [y, m, d] = ymd(day);
  const ys = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${pad2(m)}-${pad2(d)}`;
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

// ------------------------------------------------------------------ the view's parameters

interface Params {
  by: TimelineBy;
  from: string;
  to: string;
  trigger: EventTrigger | '';
}

function paramsFrom(p: URLSearchParams): Params {
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const trigger = p.get('trigger') ?? '';
  return {
    by: p.get('by') === 'perspective' ? 'perspective' : 'source',
    from: parseDay(from) !== null ? from : '',
    to: parseDay(to, true) !== null ? to : '',
    trigger: isTrigger(trigger) ? trigger : '',
  };
}

function apiParams(p: Params): TimelineParams {
  return { by: p.by, from: p.from, to: p.to, trigger: p.trigger };
}

/** The page's URL (so that the JSON twin `/timeline.json?…` takes the same query); `hash` keeps a selection. */
function href(p: Params, change: Partial<Params> = {}, hash = ''): string {
  return `/timeline${timelineQuery(apiParams({ ...p, ...change }))}${hash}`;
}

/** The selected event of a hash `#e-<key>`. */
function selectedFrom(hash: string): string | null {
  if (!hash.startsWith('#e-')) return null;
  try {
    return decodeURIComponent(hash.slice(3));
  } catch {
    return hash.slice(3);
  }
}

// ------------------------------------------------------------------ the axis

/** The days the axis spans, both included. */
interface Domain {
  lo: number;
  hi: number;
}

function width(d: Domain): number {
  return d.hi - d.lo + 1;
}

/** Where a day starts on the axis, as a fraction. */
function frac(d: Domain, day: number): number {
  return (day - d.lo) / width(d);
}

/** The range shown: from/to when given; else the data's range, padded a little. */
function domainOf(p: Params, data: TimelineResponse | null): Domain | null {
  let lo = parseDay(p.from);
  let hi = parseDay(p.to, true);
  const fixedLo = lo !== null;
  const fixedHi = hi !== null;
  if (lo === null || hi === null) {
    let rlo = parseDay(data?.range?.lo);
    let rhi = parseDay(data?.range?.hi, true);
    if (rlo === null || rhi === null) {
      for (const lane of data?.lanes ?? []) {
        for (const e of lane.events ?? []) {
          const a = parseDay(e.lo);
          const b = parseDay(e.hi, true) ?? a;
          if (a !== null) rlo = rlo === null ? a : Math.min(rlo, a);
          if (b !== null) rhi = rhi === null ? b : Math.max(rhi, b);
        }
      }
    }
    if (lo === null) lo = rlo;
    if (hi === null) hi = rhi;
  }
  if (lo === null || hi === null) return null;
  if (hi < lo) [lo, hi] = [hi, lo];
  const padding = Math.max(15, Math.round(width({ lo, hi }) * 0.03));
  if (!fixedLo) lo -= padding;
  if (!fixedHi) hi += padding;
  return { lo, hi };
}

interface Tick {
  day: number;
  label: string;
  major: boolean;
}

/**
 * Year ticks (every 1, 2, 5, 10… years), month ticks when a few years or less are shown, day ticks
 * under two months; at most `maxMajor` labelled ones.
 */
function ticksOf(d: Domain, maxMajor: number): Tick[] {
  const span = width(d);
  const out: Tick[] = [];
  const [y0, m0] = ymd(d.lo);
  const [y1] = ymd(d.hi);
  let labelled = false;
  const push = (day: number, major: boolean, label: (first: boolean) => string): void => {
    if (day < d.lo || day > d.hi) return;
    out.push({ day, major, label: major ? label(!labelled) : '' });
    if (major) labelled = true;
  };
  if (span > 548) {
    const years = span / 365.25;
    const step = YEAR_STEPS.find((s) => years / s <= maxMajor) ?? 1000;
    const months = step === 1 && years <= 6;
    for (let y = Math.floor(y0 / step) * step; y <= y1; y++) {
      const major = y % step === 0;
      if (major || step <= 10) push(dayNumber(y, 1, 1), major, () => String(y));
      if (months) for (let m = 2; m <= 12; m++) if (years <= 3 || (m - 1) % 3 === 0) push(dayNumber(y, m, 1), false, () => '');
    }
  } else if (span > 62) {
    const months = span / 30.44;
    const step = [1, 2, 3, 6, 12].find((s) => months / s <= maxMajor) ?? 12;
    for (let i = 0; ; i++) {
      const day = dayNumber(y0, m0 + i, 1);
      if (day > d.hi) break;
      const [y, m] = ymd(day);
      push(day, (m - 1) % step === 0, (first) => (m === 1 || first ? `${MON[m - 1]} ${y}` : MON[m - 1]!));
    }
  } else {
    const step = [1, 2, 7, 14].find((s) => span / s <= maxMajor) ?? 14;
    for (let day = d.lo; day <= d.hi; day++) {
      const [y, m, dd] = ymd(day);
      const major = step === 14 ? dd === 1 || dd === 15 : step === 7 ? dd === 1 || dd === 8 || dd === 15 || dd === 22 : (dd - 1) % step === 0;
      push(day, major, (first) => `${dd} ${MON[m - 1]}${dd === 1 || first ? ` ${y}` : ''}`);
    }
  }
  return out;
}

/** The width of the chart's axis in px (0 until measured), kept up to date as the window resizes. */
function useAxisWidth(chart: { current: HTMLElement | null }): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = chart.current;
    if (!el) return;
    const update = (): void => setW(el.querySelector<HTMLElement>('.tl-axis')?.clientWidth ?? el.clientWidth);
    update();
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', update);
      return () => window.removeEventListener('resize', update);
    }
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return w;
}

// ------------------------------------------------------------------ lanes

interface Placed {
  e: EventRow;
  /** left edge (bars) or centre (dots), as a fraction of the axis */
  x: number;
  /** bar width as a fraction (0 for dots) */
  w: number;
  point: boolean;
  row: number;
  /** the event reaches beyond the shown range on the left / right */
  clipL: boolean;
  clipR: boolean;
}

interface LaneView {
  lane: TimelineLane;
  placed: Placed[];
  rows: number;
  /** events outside the shown range, or without a usable date */
  hidden: number;
}

/** Place a lane's events on the axis, stacking overlapping ones in rows (up to MAX_ROWS; then they share). */
function placeLane(lane: TimelineLane, d: Domain, onlyConflicts: boolean): LaneView {
  const items: Placed[] = [];
  let hidden = 0;
  for (const e of lane.events ?? []) {
    if (onlyConflicts && !e.conflict) continue;
    let lo = parseDay(e.lo);
    let hi = parseDay(e.hi, true) ?? lo;
    if (lo === null || hi === null) {
      hidden++;
      continue;
    }
    if (hi < lo) [lo, hi] = [hi, lo];
    if (hi < d.lo || lo > d.hi) {
      hidden++;
      continue;
    }
    const point = lo === hi;
    const a = frac(d, Math.max(lo, d.lo));
    const b = frac(d, Math.min(hi, d.hi) + 1);
    items.push({ e, x: point ? (a + b) / 2 : a, w: point ? 0 : b - a, point, row: 0, clipL: lo < d.lo, clipR: hi > d.hi });
  }
  items.sort((p, q) => p.x - q.x || q.w - p.w || p.e.key.localeCompare(q.e.key));
  const ends: number[] = [];
  for (const it of items) {
    const start = it.point ? it.x - POINT_W / 2 : it.x;
    const end = it.point ? it.x + POINT_W / 2 : it.x + Math.max(it.w, BAR_MIN_W);
    let row = ends.findIndex((r) => r <= start);
    if (row < 0) {
      if (ends.length < MAX_ROWS) row = ends.length;
      else row = ends.indexOf(Math.min(...ends));
    }
    ends[row] = Math.max(ends[row] ?? 0, end + GAP);
    it.row = row;
  }
  return { lane, placed: items, rows: Math.max(1, ends.length), hidden };
}

// ------------------------------------------------------------------ the page

export function TimelinePage({ loc }: { loc: Loc }): VNode {
  const p = useMemo(() => paramsFrom(loc.params), [loc.search]);
  const res = useApi<TimelineResponse>(timelineUrl(apiParams(p)));
  useTitle(p.trigger ? `${triggerLabel(p.trigger)} · Timeline` : 'Timeline');
  const data = res.data;
  const selectedKey = selectedFrom(loc.hash);
  const [onlyConflicts, setOnlyConflicts] = useState(false);

  const domain = useMemo(() => domainOf(p, data), [p, data]);
  const index = useMemo(() => {
    const events = new Map<string, EventRow>();
    for (const lane of data?.lanes ?? []) for (const e of lane.events ?? []) events.set(e.key, e);
    const groups = new Map<string, EventGroup>();
    for (const g of data?.groups ?? []) groups.set(g.key, g);
    return { events, groups };
  }, [data]);
  const total = index.events.size;
  const selected = selectedKey ? index.events.get(selectedKey) ?? null : null;

  const select = (key: string | null): void => {
    navigate(`${window.location.pathname}${window.location.search}${key ? `#e-${enc(key)}` : ''}`, { replace: true });
  };
  const go = (change: Partial<Params>): void => navigate(href(p, change, loc.hash));
  const zoomTo = (lo: number, hi: number): void => {
    if (hi - lo + 1 < MIN_SPAN_DAYS) {
      const mid = Math.floor((lo + hi) / 2);
      lo = mid - Math.floor(MIN_SPAN_DAYS / 2);
      hi = lo + MIN_SPAN_DAYS - 1;
    }
    go({ from: isoOf(lo), to: isoOf(hi) });
  };

  const filtered = !!(p.trigger || p.from || p.to);
  return (
    <div class="page timeline-page">
      <h1 class="page-title">Timeline</h1>
      <p class="muted intro-line">
        The dated happenings the sources state — arrests, trials, sentences, deaths, meetings… — one lane per {p.by === 'perspective' ? 'perspective' : 'source'}, each
        mark spanning the days its date allows. Where sources date the same happening, hovering or selecting one shows the others; where
        their dates do not overlap, the marks say so. Inquiry shows the dates each source gives and does not decide which is right.
      </p>

      <TimelineTools p={p} domain={domain} go={go} zoomTo={zoomTo} onlyConflicts={onlyConflicts} setOnlyConflicts={setOnlyConflicts} />

      <section aria-busy={res.loading} aria-label="Timeline">
        {res.error ? (
          <ErrorBox error={res.error} />
        ) : !data ? (
          <Loading label="Loading the timeline…" />
        ) : total === 0 ? (
          <div data-testid="timeline">
            {filtered ? (
              <p class="muted">
                No dated event matches {p.trigger ? `“${triggerLabel(p.trigger)}”` : 'this filter'}
                {p.from || p.to ? ' in this range' : ''}. <a href={href({ by: p.by, from: '', to: '', trigger: '' })}>Show every event</a>
              </p>
            ) : (
              <p class="muted">No dated events found. Events and their dates are found when sources are analysed.</p>
            )}
          </div>
        ) : !domain ? (
          <p class="muted" data-testid="timeline">
            None of the {plural(total, 'event', 'events')} has a date that can be placed on a time axis.
          </p>
        ) : (
          <TimelineBody
            data={data}
            p={p}
            domain={domain}
            stale={res.loading}
            selected={selected}
            selectedKey={selectedKey}
            groups={index.groups}
            events={index.events}
            onlyConflicts={onlyConflicts}
            select={select}
            zoomTo={zoomTo}
          />
        )}
      </section>
    </div>
  );
}

function TimelineTools({
  p,
  domain,
  go,
  zoomTo,
  onlyConflicts,
  setOnlyConflicts,
}: {
  p: Params;
  domain: Domain | null;
  go: (change: Partial<Params>) => void;
  zoomTo: (lo: number, hi: number) => void;
  onlyConflicts: boolean;
  setOnlyConflicts: (on: boolean) => void;
}): VNode {
  const fromDay = parseDay(p.from);
  const toDay = parseDay(p.to, true);
  const [from, setFrom] = useState(fromDay !== null ? isoOf(fromDay) : '');
  const [to, setTo] = useState(toDay !== null ? isoOf(toDay) : '');
  useEffect(() => setFrom(fromDay !== null ? isoOf(fromDay) : ''), [p.from]);
  useEffect(() => setTo(toDay !== null ? isoOf(toDay) : ''), [p.to]);

  const apply = (e: Event): void => {
    e.preventDefault();
    const a = parseDay(from);
    const b = parseDay(to, true);
    if (a !== null && b !== null && b < a) go({ from: isoOf(b), to: isoOf(a) });
    else go({ from: a !== null ? isoOf(a) : '', to: b !== null ? isoOf(b) : '' });
  };
  const span = domain ? width(domain) : 0;
  const zoom = (factor: number): void => {
    if (!domain) return;
    const mid = (domain.lo + domain.hi) / 2;
    const half = Math.max(MIN_SPAN_DAYS / 2, (span * factor) / 2);
    zoomTo(Math.round(mid - half), Math.round(mid + half) - 1);
  };
  const pan = (dir: 1 | -1): void => {
    if (!domain) return;
    const shift = Math.max(1, Math.round(span / 2)) * dir;
    zoomTo(domain.lo + shift, domain.hi + shift);
  };
  return (
    <div class="tl-tools" data-testid="timeline-tools">
      <fieldset class="segmented" data-testid="timeline-by">
        <legend class="sr-only">One lane per</legend>
        <label title="One lane per source">
          <input type="radio" name="by" value="source" checked={p.by === 'source'} onChange={() => go({ by: 'source' })} />
          <span>by source</span>
        </label>
        <label title="One lane per perspective (the sources' own tags)">
          <input type="radio" name="by" value="perspective" checked={p.by === 'perspective'} onChange={() => go({ by: 'perspective' })} />
          <span>by perspective</span>
        </label>
      </fieldset>
      <label class="field">
        <span>What happened</span>
        <select name="trigger" data-testid="timeline-trigger" value={p.trigger} onChange={(e) => go({ trigger: isTrigger(e.currentTarget.value) ? e.currentTarget.value : '' })}>
          <option value="">anything</option>
          {TRIGGERS.map((t) => (
            <option key={t} value={t}>
              {triggerLabel(t)}
            </option>
          ))}
        </select>
      </label>
      <form class="tl-range" onSubmit={apply} aria-label="Range of dates shown" data-testid="timeline-range">
        <label class="field">
          <span>From</span>
          <input type="date" name="from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="timeline-from" />
        </label>
        <label class="field">
          <span>To</span>
          <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} data-testid="timeline-to" />
        </label>
        <button type="submit" class="btn">
          Show
        </button>
      </form>
      <div class="tl-zoom" role="group" aria-label="Zoom and move">
        <button type="button" class="btn btn-icon" onClick={() => pan(-1)} disabled={!domain} aria-label="Earlier" title="Earlier">
          ←
        </button>
        <button type="button" class="btn btn-icon" onClick={() => zoom(2)} disabled={!domain} aria-label="Zoom out" title="Zoom out" data-testid="timeline-zoom-out">
          −
        </button>
        <button type="button" class="btn btn-icon" onClick={() => zoom(0.5)} disabled={!domain || span <= MIN_SPAN_DAYS} aria-label="Zoom in" title="Zoom in" data-testid="timeline-zoom-in">
          +
        </button>
        <button type="button" class="btn btn-icon" onClick={() => pan(1)} disabled={!domain} aria-label="Later" title="Later">
          →
        </button>
        <button type="button" class="btn btn-small" onClick={() => go({ from: '', to: '' })} disabled={!p.from && !p.to} data-testid="timeline-all">
          Whole range
        </button>
      </div>
      <label class="check" title="Show only the events whose sources give dates that do not overlap">
        <input type="checkbox" data-testid="timeline-conflicts-only" checked={onlyConflicts} onChange={(e) => setOnlyConflicts(e.currentTarget.checked)} />
        <span>only conflicting dates</span>
      </label>
    </div>
  );
}

interface BodyProps {
  data: TimelineResponse;
  p: Params;
  domain: Domain;
  stale: boolean;
  selected: EventRow | null;
  selectedKey: string | null;
  groups: Map<string, EventGroup>;
  events: Map<string, EventRow>;
  onlyConflicts: boolean;
  select: (key: string | null) => void;
  zoomTo: (lo: number, hi: number) => void;
}

function TimelineBody({ data, p, domain, stale, selected, selectedKey, groups, events, onlyConflicts, select, zoomTo }: BodyProps): VNode {
  const lanes = useMemo(() => (data.lanes ?? []).map((l) => placeLane(l, domain, onlyConflicts)), [data, domain, onlyConflicts]);
  const chart = useRef<HTMLDivElement>(null);
  const axisWidth = useAxisWidth(chart);
  const maxMajor = axisWidth > 0 ? clamp(Math.floor(axisWidth / LABEL_PX), 2, MAX_MAJOR) : MAX_MAJOR;
  const ticks = useMemo(() => ticksOf(domain, maxMajor), [domain, maxMajor]);
  const shown = lanes.reduce((a, l) => a + l.placed.length, 0);
  const hidden = lanes.reduce((a, l) => a + l.hidden, 0);
  const panel = useRef<HTMLElement>(null);
  const hovered = useRef<string | null>(null);
  const selectedGroup = selected?.group ?? null;

  /** Highlight the members of a group in every lane (class toggles only: no re-render). */
  const hover = (g: string | null): void => {
    hovered.current = g;
    const root = chart.current;
    if (!root) return;
    for (const el of root.querySelectorAll('.tl-hl')) el.classList.remove('tl-hl');
    root.classList.toggle('tl-hovering', g !== null);
    if (g === null) return;
    for (const el of root.querySelectorAll<HTMLElement>('.tl-mark')) if (el.dataset['group'] === g) el.classList.add('tl-hl');
  };
  // a re-render rewrites the marks' classes: put the hover highlight back
  useEffect(() => {
    if (hovered.current !== null) hover(hovered.current);
  });

  // a link to an event (#e-…): bring its mark into view once
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedKey || scrolled.current === selectedKey) return;
    scrolled.current = selectedKey;
    const el = chart.current?.querySelector<HTMLElement>('.tl-mark.tl-selected');
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedKey, lanes]);

  const choose = (key: string): void => {
    select(key === selectedKey ? null : key);
    // on narrow screens the panel is under the chart: bring it into view
    if (key !== selectedKey && window.matchMedia?.('(max-width: 900px)').matches) {
      window.setTimeout(() => panel.current?.scrollIntoView({ block: 'nearest' }), 0);
    }
  };

  return (
    <div class={stale ? 'stale' : undefined}>
      <p class="results-count" aria-live="polite">
        {plural(shown, 'event', 'events')} in {plural(lanes.length, p.by === 'perspective' ? 'perspective' : 'source', p.by === 'perspective' ? 'perspectives' : 'sources')}
        <span class="muted">
          {' '}
          · {isoDayLabel(isoOf(domain.lo))} – {isoDayLabel(isoOf(domain.hi))}
          {hidden > 0 && ` · ${plural(hidden, 'event', 'events')} outside this view`}
        </span>
      </p>
      <TimelineLegend />
      <div class="tl-layout">
        <div class="tl-chart-wrap">
          <div class="tl-chart" ref={chart} role="region" aria-label="Events on a time axis" aria-describedby="tl-help" data-testid="timeline">
            <div class="tl-grid" aria-hidden="true">
              {ticks.map((t) => (
                <span key={t.day} class={t.major ? 'tl-gridline is-major' : 'tl-gridline'} style={{ left: `${frac(domain, t.day) * 100}%` }} />
              ))}
            </div>
            <Axis domain={domain} ticks={ticks} zoomTo={zoomTo} />
            {lanes.map((lv) => (
              <Lane key={lv.lane.key} lv={lv} by={p.by} selectedKey={selectedKey} selectedGroup={selectedGroup} choose={choose} hover={hover} />
            ))}
          </div>
          <p class="hint" id="tl-help">
            Drag along the axis to zoom in. Select a mark to read the event; marks of the same happening in other lanes light up.
          </p>
        </div>
        <aside class="tl-panel" ref={panel} aria-labelledby="tl-panel-title" data-testid="timeline-panel">
          <EventPanel selected={selected} selectedKey={selectedKey} groups={groups} events={events} select={select} hover={hover} />
        </aside>
      </div>
      <GroupList groups={data.groups ?? []} events={events} selectedGroup={selectedGroup} select={select} hover={hover} />
      <EventTable lanes={lanes} select={select} selectedKey={selectedKey} />
    </div>
  );
}

function TimelineLegend(): VNode {
  return (
    <p class="legend tl-legend" aria-label="What the marks mean">
      <span class="legend-item">
        <span class="tl-swatch tl-swatch-bar" aria-hidden="true" />
        dated within a span of days
      </span>
      <span class="legend-item">
        <span class="tl-swatch tl-swatch-point" aria-hidden="true" />
        dated to the day
      </span>
      <span class="legend-item">
        <span class="tl-swatch tl-swatch-conflict" aria-hidden="true">
          ≠
        </span>
        sources date this happening differently (their dates do not overlap)
      </span>
      <span class="legend-item">
        <span class="tl-swatch tl-swatch-group" aria-hidden="true" />
        the same happening in another lane
      </span>
    </p>
  );
}

/** The time axis; dragging along it selects a range to zoom into. */
function Axis({ domain, ticks, zoomTo }: { domain: Domain; ticks: Tick[]; zoomTo: (lo: number, hi: number) => void }): VNode {
  const track = useRef<HTMLDivElement>(null);
  const [brush, setBrush] = useState<{ a: number; b: number } | null>(null);
  const at = (clientX: number): number => {
    const r = track.current?.getBoundingClientRect();
    return r && r.width > 0 ? clamp((clientX - r.left) / r.width, 0, 1) : 0;
  };
  const dayAt = (x: number): number => domain.lo + Math.min(width(domain) - 1, Math.floor(x * width(domain)));
  return (
    <div class="tl-row tl-axis-row">
      <div class="tl-lane-label tl-axis-label small muted" aria-hidden="true">
        {brush ? 'release to zoom' : 'drag to zoom ↔'}
      </div>
      <div
        class="tl-axis"
        ref={track}
        data-testid="timeline-axis"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.preventDefault();
          track.current?.setPointerCapture(e.pointerId);
          const x = at(e.clientX);
          setBrush({ a: x, b: x });
        }}
        onPointerMove={(e) => {
          if (brush) setBrush({ a: brush.a, b: at(e.clientX) });
        }}
        onPointerUp={(e) => {
          if (!brush) return;
          const b = at(e.clientX);
          const lo = Math.min(brush.a, b);
          const hi = Math.max(brush.a, b);
          setBrush(null);
          const px = (hi - lo) * (track.current?.getBoundingClientRect().width ?? 0);
          if (px >= 6) zoomTo(dayAt(lo), dayAt(hi));
        }}
        onPointerCancel={() => setBrush(null)}
      >
        {ticks.map((t) =>
          t.major ? (
            <span key={t.day} class="tl-tick is-major" style={{ left: `${frac(domain, t.day) * 100}%` }}>
              <span class="tl-tick-label">{t.label}</span>
            </span>
          ) : (
            <span key={t.day} class="tl-tick" style={{ left: `${frac(domain, t.day) * 100}%` }} aria-hidden="true" />
          ),
        )}
        {brush && <span class="tl-brush" style={{ left: `${Math.min(brush.a, brush.b) * 100}%`, width: `${Math.abs(brush.b - brush.a) * 100}%` }} aria-hidden="true" />}
      </div>
    </div>
  );
}

function laneLabel(lane: TimelineLane, by: TimelineBy): string {
  return (lane.label ?? '').trim() || (by === 'perspective' ? (lane.perspective ?? 'no perspective') : lane.key);
}

function Lane({
  lv,
  by,
  selectedKey,
  selectedGroup,
  choose,
  hover,
}: {
  lv: LaneView;
  by: TimelineBy;
  selectedKey: string | null;
  selectedGroup: string | null;
  choose: (key: string) => void;
  hover: (g: string | null) => void;
}): VNode {
  const label = laneLabel(lv.lane, by);
  const n = lv.placed.length;
  return (
    <div class="tl-row tl-lane" role="group" aria-label={`${label}: ${plural(n, 'event', 'events')}`} data-testid="timeline-lane" data-key={lv.lane.key}>
      <div class="tl-lane-label">
        {by === 'source' ? (
          <a href={sourcePath(lv.lane.key)} class="tl-lane-name" title={label}>
            {shorten(label, 60)}
          </a>
        ) : (
          <span class="tl-lane-name">{label}</span>
        )}
        <span class="tl-lane-meta">
          {by === 'source' && <PerspectiveTag perspective={lv.lane.perspective} />}
          <span class="muted small num">{fmtInt(n)}</span>
        </span>
      </div>
      <div class="tl-track" style={{ height: `${lv.rows * ROW_H + 0.5}rem` }}>
        {lv.placed.map((pl) => (
          <EventMark key={pl.e.key} pl={pl} selected={pl.e.key === selectedKey} inGroup={selectedGroup !== null && pl.e.group === selectedGroup} choose={choose} hover={hover} />
        ))}
      </div>
    </div>
  );
}

function eventLabel(e: EventRow): string {
  const when = (e.dateText ?? '').trim() || edtfLabel(e.edtf) || 'undated';
  return `${triggerLabel(e.trigger)}, ${when} — ${e.sourceTitle || e.sourceId}${e.conflict ? ' · sources date this differently' : ''}`;
}

function EventMark({ pl, selected, inGroup, choose, hover }: { pl: Placed; selected: boolean; inGroup: boolean; choose: (key: string) => void; hover: (g: string | null) => void }): VNode {
  const e = pl.e;
  let cls = `tl-mark ${pl.point ? 'tl-point' : 'tl-bar'}`;
  if (e.conflict) cls += ' tl-conflict';
  if (selected) cls += ' tl-selected';
  else if (inGroup) cls += ' tl-sel-group';
  if (pl.clipL) cls += ' tl-clip-l';
  if (pl.clipR) cls += ' tl-clip-r';
  const style = pl.point ? { left: `${pl.x * 100}%`, top: `${pl.row * ROW_H + 0.25}rem` } : { left: `${pl.x * 100}%`, width: `${pl.w * 100}%`, top: `${pl.row * ROW_H + 0.25}rem` };
  const group = e.group ?? null;
  return (
    <button
      type="button"
      class={cls}
      style={style}
      data-testid="timeline-event"
      data-key={e.key}
      data-group={group ?? undefined}
      data-trigger={e.trigger}
      data-conflict={e.conflict ? '1' : undefined}
      aria-pressed={selected}
      aria-label={eventLabel(e)}
      title={`${eventLabel(e)}\n${shorten((e.text ?? '').trim(), 200)}`}
      onClick={() => choose(e.key)}
      onMouseEnter={() => hover(group)}
      onMouseLeave={() => hover(null)}
      onFocus={() => hover(group)}
      onBlur={() => hover(null)}
    >
      {e.conflict && (
        <span class="tl-icon" aria-hidden="true">
          ≠
        </span>
      )}
    </button>
  );
}

// ------------------------------------------------------------------ the selected event

function Participants({ label, list }: { label: string; list: EventRow['actors'] }): VNode | null {
  if (!list || list.length === 0) return null;
  return (
    <div class="meta-row">
      <dt>{label}</dt>
      <dd class="tl-participants">
        {list.map((a) => (
          <a key={a.entity} class="chip" href={entityPath(a.entity)} data-testid="timeline-entity">
            <span class="chip-label">{a.name || a.entity}</span>
          </a>
        ))}
      </dd>
    </div>
  );
}

function EventPanel({
  selected: e,
  selectedKey,
  groups,
  events,
  select,
  hover,
}: {
  selected: EventRow | null;
  selectedKey: string | null;
  groups: Map<string, EventGroup>;
  events: Map<string, EventRow>;
  select: (key: string | null) => void;
  hover: (g: string | null) => void;
}): VNode {
  if (!e) {
    return (
      <>
        <h2 id="tl-panel-title" class="section-title">
          Event
        </h2>
        {selectedKey ? (
          <p class="muted">That event is not in this view (another range or kind of event may show it).</p>
        ) : (
          <p class="muted">Select a mark to see what the source says, in its own words.</p>
        )}
      </>
    );
  }
  const group = e.group ? groups.get(e.group) ?? null : null;
  const others = (group?.members ?? []).filter((m) => m.event !== e.key);
  const words = edtfLabel(e.edtf);
  return (
    <div data-key={e.key} data-testid="timeline-selected">
      <h2 id="tl-panel-title" class="section-title tl-panel-title">
        {triggerLabel(e.trigger)} · {(e.dateText ?? '').trim() || words || 'undated'}
      </h2>
      {e.conflict && (
        <p class="tl-conflict-note small" data-testid="timeline-conflict-note">
          <span class="tl-icon" aria-hidden="true">
            ≠
          </span>{' '}
          The sources that state this happening give dates that do not overlap.
        </p>
      )}
      <dl class="meta tl-meta">
        <div class="meta-row">
          <dt>Source</dt>
          <dd>
            <a href={sourcePath(e.sourceId)}>{e.sourceTitle || e.sourceId}</a> <PerspectiveTag perspective={e.perspective} />
          </dd>
        </div>
        {e.dateText && (
          <div class="meta-row">
            <dt>Date as written</dt>
            <dd>
              <q class="source-text">{e.dateText}</q>
            </dd>
          </div>
        )}
        <div class="meta-row">
          <dt>Read as</dt>
          <dd>
            {words || <span class="muted">—</span>} {e.edtf && <code class="small" title="EDTF">{e.edtf}</code>}
          </dd>
        </div>
        {e.lo && e.hi && e.lo !== e.hi && (
          <div class="meta-row">
            <dt>Between</dt>
            <dd>
              {isoDayLabel(e.lo)} and {isoDayLabel(e.hi)}
            </dd>
          </div>
        )}
        <div class="meta-row">
          <dt>What</dt>
          <dd>{triggerLabel(e.trigger)}</dd>
        </div>
        <Participants label="Who" list={e.actors} />
        <Participants label="Where" list={e.places} />
      </dl>
      <blockquote class="reuse-text source-text tl-sentence">{(e.text ?? '').trim() || <span class="muted">(no text)</span>}</blockquote>
      <p class="meta-line">
        <a href={readerSpanHref(e.sourceId, e.start, e.end)} data-testid="timeline-reader-link">
          read it in the source
        </a>
        <button type="button" class="btn-link small" onClick={() => select(null)}>
          close
        </button>
      </p>
      {group && (
        <div class="tl-group" onMouseEnter={() => hover(group.key)} onMouseLeave={() => hover(null)} data-testid="timeline-group-members">
          <h3 class="occ-title tl-group-title">
            {others.length > 0 ? `Also stated in ${plural(new Set(others.map((m) => m.sourceId)).size, 'other source', 'other sources')}` : 'Stated by this source only'}
          </h3>
          {group.label && <p class="small muted">{group.label}</p>}
          {others.length > 0 && (
            <ul class="tl-members">
              {others.map((m) => {
                const other = events.get(m.event);
                return (
                  <li key={m.event}>
                    {other ? (
                      <button type="button" class="btn-link tl-member" onClick={() => select(m.event)} title="Show this event">
                        {other.sourceTitle || m.sourceId}
                      </button>
                    ) : (
                      <span title="Not in this view">{m.sourceId}</span>
                    )}{' '}
                    <span class="small">
                      <EdtfDate edtf={m.edtf} />
                    </span>
                    {other && <PerspectiveTag perspective={other.perspective} />}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

// ------------------------------------------------------------------ groups and the plain list

function GroupList({
  groups,
  events,
  selectedGroup,
  select,
  hover,
}: {
  groups: EventGroup[];
  events: Map<string, EventRow>;
  selectedGroup: string | null;
  select: (key: string | null) => void;
  hover: (g: string | null) => void;
}): VNode | null {
  const [all, setAll] = useState(false);
  const list = useMemo(() => groups.filter((g) => (g.members ?? []).some((m) => events.has(m.event))), [groups, events]);
  if (list.length === 0) return null;
  const shown = all ? list : list.slice(0, GROUPS_SHOWN);
  const conflicts = list.filter((g) => g.conflict).length;
  return (
    <section class="reuse-section tl-groups" aria-labelledby="h-tl-groups" data-testid="timeline-groups">
      <h2 id="h-tl-groups" class="section-title">
        Happenings stated by more than one source ({fmtInt(list.length)})
      </h2>
      <p class="hint">
        {conflicts > 0 ? `${plural(conflicts, 'is', 'are')} dated differently by different sources (≠). ` : ''}Hover one to light up its marks; select it to read
        the first of them.
      </p>
      <ul class="tl-group-list">
        {shown.map((g) => {
          const first = (g.members ?? []).find((m) => events.has(m.event));
          const sources = new Set((g.members ?? []).map((m) => m.sourceId)).size;
          return (
            <li key={g.key} class={g.key === selectedGroup ? 'is-selected' : undefined}>
              <button
                type="button"
                class={`btn-link tl-group-btn${g.conflict ? ' tl-conflict-text' : ''}`}
                data-testid="timeline-group"
                data-key={g.key}
                data-conflict={g.conflict ? '1' : undefined}
                onMouseEnter={() => hover(g.key)}
                onMouseLeave={() => hover(null)}
                onFocus={() => hover(g.key)}
                onBlur={() => hover(null)}
                onClick={() => first && select(first.event)}
              >
                {g.conflict && (
                  <span class="tl-icon" aria-hidden="true">
                    ≠{' '}
                  </span>
                )}
                {g.label || triggerLabel(g.trigger)}
              </button>{' '}
              <span class="small muted">
                {triggerLabel(g.trigger)} · {plural(sources, 'source', 'sources')}
                {g.conflict && <span class="sr-only"> · dated differently</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {list.length > shown.length && (
        <div class="show-more">
          <button type="button" class="btn" onClick={() => setAll(true)}>
            Show all {fmtInt(list.length)}
          </button>
        </div>
      )}
    </section>
  );
}

/** Every event in the view as a table (for keyboards, screen readers, and reading in order). */
function EventTable({ lanes, select, selectedKey }: { lanes: LaneView[]; select: (key: string | null) => void; selectedKey: string | null }): VNode | null {
  const rows = useMemo(() => {
    const all = lanes.flatMap((l) => l.placed.map((pl) => pl.e));
    return all.sort((a, b) => (a.lo ?? '').localeCompare(b.lo ?? '') || (a.hi ?? '').localeCompare(b.hi ?? '') || (a.sourceTitle || a.sourceId).localeCompare(b.sourceTitle || b.sourceId));
  }, [lanes]);
  if (rows.length === 0) return null;
  return (
    <details class="graph-list tl-list">
      <summary>The {plural(rows.length, 'event', 'events')} in this view, as a list</summary>
      <div class="table-wrap">
        <table class="table tl-table" data-testid="timeline-list">
          <caption class="sr-only">Events in date order</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
              <th scope="col">Source</th>
              <th scope="col">Sentence</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.key} class={e.key === selectedKey ? 'is-selected' : undefined} data-conflict={e.conflict ? '1' : undefined}>
                <td class="nowrap">
                  <button type="button" class="btn-link" onClick={() => select(e.key)} title="Show it on the timeline">
                    {(e.dateText ?? '').trim() || edtfLabel(e.edtf) || 'undated'}
                  </button>
                  {e.conflict && (
                    <span class="tl-conflict-text" title="sources date this differently">
                      {' '}
                      ≠<span class="sr-only"> dated differently by other sources</span>
                    </span>
                  )}
                  <div class="small muted">
                    <code>{e.edtf}</code>
                  </div>
                </td>
                <td>{triggerLabel(e.trigger)}</td>
                <td class="small">
                  {e.sourceTitle || e.sourceId} <PerspectiveTag perspective={e.perspective} />
                </td>
                <td class="source-text">
                  <a href={readerSpanHref(e.sourceId, e.start, e.end)}>{shorten((e.text ?? '').trim(), 180)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
