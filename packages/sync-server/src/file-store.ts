import { closeSync, existsSync, fdatasync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, write, writeSync, ftruncateSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);
import { join } from 'node:path';

/**
 * Each plan's stored state on local disk: a snapshot plus an append-only log
 * of the updates since. An update is written and fsynced before the relay
 * passes it on, so anything a partner has seen survives `kill -9`.
 *
 * Layout: `<dataDir>/<encoded planId>/snapshot.bin` and `log.bin`; a log record
 * is a 4-byte big-endian length followed by that many bytes of Yjs update.
 */
export class FileStore {
  private readonly logs = new Map<string, { fd: number; bytes: number }>();

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
  }

  /** Plan ids with anything stored. */
  planIds(): string[] {
    return readdirSync(this.dataDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => decodeURIComponent(d.name));
  }

  /**
   * Everything stored for a plan: the snapshot, then each logged update. A
   * record cut short by a crash mid-write is dropped (it was never passed on)
   * and cut from the file so appends continue cleanly.
   */
  load(planId: string): Uint8Array[] {
    const dir = this.dirOf(planId);
    const out: Uint8Array[] = [];
    const snapshot = join(dir, 'snapshot.bin');
    if (existsSync(snapshot)) out.push(readFileSync(snapshot));
    const log = join(dir, 'log.bin');
    if (existsSync(log)) {
      const buf = readFileSync(log);
      let at = 0;
      while (at + 4 <= buf.length) {
        const len = buf.readUInt32BE(at);
        if (at + 4 + len > buf.length) break;
        out.push(buf.subarray(at + 4, at + 4 + len));
        at += 4 + len;
      }
      if (at < buf.length) {
        const fd = openSync(log, 'r+');
        ftruncateSync(fd, at);
        fsyncSync(fd);
        closeSync(fd);
      }
    }
    return out;
  }

  /**
   * Appends updates durably, in one write and one fsync (group commit), off
   * the event loop; resolves with the log's size once they are on disk.
   * Callers must not append to one plan twice at once, nor compact during it.
   */
  async append(planId: string, updates: Uint8Array[]): Promise<number> {
    const log = this.logOf(planId);
    let size = 0;
    for (const u of updates) size += 4 + u.length;
    const records = Buffer.allocUnsafe(size);
    let at = 0;
    for (const u of updates) {
      records.writeUInt32BE(u.length, at);
      records.set(u, at + 4);
      at += 4 + u.length;
    }
    let written = 0;
    while (written < records.length) written += (await writeAsync(log.fd, records, written, records.length - written)).bytesWritten;
    await fdatasyncAsync(log.fd);
    log.bytes += records.length;
    return log.bytes;
  }

  /**
   * Replaces snapshot and log with one snapshot: written to a temporary file,
   * fsynced, renamed over the old one, and only then is the log emptied. A
   * crash at any point leaves either the old pair or the new snapshot (with a
   * log whose updates it already holds, which Yjs applies as no-ops).
   */
  compact(planId: string, state: Uint8Array): void {
    const dir = this.dirOf(planId);
    const tmp = join(dir, 'snapshot.bin.tmp');
    const fd = openSync(tmp, 'w');
    writeSync(fd, state);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, join(dir, 'snapshot.bin'));
    const dirFd = openSync(dir, 'r');
    fsyncSync(dirFd);
    closeSync(dirFd);
    const log = this.logOf(planId);
    ftruncateSync(log.fd, 0);
    fsyncSync(log.fd);
    log.bytes = 0;
  }

  /** Closes open log files. */
  close(): void {
    for (const { fd } of this.logs.values()) closeSync(fd);
    this.logs.clear();
  }

  private dirOf(planId: string): string {
    const dir = join(this.dataDir, encodeURIComponent(planId));
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private logOf(planId: string): { fd: number; bytes: number } {
    let log = this.logs.get(planId);
    if (!log) {
      const path = join(this.dirOf(planId), 'log.bin');
      const fd = openSync(path, 'a');
      log = { fd, bytes: statSync(path).size };
      this.logs.set(planId, log);
    }
    return log;
  }
}
