import { html, LitElement } from 'lit';
import { localToday, ACTION_STATUSES, ACTION_STATUS_LABELS, RAG_LABELS, RAG_VALUES, listActions, type ActionFilter, type PlanSnapshot } from '@coplan/core';

/**
 * Filter controls for actions: lead, RAG, status, due window. Dispatches
 * `filter-change` with an {@link ActionFilter}; the core's `filterActions` applies it.
 */
export class ActionFilters extends LitElement {
  static override properties = { snapshot: { attribute: false }, today: {} };
  snapshot!: PlanSnapshot;
  today = localToday();
  private filter: ActionFilter = {};

  // Light DOM, so the host view's styles apply to the selects.
  protected override createRenderRoot() {
    return this;
  }

  private set(part: keyof ActionFilter, value: string): void {
    const next: ActionFilter = { ...this.filter, asOf: this.today };
    if (!value) delete next[part];
    else if (part === 'due') next.due = value === 'overdue' ? 'overdue' : Number(value);
    else (next as Record<string, unknown>)[part] = value;
    this.filter = next;
    this.dispatchEvent(new CustomEvent<ActionFilter>('filter-change', { detail: next, bubbles: true }));
  }

  override render() {
    const leadNames = [...new Set(listActions(this.snapshot).flatMap((r) => [...r.action.leads, ...r.action.variants.flatMap((v) => v.leads)].map((l) => l.name)))].sort();
    const pick = (part: keyof ActionFilter) => (e: Event) => this.set(part, (e.target as HTMLSelectElement).value);
    return html`<div class="filters" role="group" aria-label="Filter actions">
      <label>Lead <select aria-label="Filter by lead" @change=${pick('lead')}><option value="">All leads</option>${leadNames.map((n) => html`<option value=${n}>${n}</option>`)}</select></label>
      <label>RAG <select aria-label="Filter by RAG" @change=${pick('rag')}><option value="">Any</option>${[...RAG_VALUES, 'none'].map((r) => html`<option value=${r}>${r === 'none' ? 'No update yet' : RAG_LABELS[r as keyof typeof RAG_LABELS]}</option>`)}</select></label>
      <label>Status <select aria-label="Filter by status" @change=${pick('status')}><option value="">Any</option>${ACTION_STATUSES.map((s) => html`<option value=${s}>${ACTION_STATUS_LABELS[s]}</option>`)}</select></label>
      <label>Due <select aria-label="Filter by due date" @change=${pick('due')}><option value="">Any time</option><option value="overdue">Overdue</option><option value="30">In the next 30 days</option><option value="90">In the next 90 days</option></select></label>
    </div>`;
  }
}
customElements.define('action-filters', ActionFilters);
