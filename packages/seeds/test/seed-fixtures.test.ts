import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, listActions, openPlan, planToInput, type PlanInput } from '@coplan/core';
import { businessPlanTemplate, demoPlanInput, seedPlans } from '../src/index.js';

/** Drops empty values everywhere, and defaults the model fills in, so input and read-back compare like for like. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const n = normalise(v);
      if (n === undefined || n === null || n === '' || (Array.isArray(n) && n.length === 0)) continue;
      if ((k === 'status' && (n === 'not-started' || n === 'draft')) || (k === 'done' && n === false)) continue;
      out[k] = n;
    }
    return out;
  }
  return typeof value === 'string' ? value.trim() : value;
}

describe('the seed plans, transcribed as fixtures', () => {
  it('has the four plan seeds, with Lancashire 2015/16 as the demo plan', () => {
    expect(seedPlans.map((s) => s.seed.slice(0, 3)).sort()).toEqual(['000', '002', '003', '004']);
    expect(demoPlanInput.title).toMatch(/2015\/16/);
  });

  for (const { seed, name, input } of seedPlans) {
    it(`${seed} (${name}) loads through the API and reads back as its fixture`, () => {
      const plan = createPlan(new Y.Doc(), input as PlanInput, { user: 'Import' });
      // Through bytes, as another device would see it.
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(plan.doc));
      const snapshot = openPlan(doc).snapshot();
      expect(normalise(planToInput(snapshot))).toEqual(normalise(input));
      const actions = listActions(snapshot);
      expect(actions.length).toBeGreaterThan(5);
      // Every lead on an action is either in the registry or kept as free text: never lost.
      for (const { action } of actions) for (const lead of action.leads) expect(lead.name.trim()).not.toBe('');
    });
  }

  it('has every priority, objective, action and lead of each seed', () => {
    const counts = seedPlans.map(({ seed, input }) => {
      const objectives = (input.priorities ?? []).flatMap((p) => p.objectives ?? []);
      return [seed.slice(0, 3), input.priorities?.length, objectives.length, objectives.flatMap((o) => o.actions ?? []).length, input.leads?.length];
    });
    // [seed, priorities, objectives, actions, leads]: pinned, so that any change to a transcription is deliberate.
    expect(counts).toEqual([
      ['000', 6, 10, 34, 18],
      ['002', 4, 28, 51, 16],
      ['003', 6, 11, 46, 20],
      ['004', 5, 16, 23, 21],
    ]);
  });

  it('reads every Lancashire timescale as due by 31 March 2016', () => {
    const s = createPlan(new Y.Doc(), demoPlanInput).snapshot();
    const ends = new Set(listActions(s).map(({ action }) => action.timescale.due?.end));
    expect([...ends]).toEqual(['2016-03-31']);
  });

  it('offers a business-plan template for the business year it is asked for', () => {
    const s = createPlan(new Y.Doc(), businessPlanTemplate(2026)).snapshot();
    expect(s.title).toBe('Safeguarding Children Partnership Business Plan 2026/27');
    expect(s.period).toEqual({ start: '2026-04-01', end: '2027-03-31' });
    expect(listActions(s)[0]!.action.timescale.due?.end).toBe('2027-03-31');
    expect(s.leads.map((l) => l.name)).toContain('Integrated care board');
  });
});
