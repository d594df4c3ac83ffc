import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or CHROME_PATH; Playwright's own browser download does not work on these machines. */
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Locally, without Chromium they are
 * skipped with a note saying how to enable them; in CI (CI set) a missing
 * Chromium fails the run instead.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROME)) return true;
  if (process.env.CI) throw new Error(`No Chromium at ${CHROME}: CI must run the browser tests (.ci/run installs Debian's chromium).`);
  console.warn(`Browser tests skipped: no Chromium at ${CHROME}. Install it (apt-get install -y chromium) or set CHROME_PATH.`);
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
