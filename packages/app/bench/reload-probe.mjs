/**
 * Timing a reload inside the page, for the app's benchmarks: what the page itself says about
 * when the plan became usable and when its last action was in the document.
 */
import { median } from './bench-relay.mjs';

/**
 * Installed in the page before its own scripts: on every animation frame from navigation
 * start it looks for two moments of a reload and keeps them in `window.__reload` (ms since
 * navigation start, read in the frame's callback: the frame's own timestamp can be from
 * before a long task that held it up):
 * - `usable`: the plan's first action's text box is on screen and editable;
 * - `last`: the plan's last action (`lastLabel`, e.g. "Action 10.10.10") is in the document
 *   with its text (found by the browser's find and read by a screen reader), whether or not
 *   it is yet an editor: in the outline, or in the plan's preview drawn while the plan loads.
 * It walks shadow roots until it has found the outline, then looks only there.
 */
export function reloadProbe(lastLabel) {
  window.__reload = {};
  let outline = null;
  const find = (root, name) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === name) return el;
      const inner = el.shadowRoot && find(el.shadowRoot, name);
      if (inner) return inner;
    }
    return null;
  };
  // An action's text: an editor's text box in its shadow root, or its plain words.
  const textOf = (item) => {
    const box = item.querySelector('editable-text')?.shadowRoot?.querySelector('[role="textbox"]');
    if (box) return { text: box.textContent, editable: box.getAttribute('contenteditable') === 'plaintext-only' };
    return { text: item.querySelector('[data-text]')?.textContent ?? '', editable: false };
  };
  const frame = () => {
    const now = performance.now();
    outline ??= find(document, 'plan-outline');
    window.__outline = outline;
    // Until the outline is there, the plan's preview (its words as this device last had them) may be.
    const words = outline ?? find(document, 'outline-preview');
    // Every action's box, live (in an action item) or plain words (drawn by its objective, or the preview's).
    const items = words?.shadowRoot?.querySelectorAll('.action[data-action-id]');
    if (items?.length) {
      if (outline && window.__reload.usable === undefined && textOf(items[0]).editable) {
        window.__reload.usable = now;
        // For a profile: a moment spent in a function of this name marks the frame (`localStorage['coplan:bench-mark']`).
        if (localStorage.getItem('coplan:bench-mark'))
          (function coplanUsableMark() {
            const end = performance.now() + 1;
            while (performance.now() < end);
          })();
      }
      const last = items[items.length - 1];
      if (window.__reload.last === undefined && last.getAttribute('aria-label') === lastLabel && textOf(last).text.length > 0) window.__reload.last = now;
    }
    if (window.__reload.usable === undefined || window.__reload.last === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Opens `planId` in a fresh context once (so the service worker and IndexedDB hold it), then reloads it on demand. */
export async function openPlan(browser, url, planId, lastLabel) {
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('coplan:user', JSON.stringify({ name: 'Bench', colour: '#1d70b8' })));
  await context.addInitScript(reloadProbe, lastLabel);
  const page = await context.newPage();
  await page.goto(`${url}/#/plan/${planId}`);
  await page.getByRole('textbox', { name: lastLabel, exact: true }).waitFor({ timeout: 120000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // A long plan's preview is kept a few seconds after it opens: every timed reload has one, as a person's next visit would
  // (a short plan keeps none, nor does a build from before previews: after 10 s, it is not waited for).
  const hasPreview = (id) =>
    new Promise((resolve) => {
      const open = indexedDB.open('coplan-outline-previews', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('previews');
      open.onsuccess = () => {
        const get = open.result.transaction('previews').objectStore('previews').get(id);
        get.onsuccess = () => {
          open.result.close();
          resolve(get.result !== undefined);
        };
      };
    });
  for (const start = Date.now(); !(await page.evaluate(hasPreview, planId)) && Date.now() - start < 10000; ) await page.waitForTimeout(250);
  return { context, page };
}

/**
 * One reload, timed in the page: `{ usable, last }` in ms from navigation start. It returns once
 * the page has finished its idle-time work too (every action live), so that work does not fall
 * on the next page's timed reload.
 */
export async function timedReload(page) {
  await page.reload();
  await page.waitForFunction(() => window.__reload?.usable !== undefined && window.__reload?.last !== undefined, null, { timeout: 120000, polling: 100 });
  const times = await page.evaluate(() => {
    // The stages between, from the page's own performance timeline: the app's marks of the plan's load from the device.
    const at = (name) => Math.round(performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN);
    return {
      usable: Math.round(window.__reload.usable),
      last: Math.round(window.__reload.last),
      stages: {
        'the page read (DOMContentLoaded)': Math.round(performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? Number.NaN),
        "the device's copy opening (IndexedDB)": at('coplan:local-copy-opening'),
        'its records read, being applied (Yjs)': at('coplan:local-copy-applying'),
        "the plan's preview read (IndexedDB)": at('coplan:outline-preview-read'),
        "the preview's words drawn": at('coplan:outline-preview-drawn'),
        'the plan loaded': at('coplan:local-copy-loaded'),
        'the first action editable (usable)': Math.round(window.__reload.usable),
        "the last action's words in the page (last)": Math.round(window.__reload.last),
      },
    };
  });
  await settled(page);
  return times;
}

/**
 * `runs` reloads of each plan, taken in turn (so a busy moment on the machine falls on both), medians:
 * `{ usable, last, stages }`, `stages` being when each stage of the reload was reached (ms from navigation start).
 */
export async function timeReloads(plans, runs) {
  const times = plans.map(() => []);
  for (let i = 0; i < runs; i++) for (const [j, p] of plans.entries()) times[j].push(await timedReload(p.page));
  return times.map((ts) => ({
    usable: median(ts.map((t) => t.usable)),
    last: median(ts.map((t) => t.last)),
    stages: Object.fromEntries(Object.keys(ts[0].stages).map((k) => [k, median(ts.map((t) => t.stages[k]))])),
  }));
}

/** Resolves once the page's outline has drawn every item and made it live (its idle-time work done), so that work does not fall on another page's timing. */
export async function settled(page) {
  const isSettled = () => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'plan-outline') return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    return (window.__outline?.isConnected ? window.__outline : find(document))?.liveUpgrades?.settled === true;
  };
  await page.waitForFunction(isSettled, null, { timeout: 120000, polling: 100 });
}
