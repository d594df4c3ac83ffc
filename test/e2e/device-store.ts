import type { Page } from 'playwright-core';

/**
 * How many updates this device holds for a plan in IndexedDB (y-indexeddb
 * stores one per change, asynchronously): a test reloads once it holds what
 * was typed, as a person's tablet would have by then.
 */
export function storedUpdates(page: Page, planId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const count = open.result.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
    `coplan-plan:${planId}`,
  );
}
