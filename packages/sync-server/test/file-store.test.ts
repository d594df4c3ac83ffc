import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../src/store/file-store.js';

const bytes = (updates: Uint8Array[]) => updates.map((u) => [...u]);

describe('the file store', () => {
  it('drops a record cut short by a crash, keeps its bytes aside, and appends cleanly after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coplan-store-'));
    const store = new FileStore(dir);
    await store.append('p', [Uint8Array.of(1, 2, 3)]);
    await store.append('p', [Uint8Array.of(4), Uint8Array.of(5, 6)]);
    await store.close();
    const log = join(dir, 'p', 'log.bin');
    const whole = statSync(log).size;
    // A crash mid-write: a length prefix promising 100 bytes, and only 3 of them.
    appendFileSync(log, Buffer.from([0, 0, 0, 100, 9, 9, 9]));
    const reopened = new FileStore(dir);
    const loaded = await reopened.load('p');
    expect(bytes(loaded.updates)).toEqual([[1, 2, 3], [4], [5, 6]]);
    expect(loaded.quarantined).toHaveLength(1);
    expect([...readFileSync(loaded.quarantined[0]!)]).toEqual([0, 0, 0, 100, 9, 9, 9]);
    expect(statSync(log).size).toBe(whole);
    await reopened.append('p', [Uint8Array.of(7)]);
    expect(bytes((await reopened.load('p')).updates)).toEqual([[1, 2, 3], [4], [5, 6], [7]]);
    await reopened.close();
  });

  it('compacts into one snapshot and an empty log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coplan-store-'));
    const store = new FileStore(dir);
    await store.append('p', [Uint8Array.of(1)]);
    await store.compact('p', Uint8Array.of(42, 42));
    expect(bytes((await store.load('p')).updates)).toEqual([[42, 42]]);
    expect(statSync(join(dir, 'p', 'log.bin')).size).toBe(0);
    expect(await store.planIds()).toEqual(['p']);
    await store.close();
  });

  it('keeps a plan whose id is too long for a file name under a hash, and lists it by its id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coplan-store-'));
    const store = new FileStore(dir);
    const id = 'é'.repeat(120);
    await store.append(id, [Uint8Array.of(1)]);
    expect(readdirSync(dir)[0]).toMatch(/^~[0-9a-f]{64}$/);
    expect(await store.planIds()).toEqual([id]);
    expect(bytes((await store.load(id)).updates)).toEqual([[1]]);
    await expect(store.load('..')).rejects.toThrow(/cannot be a plan id/);
    await store.close();
  });
});
