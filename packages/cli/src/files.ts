import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as Y from 'yjs';
import { encodeCoplanFile, mergeCoplanFile, openPlan, PlanError, type Plan } from '@coplan/core';
import { inputError, outputError } from './args.js';

/** Who a plan opened by the command line records as making its changes. */
export const CLI_USER = 'coplan command line';

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'there is no such file or folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** A file's size in bytes, or an input error saying why it cannot be read. */
export function sizeOf(path: string): number {
  try {
    const s = statSync(path);
    if (s.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    return s.size;
  } catch (e) {
    throw inputError(`cannot read "${path}": ${reason(e)}.`);
  }
}

/** Reads a whole file, or throws an input error (exit 2) saying why it cannot. */
export function readInput(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw inputError(`cannot read "${path}": ${reason(e)}.`);
  }
}

export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, flushed
 * to disk, then renamed over the old one. A failure leaves the old file
 * exactly as it was (exit 3).
 */
export function writeAtomic(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    // a new file
  }
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode ?? 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      /* never created */
    }
    throw outputError(`could not write "${path}": ${reason(e)}. ${exists(path) ? 'The file there was left as it was.' : 'Nothing was written.'}`);
  }
}

/** Writes to standard output, waiting until it has taken everything. */
export function writeStdout(data: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (e) => (e ? reject(outputError(`could not write to standard output: ${reason(e)}.`)) : resolve()));
  });
}

/** Writes an output file atomically, or to standard output for `-`. */
export async function writeOutput(path: string, data: Uint8Array | string): Promise<void> {
  if (path === '-') await writeStdout(data);
  else writeAtomic(path, data);
}

/** A message from the core, said about a named file. */
function about(path: string, e: unknown): never {
  if (e instanceof PlanError) throw inputError(`"${path}": ${e.message}`);
  throw e;
}

/** Opens a `.coplan` file: its whole Yjs state in a new doc, and the plan in it. Bad files are input errors (exit 2). */
export function openCoplan(path: string): { doc: Y.Doc; plan: Plan } {
  const bytes = readInput(path);
  const doc = new Y.Doc();
  try {
    mergeCoplanFile(doc, bytes);
    return { doc, plan: openPlan(doc, { user: CLI_USER }) };
  } catch (e) {
    about(path, e);
  }
}

/** Saves a doc as a `.coplan` file, atomically. */
export function saveCoplan(path: string, doc: Y.Doc): void {
  writeAtomic(path, encodeCoplanFile(doc));
}

/** "12 KB" */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
