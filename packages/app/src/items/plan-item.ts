import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import type { EntityKind } from '@coplan/core';
import { planContext, type PlanScope } from '../state/plan-context.js';
import { tryPlanCall } from '../state/plan-call.js';
import { EntityWatch } from '../state/entity-watch.js';

/**
 * What a priority, objective or action on screen has in common: it takes the
 * plan from context, listens to its own entity (and nothing else), and
 * renders into the outline's page (light DOM), so one stylesheet, the
 * browser's find and the drag handles see the whole outline.
 */
export abstract class PlanItem extends LitElement {
  static override properties = { entityId: { attribute: false }, number: { attribute: false }, count: { attribute: false }, numberPrefix: { attribute: false }, moving: { state: true } };
  /** The entity's id: items are keyed by it, so each keeps its own fields when others move. */
  entityId = '';
  /** 1-based position among its siblings. */
  number = 0;
  /** How many siblings it has, itself included (for "Move down"). */
  count = 0;
  /** Its parents' numbers ("1.2" for the actions of objective 1.2; '' for priorities). */
  numberPrefix = '';
  /** Whether its "move to another parent" list is open (built only when asked for: a plan can have 1,000 actions). */
  moving = false;
  /** How many times this item has rendered: for tests and diagnostics (a partner's keystroke should render one action). */
  renders = 0;

  protected abstract readonly kind: EntityKind;
  private readonly context = new ContextConsumer(this, { context: planContext, subscribe: true });

  constructor() {
    super();
    new EntityWatch(this, () => ({ plan: this.context.value?.plan, kind: this.kind, id: this.entityId }));
  }

  protected get scope(): PlanScope | undefined {
    return this.context.value;
  }

  /** "1.2.3": where the item is in the plan, as people say it. */
  protected get dotted(): string {
    return this.numberPrefix ? `${this.numberPrefix}.${this.number}` : String(this.number);
  }

  override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    this.renders++;
    super.update(changed);
  }

  /** Runs a plan call; a refusal is shown by the plan view, in the core's words. */
  protected run(fn: () => void): boolean {
    const refused = tryPlanCall(fn);
    if (refused) this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    return !refused;
  }

  /** Puts focus on this item's menu button once it has rendered (after a move, or a menu closed). */
  async focusMenu(): Promise<void> {
    await this.updateComplete;
    (this.querySelector('item-menu') as HTMLElement | null)?.focus();
  }

  /** Opens the "move to another parent" list and puts focus in it. */
  protected async openMove(): Promise<void> {
    this.moving = true;
    await this.updateComplete;
    this.querySelector<HTMLSelectElement>('.move-to select')?.focus();
  }

  /** Escape closes the list, focus going back to the item's menu. */
  protected readonly closeMoveOnEscape = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this.moving = false;
    void this.focusMenu();
  };

  /** Moves the item to the parent chosen in the list; it is drawn there anew, so the outline puts focus on it there. */
  protected readonly moveToChosenParent = (e: Event): void => {
    const parentId = (e.target as HTMLSelectElement).value;
    this.moving = false;
    if (this.run(() => this.scope!.plan.move(this.kind, this.entityId, { parentId })))
      this.dispatchEvent(new CustomEvent('item-moved', { detail: { kind: this.kind, id: this.entityId, parentId }, bubbles: true }));
  };

  /** Puts the caret in this item's main text (after it was added). */
  async focusText(): Promise<void> {
    await this.updateComplete;
    await (this.querySelector('editable-text') as (HTMLElement & { focusText(): Promise<void> }) | null)?.focusText();
  }
}

/**
 * After an item of a list was deleted, where focus goes: the item now in its
 * place, else the one before, else the list's add button; never the page's
 * body. `owner` is the element that renders the list, `list` its container.
 */
export async function focusAfterRemoval(owner: LitElement, list: () => Element | null, index: number, fallback: () => HTMLElement | null): Promise<void> {
  await owner.updateComplete;
  const items = [...(list()?.children ?? [])] as PlanItem[];
  const next = items[index] ?? items[index - 1];
  if (next) await next.focusMenu();
  else fallback()?.focus();
}
