import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup } from './session.js';
import { focusedStop } from './focus.js';

afterEach(cleanUp);

/** The focus ring drawn around `target` once it has keyboard focus: its outline's colour and width, and its box shadow. */
async function ringOn(page: Page, target: Locator): Promise<{ colour: string; width: string; shadow: string }> {
  // Keyboard focus first (a Tab), so focus moved by script next shows as keyboard focus does (`:focus-visible`).
  await page.keyboard.press('Tab');
  await target.focus();
  return target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { colour: style.outlineColor, width: style.outlineWidth, shadow: style.boxShadow };
  });
}

const YELLOW = 'rgb(255, 221, 0)';

/** The text of the heading focus went to (a screen's H1), once it has. */
async function headingFocused(page: Page): Promise<string> {
  const heading = () =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (el?.tagName !== 'H1') return null;
      // A plan's heading is its title's text box.
      return (el.querySelector('editable-text')?.shadowRoot?.querySelector('[role="textbox"]') ?? el).textContent?.trim() ?? '';
    });
  await expect.poll(heading, { timeout: 10_000 }).not.toBeNull();
  return (await heading())!;
}

describe.runIf(browserAvailable())('focus that is plain to see, and a title for every screen', () => {
  it("draws the app's yellow focus ring on the tool bar's, tab bar's and filters' controls and on a text box (not just a thicker border)", async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Sam');
    await page.getByRole('combobox', { name: 'Filter by RAG', exact: true }).waitFor();
    const controls = [
      page.getByRole('button', { name: 'Register', exact: true }),
      page.getByRole('button', { name: 'Share', exact: true }),
      page.locator('summary', { hasText: /^Files$/ }),
      page.getByRole('combobox', { name: 'Filter by RAG', exact: true }),
      page.getByRole('link', { name: 'All plans', exact: true }),
    ];
    for (const control of controls) {
      const ring = await ringOn(page, control);
      expect(ring.colour, await control.evaluate((el) => el.outerHTML.slice(0, 60))).toBe(YELLOW);
      expect(ring.width).toBe('3px');
      expect(ring.shadow).toContain('rgb(11, 12, 12)');
    }
    const box = actionBox(page, 'Action 1.1.1');
    await box.click();
    expect(await box.evaluate((el) => [getComputedStyle(el).outlineColor, getComputedStyle(el).outlineWidth])).toEqual([YELLOW, '3px']);
  });

  it("titles each screen by what it shows, following the plan's title as it is typed; going to another screen puts focus on its heading", async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Sam');
    const plan = await page.evaluate(() => document.title);
    expect(plan).toMatch(/^Plan – .+ – Coplan$/);
    const planTitle = plan.replace(/^Plan – /, '').replace(/ – Coplan$/, '');

    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.title)).toBe(`Register – ${planTitle} – Coplan`);
    // A tab of the same plan is not another screen: focus stays on the tab's button.
    expect(await focusedStop(page)).toMatch(/^BUTTON Register/);
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    const title = page.getByRole('textbox', { name: 'Plan title', exact: true });
    await title.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' (draft)');
    await expect.poll(() => page.evaluate(() => document.title)).toBe(`Plan – ${planTitle} (draft) – Coplan`);

    // "All plans": the list, titled, focus on its heading rather than left on a link that has gone.
    await page.getByRole('link', { name: 'All plans', exact: true }).click();
    expect(await headingFocused(page)).toBe('Plans on this device');
    expect(await page.evaluate(() => document.title)).toBe('Plans on this device – Coplan');
    // Back into the plan from the list: focus on the plan's heading.
    await page.getByRole('link', { name: planTitle }).click();
    expect(await headingFocused(page)).toBe(`${planTitle} (draft)`);
    expect(await page.evaluate(() => document.title)).toBe(`Plan – ${planTitle} (draft) – Coplan`);
    // The top bar's "Coplan" link: the link keeps no focus once its screen has gone by.
    await page.getByRole('link', { name: 'Coplan', exact: true }).press('Enter');
    expect(await headingFocused(page)).toBe('Plans on this device');
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    expect(await headingFocused(page)).toBe('Accessibility statement');
    expect(await page.evaluate(() => document.title)).toBe('Accessibility statement – Coplan');
    // The statement has what the accessibility regulations ask of one.
    for (const heading of ['What is not accessible yet', 'Feedback and contact information', 'Enforcement procedure', 'Compliance status', 'How Coplan was tested'])
      expect(await page.getByRole('heading', { name: heading, level: 2 }).count()).toBe(1);
    expect(await page.getByText(/^This statement was prepared on \d{1,2} [A-Z][a-z]+ \d{4}\.$/).count()).toBe(1);
  });

  it("starting from Lincolnshire's arrangements puts focus on the agencies they brought and says what came", async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Sam');
    await page.getByRole('button', { name: 'Governance', exact: true }).click();
    await page.getByRole('button', { name: "Start from Lincolnshire's arrangements (an example to edit)" }).click();
    await expect.poll(() => focusedStop(page)).toMatch(/^SUMMARY \d+ agencies/);
    await expect.poll(() => page.locator('governance-view [role="status"]').textContent()).toMatch(/^Lincolnshire's arrangements added, to edit as your own: \d+ agencies and \d+ groups\.$/);
  });

  it('links the accessibility statement from the foot of every screen, a plan (any tab) as the list of plans; from a plan it opens the statement and Back returns', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Sam');
    const statement = page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement', exact: true });
    await statement.waitFor();
    // One link to it on the plan screen, in the page's foot, after the plan.
    expect(await page.getByRole('link', { name: 'Accessibility statement' }).count()).toBe(1);
    const foot = (await page.getByRole('contentinfo').boundingBox())!;
    const plan = (await page.getByRole('main').boundingBox())!;
    expect(foot.y).toBeGreaterThanOrEqual(plan.y + plan.height - 1);
    expect(await axeViolations(page)).toEqual([]);
    // Another tab of the plan: the same place.
    await page.getByRole('button', { name: 'Governance', exact: true }).click();
    await page.getByRole('heading', { name: 'Governance', level: 2 }).waitFor();
    expect(await statement.count()).toBe(1);
    // From the keyboard: the statement, with focus on its heading; Back goes to the plan.
    await statement.focus();
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('Accessibility statement');
    expect(await page.evaluate(() => document.title)).toBe('Accessibility statement – Coplan');
    expect(await statement.getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await page.getByRole('heading', { name: 'Governance', level: 2 }).waitFor();
    // The list of plans has it in the same place.
    await page.getByRole('link', { name: 'All plans', exact: true }).click();
    expect(await headingFocused(page)).toBe('Plans on this device');
    expect(await page.getByRole('link', { name: 'Accessibility statement' }).count()).toBe(1);
    expect(await statement.getAttribute('aria-current')).toBeNull();
  });
});
