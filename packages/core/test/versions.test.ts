import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, diffVersions, openPlan, PlanError } from '../src/index.js';
import { chain, newPlan, replicaOf } from './helpers.js';

describe('named versions', () => {
  it('agrees a version, lists it, and opens the plan as it was', () => {
    const plan = newPlan({ title: 'Plan' });
    const { a } = chain(plan);
    const id = plan.agreeVersion({ label: 'v1.1', agreedBy: ['LSCB Executive', 'Police'], agreedAt: '2016-04-12', note: 'Agreed at the Board' });
    plan.update('action', a, { text: 'Changed after agreement' });
    expect(plan.versions()).toEqual([{ id, label: 'v1.1', agreedBy: ['LSCB Executive', 'Police'], agreedAt: '2016-04-12', note: 'Agreed at the Board', recordedBy: 'Tester' }]);
    expect(plan.snapshot().versionLabel).toBe('v1.1');
    const asAgreed = plan.versionSnapshot('v1.1');
    expect(asAgreed.priorities[0]!.objectives[0]!.actions[0]!.text).toBe('Action');
    expect(asAgreed.versionLabel).toBe('v1.1');
    expect(plan.versionSnapshot(id)).toEqual(asAgreed);
    // Versions travel with the document.
    const other = openPlan(replicaOf(plan.doc));
    expect(other.versionSnapshot('v1.1').priorities[0]!.objectives[0]!.actions[0]!.text).toBe('Action');
  });

  it('refuses a version with no label, bad agreedBy or a bad date, and an unknown version', () => {
    const plan = newPlan();
    const before = Y.encodeStateVector(plan.doc);
    expect(() => plan.agreeVersion({ label: ' ', agreedBy: [] })).toThrow(/needs a label/);
    expect(() => plan.agreeVersion({ label: 'v1', agreedBy: [''] })).toThrow(/agreedBy/);
    expect(() => plan.agreeVersion({ label: 'v1', agreedBy: [], agreedAt: '12/04/2016' })).toThrow(PlanError);
    expect(Y.encodeStateVector(plan.doc)).toEqual(before);
    plan.agreeVersion({ label: 'v1', agreedBy: [] });
    expect(() => plan.versionSnapshot('v9')).toThrow(/No version "v9".*v1/);
  });

  it('diffs a version against now: added, removed, moved and changed fields', () => {
    const plan = newPlan();
    const { p, o, a } = chain(plan);
    const b = plan.create('action', { text: 'Second' }, { parentId: o });
    const c = plan.create('action', { text: 'Third' }, { parentId: o });
    const gone = plan.create('objective', { text: 'Going' }, { parentId: p });
    plan.agreeVersion({ label: 'v1.1', agreedBy: ['Board'] });
    plan.update('action', a, { text: 'Action, reworded', timescale: 'March 2021' });
    plan.move('action', c, { index: 0 });
    plan.delete('objective', gone);
    const added = plan.create('action', { text: 'New' }, { parentId: o });
    plan.updatePlan({ status: 'published' });
    const d = diffVersions(plan, 'v1.1');
    expect(d.added.map((x) => x.id)).toEqual([added]);
    expect(d.removed.map((x) => [x.kind, x.id])).toEqual([['objective', gone]]);
    expect(d.moved.map((x) => x.id)).toEqual([c]);
    expect(d.moved[0]).toMatchObject({ from: { parentId: o, index: 2 }, to: { parentId: o, index: 0 } });
    const actionChange = d.changed.find((x) => x.id === a)!;
    expect(actionChange.fields).toEqual([
      { field: 'text', before: 'Action', after: 'Action, reworded' },
      { field: 'timescale', before: '', after: 'March 2021' },
      { field: 'due', before: null, after: '2021-03-31' },
    ]);
    expect(d.changed.find((x) => x.kind === 'plan')!.fields).toEqual([{ field: 'status', before: 'draft', after: 'published' }]);
    expect(d.changed.some((x) => x.id === b)).toBe(false);
  });

  it('diffs two versions and reports a move to another parent', () => {
    const plan = newPlan();
    const { p, a } = chain(plan);
    const o2 = plan.create('objective', { text: 'Other' }, { parentId: p });
    plan.agreeVersion({ label: 'v1', agreedBy: [] });
    plan.move('action', a, { parentId: o2 });
    plan.agreeVersion({ label: 'v2', agreedBy: [] });
    const d = diffVersions(plan, 'v1', 'v2');
    expect(d.moved).toHaveLength(1);
    expect(d.moved[0]).toMatchObject({ id: a, to: { parentId: o2 } });
    expect(diffSnapshots(plan.versionSnapshot('v2'), plan.versionSnapshot('v2'))).toEqual({ added: [], removed: [], moved: [], changed: [] });
  });
});
