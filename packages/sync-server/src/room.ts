import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { FileStore } from './file-store.js';
import type { Metrics } from './metrics.js';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Why a connection was closed, as WebSocket close codes a client can act on. */
export const CLOSE = {
  malformed: 4400,
  tooMany: 4429,
  shuttingDown: 1001,
} as const;

/** What the relay knows of one connection. */
export interface Peer {
  ws: WebSocket;
  role: 'editor' | 'viewer';
  /** Awareness client ids this connection has announced, to clear when it leaves. */
  awarenessIds: Set<number>;
}

const STORE_ORIGIN = { coplan: 'store' };
const COMPACT_BYTES = 1 << 20;
const AWARENESS_FLUSH_MS = 50;

/**
 * One plan being edited: its document, who is connected, and their presence.
 * The stored state is loaded before any message is answered; each update is
 * on disk before it is passed on.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Map<WebSocket, Peer>();
  private pendingAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  private compactScheduled = false;
  private unsaved = false;
  /** Updates applied but not yet on disk, and so not yet passed on. */
  private pending: Array<{ update: Uint8Array; origin: unknown }> = [];
  private flushing: Promise<void> | null = null;

  constructor(
    readonly planId: string,
    private readonly store: FileStore,
    private readonly metrics: Metrics,
    private readonly log: (message: string) => void,
  ) {
    this.awareness.setLocalState(null);
    for (const update of store.load(planId)) Y.applyUpdate(this.doc, update, STORE_ORIGIN);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === STORE_ORIGIN) return;
      this.pending.push({ update, origin });
      if (!this.flushing) void this.flush();
    });
    // Presence is batched: a 60-person room sends one message per flush per peer, not one per cursor move.
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const peer = this.peers.get(origin as WebSocket);
      if (peer) {
        for (const id of added) peer.awarenessIds.add(id);
        for (const id of removed) peer.awarenessIds.delete(id);
      }
      for (const id of [...added, ...updated, ...removed]) this.pendingAwareness.add(id);
      this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_FLUSH_MS);
    });
  }

  /** Welcomes a connection: sync step 1 and everyone's presence. */
  join(peer: Peer): void {
    this.peers.set(peer.ws, peer);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(peer.ws, encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) this.send(peer.ws, encodeAwareness(this.awareness, Array.from(states.keys())));
  }

  /** Handles one message; throws on a malformed one (the caller closes that connection only). */
  receive(peer: Peer, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
        this.send(peer.ws, encoding.toUint8Array(encoder));
      } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        if (peer.role === 'viewer') return; // a viewer's edits are never applied, stored or passed on
        Y.applyUpdate(this.doc, update, peer.ws);
      } else throw new Error(`unknown sync message type ${syncType}`);
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), peer.ws);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      this.send(peer.ws, encodeAwareness(this.awareness, Array.from(this.awareness.getStates().keys())));
    } else throw new Error(`unknown message type ${type}`);
  }

  /** Forgets a connection and its presence. */
  leave(ws: WebSocket): void {
    const peer = this.peers.get(ws);
    if (!peer) return;
    this.peers.delete(ws);
    if (peer.awarenessIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, Array.from(peer.awarenessIds), null);
  }

  /** Writes the whole state as one snapshot and empties the log, once no write is in flight. */
  async compact(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.compactScheduled = false;
    try {
      this.store.compact(this.planId, Y.encodeStateAsUpdate(this.doc));
      this.unsaved = false;
    } catch (e) {
      this.persistenceFailed(e);
    }
  }

  /** Whether some update could not be written and still waits for a successful compaction. */
  get hasUnsaved(): boolean {
    return this.unsaved;
  }

  destroy(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Group commit: everything that arrived while the last fsync ran goes to
   * disk in one write and one fsync, and only then to the other peers, in
   * order. Nobody receives an update the disk does not hold.
   */
  private flush(): Promise<void> {
    this.flushing = (async () => {
      while (this.pending.length) {
        const batch = this.pending.splice(0);
        const t0 = process.hrtime.bigint();
        try {
          const size = await this.store.append(this.planId, batch.map((b) => b.update));
          this.metrics.persisted(Number(process.hrtime.bigint() - t0) / 1e9);
          if (size > COMPACT_BYTES && !this.compactScheduled) {
            this.compactScheduled = true;
            setImmediate(() => void this.compact());
          }
        } catch (e) {
          // The updates stay in memory and every client keeps its own copy; a later compaction retries.
          this.unsaved = true;
          this.persistenceFailed(e);
        }
        for (const { update, origin } of batch) {
          const message = encodeUpdate(update);
          for (const peer of this.peers.values()) if (peer.ws !== origin) this.send(peer.ws, message);
        }
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private persistenceFailed(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.metrics.persistenceErrors++;
    this.log(`ERROR could not save plan "${this.planId}" to disk: ${message}. Edits are kept in memory and on every client; free disk space or fix permissions.`);
  }

  private flushAwareness(): void {
    this.awarenessTimer = null;
    const ids = Array.from(this.pendingAwareness);
    this.pendingAwareness.clear();
    if (ids.length === 0) return;
    const message = encodeAwareness(this.awareness, ids);
    for (const peer of this.peers.values()) this.send(peer.ws, message);
  }

  private send(ws: WebSocket, message: Uint8Array): void {
    if (ws.readyState !== ws.OPEN) return;
    this.metrics.messagesOut++;
    this.metrics.bytesOut += message.length;
    ws.send(message, (err) => {
      if (err) ws.terminate();
    });
  }
}

function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function encodeAwareness(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, ids));
  return encoding.toUint8Array(encoder);
}
