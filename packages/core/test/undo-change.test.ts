import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan } from '../src/index.js';
import { chain, newPlan, replicaOf } from './helpers.js';

describe('onUndoChange: telling an Undo button when to enable', () => {
  it('fires when this user’s typing gives a step to undo, on undo and redo, and not for a partner’s typing', () => {
    const plan = newPlan();
    const { a } = chain(plan);
    plan.undoManager.clear();
    const seen: [boolean, boolean][] = [];
    const stop = plan.onUndoChange(() => seen.push([plan.canUndo(), plan.canRedo()]));
    expect(plan.canUndo()).toBe(false);

    plan.editText('action', a, 'text', 0, 0, 'x');
    expect(seen.at(-1)).toEqual([true, false]);

    const partner = replicaOf(plan.doc);
    const partnerPlan = openPlan(partner, { user: 'Partner' });
    const before = seen.length;
    partnerPlan.editText('action', a, 'text', 0, 0, 'y');
    Y.applyUpdate(plan.doc, Y.encodeStateAsUpdate(partner, Y.encodeStateVector(plan.doc)), 'remote');
    expect(seen.length).toBe(before);

    plan.undo();
    expect(seen.at(-1)).toEqual([false, true]);
    plan.redo();
    expect(seen.at(-1)).toEqual([true, false]);

    stop();
    const after = seen.length;
    plan.undo();
    expect(seen.length).toBe(after);
  });
});

describe('undoInWords and lastUndoInWords: what Undo and Redo take back, said for a person', () => {
  it('names the step and its item where it can be seen, for undo and redo alike', () => {
    const plan = newPlan({}, { undoCaptureTimeout: 0 });
    const { o, a } = chain(plan);
    plan.undoManager.clear();
    expect(plan.undoInWords()).toBeNull();

    plan.editText('action', a, 'text', 0, 0, 'x');
    expect(plan.undoInWords()).toBe('typing in action 1.1.1');
    expect(plan.undo()).toBe(true);
    expect(plan.lastUndoInWords()).toBe('typing in action 1.1.1');
    expect(plan.redoInWords()).toBe('typing in action 1.1.1');
    plan.redo();
    expect(plan.lastUndoInWords()).toBe('typing in action 1.1.1');
    expect(plan.undoInWords()).toBe('typing in action 1.1.1');

    plan.editText('action', a, 'timescale', 0, 0, 'By March');
    expect(plan.undoInWords()).toBe("typing in action 1.1.1's timescale");
    plan.update('action', a, { status: 'in-progress' });
    expect(plan.undoInWords()).toBe("changing action 1.1.1's status");

    // An added item taken away is named where it was; a deleted one brought back, where it is again.
    const b = plan.addEmpty('action', { parentId: o });
    expect(plan.undoInWords()).toBe('adding action 1.1.2');
    plan.undo();
    expect(plan.lastUndoInWords()).toBe('adding action 1.1.2');
    expect(plan.isVisible('action', b)).toBe(false);
    plan.redo();
    expect(plan.lastUndoInWords()).toBe('adding action 1.1.2');

    plan.delete('action', a);
    expect(plan.undoInWords()).toBe('deleting action 1.1.1');
    plan.undo();
    expect(plan.lastUndoInWords()).toBe('deleting action 1.1.1');
    expect(plan.redoInWords()).toBe('deleting action 1.1.1');

    plan.move('action', a, { parentId: o, index: 1 });
    expect(plan.undoInWords()).toBe('moving action 1.1.2');
    plan.undo();
    expect(plan.lastUndoInWords()).toBe('moving action 1.1.1');

    plan.recordProgress(a, { date: '2026-01-10', author: 'Sam', rag: 'green', narrative: 'Going well' }, 'in-progress');
    expect(plan.undoInWords()).toBe('adding a progress update of action 1.1.1');
    plan.updatePlan({ vision: 'Safe children' });
    expect(plan.undoInWords()).toBe("typing in the plan's vision");

    // Several items of the same weight at once (an import): not said item by item.
    plan.batch(() => {
      plan.create('priority', { title: 'Two' });
      plan.create('priority', { title: 'Three' });
    });
    expect(plan.undoInWords()).toBeNull();
    plan.undo();
    expect(plan.lastUndoInWords()).toBeNull();
    expect(plan.undo()).toBe(true);
    expect(plan.lastUndoInWords()).toBe("typing in the plan's vision");
  });

  it('says keystrokes run together into one step as one, and a step of edits to two fields as neither', () => {
    const plan = newPlan();
    const { a } = chain(plan);
    plan.undoManager.clear();
    plan.editText('action', a, 'text', 0, 0, 'Audit ');
    plan.editText('action', a, 'text', 6, 0, 'referrals ');
    expect(plan.undoInWords()).toBe('typing in action 1.1.1');
    plan.editText('action', a, 'timescale', 0, 0, 'By March');
    expect(plan.undoInWords()).toBeNull();
    plan.undo();
    expect(plan.lastUndoInWords()).toBeNull();
    expect(plan.readAction(a)!.text).toBe('Action');
  });
});
