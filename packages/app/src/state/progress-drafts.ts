import { RAG_VALUES, type ActionStatus, type ProgressFields, type Rag } from '@coplan/core';

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
  /** A correction: the update as it was when the person began, so that saving changes only what they changed (a partner's changes meanwhile stay). */
  seen?: ProgressFields;
}

/** Whether a value read back from the device is a progress update's fields as a correction began from them. */
function isSeenUpdate(value: unknown): value is ProgressFields {
  const v = value as Record<string, unknown> | null;
  return !!v && typeof v === 'object' && ['date', 'narrative', 'evidence'].every((k) => typeof v[k] === 'string') && (RAG_VALUES as readonly unknown[]).includes(v.rag);
}

/** A correction's key among the drafts: before the update's id (an action's id is a new update's key). */
const EDIT = 'edit:';

/** A draft as the drafts hold it: a correction also notes its action. */
type HeldDraft = ProgressDraft & { actionId?: string };

/** The parts of a draft worth keeping on the device: what the person chose and typed, not where focus was. */
const KEPT = ['date', 'rag', 'status', 'statusChosen', 'narrative', 'evidence'] as const;

/** A progress update's draft and the form it belongs to: a new update on an action, or a correction of one of its updates. */
export interface DraftPlace {
  actionId: string;
  /** The update being corrected; absent for a new update. */
  progressId?: string;
}

/** Where a plan's drafts are kept on this device between pages (localStorage in the app). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * This device's progress updates being written in one open plan, by action
 * id: an open form's words belong to its action, not to the element drawing
 * it, so they survive the action being drawn again elsewhere (moved, here or
 * by a partner) and its details being hidden and shown. One per action, as
 * an action has one form for a new update open at a time. A correction of an
 * existing update is kept the same way, by the update's id ({@link openEdit}).
 *
 * Given a storage, the drafts are also kept on the device as the page goes
 * ({@link keep}: a reload, a closed tab, a tablet putting the browser away)
 * and come back when the plan next opens ({@link restore}), so a half-written
 * update is not lost. Another tab's drafts of the same plan are left as they are.
 *
 * @example
 * ```ts
 * const drafts = new ProgressDrafts(localStorage, `coplan-progress-drafts:${planId}`);
 * drafts.restore(); // ['a1']: the ids of the drafts kept when the page last went
 * const draft = drafts.open(actionId); // the one already open, or a new one
 * draft.narrative = 'Audit booked';
 * drafts.get(actionId)?.narrative; // 'Audit booked', whichever element asks
 * drafts.keep(); // as the page goes
 * drafts.close(actionId); // saved or cancelled: gone from the device too
 * drafts.openEdit(actionId, progressId).narrative = 'Audit held 3 May'; // a correction
 * drafts.editsOn(actionId); // [progressId]
 * ```
 */
export class ProgressDrafts {
  /** By form: an action's id for its new update, `edit:` and an update's id for a correction (which also notes its action). */
  private readonly drafts = new Map<string, HeldDraft>();
  /** Drafts saved or cancelled here since they were last kept: gone from the device at the next {@link keep}. */
  private readonly closedHere = new Set<string>();

  constructor(
    private readonly storage?: DraftStorage,
    private readonly key = '',
  ) {}

  /** The draft of a new update open on this action, if any. */
  get(actionId: string): ProgressDraft | undefined {
    return this.drafts.get(actionId);
  }

  /** Opens a draft of a new update on this action, or gives the one already open. */
  open(actionId: string): ProgressDraft {
    return this.opened(actionId);
  }

  /** The new update's draft was saved or cancelled: it is gone, from the device too. */
  close(actionId: string): void {
    this.closed(actionId);
  }

  /** The correction being written of this progress update, if one is open. */
  getEdit(progressId: string): ProgressDraft | undefined {
    return this.drafts.get(EDIT + progressId);
  }

  /** Opens a correction of a progress update of this action, or gives the one already open. */
  openEdit(actionId: string, progressId: string): ProgressDraft {
    return this.opened(EDIT + progressId, actionId);
  }

  /** The correction was saved or cancelled: it is gone, from the device too. */
  closeEdit(progressId: string): void {
    this.closed(EDIT + progressId);
  }

  /** The progress updates of this action with a correction open, in the order they were opened. */
  editsOn(actionId: string): string[] {
    return [...this.drafts].filter(([key, d]) => key.startsWith(EDIT) && d.actionId === actionId).map(([key]) => key.slice(EDIT.length));
  }

  /** Whether any form is open on this action: a new update or a correction. */
  drafting(actionId: string): boolean {
    return this.drafts.has(actionId) || this.editsOn(actionId).length > 0;
  }

  private opened(key: string, actionId?: string): ProgressDraft {
    let draft = this.drafts.get(key);
    if (!draft) this.drafts.set(key, (draft = actionId ? { actionId } : {}));
    this.closedHere.delete(key);
    return draft;
  }

  private closed(key: string): void {
    if (!this.drafts.delete(key)) return;
    this.closedHere.add(key);
    if (this.stored()[key]) this.keep();
  }

  /**
   * Writes the drafts that hold something the person chose or typed to the
   * device, beside any another tab kept, and takes away the ones closed here.
   * Synchronous, so it can run as the page goes.
   */
  keep(): void {
    if (!this.storage) return;
    const stored = this.stored();
    for (const id of this.closedHere) delete stored[id];
    this.closedHere.clear();
    for (const [key, draft] of this.drafts) {
      const kept: Record<string, unknown> = Object.fromEntries(KEPT.filter((k) => draft[k] !== undefined).map((k) => [k, draft[k]]));
      // What a correction began from goes with what the person changed (alone, it is nothing of theirs to keep).
      if (Object.keys(kept).length) stored[key] = { ...kept, ...(draft.seen ? { seen: draft.seen } : {}), ...(draft.actionId ? { actionId: draft.actionId } : {}) };
    }
    try {
      if (Object.keys(stored).length) this.storage.setItem(this.key, JSON.stringify(stored));
      else this.storage.removeItem(this.key);
    } catch {
      // Storage full or refused: the drafts stay open on the page; nothing else is lost.
    }
  }

  /**
   * Opens the drafts the device kept when the page last went (those not open
   * here already), marked as shown so that none takes focus as a new form
   * does. Returns where each belongs.
   */
  restore(): DraftPlace[] {
    const restored: DraftPlace[] = [];
    for (const [key, kept] of Object.entries(this.stored())) {
      if (this.drafts.has(key) || !kept || typeof kept !== 'object') continue;
      const edit = key.startsWith(EDIT);
      // A correction names its action; without one it cannot be shown anywhere.
      if (edit && (typeof kept.actionId !== 'string' || !kept.actionId)) continue;
      // Only what a form holds, of the types it holds them in.
      const draft: HeldDraft = edit ? { actionId: kept.actionId, shown: true } : { shown: true };
      for (const k of KEPT) if (typeof kept[k] === (k === 'statusChosen' ? 'boolean' : 'string')) Object.assign(draft, { [k]: kept[k] });
      if (edit && isSeenUpdate(kept.seen)) draft.seen = { date: kept.seen.date, rag: kept.seen.rag, narrative: kept.seen.narrative, evidence: kept.seen.evidence };
      this.drafts.set(key, draft);
      restored.push(edit ? { actionId: kept.actionId!, progressId: key.slice(EDIT.length) } : { actionId: key });
    }
    return restored;
  }

  /** What the device holds for this plan; a damaged entry reads as nothing rather than stopping the plan opening. */
  private stored(): Record<string, HeldDraft> {
    if (!this.storage) return {};
    try {
      const value: unknown = JSON.parse(this.storage.getItem(this.key) ?? '{}');
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, HeldDraft>) : {};
    } catch {
      return {};
    }
  }
}
