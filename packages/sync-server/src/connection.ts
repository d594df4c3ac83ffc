import type { RawData, WebSocket } from 'ws';
import { CLOSE } from './close-codes.js';
import type { RelayLimits } from './limits.js';
import type { Metrics } from './metrics.js';
import type { Peer, Room } from './room.js';
import type { Grant } from './tokens.js';

/** How long a connection has to answer a ping before it is taken for dead. */
export const PROBE_TIMEOUT_MS = 5000;
/** The longest delay `setTimeout` takes; later expiries are reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a connection needs from the relay around it. */
export interface ConnectionContext {
  metrics: Metrics;
  limits: RelayLimits;
  log: (line: string) => void;
  now: () => number;
}

/**
 * One WebSocket in a room: its message rate (a token bucket), its access
 * ending when its grant expires, and liveness (a connection that stops
 * answering pings is dropped, so its presence ids are freed).
 */
export function acceptConnection(ws: WebSocket, room: Room, grant: Grant, ctx: ConnectionContext, onClosed: () => void): Peer {
  const { metrics, limits } = ctx;
  let alive = true;
  let probing: NodeJS.Timeout | null = null;
  const peer: Peer = {
    ws,
    role: grant.role,
    presenceIds: new Set(),
    lastPresenceQuery: 0,
    probe() {
      if (probing) return;
      alive = false;
      ws.ping();
      probing = setTimeout(() => {
        probing = null;
        if (!alive) ws.terminate();
      }, PROBE_TIMEOUT_MS);
      probing.unref();
    },
    heartbeat() {
      if (!alive) return void ws.terminate();
      alive = false;
      ws.ping();
    },
  };
  ws.on('pong', () => {
    alive = true;
  });
  metrics.connections++;

  let tokens = limits.messagesPerSecond * 2;
  let last = ctx.now();
  ws.on('message', (data: RawData, isBinary: boolean) => {
    alive = true;
    const bytes = toBytes(data);
    metrics.messagesIn++;
    metrics.bytesIn += bytes.length;
    const now = ctx.now();
    tokens = Math.min(limits.messagesPerSecond * 2, tokens + ((now - last) / 1000) * limits.messagesPerSecond);
    last = now;
    if (--tokens < 0) {
      if (ws.readyState !== ws.OPEN) return;
      metrics.closedForBadInput++;
      return ws.close(CLOSE.tooManyMessages, 'too many messages: reconnect in a moment');
    }
    if (!isBinary) {
      metrics.closedForBadInput++;
      return ws.close(CLOSE.malformed, 'messages must be binary y-websocket frames');
    }
    room.receive(peer, bytes);
  });

  // Access ends when the grant does, even for a connection that stays open.
  let expiry: NodeJS.Timeout | null = null;
  const armExpiry = () => {
    if (grant.expiresAt === undefined) return;
    const left = grant.expiresAt - ctx.now();
    if (left <= 0) {
      metrics.closedExpired++;
      ws.close(CLOSE.accessExpired, 'access expired: open the plan with a new link');
      return;
    }
    expiry = setTimeout(armExpiry, Math.min(left, MAX_TIMER_MS));
  };
  armExpiry();

  ws.on('error', () => {
    metrics.closedForBadInput++; // ws reports oversized frames (1009) and protocol errors here
  });
  ws.on('close', () => {
    if (expiry) clearTimeout(expiry);
    if (probing) clearTimeout(probing);
    metrics.connections--;
    room.leave(ws);
    onClosed();
  });
  room.join(peer);
  return peer;
}

/**
 * Pings every connection on an interval and drops those that did not answer
 * the last ping: a tablet whose wifi died leaves no TCP close behind.
 */
export function startHeartbeat(peers: () => Iterable<Peer>, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const peer of peers()) peer.heartbeat();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
