/**
 * What the app's benchmarks share: a generated plan, the real relay serving the built
 * app, putting a plan on it, Chromium, and the median.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createPlan } from '@coplan/core';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../dist');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

/** A plan of 10 priorities × 10 objectives × `actions / 100` actions, each with a lead, a timescale and a progress update. */
export function generatedPlan(actions) {
  return {
    title: 'Generated plan',
    period: { start: '2025-04-01', end: '2026-03-31' },
    priorities: Array.from({ length: 10 }, (_, p) => ({
      title: `Priority ${p}`,
      objectives: Array.from({ length: 10 }, (_, o) => ({
        text: `Objective ${p}.${o}`,
        actions: Array.from({ length: actions / 100 }, (_, a) => ({
          text: `Action ${p}.${o}.${a}: audit to be undertaken as part of QA activity`,
          leads: ['QA Sub'],
          timescale: 'By 31/03/26',
          updates: [{ date: '2025-06-01', author: 'BM', rag: 'green', narrative: 'On track' }],
        })),
      })),
    })),
  };
}

/** The real relay with its demo plan, serving the built app (or another build of it, `app`), on a free port. */
export async function startRelay(dataDir, app = dist) {
  const child = spawn(process.execPath, [join(here, '../../sync-server/dist/cli.js'), '--port', '0', '--demo', '--data-dir', dataDir, '--static', app], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the relay exited (${code}) before listening`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { child, url };
}

/** One sync of `doc` with the relay's copy of `planId`. */
async function synced(url, planId, doc) {
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, planId, doc, { WebSocketPolyfill: WebSocket, disableBc: true });
  await new Promise((r) => provider.once('sync', r));
  return provider;
}

/**
 * Puts a plan on the relay and returns once the relay has stored all of it: the relay
 * answers a newcomer's first sync only after what it applied before is stored, so a
 * fresh empty document that syncs to the same state proves it.
 */
export async function uploadPlan(url, planId, input) {
  const doc = new Y.Doc();
  createPlan(doc, input, { planId });
  const uploader = await synced(url, planId, doc);
  const want = Y.encodeStateVector(doc).toString();
  for (;;) {
    const check = new Y.Doc();
    const checker = await synced(url, planId, check);
    const stored = Y.encodeStateVector(check).toString() === want;
    checker.destroy();
    if (stored) break;
  }
  uploader.destroy();
}

/** Debian's Chromium, launched as this machine allows. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** The middle value (the upper middle for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Notes, in `window.__seen`, the frame after each change to the text box named `label`
 * (found through shadow roots): when a partner's keystroke has reached this page's screen.
 */
export function watchRepaints(page, label) {
  return page.evaluate((label) => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.getAttribute('role') === 'textbox' && el.getAttribute('aria-label') === label) return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    window.__seen = [];
    new MutationObserver(() => requestAnimationFrame(() => window.__seen.push(performance.timeOrigin + performance.now()))).observe(find(document), {
      characterData: true,
      subtree: true,
      childList: true,
    });
  }, label);
}

/** Opens `planId` in a fresh context as `person` (name and colour), once its last action (`lastLabel`) is drawn and the relay has all of it. */
export async function openSynced(browser, url, planId, lastLabel, person) {
  const context = await browser.newContext();
  await context.addInitScript((who) => localStorage.setItem('coplan:user', JSON.stringify(who)), person);
  const page = await context.newPage();
  await page.goto(`${url}/#/plan/${planId}`);
  await page.getByRole('textbox', { name: lastLabel, exact: true }).waitFor({ timeout: 120000 });
  await page.getByText('Connected, all changes synced').waitFor({ timeout: 120000 });
  return { context, page };
}
