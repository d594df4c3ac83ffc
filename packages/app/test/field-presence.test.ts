import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldPresence } from '../src/editing/field-presence.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A field's presence on a stand-in host (the controller needs only addController and requestUpdate). */
function fieldPresence(awareness: Awareness, key: string): { presence: FieldPresence; updates: () => number } {
  let updates = 0;
  const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => void updates++, updateComplete: Promise.resolve(true) };
  const presence = new FieldPresence(host);
  presence.hostConnected();
  presence.watch(awareness, key);
  return { presence, updates: () => updates };
}

describe('FieldPresence', () => {
  it('shares a moving caret at most every 100 ms, always ending on the last position, and clears it on leaving', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.advanceTimersByTime(1000);
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Partners share intelligence');
    const awareness = new Awareness(doc);
    const sent: unknown[] = [];
    awareness.on('change', () => sent.push(awareness.getLocalState()?.caret));
    const { presence } = fieldPresence(awareness, 'a1:text');
    const at = (i: number) => ({ anchor: Y.createRelativePositionFromTypeIndex(text, i, -1), head: Y.createRelativePositionFromTypeIndex(text, i, -1) });
    presence.publish(at(1));
    expect(sent).toHaveLength(1);
    for (let i = 2; i <= 10; i++) presence.publish(at(i));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
    const last = sent[1] as { key: string; head: unknown };
    expect(last.key).toBe('a1:text');
    expect(Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(last.head), doc)!.index).toBe(10);
    presence.publish(null);
    expect(awareness.getLocalState()?.caret).toBeNull();
    awareness.destroy();
  });

  it('does not draw a partner’s caret that names letters not yet arrived, and says it is waiting for them', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    const theirText = theirs.getText('t');
    theirText.insert(0, 'new words');
    const awareness = new Awareness(mine);
    const { presence } = fieldPresence(awareness, 'a1:text');
    const pos = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(theirText, 9, -1));
    awareness.getStates().set(99, { user: { name: 'Sam', colour: '#4c2c92' }, caret: { key: 'a1:text', anchor: pos, head: pos } });
    expect(presence.partners(mine.getText('t'))).toEqual([]);
    expect(presence.waiting).toBe(true);
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    expect(presence.partners(mine.getText('t'))).toEqual([{ clientId: 99, name: 'Sam', colour: '#4c2c92', anchor: 9, head: 9 }]);
    expect(presence.waiting).toBe(false);
    awareness.destroy();
  });
});
