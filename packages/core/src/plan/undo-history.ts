// Undo scoped to this user: which types it tracks, and telling an Undo button when the history changes.
// Kept apart so the Plan's constructor and its batches share one idea of what undo covers.
import * as Y from 'yjs';
import type { PlanLayout } from '../document/layout.js';

/** Every type an edit through a Plan may write: the plan's own fields and each kind's map. */
export function undoScope(layout: PlanLayout): Array<Y.Map<unknown> | Y.Map<Y.Map<unknown>>> {
  return [layout.meta, ...Object.values(layout.entities)];
}

/**
 * An undo manager that takes back only what `origin` wrote, keystrokes closer than `captureTimeout` (ms) as one
 * step; `deleteFilter` keeps what an undo must not delete (a partner's work, see keep-partners-work.ts).
 */
export function trackUndo(layout: PlanLayout, origin: object, captureTimeout: number, deleteFilter: (item: Y.Item) => boolean): Y.UndoManager {
  return new Y.UndoManager(undoScope(layout), { trackedOrigins: new Set([origin]), captureTimeout, deleteFilter });
}

/** Calls `listener` whenever the history gains or loses a step; returns a function that unsubscribes. */
export function watchUndoHistory(undoManager: Y.UndoManager, listener: () => void): () => void {
  const changed = () => listener();
  undoManager.on('stack-item-added', changed);
  undoManager.on('stack-item-popped', changed);
  undoManager.on('stack-cleared', changed);
  return () => {
    undoManager.off('stack-item-added', changed);
    undoManager.off('stack-item-popped', changed);
    undoManager.off('stack-cleared', changed);
  };
}
