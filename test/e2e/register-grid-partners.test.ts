import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { arrive, cleanUp, setup } from './session.js';
import { focusedElement as focused } from './focus.js';

afterEach(cleanUp);

const FIRST = 'Refresh Pan-Lancs CSE strategy and re-launch';

/** The first action's text as this page's copy of the plan holds it (the grid cell shows an editor while it is open). */
function firstActionText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const here = root.querySelector('register-view');
      if (here) return here;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const grid = find(document) as unknown as { plan: { snapshot(): { priorities: Array<{ objectives: Array<{ actions: Array<{ text: string }> }> }> } } };
    return grid.plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.text;
  });
}

/** Opens the register and puts the keyboard on the first action's cell in `column` (0-based), by arrow keys from the header. */
async function toFirstRow(page: Page, column: number): Promise<void> {
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  const grid = page.getByRole('grid', { name: /of 51 actions/ });
  await grid.getByRole('button', { name: 'Ref', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
}

describe.runIf(browserAvailable())('the register grid with partners', () => {
  it('keeps a partner’s change to one word of a cell when another person saves a change to another word of it', async () => {
    const { relay, browser } = await setup();
    const alice = await arrive(await browser.newContext(), relay.url, 'Alice');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    await toFirstRow(alice, 2);
    await toFirstRow(bob, 2);
    expect(await focused(alice)).toMatchObject({ role: 'gridcell', text: FIRST });
    // Alice opens the cell and changes its last word.
    await alice.keyboard.press('F2');
    expect(await focused(alice)).toMatchObject({ label: 'Action of action 1.1.1', value: FIRST });
    for (let i = 0; i < 're-launch'.length; i++) await alice.keyboard.press('Backspace');
    await alice.keyboard.type('relaunch');
    // Meanwhile Bob changes its first word and saves.
    await bob.keyboard.press('F2');
    await bob.keyboard.press('Home');
    for (let i = 0; i < 'Refresh'.length; i++) await bob.keyboard.press('Delete');
    await bob.keyboard.type('Renew');
    await bob.keyboard.press('Enter');
    await expect.poll(() => firstActionText(alice), { timeout: 10_000 }).toBe('Renew Pan-Lancs CSE strategy and re-launch');
    // Alice saves what she saw and changed: Bob's word stays.
    await alice.keyboard.press('Enter');
    const both = 'Renew Pan-Lancs CSE strategy and relaunch';
    await expect.poll(() => firstActionText(alice)).toBe(both);
    await expect.poll(() => firstActionText(bob), { timeout: 10_000 }).toBe(both);
    await expect.poll(() => alice.getByRole('grid').getByRole('gridcell', { name: both, exact: true }).count()).toBe(1);
  });

  it('edits an action’s leads by keyboard: a name chosen from the registry’s suggestions, and a new one added to the registry', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Dana');
    const partner = await arrive(await browser.newContext(), relay.url, 'Sam');
    await toFirstRow(page, 3);
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: 'LSCB team' });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ label: 'Leads of action 1.1.1', value: 'LSCB team' });
    // The registry's names are offered for the name being typed; Down chooses one, Enter takes it.
    await page.keyboard.type(', cs');
    const box = page.getByRole('combobox', { name: 'Leads of action 1.1.1', exact: true });
    const options = () => page.getByRole('listbox', { name: 'Leads in the registry' }).getByRole('option').allTextContents();
    await expect.poll(options).toContain('CSE Sub');
    expect(await options()).not.toContain('LSCB team');
    await page.keyboard.press('ArrowDown');
    const chosen = page.getByRole('listbox', { name: 'Leads in the registry' }).getByRole('option', { selected: true });
    await expect.poll(() => chosen.count()).toBe(1);
    const first = await chosen.textContent();
    expect(await box.getAttribute('aria-activedescendant')).toBe(await chosen.getAttribute('id'));
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => box.inputValue()).toBe(`LSCB team, ${first}`);
    // Ctrl+Z takes the suggestion back in one step, then the typing a word at a time; Ctrl+Y puts them back (the suggestions drawn as it is typed broke up the browser's own undo).
    await page.keyboard.press('Control+z');
    expect(await box.inputValue()).toBe('LSCB team, cs');
    await page.keyboard.press('Control+z');
    expect(await box.inputValue()).toBe('LSCB team, ');
    await page.keyboard.press('Control+z');
    expect(await box.inputValue()).toBe('LSCB team');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+y');
    expect(await box.inputValue()).toBe(`LSCB team, ${first}`);
    await expect.poll(() => page.locator('leads-combobox').evaluate((el) => (el as unknown as { value: string }).value)).toBe(`LSCB team, ${first}`);
    // A name new to the registry is said to be new, and joins the registry when saved.
    // What a screen reader hears from the cell's live regions, recorded as it changes.
    await page.locator('leads-combobox').evaluate((el) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => {
        for (const region of Array.from(el.querySelectorAll('[aria-live], [role="status"]'))) {
          const words = region.textContent?.trim() ?? '';
          if (words && heard.at(-1) !== words) heard.push(words);
        }
      }).observe(el, { subtree: true, childList: true, characterData: true });
    });
    await page.keyboard.type(', Online Safety Group');
    const isNew = '“Online Safety Group” is not in the registry yet: saving adds it.';
    await expect.poll(() => page.locator('.lead-new').textContent()).toBe(isNew);
    // Said once typing pauses, not at every letter ("“O” is not…", "“On” is not…").
    await expect.poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toContain(isNew);
    expect((await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).length).toBeLessThanOrEqual(2);
    await page.keyboard.press('Enter');
    const row = (p: Page) => p.getByRole('grid').getByRole('row').nth(1).getByRole('gridcell').nth(3);
    await expect.poll(() => row(page).textContent()).toBe(`LSCB team, ${first}, Online Safety Group`);
    await page.getByRole('navigation', { name: 'Views of this plan' }).getByRole('button', { name: 'Leads', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Name of lead Online Safety Group', exact: true }).count()).toBe(1);
    // The partner's grid shows the same leads.
    await toFirstRow(partner, 3);
    await expect.poll(() => row(partner).textContent(), { timeout: 10_000 }).toBe(`LSCB team, ${first}, Online Safety Group`);
    // Emptying the cell takes the leads off the action.
    await toFirstRow(page, 3);
    await page.keyboard.press('F2');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => row(page).textContent()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
  });
});
