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
