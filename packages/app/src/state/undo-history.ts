import type { Plan } from '@coplan/core';
import { Changes } from './changes.js';

/**
 * This user's undo history in the open plan, for the Undo and Redo buttons:
 * it changes when a step to undo or redo arrives or goes, which typing in a
 * field does without anything else on screen reading the plan again.
 *
 * @example
 * ```ts
 * new Follow(this, () => session.undoHistory);
 * html`<button ?disabled=${!plan.canUndo()}>Undo</button>`;
 * ```
 */
export class UndoHistory extends Changes {
  private stop: (() => void) | null = null;

  /** Follows `plan`'s history from now on (null: none, as when the plan closes). */
  follow(plan: Plan | null): void {
    this.stop?.();
    this.stop = plan ? plan.onUndoChange(() => this.changed()) : null;
    this.changed();
  }
}
