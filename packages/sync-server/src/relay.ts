import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { existsSync } from 'node:fs';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { FileStore } from './file-store.js';
import { Metrics } from './metrics.js';
import { CLOSE, Room, type Peer } from './room.js';
import { serveStatic } from './static-files.js';
import { TokenRefused, verifyToken, type Grant } from './tokens.js';
import { seedDemoPlan, DEMO_PLAN_ID } from './demo-plan.js';

/** How to run a relay. */
export interface RelayOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  /** Turns on access control: clients need a token signed with it. */
  secret?: string;
  /** Puts the Lancashire 2015/16 plan in the data directory as plan `demo`, if it is not there. */
  demo?: boolean;
  /** The built app to serve. */
  staticDir?: string;
  /** The largest message accepted, in bytes (default 16 MiB). */
  maxMessageBytes?: number;
  /** Messages a connection may send per second, sustained (default 200, bursts to twice that). */
  messagesPerSecond?: number;
  /** Connections one plan may have at once (default 200). */
  maxConnectionsPerRoom?: number;
  /** Where log lines go (default stderr). */
  log?: (line: string) => void;
}

/** A running relay. */
export interface Relay {
  /** The http(s) address it listens on, e.g. `http://127.0.0.1:8080`. */
  url: string;
  server: Server;
  metrics: Metrics;
  /** Stops accepting, writes every plan to disk, closes connections. */
  close(): Promise<void>;
}

const SYNC_PATH = /^\/sync\/([^/?#]+)$/;

/**
 * Starts the relay: a y-websocket server (rooms at `/sync/<planId>`) that
 * stores each plan on local disk, plus `/healthz`, `/metrics`, `/api/demo`
 * and the app's files.
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
  const maxMessageBytes = options.maxMessageBytes ?? 16 * 1024 * 1024;
  const rate = options.messagesPerSecond ?? 200;
  const maxPerRoom = options.maxConnectionsPerRoom ?? 200;
  const store = new FileStore(options.dataDir);
  const metrics = new Metrics();
  const rooms = new Map<string, Room>();
  let closing = false;

  if (options.demo) {
    const created = seedDemoPlan(store);
    log(created ? `Demo plan written to ${options.dataDir} as plan "${DEMO_PLAN_ID}".` : `Demo plan "${DEMO_PLAN_ID}" already in ${options.dataDir}; left as it is.`);
  }
  if (!options.secret)
    log(`WARNING: no --secret given, so every plan is open to anyone who can reach this server${host === '127.0.0.1' || host === 'localhost' ? ' (it listens on this machine only)' : ''}.`);
  if (options.staticDir && !existsSync(options.staticDir)) log(`The app's files are not at ${options.staticDir}; run \`npm run build\` to serve the app.`);

  const roomFor = (planId: string): Room => {
    let room = rooms.get(planId);
    if (!room) {
      room = new Room(planId, store, metrics, log);
      rooms.set(planId, room);
      metrics.rooms = rooms.size;
    }
    return room;
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    if (path === '/metrics') return void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metrics.render());
    if (path === '/api/demo') {
      if (!options.demo) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"this relay runs without --demo"}');
      return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(JSON.stringify({ planId: DEMO_PLAN_ID }));
    }
    if (options.staticDir) return serveStatic(options.staticDir, req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  const refuse = (socket: Duplex, status: number, reason: string) => {
    metrics.refusedConnections++;
    socket.end(`HTTP/1.1 ${status} ${reason.replace(/[\r\n]/g, ' ')}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const match = SYNC_PATH.exec(url.pathname);
      if (closing) return refuse(socket, 503, 'The relay is shutting down');
      if (!match) return refuse(socket, 404, 'Plans are at /sync/<planId>');
      let planId: string;
      try {
        planId = decodeURIComponent(match[1]!);
      } catch {
        return refuse(socket, 400, 'Bad plan id');
      }
      let grant: Grant = { planId, role: 'editor', name: '' };
      if (options.secret) {
        try {
          grant = await verifyToken(options.secret, url.searchParams.get('token'), planId);
        } catch (e) {
          if (e instanceof TokenRefused) return refuse(socket, 401, `Refused: ${e.message}`);
          throw e;
        }
      }
      const room = roomFor(planId);
      if (room.peers.size >= maxPerRoom) return refuse(socket, 503, `This plan already has ${maxPerRoom} connections`);
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, room, grant));
    })().catch((e) => {
      metrics.errors++;
      log(`ERROR during connection: ${e instanceof Error ? e.stack : e}`);
      refuse(socket, 500, 'Internal error');
    });
  });

  const accept = (ws: WebSocket, room: Room, grant: Grant) => {
    const peer: Peer = { ws, role: grant.role, awarenessIds: new Set() };
    metrics.connections++;
    let tokens = rate * 2;
    let last = Date.now();
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = toBytes(data);
      metrics.messagesIn++;
      metrics.bytesIn += bytes.length;
      const now = Date.now();
      tokens = Math.min(rate * 2, tokens + ((now - last) / 1000) * rate);
      last = now;
      if (--tokens < 0) {
        metrics.closedForBadInput++;
        return ws.close(CLOSE.tooMany, 'too many messages');
      }
      if (!isBinary) {
        metrics.closedForBadInput++;
        return ws.close(CLOSE.malformed, 'messages must be binary y-websocket frames');
      }
      try {
        room.receive(peer, bytes);
      } catch (e) {
        // A bad frame costs its sender the connection and nobody else anything.
        metrics.closedForBadInput++;
        log(`Closed a connection to plan "${room.planId}": malformed message (${e instanceof Error ? e.message : e}).`);
        ws.close(CLOSE.malformed, 'malformed message');
      }
    });
    ws.on('error', () => {
      metrics.closedForBadInput++; // ws reports oversized frames (1009) and protocol errors here
    });
    ws.on('close', () => {
      metrics.connections--;
      room.leave(ws);
      if (room.peers.size === 0) scheduleUnload(room);
    });
    room.join(peer);
  };

  const unloadTimers = new Map<Room, NodeJS.Timeout>();
  const scheduleUnload = (room: Room) => {
    clearTimeout(unloadTimers.get(room));
    unloadTimers.set(
      room,
      setTimeout(() => {
        unloadTimers.delete(room);
        if (room.peers.size > 0 || closing) return;
        void room.compact().then(() => {
          if (room.hasUnsaved || room.peers.size > 0 || closing) return; // keep it in memory until the disk takes it
          room.destroy();
          rooms.delete(room.planId);
          metrics.rooms = rooms.size;
        });
      }, 30_000),
    );
  };

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
      for (const t of unloadTimers.values()) clearTimeout(t);
      const closed = new Promise<void>((r) => server.close(() => r()));
      await Promise.all([...rooms.values()].map((room) => room.compact()));
      for (const ws of wss.clients) ws.close(CLOSE.shuttingDown, 'server shutting down');
      await Promise.race([new Promise((r) => setTimeout(r, 2000)), Promise.all([...wss.clients].map((ws) => new Promise((r) => ws.once('close', r))))]);
      for (const ws of wss.clients) ws.terminate();
      for (const room of rooms.values()) room.destroy();
      store.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
