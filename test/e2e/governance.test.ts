import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/** A tablet held upright (iPad Air). */
const TABLET = { width: 820, height: 1180 };

const verdict = (page: Page) => page.locator('meeting-recorder').getByRole('status');
const attendance = (page: Page, seat: string) => page.getByRole('combobox', { name: `Attendance: ${seat}`, exact: true });

/**
 * A business manager records a Strategic Management Group meeting on a
 * tablet with the network gone, seeing the quorum verdict change (and hearing
 * it: the verdict is a live status) as people are marked present; back
 * online, the independent chair sees the same meeting on their laptop.
 */
describe.runIf(browserAvailable())('governance: recording a meeting (Chromium, real relay)', () => {
  it('records a meeting on a tablet offline, the quorum verdict changing as people are marked present; a partner sees it after reconnecting; axe-clean', async () => {
    const { relay, browser } = await setup();
    const tabletContext = await browser.newContext({ viewport: TABLET, hasTouch: true });
    const tablet = await arrive(tabletContext, relay.url, 'Business manager');
    const chair = await arrive(await browser.newContext(), relay.url, 'Independent Chair');

    await tablet.getByRole('button', { name: 'Governance', exact: true }).click();
    await tablet.getByRole('button', { name: "Start from Lincolnshire's arrangements (an example to edit)" }).click();
    await tablet.getByRole('heading', { name: 'Strategic Management Group', exact: true }).waitFor();
    expect(await axeViolations(tablet)).toEqual([]);

    await tabletContext.setOffline(true);
    await expect.poll(() => tablet.getByRole('status').filter({ hasText: 'Offline' }).count()).toBeGreaterThan(0);
    const newMeeting = tablet.getByRole('form', { name: 'New meeting of the Strategic Management Group' });
    await newMeeting.getByLabel('Date').fill('2026-06-11');
    await newMeeting.getByRole('button', { name: 'New meeting' }).click();
    await tablet.getByRole('heading', { name: 'Strategic Management Group: meeting on 11 June 2026' }).waitFor();
    await expect.poll(() => verdict(tablet).textContent()).toBe('Not quorate: needs Lincolnshire County Council, Lincolnshire Police, NHS Lincolnshire Integrated Care Board and three more agencies');
    expect(await verdict(tablet).getAttribute('aria-live')).toBe('polite');

    await attendance(tablet, "Lincolnshire County Council, Children's Services, seat 1 of 2").selectOption('present');
    await attendance(tablet, 'Lincolnshire Police, Chief Officer of Police').selectOption('present');
    await expect.poll(() => verdict(tablet).textContent()).toBe('Not quorate: needs NHS Lincolnshire Integrated Care Board and three more agencies');
    await tablet.getByRole('textbox', { name: 'Substitute for NHS Lincolnshire Integrated Care Board', exact: true }).fill('Dr Sam Deputy');
    await attendance(tablet, 'NHS Lincolnshire Integrated Care Board').selectOption('substitute');
    await attendance(tablet, 'Probation Service').selectOption('present');
    await attendance(tablet, 'CAFCASS').selectOption('apologies');
    await attendance(tablet, 'District Councils').selectOption('present');
    await expect.poll(() => verdict(tablet).textContent()).toBe('Not quorate: needs one more agency');

    // A decision now must say the meeting was not quorate.
    const decide = tablet.getByRole('form', { name: 'Record a decision' });
    await decide.getByLabel('Decision').fill('Adopt the neglect strategy');
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => tablet.getByRole('alert').textContent()).toMatch(/not quorate: record the decision only if you say it was taken without a quorum/);
    await decide.getByLabel('Record it although the meeting is not quorate').check();
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await tablet.getByText('Adopt the neglect strategy: by consensus — taken when the meeting was not quorate').waitFor();

    await attendance(tablet, 'Lincolnshire Partnership Foundation NHS Trust').selectOption('present');
    await expect.poll(() => verdict(tablet).textContent()).toBe('Quorate');
    expect(await axeViolations(tablet)).toEqual([]);

    await tabletContext.setOffline(false);
    await chair.getByRole('button', { name: 'Governance', exact: true }).click();
    await expect.poll(() => chair.getByText('11 June 2026: Quorate').count(), { timeout: 20_000 }).toBe(1);
    await chair.getByRole('button', { name: 'Open the meeting on 11 June 2026' }).click();
    await expect.poll(() => verdict(chair).textContent()).toBe('Quorate');
    expect(await chair.getByRole('textbox', { name: 'Substitute for NHS Lincolnshire Integrated Care Board', exact: true }).inputValue()).toBe('Dr Sam Deputy');
    await chair.getByText('Adopt the neglect strategy: by consensus — taken when the meeting was not quorate').waitFor();

    // An action arising becomes a plan action.
    const arising = chair.getByRole('form', { name: 'Add an action arising' });
    await arising.getByLabel('Action').fill('Circulate the neglect strategy to schools');
    await arising.getByLabel('Owner').fill('Education Sub-Group');
    await arising.getByRole('button', { name: 'Add action arising' }).click();
    await chair.getByRole('form', { name: 'Make a plan action of: Circulate the neglect strategy to schools' }).getByRole('button', { name: 'Make it a plan action' }).click();
    await chair.getByText('(in the plan as action “Circulate the neglect strategy to schools”)').waitFor();

    // The attendance report on the groups page, against the 75% threshold.
    await chair.getByRole('button', { name: 'Back to the groups' }).click();
    await chair.getByRole('combobox', { name: 'Business year' }).selectOption('2026-04-01');
    const table = chair.getByRole('table', { name: 'Strategic Management Group: 1 meetings, 75% expected' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'CAFCASS' }).textContent()).toMatch(/CAFCASS0 of 10%No, below the threshold/);
    expect(await axeViolations(chair)).toEqual([]);

    // The governance report, and the new plan action in the plan.
    await chair.getByRole('button', { name: 'Reports', exact: true }).click();
    // Named for the report, not the same as the Governance tab's button.
    await chair.getByRole('group', { name: 'Which report' }).getByRole('button', { name: 'Governance report', exact: true }).click();
    expect(await chair.getByRole('button', { name: 'Governance', exact: true }).count()).toBe(1);
    await chair.getByRole('combobox', { name: 'Business year (1 April to 31 March)' }).selectOption('2026-04-01');
    const report = chair.getByRole('article', { name: 'Governance report' });
    await expect.poll(() => report.getByRole('table', { name: /Attendance at the Strategic Management Group by agency/ }).count()).toBe(1);
    await report.getByText('Adopt the neglect strategy').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await chair.getByRole('button', { name: 'Plan', exact: true }).click();
    await expect.poll(() => chair.getByText('Circulate the neglect strategy to schools', { exact: true }).count()).toBeGreaterThan(0);
  });
});
