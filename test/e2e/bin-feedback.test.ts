import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, chooseFromMenu, cleanUp, setup } from './session.js';
import { focusedStop as focused } from './focus.js';

afterEach(cleanUp);

/** The polite message about the bin, at the foot of the window. */
const binMessage = (page: Page) => page.locator('bin-notice [role="status"]').textContent();

describe.runIf(browserAvailable())('deleting from an item’s menu, by keyboard', () => {
  it('says "Action 1.2.1 moved to the bin" politely, keeps focus on the neighbour, and its Undo brings the action back with focus in its text', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const first = await actionBox(page, 'Action 1.2.1').textContent();
    const second = await actionBox(page, 'Action 1.2.2').textContent();
    await page.getByRole('button', { name: 'Actions for action 1.2.1', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('BUTTON Move up');
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe('BUTTON Delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent()).toBe(second);
    // A status message (polite, not an alert): focus stays on the neighbour, as before.
    await expect.poll(() => binMessage(page)).toBe('Action 1.2.1 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.2.1');
    expect(await axeViolations(page)).toEqual([]);
    // Undo is reached by keyboard: it sits just after the plan's tools, before the plan.
    const visited: string[] = [];
    for (let i = 0; i < 40 && visited.at(-1) !== 'BUTTON Undo: bring back action 1.2.1'; i++) {
      await page.keyboard.press('Shift+Tab');
      visited.push(await focused(page));
    }
    expect(visited.at(-1)).toBe('BUTTON Undo: bring back action 1.2.1');
    expect(visited).not.toContain('BODY');
    await page.keyboard.press('Enter');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent()).toBe(first);
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.1');
    await expect.poll(() => binMessage(page)).toBe('Action 1.2.1 is back in the plan.');
    expect(await page.getByRole('button', { name: /^Undo: bring back/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Bin' }).count()).toBe(0);
    // The message stays until dismissed (no time limit); Escape in it dismisses it, focus going back to where it was.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    const back: string[] = [];
    for (let i = 0; i < 40 && back.at(-1) !== 'BUTTON Dismiss'; i++) {
      await page.keyboard.press('Shift+Tab');
      back.push(await focused(page));
    }
    expect(back.at(-1)).toBe('BUTTON Dismiss');
    expect(await binMessage(page)).toBe('Action 1.2.1 is back in the plan.');
    await page.keyboard.press('Escape');
    await expect.poll(() => binMessage(page)).toBe('');
    expect(await focused(page)).not.toBe('BODY');
    console.log(`[bin-feedback] Shift+Tab presses from the neighbour's menu to Undo: ${visited.length}`);
  });

  it('says so for an objective, and Undo brings it back with its actions', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Sol');
    const objective = await page.getByRole('textbox', { name: 'Objective 1.2', exact: true }).textContent();
    await chooseFromMenu(page, 'objective 1.2', 'Delete');
    await expect.poll(() => binMessage(page)).toBe('Objective 1.2 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    await page.getByRole('button', { name: 'Undo: bring back objective 1.2', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Objective 1.2', exact: true }).textContent()).toBe(objective);
    await expect.poll(() => focused(page)).toBe('DIV Objective 1.2');
    expect(await actionBox(page, 'Action 1.2.1').count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('restoring from the bin', () => {
  it('names each Restore button by its item, and puts focus on the restored action’s text, announcing where it is', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const first = await actionBox(page, 'Action 1.1.1').textContent();
    expect(first).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    const other = (await actionBox(page, 'Action 1.2.1').textContent()) ?? '';
    await chooseFromMenu(page, 'action 1.1.1', 'Delete');
    await expect.poll(() => binMessage(page)).toBe('Action 1.1.1 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    await chooseFromMenu(page, 'action 1.2.1', 'Delete');
    await expect.poll(() => binMessage(page)).toBe('Action 1.2.1 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    const bin = page.getByRole('region', { name: 'Bin' });
    await expect.poll(() => bin.getByRole('button').count()).toBe(2);
    const names = await bin.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(new Set(names).size).toBe(2);
    expect(names).toContain('Restore action “Refresh Pan-Lancs CSE strategy and re-launch”');
    expect(names.every((n) => n.startsWith('Restore action “') && n.length <= 70)).toBe(true);
    expect(names.some((n) => n.includes(other.slice(0, 20)))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Keyboard: Enter on the named button.
    await bin.getByRole('button', { name: 'Restore action “Refresh Pan-Lancs CSE strategy and re-launch”', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toBe(first);
    await expect.poll(() => focused(page)).toBe('DIV Action 1.1.1');
    await expect.poll(() => binMessage(page)).toBe('Action “Refresh Pan-Lancs CSE strategy and re-launch” is back in the plan, as action 1.1.1.');
    await expect.poll(() => bin.getByRole('button').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('brings a priority back from far down the plan with focus in its title', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await chooseFromMenu(page, 'priority 4', 'Delete');
    await expect.poll(() => binMessage(page)).toBe('Priority 4 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    await chooseFromMenu(page, 'priority 3', 'Delete');
    await expect.poll(() => binMessage(page)).toBe('Priority 3 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    const bin = page.getByRole('region', { name: 'Bin' });
    await expect.poll(() => bin.getByRole('button').count()).toBe(2);
    await bin.getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^DIV .*[Pp]riority 3/);
    await expect.poll(() => binMessage(page)).toMatch(/^Priority “.*” is back in the plan, as priority 3\.$/);
  });
});
