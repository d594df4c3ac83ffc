import { css, html, LitElement, nothing } from 'lit';
import { PlanError, type Plan } from '@coplan/core';
import { amberPercentOf, readFigureNumber, rulesInWords, usualThresholdsWithin, type ReportingEvery, type ThresholdRule } from '@coplan/core/scorecard';
import { formStyles } from './shared-styles.js';

/** What the form holds, as typed. */
interface Fields {
  name: string;
  priorityId: string;
  owner: string;
  unit: string;
  direction: 'higher' | 'lower';
  every: ReportingEvery;
  /** The amber band as typed ("10"), or '' when the indicator keeps rules of another shape. */
  amber: string;
}

/**
 * An indicator's details, for adding one or changing one: its name,
 * priority, owner agency, unit, which way is better and how often it is
 * reported. Writes through the core; shows the core's refusal as it words
 * it, keeping what was typed. Dispatches `done` when saved or cancelled.
 */
export class IndicatorForm extends LitElement {
  static override properties = { plan: { attribute: false }, indicatorId: {}, fields: { state: true }, error: { state: true } };
  plan!: Plan;
  /** The indicator to change; '' to add one. */
  indicatorId = '';
  fields: Fields = { name: '', priorityId: '', owner: '', unit: '', direction: 'higher', every: 'quarter', amber: '10' };
  /** Rules of another shape than the usual, kept as they are and said in words. */
  private otherRules: ThresholdRule[] | null = null;
  error = '';

  static override styles = [
    formStyles,
    css`
      form { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; align-items: end; padding: 0.75rem; background: #f3f2f1; margin: 0.75rem 0; }
      .wide { grid-column: 1 / -1; }
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      select { background: #fff; }
      .error { color: #942514; font-weight: 600; margin: 0; }
    `,
  ];

  override firstUpdated(): void {
    const i = this.indicatorId ? this.plan.get('indicator', this.indicatorId) : undefined;
    if (i) {
      const amber = amberPercentOf(i.thresholds);
      this.otherRules = amber === null ? i.thresholds : null;
      this.fields = { name: i.name, priorityId: i.priorityId ?? '', owner: i.owner, unit: i.unit, direction: i.direction, every: i.every, amber: amber === null ? '' : String(amber) };
    }
    this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
  }

  override render() {
    const f = this.fields;
    const set = (patch: Partial<Fields>) => (this.fields = { ...f, ...patch });
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    const priorities = this.plan.snapshot().priorities;
    const what = this.indicatorId ? `Details of ${f.name || 'the indicator'}` : 'A new indicator';
    return html`<form aria-label=${what} @submit=${this.save} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.done()}>
      <label class="wide">Name of the indicator
        <input name="name" autocomplete="off" .value=${f.name} aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'indicator-error' : nothing} @input=${(e: Event) => set({ name: value(e) })} />
      </label>
      <label>Priority
        <select name="priority" @change=${(e: Event) => set({ priorityId: value(e) })}>
          <option value="" ?selected=${!f.priorityId}>None</option>
          ${priorities.map((p) => html`<option value=${p.id} ?selected=${p.id === f.priorityId}>${p.number}. ${p.title}</option>`)}
        </select>
      </label>
      <label>Owner agency <input name="owner" autocomplete="organization" .value=${f.owner} @input=${(e: Event) => set({ owner: value(e) })} /></label>
      <label>Unit (such as %) <input name="unit" autocomplete="off" .value=${f.unit} @input=${(e: Event) => set({ unit: value(e) })} /></label>
      <label>Better when the figure is
        <select name="direction" @change=${(e: Event) => set({ direction: value(e) as Fields['direction'] })}>
          <option value="higher" ?selected=${f.direction === 'higher'}>Higher</option>
          <option value="lower" ?selected=${f.direction === 'lower'}>Lower</option>
        </select>
      </label>
      <label>Reported
        <select name="every" @change=${(e: Event) => set({ every: value(e) as ReportingEvery })}>
          <option value="quarter" ?selected=${f.every === 'quarter'}>Each quarter</option>
          <option value="half-year" ?selected=${f.every === 'half-year'}>Each half-year</option>
        </select>
      </label>
      ${
        this.otherRules
          ? html`<p class="wide">RAG rules: ${rulesInWords(this.otherRules)} (kept as they are).</p>`
          : html`<label>Amber when short of target by at most (% of target)
              <input name="amber" inputmode="decimal" autocomplete="off" .value=${f.amber} @input=${(e: Event) => set({ amber: value(e) })} />
            </label>`
      }
      ${this.error ? html`<p class="error wide" id="indicator-error" role="alert">${this.error}</p>` : nothing}
      <div class="tools wide"><button class="primary" type="submit">${this.indicatorId ? 'Save details' : 'Add indicator'}</button><button type="button" @click=${() => this.done()}>Cancel</button></div>
    </form>`;
  }

  private save(e: Event): void {
    e.preventDefault();
    const f = this.fields;
    const fields = { name: f.name.trim(), priorityId: f.priorityId || null, owner: f.owner.trim(), unit: f.unit.trim(), direction: f.direction, every: f.every };
    if (!fields.name) {
      this.error = 'Give the indicator a name, as the board knows it (such as "Referrals screened within one working day").';
      return;
    }
    const amber = this.otherRules ? null : readFigureNumber(f.amber);
    if (!this.otherRules && (amber === null || amber < 0)) {
      this.error = `The amber band "${f.amber}" is not a percentage: write how far short of target is still amber, such as 10.`;
      return;
    }
    const thresholds = amber === null ? undefined : usualThresholdsWithin(amber);
    try {
      if (this.indicatorId) this.plan.update('indicator', this.indicatorId, { ...fields, thresholds });
      else this.plan.create('indicator', { ...fields, thresholds });
      this.done(fields.name);
    } catch (err) {
      this.error = err instanceof PlanError ? err.message : String(err);
    }
  }

  private done(saved = ''): void {
    this.dispatchEvent(new CustomEvent('done', { detail: { saved }, bubbles: true, composed: true }));
  }
}
customElements.define('indicator-form', IndicatorForm);
