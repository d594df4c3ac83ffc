import { createHash } from 'node:crypto';
import { constants, mkdirSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlanStore, StoredPlan } from './plan-store.js';

/** The file operations the store uses, so tests can make them fail part-way. */
export interface FileIo {
  open(path: string, flags: string | number): Promise<FileHandle>;
}

const nodeIo: FileIo = { open: (path, flags) => open(path, flags) };

/**
 * Each plan's stored state on local disk: a snapshot plus an append-only log
 * of the updates since. An update is written and fsynced before the relay
 * passes it on, so anything a partner has seen survives `kill -9`.
 *
 * Layout: `<dataDir>/<encoded planId>/snapshot.bin` and `log.bin`; a log record
 * is a 4-byte big-endian length followed by that many bytes of Yjs update.
 * A write that fails part-way (a full disk, an I/O error) is cut back off the
 * log before the failure is reported, so the log never holds a torn record
 * with good ones after it. Bytes a load cannot read are moved to
 * `<plan>/quarantine/`, never deleted.
 */
export class FileStore implements PlanStore {
  private readonly logs = new Map<string, { file: FileHandle; bytes: number; torn: boolean }>();
  private readonly dirs = new Map<string, string>();

  constructor(
    readonly dataDir: string,
    private readonly io: FileIo = nodeIo,
  ) {
    mkdirSync(dataDir, { recursive: true });
  }

  async planIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const entry of await readdir(this.dataDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (entry.name.startsWith('~')) {
        const id = await readFile(join(this.dataDir, entry.name, 'plan-id.txt'), 'utf8').catch(() => null);
        if (id !== null) ids.push(id);
        continue;
      }
      try {
        ids.push(decodeURIComponent(entry.name));
      } catch {
        // A directory someone else put here: not a plan.
      }
    }
    return ids;
  }

  async has(planId: string): Promise<boolean> {
    const dir = this.pathOf(planId);
    const sizes = await Promise.all(
      ['snapshot.bin', 'log.bin'].map((f) =>
        stat(join(dir, f)).then(
          (st) => st.size,
          () => 0,
        ),
      ),
    );
    return sizes.some((n) => n > 0);
  }

  async load(planId: string): Promise<StoredPlan> {
    const dir = this.pathOf(planId); // reading creates nothing: a plan never stored stays unlisted
    const updates: Uint8Array[] = [];
    const quarantined: string[] = [];
    const snapshot = await readFile(join(dir, 'snapshot.bin')).catch(missingIsEmpty);
    if (snapshot.length) updates.push(snapshot);
    const logPath = join(dir, 'log.bin');
    const log = await readFile(logPath).catch(missingIsEmpty);
    let at = 0;
    while (at + 4 <= log.length) {
      const len = log.readUInt32BE(at);
      if (at + 4 + len > log.length) break;
      updates.push(log.subarray(at + 4, at + 4 + len));
      at += 4 + len;
    }
    if (at < log.length) {
      // A record cut short by a crash mid-write was never passed on; anything else there is kept aside.
      quarantined.push(await this.quarantine(planId, [log.subarray(at)], `the log's last ${log.length - at} bytes are not a whole record`));
      const file = await this.io.open(logPath, 'r+');
      try {
        await file.truncate(at);
        await file.datasync();
      } finally {
        await file.close();
      }
    }
    return { updates, quarantined };
  }

  async append(planId: string, updates: Uint8Array[]): Promise<number> {
    const log = await this.logOf(planId);
    if (log.torn) throw new Error('an earlier write could not be cut back; the plan must be written whole (compacted) first');
    let size = 0;
    for (const u of updates) size += 4 + u.length;
    const records = Buffer.allocUnsafe(size);
    let at = 0;
    for (const u of updates) {
      records.writeUInt32BE(u.length, at);
      records.set(u, at + 4);
      at += 4 + u.length;
    }
    try {
      let written = 0;
      while (written < records.length) written += (await log.file.write(records, written, records.length - written)).bytesWritten;
      await log.file.datasync();
    } catch (e) {
      // Leave the log exactly as it was, so later records never follow a torn one.
      try {
        await log.file.truncate(log.bytes);
        await log.file.datasync();
      } catch {
        log.torn = true;
      }
      throw e;
    }
    log.bytes += records.length;
    return log.bytes;
  }

  /**
   * Writes the state to a temporary file, fsyncs it, renames it over the
   * snapshot and fsyncs the directory, and only then empties the log. A crash
   * at any point leaves either the old pair or the new snapshot (with a log
   * whose updates it already holds, which Yjs applies as no-ops).
   */
  async compact(planId: string, state: Uint8Array): Promise<void> {
    const dir = await this.dirOf(planId);
    const tmp = join(dir, 'snapshot.bin.tmp');
    try {
      const file = await this.io.open(tmp, 'w');
      try {
        let written = 0;
        while (written < state.length) written += (await file.write(state, written, state.length - written)).bytesWritten;
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, join(dir, 'snapshot.bin'));
    } catch (e) {
      await unlink(tmp).catch(() => undefined); // give the space back
      throw e;
    }
    const dirHandle = await open(dir, constants.O_RDONLY);
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
    const log = await this.logOf(planId);
    await log.file.truncate(0);
    log.bytes = 0; // whatever happens next, the file is this long now
    log.torn = false;
    await log.file.datasync();
  }

  async quarantine(planId: string, data: Uint8Array[], reason: string): Promise<string> {
    const dir = join(await this.dirOf(planId), 'quarantine');
    await mkdir(dir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
    await writeFile(join(dir, `${name}.bin`), Buffer.concat(data.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength))));
    await writeFile(join(dir, `${name}.txt`), `${reason}\n${data.length} piece(s), ${data.reduce((n, d) => n + d.length, 0)} bytes\n`);
    return join(dir, `${name}.bin`);
  }

  async forget(planId: string): Promise<void> {
    const log = this.logs.get(planId);
    this.logs.delete(planId);
    this.dirs.delete(planId);
    await log?.file.close();
  }

  async close(): Promise<void> {
    const logs = [...this.logs.values()];
    this.logs.clear();
    await Promise.all(logs.map((l) => l.file.close()));
  }

  /** A plan's directory: its id URI-encoded, or for ids whose encoding is too long for a file name, a hash with the id beside it. */
  private pathOf(planId: string): string {
    if (planId === '' || planId === '.' || planId === '..') throw new Error(`"${planId}" cannot be a plan id`);
    const encoded = encodeURIComponent(planId).replace(/^~/, '%7E'); // a leading ~ marks hashed names
    return join(this.dataDir, encoded.length > 200 ? `~${createHash('sha256').update(planId).digest('hex')}` : encoded);
  }

  private async dirOf(planId: string): Promise<string> {
    const known = this.dirs.get(planId);
    if (known) return known;
    const dir = this.pathOf(planId);
    const long = dir.slice(this.dataDir.length + 1).startsWith('~');
    await mkdir(dir, { recursive: true });
    if (long) await writeFile(join(dir, 'plan-id.txt'), planId, { flag: 'wx' }).catch((e) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
    this.dirs.set(planId, dir);
    return dir;
  }

  private async logOf(planId: string): Promise<{ file: FileHandle; bytes: number; torn: boolean }> {
    let log = this.logs.get(planId);
    if (!log) {
      const file = await this.io.open(join(await this.dirOf(planId), 'log.bin'), 'a');
      log = { file, bytes: (await file.stat()).size, torn: false };
      this.logs.set(planId, log);
    }
    return log;
  }
}

function missingIsEmpty(e: NodeJS.ErrnoException): Buffer {
  if (e.code === 'ENOENT') return Buffer.alloc(0);
  throw e;
}
