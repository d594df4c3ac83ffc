import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, chooseFromMenu, cleanUp, setup } from './session.js';
import { blurFocus, focusedElement, focusedStop as focused } from './focus.js';

afterEach(cleanUp);

/** What the outline last announced to screen readers. */
const announced = (page: Page) => page.locator('plan-outline .announce[role="status"]').textContent();

describe.runIf(browserAvailable())('one Tab stop per list in the outline', () => {
  it('reaches "Add a priority" in 38 Tab presses from the top of the demo plan (365 with every item in the Tab order), never entering a second priority', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await blurFocus(page);
    const visited: string[] = [];
    for (let i = 0; i < 400 && !visited.includes('BUTTON Add a priority'); i++) {
      await page.keyboard.press('Tab');
      visited.push(await focused(page));
    }
    expect(visited.at(-1)).toBe('BUTTON Add a priority');
    expect(visited.length).toBeLessThanOrEqual(40);
    expect(visited.filter((v) => /priority [2-9]|Priority [2-9]|[2-9]\.\d/.test(v))).toEqual([]);
    expect(visited).not.toContain('BODY');
  });

  it('moves between priorities and between objectives with the arrow keys, Home and End, and Tab goes into the one reached', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await page.getByRole('region', { name: 'Priority 1', exact: true }).focus();
    // A screen reader says how to reach the other items (nobody could guess that Tab skips them).
    expect(await page.getByRole('region', { name: 'Priority 1', exact: true }).getAttribute('aria-description')).toBe(
      'Up and down arrow keys: the other priorities in this list (Home, End: the first, the last). Tab: into this one.',
    );
    expect(await page.getByRole('group', { name: 'Action 1.1.1', exact: true }).getAttribute('aria-description')).toMatch(/^Up and down arrow keys: the other actions in this list/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toMatch(/^SECTION Priority 2/);
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toMatch(/^SECTION Priority 4/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toMatch(/^SECTION Priority 3/);
    // Tab goes into priority 3 and on to its first objective; the arrows move among its objectives.
    const stops: string[] = [];
    for (let i = 0; i < 30 && !stops.includes('DIV Objective 3.1'); i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops).toContain('BUTTON Actions for priority 3');
    expect(stops.at(-1)).toBe('DIV Objective 3.1');
    expect(await page.getByRole('group', { name: 'Objective 3.1', exact: true }).evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('DIV Objective 3.2');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe('DIV Objective 3.1');
    // Shift+Tab goes back out through priority 3's own fields, not into priority 1's.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page)).toMatch(/focus area.* priority 3/);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('one Tab stop per list, filtered', () => {
  it('puts an objective’s tab stop on an action the filter shows, and the arrow keys skip those it hides', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    // Objective 1.2's actions are led by CPBs, CSE Sub and QA Sub: filtering by CSE Sub hides its first.
    await page.locator('action-filters').getByLabel('Filter by lead').selectOption('CSE Sub');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').count()).toBe(0);
    await page.getByRole('group', { name: 'Objective 1.2', exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for objective 1.2');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.2');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.2');
  });
});

describe.runIf(browserAvailable())('focus never falls to the page', () => {
  it('stays on an item after adding, moving, deleting and closing a menu', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    // Adding: the caret is in the new action.
    await page.getByRole('button', { name: 'Add an action to objective 1.2', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.4');
    await page.keyboard.type('Audit the referrals');
    // Moving up from the menu, by keyboard.
    await page.getByRole('button', { name: 'Actions for action 1.2.4', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // "Move up", the first choice
    await expect.poll(() => actionBox(page, 'Action 1.2.3').textContent()).toBe('Audit the referrals');
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.2.3');
    // Closing a menu: Escape, and a click elsewhere that takes focus with it.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('BUTTON Move up');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.2.3');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toBe('BODY');
    // Moving to another objective: focus goes with it.
    await chooseFromMenu(page, 'action 1.2.3', 'Move to another objective…');
    await page.getByLabel('Move action 1.2.3 to objective').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.1.2');
    // Deleting: focus goes to the neighbour (here the one before, as it was the last).
    await chooseFromMenu(page, 'action 1.1.2', 'Delete');
    await expect.poll(() => actionBox(page, 'Action 1.1.2').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.1.1');
    // Deleting an objective's only action: focus goes to its add button.
    await chooseFromMenu(page, 'action 1.1.1', 'Delete');
    await expect.poll(() => focused(page)).toBe('BUTTON Add an action to objective 1.1');
  });

  it('goes to the neighbour when an undo takes out the action being typed in, without blaming a partner', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await page.getByRole('button', { name: 'Add an action to objective 1.2', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.4');
    await page.keyboard.press('Control+z');
    await expect.poll(() => actionBox(page, 'Action 1.2.4').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.3');
    await expect.poll(() => announced(page)).toBe('Action 1.2.4 is no longer in the plan. Focus is on action 1.2.3.');
  });

  it('follows the action a partner moves, and goes to its neighbour, told why, when a partner deletes it', async () => {
    const { relay, browser } = await setup();
    const alice = await arrive(await browser.newContext(), relay.url, 'Alice');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    const text = await actionBox(alice, 'Action 1.2.2').textContent();
    await actionBox(alice, 'Action 1.2.2').click();
    await expect.poll(() => focused(alice)).toBe('DIV Action 1.2.2');
    // Bob moves it down: Alice's caret stays in it.
    await chooseFromMenu(bob, 'action 1.2.2', 'Move down');
    await expect.poll(() => actionBox(alice, 'Action 1.2.3').textContent(), { timeout: 10_000 }).toBe(text);
    await expect.poll(() => focused(alice)).toBe('DIV Action 1.2.3');
    // Bob moves it to objective 1.1: Alice's focus goes with it, and she is told.
    await chooseFromMenu(bob, 'action 1.2.3', 'Move to another objective…');
    await bob.getByLabel('Move action 1.2.3 to objective').selectOption({ index: 0 });
    await bob.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => actionBox(alice, 'Action 1.1.2').textContent(), { timeout: 10_000 }).toBe(text);
    await expect.poll(() => focused(alice)).toBe('DIV Action 1.1.2');
    await expect.poll(() => announced(alice)).toBe('A partner moved action 1.2.3; it is now action 1.1.2, and focus went with it.');
    // Bob deletes it: Alice's focus goes to the action before it, and she is told.
    await chooseFromMenu(bob, 'action 1.1.2', 'Delete');
    await expect.poll(() => actionBox(alice, 'Action 1.1.2').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => focused(alice)).toBe('DIV Action 1.1.1');
    await expect.poll(() => announced(alice)).toBe('Focus is on action 1.1.1.');
    // Said (and shown) by the bin notice, with who deleted it and Restore.
    await expect.poll(() => alice.locator('bin-notice p[role="status"]').textContent()).toMatch(/^Action 1\.1\.2 was deleted by Bob; it is in the bin\./);
    expect(await alice.locator('bin-notice').getByRole('button', { name: 'Restore action 1.1.2' }).count()).toBe(1);
    // Bob deletes the objective Alice is in: focus goes to the next objective.
    await actionBox(alice, 'Action 1.1.1').click();
    await chooseFromMenu(bob, 'objective 1.1', 'Delete');
    await expect.poll(() => alice.getByRole('group', { name: 'Objective 1.1', exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => focused(alice)).toBe('DIV Objective 1.1');
    expect(await focused(alice)).not.toBe('BODY');
    await expect.poll(() => announced(alice)).toBe('Focus is on objective 1.1.');
    await expect.poll(() => alice.locator('bin-notice p[role="status"]').textContent()).toMatch(/^Objective 1\.1 was deleted by Bob; it is in the bin\./);
  });
});

describe.runIf(browserAvailable())('drag handles are for pointers only', () => {
  it('leaves the handles out of the Tab order and the accessibility tree, a click does not focus one, and the menu makes the moves', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const handle = page.getByTitle('Drag action 1.2.2 (or use its menu)', { exact: true });
    await handle.waitFor();
    // The item's menu comes with the Plan tab's extras, just after the outline: the tree is read once it is there.
    await page.getByRole('button', { name: 'Actions for action 1.2.2', exact: true }).waitFor();
    // Chromium's own tree (what a screen reader is given): no "Drag …" anywhere.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; name?: { value: string } }> };
    expect(nodes.filter((n) => !n.ignored && /^Drag /.test(n.name?.value ?? '')).length).toBe(0);
    expect(nodes.some((n) => !n.ignored && n.name?.value === 'Actions for action 1.2.2')).toBe(true);
    // Tab through the action: its own stops, never the handle.
    await page.getByRole('group', { name: 'Action 1.2.1', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.2');
    const stops: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops).toContain('BUTTON Actions for action 1.2.2');
    expect(stops.filter((s) => s.startsWith('SPAN'))).toEqual([]);
    // A click on it (no drag) leaves focus off it.
    await handle.click();
    expect(await handle.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(false);
    // The menu moves it, without dragging.
    const text = await actionBox(page, 'Action 1.2.2').textContent();
    await chooseFromMenu(page, 'action 1.2.2', 'Move up');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent()).toBe(text);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('the arrow keys, shown', () => {
  it('an item with keyboard focus says under its first line that the arrow keys move between the items and Tab goes in; not a field in it, a click, or a screen reader twice', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const hint = (label: string) =>
      page
        .getByRole('group', { name: label, exact: true })
        .locator(':scope > .head')
        .evaluate((el) => getComputedStyle(el, '::after').content);
    const headHeight = async (label: string) => (await page.getByRole('group', { name: label, exact: true }).locator(':scope > .head').boundingBox())!.height;
    const unfocused = await headHeight('Action 1.2.2');
    // Keyboard focus first (a Tab), so focus moved by script next shows as keyboard focus does.
    await page.keyboard.press('Tab');
    await page.getByRole('group', { name: 'Action 1.2.1', exact: true }).focus();
    await expect.poll(() => hint('Action 1.2.1')).toMatch(/^"Up and down arrow keys: the other actions\. Tab: into this one\."/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.2');
    await expect.poll(() => hint('Action 1.2.2')).toMatch(/the other actions\. Tab: into this one/);
    expect(await hint('Action 1.2.1')).toBe('none');
    // It takes a line of its own, under the action's words: seen, and covering nothing.
    expect(await headHeight('Action 1.2.2')).toBeGreaterThan(unfocused + 10);
    // A screen reader is not told it twice: it is not among the page's words, and the item's description says it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; name?: { value: string } }> };
    expect(nodes.filter((n) => !n.ignored && /into this one\.$/.test(n.name?.value ?? '') && !/^Up and down arrow keys: the other \w+ in this list/.test(n.name?.value ?? '')).length).toBe(0);
    // In a field of the item, the arrow keys move the caret: no hint.
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focusedElement(page)).role).toBe('textbox');
    await expect.poll(() => hint('Action 1.2.2')).toBe('none');
    // Objectives and priorities say so too.
    await page.getByRole('group', { name: 'Objective 1.2', exact: true }).focus();
    await expect.poll(() => hint('Objective 1.2')).toMatch(/the other objectives\. Tab: into this one/);
    await page.getByRole('region', { name: 'Priority 1', exact: true }).focus();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Priority 1', exact: true })
          .locator(':scope > .head')
          .evaluate((el) => getComputedStyle(el, '::after').content),
      )
      .toMatch(/the other priorities\. Tab: into this one/);
    expect(await axeViolations(page)).toEqual([]);
    // A click on an item (not its words) focuses it without the hint: the mouse has no use for it.
    await page
      .getByRole('group', { name: 'Action 1.2.2', exact: true })
      .getByText(/^Leads: /)
      .click();
    await expect.poll(() => focused(page)).toBe('DIV Action 1.2.2');
    expect(await hint('Action 1.2.2')).toBe('none');
  });

  it("governance's lists say so too: an agency's row, a group", async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await page.getByRole('button', { name: 'Governance', exact: true }).click();
    await page.getByRole('button', { name: "Start from Lincolnshire's arrangements (an example to edit)" }).click();
    await page.locator('governance-view details summary').first().click();
    const row = (name: string) => page.getByRole('row', { name: `Agency ${name}`, exact: true });
    const rowHint = (name: string) =>
      row(name)
        .locator('td')
        .first()
        .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(await row('Lincolnshire Police').getAttribute('aria-description')).toBe('Up and down arrow keys: the other agencies in this list (Home, End: the first, the last). Tab: into this one.');
    await page.keyboard.press('Tab');
    await row('Lincolnshire County Council').focus();
    await expect.poll(() => rowHint('Lincolnshire County Council')).toMatch(/^"Up and down arrow keys: the other agencies\. Tab: into this one\."/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rowHint('Lincolnshire Police')).toMatch(/the other agencies\. Tab: into this one/);
    expect(await rowHint('Lincolnshire County Council')).toBe('none');
    // A click below the row lands where it was aimed (near the button's foot, which the hint's line going at the press would move up from under the pointer); the hint goes once the press is over.
    const remove = page.getByRole('button', { name: 'Remove agency: Probation Service', exact: true });
    const box = (await remove.boundingBox())!;
    await remove.click({ position: { x: box.width / 2, y: box.height - 3 } });
    await expect.poll(() => row('Probation Service').count()).toBe(0);
    await expect.poll(() => rowHint('Lincolnshire Police')).toBe('none');
    const group = page.getByRole('region', { name: 'Strategic Management Group', exact: true });
    await page.keyboard.press('Tab');
    await group.focus();
    await expect
      .poll(() =>
        group
          .getByRole('heading', { level: 3 })
          .first()
          .evaluate((el) => getComputedStyle(el, '::after').content),
      )
      .toMatch(/the other groups\. Tab: into this one/);
    // The heading's name is still just the group's.
    expect(await group.getByRole('heading', { name: 'Strategic Management Group', exact: true }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
