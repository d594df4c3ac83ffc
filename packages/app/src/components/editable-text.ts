import { css, html, LitElement, type PropertyValues } from 'lit';
import type * as Y from 'yjs';
import type { EntityKind, Plan } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';

/**
 * One text field of the plan, edited in place and together: each keystroke
 * goes to the core as a character-level edit, and a partner's typing in the
 * same field moves this person's caret with the text rather than resetting it.
 *
 * @example
 * ```html
 * <editable-text .plan=${plan} kind="action" .entityId=${id} field="text" label="Action"></editable-text>
 * ```
 */
export class EditableText extends LitElement {
  static override properties = {
    plan: { attribute: false },
    kind: {},
    entityId: { attribute: false },
    field: {},
    label: {},
    readonly: { type: Boolean },
    presence: { attribute: false },
  };
  plan!: Plan;
  kind!: EntityKind | 'plan';
  entityId = '';
  field!: string;
  label = '';
  readonly = false;
  /** Who is editing which field now (`<id>:<field>`), from partners' presence. */
  presence: Map<string, Array<{ name: string; colour: string }>> = new Map();

  /** This field's key in presence: shared with partners, so each sees which field the others are in. */
  private get presenceKey(): string {
    return `${this.entityId || 'plan'}:${this.field}`;
  }
  private ytext: Y.Text | null = null;
  private unobserve: (() => void) | null = null;

  static override styles = css`
    :host { display: block; }
    [role='textbox'] { min-height: 1.5em; padding: 0.35rem 0.5rem; border: 1px solid transparent; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
    [role='textbox']:hover, [role='textbox']:focus { border-color: #505a5f; background: #fff; }
    [role='textbox'][aria-readonly='true'] { border-color: transparent; background: transparent; }
    .editors { font-size: 0.85rem; font-weight: 700; }
  `;

  override render() {
    const editors = this.presence.get(this.presenceKey) ?? [];
    const first = editors[0];
    return html`${first ? html`<div class="editors" style="color:${first.colour}">${editors.map((e) => e.name).join(', ')} ${editors.length > 1 ? 'are' : 'is'} editing this</div>` : ''}<div
      style=${first ? `border-color:${first.colour};box-shadow:inset 4px 0 0 ${first.colour}` : ''}
      @focus=${() => this.dispatchEvent(new CustomEvent('editing', { detail: this.presenceKey, bubbles: true, composed: true }))}
      @blur=${() => this.dispatchEvent(new CustomEvent('editing', { detail: null, bubbles: true, composed: true }))}
      role="textbox"
      aria-multiline="true"
      aria-label=${this.label}
      aria-readonly=${this.readonly ? 'true' : 'false'}
      contenteditable=${this.readonly ? 'false' : 'plaintext-only'}
      spellcheck="true"
      @input=${this.onInput}
    ></div>`;
  }

  private get box(): HTMLElement {
    return this.renderRoot.querySelector('[role="textbox"]') as HTMLElement;
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('plan') || changed.has('entityId') || changed.has('field')) this.bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unobserve?.();
  }

  private bind(): void {
    this.unobserve?.();
    this.ytext = this.plan.textOf(this.kind, this.entityId, this.field);
    this.box.textContent = this.ytext.toString();
    const observer = (event: Y.YTextEvent) => {
      if (event.transaction.local && event.transaction.origin === this.plan.origin && this.matchesDom()) return;
      this.applyRemote(event);
    };
    this.ytext.observe(observer);
    this.unobserve = () => this.ytext?.unobserve(observer);
  }

  private matchesDom(): boolean {
    return this.box.textContent === this.ytext?.toString();
  }

  /** Puts the partner's change on screen, keeping this person's caret where it was in the text. */
  private applyRemote(event: Y.YTextEvent): void {
    const box = this.box;
    const focused = this.shadowRoot?.activeElement === box;
    let caret = focused ? this.caretOffset() : -1;
    if (caret >= 0) {
      let at = 0;
      for (const op of event.delta) {
        if (op.retain) at += op.retain;
        else if (typeof op.insert === 'string') {
          if (at <= caret) caret += op.insert.length;
          at += op.insert.length;
        } else if (op.delete) {
          if (at < caret) caret -= Math.min(op.delete, caret - at);
        }
      }
    }
    box.textContent = this.ytext!.toString();
    if (caret >= 0) this.setCaret(caret);
  }

  private onInput(): void {
    const next = this.box.textContent ?? '';
    const prev = this.ytext!.toString();
    // The core writes only the span that differs, so partners' typing elsewhere in the field is kept.
    const refused = tryPlanCall(() => (this.kind === 'plan' ? this.plan.updatePlan({ [this.field]: next }) : this.plan.update(this.kind, this.entityId, { [this.field]: next })));
    if (refused) {
      // Refused (say, emptying a required title): show what is stored and say why.
      const caret = this.caretOffset();
      this.box.textContent = prev;
      this.setCaret(Math.min(caret, prev.length));
      this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    }
  }

  private caretOffset(): number {
    const sel = (this.shadowRoot as unknown as { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
    if (!sel || sel.rangeCount === 0) return -1;
    const range = sel.getRangeAt(0).cloneRange();
    range.selectNodeContents(this.box);
    const end = sel.getRangeAt(0);
    range.setEnd(end.endContainer, end.endOffset);
    return range.toString().length;
  }

  private setCaret(offset: number): void {
    const node = this.box.firstChild ?? this.box;
    const range = document.createRange();
    range.setStart(node, Math.min(offset, node.textContent?.length ?? 0));
    range.collapse(true);
    const sel = document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
}
customElements.define('editable-text', EditableText);
