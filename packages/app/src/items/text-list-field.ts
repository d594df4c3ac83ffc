import { html, LitElement, nothing } from 'lit';
import type { Plan } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';

/** The entries the box showed when the person began (each entry's shared text, and its words then). */
type Seen = Array<{ item: ReturnType<Plan['listOf']>[number]; text: string }>;

/**
 * A priority's list of short statements (what success looks like, focus
 * areas), edited as one line per statement. What was typed is written when
 * the person leaves the box (or the page goes, or the box is taken away), as only the lines they changed (the core's
 * `reviseList`), so a partner editing another statement meanwhile keeps
 * their words; blank lines are dropped, nothing else is. While the person is
 * writing, a partner's change does not overwrite the box; it shows once
 * theirs is saved.
 */
export class TextListField extends LitElement {
  static override properties = {
    plan: { attribute: false },
    entityId: { attribute: false },
    field: {},
    items: { attribute: false },
    readonly: { type: Boolean },
    tabbable: { attribute: false },
    label: {},
    name: {},
  };
  plan!: Plan;
  entityId = '';
  field: 'successStatements' | 'focusAreas' = 'successStatements';
  items: string[] = [];
  readonly = false;
  /** Whether Tab stops here; false in a priority that does not hold the list's one tab stop (arrow keys reach it). */
  tabbable = true;
  /** The heading shown above the list. */
  label = '';
  /** The list's name in the box's label ("success statements of priority 1"). */
  name = '';

  /** What the box shows, as the plan had it when the box last took the plan's words. */
  private seen: Seen = [];
  /** The person has typed since then. */
  private editing = false;

  override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    if (!this.editing && this.plan && this.entityId) this.seen = this.plan.listOf('priority', this.entityId, this.field).map((item) => ({ item, text: item.toString() }));
  }

  override render() {
    if (this.readonly) return this.items.length ? html`<div class="label">${this.label}</div><ul>${this.items.map((t) => html`<li>${t}</li>`)}</ul>` : nothing;
    const id = `${this.field}-${this.entityId}`;
    // The list as words too, for print only (plan-outline's styles): a printed text box would cut them off.
    return html`<div class="text-list" ?data-empty=${!this.items.length}><label for=${id} class="label">${this.label}</label>
      <span class="hint" id="${id}-hint">One per line.</span>
      <textarea id=${id} tabindex=${this.tabbable ? nothing : '-1'} aria-describedby="${id}-hint" aria-label=${`${this.label} (${this.name}), one per line`} rows=${this.items.length ? this.items.length + 1 : 1} .value=${this.seen.map((s) => s.text).join('\n')} @input=${this.onInput} @change=${this.save}></textarea>
      <ul class="printed">${this.items.map((t) => html`<li>${t}</li>`)}</ul></div>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Capturing, so the words are in the plan before the device's copy keeps what is unsent as the page goes.
    window.addEventListener('pagehide', this.saveUnsaved, true);
    window.addEventListener('visibilitychange', this.onVisibility, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.saveUnsaved, true);
    window.removeEventListener('visibilitychange', this.onVisibility, true);
    this.saveUnsaved(); // the box is going (its priority redrawn, another tab): what was typed is kept
  }

  /** Writes what was typed and not yet written: a reload, a closed tab or a box taken away would otherwise lose it. */
  private readonly saveUnsaved = (): void => {
    const box = this.querySelector('textarea');
    if (this.editing && box && this.plan) this.write(box);
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.saveUnsaved();
  };

  private readonly save = (e: Event): void => this.write(e.target as HTMLTextAreaElement);

  private write(box: HTMLTextAreaElement): void {
    const lines = box.value
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const refused = tryPlanCall(() => this.plan.reviseList('priority', this.entityId, this.field, this.seen, lines));
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    this.editing = false;
    this.requestUpdate(); // the box takes the plan's words again: these, and a partner's meanwhile
  }

  private readonly onInput = (): void => {
    this.editing = true;
  };
}
customElements.define('text-list-field', TextListField);
