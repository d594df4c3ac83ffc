/**
 * Scorecard benchmark (issue 15): `npm run bench` (root), or after `npm run build`:
 * `node packages/app/bench/scorecard-bench.mjs`.
 * In headless Chromium, side by side in one run, median of 7 each, with the relay up:
 * - reference: reload to the 51-action demo plan on screen (its last action shown);
 * - scorecard: reload to the plan on screen, then the Scorecard tab with 100 indicators
 *   over 12 quarters (1,200 figures, each with its RAG, and 100 trend charts) rendered
 *   to the last indicator's table;
 * - and the Scorecard tab alone, from the click to the last table, for the same plan.
 * Goal: the scorecard opens and renders within 1.5× the demo plan.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createPlan } from '@coplan/core';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../dist');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const RUNS = 7;

/** A plan of five priorities and 100 indicators, each with 12 quarters of actual and target (2023/24 to 2025/26). */
function scorecardPlan() {
  const quarters = [2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
  return {
    title: 'Scorecard plan',
    priorities: Array.from({ length: 5 }, (_, p) => ({ title: `Priority ${p + 1}`, objectives: [{ text: `Objective ${p + 1}.1`, actions: [{ text: `Action ${p + 1}.1.1` }] }] })),
    indicators: Array.from({ length: 100 }, (_, i) => ({
      name: `Indicator ${i + 1}`,
      priority: (i % 5) + 1,
      owner: 'Children’s Services',
      unit: '%',
      direction: i % 3 ? 'higher' : 'lower',
      figures: quarters.map((period, q) => ({ period, actual: 70 + ((i * 7 + q * 13) % 30), target: 85, commentary: q % 4 ? '' : 'Commentary for the quarter' })),
    })),
  };
}

async function relay(dataDir) {
  const child = spawn(process.execPath, [join(here, '../../sync-server/dist/cli.js'), '--port', '0', '--demo', '--data-dir', dataDir, '--static', dist], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { child, url };
}

async function upload(url, planId, input) {
  const doc = new Y.Doc();
  createPlan(doc, input, { planId });
  const p = new WebsocketProvider(url.replace('http', 'ws') + '/sync', planId, doc, { WebSocketPolyfill: WebSocket, disableBc: true });
  await new Promise((r) => p.once('sync', r));
  // Until the relay says every update is stored: the last one it acknowledges.
  await new Promise((r) => setTimeout(r, 500));
  p.destroy();
}

async function pageFor(browser, url, planId) {
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('coplan:user', JSON.stringify({ name: 'Bench', colour: '#1d70b8' })));
  const page = await context.newPage();
  await page.goto(`${url}/#/plan/${planId}`);
  return { context, page };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { child, url } = await relay(mkdtempSync(join(tmpdir(), 'scorecard-bench-')));
await upload(url, 'scorecard', scorecardPlan());
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const demo = await pageFor(browser, url, 'demo');
const card = await pageFor(browser, url, 'scorecard');
const demoReady = () => demo.page.getByRole('textbox', { name: 'Action 4.6.1', exact: true }).waitFor({ timeout: 120000 });
const planReady = () => card.page.getByRole('textbox', { name: 'Action 5.1.1', exact: true }).waitFor({ timeout: 120000 });
/**
 * Clicks the Scorecard tab and returns, measured in the page, the time to the frame after the
 * last indicator's table is in the DOM (checked each frame; a role query over 100 indicators
 * would itself take longer than the rendering).
 */
const tabToCard = () =>
  card.page.evaluate(async () => {
    const view = () => document.querySelector('coplan-app')?.shadowRoot?.querySelector('plan-view')?.shadowRoot;
    const tab = [...view().querySelectorAll('nav button')].find((b) => b.textContent.trim() === 'Scorecard');
    const t0 = performance.now();
    tab.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const captions = view()?.querySelector('scorecard-view')?.shadowRoot?.querySelectorAll('caption');
      if (captions?.length === 100 && captions[99].textContent === 'Figures for Indicator 100') return performance.now() - t0;
    }
  });
// Warm both once (service worker, the scorecard's lazily loaded code), then alternate the runs.
await demoReady();
await planReady();
await tabToCard();
const demoMs = [];
const cardMs = [];
const tabMs = [];
for (let i = 0; i < RUNS; i++) {
  let t0 = Date.now();
  await demo.page.reload();
  await demoReady();
  demoMs.push(Date.now() - t0);
  t0 = Date.now();
  await card.page.reload();
  await planReady();
  const planMs = Date.now() - t0;
  const tab = await tabToCard();
  cardMs.push(Math.round(planMs + tab));
  tabMs.push(Math.round(tab));
}
await browser.close();
child.kill('SIGKILL');

const d = median(demoMs);
const c = median(cardMs);
console.log(`\nScorecard benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, headless Chromium (Debian)`);
console.log('\n| measure | value | reference |\n|---|---|---|');
console.log(
  `| reload to the Scorecard tab on screen, 100 indicators × 12 quarters, median of ${RUNS} | ${c} ms (${(c / d).toFixed(2)}× the demo plan; goal 1.5×) | ${d} ms to the 51-action demo plan on screen |`,
);
console.log(`| of which the Scorecard tab, click to the last indicator's table | ${median(tabMs)} ms | |`);
process.exit(0);
