import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { waitFor } from './relay-process.js';
import { client, closeOf, raw, relay, text, token } from './per-test.js';
import { nestedMapsThenDelete, presenceFrame, updateFrame } from './frames.js';

/** A GET sent as written, without a client library tidying the path. */
function get(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A WebSocket upgrade request sent with its path as written; resolves with the status and body of the refusal, or 101. */
function upgrade(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve({ status: 101, body: '' });
    });
    req.on('error', reject);
    req.end();
  });
}

const metric = async (url: string, name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(url + '/metrics')).text())![1]);

describe('defect 1: malformed request targets', () => {
  it('answers 400 to paths that do not decode or parse, and keeps serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coplan-static-'));
    const r = await relay(['--static', dir, '--secret', 'a-test-secret']);
    for (const path of ['/%', '/%ff', '/%E0%A4%A', '/assets/%', '//x/%', '/%00']) {
      expect([path, await get(r.url, path)]).toEqual([path, 400]);
    }
    // `//` is a path like any other: the app's index (not built here, so 404), not a crash.
    expect(await get(r.url, '//')).toBe(404);
    expect((await upgrade(r.url, '//')).status).toBe(404);
    expect((await upgrade(r.url, '/sync/%ff')).status).toBe(400);
    expect((await upgrade(r.url, '/sync/%')).status).toBe(400);
    expect((await fetch(r.url + '/healthz')).status).toBe(200);
    expect(r.child.exitCode).toBe(null);
  });
});

describe('defect 2: an update that would brick a plan', () => {
  it('refuses nesting past the limit and an update that fails part-way, never storing or passing them on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-brick-'));
    const first = await relay([], dataDir);
    const honest = client(first, 'plan');
    const watcher = client(first, 'plan');
    honest.doc.getText('t').insert(0, 'before the attack');
    await waitFor(() => expect(text(watcher)).toBe('before the attack'));

    const [nest, remove] = nestedMapsThenDelete(2000);
    const attacker = (await raw(`${first.wsUrl}/plan`)).ws;
    const closed = closeOf(attacker);
    attacker.send(updateFrame(nest));
    attacker.send(updateFrame(remove));
    expect(await closed).toBe(4413);

    // A second attacker sends only the delete-free half, well past the depth limit but short of overflowing.
    const [shallowNest] = nestedMapsThenDelete(200);
    const second = (await raw(`${first.wsUrl}/plan`)).ws;
    const secondClosed = closeOf(second);
    second.send(updateFrame(shallowNest));
    expect(await secondClosed).toBe(4413);

    honest.doc.getText('t').insert(17, ', and after');
    await waitFor(() => expect(text(watcher)).toBe('before the attack, and after'));
    expect(watcher.doc.getMap('t-map').size).toBe(0);
    expect(await metric(first.url, 'coplan_updates_refused_total')).toBeGreaterThanOrEqual(2);

    // A fresh client gets a state it can apply, and after kill -9 the plan loads with all the honest text.
    const fresh = client(first, 'plan');
    await waitFor(() => expect(text(fresh)).toBe('before the attack, and after'));
    await first.stop('SIGKILL');
    const second2 = await relay([], dataDir);
    const after = client(second2, 'plan');
    await waitFor(() => expect(text(after)).toBe('before the attack, and after'));
    expect(after.doc.getMap('t-map').size).toBe(0);
  });

  it('rebuilds the plan without an update that throws part-way through applying, and closes its sender', async () => {
    // With the depth limit raised out of the way, the deletion overflows the stack inside Yjs, after changing part of the document.
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-overflow-'));
    const first = await relay(['--max-nesting-depth', '100000'], dataDir);
    const honest = client(first, 'plan');
    honest.doc.getText('t').insert(0, 'honest words');
    const [nest, remove] = nestedMapsThenDelete(3000);
    const attacker = (await raw(`${first.wsUrl}/plan`)).ws;
    const closed = closeOf(attacker);
    attacker.send(updateFrame(nest));
    attacker.send(updateFrame(remove));
    expect(await closed).toBe(4413);
    await waitFor(() => expect(first.output()).toMatch(/an update that failed to apply \(Maximum call stack size exceeded\); the plan was rebuilt without it/));
    const fresh = client(first, 'plan');
    await waitFor(() => expect(text(fresh)).toBe('honest words'));
    await first.stop('SIGKILL');
    const second = await relay([], dataDir);
    const after = client(second, 'plan');
    await waitFor(() => expect(text(after)).toBe('honest words'));
    expect(second.output()).not.toMatch(/quarantine/);
  });

  it('loads a plan whose stored log holds an update that cannot apply: keeps the rest, quarantines it, and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-quarantine-'));
    const first = await relay([], dataDir);
    const a = client(first, 'plan');
    a.doc.getText('t').insert(0, 'kept');
    await waitFor(async () => expect(await metric(first.url, 'coplan_persist_seconds_count')).toBeGreaterThan(0));
    await first.stop('SIGKILL');
    a.destroy();
    // A record that is whole on disk but cannot apply (an update cut short, as an old relay could store).
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(50));
    const broken = Y.encodeStateAsUpdate(doc).subarray(0, 20);
    const { appendFileSync } = await import('node:fs');
    const record = Buffer.alloc(4 + broken.length);
    record.writeUInt32BE(broken.length, 0);
    record.set(broken, 4);
    appendFileSync(join(dataDir, 'plan', 'log.bin'), record);

    const second = await relay([], dataDir);
    const b = client(second, 'plan');
    await waitFor(() => expect(text(b)).toBe('kept'));
    expect(await metric(second.url, 'coplan_quarantined_total')).toBe(1);
    await waitFor(() => expect(second.output()).toMatch(/1 stored update\(s\) failed to apply and were moved to .*quarantine/));
    const quarantine = join(dataDir, 'plan', 'quarantine');
    const files = readdirSync(quarantine);
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect([...readFileSync(join(quarantine, files.find((f) => f.endsWith('.bin'))!))]).toEqual([...broken]);
  });
});

describe('defect 3: a viewer blowing up memory', () => {
  it('refuses a presence state over the size limit, ignores a query flood, and closes a connection that does not read', async () => {
    const SECRET = 'a-test-secret';
    const r = await relay(['--secret', SECRET, '--max-buffered-bytes', '65536']);
    const viewerUrl = `${r.wsUrl}/plan?token=${token(SECRET, 'plan', 'viewer')}`;
    const big = (await raw(viewerUrl)).ws;
    const bigClosed = closeOf(big);
    big.send(presenceFrame([{ clientId: 1234, clock: 1, state: { user: { name: 'x'.repeat(1024 * 1024) } } }]));
    expect(await bigClosed).toBe(4413);

    const flooder = (await raw(viewerUrl)).ws;
    for (let i = 0; i < 300; i++) flooder.send(Uint8Array.of(3));
    await waitFor(async () => expect(await metric(r.url, 'coplan_presence_queries_ignored_total')).toBeGreaterThanOrEqual(290));

    // A connection that stops reading while an editor sends a lot is closed, not fed.
    const sleeper = (await raw(viewerUrl)).ws;
    const sleeperClosed = closeOf(sleeper);
    (sleeper as unknown as { _socket: { pause(): void } })._socket.pause();
    const editor = client(r, 'plan', { token: token(SECRET, 'plan', 'editor') });
    await waitFor(() => expect(editor.synced).toBe(true));
    for (let i = 0; i < 60; i++) editor.doc.getText('t').insert(0, 'y'.repeat(256 * 1024));
    await waitFor(async () => expect(await metric(r.url, 'coplan_closed_too_slow_total')).toBeGreaterThanOrEqual(1), 20_000);
    (sleeper as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await sleeperClosed).toBe(4508);
    expect((await fetch(r.url + '/healthz')).status).toBe(200);
  }, 40_000);
});

describe('defect 5: close codes stock clients recover from', () => {
  it('a client over the message rate is closed with a code it reconnects after, and every edit arrives', async () => {
    const r = await relay(['--messages-per-second', '20']);
    const fast = client(r, 'plan');
    const other = client(r, 'plan');
    await waitFor(() => expect(fast.synced && other.synced).toBe(true));
    const codes: number[] = [];
    fast.on('connection-close', (event: { code: number } | null) => event && codes.push(event.code));
    for (let i = 0; i < 600; i++) fast.doc.getText('t').insert(i, String(i % 10));
    await waitFor(() => expect(text(other)).toHaveLength(600), 30_000);
    expect(codes).toContain(4529);
    expect(text(other)).toBe(text(fast));
  }, 40_000);
});

describe('defect 6: presence spoofing', () => {
  it('a viewer cannot set or remove another connection’s presence', async () => {
    const SECRET = 'a-test-secret';
    const r = await relay(['--secret', SECRET]);
    const alice = client(r, 'plan', { token: token(SECRET, 'plan', 'editor') });
    const bob = client(r, 'plan', { token: token(SECRET, 'plan', 'editor') });
    alice.awareness.setLocalStateField('user', { name: 'Alice' });
    const aliceSeenByBob = () => bob.awareness.getStates().get(alice.doc.clientID) as { user?: { name: string } } | undefined;
    await waitFor(() => expect(aliceSeenByBob()?.user?.name).toBe('Alice'));
    const spoofer = (await raw(`${r.wsUrl}/plan?token=${token(SECRET, 'plan', 'viewer')}`)).ws;
    spoofer.send(presenceFrame([{ clientId: alice.doc.clientID, clock: 1_000_000, state: { user: { name: 'Mallory' } } }]));
    spoofer.send(presenceFrame([{ clientId: alice.doc.clientID, clock: 1_000_001, state: null }]));
    // The spoofer's own presence goes through, so we know its messages were read.
    spoofer.send(presenceFrame([{ clientId: 424242, clock: 1, state: { user: { name: 'Viewer' } } }]));
    await waitFor(() => expect((bob.awareness.getStates().get(424242) as { user?: { name: string } } | undefined)?.user?.name).toBe('Viewer'));
    expect(aliceSeenByBob()?.user?.name).toBe('Alice');
  });
});

describe('defect 7: access outliving the token', () => {
  it('closes an open connection when its token expires, and takes no edit after', async () => {
    const SECRET = 'a-test-secret';
    const r = await relay(['--secret', SECRET]);
    const watcher = client(r, 'plan', { token: token(SECRET, 'plan', 'editor', '1h') });
    const { ws } = await raw(`${r.wsUrl}/plan?token=${token(SECRET, 'plan', 'editor', '2s')}`);
    const closed = closeOf(ws);
    expect(await closed).toBe(4401);
    expect(await metric(r.url, 'coplan_closed_expired_total')).toBe(1);
    const late = new Y.Doc();
    late.getText('t').insert(0, 'after expiry');
    if (ws.readyState === WebSocket.OPEN) ws.send(updateFrame(Y.encodeStateAsUpdate(late)));
    watcher.doc.getText('t').insert(0, 'still open');
    await waitFor(() => expect(watcher.synced).toBe(true));
    const check = client(r, 'plan', { token: token(SECRET, 'plan', 'viewer') });
    await waitFor(() => expect(text(check)).toBe('still open'));
  });
});

describe('defect 8: plan ids that cannot be stored', () => {
  it('refuses an over-long id and "..", with a clear message and no stack trace', async () => {
    const r = await relay();
    const long = await raw(`${r.wsUrl}/${'a'.repeat(5000)}`);
    expect(long.status).toBe(400);
    expect(long.body).toMatch(/at most 128 characters/);
    // `..` never names a plan: the URL is normalised to `/` before it is read.
    expect((await upgrade(r.url, '/sync/%2E%2E')).status).toBe(404);
    const control = await upgrade(r.url, '/sync/a%0Ab');
    expect(control.status).toBe(400);
    expect(control.body).toMatch(/control characters/);
    // A long id in characters that encode long on disk is kept, not refused.
    const wide = client(r, 'é'.repeat(120));
    wide.doc.getText('t').insert(0, 'wide');
    const wide2 = client(r, 'é'.repeat(120));
    await waitFor(() => expect(text(wide2)).toBe('wide'));
    expect(r.output()).not.toMatch(/ERROR| {4}at /);
  });
});
