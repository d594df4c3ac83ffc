import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, chooseFromMenu, cleanUp, setup } from './session.js';

afterEach(cleanUp);

describe.runIf(browserAvailable())('comparing versions', () => {
  it('names an action removed since the version by its number and words there', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const words = await actionBox(page, 'Action 1.2.2').textContent();
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByLabel('Label').fill('v1.1');
    await page.getByRole('button', { name: 'Agree this version' }).click();
    await expect.poll(() => page.getByRole('row', { name: /v1\.1/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await chooseFromMenu(page, 'action 1.2.2', 'Delete');
    await expect.poll(() => actionBox(page, 'Action 1.2.2').textContent()).not.toBe(words);
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByRole('button', { name: 'Compare' }).click();
    const changes = page.getByRole('region', { name: 'What changed from v1.1 to the plan now' });
    await expect.poll(() => changes.getByRole('listitem').filter({ hasText: 'removed' }).first().textContent()).toBe(`Action 1.2.2 removed: ${words}`);
  });
});
