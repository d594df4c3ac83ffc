import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup } from './session.js';
import { holdTheCopy } from './hold-copy.js';

afterEach(cleanUp);

/** y-websocket's sync messages: message type 0 (sync), then 0 for step 1, 1 for step 2. */
const isSyncStep = (data: string | Buffer, step: 0 | 1): boolean => typeof data !== 'string' && data[0] === 0 && data[1] === step;

/**
 * Opening a plan loads this device's copy while the relay connects. When the
 * relay's half of the handshake is answered before the copy has loaded, the
 * answer lacks what was typed offline: it must still reach the relay.
 */
describe.runIf(browserAvailable())('opening a plan while the relay connects', () => {
  it('sends what was typed offline even when the relay’s handshake is answered before this device’s copy has loaded', async () => {
    const { relay, browser } = await setup();
    const mine = await browser.newContext();
    const first = await arrive(mine, relay.url, 'Sam');
    const url = first.url();
    const partner = await arrive(await browser.newContext(), relay.url, 'Kim');

    await mine.setOffline(true);
    const box = actionBox(first, 'Action 1.1.1');
    const before = (await box.textContent()) ?? '';
    await box.click();
    await first.keyboard.press('Control+End');
    await first.keyboard.type(' typed offline');
    await expect
      .poll(() =>
        first
          .getByRole('status')
          .filter({ hasText: /Offline|Saved on this device/ })
          .count(),
      )
      .toBeGreaterThan(0);
    // Written to this device's copy, then the page closed while still offline.
    await expect
      .poll(() =>
        first.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('coplan-plan:demo');
              open.onsuccess = () => {
                const count = open.result.transaction('updates').objectStore('updates').count();
                count.onsuccess = () => {
                  open.result.close();
                  resolve(count.result);
                };
              };
            }),
        ),
      )
      .toBeGreaterThan(1);
    await first.close();

    // The next open: this device's copy is held back until the relay's step 1 has been answered; the relay's step 2 waits for the copy.
    await mine.addInitScript(holdTheCopy);
    let answered = false;
    let holding = true;
    const held: Array<() => void> = [];
    await mine.routeWebSocket(/\/sync/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        if (isSyncStep(m, 1)) answered = true;
        server.send(m);
      });
      server.onMessage((m) => {
        if (holding && isSyncStep(m, 1)) held.push(() => ws.send(m));
        else ws.send(m);
      });
    });
    await mine.setOffline(false);
    const page = await mine.newPage();
    await page.goto(url);
    await expect.poll(() => answered, { timeout: 20_000 }).toBe(true);
    holding = false;
    await page.evaluate(() => (window as unknown as { __releaseCopy: () => void }).__releaseCopy());
    for (const send of held.splice(0)) send();

    await expect.poll(() => actionBox(page, 'Action 1.1.1').textContent(), { timeout: 20_000 }).toBe(`${before} typed offline`);
    await expect.poll(() => actionBox(partner, 'Action 1.1.1').textContent(), { timeout: 20_000 }).toBe(`${before} typed offline`);
  });
});
