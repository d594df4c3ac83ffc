import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/** Priority 1's success statements: one text box each. */
const statement = (page: Page, n: number) => page.getByRole('textbox', { name: `Success statement ${n} of priority 1`, exact: true });
const statements = (page: Page) => page.getByRole('list', { name: 'What will success look like?' }).first().getByRole('textbox');
const texts = (page: Page) => statements(page).allTextContents();

describe.runIf(browserAvailable())('a priority’s success statements, partners at once (Chromium, real relay)', () => {
  it('each statement is live as it is typed: partners in different statements and at the same spot of one see each other’s words, whole, and the caret of who is there', async () => {
    const { relay, browser } = await setup();
    const kim = await arrive(await browser.newContext(), relay.url, 'Kim');
    const sam = await arrive(await browser.newContext(), relay.url, 'Sam');
    for (const words of ['Children are heard', 'Fewer repeat referrals', 'Partners share intelligence']) {
      await kim.getByRole('button', { name: 'Add a success statement' }).first().click();
      await kim.keyboard.type(words);
    }
    await expect.poll(() => texts(sam)).toEqual(['Children are heard', 'Fewer repeat referrals', 'Partners share intelligence']);

    // Kim writes in the first, Sam in the third, both still in their boxes: each sees the other's words as they come.
    await statement(kim, 1).click();
    await kim.keyboard.press('End');
    await kim.keyboard.type(' and listened to');
    await statement(sam, 3).click();
    await sam.keyboard.press('End');
    await sam.keyboard.type(' through MACE');
    const both = ['Children are heard and listened to', 'Fewer repeat referrals', 'Partners share intelligence through MACE'];
    await expect.poll(() => texts(kim)).toEqual(both);
    await expect.poll(() => texts(sam)).toEqual(both);
    // Sam's caret shows in Kim's third statement, with Sam's name.
    await expect.poll(() => kim.getByText('Sam is editing this').count()).toBe(1);

    // Both at the end of the same statement, typing at once: each one's words stay together.
    await statement(kim, 2).click();
    await kim.keyboard.press('End');
    await statement(sam, 2).click();
    await sam.keyboard.press('End');
    await Promise.all([kim.keyboard.type(' in a year', { delay: 15 }), sam.keyboard.type(' by half', { delay: 15 })]);
    await expect.poll(async () => (await texts(kim))[1]).toMatch(/^Fewer repeat referrals( in a year by half| by half in a year)$/);
    await expect.poll(() => texts(sam)).toEqual(await texts(kim));
  });

  it('removes a statement with its button, says so, keeps focus on the list, and Ctrl+Z brings it back', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    for (const words of ['First', 'Second']) {
      await page.getByRole('button', { name: 'Add a success statement' }).first().click();
      await page.keyboard.type(words);
    }
    await page.getByRole('button', { name: 'Remove success statement 1 of priority 1', exact: true }).click();
    await expect.poll(() => texts(page)).toEqual(['Second']);
    await expect.poll(() => page.locator('plan-outline .announce[role="status"]').textContent()).toBe('Success statement 1 of priority 1 removed (First). Press Ctrl+Z to undo.');
    await expect.poll(() => statement(page, 1).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => texts(page)).toEqual(['First', 'Second']);
  });
});
