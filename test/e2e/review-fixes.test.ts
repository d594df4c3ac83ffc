import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable, launch } from './browser.js';
import { APP, actionBox, arrive, chooseFromMenu, cleanUp, cleanup, setup } from './session.js';
import { focusedStop as focused } from './focus.js';
import { tooWide } from './narrow.js';

afterEach(cleanUp);

/** What the outline last announced to screen readers. */
const announced = (page: Page) => page.locator('plan-outline .announce[role="status"]').textContent();

describe.runIf(browserAvailable())('what a fresh-eyes review found (issue 12)', () => {
  it('moves an action to another objective only when "Move" is chosen, not while the list is browsed; says where it went', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const text = await actionBox(page, 'Action 1.2.3').textContent();
    await chooseFromMenu(page, 'action 1.2.3', 'Move to another objective…');
    const list = page.getByLabel('Move action 1.2.3 to objective');
    await expect.poll(() => focused(page)).toBe('SELECT Move action 1.2.3 to objective');
    // Browsing with the arrow keys moves nothing.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => list.evaluate((s: HTMLSelectElement) => s.selectedIndex)).toBe(0);
    expect(await actionBox(page, 'Action 1.2.3').textContent()).toBe(text);
    expect(await axeViolations(page)).toEqual([]);
    // Enter confirms.
    await page.keyboard.press('Enter');
    await expect.poll(() => actionBox(page, 'Action 1.1.2').textContent()).toBe(text);
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.1.2');
    await expect.poll(() => announced(page)).toBe('Action 1.2.3 moved to objective 1.1; it is now action 1.1.2.');
    // The button confirms too; Cancel leaves it where it is.
    await chooseFromMenu(page, 'action 1.1.2', 'Move to another objective…');
    await page.getByLabel('Move action 1.1.2 to objective').selectOption({ index: 1 });
    expect(await actionBox(page, 'Action 1.1.2').textContent()).toBe(text);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.1.2');
    await chooseFromMenu(page, 'action 1.1.2', 'Move to another objective…');
    await page.getByLabel('Move action 1.1.2 to objective').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => actionBox(page, 'Action 1.2.3').textContent()).toBe(text);
    await expect.poll(() => focused(page)).toBe('BUTTON Actions for action 1.2.3');
  });

  it('takes a progress narrative of several lines, keeps its line breaks, and saves it with Ctrl+Enter', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const action = page.getByRole('group', { name: 'Action 1.1.1', exact: true });
    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await action.getByRole('button', { name: 'Add a progress update to action 1.1.1', exact: true }).click();
    const form = action.getByRole('form', { name: 'New progress update for action 1.1.1' });
    await form.getByLabel('RAG').selectOption('amber');
    const narrative = form.getByRole('textbox', { name: 'Progress', exact: true });
    expect(await narrative.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await narrative.focus();
    await page.keyboard.type('Strategy drafted.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sign-off at the March board.');
    expect(await form.count()).toBe(1); // Enter alone starts a line, it does not save
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => form.count()).toBe(0);
    // Kept in the model and shown on two lines, in the log and under the action.
    const logged = action.locator('.log .narrative');
    await expect.poll(() => logged.evaluate((el) => el.textContent)).toBe('Strategy drafted.\nSign-off at the March board.');
    expect(await logged.evaluate((el) => (el as HTMLElement).innerText)).toBe('Strategy drafted.\nSign-off at the March board.');
    const latest = action.locator('p.latest');
    expect(await latest.evaluate((el) => (el as HTMLElement).innerText)).toContain('Strategy drafted.\nSign-off at the March board.');
  });

  it("puts focus on the plan's heading after the welcome screen, not on the page", async () => {
    const { relay, browser } = await setup();
    const page = await (await browser.newContext()).newPage();
    await page.goto(relay.url);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByLabel('Your name').press('Enter');
    await page.getByRole('heading', { name: 'Priority 1' }).waitFor();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await focused(page)).toMatch(/^H1/);
    expect(await heading.getByRole('textbox', { name: 'Plan title' }).textContent()).toMatch(/\S/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('gives each seat at a meeting its own name, and puts back a refused "Substitute" to what is recorded', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Bea');
    await openMeeting(page);
    const lists = page.locator('meeting-recorder').getByRole('combobox', { name: /^Attendance: / });
    const names = await lists.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    expect(names.length).toBeGreaterThan(4);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Attendance: Schools and Further Education, Schools/Further Education, seat 2 of 4');
    const row = page.getByRole('row').filter({ has: page.getByRole('combobox', { name: 'Attendance: Schools and Further Education, Schools/Further Education, seat 2 of 4', exact: true }) });
    expect(await row.getByRole('cell').nth(1).textContent()).toContain('Schools/Further Education (seat 2 of 4)');
    expect(await axeViolations(page)).toEqual([]);
    // Substitute with no name yet: refused, said why, and the list shows what is recorded.
    const police = page.getByRole('combobox', { name: 'Attendance: Lincolnshire Police, Chief Officer of Police', exact: true });
    await police.selectOption('present');
    await police.selectOption('substitute');
    await page.getByRole('alert').filter({ hasText: 'Type the name of the substitute, then choose Substitute.' }).waitFor();
    await expect.poll(() => police.inputValue()).toBe('present');
  });

  it('fits a 375 px phone: the Files menu, Reports, and agreeing a version run off no edge', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: PHONE, hasTouch: true }), relay.url, 'Fay');
    await page.getByText('Files', { exact: true }).click();
    await page
      .getByRole('button', { name: /Download/ })
      .first()
      .waitFor();
    expect(await tooWide(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await page.getByRole('table', { name: 'Actions at each RAG rating, by priority' }).waitFor();
    expect(await tooWide(page)).toEqual([]);
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByLabel('Agreed by (comma-separated)').waitFor();
    expect(await tooWide(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('fits the Share dialog on a 375 px phone, "Take back" in reach, and folds taken-back links under "Taken back (N)"', async () => {
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', SECRET], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const page = await (await browser.newContext({ viewport: PHONE, hasTouch: true })).newPage();
    await page.goto(`${relay.url}/#/plan/demo?token=${ownerToken()}`);
    await page.getByLabel('Your name').fill('Business manager');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this plan' });
    for (const who of ['Workshop partners', 'The board of the Lincolnshire Safeguarding Children Partnership']) {
      await dialog.getByLabel('Who it is for').fill(who);
      await dialog.getByRole('button', { name: 'Make a link' }).click();
      await expect.poll(() => dialog.getByRole('row', { name: new RegExp(who) }).count()).toBe(1);
    }
    expect(await tooWide(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Take back the link for Workshop partners' }).click();
    await expect.poll(() => dialog.locator('caption').first().textContent()).toBe('1 link working');
    const taken = dialog.getByText('Taken back (1)', { exact: true });
    await expect.poll(() => taken.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await dialog.getByRole('row', { name: /Workshop partners/ }).count()).toBe(0); // folded away
    await taken.click();
    await expect.poll(() => dialog.getByRole('row', { name: /Workshop partners/ }).textContent()).toMatch(/Taken back/);
    expect(await tooWide(page)).toEqual([]);
    // Who has opened the plan: its table fits the phone too.
    await dialog.getByText(/^Who has opened the plan \(\d+\)$/).click();
    await expect.poll(() => dialog.getByRole('row', { name: /Business manager Owner An owner’s or administrator’s token/ }).count()).toBeGreaterThan(0);
    expect(await tooWide(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('writes the plan list\'s "last change" as a UK date, as everywhere else', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Gil');
    await page.goto(`${relay.url}/#/`);
    const meta = page.locator('plan-list .meta').first();
    await expect.poll(() => meta.textContent()).toMatch(/last change \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2}$/);
    expect(await meta.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('keeps the tab and the meeting open in the address: a reload stays on them, Back goes to the one before, old addresses still open the plan', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Hal');
    await openMeeting(page);
    expect(page.url()).toMatch(/#\/plan\/demo\/governance\?meeting=[^&]+$/);
    await page.reload();
    await page.getByRole('heading', { name: 'Strategic Management Group: meeting on 11 June 2026' }).waitFor();
    expect(await page.getByRole('button', { name: 'Governance', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    // Back: the groups, then the Plan tab.
    await page.goBack();
    await page.getByRole('heading', { name: 'Strategic Management Group', exact: true }).waitFor();
    expect(page.url()).toMatch(/#\/plan\/demo\/governance$/);
    await page.goBack();
    await expect.poll(() => page.getByRole('button', { name: 'Plan', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toMatch(/#\/plan\/demo$/);
    // A tab by link, and the old address.
    await page.goto(`${relay.url}/#/plan/demo/register`);
    await expect.poll(() => page.getByRole('grid').locator('caption').textContent()).toBe('51 of 51 actions');
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#\/plan\/demo\/reports$/);
    await page.goto(`${relay.url}/#/plan/demo`);
    await page.getByRole('heading', { name: 'Priority 1' }).waitFor();
    expect(await page.getByRole('button', { name: 'Plan', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });
});

const SECRET = 'e2e-secret';
const ownerToken = () => execFileSync(process.execPath, [BIN, 'token', '--secret', SECRET, '--plan', 'demo', '--role', 'owner', '--name', 'Business manager'], { encoding: 'utf8' }).trim();

/** A phone held upright. */
const PHONE = { width: 375, height: 740 };

/** Governance, from Lincolnshire's arrangements, with a meeting of the Strategic Management Group open. */
async function openMeeting(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Governance', exact: true }).click();
  await page.getByRole('button', { name: "Start from Lincolnshire's arrangements (an example to edit)" }).click();
  const newMeeting = page.getByRole('form', { name: 'New meeting of the Strategic Management Group' });
  await newMeeting.getByLabel('Date').fill('2026-06-11');
  await newMeeting.getByRole('button', { name: 'New meeting' }).click();
  await page.getByRole('heading', { name: 'Strategic Management Group: meeting on 11 June 2026' }).waitFor();
}
