import { describe, expect, it } from 'vitest';
import { openPlan } from '../src/index.js';
import { chain, newPlan, replicaOf, steppingClock, syncAll } from './helpers.js';

describe('two people correcting one progress update at once', () => {
  it('keeps both people’s changes: words merged, and a RAG or date one of them left alone stays as the other set it', () => {
    const alice = newPlan({}, { user: 'Alice', now: steppingClock('2026-05-03T10:00:00.000Z') });
    const { a } = chain(alice);
    const id = alice.recordProgress(a, { date: '2026-05-03', author: 'Alice', rag: 'amber', narrative: 'Audit booked.' });
    const bob = openPlan(replicaOf(alice.doc), { user: 'Bob', now: steppingClock('2026-05-03T10:00:30.000Z') });
    const seen = { date: '2026-05-03', rag: 'amber', narrative: 'Audit booked.', evidence: '' } as const;
    // Both began from the same update; each saves their own correction before seeing the other's.
    alice.reviseProgress(id, seen, { ...seen, rag: 'green', narrative: 'Audit booked. Held on 3 May.' }, 'in-progress');
    bob.reviseProgress(id, seen, { ...seen, narrative: 'Police joined. Audit booked.', evidence: 'Minutes' });
    syncAll([alice.doc, bob.doc]);
    for (const plan of [alice, bob]) {
      expect(plan.get('progress', id)).toMatchObject({ rag: 'green', date: '2026-05-03', narrative: 'Police joined. Audit booked. Held on 3 May.', evidence: 'Minutes' });
      expect(plan.get('action', a)!.status).toBe('in-progress');
    }
    // One undo takes back one person's whole correction, and only theirs.
    expect(alice.undo()).toBe(true);
    syncAll([alice.doc, bob.doc]);
    expect(bob.get('progress', id)).toMatchObject({ rag: 'amber', narrative: 'Police joined. Audit booked.', evidence: 'Minutes' });
  });

  it('refuses an update that is not in the plan, in words', () => {
    const alice = newPlan({}, { user: 'Alice' });
    const seen = { date: '2026-05-03', rag: 'amber', narrative: '', evidence: '' } as const;
    expect(() => alice.reviseProgress('nope', seen, { ...seen, narrative: 'x' })).toThrow(/progress/i);
  });
});
