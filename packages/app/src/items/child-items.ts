import type { ReactiveController } from 'lit';
import type { Plan } from '@coplan/core';
import { tellBinned } from './bin-news.js';
import { ChildrenLater } from './children-later.js';
import type { Upgradable } from './live-upgrades.js';
import { ListFocus } from './list-focus.js';
import { focusAfterRemoval, type ItemDelete, type PlanItem } from './plan-item.js';

/** What a priority or objective tells the list of items beneath it. */
export interface ChildItemsOptions {
  /** The kind of the items listed: a priority's objectives, an objective's actions. */
  kind: 'objective' | 'action';
  /** Which counter of a long plan's first screen the host draws its items against. */
  level: 'priority' | 'objective';
  /** The items' element. */
  tag: 'objective-item' | 'action-item';
  /** The host's element that holds the list (`[data-list]`) and its add button, as a selector from the host: `:scope > section`. */
  within: string;
  plan: () => Plan | undefined;
  /** Runs a plan call as the host does, a refusal shown in the core's words; false when refused. */
  run: (fn: () => void) => boolean;
  /** How many actions drawing the items would put on screen. */
  weight: () => number;
  /** Whether an entity (`kind`, `id`) is drawn among the items. */
  holds: (kind: string, id: string) => boolean;
  /** The items the arrow keys and the tab stop reach, of `ids` (default: all). */
  reachable?: (ids: string[]) => string[];
  /** What focus coming into the host does (default: its `goLive`, drawing the items). */
  focusIn?: (e: FocusEvent) => void;
}

/**
 * The list of items beneath a priority or an objective, which the two share:
 * drawn a moment later past a long plan's first screen ({@link ChildrenLater}),
 * roving focus among the items ({@link ListFocus}), adding an empty item with
 * the caret in it, and an item's delete from its menu (to the bin, announced,
 * focus to its neighbour).
 */
export class ChildItems implements ReactiveController {
  readonly later: ChildrenLater;
  readonly focus: ListFocus;

  constructor(
    private readonly host: PlanItem & Upgradable,
    private readonly o: ChildItemsOptions,
  ) {
    this.later = new ChildrenLater(host, o.level, o.weight, o.holds);
    this.focus = new ListFocus(host, {
      kind: o.kind,
      plan: o.plan,
      ids: () => (o.reachable ?? ((ids) => ids))(this.ids()),
      events: () => host,
      list: () => this.listElement(),
      empty: () => this.addButton(),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('item-delete', this.onDelete as EventListener);
    this.host.addEventListener('focusin', this.onFocusIn);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('item-delete', this.onDelete as EventListener);
    this.host.removeEventListener('focusin', this.onFocusIn);
  }

  private readonly onFocusIn = (e: FocusEvent): void => (this.o.focusIn ? this.o.focusIn(e) : this.host.goLive());

  /** The ids of the visible items, in order. */
  ids(): string[] {
    return this.o.plan()?.childIds(this.o.kind, this.host.entityId) ?? [];
  }

  private listElement(): Element | null {
    return this.host.querySelector(`${this.o.within} > [data-list="${this.o.kind}"]`);
  }

  private addButton(): HTMLElement | null {
    return this.host.querySelector(`${this.o.within} > button.add`);
  }

  /** A new item starts empty, with the caret in it. */
  readonly add = async (): Promise<void> => {
    let id = '';
    if (!this.o.run(() => (id = this.o.plan()!.addEmpty(this.o.kind, { parentId: this.host.entityId })))) return;
    await this.host.updateComplete;
    await [...this.host.querySelectorAll<PlanItem>(this.o.tag)].find((el) => el.entityId === id)?.focusText();
  };

  /** An item of the list asked to be deleted: it goes to the bin, and focus to its neighbour. */
  private readonly onDelete = (e: CustomEvent<ItemDelete>): void => {
    const { kind } = this.o;
    if (e.detail.kind !== kind) return;
    e.stopPropagation();
    if (!this.o.run(() => this.o.plan()!.delete(kind, e.detail.id))) return;
    tellBinned(this.host, kind, e.detail.id, e.detail.name);
    void focusAfterRemoval(
      this.host,
      () => this.listElement(),
      e.detail.index,
      () => this.addButton(),
    );
  };
}
