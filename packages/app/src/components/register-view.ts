import { css, html, LitElement } from 'lit';
import { localToday, ACTION_STATUS_LABELS, RAG_VALUES, actionDue, filterActions, listActions, type ActionFilter, type ActionInContext, type PlanSnapshot, formatUkDate } from '@coplan/core';
import './action-filters.js';
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
    filter: { state: true },
  };
  snapshot!: PlanSnapshot;
  today = localToday();
  sortBy: Column = 'ref';
  descending = false;
  filter: ActionFilter = {};

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
    const rows = filterActions(this.snapshot, this.filter);
    const key = (r: ActionInContext): string | number => {
      switch (this.sortBy) {
        case 'ref':
          return r.priority.number * 1e6 + r.objective.number * 1e3 + r.action.number;
        case 'priority':
          return r.priority.number;
        case 'action':
          return r.action.text.toLowerCase();
        case 'leads':
          return r.action.leads
            .map((l) => l.name)
            .join(', ')
            .toLowerCase();
        case 'due':
          return actionDue(r.action) ?? '9999';
        case 'status':
          return r.action.status;
        case 'rag':
          return RAG_VALUES.indexOf(r.action.rag ?? ('none' as never));
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
    return html`
      <action-filters .snapshot=${this.snapshot} .today=${this.today} @filter-change=${(e: CustomEvent<ActionFilter>) => (this.filter = e.detail)}></action-filters>
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
              <td>${formatUkDate(actionDue(r.action) ?? '')}<div>${r.action.timescale.text}</div></td>
              <td>${ACTION_STATUS_LABELS[r.action.status]}</td>
              <td><rag-badge .rag=${r.action.rag}></rag-badge></td>
            </tr>`,
          )}</tbody>
        </table>
      </div>`;
  }
}
customElements.define('register-view', RegisterView);
