import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '@coplan/core';

/**
 * Words that say "Ctrl+Z undoes it" hold only until this person's undo
 * history moves on (that undo, or a change after it): watches for that once.
 * A new watch replaces the last; the host leaving the page ends it.
 *
 * @example
 * ```ts
 * private readonly undoMoves = new UndoMoveWatch(this);
 * this.undoMoves.watch(plan, () => (this.message = ''));
 * ```
 */
export class UndoMoveWatch implements ReactiveController {
  private stop: (() => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Calls `moved` once, at the next change of `plan`'s undo history. */
  watch(plan: Plan, moved: () => void): void {
    this.end();
    this.stop = plan.onUndoChange(() => {
      this.end();
      moved();
    });
  }

  hostDisconnected(): void {
    this.end();
  }

  private end(): void {
    this.stop?.();
    this.stop = null;
  }
}
