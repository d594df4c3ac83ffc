import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { startTenant } from '../../packages/sync-server/test/oidc-tenant.js';
import { axeViolations } from './axe.js';
import { browserAvailable, launch } from './browser.js';
import { APP, actionBox, cleanUp, cleanup } from './session.js';

afterEach(cleanUp);

const SECRET = 'e2e-secret';
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.runIf(browserAvailable())('signing in with an organisation account', () => {
  it('a partner signs in through their organisation’s own sign-in page, and opens the plan shared with their domain', async () => {
    const port = await freePort();
    const tenant = await startTenant('tenant-a', { redirectUris: [`http://127.0.0.1:${port}/`] });
    cleanup.push(() => tenant.close());
    const relay = await startRelayProcess(
      ['--demo', '--static', APP, '--secret', SECRET, '--port', String(port), '--oidc-client-id', 'coplan', '--oidc-issuer', `Police force A=${tenant.issuer}`],
      mkdtempSync(join(tmpdir(), 'coplan-e2e-')),
    );
    cleanup.push(() => relay.stop('SIGKILL'));
    const owner = execFileSync(process.execPath, [BIN, 'token', '--secret', SECRET, '--plan', 'demo', '--role', 'owner'], { encoding: 'utf8' }).trim();
    const shared = await fetch(`${relay.url}/api/plans/demo/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor', domain: 'a.example' }),
    });
    expect(shared.status).toBe(201);
    const browser = await launch();
    cleanup.push(() => browser.close());

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${relay.url}/#/`);
    await page.getByLabel('Your name').fill('Alice');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Not signed in and with no link, a plan the server holds is not opened, and the app says why instead of waiting.
    await page.goto(`${relay.url}/#/plan/demo`);
    await page.getByRole('alert').filter({ hasText: 'The server shares plans only with people who open a link to them or sign in' }).waitFor({ timeout: 20_000 });
    // Forces the order CI once met: back from the organisation's pages, the app has heard the relay's demo (which
    // sends a first visit to the demo plan) and done what it does next before the code is exchanged for a token.
    let demoAnswered: () => void = () => {};
    const demoHeard = new Promise<void>((resolve) => (demoAnswered = resolve));
    page.on('response', (r) => {
      if (r.url() === `${relay.url}/api/demo`) demoAnswered();
    });
    const refusedWhileSigningIn: string[] = [];
    page.on('console', (m) => {
      if (/Authentication failed/.test(m.text())) refusedWhileSigningIn.push(m.text());
    });
    await page.route(`${tenant.issuer}/token`, async (route) => {
      await demoHeard;
      // An app that opens the plan now connects to the relay (without the sign-in); one that waits says so.
      await Promise.race([page.waitForEvent('websocket', { timeout: 20_000 }), page.getByText('Finishing signing in…').waitFor({ timeout: 20_000 })]);
      await route.continue();
    });
    await page.getByRole('button', { name: 'Sign in with Police force A' }).click();
    // The organisation's own pages (oidc-provider's): sign in, then allow Coplan.
    await page.locator('input[name=login]').fill('alice@a.example');
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]', { hasText: 'Continue' }).click();
    await page.getByText('Signed in as alice@a.example (alice@a.example)').waitFor();
    // Back where she signed in from, the plan opens with her sign-in: no connection went without it.
    expect(new URL(page.url()).hash).toBe('#/plan/demo');
    await page.getByRole('heading', { name: 'Priority 1' }).waitFor({ timeout: 20_000 });
    expect(refusedWhileSigningIn).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await expect.poll(() => page.getByText('Your link lets you edit this plan').count()).toBe(1);
    const box = actionBox(page, 'Action 1.1.1');
    await box.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (signed in)');
    // The plan's owner, on another device, sees Alice's words.
    const ownerPage = await (await browser.newContext()).newPage();
    await ownerPage.goto(`${relay.url}/#/plan/demo?token=${owner}`);
    await ownerPage.getByLabel('Your name').fill('Business manager');
    await ownerPage.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => actionBox(ownerPage, 'Action 1.1.1').textContent(), { timeout: 20_000 }).toBe('Refresh Pan-Lancs CSE strategy and re-launch (signed in)');
    // The owner shares with a named person from the Share dialog, beside the domain shared through the API.
    await ownerPage.getByRole('button', { name: 'Share' }).click();
    const dialog = ownerPage.getByRole('dialog', { name: 'Share this plan' });
    await dialog.getByLabel('E-mail address, or domain').fill('Bob@a.example');
    await dialog.getByLabel('Access', { exact: true }).nth(1).selectOption('viewer');
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => dialog.getByRole('row', { name: /bob@a\.example/ }).textContent()).toMatch(/Read only/);
    expect(await dialog.getByRole('row', { name: /Everyone at a\.example/ }).count()).toBe(1);
    expect(await axeViolations(ownerPage)).toEqual([]);

    // A plan she starts on her device is kept there, and she puts it on the server with one action.
    await page.goto(`${relay.url}/#/`);
    await page.getByRole('button', { name: 'Start a blank plan' }).click();
    const putUp = page.getByRole('button', { name: 'Put this plan on the server' });
    await putUp.waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').filter({ hasText: 'does not open this plan for you' }).count()).toBe(1);
    await putUp.click();
    await page.getByText('This plan is on the server now, and you own it').waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected, all changes synced' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'Share' }).count()).toBe(1);
    const planId = decodeURIComponent(/#\/plan\/([^?]+)/.exec(page.url())![1]!);
    const stored = await fetch(`${relay.url}/api/plans/${encodeURIComponent(planId)}/links`, {
      headers: { authorization: `Bearer ${execFileSync(process.execPath, [BIN, 'token', '--secret', SECRET, '--plan', planId, '--role', 'owner'], { encoding: 'utf8' }).trim()}` },
    });
    expect(((await stored.json()) as { links: Array<{ role: string; toEmail: string }> }).links).toEqual([expect.objectContaining({ role: 'owner', toEmail: 'alice@a.example' })]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in with Police force A' }).count()).toBe(1);
  }, 150_000);
});
