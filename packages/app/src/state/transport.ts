import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * How a plan reaches partners' devices. In the app it is the relay over
 * y-websocket ({@link RelayTransport}); a test gives sessions one that passes
 * updates between them in memory.
 */
export interface Transport {
  /**
   * Starts syncing `doc` as the plan `planId` with everyone else who has it open.
   * While `loading` (the device's copy going into the doc) is pending, the doc's
   * updates need not be sent one by one: syncing exchanges them.
   */
  open(planId: string, doc: Y.Doc, loading?: Promise<unknown>): Connection;
}

/** Where one plan's connection is, as a sync status needs it. */
export interface ConnectionState {
  /** The device says it has a network (the browser's `navigator.onLine`). */
  online: boolean;
  connected: boolean;
  connecting: boolean;
  /** Connected, and both sides have each other's changes. */
  synced: boolean;
  /** Whether it has ever been connected since the plan opened. */
  everConnected: boolean;
}

/**
 * What happened to a connection: its state changed; it synced; the relay
 * refused it before it opened (ask the relay why); or the relay closed it for
 * good with a code (4400–4499) after which it does not reconnect by itself.
 */
export type ConnectionEvent = { kind: 'state' } | { kind: 'synced' } | { kind: 'refused' } | { kind: 'closed'; code: number };

/** One plan's connection to partners. */
export interface Connection {
  /** Who else is in the plan, and where (shared with them as they are with us). */
  readonly awareness: Awareness;
  readonly state: ConnectionState;
  /** Calls `listener` for each {@link ConnectionEvent}; returns the way to stop. */
  on(listener: (event: ConnectionEvent) => void): () => void;
  /** Connects (again), for instance once the person has a new link. */
  connect(): void;
  /** Stops connecting; edits wait on the device. */
  disconnect(): void;
  /** Closes the connection for good (the plan was closed). */
  close(): void;
}
