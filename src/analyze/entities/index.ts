/**
 * Entity analysis of a corpus: detect mentions in every document (two passes, so that what
 * one document teaches helps read another), then cluster them into entities with evidence.
 * Pure: documents in, mentions and entities out; the pipeline stores them.
 */
import { clusterMentions, type ClusterResult } from './cluster.js';
import { collectCandidates, newDetectState, resolveCandidates, type DocInput } from './detect.js';

export type { DocInput, EntityType } from './detect.js';
export { ENTITY_TYPES } from './detect.js';
export type { Entity, Evidence, Mention, ClusterResult } from './cluster.js';

export interface AnalyzeProgress {
  (done: number, total: number, chars: number): void;
}

export function analyzeEntities(docs: DocInput[], progress?: AnalyzeProgress, timing?: (phase: string, ms: number) => void): ClusterResult {
  let t = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timing?.(phase, now - t);
    t = now;
  };
  const state = newDetectState();
  let chars = 0;
  for (let i = 0; i < docs.length; i++) {
    collectCandidates(docs[i]!, i, state);
    chars += docs[i]!.text.length;
    progress?.(i + 1, docs.length, chars);
  }
  lap('detect (pass 1)');
  const accepted = resolveCandidates(state);
  lap('resolve (pass 2)');
  // overlapping candidates cannot happen within one run scan, but runs split at "of" may touch: keep the first
  accepted.sort((a, b) => a.doc - b.doc || a.start - b.start || b.end - a.end);
  const clean = [];
  let lastDoc = -1;
  let lastEnd = -1;
  for (const c of accepted) {
    if (c.doc !== lastDoc) {
      lastDoc = c.doc;
      lastEnd = -1;
    }
    if (c.start < lastEnd) continue;
    clean.push(c);
    lastEnd = c.end;
  }
  const r = clusterMentions(docs, clean);
  lap('cluster');
  return r;
}
