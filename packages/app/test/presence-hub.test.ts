import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PresenceHub } from '../src/editing/presence-hub.js';

/** A partner's presence arriving at this person's awareness, as the provider delivers it. */
function arrive(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'network');
}

describe('PresenceHub: a presence change reaches only the fields it concerns', () => {
  it('tells the field a partner comes into, moves in and leaves, and no other', () => {
    const mine = new Awareness(new Y.Doc());
    const partner = new Awareness(new Y.Doc());
    const hub = PresenceHub.of(mine);
    expect(PresenceHub.of(mine)).toBe(hub);
    const told: string[] = [];
    for (const key of ['a1:text', 'a2:text', 'plan:vision']) hub.subscribe(key, () => told.push(key));

    partner.setLocalState({ user: { name: 'Sam', colour: '#4c2c92' }, editing: 'a1:text', caret: { key: 'a1:text', anchor: null, head: null } });
    arrive(partner, mine);
    expect(told).toEqual(['a1:text']);

    told.length = 0;
    partner.setLocalStateField('caret', { key: 'a1:text', anchor: 1, head: 1 });
    arrive(partner, mine);
    expect(told).toEqual(['a1:text']);

    told.length = 0;
    partner.setLocalState({ user: { name: 'Sam', colour: '#4c2c92' }, editing: 'a2:text', caret: { key: 'a2:text', anchor: null, head: null } });
    arrive(partner, mine);
    expect(told.sort()).toEqual(['a1:text', 'a2:text']);

    // This person's own presence is theirs to show, not a partner's.
    told.length = 0;
    mine.setLocalState({ editing: 'plan:vision' });
    expect(told).toEqual([]);
    mine.destroy();
    partner.destroy();
  });

  it('stops telling a field once it unsubscribes', () => {
    const mine = new Awareness(new Y.Doc());
    const partner = new Awareness(new Y.Doc());
    let told = 0;
    const stop = PresenceHub.of(mine).subscribe('a1:text', () => told++);
    partner.setLocalState({ editing: 'a1:text' });
    arrive(partner, mine);
    stop();
    partner.setLocalState({ editing: null });
    arrive(partner, mine);
    expect(told).toBe(1);
    mine.destroy();
    partner.destroy();
  });
});
