import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, encodeCoplanFile, listActions, mergeCoplanFile, openPlan, planFromJson, type PlanInput, type PlanSnapshot } from '@coplan/core';
import { previewImport } from '@coplan/import';
import { exportPlan, type ExportFormat } from '../src/index.js';
import { seedPlans } from '@coplan/seeds';

/**
 * What the documents (Word, HTML, Markdown) carry beyond the action rows
 * that every format's acceptance suite checks (format-acceptance.test.ts):
 * milestones, the front matter and per-partnership parts; and progress, RAG
 * and status through every published format.
 */
const FORMATS: ExportFormat[] = ['docx', 'html', 'md', 'xlsx', 'csv'];
const DOCUMENTS = new Set<ExportFormat>(['docx', 'html', 'md']);

const squash = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

/** Each action as priority / objective / action / leads / timescale. */
function rowsOf(s: PlanSnapshot): string[][] {
  return listActions(s).map(({ priority, objective, action }) => [priority.title, objective.text, action.text, action.leads.map((l) => l.name).join('; '), action.timescale.text].map(squash));
}

describe('round trips: each seed exported to each document format imports back to the same plan', () => {
  for (const { seed, input } of seedPlans) {
    const snapshot = createPlan(new Y.Doc(), input).snapshot();
    for (const format of DOCUMENTS) {
      it(`${seed} through ${format}`, async () => {
        const data = await exportPlan(snapshot, format);
        const preview = await previewImport({ name: `plan.${format}`, data });
        // The documents carry milestones in a column of their own, and the plan's title.
        const milestones = (p: { objectives?: { actions?: { milestones?: { text: string; timescale?: string }[] }[] }[] }[]) =>
          p.flatMap((x) => (x.objectives ?? []).flatMap((o) => (o.actions ?? []).map((a) => (a.milestones ?? []).map((m) => [m.text, m.timescale ?? '']))));
        expect(milestones(preview.plan.priorities!)).toEqual(
          milestones(
            snapshot.priorities.map((p) => ({
              objectives: p.objectives.map((o) => ({ actions: o.actions.map((a) => ({ milestones: a.milestones.map((m) => ({ text: m.text, timescale: m.timescale.text })) })) })),
            })),
          ),
        );
        expect(preview.plan.title).toBe(snapshot.title);
        // …and the front matter and per-partnership parts.
        expect(preview.plan.period ?? null).toEqual(snapshot.period);
        expect(preview.plan.versionLabel ?? '').toBe(snapshot.versionLabel);
        expect(preview.plan.status).toBe(snapshot.status);
        expect(preview.plan.partnerships ?? []).toEqual(snapshot.partnerships.map((p) => ({ name: p.name, ...(p.shortName && p.shortName !== p.name ? { shortName: p.shortName } : {}) })));
        const variants = rowsOfInputActions(preview.plan).map((a) => (a.variants ?? []).map((v) => [v.partnership, v.text ?? '', (v.leads ?? []).join('; '), v.timescale ?? '']));
        expect(variants).toEqual(listActions(snapshot).map(({ action }) => action.variants.map((v) => [v.partnership, v.text, v.leads.map((l) => l.name).join('; '), v.timescale.text])));
        // A rebuilt plan is valid, partnerships and all.
        expect(() => createPlan(new Y.Doc(), preview.plan)).not.toThrow();
        // Nothing of the plan's tables is lost silently: what is not read back is listed.
        for (const n of preview.notImported) expect(n.reason).toBeTruthy();
      });
    }
  }

  for (const { seed, input } of seedPlans) {
    it(`${seed} through JSON and the .coplan file comes back as the same snapshot`, async () => {
      const plan = createPlan(new Y.Doc(), input, { planId: seed });
      const first = listActions(plan.snapshot())[0]!.action.id;
      plan.create('progress', { date: '2020-06-30', author: 'Chair', rag: 'green', narrative: 'On track' }, { parentId: first });
      plan.agreeVersion({ label: 'v1.0', agreedBy: ['Board'] });
      const s = plan.snapshot();
      const fromFile = new Y.Doc();
      mergeCoplanFile(fromFile, encodeCoplanFile(plan.doc));
      expect(openPlan(fromFile).snapshot()).toEqual(s);
      // JSON carries the plan's content (not its ids, stamps or history): the same plan, rebuilt.
      const json = (await exportPlan(s, 'json')) as string;
      const rebuilt = createPlan(new Y.Doc(), planFromJson(json)).snapshot();
      expect(rowsOf(rebuilt)).toEqual(rowsOf(s));
      expect(listActions(rebuilt)[0]!.action.updates.map((u) => [u.date, u.author, u.rag, u.narrative])).toEqual([['2020-06-30', 'Chair', 'green', 'On track']]);
    });
  }

  it('progress, RAG and status come back from every published format', async () => {
    const plan = createPlan(new Y.Doc(), seedPlans[1]!.input, { user: 'Business Manager' });
    const [first, second, third] = listActions(plan.snapshot());
    plan.create('progress', { date: '2016-01-12', author: 'CSE co-ordinator', rag: 'amber', narrative: 'Strategy drafted; launch moved to March.' }, { parentId: first!.action.id });
    plan.create('progress', { date: '2016-02-01', author: 'QA Sub chair', rag: 'green', narrative: 'On track, audit booked' }, { parentId: second!.action.id });
    plan.update('action', third!.action.id, { status: 'complete' });
    const s = plan.snapshot();
    for (const format of FORMATS) {
      const preview = await previewImport({ name: `plan.${format}`, data: await exportPlan(s, format) });
      const actions = rowsOfInputActions(preview.plan);
      expect(actions[0]!.updates, format).toEqual([
        { date: '2016-01-12', author: DOCUMENTS.has(format) ? 'CSE co-ordinator' : expect.any(String), rag: 'amber', narrative: 'Strategy drafted; launch moved to March.' },
      ]);
      expect(actions[1]!.updates?.[0]?.rag, format).toBe('green');
      expect(actions[2]!.status, format).toBe('complete');
      expect(actions[3]!.updates, format).toBeUndefined();
    }
  });
});

function rowsOfInputActions(plan: PlanInput) {
  return (plan.priorities ?? []).flatMap((p) => (p.objectives ?? []).flatMap((o) => o.actions ?? []));
}
