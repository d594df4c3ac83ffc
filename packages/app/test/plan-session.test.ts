import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlan } from '@coplan/core';
import { demoPlanInput } from '@coplan/seeds';
import { PlanSession } from '../src/state/plan-session.js';
import { Presence } from '../src/state/presence.js';
import { SyncStatus } from '../src/state/sync-status.js';
import { MemoryRelay } from './memory-relay.js';
import { MemoryStore } from './memory-store.js';

/** A stand-in for a component: controllers need only addController and requestUpdate. */
class Host {
  updates = 0;
  readonly controllers: Array<{ hostConnected?(): void; hostDisconnected?(): void }> = [];
  addController(c: { hostConnected?(): void; hostDisconnected?(): void }): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  readonly updateComplete = Promise.resolve(true);
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

const open: Host[] = [];
afterEach(() => {
  for (const host of open.splice(0)) host.disconnect();
});

/** A session on a device (its store) connected through `relay`, its host connected. */
function session(store: MemoryStore, relay: MemoryRelay, name: string, planId = 'lscp') {
  const host = new Host();
  const s = new PlanSession(host, { planId, user: { name, colour: '#1d70b8' }, store, transport: relay });
  const presence = new Presence(host, () => s);
  const sync = new SyncStatus(
    host,
    () => s,
    () => false,
  );
  host.connect();
  open.push(host);
  return { host, session: s, presence, sync };
}

/** A device that has had the demo plan before. */
function deviceWithDemoPlan(planId = 'lscp'): MemoryStore {
  const doc = new Y.Doc();
  createPlan(doc, demoPlanInput, { user: 'Office' });
  const store = new MemoryStore();
  store.keep(planId, Y.encodeStateAsUpdate(doc));
  return store;
}

async function until(condition: () => boolean): Promise<void> {
  await expect.poll(condition, { timeout: 2000, interval: 5 }).toBe(true);
}

describe('PlanSession with the storage and transport given to it', () => {
  it('opens the plan from the device, syncs it to a partner through the transport, and both see each other’s edits and each other', async () => {
    const relay = new MemoryRelay();
    const ann = session(deviceWithDemoPlan(), relay, 'Ann');
    await until(() => ann.session.plan !== null);
    const bob = session(new MemoryStore(), relay, 'Bob');
    await until(() => bob.session.plan !== null);
    expect(bob.session.plan!.snapshot().title).toBe(ann.session.plan!.snapshot().title);

    const action = ann.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    ann.session.plan!.editText('action', action.id, 'text', 0, 0, 'Agreed: ');
    const bobsAction = bob.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    expect(bobsAction.text).toBe(`Agreed: ${action.text}`);
    bob.session.plan!.update('action', action.id, { status: 'complete' });
    expect(ann.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!.status).toBe('complete');

    expect(ann.presence.people.map((p) => p.name).sort()).toEqual(['Ann', 'Bob']);
    expect(bob.presence.people.map((p) => p.name).sort()).toEqual(['Ann', 'Bob']);
    expect(ann.sync.state).toBe('synced');
  });

  it('reopens from the device’s store with what was typed offline, and sends it on reconnecting', async () => {
    const relay = new MemoryRelay();
    const store = deviceWithDemoPlan();
    const ann = session(store, relay, 'Ann');
    const bob = session(new MemoryStore(), relay, 'Bob');
    await until(() => ann.session.plan !== null && bob.session.plan !== null);

    ann.session.connection!.disconnect();
    expect(ann.sync.state).toBe('offline');
    expect(bob.presence.people.map((p) => p.name)).toEqual(['Bob']);
    const action = ann.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    ann.session.plan!.editText('action', action.id, 'text', action.text.length, 0, ' (typed offline)');
    expect(bob.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!.text).toBe(action.text);
    // The page is closed offline, then opened again on the same device.
    ann.host.disconnect();
    open.splice(open.indexOf(ann.host), 1);
    const again = session(store, new MemoryRelay(), 'Ann');
    await until(() => again.session.plan !== null);
    expect(again.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!.text).toBe(`${action.text} (typed offline)`);

    // Back with partners: the edit reaches them.
    const back = session(store, relay, 'Ann');
    await until(() => back.session.plan !== null);
    expect(bob.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!.text).toBe(`${action.text} (typed offline)`);
  });

  it('says so when neither the device nor the relay holds a plan at this address', async () => {
    const lost = session(new MemoryStore(), new MemoryRelay(), 'Ann', 'no-such-plan');
    await until(() => lost.session.problem !== '');
    expect(lost.session.problem).toBe('There is no plan at this address yet. Check the link, or ask for a new one.');
    expect(lost.session.plan).toBeNull();
    expect(lost.sync.state).toBe('loading');
  });

  it('says plainly when the device cannot keep the plan, and keeps syncing while connected', async () => {
    const relay = new MemoryRelay();
    const ann = session(deviceWithDemoPlan(), relay, 'Ann');
    await until(() => ann.session.plan !== null);
    const full = new MemoryStore(64);
    const bob = session(full, relay, 'Bob');
    await until(() => bob.session.plan !== null);
    const action = bob.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!;
    bob.session.plan!.editText('action', action.id, 'text', 0, 0, 'Now: ');
    expect(bob.session.storageProblem).toMatch(/^This device cannot keep a copy of this plan \(the store is full: \d+ bytes, 64 allowed\)\. .*Free some space or allow storage for this site\.$/);
    expect(ann.session.plan!.snapshot().priorities[0]!.objectives[0]!.actions[0]!.text).toBe(`Now: ${action.text}`);
  });

  it('tells its followers when the plan opens, and its host’s status re-renders only when the status changes', async () => {
    const relay = new MemoryRelay();
    const ann = session(deviceWithDemoPlan(), relay, 'Ann');
    let told = 0;
    ann.session.subscribe(() => told++);
    await until(() => ann.session.plan !== null);
    expect(told).toBe(1);
    expect(ann.sync.state).toBe('synced');
    const updates = ann.host.updates;
    ann.sync.update();
    expect(ann.host.updates).toBe(updates);
    ann.session.connection!.disconnect();
    expect(ann.sync.state).toBe('offline');
    ann.session.connection!.connect();
    expect(ann.sync.state).toBe('synced');
  });
});
