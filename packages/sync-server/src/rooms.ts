import { CLOSE } from './close-codes.js';
import { Room, type Peer, type RoomContext } from './room.js';

/**
 * The plans a relay has open. A plan is loaded once however many connections
 * ask for it at the same moment, and unloaded when nobody has been connected
 * for a while, unless its latest edits are not stored yet.
 */
export class Rooms {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Set<Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** When each plan was last asked for: an unload that started earlier gives way. */
  private readonly touched = new Map<string, number>();
  private closing = false;

  private readonly ctx: RoomContext;

  /** `unloadAfterMs`: how long a plan with nobody connected stays in memory before it is written whole and unloaded. */
  constructor(
    ctx: Omit<RoomContext, 'onFailed'>,
    private readonly unloadAfterMs = 30_000,
  ) {
    this.ctx = { ...ctx, onFailed: (room) => this.drop(room) };
    ctx.metrics.unsavedPlans = () => [...this.loaded].filter((r) => r.hasUnsaved).length;
  }

  /** Unloads a room whose document cannot be trusted, closing its connections so they reconnect and load it afresh. */
  private drop(room: Room): void {
    if (this.loaded.has(room)) this.rooms.delete(room.planId);
    this.loaded.delete(room);
    this.ctx.metrics.rooms = this.loaded.size;
    for (const peer of room.peers.values()) peer.ws.close(CLOSE.reloadPlan, 'the plan is reloading: reconnect');
    void this.ctx.store.forget(room.planId).catch(() => undefined);
    room.destroy();
  }

  /** The plan's room, loaded from the store first if it is not open. */
  open(planId: string): Promise<Room> {
    clearTimeout(this.unloadTimers.get(planId));
    this.unloadTimers.delete(planId);
    this.touched.set(planId, performance.now());
    let room = this.rooms.get(planId);
    if (!room) {
      room = Room.open(planId, this.ctx);
      this.rooms.set(planId, room);
      room.then(
        (r) => {
          this.loaded.add(r);
          this.ctx.metrics.rooms = this.loaded.size;
        },
        () => this.rooms.delete(planId),
      );
    }
    return room;
  }

  /** Every connection in every open plan. */
  *peers(): Iterable<Peer> {
    for (const room of this.loaded) yield* room.peers.values();
  }

  /** Called when a room may have nobody left: unloads it later if it is still empty then. */
  idle(room: Room): void {
    if (room.peers.size > 0 || this.closing) return;
    clearTimeout(this.unloadTimers.get(room.planId));
    const started = performance.now();
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.planId);
      void room.compact().then((saved) => {
        const askedSince = (this.touched.get(room.planId) ?? 0) > started;
        if (!saved || askedSince || room.peers.size > 0 || room.hasUnsaved || this.closing) return;
        this.rooms.delete(room.planId);
        this.loaded.delete(room);
        this.touched.delete(room.planId);
        this.ctx.metrics.rooms = this.loaded.size;
        room.destroy();
        void this.ctx.store.forget(room.planId).catch(() => undefined);
      });
    }, this.unloadAfterMs);
    timer.unref();
    this.unloadTimers.set(room.planId, timer);
  }

  /** Writes every open plan whole and forgets them. */
  async closeAll(): Promise<void> {
    this.closing = true;
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    const rooms = await Promise.allSettled(this.rooms.values());
    const open = rooms.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    await Promise.all(
      open.map(async (room) => {
        await room.settled();
        await room.compact();
      }),
    );
    return void open;
  }

  /** Frees every room's memory (after `closeAll`). */
  destroyAll(): void {
    for (const room of this.loaded) room.destroy();
    this.loaded.clear();
    this.rooms.clear();
  }
}
