import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EntityKind, PlanChange } from '@coplan/core';
import { openPlanContext, planContext } from '../state/plan-context.js';
import { tryPlanCall } from '../state/plan-call.js';
import { formStyles } from '../components/shared-styles.js';
import { ragStyles } from '../components/rag-badge.js';
import { DragReorder } from './drag-reorder.js';
import { focusAfterRemoval, type ItemDelete, type PlanItem } from './plan-item.js';
import { tellBinned } from './bin-news.js';
import { LiveUpgrades, type UpgradesOwner } from './live-upgrades.js';
import { ListFocus } from './list-focus.js';
import { KeysHintHold } from './keys-hint.js';
import './priority-item.js';

/**
 * The plan's priorities, objectives and actions, each a small component
 * keyed by id that re-renders only when its own entity changes. This list
 * re-renders only when the list of priorities does. Objectives off screen
 * are kept in the page, actions and all (for screen readers, find, focus and
 * printing), but not laid out or painted until they come near
 * (`content-visibility: auto`).
 */
export class PlanOutline extends LitElement implements UpgradesOwner {
  /** When its actions become live editors: the first screen at once, the rest as they come near or in idle time. */
  liveUpgrades = new LiveUpgrades();
  /** How many times the outline has rendered: for tests and diagnostics. */
  renders = 0;
  private readonly context = new ContextConsumer(this, { context: planContext, subscribe: true });
  private readonly openPlan = new ContextConsumer(this, { context: openPlanContext });
  private off: (() => void) | null = null;
  private listening: unknown = null;
  private ids: string[] = [];
  /** What a partner's move or deletion did to the item that had focus, for screen readers. */
  private announcement = '';
  /** Roving focus among the priorities, and focus kept when one is moved or deleted. */
  private readonly prioritiesFocus = new ListFocus(this, {
    kind: 'priority',
    plan: () => this.context.value?.plan,
    ids: () => this.context.value?.plan.childIds('priority', null) ?? [],
    events: () => this.renderRoot,
    list: () => this.renderRoot.querySelector('[data-list="priority"]'),
    empty: () => this.renderRoot.querySelector('button.add'),
  });

  constructor() {
    super();
    new DragReorder(
      this,
      () => this.context.value?.plan,
      (fn) => this.run(fn),
    );
    new KeysHintHold(this, '.priority, .objective, .action');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Items live in this shadow root; their events do not leave it.
    this.renderRoot.addEventListener('item-delete', this.onDelete as EventListener);
    this.renderRoot.addEventListener('item-moved', this.onMoved as unknown as EventListener);
    this.renderRoot.addEventListener('item-announce', this.onAnnounce as EventListener);
  }

  static override styles = [
    formStyles,
    ragStyles,
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
      .text-list .entries { margin: 0.2rem 0; padding-left: 1.5rem; }
      .text-list .entries > li > * { vertical-align: top; }
      .text-list .entries > li { display: flex; gap: 0.3rem; align-items: start; }
      .text-list .entries editable-text { flex: 1 1 auto; min-width: 0; }
      .text-list .add-entry { align-self: start; }
      .hint { font-size: 0.8rem; color: #505a5f; }
      .text-list .printed { display: none; }
      /* Printed: a list's words rather than its text box, and no heading over an empty one. */
      @media print {
        .text-list .entries, .text-list .hint { display: none; }
        .text-list .printed { display: block; margin: 0.2rem 0; }
        .text-list[data-empty] { display: none; }
      }
      .objective { margin: 0.75rem 0 0 0.25rem; padding-left: 0.75rem; border-left: 3px solid #b1b4b6; }
      .action { padding: 0.2rem 0.4rem; margin: 0.3rem 0; background: #f8f8f8; border-radius: 4px; border: 1px solid #dbdad9; }
      /*
       * Far off screen, a whole objective (its actions with it) is not laid out or painted, so a
       * keystroke's frame walks about a hundred boxes, not a thousand; it stays in the page for
       * find, focus, screen readers and print. Until it has been on screen once (then its own last
       * size counts), it holds a place sized from its words and number of actions (set by the
       * objective), never smaller than it is when laid out: a tool that has Chromium lay it out
       * while the page keeps the place (axe reading its buttons' places) must not see it run into
       * the next objective. Narrower screens wrap more, so each action's share grows.
       */
      objective-item, .objective-words {
        display: block;
        content-visibility: auto;
        --place: calc(6rem + var(--actions, 0) * 9rem + var(--chars, 0) * 0.025rem);
        contain-intrinsic-size: auto 20rem auto var(--place);
      }
      @media (max-width: 62.5rem) {
        objective-item, .objective-words { --place: calc(8rem + var(--actions, 0) * 15rem + var(--chars, 0) * 0.05rem); }
      }
      @media (max-width: 40rem) {
        objective-item, .objective-words { --place: calc(16rem + var(--actions, 0) * 32rem + var(--chars, 0) * 0.12rem); }
      }
      /* Its contents changed while it may be off screen: the browser forgets its last size (see ObjectiveItem.forgetSize). */
      objective-item.forget-size { contain-intrinsic-size: 20rem var(--place); }
      priority-item, action-item { display: block; }
      @media print { objective-item, .objective-words { content-visibility: visible; } .drag, item-menu, button, progress-form, .move-to { display: none; } }
      /* Printed: an action's status in words beside its RAG, never split across pages; no heading over an empty owner or aim. */
      .print-only { display: none; }
      @media print { .print-only { display: inline; padding-top: 0.35rem; flex: none; } .fields > [data-empty] { display: none; } .action { break-inside: avoid; } }
      /* A priority's menu and drag handle stay on its heading's line, on a phone too. */
      .priority > .head > .grow { flex-basis: 0; }
      /*
       * On a phone an objective's and an action's menu and drag handle stay on the first line of its
       * words too: an objective's number takes the line above; an action's RAG and Details take the
       * line below (after an invisible line break), under its words.
       */
      @media (max-width: 40rem) {
        .objective > .head > .number { flex-basis: 100%; padding-top: 0.2rem; }
        .objective > .head > .grow, .action > .head > .grow { flex-basis: 0; }
        .action > .head::after { content: ''; flex-basis: 100%; order: 1; }
        .action > .head > rag-badge, .action > .head > .plain-rag, .action > .head > button.quiet, .action > .head > .print-only { order: 2; }
        .action > .head > rag-badge, .action > .head > .plain-rag { margin-left: 2.85rem; padding-top: 0; }
      }
      /*
       * An item with keyboard focus (where the arrow keys work) says so under its first line, for
       * people who see the page: nobody guesses that Tab skips the other items. Drawn only (empty alt
       * text): screen readers have the same words as the item's description. Kept through a pointer's
       * press (keys-held: see KeysHintHold).
       */
      :is(.priority, .objective, .action):is(:focus-visible, .keys-held) > .head::after { flex-basis: 100%; order: 1; font-size: 0.8rem; font-weight: 400; color: #505a5f; }
      .priority:is(:focus-visible, .keys-held) > .head::after { content: 'Up and down arrow keys: the other priorities. Tab: into this one.' / ''; }
      .objective:is(:focus-visible, .keys-held) > .head::after { content: 'Up and down arrow keys: the other objectives. Tab: into this one.' / ''; }
      .action:is(:focus-visible, .keys-held) > .head::after { content: 'Up and down arrow keys: the other actions. Tab: into this one.' / ''; }
      /* An action's words before it goes live: where its text box will be, so nothing moves. */
      .plain-text { white-space: pre-wrap; overflow-wrap: anywhere; }
      .head > .plain-text { min-height: 1.5em; padding: calc(0.35rem + 1px) calc(0.5rem + 1px); }
      .facts { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; align-items: baseline; font-size: 0.9rem; color: #383f43; padding-left: 2.85rem; }
      .facts .timescale { display: inline-flex; align-items: baseline; gap: 0.3rem; }
      .latest { margin: 0.2rem 0 0.2rem 2.85rem; font-size: 0.9rem; white-space: pre-line; }
      button.quiet { background: transparent; border-color: transparent; text-decoration: underline; padding: 0 0.4rem; }
      button.quiet:hover { border-color: #0b0c0c; }
      /*
       * A drag handle is for pointers only: not a button, out of the Tab order and hidden from screen
       * readers, since the item's menu makes every move without dragging (WCAG 2.5.7) and a button
       * that did nothing from the keyboard would only be in the way. A 44-pixel target, as a button.
       */
      .drag { display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box; min-width: 44px; min-height: 44px; padding: 0 0.3rem; border: 2px solid transparent; border-radius: 4px; touch-action: none; user-select: none; cursor: grab; font-size: 1.3rem; line-height: 1; }
      .drag:hover { background: #dbdad9; }
      .drop-target { outline: 3px dashed #1d70b8; }
      button.add { margin: 0.3rem 0; }
      .move-to { margin: 0.3rem 0 0.3rem 2.85rem; }
      rag-badge, .plain-rag { padding-top: 0.35rem; flex: none; white-space: nowrap; }
      rag-badge { padding-top: 0.35rem; }
      .announce { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    `,
  ];

  override update(changed: Map<PropertyKey, unknown>): void {
    this.renders++;
    // The preview's words, drawn while the plan loaded, stand in for what is drawn a moment later.
    this.liveUpgrades.standIns ??= this.openPlan.value?.standIns ?? null;
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
    this.renderRoot.removeEventListener('item-announce', this.onAnnounce as EventListener);
    this.off?.();
    this.off = null;
    this.listening = null;
    this.liveUpgrades.stop();
    this.liveUpgrades = new LiveUpgrades();
  }

  /** The list of priorities is re-read only when a priority changed, and re-rendered only when it is different. */
  private changed(c: PlanChange): void {
    if (!c.entities.some((e) => e.kind === 'priority')) return;
    const ids = this.context.value?.plan.childIds('priority', null) ?? [];
    if (ids.length !== this.ids.length || ids.some((id, i) => id !== this.ids[i])) this.requestUpdate();
  }

  override render() {
    const scope = this.context.value;
    if (!scope) return nothing;
    const ids = (this.ids = scope.plan.childIds('priority', null));
    const stop = this.prioritiesFocus.stop(ids);
    return html`<div class="announce" role="status" aria-live="polite">${this.announcement}</div>
      <div class="list" data-list="priority">
        ${repeat(
          ids,
          (id) => id,
          (id, i) => html`<priority-item .entityId=${id} .number=${i + 1} .count=${ids.length} .tabStop=${id === stop}></priority-item>`,
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

  /** An item's list says what a partner did to the item that had focus; said once, politely. */
  private readonly onAnnounce = (e: CustomEvent<string>): void => {
    this.announcement = e.detail;
    this.requestUpdate();
  };

  private readonly onDelete = (e: CustomEvent<ItemDelete>): void => {
    if (e.detail.kind !== 'priority') return;
    e.stopPropagation();
    if (!this.run(() => this.context.value!.plan.delete('priority', e.detail.id))) return;
    tellBinned(this, 'priority', e.detail.id, e.detail.name);
    void focusAfterRemoval(
      this,
      () => this.renderRoot.querySelector('[data-list="priority"]'),
      e.detail.index,
      () => this.renderRoot.querySelector('button.add'),
    );
  };

  /**
   * Puts the caret in an item's text once the outline draws it (a restored
   * item, a frame or two after the plan changed): an action's objective is
   * asked to draw its actions first. Resolves to the item as people say it
   * ("action 1.2.3"), or null when it is not shown (a filter hides it, or it
   * is not an item of the outline).
   */
  async focusEntity(kind: EntityKind, id: string): Promise<string | null> {
    if (kind !== 'priority' && kind !== 'objective' && kind !== 'action') return null;
    for (let frame = 0; frame < 20; frame++) {
      await new Promise((r) => requestAnimationFrame(r));
      const item = this.items(`${kind}-item`).find((el) => el.entityId === id);
      if (item?.firstElementChild) {
        await item.focusText();
        return item.contains(this.shadowRoot!.activeElement) ? item.itemName : null;
      }
      const objectiveId = kind === 'action' && frame === 2 ? this.context.value?.plan.readAction(id)?.objectiveId : undefined;
      if (objectiveId)
        await this.items('objective-item')
          .find((el) => el.entityId === objectiveId)
          ?.focusItem();
    }
    return null;
  }

  /**
   * An item moved to another parent is drawn anew there: focus follows it to
   * its menu, a frame or two later once its new parent has drawn it.
   */
  private readonly onMoved = async (e: CustomEvent<{ kind: string; id: string; parentId: string; name: string }>): Promise<void> => {
    for (let frame = 0; frame < 10; frame++) {
      await new Promise((r) => requestAnimationFrame(r));
      const item = this.items(`${e.detail.kind}-item`).find(
        (el) => el.entityId === e.detail.id && el.parentElement?.closest<PlanItem>('objective-item, priority-item')?.entityId === e.detail.parentId,
      );
      if (!item) continue;
      await item.focusMenu();
      const parent = `${e.detail.kind === 'action' ? 'objective' : 'priority'} ${item.numberPrefix}`;
      this.announcement = `${e.detail.name.replace(/^./, (c) => c.toUpperCase())} moved to ${parent}; it is now ${item.itemName}.`;
      this.requestUpdate();
      return;
    }
  };
}
customElements.define('plan-outline', PlanOutline);
