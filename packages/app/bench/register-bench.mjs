/**
 * Register grid benchmark: `npm run bench` (root), or after `npm run build`:
 * `node packages/app/bench/register-bench.mjs`. In headless Chromium, a generated
 * 1,000-action plan beside the 51-action demo plan, in one run:
 * 1. Opening the Register tab: from the click to the grid on screen, median of 5.
 * 2. Moving between cells with the arrow keys: Event Timing duration (key press to the
 *    next paint), median and worst of 40.
 * 3. Saving a cell: Enter on an edited Action cell, Event Timing duration, median and worst of 20
 *    (this includes the rest of the app catching up with the change).
 */
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generatedPlan, launchChromium, median, startRelay, uploadPlan } from './bench-relay.mjs';

const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Starts collecting keydown Event Timing durations (only events of 16 ms or more are reported). */
async function watchKeys(page) {
  await page.evaluate(() => {
    window.__keys = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown' && e.interactionId) window.__keys.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
  });
}

/** The durations collected, with each unreported key counted as 16 ms (within a frame). */
async function keyDurations(page, presses) {
  await nextFrame(page);
  const reported = await page.evaluate(() => window.__keys.splice(0));
  const all = [...reported, ...Array(Math.max(0, presses - reported.length)).fill(16)].sort((a, b) => a - b);
  return { median: Math.round(all[Math.floor(all.length / 2)]), worst: Math.round(all[all.length - 1]) };
}

async function measure(browser, url, planId) {
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('coplan:user', JSON.stringify({ name: 'Bench', colour: '#1d70b8' })));
  const page = await context.newPage();
  await page.goto(`${url}/#/plan/${planId}`);
  await page.getByRole('textbox', { name: 'Action 1.1.1', exact: true }).waitFor({ timeout: 120000 });
  // CSS locators, not roles: working out every accessible name in a 1,000-action page takes Playwright longer than the app takes to draw it.
  const tab = (n) => page.locator('nav[aria-label="Views of this plan"] button').nth(n);
  const grid = page.locator('register-view table[role="grid"]');

  // 1. Opening the tab.
  const opens = [];
  for (let i = 0; i < 5; i++) {
    await tab(0).click();
    await grid.waitFor({ state: 'detached' });
    const t0 = Date.now();
    await tab(1).click();
    await grid.locator('td[data-col="0"]', { hasText: '1.1.1' }).first().waitFor();
    await nextFrame(page);
    opens.push(Date.now() - t0);
  }

  // 2. Arrow keys.
  await grid.locator('th[aria-colindex="1"] button').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await watchKeys(page);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 4 < 2 ? 'ArrowDown' : 'ArrowUp');
    await nextFrame(page);
  }
  const arrows = await keyDurations(page, 40);

  // 3. Saving an edited cell with Enter (then back up to the same cell).
  let enters = 0;
  const saves = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type('z');
    await watchKeys(page);
    await page.keyboard.press('Enter');
    enters++;
    saves.push(...(await page.evaluate(() => window.__keys.splice(0))));
    await nextFrame(page);
    saves.push(...(await page.evaluate(() => window.__keys.splice(0))));
    await page.keyboard.press('ArrowUp');
  }
  const allSaves = [...saves, ...Array(Math.max(0, enters - saves.length)).fill(16)].sort((a, b) => a - b);
  await context.close();
  return { open: median(opens), arrows, save: { median: Math.round(median(allSaves)), worst: Math.round(allSaves[allSaves.length - 1]) } };
}

const { child, url } = await startRelay(mkdtempSync(join(tmpdir(), 'register-bench-')));
await uploadPlan(url, 'bench', generatedPlan(1000));
const browser = await launchChromium();
const big = await measure(browser, url, 'bench');
const demo = await measure(browser, url, 'demo');
await browser.close();
child.kill('SIGKILL');

console.log(`\nRegister grid benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, headless Chromium (Debian)`);
console.log('\n| measure | 1,000 actions | 51-action demo plan |\n|---|---|---|');
console.log(`| opening the Register tab, click to grid on screen, median of 5 | ${big.open} ms | ${demo.open} ms |`);
console.log(`| arrow key between cells, Event Timing, median (worst) of 40 | ${big.arrows.median} ms (${big.arrows.worst} ms) | ${demo.arrows.median} ms (${demo.arrows.worst} ms) |`);
console.log(`| Enter saving an edited cell, Event Timing, median (worst) of 20 | ${big.save.median} ms (${big.save.worst} ms) | ${demo.save.median} ms (${demo.save.worst} ms) |`);
console.log('(16 ms means within one frame: Event Timing reports only events of 16 ms or more.)');
process.exit(0);
