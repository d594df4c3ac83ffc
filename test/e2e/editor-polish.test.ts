import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { axeViolations } from './axe.js';
import { browserAvailable, launch } from './browser.js';
import { focusedStop as focused } from './focus.js';
import { APP, actionBox, arrive, chooseFromMenu, cleanUp, cleanup, setup } from './session.js';

afterEach(cleanUp);

/** The polite message at the window's foot. */
const binMessage = (page: Page) => page.locator('bin-notice [role="status"]').textContent();

/** Whether the element is laid out (takes room on screen, or on paper when print is emulated). */
const shown = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.filter((el) => (el as HTMLElement).getClientRects().length > 0).length);

describe.runIf(browserAvailable())('a business manager at 1024x768', () => {
  it('sees the first action without scrolling with an owner’s link too, the line saying what the link allows included', async () => {
    const secret = 'e2e-secret';
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', secret], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const token = execFileSync(process.execPath, [BIN, 'token', '--secret', secret, '--plan', 'demo', '--role', 'owner', '--name', 'Business manager'], { encoding: 'utf8' }).trim();
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await page.goto(`${relay.url}/#/plan/demo?token=${token}`);
    await page.getByLabel('Your name').fill('Kim');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('You own this plan').waitFor();
    await page.locator('action-filters').waitFor();
    const box = (await actionBox(page, 'Action 1.1.1').boundingBox())!;
    console.log(`[editor-polish] with an owner's link, action 1.1.1's text box at 1024x768: bottom ${(box.y + box.height).toFixed(0)} px`);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
  });

  it('sees the first action without scrolling; an empty vision is one "Add a vision" button that becomes its box', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 1024, height: 768 } }), relay.url, 'Kim');
    await page.locator('action-filters').waitFor();
    const box = (await actionBox(page, 'Action 1.1.1').boundingBox())!;
    console.log(`[editor-polish] action 1.1.1's text box at 1024x768: top ${box.y.toFixed(0)} px, bottom ${(box.y + box.height).toFixed(0)} px`);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    // Search and the four filters share one row.
    const search = (await page.getByRole('searchbox', { name: 'Search this plan' }).boundingBox())!;
    const due = (await page.getByLabel('Filter by due date').boundingBox())!;
    expect(Math.abs(due.y + due.height - (search.y + search.height))).toBeLessThan(8);
    // The empty vision: no empty box, a button instead; it becomes the box with the caret in it.
    expect(await page.getByRole('textbox', { name: 'Vision', exact: true }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add a vision' }).click();
    await expect.poll(() => focused(page)).toBe('DIV Vision');
    // Left empty, it is the button again.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.getByRole('button', { name: 'Add a vision' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Vision', exact: true }).count()).toBe(0);
    // Given words, it stays a box.
    await page.getByRole('button', { name: 'Add a vision' }).click();
    await expect.poll(() => focused(page)).toBe('DIV Vision');
    await page.keyboard.type('Children in Lancashire are safe');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.getByRole('textbox', { name: 'Vision', exact: true }).textContent()).toBe('Children in Lancashire are safe');
    expect(await page.getByRole('button', { name: 'Add a vision' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('undoing a delete by keyboard', () => {
  it('the next Tab after the message is its Undo, and the message says Ctrl+Z undoes it too', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const first = await actionBox(page, 'Action 1.2.1').textContent();
    await page.getByRole('button', { name: 'Actions for action 1.2.1', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => binMessage(page)).toBe('Action 1.2.1 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.2.1');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Undo: bring back action 1.2.1');
    // Shift+Tab goes back to where it came from; Tab after that goes on through the plan.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('BUTTON Actions for action 1.2.1');
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/^BUTTON Undo/);
    // Ctrl+Z, as the message says.
    await page.keyboard.press('Control+z');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent()).toBe(first);
  });

  it('Tab, Enter: the action is back with focus in its text; Tab past Dismiss goes back to the neighbour', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const first = await actionBox(page, 'Action 1.1.1').textContent();
    await chooseFromMenu(page, 'action 1.2.1', 'Delete');
    await expect.poll(() => binMessage(page)).toMatch(/^Action 1\.2\.1 moved to the bin\./);
    await page.getByRole('button', { name: 'Actions for action 1.2.1', exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Undo: bring back action 1.2.1');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Dismiss');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Actions for action 1.2.1');
    // Delete another: Tab reaches its Undo at once.
    await chooseFromMenu(page, 'action 1.1.1', 'Delete');
    await expect.poll(() => binMessage(page)).toMatch(/^Action 1\.1\.1 moved to the bin\./);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Undo: bring back action 1.1.1');
    await page.keyboard.press('Enter');
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toBe(first);
    await expect.poll(() => focused(page)).toBe('DIV Action 1.1.1');
  });
});

describe.runIf(browserAvailable())('deleting a progress update, a milestone or a lead', () => {
  it('says so at the window’s foot with Undo, which brings it back', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const action = page.getByRole('group', { name: 'Action 1.1.1', exact: true });
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    const form = page.getByRole('form', { name: 'New progress update for action 1.1.1' });
    await form.getByLabel('RAG').selectOption('amber');
    await form.getByLabel('Progress', { exact: true }).fill('Audit booked');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    // A progress update.
    await action.getByRole('button', { name: /^Delete the .* progress update of action 1\.1\.1$/ }).click();
    await expect.poll(() => binMessage(page)).toMatch(/^The \d{1,2} [A-Z][a-z]+ \d{4} progress update of action 1\.1\.1 moved to the bin\. Tab to Undo, or press Ctrl\+Z\.$/);
    // The message is fixed at the window's foot: with the action at the top of the window, it covers none of the action's buttons.
    await action.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Undo: bring back the .* progress update of action 1\.1\.1$/ }).click();
    await expect.poll(() => action.getByRole('listitem').filter({ hasText: 'Pat, Amber: Audit booked' }).count()).toBe(1);
    // A milestone.
    await page.getByRole('button', { name: 'Add a milestone to action 1.1.1' }).click();
    // The new milestone takes the caret once it is drawn: type when it has it, as a person would after seeing it.
    await expect.poll(() => focused(page)).toBe('DIV Milestone of action 1.1.1');
    await page.keyboard.type('Strategy agreed');
    await page.getByRole('button', { name: 'Delete milestone 1 of action 1.1.1' }).click();
    await expect.poll(() => binMessage(page)).toBe('Milestone 1 of action 1.1.1 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    await expect.poll(() => page.getByRole('textbox', { name: 'Milestone of action 1.1.1' }).count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON Undo: bring back milestone 1 of action 1.1.1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Milestone of action 1.1.1' }).textContent()).toBe('Strategy agreed');
    // A lead taken off the action.
    const leads = () => action.locator('.facts span').first().textContent();
    expect(await leads()).toBe('Leads: LSCB team');
    await page.getByRole('button', { name: 'Remove lead LSCB team from action 1.1.1' }).click();
    await expect.poll(() => binMessage(page)).toBe('Lead LSCB team taken off action 1.1.1. Tab to Undo, or press Ctrl+Z.');
    await expect.poll(leads).toBe('Leads: none yet');
    await page.getByRole('button', { name: 'Undo: put back lead LSCB team on action 1.1.1' }).click();
    await expect.poll(leads).toBe('Leads: LSCB team');
    await expect.poll(() => binMessage(page)).toBe('Lead LSCB team on action 1.1.1 is back.');
    await action.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('one progress form at a time', () => {
  it('the menu’s "Add progress…" with the details open uses the log’s form; the menu’s form, open as the details open, is the log’s then, words and all', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const form = page.getByRole('form', { name: 'New progress update for action 1.1.1' });
    const forms = () => form.count();
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    await expect.poll(forms).toBe(1);
    await form.getByLabel('Progress', { exact: true }).fill('Venue booked');
    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await expect.poll(() => page.locator('action-detail progress-form').count()).toBe(1);
    expect(await forms()).toBe(1);
    expect(await form.getByLabel('Progress', { exact: true }).inputValue()).toBe('Venue booked');
    expect(await page.getByRole('button', { name: 'Add a progress update to action 1.1.1' }).count()).toBe(0);
    // With the log's form open, the menu focuses it rather than opening another.
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    await expect.poll(() => page.locator('action-detail progress-form').evaluate((el) => el.shadowRoot?.activeElement?.id ?? '')).toBe('date');
    expect(await forms()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('printed', () => {
  it('leaves out empty Owner, Aim and Vision headings, and prints each action’s status in words beside its RAG', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    await page.getByRole('textbox', { name: 'Owner of priority 2', exact: true }).fill('QA Sub-group');
    await page.emulateMedia({ media: 'print' });
    const priority = (n: number) => page.getByRole('region', { name: `Priority ${n}`, exact: true });
    expect(await priority(1).getByText('Owner', { exact: true }).isVisible()).toBe(false);
    expect(await priority(1).getByText('Aim', { exact: true }).isVisible()).toBe(false);
    await expect.poll(() => priority(2).getByText('Owner', { exact: true }).isVisible()).toBe(true);
    expect(await shown(page, 'plan-header .label')).toBe(0);
    const action = page.getByRole('group', { name: 'Action 1.1.1', exact: true });
    expect(await action.getByText('Status: Not started').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await action.getByText('Status: Not started').isVisible()).toBe(false);
  });
});

describe.runIf(browserAvailable())('on a 375 px phone', () => {
  it('keeps a priority’s menu button and drag handle on its heading’s line', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 375, height: 740 } }), relay.url, 'Kim');
    // The menu's button comes with the Plan tab's extras, a moment after the outline.
    const menuButton = page.getByRole('button', { name: 'Actions for priority 1', exact: true });
    await menuButton.waitFor();
    const onHeadingLine = async () => {
      const heading = (await page.getByRole('heading', { name: 'Priority 1', exact: true }).boundingBox())!;
      const menu = (await menuButton.boundingBox())!;
      const drag = (await page.getByTitle('Drag priority 1 (or use its menu)', { exact: true }).boundingBox())!;
      return [menu, drag].every((b) => b.y < heading.y + heading.height && b.y + b.height > heading.y && b.x + b.width <= 375);
    };
    await expect.poll(onHeadingLine).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('the register and the dashboard, on a phone and at 1024', () => {
  it('the register names each priority once, not on every row, and its filters share a row at 1024', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 375, height: 740 } }), relay.url, 'Kim');
    const title = (await page.getByRole('textbox', { name: 'Priority 1 title', exact: true }).textContent()) ?? '';
    expect(title.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    // Priority 1 has several actions: its title is in the first of its rows only.
    const priorityCells = grid.locator('tbody td[aria-colindex="2"]');
    const texts = await priorityCells.allInnerTexts();
    expect(texts.filter((t) => t.startsWith('Priority 1')).length).toBeGreaterThan(3);
    expect(texts.filter((t) => t.includes(title))).toEqual([`Priority 1: ${title}`]);
    expect(texts[1]).toBe('Priority 1');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    const tops = await Promise.all(
      ['Filter by lead', 'Filter by RAG', 'Filter by status', 'Filter by due date'].map(async (name) => (await page.locator('register-view').getByLabel(name).boundingBox())!.y),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);
  });

  it('the dashboard gives each priority’s whole name, wrapped, never cut mid-word', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 1024, height: 768 } }), relay.url, 'Kim');
    const title = (await page.getByRole('textbox', { name: 'Priority 1 title', exact: true }).textContent()) ?? '';
    expect(title.length).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    const row = page.getByRole('rowheader', { name: `1. ${title}`, exact: true });
    await row.waitFor();
    expect(await row.innerText()).toBe(`1. ${title}`);
    const box = (await row.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('the tools at the top of the page', () => {
  it('at 1024x768 stay in view and never hide what takes focus; on a 375 px phone they scroll away with the page', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 1024, height: 768 } }), relay.url, 'Kim');
    const toolbar = page.getByRole('toolbar', { name: 'Plan tools' });
    const target = actionBox(page, 'Action 2.1.1');
    await target.waitFor();
    // The action's text box scrolled to just under the window's top edge, behind the bar, without focus.
    await target.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 4));
    const bar = (await toolbar.boundingBox())!;
    expect(bar.y).toBeLessThanOrEqual(1);
    expect((await target.boundingBox())!.y).toBeLessThan(bar.y + bar.height);
    // Focus comes to it (as Tab or a screen reader's focus does): the page scrolls it clear of the bar.
    await target.focus();
    await expect.poll(async () => (await target.boundingBox())!.y >= bar.y + bar.height).toBe(true);

    // On a phone the bar takes three rows: it is not kept at the top once the page scrolls.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await target.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 200));
    await expect.poll(async () => (await toolbar.boundingBox())!.y + (await toolbar.boundingBox())!.height).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.style.scrollPaddingTop)).toBe('');
  });
});
