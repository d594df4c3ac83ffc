import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan, type PlanChange } from '../src/index.js';
import { newPlan, replicaOf, smallPlanInput } from './helpers.js';

describe('reading one item', () => {
  it('reads each priority, objective and action as the whole snapshot shows it', () => {
    const plan = newPlan({ ...smallPlanInput('LSCB'), period: { start: '2024-04-01', end: '2025-03-31' } });
    const s = plan.snapshot();
    const p = s.priorities[0]!;
    const o = p.objectives[0]!;
    plan.create('progress', { date: '2024-06-01', author: 'Sam', rag: 'amber', narrative: 'Started' }, { parentId: o.actions[1]!.id });
    const after = plan.snapshot().priorities[0]!.objectives[0]!;
    const { objectives: _o, ...priority } = p;
    const { actions: _a, ...objective } = o;
    expect(plan.readPriority(p.id)).toEqual(priority);
    expect(plan.readObjective(o.id)).toEqual(objective);
    expect(plan.readAction(after.actions[0]!.id)).toEqual(after.actions[0]);
    expect(plan.readAction(after.actions[1]!.id)).toEqual(after.actions[1]);
    expect(plan.readAction(after.actions[1]!.id)).toMatchObject({ number: 2, rag: 'amber', timescale: { due: { end: '2025-06-30' } } });
    expect(plan.childIds('action', o.id)).toEqual(after.actions.map((a) => a.id));
  });

  it('says an item in the bin, or one that never was, is not there', () => {
    const plan = newPlan(smallPlanInput('LSCB'));
    const a = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    plan.delete('action', a.id);
    expect(plan.readAction(a.id)).toBeUndefined();
    expect(plan.readAction('no-such-id')).toBeUndefined();
    expect(plan.readPriority('no-such-id')).toBeUndefined();
  });
});

describe('listening to one item', () => {
  function watch(plan: ReturnType<typeof newPlan>, kind: Parameters<typeof plan.onEntityChange>[0], id: string): PlanChange[] {
    const seen: PlanChange[] = [];
    plan.onEntityChange(kind, id, (c) => seen.push(c));
    return seen;
  }

  it('tells an action of its own edits and progress, and nobody else', () => {
    const plan = newPlan(smallPlanInput('LSCB'));
    const o = plan.snapshot().priorities[0]!.objectives[0]!;
    const [a1, a2] = o.actions.map((a) => a.id) as [string, string];
    const one = watch(plan, 'action', a1);
    const two = watch(plan, 'action', a2);
    plan.editText('action', a1, 'text', 0, 0, 'X');
    plan.create('progress', { date: '2024-06-01', author: 'Sam', rag: 'green', narrative: 'Done' }, { parentId: a1 });
    expect(one).toHaveLength(2);
    expect(two).toHaveLength(0);
  });

  it('tells an objective when actions are added, typed in, or moved in or out', () => {
    const plan = newPlan(smallPlanInput('LSCB'));
    const p = plan.snapshot().priorities[0]!;
    const o1 = p.objectives[0]!.id;
    const o2 = plan.create('objective', { text: 'Second' }, { parentId: p.id });
    const first = watch(plan, 'objective', o1);
    const second = watch(plan, 'objective', o2);
    const a = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.id;
    plan.move('action', a, { parentId: o2 });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    plan.create('action', { text: 'New' }, { parentId: o2 });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
  });

  it('tells a partner’s item of a remote edit, and stops when unsubscribed', () => {
    const plan = newPlan(smallPlanInput('LSCB'));
    const copy = openPlan(replicaOf(plan.doc));
    const a = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.id;
    const seen: PlanChange[] = [];
    const off = copy.onEntityChange('action', a, (c) => seen.push(c));
    const send = () => Y.applyUpdate(copy.doc, Y.encodeStateAsUpdate(plan.doc, Y.encodeStateVector(copy.doc)), 'remote');
    plan.editText('action', a, 'text', 0, 0, 'Y');
    send();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.local).toBe(false);
    expect(copy.readAction(a)!.text).toMatch(/^Y/);
    off();
    plan.editText('action', a, 'text', 0, 0, 'Z');
    send();
    expect(seen).toHaveLength(1);
  });
});

describe('adding an empty item to fill in', () => {
  it('adds a priority, objective and action with empty text, where asked, and one undo takes each back', () => {
    const plan = newPlan(smallPlanInput('LSCB'));
    const o = plan.snapshot().priorities[0]!.objectives[0]!;
    const a = plan.addEmpty('action', { parentId: o.id, index: 0 });
    expect(plan.readAction(a)).toMatchObject({ number: 1, text: '', timescale: { text: '' } });
    expect(plan.childIds('action', o.id)[0]).toBe(a);
    const p = plan.addEmpty('priority');
    expect(plan.readPriority(p)).toMatchObject({ number: 2, title: '', aim: '' });
    expect(() => plan.addEmpty('objective', {})).toThrow(/needs a priority/);
    plan.undo();
    expect(plan.readPriority(p)).toBeUndefined();
  });
});

describe('undoing a move', () => {
  it('takes back the move alone, not the typing just before it', () => {
    const plan = newPlan(smallPlanInput('LSCB'), { undoCaptureTimeout: 60_000 });
    const p = plan.snapshot().priorities[0]!;
    const o2 = plan.create('objective', { text: 'Second' }, { parentId: p.id });
    const a = plan.addEmpty('action', { parentId: p.objectives[0]!.id });
    plan.editText('action', a, 'text', 0, 0, 'Run a campaign');
    plan.move('action', a, { parentId: o2 });
    plan.undo();
    expect(plan.readAction(a)).toMatchObject({ objectiveId: p.objectives[0]!.id, text: 'Run a campaign' });
  });
});
