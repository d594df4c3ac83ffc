// What every module of edits needs of the plan it writes to, and the one way an edit is written.
// Kept apart so each kind of edit (items, text, lists, leads, versions) can live in its own module.
import type * as Y from 'yjs';
import { HEADER_KEYS } from '../document/entity-record.js';
import type { PlanLayout } from '../document/layout.js';
import type { TreeIndex } from '../document/tree-index.js';
import type { PlanTree } from './plan-tree.js';

/**
 * A Plan's document, layout and tree, who is editing and when, and how an
 * edit is written: one transaction with this handle's origin (so undo tracks
 * it and the change feed calls it local), stamped with who and when.
 */
export class PlanContext {
  constructor(
    readonly doc: Y.Doc,
    readonly layout: PlanLayout,
    readonly index: TreeIndex,
    readonly tree: PlanTree,
    /** The transaction origin of this handle's edits; undo tracks only these. */
    readonly origin: object,
    readonly undoManager: Y.UndoManager,
    readonly user: string,
    readonly now: () => Date,
    readonly random: () => number,
  ) {}

  /** Runs `fn` as one transaction from this handle. */
  transact(fn: () => void): void {
    this.doc.transact(fn, this.origin);
  }

  /** Runs `fn` as one transaction that undo takes back as its own step, never merged with typing just before or after it. */
  ownStep(fn: () => void): void {
    this.undoManager.stopCapturing();
    this.transact(fn);
    this.undoManager.stopCapturing();
  }

  /** Records who changed `map` and when (and, when `created`, who made it). */
  stamp(map: Y.Map<unknown>, created: boolean): void {
    const at = this.now().toISOString();
    if (created) {
      map.set(HEADER_KEYS.createdAt, at);
      map.set(HEADER_KEYS.createdBy, this.user);
    }
    map.set(HEADER_KEYS.updatedAt, at);
    map.set(HEADER_KEYS.updatedBy, this.user);
  }

  /** Puts `map` in the bin, saying who did and when. */
  putInBin(map: Y.Map<unknown>): void {
    map.set(HEADER_KEYS.deleted, { at: this.now().toISOString(), by: this.user });
  }
}
