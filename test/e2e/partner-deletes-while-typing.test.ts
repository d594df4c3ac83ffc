import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, chooseFromMenu, cleanUp, setup } from './session.js';
import { focusedStop } from './focus.js';

afterEach(cleanUp);

/** How many actions the objective (`data-objective-id` of the action box's item) shows on this screen. */
const actionsUnder = (page: Page, objective: string) => page.locator(`plan-outline .objective[aria-label="${objective}"] [data-list="action"] > *`).count();

describe.runIf(browserAvailable())('a partner deletes the item being typed in', () => {
  it('leaves the rest of the sentence nowhere harmful (not on an Add button, the page not scrolled away) and says who deleted it, with Restore', async () => {
    const { relay, browser } = await setup();
    const alex = await arrive(await browser.newContext(), relay.url, 'Alex');
    const sam = await arrive(await browser.newContext(), relay.url, 'Sam');
    // Objective 2.1 has one action: with it gone, the only thing left in the list is its "Add an action" button.
    expect(await actionsUnder(alex, 'Objective 2.1')).toBe(1);
    const box = actionBox(alex, 'Action 2.1.1');
    await box.click();
    await alex.keyboard.press('Control+End');
    await alex.keyboard.type(' and share');

    await chooseFromMenu(sam, 'action 2.1.1', 'Delete');
    await expect.poll(() => actionsUnder(alex, 'Objective 2.1')).toBe(0);
    const scrolled = await alex.evaluate(() => scrollY);
    // Alex goes on with the sentence, not yet aware.
    await alex.keyboard.type(' it with the Police');

    expect(await focusedStop(alex)).not.toMatch(/^BUTTON/);
    expect(await focusedStop(alex)).toMatch(/Objective 2\.1/);
    expect(await actionsUnder(alex, 'Objective 2.1')).toBe(0);
    expect(await actionsUnder(sam, 'Objective 2.1')).toBe(0);
    expect(await alex.evaluate(() => scrollY)).toBe(scrolled);
    const notice = alex.locator('bin-notice p[role="status"]');
    await expect.poll(() => notice.textContent()).toMatch(/^Action 2\.1\.1 was deleted by Sam; it is in the bin\./);

    // Restore brings it back, with everything typed before the delete, for both.
    await alex.locator('bin-notice').getByRole('button', { name: 'Restore action 2.1.1' }).click();
    await expect.poll(() => actionBox(alex, 'Action 2.1.1').textContent()).toMatch(/ and share$/);
    await expect.poll(() => actionBox(sam, 'Action 2.1.1').textContent()).toMatch(/ and share$/);
  });

  it("says so when the partner who added the item takes that back (nothing to restore: it was never anyone else's)", async () => {
    const { relay, browser } = await setup();
    const alex = await arrive(await browser.newContext(), relay.url, 'Alex');
    const sam = await arrive(await browser.newContext(), relay.url, 'Sam');
    await sam.getByRole('button', { name: 'Add an action to objective 2.1' }).click();
    await expect.poll(() => actionsUnder(alex, 'Objective 2.1')).toBe(2);
    // Alex goes into it before typing anything.
    await actionBox(alex, 'Action 2.1.2').click();
    await sam.getByRole('toolbar', { name: 'Plan tools' }).getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => actionsUnder(alex, 'Objective 2.1')).toBe(1);
    await expect.poll(() => alex.locator('bin-notice p[role="status"]').textContent()).toBe('Action 2.1.2 was taken back by the partner who added it.');
    expect(
      await alex
        .locator('bin-notice')
        .getByRole('button', { name: /^Restore/ })
        .count(),
    ).toBe(0);
    expect(await focusedStop(alex)).toMatch(/^DIV Action 2\.1\.1/);
  });
});
