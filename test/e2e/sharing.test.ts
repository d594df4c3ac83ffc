import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { axeViolations } from './axe.js';
import { focusedStop as focused } from './focus.js';
import { storedUpdates } from './device-store.js';
import { browserAvailable, launch } from './browser.js';
import { APP, actionBox, arrive, cleanUp, cleanup, setup } from './session.js';

afterEach(cleanUp);

const SECRET = 'e2e-secret';
const ownerToken = () => execFileSync(process.execPath, [BIN, 'token', '--secret', SECRET, '--plan', 'demo', '--role', 'owner', '--name', 'Business manager'], { encoding: 'utf8' }).trim();

describe.runIf(browserAvailable())('sharing a plan from the app', () => {
  it('an owner makes an editor link in the Share dialog; a partner opens it, is told what it allows and edits; the owner takes it back and the partner is told, keeping their copy', async () => {
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', SECRET], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());

    // The owner opens the address in the form the README once gave: /?token=…
    const owner = await (await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })).newPage();
    await owner.goto(`${relay.url}/?token=${ownerToken()}`);
    await owner.getByLabel('Your name').fill('Business manager');
    await owner.getByRole('button', { name: 'Continue' }).click();
    await owner.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await expect.poll(() => owner.getByText('You own this plan').count()).toBe(1);

    await owner.getByRole('button', { name: 'Share' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Share this plan' });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('caption').first().textContent()).toBe('No links yet');
    expect(await axeViolations(owner)).toEqual([]);
    await dialog.getByLabel('Access').selectOption('editor');
    await dialog.getByLabel('Who it is for').fill('Workshop partners');
    await dialog.getByRole('button', { name: 'Make a link' }).click();
    const code = dialog.locator('.made code');
    await code.waitFor();
    const link = (await code.textContent())!;
    expect(link).toMatch(new RegExp(`^${relay.url}/#/plan/demo\\?token=`));
    // Someone who cannot see the new box is told it came, and is taken to its Copy button.
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('New link made (can edit). Copy it and send it to the people it is for.');
    await expect.poll(() => focused(owner)).toBe('BUTTON Copy the link');
    await dialog.getByRole('button', { name: 'Copy the link', exact: true }).click();
    expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect.poll(() => dialog.locator('caption').first().textContent()).toBe('1 link working');
    expect(await axeViolations(owner)).toEqual([]);

    // A partner opens the link.
    const partner = await (await browser.newContext()).newPage();
    await partner.goto(link);
    await partner.getByLabel('Your name').fill('Partner');
    await partner.getByRole('button', { name: 'Continue' }).click();
    await partner.getByRole('heading', { name: 'Priority 1' }).waitFor();
    await expect.poll(() => partner.getByText('Your link lets you edit this plan').count()).toBe(1);
    expect(await partner.getByRole('button', { name: 'Share' }).count()).toBe(0);
    const box = actionBox(partner, 'Action 1.1.1');
    await box.click();
    await partner.keyboard.press('End');
    await partner.keyboard.type(' (partner)');
    await expect.poll(() => actionBox(owner, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch (partner)');

    // The dialog stayed open all along: the link's use shows without closing and opening it again.
    await expect.poll(() => dialog.getByRole('row', { name: /Workshop partners/ }).textContent(), { timeout: 20_000 }).toMatch(/1 time/);
    // The owner takes it back: the partner is told, and keeps what they have.
    // The access log: who opened the plan, as what, and how.
    await dialog.getByText(/Who has opened the plan/).click();
    await expect.poll(() => dialog.getByRole('row', { name: /Workshop partners Can edit Link: Workshop partners/ }).count()).toBe(1);
    expect(await axeViolations(owner)).toEqual([]);
    await dialog.getByRole('button', { name: 'Take back the link for Workshop partners' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/no longer works/);
    await partner.getByRole('alert').filter({ hasText: 'taken back by its owner' }).waitFor({ timeout: 10_000 });
    expect(await actionBox(partner, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch (partner)');
    // What the partner types now is kept on their device (never sent), through a reload.
    const before = await storedUpdates(partner, 'demo');
    await box.click();
    await partner.keyboard.press('End');
    await partner.keyboard.type(' and more');
    await expect.poll(() => storedUpdates(partner, 'demo')).toBeGreaterThanOrEqual(before + ' and more'.length);
    expect(await actionBox(owner, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch (partner)');

    // Opening the link again: the app asks the relay why it cannot connect, and says so plainly.
    await partner.reload();
    await partner.getByRole('alert').filter({ hasText: 'This link no longer opens the plan on the server' }).waitFor({ timeout: 20_000 });
    // Once this device's copy has opened (it may after the refusal came), the words say it is kept.
    await expect
      .poll(() => partner.getByRole('alert').filter({ hasText: 'taken back' }).textContent(), { timeout: 10_000 })
      .toMatch(/ask the plan’s owner for a new one\)\. Your copy on this device is kept, with any changes not yet sent\. Save it \(Files → Save a \.coplan file\) to keep a copy\./);
    await expect.poll(() => actionBox(partner, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch (partner) and more');
    // What the link allowed is no longer claimed beside the refusal.
    expect(await partner.getByText('Your link lets you edit this plan').count()).toBe(0);
  }, 90_000);

  it('tells each person what fits them: a visitor with no link on a server without sign-in, and a viewer whose link was taken back', async () => {
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', SECRET], mkdtempSync(join(tmpdir(), 'coplan-e2e-')));
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${relay.url}/api/plans/demo/${path}`, {
        method,
        headers: { authorization: `Bearer ${ownerToken()}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    // No link, and this server offers no sign-in: nothing about signing in, nor about a copy this device does not have.
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${relay.url}/#/plan/demo`);
    await page.getByLabel('Your name').fill('Visitor');
    await page.getByRole('button', { name: 'Continue' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The server shares plans only with people who open a link to them' });
    await refusal.waitFor({ timeout: 20_000 });
    const words = (await refusal.textContent()) ?? '';
    expect(words).toContain('The server shares plans only with people who open a link to them: open the link you were given, or ask the plan’s owner for one.');
    expect(words).not.toMatch(/sign in|Files/);
    expect(await page.getByText('Opening the plan…').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // A viewer's link, taken back while they read: no word of "changes" they could not make.
    const made = (await (await api('POST', 'links', { role: 'viewer', label: 'Observer' })).json()) as { id: string; url: string };
    const viewer = await (await browser.newContext()).newPage();
    expect(made.url).toMatch(new RegExp(`^${relay.url}/#/plan/demo\\?token=`));
    await viewer.goto(made.url);
    await viewer.getByLabel('Your name').fill('Observer');
    await viewer.getByRole('button', { name: 'Continue' }).click();
    await viewer.getByRole('heading', { name: 'Priority 1' }).waitFor({ timeout: 20_000 });
    expect((await api('DELETE', `links/${encodeURIComponent(made.id)}`)).ok).toBe(true);
    await viewer.reload();
    const gone = viewer.getByRole('alert').filter({ hasText: 'This link no longer opens the plan on the server' });
    await gone.waitFor({ timeout: 20_000 });
    expect(await gone.textContent()).toMatch(/\(this link has been taken back: ask the plan’s owner for a new one\)\. The copy on this device stays here to read\.\s*Try again$/);
    expect(await gone.textContent()).not.toMatch(/changes/);
    expect(await viewer.getByText('You are viewing this plan: your link lets you read it').count()).toBe(0);
  }, 90_000);
});

describe.runIf(browserAvailable())('sharing on a server without access control', () => {
  it('Share says anyone with the address can open and change the plan, copies the address, which opens the plan for a partner', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await arrive(context, relay.url, 'Business manager');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count()).toBe(1);
    const share = page.getByRole('button', { name: 'Share', exact: true });
    await share.click();
    const dialog = page.getByRole('dialog', { name: 'Share this plan' });
    await expect.poll(() => dialog.textContent()).toMatch(/anyone who has the plan’s address open it and change it/);
    expect(await dialog.textContent()).toMatch(/ask whoever runs this server to turn on access control/);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Copy the address' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Link copied.');
    const address = await page.evaluate(() => navigator.clipboard.readText());
    expect(address).toBe(`${relay.url}/#/plan/demo`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => share.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    const partner = await (await browser.newContext()).newPage();
    await partner.goto(address);
    await partner.getByLabel('Your name').fill('Partner');
    await partner.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => actionBox(partner, 'Action 1.1.1').textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch');
  });
});
