import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../src/relay.js';
import { waitFor } from './relay-process.js';

const started: Relay[] = [];
afterEach(async () => {
  for (const r of started.splice(0)) await r.close();
});

const openFiles = () => readdirSync('/proc/self/fd').length;

describe('plans nobody is editing', () => {
  it('are written whole and unloaded, and let go of their files, so many plans over time cannot exhaust file handles', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-unload-'));
    const relay = await startRelay({ dataDir, port: 0, unloadAfterMs: 50, log: () => undefined });
    started.push(relay);
    const before = openFiles();
    for (let round = 0; round < 3; round++) {
      const clients = Array.from({ length: 40 }, (_, i) => {
        const doc = new Y.Doc();
        doc.getText('t').insert(0, `plan ${i}, round ${round}`);
        return new WebsocketProvider(relay.url.replace('http', 'ws') + '/sync', `plan-${round}-${i}`, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
      });
      await waitFor(() => expect(relay.metrics.persistCount).toBeGreaterThanOrEqual((round + 1) * 40));
      clients.forEach((c) => c.destroy());
      await waitFor(() => expect(relay.metrics.rooms).toBe(0), 15_000);
    }
    // 120 plans came and went; the handles they used are closed again.
    expect(openFiles()).toBeLessThan(before + 10);
    const reopened = new WebsocketProvider(relay.url.replace('http', 'ws') + '/sync', 'plan-2-7', new Y.Doc(), {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await waitFor(() => expect(reopened.doc.getText('t').toString()).toBe('plan 7, round 2'));
    reopened.destroy();
  }, 40_000);
});

describe('a plan whose store fails while a refused update is undone', () => {
  it('is unloaded and its people told to reconnect (1013), and it loads afresh without the refused update', async () => {
    const { FileStore } = await import('../src/store/file-store.js');
    const { nestedMaps, updateFrame } = await import('./frames.js');
    let failLoads = false;
    class FlakyStore extends FileStore {
      override async load(planId: string) {
        if (failLoads) throw new Error('EIO: injected');
        return super.load(planId);
      }
    }
    const store = new FlakyStore(mkdtempSync(join(tmpdir(), 'coplan-flaky-')));
    const relay = await startRelay({ store, port: 0, log: () => undefined });
    started.push(relay);
    const url = relay.url.replace('http', 'ws') + '/sync';
    const honest = new WebsocketProvider(url, 'plan', new Y.Doc(), { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
    honest.doc.getText('t').insert(0, 'honest');
    await waitFor(() => expect(relay.metrics.persistCount).toBeGreaterThan(0));
    const codes: number[] = [];
    honest.on('connection-close', (e: { code: number } | null) => e && codes.push(e.code));
    failLoads = true;
    const attacker = new WebSocket(`${url}/plan`);
    await new Promise((r) => attacker.once('open', r));
    attacker.send(updateFrame(nestedMaps(40)[0]!));
    await waitFor(() => expect(codes).toContain(1013));
    failLoads = false;
    // The stock client reconnects by itself and finds the plan as stored, without the attacker's maps.
    await waitFor(() => expect(honest.synced).toBe(true));
    const check = new WebsocketProvider(url, 'plan', new Y.Doc(), { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
    await waitFor(() => expect(check.doc.getText('t').toString()).toBe('honest'));
    expect(check.doc.getMap('t-map').size).toBe(0);
    honest.destroy();
    check.destroy();
    attacker.terminate();
  });
});
