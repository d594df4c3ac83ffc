/**
 * Local keystroke benchmark: `node packages/app/bench/keystroke-bench.mjs [--before <dist>] [--after <dist>]`
 * after `npm run build`. Types letters at the end of the first action of a generated
 * 1,000-action plan and of the 51-action demo plan, connected to the real relay, in
 * headless Chromium, and reports per keystroke:
 * - the Event Timing duration of its keydown (to the next paint; the API reports only
 *   events of 16 ms or more, in steps of 8 ms, so one it does not report counts as 16);
 * - from the key press to the task after the next frame, timed in the page (in ms,
 *   not steps of 8): how long the keystroke holds the page.
 * - a partner's keystroke: from the key press to the next frame after the letter is in the
 *   field on another screen (a second context with the same plan open), through the relay;
 *   both pages read one clock (time origin plus now).
 * With `--before <dist>` (another build of the app, say main's), that build is measured
 * too, side by side: the builds and plans take turns, 10 keystrokes at a time. `--after`
 * measures another build in place of packages/app/dist.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generatedPlan, launchChromium, median, openSynced, startRelay, uploadPlan, watchRepaints } from './bench-relay.mjs';
import { settled } from './reload-probe.mjs';

const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? resolve(process.argv[at + 1]) : undefined;
};
const before = option('--before');
const builds = [...(before ? [{ name: 'before', dist: before }] : []), { name: before ? 'after' : 'this build', dist: option('--after') }];
const ROUNDS = 4;
const PER_ROUND = 10;

/** Opens a plan in a fresh context and puts the caret at the end of its first action, with the measuring in place. */
async function openAt(browser, url, planId, lastLabel) {
  const { context, page } = await openSynced(browser, url, planId, lastLabel, { name: 'Bench', colour: '#1d70b8' });
  const box = page.getByRole('textbox', { name: 'Action 1.1.1', exact: true });
  await box.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    window.__timing = [];
    window.__held = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown' && e.interactionId) window.__timing.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    // Capture, so it runs first: from the key press to the task after the next frame.
    window.addEventListener(
      'keydown',
      (e) => {
        const pressed = e.timeStamp;
        requestAnimationFrame(() => {
          const after = new MessageChannel();
          after.port1.onmessage = () => window.__held.push(performance.now() - pressed);
          after.port2.postMessage(0);
        });
      },
      true,
    );
  });
  return { context, page, timing: [], held: [], partner: [] };
}

/** A second screen with the same plan open, told the time of each frame after its first action's text changed. */
async function openWatcher(browser, url, planId, lastLabel) {
  const { page } = await openSynced(browser, url, planId, lastLabel, { name: 'Partner', colour: '#4c2c92' });
  await watchRepaints(page, 'Action 1.1.1');
  return page;
}

/** Types `n` letters one at a time, each after the frame of the one before, as a typist at 60 wpm would. */
async function type(run, n) {
  const { page } = run;
  const before = await page.evaluate(() => [window.__timing.length, window.__held.length]);
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('x');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const [timing, held] = await page.evaluate(([t, h]) => [window.__timing.slice(t), window.__held.slice(h)], before);
  run.timing.push(...timing, ...Array(Math.max(0, n - timing.length)).fill(16));
  run.held.push(...held);
}

/** Types `n` letters one at a time, each once the one before is on the partner's screen, timing each to that screen's next frame. */
async function typeForPartner(run, n) {
  const { page, watcher } = run;
  for (let i = 0; i < n; i++) {
    const seen = await watcher.evaluate(() => window.__seen.length);
    const sent = await page.evaluate(() => performance.timeOrigin + performance.now());
    await page.keyboard.press('y');
    await watcher.waitForFunction((k) => window.__seen.length > k, seen, { polling: 'raf' });
    run.partner.push((await watcher.evaluate((k) => window.__seen[k], seen)) - sent);
  }
}

const browser = await launchChromium();
const runs = [];
const relays = [];
for (const build of builds) {
  const { child, url } = await startRelay(mkdtempSync(join(tmpdir(), 'keystroke-bench-')), build.dist);
  relays.push(child);
  await uploadPlan(url, 'bench', generatedPlan(1000));
  runs.push({ build: build.name, plan: '1,000 actions', watcher: await openWatcher(browser, url, 'bench', 'Action 10.10.10'), ...(await openAt(browser, url, 'bench', 'Action 10.10.10')) });
  runs.push({ build: build.name, plan: 'demo, 51 actions', watcher: await openWatcher(browser, url, 'demo', 'Action 4.6.1'), ...(await openAt(browser, url, 'demo', 'Action 4.6.1')) });
}
// Every page's idle-time work done (a long plan's words made live), so none of it falls on another page's keystrokes.
for (const run of runs) for (const page of [run.page, run.watcher]) await settled(page);
for (const run of runs) await type(run, 3); // warm-up, not counted
for (const run of runs) run.timing.length = run.held.length = run.partner.length = 0;
for (let round = 0; round < ROUNDS; round++) for (const run of runs) await type(run, PER_ROUND);
// Then a partner's keystrokes, taking turns the same way.
for (let round = 0; round < ROUNDS; round++) for (const run of runs) await typeForPartner(run, PER_ROUND);
await browser.close();
for (const child of relays) child.kill('SIGKILL');

const worst = (xs) => Math.max(...xs);
console.log(`\nLocal keystroke benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()[0].toFixed(1)}, node ${process.version}, headless Chromium (Debian)`);
console.log(
  `\n| build | plan | Event Timing median (worst) of ${ROUNDS * PER_ROUND} | key press to after the next frame, median (worst) | partner's keystroke to the next frame on another screen, median (worst) |\n|---|---|---|---|---|`,
);
for (const r of runs)
  console.log(
    `| ${r.build} | ${r.plan} | ${median(r.timing)} ms (${worst(r.timing)}) | ${median(r.held).toFixed(1)} ms (${worst(r.held).toFixed(0)}) | ${median(r.partner).toFixed(1)} ms (${worst(r.partner).toFixed(0)}) |`,
  );
process.exit(0);
