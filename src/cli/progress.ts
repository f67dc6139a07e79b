/** Ingest progress: a bar (files, MB/s, ETA) on a terminal; plain lines otherwise. */
import cliProgress from 'cli-progress';
import { formatProblem } from '../core/errors.js';
import type { IngestEvent, IngestSummary } from '../pipeline/ingest.js';

interface Streams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; columns?: number };
}

export function ingestReporter(o: Streams & { json: boolean; progress: boolean }) {
  let bar: cliProgress.SingleBar | null = null;
  let t0 = 0;
  let done = 0;
  let files = 0;
  let totalFiles = 0;
  const mbps = () => {
    const s = (performance.now() - t0) / 1000;
    return s > 0 ? (done / 2 ** 20 / s).toFixed(1) : '0.0';
  };
  const onEvent = (e: IngestEvent) => {
    switch (e.type) {
      case 'plan':
        t0 = performance.now();
        totalFiles = e.files;
        if (o.progress && e.files > 0) {
          bar = new cliProgress.SingleBar(
            {
              format: 'ingest [{bar}] {percentage}% | {files}/{totalFiles} files | {mbps} MB/s | ETA {eta_formatted} | {file}',
              stream: o.stderr as NodeJS.WritableStream,
              hideCursor: true,
              etaBuffer: 50,
              fps: 10,
              clearOnComplete: false,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(Math.max(1, e.bytes), 0, { files: 0, totalFiles: e.files, mbps: '0.0', file: '' });
        }
        break;
      case 'file-start':
        bar?.update(done, { file: shorten(e.file, 30), files, totalFiles, mbps: mbps() });
        break;
      case 'file-done':
        done += e.bytes;
        files++;
        if (bar) bar.update(done, { files, totalFiles, mbps: mbps() });
        else if (!o.json) {
          for (const r of e.results) o.stdout.write(`${r.status.padEnd(9)} ${r.sourceId}  ${e.file}  (${r.passages} passages)\n`);
        }
        break;
      case 'problem':
        if (bar) {
          // print above the bar
          o.stderr.write('\r\x1b[K' + formatProblem(e.problem) + '\n');
        } else o.stderr.write(formatProblem(e.problem) + '\n');
        break;
    }
  };
  const finish = (s: IngestSummary) => {
    if (bar) {
      bar.update(Math.max(1, s.bytes), { files, totalFiles, mbps: mbps(), file: '' });
      bar.stop();
    }
    if (!o.json) {
      const c = s.sources;
      o.stdout.write(
        `${s.files} file${s.files === 1 ? '' : 's'}, ${(s.bytes / 2 ** 20).toFixed(2)} MB in ${s.seconds.toFixed(1)} s: ` +
          `${c.added} added, ${c.updated} updated, ${c.metadata} metadata updated, ${c.unchanged} unchanged; ` +
          `${s.errors.length} error${s.errors.length === 1 ? '' : 's'}, ${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}\n`,
      );
    }
  };
  return { onEvent, finish };
}

function shorten(p: string, n: number): string {
  return p.length <= n ? p : '…' + p.slice(p.length - n + 1);
}

/** Analysis progress: a bar over the corpus's characters (MB/s, ETA) on a terminal; a summary line otherwise. */
export function analyzeReporter(o: Streams & { json: boolean; progress: boolean }) {
  let bar: cliProgress.SingleBar | null = null;
  let t0 = 0;
  const onProgress = (e: { done: number; total: number; chars: number }) => {
    if (!o.progress) return;
    if (!bar) {
      t0 = performance.now();
      bar = new cliProgress.SingleBar(
        {
          format: 'entities [{bar}] {percentage}% | {done}/{total} sources | {mbps} M chars/s | ETA {eta_formatted}',
          stream: o.stderr as NodeJS.WritableStream,
          hideCursor: true,
          fps: 10,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(1, e.total), 0, { done: 0, total: e.total, mbps: '0.0' });
    }
    const s = (performance.now() - t0) / 1000;
    bar.update(e.done, { done: e.done, total: e.total, mbps: s > 0 ? (e.chars / 1e6 / s).toFixed(1) : '0.0' });
  };
  const finish = (r: {
    mentions: number;
    entities: number;
    byType: Record<string, number>;
    curation: { entries: number; applied: number; stale: number };
    ms: number;
    reuse?: { families: number; quotations: number; duplicates: number; occurrences: number; meaningChanging: number; ms: number } | null;
    citations?: { claims: number; citations: number; works: number; unresolved: number; ms: number };
    time?: { dates: number; unresolved: number; events: number; conflictingEvents: number; claims: number; comparisons: { agree: number; partial: number; conflict: number }; disputes: number; ms: number };
  }) => {
    bar?.stop();
    if (o.json) return;
    const types = Object.entries(r.byType).map(([k, v]) => `${v} ${k}`).join(', ');
    o.stdout.write(`entities: ${r.mentions} mentions, ${r.entities} entities (${types}) in ${(r.ms / 1000).toFixed(1)} s${r.curation.entries ? `; curation: ${r.curation.applied} applied, ${r.curation.stale} stale` : ''}\n`);
    if (r.reuse) {
      const q = r.reuse;
      o.stdout.write(`reuse: ${q.families} families (${q.quotations} quoted across sources, ${q.duplicates} repeated within one), ${q.occurrences} occurrences, ${q.meaningChanging} altered in meaning, in ${(q.ms / 1000).toFixed(1)} s\n`);
    }
    if (r.citations) o.stdout.write(`citations: ${r.citations.citations} references to ${r.citations.works} works (${r.citations.unresolved} not tied to a work), ${r.citations.claims} claims with their evidence, in ${(r.citations.ms / 1000).toFixed(1)} s\n`);
    if (r.time) o.stdout.write(`time and claims: ${r.time.dates} date expressions (${r.time.unresolved} unresolved), ${r.time.events} events (${r.time.conflictingEvents} with dates other sources contradict), ${r.time.claims} checkable claims: ${r.time.comparisons.agree} agreements, ${r.time.comparisons.partial} partial, ${r.time.comparisons.conflict} conflicts in ${r.time.disputes} disputed points, in ${(r.time.ms / 1000).toFixed(1)} s\n`);
  };
  return { onProgress, finish };
}
