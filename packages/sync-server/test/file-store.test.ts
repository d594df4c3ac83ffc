import { appendFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../src/file-store.js';

describe('the file store', () => {
  it('drops a record cut short by a crash, and appends cleanly after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coplan-store-'));
    const store = new FileStore(dir);
    await store.append('p', [Uint8Array.of(1, 2, 3)]);
    await store.append('p', [Uint8Array.of(4), Uint8Array.of(5, 6)]);
    store.close();
    const log = join(dir, 'p', 'log.bin');
    const whole = statSync(log).size;
    // A crash mid-write: a length prefix promising 100 bytes, and only 3 of them.
    appendFileSync(log, Buffer.from([0, 0, 0, 100, 9, 9, 9]));
    const reopened = new FileStore(dir);
    expect(reopened.load('p').map((u) => [...u])).toEqual([[1, 2, 3], [4], [5, 6]]);
    expect(statSync(log).size).toBe(whole);
    await reopened.append('p', [Uint8Array.of(7)]);
    expect(reopened.load('p').map((u) => [...u])).toEqual([[1, 2, 3], [4], [5, 6], [7]]);
    reopened.close();
  });

  it('compacts into one snapshot and an empty log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coplan-store-'));
    const store = new FileStore(dir);
    await store.append('p', [Uint8Array.of(1)]);
    store.compact('p', Uint8Array.of(42, 42));
    expect(store.load('p').map((u) => [...u])).toEqual([[42, 42]]);
    expect(statSync(join(dir, 'p', 'log.bin')).size).toBe(0);
    expect(store.planIds()).toEqual(['p']);
    store.close();
  });
});
