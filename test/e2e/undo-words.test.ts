import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, chooseFromMenu, cleanUp, setup } from './session.js';
import { focusedStop } from './focus.js';

afterEach(cleanUp);

describe.runIf(browserAvailable())('Undo and Redo say what they took back', () => {
  it('says what the toolbar button and Ctrl+Z undid and redid, and the button’s tooltip says what it will undo', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const undo = page.getByRole('toolbar', { name: 'Plan tools' }).getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('toolbar', { name: 'Plan tools' }).getByRole('button', { name: 'Redo', exact: true });
    const said = page.locator('plan-view .undone[role="status"]');

    const box = actionBox(page, 'Action 1.2.2');
    await box.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' soon');
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo typing in action 1.2.2');
    await undo.click();
    await expect.poll(() => said.textContent()).toBe('Undone: typing in action 1.2.2.');
    await expect.poll(() => redo.getAttribute('title')).toBe('Redo typing in action 1.2.2');
    await redo.click();
    await expect.poll(() => said.textContent()).toBe('Redone: typing in action 1.2.2.');
    await expect.poll(() => box.textContent()).toMatch(/ soon$/);

    // Deleted from its menu, then Ctrl+Z and Ctrl+Shift+Z from the item focus went to.
    await chooseFromMenu(page, 'action 1.2.2', 'Delete');
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo deleting action 1.2.2');
    await page.keyboard.press('Control+z');
    await expect.poll(() => said.textContent()).toBe('Undone: deleting action 1.2.2.');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => said.textContent()).toBe('Redone: deleting action 1.2.2.');
    // Two steps said in the same words are both said: the line is emptied between them.
    await page.keyboard.press('Control+z');
    await expect.poll(() => said.textContent()).toBe('Undone: deleting action 1.2.2.');
    await chooseFromMenu(page, 'action 1.2.2', 'Delete');
    await chooseFromMenu(page, 'action 1.2.2', 'Delete');
    await said.evaluate((line) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => heard.push(line.textContent ?? '')).observe(line, { childList: true, subtree: true, characterData: true });
    });
    await page.keyboard.press('Control+z');
    await expect.poll(() => said.textContent()).toBe('Undone: deleting action 1.2.2.');
    await page.keyboard.press('Control+z');
    const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((w, i, all) => w !== all[i - 1]));
    await expect.poll(heard).toEqual(['', 'Undone: deleting action 1.2.2.', '', 'Undone: deleting action 1.2.2.']);
    await expect.poll(() => actionBox(page, 'Action 1.2.3').count()).toBe(1);
  });

  it('puts focus on Redo when the toolbar’s Undo has taken back the last step and is disabled, rather than letting it fall to the page', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const undo = page.getByRole('toolbar', { name: 'Plan tools' }).getByRole('button', { name: 'Undo', exact: true });
    await actionBox(page, 'Action 1.4.1').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' now');
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => undo.isDisabled()).toBe(true);
    await expect.poll(() => focusedStop(page)).toMatch(/^BUTTON Redo/);
    await page.keyboard.press('Enter');
    await expect.poll(() => actionBox(page, 'Action 1.4.1').textContent()).toMatch(/ now$/);
  });
});
