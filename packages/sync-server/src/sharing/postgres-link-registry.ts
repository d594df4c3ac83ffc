import pg from 'pg';
import { migrate } from '../store/postgres-schema.js';
import type { AccessEntry, LinkRegistry, ShareLink } from './link-registry.js';

const CHANNEL = 'coplan_revocations';
/** How often revocations are also polled for, in case a notice was missed while the listener reconnected. */
const POLL_MS = 2000;

type LinkRow = {
  id: string;
  plan_id: string;
  role: ShareLink['role'];
  label: string;
  to_email: string | null;
  to_domain: string | null;
  url: string;
  created_at: Date;
  created_by: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  uses: string;
  last_used_at: Date | null;
};

/**
 * Share links and the access log in PostgreSQL, shared by every relay on the
 * database. A revocation is announced with NOTIFY, and polled for every two
 * seconds as well, so every relay closes the link's connections within
 * seconds even if it missed the notice.
 */
export class PostgresLinkRegistry implements LinkRegistry {
  private readonly listeners = new Set<(planId: string, linkId: string) => void>();
  private listener: pg.Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private closing = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly log: (line: string) => void,
  ) {}

  static async open(url: string, options: { log?: (line: string) => void } = {}): Promise<PostgresLinkRegistry> {
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
    const registry = new PostgresLinkRegistry(pool, url, options.log ?? (() => undefined));
    pool.on('error', (e) => registry.log(`ERROR an idle database connection (sharing) failed: ${e.message}`));
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    await registry.listen().catch((e) => registry.log(`ERROR could not listen for revocations (polling instead): ${e.message}`));
    registry.poll = setInterval(() => void registry.pollRevocations(), POLL_MS);
    registry.poll.unref();
    return registry;
  }

  async create(link: Omit<ShareLink, 'uses' | 'lastUsedAt' | 'revokedAt'>): Promise<void> {
    await this.pool.query('INSERT INTO coplan_links (id, plan_id, role, label, url, created_at, created_by, expires_at, to_email, to_domain) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
      link.id,
      link.planId,
      link.role,
      link.label,
      link.url,
      link.createdAt,
      link.createdBy,
      link.expiresAt,
      link.toEmail ?? null,
      link.toDomain ?? null,
    ]);
  }

  async list(planId: string): Promise<ShareLink[]> {
    const { rows } = await this.pool.query<LinkRow>(
      `SELECT l.*, count(a.id) AS uses, max(a.at) AS last_used_at
         FROM coplan_links l LEFT JOIN coplan_access_log a ON a.link_id = l.id
        WHERE l.plan_id = $1 GROUP BY l.id ORDER BY l.created_at`,
      [planId],
    );
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      role: r.role,
      label: r.label,
      toEmail: r.to_email,
      toDomain: r.to_domain,
      url: r.url,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by,
      expiresAt: iso(r.expires_at),
      revokedAt: iso(r.revoked_at),
      uses: Number(r.uses),
      lastUsedAt: iso(r.last_used_at),
    }));
  }

  /** Revoked as of the database's clock (`_at` is the caller's, kept for the file registry's sake). */
  async revoke(planId: string, linkId: string, _at: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rowCount } = await client.query('UPDATE coplan_links SET revoked_at = coalesce(revoked_at, now()) WHERE plan_id = $1 AND id = $2', [planId, linkId]);
      if (rowCount) await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ p: planId, l: linkId })]);
      await client.query('COMMIT');
      if (rowCount) this.announce(planId, linkId); // this relay acts at once, not when its own notice comes back
      return Boolean(rowCount);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async isRevoked(planId: string, linkId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM coplan_links WHERE plan_id = $1 AND id = $2', [planId, linkId]);
    return rows.length === 0 || rows[0]!.revoked_at !== null;
  }

  async recordAccess(entry: AccessEntry): Promise<void> {
    await this.pool.query('INSERT INTO coplan_access_log (plan_id, link_id, name, role, at) VALUES ($1, $2, $3, $4, $5)', [entry.planId, entry.linkId, entry.name, entry.role, entry.at]);
  }

  async accessLog(planId: string, limit: number): Promise<AccessEntry[]> {
    const { rows } = await this.pool.query<{ plan_id: string; link_id: string | null; name: string; role: AccessEntry['role']; at: Date }>(
      'SELECT * FROM coplan_access_log WHERE plan_id = $1 ORDER BY at DESC, id DESC LIMIT $2',
      [planId, limit],
    );
    return rows.map((r) => ({ at: r.at.toISOString(), planId: r.plan_id, linkId: r.link_id, name: r.name, role: r.role }));
  }

  onRevoked(listener: (planId: string, linkId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.poll) clearInterval(this.poll);
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private announce(planId: string, linkId: string): void {
    for (const listener of this.listeners) listener(planId, linkId);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('error', (e) => this.log(`ERROR the connection listening for revocations failed: ${e.message}`));
    client.on('notification', (n) => {
      try {
        const { p, l } = JSON.parse(n.payload ?? '') as { p: string; l: string };
        this.announce(p, l);
      } catch {
        // not ours
      }
    });
    client.on('end', () => {
      if (this.listener !== client || this.closing) return;
      this.listener = null;
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref(); // the poll covers the gap
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  /** Revocations of the last ten seconds, by the database's clock (announcing one twice does no harm). */
  private async pollRevocations(): Promise<void> {
    try {
      const { rows } = await this.pool.query<{ plan_id: string; id: string }>("SELECT plan_id, id FROM coplan_links WHERE revoked_at > now() - interval '10 seconds'");
      for (const r of rows) this.announce(r.plan_id, r.id);
    } catch {
      // The database is away: the relay's store reports it; revocations are caught up when it is back.
    }
  }
}
