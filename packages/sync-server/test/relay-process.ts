import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The built `coplan-server` bin. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');

/** A real relay process on a free port. */
export interface RelayProcess {
  url: string;
  wsUrl: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns the built `coplan-server` bin on port 0 and waits for the line that names its address. */
export async function startRelayProcess(args: string[] = [], dataDir = mkdtempSync(join(tmpdir(), 'coplan-relay-'))): Promise<RelayProcess> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${out}`)), 15_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`relay exited with ${code}:\n${out}`)));
  });
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws') + '/sync',
    dataDir,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** A stock y-websocket client in Node. */
export function connect(relay: RelayProcess, planId: string, options: { token?: string; doc?: Y.Doc } = {}): WebsocketProvider {
  const doc = options.doc ?? new Y.Doc();
  return new WebsocketProvider(relay.wsUrl, planId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: options.token ? { token: options.token } : {},
    disableBc: true,
  });
}

/** Polls until `check` stops throwing (or returns true), like Hocuspocus's retryableAssertion. */
export async function waitFor(check: () => unknown, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const r = await check();
      if (r !== false) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs) throw last ?? new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
