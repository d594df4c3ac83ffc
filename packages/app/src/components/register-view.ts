import { addDays } from '../state/dates.js';
import { css, html, LitElement } from 'lit';
import { ACTION_STATUSES, RAG_VALUES, actionDue, actionsByLead, actionsDueWithin, listActions, overdueActions, type ActionInContext, type PlanSnapshot } from '@coplan/core';
import './rag-badge.js';

type Column = 'ref' | 'priority' | 'action' | 'leads' | 'due' | 'status' | 'rag';
const COLUMNS: Array<[Column, string]> = [
  ['ref', 'Ref'],
  ['priority', 'Priority'],
  ['action', 'Action'],
  ['leads', 'Leads'],
  ['due', 'Due'],
  ['status', 'Status'],
  ['rag', 'RAG'],
];


/**
 * Every action in one sortable, filterable table, the way business managers
 * keep their spreadsheets. Which actions match a lead or a due window is the
 * core's answer (`actionsByLead`, `overdueActions`, `actionsDueWithin`).
 */
export class RegisterView extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    today: {},
    sortBy: { state: true },
    descending: { state: true },
    lead: { state: true },
    rag: { state: true },
    status: { state: true },
    window: { state: true },
  };
  snapshot!: PlanSnapshot;
  today = new Date().toISOString().slice(0, 10);
  sortBy: Column = 'ref';
  descending = false;
  lead = '';
  rag = '';
  status = '';
  window = '';

  static override styles = css`
    :host { display: block; }
    .filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
    label { display: flex; flex-direction: column; font-size: 0.9rem; font-weight: 600; }
    select { min-height: 44px; font: inherit; border: 2px solid #0b0c0c; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem; text-align: left; vertical-align: top; }
    th button { font: inherit; font-weight: 700; background: none; border: none; min-height: 44px; cursor: pointer; padding: 0; text-align: left; }
    caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
  `;

  private rows(): ActionInContext[] {
    const s = this.snapshot;
    let rows = this.lead ? actionsByLead(s, this.lead) : listActions(s);
    if (this.window) {
      const keep = new Set(
        (this.window === 'overdue' ? overdueActions(s, this.today) : actionsDueWithin(s, this.today, addDays(this.today, Number(this.window)))).map((r) => r.action.id),
      );
      rows = rows.filter((r) => keep.has(r.action.id));
    }
    if (this.rag) rows = rows.filter((r) => (r.action.rag ?? 'none') === this.rag);
    if (this.status) rows = rows.filter((r) => r.action.status === this.status);
    const key = (r: ActionInContext): string | number => {
      switch (this.sortBy) {
        case 'ref': return r.priority.number * 1e6 + r.objective.number * 1e3 + r.action.number;
        case 'priority': return r.priority.number;
        case 'action': return r.action.text.toLowerCase();
        case 'leads': return r.action.leads.map((l) => l.name).join(', ').toLowerCase();
        case 'due': return actionDue(r.action) ?? '9999';
        case 'status': return r.action.status;
        case 'rag': return RAG_VALUES.indexOf(r.action.rag ?? ('none' as never));
      }
    };
    return [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (this.descending ? -1 : 1);
    });
  }

  private sort(column: Column): void {
    if (this.sortBy === column) this.descending = !this.descending;
    else {
      this.sortBy = column;
      this.descending = false;
    }
  }

  override render() {
    const rows = this.rows();
    const leadNames = [...new Set(listActions(this.snapshot).flatMap((r) => r.action.leads.map((l) => l.name)))].sort();
    return html`
      <div class="filters">
        <label>Lead <select aria-label="Filter by lead" @change=${(e: Event) => (this.lead = (e.target as HTMLSelectElement).value)}>
          <option value="">All leads</option>${leadNames.map((n) => html`<option value=${n}>${n}</option>`)}
        </select></label>
        <label>RAG <select aria-label="Filter by RAG" @change=${(e: Event) => (this.rag = (e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>${[...RAG_VALUES, 'none'].map((r) => html`<option value=${r}>${r === 'none' ? 'no update yet' : r}</option>`)}
        </select></label>
        <label>Status <select aria-label="Filter by status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>${ACTION_STATUSES.map((s) => html`<option value=${s}>${s}</option>`)}
        </select></label>
        <label>Due <select aria-label="Filter by due date" @change=${(e: Event) => (this.window = (e.target as HTMLSelectElement).value)}>
          <option value="">Any time</option><option value="overdue">Overdue</option><option value="30">In the next 30 days</option><option value="90">In the next 90 days</option>
        </select></label>
      </div>
      <div class="scroll">
        <table>
          <caption>${rows.length} of ${listActions(this.snapshot).length} actions</caption>
          <thead><tr>${COLUMNS.map(
            ([c, label]) => html`<th scope="col" aria-sort=${this.sortBy === c ? (this.descending ? 'descending' : 'ascending') : 'none'}>
              <button @click=${() => this.sort(c)}>${label}</button></th>`,
          )}</tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr>
              <td>${r.priority.number}.${r.objective.number}.${r.action.number}</td>
              <td>${r.priority.title}</td>
              <td>${r.action.text}</td>
              <td>${r.action.leads.map((l) => l.name).join(', ')}</td>
              <td>${actionDue(r.action) ?? ''}<div>${r.action.timescale.text}</div></td>
              <td>${r.action.status}</td>
              <td><rag-badge .rag=${r.action.rag}></rag-badge></td>
            </tr>`,
          )}</tbody>
        </table>
      </div>`;
  }
}
customElements.define('register-view', RegisterView);
