import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlan, hasPlan, listActions, openPlan, type Plan } from '@coplan/core';
import { demoPlanInput } from '@coplan/seeds';
import { connect, startRelayProcess, waitFor, type RelayProcess } from '../../packages/sync-server/test/relay-process.js';
import type { WebsocketProvider } from 'y-websocket';

/**
 * The core and the relay together, as partners use them: plans opened over
 * stock y-websocket providers on a real relay process.
 */
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function partner(relay: RelayProcess, planId: string, user: string): Promise<{ plan: Plan; provider: WebsocketProvider }> {
  const provider = connect(relay, planId, { doc: new Y.Doc() });
  cleanup.push(() => provider.destroy());
  await waitFor(() => expect(provider.synced && hasPlan(provider.doc)).toBe(true));
  return { plan: openPlan(provider.doc, { user }), provider };
}

describe('plans over the relay', () => {
  it('a demo plan is served, edited by two partners at once, and converges', async () => {
    const relay = await startRelayProcess(['--demo']);
    cleanup.push(() => relay.stop('SIGKILL'));
    const alice = await partner(relay, 'demo', 'Alice');
    const bob = await partner(relay, 'demo', 'Bob');
    const s = alice.plan.snapshot();
    expect(listActions(s).length).toBe(51);
    const first = s.priorities[0]!.objectives[0]!;
    alice.plan.delete('objective', first.id);
    const added = bob.plan.create('action', { text: 'Added by Bob during the workshop' }, { parentId: first.id });
    bob.plan.editText('plan', '', 'title', 0, 0, 'Draft: ');
    await waitFor(() => expect(alice.plan.snapshot()).toEqual(bob.plan.snapshot()));
    const final = alice.plan.snapshot();
    expect(final.title).toBe('Draft: LSCB Business Plan 2015/16');
    const entry = final.bin.find((b) => b.id === first.id)!;
    expect(entry.contains.find((c) => c.id === added)?.addedAfterDelete).toBe(true);
  });

  it('a partner offline keeps working, and both converge on reconnecting', async () => {
    const relay = await startRelayProcess();
    cleanup.push(() => relay.stop('SIGKILL'));
    const seedDoc = new Y.Doc();
    const seeded = createPlan(seedDoc, demoPlanInput, { planId: 'p' });
    const seeder = connect(relay, 'p', { doc: seedDoc });
    cleanup.push(() => seeder.destroy());
    await waitFor(() => expect(seeder.synced).toBe(true));
    const office = await partner(relay, 'p', 'Business manager');
    const tablet = await partner(relay, 'p', 'Sub-group chair');
    tablet.provider.disconnect();
    const action = listActions(tablet.plan.snapshot())[0]!.action;
    tablet.plan.create('progress', { date: '2016-01-15', author: 'Sub-group chair', rag: 'amber', narrative: 'Written on the train' }, { parentId: action.id });
    office.plan.update('action', action.id, { status: 'in-progress' });
    // The office's edit has been round the relay (the seeder has it), and the offline tablet's has not.
    await waitFor(() => expect(listActions(seeded.snapshot())[0]!.action.status).toBe('in-progress'));
    expect(listActions(office.plan.snapshot())[0]!.action.updates).toHaveLength(0);
    tablet.provider.connect();
    await waitFor(() => expect(office.plan.snapshot()).toEqual(tablet.plan.snapshot()));
    const merged = listActions(office.plan.snapshot())[0]!.action;
    expect(merged.status).toBe('in-progress');
    expect(merged.rag).toBe('amber');
    expect(merged.updates[0]!.narrative).toBe('Written on the train');
  });
});
