import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { axeViolations } from './axe.js';
import { browserAvailable, launch } from './browser.js';
import { APP, actionBox, arrive, chooseFromMenu, cleanUp, cleanup, setup } from './session.js';
import { focusedElement as focused } from './focus.js';

afterEach(cleanUp);

const FIRST = 'Refresh Pan-Lancs CSE strategy and re-launch';

describe.runIf(browserAvailable())('the register as a spreadsheet', () => {
  it('moves with the arrow keys, edits with Enter, F2 or typing, saves with Enter and cancels with Escape', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Dana');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const grid = page.getByRole('grid', { name: /of 51 actions/ });
    await grid.waitFor();
    // One tab stop: the header's first cell; the arrows take it from there.
    await grid.getByRole('button', { name: 'Ref', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: '1.1.1' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: FIRST });

    // Enter edits, Enter saves and moves down, as in Excel.
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ label: 'Action of action 1.1.1', value: FIRST });
    await page.keyboard.type(' by June');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: 'Multi-agency action plans to be monitored locally by CPBs and fed back to CSE sub as part of the QA framework' });
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toBe(`${FIRST} by June`);
    await page.getByRole('button', { name: 'Register', exact: true }).click();

    // Typing starts editing, replacing the cell; Escape takes it back.
    const cell = grid.getByRole('gridcell', { name: `${FIRST} by June`, exact: true });
    await cell.focus();
    await page.keyboard.type('Oops');
    expect(await focused(page)).toMatchObject({ label: 'Action of action 1.1.1', value: 'Oops' });
    await page.keyboard.press('Escape');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: `${FIRST} by June` });

    // A due date chosen in a date input; a status chosen from a list.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: '31 March 2016' });
    await page.keyboard.press('F2');
    expect(await focused(page)).toMatchObject({ label: 'Due of action 1.1.1', value: '2016-03-31' });
    await grid.getByLabel('Due of action 1.1.1').fill('2016-06-30');
    await page.keyboard.press('Enter');
    await expect.poll(() => grid.getByRole('row').nth(1).textContent()).toMatch(/By 30 June 2016\s*30 June 2016/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: 'Not started' });
    await page.keyboard.press('Enter');
    await grid.getByLabel('Status of action 1.1.1').selectOption('complete');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => grid.getByRole('row').nth(1).getByRole('gridcell').nth(6).textContent()).toBe('Complete');

    // A refused edit stays open with the reason, and nothing typed is lost.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page
          .getByRole('alert')
          .filter({ hasText: /required/ })
          .count(),
      )
      .toBe(1);
    expect(await focused(page)).toMatchObject({ label: 'Action of action 1.1.1', value: '' });
    await page.keyboard.press('Escape');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: `${FIRST} by June` });
  });
});

describe.runIf(browserAvailable())('the register for a viewer', () => {
  it('moves between cells but opens no editor, and says why', async () => {
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', 'e2e-secret'], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const viewerToken = execFileSync(process.execPath, [BIN, 'token', '--secret', 'e2e-secret', '--plan', 'demo', '--role', 'viewer'], { encoding: 'utf8' }).trim();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${relay.url}/#/plan/demo?token=${viewerToken}`);
    await page.getByLabel('Your name').fill('Board member');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const grid = page.getByRole('grid', { name: /of 51 actions/ });
    await expect.poll(() => grid.getAttribute('aria-readonly')).toBe('true');
    await expect.poll(() => page.getByText('You can read this register, not change it.').count()).toBe(1);
    await grid.getByRole('button', { name: 'Ref', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: FIRST });
    await page.keyboard.press('Enter');
    await page.keyboard.type('VIEWER TYPED');
    await page.keyboard.press('F2');
    expect(await focused(page)).toMatchObject({ role: 'gridcell', text: FIRST });
    expect(await grid.getByRole('textbox').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('a progress update sets the action status too', () => {
  it('enables Undo as soon as a person types with only the plan on screen; Undo takes the words back and offers Redo', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    await expect.poll(() => undo.isDisabled()).toBe(true);
    const box = actionBox(page, 'Action 1.1.1');
    await box.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' now');
    // Typing alone reads nothing else of the plan again; the toolbar follows the undo history itself.
    await expect.poll(() => undo.isDisabled()).toBe(false);
    expect(await redo.isDisabled()).toBe(true);
    await undo.click();
    await expect.poll(() => box.textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    await expect.poll(() => redo.isDisabled()).toBe(false);
    await expect.poll(() => undo.isDisabled()).toBe(true);
  });

  it('offers In progress for a Green update and saves both; the versions view says so in words', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByLabel('Label').fill('v1.1');
    await page.getByRole('button', { name: 'Agree this version' }).click();
    await expect.poll(() => page.getByRole('row', { name: /v1\.1/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Plan', exact: true }).click();

    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    const form = page.getByRole('form', { name: 'New progress update for action 1.1.1' });
    const status = form.getByRole('combobox', { name: 'Action status' });
    await expect.poll(() => status.inputValue()).toBe('not-started');
    await form.getByRole('combobox', { name: 'RAG' }).selectOption('green');
    await expect.poll(() => status.inputValue()).toBe('in-progress');
    await form.getByLabel('Progress', { exact: true }).fill('Strategy relaunched at the Board');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => page.getByLabel('Status of action 1.1.1').inputValue()).toBe('in-progress');
    // One step for Undo takes both back.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.getByLabel('Status of action 1.1.1').inputValue()).toBe('not-started');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => page.getByLabel('Status of action 1.1.1').inputValue()).toBe('in-progress');

    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByRole('button', { name: 'Compare' }).click();
    const changes = page.getByRole('region', { name: 'What changed from v1.1 to the plan now' });
    await expect.poll(() => changes.textContent()).toMatch(/Action changed: Refresh Pan-Lancs CSE strategy and re-launch\s*Status changed from Not started to In progress\s*RAG set to Green/);
    await expect.poll(() => changes.textContent()).toMatch(/Progress update added: Strategy relaunched at the Board/);
    expect(await changes.textContent()).not.toMatch(/→|rag:/);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.runIf(browserAvailable())('near-duplicate leads', () => {
  it('offers the demo plan’s duplicates for merging, merges them into the name kept, and deletes a lead in use after confirming', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Lee');
    await page.getByRole('button', { name: 'Leads', exact: true }).click();
    const row = (name: string) => page.locator('tr', { has: page.getByRole('textbox', { name: `Name of lead ${name}`, exact: true }) });
    const led = (name: string) => row(name).getByRole('cell').nth(3).textContent();
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    await duplicates.waitFor();
    const merge = duplicates.getByRole('form', { name: 'Merge QA Sub, QA Sub-group' });
    const before = Number(await led('QA Sub')) + Number(await led('QA Sub-group'));
    expect(await merge.getByRole('radio', { name: /^QA Sub \(/ }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await merge.getByRole('button', { name: 'Merge QA Sub, QA Sub-group' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Merged “QA Sub-group” into “QA Sub”' }).count()).toBe(1);
    await expect.poll(() => row('QA Sub-group').count()).toBe(0);
    expect(Number(await led('QA Sub'))).toBe(before);
    expect(await duplicates.getByRole('form', { name: 'Merge QA Sub, QA Sub-group' }).count()).toBe(0);

    // A lead some actions name: deleting it asks first, then takes it off them.
    const cse = Number(await led('CSE Sub'));
    expect(cse).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Delete CSE Sub' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deleting CSE Sub' });
    await expect.poll(() => confirm.textContent()).toMatch(new RegExp(`leads ${cse} actions`));
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: `Delete and take it off ${cse} actions` }).click();
    await expect.poll(() => row('CSE Sub').count()).toBe(0);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.locator('register-view').getByRole('grid').waitFor();
    const leadCells = await page.locator('register-view').locator('td[data-col="3"]').allTextContents();
    expect(leadCells.length).toBe(51);
    expect(leadCells.filter((t) => t.split(', ').includes('CSE Sub'))).toEqual([]);
  });
});

describe.runIf(browserAvailable())('the leads registry says what it did, while it holds', () => {
  it('counts "1 action", says a lead was added, and drops "Undo takes the merge back" once the merge is undone', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Lee');
    await page.getByRole('button', { name: 'Leads', exact: true }).click();
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    await duplicates.waitFor();
    const counts = await duplicates.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.parentElement?.textContent?.trim() ?? ''));
    expect(counts.length).toBeGreaterThan(1);
    for (const label of counts) expect(label).toMatch(/\((1 action|\d+ actions)\)$/);
    expect(counts.some((label) => / \(1 actions\)$/.test(label))).toBe(false);

    const status = page.locator('leads-view p.message[role="status"]');
    await duplicates.getByRole('form', { name: 'Merge QA Sub, QA Sub-group' }).getByRole('button', { name: 'Merge QA Sub, QA Sub-group' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Merged “QA Sub-group” into “QA Sub”/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('textbox', { name: 'Name of lead QA Sub-group', exact: true }).count()).toBe(1);
    await expect.poll(() => status.textContent()).toBe('');

    const add = page.getByRole('form', { name: 'Add a lead', exact: true });
    await add.getByLabel('Name', { exact: true }).fill('Early Help Board');
    await add.getByRole('button', { name: 'Add to the registry' }).click();
    await expect.poll(() => status.textContent()).toBe('Added “Early Help Board” to the registry. Undo (Ctrl+Z) takes it back.');
    expect(await page.getByRole('textbox', { name: 'Name of lead Early Help Board', exact: true }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('an offline update on an action a partner deleted', () => {
  it('tells the writer on reconnecting, and restoring brings back the action and the update for both', async () => {
    const { relay, browser } = await setup();
    const alex = await arrive(await browser.newContext(), relay.url, 'Alex');
    const samContext = await browser.newContext();
    const sam = await arrive(samContext, relay.url, 'Sam');
    await expect.poll(() => sam.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count()).toBe(1);
    // The form is open (its code loaded) when the venue's wifi drops.
    await sam.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await chooseFromMenu(sam, 'action 1.1.1', 'Add progress…');
    const form = sam.getByRole('form', { name: 'New progress update for action 1.1.1' });
    await form.waitFor();
    await samContext.setOffline(true);
    await expect
      .poll(
        () =>
          sam
            .getByRole('status')
            .filter({ hasText: /Offline|Reconnecting/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);

    await form.getByRole('combobox', { name: 'RAG' }).selectOption('green');
    await form.getByLabel('Progress', { exact: true }).fill('Relaunched at the venue');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => sam.getByRole('listitem').filter({ hasText: 'Sam, Green: Relaunched at the venue' }).count()).toBe(1);

    await chooseFromMenu(alex, 'action 1.1.1', 'Delete');
    await expect.poll(() => actionBox(alex, 'Action 1.1.1').count()).toBe(0);

    await samContext.setOffline(false);
    const notice = sam.getByRole('region', { name: 'Your work on a deleted action' });
    await expect
      .poll(() => notice.textContent(), { timeout: 20_000 })
      .toMatch(/Alex deleted the action “Refresh Pan-Lancs CSE strategy and re-launch”.*your progress update “Relaunched at the venue”/);
    expect(await axeViolations(sam)).toEqual([]);
    await notice.getByRole('button', { name: 'Restore the action and your work' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    for (const page of [sam, alex]) {
      await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent(), { timeout: 20_000 }).toBe(FIRST);
      await expect.poll(() => page.getByRole('group', { name: 'Action 1.1.1', exact: true }).locator('rag-badge span').textContent()).toBe('Green: on track');
    }
    expect(await alex.getByRole('region', { name: 'Your work on a deleted action' }).count()).toBe(0);
  });
});
