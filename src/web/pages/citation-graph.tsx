/**
 * `/graph/citations`: which sources cite which works, drawn with sigma (WebGL) on a graphology graph
 * laid out by ForceAtlas2 in the same worker as the entity network (`fa2.worker.ts`). Sources are
 * coloured by their perspective tags (colours assigned in alphabetical order of the tags: no colour
 * means anything), works are sized by their citations. Click a work to open its page, a source to
 * open it in the reader.
 *
 * Performance: as on `/graph`, Preact renders once per answer (or threshold); layout steps and hover
 * highlighting talk to sigma directly, and labels are only drawn for nodes big enough on screen.
 */
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { CitationGraphNode, CitationGraphResponse } from '../api';
import { CITATION_GRAPH_URL, qs, sourcePath, workPath } from '../api';
import { cssVar, drawHoverLabel, FA2_DEFAULTS, hash01, layoutInFrames, layoutInWorker } from '../graph-layout';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, Tags, useApi, useTitle, plural } from '../ui';

/** thresholds offered for "works cited at least N times" */
const MINS = [1, 2, 3, 5, 10, 20];
/** labels of sources are always drawn when there are at most this many */
const FORCE_SOURCE_LABELS = 60;

/**
 * Colours for the perspective tags of sources (Okabe–Ito, readable by most colour-blind readers).
 * The CSS classes `pc-0`… use the same values; WebGL needs plain hex strings.
 */
export const PERSPECTIVE_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8c6d31', '#7e57c2'];
const NO_PERSPECTIVE_COLOR = '#7b8088';

/** A source's perspective tags as one label ("" when it has none). */
function perspectiveKey(p: readonly string[] | null | undefined): string {
  return [...(p ?? [])].sort((a, b) => a.localeCompare(b)).join(' + ');
}

interface Palette {
  /** perspective key → index into PERSPECTIVE_COLORS (-1: none) */
  index: Map<string, number>;
  /** the keys in legend order (alphabetical, "" last) with their source counts */
  keys: Array<{ key: string; sources: number }>;
}

function palette(nodes: readonly CitationGraphNode[]): Palette {
  const counts = new Map<string, number>();
  for (const n of nodes) if (n.kind === 'source') counts.set(perspectiveKey(n.perspective), (counts.get(perspectiveKey(n.perspective)) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const index = new Map<string, number>();
  let i = 0;
  for (const k of keys) index.set(k, k === '' ? -1 : i++ % PERSPECTIVE_COLORS.length);
  return { index, keys: keys.map((key) => ({ key, sources: counts.get(key) ?? 0 })) };
}

function colorOf(pal: Palette, key: string): string {
  const i = pal.index.get(key) ?? -1;
  return i < 0 ? NO_PERSPECTIVE_COLOR : PERSPECTIVE_COLORS[i]!;
}

function colorClass(pal: Palette, key: string): string {
  const i = pal.index.get(key) ?? -1;
  return i < 0 ? 'pc-none' : `pc-${i}`;
}

/** The source id of a source node (the API prefixes them with `source:`). */
function sourceIdOf(n: CitationGraphNode): string {
  return n.id.startsWith('source:') ? n.id.slice('source:'.length) : n.id;
}

function nodeHref(n: CitationGraphNode): string {
  return n.kind === 'source' ? sourcePath(sourceIdOf(n)) : workPath(n.id);
}

interface Shown {
  nodes: CitationGraphNode[];
  edges: CitationGraphResponse['edges'];
  works: number;
  sources: number;
  /** sources left out because they cite no work at this threshold */
  idle: CitationGraphNode[];
}

/** Works cited at least `min` times, the edges to them, and the sources that cite one of them. */
function filterGraph(data: CitationGraphResponse, min: number): Shown {
  const works = new Set(data.nodes.filter((n) => n.kind === 'work' && (n.citations || 0) >= min).map((n) => n.id));
  const edges = data.edges.filter((e) => works.has(e.target) || works.has(e.source));
  const linked = new Set<string>();
  for (const e of edges) {
    linked.add(e.source);
    linked.add(e.target);
  }
  const nodes: CitationGraphNode[] = [];
  const idle: CitationGraphNode[] = [];
  let sources = 0;
  for (const n of data.nodes) {
    if (n.kind === 'work') {
      if (works.has(n.id)) nodes.push(n);
    } else if (linked.has(n.id)) {
      nodes.push(n);
      sources++;
    } else idle.push(n);
  }
  return { nodes, edges, works: works.size, sources, idle };
}

export function CitationGraphPage({ loc }: { loc: Loc }): VNode {
  const m = Number.parseInt(loc.params.get('min') ?? '', 10);
  const min = m > 0 ? m : 1;
  const res = useApi<CitationGraphResponse>(CITATION_GRAPH_URL, { cache: true });
  useTitle('Citation network');
  const data = res.data;
  const pal = useMemo(() => palette(data?.nodes ?? []), [data]);
  const shown = useMemo(() => (data ? filterGraph(data, min) : null), [data, min]);

  return (
    <div class="page graph-page citation-graph-page">
      <h1 class="page-title">Who cites what</h1>
      <p class="muted intro-line">
        Sources and the works they cite. Each source is coloured by its perspective tags; each grey dot is a cited work, sized by its
        citations; a line joins a source to a work it cites, thicker the more often. Click a work to open its page, a source to read it. See
        also <a href="/works">the list of works</a> and <a href="/graph">who is named with whom</a>.
      </p>
      <div class="graph-tools">
        <label class="field field-inline">
          <span>Works cited at least</span>
          <select value={String(min)} data-testid="citation-graph-min" onChange={(e) => navigate(`/graph/citations${qs({ min: Number(e.currentTarget.value) > 1 ? e.currentTarget.value : null })}`, { replace: true })}>
            {[...new Set([...MINS, min])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={String(n)}>
                  {n === 1 ? 'once' : `${fmtInt(n)} times`}
                </option>
              ))}
          </select>
        </label>
        {data && <PerspectiveLegend pal={pal} />}
      </div>
      {res.error ? (
        <ErrorBox error={res.error} />
      ) : !data || !shown ? (
        <Loading label="Loading the network…" />
      ) : data.nodes.every((n) => n.kind !== 'work') ? (
        <p class="muted" data-testid="citation-graph">
          No cited works found. References are found when sources are analysed.
        </p>
      ) : (
        <>
          <p class="hint" aria-live="polite">
            {plural(shown.sources, 'source', 'sources')}, {plural(shown.works, 'work', 'works')}, {plural(shown.edges.length, 'link', 'links')}
            {shown.idle.length > 0 && ` · ${plural(shown.idle.length, 'source cites', 'sources cite')} no work${min > 1 ? ' this often' : ''}`}
          </p>
          {shown.nodes.length === 0 ? (
            <p class="muted" data-testid="citation-graph">
              No work is cited {fmtInt(min)} times or more. <a href="/graph/citations">Show every work</a>
            </p>
          ) : (
            <GraphView shown={shown} pal={pal} />
          )}
          <NodeList shown={shown} pal={pal} />
        </>
      )}
    </div>
  );
}

function PerspectiveLegend({ pal }: { pal: Palette }): VNode {
  return (
    <span class="legend" aria-label="Colours of the sources">
      {pal.keys.map(({ key, sources }) => (
        <span key={key || 'none'} class={`legend-item ${colorClass(pal, key)}`}>
          <span class="type-dot" aria-hidden="true" />
          {key || 'no perspective'}
          <span class="muted legend-count">{fmtInt(sources)}</span>
        </span>
      ))}
      <span class="legend-item pc-work">
        <span class="type-dot" aria-hidden="true" />
        cited work
      </span>
    </span>
  );
}

/** The canvas. Builds the graph once per answer and threshold; everything after that bypasses Preact. */
function GraphView({ shown, pal }: { shown: Shown; pal: Palette }): VNode {
  const box = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const container = box.current;
    if (!container) return;
    setFailed(null);
    let dispose: (() => void) | null = null;
    let cancelled = false;
    mountGraph(container, status.current, shown, pal).then(
      (d) => {
        if (cancelled) d();
        else dispose = d;
      },
      (e: unknown) => {
        if (!cancelled) setFailed(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [shown, pal]);
  return (
    <>
      {failed && (
        <div class="msg msg-error" role="alert">
          <strong class="msg-title">The network could not be drawn</strong>
          <p>{failed}</p>
          <p>
            It needs WebGL. The sources and works are listed below and on the <a href="/works">works page</a>.
          </p>
        </div>
      )}
      <div class="graph-wrap">
        <div class="graph-canvas" ref={box} data-testid="citation-graph" role="img" aria-label="Network of sources and the works they cite" />
        <span class="graph-status small muted" ref={status} aria-live="off" />
      </div>
    </>
  );
}

async function mountGraph(container: HTMLElement, statusEl: HTMLElement | null, shown: Shown, pal: Palette): Promise<() => void> {
  const [{ UndirectedGraph }, { default: Sigma }, { default: forceAtlas2 }] = await Promise.all([
    import('graphology'),
    import('sigma'),
    import('graphology-layout-forceatlas2'),
  ]);
  const setStatus = (s: string): void => {
    if (statusEl) statusEl.textContent = s;
  };
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const workColor = dark ? '#8a9099' : '#a7acb3';

  const graph = new UndirectedGraph();
  const byId = new Map<string, CitationGraphNode>();
  const works = shown.nodes.filter((n) => n.kind === 'work');
  const maxWork = works.reduce((m, n) => Math.max(m, n.citations || 0), 1);
  const maxSource = shown.nodes.reduce((m, n) => (n.kind === 'source' ? Math.max(m, n.citations || 0) : m), 1);
  const spread = Math.sqrt(shown.nodes.length) * 10 + 10;
  // big networks get smaller dots, so the picture is not one blot
  const maxSize = works.length > 2000 ? 8 : works.length > 500 ? 11 : 14;
  const forceSourceLabels = shown.sources <= FORCE_SOURCE_LABELS;
  for (const n of shown.nodes) {
    if (graph.hasNode(n.id)) continue;
    byId.set(n.id, n);
    const angle = hash01(n.id, 1) * Math.PI * 2;
    const radius = Math.sqrt(hash01(n.id, 2)) * spread;
    const source = n.kind === 'source';
    graph.addNode(n.id, {
      label: n.label || n.id,
      x: Math.cos(angle) * radius,
      y: Math.sin(angle) * radius,
      size: source ? 7 + 9 * Math.sqrt(Math.max(0, n.citations || 0) / maxSource) : 1.5 + maxSize * Math.sqrt(Math.max(0, n.citations || 0) / maxWork),
      color: source ? colorOf(pal, perspectiveKey(n.perspective)) : workColor,
      forceLabel: source && forceSourceLabels,
      zIndex: source ? 1 : 0,
    });
  }
  const maxWeight = shown.edges.reduce((m, e) => Math.max(m, e.weight || 0), 1);
  for (const e of shown.edges) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(e.source, e.target)) continue;
    const w = Math.max(1, e.weight || 1);
    graph.addEdge(e.source, e.target, { weight: w, size: 0.4 + 2.6 * (Math.log1p(w) / Math.log1p(maxWeight)) });
  }

  const order = graph.order;
  const textColor = cssVar('--text', '#1c1d1f');
  const surface = cssVar('--surface', '#ffffff');
  const edgeColor = dark ? '#3d434b' : '#d3d1cb';
  const faded = dark ? '#2b2f35' : '#e6e4df';

  let hovered: string | null = null;
  let neighbours = new Set<string>();

  const renderer = new Sigma(graph, container, {
    allowInvalidContainer: true,
    defaultEdgeColor: edgeColor,
    labelColor: { color: textColor },
    labelFont: getComputedStyle(document.body).fontFamily || 'sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelRenderedSizeThreshold: order > 1500 ? 7 : order > 300 ? 5 : order > 100 ? 4 : 0,
    labelDensity: 0.6,
    labelGridCellSize: 120,
    hideEdgesOnMove: graph.size > 4000,
    zIndex: true,
    defaultDrawNodeHover: drawHoverLabel(surface, textColor),
    nodeReducer: (node, attrs) => {
      if (hovered === null) return attrs;
      if (node === hovered) return { ...attrs, highlighted: true, zIndex: 3 };
      if (neighbours.has(node)) return { ...attrs, zIndex: 2 };
      return { ...attrs, color: faded, label: null, forceLabel: false, zIndex: 0 };
    },
    edgeReducer: (edge, attrs) => {
      if (hovered === null) return attrs;
      return graph.hasExtremity(edge, hovered) ? { ...attrs, color: textColor, zIndex: 1 } : { ...attrs, hidden: true };
    },
  });

  renderer.on('enterNode', ({ node }) => {
    hovered = node;
    neighbours = new Set(graph.neighbors(node));
    container.style.cursor = 'pointer';
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    hovered = null;
    neighbours = new Set();
    container.style.cursor = '';
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickNode', ({ node }) => {
    const n = byId.get(node);
    if (n) navigate(nodeHref(n));
  });

  // ForceAtlas2 for a bounded number of iterations: in the worker, or (if workers fail) a few per frame
  const settings: ForceAtlas2Settings = { ...FA2_DEFAULTS, ...forceAtlas2.inferSettings(graph), barnesHutOptimize: order > 400 };
  const total = order > 5000 ? 80 : order > 2000 ? 150 : order > 500 ? 300 : 500;
  container.dataset['layout'] = 'running';
  const finish = (): void => {
    setStatus('');
    container.dataset['layout'] = 'done';
  };
  const progress = (done: number): void => setStatus(`laying out… ${Math.round((100 * done) / total)}%`);
  let stopLayout: () => void = () => undefined;
  if (graph.size === 0 || order < 2) finish();
  else
    stopLayout = layoutInWorker(graph, settings, total, progress, finish, () => {
      stopLayout = layoutInFrames(graph, total, progress, finish, (g, n) => forceAtlas2.assign(g, { iterations: n, settings, getEdgeWeight: 'weight' }));
    });

  return () => {
    stopLayout();
    renderer.kill();
    setStatus('');
    delete container.dataset['layout'];
  };
}

// ------------------------------------------------------------------ layout (as on the entity network page)

/** The sources and the most cited works as plain links (for keyboards, screen readers, and machines without WebGL). */
function NodeList({ shown, pal }: { shown: Shown; pal: Palette }): VNode {
  const sources = useMemo(
    () => [...shown.nodes.filter((n) => n.kind === 'source'), ...shown.idle].sort((a, b) => (a.label || a.id).localeCompare(b.label || b.id)),
    [shown],
  );
  const works = useMemo(
    () =>
      shown.nodes
        .filter((n) => n.kind === 'work')
        .sort((a, b) => b.citations - a.citations || (a.label || a.id).localeCompare(b.label || b.id))
        .slice(0, 100),
    [shown],
  );
  return (
    <div class="graph-lists">
      <details class="graph-list">
        <summary>The {plural(sources.length, 'source', 'sources')}</summary>
        <ul class="co-list">
          {sources.map((n) => (
            <li key={n.id} class={colorClass(pal, perspectiveKey(n.perspective))}>
              <span class="type-dot" aria-hidden="true" />
              <a href={nodeHref(n)}>{n.label || sourceIdOf(n)}</a> <span class="muted small num" title="citations">{fmtInt(n.citations)}</span>{' '}
              <Tags items={n.perspective} />
            </li>
          ))}
        </ul>
      </details>
      <details class="graph-list">
        <summary>
          The {works.length < shown.works ? `${fmtInt(works.length)} most cited` : fmtInt(works.length)} {works.length === 1 ? 'work' : 'works'} in this network
        </summary>
        <ul class="co-list">
          {works.map((n) => (
            <li key={n.id} class="pc-work">
              <span class="type-dot" aria-hidden="true" />
              <a href={nodeHref(n)}>{n.label || n.id}</a> <span class="muted small num" title="citations">{fmtInt(n.citations)}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
