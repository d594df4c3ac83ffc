import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyTextRevision } from '../src/document/text-revision.js';
import { PlanError } from '../src/index.js';
import { newPlan } from './helpers.js';

/** A Y.Text in its own document, holding `text`. */
function textHolding(text: string, clientID: number): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const t = doc.getText('cell');
  t.insert(0, text);
  return { doc, text: t };
}

/** A second document that starts as a copy of `doc`. */
function copyOf(doc: Y.Doc, clientID: number): { doc: Y.Doc; text: Y.Text } {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return { doc: copy, text: copy.getText('cell') };
}

const word = fc.stringMatching(/^[a-zA-Z]{1,8}$/);
/** A cell of 2 to 8 words, two different word positions in it, and a new word for each. */
const twoEdits = fc.tuple(fc.array(word, { minLength: 2, maxLength: 8 }), word, word, fc.nat(), fc.nat()).map(([words, wa, wb, i, j]) => {
  const a = i % words.length;
  const b = (a + 1 + (j % (words.length - 1))) % words.length;
  const edit = (at: number, w: string) => words.map((x, k) => (k === at ? w : x)).join(' ');
  const both = words.map((x, k) => (k === a ? wa : k === b ? wb : x)).join(' ');
  return { base: words.join(' '), alice: edit(a, wa), bob: edit(b, wb), both };
});

describe('applying a person’s change to a text a partner may have changed', () => {
  it('turns the text into what the person wrote when nobody else changed it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (from, to) => {
        const { text } = textHolding(from, 1);
        applyTextRevision(text, from, to);
        expect(text.toString()).toBe(to);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps both people’s words when one saves a cell after a partner changed another word of it', () => {
    fc.assert(
      fc.property(twoEdits, ({ base, alice, bob, both }) => {
        const { text } = textHolding(base, 1);
        applyTextRevision(text, base, bob); // Bob's change lands while Alice still has the cell open
        applyTextRevision(text, base, alice);
        expect(text.toString()).toBe(both);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps both people’s words when two change different words at once on their own devices', () => {
    fc.assert(
      fc.property(twoEdits, ({ base, alice, bob, both }) => {
        const a = textHolding(base, 1);
        const b = copyOf(a.doc, 2);
        applyTextRevision(a.text, base, alice);
        applyTextRevision(b.text, base, bob);
        Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
        Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
        expect(a.text.toString()).toBe(both);
        expect(b.text.toString()).toBe(both);
      }),
      { numRuns: 300 },
    );
  });

  it('pinned: a word replaced by its neighbour’s spelling, beside a partner’s change to that neighbour', () => {
    const { text } = textHolding('x y z', 1);
    applyTextRevision(text, 'x y z', 'x y w');
    applyTextRevision(text, 'x y z', 'y y z');
    expect(text.toString()).toBe('y y w');
  });

  it('keeps what a partner inserted inside the words the person deleted', () => {
    const { text } = textHolding('Train staff in March', 1);
    applyTextRevision(text, 'Train staff in March', 'Train all staff in March');
    applyTextRevision(text, 'Train staff in March', 'Train in March');
    expect(text.toString()).toBe('Train all in March');
  });
});

describe('Plan.reviseText', () => {
  it('writes only the words changed, keeping a partner’s change to the same field', () => {
    const plan = newPlan({ title: 'Plan', priorities: [{ title: 'Neglect', objectives: [{ text: 'Embed', actions: [{ text: 'Train 200 practitioners by March' }] }] }] });
    const id = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.id;
    const seen = 'Train 200 practitioners by March';
    plan.reviseText('action', id, 'text', seen, 'Train 200 practitioners by June');
    plan.reviseText('action', id, 'text', seen, 'Train 300 practitioners by March');
    expect(plan.readAction(id)?.text).toBe('Train 300 practitioners by June');
  });

  it('refuses to empty a required field, saying so, and leaves it as it was', () => {
    const plan = newPlan({ title: 'Plan', priorities: [{ title: 'Neglect', objectives: [] }] });
    const id = plan.snapshot().priorities[0]!.id;
    expect(() => plan.reviseText('priority', id, 'title', 'Neglect', '  ')).toThrow(PlanError);
    expect(() => plan.reviseText('priority', id, 'title', 'Neglect', '')).toThrow(/required/);
    expect(plan.readPriority(id)?.title).toBe('Neglect');
  });
});
