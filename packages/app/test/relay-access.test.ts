import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlan } from '@coplan/core';
import { demoPlanInput } from '@coplan/seeds';
import { CLOSE, CLOSE_ADVICE } from '@coplan/sync-server/close-codes';
import { PlanSession } from '../src/state/plan-session.js';
import { RelayAccess } from '../src/state/relay-access.js';
import { SyncStatus } from '../src/state/sync-status.js';
import { MemoryRelay } from './memory-relay.js';
import { MemoryStore } from './memory-store.js';

const disconnects: Array<() => void> = [];
afterEach(() => {
  for (const d of disconnects.splice(0)) d();
});

/** A plan screen's state on a stand-in host: the session, what the relay allows, and the sync status. */
function screen(relay: MemoryRelay, store: MemoryStore) {
  const controllers: Array<{ hostConnected?(): void; hostDisconnected?(): void }> = [];
  const host = {
    addController: (c: (typeof controllers)[number]) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  const session = new PlanSession(host, { planId: 'lscp', user: { name: 'Ann', colour: '#1d70b8' }, store, transport: relay });
  const access = new RelayAccess(host, session, '');
  const sync = new SyncStatus(
    host,
    () => session,
    () => access.problem !== '',
  );
  access.subscribe(sync.update);
  for (const c of controllers) c.hostConnected?.();
  disconnects.push(() => {
    for (const c of controllers) c.hostDisconnected?.();
  });
  return { session, access, sync };
}

describe('RelayAccess: when the relay stops syncing for good', () => {
  it('says what happened and what to do, shows "not syncing", and connects again when asked', async () => {
    const doc = new Y.Doc();
    createPlan(doc, demoPlanInput, { user: 'Office' });
    const store = new MemoryStore();
    store.keep('lscp', Y.encodeStateAsUpdate(doc));
    const relay = new MemoryRelay();
    const { session, access, sync } = screen(relay, store);
    await expect.poll(() => session.plan !== null).toBe(true);
    expect(sync.state).toBe('synced');
    expect(access.role).toBe('editor');
    expect(access.readonly).toBe(false);

    relay.closeAll('lscp', CLOSE.accessRevoked);
    expect(access.problem).toBe(CLOSE_ADVICE[CLOSE.accessRevoked]);
    expect(sync.state).toBe('stopped');

    access.reconnect();
    expect(access.problem).toBe('');
    expect(sync.state).toBe('synced');

    // A code the app has no words of its own for is still explained.
    relay.closeAll('lscp', 4499);
    expect(access.problem).toBe('The server closed the connection (code 4499). Your changes are kept on this device; try again, or save a copy (Files → Save a .coplan file).');
    expect(sync.state).toBe('stopped');
  });
});
