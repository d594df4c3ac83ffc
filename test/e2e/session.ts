import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startRelayProcess, type RelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { launch } from './browser.js';

/** The built app, as the relay serves it. */
export const APP = join(dirname(fileURLToPath(import.meta.url)), '../../packages/app/dist');

/** What each test started, stopped after it in reverse order: `afterEach(cleanUp)` in each file. */
export const cleanup: Array<() => unknown> = [];
export async function cleanUp(): Promise<void> {
  for (const f of cleanup.splice(0).reverse()) await f();
}

/** A relay serving the built app with the demo plan, and a browser; both stopped after the test. */
export async function setup(dataDir = mkdtempSync(join(tmpdir(), 'coplan-e2e-'))): Promise<{ relay: RelayProcess; browser: Browser }> {
  const relay = await startRelayProcess(['--demo', '--static', APP], dataDir);
  cleanup.push(() => relay.stop('SIGKILL'));
  const browser = await launch();
  cleanup.push(() => browser.close());
  return { relay, browser };
}

/** A person arriving at the app for the first time: gives their name, lands on the demo plan. */
export async function arrive(context: BrowserContext, url: string, name: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Priority 1' }).waitFor();
  // Focus goes to the plan's heading, once it is drawn, rather than falling to the page.
  await page.waitForFunction(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.tagName === 'H1';
  });
  return page;
}

/** An action's text box, by its exact label ("Action 1.1.1"). */
export const actionBox = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });

/** Opens an item's one menu ("Actions for action 1.1.1") and chooses from it, as a person clicking would. */
export async function chooseFromMenu(page: Page, item: string, choice: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${item}`, exact: true }).click();
  await page
    .getByRole('menu', { name: `Actions for ${item}`, exact: true })
    .getByRole('menuitem', { name: choice, exact: true })
    .click();
}
