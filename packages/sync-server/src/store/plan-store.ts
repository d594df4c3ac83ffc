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
  /** Plan ids with anything stored. */
  planIds(): Promise<string[]>;
  close(): Promise<void>;
}

/** One plan as a store holds it. */
export interface StoredPlan {
  updates: Uint8Array[];
  /** Where unreadable stored bytes were moved, if any were found while loading. */
  quarantined: string[];
}
