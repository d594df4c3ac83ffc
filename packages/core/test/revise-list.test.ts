import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan, PlanError, type Plan } from '../src/index.js';
import { newPlan, replicaOf, steppingClock } from './helpers.js';

const STATEMENTS = ['Children are heard', 'Fewer repeat referrals', 'Partners share intelligence'];

/** Two partners with the same plan, each seeing its priority's statements as a box of lines. */
function twoPartners(): { a: Plan; b: Plan; priority: string; sync: () => void } {
  const a = newPlan({ priorities: [{ title: 'Neglect', successStatements: STATEMENTS, focusAreas: ['Early help'] }] });
  const b = openPlan(replicaOf(a.doc), { user: 'Partner', now: steppingClock('2026-02-01T09:00:00.000Z') });
  const sync = () => {
    const fromA = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
    const fromB = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
    Y.applyUpdate(b.doc, fromA, 'net');
    Y.applyUpdate(a.doc, fromB, 'net');
  };
  return { a, b, priority: a.childIds('priority', null)[0]!, sync };
}

const seenIn = (plan: Plan, id: string, field = 'successStatements') => plan.listOf('priority', id, field).map((item) => ({ item, text: item.toString() }));
const statements = (plan: Plan, id: string) => plan.readPriority(id)!.successStatements;

describe('reviseList: a list saved as only the entries changed', () => {
  it('keeps both partners’ words when they edit different statements at once, offline from each other', () => {
    const { a, b, priority, sync } = twoPartners();
    const seenA = seenIn(a, priority);
    const seenB = seenIn(b, priority);
    a.reviseList('priority', priority, 'successStatements', seenA, ['Children are heard and listened to', 'Fewer repeat referrals', 'Partners share intelligence']);
    b.reviseList('priority', priority, 'successStatements', seenB, ['Children are heard', 'Fewer repeat referrals', 'Partners share intelligence through MACE']);
    sync();
    const both = ['Children are heard and listened to', 'Fewer repeat referrals', 'Partners share intelligence through MACE'];
    expect(statements(a, priority)).toEqual(both);
    expect(statements(b, priority)).toEqual(both);
  });

  it('keeps a partner’s statement that arrived while the person was still writing in the box (what they saw of it is unchanged)', () => {
    const { a, b, priority, sync } = twoPartners();
    const seenA = seenIn(a, priority); // A opens the box
    b.reviseList('priority', priority, 'successStatements', seenIn(b, priority), ['Children are heard', 'Fewer repeat referrals', 'Partners share intelligence through MACE']);
    sync(); // B's words reach A while A types
    a.reviseList('priority', priority, 'successStatements', seenA, ['Children are heard and listened to', 'Fewer repeat referrals', 'Partners share intelligence', 'Schools report early']);
    sync();
    const both = ['Children are heard and listened to', 'Fewer repeat referrals', 'Partners share intelligence through MACE', 'Schools report early'];
    expect(statements(a, priority)).toEqual(both);
    expect(statements(b, priority)).toEqual(both);
  });

  it('keeps a statement a partner added, and a partner’s words in the same statement, while another is removed and one added', () => {
    const { a, b, priority, sync } = twoPartners();
    const seenA = seenIn(a, priority);
    b.reviseList('priority', priority, 'successStatements', seenIn(b, priority), ['All children are heard', 'Fewer repeat referrals', 'Partners share intelligence', 'Schools report early']);
    a.reviseList('priority', priority, 'successStatements', seenA, ['Children are heard by every agency', 'Partners share intelligence', 'Neglect is spotted sooner']);
    sync();
    // The two statements added at the end at once come in an order Yjs settles by its client ids (random here): the same on both sides.
    const merged = statements(a, priority);
    expect(merged.slice(0, 2)).toEqual(['All children are heard by every agency', 'Partners share intelligence']);
    expect([...merged.slice(2)].sort()).toEqual(['Neglect is spotted sooner', 'Schools report early']);
    expect(statements(b, priority)).toEqual(merged);
  });

  it('writes nothing for lines left as they were, and is one undo step', () => {
    const { a, priority } = twoPartners();
    const updates: Uint8Array[] = [];
    a.doc.on('update', (u: Uint8Array) => updates.push(u));
    a.reviseList('priority', priority, 'successStatements', seenIn(a, priority), [...STATEMENTS]);
    expect(updates).toEqual([]);
    a.reviseList('priority', priority, 'focusAreas', seenIn(a, priority, 'focusAreas'), ['Early help', 'Neglect toolkit']);
    expect(a.readPriority(priority)!.focusAreas).toEqual(['Early help', 'Neglect toolkit']);
    a.undo();
    expect(a.readPriority(priority)!.focusAreas).toEqual(['Early help']);
  });

  it('says what is wrong with what it is given', () => {
    const { a, priority } = twoPartners();
    expect(() => a.reviseList('priority', priority, 'successStatements', [{ item: 'x' as never, text: 'x' }], [])).toThrow(PlanError);
    expect(() => a.reviseList('priority', priority, 'successStatements', seenIn(a, priority), [3 as never])).toThrow(/the lines written must be strings/);
    expect(() => a.reviseList('priority', priority, 'title', [], ['x'])).toThrow(/is not a list field/);
  });
});
