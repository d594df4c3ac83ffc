import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from './browser.js';
import { axeViolations } from './axe.js';
import { actionBox, arrive, cleanUp, setup, chooseFromMenu } from './session.js';

afterEach(cleanUp);

// A register as a partnership might keep it; "Person" is not a heading Coplan knows, so it is not imported until corrected.
const CSV = `Priority,Objective,Task,Person,By when
Neglect,Name neglect early,Train 200 staff in the neglect toolkit,Training Sub,By 31/03/26
Neglect,Name neglect early,Audit neglect cases,QA Sub,September 2025
Exploitation,Map exploitation,Publish the exploitation strategy,CSE Sub,June 2025
`;

// A table copied from a spreadsheet: tab-separated, no priority column.
const TSV =
  'Objective\tAction\tLead\tTimescale\nKeep children safe online\tRun e-safety week in every school\tSchools\tMay 2026\nKeep children safe online\tBrief every GP practice\tHealth\tJune 2026\n';

/** The plans this device lists, as the plan list keeps them. */
const devicePlans = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('coplan:plans') ?? '[]') as unknown[]).length);

/** Pastes as a person does: the text goes on the clipboard, then Ctrl+V in the box. */
async function paste(page: Page, label: string, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByLabel(label).focus();
  await page.keyboard.press('Control+V');
}

describe.runIf(browserAvailable())('bringing a plan in', () => {
  it('reads a CSV file, takes a corrected column, and creates a plan holding its actions', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Imogen');
    await page.goto(relay.url + '/#/');
    await page.getByRole('button', { name: 'Bring in an existing plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bring in an existing plan' });
    await dialog.getByLabel('Choose a file').setInputFiles({ name: 'neglect-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const counts = dialog.locator('.counts');
    await expect.poll(() => counts.textContent()).toMatch(/2 priorities, 2 objectives and 3 actions;\s+0 with leads, 3 with timescales\./);
    // The unknown column is flagged in words, not only in colour, and its cells are listed as not imported.
    await expect.poll(() => dialog.getByRole('row', { name: /^Person/ }).textContent()).toMatch(/check this \(0%\)/);
    await expect.poll(() => dialog.getByRole('heading', { name: 'Not imported (3)' }).count()).toBe(1);
    expect(await dialog.getByRole('row', { name: /Training Sub.*Column "Person" is not mapped/ }).count()).toBe(1);
    // Correct it: the preview changes at once.
    await dialog.getByLabel('Import column “Person” as').selectOption('lead');
    await expect.poll(() => counts.textContent()).toMatch(/3 with leads/);
    await expect.poll(() => dialog.getByRole('heading', { name: 'Not imported (0)' }).count()).toBe(1);
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['Neglect — 1 objective, 2 actions', 'Exploitation — 1 objective, 1 action']);
    await dialog.getByLabel('Title of the new plan').fill('Neglect and exploitation plan 2025/26');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // The new plan opens, holding the file's actions with their leads.
    await expect.poll(() => page.getByRole('textbox', { name: 'Plan title' }).textContent()).toBe('Neglect and exploitation plan 2025/26');
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toBe('Train 200 staff in the neglect toolkit');
    await expect.poll(() => actionBox(page, 'Action 2.1.1').textContent()).toBe('Publish the exploitation strategy');
    await expect.poll(() => page.getByText(/^Leads: /).allTextContents()).toEqual(['Leads: Training Sub', 'Leads: QA Sub', 'Leads: CSE Sub']);
    await page.goto(relay.url + '/#/');
    await expect.poll(() => page.getByRole('link', { name: 'Neglect and exploitation plan 2025/26' }).count()).toBe(1);
  });

  it('pastes a table into an open plan, adds it, and one undo takes the whole import back', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
    const page = await arrive(context, relay.url, 'Parminder');
    await page.getByText('Files').click();
    await page.getByRole('button', { name: 'Import into this plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into this plan' });
    await paste(page, 'Paste the plan’s table (copied from Word, Excel or a web page) or its text', TSV);
    await dialog.getByRole('button', { name: 'Preview the pasted text' }).click();
    await expect.poll(() => dialog.locator('.counts').textContent()).toMatch(/1 priority, 1 objective and 2 actions;\s+2 with leads, 2 with timescales\./);
    expect(await dialog.getByLabel('Add to this plan').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The demo plan has four priorities: the paste is the fifth.
    await expect.poll(() => actionBox(page, 'Action 5.1.1').textContent()).toBe('Run e-safety week in every school');
    await expect.poll(() => actionBox(page, 'Action 5.1.2').textContent()).toBe('Brief every GP practice');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported 1 priority with 2 actions into this plan. To take the whole import back, press Undo once' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Priority 5' }).count()).toBe(0);
    expect(await actionBox(page, 'Action 5.1.1').count()).toBe(0);
    expect(await actionBox(page, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    expect(await page.getByRole('heading', { name: 'Bin' }).count()).toBe(0);
  });

  it('replaces an open plan’s priorities with a file’s, the old ones going to the bin', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Rory');
    await page.getByText('Files').click();
    await page.getByRole('button', { name: 'Import into this plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into this plan' });
    await dialog.getByLabel('Choose a file').setInputFiles({ name: 'neglect-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await dialog.getByLabel('Replace this plan’s priorities (they go to the bin)').check();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toBe('Train 200 staff in the neglect toolkit');
    await expect.poll(() => page.getByRole('heading', { name: /^Priority \d$/ }).count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Restore priority' }).count()).toBe(4);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'its previous priorities are in the bin' }).count()).toBe(1);
  });

  it('reads a table pasted from Word from the clipboard’s HTML, not its plain text', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
    const page = await arrive(context, relay.url, 'Wren');
    await page.goto(relay.url + '/#/');
    await page.getByRole('button', { name: 'Bring in an existing plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bring in an existing plan' });
    // Word puts the table on the clipboard as HTML; its plain text has lost the columns.
    const table =
      '<table><tr><td><p>Objective</p></td><td><p>Action</p></td><td><p>Lead</p></td></tr><tr><td><p>Hear the voice of the child</p></td><td><p>Survey 500 children</p></td><td><p>Participation Officer</p></td></tr></table>';
    await page.evaluate(async (html) => {
      const item = new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob(['Objective Action Lead Hear the voice of the child Survey 500 children Participation Officer'], { type: 'text/plain' }),
      });
      await navigator.clipboard.write([item]);
    }, table);
    await dialog.getByLabel('Paste the plan’s table (copied from Word, Excel or a web page) or its text').focus();
    await page.keyboard.press('Control+V');
    await expect.poll(() => dialog.getByText('A formatted table was pasted').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Preview the pasted text' }).click();
    await expect.poll(() => dialog.getByText(/read as a table from a web page, Word or Excel/).count()).toBe(1);
    await expect.poll(() => dialog.locator('.counts').textContent()).toMatch(/1 priority, 1 objective and 1 action;\s+1 with leads/);
  });

  it('refuses a .docx that is really text with the core’s words, and creates nothing', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Bea');
    await page.goto(relay.url + '/#/');
    await page.getByRole('heading', { name: 'Plans on this device' }).waitFor();
    const before = await devicePlans(page);
    const databases = await page.evaluate(async () => (await indexedDB.databases()).length);
    const opener = page.getByRole('button', { name: 'Bring in an existing plan' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Bring in an existing plan' });
    await dialog
      .getByLabel('Choose a file')
      .setInputFiles({ name: 'business-plan.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('Priority 1: neglect\nTrain staff\n') });
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('"business-plan.docx" is named as a Word document (.docx) but holds text. Open it in Word and save it as a .docx, then import that.');
    expect(await dialog.getByRole('heading', { name: 'Check what will come in' }).count()).toBe(0);
    // Escape closes the dialog; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => opener.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await devicePlans(page)).toBe(before);
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(databases);
    expect(page.url()).toBe(relay.url + '/#/');
  });
});

describe.runIf(browserAvailable())('publishing the plan', () => {
  it('downloads it as Word and as the Excel register, and prints the HTML export from a frame of its own', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ acceptDownloads: true });
    // The browser's print dialog cannot be driven here: record what was sent to it instead.
    await context.addInitScript(() => {
      window.print = () => {
        const top = window.top as unknown as { printed?: string[] };
        (top.printed ??= []).push(document.documentElement.outerHTML);
      };
    });
    const page = await arrive(context, relay.url, 'Priya');
    for (const [button, name] of [
      ['Download Word (.docx)', 'LSCB Business Plan 2015-16.docx'],
      ['Download the Excel register (.xlsx)', 'LSCB Business Plan 2015-16 - register.xlsx'],
    ] as const) {
      await page.getByText('Files').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString('latin1'), name).toBe('PK');
      expect(bytes.length, name).toBeGreaterThan(2000);
    }
    await page.getByText('Files').click();
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: string[] }).printed?.length ?? 0)).toBe(1);
    const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed[0]!);
    expect(printed).toContain('Refresh Pan-Lancs CSE strategy and re-launch');
    expect(printed).toMatch(/@media print|@page/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Save as PDF' }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('reports', () => {
  it('shows the progress report with its RAG table, changes since a date, the per-lead report, and a Word download', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ acceptDownloads: true }), relay.url, 'Rhiannon');
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    const report = page.getByRole('article', { name: 'Progress report' });
    await expect.poll(() => report.getByRole('table').filter({ hasText: /Red/ }).filter({ hasText: /Amber/ }).filter({ hasText: /Green/ }).count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Word' }).click()]);
    expect(download.suggestedFilename()).toBe('LSCB Business Plan 2015-16 - progress report.docx');
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    await page.getByRole('button', { name: 'Per lead' }).click();
    await expect.poll(() => page.getByRole('article', { name: 'Actions per lead' }).textContent()).toContain('CSE Sub');
  });
});

describe.runIf(browserAvailable())('reports, as at a day and for a year', () => {
  it('colours RAG cells and the chart legend, reports as at a chosen day, and writes the annual report for a chosen business year', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Rhiannon');
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    const form = page.getByRole('form', { name: 'New progress update for action 1.1.1' });
    await form.getByRole('combobox', { name: 'RAG' }).selectOption('red');
    await form.getByLabel('Progress', { exact: true }).fill('Stalled');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    const report = page.getByRole('article', { name: 'Progress report' });
    // The report's own classes are coloured in the app, though its styles are not brought in.
    const look = (selector: string) =>
      report
        .locator(selector)
        .first()
        .evaluate((el) => {
          const c = getComputedStyle(el);
          return `${c.display} ${c.backgroundColor} ${c.color}`;
        });
    await expect.poll(() => look('p.rag.rag-red')).toBe('inline-block rgb(181, 42, 22) rgb(255, 255, 255)');
    await expect.poll(() => look('.swatch.rag-red')).toMatch(/^inline-block rgb\(181, 42, 22\)/);
    expect(
      await report
        .locator('.swatch.rag-none')
        .first()
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderTopStyle]),
    ).toEqual(['rgb(243, 242, 241)', 'solid']);
    // As at a chosen day.
    await page.getByLabel('As at').fill('2026-01-15');
    await expect.poll(() => report.textContent()).toContain('As at: 2026-01-15');
    await page.getByRole('button', { name: 'Per lead', exact: true }).click();
    await page.getByLabel('As at').fill('2026-02-20');
    await expect.poll(() => page.getByRole('article', { name: 'Actions per lead' }).textContent()).toContain('2026-02-20');
    // The annual report: the plan's own year (2015/16, long ended) by default; any recent year on request.
    await page.getByRole('button', { name: 'Annual', exact: true }).click();
    const year = page.getByRole('combobox', { name: /Business year/ });
    await expect.poll(() => year.inputValue()).toBe('2015-04-01');
    const names = await year.locator('option').allTextContents();
    expect(names).toContain('2015/16');
    expect(names).toContain('2025/26');
    const annual = page.getByRole('article', { name: 'Annual report' });
    await expect.poll(() => annual.getByRole('heading').first().textContent()).toMatch(/2015\/16/);
    await year.selectOption('2025-04-01');
    await expect.poll(() => annual.getByRole('heading').first().textContent()).toMatch(/2025\/26/);
    await expect.poll(() => annual.textContent()).toContain('2025-04-01 to 2026-03-31');
  });
});

describe.runIf(browserAvailable())('accessibility of plans in and out (WCAG 2.2 AA, axe)', () => {
  it('the import dialog passes axe at both steps', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Axel');
    // The Files menu closes on Escape, focus back on it.
    await page.getByText('Files').click();
    await page.getByRole('button', { name: 'Import into this plan…' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Import into this plan…' }).isVisible()).toBe(false);
    expect(await page.locator('summary', { hasText: 'Files' }).evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Import into this plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into this plan' });
    await dialog.getByLabel('Choose a file').waitFor();
    const found: Record<string, string[]> = { 'import: choose': await axeViolations(page) };
    await dialog.getByLabel('Choose a file').setInputFiles({ name: 'neglect-plan.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await dialog.getByRole('heading', { name: 'Check what will come in' }).waitFor();
    found['import: preview'] = await axeViolations(page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it('each report passes axe', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Axel');
    const found: Record<string, string[]> = {};
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await page.getByRole('article', { name: 'Progress report' }).getByRole('table').first().waitFor();
    found['reports: progress'] = await axeViolations(page);
    for (const kind of ['Per lead', 'Annual']) {
      await page.getByRole('button', { name: kind, exact: true }).click();
      await expect.poll(() => page.getByRole('button', { name: kind, exact: true }).getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('article').getByRole('heading').first().waitFor();
      found[`reports: ${kind}`] = await axeViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});
