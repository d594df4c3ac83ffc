import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localToday } from '@coplan/core';
import { periodLabel, periodOf } from '@coplan/core/scorecard';
import { browserAvailable } from './browser.js';
import { axeViolations } from './axe.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

// A scorecard as a business manager keeps it in Excel, copied as the cells are: tab-separated.
const SHEET = [
  'Indicator\tPriority\tOwner\tUnit\tTarget\tQ1 2025/26\tQ2 2025/26\tQ3 2025/26',
  'Referrals screened within one day\t1\tChildren’s Services\t%\t95\t96\t90\t84',
  'Strategy discussions within 3 days\t2\tPolice\t%\t80\t70\t78\tn/a',
].join('\n');

/** Pastes as a person does: the text goes on the clipboard, then Ctrl+V in the box. */
async function paste(page: Page, label: string, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByLabel(label).focus();
  await page.keyboard.press('Control+V');
}

/** The cells of a period's row in an indicator's table, as read on screen. */
const periodRow = (page: Page, indicator: string, period: string) => page.getByRole('table', { name: `Figures for ${indicator}` }).getByRole('row', { name: new RegExp(`^${period}`) });

describe.runIf(browserAvailable())('the scorecard', () => {
  it('takes figures pasted from a spreadsheet through a preview, shows their RAGs and trends, and takes one figure edited on its own', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
    const page = await arrive(context, relay.url, 'Beatrice');
    await page.getByRole('navigation', { name: 'Views of this plan' }).getByRole('button', { name: 'Scorecard' }).click();
    await expect.poll(() => page.getByText('No indicators yet.', { exact: false }).count()).toBe(1);

    await page.getByRole('button', { name: 'Paste or import figures…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste or import figures' });
    await paste(page, 'Paste the figures here', SHEET);
    // The preview: what changes, what is new, and what could not be read and why; nothing written yet.
    await expect.poll(() => dialog.locator('.summary').textContent()).toBe('10 figures to change, 2 new indicators; 0 already as in the plan; 1 thing not read.');
    expect(
      await dialog
        .getByRole('table', { name: 'Not read, and why' })
        .getByRole('row', { name: /row 3, Q3 2025\/26 n\/a Not a number/ })
        .count(),
    ).toBe(1);
    expect(await dialog.getByRole('table', { name: 'New indicators' }).getByRole('row').allTextContents()).toEqual([
      'IndicatorPriority',
      expect.stringMatching(/^Referrals screened within one day1\. /),
      expect.stringMatching(/^Strategy discussions within 3 days2\. /),
    ]);
    expect(await page.getByRole('heading', { name: 'Referrals screened within one day' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Apply 10 changes' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Applied 10 figures and added 2 indicators. Undo takes them all back.' }).count()).toBe(1);

    // RAG from the rules, as words: 96 of 95 green, 90 within 10% amber, 84 red.
    const referrals = 'Referrals screened within one day';
    await expect.poll(() => periodRow(page, referrals, 'Q1 2025/26').textContent()).toMatch(/96\s*95\s*Green/);
    expect(await periodRow(page, referrals, 'Q2 2025/26').textContent()).toMatch(/90\s*95\s*Amber/);
    expect(await periodRow(page, referrals, 'Q3 2025/26').textContent()).toMatch(/84\s*95\s*Red/);
    expect(await page.getByRole('img', { name: /^Referrals screened within one day: Q1 2025\/26 96% against 95; .* Latest getting worse/ }).count()).toBe(1);
    expect(await page.getByText('Latest figures: 0 green, 1 amber, 1 red.', { exact: false }).count()).toBe(1);

    // One figure on a tablet: a typing slip is refused and kept, then the right figure saved.
    await page.getByRole('button', { name: `Edit Q3 2025/26 figures for ${referrals}` }).tap();
    const form = page.getByRole('form', { name: `Figure for ${referrals}` });
    await form.getByLabel('Actual (%)').fill('9l');
    await form.getByRole('button', { name: 'Save figure' }).tap();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Actual: "9l" is not a number. Write it as 87, 87.5 or 87%, or leave it empty.');
    expect(await form.getByLabel('Actual (%)').inputValue()).toBe('9l');
    await form.getByLabel('Actual (%)').fill('94');
    await form.getByLabel('Commentary').fill('Back up after the new rota');
    await form.getByLabel('Actual (%)').press('Enter');
    await expect.poll(() => periodRow(page, referrals, 'Q3 2025/26').textContent()).toMatch(/94\s*95\s*Amber\s*Back up after the new rota/);
    expect(await page.getByRole('img', { name: /^Referrals screened within one day: .*94% against 95. Latest getting better/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // A figures row with keyboard focus says how the arrow keys move, as the outline's items do; a screen reader has it as the row's description.
    const row = periodRow(page, referrals, 'Q2 2025/26');
    expect(await row.getAttribute('aria-description')).toMatch(/^Up and down arrow keys: the other figures in this list/);
    await page.keyboard.press('Tab');
    await row.focus();
    await expect.poll(() => row.getByRole('rowheader').evaluate((el) => getComputedStyle(el, '::after').content)).toMatch(/^"Up and down arrow keys: the other figures\. Tab: into this one\."/);
  });

  it('adds an indicator with its details, takes a figure for it, and downloads the scorecard as Excel', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ acceptDownloads: true }), relay.url, 'Gethin');
    await page.getByRole('navigation', { name: 'Views of this plan' }).getByRole('button', { name: 'Scorecard' }).click();
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    const form = page.getByRole('form', { name: 'A new indicator' });
    // No name: refused with what to give, nothing added.
    await form.getByRole('button', { name: 'Add indicator' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^Give the indicator a name/);
    await form.getByLabel('Name of the indicator').fill('Missing episodes with a return interview');
    await form.getByLabel('Priority').selectOption({ index: 2 });
    await form.getByLabel('Owner agency').fill('Police');
    await form.getByLabel('Unit (such as %)').fill('%');
    await form.getByLabel('Better when the figure is').selectOption('higher');
    await form.getByLabel('Amber when short of target by at most (% of target)').fill('5');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Add indicator' }).click();
    const name = 'Missing episodes with a return interview';
    await expect.poll(() => page.getByRole('heading', { name, level: 4 }).count()).toBe(1);
    expect(await page.getByText('Owner: Police · Unit: % · Higher is better · Reported quarterly').count()).toBe(1);
    expect(await page.getByText('RAG: Green at or better than target; amber within 5% of it; otherwise red.').count()).toBe(1);
    // The form offers this business year's quarters and last year's: take this year's first two.
    const year = periodOf(localToday(), 'quarter').slice(0, 4);
    const [q1, q2] = [periodLabel(`${year}-Q1`), periodLabel(`${year}-Q2`)];
    await page.getByRole('button', { name: `Enter a figure for ${name}` }).click();
    const figure = page.getByRole('form', { name: `Figure for ${name}` });
    await figure.getByLabel('Period').selectOption({ label: q1 });
    await figure.getByLabel('Actual (%)').fill('71%');
    await figure.getByLabel('Target (%)').fill('80');
    await figure.getByRole('button', { name: 'Save figure' }).click();
    await expect.poll(() => periodRow(page, name, q1).textContent()).toMatch(/71\s*80\s*Red/);
    // Within the 5% band set above: amber.
    await page.getByRole('button', { name: `Enter a figure for ${name}` }).click();
    await figure.getByLabel('Period').selectOption({ label: q2 });
    await figure.getByLabel('Actual (%)').fill('77');
    await figure.getByLabel('Target (%)').fill('80');
    await figure.getByRole('button', { name: 'Save figure' }).click();
    await expect.poll(() => periodRow(page, name, q2).textContent()).toMatch(/77\s*80\s*Amber/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as Excel' }).click();
    const file = await (await download).path();
    // The workbook reads back in as it is: the preview finds every figure already in the plan.
    await page.getByRole('button', { name: 'Paste or import figures…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste or import figures' });
    await dialog.getByLabel('Or choose a CSV or Excel file').setInputFiles(file);
    await expect.poll(() => dialog.locator('.summary').textContent()).toBe('0 figures to change; 4 already as in the plan; 0 things not read.');
    expect(await dialog.getByText(/Period → period; Actual → actual; Target → target; RAG → not read: each RAG is worked out from the figures/).count()).toBe(1);
  });

  it('shows an indicator’s latest four periods, and every period on asking', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
    const page = await arrive(context, relay.url, 'Beatrice');
    await page.getByRole('navigation', { name: 'Views of this plan' }).getByRole('button', { name: 'Scorecard' }).click();
    await page.getByRole('button', { name: 'Paste or import figures…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste or import figures' });
    const quarters = ['Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26', 'Q2 2025/26'];
    await paste(page, 'Paste the figures here', [`Indicator\tPriority\tUnit\tTarget\t${quarters.join('\t')}`, 'Referrals screened within one day\t1\t%\t95\t91\t92\t93\t94\t95\t96'].join('\n'));
    await dialog.getByRole('button', { name: /^Apply \d+ changes$/ }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const table = page.getByRole('table', { name: 'Figures for Referrals screened within one day' });
    const periods = () => table.getByRole('rowheader').allTextContents();
    await expect.poll(periods).toEqual(quarters.slice(2));
    const more = page.getByRole('button', { name: 'Show all 6 periods of Referrals screened within one day' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    await expect.poll(periods).toEqual(quarters);
    const fewer = page.getByRole('button', { name: 'Show the latest 4 periods only of Referrals screened within one day' });
    expect(await fewer.getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await fewer.click();
    await expect.poll(periods).toEqual(quarters.slice(2));
  });
});
