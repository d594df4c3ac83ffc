/**
 * Search after a change, at 1,000 actions (`npm run bench`, or
 * `npx tsx packages/core/bench/search-bench.ts` after building the core).
 * Side by side in one run, alternating: what the app did before (read a
 * fresh snapshot and search it in full) against `Plan.search`, which
 * re-reads only what the change touched. Each side edits its own copy of
 * the same plan, one keystroke (or one move) per sample, then searches.
 */
import os from 'node:os';
import * as Y from 'yjs';
import { createPlan, searchPlan, type Plan } from '../dist/index.js';
import { generatePlan } from './generate-plan.js';

const QUERY = 'audit sample';
const REPEAT = 41;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const input = generatePlan(10, 10, 10, 3);
const full = createPlan(new Y.Doc(), input, { user: 'A' });
const incremental = createPlan(new Y.Doc(), input, { user: 'A' });
const actionsOf = (plan: Plan) => plan.childIds('priority', null).flatMap((p) => plan.childIds('objective', p).flatMap((o) => plan.childIds('action', o)));
const count = actionsOf(full).length;
incremental.search(QUERY); // the index is made on the first search, as when a person first types in the box

/** Times `change` then a search on each side, alternately, `REPEAT` times after a warm-up; medians. */
function perChange(change: (plan: Plan, i: number) => void): { before: number; after: number; same: boolean } {
  const tb: number[] = [];
  const ta: number[] = [];
  let same = true;
  for (let i = -3; i < REPEAT; i++) {
    const t0 = performance.now();
    change(full, i);
    const a = searchPlan(full.snapshot(), QUERY);
    const t1 = performance.now();
    change(incremental, i);
    const b = incremental.search(QUERY);
    const t2 = performance.now();
    if (i >= 0) {
      tb.push(t1 - t0);
      ta.push(t2 - t1);
    }
    // The two copies have their own ids: the same hits say the same places, fields and words.
    const seen = (hits: typeof a) => hits.map((h) => `${h.where}|${h.field}|${h.item ?? ''}|${h.excerpt.before}${h.excerpt.match}${h.excerpt.after}`).join('\n');
    if (seen(a) !== seen(b)) same = false;
  }
  return { before: median(tb), after: median(ta), same };
}

const keystroke = perChange((plan, i) => {
  const id = actionsOf(plan)[(i + 500) % count]!;
  plan.editText('action', id, 'text', 0, 0, 'x');
});
const move = perChange((plan, i) => {
  const ids = actionsOf(plan);
  const id = ids[(i * 7 + 100) % ids.length]!;
  const objectives = plan.childIds('priority', null).flatMap((p) => plan.childIds('objective', p));
  plan.move('action', id, { parentId: objectives[(i * 3) % objectives.length]!, index: 0 });
});

const fmt = (n: number) => n.toFixed(n < 10 ? 3 : 1);
console.log(`\nSearch after a change — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`plan: ${count} actions; query "${QUERY}"; median of ${REPEAT} changes each, alternating\n`);
console.log('| change, then search | before: snapshot + searchPlan | after: Plan.search | ratio | same hits |\n|---|---|---|---|---|');
for (const [name, r] of [
  ['a keystroke in an action', keystroke],
  ['an action moved to another objective', move],
] as const)
  console.log(`| ${name} | ${fmt(r.before)} ms | ${fmt(r.after)} ms | ${(r.before / r.after).toFixed(1)}x faster | ${r.same ? 'yes' : 'NO'} |`);
