/**
 * Where a reload's time goes: after `npm run build`, `node packages/app/bench/reload-profile.mjs`.
 * Opens a generated 1,000-action plan and the 51-action demo plan, stops the relay, takes
 * the pages offline, and profiles one reload of each with Chromium's sampling profiler
 * (CDP `Profiler`, 100 µs) from navigation to the frame where the last action's text is in
 * the page, and lists when each stage of the reload was reached (the app's performance marks). Each sample is put down to the source file it ran in (through the build's
 * source maps), or, for the browser's own work (DOM calls, style, layout, garbage), to
 * the nearest script that called it. Not part of `npm run bench`: it explains its figures.
 * With `BEFORE=<another build's dist>` it times and profiles that build too, side by side
 * (each build on its own relay and origin); `RUNS` sets how many timed reloads (5). `TOP=<n>` lists
 * the functions with the most time of their own until usable (`TOP_AFTER=1`: from usable to the
 * last action), `TOP_BY_FILE=1` by source file, `INCLUSIVE=1` with the time of what each called.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { generatedPlan, launchChromium, startRelay, uploadPlan } from './bench-relay.mjs';
import { openPlan, timeReloads } from './reload-probe.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const maps = new Map();

/** The source file a script position of the build in `dist` came from ("node_modules/yjs/…", "src/items/action-item.ts"). */
function sourceOf(dist, url, line, column) {
  const m = /\/(assets\/[^/?#]+\.js)$/.exec(url);
  if (!m || line < 0) return m ? m[1] : url;
  const file = join(dist, `${m[1]}.map`);
  if (!maps.has(file)) {
    try {
      maps.set(file, new TraceMap(readFileSync(file, 'utf8')));
    } catch {
      maps.set(file, null);
    }
  }
  const map = maps.get(file);
  return (map && originalPositionFor(map, { line: line + 1, column }).source) || m[1];
}

/** What part of the reload a source file is. */
function part(source) {
  if (/y-indexeddb|\/yjs\/|\/lib0\/|idb/.test(source)) return 'Yjs: IndexedDB load, applying the update';
  if (/packages\/core\/|@coplan\/core|core\/(src|dist)\//.test(source)) return 'core: plan reads';
  if (/lit-html|lit-element|reactive-element|@lit\//.test(source)) return 'Lit: templates, DOM creation';
  if (/editable-text|src\/editing\//.test(source)) return 'text fields: editors and bindings';
  if (/src\/items\//.test(source)) return 'items: priorities, objectives, actions';
  if (/src\//.test(source)) return 'app: other';
  return `other (${source.split('/').slice(-2).join('/')})`;
}

/** Each part's time (ms) in the profile, and in the part of it before the first action was editable. */
function breakdown(dist, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const partOf = new Map();
  const classify = (id) => {
    if (partOf.has(id)) return partOf.get(id);
    const n = byId.get(id);
    const { functionName: name, url, lineNumber, columnNumber } = n.callFrame;
    let p;
    if (name === '(idle)') p = 'idle';
    else if (name === '(program)') p = 'browser: style, layout, paint, parsing';
    else if (name === '(garbage collector)') p = 'garbage collection';
    else if (url) p = part(sourceOf(dist, url, lineNumber, columnNumber));
    else p = parent.has(id) ? classify(parent.get(id)) : 'browser: style, layout, paint, parsing';
    partOf.set(id, p);
    return p;
  };
  const ms = new Map();
  const before = new Map();
  const fns = new Map();
  // `INCLUSIVE=1`: each function's time with what it called, once per sample however deep it recurs.
  const label = (id) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    return `${url ? sourceOf(dist, url, lineNumber, columnNumber).split('/').slice(-2).join('/') : ''}:${url ? lineNumber : ''} ${functionName}`;
  };
  const stack = (id) => {
    const labels = [];
    for (let n = id; n !== undefined; n = parent.get(n)) labels.push(label(n));
    return labels;
  };
  const dts = profile.timeDeltas;
  let usable = false;
  profile.samples.forEach((id, i) => {
    const p = classify(id);
    if (!usable && stack(id).some((l) => l.endsWith(' coplanUsableMark'))) usable = true;
    const t = (dts[i + 1] ?? 0) / 1000;
    ms.set(p, (ms.get(p) ?? 0) + t);
    if (!usable) before.set(p, (before.get(p) ?? 0) + t);
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    const fn = `${url ? sourceOf(dist, url, lineNumber, columnNumber).split('/').slice(-2).join('/') : ''} ${process.env.TOP_BY_FILE ? '' : functionName}`;
    // Until usable, or (`TOP_AFTER=1`) from usable to the last action.
    if (usable !== !!process.env.TOP_AFTER) return;
    if (!process.env.INCLUSIVE) fns.set(fn, (fns.get(fn) ?? 0) + t);
    else for (const f of new Set(stack(id))) fns.set(f, (fns.get(f) ?? 0) + t);
  });
  return { ms, before, fns };
}

async function profiledReload(dist, page) {
  await page.evaluate(() => localStorage.setItem('coplan:bench-mark', '1'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.reload();
  await page.waitForFunction(() => window.__reload?.usable !== undefined && window.__reload?.last !== undefined, null, { timeout: 120000, polling: 100 });
  const { profile } = await cdp.send('Profiler.stop');
  const t = await page.evaluate(() => window.__reload);
  await page.evaluate(() => localStorage.removeItem('coplan:bench-mark'));
  return { usable: Math.round(t.usable), last: Math.round(t.last), parts: breakdown(dist, profile) };
}

const builds = [{ name: 'this build', dist: join(here, '../dist') }, ...(process.env.BEFORE ? [{ name: 'before', dist: process.env.BEFORE }] : [])];
const runs = Number(process.env.RUNS ?? 5);
const browser = await launchChromium();
for (const build of builds) {
  const { child, url } = await startRelay(mkdtempSync(join(tmpdir(), 'reload-profile-')), build.dist);
  await uploadPlan(url, 'bench', generatedPlan(1000));
  build.big = await openPlan(browser, url, 'bench', 'Action 10.10.10');
  build.demo = await openPlan(browser, url, 'demo', 'Action 4.6.1');
  child.kill('SIGKILL');
  await build.big.context.setOffline(true);
  await build.demo.context.setOffline(true);
}
// Every build's reloads taken in turn, so a busy moment on the machine falls on all of them.
const times = await timeReloads(
  builds.flatMap((b) => [b.big, b.demo]),
  runs,
);
console.log(
  `\nReload timed in the page, relay stopped, offline, median of ${runs}\n\n| build | first action editable, 1,000 / demo, ms | last action's text in the page, 1,000 / demo, ms |\n|---|---|---|`,
);
builds.forEach((b, i) => {
  const [big, demo] = [times[2 * i], times[2 * i + 1]];
  console.log(`| ${b.name} | ${big.usable} / ${demo.usable} (${(big.usable / demo.usable).toFixed(2)}×) | ${big.last} / ${demo.last} (${(big.last / demo.last).toFixed(2)}×) |`);
});
// The same reloads by stage: when each was reached, and the time since the one before, for both plans.
builds.forEach((b, i) => {
  const [big, demo] = [times[2 * i], times[2 * i + 1]];
  console.log(
    `\nStages of the reload, ${b.name}, ms from navigation start (medians of ${runs}; in brackets, since the stage before)\n\n| reached | 1,000 actions | demo plan | more for 1,000 actions |\n|---|---|---|---|`,
  );
  let prev = null;
  for (const stage of Object.keys(big.stages)) {
    const [x, y] = [big.stages[stage], demo.stages[stage]];
    const step = (now, then) => (then === undefined ? '' : ` (${now - then})`);
    console.log(`| ${stage} | ${x}${step(x, prev?.[0])} | ${y}${step(y, prev?.[1])} | ${x - y} |`);
    prev = [x, y];
  }
});
for (const b of builds) {
  const x = await profiledReload(b.dist, b.big.page);
  const y = await profiledReload(b.dist, b.demo.page);
  console.log(`\nOne profiled reload, ${b.name}: 1,000 actions (usable ${x.usable} ms, last action ${x.last} ms) | demo plan (usable ${y.usable} ms, last ${y.last} ms)`);
  console.log('\n| part | 1,000 actions: until usable / until last, ms | demo plan: until usable / until last, ms |\n|---|---|---|');
  const get = (m, p) => Math.round(m.get(p) ?? 0);
  const parts = [...new Set([...x.parts.ms.keys(), ...y.parts.ms.keys()])].sort((p, q) => get(x.parts.ms, q) - get(x.parts.ms, p));
  for (const p of parts)
    if (Math.max(get(x.parts.ms, p), get(y.parts.ms, p)) >= 5) console.log(`| ${p} | ${get(x.parts.before, p)} / ${get(x.parts.ms, p)} | ${get(y.parts.before, p)} / ${get(y.parts.ms, p)} |`);
  if (process.env.TOP) {
    console.log(`\n${process.env.TOP_AFTER ? 'From usable to the last action' : 'Until usable'}, 1,000 actions, the ${process.env.TOP} functions with the most time of their own (ms):`);
    for (const [f, t] of [...x.parts.fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP))) console.log(`  ${t.toFixed(1)}  ${f}`);
  }
}
await browser.close();
process.exit(0);
