import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan, type Plan } from '../src/index.js';
import { newPlan, replicaOf, smallPlanInput, steppingClock, syncAll } from './helpers.js';

/**
 * Whatever Alice adds and types, and whatever Bob types into it (in the
 * plan's items or their lists) with syncs in between, Alice undoing every
 * step she can leaves every word Bob typed in the plan (in an item or in
 * the bin), and both copies the same. fast-check prints the seed and path of
 * any failure: pin it below.
 */

type Op = { who: number; op: number; at: number; pos: number };

/** Every text in the document, whatever it belongs to and whether it is in the bin, sorted (maps keep no order). */
function allText(doc: Y.Doc): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Y.Text) out.push(value.toString());
    else if (value instanceof Y.Map) value.forEach(walk);
    else if (value instanceof Y.Array) value.forEach(walk);
  };
  for (const name of doc.share.keys()) if (name.startsWith('coplan:')) walk(doc.get(name, Y.Map));
  return out.sort().join('\n');
}

function ids(plan: Plan): { objectives: string[]; actions: string[]; priorities: string[] } {
  const priorities = plan.childIds('priority', null);
  const objectives = priorities.flatMap((p) => plan.childIds('objective', p));
  return { priorities, objectives, actions: objectives.flatMap((o) => plan.childIds('action', o)) };
}

function step(alice: Plan, bob: Plan, typed: string[], { who, op, at, pos }: Op, n: number): void {
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[at % xs.length] : undefined);
  if (who % 3 === 2) {
    syncAll([alice.doc, bob.doc]);
    return;
  }
  if (who % 3 === 0) {
    const { objectives, actions, priorities } = ids(alice);
    switch (op % 5) {
      case 0: {
        const o = pick(objectives);
        if (o) alice.addEmpty('action', { parentId: o });
        break;
      }
      case 1: {
        const p = pick(priorities);
        if (p) alice.addEmpty('objective', { parentId: p });
        break;
      }
      case 2: {
        const a = pick(actions);
        if (a) alice.editText('action', a, 'text', pos % (alice.get('action', a)!.text.length + 1), 0, 'a');
        break;
      }
      case 3: {
        const p = pick(priorities);
        if (p) alice.addListItem('priority', p, 'successStatements', '');
        break;
      }
      default:
        alice.undoManager.stopCapturing();
    }
    return;
  }
  const { objectives, actions, priorities } = ids(bob);
  const word = `[B${n}]`;
  switch (op % 4) {
    case 0: {
      const a = pick(actions);
      if (!a) return;
      bob.editText('action', a, 'text', 0, 0, word);
      break;
    }
    case 1: {
      const o = pick(objectives);
      if (!o) return;
      bob.editText('objective', o, 'text', 0, 0, word);
      break;
    }
    case 2: {
      const o = pick(objectives);
      if (!o) return;
      bob.create('action', { text: word }, { parentId: o });
      break;
    }
    default: {
      const p = pick(priorities);
      const entry = p ? bob.listOf('priority', p, 'successStatements')[pos % Math.max(1, bob.listOf('priority', p, 'successStatements').length)] : undefined;
      if (!p || !entry) return;
      bob.editListItem('priority', p, 'successStatements', entry, 0, 0, word);
    }
  }
  typed.push(word);
}

function run(ops: Op[]): void {
  const alice = newPlan(smallPlanInput('Alice'), { user: 'Alice', now: steppingClock() });
  alice.undoManager.clear(); // the plan as it was made is not Alice's to undo here
  const bob = openPlan(replicaOf(alice.doc), { user: 'Bob', now: steppingClock('2026-01-05T10:00:00.000Z') });
  const typed: string[] = [];
  ops.forEach((op, n) => step(alice, bob, typed, op, n));
  syncAll([alice.doc, bob.doc]);
  while (alice.undo());
  syncAll([alice.doc, bob.doc]);
  const text = allText(alice.doc);
  for (const word of typed) expect(text).toContain(word);
  expect(allText(bob.doc)).toBe(text);
  // Nothing Alice added and a partner worked on is left without a place: it is visible or in the bin.
  for (const b of alice.snapshot().bin) expect(['deleted', 'orphaned']).toContain(b.reason);
}

describe('undo keeps a partner’s work (property)', () => {
  // Found by the property before the fix (Alice adds an action, it syncs, Bob types in it; Alice undoes).
  it('regression: an action added, synced, typed in by the partner, and undone', () => {
    run([
      { who: 0, op: 0, at: 0, pos: 0 },
      { who: 2, op: 0, at: 0, pos: 0 },
      { who: 1, op: 0, at: 609364061, pos: 0 },
    ]);
  });

  it('every word a partner typed survives the other person undoing all they did', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ who: fc.nat(), op: fc.nat(), at: fc.nat(), pos: fc.nat() }), { maxLength: 40 }), (ops) => run(ops)),
      { numRuns: 150 },
    );
  });
});
