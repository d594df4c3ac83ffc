import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection, ConnectionEvent, ConnectionState, Transport } from '../src/state/transport.js';

/** One device's connection to a {@link MemoryRelay} room. */
class MemoryConnection implements Connection {
  readonly awareness: Awareness;
  private readonly listeners = new Set<(event: ConnectionEvent) => void>();
  private connected = false;
  private synced = false;
  private everConnected = false;

  constructor(
    private readonly room: Set<MemoryConnection>,
    readonly doc: Y.Doc,
  ) {
    this.awareness = new Awareness(doc);
    doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwareness);
  }

  get state(): ConnectionState {
    return { online: true, connected: this.connected, connecting: false, synced: this.synced, everConnected: this.everConnected };
  }

  on(listener: (event: ConnectionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Joins the room: both sides send what the other lacks, and who is here. */
  connect(): void {
    if (this.connected) return;
    this.connected = this.everConnected = true;
    for (const peer of this.room) {
      Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(this.doc)), peer);
      Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(peer.doc)), this);
      applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(peer.awareness, [peer.doc.clientID]), peer);
      applyAwarenessUpdate(peer.awareness, encodeAwarenessUpdate(this.awareness, [this.doc.clientID]), this);
    }
    this.room.add(this);
    this.synced = true;
    this.tell({ kind: 'state' });
    this.tell({ kind: 'synced' });
  }

  /** Leaves the room: partners are no longer here, edits wait on the device. */
  disconnect(): void {
    if (!this.connected) return;
    this.room.delete(this);
    this.connected = this.synced = false;
    removeAwarenessStates(
      this.awareness,
      [...this.awareness.getStates().keys()].filter((c) => c !== this.doc.clientID),
      this,
    );
    for (const peer of this.room) removeAwarenessStates(peer.awareness, [this.doc.clientID], this);
    this.tell({ kind: 'state' });
  }

  /** The relay closes this connection for good with `code`: it does not reconnect by itself. */
  closedByRelay(code: number): void {
    this.disconnect();
    this.tell({ kind: 'closed', code });
  }

  close(): void {
    this.disconnect();
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.listeners.clear();
  }

  private tell(event: ConnectionEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** An edit made here (not one that arrived from a partner) goes to everyone else in the room. */
  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.connected || origin instanceof MemoryConnection) return;
    for (const peer of this.room) if (peer !== this) Y.applyUpdate(peer.doc, update, this);
  };

  private readonly onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (!this.connected || origin instanceof MemoryConnection) return;
    const changed = [...added, ...updated, ...removed];
    for (const peer of this.room) if (peer !== this) applyAwarenessUpdate(peer.awareness, encodeAwarenessUpdate(this.awareness, changed), this);
  };
}

/**
 * A relay held in memory: sessions that open the same plan id are in one
 * room, and each edit and presence change made on one device reaches the
 * others, synchronously. A connection connects when opened, as the app's
 * relay transport does.
 */
export class MemoryRelay implements Transport {
  private readonly rooms = new Map<string, Set<MemoryConnection>>();

  open(planId: string, doc: Y.Doc): Connection {
    let room = this.rooms.get(planId);
    if (!room) this.rooms.set(planId, (room = new Set()));
    const connection = new MemoryConnection(room, doc);
    connection.connect();
    return connection;
  }

  /** Closes every connection to a plan for good with a close code (a taken-back link, say), as the relay does. */
  closeAll(planId: string, code: number): void {
    for (const connection of [...(this.rooms.get(planId) ?? [])]) connection.closedByRelay(code);
  }
}
