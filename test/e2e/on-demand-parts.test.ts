import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { axeViolations } from './axe.js';
import { browserAvailable, launch } from './browser.js';
import { APP, actionBox, cleanUp, cleanup, setup } from './session.js';

afterEach(cleanUp);

const SECRET = 'e2e-secret';
const ownerToken = () => execFileSync(process.execPath, [BIN, 'token', '--secret', SECRET, '--plan', 'demo', '--role', 'owner', '--name', 'Business manager'], { encoding: 'utf8' }).trim();

/** The demo plan's owner, arrived and with the plan on screen; `serviceWorkers: 'block'` for a browser without the app saved for offline use. */
async function ownerOpensDemo(serviceWorkers: 'allow' | 'block') {
  const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', SECRET], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
  cleanup.push(() => relay.stop('SIGKILL'));
  const browser = await launch();
  cleanup.push(() => browser.close());
  const context = await browser.newContext({ serviceWorkers, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${relay.url}/#/plan/demo?token=${ownerToken()}`);
  await page.getByLabel('Your name').fill('Business manager');
  await page.getByRole('button', { name: 'Continue' }).click();
  await actionBox(page, 'Action 1.1.1').waitFor();
  return { relay, context, page };
}

/** A tab's button in the plan's views (the Reports tab has buttons of the same names). */
const tabButton = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views of this plan' }).getByRole('button', { name, exact: true });

/** What each tab that loads on demand shows once its code is here. */
const TABS: Array<[string, (page: Page) => ReturnType<Page['getByRole']>]> = [
  ['Register', (page) => page.getByRole('grid')],
  ['Dashboard', (page) => page.getByRole('heading', { name: 'RAG by priority' })],
  ['Scorecard', (page) => page.getByRole('heading', { name: 'Scorecard', exact: true })],
  ['Versions', (page) => page.getByRole('form', { name: 'Agree a version' })],
  ['Leads', (page) => page.getByRole('form', { name: 'Add a lead' })],
  ['Reports', (page) => page.getByRole('article', { name: 'Progress report' }).getByRole('table').first()],
  ['Governance', (page) => page.getByRole('heading', { name: 'Governance', exact: true })],
];

/**
 * Opening a plan fetches only what its Plan tab needs; every other tab, dialog and
 * tool loads when first chosen. These tests hold that each one still works offline
 * from the service worker's cache, and says what went wrong when it cannot load.
 */
describe.runIf(browserAvailable())('parts of the plan screen that load on demand', () => {
  it('offline after the first visit, every tab, dialog and Files tool loads from the service worker, and the Plan tab has its search, filters, details and item menus', async () => {
    const { relay, context, page } = await ownerOpensDemo('allow');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await relay.stop('SIGKILL');
    await context.setOffline(true);
    // A fresh page under the service worker, offline: nothing the earlier page loaded is in memory.
    await page.reload();
    await actionBox(page, 'Action 1.1.1').waitFor({ timeout: 15_000 });

    await page.getByRole('search', { name: 'Search this plan' }).waitFor();
    await page.getByRole('button', { name: 'Actions for action 1.1.1', exact: true }).waitFor();
    await page.getByText('About this plan: period, status, partnerships, principles and context').waitFor();

    for (const [tab, shown] of TABS) {
      await tabButton(page, tab).click();
      await shown(page).waitFor({ timeout: 15_000 });
    }
    expect(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()).toBe(0);

    await tabButton(page, 'Plan').click();
    await page.getByText('Files').click();
    const [coplan] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save a .coplan file' }).click()]);
    expect(readFileSync((await coplan.path())!).length).toBeGreaterThan(1000);
    await page.getByText('Files').click();
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).plan.priorities).toHaveLength(4);

    await page.getByText('Files').click();
    await page.getByRole('button', { name: 'Import into this plan…' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import into this plan' });
    await importDialog.getByLabel('Choose a file').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => importDialog.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('dialog', { name: 'Share this plan' }).waitFor();
  });

  it("when the Plan tab's extras cannot be fetched, the outline is still usable, it says so once (no fetch loop), and Try again brings search, filters and item menus", async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    let asked = 0;
    await context.route(/\/assets\/plan-extras-[\w-]+\.js$/, (route) => {
      asked++;
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    await page.goto(`${relay.url}/#/plan/demo`);
    await page.getByLabel('Your name').fill('Business manager');
    await page.getByRole('button', { name: 'Continue' }).click();
    const problem = page.getByRole('alert').filter({ hasText: "Search, filters and the plan's details could not be loaded" });
    await problem.waitFor();
    await actionBox(page, 'Action 1.1.1').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' still editable');
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toMatch(/ still editable$/);
    // Renders of the plan view (a tab and back) do not fetch again: only a person's Try again does.
    await tabButton(page, 'Dashboard').click();
    await page.getByRole('heading', { name: 'RAG by priority' }).waitFor();
    await tabButton(page, 'Plan').click();
    await problem.waitFor();
    expect(asked).toBe(1);

    await context.unroute(/\/assets\/plan-extras-[\w-]+\.js$/);
    await problem.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('search', { name: 'Search this plan' }).waitFor();
    await page.getByRole('button', { name: 'Actions for action 1.1.1', exact: true }).waitFor();
    await expect.poll(() => problem.count()).toBe(0);
  });

  it('with the network down and no service worker, a tab and a dialog each say what went wrong and what to do, a .coplan file can still be saved, and Try again loads them once the network is back', async () => {
    const { context, page } = await ownerOpensDemo('block');
    // The Plan tab's own extras arrive just after the outline, while the network is up.
    await page.getByRole('button', { name: 'Actions for action 1.1.1', exact: true }).waitFor();
    await context.setOffline(true);

    await tabButton(page, 'Scorecard').click();
    const scorecardProblem = page.getByRole('alert').filter({ hasText: 'The Scorecard tab could not be loaded' });
    await scorecardProblem.waitFor();
    expect(await scorecardProblem.textContent()).toMatch(/Check your connection and choose Try again\. Nothing in your plan was lost\./);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByText('Files').click();
    await page.getByRole('button', { name: 'Import into this plan…' }).click();
    await page.getByRole('alert').filter({ hasText: 'The import dialog could not be loaded' }).waitFor();
    // The Files menu's save tools came with the extras: a .coplan file can still be saved.
    await page.getByText('Files').click();
    const [offlineCopy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save a .coplan file' }).click()]);
    expect(offlineCopy.suggestedFilename()).toMatch(/\.coplan$/);
    // Nothing else broke: the plan can still be edited.
    await tabButton(page, 'Plan').click();
    await actionBox(page, 'Action 1.1.1').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' offline');
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toMatch(/ offline$/);

    await context.setOffline(false);
    // Try again does what was asked: the import dialog opens.
    await page.getByRole('alert').filter({ hasText: 'The import dialog could not be loaded' }).getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('dialog', { name: 'Import into this plan' }).getByLabel('Choose a file').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()).toBe(0);
    // Back on the Scorecard tab, its code is fetched afresh.
    await tabButton(page, 'Scorecard').click();
    await page.getByRole('heading', { name: 'Scorecard', exact: true }).waitFor();
    await expect.poll(() => scorecardProblem.count()).toBe(0);
  });
});
