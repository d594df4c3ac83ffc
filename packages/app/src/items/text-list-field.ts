import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Awareness } from 'y-protocols/awareness';
import type { Plan } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';
import '../components/editable-text.js';

/** What one entry of each list is called: "success statement 2 of priority 1". */
const ONE = { successStatements: 'success statement', focusAreas: 'focus area' } as const;

/**
 * A priority's list of short statements (what success looks like, focus
 * areas): each statement its own text box, bound to its own shared text as
 * every other field is, so partners writing in the same statement or in
 * others see each other's words, carets and names as they type, and each
 * person's words stay whole. "Add a …" adds an empty statement with the
 * caret in it; each statement can be removed (Ctrl+Z brings it back).
 * Printed, the statements are a plain list.
 */
export class TextListField extends LitElement {
  static override properties = {
    plan: { attribute: false },
    awareness: { attribute: false },
    entityId: { attribute: false },
    field: {},
    items: { attribute: false },
    readonly: { type: Boolean },
    tabbable: { attribute: false },
    label: {},
    name: {},
  };
  plan!: Plan;
  /** Partners' presence, for their carets in the statements. */
  awareness: Awareness | null = null;
  entityId = '';
  field: 'successStatements' | 'focusAreas' = 'successStatements';
  /** The statements' words, as the priority last read them (it re-renders this as they change). */
  items: string[] = [];
  readonly = false;
  /** Whether Tab stops here; false in a priority that does not hold the list's one tab stop (arrow keys reach it). */
  tabbable = true;
  /** The heading shown above the list. */
  label = '';
  /** The list's name ("success statements of priority 1"). */
  name = '';

  override createRenderRoot(): HTMLElement {
    return this;
  }

  /** "of priority 1", from the list's name. */
  private get of(): string {
    return this.name.replace(/^.*? of /, 'of ');
  }

  override render() {
    if (this.readonly) return this.items.length ? html`<div class="label">${this.label}</div><ul>${this.items.map((t) => html`<li>${t}</li>`)}</ul>` : nothing;
    const entries = this.plan.listOf('priority', this.entityId, this.field);
    const one = ONE[this.field];
    const id = `${this.field}-${this.entityId}`;
    const tab = this.tabbable ? nothing : '-1';
    return html`<div class="text-list" ?data-empty=${!this.items.length}><div class="label" id="${id}-label">${this.label}</div>
      <ol class="entries" aria-labelledby="${id}-label">
        ${repeat(
          entries,
          (t) => t,
          (
            t,
            i,
          ) => html`<li><editable-text .plan=${this.plan} .awareness=${this.awareness} kind="priority" .entityId=${this.entityId} field=${this.field} .item=${t} .tabbable=${this.tabbable} label=${`${capitalise(one)} ${i + 1} ${this.of}`}></editable-text>
            <button class="quiet" tabindex=${tab} aria-label=${`Remove ${one} ${i + 1} ${this.of}`} @click=${() => this.removeEntry(i)}>Remove</button></li>`,
        )}
      </ol>
      <button class="add-entry" tabindex=${tab} aria-label=${`Add a ${one} ${this.of.replace(/^of /, 'to ')}`} @click=${this.add}>Add a ${one}</button>
      <ul class="printed">${this.items.map((t) => html`<li>${t}</li>`)}</ul></div>`;
  }

  /** An empty statement at the end, with the caret in it. */
  private readonly add = async (): Promise<void> => {
    if (!this.run(() => this.plan.addListItem('priority', this.entityId, this.field, ''))) return;
    this.requestUpdate();
    await this.updateComplete;
    await this.focusEntry(this.plan.listOf('priority', this.entityId, this.field).length - 1);
  };

  /** Removes a statement: said, and focus goes to the one now in its place (or the one before, or Add). */
  private async removeEntry(index: number): Promise<void> {
    const item = this.plan.listOf('priority', this.entityId, this.field)[index];
    if (!item) return;
    const words = item.toString().trim();
    if (!this.run(() => this.plan.removeListItem('priority', this.entityId, this.field, item))) return;
    this.requestUpdate();
    await this.updateComplete;
    const left = this.plan.listOf('priority', this.entityId, this.field).length;
    const said = `${capitalise(ONE[this.field])} ${index + 1} ${this.of} removed${words ? ` (${words.length > 60 ? `${words.slice(0, 59)}…` : words})` : ''}. Press Ctrl+Z to undo.`;
    this.dispatchEvent(new CustomEvent('item-announce', { detail: said, bubbles: true, composed: true }));
    if (left === 0) this.querySelector<HTMLElement>('button.add-entry')?.focus();
    else await this.focusEntry(Math.min(index, left - 1));
  }

  private async focusEntry(index: number): Promise<void> {
    const box = this.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>(':scope .entries > li > editable-text')[index];
    await box?.updateComplete;
    box?.shadowRoot?.querySelector<HTMLElement>('[role="textbox"]')?.focus();
  }

  private run(fn: () => void): boolean {
    const refused = tryPlanCall(fn);
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    return !refused;
  }
}
customElements.define('text-list-field', TextListField);

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
