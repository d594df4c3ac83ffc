import { afterEach, describe, expect, it } from 'vitest';
import { startRelayProcess } from '../../packages/sync-server/test/relay-process.js';
import { browserAvailable, launch } from './browser.js';
import { APP, cleanUp, cleanup } from './session.js';

afterEach(cleanUp);

describe.runIf(browserAvailable())('a relay without sign-in or a demo', () => {
  it('loads the app with no error in the console: no failed request for sign-in or the demo', async () => {
    const relay = await startRelayProcess(['--static', APP]);
    cleanup.push(() => relay.stop('SIGKILL'));
    const browser = await launch();
    cleanup.push(() => browser.close());
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    const asked = (path: string) => page.waitForResponse((r) => new URL(r.url()).pathname === path);
    const signIn = asked('/api/sign-in');
    const demo = asked('/api/demo');
    await page.goto(relay.url);
    expect((await signIn).status()).toBe(200);
    expect((await demo).status()).toBe(200);
    await page.getByLabel('Your name').fill('Pat');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Plans on this device' }).waitFor();
    // No sign-in offered, and no demo.
    expect(await page.getByRole('button', { name: /sign in/i }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open the demo plan' }).count()).toBe(0);
    // Loaded again, as every later visit is.
    const again = asked('/api/sign-in');
    await page.reload();
    await again;
    await page.getByRole('heading', { name: 'Plans on this device' }).waitFor();
    expect(errors).toEqual([]);
  });
});
