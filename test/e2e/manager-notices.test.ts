import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserAvailable, launch } from './browser.js';
import { focusedStop as focused } from './focus.js';
import { tooWide } from './narrow.js';
import { APP, actionBox, arrive, chooseFromMenu, cleanUp, cleanup, setup } from './session.js';

afterEach(cleanUp);

/** Whether each box overlaps the first line of `first` (its top 1.6 em or so) and ends inside a 375 px screen. */
async function onFirstLine(page: Page, first: ReturnType<Page['getByRole']>, others: Array<ReturnType<Page['getByRole']>>): Promise<string> {
  const line = (await first.boundingBox())!;
  const top = line.y;
  const bottom = line.y + Math.min(line.height, 44);
  const off: string[] = [];
  for (const other of others) {
    const b = (await other.boundingBox())!;
    if (!(b.y < bottom && b.y + b.height > top && b.x + b.width <= 375))
      off.push(`${await other.getAttribute('aria-label')} at ${b.x.toFixed(0)},${b.y.toFixed(0)} (line ${top.toFixed(0)}-${bottom.toFixed(0)})`);
  }
  return off.join('; ');
}

describe.runIf(browserAvailable())('what a business manager noticed (issue 12)', () => {
  it('the Versions tab has a heading, and agreeing a version says so politely, focus staying on the Agree button', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Pat');
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByRole('heading', { name: 'Versions', level: 2, exact: true }).waitFor();
    await page.getByLabel('Label').fill('1.2');
    await page.getByLabel('Date', { exact: true }).fill('2026-12-01');
    const agree = page.getByRole('button', { name: 'Agree this version' });
    await agree.click();
    const status = page.locator('versions-view').getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Version 1.2 agreed on 1 December 2026.');
    expect(await focused(page)).toBe('BUTTON Agree this version');
    expect(await page.getByRole('row', { name: /1\.2/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // The next version agreed (today, by default) says so in its place.
    await page.getByLabel('Label').fill('v1.3');
    await agree.click();
    await expect.poll(() => status.textContent()).toMatch(/^Version 1\.3 agreed on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
  });

  it('"Downloaded …" goes when another tab is chosen', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ acceptDownloads: true }), relay.url, 'Pat');
    await page.locator('files-menu summary').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown (.md)' }).click();
    await download;
    const notice = page.locator('plan-view .notice');
    await expect.poll(() => notice.textContent()).toMatch(/^Downloaded .*\.md\.$/);
    await page.getByRole('button', { name: 'Versions', exact: true }).click();
    await page.getByRole('button', { name: 'Agree this version' }).waitFor();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('at 375 px an objective’s and an action’s menu and drag handle stay on the first line of its words', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext({ viewport: { width: 375, height: 740 } }), relay.url, 'Kim');
    const objectiveMenu = page.getByRole('button', { name: 'Actions for objective 1.1', exact: true });
    await objectiveMenu.waitFor();
    await expect
      .poll(() => onFirstLine(page, page.getByRole('textbox', { name: 'Objective 1.1', exact: true }), [objectiveMenu, page.getByTitle('Drag objective 1.1 (or use its menu)', { exact: true })]))
      .toBe('');
    await expect
      .poll(() =>
        onFirstLine(page, actionBox(page, 'Action 1.1.1'), [
          page.getByRole('button', { name: 'Actions for action 1.1.1', exact: true }),
          page.getByTitle('Drag action 1.1.1 (or use its menu)', { exact: true }),
        ]),
      )
      .toBe('');
    expect(await tooWide(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('in the Share dialog, "no longer works" goes once a new link is made', async () => {
    const SECRET = 'e2e-secret';
    const token = execFileSync(process.execPath, [BIN, 'token', '--secret', SECRET, '--plan', 'demo', '--role', 'owner', '--name', 'Business manager'], { encoding: 'utf8' }).trim();
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', SECRET], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const owner = await (await browser.newContext()).newPage();
    await owner.goto(`${relay.url}/#/plan/demo?token=${token}`);
    await owner.getByLabel('Your name').fill('Business manager');
    await owner.getByRole('button', { name: 'Continue' }).click();
    await owner.getByRole('button', { name: 'Share' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Share this plan' });
    await dialog.getByLabel('Who it is for').fill('The board');
    await dialog.getByRole('button', { name: 'Make a link' }).click();
    await expect.poll(() => dialog.locator('caption').first().textContent()).toBe('1 link working');
    await dialog.getByRole('button', { name: 'Take back the link for The board' }).click();
    const status = dialog.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/no longer works/);
    await dialog.getByLabel('Who it is for').fill('Workshop partners');
    await dialog.getByRole('button', { name: 'Make a link' }).click();
    await expect.poll(() => dialog.locator('caption').first().textContent()).toBe('1 link working');
    // What it says now is the new link, not the one taken back.
    await expect.poll(() => status.textContent()).toBe('New link made (can edit). Copy it and send it to the people it is for.');
    expect(await axeViolations(owner)).toEqual([]);
  }, 60_000);

  it('the delete message stops saying "Tab to Undo" once other keys have been pressed, and still says Ctrl+Z', async () => {
    const { relay, browser } = await setup();
    const page = await arrive(await browser.newContext(), relay.url, 'Kim');
    const message = page.locator('bin-notice [role="status"]');
    await chooseFromMenu(page, 'action 1.2.1', 'Delete');
    await expect.poll(() => message.textContent()).toBe('Action 1.2.1 moved to the bin. Tab to Undo, or press Ctrl+Z.');
    // Typing elsewhere: Tab is Tab again, and the message no longer says it goes to Undo.
    await actionBox(page, 'Action 1.1.1').click();
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await expect.poll(() => message.textContent()).toBe('Action 1.2.1 moved to the bin. Press Ctrl+Z to undo.');
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/^BUTTON Undo/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
