import { execFileSync } from 'node:child_process';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { BIN, connect, startRelayProcess, type RelayProcess } from './relay-process.js';

/**
 * Per-test lifecycle for relay tests: everything started through these
 * helpers is stopped after each test, newest first.
 */
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A relay process for this test. */
export async function relay(args: string[] = [], dataDir?: string): Promise<RelayProcess> {
  const r = await startRelayProcess(args, dataDir);
  cleanup.push(() => r.stop('SIGKILL'));
  return r;
}

/** A stock y-websocket client for this test. */
export function client(r: RelayProcess, planId: string, options: Parameters<typeof connect>[2] = {}): WebsocketProvider {
  const p = connect(r, planId, options);
  cleanup.push(() => p.destroy());
  return p;
}

/** The shared text the tests type into. */
export const text = (p: WebsocketProvider) => p.doc.getText('t').toString();

/** A token from the real `coplan-server token` command. */
export function token(secret: string, plan: string, role: string, ttl = '1h'): string {
  return execFileSync(process.execPath, [BIN, 'token', '--secret', secret, '--plan', plan, '--role', role, '--ttl', ttl], { encoding: 'utf8' }).trim();
}

/** A raw WebSocket: resolves once open, or with the HTTP status and body the server refused it with. */
export function raw(url: string): Promise<{ ws: WebSocket; status: number | 'open'; body: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    cleanup.push(() => ws.terminate());
    ws.on('open', () => resolve({ ws, status: 'open', body: '' }));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ ws, status: res.statusCode ?? 0, body }));
    });
    ws.on('error', () => undefined);
  });
}

/** The close code a WebSocket ends with. */
export function closeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}
