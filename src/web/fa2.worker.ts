/**
 * ForceAtlas2 off the main thread. Receives the layout matrices (the format of
 * graphology-layout-forceatlas2: 10 floats per node, 3 per edge), runs a bounded number of
 * iterations, and posts the positions back now and then, and once at the end. Loaded as a
 * same-origin module worker (no blob: URL, so the app's Content-Security-Policy allows it).
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';

export interface LayoutRequest {
  nodes: Float32Array;
  edges: Float32Array;
  settings: Record<string, unknown>;
  iterations: number;
  /** stop early after this much work (ms) */
  maxMs: number;
  /** post positions at most this often (ms) */
  everyMs: number;
}

export interface LayoutProgress {
  done: number;
  total: number;
  final: boolean;
  /** x, y per node, in the order of the node matrix */
  xy: Float32Array;
}

const PPN = 10;

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutProgress, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

function positions(nodes: Float32Array): Float32Array {
  const n = nodes.length / PPN;
  const xy = new Float32Array(n * 2);
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    xy[i * 2] = nodes[j]!;
    xy[i * 2 + 1] = nodes[j + 1]!;
  }
  return xy;
}

scope.onmessage = (e) => {
  const { nodes, edges, settings, iterations, maxMs, everyMs } = e.data;
  const t0 = performance.now();
  let last = t0;
  let done = 0;
  while (done < iterations) {
    iterate(settings, nodes, edges);
    done++;
    const now = performance.now();
    if (now - t0 > maxMs) break;
    if (now - last > everyMs && done < iterations) {
      last = now;
      const xy = positions(nodes);
      scope.postMessage({ done, total: iterations, final: false, xy }, [xy.buffer]);
    }
  }
  const xy = positions(nodes);
  scope.postMessage({ done, total: iterations, final: true, xy }, [xy.buffer]);
};
