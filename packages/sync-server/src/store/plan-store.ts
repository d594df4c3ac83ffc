/**
 * Where a relay keeps its plans. The relay calls one plan's methods one at a
 * time (never two appends at once, never an append during a compaction), so
 * a store needs no locking of its own within one relay.
 *
 * The contract every store keeps, checked by `test/store-acceptance.ts`:
 * - `append` resolves only once the updates would survive `kill -9` or a
 *   power cut; if it rejects, what is stored is exactly what was stored before.
 * - `compact` replaces a plan's stored updates with one state atomically: a
 *   crash leaves either the old updates or the new state.
 * - `load` returns what was stored, oldest first; data it cannot read is moved
 *   aside (never deleted) and reported in `quarantined`.
 */
export interface PlanStore {
  /** Everything stored for a plan, oldest first; empty for a plan never stored. */
  load(planId: string): Promise<StoredPlan>;
  /** Stores updates durably, in one write where it can; resolves with the bytes appended since the last compaction. */
  append(planId: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces a plan's stored updates with one state, atomically. */
  compact(planId: string, state: Uint8Array): Promise<void>;
  /** Keeps stored data that could not be applied somewhere a person can find it, with why. */
  quarantine(planId: string, data: Uint8Array[], reason: string): Promise<string>;
  /** The relay has unloaded this plan: let go of what is held open for it (files, connections). */
  forget(planId: string): Promise<void>;
  /** Whether anything is stored for a plan. */
  has(planId: string): Promise<boolean>;
  /** Plan ids with anything stored. */
  planIds(): Promise<string[]>;
  close(): Promise<void>;
  /**
   * For stores several relays share: calls `onUpdates` with updates other
   * relays stored for a plan this relay has loaded (already stored: the relay
   * applies them and passes them on, and does not store them again).
   */
  subscribe?(planId: string, onUpdates: (updates: Uint8Array[]) => void, onPresence?: (update: Uint8Array) => void): () => void;
  /** For stores several relays share: passes a presence (awareness) update to the other relays serving the plan; never stored. */
  publishPresence?(planId: string, update: Uint8Array): Promise<void>;
  /** Whether the store can be reached now, for `/healthz`. */
  health?(): Promise<StoreHealth>;
  /** The store's own figures for `/metrics`. */
  metrics?(): Array<{ name: string; type: 'gauge' | 'counter'; help: string; value: number }>;
}

/** What `/healthz` says of a store. */
export interface StoreHealth {
  ok: boolean;
  detail: string;
}

/** One plan as a store holds it. */
export interface StoredPlan {
  updates: Uint8Array[];
  /** Where unreadable stored bytes were moved, if any were found while loading. */
  quarantined: string[];
}
