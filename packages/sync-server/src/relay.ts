import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { openAccess, tokenAccess, TokenRefused, type Access } from './access.js';
import { CLOSE } from './close-codes.js';
import { acceptConnection, startHeartbeat } from './connection.js';
import { DEMO_PLAN_ID } from './demo-plan-id.js';
import { readTarget, decodePath } from './http/request-target.js';
import { serveStatic } from './http/static-files.js';
import { DEFAULT_LIMITS, type RelayLimits } from './limits.js';
import { Metrics } from './metrics.js';
import { planIdProblem } from './plan-id.js';
import { Rooms } from './rooms.js';
import { FileLinkRegistry } from './sharing/file-link-registry.js';
import type { LinkRegistry } from './sharing/link-registry.js';
import { answerLinksApi } from './sharing/links-api.js';
import { OidcVerifier, type OidcConfig } from './sharing/oidc.js';
import { FileStore } from './store/file-store.js';
import type { PlanStore } from './store/plan-store.js';

/** How to run a relay. */
export interface RelayOptions extends Partial<RelayLimits> {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where plans are stored on disk (used when no `store` is given). */
  dataDir?: string;
  /** Where plans are stored; by default a `FileStore` in `dataDir`, or PostgreSQL with `databaseUrl`. */
  store?: PlanStore;
  /** Keeps plans in PostgreSQL (`postgres://…`) instead of the data directory; several relays can share one. */
  databaseUrl?: string;
  /** Turns on access control: clients need a token signed with it. */
  secret?: string;
  /** Who may open which plan; by default tokens signed with `secret`, or everyone when there is no secret. */
  access?: Access;
  /** Where share links and the access log are kept; by default beside the plans (the database, or the data directory). */
  links?: LinkRegistry;
  /** Sign-in with the partners' own accounts (needs `secret` too: the first owner comes from a token). */
  oidc?: OidcConfig;
  /** The app's public address, for the share links the relay makes (default: the address each request came to). */
  publicUrl?: string;
  /** Puts the Lancashire 2015/16 plan in the store as plan `demo`, if it is not there. */
  demo?: boolean;
  /** The built app to serve. */
  staticDir?: string;
  /** How long a plan with nobody connected stays loaded (default 30 s). */
  unloadAfterMs?: number;
  /** How often every connection is pinged; one that misses a ping is dropped (default 30 s). */
  heartbeatMs?: number;
  /** The clock for token expiry and rate limits (default `Date.now`). */
  now?: () => number;
  /** Where log lines go (default stderr). */
  log?: (line: string) => void;
}

/** A running relay. */
export interface Relay {
  /** The http(s) address it listens on, e.g. `http://127.0.0.1:8080`. */
  url: string;
  server: Server;
  metrics: Metrics;
  /** Stops accepting, writes every plan to the store, closes connections. */
  close(): Promise<void>;
}

const SYNC_PATH = /^\/sync\/([^/]+)$/;

/**
 * Starts the relay: a y-websocket server (rooms at `/sync/<planId>`) that
 * stores each plan, plus `/healthz`, `/metrics`, `/api/demo` and the app's
 * files. No request, upgrade or message can stop it: each is answered, or
 * refused with a status or close code, and its failures are logged.
 *
 * @example
 * ```ts
 * const relay = await startRelay({ dataDir: './data', port: 8080, demo: true });
 * console.log(`open ${relay.url}`);
 * ```
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const host = options.host ?? '127.0.0.1';
  const limits: RelayLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof RelayLimits>) if (options[key] !== undefined) limits[key] = options[key]!;
  if (!options.store && !options.dataDir && !options.databaseUrl) throw new Error('startRelay needs a dataDir, a databaseUrl or a store.');
  // The database driver loads only for a relay that uses it.
  const store: PlanStore =
    options.store ?? (options.databaseUrl ? await (await import('./store/postgres-store.js')).PostgresStore.open(options.databaseUrl, { log }) : new FileStore(options.dataDir!));
  const links: LinkRegistry | null =
    options.links ??
    (!options.secret
      ? null
      : options.databaseUrl
        ? await (await import('./sharing/postgres-link-registry.js')).PostgresLinkRegistry.open(options.databaseUrl, { log })
        : options.dataDir
          ? new FileLinkRegistry(options.dataDir)
          : null);
  if (options.oidc && !options.secret) throw new Error('Sign-in (--oidc-issuer) needs --secret as well: the first owner of a plan gets their access from a token.');
  const oidc = options.oidc ? new OidcVerifier(options.oidc) : undefined;
  const access = options.access ?? (options.secret ? tokenAccess(options.secret, links ?? undefined, oidc) : openAccess);
  const now = options.now ?? Date.now;
  const metrics = new Metrics();
  if (store.metrics) metrics.fromStore = () => store.metrics!();
  const rooms = new Rooms({ store, metrics, limits, log }, options.unloadAfterMs);
  let closing = false;

  if (options.demo) {
    const { seedDemoPlan } = await import('./demo-plan.js'); // the plan model is loaded only to write the demo
    const created = await seedDemoPlan(store);
    log(created ? `Demo plan written as plan "${DEMO_PLAN_ID}".` : `Demo plan "${DEMO_PLAN_ID}" already stored; left as it is.`);
  }
  if (!access.controlled)
    log(`WARNING: no --secret given, so every plan is open to anyone who can reach this server${host === '127.0.0.1' || host === 'localhost' ? ' (it listens on this machine only)' : ''}.`);
  if (options.staticDir && !existsSync(options.staticDir)) log(`The app's files are not at ${options.staticDir}; run \`npm run build\` to serve the app.`);

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = readTarget(req.url);
    if (!target) {
      metrics.badRequests++;
      return void res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: the address is not a URL path.\n');
    }
    const path = target.rawPath;
    if (path === '/healthz') {
      const health = (await store.health?.()) ?? { ok: true, detail: 'plans stored on local disk' };
      return void res.writeHead(health.ok ? 200 : 503, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(`${health.ok ? 'ok' : 'unavailable'}\n${health.detail}\n`);
    }
    if (path === '/metrics') return void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.render());
    if (path === '/api/demo') {
      // Without --demo the answer is still 200 ({"planId":null}): the app asks on every load, and a 404 is a console error in every browser.
      return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(JSON.stringify({ planId: options.demo ? DEMO_PLAN_ID : null }));
    }
    if (path === '/api/sign-in') {
      // What the app needs to offer sign-in: which organisations, and the application id to sign in to.
      // Without sign-in: 200 with no organisations (the app asks on every load; a 404 would be a console error).
      if (!options.oidc) return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{"issuers":[]}');
      const { issuers, names = {}, clientId } = options.oidc;
      return void res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify({ clientId, issuers: issuers.map((issuer) => ({ issuer, name: names[issuer] ?? new URL(issuer).host })) }));
    }
    if (path.startsWith('/api/plans/')) {
      const api = {
        secret: options.secret ?? '',
        access,
        links: links!,
        publicUrl: options.publicUrl,
        now,
        planExists: (id: string) => store.has(id),
        ...(oidc ? { identify: (t: string) => oidc.verify(t) } : {}),
      };
      if (options.secret && links && (await answerLinksApi(path, req, res, api))) return;
      const why = !options.secret ? 'sharing needs the relay to run with --secret' : !links ? 'this relay keeps no share links' : 'no such API address: see packages/sync-server/README.md';
      return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: why }));
    }
    if (options.staticDir) return serveStatic(options.staticDir, path, req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
  };

  const server = createServer((req, res) => {
    answer(req, res).catch((e) => {
      metrics.errors++;
      log(`ERROR answering ${JSON.stringify(req.method)} ${JSON.stringify(req.url)}: ${e instanceof Error ? e.stack : e}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error\n');
      else res.destroy();
    });
  });
  // A client that breaks HTTP itself gets a 400 and its socket closed (Node's default, said here so nothing else happens).
  server.on('clientError', (_e, socket) => {
    metrics.badRequests++;
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const stopHeartbeat = startHeartbeat(() => rooms.peers(), options.heartbeatMs ?? 30_000);
  // A link taken back (here or on another relay) closes every connection opened with it.
  const byLink = new Map<string, Set<WebSocket>>();
  const stopRevocations = links?.onRevoked((_planId, linkId) => {
    for (const ws of byLink.get(linkId) ?? []) {
      metrics.closedRevoked++;
      ws.close(CLOSE.accessRevoked, 'this link was taken back');
    }
    byLink.delete(linkId);
  });

  const refuse = (socket: Duplex, status: number, reason: string) => {
    metrics.refusedConnections++;
    if (!socket.writable) return void socket.destroy();
    const text = reason.replace(/[^\x20-\x7e]/g, ' ');
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${text}\n`);
  };

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const target = readTarget(req.url);
    if (!target) return refuse(socket, 400, 'Bad request: the address is not a URL path');
    if (closing) return refuse(socket, 503, 'The relay is shutting down');
    const match = SYNC_PATH.exec(target.rawPath);
    if (!match) return refuse(socket, 404, 'Plans are at /sync/<planId>');
    const planId = decodePath(match[1]!);
    if (planId === null) return refuse(socket, 400, 'Bad plan id: it is not valid percent-encoded text');
    const problem = planIdProblem(planId);
    if (problem) return refuse(socket, 400, `Bad plan id: ${problem}`);
    let grant;
    try {
      grant = await access.authorize(planId, target.query.get('token'));
    } catch (e) {
      if (e instanceof TokenRefused) return refuse(socket, 401, `Refused: ${e.message}`);
      throw e;
    }
    let room;
    try {
      room = await rooms.open(planId);
    } catch (e) {
      metrics.errors++;
      log(`ERROR plan "${planId}" could not be loaded: ${e instanceof Error ? e.message : e}`);
      return refuse(socket, 503, 'The plan could not be loaded; try again shortly');
    }
    if (closing) return refuse(socket, 503, 'The relay is shutting down');
    if (room.peers.size >= limits.maxConnectionsPerRoom) {
      rooms.idle(room);
      return refuse(socket, 503, `This plan already has ${limits.maxConnectionsPerRoom} connections`);
    }
    if (socket.destroyed) return rooms.idle(room); // the client went away while the plan loaded
    wss.handleUpgrade(req, socket, head, (ws) => {
      acceptConnection(ws, room, grant, { metrics, limits, log, now }, () => {
        if (grant.linkId) byLink.get(grant.linkId)?.delete(ws);
        rooms.idle(room);
      });
      if (grant.linkId) byLink.set(grant.linkId, (byLink.get(grant.linkId) ?? new Set()).add(ws));
      links
        ?.recordAccess({ at: new Date(now()).toISOString(), planId, linkId: grant.linkId ?? null, name: grant.name, role: grant.role })
        .catch((e) => log(`ERROR could not write the access log of plan "${planId}": ${e instanceof Error ? e.message : e}`));
    });
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy()); // a reset mid-handshake ends that socket only
    upgrade(req, socket, head).catch((e) => {
      metrics.errors++;
      log(`ERROR during connection: ${e instanceof Error ? e.stack : e}`);
      refuse(socket, 500, 'Internal error');
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;

  return {
    url,
    server,
    metrics,
    async close() {
      if (closing) return;
      closing = true;
      stopHeartbeat();
      stopRevocations?.();
      const closed = new Promise<void>((r) => server.close(() => r()));
      await rooms.closeAll();
      for (const ws of wss.clients) ws.close(CLOSE.shuttingDown, 'server shutting down');
      await Promise.race([new Promise((r) => setTimeout(r, 2000)), Promise.all([...wss.clients].map((ws) => new Promise((r) => ws.once('close', r))))]);
      for (const ws of wss.clients) ws.terminate();
      rooms.destroyAll();
      await store.close();
      await links?.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
