/**
 * The leads view's "Actions led" column at 1,000 actions (`npm run bench`,
 * or `npx tsx packages/core/bench/leads-bench.ts` after building the core).
 * Side by side in one run, alternating: each lead's actions found by scanning
 * every action (`actionsByLead` once per lead, as the view did: O(leads ×
 * actions)) against one pass over the plan (`actionsPerLead`, as it does now).
 */
import os from 'node:os';
import * as Y from 'yjs';
import { actionsByLead, actionsPerLead, createPlan } from '../dist/index.js';
import { generatePlan } from './generate-plan.js';

const REPEAT = 21;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = createPlan(new Y.Doc(), generatePlan(10, 10, 10, 3), { user: 'A' }).snapshot();
const before = () => new Map(s.leads.map((l) => [l.id, actionsByLead(s, l.id).length]));
const after = () => {
  const uses = new Map<string, number>();
  for (const lead of actionsPerLead(s)) if (lead.leadId) uses.set(lead.leadId, lead.rows.length);
  return new Map(s.leads.map((l) => [l.id, uses.get(l.id) ?? 0]));
};
const tb: number[] = [];
const ta: number[] = [];
let same = JSON.stringify([...before()]) === JSON.stringify([...after()]);
for (let i = 0; i < REPEAT; i++) {
  let t0 = performance.now();
  const b = before();
  tb.push(performance.now() - t0);
  t0 = performance.now();
  const a = after();
  ta.push(performance.now() - t0);
  same &&= JSON.stringify([...a]) === JSON.stringify([...b]);
}
const actions = s.priorities.reduce((n, p) => n + p.objectives.reduce((m, o) => m + o.actions.length, 0), 0);
console.log(`\nLeads view, actions led per lead — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`plan: ${actions} actions, ${s.leads.length} leads; median of ${REPEAT}, alternating\n`);
console.log('| counts for every lead | before: a scan per lead | after: one pass | ratio | same counts |\n|---|---|---|---|---|');
console.log(`| ${s.leads.length} leads, ${actions} actions | ${median(tb).toFixed(2)} ms | ${median(ta).toFixed(2)} ms | ${(median(tb) / median(ta)).toFixed(1)}x faster | ${same ? 'yes' : 'NO'} |`);
