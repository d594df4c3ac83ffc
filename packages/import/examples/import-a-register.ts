/**
 * How another tool brings a partnership's plan into Coplan: read a source,
 * look at the preview, correct a column, then write the plan.
 * Run: `npx tsx packages/import/examples/import-a-register.ts` from the repository root.
 */
import * as Y from 'yjs';
import { createPlan, listActions } from '@coplan/core';
import { previewImport, previewParsed } from '@coplan/import';

// A register as a spreadsheet saves it; bytes from a file work the same way.
const csv = [
  'Priority,Objective,Action,Accountable body,Target date,Difference made',
  'Neglect,Embed the neglect toolkit,Train 200 practitioners,L&D Sub-group,March 2025,Staff use the toolkit in supervision',
  'Neglect,Embed the neglect toolkit,Audit use of the toolkit,QA Sub-group,By 30/06/25,',
].join('\n');

const preview = await previewImport({ name: 'register.csv', data: csv });
for (const c of preview.columns) console.log(`column "${c.heading}" read as ${c.field} (${c.confidence})`);

// "Difference made" is what the action achieved: say so, and map again (nothing was written yet).
const impact = preview.columns.find((c) => c.heading === 'Difference made')!;
const fixed = previewParsed(preview.parsed, { mapping: { [impact.key]: 'impact' } });

const plan = createPlan(new Y.Doc(), fixed.plan);
const objective = plan.snapshot().priorities[0]!.objectives[0]!;
console.log(`${objective.text}: ${objective.impact}`);
for (const { action } of listActions(plan.snapshot())) console.log(`  ${action.text} — ${action.leads.map((l) => l.name).join(', ')} — due ${action.timescale.due?.end}`);
