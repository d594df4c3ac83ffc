import { css, html, LitElement, nothing } from 'lit';
import { tryPlanCall } from '../state/plan-call.js';
import { LEAD_KINDS, actionsPerLead, similarLeads, type LeadKind, type Plan, type PlanSnapshot } from '@coplan/core';
import { formStyles, stackedTables } from './shared-styles.js';
import { countOf } from './words.js';
import { UndoMoveWatch } from '../state/undo-move-watch.js';

type Lead = PlanSnapshot['leads'][number];

/**
 * The lead registry: organisations, groups, roles and people, editable;
 * actions offer these names when a lead is added. Near-duplicates the core
 * finds ("Police", "Lincs Police") are offered for merging; any two leads can
 * be merged; a lead can be deleted at once when no action names it, or after
 * confirming when some do (it is taken off them). Merges and deletes are one
 * step each for Undo.
 */
export class LeadsView extends LitElement {
  static override properties = {
    plan: { attribute: false },
    snapshot: { attribute: false },
    readonly: { type: Boolean },
    message: { state: true },
    confirming: { state: true },
  };
  plan!: Plan;
  snapshot!: PlanSnapshot;
  readonly = false;
  message = '';
  /** The lead whose deletion waits for the person to confirm it. */
  confirming: string | null = null;
  static override styles = [
    formStyles,
    stackedTables,
    css`
      :host { display: block; }
      table { border-collapse: collapse; width: 100%; }
      td, th { border-bottom: 1px solid #b1b4b6; padding: 0.3rem; text-align: left; }
      td input, td select { width: 100%; box-sizing: border-box; }
      form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 1rem 0; }
      fieldset { border: 2px solid #b1b4b6; margin: 0.5rem 0; padding: 0.5rem 1rem; }
      legend { font-weight: 700; }
      fieldset label { flex-direction: row; align-items: center; font-weight: 400; }
      fieldset input[type='radio'] { width: 24px; height: 24px; min-height: 24px; }
      .confirm { background: #fff2d6; border-left: 5px solid #8a5300; padding: 0.5rem; }
      .message:focus { outline: 3px solid #ffdd00; }
    `,
  ];

  /** Runs a plan call; says what happened (or why the core refused) and moves focus to those words, so it never falls to the page. */
  private async run(fn: () => void, done = ''): Promise<void> {
    const refused = tryPlanCall(fn);
    this.message = refused || done;
    if (!this.message) return;
    // What was done, with "Undo takes it back", goes once the undo history moves on (that undo, or a change after it).
    if (!refused) this.untilUndoMoves(done);
    await this.updateComplete;
    (this.renderRoot.querySelector('.message') as HTMLElement | null)?.focus();
  }

  private readonly undoMoves = new UndoMoveWatch(this);

  /** Clears `words` (if still shown) at the undo history's next change. */
  private untilUndoMoves(words: string): void {
    this.undoMoves.watch(this.plan, () => {
      if (this.message === words) this.message = '';
    });
  }

  /** How many actions each lead of the registry leads, read in one pass over the plan per snapshot (not once per lead). */
  private usesFor: { snapshot: PlanSnapshot; uses: Map<string, number> } | null = null;

  private uses(id: string): number {
    if (this.usesFor?.snapshot !== this.snapshot) {
      const uses = new Map<string, number>();
      for (const lead of actionsPerLead(this.snapshot)) if (lead.leadId) uses.set(lead.leadId, lead.rows.length);
      this.usesFor = { snapshot: this.snapshot, uses };
    }
    return this.usesFor.uses.get(id) ?? 0;
  }

  private add(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const refused = tryPlanCall(() => {
      this.plan.create('lead', { name, kind: String(data.get('kind')) as LeadKind, chair: String(data.get('chair') ?? '') });
      form.reset();
    });
    // Said (a status, focus staying in the form for the next one), until the undo history moves on.
    this.message = refused || `Added “${name}” to the registry. Undo (Ctrl+Z) takes it back.`;
    if (!refused) this.untilUndoMoves(this.message);
  }

  /** Merges every lead of a near-duplicate group but the one chosen into it, as one step. */
  private mergeGroup(e: Event, group: Lead[]): void {
    e.preventDefault();
    const keep = String(new FormData(e.target as HTMLFormElement).get('keep') ?? '');
    const into = group.find((l) => l.id === keep);
    if (!into) {
      this.message = 'Choose which name to keep, then merge.';
      return;
    }
    const others = group.filter((l) => l.id !== keep);
    void this.run(
      () => this.plan.batch(() => others.forEach((l) => this.plan.mergeLeads(l.id, keep))),
      `Merged ${others.map((l) => `“${l.name.trim()}”`).join(' and ')} into “${into.name.trim()}”: every action they led now names “${into.name.trim()}”. Undo (Ctrl+Z) takes the merge back.`,
    );
  }

  private mergeTwo(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const from = this.snapshot.leads.find((l) => l.id === data.get('from'));
    const into = this.snapshot.leads.find((l) => l.id === data.get('into'));
    if (!from || !into) return;
    void this.run(() => this.plan.mergeLeads(from.id, into.id), `Merged “${from.name.trim()}” into “${into.name.trim()}”. Undo (Ctrl+Z) takes the merge back.`);
  }

  private delete(lead: Lead): void {
    if (this.uses(lead.id) > 0 && this.confirming !== lead.id) {
      this.confirming = lead.id;
      void this.updateComplete.then(() => (this.renderRoot.querySelector('.confirm button') as HTMLElement | null)?.focus());
      return;
    }
    this.confirming = null;
    void this.run(() => this.plan.removeLead(lead.id), `Deleted “${lead.name.trim()}”. It is in the bin; Undo (Ctrl+Z) or Restore brings it back.`);
  }

  override render() {
    const ro = this.readonly;
    const leads = this.snapshot.leads;
    return html`
      ${
        ro
          ? nothing
          : html`<form @submit=${this.add} aria-label="Add a lead">
            <label>Name <input name="name" required /></label>
            <label>Kind <select name="kind">${LEAD_KINDS.map((k) => html`<option value=${k}>${k}</option>`)}</select></label>
            <label>Chair <input name="chair" /></label>
            <button type="submit">Add to the registry</button>
          </form>`
      }
      <p class="message" role="status" tabindex="-1" ?hidden=${!this.message}>${this.message}</p>
      ${ro ? nothing : this.renderDuplicates()}
      <table class="stack" role="table">
        <caption>${leads.length} leads in the registry</caption>
        <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Name</th><th role="columnheader" scope="col">Kind</th><th role="columnheader" scope="col">Chair</th><th role="columnheader" scope="col">Actions led</th>${ro ? nothing : html`<th role="columnheader" scope="col">Delete</th>`}</tr></thead>
        <tbody role="rowgroup">${leads.map((l) => this.renderRow(l, ro))}</tbody>
      </table>
      ${ro || leads.length < 2 ? nothing : this.renderMergeTwo(leads)}`;
  }

  private renderRow(l: Lead, ro: boolean) {
    const uses = this.uses(l.id);
    return html`<tr role="row">
      <td role="cell" data-label="Name"><input ?readonly=${ro} aria-label=${`Name of lead ${l.name}`} .value=${l.name} @change=${(e: Event) => this.run(() => this.plan.update('lead', l.id, { name: (e.target as HTMLInputElement).value }))} /></td>
      <td role="cell" data-label="Kind"><select ?disabled=${ro} aria-label=${`Kind of lead ${l.name}`} @change=${(e: Event) => this.run(() => this.plan.update('lead', l.id, { kind: (e.target as HTMLSelectElement).value as LeadKind }))}>
        ${LEAD_KINDS.map((k) => html`<option value=${k} ?selected=${k === l.kind}>${k}</option>`)}</select></td>
      <td role="cell" data-label="Chair"><input ?readonly=${ro} aria-label=${`Chair of lead ${l.name}`} .value=${l.chair} @change=${(e: Event) => this.run(() => this.plan.update('lead', l.id, { chair: (e.target as HTMLInputElement).value }))} /></td>
      <td role="cell" data-label="Actions led">${uses}</td>
      ${
        ro
          ? nothing
          : html`<td role="cell">${
              this.confirming === l.id
                ? html`<div class="confirm" role="group" aria-label=${`Confirm deleting ${l.name}`}>
                  <p>“${l.name.trim()}” leads ${uses === 1 ? '1 action' : `${uses} actions`}. Deleting it takes it off ${uses === 1 ? 'that action' : 'them'}.</p>
                  <button @click=${() => this.delete(l)}>Delete and take it off ${uses === 1 ? '1 action' : `${uses} actions`}</button>
                  <button @click=${() => (this.confirming = null)}>Keep it</button>
                </div>`
                : html`<button @click=${() => this.delete(l)}>Delete ${l.name}</button>`
            }</td>`
      }
    </tr>`;
  }

  /** Each group of names the core thinks are one body, with the name to keep chosen (most used first). */
  private renderDuplicates() {
    const groups = similarLeads(this.snapshot.leads);
    if (!groups.length) return nothing;
    return html`<section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      <p>These names look like the same body written differently. Choose the name to keep; every action led by the others will name it instead.</p>
      ${groups.map((group) => {
        const keep = [...group].sort((a, b) => this.uses(b.id) - this.uses(a.id))[0]!;
        const names = group.map((l) => l.name.trim()).join(', ');
        return html`<form @submit=${(e: Event) => this.mergeGroup(e, group)} aria-label=${`Merge ${names}`}>
          <fieldset>
            <legend>Keep which name? (${names})</legend>
            ${group.map((l) => html`<label><input type="radio" name="keep" value=${l.id} ?checked=${l.id === keep.id} /> ${l.name.trim()} (${countOf(this.uses(l.id), 'action')})</label>`)}
          </fieldset>
          <button type="submit">Merge ${names}</button>
        </form>`;
      })}
    </section>`;
  }

  private renderMergeTwo(leads: Lead[]) {
    return html`<form @submit=${this.mergeTwo} aria-label="Merge two leads">
      <label>Merge <select name="from">${leads.map((l, i) => html`<option value=${l.id} ?selected=${i === 1}>${l.name}</option>`)}</select></label>
      <label>into <select name="into">${leads.map((l, i) => html`<option value=${l.id} ?selected=${i === 0}>${l.name}</option>`)}</select></label>
      <button type="submit">Merge these leads</button>
    </form>`;
  }
}
customElements.define('leads-view', LeadsView);
