// "About this plan", from a fresh-eyes review: a date typed into the period is
// saved only when the person has finished with it, and refused in plain words;
// a removal leaves focus on a neighbour (or the add button) and says what went.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { focusedElement } from './focus.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/** Opens "About this plan" (folded away under the title) and waits for its fields. */
async function openDetails(page: Page): Promise<void> {
  await page.getByText('About this plan', { exact: false }).first().click();
  await page.getByLabel('Period starts').waitFor();
}

/** Lets the app catch up with whatever it was going to do: its plan is read again at the next frame, and drawn after. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r())))));

/**
 * Types a date into a date box digit by digit, as a person does: from its
 * first part (clicked, as a person would), two digits, two digits, four. The
 * first part is the day in a UK browser and the month in a US one (Debian's
 * Chromium has only en-US), so the dates typed here have the same day and month.
 */
async function typeDate(page: Page, box: Locator, digits: string): Promise<void> {
  const { height } = (await box.boundingBox())!;
  await box.click({ position: { x: 12, y: height / 2 } });
  for (const digit of digits) await page.keyboard.press(digit);
}

/**
 * Tabs out of a date box, as a person leaving it does: Chromium's date box
 * has more than one Tab stop inside it (its day, month and year, and its
 * calendar button), so as many presses as it takes.
 */
async function tabOut(page: Page, box: Locator): Promise<void> {
  for (let press = 0; press < 5 && (await box.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)); press++) await page.keyboard.press('Tab');
  expect(await box.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(false);
}

/** The period as the plan's header shows it, in the line of facts under the title ("… · Period 1 April 2015 to 31 March 2016 · …"). */
const header = async (page: Page) => ((await page.locator('plan-header p.meta').textContent()) ?? '').split(' · ').find((fact) => fact.startsWith('Period'));

/** A polite status message in "About this plan" that says `words`. */
const said = (page: Page, words: string | RegExp) => page.locator('plan-details').getByRole('status').filter({ hasText: words }).count();

describe.runIf(browserAvailable())('about this plan: a period typed with the keyboard', () => {
  it('is saved only when the person leaves the date; an end before the start is refused in plain words and UK dates, what was typed kept', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Robin');
    await openDetails(page);
    const end = page.getByLabel('Period ends');
    expect(await end.inputValue()).toBe('2016-03-31');

    // Day, month, year, digit by digit, as a person types "01 01 2015": on the way it passes 01/01/2016, a whole date.
    await typeDate(page, end, '01012015');
    await expect.poll(() => end.inputValue()).toBe('2015-01-01');
    await frames(page);
    expect(await header(page)).toBe('Period 1 April 2015 to 31 March 2016');
    expect(await page.getByRole('alert').count()).toBe(0);

    // Finished with it: refused, in words a person uses, the typed date still in the box and the plan's period as it was.
    await tabOut(page, end);
    const refusal = 'The period cannot end (1 January 2015) before it starts (1 April 2015): choose an end on or after the start.';
    await expect.poll(() => page.getByRole('alert').filter({ hasText: refusal }).count()).toBe(1);
    expect(await end.inputValue()).toBe('2015-01-01');
    await frames(page);
    expect(await header(page)).toBe('Period 1 April 2015 to 31 March 2016');
    expect(await page.getByTestId('period-words').textContent()).toBe('The plan runs from 1 April 2015 to 31 March 2016.');

    // The refusal passes axe as it shows.
    const { axeViolations } = await import('./axe.js');
    expect(await axeViolations(page)).toEqual([]);

    // A good end: nothing saved while typing (it passes 02/02/2015 on the way), saved on Enter; the refusal goes.
    await typeDate(page, end, '02022016');
    await expect.poll(() => end.inputValue()).toBe('2016-02-02');
    await frames(page);
    expect(await header(page)).toBe('Period 1 April 2015 to 31 March 2016');
    expect(await page.getByRole('alert').filter({ hasText: refusal }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => header(page)).toBe('Period 1 April 2015 to 2 February 2016');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    // And on leaving the box.
    await typeDate(page, end, '03032017');
    await expect.poll(() => end.inputValue()).toBe('2017-03-03');
    await frames(page);
    expect(await header(page)).toBe('Period 1 April 2015 to 2 February 2016');
    await tabOut(page, end);
    await expect.poll(() => header(page)).toBe('Period 1 April 2015 to 3 March 2017');
    expect(await page.getByTestId('period-words').textContent()).toBe('The plan runs from 1 April 2015 to 3 March 2017.');
  }, 120_000);
});

describe.runIf(browserAvailable())('about this plan: removing with the keyboard', () => {
  it('leaves focus on the next entry, else the one before, else the add button, and says what was removed; Ctrl+Z brings it back', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Robin');
    await openDetails(page);
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const statutory = (n: number) => page.getByRole('textbox', { name: `Statutory objective ${n}`, exact: true });

    // The last of the three statutory objectives: focus goes to the one before.
    await button('Remove statutory objective 3').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => statutory(3).count()).toBe(0);
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', text: 'Remove statutory objective 2' });
    await expect.poll(() => said(page, /^Statutory objective 3 removed .*Press Ctrl\+Z to undo\.$/)).toBe(1);

    // What the message offers is true: Ctrl+Z brings it back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => statutory(3).textContent()).toBe('promoting greater understanding of the need to safeguard children and promote their welfare');

    // The first: focus goes to the next, now numbered 1.
    await button('Remove statutory objective 1').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => statutory(3).count()).toBe(0);
    await expect.poll(() => statutory(1).textContent()).toBe('ensuring the effectiveness of what is done by each such person or body for that purpose');
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', text: 'Remove statutory objective 1' });
    await expect.poll(() => said(page, /^Statutory objective 1 removed /)).toBe(1);

    // The only consultation entry: focus goes to the button that adds one.
    await button('Delete consultation 1').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Consultation 1: who', exact: true }).count()).toBe(0);
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', text: 'Add to the consultation plan' });
    await expect.poll(() => said(page, 'Consultation 1 (All LSCB partners) deleted. Press Ctrl+Z to undo.')).toBe(1);

    // The only partnership: focus goes to the button that adds one; Ctrl+Z brings it back.
    await button('Remove Lancashire Safeguarding Children Board').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Partnership 1', { exact: true }).count()).toBe(0);
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', text: 'Add the partnership' });
    await expect.poll(() => said(page, 'Lancashire Safeguarding Children Board removed from the partnerships. Press Ctrl+Z to undo.')).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel('Partnership 1', { exact: true }).inputValue()).toBe('Lancashire Safeguarding Children Board');

    // A context statement, the only one: focus goes to the button that adds one.
    await page.getByLabel('New context statement’s title').fill('Covid-19 context statement');
    await button('Add the context statement').click();
    // Added: the caret goes on to the statement itself, not left on the button (where a key would add another).
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'textbox', label: 'Context statement 1' });
    // Empty, it says what goes in it.
    expect(await page.getByRole('textbox', { name: 'Context statement 1', exact: true }).getAttribute('aria-placeholder')).toMatch(/^What happened/);
    await page.keyboard.type('Meetings moved online.');
    await expect.poll(() => page.getByRole('textbox', { name: 'Context statement 1', exact: true }).textContent()).toBe('Meetings moved online.');
    expect(await page.getByRole('group', { name: /^Context statement \d/ }).count()).toBe(1);
    await button('Delete context statement 1').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Context statement 1 title', exact: true }).count()).toBe(0);
    await expect.poll(() => focusedElement(page)).toMatchObject({ role: 'button', text: 'Add the context statement' });
    await expect.poll(() => said(page, 'Context statement 1 (Covid-19 context statement) deleted. Press Ctrl+Z to undo.')).toBe(1);
  }, 120_000);
});
