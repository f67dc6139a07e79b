/**
 * End to end in headless Chromium, "what happened when, and who says otherwise": the timeline
 * (lanes per source and per perspective, events with their details), the conflicts page (sides
 * next to each other, each claim with its source), a claim page with its comparisons, and the
 * reader's date and claim layers. The Moscow Trials corpus is ingested and analysed into a
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
  srv = await startCorpusServer('inquiry-e2e-time-');
  ({ store, browser, url } = srv);
});

after(async () => {
  await srv?.stop();
});

test('the timeline draws one lane per source and per perspective; an event opens its details with a reader link', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}timeline`);
  await page.getByTestId('timeline').waitFor();
  await page.getByTestId('timeline-event').first().waitFor();
  const lanes = await page.locator('.tl-lane').count();
  assert.ok(lanes >= 2, `several lanes (${lanes})`);
  await page.getByTestId('timeline-event').first().click();
  await page.getByTestId('timeline-selected').waitFor();
  const href = (await page.getByTestId('timeline-reader-link').getAttribute('href')) ?? '';
  assert.match(href, /^\/sources\/[^#]+#s-\d+-\d+$/);
  await page.goto(`${url}timeline?by=perspective`);
  await page.getByTestId('timeline-event').first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('conflicts show each disputed point with its sides next to each other; a claim page lists its comparisons; the reader marks dates and claims', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}conflicts`);
  await page.getByTestId('conflict-card').first().waitFor();
  const sides = await page.locator('[data-testid="conflict-card"]').first().locator('.dispute-side').count();
  assert.ok(sides >= 2, 'a disputed point has at least two sides');
  await page.getByTestId('conflict-link').first().click();
  await page.getByTestId('conflict-comparisons').waitFor();
  await page.goto(`${url}claims?relation=conflict`);
  await page.getByTestId('claim-row').first().waitFor();
  await page.getByTestId('claim-link').first().click();
  await page.getByTestId('claim-page').waitFor();
  // the reader with the date and claim layers switched on
  const src = (await ops.claims(store, { relation: 'conflict', limit: 1 })).items[0]!;
  await page.goto(`${url}sources/${encodeURIComponent(src.sourceId)}`);
  await page.getByTestId('dates-toggle').check();
  await page.getByTestId('date-mark').first().waitFor();
  await page.getByTestId('claims-toggle').check();
  await page.locator('[data-testid="claim-mark"]').first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
