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

describe("reading an objective's actions in one pass", () => {
  it('gives each visible action as readAction does, in order, and nothing for an objective in the bin', () => {
    const plan = newPlan({ ...smallPlanInput('LSCB'), period: { start: '2024-04-01', end: '2025-03-31' } });
    const o = plan.snapshot().priorities[0]!.objectives[0]!;
    plan.create('progress', { date: '2024-06-01', author: 'Sam', rag: 'red', narrative: 'Late' }, { parentId: o.actions[0]!.id });
    plan.delete('action', o.actions[1]!.id);
    const ids = plan.childIds('action', o.id);
    expect(ids).not.toContain(o.actions[1]!.id);
    expect(plan.readActions(o.id)).toEqual(ids.map((id) => plan.readAction(id)));
    expect(plan.readActions(o.id)[0]).toMatchObject({ number: 1, rag: 'red' });
    plan.delete('objective', o.id);
    expect(plan.readActions(o.id)).toEqual([]);
    expect(plan.readActions('no-such-id')).toEqual([]);
  });

  it('reads a timescale against the plan period of the moment, however often the same words were read before', () => {
    const plan = newPlan({ ...smallPlanInput('LSCB'), period: { start: '2024-04-01', end: '2025-03-31' } });
    const o = plan.snapshot().priorities[0]!.objectives[0]!;
    const id = o.actions[0]!.id;
    plan.reviseText('action', id, 'timescale', plan.textOf('action', id, 'timescale').toString(), 'Throughout the business year');
    expect(plan.readActions(o.id)[0]!.timescale.due?.end).toBe('2025-03-31');
    plan.updatePlan({ period: { start: '2025-04-01', end: '2026-03-31' } });
    expect(plan.readActions(o.id)[0]!.timescale.due?.end).toBe('2026-03-31');
    expect(plan.readAction(id)!.timescale.due?.end).toBe('2026-03-31');
    // Shared between reads, so it cannot be changed through one of them.
    expect(Object.isFrozen(plan.readAction(id)!.timescale)).toBe(true);
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

  it('says which fields of an entity changed, and whether its place did, so a view can let typing it already shows pass', () => {
    const plan = newPlan(smallPlanInput('LSCB'));
    const o = plan.snapshot().priorities[0]!.objectives[0]!;
    const a = o.actions[0]!.id;
    const seen = watch(plan, 'action', a);
    const entry = () => seen.at(-1)!.entities.find((e) => e.id === a);
    plan.editText('action', a, 'text', 0, 0, 'X');
    expect(entry()).toEqual({ kind: 'action', id: a, fields: ['text'], moved: false });
    plan.editText('action', a, 'timescale', 0, 0, 'By May 2025 ');
    expect(entry()).toEqual({ kind: 'action', id: a, fields: ['timescale'], moved: false });
    plan.update('action', a, { status: 'complete', impact: 'Fewer late referrals' });
    expect(entry()!.fields!.sort()).toEqual(['impact', 'status']);
    plan.move('action', a, { parentId: o.id, index: 1 });
    expect(entry()).toEqual({ kind: 'action', id: a, fields: [], moved: true });
    const added = plan.create('action', { text: 'New' }, { parentId: o.id });
    const objective = watch(plan, 'objective', o.id);
    plan.delete('action', added);
    expect(objective.at(-1)!.entities.find((e) => e.id === added)).toMatchObject({ moved: true });
    // An entity added as a whole: any field may be new.
    const changes: PlanChange[] = [];
    plan.onChange((c) => changes.push(c));
    const fresh = plan.create('action', { text: 'Fresh' }, { parentId: o.id });
    expect(changes.at(-1)!.entities.find((e) => e.id === fresh)).toEqual({ kind: 'action', id: fresh, moved: true });
    // A list field's entry typed in names the list.
    const p = plan.snapshot().priorities[0]!.id;
    const entryText = plan.addListItem('priority', p, 'successStatements', 'Children are heard');
    plan.editListItem('priority', p, 'successStatements', entryText, 0, 0, 'All ');
    expect(changes.at(-1)!.entities).toEqual([{ kind: 'priority', id: p, fields: ['successStatements'], moved: false }]);
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
  it('adds a priority, objective, action and milestone with empty text, where asked, and one undo takes each back', () => {
    const plan = newPlan(smallPlanInput('LSCB'));
    const o = plan.snapshot().priorities[0]!.objectives[0]!;
    const a = plan.addEmpty('action', { parentId: o.id, index: 0 });
    expect(plan.readAction(a)).toMatchObject({ number: 1, text: '', timescale: { text: '' } });
    expect(plan.childIds('action', o.id)[0]).toBe(a);
    const p = plan.addEmpty('priority');
    expect(plan.readPriority(p)).toMatchObject({ number: 2, title: '', aim: '' });
    expect(() => plan.addEmpty('objective', {})).toThrow(/needs a priority/);
    const m = plan.addEmpty('milestone', { parentId: a });
    expect(plan.readAction(a)?.milestones).toEqual([expect.objectContaining({ id: m, text: '' })]);
    plan.undo();
    expect(plan.readAction(a)?.milestones).toEqual([]);
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
