/** Worker thread: processes files for the ingest pipeline (see process-file.ts). */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../core/errors.js';
import { processFile, type FileJob, type FileOutcome } from './process-file.js';

if (!parentPort) throw new Error('pipeline/worker must run in a worker thread');
const port = parentPort;
port.on('message', async (job: FileJob) => {
  let out: FileOutcome;
  try {
    out = await processFile(job);
  } catch (e) {
    out = { seq: job.seq, problems: [{ file: job.path, level: 'error', message: errorMessage(e) }], docs: [] };
  }
  port.postMessage(out);
});
