/**
 * Core benchmarks: `npm run bench` (or `npx tsx packages/core/bench/run.ts`).
 * Each figure is set beside a reference measured in the same run: raw Yjs calls
 * that write and read the same layout, and the same content as JSON.
 */
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import * as Y from 'yjs';
// The built library, as users run it (the TypeScript sources under tsx carry transform overhead).
import { createPlan, openPlan, searchPlan, type Plan, type PlanInput } from '../dist/index.js';
import { layoutOf } from '../dist/document/layout.js';
import { generateKeyBetween } from 'fractional-indexing';
import { generatePlan } from './generate-plan.js';

/** The same plan written with raw Yjs calls into the same layout, one transaction per item. */
function rawBuild(input: PlanInput): Y.Doc {
  const doc = new Y.Doc();
  const l = layoutOf(doc);
  const at = new Date().toISOString();
  const text = (s: string) => {
    const t = new Y.Text();
    t.insert(0, s);
    return t;
  };
  let seq = 0;
  const put = (kind: keyof typeof l.entities, parent: string | null, order: string, fields: Record<string, unknown>) => {
    const id = `id${seq++}`;
    doc.transact(() => {
      const m = new Y.Map<unknown>();
      l.entities[kind].set(id, m);
      const pos = new Y.Array<unknown>();
      m.set('pos', pos); // the same layout as the API writes: a one-entry position log
      pos.push([{ p: parent, o: order }]);
      m.set('del', null);
      for (const k of ['cAt', 'uAt']) m.set(k, at);
      for (const k of ['cBy', 'uBy']) m.set(k, 'bench');
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
    });
    return id;
  };
  doc.transact(() => {
    l.system.set('schemaVersion', 1);
    l.meta.set('title', text(input.title));
  });
  const leadIds = new Map<string, string>();
  let lo: string | null = null;
  for (const lead of input.leads ?? []) {
    lo = generateKeyBetween(lo, null);
    leadIds.set(lead.name, put('lead', null, lo, { name: lead.name, kind: lead.kind, chair: '', organisation: '' }));
  }
  let po: string | null = null;
  for (const p of input.priorities ?? []) {
    po = generateKeyBetween(po, null);
    const pid = put('priority', null, po, {
      title: text(p.title),
      aim: text(p.aim ?? ''),
      owner: text(''),
      successStatements: Y.Array.from((p.successStatements ?? []).map(text)),
      focusAreas: new Y.Array(),
      leadGroup: null,
    });
    let oo: string | null = null;
    for (const o of p.objectives ?? []) {
      oo = generateKeyBetween(oo, null);
      const oid = put('objective', pid, oo, { text: text(o.text), impact: text('') });
      let ao: string | null = null;
      for (const a of o.actions ?? []) {
        ao = generateKeyBetween(ao, null);
        const aid = put('action', oid, ao, {
          text: text(a.text),
          leads: Y.Array.from((a.leads ?? []).map((n) => (leadIds.has(n) ? { leadId: leadIds.get(n) } : { name: n }))),
          timescale: text(a.timescale ?? ''),
          status: 'not-started',
          impact: text(''),
        });
        for (const u of a.updates ?? []) put('progress', aid, '', { date: u.date, author: u.author, rag: u.rag, narrative: text(u.narrative), evidence: text('') });
      }
    }
  }
  return doc;
}

/** The same plan made through the API one call at a time, as people build it in a workshop. */
function apiBuildByCalls(input: PlanInput): Plan {
  const plan = createPlan(new Y.Doc(), { title: input.title });
  const leadIds = new Map<string, string>();
  for (const lead of input.leads ?? []) leadIds.set(lead.name, plan.create('lead', { name: lead.name, kind: lead.kind }));
  for (const p of input.priorities ?? []) {
    const pid = plan.create('priority', { title: p.title, aim: p.aim, successStatements: p.successStatements });
    for (const o of p.objectives ?? []) {
      const oid = plan.create('objective', { text: o.text }, { parentId: pid });
      for (const a of o.actions ?? []) {
        const leads = (a.leads ?? []).map((n) => (leadIds.has(n) ? { leadId: leadIds.get(n)! } : { name: n }));
        const aid = plan.create('action', { text: a.text, leads, timescale: a.timescale }, { parentId: oid });
        for (const u of a.updates ?? []) plan.create('progress', { date: u.date, author: u.author, rag: u.rag, narrative: u.narrative }, { parentId: aid });
      }
    }
  }
  return plan;
}

/** Raw read: decode, then every top-level map as JSON. */
function rawOpenAndRead(bytes: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, bytes);
  const l = layoutOf(doc);
  const out: Record<string, unknown> = { meta: l.meta.toJSON() };
  for (const [k, m] of Object.entries(l.entities)) out[k] = m.toJSON();
  return out;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Times two functions alternately, `repeat` times each after a warm-up, and
 * gives each one's median: alternating keeps machine noise and GC drift from
 * landing on one side only.
 */
function sideBySide<A, B>(a: () => A, b: () => B, repeat: number): { a: number; b: number; resultA: A } {
  let resultA = a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < repeat; i++) {
    let t0 = performance.now();
    resultA = a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return { a: median(ta), b: median(tb), resultA };
}

/** Median time from applying one remote keystroke to the plan's change event, over `n` keystrokes. */
function keystrokeToEvent(input: PlanInput, n: number): number {
  const a = createPlan(new Y.Doc(), input, { user: 'A' });
  const b = openPlan(replicaOf(a.doc), { user: 'B' });
  const actionId = a.snapshot().priorities[3]!.objectives[4]!.actions[5]!.id;
  let delivered = 0;
  let t0 = 0;
  const samples: number[] = [];
  b.onChange((c) => {
    if (c.entities.some((e) => e.id === actionId)) {
      samples.push(performance.now() - t0);
      delivered++;
    }
  });
  const updates: Uint8Array[] = [];
  a.doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) a.editText('action', actionId, 'text', 0, 0, 'x');
  for (const u of updates) {
    t0 = performance.now();
    Y.applyUpdate(b.doc, u, 'remote');
  }
  if (delivered !== n) throw new Error(`expected ${n} change events, got ${delivered}`);
  samples.sort((x, y) => x - y);
  return samples[Math.floor(samples.length / 2)]!;
}

function replicaOf(doc: Y.Doc): Y.Doc {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
  return d;
}

const fmt = (n: number) => n.toFixed(n < 10 ? 3 : 1);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

const input = generatePlan(10, 10, 10, 3);
const big = generatePlan(10, 10, 100, 3);
const rows: string[][] = [];

const build = sideBySide(
  () => apiBuildByCalls(input),
  () => rawBuild(input),
  21,
);
rows.push(['build 1,000-action plan, one call per item', `${fmt(build.a)} ms`, `${fmt(build.b)} ms (raw Yjs, same layout, one transaction per item)`, (build.a / build.b).toFixed(2) + 'x']);
const bulk = sideBySide(
  () => createPlan(new Y.Doc(), input),
  () => rawBuild(input),
  11,
);
rows.push(['createPlan from input (checked in a scratch doc, then applied)', `${fmt(bulk.a)} ms`, `${fmt(bulk.b)} ms (raw Yjs)`, (bulk.a / bulk.b).toFixed(2) + 'x']);
const apiBuild = { result: bulk.resultA };
const bytes = Y.encodeStateAsUpdate(apiBuild.result.doc);
const bytesV2 = Y.encodeStateAsUpdateV2(apiBuild.result.doc);
// Two JSON references: the bare input (no ids, no history), and the full snapshot (ids, timestamps, parsed timescales).
const json = JSON.stringify(input);
const snapJson = JSON.stringify(apiBuild.result.snapshot());
const gz = (b: Uint8Array | string) => gzipSync(b).length;
rows.push([
  'encoded size (Yjs v1), gzipped',
  kb(gz(bytes)),
  `${kb(gz(json))} input JSON · ${kb(gz(snapJson))} snapshot JSON`,
  `${(gz(bytes) / gz(json)).toFixed(1)}x · ${(gz(bytes) / gz(snapJson)).toFixed(1)}x`,
]);
rows.push([
  'encoded size (Yjs v2), gzipped',
  kb(gz(bytesV2)),
  `${kb(gz(json))} input JSON · ${kb(gz(snapJson))} snapshot JSON`,
  `${(gz(bytesV2) / gz(json)).toFixed(1)}x · ${(gz(bytesV2) / gz(snapJson)).toFixed(1)}x`,
]);
rows.push([
  'encoded size (Yjs v1), not compressed',
  kb(bytes.length),
  `${kb(Buffer.byteLength(json))} input JSON · ${kb(Buffer.byteLength(snapJson))} snapshot JSON`,
  `${(bytes.length / Buffer.byteLength(json)).toFixed(1)}x · ${(bytes.length / Buffer.byteLength(snapJson)).toFixed(1)}x`,
]);

const open = sideBySide(
  () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, bytes);
    return openPlan(d).snapshot();
  },
  () => rawOpenAndRead(bytes),
  21,
);
rows.push(['open + snapshot', `${fmt(open.a)} ms`, `${fmt(open.b)} ms (raw Yjs decode + toJSON)`, (open.a / open.b).toFixed(2) + 'x']);

// Search as a person types it: two words over the whole 1,000-action plan, against the cheapest scan of the same text (its snapshot's JSON, lower-cased, for both words).
const snapshot1000 = apiBuild.result.snapshot();
const search = sideBySide(
  () => searchPlan(snapshot1000, 'audit sample'),
  () => {
    const all = JSON.stringify(snapshot1000).toLowerCase();
    return all.includes('audit') && all.includes('sample');
  },
  21,
);
rows.push([
  'searchPlan, two words, 1,000-action plan',
  `${fmt(search.a)} ms (${search.resultA.length} hits)`,
  `${fmt(search.b)} ms (lower-cased JSON of the snapshot, scanned for both)`,
  (search.a / search.b).toFixed(2) + 'x',
]);

const k1 = keystrokeToEvent(input, 200);
const k10 = keystrokeToEvent(big, 200);
rows.push(['remote keystroke → change event', `${fmt(k10)} ms at 10,000 actions`, `${fmt(k1)} ms at 1,000 actions`, (k10 / k1).toFixed(2) + 'x']);

console.log(`\nCoplan core benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log('\n| measure | Coplan API | reference | ratio |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
