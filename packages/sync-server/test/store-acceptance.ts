import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PlanStore } from '../src/store/plan-store.js';

/** How a store under test is made: `open` may be called again for the same backing data, as a restarted relay would. */
export interface StoreUnderTest {
  open(): Promise<PlanStore>;
  /** The arguments that make `store-child.ts` open the same store in another process. */
  childArgs: string[];
  /** Makes the backing storage refuse writes part-way (a full disk, a failing database) until the returned function is called. */
  breakWrites(): Promise<() => Promise<void>>;
}

const here = dirname(fileURLToPath(import.meta.url));
const bytes = (updates: Uint8Array[]) => updates.map((u) => [...u]);
const u = (...xs: number[]) => Uint8Array.from(xs);

/**
 * The contract every plan store keeps, run against each one (the file store
 * and PostgreSQL), in the manner of automerge-repo's storage adapter tests.
 * `setup` makes fresh, empty backing data for each test.
 */
export function runPlanStoreTests(name: string, setup: () => Promise<StoreUnderTest>): void {
  describe(`plan store acceptance: ${name}`, () => {
    it('loads nothing for a plan never stored, and lists no plans', async () => {
      const store = await (await setup()).open();
      expect((await store.load('nothing-here')).updates).toEqual([]);
      expect(await store.planIds()).toEqual([]);
      expect(await store.has('nothing-here')).toBe(false);
      await store.close();
    });

    it('loads what was appended, in order, in a store opened afterwards without the first being closed (a crash)', async () => {
      const backing = await setup();
      const store = await backing.open();
      await store.load('p');
      await store.append('p', [u(1, 2, 3)]);
      await store.append('p', [u(4), u(5, 6)]);
      const after = await backing.open();
      expect(bytes((await after.load('p')).updates)).toEqual([[1, 2, 3], [4], [5, 6]]);
      expect(await after.planIds()).toEqual(['p']);
      expect(await after.has('p')).toBe(true);
      await Promise.all([store.close(), after.close()]);
    });

    it('replaces what was stored with one state on compaction, and appends after it', async () => {
      const backing = await setup();
      const store = await backing.open();
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (x: Uint8Array) => updates.push(x));
      await store.load('p');
      for (let i = 0; i < 20; i++) doc.getText('t').insert(i, String(i % 10));
      await store.append('p', updates.splice(0));
      await store.compact('p', Y.encodeStateAsUpdate(doc));
      doc.getText('t').insert(0, 'after ');
      await store.append('p', updates.splice(0));
      const loaded = (await (await backing.open()).load('p')).updates;
      expect(loaded).toHaveLength(2);
      const check = new Y.Doc();
      for (const x of loaded) Y.applyUpdate(check, x);
      expect(check.getText('t').toString()).toBe(doc.getText('t').toString());
      await store.close();
    });

    it('keeps many plans apart under concurrent appends to different plans', async () => {
      const backing = await setup();
      const store = await backing.open();
      const plans = Array.from({ length: 60 }, (_, i) => `plan-${i}`);
      await Promise.all(plans.map((p) => store.load(p)));
      for (let round = 0; round < 5; round++) await Promise.all(plans.map((p, i) => store.append(p, [u(i, round)])));
      const after = await backing.open();
      for (const [i, p] of plans.entries()) expect(bytes((await after.load(p)).updates)).toEqual([0, 1, 2, 3, 4].map((round) => [i, round]));
      expect((await after.planIds()).sort()).toEqual([...plans].sort());
      await Promise.all([store.close(), after.close()]);
    });

    it('keeps bad stored data somewhere a person can find it, and loads the plan without it after compaction', async () => {
      const backing = await setup();
      const store = await backing.open();
      await store.load('p');
      await store.append('p', [u(1), u(0xff, 0xff, 0xff)]);
      const where = await store.quarantine('p', [u(0xff, 0xff, 0xff)], 'a test: these bytes are not an update');
      expect(where.length).toBeGreaterThan(0);
      await store.compact('p', u(1));
      expect(bytes((await (await backing.open()).load('p')).updates)).toEqual([[1]]);
      await store.close();
    });

    it('leaves what was stored exactly as it was when a write fails part-way, and takes writes again afterwards', async () => {
      const backing = await setup();
      const store = await backing.open();
      await store.load('p');
      await store.append('p', [u(1), u(2)]);
      const mend = await backing.breakWrites();
      await expect(store.append('p', [u(3), new Uint8Array(100_000).fill(4), u(5)])).rejects.toThrow();
      expect(bytes((await (await backing.open()).load('p')).updates)).toEqual([[1], [2]]);
      await mend();
      await store.append('p', [u(6)]);
      expect(bytes((await (await backing.open()).load('p')).updates)).toEqual([[1], [2], [6]]);
      await store.close();
    });

    it('lets go of a plan and loads it again', async () => {
      const backing = await setup();
      const store = await backing.open();
      await store.load('p');
      await store.append('p', [u(7)]);
      await store.forget('p');
      expect(bytes((await store.load('p')).updates)).toEqual([[7]]);
      await store.append('p', [u(8)]);
      expect(bytes((await store.load('p')).updates)).toEqual([[7], [8]]);
      await store.close();
    });

    it('holds every update it acknowledged when its process is killed with SIGKILL mid-stream', async () => {
      const backing = await setup();
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'store-child.ts'), ...backing.childArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const acked = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          const n = (out.match(/^acked \d+$/gm) ?? []).length;
          if (n >= 200) {
            child.kill('SIGKILL');
            resolve(n);
          }
        });
        child.on('exit', (code) => code !== null && reject(new Error(`the child exited by itself (${code}):\n${err}`)));
      });
      await new Promise((r) => child.once('close', r));
      const ackedNow = (out.match(/^acked (\d+)$/gm) ?? []).map((line) => Number(line.slice(6)));
      expect(ackedNow.length).toBeGreaterThanOrEqual(acked);
      const after = await backing.open();
      const stored = new Set((await after.load('p')).updates.map((x) => new TextDecoder().decode(x)));
      for (const i of ackedNow) expect(stored.has(`update ${i}`), `update ${i} was acknowledged`).toBe(true);
      await after.close();
    });
  });
}
