import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './relay-process.js';
import { client, relay, text } from './per-test.js';

const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) execFileSync('umount', ['-l', dir]);
});

/** A real, tiny filesystem (tmpfs) to fill up: the tests run as root, as CI does. */
function tinyDisk(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'coplan-tiny-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Fills the filesystem to its last byte with one file, and returns a function that frees it. */
function fill(dir: string): () => void {
  const filler = join(dir, 'filler');
  const { bavail, bsize } = statfsSync(dir);
  writeFileSync(filler, Buffer.alloc(Number(bavail) * Number(bsize)));
  return () => rmSync(filler);
}

const metric = async (url: string, name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(await (await fetch(url + '/metrics')).text())![1]);

describe('defect 4: a full disk, then space back, then a crash', () => {
  it('loses none of the edits written after a write that failed part-way', async () => {
    const disk = tinyDisk(1024 * 1024);
    const dataDir = join(disk, 'data');
    mkdirSync(dataDir);
    const first = await relay([], dataDir);
    const a = client(first, 'plan');
    const b = client(first, 'plan');
    a.doc.getText('t').insert(0, 'start. ');
    await waitFor(() => expect(text(b)).toBe('start. '));
    await waitFor(async () => expect(await metric(first.url, 'coplan_persist_seconds_count')).toBeGreaterThan(0));

    // The disk fills; a large edit fits only in part of the log's last page and the rest fails (ENOSPC).
    const free = fill(disk);
    a.doc.getText('t').insert(7, 'x'.repeat(20_000));
    await waitFor(async () => expect(await metric(first.url, 'coplan_persistence_errors_total')).toBeGreaterThan(0));
    expect(first.output()).toMatch(/ENOSPC/);
    // Partners still receive it, so every device holds it.
    await waitFor(() => expect(text(b)).toHaveLength(20_007));

    // Space comes back; ten more edits; the relay writes the plan whole again by itself.
    free();
    for (let i = 0; i < 10; i++) a.doc.getText('t').insert(0, `${i}`);
    await waitFor(() => expect(text(b)).toMatch(/^9876543210start\. x{20000}$/));
    await waitFor(async () => expect(await metric(first.url, 'coplan_plans_unsaved')).toBe(0), 20_000);
    expect(first.output()).toMatch(/Plan "plan" is saved again/);

    await first.stop('SIGKILL');
    a.destroy();
    b.destroy();
    const second = await relay([], dataDir);
    const c = client(second, 'plan');
    await waitFor(() => expect(c.synced).toBe(true));
    expect(text(c)).toMatch(/^9876543210start\. x{20000}$/);
  }, 40_000);
});
