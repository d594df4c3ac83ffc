import { html, LitElement, nothing } from 'lit';
import type { Plan } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';

/**
 * A priority's list of short statements (what success looks like, focus
 * areas), edited as one line per statement. What was typed is written when
 * the person leaves the box; blank lines are dropped, nothing else is.
 */
export class TextListField extends LitElement {
  static override properties = {
    plan: { attribute: false },
    entityId: { attribute: false },
    field: {},
    items: { attribute: false },
    readonly: { type: Boolean },
    label: {},
    name: {},
  };
  plan!: Plan;
  entityId = '';
  field: 'successStatements' | 'focusAreas' = 'successStatements';
  items: string[] = [];
  readonly = false;
  /** The heading shown above the list. */
  label = '';
  /** The list's name in the box's label ("success statements of priority 1"). */
  name = '';

  override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    if (this.readonly) return this.items.length ? html`<div class="label">${this.label}</div><ul>${this.items.map((t) => html`<li>${t}</li>`)}</ul>` : nothing;
    const id = `${this.field}-${this.entityId}`;
    return html`<div class="text-list"><label for=${id} class="label">${this.label}</label>
      <span class="hint" id="${id}-hint">One per line.</span>
      <textarea id=${id} aria-describedby="${id}-hint" aria-label=${`${this.label} (${this.name}), one per line`} rows=${Math.max(2, this.items.length + 1)} .value=${this.items.join('\n')} @change=${this.save}></textarea></div>`;
  }

  private readonly save = (e: Event): void => {
    const lines = (e.target as HTMLTextAreaElement).value
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const refused = tryPlanCall(() => this.plan.update('priority', this.entityId, { [this.field]: lines }));
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
  };
}
customElements.define('text-list-field', TextListField);
