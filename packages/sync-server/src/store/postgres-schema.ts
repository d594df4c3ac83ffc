import type pg from 'pg';

/**
 * The relay's tables, as numbered migrations. The relay applies the ones a
 * database lacks when it starts, under an advisory lock so that several relays
 * starting at once apply each exactly once. Never edit a migration that has
 * shipped: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE coplan_updates (
        seq bigserial PRIMARY KEY,
        plan_id text NOT NULL,
        data bytea NOT NULL,
        relay_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX coplan_updates_by_plan ON coplan_updates (plan_id, seq);
      CREATE TABLE coplan_quarantine (
        id bigserial PRIMARY KEY,
        plan_id text NOT NULL,
        data bytea NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE coplan_links (
        id text PRIMARY KEY,
        plan_id text NOT NULL,
        role text NOT NULL CHECK (role IN ('editor', 'viewer')),
        label text NOT NULL,
        url text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX coplan_links_by_plan ON coplan_links (plan_id);
      CREATE INDEX coplan_links_revoked ON coplan_links (revoked_at) WHERE revoked_at IS NOT NULL;
      CREATE TABLE coplan_access_log (
        id bigserial PRIMARY KEY,
        plan_id text NOT NULL,
        link_id text,
        name text NOT NULL,
        role text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX coplan_access_log_by_plan ON coplan_access_log (plan_id, at DESC);`,
  },
  {
    version: 3,
    sql: `
      ALTER TABLE coplan_links ADD COLUMN to_email text, ADD COLUMN to_domain text;
      ALTER TABLE coplan_links DROP CONSTRAINT coplan_links_role_check;
      ALTER TABLE coplan_links ADD CONSTRAINT coplan_links_role_check CHECK (role IN ('owner', 'editor', 'viewer'));`,
  },
];

const LOCK = 0x636f706c; // 'copl': one advisory lock for every relay's migrations

/** Brings the database's schema up to date; resolves with the version it is at. */
export async function migrate(client: pg.ClientBase): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS coplan_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM coplan_schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO coplan_schema_migrations (version) VALUES ($1)', [m.version]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`database migration ${m.version} failed: ${e instanceof Error ? e.message : e}`);
      }
    }
    return Math.max(...MIGRATIONS.map((m) => m.version));
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]);
  }
}
