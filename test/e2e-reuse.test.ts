/**
 * End to end in headless Chromium, "quotations" and "sources of sources": the reuse list with its
 * filters, a family page with each copy beside the fullest text and its differences marked, the
 * reader's reuse layer linking back to the family; the works list and a work page, a claim with
 * its evidence, and the citation graph. The Moscow Trials corpus is ingested and analysed into a
 * temporary store; assertions are about structure, never about seed-specific counts.
 *
 * Needs the built web app (npm run build) and `chromium` on the PATH (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startCorpusServer, type CorpusServer } from './helpers/corpus-server.js';
import { ops } from '../src/ops/index.js';
import type { SqliteStore } from '../src/store/sqlite/index.js';

let srv: CorpusServer;
let store: SqliteStore;
let browser: Browser;
let url: string;

before(async () => {
  srv = await startCorpusServer('inquiry-e2e-reuse-');
  ({ store, browser, url } = srv);
});

after(async () => {
  await srv?.stop();
});

test('the reuse list filters to quotations across sources; a family shows each copy beside the base; the reader marks reused text', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}reuse`);
  await page.getByTestId('reuse-list').waitFor();
  await page.getByTestId('reuse-crossdoc').check();
  await page.waitForURL(/[?&]crossDoc=1/);
  await page.locator('[data-testid="reuse-row"][data-kind="quotation"]').first().waitFor();
  for (const k of await page.getByTestId('reuse-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))) assert.equal(k, 'quotation');
  // the family page: the base, then each copy side by side, word by word
  await page.getByTestId('reuse-link').first().click();
  await page.getByTestId('reuse-family').waitFor();
  await page.getByTestId('reuse-pairs').waitFor();
  assert.ok((await page.locator('.diff-pair').count()) >= 1, 'at least one copy beside the base');
  const key = (await page.getByTestId('reuse-family').getAttribute('data-kind')) ?? '';
  assert.equal(key, 'quotation');
  // into the reader at an occurrence; the reuse layer is on there and links back to a family
  await page.getByTestId('reuse-occurrence-link').first().click();
  await page.locator('[data-testid="reuse"]').first().waitFor();
  const href = (await page.locator('[data-testid="reuse"]').first().getAttribute('href')) ?? '';
  assert.match(href, /^\/reuse\//);
  assert.deepEqual(errors, []);
  await page.close();
});

test('works: the list leads to a work page with its citations; a claim page shows its evidence and the works it rests on; the citation graph draws', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}works`);
  await page.getByTestId('works-list').waitFor();
  await page.getByTestId('work-link').first().click();
  await page.getByTestId('work-page').waitFor();
  assert.ok((await page.getByTestId('work-citation').count()) >= 1, 'the places the work is cited are listed');
  await page.goto(`${url}evidence`);
  await page.getByTestId('evidence-list').waitFor();
  await page.getByTestId('evidence-link').first().click();
  await page.getByTestId('evidence-page').waitFor();
  assert.ok((await page.getByTestId('evidence-item').count()) >= 1, 'the claim shows its evidence');
  await page.goto(`${url}graph/citations`);
  await page.getByTestId('citation-graph').waitFor();
  await page.locator('[data-layout="done"]').waitFor({ timeout: 30000 });
  assert.deepEqual(errors, []);
  await page.close();
});
