import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { waitFor } from './relay-process.js';
import { signToken } from '../src/tokens.js';
import { client, raw, relay, text } from './per-test.js';
import { nestedMaps, nestedMapsThenDelete, presenceFrame, updateFrame } from './frames.js';

const SECRET = 'a-test-secret';

/** A Yjs update made by real edits: text, maps, arrays, nested types (sometimes past the limit), big strings, deletions. */
const editUpdate = fc
  .record({
    ops: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('text' as const), at: fc.nat(50), s: fc.string({ maxLength: 30 }) }),
        fc.record({ kind: fc.constant('big' as const), size: fc.integer({ min: 10_000, max: 300_000 }) }),
        fc.record({ kind: fc.constant('map' as const), key: fc.string({ maxLength: 5 }), value: fc.jsonValue({ maxDepth: 40 }) }),
        fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 80 }) }),
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat(50), len: fc.nat(20) }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ ops }) => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (const op of ops) {
      const t = doc.getText('fuzz');
      if (op.kind === 'text') t.insert(Math.min(op.at, t.length), op.s);
      else if (op.kind === 'big') t.insert(0, 'b'.repeat(op.size));
      else if (op.kind === 'map') doc.getMap('fuzz-map').set(op.key, op.value);
      else if (op.kind === 'nest') updates.push(...nestedMaps(op.depth));
      else t.delete(Math.min(op.at, t.length), Math.min(op.len, Math.max(0, t.length - Math.min(op.at, t.length))));
    }
    return Y.mergeUpdates(updates);
  });

/** Bytes that look like an update and are not: flipped, cut short, padded with garbage. */
const brokenUpdate = fc
  .tuple(editUpdate, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.nat()), fc.uint8Array({ maxLength: 16 }))
  .map(([update, flips, cut, tail]) => {
    const bytes = Uint8Array.from(update);
    for (const [at, value] of flips) bytes[at % bytes.length] = value;
    const cutAt = cut === null ? bytes.length : cut % (bytes.length + 1);
    return Uint8Array.from([...bytes.subarray(0, cutAt), ...tail]);
  });

const presence = fc.oneof(
  fc
    .array(fc.record({ clientId: fc.nat(), clock: fc.nat(), state: fc.oneof(fc.jsonValue({ maxDepth: 50 }), fc.constant(null), fc.string({ minLength: 20_000, maxLength: 40_000 })) }), {
      minLength: 1,
      maxLength: 5,
    })
    .map(presenceFrame),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Uint8Array.from([1, ...bytes])),
);

const hostileMessage = fc.oneof(
  { weight: 4, arbitrary: editUpdate.map(updateFrame) },
  { weight: 3, arbitrary: brokenUpdate.map(updateFrame) },
  { weight: 1, arbitrary: fc.integer({ min: 40, max: 3000 }).map((depth) => nestedMapsThenDelete(depth).map(updateFrame)) },
  { weight: 2, arbitrary: presence },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
);

describe('the Yjs update surface under fuzzing', () => {
  it('after random, deep, huge and malformed messages from an editor and a viewer, the plan reloads after kill -9 and a fresh client can apply it', async () => {
    const tokens = { editor: await signToken(SECRET, { planId: 'plan', role: 'editor', name: '' }, '1h'), viewer: await signToken(SECRET, { planId: 'plan', role: 'viewer', name: '' }, '1h') };
    const token = (_secret: string, _plan: string, role: 'editor' | 'viewer') => tokens[role];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('editor' as const, 'viewer' as const), hostileMessage), { minLength: 1, maxLength: 6 }), async (messages) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'coplan-update-fuzz-'));
        const first = await relay(['--secret', SECRET], dataDir);
        const honest = client(first, 'plan', { token: token(SECRET, 'plan', 'editor') });
        honest.doc.getText('t').insert(0, 'honest');
        await waitFor(async () => expect(await (await fetch(first.url + '/metrics')).text()).toMatch(/^coplan_persist_seconds_count [1-9]/m));
        for (const [role, frames] of messages) {
          const { ws, status } = await raw(`${first.wsUrl}/plan?token=${token(SECRET, 'plan', role)}`);
          expect(status).toBe('open');
          const closed = new Promise((r) => ws.once('close', r));
          for (const frame of Array.isArray(frames) ? frames : [frames]) ws.send(frame);
          ws.close();
          await closed;
        }
        honest.doc.getText('t').insert(6, ' words');
        const fresh = client(first, 'plan', { token: token(SECRET, 'plan', 'viewer') });
        await waitFor(() => expect(text(fresh)).toBe('honest words'));
        expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(fresh.doc))).not.toThrow();
        await waitFor(async () => expect(await (await fetch(first.url + '/metrics')).text()).toMatch(/^coplan_plans_unsaved 0$/m));
        await first.stop('SIGKILL');
        honest.destroy();
        fresh.destroy();

        const second = await relay(['--secret', SECRET], dataDir);
        const after = client(second, 'plan', { token: token(SECRET, 'plan', 'viewer') });
        await waitFor(() => expect(text(after)).toBe('honest words'));
        expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(after.doc))).not.toThrow();
        expect((await fetch(second.url + '/healthz')).status).toBe(200);
        await second.stop('SIGKILL');
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
