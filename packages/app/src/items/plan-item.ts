import { ContextConsumer } from '@lit/context';
import { html, LitElement, type TemplateResult } from 'lit';
import type { EntityKind, PlanChange } from '@coplan/core';
import { planContext, type PlanScope } from '../state/plan-context.js';
import { tryPlanCall } from '../state/plan-call.js';
import { EntityWatch } from '../state/entity-watch.js';
import { capitalise } from '../components/words.js';

/**
 * What a priority, objective or action on screen has in common: it takes the
 * plan from context, listens to its own entity (and nothing else), and
 * renders into the outline's page (light DOM), so one stylesheet, the
 * browser's find and the drag handles see the whole outline.
 */
export abstract class PlanItem extends LitElement {
  static override properties = {
    entityId: { attribute: false },
    number: { attribute: false },
    count: { attribute: false },
    numberPrefix: { attribute: false },
    tabStop: { attribute: false },
    moving: { state: true },
  };
  /** The entity's id: items are keyed by it, so each keeps its own fields when others move. */
  entityId = '';
  /** 1-based position among its siblings. */
  number = 0;
  /** How many siblings it has, itself included (for "Move down"). */
  count = 0;
  /** Its parents' numbers ("1.2" for the actions of objective 1.2; '' for priorities). */
  numberPrefix = '';
  /**
   * Whether this item holds its list's one tab stop (roving focus), its
   * parents holding theirs: Tab enters a list once, at this item, and the
   * arrow keys move between its items; the other items' fields, menus and
   * lists are left out of the Tab order (still reachable by arrow keys,
   * screen readers and the browser's find).
   */
  tabStop = true;
  /** Whether its "move to another parent" list is open (built only when asked for: a plan can have 1,000 actions). */
  moving = false;
  /** How many times this item has rendered: for tests and diagnostics (a partner's keystroke should render one action). */
  renders = 0;

  protected abstract readonly kind: EntityKind;
  private readonly context = new ContextConsumer(this, { context: planContext, subscribe: true });

  constructor() {
    super();
    new EntityWatch(
      this,
      () => ({ plan: this.context.value?.plan, kind: this.kind, id: this.entityId, also: this.alsoShown() }),
      (change) => change.entities.some((e) => this.concerns(e)),
    );
  }

  /**
   * Whether a change to one entity (this item's own, one beneath it, or one
   * changed with them) shows in this item outside the text boxes that follow
   * their own text: typing in those needs no re-render, nor does a child's
   * edit that leaves its place (its own item shows it).
   */
  protected concerns(e: PlanChange['entities'][number]): boolean {
    if (e.kind !== this.kind) return e.kind !== this.childKind || e.moved;
    return e.id === this.entityId && (e.moved || !e.fields || e.fields.some((f) => !this.ownTextFields.has(f)));
  }

  /** Other entities this item shows (an action's leads, by name), as it last rendered them: it follows their changes too. */
  protected alsoShown(): ReadonlyArray<{ kind: EntityKind; id: string }> {
    return [];
  }

  /** The kind of the items listed beneath this one (none for an action, whose progress and milestones show in it). */
  protected readonly childKind: EntityKind | null = null;
  /** Fields shown only in this item's own text boxes, which follow their text without a re-render. */
  protected readonly ownTextFields: ReadonlySet<string> = new Set();

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

  /** Resolves once the item is drawn with its editors and menu. */
  protected async whenDrawn(): Promise<void> {
    await this.updateComplete;
  }

  /** "action 1.2.3": the item as people say it, in menus and announcements. */
  get itemName(): string {
    return `${this.kind} ${this.dotted}`;
  }

  /** Puts focus on the item itself (its group), as the arrow keys do. */
  async focusItem(): Promise<void> {
    await this.updateComplete;
    (this.firstElementChild as HTMLElement | null)?.focus();
  }

  /** Puts focus on the item once it is drawn anew where a partner moved it (focus was in it as it went): the item itself, unless it keeps what had focus. */
  async focusFollowed(): Promise<void> {
    await this.focusItem();
  }

  /** On the item itself (not in one of its fields): Up, Down, Home and End ask its list to move focus to a sibling; Space does nothing. */
  protected readonly onKey = (e: KeyboardEvent): void => {
    if (e.target !== e.currentTarget) return;
    // Space means nothing on the item itself: it does not scroll the page away (focus can land here mid-sentence, as when a partner deletes the item being typed in).
    if (e.key === ' ' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      return;
    }
    const step = { ArrowUp: 'previous', ArrowDown: 'next', Home: 'first', End: 'last' }[e.key];
    if (!step) return;
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('item-step', { detail: { kind: this.kind, id: this.entityId, step }, bubbles: true }));
  };

  /**
   * Moves the item up or down its own list (Move up / Move down in its menu): focus stays on its menu, and a
   * screen reader is told where it is now ("Action 1.1.2 moved up; it is now action 1.1.1.").
   */
  protected moveInList(parentId: string | null, index: number): void {
    const before = this.itemName;
    const direction = index < this.number - 1 ? 'up' : 'down';
    if (!this.run(() => this.scope!.plan.move(this.kind, this.entityId, { parentId, index }))) return;
    const now = `${this.kind} ${this.dotted.replace(/\d+$/, String(index + 1))}`;
    void this.focusMenu();
    this.dispatchEvent(new CustomEvent('item-announce', { detail: `${capitalise(before)} moved ${direction}; it is now ${now}.`, bubbles: true, composed: true }));
  }

  /** Puts focus on this item's menu button once it has rendered (after a move, or a menu closed). */
  async focusMenu(): Promise<void> {
    await this.whenDrawn();
    (this.querySelector('item-menu') as HTMLElement | null)?.focus();
  }

  /** Opens the "move to another parent" list and puts focus in it. */
  protected async openMove(): Promise<void> {
    this.moving = true;
    await this.updateComplete;
    this.querySelector<HTMLSelectElement>('.move-to select')?.focus();
  }

  /**
   * The "move to another parent" list: browsing it (arrow keys) changes
   * nothing (WCAG 3.2.2); "Move" or Enter moves the item, "Cancel" or Escape
   * closes the list, focus going back to the item's menu.
   */
  protected moveForm(parentKind: string, options: ReadonlyArray<{ id: string; label: string }>, current: string | null): TemplateResult {
    return html`<div class="move-to" role="group" aria-label=${`Move ${this.itemName}`}>
      <label>Move to ${parentKind}
        <select aria-label=${`Move ${this.itemName} to ${parentKind}`} @keydown=${this.onMoveKey}>
          ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === current}>${o.label}</option>`)}
        </select></label>
      <button type="button" @click=${this.moveToChosenParent}>Move</button>
      <button type="button" @click=${this.closeMove}>Cancel</button>
    </div>`;
  }

  /** In the list: Enter moves the item to the parent chosen, Escape closes the list. */
  private readonly onMoveKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.moveToChosenParent();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.closeMove();
    }
  };

  private readonly closeMove = (): void => {
    this.moving = false;
    void this.focusMenu();
  };

  /** Moves the item to the parent chosen in the list; it is drawn there anew, so the outline puts focus on it there and says where it went. */
  private readonly moveToChosenParent = (): void => {
    const parentId = this.querySelector<HTMLSelectElement>('.move-to select')?.value;
    if (!parentId) return;
    const name = this.itemName;
    this.moving = false;
    if (this.run(() => this.scope!.plan.move(this.kind, this.entityId, { parentId })))
      this.dispatchEvent(new CustomEvent('item-moved', { detail: { kind: this.kind, id: this.entityId, parentId, name }, bubbles: true }));
    else void this.focusMenu();
  };

  /** Puts the caret in this item's main text (after it was added). */
  async focusText(): Promise<void> {
    await this.whenDrawn();
    await (this.querySelector('editable-text') as (HTMLElement & { focusText(): Promise<void> }) | null)?.focusText();
  }
}

/** An item asking its list's holder to delete it from its menu (`item-delete`): its index and how people say it ("action 1.2.3"). */
export interface ItemDelete {
  kind: EntityKind;
  id: string;
  index: number;
  name: string;
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
