import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { axeViolations } from './axe.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

// A tracker whose headings Coplan knows none of: read first as a table with no headings.
const CSV = 'Ref code,Description,Team,Month\nW1,Publish the neglect strategy,Neglect Sub,March 2026\nW1,Train 100 staff,L&D Sub,June 2026\n';

describe.runIf(browserAvailable())('a table under headings Coplan does not know', () => {
  it('the person says the first row holds the headings, chooses what each holds, and the heading row is not imported as data', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Hana');
    await page.goto(relay.url + '/#/');
    await page.getByRole('button', { name: 'Bring in an existing plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bring in an existing plan' });
    await dialog.getByLabel('Choose a file').setInputFiles({ name: 'tracker.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect.poll(() => dialog.getByRole('row', { name: /^Column 2/ }).count()).toBe(1);
    await expect.poll(() => dialog.getByRole('listitem').filter({ hasText: 'No table has column headings' }).count()).toBe(1);
    await dialog.getByLabel('The first row holds the column headings').check();
    await expect.poll(() => dialog.getByRole('row', { name: /^Description/ }).count()).toBe(1);
    await dialog.getByLabel('Import column “Description” as').selectOption('action');
    await dialog.getByLabel('Import column “Team” as').selectOption('lead');
    await dialog.getByLabel('Import column “Month” as').selectOption('timescale');
    await dialog.getByLabel('Import column “Ref code” as').selectOption('priority');
    const counts = dialog.locator('.counts');
    await expect.poll(() => counts.textContent()).toMatch(/1 priority, 1 objective and 2 actions;\s+2 with leads, 2 with timescales\./);
    // The person's choices are theirs, not a confidence; the warning has gone; the heading row is nowhere in the plan.
    expect(await dialog.getByRole('row', { name: /^Team/ }).textContent()).toContain('your choice');
    await expect.poll(() => dialog.getByRole('listitem').filter({ hasText: 'No table has column headings' }).count()).toBe(0);
    expect(await dialog.getByRole('heading', { name: 'Not imported (0)' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Title of the new plan').fill('Tracker');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Plan title' }).textContent()).toBe('Tracker');
    await expect.poll(() => page.getByText(/^Leads: /).allTextContents()).toEqual(['Leads: Neglect Sub', 'Leads: L&D Sub']);
    expect(await page.getByText('Description', { exact: true }).count()).toBe(0);
  });
});
