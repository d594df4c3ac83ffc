import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_LIMITS, Refused } from '../src/limits.js';
import { planIdProblem } from '../src/plan-id.js';
import { filterPresence } from '../src/presence-guard.js';
import { checkUpdate, valueDepth, watchNesting } from '../src/update-guard.js';
import { nestedMaps, presenceUpdate } from './frames.js';

describe('plan ids', () => {
  it('takes ordinary ids and refuses empty, over-long, control-character and dot ids', () => {
    expect(planIdProblem('lscb-2025')).toBe(null);
    expect(planIdProblem('é'.repeat(128))).toBe(null);
    expect(planIdProblem('')).toMatch(/empty/);
    expect(planIdProblem('a'.repeat(129))).toMatch(/at most 128 characters; this one has 129/);
    expect(planIdProblem('a\nb')).toMatch(/control characters/);
    expect(planIdProblem('..')).toMatch(/cannot be "\." or "\.\."/);
    expect(planIdProblem('.')).toMatch(/cannot be/);
  });
});

describe('the update guard', () => {
  it('measures nesting without recursion, however deep', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueDepth(deep, 32)).toBe(33);
    expect(valueDepth({ a: [1, { b: 2 }] }, 32)).toBe(3);
    expect(valueDepth('text', 32)).toBe(0);
  });

  it('refuses updates over the item limit, with subdocuments, or with deep values, and passes a plan-sized one', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'a');
    for (let i = 0; i < 50; i++) doc.getArray('a').push([i]);
    const update = Y.encodeStateAsUpdate(doc);
    expect(() => checkUpdate(update, DEFAULT_LIMITS)).not.toThrow();
    expect(() => checkUpdate(update, { ...DEFAULT_LIMITS, maxItemsPerUpdate: 1 })).toThrow(/over the limit of 1/);
    const withSub = new Y.Doc();
    withSub.getMap('m').set('sub', new Y.Doc());
    expect(() => checkUpdate(Y.encodeStateAsUpdate(withSub), DEFAULT_LIMITS)).toThrow(/subdocument/);
    const deepValue = new Y.Doc();
    let value: unknown = 'x';
    for (let i = 0; i < 40; i++) value = { v: value };
    deepValue.getMap('m').set('v', value);
    expect(() => checkUpdate(Y.encodeStateAsUpdate(deepValue), DEFAULT_LIMITS)).toThrow(/nested more than 32/);
    expect(() => checkUpdate(Uint8Array.of(1, 200, 200), DEFAULT_LIMITS)).toThrow(Refused);
  });

  it('sees shared types nested past the limit once they integrate, in whatever order their parts arrive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (depth, parts, reversed) => {
        const updates = nestedMaps(depth, parts);
        const target = new Y.Doc();
        const watch = watchNesting(target, 32);
        // Parts that arrive before their parents wait as pending, and integrate with the part that completes them.
        for (const part of reversed ? [...updates].reverse() : updates) Y.applyUpdate(target, part);
        expect(watch.tooDeep()).toBe(depth > 32);
        watch.stop();
      }),
      { numRuns: 60 },
    );
  });
});

describe('the presence guard', () => {
  it('keeps a connection’s own ids, drops ids owned by another, caps how many it may claim, and refuses big or deep states', () => {
    const owners = new Map<number, string>([[7, 'bob']]);
    const ids = new Map<string, Set<number>>([
      ['alice', new Set([1])],
      ['bob', new Set([7])],
    ]);
    const view = { ownerOf: (id: number) => owners.get(id) ?? (id === 1 ? 'alice' : undefined), idsOf: (c: string) => ids.get(c)! };
    const limits = { ...DEFAULT_LIMITS, maxPresenceIdsPerConnection: 2 };
    const result = filterPresence(
      presenceUpdate([
        { clientId: 1, clock: 2, state: { user: 'alice' } },
        { clientId: 7, clock: 99, state: { user: 'mallory' } },
        { clientId: 8, clock: 1, state: {} },
        { clientId: 9, clock: 1, state: {} },
      ]),
      'alice',
      view,
      limits,
    );
    expect(result.claimed).toEqual([8]);
    expect(result.contested).toEqual(['bob']);
    // What is left: ids 1 and 8, and not 7 (Bob's) nor 9 (over Alice's allowance of 2).
    expect(result.update).toEqual(
      presenceUpdate([
        { clientId: 1, clock: 2, state: { user: 'alice' } },
        { clientId: 8, clock: 1, state: {} },
      ]),
    );
    // An echo of a removal claims no id: the person's own connection must still be able to announce it.
    const echo = filterPresence(presenceUpdate([{ clientId: 5, clock: 4, state: null }]), 'alice', view, limits);
    expect(echo).toEqual({ update: null, claimed: [], contested: [] });
    const none = filterPresence(presenceUpdate([{ clientId: 9, clock: 1, state: {} }]), 'alice', { ...view, idsOf: () => new Set([1, 2]) }, limits);
    expect(none.update).toBe(null);
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(() => filterPresence(presenceUpdate([{ clientId: 1, clock: 3, state: deep }]), 'alice', view, DEFAULT_LIMITS)).toThrow(/nested more than 32/);
    expect(() => filterPresence(presenceUpdate([{ clientId: 1, clock: 3, state: 'x'.repeat(20_000) }]), 'alice', view, DEFAULT_LIMITS)).toThrow(/over the limit of 16384/);
  });
});
