import { css, html, LitElement, nothing } from 'lit';
import { tryPlanCall } from '../state/plan-call.js';
import { LEAD_KINDS, actionsByLead, type LeadKind, type Plan, type PlanSnapshot } from '@coplan/core';

/** The lead registry: organisations, groups, roles and people, editable; actions offer these names when a lead is added. */
export class LeadsView extends LitElement {
  static override properties = { plan: { attribute: false }, snapshot: { attribute: false }, readonly: { type: Boolean }, message: { state: true } };
  plan!: Plan;
  snapshot!: PlanSnapshot;
  readonly = false;
  message = '';
  static override styles = css`
    :host { display: block; }
    table { border-collapse: collapse; width: 100%; }
    td, th { border-bottom: 1px solid #b1b4b6; padding: 0.3rem; text-align: left; }
    input, select, button { font: inherit; min-height: 44px; }
    input, select { border: 2px solid #0b0c0c; width: 100%; box-sizing: border-box; }
    button { padding: 0.2rem 0.7rem; border: 2px solid #0b0c0c; border-radius: 4px; background: #f3f2f1; cursor: pointer; }
    form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 1rem 0; }
    label { display: flex; flex-direction: column; font-weight: 600; font-size: 0.9rem; }
    .message { background: #fff2d6; padding: 0.5rem; }
  `;

  private run(fn: () => void): void {
    this.message = tryPlanCall(fn);
  }

  private add(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this.run(() => {
      this.plan.create('lead', { name: String(data.get('name') ?? ''), kind: String(data.get('kind')) as LeadKind, chair: String(data.get('chair') ?? '') });
      form.reset();
    });
  }

  override render() {
    const ro = this.readonly;
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
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <table>
        <caption>${this.snapshot.leads.length} leads in the registry</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Chair</th><th scope="col">Actions led</th></tr></thead>
        <tbody>${this.snapshot.leads.map(
          (l) => html`<tr>
            <td><input ?readonly=${ro} aria-label=${`Name of lead ${l.name}`} .value=${l.name} @change=${(e: Event) => this.run(() => this.plan.update('lead', l.id, { name: (e.target as HTMLInputElement).value }))} /></td>
            <td><select ?disabled=${ro} aria-label=${`Kind of lead ${l.name}`} @change=${(e: Event) => this.run(() => this.plan.update('lead', l.id, { kind: (e.target as HTMLSelectElement).value as LeadKind }))}>
              ${LEAD_KINDS.map((k) => html`<option value=${k} ?selected=${k === l.kind}>${k}</option>`)}</select></td>
            <td><input ?readonly=${ro} aria-label=${`Chair of lead ${l.name}`} .value=${l.chair} @change=${(e: Event) => this.run(() => this.plan.update('lead', l.id, { chair: (e.target as HTMLInputElement).value }))} /></td>
            <td>${actionsByLead(this.snapshot, l.id).length}</td>
          </tr>`,
        )}</tbody>
      </table>`;
  }
}
customElements.define('leads-view', LeadsView);
