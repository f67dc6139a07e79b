/**
 * What the two network pages share (`/graph`, `/graph/citations`): deterministic start positions,
 * theme colours, the hovered node's label, and ForceAtlas2 run in a module worker (`fa2.worker.ts`) or, failing that, on the
 * main thread a few iterations per frame.
 */
import type { AbstractGraph } from 'graphology-types';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { LayoutProgress, LayoutRequest } from './fa2.worker';

/** time per frame given to layout steps on the main thread */
const FRAME_BUDGET_MS = 12;

/** Deterministic start positions (a hash of the key), so the same data gives the same picture. */
export function hash01(s: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 100000) / 100000;
}

export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** graphology-layout-forceatlas2's defaults (the worker gets complete settings). */
export const FA2_DEFAULTS: Required<ForceAtlas2Settings> = {
  linLogMode: false,
  outboundAttractionDistribution: false,
  adjustSizes: false,
  edgeWeightInfluence: 1,
  scalingRatio: 1,
  strongGravityMode: false,
  gravity: 1,
  slowDown: 1,
  barnesHutOptimize: false,
  barnesHutTheta: 0.5,
};

/** The layout matrices of graphology-layout-forceatlas2 (10 floats per node, 3 per edge; edges refer to node offsets). */
function layoutMatrices(graph: AbstractGraph): { nodes: Float32Array; edges: Float32Array } {
  const PPN = 10;
  const nodes = new Float32Array(graph.order * PPN);
  const edges = new Float32Array(graph.size * 3);
  const index = new Map<string, number>();
  let j = 0;
  graph.forEachNode((node, a) => {
    index.set(node, j);
    nodes[j] = a['x'] as number;
    nodes[j + 1] = a['y'] as number;
    nodes[j + 6] = 1; // mass (plus the weighted degree, below)
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = (a['size'] as number) || 1;
    j += PPN;
  });
  j = 0;
  graph.forEachEdge((_edge, a, source, target) => {
    const sj = index.get(source)!;
    const tj = index.get(target)!;
    const w = (a['weight'] as number) || 1;
    nodes[sj + 6]! += w;
    nodes[tj + 6]! += w;
    edges[j] = sj;
    edges[j + 1] = tj;
    edges[j + 2] = w;
    j += 3;
  });
  return { nodes, edges };
}

/**
 * Run the layout in a module worker; positions come back a few times a second and are applied
 * once per animation frame at most (sigma re-renders on the graph update). Calls `fallback` if the
 * worker cannot run. Returns a stop function.
 */
export function layoutInWorker(
  graph: AbstractGraph,
  settings: ForceAtlas2Settings,
  total: number,
  progress: (done: number) => void,
  finish: () => void,
  fallback: () => void,
): () => void {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    fallback();
    return () => undefined;
  }
  let pending: LayoutProgress | null = null;
  let frame = 0;
  let stopped = false;
  let heard = false;
  const apply = (): void => {
    frame = 0;
    const m = pending;
    pending = null;
    if (!m || stopped) return;
    let i = 0;
    graph.updateEachNodeAttributes((_node, a) => {
      a['x'] = m.xy[i];
      a['y'] = m.xy[i + 1];
      i += 2;
      return a;
    });
    if (m.final) {
      worker.terminate();
      finish();
    } else progress(m.done);
  };
  worker.onmessage = (e: MessageEvent<LayoutProgress>) => {
    heard = true;
    pending = e.data;
    if (!frame) frame = requestAnimationFrame(apply);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    if (!stopped && !heard) fallback();
  };
  const { nodes, edges } = layoutMatrices(graph);
  const req: LayoutRequest = { nodes, edges, settings: { ...settings }, iterations: total, maxMs: 20000, everyMs: 150 };
  worker.postMessage(req, [nodes.buffer, edges.buffer]);
  progress(0);
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
    worker.terminate();
  };
}

/** The same on the main thread: as many iterations per frame as fit in a small time budget. */
export function layoutInFrames(
  graph: AbstractGraph,
  total: number,
  progress: (done: number) => void,
  finish: () => void,
  run: (graph: AbstractGraph, iterations: number) => void,
): () => void {
  let done = 0;
  let chunk = 1;
  let frame = 0;
  let stopped = false;
  const step = (): void => {
    if (stopped) return;
    const t0 = performance.now();
    const n = Math.min(chunk, total - done);
    run(graph, n);
    done += n;
    const dt = performance.now() - t0;
    chunk = Math.max(1, Math.min(50, Math.round((n * FRAME_BUDGET_MS) / Math.max(dt, 0.5))));
    if (done < total) {
      progress(done);
      frame = requestAnimationFrame(step);
    } else finish();
  };
  frame = requestAnimationFrame(step);
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
  };
}

interface HoverData {
  x: number;
  y: number;
  size: number;
  label?: string | null;
}
interface HoverSettings {
  labelSize: number;
  labelWeight: string;
  labelFont: string;
}

/** sigma's hovered node: a disc and its label on a card in the page's surface colour */
export function drawHoverLabel(surface: string, textColor: string) {
  return (ctx: CanvasRenderingContext2D, d: HoverData, settings: HoverSettings): void => {
    const size = settings.labelSize;
    const label = typeof d.label === 'string' ? d.label : '';
    ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const r = Math.max(d.size, size / 2) + 2;
    ctx.fillStyle = surface;
    ctx.shadowOffsetX = 0;
    ctx.shadowOffsetY = 0;
    ctx.shadowBlur = 8;
    ctx.shadowColor = 'rgba(0,0,0,0.35)';
    ctx.beginPath();
    ctx.arc(d.x, d.y, r, 0, Math.PI * 2);
    ctx.fill();
    if (label) ctx.fillRect(d.x + r - 2, d.y - size / 2 - 4, ctx.measureText(label).width + 10, size + 8);
    ctx.shadowBlur = 0;
    ctx.fillStyle = textColor;
    if (label) ctx.fillText(label, d.x + r + 3, d.y + size / 3);
  };
}
