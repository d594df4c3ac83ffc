import * as Y from 'yjs';
import type { LocalStore, StoredPlan } from '../src/state/local-store.js';

/**
 * A device's store held in memory: each plan's updates, merged, under its
 * id, so a session closed and opened again finds what it left. With a quota
 * (bytes), it stops keeping a plan that outgrows it and says so, as a full
 * disk does.
 */
export class MemoryStore implements LocalStore {
  private readonly plans = new Map<string, Uint8Array>();

  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}

  /** What the store holds of a plan, as one update (empty when nothing). */
  held(planId: string): Uint8Array {
    return this.plans.get(planId) ?? Y.encodeStateAsUpdate(new Y.Doc());
  }

  /** Puts a plan on the device, as if it had been opened here before. */
  keep(planId: string, update: Uint8Array): void {
    this.plans.set(planId, Y.mergeUpdates([this.held(planId), update]));
  }

  open(planId: string, doc: Y.Doc): StoredPlan {
    const failures = new Set<(error: unknown) => void>();
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === this) return;
      const next = Y.mergeUpdates([this.held(planId), update]);
      if (next.length > this.quota) {
        const full = new Error(`the store is full: ${next.length} bytes, ${this.quota} allowed`);
        full.name = 'QuotaExceededError';
        for (const listener of failures) listener(full);
        return;
      }
      this.plans.set(planId, next);
    };
    const loaded = Promise.resolve().then(() => {
      Y.applyUpdate(doc, this.held(planId), this);
      doc.on('update', onUpdate);
    });
    return {
      loaded,
      onFailure: (listener) => void failures.add(listener),
      close: () => doc.off('update', onUpdate),
    };
  }
}
