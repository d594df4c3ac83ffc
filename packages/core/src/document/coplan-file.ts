import * as Y from 'yjs';
import { PlanError } from '../schema/errors.js';
import { layoutOf } from './layout.js';

const MAGIC = [0x43, 0x4f, 0x50, 0x4c, 0x41, 0x4e]; // "COPLAN"
const FILE_VERSION = 1;

/**
 * The `.coplan` file: a plan's whole Yjs state in one file, to carry on a USB
 * stick or send by email. A six-byte "COPLAN" mark and a version byte come
 * first, so a wrong file is recognised rather than merged.
 *
 * @example
 * ```ts
 * const bytes = encodeCoplanFile(plan.doc);
 * mergeCoplanFile(otherDoc, bytes); // merges; nothing in otherDoc is overwritten
 * ```
 */
export function encodeCoplanFile(doc: Y.Doc): Uint8Array {
  const state = Y.encodeStateAsUpdateV2(doc);
  const out = new Uint8Array(MAGIC.length + 1 + state.length);
  out.set(MAGIC, 0);
  out[MAGIC.length] = FILE_VERSION;
  out.set(state, MAGIC.length + 1);
  return out;
}

/**
 * Merges a `.coplan` file into `doc`, as a partner's edits would arrive: what
 * both hold is kept, what either added is added. Throws a {@link PlanError},
 * leaving `doc` untouched, when the bytes are not a `.coplan` file, come from
 * a newer Coplan, are cut short, or hold a different plan from the one in
 * `doc` (plans are told apart by their id, kept in every copy).
 */
export function mergeCoplanFile(doc: Y.Doc, bytes: Uint8Array, origin: unknown = 'coplan-file'): void {
  if (bytes.length < MAGIC.length + 1 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new PlanError('invalid-value', 'This is not a .coplan file. Choose a file saved from Coplan with "Save a .coplan file".');
  const version = bytes[MAGIC.length]!;
  if (version > FILE_VERSION) throw new PlanError('schema-too-new', `This .coplan file was saved by a newer Coplan (file version ${version}); update Coplan to open it.`);
  const update = bytes.subarray(MAGIC.length + 1);
  // Check the whole file in a scratch doc first, so a damaged file changes nothing.
  const scratch = new Y.Doc();
  try {
    Y.applyUpdateV2(scratch, update);
  } catch {
    throw new PlanError('invalid-value', 'This .coplan file is damaged or cut short; nothing was changed. Ask for the file again.');
  }
  // Two different plans would be spliced together, with no way back: only copies of the same plan merge.
  const mine = layoutOf(doc).system.get('planId');
  const theirs = layoutOf(scratch).system.get('planId');
  if (mine !== undefined && theirs !== undefined && mine !== theirs) {
    const title = layoutOf(scratch).meta.get('title');
    throw new PlanError(
      'invalid-value',
      `This .coplan file holds a different plan${title ? ` ("${String(title)}")` : ''}, not a copy of this one; nothing was changed. To open it as a plan of its own, bring it in from the plan list ("Bring in an existing plan").`,
    );
  }
  Y.applyUpdateV2(doc, update, origin);
}

/** Whether bytes begin as a `.coplan` file does. */
export function isCoplanFile(bytes: Uint8Array): boolean {
  return bytes.length > MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * A `.coplan` file read into a doc of its own (to open it as a plan in its
 * own right rather than merge it). Throws a {@link PlanError} as
 * {@link mergeCoplanFile} does for a file that is not one, or is damaged.
 */
export function readCoplanFile(bytes: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  mergeCoplanFile(doc, bytes);
  return doc;
}
