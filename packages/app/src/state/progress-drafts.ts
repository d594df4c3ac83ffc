import type { ActionStatus, Rag } from '@coplan/core';

/**
 * A progress update being written, not yet saved: what its form holds. A
 * field is absent until the person changes it (the form then shows its
 * starting value: today, the action's RAG, its status).
 */
export interface ProgressDraft {
  date?: string;
  rag?: Rag | '';
  status?: ActionStatus;
  /** Whether the person picked the status: the RAG no longer changes it. */
  statusChosen?: boolean;
  narrative?: string;
  evidence?: string;
  /** The field that had focus (its name), and its selection, while focus was in the form. */
  focus?: { field: string; start: number | null; end: number | null } | null;
  /** Whether a form has shown it already: a form drawn again for it (elsewhere) does not take focus as a new one does. */
  shown?: boolean;
}

/**
 * This device's progress updates being written in one open plan, by action
 * id: an open form's words belong to its action, not to the element drawing
 * it, so they survive the action being drawn again elsewhere (moved, here or
 * by a partner) and its details being hidden and shown. One per action, as
 * an action has one form for a new update open at a time. Kept while the
 * plan is open, not across a reload.
 *
 * @example
 * ```ts
 * const draft = drafts.open(actionId); // the one already open, or a new one
 * draft.narrative = 'Audit booked';
 * drafts.get(actionId)?.narrative; // 'Audit booked', whichever element asks
 * drafts.close(actionId); // saved or cancelled
 * ```
 */
export class ProgressDrafts {
  private readonly drafts = new Map<string, ProgressDraft>();

  /** The draft open on this action, if any. */
  get(actionId: string): ProgressDraft | undefined {
    return this.drafts.get(actionId);
  }

  /** Opens a draft on this action, or gives the one already open. */
  open(actionId: string): ProgressDraft {
    let draft = this.drafts.get(actionId);
    if (!draft) this.drafts.set(actionId, (draft = {}));
    return draft;
  }

  /** The draft was saved or cancelled: it is gone. */
  close(actionId: string): void {
    this.drafts.delete(actionId);
  }
}
