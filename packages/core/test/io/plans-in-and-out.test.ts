import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, encodeCoplanFile, listActions, mergeCoplanFile, openPlan, PlanError, planFromJson, planToInput, planToJson, PLAN_JSON_VERSION } from '../../src/index.js';
import { smallPlanInput } from '../helpers.js';

describe('JSON', () => {
  it('round-trips a plan to the same plan', () => {
    const s = createPlan(new Y.Doc(), smallPlanInput('Lancashire')).snapshot();
    const back = createPlan(new Y.Doc(), planFromJson(planToJson(s))).snapshot();
    expect(planToInput(back)).toEqual(planToInput(s));
  });

  it('refuses what is not a Coplan plan, or is from a newer Coplan, saying what to do', () => {
    expect(() => planFromJson('not json')).toThrow(/not JSON/);
    expect(() => planFromJson('{"title":"x"}')).toThrow(/not a Coplan plan/);
    expect(() => planFromJson(`{"format":"coplan.plan","version":${PLAN_JSON_VERSION + 1},"plan":{"title":"x"}}`)).toThrow(/newer Coplan .* Update Coplan/);
    expect(() => planFromJson('{"format":"coplan.plan","version":1}')).toThrow(/no plan in it/);
  });
});

describe('the .coplan file', () => {
  it('refuses to merge a different plan into this one, changing nothing, and says how to open it instead', () => {
    const mine = createPlan(new Y.Doc(), smallPlanInput('Lancashire'), { planId: 'lancashire' });
    const other = createPlan(new Y.Doc(), smallPlanInput('Lincolnshire'), { planId: 'lincolnshire' });
    const before = Y.encodeStateAsUpdateV2(mine.doc);
    const file = encodeCoplanFile(other.doc);
    const e = (() => {
      try {
        mergeCoplanFile(mine.doc, file);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(PlanError);
    expect((e as Error).message).toBe(
      `This .coplan file holds a different plan ("${other.snapshot().title}"), not a copy of this one; nothing was changed. To open it as a plan of its own, bring it in from the plan list ("Bring in an existing plan").`,
    );
    expect(Y.encodeStateAsUpdateV2(mine.doc)).toEqual(before);
    // An empty doc (a plan not yet opened on this device) takes any plan's file.
    const fresh = new Y.Doc();
    mergeCoplanFile(fresh, file);
    expect(openPlan(fresh).snapshot().title).toBe(other.snapshot().title);
  });

  it('merges into a local copy without overwriting what the local copy holds', () => {
    const office = createPlan(new Y.Doc(), smallPlanInput('Lancashire'), { planId: 'p' });
    const tablet = openPlan(
      (() => {
        const d = new Y.Doc();
        Y.applyUpdate(d, Y.encodeStateAsUpdate(office.doc));
        return d;
      })(),
    );
    const action = listActions(office.snapshot())[0]!.action.id;
    office.update('action', action, { status: 'in-progress' });
    tablet.create('progress', { date: '2016-01-01', author: 'Chair', rag: 'amber', narrative: 'From the USB stick' }, { parentId: action });
    mergeCoplanFile(office.doc, encodeCoplanFile(tablet.doc));
    const merged = listActions(office.snapshot())[0]!.action;
    expect(merged.status).toBe('in-progress');
    expect(merged.updates.map((u) => u.narrative)).toEqual(['From the USB stick']);
  });

  it('refuses a file that is not .coplan, a newer one, and a cut-short one, changing nothing', () => {
    const plan = createPlan(new Y.Doc(), { title: 'Plan' });
    const before = Y.encodeStateVector(plan.doc);
    const good = encodeCoplanFile(createPlan(new Y.Doc(), smallPlanInput('Lincolnshire')).doc);
    expect(() => mergeCoplanFile(plan.doc, new TextEncoder().encode('PK\u0003\u0004 a zip'))).toThrow(/not a \.coplan file/);
    const newer = good.slice();
    newer[6] = 9;
    expect(() => mergeCoplanFile(plan.doc, newer)).toThrow(PlanError);
    expect(() => mergeCoplanFile(plan.doc, good.subarray(0, Math.floor(good.length / 2)))).toThrow(/damaged or cut short/);
    expect(Y.encodeStateVector(plan.doc)).toEqual(before);
  });
});
