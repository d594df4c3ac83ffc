import type * as Y from 'yjs';

/**
 * Where this device keeps its copy of each plan, so it opens offline and
 * survives a closed tab. In the app it is IndexedDB ({@link IndexedDbStore});
 * a test gives the session one held in memory.
 */
export interface LocalStore {
  /** Starts keeping `doc` as the plan `planId`, loading what this device already holds of it into the doc. */
  open(planId: string, doc: Y.Doc): StoredPlan;
}

/** One plan kept by a {@link LocalStore}. */
export interface StoredPlan {
  /** Resolves once what the device held is in the doc; rejects when the device cannot keep the plan at all. */
  readonly loaded: Promise<void>;
  /** Calls `listener` when keeping the plan fails later (a full disk). */
  onFailure(listener: (error: unknown) => void): void;
  /** Stops keeping the doc (the plan was closed); what is pending is kept first. */
  close(): void;
}
