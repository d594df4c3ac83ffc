import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor, type RelayProcess } from './relay-process.js';
import { client, relay, text } from './per-test.js';
import { usePostgres } from './use-postgres.js';
import { startBalancer } from './tcp-balancer.js';

const postgres = usePostgres();
const database = postgres.database;
const stopLater: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of stopLater.splice(0).reverse()) await f();
});

const emptyDir = () => mkdtempSync(join(tmpdir(), 'coplan-pg-relay-'));
const pgRelay = (url: string) => relay(['--database-url', url], emptyDir());
const metric = async (r: RelayProcess, name: string) => Number(new RegExp(`^${name} ([\\d.e-]+)$`, 'm').exec(await (await fetch(r.url + '/metrics')).text())?.[1] ?? NaN);

/** A stock client that connects through the balancer. */
function behind(port: number, planId: string, doc = new Y.Doc()): WebsocketProvider {
  const p = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, planId, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, maxBackoffTime: 500 });
  stopLater.push(async () => p.destroy());
  return p;
}

describe('relays on PostgreSQL', () => {
  it('creates its schema, says in /healthz that the database is reachable, and reports its latency in /metrics', async () => {
    const r = await pgRelay(await database());
    const health = await fetch(r.url + '/healthz');
    expect(health.status).toBe(200);
    expect(await health.text()).toMatch(/database reachable \([\d.]+ ms\)/);
    expect(await metric(r, 'coplan_database_latency_seconds')).toBeGreaterThan(0);
    expect(await metric(r, 'coplan_database_listening')).toBe(1);
  });

  it('two relays on one database carry edits between stock clients on each, committed before anyone receives them', async () => {
    const url = await database();
    const [a, b] = await Promise.all([pgRelay(url), pgRelay(url)]);
    const onA = client(a, 'workshop');
    const onB = client(b, 'workshop');
    await waitFor(() => expect(onA.synced && onB.synced).toBe(true));
    onA.doc.getText('t').insert(0, 'from A');
    await waitFor(() => expect(text(onB)).toBe('from A'));
    onB.doc.getText('t').insert(6, ', and B');
    await waitFor(() => expect(text(onA)).toBe('from A, and B'));
    // Forty edits from each side at once.
    for (let i = 0; i < 40; i++) {
      onA.doc.getText('a').insert(0, 'a');
      onB.doc.getText('b').insert(0, 'b');
    }
    await waitFor(() => expect([onA.doc.getText('b').length, onB.doc.getText('a').length]).toEqual([40, 40]));
  });

  it('two relays carry presence too: each sees the other’s people arrive, move and leave, and nobody on one can speak for someone on the other', async () => {
    const url = await database();
    const [a, b] = await Promise.all([pgRelay(url), pgRelay(url)]);
    const alice = client(a, 'plan');
    const bob = client(b, 'plan');
    await waitFor(() => expect(alice.synced && bob.synced).toBe(true));
    const nameOf = (seer: typeof alice, who: typeof alice) => (seer.awareness.getStates().get(who.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name;
    alice.awareness.setLocalStateField('user', { name: 'Alice' });
    bob.awareness.setLocalStateField('user', { name: 'Bob' });
    await waitFor(() => expect([nameOf(bob, alice), nameOf(alice, bob)]).toEqual(['Alice', 'Bob']));
    alice.awareness.setLocalStateField('user', { name: 'Alice (typing)' });
    await waitFor(() => expect(nameOf(bob, alice)).toBe('Alice (typing)'));
    // Someone on B claims to be Alice: B keeps Alice as A says she is.
    const mallory = client(b, 'plan');
    await waitFor(() => expect(mallory.synced).toBe(true));
    const { presenceFrame } = await import('./frames.js');
    mallory.ws!.send(presenceFrame([{ clientId: alice.doc.clientID, clock: 1_000_000, state: { user: { name: 'Mallory' } } }]));
    mallory.awareness.setLocalStateField('user', { name: 'Mallory herself' });
    await waitFor(() => expect(nameOf(alice, mallory)).toBe('Mallory herself'));
    expect(nameOf(bob, alice)).toBe('Alice (typing)');
    alice.destroy();
    await waitFor(() => expect(bob.awareness.getStates().has(alice.doc.clientID)).toBe(false));
  });

  it('a relay killed mid-workshop: its clients reconnect through the balancer to the other, nothing anyone received is lost, and a new relay with an empty data directory reads it all', async () => {
    const url = await database();
    const relays = [await pgRelay(url), await pgRelay(url)];
    const alive = new Set(relays);
    const balancer = await startBalancer(() => [...alive].map((r) => Number(new URL(r.url).port)));
    stopLater.push(() => balancer.close());
    const people = Array.from({ length: 10 }, () => behind(balancer.port, 'workshop'));
    await waitFor(() => expect(people.every((p) => p.synced)).toBe(true));
    const typeRound = (round: number) => people.forEach((p, i) => p.doc.getArray<string>('lines').push([`${round}:${i}`]));
    typeRound(0);
    await waitFor(() => expect(people.every((p) => p.doc.getArray('lines').length === 10)).toBe(true));
    typeRound(1);
    await relays[0]!.stop('SIGKILL');
    alive.delete(relays[0]!);
    typeRound(2);
    await waitFor(() => expect(people.every((p) => p.doc.getArray('lines').length === 30)).toBe(true), 20_000);
    const seen = people[0]!.doc.getArray<string>('lines').toArray().sort();

    // Stop every relay; a third with an empty data directory has every plan from the database.
    await relays[1]!.stop('SIGKILL');
    const third = await pgRelay(url);
    const reader = client(third, 'workshop');
    await waitFor(() => expect(reader.doc.getArray<string>('lines').toArray().sort()).toEqual(seen));
  }, 60_000);

  it('the database restarted under load: errors in the log and /metrics, clients keep their copies, nothing is lost, and the relay recovers by itself', async () => {
    const url = await database();
    const [a, b] = await Promise.all([pgRelay(url), pgRelay(url)]);
    const onA = client(a, 'plan');
    const onB = client(b, 'plan');
    await waitFor(() => expect(onA.synced && onB.synced).toBe(true));
    let typed = 0;
    const typing = setInterval(() => onA.doc.getArray('n').push([typed++]), 20);
    stopLater.push(async () => clearInterval(typing));
    await waitFor(() => expect(onB.doc.getArray('n').length).toBeGreaterThan(10));
    await postgres.cluster().crash();
    await waitFor(async () => expect(await metric(a, 'coplan_persistence_errors_total')).toBeGreaterThan(0));
    expect((await fetch(a.url + '/healthz')).status).toBe(503);
    expect(await metric(a, 'coplan_plans_unsaved')).toBe(1);
    await postgres.cluster().start();
    clearInterval(typing);
    const total = typed;
    // A's clients kept everything; once the database is back the relay writes it, and B's clients get it all.
    await waitFor(async () => expect(await metric(a, 'coplan_plans_unsaved')).toBe(0), 30_000);
    await waitFor(() => expect(onB.doc.getArray('n').length).toBe(total), 30_000);
    expect((await fetch(a.url + '/healthz')).status).toBe(200);
    expect(a.output()).toMatch(/ERROR could not save plan "plan"/);
    expect(a.output()).toMatch(/saved again/);
    await waitFor(async () => expect(await metric(b, 'coplan_database_listening')).toBe(1));
    // And a fresh relay reads the whole plan from the database.
    const c = await pgRelay(url);
    const reader = client(c, 'plan');
    await waitFor(() => expect(reader.doc.getArray('n').length).toBe(total));
  }, 90_000);
});
