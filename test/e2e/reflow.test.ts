import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { tooWide } from './narrow.js';
import { arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/** A phone's narrowest width, as 1280 px is at 400% zoom (WCAG 1.4.10 Reflow). */
const NARROW = { width: 320, height: 640 };

type AXNode = { nodeId: string; ignored: boolean; role?: { value: string }; name?: { value: string }; childIds?: string[] };

/** A table as Chromium gives it to assistive technology (its own accessibility tree): its column headings and each row's cells, by name. */
async function tableAsRead(page: Page, caption: string): Promise<{ headings: string[]; rows: string[][] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const table = nodes.find((n) => n.role?.value === 'table' && n.name?.value === caption);
  if (!table) throw new Error(`no table "${caption}" in the accessibility tree`);
  const found: { headings: string[]; rows: string[][] } = { headings: [], rows: [] };
  const walk = (id: string, row: string[] | null): void => {
    const n = byId.get(id)!;
    const role = n.ignored ? '' : n.role?.value;
    if (role === 'row') {
      const cells: string[] = [];
      for (const c of n.childIds ?? []) walk(c, cells);
      if (cells.length) found.rows.push(cells);
      return;
    }
    if (role === 'columnheader') found.headings.push(n.name?.value ?? '');
    else if (role === 'cell' && row) row.push(n.name?.value ?? '');
    else for (const c of n.childIds ?? []) walk(c, row);
  };
  walk(table.nodeId, null);
  return found;
}

/** The column heading drawn above a cell (its `::before`), or 'none' where the table is laid out as one. */
const drawnHeading = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el, '::before').content);

describe.runIf(browserAvailable())('tables that reflow at 320 px (WCAG 1.4.10)', () => {
  it('the leads registry: each lead a block, each field under its heading; nothing runs off the side; all there, editable, and read as a table', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: NARROW }), relay.url, 'Ola');
    await page.getByRole('button', { name: 'Leads', exact: true }).click();
    const name = (lead: string) => page.getByRole('textbox', { name: `Name of lead ${lead}`, exact: true });
    await name('CPBs').waitFor();
    expect(await tooWide(page)).toEqual([]);
    const view = page.locator('leads-view');
    const count = Number((await view.locator('caption').textContent())?.match(/^(\d+) leads/)?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(await view.locator('tbody tr').count()).toBe(count);
    expect(await drawnHeading(view.locator('td[data-label="Actions led"]').first())).toMatch(/Actions led/);

    // A screen reader still has the table: its headings, and each cell without the drawn heading in its words.
    const read = await tableAsRead(page, `${count} leads in the registry`);
    expect(read.headings).toEqual(['Name', 'Kind', 'Chair', 'Actions led', 'Delete']);
    expect(read.rows.length).toBe(count);
    expect(read.rows.find((r) => r[0] === 'CPBs')).toEqual(['CPBs', 'group', 'Chair of lead CPBs', '1', 'Delete CPBs']);

    // Editable as before.
    await name('CPBs').fill('Child Protection Boards');
    await name('CPBs').press('Tab');
    await expect.poll(() => name('Child Protection Boards').count()).toBe(1);
    const kind = page.getByRole('combobox', { name: 'Kind of lead Child Protection Boards', exact: true });
    await kind.selectOption('organisation');
    await expect.poll(() => kind.inputValue()).toBe('organisation');
    await page.getByRole('button', { name: 'Delete Child Protection Boards', exact: true }).click();
    await page.getByRole('group', { name: 'Confirm deleting Child Protection Boards' }).getByRole('button', { name: 'Keep it' }).waitFor();
    expect(await tooWide(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the dashboard: nothing runs off the side, each priority whole in words, the chart’s labels readable, the tables read as tables', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: NARROW }), relay.url, 'Ola');
    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    const view = page.locator('dashboard-view');
    await view.getByRole('heading', { name: 'RAG by priority' }).waitFor();
    expect(await tooWide(page)).toEqual([]);
    // A priority's name breaks between words, not inside them.
    const first = view.locator('th[scope="row"]').first();
    const words = ((await first.textContent()) ?? '').split(/\s+/).filter(Boolean);
    const lines = await first.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getClientRects().length;
    });
    expect(lines).toBeLessThanOrEqual(words.length);
    expect(await first.evaluate((el) => getComputedStyle(el).overflowWrap)).toBe('break-word');
    // The chart's labels are drawn at least 10 px high.
    const label = (await view.locator('svg text').first().boundingBox())!;
    expect(label.height).toBeGreaterThanOrEqual(10);
    const read = await tableAsRead(page, 'RAG counts by priority');
    expect(read.headings[0]).toBe('Priority');
    expect(read.rows.length).toBe(await view.locator('th[scope="row"]').count());
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the leads registry on a wide screen is still a table laid out as one, its header row showing', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 1280, height: 800 } }), relay.url, 'Ola');
    await page.getByRole('button', { name: 'Leads', exact: true }).click();
    await page.getByRole('textbox', { name: 'Name of lead CPBs', exact: true }).waitFor();
    const table = page.locator('leads-view table');
    expect(await table.evaluate((el) => getComputedStyle(el).display)).toBe('table');
    expect((await table.getByRole('columnheader', { name: 'Actions led' }).boundingBox())!.height).toBeGreaterThan(10);
    expect(await drawnHeading(table.locator('td[data-label="Actions led"]').first())).toBe('none');
    // Each lead on one line.
    const row = (await table.locator('tbody tr').first().boundingBox())!;
    expect(row.height).toBeLessThan(80);
  });

  it('governance: agencies, seats, a meeting’s attendance and attendance by agency fit 320 px, all there and editable, read as tables', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: NARROW }), relay.url, 'Ola');
    await page.getByRole('button', { name: 'Governance', exact: true }).click();
    await page.getByRole('button', { name: "Start from Lincolnshire's arrangements (an example to edit)" }).click();
    const view = page.locator('governance-view');
    await view.locator('details summary').first().click();
    const group = page.getByRole('region', { name: 'Strategic Management Group', exact: true });
    await group.getByText("Edit the Strategic Management Group's rules and seats").click();
    await group.getByRole('table', { name: 'Seats on the Strategic Management Group' }).waitFor();
    expect(await tooWide(page)).toEqual([]);

    const agencies = await tableAsRead(page, 'Partners and relevant agencies');
    expect(agencies.headings).toEqual(['Agency', 'Statutory partner', 'Remove']);
    expect(agencies.rows.length).toBe(await view.locator('tbody[data-list="agency"] tr').count());
    const seats = await tableAsRead(page, 'Seats on the Strategic Management Group');
    expect(seats.headings).toEqual(['Agency', 'Seat', 'Remove']);
    expect(seats.rows[0]?.slice(0, 2)).toEqual(['Lincolnshire County Council', "Children's Services"]);
    const statutory = page.getByRole('checkbox', { name: 'Probation Service is a statutory partner', exact: true });
    const was = await statutory.isChecked();
    await statutory.click();
    await expect.poll(() => statutory.isChecked()).toBe(!was);
    expect(await axeViolations(page)).toEqual([]);

    // A meeting (today's): attendance seat by seat, recorded at this width.
    await group.getByRole('button', { name: 'New meeting' }).click();
    const recorder = page.locator('meeting-recorder');
    await recorder.getByRole('heading', { level: 3 }).waitFor();
    expect(await tooWide(page)).toEqual([]);
    const caption = (await recorder.locator('caption').textContent())!.trim();
    const attendance = await tableAsRead(page, caption);
    expect(attendance.headings).toEqual(['Agency', 'Seat', 'Attendance', "Substitute's name"]);
    expect(attendance.rows.length).toBe(await recorder.locator('tbody tr').count());
    await recorder.getByRole('combobox', { name: 'Attendance: Lincolnshire Police, Chief Officer of Police', exact: true }).selectOption('present');
    await recorder.getByRole('textbox', { name: 'Substitute for Probation Service', exact: true }).fill('Sam Deputy');
    await recorder.getByRole('combobox', { name: 'Attendance: Probation Service', exact: true }).selectOption('substitute');
    await expect.poll(() => recorder.locator('caption').textContent()).toMatch(/^Attendance: 2 of \d+ seats filled$/);
    expect(await tooWide(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // Back to the groups: this year's attendance by agency.
    await page.getByRole('button', { name: 'Back to the groups' }).click();
    const yearTable = view.getByRole('table', { name: /^Strategic Management Group: 1 meeting/ });
    await yearTable.waitFor();
    expect(await tooWide(page)).toEqual([]);
    const byAgency = await tableAsRead(page, (await yearTable.locator('caption').textContent())!.trim());
    expect(byAgency.headings).toEqual(['Agency', 'Attended', 'Rate', 'Meets the threshold']);
    expect(byAgency.rows).toContainEqual(['Lincolnshire Police', '1 of 1', '100%', 'Yes']);
  });
});
