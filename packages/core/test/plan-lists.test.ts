import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan, PlanError } from '../src/index.js';
import { newPlan, syncAll } from './helpers.js';

/** Two partners' plans on one document, synced. */
function twoPartners() {
  const alice = newPlan({ principles: ['Safeguarding is everybody’s responsibility', 'Open to challenge'] }, { user: 'Alice' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(alice.doc));
  const bob = openPlan(doc, { user: 'Bob' });
  return { alice, bob };
}

describe('list fields (principles, statutory objectives, success statements, focus areas)', () => {
  it('adds, edits in place and removes entries, each one undoable', () => {
    const plan = newPlan({ principles: ['Open to challenge'] });
    const added = plan.addListItem('plan', '', 'principles', '');
    plan.editListItem('plan', '', 'principles', added, 0, 0, 'Child first');
    expect(plan.snapshot().principles).toEqual(['Open to challenge', 'Child first']);
    const [first] = plan.listOf('plan', '', 'principles');
    plan.editListItem('plan', '', 'principles', first!, 0, 4, 'Always open');
    expect(plan.snapshot().principles[0]).toBe('Always open to challenge');
    plan.removeListItem('plan', '', 'principles', first!);
    expect(plan.snapshot().principles).toEqual(['Child first']);
    plan.undo();
    expect(plan.snapshot().principles).toEqual(['Always open to challenge', 'Child first']);
  });

  it('adds at a given position, and to a priority’s success statements and focus areas', () => {
    const plan = newPlan();
    const p = plan.create('priority', { title: 'Neglect', successStatements: ['Fewer referrals'] });
    plan.addListItem('priority', p, 'successStatements', 'Children say they feel safe', 0);
    plan.addListItem('priority', p, 'focusAreas', 'Early help');
    expect(plan.get('priority', p)).toMatchObject({ successStatements: ['Children say they feel safe', 'Fewer referrals'], focusAreas: ['Early help'] });
    plan.addListItem('plan', '', 'statutoryObjectives', 'Coordinate local work');
    expect(plan.snapshot().statutoryObjectives).toEqual(['Coordinate local work']);
  });

  it('refuses a field that is not a list, a position outside the list, and an entry a partner removed, saying what to do', () => {
    const plan = newPlan({ principles: ['One'] });
    expect(() => plan.addListItem('plan', '', 'vision', 'x')).toThrow(/plan\.vision is not a list field; list fields are principles, statutoryObjectives/);
    expect(() => plan.addListItem('plan', '', 'principles', 'x', 5)).toThrow(/has 1 entries; position 5 is outside 0\.\.1/);
    const gone = plan.listOf('plan', '', 'principles')[0]!;
    plan.removeListItem('plan', '', 'principles', gone);
    try {
      plan.editListItem('plan', '', 'principles', gone, 0, 0, 'a');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PlanError);
      expect((e as PlanError).code).toBe('not-found');
      expect((e as PlanError).message).toMatch(/no longer in the plan's principles: a partner may have removed it/);
    }
    const entry = plan.addListItem('plan', '', 'principles', 'abc');
    expect(() => plan.editListItem('plan', '', 'principles', entry, 2, 5)).toThrow(/has 3 characters; cannot delete 5 at 2/);
  });

  it('stamps the plan as changed by each list edit', () => {
    const plan = newPlan({}, { user: 'Sam' });
    const before = plan.snapshot().updatedAt;
    const entry = plan.addListItem('plan', '', 'principles', 'Listen to children');
    const added = plan.snapshot().updatedAt;
    plan.editListItem('plan', '', 'principles', entry, 0, 0, 'Always ');
    expect(added > before).toBe(true);
    expect(plan.snapshot().updatedAt > added).toBe(true);
  });

  it('merges partners’ work: both typing in one entry keep their words, an entry added by one and edited by the other both stay', () => {
    const { alice, bob } = twoPartners();
    const aliceEntry = alice.listOf('plan', '', 'principles')[1]!;
    const bobEntry = bob.listOf('plan', '', 'principles')[1]!;
    alice.editListItem('plan', '', 'principles', aliceEntry, 17, 0, ', always');
    bob.editListItem('plan', '', 'principles', bobEntry, 0, 0, 'Honest and ');
    bob.addListItem('plan', '', 'principles', 'Child first', 0);
    syncAll([alice.doc, bob.doc]);
    expect(alice.snapshot().principles).toEqual(['Child first', 'Safeguarding is everybody’s responsibility', 'Honest and Open to challenge, always']);
    expect(bob.snapshot().principles).toEqual(alice.snapshot().principles);
  });

  it('keeps an editor on its entry when a partner inserts or removes others before it', () => {
    const { alice, bob } = twoPartners();
    const mine = alice.listOf('plan', '', 'principles')[1]!;
    bob.removeListItem('plan', '', 'principles', bob.listOf('plan', '', 'principles')[0]!);
    bob.addListItem('plan', '', 'principles', 'New first', 0);
    syncAll([alice.doc, bob.doc]);
    alice.editListItem('plan', '', 'principles', mine, mine.length, 0, '!');
    syncAll([alice.doc, bob.doc]);
    expect(bob.snapshot().principles).toEqual(['New first', 'Open to challenge!']);
  });
});
