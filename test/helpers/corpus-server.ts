/**
 * The bundled corpus ingested and analysed into a temporary store, opened read-only behind a server
 * on a free port, with a headless browser: what the browser tests of the analysis pages share.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ops } from '../../src/ops/index.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { defaultWebRoot, startServer } from '../../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { launchBrowser } from './browser.js';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface CorpusServer {
  store: SqliteStore;
  browser: Browser;
  url: string;
  stop: () => Promise<void>;
}

export async function startCorpusServer(prefix: string): Promise<CorpusServer> {
  assert.ok(existsSync(join(defaultWebRoot(), 'index.html')), 'the web app is built (npm run build)');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const w = openSqliteStore(join(dir, 'db.sqlite'));
  assert.equal((await ingestPaths(w, [join(ROOT, 'corpus/moscow-trials')])).errors.length, 0);
  await ops.analyze(w);
  await w.close();
  const store = openSqliteStore(join(dir, 'db.sqlite'), { readonly: true });
  const srv = await startServer(store, { host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  return {
    store,
    browser,
    url: srv.url,
    stop: async () => {
      await browser.close();
      await srv.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
