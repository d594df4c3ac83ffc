import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PlanStore, StoredPlan, StoreHealth } from './plan-store.js';
import { migrate } from './postgres-schema.js';

/** The channel every relay on one database listens on; a payload names the plan, the relay and the rows. */
const CHANNEL = 'coplan_updates';
/** Presence (who is here, where they type) between relays: notices only, never stored. */
const PRESENCE_CHANNEL = 'coplan_presence';
/** NOTIFY payloads must stay under 8000 bytes: larger updates are fetched by their row numbers. */
const MAX_INLINE_PAYLOAD = 7000;
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 10_000;

interface Notice {
  p: string;
  r: string;
  s: string[];
  d?: string[];
}

/**
 * Plans kept in PostgreSQL, one row per stored update, so that a council can
 * back them up and replicate them as it does its other databases, and several
 * relays can serve the same plans at once.
 *
 * - `append` commits before it resolves (PostgreSQL's synchronous commit), so
 *   no client receives an update the database does not hold.
 * - Each append notifies (`LISTEN`/`NOTIFY`, in the same transaction) the other
 *   relays, which apply it and pass it to their own clients (`subscribe`).
 * - `compact` replaces the rows this relay has applied with one state row, in
 *   one transaction (and tells the other relays of it); rows it has not seen
 *   yet are left for whoever has.
 * - When the database goes away, calls fail with its error (the relay keeps
 *   edits in memory and retries), and the listener reconnects by itself and
 *   catches up on what it missed.
 */
export class PostgresStore implements PlanStore {
  /** This relay's id in the rows and notices it writes. */
  readonly relayId = randomUUID();
  private listener: pg.Client | null = null;
  private closing = false;
  private reconnectDelay = RECONNECT_FIRST_MS;
  /** Row numbers this relay has applied, per open plan. */
  private readonly seen = new Map<string, Set<string>>();
  private readonly bytesSinceCompaction = new Map<string, number>();
  private readonly subscribers = new Map<string, (updates: Uint8Array[]) => void>();
  private readonly presenceSubscribers = new Map<string, (update: Uint8Array) => void>();
  /** Updates from other relays that arrived before the plan's room subscribed. */
  private readonly waiting = new Map<string, Uint8Array[]>();
  private lastLatencyMs = 0;
  private errors = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Connects, creates or migrates the schema, and starts listening for other relays' updates. */
  static async open(url: string, options: { log?: (line: string) => void } = {}): Promise<PostgresStore> {
    const log = options.log ?? (() => undefined);
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
    const store = new PostgresStore(pool, url, log);
    // An idle connection the server drops reports here; without a handler it would stop the process.
    pool.on('error', (e) => store.failed('an idle database connection failed', e));
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    await store.listen();
    return store;
  }

  async load(planId: string): Promise<StoredPlan> {
    this.seen.set(planId, this.seen.get(planId) ?? new Set());
    const { rows } = await this.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM coplan_updates WHERE plan_id = $1 ORDER BY seq', [planId]);
    const seen = this.seen.get(planId)!;
    for (const r of rows) seen.add(r.seq);
    this.bytesSinceCompaction.set(
      planId,
      rows.reduce((n, r) => n + r.data.length, 0),
    );
    return { updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)), quarantined: [] };
  }

  async append(planId: string, updates: Uint8Array[]): Promise<number> {
    const data = updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    const seqs = await this.transaction(async (client) => {
      const { rows } = await client.query<{ seq: string }>('INSERT INTO coplan_updates (plan_id, data, relay_id) SELECT $1, unnest($2::bytea[]), $3 RETURNING seq', [planId, data, this.relayId]);
      const notice: Notice = { p: planId, r: this.relayId, s: rows.map((r) => r.seq), d: data.map((d) => d.toString('base64')) };
      let payload = JSON.stringify(notice);
      if (payload.length > MAX_INLINE_PAYLOAD) payload = JSON.stringify({ ...notice, d: undefined });
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
      return rows.map((r) => r.seq);
    });
    const seen = this.seen.get(planId) ?? new Set();
    this.seen.set(planId, seen);
    for (const s of seqs) seen.add(s);
    const bytes = (this.bytesSinceCompaction.get(planId) ?? 0) + data.reduce((n, d) => n + d.length, 0);
    this.bytesSinceCompaction.set(planId, bytes);
    return bytes;
  }

  async compact(planId: string, state: Uint8Array): Promise<void> {
    const covered = [...(this.seen.get(planId) ?? [])];
    const seq = await this.transaction(async (client) => {
      await client.query('DELETE FROM coplan_updates WHERE plan_id = $1 AND seq = ANY($2::bigint[])', [planId, covered]);
      const { rows } = await client.query<{ seq: string }>('INSERT INTO coplan_updates (plan_id, data, relay_id) VALUES ($1, $2, $3) RETURNING seq', [
        planId,
        Buffer.from(state.buffer, state.byteOffset, state.byteLength),
        this.relayId,
      ]);
      // Other relays apply the state too: after a database outage it holds edits they never received as rows.
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ p: planId, r: this.relayId, s: [rows[0]!.seq] } satisfies Notice)]);
      return rows[0]!.seq;
    });
    const seen = this.seen.get(planId) ?? new Set<string>();
    for (const s of covered) seen.delete(s);
    seen.add(seq);
    this.seen.set(planId, seen);
    this.bytesSinceCompaction.set(planId, 0);
  }

  async quarantine(planId: string, data: Uint8Array[], reason: string): Promise<string> {
    const ids = await this.transaction(async (client) => {
      const out: string[] = [];
      for (const d of data) {
        const { rows } = await client.query<{ id: string }>('INSERT INTO coplan_quarantine (plan_id, data, reason) VALUES ($1, $2, $3) RETURNING id', [
          planId,
          Buffer.from(d.buffer, d.byteOffset, d.byteLength),
          reason,
        ]);
        out.push(rows[0]!.id);
      }
      return out;
    });
    return `table coplan_quarantine, id ${ids.join(', ')}`;
  }

  subscribe(planId: string, onUpdates: (updates: Uint8Array[]) => void, onPresence?: (update: Uint8Array) => void): () => void {
    this.subscribers.set(planId, onUpdates);
    if (onPresence) this.presenceSubscribers.set(planId, onPresence);
    const waiting = this.waiting.get(planId);
    this.waiting.delete(planId);
    if (waiting?.length) onUpdates(waiting);
    return () => {
      if (this.subscribers.get(planId) === onUpdates) this.subscribers.delete(planId);
      if (this.presenceSubscribers.get(planId) === onPresence) this.presenceSubscribers.delete(planId);
    };
  }

  /** Presence larger than a notice can carry (over about 5 kB of JSON) stays on its own relay. */
  async publishPresence(planId: string, update: Uint8Array): Promise<void> {
    const payload = JSON.stringify({ p: planId, r: this.relayId, a: Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64') });
    if (payload.length > MAX_INLINE_PAYLOAD) return;
    await this.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, payload]);
  }

  async forget(planId: string): Promise<void> {
    this.seen.delete(planId);
    this.subscribers.delete(planId);
    this.presenceSubscribers.delete(planId);
    this.waiting.delete(planId);
    this.bytesSinceCompaction.delete(planId);
  }

  async has(planId: string): Promise<boolean> {
    return (await this.query('SELECT 1 FROM coplan_updates WHERE plan_id = $1 LIMIT 1', [planId])).rowCount === 1;
  }

  async planIds(): Promise<string[]> {
    const { rows } = await this.query<{ plan_id: string }>('SELECT DISTINCT plan_id FROM coplan_updates ORDER BY plan_id', []);
    return rows.map((r) => r.plan_id);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.query('SELECT 1', []);
      return { ok: true, detail: `database reachable (${this.lastLatencyMs.toFixed(1)} ms)` };
    } catch (e) {
      return { ok: false, detail: `database unreachable: ${e instanceof Error ? e.message : e}` };
    }
  }

  metrics(): Array<{ name: string; type: 'gauge' | 'counter'; help: string; value: number }> {
    return [
      { name: 'coplan_database_latency_seconds', type: 'gauge', help: 'How long the last database query took.', value: this.lastLatencyMs / 1000 },
      { name: 'coplan_database_errors_total', type: 'counter', help: 'Database calls and connections that failed.', value: this.errors },
      { name: 'coplan_database_listening', type: 'gauge', help: 'Whether this relay is listening for other relays’ updates (1) or reconnecting (0).', value: this.listener ? 1 : 0 },
    ];
  }

  async close(): Promise<void> {
    this.closing = true;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<R>> {
    const t0 = performance.now();
    try {
      const result = await this.pool.query<R>(sql, params);
      this.lastLatencyMs = performance.now() - t0;
      return result;
    } catch (e) {
      this.errors++;
      throw e;
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const t0 = performance.now();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      this.errors++;
      throw e;
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      this.lastLatencyMs = performance.now() - t0;
      return result;
    } catch (e) {
      this.errors++;
      broken = e instanceof Error ? e : new Error(String(e));
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release(broken); // a connection that failed mid-transaction is not reused
    }
  }

  /** One dedicated connection LISTENs; when it drops it comes back by itself and catches up on what it missed. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('error', (e) => this.failed('the connection listening for other relays failed', e));
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) void this.received(n.payload).catch((e) => this.failed('could not fetch another relay’s update', e));
      if (n.channel === PRESENCE_CHANNEL && n.payload) this.presenceReceived(n.payload);
    });
    client.on('end', () => {
      if (this.listener !== client || this.closing) return;
      this.listener = null;
      this.reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    this.listener = client;
    this.reconnectDelay = RECONNECT_FIRST_MS;
  }

  private reconnect(): void {
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    setTimeout(() => {
      if (this.closing) return;
      this.listen()
        .then(
          () => {
            this.log('Listening to the database again; catching up on other relays’ updates.');
            return this.catchUp();
          },
          (e) => {
            this.failed('could not listen to the database (retrying)', e);
            this.reconnect();
          },
        )
        .catch((e) => this.failed('could not catch up after reconnecting', e));
    }, delay).unref();
  }

  /** Fetches rows of open plans that this relay has not applied: what other relays wrote while it was not listening. */
  private async catchUp(): Promise<void> {
    for (const planId of this.seen.keys()) {
      const { rows } = await this.query<{ seq: string }>('SELECT seq FROM coplan_updates WHERE plan_id = $1', [planId]);
      const seen = this.seen.get(planId);
      if (!seen) continue;
      const missing = rows.map((r) => r.seq).filter((s) => !seen.has(s));
      if (missing.length) await this.deliver(planId, missing);
    }
  }

  private async received(payload: string): Promise<void> {
    let notice: Notice;
    try {
      notice = JSON.parse(payload) as Notice;
    } catch {
      return; // not ours
    }
    if (notice.r === this.relayId || !this.seen.has(notice.p)) return;
    if (notice.d && notice.d.length === notice.s.length) {
      const seen = this.seen.get(notice.p)!;
      const fresh = notice.s.flatMap((s, i) => (seen.has(s) ? [] : [[s, notice.d![i]!] as const]));
      for (const [s] of fresh) seen.add(s);
      if (fresh.length)
        this.hand(
          notice.p,
          fresh.map(([, d]) => new Uint8Array(Buffer.from(d, 'base64'))),
        );
      return;
    }
    await this.deliver(notice.p, notice.s);
  }

  private presenceReceived(payload: string): void {
    try {
      const { p, r, a } = JSON.parse(payload) as { p: string; r: string; a: string };
      if (r !== this.relayId) this.presenceSubscribers.get(p)?.(new Uint8Array(Buffer.from(a, 'base64')));
    } catch {
      // not ours
    }
  }

  private async deliver(planId: string, seqs: string[]): Promise<void> {
    const { rows } = await this.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM coplan_updates WHERE plan_id = $1 AND seq = ANY($2::bigint[]) ORDER BY seq', [planId, seqs]);
    const seen = this.seen.get(planId);
    if (!seen) return;
    const fresh = rows.filter((r) => !seen.has(r.seq));
    for (const r of fresh) seen.add(r.seq);
    if (fresh.length)
      this.hand(
        planId,
        fresh.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
      );
  }

  private hand(planId: string, updates: Uint8Array[]): void {
    const subscriber = this.subscribers.get(planId);
    if (subscriber) subscriber(updates);
    else this.waiting.set(planId, [...(this.waiting.get(planId) ?? []), ...updates]);
  }

  private failed(what: string, e: unknown): void {
    this.errors++;
    this.log(`ERROR ${what}: ${e instanceof Error ? e.message : e}`);
  }
}
