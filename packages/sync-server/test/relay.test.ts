import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlan } from '@coplan/core';
import { waitFor } from './relay-process.js';
import { client, relay, text } from './per-test.js';

describe('the relay process', () => {
  it('answers /healthz and /metrics, says how to open it, and offers no demo or sign-in without error statuses', async () => {
    const r = await relay();
    expect((await fetch(r.url + '/healthz')).status).toBe(200);
    const metrics = await (await fetch(r.url + '/metrics')).text();
    expect(metrics).toMatch(/^coplan_connections 0$/m);
    expect(metrics).toMatch(/coplan_persist_seconds_count/);
    expect(r.output()).toMatch(/open to anyone who can reach this server/);
    // The app asks both on every load: a plain relay answers 200 (a 404 would log a console error), offering neither.
    const demo = await fetch(r.url + '/api/demo');
    expect(demo.status).toBe(200);
    expect(await demo.json()).toEqual({ planId: null });
    const signIn = await fetch(r.url + '/api/sign-in');
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toEqual({ issuers: [] });
  });

  it('syncs two stock y-websocket clients and their presence, room by room', async () => {
    const r = await relay();
    const a = client(r, 'plan-a');
    const b = client(r, 'plan-a');
    const other = client(r, 'plan-b');
    a.doc.getText('t').insert(0, 'hello');
    await waitFor(() => expect(text(b)).toBe('hello'));
    b.doc.getText('t').insert(5, ' world');
    await waitFor(() => expect(text(a)).toBe('hello world'));
    a.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitFor(() => expect([...b.awareness.getStates().values()].some((s) => s.user?.name === 'Alice')).toBe(true));
    await waitFor(() => expect(other.synced).toBe(true));
    expect(text(other)).toBe('');
    expect([...other.awareness.getStates().values()].some((s) => s.user?.name === 'Alice')).toBe(false);
  });

  it('serves the demo plan with --demo, and writing it twice changes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-demo-'));
    const first = await relay(['--demo'], dataDir);
    expect(await (await fetch(first.url + '/api/demo')).json()).toEqual({ planId: 'demo' });
    const c = client(first, 'demo');
    await waitFor(() => expect(c.synced).toBe(true));
    const plan = openPlan(c.doc);
    expect(plan.snapshot().title).toBe('LSCB Business Plan 2015/16');
    plan.updatePlan({ vision: 'Edited in the demo' });
    await waitFor(async () => expect(await (await fetch(first.url + '/metrics')).text()).toMatch(/^coplan_persist_seconds_count [1-9]/m));
    await first.stop();
    const second = await relay(['--demo'], dataDir);
    expect(second.output()).toMatch(/already stored; left as it is/);
    const d = client(second, 'demo');
    await waitFor(() => expect(d.synced).toBe(true));
    expect(openPlan(d.doc).snapshot().vision).toBe('Edited in the demo');
  });
});

describe('nothing lost', () => {
  it('keeps every update that was passed on, through kill -9 and restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-kill-'));
    const first = await relay([], dataDir);
    const a = client(first, 'plan');
    const b = client(first, 'plan');
    for (let i = 0; i < 50; i++) a.doc.getText('t').insert(i, String(i % 10));
    await waitFor(() => expect(text(b)).toHaveLength(50));
    await first.stop('SIGKILL');
    a.destroy();
    b.destroy();
    const second = await relay([], dataDir);
    const c = client(second, 'plan');
    await waitFor(() => expect(c.synced).toBe(true));
    expect(text(c)).toBe(text(a));
  });

  it('answers a joining client in a room that never goes quiet', async () => {
    const r = await relay();
    const typists = Array.from({ length: 6 }, () => client(r, 'busy'));
    await waitFor(() => expect(typists.every((t) => t.synced)).toBe(true));
    let n = 0;
    const typing = setInterval(() => typists.forEach((t) => t.doc.getArray('n').push([n++])), 5);
    try {
      await waitFor(() => expect(typists[0]!.doc.getArray('n').length).toBeGreaterThan(100));
      // The newcomer's sync waits for the writes before it asked, not for the typing to stop.
      const newcomer = client(r, 'busy');
      await waitFor(() => expect(newcomer.synced).toBe(true), 10_000);
      expect(newcomer.doc.getArray('n').length).toBeGreaterThan(100);
    } finally {
      clearInterval(typing);
    }
  });

  it('loads a plan before answering its first sync', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-load-'));
    const first = await relay([], dataDir);
    const a = client(first, 'plan');
    a.doc.getText('t').insert(0, 'stored');
    await waitFor(async () => expect(await (await fetch(first.url + '/metrics')).text()).toMatch(/^coplan_persist_seconds_count [1-9]/m));
    await first.stop('SIGKILL');
    a.destroy();
    const second = await relay([], dataDir);
    // The very first sync answer already holds the stored text.
    const c = client(second, 'plan');
    let textAtSync = '';
    c.on('sync', (synced: boolean) => {
      if (synced) textAtSync = text(c);
    });
    await waitFor(() => expect(c.synced).toBe(true));
    expect(textAtSync).toBe('stored');
  });

  it('on SIGTERM writes every plan and exits cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-term-'));
    const first = await relay([], dataDir);
    const a = client(first, 'plan');
    a.doc.getText('t').insert(0, 'before shutdown');
    await waitFor(async () => expect(await (await fetch(first.url + '/metrics')).text()).toMatch(/^coplan_persist_seconds_count [1-9]/m));
    expect(await first.stop('SIGTERM')).toBe(0);
    a.destroy();
    const second = await relay([], dataDir);
    const c = client(second, 'plan');
    await waitFor(() => expect(text(c)).toBe('before shutdown'));
  });
});

describe('a disk that refuses writes', () => {
  it('says so in the log and in /metrics, keeps syncing, and clients keep their copies', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coplan-disk-'));
    const r = await relay([], dataDir);
    const a = client(r, 'plan');
    const b = client(r, 'plan');
    await waitFor(() => expect(a.synced && b.synced).toBe(true));
    // A real filesystem failure: where the plan's log would be created there is a directory.
    mkdirSync(join(dataDir, 'plan', 'log.bin'), { recursive: true });
    a.doc.getText('t').insert(0, 'typed while the disk refused');
    await waitFor(() => expect(text(b)).toBe('typed while the disk refused'));
    expect(text(a)).toBe('typed while the disk refused');
    await waitFor(async () => expect(await (await fetch(r.url + '/metrics')).text()).toMatch(/^coplan_persistence_errors_total [1-9]/m));
    expect(r.output()).toMatch(/ERROR could not save plan "plan" to disk: .*EISDIR.*free disk space or fix permissions/);
  });
});
