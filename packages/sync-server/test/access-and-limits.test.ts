import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { signToken } from '../src/tokens.js';
import { BIN, waitFor } from './relay-process.js';
import { client, closeOf, raw, relay, text, token } from './per-test.js';
import { presenceFrame } from './frames.js';

describe('access control', () => {
  const SECRET = 'a-long-test-secret';

  it('refuses no token, a bad signature, an expired token and another plan’s token, before any document byte', async () => {
    const r = await relay(['--secret', SECRET]);
    const base = `${r.wsUrl}/plan-1`;
    const cases: Array<[string, RegExp]> = [
      [base, /no token/],
      [`${base}?token=${token('another-secret', 'plan-1', 'editor')}`, /not valid/],
      [`${base}?token=${token(SECRET, 'plan-2', 'editor')}`, /another plan/],
      [`${base}?token=garbage`, /not valid/],
    ];
    for (const [url, reason] of cases) {
      const res = await raw(url);
      expect(res.status).toBe(401);
      expect(res.body).toMatch(reason);
    }
    // An expired token: one signed two seconds ago to last one second (the signer's clock is given, not waited for).
    const expired = await signToken(SECRET, { planId: 'plan-1', role: 'editor', name: '' }, '1s', Date.now() - 2000);
    const res = await raw(`${base}?token=${expired}`);
    expect(res.status).toBe(401);
    expect(res.body).toMatch(/expired/);
    expect(await (await fetch(r.url + '/metrics')).text()).toMatch(/^coplan_refused_connections_total 5$/m);
    expect(r.output()).not.toMatch(/open to anyone/);
  });

  it('lets an editor in, and lets a viewer read and share presence while dropping its edits', async () => {
    const r = await relay(['--secret', SECRET]);
    const editor = client(r, 'plan-1', { token: token(SECRET, 'plan-1', 'editor') });
    const viewer = client(r, 'plan-1', { token: token(SECRET, 'plan-1', 'viewer') });
    editor.doc.getText('t').insert(0, 'from the editor');
    await waitFor(() => expect(text(viewer)).toBe('from the editor'));
    viewer.doc.getText('t').insert(0, 'VIEWER WROTE THIS ');
    viewer.awareness.setLocalStateField('user', { name: 'Board member' });
    await waitFor(() => expect([...editor.awareness.getStates().values()].some((s) => s.user?.name === 'Board member')).toBe(true));
    // A later editor joining sees the editor's words only: the viewer's edit was never stored or passed on.
    const late = client(r, 'plan-1', { token: token(SECRET, 'plan-1', 'editor') });
    await waitFor(() => expect(late.synced).toBe(true));
    expect(text(late)).toBe('from the editor');
    expect(text(editor)).toBe('from the editor');
  });

  it('prints a token from the command line and refuses a bad role', () => {
    expect(token(SECRET, 'p', 'viewer').split('.')).toHaveLength(3);
    expect(token(SECRET, 'p', 'owner').split('.')).toHaveLength(3);
    expect(() => execFileSync(process.execPath, [BIN, 'token', '--secret', 's', '--plan', 'p', '--role', 'admin'], { stdio: 'pipe' })).toThrow(/--role owner, --role editor or --role viewer/);
  });
});

describe('bad input and load', () => {
  it('closes only the connection that sends malformed frames, whatever they hold', async () => {
    const r = await relay();
    const a = client(r, 'plan');
    const b = client(r, 'plan');
    await waitFor(() => expect(a.synced && b.synced).toBe(true));
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => {
            bytes[0] = 5 + (bytes[0]! % 200);
            return bytes;
          }), // unknown message type
          fc.uint8Array({ minLength: 0, maxLength: 8 }).map((bytes) => Uint8Array.from([0, 2, 200, ...bytes])), // truncated update
          fc.uint8Array({ minLength: 0, maxLength: 8 }).map((bytes) => Uint8Array.from([0, 9, ...bytes])), // unknown sync type
          fc.constant('not binary'),
        ),
        async (frame) => {
          const { ws, status } = await raw(`${r.wsUrl}/plan`);
          expect(status).toBe('open');
          const closed = closeOf(ws);
          ws.send(frame);
          expect(await closed).toBeGreaterThanOrEqual(4400);
          round++;
        },
      ),
      { numRuns: 25 },
    );
    expect(round).toBe(25);
    // The room, the other clients and the process carry on.
    a.doc.getText('t').insert(0, `after ${round} bad frames`);
    await waitFor(() => expect(text(b)).toBe('after 25 bad frames'));
    expect((await fetch(r.url + '/healthz')).status).toBe(200);
  });

  it('closes a connection that sends an oversized frame with 1009', async () => {
    const r = await relay();
    const { ws } = await raw(`${r.wsUrl}/plan`);
    const closed = closeOf(ws);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array(17 * 1024 * 1024));
    ws.send(encoding.toUint8Array(encoder));
    expect(await closed).toBe(1009);
    expect((await fetch(r.url + '/healthz')).status).toBe(200);
  });

  it('holds 200 plans open at once, each with its own content', async () => {
    const r = await relay();
    const providers = Array.from({ length: 200 }, (_, i) => client(r, `plan-${i}`));
    providers.forEach((p, i) => p.doc.getText('t').insert(0, `plan ${i}`));
    const checkers = Array.from({ length: 200 }, (_, i) => client(r, `plan-${i}`));
    await waitFor(() => checkers.every((c, i) => text(c) === `plan ${i}`), 30_000);
    expect(await (await fetch(r.url + '/metrics')).text()).toMatch(/^coplan_rooms 200$/m);
  }, 60_000);
});

describe('serving the app', () => {
  it('serves the service worker uncached, hashed assets immutable, and the index for unknown paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coplan-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Coplan</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const r = await relay(['--static', dir]);
    const sw = await fetch(r.url + '/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(r.url + '/manifest.webmanifest')).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(r.url + '/assets/index-abc123.js')).headers.get('cache-control')).toMatch(/immutable/);
    const deep = await fetch(r.url + '/plan/demo');
    expect(await deep.text()).toMatch(/<title>Coplan<\/title>/);
    expect((await fetch(r.url + '/..%2f..%2fetc/passwd')).status).not.toBe(200);
  });
});

describe('configurable limits', () => {
  it('refuses connections past --max-connections-per-room, and closes a sender past --messages-per-second', async () => {
    const r = await relay(['--max-connections-per-room', '2', '--messages-per-second', '5']);
    const one = await raw(`${r.wsUrl}/plan`);
    const two = await raw(`${r.wsUrl}/plan`);
    const three = await raw(`${r.wsUrl}/plan`);
    expect([one.status, two.status, three.status]).toEqual(['open', 'open', 503]);
    expect(three.body).toMatch(/already has 2 connections/);
    const closed = closeOf(one.ws);
    const query = Uint8Array.from([3]); // "send me everyone's presence": harmless, but not 50 times at once
    for (let i = 0; i < 50; i++) one.ws.send(query);
    expect(await closed).toBe(4529); // 4400–4499 would make stock clients give up for good
  });

  it('refuses a bad flag value with a clear message', () => {
    expect(() => execFileSync(process.execPath, [BIN, '--messages-per-second', 'lots'], { stdio: 'pipe' })).toThrow(/--messages-per-second must be a whole number above 0/);
  });
});

describe('presence in a crowded room', () => {
  it('batches awareness, so twenty people moving at once do not cost twenty times twenty messages', async () => {
    const r = await relay();
    const people = Array.from({ length: 20 }, () => client(r, 'workshop'));
    await waitFor(() => expect(people.every((p) => p.synced)).toBe(true));
    const sent = async () => Number(/^coplan_messages_out_total (\d+)$/m.exec(await (await fetch(r.url + '/metrics')).text())![1]);
    people.forEach((p, i) => p.awareness.setLocalStateField('user', { name: `Person ${i}` }));
    await waitFor(async () => expect(people.map((p) => p.awareness.getStates().size)).toEqual(people.map(() => 20)));
    const before = await sent();
    people.forEach((p, i) => p.awareness.setLocalStateField('cursor', { at: i }));
    await waitFor(() => expect(people.every((p) => [...p.awareness.getStates().values()].filter((s) => s.cursor).length === 20)).toBe(true));
    const after = await sent();
    // Unbatched, each of the 20 changes goes to all 20 connections: 400 messages.
    expect(after - before).toBeLessThan(200);
  });

  it('keeps a person in view whose new connection opened before the old one closed, though others echo their removal', async () => {
    const r = await relay();
    const alex = client(r, 'workshop'); // a stock client: it echoes everyone's presence back, removals too
    const jo = client(r, 'workshop');
    const seenByJo = () => (jo.awareness.getStates().get(777) as { user?: { name: string } } | undefined)?.user?.name;
    const sam = { user: { name: 'Sam' } };
    const old = (await raw(`${r.wsUrl}/workshop`)).ws;
    old.send(presenceFrame([{ clientId: 777, clock: 1, state: sam }]));
    await waitFor(() => expect(seenByJo()).toBe('Sam'));
    await waitFor(() => expect(alex.awareness.getStates().has(777)).toBe(true));
    // Sam's page opens a new connection (same client id) before the old one is seen to close.
    const next = (await raw(`${r.wsUrl}/workshop`)).ws;
    next.send(presenceFrame([{ clientId: 777, clock: 1, state: sam }]));
    old.close();
    // The relay takes Sam out; Alex's client echoes that removal back to the relay.
    await waitFor(() => expect(alex.awareness.getStates().has(777)).toBe(false));
    // Once the relay has read what Alex sent after the echo (same connection, in order)…
    alex.awareness.setLocalStateField('user', { name: 'Alex' });
    await waitFor(() => expect((jo.awareness.getStates().get(alex.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name).toBe('Alex'));
    // …Sam's page says it is still there (as a stock client does on hearing its own removal): it is Sam's id, not the echoer's.
    next.send(presenceFrame([{ clientId: 777, clock: 3, state: sam }]));
    await waitFor(() => expect(seenByJo()).toBe('Sam'));
    await waitFor(() => expect(alex.awareness.getStates().has(777)).toBe(true));
  });
});
