import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { arrive, cleanUp, setup } from './session.js';
import { focusedStop as focused } from './focus.js';

afterEach(cleanUp);

/** Presses Tab from where focus is until `done` says where it is, at most `max` times: the stops visited. */
async function tabUntil(page: Page, done: (stop: string) => boolean, max = 400): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < max && !done(visited.at(-1) ?? ''); i++) {
    await page.keyboard.press('Tab');
    visited.push(await focused(page));
  }
  return visited;
}

const BUSINESS_YEAR = (s: string) => /^SELECT \d{4}\/\d{2}/.test(s);

async function governance(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Governance', exact: true }).click();
  await page.getByRole('button', { name: "Start from Lincolnshire's arrangements (an example to edit)" }).click();
  await page.getByRole('heading', { name: 'Strategic Management Group', exact: true }).waitFor();
}

/** The element with focus inside the governance view (through its shadow root), as a locator would name it. */
const inGovernance = (page: Page, css: string) => page.locator(`governance-view ${css}`);
const hasFocus = (page: Page, css: string) => inGovernance(page, css).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);

describe.runIf(browserAvailable())('one Tab stop per list in the governance view', () => {
  it('crosses 17 agencies and 5 groups in 19 Tab presses (77 with every row and group in the Tab order), the arrows moving among them; axe-clean', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await governance(page);
    await page.locator('governance-view summary').first().click(); // the agencies' table open
    await page.getByRole('button', { name: 'Governance', exact: true }).focus();
    const visited = await tabUntil(page, BUSINESS_YEAR);
    expect(visited.length).toBe(19);
    expect(visited).not.toContain('BODY');
    // One agency row and one group in the Tab order: the first of each.
    expect(visited.filter((v) => v.startsWith('TR '))).toEqual(['TR Agency Lincolnshire County Council']);
    expect(visited.filter((v) => v.startsWith('SECTION '))).toHaveLength(1);
    expect(visited.filter((v) => /Operational Delivery Group/.test(v))).toEqual([]);
    // Arrows, Home and End among the agencies; Tab then enters the row reached, and only it.
    await inGovernance(page, 'tr[aria-label="Agency Lincolnshire County Council"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('TR Agency Lincolnshire Police');
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe('TR Agency Lay members');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toBe('TR Agency East Midlands Ambulance Service');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('INPUT Name of agency East Midlands Ambulance Service');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe('TR Agency Lincolnshire County Council');
    // Among the groups: the one reached holds the tab stop, and its meetings' form is the one Tab reaches.
    await inGovernance(page, 'section[data-kind="group"]').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await hasFocus(page, 'section[data-kind="group"]:nth-child(2)')).toBe(true);
    const inGroup = await tabUntil(page, (s) => s === 'BUTTON New meeting', 10);
    expect(inGroup.at(-1)).toBe('BUTTON New meeting');
    expect(await inGovernance(page, 'form[data-add="meeting"]:focus-within').getAttribute('aria-label')).toBe('New meeting of the Operational Delivery Group');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps focus off the page after adding, deleting, opening and leaving a meeting, and closing the rules', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await governance(page);
    await page.locator('governance-view summary').first().click();
    // Adding an agency: focus stays on the form's button, the new agency listed.
    const add = page.getByRole('form', { name: 'Add an agency' });
    await add.getByLabel('Agency').fill('Barnardo’s');
    await add.getByRole('button', { name: 'Add agency' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Name of agency Barnardo’s' }).waitFor();
    expect(await focused(page)).toBe('BUTTON Add agency');
    // Deleting an agency from the keyboard: focus goes to the row now in its place, and screen readers hear it.
    await inGovernance(page, 'tr[aria-label="Agency Prisons"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Remove agency: Prisons');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('TR Agency Youth Offending Service');
    await expect.poll(() => inGovernance(page, 'p[role="status"]').first().textContent()).toBe('Agency Prisons is no longer in the plan. Focus is on agency Youth Offending Service.');
    // The last agency deleted: focus goes to the one before.
    await page.getByRole('button', { name: 'Remove agency: Barnardo’s' }).click();
    await expect.poll(() => focused(page)).toBe('TR Agency Lay members');
    // A seat deleted: focus goes to its neighbour seat.
    const rules = page.getByText("Edit the Strategic Management Group's rules and seats");
    await rules.click();
    const seats = inGovernance(page, 'tbody[data-list="seat"]').first();
    const second = await seats.locator('tr').nth(1).getAttribute('aria-label');
    await seats.locator('tr').first().getByRole('button').click();
    await expect.poll(() => focused(page)).toBe(`TR ${second}`);
    // Closing the rules from the keyboard: focus stays on their summary.
    await rules.focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatch(/^SUMMARY Edit the Strategic Management Group/);
    // A new meeting opens with focus on its heading; going back puts it on that meeting's Open button.
    const form = page.getByRole('form', { name: 'New meeting of the Strategic Management Group' });
    await form.getByLabel('Date').fill('2026-06-11');
    await form.getByRole('button', { name: 'New meeting' }).click();
    await expect.poll(() => focused(page)).toBe('H3 Strategic Management Group: meeting on 1');
    await page.getByRole('button', { name: 'Back to the groups' }).click();
    await expect.poll(() => focused(page)).toBe('BUTTON Open the meeting on 11 June 2026');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('H3 Strategic Management Group: meeting on 1');
    expect(await axeViolations(page)).toEqual([]);
  });
});

// Four indicators with four quarters each, as a business manager copies them out of Excel.
const SHEET = [
  'Indicator\tPriority\tOwner\tUnit\tTarget\tQ1 2025/26\tQ2 2025/26\tQ3 2025/26\tQ4 2025/26',
  'Referrals screened within one day\t1\tChildren’s Services\t%\t95\t96\t90\t84\t93',
  'Strategy discussions within 3 days\t2\tPolice\t%\t80\t70\t78\t81\t79',
  'Return interviews within 72 hours\t2\tChildren’s Services\t%\t85\t80\t82\t86\t88',
  'Audits completed on time\t3\tBusiness unit\t%\t100\t100\t90\t95\t100',
].join('\n');

/** What has focus is inside the scorecard view. */
const inScorecard = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    const path: Element[] = [];
    while (el) {
      path.push(el);
      el = el.shadowRoot?.activeElement ?? null;
    }
    return path.some((x) => x.tagName === 'SCORECARD-VIEW') && path.at(-1)?.tagName !== 'SCORECARD-VIEW';
  });

async function scorecard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views of this plan' }).getByRole('button', { name: 'Scorecard' }).click();
  await page.getByRole('button', { name: 'Paste or import figures…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste or import figures' });
  await page.evaluate((t) => navigator.clipboard.writeText(t), SHEET);
  await page.getByLabel('Paste the figures here').focus();
  await page.keyboard.press('Control+V');
  await dialog.getByRole('button', { name: 'Apply 32 changes' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

const inCard = (page: Page, css: string) => page.locator(`scorecard-view ${css}`);

async function scorecardPage(): Promise<Page> {
  const { relay, browser } = await setup();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
  const page = await arrive(context, relay.url, 'Kim');
  await scorecard(page);
  return page;
}

describe.runIf(browserAvailable())('one Tab stop per list in the scorecard', () => {
  it('crosses four indicators of four figures each in 7 Tab presses (26 with every figure in the Tab order), the arrows moving among indicators and figures; axe-clean', async () => {
    const page = await scorecardPage();
    // Closing the paste dialog put focus back on its button.
    await expect.poll(() => focused(page)).toBe('BUTTON Paste or import figures…');
    const visited: string[] = [];
    for (let i = 0; i < 100; i++) {
      await page.keyboard.press('Tab');
      if (!(await inScorecard(page))) break;
      visited.push(await focused(page));
    }
    expect(visited).toEqual([
      'BUTTON Add an indicator',
      'BUTTON Download as Excel',
      expect.stringMatching(/^ARTICLE Referrals screened within one day/),
      'TR Q1 2025/26 figures',
      'BUTTON Edit Q1 2025/26 figures for Referrals screened within one day',
      'BUTTON Enter a figure for Referrals screened within one day',
      'BUTTON Change details of Referrals screened within one day',
    ]);
    // Arrows among the indicators (across priorities), then among the figures of the one reached.
    await inCard(page, 'article').first().focus();
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toMatch(/^ARTICLE Audits completed on time/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toMatch(/^ARTICLE Return interviews within 72 hours/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('TR Q1 2025/26 figures');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('TR Q2 2025/26 figures');
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe('TR Q4 2025/26 figures');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Edit Q4 2025/26 figures for Return interviews within 72 hours');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Enter a figure for Return interviews within 72 hours');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('puts focus back on the button that opened a form when the form is saved, cancelled or escaped, and on a new indicator once added', async () => {
    const page = await scorecardPage();
    const name = 'Strategy discussions within 3 days';
    // Escape out of a figure: back on its Edit button.
    await page.getByRole('button', { name: `Edit Q2 2025/26 figures for ${name}` }).click();
    await expect.poll(() => focused(page)).toBe('INPUT ');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(`BUTTON Edit Q2 2025/26 figures for ${name}`);
    // Saved: back on the button, the figure changed.
    await page.keyboard.press('Enter');
    await page
      .getByRole('form', { name: `Figure for ${name}` })
      .getByLabel('Actual (%)')
      .fill('81');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: `Figures for ${name}` })
          .getByRole('row', { name: 'Q2 2025/26 figures' })
          .textContent(),
      )
      .toMatch(/81\s*80\s*Green/);
    await expect.poll(() => focused(page)).toBe(`BUTTON Edit Q2 2025/26 figures for ${name}`);
    // A figure entered: back on "Enter a figure".
    await page.getByRole('button', { name: `Enter a figure for ${name}` }).click();
    await page
      .getByRole('form', { name: `Figure for ${name}` })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expect.poll(() => focused(page)).toBe(`BUTTON Enter a figure for ${name}`);
    // Details cancelled: back on "Change details".
    await page.getByRole('button', { name: `Change details of ${name}` }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(page)).toBe(`BUTTON Change details of ${name}`);
    // A new indicator: focus on it; a new one cancelled: back on "Add an indicator".
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(page)).toBe('BUTTON Add an indicator');
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'A new indicator' });
    await form.getByLabel('Name of the indicator').fill('Missing episodes with a return interview');
    await form.getByRole('button', { name: 'Add indicator' }).click();
    await expect.poll(() => focused(page)).toMatch(/^ARTICLE Missing episodes with a return interview/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
