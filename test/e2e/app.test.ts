import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BIN, startRelayProcess, type RelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { execFileSync } from 'node:child_process';
import { blurFocus } from './focus.js';
import { browserAvailable, launch } from './browser.js';
import { focusedName } from './focus.js';
import { storedUpdates } from './device-store.js';
import { APP, actionBox, arrive, cleanUp, cleanup, setup, chooseFromMenu } from './session.js';

afterEach(cleanUp);

function token(secret: string, plan: string, role: string): string {
  return execFileSync(process.execPath, [BIN, 'token', '--secret', secret, '--plan', plan, '--role', role], { encoding: 'utf8' }).trim();
}

/**
 * Where an element is once layout has settled: items off screen are laid out only when
 * scrolled to (`content-visibility: auto`), so after a scroll the items around a target
 * can still change height and move it. Reads the box frame by frame until it stays put.
 */
async function settledBox(page: Page, element: ReturnType<Page['getByRole']>): Promise<{ x: number; y: number; width: number; height: number }> {
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  let box = (await element.boundingBox())!;
  for (let tries = 0; tries < 50; tries++) {
    await frame();
    const next = (await element.boundingBox())!;
    if (next.x === box.x && next.y === box.y && next.height === box.height) return next;
    box = next;
  }
  throw new Error('the element kept moving for 50 pairs of frames');
}

/** Drags from a handle's centre to a point, the way a finger or mouse would. */
async function drag(page: Page, handle: ReturnType<Page['getByRole']>, x: number, y: number): Promise<void> {
  const from = await settledBox(page, handle);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 8 });
  await page.mouse.up();
}

/**
 * A person on the demo plan whose app has loaded under the service worker's control, with the relay
 * then stopped and the network off: what they do next is on this device alone.
 */
async function offlineWithServiceWorker(browser: Browser, relay: RelayProcess, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await arrive(context, relay.url, name);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload(); // now under the service worker's control
  await actionBox(page, 'Action 1.1.1').waitFor();
  await relay.stop('SIGKILL');
  await context.setOffline(true);
  return page;
}

/** The first "Leads: …" line of the outline. */
function firstLeads(page: Page): Promise<string | null> {
  return page
    .getByText(/^Leads: /)
    .first()
    .textContent();
}

/**
 * Runs an axe `check` on every view a person meets (the name form, the plan, an action in full, each of
 * `tabs`, the plans on this device, the accessibility statement) and returns what it found in each.
 * `inAction` checks more with the action in full open; `openTab` readies a tab's view once its button is pressed.
 */
async function checkEveryView(
  check: (page: Page) => Promise<string[]>,
  tabs: string[],
  openTab: (page: Page, tab: string) => Promise<void>,
  inAction: (page: Page, found: Record<string, string[]>) => Promise<void> = async () => {},
): Promise<Record<string, string[]>> {
  const { relay, browser } = await setup();
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto(relay.url + '/#/accessibility');
  await first.getByLabel('Your name').waitFor();
  const found: Record<string, string[]> = { 'name form': await check(first) };
  const page = await arrive(context, relay.url, 'Robin');
  found.plan = await check(page);
  await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
  await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
  await page.getByRole('form', { name: 'New progress update for action 1.1.1' }).waitFor();
  found['action in full'] = await check(page);
  await inAction(page, found);
  for (const tab of tabs) {
    await page.getByRole('button', { name: tab, exact: true }).click();
    await openTab(page, tab);
    found[tab] = await check(page);
  }
  await page.goto(relay.url + '/#/');
  await page.getByRole('heading', { name: 'Plans on this device' }).waitFor();
  found['plans on this device'] = await check(page);
  await page.goto(relay.url + '/#/accessibility');
  await page.getByRole('heading', { name: 'Accessibility statement' }).waitFor();
  found['accessibility statement'] = await check(page);
  return found;
}

/** No view has a violation: each is listed with none. */
const noneIn = (found: Record<string, string[]>) => Object.fromEntries(Object.keys(found).map((k) => [k, []]));

describe.runIf(browserAvailable())('the app in Chromium', () => {
  it('opens the demo plan on a first visit; two people typing in one action see who is editing it and both end with the merged text', async () => {
    const { relay, browser } = await setup();
    const alice = await arrive(await browser.newContext(), relay.url, 'Alice');
    const bob = await arrive(await browser.newContext(), relay.url, 'Bob');
    await expect.poll(() => alice.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count()).toBe(1);
    await expect.poll(() => alice.getByText('Bob', { exact: true }).count()).toBeGreaterThan(0);
    const a = actionBox(alice, 'Action 1.1.1');
    const b = actionBox(bob, 'Action 1.1.1');
    await expect.poll(() => a.textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    await a.click();
    await alice.keyboard.press('Control+End');
    await b.click();
    await bob.keyboard.press('Control+Home');
    // Each sees which item the other is editing, in their colour.
    await expect.poll(() => alice.getByText('Bob is editing this').count()).toBe(1);
    await expect.poll(() => bob.getByText('Alice is editing this').count()).toBe(1);
    await Promise.all([alice.keyboard.type(' by Alice'), bob.keyboard.type('Bob: ')]);
    const merged = 'Bob: Refresh Pan-Lancs CSE strategy and re-launch by Alice';
    await expect.poll(() => a.textContent(), { timeout: 10_000 }).toBe(merged);
    await expect.poll(() => b.textContent(), { timeout: 10_000 }).toBe(merged);
  });

  it('reloads with the relay stopped and the network off, and shows the plan with the offline edits', async () => {
    const { relay, browser } = await setup();
    const page = await offlineWithServiceWorker(browser, relay, 'Sam');
    const box = actionBox(page, 'Action 1.1.1');
    const stored = () => storedUpdates(page, 'demo');
    const before = await stored();
    await box.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' (typed offline)');
    await expect.poll(() => box.textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch (typed offline)');
    // y-indexeddb writes each update asynchronously; reload once this device holds the edits.
    // (one stored update per keystroke)
    await expect.poll(stored).toBeGreaterThanOrEqual(before + ' (typed offline)'.length);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Offline|Saved on this device|Reconnecting/ })
          .count(),
      )
      .toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent(), { timeout: 15_000 }).toBe('Refresh Pan-Lancs CSE strategy and re-launch (typed offline)');
  });

  it('works by keyboard alone: add a priority, an objective and an action, each empty and focused, move the action from its menu, undo', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const focused = () => focusedName(page);
    const focusAndPress = async (name: string) => {
      const button = page.getByRole('button', { name, exact: true });
      await button.focus();
      await page.keyboard.press('Enter');
    };
    await focusAndPress('Add a priority');
    await page.getByRole('heading', { name: 'Priority 5' }).waitFor();
    // The new priority starts empty, with the caret in its title and a placeholder saying what to write.
    await expect.poll(focused).toBe('Priority 5 title');
    expect(await page.getByRole('textbox', { name: 'Priority 5 title' }).getAttribute('aria-placeholder')).toBe('Name the priority');
    await page.keyboard.type('Online safety');
    await focusAndPress('Add an objective to priority 5');
    await expect.poll(focused).toBe('Objective 5.1');
    await focusAndPress('Add an action to objective 5.1');
    await expect.poll(focused).toBe('Action 5.1.1');
    expect(await actionBox(page, 'Action 5.1.1').textContent()).toBe('');
    expect(await actionBox(page, 'Action 5.1.1').getAttribute('aria-placeholder')).toBe('Describe the action');
    await page.keyboard.type('Run a campaign');
    // Move it to the first objective of priority 1 from its menu, by keyboard; focus follows it there.
    await page.getByRole('button', { name: 'Actions for action 5.1.1', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Move up');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('Delete');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('Move to another objective…');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Move action 5.1.1 to objective');
    await page.getByLabel('Move action 5.1.1 to objective').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await expect.poll(() => actionBox(page, 'Action 5.1.1').count()).toBe(0);
    await expect.poll(() => actionBox(page, 'Action 1.1.2').textContent()).toBe('Run a campaign');
    await expect.poll(focused).toBe('Actions for action 1.1.2');
    // Escape closes a menu with focus back on its button, never on the page.
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Move up');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Actions for action 1.1.2');
    await page.keyboard.press('Control+z');
    await expect.poll(() => actionBox(page, 'Action 5.1.1').textContent()).toBe('Run a campaign');
  });

  it('keeps focus on the item after moving it up or down, and on its neighbour after deleting it', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const focused = () => focusedName(page);
    // The first Tab stop is the skip link; it moves focus into the main content, past the top bar.
    await blurFocus(page);
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('coplan-app')!.shadowRoot!.activeElement?.localName)).toBe('main');
    const first = await actionBox(page, 'Action 1.2.1').textContent();
    const second = await actionBox(page, 'Action 1.2.2').textContent();
    await chooseFromMenu(page, 'action 1.2.1', 'Move down');
    await expect.poll(() => actionBox(page, 'Action 1.2.2').textContent()).toBe(first);
    await expect.poll(focused).toBe('Actions for action 1.2.2');
    await chooseFromMenu(page, 'action 1.2.2', 'Move up');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent()).toBe(first);
    await expect.poll(focused).toBe('Actions for action 1.2.1');
    await chooseFromMenu(page, 'action 1.2.1', 'Delete');
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent()).toBe(second);
    await expect.poll(focused).toBe('Actions for action 1.2.1');
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });
});

describe.runIf(browserAvailable())('roving focus in a list of actions', () => {
  it('Tab enters an objective’s actions once, the arrow keys move between them, and Tab leaves past the others', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const focused = () => focusedName(page);
    await page.getByRole('button', { name: 'Actions for objective 1.2', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('Action 1.2.1');
    expect(await page.getByRole('group', { name: 'Action 1.2.1', exact: true }).evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Action 1.2.2');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('Action 1.2.3');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('Action 1.2.2');
    // Into the action's own fields: its text first.
    await page.keyboard.press('Tab');
    await expect.poll(() => actionBox(page, 'Action 1.2.2').evaluate((el) => el.matches(':focus'))).toBe(true);
    // Tab goes on through this action's controls and out of the list, never into another action.
    const visited: string[] = [];
    for (let i = 0; i < 8 && !visited.includes('Add an action to objective 1.2'); i++) {
      await page.keyboard.press('Tab');
      visited.push(await focused());
    }
    expect(visited).toContain('Add an action to objective 1.2');
    expect(visited.filter((v) => /1\.2\.[13]/.test(v))).toEqual([]);
    // Shift+Tab comes back into the list at the action last used.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toMatch(/action 1\.2\.2/);
  });
});

describe.runIf(browserAvailable())('a viewer', () => {
  it('sees everything, has no edit controls, is told why, and cannot change the plan', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-e2e-'));
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', 'e2e-secret'], dataDir);
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const viewerToken = token('e2e-secret', 'demo', 'viewer');
    const editorToken = token('e2e-secret', 'demo', 'editor');
    const viewer = await arrive(await browser.newContext(), `${relay.url}/#/plan/demo?token=${viewerToken}`, 'Board member');
    await expect.poll(() => viewer.getByText('your link lets you read it, not change it').count()).toBe(1);
    expect(await viewer.getByRole('button', { name: 'Add a priority' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    expect(
      await viewer
        .getByRole('button', { name: /Delete/ })
        .filter({ visible: true })
        .count(),
    ).toBe(0);
    const box = actionBox(viewer, 'Action 1.1.1');
    expect(await box.getAttribute('aria-readonly')).toBe('true');
    await box.click();
    await viewer.keyboard.type('VIEWER TYPED');
    expect(await box.textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    // An editor arriving now sees the plan unchanged.
    const editor = await arrive(await browser.newContext(), `${relay.url}/#/plan/demo?token=${editorToken}`, 'Editor');
    await expect.poll(() => actionBox(editor, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    expect(await editor.getByRole('button', { name: 'Add a priority' }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('the register and the dashboard', () => {
  it('lists every action, filters by lead and sorts, and shows RAG per priority and the load on each lead', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Dana');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect.poll(() => page.getByRole('grid').locator('caption').textContent()).toBe('51 of 51 actions');
    await page.locator('register-view').getByLabel('Filter by lead').selectOption('CSE Sub');
    await expect.poll(() => page.getByRole('grid').locator('caption').textContent()).toBe('5 of 51 actions');
    await page.getByRole('button', { name: 'Action', exact: true }).click();
    const firstAction = () => page.locator('tbody tr').first().locator('td').nth(2).textContent();
    await expect.poll(firstAction).toBe('Agree CSE dataset (as referred to in the Quality Assurance Framework) and ensure monitoring through CPBs and report to QA sub.');
    await page.getByRole('button', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByRole('img', { name: /RAG by priority/ }).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /CSE Sub/ })
          .first()
          .textContent(),
      )
      .toMatch(/CSE Sub\s*5\s*5/);
  });
});

describe.runIf(browserAvailable())('versions', () => {
  it('agrees a version, then compares it with the plan now, and opens it read-only', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Chair');
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByLabel('Label').fill('v1.1');
    await page.getByLabel('Agreed by (comma-separated)').fill('LSCB Executive, Police');
    await page.getByRole('button', { name: 'Agree this version' }).click();
    await expect.poll(() => page.getByRole('row', { name: /v1\.1/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    const box = actionBox(page, 'Action 1.1.1');
    await box.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' now');
    await page.getByRole('button', { name: 'Versions' }).click();
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'What changed from v1.1 to the plan now' }).textContent())
      .toMatch(
        /Action changed: Refresh Pan-Lancs CSE strategy and re-launch now\s*Wording changed from “Refresh Pan-Lancs CSE strategy and re-launch” to “Refresh Pan-Lancs CSE strategy and re-launch now”/,
      );
    await page.getByRole('button', { name: 'Open v1.1 read-only' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Version v1.1, read-only' }).textContent()).toMatch(/Refresh Pan-Lancs CSE strategy and re-launch \(By 31\/03\/16\)/);
  });
});

describe.runIf(browserAvailable())('an action in full', () => {
  it('changes status, adds a lead from the registry and a free-text one, adds a milestone, and logs progress signed with the person’s name', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await page.getByLabel('Status of action 1.1.1').selectOption('in-progress');
    await page.getByLabel('Add a lead to action 1.1.1').fill('qa sub');
    await page.getByRole('button', { name: 'Add lead' }).click();
    await page.getByLabel('Add a lead to action 1.1.1').fill('Police');
    await page.getByRole('button', { name: 'Add lead' }).click();
    await expect.poll(() => firstLeads(page)).toBe('Leads: LSCB team, QA Sub, Police');
    await expect.poll(() => page.getByText('Police (not in the registry)').count()).toBe(1);
    await page.getByRole('button', { name: 'Add a milestone to action 1.1.1' }).click();
    // A new milestone starts empty with the caret in it: typing names it, nothing to overwrite.
    const milestone = page.getByRole('textbox', { name: 'Milestone of action 1.1.1' });
    await expect.poll(() => milestone.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await milestone.getAttribute('aria-placeholder')).toBe('Describe the milestone');
    await page.keyboard.type('Strategy agreed by the Board');
    await expect.poll(() => milestone.textContent()).toBe('Strategy agreed by the Board');
    expect(await page.getByRole('textbox', { name: 'Impact of action 1.1.1' }).getAttribute('aria-placeholder')).toBe('What difference it makes for children and families');
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    const form = page.getByRole('form', { name: 'New progress update for action 1.1.1' });
    await form.getByLabel('RAG').selectOption('amber');
    await form.getByLabel('Progress', { exact: true }).fill('Strategy drafted');
    await page.getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => page.getByText('Amber: at risk').count()).toBe(1);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Pat, Amber: Strategy drafted' }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('the progress log', () => {
  it('a new update has no RAG until one is chosen, and says so beside the field; an update can be corrected, and deleted to the bin and undone', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    const action = page.getByRole('group', { name: 'Action 1.1.1', exact: true });
    const badge = () => action.locator('rag-badge span').textContent();
    await page.getByRole('button', { name: 'Show details of action 1.1.1' }).click();
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    const form = page.getByRole('form', { name: 'New progress update for action 1.1.1' });
    const rag = form.getByRole('combobox', { name: 'RAG' });
    await expect.poll(() => rag.inputValue()).toBe('');
    await form.getByLabel('Progress', { exact: true }).fill('Audit booked');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    // Nothing was saved; the RAG field says why, in words linked to it, and has focus.
    await expect.poll(() => rag.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await rag.getAttribute('aria-describedby'))!;
    await expect.poll(() => form.locator(`#${describedBy}`).textContent()).toMatch(/Choose a RAG rating/);
    expect(await rag.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await badge()).toBe('No update yet');
    await rag.selectOption('amber');
    await form.getByRole('button', { name: 'Save progress update' }).click();
    await expect.poll(() => action.getByRole('listitem').filter({ hasText: 'Pat, Amber: Audit booked' }).count()).toBe(1);
    await expect.poll(badge).toBe('Amber: at risk');
    // A second update starts at the action's RAG now.
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    await expect.poll(() => page.getByRole('form', { name: 'New progress update for action 1.1.1' }).getByRole('combobox', { name: 'RAG' }).inputValue()).toBe('amber');
    await page.getByRole('form', { name: 'New progress update for action 1.1.1' }).getByRole('button', { name: 'Cancel' }).click();
    // Corrected in place.
    await action.getByRole('button', { name: /^Edit the \d{1,2} [A-Z][a-z]+ \d{4} progress update of action 1\.1\.1$/ }).click();
    const edit = action.getByRole('form', { name: /^Edit the .* progress update of action 1\.1\.1$/ });
    await expect.poll(() => edit.getByRole('combobox', { name: 'RAG' }).inputValue()).toBe('amber');
    await edit.getByRole('combobox', { name: 'RAG' }).selectOption('green');
    await edit.getByLabel('Progress', { exact: true }).fill('Audit done');
    await edit.getByRole('button', { name: 'Save changes to the progress update' }).click();
    await expect.poll(() => action.getByRole('listitem').filter({ hasText: 'Pat, Green: Audit done' }).count()).toBe(1);
    expect(await action.getByRole('listitem').filter({ hasText: 'Audit booked' }).count()).toBe(0);
    await expect.poll(badge).toBe('Green: on track');
    // Deleted: to the bin, and back with Undo.
    await action.getByRole('button', { name: /^Delete the .* progress update of action 1\.1\.1$/ }).click();
    await expect.poll(() => action.getByText('No progress updates yet.').count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Bin' }).getByRole('listitem').filter({ hasText: 'progress: Audit done' }).count()).toBe(1);
    await expect.poll(badge).toBe('No update yet');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => action.getByRole('listitem').filter({ hasText: 'Pat, Green: Audit done' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Bin' }).count()).toBe(0);
  });
});

describe.runIf(browserAvailable())('plans on this device', () => {
  it('lists the plan, and warns before deleting a copy holding changes the relay has not seen', async () => {
    const { relay, browser } = await setup();
    const page = await offlineWithServiceWorker(browser, relay, 'Lee');
    await page.goto(relay.url + '/#/');
    await expect.poll(() => page.getByRole('link', { name: 'LSCB Business Plan 2015/16' }).count()).toBe(1);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss(); // keep it
    });
    await page.getByRole('button', { name: 'Delete LSCB Business Plan 2015/16 from this device' }).click();
    await expect.poll(() => dialogs.length, { timeout: 15_000 }).toBe(1);
    expect(dialogs[0]).toMatch(/may hold changes .* that the relay has not seen/);
    await expect.poll(() => page.getByRole('link', { name: 'LSCB Business Plan 2015/16' }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('the lead registry', () => {
  it('adds a lead, renames one, and the actions it leads follow the new name', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Ash');
    await page.getByRole('button', { name: 'Leads' }).click();
    await expect.poll(() => page.locator('caption').textContent()).toBe('16 leads in the registry');
    await page.getByLabel('Name', { exact: true }).fill('Youth Justice Service');
    await page.getByRole('button', { name: 'Add to the registry' }).click();
    await expect.poll(() => page.locator('caption').textContent()).toBe('17 leads in the registry');
    const rename = page.getByLabel('Name of lead LSCB team');
    await rename.fill('LSCB business team');
    await rename.press('Enter');
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await expect.poll(() => firstLeads(page)).toBe('Leads: LSCB business team');
  });
});

describe.runIf(browserAvailable())('accessibility (WCAG 2.2 AA, axe)', () => {
  it('the axe check finds violations when there are some, inside shadow roots too', async () => {
    const { axeViolations } = await import('./axe.js');
    const browser = await launch();
    cleanup.push(() => browser.close());
    const page = await browser.newPage();
    await page.setContent(`<html lang="en"><title>t</title><main><img src="x.png"><div id="host"></div></main>
      <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<button></button>';</script></html>`);
    const found = await axeViolations(page);
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
  });

  it('every view passes axe with no violations', async () => {
    const { axeViolations } = await import('./axe.js');
    const found = await checkEveryView(
      (page) => axeViolations(page),
      ['Register', 'Dashboard', 'Versions', 'Leads'],
      // The tab's view is loaded on demand: wait until it has rendered.
      (page, tab) => page.locator(`${tab.toLowerCase()}-view`).locator('*').first().waitFor(),
      async (page, found) => {
        await page.getByRole('button', { name: 'Actions for action 1.1.1', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Move up', exact: true }).waitFor();
        found["an action's menu, open"] = await axeViolations(page);
        await page.keyboard.press('Escape');
      },
    );
    expect(found).toEqual(noneIn(found));
  });
});

describe.runIf(browserAvailable())('accessibility best practice (axe)', () => {
  it('every view has its content in landmarks, one main, and no empty table header', async () => {
    const { axeViolations } = await import('./axe.js');
    const found = await checkEveryView(
      (page) => axeViolations(page, ['best-practice']),
      ['Register', 'Dashboard', 'Versions', 'Leads', 'Reports'],
      async (page, tab) => {
        await expect.poll(() => page.getByRole('button', { name: tab, exact: true }).getAttribute('aria-pressed')).toBe('true');
        if (tab === 'Versions') {
          await page.getByLabel('Label').fill('v1.1');
          await page.getByRole('button', { name: 'Agree this version' }).click();
          await page.getByRole('row', { name: /v1\.1/ }).waitFor();
        }
        if (tab === 'Reports') await page.getByRole('article', { name: 'Progress report' }).getByRole('table').first().waitFor();
      },
    );
    expect(found).toEqual(noneIn(found));
  });
});

describe.runIf(browserAvailable())('offline and back', () => {
  it('one person goes offline, both edit, and on reconnecting they converge with no dialog', async () => {
    const { relay, browser } = await setup();
    const online = await arrive(await browser.newContext(), relay.url, 'Online');
    const travellerContext = await browser.newContext();
    const traveller = await arrive(travellerContext, relay.url, 'Traveller');
    await expect.poll(() => traveller.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count()).toBe(1);
    await travellerContext.setOffline(true);
    await expect
      .poll(
        () =>
          traveller
            .getByRole('status')
            .filter({ hasText: /Offline|Reconnecting/ })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    const dialogs: string[] = [];
    traveller.on('dialog', (d) => dialogs.push(d.message()));
    const mine = actionBox(traveller, 'Action 1.1.1');
    await mine.click();
    await traveller.keyboard.press('Control+End');
    await traveller.keyboard.type(' (on the train)');
    const theirs = actionBox(online, 'Action 1.2.1');
    await theirs.click();
    await online.keyboard.press('Control+End');
    await online.keyboard.type(' (in the office)');
    // Apart, each sees only their own edit.
    await expect.poll(() => actionBox(traveller, 'Action 1.2.1').textContent()).not.toMatch(/in the office/);
    expect(await actionBox(online, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    await travellerContext.setOffline(false);
    for (const page of [online, traveller]) {
      await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent(), { timeout: 20_000 }).toBe('Refresh Pan-Lancs CSE strategy and re-launch (on the train)');
      await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent(), { timeout: 20_000 }).toMatch(/\(in the office\)$/);
    }
    await expect.poll(() => traveller.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count(), { timeout: 20_000 }).toBe(1);
    expect(dialogs).toEqual([]);
  });
});

describe.runIf(browserAvailable())('when the device cannot store the plan', () => {
  it('says so plainly, and still shows and syncs the plan', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext();
    // IndexedDB refusing to open, as it does when storage is blocked or full.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await arrive(context, relay.url, 'Jo');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'This device cannot keep a copy of this plan' }).count()).toBe(1);
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
  });
});

describe.runIf(browserAvailable())('starting a plan', () => {
  it('starts from the business-plan template and lists it on the device', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Max');
    await page.goto(relay.url + '/#/');
    await page.getByRole('button', { name: 'Start from the business-plan template' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Plan title' }).textContent()).toMatch(/^Safeguarding Children Partnership Business Plan \d{4}\/\d{2}$/);
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent()).toBe('How are we going to do it?');
    await page.goto(relay.url + '/#/');
    await expect.poll(() => page.getByRole('link', { name: /Safeguarding Children Partnership Business Plan/ }).count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('files', () => {
  it('downloads the register as CSV, and merges a .coplan file carried from an offline tablet without overwriting anything', async () => {
    const { relay, browser } = await setup();
    const office = await arrive(await browser.newContext({ acceptDownloads: true }), relay.url, 'Office');
    const tabletContext = await browser.newContext({ acceptDownloads: true });
    const tablet = await arrive(tabletContext, relay.url, 'Tablet');
    // The register as CSV: a header and one row per action.
    await office.getByText('Files').click();
    const [csv] = await Promise.all([office.waitForEvent('download'), office.getByRole('button', { name: 'Download the register (CSV)' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.trimEnd().split('\r\n')).toHaveLength(52);
    // The tablet goes offline, edits, and saves a .coplan file.
    await tabletContext.setOffline(true);
    await expect.poll(() => tablet.getByRole('status').filter({ hasText: 'Offline' }).count()).toBe(1);
    const box = actionBox(tablet, 'Action 1.1.1');
    await box.click();
    await tablet.keyboard.press('Control+End');
    await tablet.keyboard.type(' (from the tablet)');
    await tablet.getByText('Files').click();
    const [file] = await Promise.all([tablet.waitForEvent('download'), tablet.getByRole('button', { name: 'Save a .coplan file' }).click()]);
    const path = (await file.path())!;
    // Meanwhile the office edits the same action.
    const mine = actionBox(office, 'Action 1.1.1');
    await mine.click();
    await office.keyboard.press('Control+Home');
    await office.keyboard.type('Office: ');
    await office.getByText('Files').click();
    await office.getByLabel('Merge a .coplan file').setInputFiles({ name: 'tablet.coplan', mimeType: 'application/octet-stream', buffer: readFileSync(path) });
    await expect.poll(() => mine.textContent()).toBe('Office: Refresh Pan-Lancs CSE strategy and re-launch (from the tablet)');
    await office.getByText('Files').click();
    await office.getByLabel('Merge a .coplan file').setInputFiles({ name: 'notes.coplan', mimeType: 'text/plain', buffer: Buffer.from('not a plan') });
    await expect.poll(() => office.getByRole('alert').filter({ hasText: 'This is not a .coplan file' }).count()).toBe(1);
    expect(await mine.textContent()).toBe('Office: Refresh Pan-Lancs CSE strategy and re-launch (from the tablet)');
  });
});

describe.runIf(browserAvailable())('the Files menu', () => {
  it('closes when one of its actions is chosen, focus back on it, and is not left open behind the import dialog', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ acceptDownloads: true }), relay.url, 'Fay');
    const files = page.locator('details.files');
    const summary = page.locator('summary', { hasText: 'Files' });
    const isOpen = () => files.evaluate((d) => (d as HTMLDetailsElement).open);
    const summaryFocused = () => summary.evaluate((el) => el.matches(':focus'));
    await summary.click();
    await expect.poll(isOpen).toBe(true);
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the register (CSV)' }).click()]);
    await expect.poll(isOpen).toBe(false);
    await expect.poll(summaryFocused).toBe(true);
    // Import: the menu closes as the dialog opens; the dialog's file input is the only one showing.
    await summary.click();
    await page.getByRole('button', { name: 'Import into this plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import into this plan' });
    await dialog.getByLabel('Choose a file').waitFor();
    await expect.poll(isOpen).toBe(false);
    expect(await page.getByLabel('Merge a .coplan file').isVisible()).toBe(false);
    expect(await page.locator('input[type=file]').filter({ visible: true }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(summaryFocused).toBe(true);
  });
});

describe.runIf(browserAvailable())('today, on this device’s calendar', () => {
  it('at 00:30 BST (23:30 UTC the day before) every view takes today as the local day', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ timezoneId: 'Europe/London' });
    await context.clock.setFixedTime(new Date('2026-06-15T23:30:00Z'));
    const page = await arrive(context, relay.url, 'Owen');
    // A new progress update is dated today.
    await chooseFromMenu(page, 'action 1.1.1', 'Add progress…');
    await expect.poll(() => page.getByRole('form', { name: 'New progress update for action 1.1.1' }).getByLabel('Date').inputValue()).toBe('2026-06-16');
    // The dashboard counts what is overdue today.
    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^Overdue on / }).textContent()).toBe('Overdue on 16 June 2026');
    // A version agreed without a date is agreed today.
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByLabel('Label').fill('v2');
    await page.getByRole('button', { name: 'Agree this version' }).click();
    await expect.poll(() => page.getByRole('row', { name: /v2/ }).textContent()).toContain('16 June 2026');
    // Reports are as at today.
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await expect.poll(() => page.getByLabel('As at').inputValue()).toBe('2026-06-16');
    await expect.poll(() => page.getByRole('article', { name: 'Progress report' }).textContent()).toContain('As at: 16 June 2026');
  });
});

describe.runIf(browserAvailable())('filtering the plan', () => {
  it('shows only the actions that match a lead and a due window', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Fran');
    await page.getByRole('main').getByLabel('Filter by lead').selectOption('CSE Sub');
    await expect.poll(() => page.getByText(/^Showing \d+ of 51 actions/).textContent()).toBe('Showing 5 of 51 actions that match the filter.');
    expect(await actionBox(page, 'Action 1.1.1').count()).toBe(0);
    await page.getByRole('main').getByLabel('Filter by due date').selectOption('30');
    await expect.poll(() => page.getByText(/^Showing \d+ of 51 actions/).textContent()).toBe('Showing 0 of 51 actions that match the filter.');
    await page.getByRole('main').getByLabel('Filter by due date').selectOption('');
    await page.getByRole('main').getByLabel('Filter by lead').selectOption('');
    await expect.poll(() => actionBox(page, 'Action 1.1.1').count()).toBe(1);
  });
});

describe.runIf(browserAvailable())('dragging', () => {
  it('drags an action below another in a different objective', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 1024, height: 2400 } }), relay.url, 'Drew');
    const handle = page.getByTitle('Drag action 1.1.1 (or use its menu)', { exact: true });
    const target = page.getByRole('group', { name: 'Action 1.2.1', exact: true });
    const to = await settledBox(page, target);
    await drag(page, handle, to.x + to.width / 2, to.y + to.height * 0.75);
    // Objective 1.1 had one action; it now sits second in objective 1.2.
    await expect.poll(() => actionBox(page, 'Action 1.2.2').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
  });

  it('drags a priority above another', async () => {
    const { relay, browser } = await setup();
    // Tall enough to show all of priority 3 and the top of priority 4 at once (there is no scrolling while dragging yet).
    const page = await arrive(await browser.newContext({ viewport: { width: 1024, height: 9000 } }), relay.url, 'Drew');
    const target = page.getByRole('region', { name: 'Priority 3' });
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const handle = page.getByTitle('Drag priority 4 (or use its menu)', { exact: true });
    const to = await settledBox(page, target);
    await drag(page, handle, to.x + to.width / 2, to.y + 20);
    await expect.poll(() => page.getByRole('textbox', { name: 'Priority 3 title' }).textContent()).toBe('Cross Cutting Themes');
  });

  it('drags an objective above another', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 1024, height: 1200 } }), relay.url, 'Drew');
    const target = page.getByRole('group', { name: 'Objective 4.1', exact: true });
    await target.scrollIntoViewIfNeeded();
    const handle = page.getByTitle('Drag objective 4.2 (or use its menu)', { exact: true });
    const to = await settledBox(page, target);
    await drag(page, handle, to.x + to.width / 2, to.y + 10);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Objective 4.1', exact: true }).textContent())
      .toBe('Ensure the LSCB has robust and detailed performance information / data covering longer timescales to understand robust trends rather than short term variance.');
  });
});

describe.runIf(browserAvailable())('a new version of the app', () => {
  it('is offered with a prompt when the app comes back into focus', async () => {
    const served = mkdtempSync(join(tmpdir(), 'coplan-app-'));
    cpSync(APP, served, { recursive: true });
    const relay = await startRelayProcess(['--demo', '--static', served]);
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const page = await arrive(await browser.newContext(), relay.url, 'Uma');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const prompts: string[] = [];
    page.on('dialog', (d) => {
      prompts.push(d.message());
      void d.dismiss();
    });
    // Deploy a new version: the service worker file changes.
    appendFileSync(join(served, 'sw.js'), '\n// deployed again\n');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => prompts, { timeout: 20_000 }).toEqual(['A new version of Coplan is ready. Reload now? Your changes are saved.']);
  });
});

describe.runIf(browserAvailable())('moving and the bin', () => {
  it('moves an objective to another priority by menu, deletes it to the bin, and restores it with its actions', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Sol');
    await chooseFromMenu(page, 'objective 1.1', 'Move to another priority…');
    await page.getByLabel('Move objective 1.1 to priority').selectOption({ index: 3 });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    // It is now the last objective of priority 4 (which had six).
    await expect.poll(() => page.getByRole('textbox', { name: 'Objective 4.7', exact: true }).textContent()).toBe('Ensure there is an effective, multi-agency strategy in place to tackle CSE');
    await expect.poll(() => actionBox(page, 'Action 4.7.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    await chooseFromMenu(page, 'objective 4.7', 'Delete');
    await expect.poll(() => page.getByRole('textbox', { name: 'Objective 4.7', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Restore objective' }).click();
    await expect.poll(() => actionBox(page, 'Action 4.7.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
    expect(await page.getByRole('heading', { name: 'Bin' }).count()).toBe(0);
  });
});
