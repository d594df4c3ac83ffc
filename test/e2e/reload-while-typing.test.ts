import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/**
 * A business manager types and at once reloads (or closes) the tab, offline:
 * the last letters may not be in IndexedDB yet. Whatever was typed is on this
 * device after the reload.
 */
describe.runIf(browserAvailable())('reloading straight after typing', () => {
  it('keeps every letter typed just before an offline reload', async () => {
    const { relay, browser } = await setup();
    const context = await browser.newContext();
    const page = await arrive(context, relay.url, 'Sam');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload(); // under the service worker's control
    const box = actionBox(page, 'Action 1.1.1');
    await box.waitFor();
    await relay.stop('SIGKILL');
    await context.setOffline(true);
    for (let round = 1; round <= 3; round++) {
      const before = (await box.textContent()) ?? '';
      await box.click();
      await page.keyboard.press('Control+End');
      const typed = ` and round ${round} typed offline`;
      // Typed without delay, then the page is reloaded at once: no wait for IndexedDB.
      await box.pressSequentially(typed);
      await page.reload();
      await expect.poll(() => box.textContent(), { timeout: 15_000 }).toBe(before + typed);
    }
  });
});
