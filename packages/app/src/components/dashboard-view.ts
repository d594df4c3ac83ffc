import { css, html, LitElement, svg } from 'lit';
import { addDays, formatUkDate, localToday, actionsDueWithin, leadLoad, overdueActions, ragSummary, type ActionInContext, type PlanSnapshot, type Rag } from '@coplan/core';
import { focusRing, stackedTables } from './shared-styles.js';

const COLOURS: Record<Rag | 'none', string> = { red: '#d4351c', amber: '#f47738', green: '#00703c', blue: '#1d70b8', grey: '#505a5f', none: '#b1b4b6' };
const ORDER: Array<Rag | 'none'> = ['red', 'amber', 'green', 'blue', 'grey', 'none'];

/** RAG per priority as a chart (with the numbers written out), what is overdue and due soon, and the load on each lead. */
export class DashboardView extends LitElement {
  static override properties = { snapshot: { attribute: false }, today: {} };
  snapshot!: PlanSnapshot;
  today = localToday();
  static override styles = [
    focusRing,
    stackedTables,
    css`
    :host { display: block; }
    section { margin: 1.5rem 0; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr)); gap: 1rem; }
    .card { border: 1px solid #b1b4b6; padding: 0.75rem; }
    .big { font-size: 2rem; font-weight: 700; }
    ul { padding-left: 1.2rem; }
    table { border-collapse: collapse; }
    td, th { padding: 0.25rem 0.5rem; border-bottom: 1px solid #b1b4b6; text-align: left; }
    /* A priority's whole name, wrapped: never cut off. */
    th[scope='row'] { max-width: 32rem; overflow-wrap: break-word; }
    /* On a phone (or at 400% zoom) the tables stack each row and the chart's labels stay readable (WCAG 1.4.10). */
    @media (max-width: 40rem) {
      table.stack > tbody > tr > th { display: block; border: 0; padding: 0.2rem 0; }
      svg text { font-size: 30px; }
    }
  `,
  ];

  private list(title: string, rows: ActionInContext[]) {
    return html`<div class="card"><h3>${title}</h3><p class="big">${rows.length}</p>
      <ul>${rows.slice(0, 8).map((r) => html`<li>${r.priority.number}.${r.objective.number}.${r.action.number} ${r.action.text}</li>`)}</ul>
      ${rows.length > 8 ? html`<p>and ${rows.length - 8} more (see the register)</p>` : ''}</div>`;
  }

  override render() {
    const s = this.snapshot;
    const summary = ragSummary(s);
    const width = 600;
    return html`
      <section aria-labelledby="rag-h">
        <h2 id="rag-h">RAG by priority</h2>
        <svg role="img" aria-labelledby="rag-h rag-desc" viewBox="0 0 ${width + 160} ${summary.length * 40}" width="100%">
          <desc id="rag-desc">${summary.map((r) => `Priority ${r.number}: ${ORDER.map((k) => `${r.counts[k]} ${k === 'none' ? 'no update' : k}`).join(', ')}`).join('. ')}</desc>
          ${summary.map((r, i) => {
            let x = 160;
            return svg`<text x="0" y=${i * 40 + 24} font-size="14">Priority ${r.number}</text>
              ${ORDER.map((k) => {
                const w = r.total ? (r.counts[k] / r.total) * width : 0;
                const bar = svg`<rect x=${x} y=${i * 40 + 8} width=${w} height="24" fill=${COLOURS[k]}><title>${r.counts[k]} ${k}</title></rect>`;
                x += w;
                return bar;
              })}`;
          })}
        </svg>
        <table class="stack" role="table">
          <caption>RAG counts by priority</caption>
          <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">Priority</th>${ORDER.map((k) => html`<th scope="col" role="columnheader">${ragHeading(k)}</th>`)}</tr></thead>
          <tbody role="rowgroup">${summary.map((r) => html`<tr role="row"><th scope="row" role="rowheader">${r.number}. ${r.title}</th>${ORDER.map((k) => html`<td role="cell" data-label=${ragHeading(k)}>${r.counts[k]}</td>`)}</tr>`)}</tbody>
        </table>
      </section>
      <section class="grid" aria-label="What needs attention">
        ${this.list(`Overdue on ${formatUkDate(this.today)}`, overdueActions(s, this.today))}
        ${this.list('Due in the next 30 days', actionsDueWithin(s, this.today, addDays(this.today, 30)))}
        ${this.list('Due in the next 90 days', actionsDueWithin(s, this.today, addDays(this.today, 90)))}
      </section>
      <section aria-labelledby="load-h">
        <h2 id="load-h">Load on each lead</h2>
        <table class="stack" role="table" aria-labelledby="load-h">
          <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">Lead</th><th scope="col" role="columnheader">Open actions</th><th scope="col" role="columnheader">Overdue</th></tr></thead>
          <tbody role="rowgroup">${leadLoad(s, this.today).map((l) => html`<tr role="row"><td role="cell" data-label="Lead">${l.name}</td><td role="cell" data-label="Open actions">${l.open}</td><td role="cell" data-label="Overdue">${l.overdue}</td></tr>`)}</tbody>
        </table>
      </section>`;
  }
}
customElements.define('dashboard-view', DashboardView);

function ragHeading(k: (typeof ORDER)[number]): string {
  return k === 'none' ? 'No update' : k[0]!.toUpperCase() + k.slice(1);
}
