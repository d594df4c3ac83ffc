import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  RAG_LABELS,
  type ActionSnapshot,
  type ActionStatus,
  type LeadRef,
  type Plan,
  type PlanSnapshot,
  type ProgressUpdateSnapshot,
  formatUkDate,
} from '@coplan/core';
import type { Awareness } from 'y-protocols/awareness';
import { tryPlanCall } from '../state/plan-call.js';
import type { ProgressDrafts } from '../state/progress-drafts.js';
import { tellBinNews, tellBinned } from '../items/bin-news.js';
import { EditableText } from './editable-text.js';
import './progress-form.js';
import { focusRing } from './shared-styles.js';
import { whenDrawn } from './when-drawn.js';

/**
 * An action in full: status, impact, leads (offered from the registry, free
 * text allowed), milestones and the whole progress log. Dispatches
 * `plan-error` when the core refuses a change.
 */
export class ActionDetail extends LitElement {
  static override properties = {
    plan: { attribute: false },
    snapshot: { attribute: false },
    action: { attribute: false },
    name: {},
    readonly: { type: Boolean },
    awareness: { attribute: false },
    author: {},
    drafts: { attribute: false },
  };
  plan!: Plan;
  snapshot!: PlanSnapshot;
  action!: ActionSnapshot;
  name = '';
  readonly = false;
  /** Partners' presence, for their carets in this action's text fields. */
  awareness: Awareness | null = null;
  /** Who signs a new progress update. */
  author = '';
  /** The progress updates being written and corrected in the plan: this action's are open in the log. */
  drafts: ProgressDrafts | null = null;
  static override styles = [
    focusRing,
    css`
    :host { display: block; border-top: 1px dashed #b1b4b6; margin-top: 0.5rem; padding-top: 0.5rem; }
    label { display: flex; flex-direction: column; font-weight: 600; font-size: 0.9rem; max-width: 30rem; }
    select, input, button { font: inherit; min-height: 44px; }
    select, input { border: 2px solid #0b0c0c; }
    button { padding: 0.2rem 0.7rem; border: 2px solid #0b0c0c; border-radius: 4px; background: #f3f2f1; cursor: pointer; }
    ul { padding-left: 1.2rem; }
    h3 { font-size: 1.05rem; margin: 0.75rem 0 0.25rem; }
    .log li { margin: 0.4rem 0; }
    .narrative { white-space: pre-line; }
    .log .tools { display: inline-flex; gap: 0.4rem; margin-left: 0.4rem; }
    /* Printed: the details' words, not their controls. */
    @media print { button, form, progress-form, datalist { display: none; } label:has(select) { display: none; } }
    .lead { display: inline-flex; gap: 0.3rem; align-items: center; margin: 0.2rem 0.4rem 0.2rem 0; padding: 0 0 0 0.5rem; background: #fff; border: 1px solid #b1b4b6; border-radius: 4px; }
  `,
  ];

  private run(fn: () => void): void {
    const refused = tryPlanCall(fn);
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
  }

  /** A new milestone starts empty, with the caret in it, rather than with words to overwrite. */
  private readonly addMilestone = async (): Promise<void> => {
    let id = '';
    this.run(() => {
      id = this.plan.addEmpty('milestone', { parentId: this.action.id });
    });
    if (!id) return;
    // The action (this part's property) is read again by its item after the change: wait, a frame at a time, for the new milestone to be drawn.
    const box = await whenDrawn(this, () =>
      [...this.renderRoot.querySelectorAll('editable-text')].find((el): el is EditableText => el instanceof EditableText && el.entityId === id && el.field === 'text'),
    );
    await box?.focusText();
  };

  private refs(): LeadRef[] {
    return this.action.leads.map((l) => (l.leadId ? { leadId: l.leadId } : { name: l.name }));
  }

  private addLead(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const typed = String(new FormData(form).get('lead') ?? '').trim();
    if (!typed) return;
    const known = this.snapshot.leads.find((l) => l.name.toLowerCase() === typed.toLowerCase());
    this.run(() => this.plan.update('action', this.action.id, { leads: [...this.refs(), known ? { leadId: known.id } : { name: typed }] }));
    form.reset();
  }

  override render() {
    const a = this.action;
    const ro = this.readonly;
    return html`
      <label>Status
        <select ?disabled=${ro} aria-label=${`Status of ${this.name}`} @change=${(e: Event) => this.run(() => this.plan.update('action', a.id, { status: (e.target as HTMLSelectElement).value as ActionStatus }))}>
          ${ACTION_STATUSES.map((s) => html`<option value=${s} ?selected=${s === a.status}>${ACTION_STATUS_LABELS[s]}</option>`)}
        </select>
      </label>
      <h3>Leads</h3>
      <div>
        ${a.leads.map(
          (l, i) => html`<span class="lead">${l.name}${l.leadId ? '' : ' (not in the registry)'}
            ${ro ? nothing : html`<button aria-label=${`Remove lead ${l.name} from ${this.name}`} @click=${() => this.removeLead(i, l.name)}>×</button>`}</span>`,
        )}
      </div>
      ${
        ro
          ? nothing
          : html`<form @submit=${this.addLead}>
            <label>Add a lead <input name="lead" list="leads-${a.id}" aria-label=${`Add a lead to ${this.name}`} /></label>
            <datalist id="leads-${a.id}">${this.snapshot.leads.map((l) => html`<option value=${l.name}></option>`)}</datalist>
            <button type="submit">Add lead</button>
          </form>`
      }
      <h3>Impact</h3>
      <editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="action" .entityId=${a.id} field="impact" label=${`Impact of ${this.name}`} placeholder="What difference it makes for children and families"></editable-text>
      <h3>Milestones</h3>
      <ul id="milestones" tabindex="-1">${a.milestones.map(
        (
          m,
          i,
        ) => html`<li><editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="milestone" .entityId=${m.id} field="text" label=${`Milestone of ${this.name}`} placeholder="Describe the milestone"></editable-text>
          <editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="milestone" .entityId=${m.id} field="timescale" label=${`Milestone timescale`} placeholder="When, e.g. June 2026"></editable-text>
          ${ro ? nothing : html`<button aria-label=${`Delete milestone ${i + 1} of ${this.name}`} @click=${() => this.deleteMilestone(m.id, i)}>Delete</button>`}</li>`,
      )}</ul>
      ${ro ? nothing : html`<button @click=${this.addMilestone}>Add a milestone to ${this.name}</button>`}
      <h3 id="log-heading" tabindex="-1">Progress log</h3>
      ${this.addProgress()}
      ${
        a.updates.length
          ? html`<ol class="log">${repeat(
              [...a.updates].reverse(),
              (u) => u.id,
              (u) => this.renderUpdate(u),
            )}</ol>`
          : html`<p>No progress updates yet.</p>`
      }
    `;
  }

  /** "Add a progress update": the same form as the action's menu offers, opened in the log; focus goes into it, and back to the button when it closes. */
  private addProgress() {
    if (this.readonly || !this.drafts) return nothing;
    const draft = this.drafts.get(this.action.id);
    if (draft)
      return html`<progress-form .plan=${this.plan} actionId=${this.action.id} name=${this.name} author=${this.author} .currentRag=${this.action.rag} .draft=${draft} @progress-done=${this.closeAdd}></progress-form>`;
    return html`<button class="add-progress" aria-label=${`Add a progress update to ${this.name}`} @click=${() => this.openAdd()}>Add a progress update</button>`;
  }

  /**
   * Opens the log's form for a new progress update (focus goes into it): the
   * action's one form for a new update, drawn here while the details are open.
   */
  openAdd(): void {
    // Already open: focus goes back into it.
    if (this.drafts?.get(this.action.id)) (this.renderRoot.querySelector('progress-form')?.shadowRoot?.querySelector('input') as HTMLElement | null)?.focus();
    this.drafts?.open(this.action.id);
    this.requestUpdate();
  }

  private readonly closeAdd = async (e: Event): Promise<void> => {
    e.stopPropagation();
    this.drafts?.close(this.action.id);
    this.requestUpdate();
    await this.updateComplete;
    (this.renderRoot.querySelector('button.add-progress') as HTMLElement | null)?.focus();
    // Focus is back on the button: what happened to the update is said, not left to be guessed.
    if ((e as CustomEvent<{ saved?: boolean }>).detail?.saved) this.announce(`Progress update added to ${this.name}.`);
  };

  /** Said politely by the outline's status line. */
  private announce(words: string): void {
    this.dispatchEvent(new CustomEvent('item-announce', { detail: words, bubbles: true, composed: true }));
  }

  private renderUpdate(u: ProgressUpdateSnapshot) {
    const which = `the ${formatUkDate(u.date)} progress update of ${this.name}`;
    const correction = this.readonly ? undefined : this.drafts?.getEdit(u.id);
    if (correction)
      return html`<li><progress-form .plan=${this.plan} actionId=${this.action.id} name=${this.name} .entry=${u} .draft=${correction} @progress-done=${(e: Event) => this.closeEdit(e, u.id)}></progress-form></li>`;
    return html`<li><strong>${formatUkDate(u.date)}</strong>, ${u.author}, ${RAG_LABELS[u.rag]}: <span class="narrative">${u.narrative}</span>${u.evidence ? html` (evidence: ${u.evidence})` : nothing}
      ${
        this.readonly || !this.drafts
          ? nothing
          : html`<span class="tools">
            <button data-edit=${u.id} aria-label=${`Edit ${which}`} @click=${() => this.openEdit(u.id)}>Edit</button>
            <button aria-label=${`Delete ${which}`} @click=${() => this.deleteUpdate(u)}>Delete</button>
          </span>`
      }</li>`;
  }

  /** "Edit": the update's correction opens in its place (focus goes into it), kept as the person types (`ProgressDrafts`). */
  private openEdit(progressId: string): void {
    this.drafts?.openEdit(this.action.id, progressId);
    this.requestUpdate();
  }

  private async closeEdit(e: Event, id: string): Promise<void> {
    e.stopPropagation();
    this.drafts?.closeEdit(id);
    this.requestUpdate();
    await this.updateComplete;
    (this.renderRoot.querySelector(`button[data-edit="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus();
    if ((e as CustomEvent<{ saved?: boolean }>).detail?.saved) this.announce(`Correction saved to a progress update of ${this.name}.`);
  }

  /** To the bin, as every delete, said at the window's foot with Undo (Restore in the bin brings it back too). */
  private deleteUpdate(u: ProgressUpdateSnapshot): void {
    const refused = tryPlanCall(() => this.plan.delete('progress', u.id));
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    else tellBinned(this, 'progress', u.id, `the ${formatUkDate(u.date)} progress update of ${this.name}`);
    // Focus stays in the log: on the Progress log heading, as the update's own buttons are gone.
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#log-heading') as HTMLElement | null)?.focus());
  }

  /** A milestone to the bin, said with Undo; focus stays on the list of milestones. */
  private deleteMilestone(id: string, i: number): void {
    const refused = tryPlanCall(() => this.plan.delete('milestone', id));
    if (refused) return void this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    tellBinned(this, 'milestone', id, `milestone ${i + 1} of ${this.name}`);
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#milestones') as HTMLElement | null)?.focus());
  }

  /** A lead taken off this action (it stays in the registry): said with Undo, which puts it back in its place. */
  private removeLead(i: number, name: string): void {
    const before = this.refs();
    const id = this.action.id;
    const refused = tryPlanCall(() => this.plan.update('action', id, { leads: before.filter((_, j) => j !== i) }));
    if (refused) return void this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    tellBinNews(this, {
      words: `Lead ${name} taken off ${this.name}.`,
      putBack: { name: `lead ${name} on ${this.name}`, run: () => tryPlanCall(() => this.plan.update('action', id, { leads: before })) },
    });
    void this.updateComplete.then(() => (this.renderRoot.querySelector('input[name="lead"]') as HTMLElement | null)?.focus());
  }
}
customElements.define('action-detail', ActionDetail);
