import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { holdsParagraphs, type EntityKind, type Plan } from '@coplan/core';
import { SharedTextBinding } from '../editing/shared-text-binding.js';
import { FieldPresence, type PartnerCaret } from '../editing/field-presence.js';
import { rectsBetween } from '../editing/dom-text.js';

/**
 * One text field of the plan, edited in place and together: each input event
 * becomes a character-level edit of the field's shared text, this person's
 * caret stays by their own words whatever partners type, and partners' carets
 * show in the field in their colour with their name. Fields that hold
 * paragraphs (vision, impact, narratives) take new lines; the others do not.
 *
 * @example
 * ```html
 * <editable-text .plan=${plan} kind="action" .entityId=${id} field="text" label="Action" .awareness=${awareness}></editable-text>
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
    awareness: { attribute: false },
    item: { attribute: false },
    placeholder: {},
    tabbable: { type: Boolean },
  };
  /** Whether Tab stops here; false in a list item that does not hold the list's one tab stop (arrow keys reach it). */
  tabbable = true;
  /** Shown (and announced) while the field is empty, e.g. "Describe the action". */
  placeholder = '';
  plan!: Plan;
  kind!: EntityKind | 'plan';
  entityId = '';
  field!: string;
  label = '';
  readonly = false;
  /** Partners' presence (y-protocols awareness): who is in this field and where their carets are; none without it. */
  awareness: Awareness | null = null;
  /** For one entry of a list field (a principle, a success statement): that entry's shared text, from `plan.listOf`. */
  item: Y.Text | null = null;

  private readonly binding = new SharedTextBinding(this, {
    refused: (message) => this.dispatchEvent(new CustomEvent('plan-error', { detail: message, bubbles: true, composed: true })),
    changed: () => this.caretsChanged(),
  });
  private readonly presence = new FieldPresence(this);
  /** Whether partners' carets were drawn last time, so they are cleared when they go. */
  private drawn = false;

  /** This field's key in presence: shared with partners, so each sees which field the others are in. */
  private get presenceKey(): string {
    // A list entry is named by its shared text's id, the same on every device, so partners see which entry.
    const entry = this.item?._item?.id;
    return `${this.entityId || 'plan'}:${this.field}${entry ? `:${entry.client}-${entry.clock}` : ''}`;
  }

  private get multiline(): boolean {
    return holdsParagraphs(this.kind, this.field);
  }

  static override styles = css`
    :host { display: block; }
    [role='textbox'] { min-height: 1.5em; padding: 0.35rem 0.5rem; border: 1px solid transparent; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
    [role='textbox']:hover, [role='textbox']:focus { border-color: #505a5f; background: #fff; }
    /* The app's focus ring (see shared-styles.ts), drawn inside as a text field's is: the box being typed in is plain to see. */
    [role='textbox']:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 1px #0b0c0c; border-color: #0b0c0c; }
    [role='textbox'][aria-readonly='true'] { border-color: transparent; background: transparent; }
    [role='textbox'][aria-multiline='true'] { min-height: 3em; }
    [role='textbox']:empty::before { content: attr(aria-placeholder); color: #505a5f; font-style: italic; }
    .editors { font-size: 0.85rem; font-weight: 700; }
    .field { position: relative; }
    .carets { position: absolute; inset: 0; pointer-events: none; }
    .carets span { position: absolute; }
    .caret { width: 2px; }
    .selected { opacity: 0.25; }
    .name { transform: translateY(-100%); font: 700 0.7rem/1.2 system-ui, sans-serif; color: #fff; padding: 0 0.25rem; border-radius: 2px 2px 2px 0; white-space: nowrap; }
    /* Printed: the words only, not who is editing them or where their caret is. */
    @media print {
      .editors, .carets { display: none; }
      [role='textbox'] { border-color: transparent !important; box-shadow: none !important; padding-left: 0; padding-right: 0; }
      [role='textbox']:empty::before { content: none; }
    }
  `;

  override render() {
    const editors = this.presence.editors();
    const first = editors[0];
    return html`${
      first ? html`<div class="editors" style="color:${first.colour}">${editors.map((e) => e.name).join(', ')} ${editors.length > 1 ? 'are' : 'is'} editing this</div>` : ''
    }<div class="field"><div
      style=${first ? `border-color:${first.colour};box-shadow:inset 4px 0 0 ${first.colour}` : ''}
      @focus=${this.onFocus}
      @blur=${this.onBlur}
      @beforeinput=${this.binding.onBeforeInput}
      @paste=${this.binding.onPaste}
      @cut=${this.binding.onCut}
      @compositionstart=${this.binding.onCompositionStart}
      @compositionend=${this.binding.onCompositionEnd}
      @input=${this.binding.onInput}
      role="textbox"
      aria-multiline=${this.multiline ? 'true' : 'false'}
      aria-label=${this.label}
      aria-placeholder=${this.placeholder || nothing}
      tabindex=${this.tabbable ? nothing : '-1'}
      aria-readonly=${this.readonly ? 'true' : 'false'}
      contenteditable=${this.readonly ? 'false' : 'plaintext-only'}
      spellcheck="true"
    ></div>${this.renderCarets()}</div>`;
  }

  /** Partners' carets and selections, drawn over the text; decorative (the line above says who is editing, in words). */
  private renderCarets() {
    const box = this.box;
    const ytext = this.binding.editor?.ytext;
    const partners: PartnerCaret[] = box ? this.presence.partners(ytext) : [];
    // Drawn, or waiting for a partner's letters their caret names: either way, redraw when the text changes.
    this.drawn = partners.length > 0 || this.presence.waiting;
    if (!box || partners.length === 0) return nothing;
    const origin = (this.renderRoot.querySelector('.field') as HTMLElement).getBoundingClientRect();
    return html`<div class="carets" aria-hidden="true">
      ${partners.map((p) => {
        const selected = p.anchor === p.head ? [] : rectsBetween(box, p.anchor, p.head, origin);
        const at = rectsBetween(box, p.head, p.head, origin)[0]!;
        return html`${selected.map((r) => html`<span class="selected" style="left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:${p.colour}"></span>`)}
          <span class="caret" data-partner=${p.name} style="left:${at.left}px;top:${at.top}px;height:${at.height}px;background:${p.colour}"></span>
          <span class="name" style="left:${at.left}px;top:${at.top}px;background:${p.colour}">${p.name}</span>`;
      })}
    </div>`;
  }

  /** Puts the caret in this field (once it has rendered), as after adding a new item. */
  async focusText(): Promise<void> {
    await this.updateComplete;
    this.box?.focus();
  }

  private get box(): HTMLElement | null {
    return this.renderRoot?.querySelector('[role="textbox"]') ?? null;
  }

  /** While partners' carets are drawn, a change in the field's size (the window, a wrap) redraws them. */
  private resized: ResizeObserver | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resized?.disconnect();
    this.resized = null;
  }

  override updated(changed: PropertyValues): void {
    const box = this.box;
    if (this.drawn && !this.resized && box) (this.resized = new ResizeObserver(() => this.requestUpdate())).observe(box);
    else if (!this.drawn && this.resized) {
      this.resized.disconnect();
      this.resized = null;
    }
    if (changed.has('plan') || changed.has('entityId') || changed.has('field') || changed.has('kind') || changed.has('item')) {
      this.binding.bind(this.box!, { plan: this.plan, kind: this.kind, id: this.entityId, field: this.field, multiline: this.multiline, item: this.item });
      if (this.drawn) this.requestUpdate();
    }
    if (changed.has('awareness') || changed.has('entityId') || changed.has('field') || changed.has('item')) this.presence.watch(this.awareness, this.presenceKey);
  }

  private readonly onFocus = (): void => {
    this.binding.onFocus();
    this.dispatchEvent(new CustomEvent('editing', { detail: this.presenceKey, bubbles: true, composed: true }));
  };

  private readonly onBlur = (): void => {
    this.binding.onBlur();
    this.dispatchEvent(new CustomEvent('editing', { detail: null, bubbles: true, composed: true }));
  };

  /** This person's caret moved or the text changed: share the caret, and redraw partners' carets over the new text. */
  private caretsChanged(): void {
    this.presence.publish(this.binding.editor?.relativeSelection() ?? null);
    if (this.drawn) this.requestUpdate();
  }
}
customElements.define('editable-text', EditableText);
