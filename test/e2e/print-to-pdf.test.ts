import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildReport, createPlan, listActions, PLAN_STATUS_LABELS } from '@coplan/core';
import { exportPlan, exportReport } from '@coplan/publish';
import { seedPlans } from '@coplan/seeds';
import { browserAvailable, launch } from './browser.js';
import { axeViolations } from './axe.js';
import { arrive, chooseFromMenu, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/** Each page's text, as a PDF reader extracts it. */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: pdf, useSystemFonts: true, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

/**
 * The HTML export printed to PDF by real Chromium, as "Save as PDF" does:
 * the plan's title and version head every page, every page is numbered
 * "Page X of Y", and every action is in the PDF.
 */
/** The accessible label of what has keyboard focus, through shadow roots. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') ?? '';
  });

describe.runIf(browserAvailable())('print and PDF', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  async function print(html: string): Promise<string[]> {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.close();
    return pagesOf(new Uint8Array(pdf));
  }

  for (const { seed, input } of seedPlans) {
    it(`${seed}: the title and version and "Page X of Y" on every page, every action printed`, async () => {
      const s = createPlan(new Y.Doc(), input).snapshot();
      const pages = await print((await exportPlan(s, 'html')) as string);
      expect(pages.length).toBeGreaterThan(s.priorities.length); // each priority starts a page, after the front page
      const header = [s.title, s.versionLabel, PLAN_STATUS_LABELS[s.status]].filter(Boolean).join(' · ');
      pages.forEach((text, i) => {
        expect(text, `page ${i + 1}`).toContain(header);
        expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      });
      const all = pages.join(' ').replace(/\s+/g, '');
      // PDF text runs break lines anywhere: compare without spaces.
      for (const { action } of listActions(s)) expect(all).toContain(action.text.replace(/\s+/g, ''));
    });
  }

  it('a table split over pages repeats its header row on the next page', async () => {
    const s = createPlan(new Y.Doc(), seedPlans[1]!.input).snapshot();
    const pages = await print((await exportPlan(s, 'html')) as string);
    const withTable = pages.filter((p) => p.includes('Objective Action Lead(s) Timescale'));
    // Lancashire's four priority tables run to more than four pages: the continuation pages carry the header too.
    expect(withTable.length).toBeGreaterThan(s.priorities.length);
  });

  it('the published pages meet WCAG 2.2 AA (axe), on screen and as printed', async () => {
    const plan = createPlan(new Y.Doc(), seedPlans[3]!.input);
    const [first, second] = listActions(plan.snapshot());
    plan.create('progress', { date: '2020-06-30', author: 'Chair', rag: 'red', narrative: 'Delayed by lockdown' }, { parentId: first!.action.id });
    plan.create('progress', { date: '2020-07-30', author: 'Chair', rag: 'amber', narrative: 'Restarted' }, { parentId: second!.action.id });
    const s = plan.snapshot();
    const documents: Record<string, string> = { plan: (await exportPlan(s, 'html')) as string };
    for (const kind of ['progress', 'lead', 'annual'] as const) documents[kind] = (await exportReport(buildReport(s, kind, { today: '2020-08-01' }), 'html')) as string;
    const found: Record<string, string[]> = {};
    const page = await browser.newPage();
    for (const [name, html] of Object.entries(documents)) {
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        await page.setContent(html);
        found[`${name} (${media})`] = await axeViolations(page);
      }
    }
    await page.close();
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });

  it('reports print the same way', async () => {
    const s = createPlan(new Y.Doc(), seedPlans[1]!.input).snapshot();
    for (const kind of ['progress', 'lead', 'annual'] as const) {
      const report = buildReport(s, kind, { today: '2016-02-01' });
      const pages = await print((await exportReport(report, 'html')) as string);
      pages.forEach((text, i) => expect(text, `${kind}, page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`));
      expect(pages[0]).toContain(report.title);
    }
  });
});

/**
 * The plan screen printed (Ctrl+P): the plan as a document, its title, details and outline with each action's
 * words, leads, timescale, RAG in words and latest progress, and none of the app's controls.
 */
describe.runIf(browserAvailable())('printing the plan screen', () => {
  /** The demo plan with a progress update on action 1.1.1, as a business manager has it open. */
  async function planWithProgress(): Promise<Page> {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    const form = page.getByRole('form', { name: 'New progress update for action 1.1.1' });
    await form.getByLabel('RAG').selectOption('amber');
    await form.getByLabel('Progress', { exact: true }).fill('Strategy drafted with the police');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => page.getByText(/^Latest progress .*Strategy drafted with the police$/).count()).toBe(1);
    return page;
  }

  it('prints the plan’s words, not the toolbar, tabs, search, filters, banners, presence or menus', async () => {
    const page = await planWithProgress();
    const action = page.getByRole('group', { name: 'Action 1.1.1', exact: true });
    const leads = (await action.getByText(/^Leads: /).textContent())!;
    const timescale = (await page.getByRole('textbox', { name: 'Timescale of action 1.1.1' }).textContent())!;
    expect(leads.length).toBeGreaterThan('Leads: '.length);
    expect(timescale.length).toBeGreaterThan(0);
    // Priority 1's success statements: a text box each on screen, a list on paper.
    for (const [i, words] of ['Fewer children go missing from care', 'Every school has a CSE lead'].entries()) {
      await page.getByRole('button', { name: 'Add a success statement' }).first().click();
      await expect.poll(() => focusedLabel(page)).toBe(`Success statement ${i + 1} of priority 1`);
      await page.keyboard.type(words);
    }
    await expect.poll(() => page.locator('text-list-field .printed li', { hasText: /^(Fewer children go missing from care|Every school has a CSE lead)$/ }).count()).toBe(2);
    const printed = (await pagesOf(new Uint8Array(await page.pdf()))).join(' ');
    const compact = printed.replace(/\s+/g, ''); // PDF text runs break lines anywhere
    for (const words of [
      'LSCB Business Plan 2015/16',
      'Priority 1',
      'Refresh Pan-Lancs CSE strategy and re-launch',
      leads,
      timescale,
      'Amber: at risk',
      'Strategy drafted with the police',
      'What will success look like?',
      'Fewer children go missing from care',
      'Every school has a CSE lead',
    ])
      expect(compact, words).toContain(words.replace(/\s+/g, ''));
    for (const control of [
      'Skip to main content',
      'All plans',
      'Undo',
      'Redo',
      'Files',
      'Search this plan',
      'Filter',
      'All leads',
      'Dashboard',
      'Scorecard',
      'Governance',
      'Show details',
      'About this plan',
      'Connected',
      'Add a success statement',
      'Remove',
    ])
      expect(printed, control).not.toContain(control);
    // As the print stylesheet lays it out: the controls take no room, the plan's words are there.
    await page.emulateMedia({ media: 'print' });
    const visible = (locator: ReturnType<Page['getByRole']>) => locator.evaluateAll((els) => els.filter((el) => (el as HTMLElement).getClientRects().length > 0).length);
    for (const [role, name] of [
      ['button', 'Undo'],
      ['button', 'Redo'],
      ['button', 'Dashboard'],
      ['button', 'Show details of action 1.1.1'],
      ['button', 'Actions for action 1.1.1'],
      ['button', 'Skip to main content'],
      ['searchbox', 'Search this plan'],
      ['textbox', 'Success statement 1 of priority 1'],
      ['button', 'Add a success statement'],
      ['combobox', 'Filter by lead'],
      ['navigation', 'Views of this plan'],
      ['toolbar', 'Plan tools'],
      ['banner', ''],
    ] as const)
      expect(await visible(page.getByRole(role, name ? { name, exact: true } : {})), `${role} ${name}`).toBe(0);
    expect(await visible(page.getByRole('textbox', { name: 'Action 1.1.1', exact: true }))).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
