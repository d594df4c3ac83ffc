import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { isTypingOnly, openPlan } from '../src/index.js';
import { chain, newPlan, replicaOf } from './helpers.js';

/** Whether each transaction `fn` makes on `doc` was typing only. */
function classify(doc: Y.Doc, fn: () => void): boolean[] {
  const seen: boolean[] = [];
  const listen = (tr: Y.Transaction) => seen.push(isTypingOnly(tr));
  doc.on('afterTransaction', listen);
  fn();
  doc.off('afterTransaction', listen);
  return seen;
}

describe('isTypingOnly: which changes are only typing', () => {
  it('a keystroke in an item’s or the plan’s text, its undo, and the same arriving at a partner are typing', () => {
    const plan = newPlan();
    const { a } = chain(plan);
    const doc = plan.doc;
    expect(classify(doc, () => plan.editText('action', a, 'text', 0, 0, 'x'))).toEqual([true]);
    expect(classify(doc, () => plan.editText('plan', '', 'vision', 0, 0, 'A vision'))).toEqual([true]);
    expect(classify(doc, () => plan.undo())).toEqual([true]);
    const partner = replicaOf(doc);
    openPlan(partner, { user: 'Partner' });
    plan.editText('action', a, 'text', 0, 0, 'y');
    expect(classify(partner, () => Y.applyUpdate(partner, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(partner)), 'remote'))).toEqual([true]);
  });

  it('adding, moving, deleting, setting a status or a lead, and whole-field updates are not', () => {
    const plan = newPlan();
    const { o, a } = chain(plan);
    const doc = plan.doc;
    expect(classify(doc, () => plan.create('action', { text: 'Second' }, { parentId: o }))).toEqual([false]);
    expect(classify(doc, () => plan.move('action', a, { parentId: o, index: 1 }))).toEqual([false]);
    expect(classify(doc, () => plan.update('action', a, { status: 'in-progress' }))).toEqual([false]);
    expect(classify(doc, () => plan.update('action', a, { leads: [{ name: 'QA Sub' }] }))).toEqual([false]);
    expect(classify(doc, () => plan.delete('action', a))).toEqual([false]);
  });
});
