import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { browserAvailable, launch } from './browser.js';
import { APP, actionBox, arrive, cleanUp, cleanup, setup } from './session.js';

afterEach(cleanUp);

/** Opens "About this plan" (folded away under the title) and waits for its fields. */
async function openDetails(page: Page): Promise<void> {
  await page.getByText('About this plan', { exact: false }).first().click();
  await page.getByLabel('Period starts').waitFor();
}

/** Whether the element has keyboard focus (inside the shadow root it lives in). */
const hasFocus = (box: Locator) => box.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el);

describe.runIf(browserAvailable())('about this plan', () => {
  it('one partner changes the period, version, status, a principle, a partnership, a context statement and the consultation plan; the other sees each change', async () => {
    const { relay, browser } = await setup();
    const alice = await arrive(await browser.newContext(), relay.url, 'Alice');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    // The demo plan's period, in UK dates at the top of the plan.
    await expect.poll(() => bob.getByText('Period 1 April 2015 to 31 March 2016').count()).toBe(1);
    await openDetails(alice);
    await openDetails(bob);

    await alice.getByLabel('Period starts').fill('2016-04-01');
    await alice.getByLabel('Period ends').fill('2017-03-31');
    await alice.getByLabel('Period ends').blur();
    await alice.getByLabel('Version label').fill('V2.0');
    await alice.getByLabel('Version label').press('Tab');
    await alice.getByLabel('Plan status').selectOption({ label: 'Agreed' });

    await expect.poll(() => bob.getByLabel('Period starts').inputValue()).toBe('2016-04-01');
    await expect.poll(() => bob.getByLabel('Period ends').inputValue()).toBe('2017-03-31');
    await expect.poll(() => bob.getByText('The plan runs from 1 April 2016 to 31 March 2017.').count()).toBe(1);
    await expect.poll(() => bob.getByText('Period 1 April 2016 to 31 March 2017').count()).toBe(1);
    await expect.poll(() => bob.getByLabel('Version label').inputValue()).toBe('V2.0');
    await expect.poll(() => bob.getByLabel('Plan status').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('Agreed');

    // A principle: added empty with the caret in it, typed live.
    await alice.getByRole('button', { name: 'Add a principle' }).click();
    const principle = alice.getByRole('textbox', { name: 'Principle 1', exact: true });
    await expect.poll(() => hasFocus(principle)).toBe(true);
    await alice.keyboard.type('Listen to children');
    await expect.poll(() => bob.getByRole('textbox', { name: 'Principle 1', exact: true }).textContent()).toBe('Listen to children');

    // A statutory objective edited in place.
    const statutory = bob.getByRole('textbox', { name: 'Statutory objective 2', exact: true });
    await statutory.click();
    await bob.keyboard.press('Control+End');
    await bob.keyboard.type(' across Lancashire');
    await expect
      .poll(() => alice.getByRole('textbox', { name: 'Statutory objective 2', exact: true }).textContent())
      .toBe('ensuring the effectiveness of what is done by each such person or body for that purpose across Lancashire');

    // A partnership added and renamed; a context statement added and written.
    await alice.getByLabel('New partnership’s name').fill('Blackburn with Darwen LSCB');
    await alice.getByRole('button', { name: 'Add the partnership' }).click();
    await expect.poll(() => bob.getByLabel('Partnership 2', { exact: true }).inputValue()).toBe('Blackburn with Darwen LSCB');
    await bob.getByLabel('Partnership 2', { exact: true }).fill('Blackburn with Darwen Safeguarding Children Board');
    await bob.getByLabel('Partnership 2', { exact: true }).press('Tab');
    await expect.poll(() => alice.getByLabel('Partnership 2', { exact: true }).inputValue()).toBe('Blackburn with Darwen Safeguarding Children Board');
    await alice.getByLabel('New context statement’s title').fill('Covid-19 context statement');
    await alice.getByRole('button', { name: 'Add the context statement' }).click();
    const statement = alice.getByRole('textbox', { name: 'Context statement 1', exact: true });
    await statement.click();
    await alice.keyboard.type('Meetings moved online.');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('Audits continued.');
    await expect.poll(() => bob.getByRole('textbox', { name: 'Context statement 1 title', exact: true }).textContent()).toBe('Covid-19 context statement');
    await expect.poll(() => bob.getByRole('textbox', { name: 'Context statement 1', exact: true }).innerText()).toBe('Meetings moved online.\nAudits continued.');

    // The consultation plan: the demo plan's entry, and one added.
    await expect.poll(() => bob.getByRole('textbox', { name: 'Consultation 1: who', exact: true }).textContent()).toBe('All LSCB partners');
    await alice.getByLabel('Who to consult').fill('Youth council');
    await alice.getByRole('button', { name: 'Add to the consultation plan' }).click();
    await expect.poll(() => bob.getByRole('textbox', { name: 'Consultation 2: who', exact: true }).textContent()).toBe('Youth council');

    // Removing the principle takes it from both screens; undo brings it back.
    await alice.getByRole('button', { name: 'Remove principle 1' }).click();
    await expect.poll(() => bob.getByRole('textbox', { name: 'Principle 1', exact: true }).count()).toBe(0);
    await alice.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => bob.getByRole('textbox', { name: 'Principle 1', exact: true }).textContent()).toBe('Listen to children');
  });

  it('a period with only one end is not saved when the person leaves the box, and says what else it needs; what was typed stays in the box', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Robin');
    await openDetails(page);
    await page.getByLabel('Period ends').fill('');
    await page.getByLabel('Period ends').blur();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Give the day the plan’s period ends as well' }).count()).toBe(1);
    expect(await page.getByLabel('Period starts').inputValue()).toBe('2015-04-01');
    await expect.poll(() => page.getByText('Period 1 April 2015 to 31 March 2016').count()).toBe(1);
    // An end before the start: said in plain words, with the days as people write them.
    await page.getByLabel('Period ends').fill('2014-03-31');
    await page.getByLabel('Period ends').blur();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The period cannot end (31 March 2014) before it starts (1 April 2015): choose an end on or after the start.' }).count()).toBe(1);
    expect(await page.getByLabel('Period ends').inputValue()).toBe('2014-03-31');
  });
});

describe.runIf(browserAvailable())('about this plan for a viewer', () => {
  it('shows everything and offers no way to change it; typing changes nothing', async () => {
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', 'e2e-secret'], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const viewerToken = execFileSync(process.execPath, [BIN, 'token', '--secret', 'e2e-secret', '--plan', 'demo', '--role', 'viewer'], { encoding: 'utf8' }).trim();
    const viewer = await (await browser.newContext()).newPage();
    await viewer.goto(`${relay.url}/#/plan/demo?token=${viewerToken}`);
    await viewer.getByLabel('Your name').fill('Board member');
    await viewer.getByRole('button', { name: 'Continue' }).click();
    await viewer.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await openDetails(viewer);
    expect(await viewer.getByLabel('Period starts').inputValue()).toBe('2015-04-01');
    expect(await viewer.getByLabel('Period starts').getAttribute('readonly')).not.toBeNull();
    expect(await viewer.getByLabel('Plan status').isDisabled()).toBe(true);
    expect(await viewer.getByRole('button', { name: /^(Add|Remove|Delete) / }).count()).toBe(0);
    const statutory = viewer.getByRole('textbox', { name: 'Statutory objective 1', exact: true });
    expect(await statutory.getAttribute('aria-readonly')).toBe('true');
    const before = await statutory.textContent();
    await statutory.click();
    await viewer.keyboard.type('VIEWER TYPED');
    expect(await statutory.textContent()).toBe(before);
  });
});

describe.runIf(browserAvailable())('searching the plan', () => {
  it('finds words anywhere in the plan, and a result puts the caret in the field it names', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Robin');
    const search = page.getByRole('searchbox', { name: 'Search this plan' });
    await search.fill('pan-lancs strategy');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.getByRole('link').first().textContent()).toBe('Action 1.1.1');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /places? match/ })
          .count(),
      )
      .toBe(1);
    await results.getByRole('link', { name: 'Action 1.1.1', exact: true }).click();
    await expect.poll(() => hasFocus(actionBox(page, 'Action 1.1.1'))).toBe(true);
    // The words found are selected, as a find in a document does, not the caret left at the field's start.
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('Pan-Lancs');

    // Plan-level text: the details open and the caret goes into the entry found.
    await search.fill('effectiveness');
    await results.getByRole('link', { name: 'Statutory objective 2', exact: true }).click();
    await expect.poll(() => hasFocus(page.getByRole('textbox', { name: 'Statutory objective 2', exact: true }))).toBe(true);

    // A partnership's name is a plain box in the details.
    await search.fill('lancashire safeguarding children board');
    await results.getByRole('link', { name: 'Partnership', exact: true }).click();
    await expect.poll(() => hasFocus(page.getByLabel('Partnership 1', { exact: true }))).toBe(true);

    // By keyboard alone: Tab from the search box to the first result, Enter to follow it.
    await search.fill('pan-lancs strategy');
    await search.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(actionBox(page, 'Action 1.1.1'))).toBe(true);

    await search.fill('zebra crossing');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nothing in this plan matches.' }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('search results kept up to date', () => {
  it('finds words typed into the plan after the search was made, and drops words deleted', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Robin');
    const search = page.getByRole('searchbox', { name: 'Search this plan' });
    const results = page.getByRole('list', { name: 'Search results' });
    await search.fill('zebra crossing');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nothing in this plan matches.' }).count()).toBe(1);
    const box = actionBox(page, 'Action 2.1.1');
    await box.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' by the zebra crossing');
    await expect.poll(() => results.getByRole('link').allTextContents()).toEqual(['Action 2.1.1']);
    for (let i = 0; i < ' crossing'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Nothing in this plan matches.' }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('accessibility of about this plan and search (WCAG 2.2 AA, axe)', () => {
  it('the open details, with a list entry, a partnership and a context statement, and search results pass axe', async () => {
    const { axeViolations } = await import('./axe.js');
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Robin');
    await openDetails(page);
    await page.getByRole('button', { name: 'Add a principle' }).click();
    await expect.poll(() => hasFocus(page.getByRole('textbox', { name: 'Principle 1', exact: true }))).toBe(true);
    await page.keyboard.type('Child first');
    await page.getByLabel('New context statement’s title').fill('Covid-19 context statement');
    await page.getByRole('button', { name: 'Add the context statement' }).click();
    await page.getByRole('textbox', { name: 'Context statement 1 title', exact: true }).waitFor();
    const found: Record<string, string[]> = { 'about this plan': await axeViolations(page) };
    await page.getByRole('searchbox', { name: 'Search this plan' }).fill('strategy');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    found['search results'] = await axeViolations(page);
    expect(found).toEqual({ 'about this plan': [], 'search results': [] });
  });
});
