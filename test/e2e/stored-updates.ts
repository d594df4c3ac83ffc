import type { Page } from 'playwright-core';

/**
 * How many updates of a plan this device's IndexedDB holds (y-indexeddb writes
 * one record per change, merging them only past 500). A test that reloads
 * right after typing waits for its keystrokes to be stored: a page that goes
 * away aborts IndexedDB writes still in flight.
 */
export function storedUpdates(page: Page, planId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
    `coplan-plan:${planId}`,
  );
}
