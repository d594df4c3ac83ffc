import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PlanChange } from '@coplan/core';
import { planContext } from '../state/plan-context.js';
import { tryPlanCall } from '../state/plan-call.js';
import { formStyles } from '../components/shared-styles.js';
import { DragReorder } from './drag-reorder.js';
import { focusAfterRemoval, type PlanItem } from './plan-item.js';
import './priority-item.js';

/**
 * The plan's priorities, objectives and actions, each a small component
 * keyed by id that re-renders only when its own entity changes. This list
 * re-renders only when the list of priorities does. Items off screen are
 * kept in the page (for screen readers, find, focus and printing) but not
 * laid out or painted until they come near (`content-visibility: auto`).
 */
export class PlanOutline extends LitElement {
  /** How many times the outline has rendered: for tests and diagnostics. */
  renders = 0;
  private readonly context = new ContextConsumer(this, { context: planContext, subscribe: true });
  private off: (() => void) | null = null;
  private listening: unknown = null;
  private ids: string[] = [];

  constructor() {
    super();
    new DragReorder(
      this,
      () => this.context.value?.plan,
      (fn) => this.run(fn),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Items live in this shadow root; their events do not leave it.
    this.renderRoot.addEventListener('item-delete', this.onDelete as EventListener);
    this.renderRoot.addEventListener('item-moved', this.onMoved as unknown as EventListener);
  }

  static override styles = [
    formStyles,
    css`
      :host { display: block; }
      /* On a narrow screen the text keeps a useful width and the controls wrap under it. */
      .head { display: flex; flex-wrap: wrap; align-items: start; gap: 0.35rem; }
      .grow { flex: 1 1 14rem; min-width: 0; }
      h2 { font-size: 1.35rem; margin: 0.4rem 0; }
      .label, .number { font-size: 0.85rem; color: #505a5f; font-weight: 600; }
      .number { padding-top: 0.5rem; min-width: 2.5rem; flex: none; }
      .objective > .head > .number { min-width: 5.5rem; }
      rag-badge, item-menu, .drag, button.quiet { flex: none; white-space: nowrap; }
      section.priority { border: 1px solid #b1b4b6; border-left: 6px solid #1d4f91; margin: 1.5rem 0; padding: 0.5rem 1rem; }
      .fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0 1rem; }
      .text-list { display: flex; flex-direction: column; margin: 0.4rem 0; }
      .text-list label { font-size: 0.85rem; color: #505a5f; }
      .hint { font-size: 0.8rem; color: #505a5f; }
      .objective { margin: 0.75rem 0 0 0.25rem; padding-left: 0.75rem; border-left: 3px solid #b1b4b6; }
      .action { padding: 0.2rem 0.4rem; margin: 0.3rem 0; background: #f8f8f8; border-radius: 4px; border: 1px solid #dbdad9; }
      /* Far off screen, an item is not laid out or painted; it stays in the page for find, focus, screen readers and print. */
      action-item { display: block; content-visibility: auto; contain-intrinsic-size: auto 6.5rem; }
      priority-item, objective-item { display: block; }
      @media print { action-item { content-visibility: visible; } .drag, item-menu, button { display: none; } }
      .facts { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; align-items: baseline; font-size: 0.9rem; color: #383f43; padding-left: 2.85rem; }
      .facts .timescale { display: inline-flex; align-items: baseline; gap: 0.3rem; }
      .latest { margin: 0.2rem 0 0.2rem 2.85rem; font-size: 0.9rem; }
      button.quiet { background: transparent; border-color: transparent; text-decoration: underline; padding: 0 0.4rem; }
      button.quiet:hover { border-color: #0b0c0c; }
      .drag { touch-action: none; cursor: grab; font-size: 1.3rem; line-height: 1; background: transparent; border-color: transparent; padding: 0 0.3rem; }
      .drop-target { outline: 3px dashed #1d70b8; }
      button.add { margin: 0.3rem 0; }
      .move-to { margin: 0.3rem 0 0.3rem 2.85rem; }
      rag-badge { padding-top: 0.35rem; }
    `,
  ];

  override update(changed: Map<PropertyKey, unknown>): void {
    this.renders++;
    const plan = this.context.value?.plan;
    if (plan !== this.listening) {
      this.off?.();
      this.listening = plan;
      this.off = plan ? plan.onChange((c) => this.changed(c)) : null;
    }
    super.update(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('item-delete', this.onDelete as EventListener);
    this.renderRoot.removeEventListener('item-moved', this.onMoved as unknown as EventListener);
    this.off?.();
    this.off = null;
    this.listening = null;
  }

  /** The list of priorities is re-read only when a priority changed, and re-rendered only when it is different. */
  private changed(c: PlanChange): void {
    // Actions show their leads' and partnerships' names: a rename in the registry re-renders them (rare, and never per keystroke in the plan).
    if (c.entities.some((e) => e.kind === 'lead' || e.kind === 'partnership')) for (const item of this.items('action-item')) item.requestUpdate();
    if (!c.entities.some((e) => e.kind === 'priority')) return;
    const ids = this.context.value?.plan.childIds('priority', null) ?? [];
    if (ids.length !== this.ids.length || ids.some((id, i) => id !== this.ids[i])) this.requestUpdate();
  }

  override render() {
    const scope = this.context.value;
    if (!scope) return nothing;
    const ids = (this.ids = scope.plan.childIds('priority', null));
    return html`<div class="list" data-list="priority">
        ${repeat(
          ids,
          (id) => id,
          (id, i) => html`<priority-item .entityId=${id} .number=${i + 1} .count=${ids.length}></priority-item>`,
        )}
      </div>
      ${scope.readonly ? nothing : html`<button class="primary add" @click=${this.addPriority}>Add a priority</button>`}`;
  }

  private run(fn: () => void): boolean {
    const refused = tryPlanCall(fn);
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    return !refused;
  }

  private items(tag: string): PlanItem[] {
    return [...this.renderRoot.querySelectorAll<PlanItem>(tag)];
  }

  /** A new priority starts empty, with the caret in its title. */
  private readonly addPriority = async (): Promise<void> => {
    let id = '';
    if (!this.run(() => (id = this.context.value!.plan.addEmpty('priority')))) return;
    await this.updateComplete;
    await this.items('priority-item')
      .find((el) => el.entityId === id)
      ?.focusText();
  };

  private readonly onDelete = (e: CustomEvent<{ kind: string; id: string; index: number }>): void => {
    if (e.detail.kind !== 'priority') return;
    e.stopPropagation();
    if (!this.run(() => this.context.value!.plan.delete('priority', e.detail.id))) return;
    void focusAfterRemoval(
      this,
      () => this.renderRoot.querySelector('[data-list="priority"]'),
      e.detail.index,
      () => this.renderRoot.querySelector('button.add'),
    );
  };

  /**
   * An item moved to another parent is drawn anew there: focus follows it to
   * its menu, a frame or two later once its new parent has drawn it.
   */
  private readonly onMoved = async (e: CustomEvent<{ kind: string; id: string; parentId: string }>): Promise<void> => {
    for (let frame = 0; frame < 10; frame++) {
      await new Promise((r) => requestAnimationFrame(r));
      const item = this.items(`${e.detail.kind}-item`).find(
        (el) => el.entityId === e.detail.id && el.parentElement?.closest<PlanItem>('objective-item, priority-item')?.entityId === e.detail.parentId,
      );
      if (item) return void (await item.focusMenu());
    }
  };
}
customElements.define('plan-outline', PlanOutline);
