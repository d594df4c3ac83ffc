import { describe, expect, it } from 'vitest';
import { openPlan, workInTheBin } from '../src/index.js';
import { chain, newPlan, replicaOf, syncAll } from './helpers.js';

describe('work that went to the bin under a partner', () => {
  it('tells an offline writer their update sits under an action a partner deleted, and restoring brings both back', () => {
    const sam = newPlan({}, { user: 'Sam' });
    const { a } = chain(sam);
    const alex = openPlan(replicaOf(sam.doc), { user: 'Alex' });
    // Sam, offline, records progress; Alex deletes the action meanwhile.
    const update = sam.create('progress', { date: '2026-06-30', author: 'Sam', rag: 'green', narrative: 'Done at the venue' }, { parentId: a });
    alex.delete('action', a);
    syncAll([sam.doc, alex.doc]);

    const found = workInTheBin(sam.snapshot(), 'Sam');
    expect(found).toHaveLength(1);
    expect(found[0]!.entry).toMatchObject({ kind: 'action', id: a, deleted: { by: 'Alex' } });
    expect(found[0]!.yours).toEqual([expect.objectContaining({ kind: 'progress', id: update, createdBy: 'Sam' })]);
    // Alex deleted it herself: nothing of hers is lost.
    expect(workInTheBin(alex.snapshot(), 'Alex')).toEqual([]);

    sam.restore('action', a);
    syncAll([sam.doc, alex.doc]);
    for (const plan of [sam, alex]) {
      expect(plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.updates.map((u) => u.narrative)).toEqual(['Done at the venue']);
      expect(workInTheBin(plan.snapshot(), 'Sam')).toEqual([]);
    }
  });

  it('says nothing of a person’s own deletions', () => {
    const sam = newPlan({}, { user: 'Sam' });
    const { a } = chain(sam);
    sam.create('progress', { date: '2026-06-30', author: 'Sam', rag: 'green', narrative: 'x' }, { parentId: a });
    sam.delete('action', a);
    expect(workInTheBin(sam.snapshot(), 'Sam')).toEqual([]);
  });
});
