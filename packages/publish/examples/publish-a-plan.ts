/**
 * How another tool publishes a Coplan plan and a report: the plan as
 * Markdown (Word, Excel, CSV, HTML and JSON work the same way), and a
 * progress report built by the core and written out here.
 * Run: `npx tsx packages/publish/examples/publish-a-plan.ts` from the repository root.
 */
import * as Y from 'yjs';
import { buildReport, createPlan, listActions } from '@coplan/core';
import { EXPORT_FORMATS, exportPlan, exportReport } from '@coplan/publish';

const plan = createPlan(new Y.Doc(), {
  title: 'Safeguarding Children Partnership Business Plan 2025-26',
  priorities: [
    {
      title: 'Neglect',
      objectives: [{ text: 'Embed the neglect toolkit', actions: [{ text: 'Train 200 practitioners', leads: ['L&D Sub-group'], timescale: 'March 2026' }] }],
    },
  ],
});
const first = listActions(plan.snapshot())[0]!.action;
plan.create('progress', { date: '2025-09-30', author: 'Business Manager', rag: 'amber', narrative: '120 trained; two sessions to add' }, { parentId: first.id });

const markdown = await exportPlan(plan.snapshot(), 'md');
console.log(`${EXPORT_FORMATS.md.label}: ${String(markdown).split('\n')[0]}`);

const word = await exportPlan(plan.snapshot(), 'docx');
console.log(`${EXPORT_FORMATS.docx.label}: ${(word as Uint8Array).byteLength > 0 ? 'written' : 'empty'}`);

const report = buildReport(plan.snapshot(), 'progress', { today: '2025-10-01', since: '2025-07-01' });
const text = String(await exportReport(report, 'md'));
console.log(text.includes('120 trained') ? 'the progress report carries the latest narrative' : 'the narrative is missing');
