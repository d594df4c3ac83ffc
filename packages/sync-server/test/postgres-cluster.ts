import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL binaries (`apt-get install postgresql`; `.ci/run` installs it when missing). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))) : [];
  if (!versions.length) throw new Error('PostgreSQL is not installed: run `apt-get install postgresql` (as .ci/run does).');
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (the server refuses root), else as ourselves. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  const path = join(binDir(), bin);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A throwaway PostgreSQL cluster: its own data directory, a free port on loopback, removed by `remove()`. */
export interface PostgresCluster {
  port: number;
  /** A connection URL for a database (created by `createDatabase`). */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** Stops the server as a crash would (immediate shutdown, no checkpoint). */
  crash(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

export async function startPostgres(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'coplan-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const [initCmd, initArgs] = asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  let server: ChildProcess | null = null;
  let log = '';
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

  const start = async () => {
    const [cmd, args] = asPostgres('postgres', ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']);
    server = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const started = Date.now();
    for (;;) {
      const client = new pg.Client({ connectionString: url('postgres') });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        if (server.exitCode !== null || Date.now() - started > 30_000) throw new Error(`PostgreSQL did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  /** Immediate shutdown (no checkpoint, as after a crash), through pg_ctl: runuser does not pass signals on. */
  const stop = async () => {
    const s = server;
    if (!s || s.exitCode !== null || s.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => s.once('exit', () => resolve()));
    const [cmd, args] = asPostgres('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
    execFileSync(cmd, args, { stdio: 'pipe' });
    await exited;
  };

  await start();
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      await client.end();
      return url(name);
    },
    crash: stop,
    start,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
