import { describe, expect, it } from 'vitest';
import { openPlan } from '../src/index.js';
import { chain, newPlan, replicaOf, steppingClock, syncAll } from './helpers.js';

/** Alice and Bob with replicas of one plan (a priority, an objective, an action). */
function twoPartners() {
  const alice = newPlan({}, { user: 'Alice', now: steppingClock('2026-02-01T10:00:00.000Z') });
  const ids = chain(alice);
  alice.undoManager.stopCapturing(); // what the test does next is a step of its own
  const bob = openPlan(replicaOf(alice.doc), { user: 'Bob', now: steppingClock('2026-02-01T10:00:30.000Z') });
  return { alice, bob, ...ids };
}

describe('undo never takes a partner’s work away', () => {
  it('undoing "Add an action" after a partner typed in it puts the action in the bin with their words, for both', () => {
    const { alice, bob, o } = twoPartners();
    const added = alice.addEmpty('action', { parentId: o });
    syncAll([alice.doc, bob.doc]);
    bob.editText('action', added, 'text', 0, 0, 'Bob’s action');
    syncAll([alice.doc, bob.doc]);

    expect(alice.undo()).toBe(true);
    expect(alice.binnedByLastUndo()).toEqual([{ kind: 'action', id: added }]);
    syncAll([alice.doc, bob.doc]);
    for (const plan of [alice, bob]) {
      expect(plan.isVisible('action', added)).toBe(false);
      expect(plan.get('action', added)).toMatchObject({ text: 'Bob’s action', deleted: { by: 'Alice' } });
      expect(plan.snapshot().bin).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'action', id: added, reason: 'deleted' })]));
    }
    bob.restore('action', added);
    syncAll([alice.doc, bob.doc]);
    expect(alice.snapshot().priorities[0]!.objectives[0]!.actions.map((a) => a.text)).toEqual(['Action', 'Bob’s action']);
  });

  it('says what went to the bin by the time the undo history’s listener hears of the step', () => {
    const { alice, bob, o } = twoPartners();
    const added = alice.addEmpty('action', { parentId: o });
    syncAll([alice.doc, bob.doc]);
    bob.editText('action', added, 'text', 0, 0, 'Bob');
    syncAll([alice.doc, bob.doc]);
    const heard: unknown[] = [];
    alice.onUndoChange(() => heard.push(alice.binnedByLastUndo()));
    alice.undo();
    expect(heard.length).toBeGreaterThan(0); // the step leaves one stack and joins the other
    for (const binned of heard) expect(binned).toEqual([{ kind: 'action', id: added }]);
  });

  it('still removes an item nobody else touched, as before', () => {
    const { alice, bob, o } = twoPartners();
    const added = alice.addEmpty('action', { parentId: o });
    alice.editText('action', added, 'text', 0, 0, 'Only Alice');
    syncAll([alice.doc, bob.doc]);
    alice.undo(); // her typing
    alice.undo(); // adding it
    expect(alice.binnedByLastUndo()).toEqual([]);
    syncAll([alice.doc, bob.doc]);
    expect(alice.get('action', added)).toBeUndefined();
    expect(bob.get('action', added)).toBeUndefined();
    expect(bob.snapshot().bin.some((b) => b.id === added)).toBe(false);
  });

  it('keeps an objective in the bin, with the action a partner put under it, instead of leaving that action orphaned', () => {
    const { alice, bob, p } = twoPartners();
    const o2 = alice.create('objective', { text: 'Brief' }, { parentId: p });
    syncAll([alice.doc, bob.doc]);
    const bobs = bob.create('action', { text: 'Bob’s action' }, { parentId: o2 });
    syncAll([alice.doc, bob.doc]);

    alice.undo();
    expect(alice.binnedByLastUndo()).toEqual([{ kind: 'objective', id: o2 }]);
    syncAll([alice.doc, bob.doc]);
    expect(bob.snapshot().bin.find((b) => b.id === o2)).toMatchObject({ kind: 'objective', reason: 'deleted' });
    bob.restore('objective', o2);
    expect(bob.isVisible('action', bobs)).toBe(true);
    expect(bob.get('action', bobs)!.text).toBe('Bob’s action');
  });

  it('keeps an action a partner moved into the objective being taken back', () => {
    const { alice, bob, p, a } = twoPartners();
    const o2 = alice.create('objective', { text: 'Brief' }, { parentId: p });
    syncAll([alice.doc, bob.doc]);
    bob.move('action', a, { parentId: o2 });
    syncAll([alice.doc, bob.doc]);
    alice.undo();
    expect(alice.binnedByLastUndo()).toEqual([{ kind: 'objective', id: o2 }]);
    alice.restore('objective', o2);
    expect(alice.get('action', a)).toMatchObject({ parentId: o2, text: 'Action' });
  });

  it('keeps a progress update a partner wrote under the action', () => {
    const { alice, bob, o } = twoPartners();
    const added = alice.create('action', { text: 'Audit' }, { parentId: o });
    syncAll([alice.doc, bob.doc]);
    const update = bob.create('progress', { date: '2026-02-02', author: 'Bob', rag: 'green', narrative: 'Done early' }, { parentId: added });
    syncAll([alice.doc, bob.doc]);
    alice.undo();
    syncAll([alice.doc, bob.doc]);
    expect(bob.get('progress', update)!.narrative).toBe('Done early');
    bob.restore('action', added);
    expect(bob.isVisible('progress', update)).toBe(true);
  });

  it('redo takes it out of the bin again; undo puts it back', () => {
    const { alice, bob, o } = twoPartners();
    const added = alice.addEmpty('action', { parentId: o });
    syncAll([alice.doc, bob.doc]);
    bob.editText('action', added, 'text', 0, 0, 'Bob’s words');
    syncAll([alice.doc, bob.doc]);
    alice.undo();
    expect(alice.isVisible('action', added)).toBe(false);
    expect(alice.redo()).toBe(true);
    expect(alice.isVisible('action', added)).toBe(true);
    expect(alice.get('action', added)!.text).toBe('Bob’s words');
    alice.undo();
    expect(alice.isVisible('action', added)).toBe(false);
    expect(alice.get('action', added)!.text).toBe('Bob’s words');
  });

  it('takes back exactly one step: what this person did before it stays', () => {
    const { alice, bob, a, o } = twoPartners();
    alice.update('action', a, { timescale: 'June 2026' });
    alice.undoManager.stopCapturing();
    const added = alice.addEmpty('action', { parentId: o });
    syncAll([alice.doc, bob.doc]);
    bob.editText('action', added, 'text', 0, 0, 'Bob');
    syncAll([alice.doc, bob.doc]);
    alice.undo();
    expect(alice.isVisible('action', added)).toBe(false);
    expect(alice.get('action', a)!.timescale).toBe('June 2026');
    expect(alice.canUndo()).toBe(true);
  });

  it('takes back one step when a partner deleted and restored the item meanwhile (their mark replaced this step’s)', () => {
    const { alice, bob, o } = twoPartners();
    alice.editText('objective', o, 'text', 0, 0, 'Kept ');
    alice.undoManager.stopCapturing();
    const added = alice.addEmpty('action', { parentId: o });
    syncAll([alice.doc, bob.doc]);
    bob.delete('action', added);
    syncAll([alice.doc, bob.doc]);
    bob.restore('action', added);
    syncAll([alice.doc, bob.doc]);
    let heard = 0;
    alice.onUndoChange(() => heard++);

    expect(alice.undo()).toBe(true);
    expect(alice.binnedByLastUndo()).toEqual([{ kind: 'action', id: added }]);
    expect(alice.isVisible('action', added)).toBe(false);
    // The step before stays, and is the next to undo; the Undo button was told it is still there.
    expect(alice.readObjective(o)!.text).toBe('Kept Objective');
    expect(alice.canUndo()).toBe(true);
    expect(heard).toBeGreaterThan(0);
    expect(alice.undo()).toBe(true);
    expect(alice.readObjective(o)!.text).toBe('Objective');
    // Redo brings back the typing, then takes the action out of the bin, for both.
    expect(alice.redo()).toBe(true);
    expect(alice.readObjective(o)!.text).toBe('Kept Objective');
    expect(alice.redo()).toBe(true);
    syncAll([alice.doc, bob.doc]);
    for (const plan of [alice, bob]) expect(plan.isVisible('action', added)).toBe(true);
  });

  it('undoes this person’s own typing in an action a partner also typed in, keeping the partner’s letters', () => {
    const { alice, bob, a } = twoPartners();
    alice.editText('action', a, 'text', 6, 0, ' by Alice');
    bob.editText('action', a, 'text', 0, 0, 'Bob: ');
    syncAll([alice.doc, bob.doc]);
    alice.undo();
    expect(alice.binnedByLastUndo()).toEqual([]);
    expect(alice.get('action', a)!.text).toBe('Bob: Action');
  });

  it('keeps a statement a partner wrote in when this person takes back adding it', () => {
    const { alice, bob, p } = twoPartners();
    alice.addListItem('priority', p, 'successStatements', '');
    syncAll([alice.doc, bob.doc]);
    const [entry] = bob.listOf('priority', p, 'successStatements');
    bob.editListItem('priority', p, 'successStatements', entry!, 0, 0, 'Children are heard');
    syncAll([alice.doc, bob.doc]);
    alice.undo();
    syncAll([alice.doc, bob.doc]);
    expect(alice.get('priority', p)!.successStatements).toEqual(['Children are heard']);
    expect(bob.get('priority', p)!.successStatements).toEqual(['Children are heard']);
  });
});
