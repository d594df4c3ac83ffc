import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { forgetPlan } from './device-plans.js';
import { deleteOutlinePreview } from './outline-preview-store.js';

/**
 * Whether the relay has everything this device holds of a plan: opens the
 * local copy, syncs it with the relay (which sends the relay anything it
 * lacks), and answers true only if that completes in time.
 */
export async function relayHasLocalCopy(planId: string, token: string | undefined, timeoutMs = 4000): Promise<boolean> {
  const doc = new Y.Doc();
  const idb = new IndexeddbPersistence(`coplan-plan:${planId}`, doc);
  await idb.whenSynced;
  const relay = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
  const provider = new WebsocketProvider(relay, planId, doc, { params: token ? { token } : {} });
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      provider.once('sync', (synced: boolean) => {
        clearTimeout(timer);
        // Give the relay a moment to take what the sync sent it.
        setTimeout(() => resolve(synced && provider.wsconnected), 300);
      });
    });
  } finally {
    provider.destroy();
    await idb.destroy();
  }
}

/** Deletes this device's copy of a plan (IndexedDB and the list). The relay's copy is untouched. */
export async function deleteLocalCopy(planId: string): Promise<void> {
  const doc = new Y.Doc();
  const idb = new IndexeddbPersistence(`coplan-plan:${planId}`, doc);
  await idb.whenSynced;
  await idb.clearData();
  // Its outline's words, kept for a quick reload, go with it.
  await deleteOutlinePreview(planId).catch(() => undefined);
  forgetPlan(planId);
}
