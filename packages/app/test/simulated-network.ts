import * as Y from 'yjs';

/**
 * Several Y.Docs joined by a network that the test drives: each update waits
 * in a queue per receiver until the test delivers it, in any order, and a peer
 * can go offline (nothing in or out) and come back.
 */
export class SimulatedNetwork {
  readonly docs: Y.Doc[] = [];
  /** Updates waiting for each peer, with who sent them. */
  private readonly inbox: Array<Array<{ from: number; update: Uint8Array }>> = [];
  private readonly offline = new Set<number>();
  /** Updates a peer made while offline, sent when it comes back. */
  private readonly outbox: Uint8Array[][] = [];

  constructor(peers: number, initial: (doc: Y.Doc) => void) {
    for (let i = 0; i < peers; i++) {
      const doc = new Y.Doc();
      // Fixed client ids keep a seed's run the same from one run to the next.
      doc.clientID = i + 1;
      this.docs.push(doc);
      this.inbox.push([]);
      this.outbox.push([]);
    }
    initial(this.docs[0]!);
    const start = Y.encodeStateAsUpdate(this.docs[0]!);
    for (const doc of this.docs.slice(1)) Y.applyUpdate(doc, start, 'network');
    this.docs.forEach((doc, i) =>
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'network') return;
        if (this.offline.has(i)) this.outbox[i]!.push(update);
        else this.send(i, update);
      }),
    );
  }

  private send(from: number, update: Uint8Array): void {
    this.inbox.forEach((queue, to) => {
      if (to !== from) queue.push({ from, update });
    });
  }

  /** How many updates wait for online peers. */
  pending(): number {
    return this.inbox.reduce((n, q, i) => n + (this.offline.has(i) ? 0 : q.length), 0);
  }

  /** Delivers one waiting update, chosen by `pick` in [0, 1), to an online peer; false if none waits. */
  deliverOne(pick: number): boolean {
    const ready = this.inbox.flatMap((q, to) => (this.offline.has(to) ? [] : q.map((m, k) => ({ to, k, m }))));
    if (ready.length === 0) return false;
    const { to, k, m } = ready[Math.floor(pick * ready.length)]!;
    this.inbox[to]!.splice(k, 1);
    Y.applyUpdate(this.docs[to]!, m.update, 'network');
    return true;
  }

  setOffline(peer: number, offline: boolean): void {
    if (offline) return void this.offline.add(peer);
    this.offline.delete(peer);
    for (const update of this.outbox[peer]!.splice(0)) this.send(peer, update);
  }

  /** Everyone back online and every update delivered. */
  settle(): void {
    for (const peer of [...this.offline]) this.setOffline(peer, false);
    while (this.deliverOne(0));
  }
}
