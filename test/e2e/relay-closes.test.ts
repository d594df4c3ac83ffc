import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { browserAvailable, launch } from './browser.js';
import { storedUpdates } from './device-store.js';
import { APP, actionBox, cleanUp, cleanup } from './session.js';

afterEach(cleanUp);

describe.runIf(browserAvailable())('when the relay closes the connection for good', () => {
  it('says the access expired and what to do, keeps syncing off, and keeps what the person types on the device', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-e2e-'));
    const relay = await startRelayProcess(['--demo', '--static', APP, '--secret', 'e2e-secret'], dataDir);
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const shortLived = execFileSync(process.execPath, [BIN, 'token', '--secret', 'e2e-secret', '--plan', 'demo', '--role', 'editor', '--ttl', '5s'], { encoding: 'utf8' }).trim();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${relay.url}/#/plan/demo?token=${shortLived}`);
    await page.getByLabel('Your name').fill('Sam');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Priority 1' }).waitFor();

    // The relay closes the open connection when the token expires (4401): the app says so and what to do.
    const alert = page.getByRole('alert').filter({ hasText: 'Your access to this plan has expired' });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/ask the plan’s owner for a new link/);
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Not syncing' }).count()).toBe(1);

    // What the person types now stays on this device, through a reload.
    const box = actionBox(page, 'Action 1.1.1');
    const before = await storedUpdates(page, 'demo');
    await box.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (kept offline)');
    await expect.poll(() => box.textContent()).toBe('Refresh Pan-Lancs CSE strategy and re-launch (kept offline)');
    await expect.poll(() => storedUpdates(page, 'demo')).toBeGreaterThanOrEqual(before + ' (kept offline)'.length);
    await page.reload();
    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent(), { timeout: 20_000 }).toBe('Refresh Pan-Lancs CSE strategy and re-launch (kept offline)');
  }, 60_000);
});
