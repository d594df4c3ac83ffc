import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EntityKind, Plan } from '@coplan/core';
import { changedHere, noteChangeOrigins } from './change-origin.js';
import { capitalise } from '../components/words.js';
import { tellBinNews } from './bin-news.js';

/** What the list needs of one of its items on screen. */
export interface ListEntry {
  /** Its id (an entity's, or the list's own key for rows that are not entities). */
  id: string;
  /** The item as people say it ("action 1.2.3", "agency Lincolnshire Police"), in announcements. */
  name: string;
  /** Puts focus on the item itself. */
  focus(): Promise<void> | void;
  /** Puts focus back in the item drawn anew where it moved (into what had it, if the item keeps that); else as `focus`. */
  follow?(): Promise<void>;
}

/**
 * An item of the outline (a PlanItem: `entityId`, `itemName`, `focusItem()`, `focusFollowed()`)
 * or any element marked `data-id` (with `data-name` or `aria-label`), which
 * takes focus itself (tabindex).
 */
function entryOf(el: Element): ListEntry {
  const item = el as Element & { entityId?: string; itemName?: string; focusItem?: () => Promise<void>; focusFollowed?: () => Promise<void> };
  if (typeof item.entityId === 'string' && item.focusItem)
    return { id: item.entityId, name: item.itemName ?? '', focus: () => item.focusItem!(), ...(item.focusFollowed ? { follow: () => item.focusFollowed!() } : {}) };
  const h = el as HTMLElement;
  return { id: h.dataset.id ?? '', name: h.dataset.name ?? h.getAttribute('aria-label') ?? '', focus: () => h.focus() };
}

/**
 * Up, Down, Home and End on a list's item (not in one of its fields) ask its
 * list to move focus to a sibling: a keydown handler for an item element
 * marked `data-id`, for lists whose items are not outline items.
 */
export function stepKeys(kind: string): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.target !== e.currentTarget) return;
    const step = { ArrowUp: 'previous', ArrowDown: 'next', Home: 'first', End: 'last' }[e.key];
    if (!step) return;
    e.preventDefault();
    const id = (e.currentTarget as HTMLElement).dataset.id;
    (e.currentTarget as HTMLElement).dispatchEvent(new CustomEvent('item-step', { detail: { kind, id, step }, bubbles: true }));
  };
}
/**
 * What a list's item tells a screen reader about its keys (aria-description): one Tab stop per list means
 * the other items are reached with the arrow keys, which nobody can guess. People who see the page get
 * the same words, shorter, under the item while it has keyboard focus (the outline's and governance's styles).
 */
export function listKeys(plural: string): string {
  return `Up and down arrow keys: the other ${plural} in this list (Home, End: the first, the last). Tab: into this one.`;
}

/** Where an arrow key (or Home, End) on an item asks focus to go among its siblings. */
export type Step = 'previous' | 'next' | 'first' | 'last';

/** What the list holder tells its list's focus keeper. */
export interface ListFocusOptions {
  /** The kind of the items in the list (an entity kind, or a name for rows that are not entities). */
  kind: string;
  plan: () => Plan | undefined;
  /** The ids of the list's items, in order. */
  ids: () => string[];
  /** The element the items' events reach (the holder itself, or its shadow root). */
  events: () => EventTarget;
  /** The element holding the list's items as its children. */
  list: () => Element | null;
  /** The list's items on screen, when they are not all the children of one element (default: `list()`'s children). */
  items?: () => Element[];
  /** Where focus goes when the list is left empty (its add button); null for none. */
  empty: () => HTMLElement | null;
}

/**
 * Keyboard focus in one list of the outline (a priority's objectives, an
 * objective's actions, the priorities). Roving focus: Tab stops at one item
 * of the list (the last one used), and Up, Down, Home and End on an item
 * move among them. Focus never falls to the page: when the item that has
 * focus is moved or deleted, here or by a partner, focus follows it (or goes
 * to its neighbour), and a partner's change is announced. When what had
 * focus inside an item goes (a form closed) while the item stays, focus goes
 * to the item. Items are outline items, or elements marked `data-id` (see
 * `stepKeys`).
 */
export class ListFocus implements ReactiveController {
  /** The item holding the list's tab stop: the last one focused ('' until then: the first). */
  private current = '';
  /** Focus inside the list before the holder drew it again: which item, where, on what, and whether it still had focus then. */
  private watched: { id: string; index: number; element: HTMLElement; name: string; held: boolean } | null = null;
  /** The item last focused in this list, until focus goes elsewhere on purpose: an item can lose focus (drawing itself empty once deleted) before its list draws again. */
  private last: { id: string; element: HTMLElement; name: string } | null = null;
  /** Items this person is moving or deleting from their own menu, whose focus their menu places. */
  private readonly handled = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ListFocusOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const target = this.options.events();
    for (const [type, listener] of this.listeners()) target.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    const target = this.options.events();
    for (const [type, listener] of this.listeners()) target.removeEventListener(type, listener);
  }

  /** The events the list follows on its element, and what handles each. */
  private listeners(): Array<[string, EventListener]> {
    return [
      ['focusin', this.onFocusIn],
      ['focusout', this.onFocusOut as EventListener],
      ['item-step', this.onStep as unknown as EventListener],
      ['item-delete', this.onOwnChange as EventListener],
      ['item-moved', this.onOwnChange as EventListener],
    ];
  }

  /** The id of the item that holds the list's one tab stop. */
  stop(ids: readonly string[]): string | undefined {
    return ids.includes(this.current) ? this.current : ids[0];
  }

  private items(): Element[] {
    return this.options.items?.() ?? [...(this.options.list()?.children ?? [])];
  }

  /** The item on screen with this id, if drawn. */
  private item(id: string): ListEntry | undefined {
    const el = this.items().find((x) => entryOf(x).id === id);
    return el ? entryOf(el) : undefined;
  }

  /** The element with focus in the outline's page, as seen from the list (its shadow root retargets what is inside fields). */
  private active(): HTMLElement | null {
    const root = (this.options.list() ?? this.host).getRootNode() as Document | ShadowRoot;
    return root.activeElement as HTMLElement | null;
  }

  /** Before the list is drawn again: notes which of its items has (or last had) focus, if any. */
  hostUpdate(): void {
    this.watched = null;
    const plan = this.options.plan();
    if (plan) noteChangeOrigins(plan);
    const items = this.items();
    const active = this.active();
    if (active) {
      const index = items.findIndex((item) => item.contains(active));
      if (index >= 0) this.watched = { ...entryOf(items[index]!), index, element: active, held: true };
    } else if (this.last && focusLost()) {
      const index = items.findIndex((item) => entryOf(item).id === this.last!.id);
      if (index >= 0) this.watched = { ...this.last, index, held: false };
    }
  }

  /** After it is drawn: focus that fell to the page goes back, follows a moved item, or goes to a deleted one's neighbour. */
  hostUpdated(): void {
    const w = this.watched;
    this.watched = null;
    const own = w ? this.handled.has(w.id) : false;
    this.handled.clear();
    if (!w || !focusLost()) return;
    if (w.element.isConnected) {
      if (w.held) w.element.focus({ preventScroll: true }); // moved within the list: the same place
      return;
    }
    if (this.options.ids().includes(w.id)) {
      if (w.held) void this.item(w.id)?.focus(); // what had focus in it went (a form closed): the item itself
      return;
    }
    this.last = null;
    if (own) return; // the person's own menu puts focus where it belongs
    const plan = this.options.plan();
    const here = !!plan && changedHere(plan, w.id);
    if (plan?.isVisible(this.options.kind as EntityKind, w.id)) void this.follow(w.id, w.name, here);
    else if (here || !plan) void this.toNeighbour(w.index, `${capitalise(w.name)} is no longer in the plan.`);
    else void this.afterPartnersDelete(plan, w.id, w.name, w.index);
  }

  /**
   * A partner deleted the item focus was in (perhaps mid-sentence): focus goes
   * to its neighbour, or to the item holding the list, never to a button the
   * next keys could press (Space on "Add an action" added one with the rest
   * of the sentence); the bin notice says who deleted it, with Restore.
   */
  private async afterPartnersDelete(plan: Plan, id: string, name: string, index: number): Promise<void> {
    const items = this.items();
    const el = items[index] ?? items[index - 1];
    const next = el ? entryOf(el) : undefined;
    const holder = this.host as unknown as { focusItem?: () => Promise<void>; itemName?: string };
    if (next) await next.focus();
    else if (holder.focusItem) await holder.focusItem();
    else (this.options.empty() ?? (this.host as HTMLElement)).focus();
    const kind = this.options.kind as EntityKind;
    const record = plan.get(kind, id) as { deleted?: { by?: string } | null } | undefined;
    // Gone, not in the bin: the partner who added it took that back (their undo).
    if (!record) tellBinNews(this.host as unknown as EventTarget, { words: `${capitalise(name)} was taken back by the partner who added it.` });
    else
      tellBinNews(this.host as unknown as EventTarget, {
        words: `${capitalise(name)} was deleted by ${record.deleted?.by || 'a partner'}; it is in the bin.`,
        undo: { kind, id, name },
        button: 'Restore',
      });
    const at = next?.name ?? (holder.focusItem ? holder.itemName : '');
    if (at) this.announce(`Focus is on ${at}.`);
  }

  /** An item moved to another list (by a partner, or by an undo here): focus follows it once its new list has drawn it. */
  private async follow(id: string, name: string, here: boolean): Promise<void> {
    for (let frame = 0; frame < 10; frame++) {
      await new Promise((r) => requestAnimationFrame(r));
      if (!focusLost()) return; // the person has gone on elsewhere
      const root = (this.options.list() ?? this.host).getRootNode() as ParentNode;
      const found = [...root.querySelectorAll(`${this.options.kind}-item, [data-kind="${this.options.kind}"]`)].map(entryOf).find((el) => el.id === id);
      if (found) {
        await (found.follow ?? found.focus)();
        return this.announce(`${here ? `${capitalise(name)} moved` : `A partner moved ${name}`}; it is now ${found.name}, and focus went with it.`);
      }
    }
    void this.toNeighbour(0, `${here ? `${capitalise(name)} moved` : `A partner moved ${name}`} out of this list.`);
  }

  private async toNeighbour(index: number, words: string): Promise<void> {
    const items = this.items();
    const el = items[index] ?? items[index - 1];
    const next = el ? entryOf(el) : undefined;
    if (next) await next.focus();
    else (this.options.empty() ?? (this.host as HTMLElement)).focus();
    this.announce(next ? `${words} Focus is on ${next.name}.` : words);
  }

  private announce(words: string): void {
    this.host.dispatchEvent(new CustomEvent('item-announce', { detail: words, bubbles: true, composed: true }));
  }

  /** Whichever item of this list has focus takes its tab stop. */
  private readonly onFocusIn = (e: Event): void => {
    const item = this.items().find((el) => el.contains(e.target as Node));
    const entry = item ? entryOf(item) : undefined;
    if (entry) this.last = { id: entry.id, element: e.target as HTMLElement, name: entry.name };
    if (entry && entry.id !== this.current) {
      this.current = entry.id;
      this.host.requestUpdate();
    }
  };

  /** Focus going to another element outside the list (not to nowhere, as when its element is taken away). */
  private readonly onFocusOut = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    if (to && !this.items().some((el) => el.contains(to))) this.last = null;
  };

  /** Up, Down, Home or End on an item: focus moves to that item, which takes the tab stop. */
  private readonly onStep = async (e: CustomEvent<{ kind: string; id: string; step: Step }>): Promise<void> => {
    const ids = this.options.ids();
    if (e.detail.kind !== this.options.kind || !ids.includes(e.detail.id)) return;
    e.stopPropagation();
    const at = ids.indexOf(e.detail.id);
    const to = { previous: Math.max(0, at - 1), next: Math.min(ids.length - 1, at + 1), first: 0, last: ids.length - 1 }[e.detail.step];
    this.current = ids[to]!;
    this.host.requestUpdate();
    await this.host.updateComplete;
    await this.item(this.current)?.focus();
  };

  /** The person moved or deleted an item of this list from its menu. */
  private readonly onOwnChange = (e: CustomEvent<{ kind: string; id: string }>): void => {
    if (e.detail.kind === this.options.kind) this.handled.add(e.detail.id);
  };
}

/** Whether focus has fallen to the page's body (an element holding it was taken out of the page). */
function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
