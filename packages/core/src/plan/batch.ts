// Several edits as one transaction and one undo step, all taken back if any of them throws.
// Kept apart because the rollback needs an undo manager of its own beside the user's.
import * as Y from 'yjs';
import type { PlanContext } from './plan-context.js';
import { undoScope } from './undo-history.js';

/** Runs batches for one Plan; a batch inside a batch is part of the outer one. */
export class Batches {
  private depth = 0;

  constructor(private readonly ctx: PlanContext) {}

  /** Runs `fn` as one transaction; if it throws, what it wrote is reverted (leaving no empty undo step) and the error rethrown. */
  run<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    const { ctx } = this;
    const rollback = new Y.UndoManager(undoScope(ctx.layout), { trackedOrigins: new Set([ctx.origin]), captureTimeout: Number.POSITIVE_INFINITY });
    const undoDepth = ctx.undoManager.undoStack.length;
    this.depth++;
    try {
      let result!: T;
      ctx.transact(() => {
        result = fn();
      });
      return result;
    } catch (e) {
      rollback.undo();
      // The failed batch must not leave an empty step on this user's undo stack.
      while (ctx.undoManager.undoStack.length > undoDepth) ctx.undoManager.undoStack.pop();
      throw e;
    } finally {
      this.depth--;
      rollback.destroy();
      ctx.undoManager.stopCapturing();
    }
  }
}
