import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { keepPendingSettled } from '@coplan/core';
import * as Y from 'yjs';
import { CLOSE } from './close-codes.js';
import { Refused, type RelayLimits } from './limits.js';
import type { Metrics } from './metrics.js';
import { filterPresence } from './presence-guard.js';
import type { PlanStore } from './store/plan-store.js';
import type { Role } from './tokens.js';
import { checkUpdate, watchNesting } from './update-guard.js';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** What the relay knows of one connection. */
export interface Peer {
  ws: WebSocket;
  role: Role;
  /** Presence client ids this connection owns: only it may set or remove them. */
  presenceIds: Set<number>;
  /** When this connection last asked for everyone's presence (ms). */
  lastPresenceQuery: number;
  /** Asks the connection to prove it is alive, and drops it if it does not answer within seconds. */
  probe(): void;
  /** Drops the connection if it did not answer the last heartbeat, else pings it. */
  heartbeat(): void;
}

/** What a room needs from the relay around it. */
export interface RoomContext {
  store: PlanStore;
  metrics: Metrics;
  limits: RelayLimits;
  log: (line: string) => void;
  /** Called when the room's document can no longer be trusted: the relay closes its connections and unloads it. */
  onFailed?: (room: Room) => void;
}

const STORE_ORIGIN = { coplan: 'store' };
/** Updates another relay stored: applied and passed on here, not stored again. */
const REMOTE_ORIGIN = { coplan: 'another relay' };
/** Presence from people on other relays: its ids belong to none of this relay's connections. */
const REMOTE_PRESENCE: Peer = {
  ws: null as unknown as WebSocket,
  role: 'viewer',
  presenceIds: new Set(),
  lastPresenceQuery: 0,
  probe: () => undefined,
  heartbeat: () => undefined,
};
const COMPACT_BYTES = 1 << 20;
const AWARENESS_FLUSH_MS = 50;
const PRESENCE_QUERY_INTERVAL_MS = 1000;
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * One plan being edited: its document, who is connected, and their presence.
 * Its stored state is loaded before it exists (`Room.open`); each update is
 * on disk before it is passed on. An update that fails to apply, or nests
 * deeper than the limit, is never stored or passed on: the document is
 * rebuilt from what is stored and its sender is closed.
 */
export class Room {
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  readonly peers = new Map<WebSocket, Peer>();
  private presenceOwners = new Map<number, Peer>();
  private pendingAwareness = new Set<number>();
  /** Presence changed by this relay's own connections since the last flush: other relays are told of it. */
  private outgoingPresence = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** Updates applied but not yet stored, and so not yet passed on. */
  private pending: Array<{ update: Uint8Array; origin: unknown }> = [];
  /** Updates being written now. */
  private inFlight: Uint8Array[] = [];
  /** Updates the store refused (a full disk): kept until a whole-plan write succeeds. */
  private unsaved: Uint8Array[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay = RETRY_FIRST_MS;
  private flushing: Promise<void> | null = null;
  /** Updates accepted from connections so far, and how many of them the store has been through: a joining peer's sync waits for the first to reach the second. */
  private appliedCount = 0;
  private storedCount = 0;
  private syncWaiters: Array<{ upTo: number; answer: () => void }> = [];
  private compactScheduled = false;
  /** Store operations run one at a time, in order. */
  private lane: Promise<unknown> = Promise.resolve();
  /** Set while the document is rebuilt; messages wait in `backlog`. */
  private rebuilding: Promise<void> | null = null;
  private backlog: Array<() => void> = [];
  /** Set from a failed apply until the rebuild: the document must not be stored meanwhile. */
  private broken = false;
  private compactAfterRebuild = false;
  private captured: Uint8Array[] | null = null;
  private nesting!: ReturnType<typeof watchNesting>;
  private destroyed = false;
  private unsubscribe: (() => void) | null = null;
  private stopSettling: (() => void) | null = null;
  /** Set when the room could not be rebuilt: nothing more is applied or stored. */
  private failed = false;

  private constructor(
    readonly planId: string,
    private doc: Y.Doc,
    private readonly ctx: RoomContext,
  ) {
    this.awareness.setLocalState(null);
    this.attach(doc);
    // Presence is batched: a 60-person room sends one message per flush per peer, not one per cursor move.
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      for (const id of [...added, ...updated, ...removed]) this.pendingAwareness.add(id);
      if (origin === REMOTE_PRESENCE) {
        for (const id of [...added, ...updated]) this.presenceOwners.set(id, REMOTE_PRESENCE);
      } else if (origin !== 'timeout') for (const id of [...added, ...updated, ...removed]) this.outgoingPresence.add(id);
      // Presence that timed out or was removed frees its id (a person who moved relays can take it again).
      for (const id of removed) if (this.presenceOwners.get(id) === REMOTE_PRESENCE) this.presenceOwners.delete(id);
      this.awarenessTimer ??= setTimeout(() => this.flushAwareness(), AWARENESS_FLUSH_MS);
    });
  }

  /**
   * Loads a plan's stored state into a room. Stored updates that fail to apply
   * are moved to the store's quarantine and left out, the rest is kept, and
   * the log says so; a plan never fails to open because of one bad record.
   */
  static async open(planId: string, ctx: RoomContext): Promise<Room> {
    const stored = await ctx.store.load(planId);
    for (const where of stored.quarantined) {
      ctx.metrics.quarantined++;
      ctx.log(`WARNING plan "${planId}": stored bytes that could not be read were moved to ${where}.`);
    }
    const { doc, bad } = buildDoc(stored.updates);
    const room = new Room(planId, doc, ctx);
    room.unsubscribe =
      ctx.store.subscribe?.(
        planId,
        (updates) => room.receiveStored(updates),
        (update) => room.receivePresence(update),
      ) ?? null;
    if (bad.length) {
      ctx.metrics.quarantined += bad.length;
      try {
        const where = await ctx.store.quarantine(
          planId,
          bad.map((b) => b.update),
          `stored updates that failed to apply: ${bad.map((b) => b.error).join('; ')}`,
        );
        ctx.log(`WARNING plan "${planId}": ${bad.length} stored update(s) failed to apply and were moved to ${where}; the rest of the plan is loaded.`);
        await room.compact();
      } catch (e) {
        // They stay where they are, left out again at the next load; the plan opens all the same.
        ctx.log(`WARNING plan "${planId}": ${bad.length} stored update(s) failed to apply and are left out; they could not be moved aside (${e instanceof Error ? e.message : e}).`);
      }
    }
    return room;
  }

  /** The plan's current state as one update. */
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }

  /** Welcomes a connection: sync step 1 and everyone's presence. */
  join(peer: Peer): void {
    this.peers.set(peer.ws, peer);
    if (this.rebuilding) return void this.backlog.push(() => this.greet(peer));
    this.greet(peer);
  }

  /** Handles one message. A message that breaks the rules closes its sender's connection only. */
  receive(peer: Peer, data: Uint8Array): void {
    if (!this.peers.has(peer.ws) || peer.ws.readyState !== peer.ws.OPEN || this.failed) return; // it left, or was refused, while its message waited
    if (this.rebuilding) return void this.backlog.push(() => this.receive(peer, data));
    try {
      this.handle(peer, data);
    } catch (e) {
      const refused = e instanceof Refused ? e : new Refused(CLOSE.malformed, `a malformed message (${e instanceof Error ? e.message : e})`);
      this.ctx.metrics.closedForBadInput++;
      this.ctx.log(`Closed a connection to plan "${this.planId}": ${refused.message}.`);
      peer.ws.close(refused.code, refused.code === CLOSE.malformed ? 'malformed message' : 'refused: over the relay limits');
    }
  }

  /**
   * Applies updates another relay stored for this plan and passes on to this
   * relay's connections whatever they add (they are already stored).
   */
  receiveStored(updates: Uint8Array[]): void {
    if (this.rebuilding) return void this.backlog.push(() => this.receiveStored(updates));
    if (this.failed || this.destroyed) return;
    const captured: Uint8Array[] = [];
    this.captured = captured;
    try {
      for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (e) {
      this.ctx.log(`ERROR plan "${this.planId}": an update from another relay failed to apply (${e instanceof Error ? e.message : e}); rebuilding from the store.`);
      this.broken = true;
      this.rebuild();
      return;
    } finally {
      this.captured = null;
    }
    this.nesting.tooDeep(); // checked where it was received
    for (const update of captured) {
      const message = encodeUpdate(update);
      for (const peer of this.peers.values()) this.send(peer, message);
    }
  }

  /** Applies presence from people on other relays, and passes it to this relay's connections. */
  receivePresence(update: Uint8Array): void {
    if (this.destroyed) return;
    try {
      // A person connected here is this relay's to speak for: another relay's word on their id is dropped.
      const { update: theirs } = filterPresence(
        update,
        REMOTE_PRESENCE,
        { ownerOf: (id) => this.presenceOwners.get(id), idsOf: () => new Set() },
        { ...this.ctx.limits, maxPresenceIdsPerConnection: Number.MAX_SAFE_INTEGER },
      );
      if (theirs) awarenessProtocol.applyAwarenessUpdate(this.awareness, theirs, REMOTE_PRESENCE);
    } catch (e) {
      this.ctx.log(`WARNING plan "${this.planId}": presence from another relay could not be read (${e instanceof Error ? e.message : e}).`);
    }
  }

  /** Forgets a connection and its presence. */
  leave(ws: WebSocket): void {
    const peer = this.peers.get(ws);
    if (!peer) return;
    this.peers.delete(ws);
    for (const id of peer.presenceIds) if (this.presenceOwners.get(id) === peer) this.presenceOwners.delete(id);
    if (peer.presenceIds.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.presenceIds], null);
  }

  /** Writes the whole state as one snapshot and empties the log. Resolves with whether the store took it. */
  compact(): Promise<boolean> {
    return this.inLane(async () => {
      this.compactScheduled = false;
      if (this.failed) return false;
      if (this.broken) {
        this.compactAfterRebuild = true;
        return false;
      }
      try {
        await this.ctx.store.compact(this.planId, Y.encodeStateAsUpdate(this.doc));
        if (this.unsaved.length) this.ctx.log(`Plan "${this.planId}" is saved again.`);
        this.unsaved = [];
        this.retryDelay = RETRY_FIRST_MS;
        return true;
      } catch (e) {
        this.persistenceFailed(e);
        return false;
      }
    });
  }

  /** Whether some update could not be stored and still waits for a whole-plan write. */
  get hasUnsaved(): boolean {
    return this.unsaved.length > 0;
  }

  /** Resolves once every update received so far has been through the store. */
  async settled(): Promise<void> {
    while (this.flushing || this.rebuilding) await (this.flushing ?? this.rebuilding);
    await this.lane;
  }

  destroy(): void {
    this.destroyed = true;
    this.unsubscribe?.();
    this.stopSettling?.();
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.awareness.destroy();
    this.nesting.stop();
    this.doc.destroy();
  }

  private attach(doc: Y.Doc): void {
    this.stopSettling?.();
    this.stopSettling = keepPendingSettled(doc); // partners' updates that wait on each other are integrated, not held for good
    this.doc = doc;
    this.nesting = watchNesting(doc, this.ctx.limits.maxNestingDepth);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== STORE_ORIGIN) this.captured?.push(update);
    });
  }

  private greet(peer: Peer): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(peer, encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) this.send(peer, encodeAwareness(this.awareness, [...states.keys()]));
  }

  private handle(peer: Peer, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        this.answerSync(peer, decoding.readVarUint8Array(decoder));
      } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        if (peer.role === 'viewer') return; // a viewer's edits are never applied, stored or passed on
        this.applyFrom(peer, update);
      } else throw new Error(`unknown sync message type ${syncType}`);
    } else if (type === MESSAGE_AWARENESS) {
      const { update, claimed, contested } = filterPresence(decoding.readVarUint8Array(decoder), peer, { ownerOf: (id) => this.presenceOwners.get(id), idsOf: (p) => p.presenceIds }, this.ctx.limits);
      for (const id of claimed) {
        peer.presenceIds.add(id);
        this.presenceOwners.set(id, peer);
      }
      for (const owner of contested) owner.probe(); // the owner may be a dead connection of the same person
      if (update) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer.ws);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      const now = Date.now();
      if (now - peer.lastPresenceQuery < PRESENCE_QUERY_INTERVAL_MS) return void this.ctx.metrics.presenceQueriesIgnored++;
      peer.lastPresenceQuery = now;
      this.send(peer, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
    } else throw new Error(`unknown message type ${type}`);
  }

  /**
   * Sends a peer what it lacks of the plan. Nobody is sent an edit the store
   * does not hold yet: while a write is in flight, the answer waits for it
   * (the room's document is ahead of the store until then).
   */
  private answerSync(peer: Peer, stateVector: Uint8Array): void {
    // Wait for the updates applied so far, not for the room to go quiet: a busy room is never quiet.
    const upTo = this.appliedCount;
    if (this.storedCount < upTo) return void this.syncWaiters.push({ upTo, answer: () => this.answerSync(peer, stateVector) });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
    this.send(peer, encoding.toUint8Array(encoder));
  }

  /**
   * Applies an editor's update. Whatever it changed is caught before it is
   * stored or passed on; if applying throws part-way or nests too deep, none
   * of it is kept: the document is rebuilt without it.
   */
  private applyFrom(peer: Peer, update: Uint8Array): void {
    checkUpdate(update, this.ctx.limits);
    const captured: Uint8Array[] = [];
    this.captured = captured;
    let failure: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, peer.ws);
    } catch (e) {
      failure = e;
    } finally {
      this.captured = null;
    }
    const tooDeep = this.nesting.tooDeep();
    if (failure || tooDeep) {
      this.ctx.metrics.updatesRefused++;
      this.broken = true;
      this.rebuild();
      throw new Refused(
        CLOSE.updateRefused,
        failure
          ? `an update that failed to apply (${failure instanceof Error ? failure.message : failure}); the plan was rebuilt without it`
          : `an update nesting shared types more than ${this.ctx.limits.maxNestingDepth} deep; the plan was rebuilt without it`,
      );
    }
    if (captured.length === 0) return;
    for (const u of captured) this.pending.push({ update: u, origin: peer.ws });
    this.appliedCount += captured.length;
    if (!this.flushing) void this.flush();
  }

  /** Replaces the document with one built from what is stored plus what is accepted but not yet stored. Messages wait meanwhile. */
  private rebuild(): void {
    const accepted = [...this.unsaved, ...this.inFlight, ...this.pending.map((p) => p.update)];
    const old = this.doc;
    this.nesting.stop();
    this.rebuilding = this.inLane(async () => {
      const stored = await this.ctx.store.load(this.planId);
      const { doc, bad } = buildDoc([...stored.updates, ...accepted]);
      if (bad.length) this.ctx.log(`WARNING plan "${this.planId}": ${bad.length} update(s) failed to apply while rebuilding and were left out.`);
      old.destroy();
      this.attach(doc);
    })
      .catch((e) => {
        // The store could not be read, and the document in memory may hold part of the refused update:
        // drop the room. Its people reconnect (1013) and load it afresh; what was not stored is on their devices.
        this.ctx.metrics.errors++;
        this.ctx.log(`ERROR plan "${this.planId}": could not rebuild after a refused update (${e instanceof Error ? e.message : e}); closing its connections so it loads afresh.`);
        this.attach(old);
        this.failed = true;
        this.ctx.onFailed?.(this);
      })
      .finally(() => {
        this.rebuilding = null;
        this.broken = false;
        if (this.compactAfterRebuild) {
          this.compactAfterRebuild = false;
          void this.compact();
        }
        // Messages that waited run in order; any of them may start another rebuild, and then the rest wait again.
        for (const next of this.backlog.splice(0)) {
          if (this.rebuilding) this.backlog.push(next);
          else next();
        }
      });
  }

  /**
   * Group commit: everything that arrived while the last write ran goes to
   * the store in one append, and only then to the other peers, in order.
   * Nobody receives an update the store does not hold, unless the store is
   * failing: then edits still reach everyone (so every device holds them)
   * and the whole plan is written again as soon as the store takes it.
   */
  private flush(): Promise<void> {
    this.flushing = (async () => {
      while (this.pending.length) {
        const batch = this.pending.splice(0);
        this.inFlight = batch.map((b) => b.update);
        await this.inLane(() => this.store(this.inFlight));
        this.inFlight = [];
        this.storedCount += batch.length;
        for (const waiter of this.syncWaiters.filter((w) => w.upTo <= this.storedCount)) {
          this.syncWaiters.splice(this.syncWaiters.indexOf(waiter), 1);
          waiter.answer();
        }
        for (const { update, origin } of batch) {
          const message = encodeUpdate(update);
          for (const peer of this.peers.values()) if (peer.ws !== origin) this.send(peer, message);
        }
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async store(updates: Uint8Array[]): Promise<void> {
    if (this.unsaved.length) {
      this.unsaved.push(...updates); // the log lacks earlier updates: only a whole-plan write (the retry) can save these
      return;
    }
    const t0 = process.hrtime.bigint();
    try {
      const size = await this.ctx.store.append(this.planId, updates);
      this.ctx.metrics.persisted(Number(process.hrtime.bigint() - t0) / 1e9);
      if (size > COMPACT_BYTES && !this.compactScheduled) {
        this.compactScheduled = true;
        setImmediate(() => void this.compact());
      }
    } catch (e) {
      this.unsaved.push(...updates);
      this.persistenceFailed(e);
    }
  }

  private persistenceFailed(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.ctx.metrics.persistenceErrors++;
    this.ctx.log(
      `ERROR could not save plan "${this.planId}" to disk: ${message}. Edits are kept in memory and on every client, and the whole plan is written again once the disk takes it; free disk space or fix permissions.`,
    );
    if (this.retryTimer || this.destroyed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      if (this.unsaved.length) void this.compact();
    }, this.retryDelay);
    this.retryTimer.unref();
  }

  private inLane<T>(op: () => Promise<T>): Promise<T> {
    const next = this.lane.then(op, op);
    this.lane = next.catch(() => undefined);
    return next;
  }

  private flushAwareness(): void {
    this.awarenessTimer = null;
    const ids = [...this.pendingAwareness];
    this.pendingAwareness.clear();
    if (ids.length === 0) return;
    const message = encodeAwareness(this.awareness, ids);
    for (const peer of this.peers.values()) this.send(peer, message);
    const outgoing = [...this.outgoingPresence];
    this.outgoingPresence.clear();
    if (outgoing.length && this.ctx.store.publishPresence) this.ctx.store.publishPresence(this.planId, awarenessProtocol.encodeAwarenessUpdate(this.awareness, outgoing)).catch(() => undefined); // presence is best effort
  }

  /** Sends, unless the connection is already too far behind: then it is closed rather than fed. */
  private send(peer: Peer, message: Uint8Array): void {
    const ws = peer.ws;
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > this.ctx.limits.maxBufferedBytes) {
      this.ctx.metrics.closedTooSlow++;
      this.ctx.log(`Closed a connection to plan "${this.planId}": ${ws.bufferedAmount} bytes waiting to be sent, over the limit of ${this.ctx.limits.maxBufferedBytes}.`);
      ws.close(CLOSE.tooSlow, 'too slow: reconnect');
      setTimeout(() => ws.terminate(), 2000).unref(); // a peer that does not read never takes the close frame
      return;
    }
    this.ctx.metrics.messagesOut++;
    this.ctx.metrics.bytesOut += message.length;
    ws.send(message, (err) => {
      if (err) ws.terminate();
    });
  }
}

/** Applies stored updates to a new document one by one, leaving out (and reporting) any that throws. */
function buildDoc(updates: Uint8Array[]): { doc: Y.Doc; bad: Array<{ update: Uint8Array; error: string }> } {
  let doc = new Y.Doc({ gc: true });
  let stopSettling = keepPendingSettled(doc);
  const good: Uint8Array[] = [];
  const bad: Array<{ update: Uint8Array; error: string }> = [];
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update, STORE_ORIGIN);
      good.push(update);
    } catch (e) {
      bad.push({ update, error: e instanceof Error ? e.message : String(e) });
      // It may have applied part-way: start again from what applied whole.
      stopSettling();
      doc.destroy();
      doc = new Y.Doc({ gc: true });
      stopSettling = keepPendingSettled(doc);
      for (const g of good) Y.applyUpdate(doc, g, STORE_ORIGIN);
    }
  }
  stopSettling();
  return { doc, bad };
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
