/**
 * App benchmark: `npm run bench` (root), or after `npm run build`: `node packages/app/bench/app-bench.mjs`.
 * 1. The JavaScript, gzipped: the list of plans, and a plan's address until its Plan tab is usable
 *    (bench/js-size.mjs). With `--size`, only this step, with what the plan's JavaScript is made of.
 * 2. Navigation to the plan on screen, opened from IndexedDB with the relay stopped and the network
 *    off, in headless Chromium: a generated 1,000-action plan, beside the 51-action demo plan.
 * 3. A local keystroke in an action's text, as the Event Timing API measures it (from the key
 *    press to the next paint), median of 40: the same two plans.
 * 4. A partner's keystroke: from the key press in one browser context to the next frame
 *    after it is in the field on another's screen, through the relay, median of 40.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedPlan, launchChromium, openSynced, startRelay, uploadPlan, watchRepaints } from './bench-relay.mjs';
import { openPlan, settled, timeReloads } from './reload-probe.mjs';
import { breakdown, jsSizes } from './js-size.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../dist');

// 1. The JavaScript each screen fetches.
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const sizes = jsSizes(dist);
const sizeRows = [
  `| JavaScript for the list of plans, gzipped | ${kib(sizes.list)} | goal 64 KiB; all JavaScript ${kib(sizes.all)} |`,
  `| JavaScript to open a plan (until its Plan tab is usable), gzipped | ${kib(sizes.plan)} | goal 64 KiB; then ${kib(sizes.planExtras)} more just after: search, filters, About this plan, item menus, the Files menu's save tools |`,
];
if (process.argv.includes('--size')) {
  console.log(`\nApp JavaScript — ${new Date().toISOString()}\n\n| measure | value | reference |\n|---|---|---|\n${sizeRows.join('\n')}`);
  console.log("\nWhat the JavaScript to open a plan is made of (each chunk's gzip shared among its sources):\n\n| part | gzipped |\n|---|---|");
  for (const [part, bytes] of await breakdown(dist, sizes.planChunks)) console.log(`| ${part} | ${kib(bytes)} |`);
  process.exit(0);
}

/**
 * Types 40 letters at the end of the plan's first action, one at a time, and returns the
 * median Event Timing duration of the keystrokes (keydown to the next paint, ms). The API
 * reports only events of 16 ms or more, so a keystroke it does not report counts as 16
 * and a median of 16 means "within one frame".
 */
async function timeKeystrokes(page, label) {
  const box = page.getByRole('textbox', { name: label, exact: true });
  await box.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    window.__keys = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown' && e.interactionId) window.__keys.push([e.interactionId, e.duration]);
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const presses = 40;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('x');
    // One keystroke at a time: the next waits for this one's frame, as a typist at 60 wpm would.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const reported = await page.evaluate(() => window.__keys.map(([, d]) => d));
  const all = [...reported, ...Array(Math.max(0, presses - reported.length)).fill(16)].sort((a, b) => a - b);
  return { median: all[Math.floor(all.length / 2)], worst: all[all.length - 1] };
}

/**
 * Types 40 letters in `typist`'s page at the start of the first action and returns the median
 * time (ms) from each key press to the next frame after the letter is in the field on `watcher`'s
 * page. Both pages read one clock: the machine's (time origin plus now).
 */
async function timePartnerKeystrokes(typist, watcher, label) {
  await watchRepaints(watcher, label);
  const box = typist.getByRole('textbox', { name: label, exact: true });
  await box.focus();
  await typist.keyboard.press('Home');
  const times = [];
  for (let i = 0; i < 40; i++) {
    const before = await watcher.evaluate(() => window.__seen.length);
    const sent = await typist.evaluate(() => performance.timeOrigin + performance.now());
    await typist.keyboard.press('y');
    await watcher.waitForFunction((n) => window.__seen.length > n, before, { polling: 'raf' });
    times.push((await watcher.evaluate((n) => window.__seen[n], before)) - sent);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]);
}

const PARTNER = { name: 'Partner', colour: '#4c2c92' };
const partnerPage = (browser, url, planId, lastLabel) => openSynced(browser, url, planId, lastLabel, PARTNER);

const { child, url } = await startRelay(mkdtempSync(join(tmpdir(), 'app-bench-')));
await uploadPlan(url, 'bench', generatedPlan(1000));
const browser = await launchChromium();
const big = await openPlan(browser, url, 'bench', 'Action 10.10.10');
const demo = await openPlan(browser, url, 'demo', 'Action 4.6.1');
const bigPartner = await partnerPage(browser, url, 'bench', 'Action 10.10.10');
const demoPartner = await partnerPage(browser, url, 'demo', 'Action 4.6.1');
await big.page.getByText('Connected, all changes synced').waitFor({ timeout: 120000 });
await demo.page.getByText('Connected, all changes synced').waitFor({ timeout: 120000 });
// Every page's idle-time work done (the long plan's words made live), so none of it falls on another page's keystrokes.
for (const p of [big, demo, bigPartner, demoPartner]) await settled(p.page);
const bigPartnerMs = await timePartnerKeystrokes(big.page, bigPartner.page, 'Action 1.1.1');
const demoPartnerMs = await timePartnerKeystrokes(demo.page, demoPartner.page, 'Action 1.1.1');
await bigPartner.context.close();
await demoPartner.context.close();
child.kill('SIGKILL'); // the relay is gone: everything now comes from the service worker and IndexedDB
await big.context.setOffline(true);
await demo.context.setOffline(true);
const [bigReload, demoReload] = await timeReloads([big, demo], 7);
const bigKeys = await timeKeystrokes(big.page, 'Action 1.1.1');
const demoKeys = await timeKeystrokes(demo.page, 'Action 1.1.1');
await browser.close();

console.log(`\nApp benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, headless Chromium (Debian)`);
console.log('\n| measure | value | reference |\n|---|---|---|');
console.log(sizeRows.join('\n'));
console.log(
  `| reload until the first action is editable, 1,000 actions, from IndexedDB, relay stopped, offline, timed in the page, median of 7 | ${bigReload.usable} ms | ${demoReload.usable} ms for the 51-action demo plan (${(bigReload.usable / demoReload.usable).toFixed(2)}×) |`,
);
console.log(`| reload until the last action's text is in the page, the same | ${bigReload.last} ms | ${demoReload.last} ms for the demo plan (${(bigReload.last / demoReload.last).toFixed(2)}×) |`);
console.log(`| partner's keystroke to the next frame on another screen, through the relay, median of 40, 1,000 actions | ${bigPartnerMs} ms | ${demoPartnerMs} ms for the demo plan |`);
console.log(
  `| local keystroke, Event Timing duration, median (worst) of 40, 1,000 actions | ${bigKeys.median} ms (${bigKeys.worst} ms) | ${demoKeys.median} ms (${demoKeys.worst} ms) for the demo plan; 16 ms means within one frame |`,
);
process.exit(0);
