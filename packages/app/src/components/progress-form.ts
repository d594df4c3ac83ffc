import { css, html, LitElement, nothing } from 'lit';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  formatUkDate,
  localToday,
  RAG_VALUES,
  statusAfterProgress,
  type ActionStatus,
  type Plan,
  type ProgressFields,
  type ProgressUpdateSnapshot,
  type Rag,
} from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';
import type { ProgressDraft } from '../state/progress-drafts.js';
import { formStyles } from './shared-styles.js';

const RAG_WORDS: Record<Rag, string> = { red: 'Red: off track', amber: 'Amber: at risk', green: 'Green: on track', blue: 'Blue: complete', grey: 'Grey: not started' };

type Field = 'date' | 'rag' | 'narrative';

/** A progress update's fields as a correction begins from them. */
function seenOf(u: ProgressUpdateSnapshot): ProgressFields {
  return { date: u.date, rag: u.rag, narrative: u.narrative, evidence: u.evidence };
}

/**
 * A progress update's form: a new one for an action, or an existing one
 * corrected. The RAG starts unchosen (or at the action's current RAG, or the
 * update's own): saving without one says so beside the field. The action's
 * status is offered beside it, following the RAG chosen (Green: in progress,
 * Blue: complete) until the person picks one; the core saves both in one
 * transaction. What it holds, and the field focus is in, is kept in its
 * `draft` as the person goes: a new update's draft belongs to its action,
 * a correction's to its update (`ProgressDrafts`), so a form drawn again for
 * it elsewhere (the action moved, its details hidden or shown, the page
 * reloaded) takes up the same words. A correction saves only what the
 * person changed since they began (words merged, as in the plan's text
 * boxes), so two people correcting one update at once both keep theirs. Dispatches
 * `progress-done` (saved or cancelled) and `plan-error` when the core refuses.
 */
export class ProgressForm extends LitElement {
  static override properties = {
    plan: { attribute: false },
    actionId: {},
    name: {},
    author: {},
    currentRag: {},
    entry: { attribute: false },
    draft: { attribute: false },
    errors: { state: true },
  };
  plan!: Plan;
  actionId = '';
  /** The action's name in labels ("action 1.1.1"). */
  name = '';
  /** Who is signing a new update. */
  author = '';
  /** The action's RAG now: a new update starts there. */
  currentRag: Rag | null = null;
  /** The update being corrected; a new one when absent. */
  entry: ProgressUpdateSnapshot | null = null;
  /** What the form holds so far; its own until given one that outlives it (kept by `ProgressDrafts`). */
  draft: ProgressDraft = {};
  errors: Partial<Record<Field, string>> = {};

  /** The action's status as stored now. */
  private get actionStatus(): ActionStatus {
    return this.plan.get('action', this.actionId)?.status ?? 'not-started';
  }

  /** The status follows the RAG (Green: in progress, Blue: complete) until the person picks one. */
  private ragChanged(e: Event): void {
    const rag = (e.target as HTMLSelectElement).value as Rag | '';
    this.draft.rag = rag;
    if (!this.draft.statusChosen) this.draft.status = rag ? statusAfterProgress(rag, this.actionStatus) : this.actionStatus;
    this.requestUpdate();
  }

  private readonly statusChanged = (e: Event): void => {
    this.draft.status = (e.target as HTMLSelectElement).value as ActionStatus;
    this.draft.statusChosen = true;
  };

  /** Typing in the date, the narrative or the evidence: kept in the draft, with where the caret is. */
  private readonly keep = (e: Event): void => {
    const field = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (field.name === 'date' || field.name === 'narrative' || field.name === 'evidence') this.draft[field.name] = field.value;
    this.noteFocus(e);
  };

  /** Where focus is in the form, and the caret or selection there: a form drawn again for the draft puts them back. */
  private readonly noteFocus = (e: Event): void => {
    const field = e.target as Partial<HTMLInputElement>;
    if (field.name) this.draft.focus = { field: field.name, start: field.selectionStart ?? null, end: field.selectionEnd ?? null };
  };

  /** Focus gone to another element (not to nowhere, as when the form is taken out of the page): the draft no longer holds it. */
  private readonly focusGone = (e: FocusEvent): void => {
    if (e.relatedTarget) this.draft.focus = null;
  };

  static override styles = [
    formStyles,
    css`
      :host { display: block; }
      form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: start; margin-top: 0.5rem; }
      label { font-size: 0.9rem; }
      .field { display: flex; flex-direction: column; gap: 0.25rem; }
      select { font-weight: 400; }
      .error { color: #942514; font-weight: 700; margin: 0; max-width: 16rem; }
      [aria-invalid='true'] { border-color: #942514; border-width: 3px; }
      .buttons { display: flex; gap: 0.5rem; align-self: end; }
      /* The narrative is paragraphs: a full-width box that keeps its line breaks. */
      .narrative { flex: 1 1 100%; }
      .narrative textarea { width: 100%; box-sizing: border-box; resize: vertical; }
      .hint { margin: 0; font-size: 0.85rem; color: #505a5f; }
    `,
  ];

  /**
   * A correction notes the update as the form shows it: each field as saved
   * (following a partner's save) until the person changes it, then as it was
   * when they began. Kept in the draft, through a reload too.
   */
  protected override willUpdate(): void {
    if (!this.entry) return;
    const now = seenOf(this.entry);
    const seen = this.draft.seen ?? now;
    const d = this.draft;
    this.draft.seen = {
      date: d.date === undefined ? now.date : seen.date,
      rag: d.rag === undefined ? now.rag : seen.rag,
      narrative: d.narrative === undefined ? now.narrative : seen.narrative,
      evidence: d.evidence === undefined ? now.evidence : seen.evidence,
    };
  }

  private errorId(field: Field): string {
    return `${field}-error`;
  }

  private field(field: Field) {
    const error = this.errors[field];
    return error ? html`<p class="error" id=${this.errorId(field)}>Error: ${error}</p>` : nothing;
  }

  override render() {
    const u = this.entry;
    const d = this.draft;
    const rag = d.rag ?? u?.rag ?? this.currentRag ?? '';
    const status = d.status ?? (rag && !u ? statusAfterProgress(rag, this.actionStatus) : this.actionStatus);
    const label = u ? `Edit the ${formatUkDate(u.date)} progress update of ${this.name}` : `New progress update for ${this.name}`;
    const invalid = (f: Field) => (this.errors[f] ? 'true' : 'false');
    const describedBy = (f: Field) => (this.errors[f] ? this.errorId(f) : nothing);
    return html`<form novalidate aria-label=${label} @submit=${this.save} @input=${this.keep} @focusin=${this.noteFocus} @focusout=${this.focusGone} @keyup=${this.noteFocus} @pointerup=${this.noteFocus}>
      <div class="field">
        <label for="date">Date</label>
        ${this.field('date')}
        <input id="date" name="date" type="date" .value=${d.date ?? u?.date ?? localToday()} aria-invalid=${invalid('date')} aria-describedby=${describedBy('date')} />
      </div>
      <div class="field">
        <label for="rag">RAG</label>
        ${this.field('rag')}
        <select id="rag" name="rag" @change=${this.ragChanged} aria-invalid=${invalid('rag')} aria-describedby=${describedBy('rag')}>
          <option value="" ?selected=${!rag}>Choose a RAG rating</option>
          ${RAG_VALUES.map((r) => html`<option value=${r} ?selected=${r === rag}>${RAG_WORDS[r]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="status">Action status</label>
        <select id="status" name="status" @change=${this.statusChanged}>
          ${ACTION_STATUSES.map((st) => html`<option value=${st} ?selected=${st === status}>${ACTION_STATUS_LABELS[st]}</option>`)}
        </select>
      </div>
      <div class="field narrative">
        <label for="narrative">Progress</label>
        <p class="hint" id="narrative-hint">Enter starts a new line; Ctrl+Enter saves.</p>
        ${this.field('narrative')}
        <textarea id="narrative" name="narrative" rows="4" .value=${d.narrative ?? u?.narrative ?? ''} @keydown=${this.saveOnCtrlEnter} aria-invalid=${invalid('narrative')} aria-describedby=${this.errors.narrative ? `narrative-hint ${this.errorId('narrative')}` : 'narrative-hint'}></textarea>
      </div>
      <label>Evidence <input name="evidence" .value=${d.evidence ?? u?.evidence ?? ''} /></label>
      <div class="buttons">
        <button type="submit" class="primary">${u ? 'Save changes to the progress update' : 'Save progress update'}</button>
        <button type="button" @click=${() => this.done(false)}>Cancel</button>
      </div>
    </form>`;
  }

  /** Ctrl+Enter (Cmd+Enter on a Mac) in the narrative saves, as the button does; Enter alone starts a new line. */
  private readonly saveOnCtrlEnter = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    this.renderRoot.querySelector('form')?.requestSubmit();
  };

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const date = String(data.get('date') ?? '');
    const rag = String(data.get('rag') ?? '') as Rag | '';
    const narrative = String(data.get('narrative') ?? '').trim();
    const evidence = String(data.get('evidence') ?? '');
    const status = String(data.get('status') ?? '') as ActionStatus;
    const errors: Partial<Record<Field, string>> = {};
    if (!date) errors.date = 'Enter the date of this update.';
    if (!rag) errors.rag = 'Choose a RAG rating for this update: red, amber, green, blue or grey.';
    if (!narrative) errors.narrative = 'Say what progress was made.';
    this.errors = errors;
    const first = (['date', 'rag', 'narrative'] as const).find((f) => errors[f]);
    if (first) {
      await this.updateComplete;
      (this.renderRoot.querySelector(`[name=${first}]`) as HTMLElement | null)?.focus();
      return;
    }
    const refused = tryPlanCall(() => {
      const entry = this.entry;
      // A correction: only what this person changed since they began (a partner's correction meanwhile stays).
      if (entry) this.plan.reviseProgress(entry.id, this.draft.seen ?? seenOf(entry), { date, rag: rag as Rag, narrative, evidence }, status);
      else this.plan.recordProgress(this.actionId, { date, author: this.author, rag: rag as Rag, narrative, evidence }, status);
    });
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    else this.done(true);
  }

  private done(saved: boolean): void {
    this.dispatchEvent(new CustomEvent('progress-done', { detail: { saved, actionId: this.actionId }, bubbles: true, composed: true }));
  }

  /**
   * Focus goes to the words when the form opens, what the person came to write (the date before them is
   * today's, or the update's), the caret after any words already there; drawn again for a draft already
   * shown, it leaves focus where it is.
   */
  override firstUpdated(): void {
    if (!this.draft.shown) this.focusWords();
    this.draft.shown = true;
  }

  /** Puts focus in the words, the caret after them (also from the notice that drafts are back: "Go to action 1.2.1"). */
  focusWords(): void {
    const words = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="narrative"]');
    if (!words) return;
    words.focus();
    words.setSelectionRange(words.value.length, words.value.length);
  }

  /**
   * Puts focus back where it was in the draft (the caret or selection too)
   * when it was in the form as the form went (the action drawn again elsewhere).
   * Resolves to whether it did.
   */
  async takeFocusBack(): Promise<boolean> {
    await this.updateComplete;
    const at = this.draft.focus;
    const field = at ? this.renderRoot.querySelector<HTMLInputElement>(`[name="${at.field}"]`) : null;
    if (!at || !field) return false;
    field.focus();
    if (at.start !== null && at.end !== null && typeof field.setSelectionRange === 'function') field.setSelectionRange(at.start, at.end);
    return true;
  }
}
customElements.define('progress-form', ProgressForm);
