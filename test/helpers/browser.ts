/** Headless Debian Chromium through playwright-core, shared by the browser tests. */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** $INQUIRY_CHROMIUM, or the first chromium on the PATH */
export function chromiumPath(): string {
  if (process.env.INQUIRY_CHROMIUM) return process.env.INQUIRY_CHROMIUM;
  for (const c of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [c], { encoding: 'utf8' }).trim();
    } catch {
      /* next */
    }
  }
  throw new Error('no chromium on the PATH: apt-get install chromium (or set INQUIRY_CHROMIUM)');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
