/**
 * End to end in headless Chromium (Debian's chromium, driven by playwright-core):
 * search, open a hit in the reader at its passage, switch to raw; and a hostile
 * source (<script>, event handlers, javascript: links) that must never run code.
 *
 * Needs the built web app (npm run build; npm install does it) and `chromium` on the
 * PATH (.ci/run installs it). Set INQUIRY_CHROMIUM to use another binary.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { ingestPaths } from '../src/pipeline/ingest.js';
import { defaultWebRoot, startServer } from '../src/server/app.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/index.js';

const ROOT = new URL('..', import.meta.url).pathname;


let dir: string;
let store: SqliteStore;
let browser: Browser;
let url: string;
let close: () => Promise<void>;

before(async () => {
  assert.ok(existsSync(join(defaultWebRoot(), 'index.html')), 'the web app is built (npm run build)');
  dir = mkdtempSync(join(tmpdir(), 'inquiry-e2e-'));
  const hostile = join(dir, 'hostile');
  execFileSync('mkdir', ['-p', hostile]);
  writeFileSync(
    join(hostile, 'hostile.txt'),
    [
      'A hostile source about the Zubatov affair',
      '',
      'This text mentions Zubatov and carries <script>window.__pwned = 1; alert("xss")</script> inside it.',
      '',
      'An image: <img src=x onerror="window.__pwned = 2"> and a link <a href="javascript:window.__pwned=3">click Zubatov</a>.',
      '',
      '<svg onload="window.__pwned=4"></svg> <iframe src="javascript:alert(1)"></iframe> Zubatov again.',
    ].join('\n'),
  );
  const w = openSqliteStore(join(dir, 'db.sqlite'));
  const s = await ingestPaths(w, [join(ROOT, 'corpus/moscow-trials'), hostile]);
  assert.equal(s.errors.length, 0);
  await w.close();
  store = openSqliteStore(join(dir, 'db.sqlite'), { readonly: true });
  const srv = await startServer(store, { host: '127.0.0.1', port: 0 });
  url = srv.url;
  close = srv.close;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await close?.();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('search, open a hit in the reader at its passage, switch to raw', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('search-input').fill('"Hotel Bristol"');
  await page.getByTestId('search-submit').click();
  await page.getByTestId('search-results').waitFor();
  const hits = page.getByTestId('search-hit');
  assert.ok((await hits.count()) >= 1);
  assert.match(page.url(), /q=%22Hotel(\+|%20)Bristol%22/);
  const firstMarks = await hits.first().locator('mark').allTextContents();
  assert.ok(firstMarks.some((m) => /hotel bristol/i.test(m)), `highlighted: ${firstMarks.join('|')}`);
  await hits.first().getByTestId('hit-link').click();
  await page.getByTestId('reader-text').waitFor();
  assert.match(page.url(), /\/sources\/[^/?#]+\?q=.*#p-/);
  const hash = new URL(page.url()).hash.slice(1);
  const target = page.locator(`[id="${hash}"]`);
  await target.waitFor();
  assert.match((await target.textContent()) ?? '', /Hotel Bristol/);
  assert.ok((await target.locator('mark').count()) >= 1, 'the hit is highlighted in the reader');
  await page.waitForFunction((id) => {
    // runs in the page (this file is type-checked without DOM types)
    const w = globalThis as unknown as { innerHeight: number; document: { getElementById(i: string): { getBoundingClientRect(): { top: number; bottom: number } } | null } };
    const el = w.document.getElementById(id);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top < w.innerHeight && r.bottom > 0;
  }, hash);
  assert.ok((await page.getByTestId('source-title').textContent())?.length);
  // switch to raw: the raw text is shown
  await page.getByTestId('raw-toggle').click();
  await page.waitForURL(/raw=1/);
  await page.getByTestId('reader-text').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a hostile source is shown as text and never runs code', async () => {
  const page = await browser.newPage();
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await page.goto(`${url}search?q=Zubatov`);
  await page.getByTestId('search-results').waitFor();
  await page.getByTestId('search-hit').first().getByTestId('hit-link').click();
  await page.getByTestId('reader-text').waitFor();
  const text = (await page.getByTestId('reader-text').textContent()) ?? '';
  assert.match(text, /<script>window\.__pwned = 1/, 'the markup is shown as text');
  for (const raw of [false, true]) {
    if (raw) {
      await page.getByTestId('raw-toggle').click();
      await page.waitForURL(/raw=1/);
      await page.getByTestId('reader-text').waitFor();
    }
    const inside = page.getByTestId('reader-text');
    assert.equal(await inside.locator('script, img, iframe, svg, a[href^="javascript"]').count(), 0);
    // clicking where the link text is does nothing
    await page.getByText('click Zubatov').first().click();
  }
  assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned ?? 0), 0);
  assert.equal(dialogs, 0);
  await page.close();
});
