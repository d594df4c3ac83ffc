import { afterEach, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { actionBox, arrive, cleanUp, setup } from './session.js';

afterEach(cleanUp);

/**
 * Opening a plan loads this device's copy with nobody listening for the
 * document's updates (the whole loaded plan is not encoded again and sent to
 * the other tabs). What was typed offline is still kept, reloaded, and
 * reaches a partner once back online; the partner's typing meanwhile too.
 */
describe.runIf(browserAvailable())('opening a plan from this device', () => {
  it('keeps offline typing across a reload and syncs it both ways after; another tab is not sent the whole plan again', async () => {
    const { relay, browser } = await setup();
    const mine = await browser.newContext();
    // Every tab of mine notes the size of each message other tabs send it (y-websocket's BroadcastChannel).
    await mine.addInitScript(() => {
      const sizes: number[] = [];
      (window as unknown as { __bcSizes: number[] }).__bcSizes = sizes;
      const Original = window.BroadcastChannel;
      window.BroadcastChannel = class extends Original {
        override set onmessage(f: ((e: MessageEvent) => void) | null) {
          super.onmessage =
            f &&
            ((e: MessageEvent) => {
              sizes.push((e.data as ArrayBuffer | Uint8Array).byteLength ?? 0);
              f.call(this, e);
            });
        }
        override get onmessage(): ((e: MessageEvent) => void) | null {
          return super.onmessage;
        }
      };
    });
    const page = await arrive(mine, relay.url, 'Sam');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const partner = await arrive(await browser.newContext(), relay.url, 'Kim');
    const other = await mine.newPage();
    await other.goto(page.url());
    await actionBox(other, 'Action 1.1.1').waitFor();

    // Reloading (online) sends the other tab what this one holds and who is here, but not the whole
    // plan again (the demo plan as one update is about 45 kB: what other tabs were sent at each reload before).
    await other.evaluate(() => (window as unknown as { __bcSizes: number[] }).__bcSizes.splice(0));
    await page.reload();
    await actionBox(page, 'Action 1.1.1').waitFor();
    await expect.poll(() => other.evaluate(() => (window as unknown as { __bcSizes: number[] }).__bcSizes.length), { timeout: 15_000 }).toBeGreaterThan(0);
    const sent = await other.evaluate(() => Math.max(...(window as unknown as { __bcSizes: number[] }).__bcSizes));
    expect(sent).toBeLessThan(2048);

    await mine.setOffline(true);
    const box = actionBox(page, 'Action 1.1.1');
    const before = (await box.textContent()) ?? '';
    await box.click();
    await page.keyboard.press('Control+End');
    await box.pressSequentially(' typed offline, every letter its own record');
    await expect.poll(() => box.textContent()).toBe(`${before} typed offline, every letter its own record`);
    const partnerBox = actionBox(partner, 'Action 1.2.1');
    const partnerBefore = (await partnerBox.textContent()) ?? '';
    await partnerBox.click();
    await partner.keyboard.press('Control+End');
    await partnerBox.pressSequentially(' typed by Kim meanwhile');

    await page.reload();
    await expect.poll(() => box.textContent(), { timeout: 15_000 }).toBe(`${before} typed offline, every letter its own record`);
    // The load's stages are in the page's performance timeline, in order (the benchmarks time a reload by them).
    const stages = await page.evaluate(() =>
      ['coplan:local-copy-opening', 'coplan:local-copy-applying', 'coplan:local-copy-loaded'].map((name) => performance.getEntriesByName(name).map((m) => m.startTime)),
    );
    expect(stages.map((times) => times.length)).toEqual([1, 1, 1]);
    expect(stages[0]![0]!).toBeLessThanOrEqual(stages[1]![0]!);
    expect(stages[1]![0]!).toBeLessThanOrEqual(stages[2]![0]!);
    // Once drawn, the records this device loaded (one a letter) are merged into one, so the next open applies one update.
    const records = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const open = indexedDB.open('coplan-plan:demo');
          open.onsuccess = () => resolve(open.result);
        });
        const n = await new Promise<number>((resolve) => {
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => resolve(count.result);
        });
        db.close();
        return n;
      });
    await expect.poll(records, { timeout: 15_000 }).toBeLessThanOrEqual(3);

    await mine.setOffline(false);
    await expect.poll(() => partnerBox.textContent(), { timeout: 15_000 }).toBe(`${partnerBefore} typed by Kim meanwhile`);
    await expect.poll(() => actionBox(partner, 'Action 1.1.1').textContent(), { timeout: 15_000 }).toBe(`${before} typed offline, every letter its own record`);
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent(), { timeout: 15_000 }).toBe(`${partnerBefore} typed by Kim meanwhile`);
    // And once more from this device alone, everything is there.
    await relay.stop('SIGKILL');
    await mine.setOffline(true);
    await page.reload();
    await expect.poll(() => actionBox(page, 'Action 1.2.1').textContent(), { timeout: 15_000 }).toBe(`${partnerBefore} typed by Kim meanwhile`);
    await expect.poll(() => box.textContent()).toBe(`${before} typed offline, every letter its own record`);
  });
});
