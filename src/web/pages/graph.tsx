/**
 * `/graph`: the co-mention network (who is named in the same passages as whom), drawn with sigma
 * (WebGL) on a graphology graph laid out by ForceAtlas2. The three libraries are loaded only here.
 *
 * Performance: Preact renders this page once per answer. Everything after that (layout steps,
 * hover highlighting, the layout status line) talks to sigma and the DOM directly, so thousands of
 * nodes never cause a Preact re-render per frame; labels are only drawn for nodes big enough on screen.
 */
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { GraphResponse } from '../api';
import { ENTITY_TYPES, entityPath, qs } from '../api';
import { isEntityType, TYPE_PLURAL, typeClass, typeColor, TypeLegend } from '../entity-ui';
import { cssVar, drawHoverLabel, FA2_DEFAULTS, hash01, layoutInFrames, layoutInWorker } from '../graph-layout';
import type { Loc } from '../router';
import { navigate } from '../router';
import { ErrorBox, fmtInt, Loading, useApi, useTitle } from '../ui';

const DEFAULT_LIMIT = 2000;
const LIMITS = [200, 500, 1000, 2000, 5000];

interface Params {
  type: string;
  minWeight: number;
  limit: number;
}

function paramsFrom(p: URLSearchParams): Params {
  const t = p.get('type') ?? '';
  const mw = Number.parseInt(p.get('minWeight') ?? '', 10);
  const limit = Number.parseInt(p.get('limit') ?? '', 10);
  return { type: isEntityType(t) ? t : '', minWeight: mw > 0 ? mw : 1, limit: limit > 0 ? limit : DEFAULT_LIMIT };
}

function query(p: Params, change: Partial<Params> = {}): string {
  const n = { ...p, ...change };
  return qs({ type: n.type, minWeight: n.minWeight > 1 ? n.minWeight : null, limit: n.limit === DEFAULT_LIMIT ? null : n.limit });
}

export function GraphPage({ loc }: { loc: Loc }): VNode {
  const p = paramsFrom(loc.params);
  const res = useApi<GraphResponse>(`/api/graph/entities${qs({ type: p.type, minWeight: p.minWeight, limit: p.limit })}`);
  useTitle('Graph');
  const [mw, setMw] = useState(String(p.minWeight));
  useEffect(() => setMw(String(p.minWeight)), [p.minWeight]);
  const go = (change: Partial<Params>): void => navigate(`/graph${query(p, change)}`, { replace: true });
  const commitMw = (value: string): void => {
    const n = Number.parseInt(value, 10);
    if (n > 0 && n !== p.minWeight) go({ minWeight: n });
  };

  const data = res.data;
  return (
    <div class="page graph-page">
      <h1 class="page-title">Who is named with whom</h1>
      <p class="muted intro-line">
        Each dot is an entity, sized by its mentions and coloured by type; a line joins two entities named in the same passage, thicker the more
        passages name both. Click a dot to open its page.
      </p>
      <div class="graph-tools">
        <label class="field field-inline">
          <span>Type</span>
          <select value={p.type} onChange={(e) => go({ type: e.currentTarget.value })}>
            <option value="">All types</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_PLURAL[t]}
              </option>
            ))}
          </select>
        </label>
        <form
          class="field field-inline"
          onSubmit={(e) => {
            e.preventDefault();
            commitMw(mw);
          }}
        >
          <label for="g-minw">Passages in common, at least</label>
          <input
            id="g-minw"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            class="input-narrow"
            value={mw}
            onInput={(e) => setMw(e.currentTarget.value)}
            onChange={(e) => commitMw(e.currentTarget.value)}
          />
        </form>
        <label class="field field-inline">
          <span>At most</span>
          <select value={String(p.limit)} onChange={(e) => go({ limit: Number(e.currentTarget.value) })}>
            {[...new Set([...LIMITS, p.limit])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={String(n)}>
                  {fmtInt(n)} entities
                </option>
              ))}
          </select>
        </label>
        <TypeLegend />
      </div>
      {res.error ? (
        <ErrorBox error={res.error} />
      ) : !data ? (
        <Loading label="Loading the network…" />
      ) : (
        <>
          <p class="hint" aria-live="polite">
            {fmtInt(data.nodes.length)} {data.nodes.length === 1 ? 'entity' : 'entities'}, {fmtInt(data.edges.length)}{' '}
            {data.edges.length === 1 ? 'link' : 'links'}
            {data.nodes.length >= p.limit ? ` (limited to ${fmtInt(p.limit)})` : ''}
            {res.loading ? ' · loading…' : ''}
          </p>
          <GraphView data={data} />
          <NodeList data={data} />
        </>
      )}
    </div>
  );
}

/** The canvas. Builds the graph once per answer; everything after that bypasses Preact. */
function GraphView({ data }: { data: GraphResponse }): VNode {
  const box = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const container = box.current;
    if (!container) return;
    setFailed(null);
    let dispose: (() => void) | null = null;
    let cancelled = false;
    mountGraph(container, status.current, data).then(
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
  }, [data]);
  return (
    <>
      {failed && (
        <div class="msg msg-error" role="alert">
          <strong class="msg-title">The network could not be drawn</strong>
          <p>{failed}</p>
          <p>It needs WebGL. The entities are listed below and on the <a href="/entities">entities page</a>.</p>
        </div>
      )}
      <div class="graph-wrap">
        <div class="graph-canvas" ref={box} data-testid="graph-canvas" role="img" aria-label="Network of entities named in the same passages" />
        <span class="graph-status small muted" ref={status} aria-live="off" />
      </div>
    </>
  );
}

async function mountGraph(container: HTMLElement, statusEl: HTMLElement | null, data: GraphResponse): Promise<() => void> {
  const [{ UndirectedGraph }, { default: Sigma }, { default: forceAtlas2 }] = await Promise.all([
    import('graphology'),
    import('sigma'),
    import('graphology-layout-forceatlas2'),
  ]);
  const setStatus = (s: string): void => {
    if (statusEl) statusEl.textContent = s;
  };

  const graph = new UndirectedGraph();
  const maxMentions = data.nodes.reduce((m, n) => Math.max(m, n.mentions || 0), 1);
  const spread = Math.sqrt(data.nodes.length) * 10 + 10;
  // big networks get smaller dots, so the picture is not one blot
  const maxSize = data.nodes.length > 2000 ? 8 : data.nodes.length > 500 ? 12 : 14;
  for (const n of data.nodes) {
    if (graph.hasNode(n.key)) continue;
    const angle = hash01(n.key, 1) * Math.PI * 2;
    const radius = Math.sqrt(hash01(n.key, 2)) * spread;
    graph.addNode(n.key, {
      label: n.name,
      x: Math.cos(angle) * radius,
      y: Math.sin(angle) * radius,
      size: 1.5 + maxSize * Math.sqrt(Math.max(0, n.mentions || 0) / maxMentions),
      color: typeColor(n.type),
      entityType: n.type,
    });
  }
  const maxWeight = data.edges.reduce((m, e) => Math.max(m, e.weight || 0), 1);
  for (const e of data.edges) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target) || graph.hasEdge(e.source, e.target)) continue;
    const w = Math.max(1, e.weight || 1);
    graph.addEdge(e.source, e.target, { weight: w, size: 0.4 + 2.6 * (Math.log1p(w) / Math.log1p(maxWeight)) });
  }

  const order = graph.order;
  const textColor = cssVar('--text', '#1c1d1f');
  const surface = cssVar('--surface', '#ffffff');
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
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
    // labels only for nodes drawn large enough, on a coarse grid: cheap with thousands of nodes
    labelRenderedSizeThreshold: order > 1500 ? 7 : order > 300 ? 5 : order > 100 ? 4 : 0,
    labelDensity: 0.6,
    labelGridCellSize: 120,
    hideEdgesOnMove: graph.size > 4000,
    zIndex: true,
    defaultDrawNodeHover: drawHoverLabel(surface, textColor),
    nodeReducer: (node, attrs) => {
      if (hovered === null) return attrs;
      if (node === hovered) return { ...attrs, highlighted: true, zIndex: 2 };
      if (neighbours.has(node)) return { ...attrs, zIndex: 1 };
      return { ...attrs, color: faded, label: null, zIndex: 0 };
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
  renderer.on('clickNode', ({ node }) => navigate(entityPath(node)));

  // ForceAtlas2 for a bounded number of iterations: in a worker, or (if workers fail) a few per frame
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
      stopLayout = layoutInFrames(graph, total, progress, finish, (g, n) =>
        forceAtlas2.assign(g, { iterations: n, settings, getEdgeWeight: 'weight' }),
      );
    });

  return () => {
    stopLayout();
    renderer.kill();
    setStatus('');
    delete container.dataset['layout'];
  };
}

/** The entities of the graph as plain links (for keyboards, screen readers, and machines without WebGL). */
function NodeList({ data }: { data: GraphResponse }): VNode {
  const top = useMemo(() => [...data.nodes].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, 100), [data]);
  return (
    <details class="graph-list">
      <summary>
        The {top.length < data.nodes.length ? `${fmtInt(top.length)} most mentioned` : fmtInt(top.length)} entities in this network
      </summary>
      <ul class="co-list">
        {top.map((n) => (
          <li key={n.key} class={typeClass(n.type)}>
            <span class="type-dot" aria-hidden="true" />
            <a href={entityPath(n.key)}>{n.name}</a> <span class="muted small num">{fmtInt(n.mentions)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
