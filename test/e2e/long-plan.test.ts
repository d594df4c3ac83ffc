import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createPlan, openPlan } from '@coplan/core';
import { connect, startRelayProcess, waitFor, type RelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { browserAvailable, launch } from './browser.js';
import { axeViolations } from './axe.js';
import { actionBox, APP, chooseFromMenu } from './session.js';
import { ACTION_TEXTS, longPlan, missingActions } from './long-plan-fixture.js';

/** The page printed to PDF, as "Save as PDF" does, and its text as a PDF reader extracts it. */
async function printedText(page: Page): Promise<string> {
  const pdf = await page.pdf();
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

/** Whether the element has the keyboard focus (inside shadow roots too). */
const hasFocus = (page: Page, label: string) => actionBox(page, label).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);

/**
 * A 1,000-action plan is drawn in stages (the first screen live at once, the
 * rest as plain text a moment later, each action going live as it comes near
 * or takes focus): whatever the stage, screen readers, printing, search and a
 * partner's edits reach every action.
 */
describe.runIf(browserAvailable())('a 1,000-action plan', () => {
  let relay: RelayProcess;
  let browser: Browser;
  let partner: ReturnType<typeof openPlan>;
  const stop: Array<() => unknown> = [];

  beforeAll(async () => {
    relay = await startRelayProcess(['--demo', '--static', APP]);
    stop.push(() => relay.stop('SIGKILL'));
    const doc = new Y.Doc();
    createPlan(doc, longPlan(), { planId: 'long' });
    const uploader = connect(relay, 'long', { doc });
    stop.push(() => uploader.destroy());
    await waitFor(() => expect(uploader.synced).toBe(true));
    partner = openPlan(doc, { user: 'Partner' });
    browser = await launch();
    stop.push(() => browser.close());
  }, 60_000);
  afterAll(async () => {
    for (const f of stop.reverse()) await f();
  });

  /** A person opening the long plan's address: its first action is editable. */
  async function openLongPlan(): Promise<Page> {
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('coplan:user', JSON.stringify({ name: 'Robin', colour: '#1d70b8' })));
    const page = await context.newPage();
    await page.goto(`${relay.url}/#/plan/long`);
    await page.getByRole('heading', { name: 'Priority 1', exact: true }).waitFor({ timeout: 30_000 });
    await actionBox(page, 'Action 1.1.1').waitFor({ timeout: 30_000 });
    return page;
  }

  it('puts every action, named, with its words, in the page for assistive technology and on paper', async () => {
    const page = await openLongPlan();
    // Printed at once, before the rest of the plan is drawn: printing draws it all first.
    const printed = await printedText(page);
    expect(ACTION_TEXTS.filter((t) => !printed.includes(t))).toEqual([]);
    await expect.poll(async () => (await missingActions(page)).length, { timeout: 30_000 }).toBe(0);
  }, 120_000);

  it('a search result in the last action puts the caret in it, editable', async () => {
    const page = await openLongPlan();
    await page.getByRole('searchbox', { name: 'Search this plan' }).fill('Action 9.9.9:');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'Action 10.10.10', exact: true }).click();
    await expect.poll(() => hasFocus(page, 'Action 10.10.10')).toBe(true);
    await page.keyboard.press('Home');
    await page.keyboard.type('Found: ');
    await expect.poll(() => actionBox(page, 'Action 10.10.10').textContent()).toBe(`Found: ${ACTION_TEXTS[999]}`);
    await waitFor(() =>
      expect(partner.readAction(partner.childIds('action', partner.childIds('objective', partner.childIds('priority', null)[9]!)[9]!)[9]!)?.text).toBe(`Found: ${ACTION_TEXTS[999]}`),
    );
  }, 120_000);

  it('an action far down, found on the page and scrolled to, becomes editable', async () => {
    const page = await openLongPlan();
    // As the browser's find does: the words are in the page; it scrolls them into view.
    const words = page.getByText(ACTION_TEXTS[555]!, { exact: true });
    await words.waitFor({ state: 'attached', timeout: 30_000 });
    await words.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await actionBox(page, 'Action 6.6.6').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' now');
    await expect.poll(() => actionBox(page, 'Action 6.6.6').textContent()).toBe(`${ACTION_TEXTS[555]} now`);
  }, 120_000);

  it('the keyboard reaches actions past the first screen (arrow keys along a list, Tab into it), and each takes the caret', async () => {
    const page = await openLongPlan();
    // The innermost group (an action, an objective) holding what has focus, through shadow roots; else its own name.
    const focused = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        for (let at = el; at; ) {
          const group = at.closest('[role="group"]');
          if (group) return group.getAttribute('aria-label') ?? '';
          const root = at.getRootNode();
          at = root instanceof ShadowRoot ? root.host : null;
        }
        return el?.getAttribute('aria-label') ?? '';
      });
    await page.getByRole('group', { name: 'Objective 1.1', exact: true }).focus();
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('Objective 1.10');
    // Into its actions (drawn when focus came in, if they were not yet): Tab stops once in the list.
    const seen: string[] = [];
    for (let i = 0; i < 8 && !seen.includes('Action 1.10.1'); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen, seen.join(' | ')).toContain('Action 1.10.1');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('Action 1.10.10');
    await page.keyboard.press('Tab');
    await expect.poll(() => hasFocus(page, 'Action 1.10.10')).toBe(true);
    await page.keyboard.type('Reached by keyboard: ');
    await expect.poll(() => actionBox(page, 'Action 1.10.10').textContent()).toBe(`Reached by keyboard: ${ACTION_TEXTS[99]}`);
  }, 120_000);

  it("an objective far down keeps a place at least its size until shown; the page's find reaches its action, which is then laid out at its real size, and axe finds nothing", async () => {
    const page = await openLongPlan();
    const target = ACTION_TEXTS[634]!; // action 7.4.5
    await page.getByText(target, { exact: true }).waitFor({ state: 'attached', timeout: 30_000 });
    // Each objective's box (its place in the page) against its contents laid out, reading them
    // lays out even a skipped one, as axe does: never taller than its place, or it would run
    // into the next objective; and which objectives the browser is skipping (not laid out).
    const objectives = () =>
      page.evaluate(() => {
        const all: Element[] = [];
        const visit = (root: Document | ShadowRoot) => {
          all.push(...Array.from(root.querySelectorAll('objective-item')));
          for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) visit(el.shadowRoot);
        };
        visit(document);
        return all.map((item) => {
          const inner = item.querySelector(':scope > .objective')!;
          const box = item.getBoundingClientRect();
          return {
            name: inner.getAttribute('aria-label') ?? '',
            place: box.height,
            // From its top to the bottom of its contents (their top margin included).
            contents: inner.getBoundingClientRect().bottom - box.top,
            skipped: !inner.checkVisibility({ contentVisibilityAuto: true }),
          };
        });
      });
    const before = await objectives();
    expect(before).toHaveLength(100);
    expect(before.find((o) => o.name === 'Objective 7.4')?.skipped).toBe(true);
    expect(before.filter((o) => o.contents > o.place + 1)).toEqual([]);
    // Ctrl+F: the browser's find searches words not laid out, and shows the match.
    // (`window.find` is Chromium's own find, not in the DOM's types.)
    await expect.poll(() => page.evaluate((words) => (window as unknown as { find(text: string): boolean }).find(words), target)).toBe(true);
    const found = await objectives();
    const objective = found.find((o) => o.name === 'Objective 7.4')!;
    expect(objective.skipped).toBe(false);
    // Its real size, not the place it held.
    expect(Math.abs(objective.place - objective.contents)).toBeLessThan(2);
    expect(objective.place).toBeLessThan(before.find((o) => o.name === 'Objective 7.4')!.place);
    const words = page.getByText(target, { exact: true });
    const box = (await words.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);

  it("a partner's edit to an action far down shows when it is scrolled to", async () => {
    const page = await openLongPlan();
    const objectiveId = partner.childIds('objective', partner.childIds('priority', null)[8]!)[7]!;
    const actionId = partner.childIds('action', objectiveId)[6]!;
    partner.editText('action', actionId, 'text', 0, 0, 'Changed by a partner: ');
    const changed = `Changed by a partner: ${ACTION_TEXTS[876]}`;
    const group = page.getByRole('group', { name: 'Action 9.8.7', exact: true });
    await group.waitFor({ state: 'attached', timeout: 30_000 });
    await group.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect.poll(() => actionBox(page, 'Action 9.8.7').textContent(), { timeout: 30_000 }).toBe(changed);
  }, 120_000);

  it("a partner's typing in an action still drawn as plain words shows in those words at once", async () => {
    const page = await openLongPlan();
    const group = page.getByRole('group', { name: 'Action 10.9.5', exact: true });
    await group.waitFor({ state: 'attached', timeout: 30_000 });
    const words = () => group.evaluate((el) => el.querySelector('[data-text]')?.textContent ?? null);
    // Far down and drawn late, it is still plain words (not yet live) when the partner types; idle time is held from making it live.
    await page.locator('plan-outline').evaluate((el) => (el as unknown as { liveUpgrades: { hold(): void } }).liveUpgrades.hold());
    expect(await words()).toBe(ACTION_TEXTS[984]);
    const objectiveId = partner.childIds('objective', partner.childIds('priority', null)[9]!)[8]!;
    partner.editText('action', partner.childIds('action', objectiveId)[4]!, 'text', 0, 0, 'Typed by a partner: ');
    await expect.poll(words, { timeout: 10_000 }).toBe(`Typed by a partner: ${ACTION_TEXTS[984]}`);
  }, 120_000);

  it("a partner's progress update, new lead and renamed lead show in the plain words of actions far down", async () => {
    const page = await openLongPlan();
    const group = page.getByRole('group', { name: 'Action 10.8.3', exact: true });
    await group.waitFor({ state: 'attached', timeout: 30_000 });
    // Drawn by its objective as plain words (no action item, no text box) when the partner acts.
    const plain = () => group.evaluate((el) => el.classList.contains('plain') && !el.closest('action-item') && !el.querySelector('editable-text'));
    const words = () => group.evaluate((el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
    // Idle time would make them live meanwhile (sooner on a busy machine's timing): held plain for the test.
    await page.locator('plan-outline').evaluate((el) => (el as unknown as { liveUpgrades: { hold(): void } }).liveUpgrades.hold());
    expect(await plain()).toBe(true);
    const objectiveId = partner.childIds('objective', partner.childIds('priority', null)[9]!)[7]!;
    const [a3, a4] = partner.childIds('action', objectiveId).slice(2, 4) as [string, string];
    partner.recordProgress(a3, { date: '2025-06-02', author: 'Partner', rag: 'red', narrative: 'Audit postponed' });
    partner.nameLeads(a3, ['Health Sub']);
    await expect.poll(words, { timeout: 10_000 }).toContain('Red: off track');
    await expect.poll(words, { timeout: 10_000 }).toContain('Latest progress (2 June 2025, Partner): Audit postponed');
    await expect.poll(words, { timeout: 10_000 }).toContain('Leads: Health Sub');
    // A lead named on its neighbour, then renamed (a change to the lead, not to the action): the words follow.
    partner.nameLeads(a4, ['CSE Sub']);
    const neighbour = page.getByRole('group', { name: 'Action 10.8.4', exact: true });
    const neighbourWords = () => neighbour.evaluate((el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
    await expect.poll(neighbourWords, { timeout: 10_000 }).toContain('Leads: CSE Sub');
    partner.update('lead', partner.readAction(a4)!.leads[0]!.leadId!, { name: 'Child Exploitation Sub-group' });
    await expect.poll(neighbourWords, { timeout: 10_000 }).toContain('Leads: Child Exploitation Sub-group');
    expect(await plain()).toBe(true);
  }, 120_000);

  it('focus moved to the plain words of an action far down lands on that action, live', async () => {
    const page = await openLongPlan();
    const group = page.getByRole('group', { name: 'Action 10.7.6', exact: true });
    await group.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await group.evaluate((el) => el.classList.contains('plain'))).toBe(true);
    // As a screen reader's focus or a script would: its objective draws its actions live in place of the words.
    await group.evaluate((el) => (el as HTMLElement).focus());
    const focusedGroup = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return { label: el?.getAttribute('aria-label') ?? '', live: !!el?.closest('action-item') };
      });
    await expect.poll(focusedGroup).toEqual({ label: 'Action 10.7.6', live: true });
    await page.keyboard.press('Tab');
    await expect.poll(() => hasFocus(page, 'Action 10.7.6')).toBe(true);
    await page.keyboard.type('Focused: ');
    await expect.poll(() => actionBox(page, 'Action 10.7.6').textContent()).toBe(`Focused: ${ACTION_TEXTS[965]}`);
  }, 120_000);

  it('a progress update and a correction being written far down come back open after a reload, with the notice naming them', async () => {
    const page = await openLongPlan();
    // A partner's saved update on action 10.9.10, to be corrected.
    const corrected = partner.childIds('action', partner.childIds('objective', partner.childIds('priority', null)[9]!)[8]!)[9]!;
    partner.recordProgress(corrected, { date: '2026-01-15', author: 'Partner', rag: 'amber', narrative: 'Audit booked' });
    // Found by search, a new update on action 10.10.10…
    const search = page.getByRole('searchbox', { name: 'Search this plan' });
    await search.fill('Action 9.9.9:');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'Action 10.10.10', exact: true }).click();
    await expect.poll(() => hasFocus(page, 'Action 10.10.10')).toBe(true);
    await chooseFromMenu(page, 'action 10.10.10', 'Add progress…');
    await page.getByRole('form', { name: 'New progress update for action 10.10.10' }).getByLabel('Progress', { exact: true }).fill('Dates agreed with schools');
    // …and a correction of the partner's update on action 10.9.10.
    await search.fill('Action 9.8.9:');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'Action 10.9.10', exact: true }).click();
    await page.getByRole('button', { name: 'Show details of action 10.9.10' }).click();
    await page.getByRole('button', { name: 'Edit the 15 January 2026 progress update of action 10.9.10' }).click();
    await page.getByRole('form', { name: 'Edit the 15 January 2026 progress update of action 10.9.10' }).getByLabel('Progress', { exact: true }).fill('Audit held in March');

    await page.reload();
    await page.getByRole('heading', { name: 'Priority 1', exact: true }).waitFor({ timeout: 30_000 });
    // Both forms are open again with their words, though their objectives are far down the page.
    const words = (form: string) => page.getByRole('form', { name: form }).getByLabel('Progress', { exact: true }).inputValue();
    await expect.poll(() => words('New progress update for action 10.10.10'), { timeout: 30_000 }).toBe('Dates agreed with schools');
    await expect.poll(() => words('Edit the 15 January 2026 progress update of action 10.9.10'), { timeout: 30_000 }).toBe('Audit held in March');
    await expect
      .poll(() => page.locator('plan-view p.notice').textContent())
      .toBe('Your progress updates not yet saved when this page closed are back, open to save or cancel: action 10.10.10 and a change to the 15 January 2026 update of action 10.9.10.');
  }, 120_000);
});
