import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

const CSV = 'Objective,Action,Lead,Timescale\nHear the child,Run a voice-of-the-child survey at the venue,Participation Officer,September 2026\n';

/**
 * An officer at a venue with no network: the relay is gone and the tablet is
 * offline, yet the Word writer, the reports and the importer (all loaded on
 * demand, never on first load) still work, from the service worker's cache.
 */
describe.runIf(browserAvailable())('plans in and out with no network', () => {
  it('publishes Word, shows a report and imports a CSV into the plan, offline', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await arrive(context, relay.url, 'Olu');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload(); // under the service worker's control
    await actionBox(page, 'Action 1.1.1').waitFor();
    await relay.stop('SIGKILL');
    await context.setOffline(true);
    await page.reload();
    await actionBox(page, 'Action 1.1.1').waitFor({ timeout: 15_000 });

    await page.getByText('Files').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word (.docx)' }).click()]);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Progress report' }).getByRole('table').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await page.getByText('Files').click();
    await page.getByRole('button', { name: 'Import into this plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into this plan' });
    await dialog.getByLabel('Choose a file').setInputFiles({ name: 'venue.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect.poll(() => dialog.locator('.counts').textContent()).toMatch(/1 action/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByText('Run a voice-of-the-child survey at the venue', { exact: true }).count()).toBe(1);
  });
});
