import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, hasPlan, openPlan, PlanError, type PlanErrorCode } from '../src/index.js';
import { chain, newPlan, replicaOf, steppingClock } from './helpers.js';

function expectPlanError(fn: () => unknown, code: PlanErrorCode, message?: RegExp): PlanError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    expect((e as PlanError).code).toBe(code);
    if (message) expect((e as PlanError).message).toMatch(message);
    return e as PlanError;
  }
  throw new Error(`expected a PlanError ${code}, but nothing was thrown`);
}

describe('creating and opening', () => {
  it('creates a plan with its metadata and opens it again from the bytes', () => {
    const plan = newPlan({
      title: 'LSCB Business Plan 2015/16',
      period: { start: '2015-04-01', end: '2016-03-31' },
      versionLabel: 'V1.1',
      status: 'agreed',
      vision: 'Children are safe',
      principles: ['Safeguarding is everybody’s responsibility', 'Open to challenge'],
      partnerships: [{ name: 'Lancashire Safeguarding Children Board', shortName: 'LSCB' }],
      contextStatements: [{ title: 'Covid-19 context statement', text: 'We are working under…' }],
      consultation: [{ who: 'Subgroups', when: 'June 2016' }],
    });
    const bytes = Y.encodeStateAsUpdate(plan.doc);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    const s = openPlan(doc).snapshot();
    expect(s).toMatchObject({
      id: 'plan-1',
      schemaVersion: 1,
      title: 'LSCB Business Plan 2015/16',
      period: { start: '2015-04-01', end: '2016-03-31' },
      versionLabel: 'V1.1',
      status: 'agreed',
      vision: 'Children are safe',
      principles: ['Safeguarding is everybody’s responsibility', 'Open to challenge'],
    });
    expect(s.partnerships.map((p) => p.shortName)).toEqual(['LSCB']);
    expect(s.contextStatements[0]!.title).toBe('Covid-19 context statement');
    expect(s.consultation[0]).toMatchObject({ who: 'Subgroups', when: 'June 2016' });
  });

  it('refuses to create over an existing plan, and to open a doc with no plan', () => {
    const plan = newPlan();
    expectPlanError(() => createPlan(plan.doc, { title: 'Again' }), 'already-a-plan');
    expectPlanError(() => openPlan(new Y.Doc()), 'not-a-plan');
    expect(hasPlan(plan.doc)).toBe(true);
    expect(hasPlan(new Y.Doc())).toBe(false);
  });

  it('leaves the doc untouched when the input is bad', () => {
    const doc = new Y.Doc();
    expectPlanError(() => createPlan(doc, { title: 'Plan', priorities: [{ title: 'P', objectives: [{ text: 'O', actions: [{ text: '' }] }] }] }), 'required', /action\.text is required/);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    expectPlanError(() => createPlan(doc, { title: '   ' }), 'required');
    expectPlanError(
      () => createPlan(doc, { title: 'P', priorities: [{ title: 'P', objectives: [{ text: 'O', actions: [{ text: 'A', variants: [{ partnership: 'NOPE' }] }] }] }] }),
      'not-found',
      /NOPE/,
    );
    expect(hasPlan(doc)).toBe(false);
  });
});

describe('create, update, move, delete and restore', () => {
  it('builds the tree with every kind and reads it back', () => {
    const plan = newPlan({ partnerships: [{ name: 'Leicester', shortName: 'LSCPB' }] });
    const lead = plan.create('lead', { name: 'QA Sub', kind: 'group', chair: 'Jo Bloggs' });
    const { p, o, a } = chain(plan);
    const partnershipId = plan.snapshot().partnerships[0]!.id;
    plan.update('priority', p, { aim: 'Aim', owner: 'TBC', successStatements: ['One', 'Two'], focusAreas: ['Private fostering'], leadGroup: { leadId: lead } });
    plan.update('objective', o, { impact: 'Improved awareness' });
    plan.update('action', a, { leads: [{ leadId: lead }, { name: 'CPBs' }], timescale: 'By 31/03/16', status: 'in-progress', impact: 'Some' });
    plan.create('milestone', { text: 'Draft', timescale: 'September 2016' }, { parentId: a });
    plan.create('variant', { partnershipId, text: 'Leicester does it this way', leads: [{ name: 'Business Office' }], timescale: 'March 2021' }, { parentId: a });
    plan.create('progress', { date: '2016-01-10', author: 'Sam', rag: 'amber', narrative: 'Started' }, { parentId: a });
    plan.create('progress', { date: '2016-02-10', author: 'Sam', rag: 'green', narrative: 'On track', evidence: 'Minutes' }, { parentId: a });
    plan.create('indicator', {
      name: 'Referrals',
      priorityId: p,
      target: '100',
      unit: 'count',
      values: [
        { date: '2016-03-31', value: 80 },
        { date: '2015-09-30', value: 40, note: 'H1' },
      ],
    });

    const s = plan.snapshot();
    const priority = s.priorities[0]!;
    expect(priority).toMatchObject({ number: 1, title: 'Priority', aim: 'Aim', owner: 'TBC', successStatements: ['One', 'Two'], leadGroup: { leadId: lead, name: 'QA Sub' } });
    const action = priority.objectives[0]!.actions[0]!;
    expect(action.leads).toEqual([
      { leadId: lead, name: 'QA Sub' },
      { leadId: null, name: 'CPBs' },
    ]);
    expect(action.timescale.text).toBe('By 31/03/16');
    expect(action.timescale.due?.end).toBe('2016-03-31');
    expect(action.rag).toBe('green');
    expect(action.updates.map((u) => u.narrative)).toEqual(['Started', 'On track']);
    expect(action.milestones[0]!.timescale.due?.end).toBe('2016-09-30');
    expect(action.variants[0]).toMatchObject({ partnership: 'LSCPB', text: 'Leicester does it this way', leads: [{ leadId: null, name: 'Business Office' }] });
    expect(s.indicators[0]!.values.map((v) => v.date)).toEqual(['2015-09-30', '2016-03-31']);
    expect(s.leads[0]).toMatchObject({ name: 'QA Sub', kind: 'group', chair: 'Jo Bloggs' });
    expect(action.createdBy).toBe('Tester');
    expect(plan.get('action', a)).toMatchObject({ id: a, parentId: o, deleted: null, status: 'in-progress' });
  });

  it('places items at an index and reorders them', () => {
    const plan = newPlan();
    const a = plan.create('priority', { title: 'A' });
    const c = plan.create('priority', { title: 'C' });
    plan.create('priority', { title: 'B' }, { index: 1 });
    plan.create('priority', { title: 'Start' }, { index: 0 });
    expect(plan.snapshot().priorities.map((p) => p.title)).toEqual(['Start', 'A', 'B', 'C']);
    plan.move('priority', c, { index: 0 });
    plan.move('priority', a, { index: 3 });
    expect(plan.snapshot().priorities.map((p) => [p.number, p.title])).toEqual([
      [1, 'C'],
      [2, 'Start'],
      [3, 'B'],
      [4, 'A'],
    ]);
    expectPlanError(() => plan.move('priority', a, { index: 9 }), 'invalid-value', /outside 0\.\.3/);
  });

  it('moves an action to another objective under another priority, keeping its edits', () => {
    const plan = newPlan();
    const one = chain(plan);
    const two = chain(plan);
    plan.update('action', one.a, { text: 'Audit referrals' });
    plan.move('action', one.a, { parentId: two.o, index: 0 });
    const s = plan.snapshot();
    expect(s.priorities[0]!.objectives[0]!.actions).toHaveLength(0);
    expect(s.priorities[1]!.objectives[0]!.actions.map((x) => x.text)).toEqual(['Audit referrals', 'Action']);
  });

  it('rejects bad input with typed errors and writes nothing', () => {
    const plan = newPlan();
    const { p, o, a } = chain(plan);
    const before = Y.encodeStateVector(plan.doc);
    expectPlanError(() => plan.update('action', 'nope', { text: 'x' }), 'not-found', /no action with id "nope"/);
    expectPlanError(() => plan.create('action', { text: 'x' }, { parentId: p }), 'wrong-parent', /An action belongs under an objective, but .* is a priority/);
    expectPlanError(() => plan.create('objective', { text: 'x' }), 'wrong-parent', /needs a priority/);
    expectPlanError(() => plan.create('priority', { title: 'x' }, { parentId: o }), 'wrong-parent');
    expectPlanError(() => plan.create('progress', { date: '2016-01-01', author: 'A', rag: 'purple' as never, narrative: 'n' }, { parentId: a }), 'invalid-rag', /red, amber, green, blue, grey/);
    expectPlanError(() => plan.create('progress', { date: '2016-02-30', author: 'A', rag: 'red', narrative: 'n' }, { parentId: a }), 'invalid-date', /2016-02-30/);
    expectPlanError(() => plan.create('progress', { date: '31/03/16', author: 'A', rag: 'red', narrative: 'n' }, { parentId: a }), 'invalid-date');
    expectPlanError(() => plan.create('progress', { date: '2016-01-01', author: 'A', rag: 'red' } as never, { parentId: a }), 'required', /needs narrative/);
    expectPlanError(() => plan.update('objective', o, { text: '  ' }), 'required');
    expectPlanError(() => plan.update('action', a, { colour: 'red' } as never), 'unknown-field', /no field "colour"/);
    expectPlanError(() => plan.update('action', a, { status: 'done' as never }), 'invalid-value', /not-started/);
    expectPlanError(() => plan.update('action', a, { leads: [{ name: '' }] }), 'invalid-value');
    expectPlanError(() => plan.create('variant', { partnershipId: 'missing' }, { parentId: a }), 'not-found');
    expectPlanError(() => plan.create('nonsense' as never, {} as never), 'invalid-value', /not a kind/);
    expectPlanError(() => plan.updatePlan({ period: { start: '2016-04-01', end: '2015-03-31' } }), 'invalid-date', /before it starts/);
    expectPlanError(() => plan.updatePlan({ status: 'finished' as never }), 'invalid-value');
    expectPlanError(() => plan.updatePlan({ colour: 'x' } as never), 'unknown-field');
    expectPlanError(() => plan.editText('action', a, 'status', 0, 0, 'x'), 'unknown-field', /not a text field/);
    expectPlanError(() => plan.editText('action', a, 'text', 4, 10, 'x'), 'invalid-value', /6 characters/);
    expectPlanError(() => plan.editText('action', a, 'text', 0, 6, ''), 'required');
    expectPlanError(() => plan.update('indicator', 'x', {}), 'not-found');
    expect(Y.encodeStateVector(plan.doc)).toEqual(before);
  });

  it('deletes to the bin and restores with children', () => {
    const plan = newPlan();
    const { p, o, a } = chain(plan);
    plan.delete('objective', o);
    let s = plan.snapshot();
    expect(s.priorities[0]!.objectives).toHaveLength(0);
    expect(s.bin).toHaveLength(1);
    expect(s.bin[0]).toMatchObject({ kind: 'objective', id: o, reason: 'deleted', deleted: { by: 'Tester' } });
    expect(s.bin[0]!.contains).toEqual([{ kind: 'action', id: a, label: 'Action', createdBy: 'Tester', addedAfterDelete: false }]);
    expect(plan.isVisible('action', a)).toBe(false);
    expectPlanError(() => plan.update('objective', o, { text: 'x' }), 'already-deleted', /restore it/);
    expectPlanError(() => plan.create('action', { text: 'x' }, { parentId: o }), 'deleted-parent');
    expectPlanError(() => plan.delete('objective', o), 'already-deleted');
    expectPlanError(() => plan.restore('action', a), 'deleted-parent', /restore that objective first/);
    plan.restore('objective', o);
    s = plan.snapshot();
    expect(s.bin).toHaveLength(0);
    expect(s.priorities[0]!.objectives[0]!.actions[0]!.id).toBe(a);
    expectPlanError(() => plan.restore('objective', o), 'not-deleted');
    // Restore into a new parent when the old one is in the bin.
    plan.delete('action', a);
    plan.delete('priority', p);
    const other = plan.create('priority', { title: 'Other' });
    const target = plan.create('objective', { text: 'Target' }, { parentId: other });
    plan.restore('action', a, { parentId: target });
    s = plan.snapshot();
    expect(s.priorities.map((x) => x.title)).toEqual(['Other']);
    expect(s.priorities[0]!.objectives[0]!.actions.map((x) => x.id)).toEqual([a]);
  });

  it('edits text per keystroke and exposes the live Y.Text', () => {
    const plan = newPlan();
    const { a } = chain(plan);
    plan.editText('action', a, 'text', 6, 0, ' one');
    plan.editText('action', a, 'text', 0, 1, 'a');
    plan.editText('plan', '', 'title', 0, 4, 'Our');
    expect(plan.get('action', a)!.text).toBe('action one');
    expect(plan.textOf('action', a, 'text').toString()).toBe('action one');
    expect(plan.snapshot().title).toBe('Our plan');
  });

  it('records who changed what and when', () => {
    const now = steppingClock('2026-03-01T10:00:00.000Z');
    const plan = newPlan({}, { now, user: 'Alex' });
    const { a } = chain(plan);
    const created = plan.get('action', a)!;
    plan.update('action', a, { text: 'Changed' });
    const changed = plan.get('action', a)!;
    expect(changed.createdAt).toBe(created.createdAt);
    expect(changed.updatedAt > created.updatedAt).toBe(true);
    expect(changed.updatedBy).toBe('Alex');
  });
});

describe('batches', () => {
  it('applies several calls as one update and one undo step, in order', () => {
    const plan = newPlan();
    const updates: Uint8Array[] = [];
    plan.doc.on('update', (u: Uint8Array) => updates.push(u));
    const ids = plan.batch(() => {
      const p = plan.create('priority', { title: 'Neglect' });
      const o = plan.create('objective', { text: 'Name neglect' }, { parentId: p });
      return ['First', 'Second', 'Third'].map((text) => plan.create('action', { text }, { parentId: o }));
    });
    expect(updates).toHaveLength(1);
    expect(plan.snapshot().priorities[0]!.objectives[0]!.actions.map((a) => a.id)).toEqual(ids);
    plan.undo();
    expect(plan.snapshot().priorities).toHaveLength(0);
  });

  it('reverts everything when a call inside fails, and leaves no undo step', () => {
    const plan = newPlan();
    chain(plan);
    const before = plan.snapshot();
    const undoDepth = plan.undoManager.undoStack.length;
    expect(() =>
      plan.batch(() => {
        const p = plan.create('priority', { title: 'Will vanish' });
        plan.updatePlan({ vision: 'Nor this' });
        plan.create('objective', { text: '' }, { parentId: p });
      }),
    ).toThrow(PlanError);
    const after = plan.snapshot();
    expect(after.priorities.map((p) => p.title)).toEqual(before.priorities.map((p) => p.title));
    expect(after.vision).toBe('');
    expect(plan.undoManager.undoStack.length).toBe(undoDepth);
  });
});

describe('items inside the bin', () => {
  it('refuses edits and moves to items whose parent is in the bin, and restore without a live parent', () => {
    const plan = newPlan();
    const { p, o, a } = chain(plan);
    const o2 = plan.create('objective', { text: 'Two' }, { parentId: p });
    plan.delete('objective', o);
    expectPlanError(() => plan.update('action', a, { text: 'x' }), 'deleted-parent', /restore that first/);
    expectPlanError(() => plan.move('action', a, { parentId: o2 }), 'deleted-parent');
    expectPlanError(() => plan.restore('action', a, { index: 0 }), 'deleted-parent', /is in the bin/);
    // Taking it out of the deleted objective into a live one is a restore with a new place.
    plan.restore('action', a, { parentId: o2 });
    expect(plan.children('action', o2).map((x) => x.id)).toEqual([a]);
  });
});

describe('undo steps', () => {
  it('a delete straight after an edit is its own step: undo brings the item back with the edit kept', () => {
    const plan = newPlan();
    const { a } = chain(plan);
    const u = plan.create('progress', { date: '2026-01-10', author: 'Chair', rag: 'green', narrative: 'On track' }, { parentId: a });
    plan.update('progress', u, { rag: 'amber', narrative: 'Slipping' });
    plan.delete('progress', u);
    expect(plan.isVisible('progress', u)).toBe(false);
    plan.undo();
    expect(plan.isVisible('progress', u)).toBe(true);
    expect(plan.get('progress', u)).toMatchObject({ rag: 'amber', narrative: 'Slipping' });
  });
});

describe('text fields of the plan itself', () => {
  it('exist from the start, so an editor can bind to one the input left out and keep what is typed', () => {
    const plan = newPlan({ title: 'No vision yet' });
    for (const field of ['title', 'introduction', 'vision', 'reviewSchedule']) {
      const text = plan.textOf('plan', '', field);
      text.insert(text.length, ' typed');
    }
    expect(plan.snapshot()).toMatchObject({ vision: ' typed', introduction: ' typed', reviewSchedule: ' typed', title: 'No vision yet typed' });
    const replica = replicaOf(plan.doc);
    expect(openPlan(replica).snapshot().vision).toBe(' typed');
  });

  it('a plan saved before that still takes typing into a missing field', () => {
    const plan = newPlan({ title: 'Older plan' });
    plan.doc.getMap('coplan:meta').delete('vision');
    expect(plan.doc.getMap('coplan:meta').has('vision')).toBe(false);
    plan.textOf('plan', '', 'vision').insert(0, 'Children are safe');
    expect(plan.snapshot().vision).toBe('Children are safe');
    expect(() => plan.textOf('plan', '', 'status')).toThrow(/plan\.status is not a text field/);
  });
});
