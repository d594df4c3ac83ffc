/**
 * How another council tool embeds @coplan/core: build a plan, record progress,
 * react to changes, and report from it. Run: `npx tsx packages/core/examples/embed.ts`.
 */
import * as Y from 'yjs';
import { createPlan, openPlan, overdueActions, PlanError, ragSummary, type PlanInput } from '@coplan/core';

// A plan arrives as bytes (from a file, a relay or IndexedDB); here we make one.
const input: PlanInput = {
  title: 'LSCB Business Plan 2015/16',
  period: { start: '2015-04-01', end: '2016-03-31' },
  priorities: [
    {
      title: 'Improve the effectiveness of agencies and the community in preventing child sexual exploitation (CSE)',
      objectives: [
        {
          text: 'Ensure there is an effective, multi-agency strategy in place to tackle CSE',
          actions: [
            { text: 'Refresh Pan-Lancs CSE strategy and re-launch', leads: ['LSCB team'], timescale: 'By 31/03/16' },
            { text: 'Audit the CSE screening tool', leads: ['QA Sub'], timescale: 'By 31/03/16' },
          ],
        },
      ],
    },
  ],
};
const bytes = Y.encodeStateAsUpdate(createPlan(new Y.Doc(), input).doc);

const doc = new Y.Doc();
Y.applyUpdate(doc, bytes);
const plan = openPlan(doc, { user: 'Performance dashboard' });

plan.onChange((change) => {
  for (const { kind, id } of change.entities) console.log(`changed: ${kind} ${id}`);
});

const snapshot = plan.snapshot();
const firstAction = snapshot.priorities[0]!.objectives[0]!.actions[0]!;
plan.create('progress', { date: '2016-02-01', author: 'Sam Patel', rag: 'amber', narrative: 'Strategy drafted; launch slipped to March' }, { parentId: firstAction.id });

try {
  plan.create('progress', { date: '31/02/2016', author: 'Sam', rag: 'green', narrative: 'x' }, { parentId: firstAction.id });
} catch (e) {
  if (e instanceof PlanError) console.log(`refused (${e.code}): ${e.message}`);
}

const now = plan.snapshot();
console.log('\nRAG by priority:');
for (const row of ragSummary(now)) console.log(`  ${row.number}. ${row.title.slice(0, 60)}… ${JSON.stringify(row.counts)}`);
console.log(`\nOverdue on 1 April 2016: ${overdueActions(now, '2016-04-01').length} actions`);
