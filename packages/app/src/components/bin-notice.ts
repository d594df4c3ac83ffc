import { html, nothing } from 'lit';
import type { EntityKind } from '@coplan/core';
import { Follow } from '../state/follow.js';
import { restoreFromBin, type BinNews } from '../items/bin-news.js';
import { focusedElement } from './focused-element.js';
import { PlanPart } from './plan-part.js';
import { capitalise } from './words.js';

/**
 * What this person just sent to the bin, or brought back from it, said
 * politely (a status message, not an alert: focus stays where it is) and
 * kept in view at the foot of the window: "Action 1.1.1 moved to the bin."
 * with Undo (the core's restore, focus going to the item's text) and
 * Dismiss. It stays until the next such message or Dismiss (or Escape in
 * it): no time limit (WCAG 2.2.1). In the page just after the plan's tools,
 * and in the keyboard's path too: the first Tab after the message (from the
 * deleted item's neighbour, where focus went) goes to Undo, and Tab past
 * Dismiss (or Shift+Tab before Undo) goes back to where it came from. The
 * message says so (until other keys make Tab plain Tab again: then it drops
 * "Tab to Undo"), and that Ctrl+Z undoes it too. Undo is withdrawn once the
 * item is no longer in the bin (restored another way, here or by a partner).
 *
 * News comes as `bin-news` events from the outline and the bin.
 */
export class BinNotice extends PlanPart {
  static override properties = { news: { state: true }, tabHintGone: { state: true } };
  news: BinNews | null = null;
  /** Other keys came after the message, so Tab no longer goes to Undo: the message stops saying it does. */
  tabHintGone = false;
  /** Where focus last was outside the notice (it goes back there on Dismiss). */
  private cameFrom: HTMLElement | null = null;
  private root: Node | null = null;
  /** The next Tab (from outside the notice) goes to Undo: set when a message with Undo comes. */
  private tabToUndo = false;
  /** Where that Tab came from: Tab past Dismiss, or Shift+Tab before Undo, goes back there. */
  private tabbedFrom: HTMLElement | null = null;

  /** Whether the item the message offers to bring back has been seen in the bin (the snapshot may show it a moment after the message). */
  private seenInBin = false;

  /** The last undo's list of items it kept in the bin, once told (a new list comes with each undo). */
  private toldBinned: ReadonlyArray<{ kind: EntityKind; id: string }> | null = null;

  constructor() {
    super();
    new Follow(this, () => this.open.value?.snapshots);
    new Follow(this, () => this.open.value?.session.undoHistory);
  }

  /**
   * An undo that would have removed an item a partner had worked on puts it in the bin instead (the core's
   * choice); this person is told so, with Restore. Told once the bin in the snapshot shows it, to name it.
   */
  protected override willUpdate(): void {
    this.followUndoneItem();
    const binned = this.open.value?.session.plan?.binnedByLastUndo();
    if (!binned || binned === this.toldBinned) return;
    if (this.toldBinned === null || binned.length === 0) {
      this.toldBinned = binned; // what an undo before this screen opened did is not news
      return;
    }
    const entry = this.open.value?.snapshots.snapshot?.bin.find((b) => b.id === binned[0]!.id);
    if (!entry) return;
    this.toldBinned = binned;
    const name = `the ${entry.kind} “${entry.label}”`;
    const more = binned.length > 1 ? ` and ${binned.length - 1} more` : '';
    this.show({
      words: `Undo put ${name}${more} in the bin instead of removing it: a partner had worked on it. Restore it if it should stay.`,
      undo: { kind: entry.kind, id: entry.id, name },
      button: 'Restore',
    });
  }

  /**
   * The item the message offers to bring back came out of the bin another way (Ctrl+Z, the toolbar's Undo, a
   * partner's Restore): the message says it is back rather than going on saying it is in the bin.
   */
  private followUndoneItem(): void {
    const undo = this.news?.undo;
    const bin = this.open.value?.snapshots.snapshot?.bin;
    if (!undo || !bin) return;
    if (bin.some((b) => b.id === undo.id)) this.seenInBin = true;
    else if (this.seenInBin) this.news = { words: `${capitalise(undo.name)} is back in the plan.` };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.root = this.getRootNode();
    this.root.addEventListener('bin-news', this.onNews as EventListener);
    document.addEventListener('focusin', this.track, true);
    document.addEventListener('keydown', this.onTab, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.root?.removeEventListener('bin-news', this.onNews as EventListener);
    document.removeEventListener('focusin', this.track, true);
    document.removeEventListener('keydown', this.onTab, true);
    document.documentElement.style.scrollPaddingBottom = '';
    document.body.style.paddingBottom = '';
    this.clearance = '';
  }

  override render() {
    const news = this.news;
    const bin = this.open.value?.snapshots.snapshot?.bin;
    const undo = news?.undo && bin?.some((b) => b.id === news.undo!.id) ? news.undo : null;
    const putBack = news?.putBack && !news.undo ? news.putBack : null;
    return html`<div class=${news ? 'bin-notice shown' : 'bin-notice'} @keydown=${this.onKey}>
      <p role="status">${news?.words ?? ''}${this.hint(!!undo, !!putBack)}</p>
      ${
        undo
          ? news?.button
            ? html`<button class="undo" @click=${this.undo} aria-label=${`${news.button} ${undo.name}`}>${news.button}</button>`
            : html`<button class="undo" @click=${this.undo} aria-label=${`Undo: bring back ${undo.name}`} aria-keyshortcuts="Control+Z">Undo</button>`
          : nothing
      }
      ${putBack ? html`<button class="undo" @click=${this.putBack} aria-label=${`Undo: put back ${putBack.name}`} aria-keyshortcuts="Control+Z">Undo</button>` : nothing}
      ${news ? html`<button class="quiet" @click=${this.dismiss}>Dismiss</button>` : nothing}
    </div>`;
  }

  /** How to reach Undo (or Restore) from the keyboard, while that holds: "Tab to …" only until other keys have been pressed. */
  private hint(undo: boolean, putBack: boolean): string {
    const button = this.news?.button;
    if (undo && button) return this.tabHintGone ? '' : ` Tab to ${button}.`;
    if (!undo && !putBack) return '';
    return this.tabHintGone ? ' Press Ctrl+Z to undo.' : ' Tab to Undo, or press Ctrl+Z.';
  }

  /**
   * While it shows, the page scrolls what takes focus clear of it (WCAG
   * 2.4.11), and the page's end can be scrolled above it, so it never covers
   * the last buttons on the page. Sized from the message as drawn (it wraps
   * on a narrow screen).
   */
  protected override updated(): void {
    const box = this.news ? this.renderRoot.querySelector<HTMLElement>('.bin-notice') : null;
    const clear = box ? `${box.offsetHeight + 32}px` : '';
    // The page's styles are written only when the room needed changes: this part re-renders as the bin changes.
    if (clear === this.clearance) return;
    this.clearance = clear;
    document.documentElement.style.scrollPaddingBottom = clear;
    document.body.style.paddingBottom = clear;
  }

  /** The room kept below the page for the message, as last written to the page's styles. */
  private clearance = '';

  private readonly onNews = (e: CustomEvent<BinNews>): void => this.show(e.detail);

  /** A new message: the next Tab goes to its button, if it has one. */
  private show(news: BinNews): void {
    this.news = news;
    this.seenInBin = false;
    this.tabToUndo = !!(news.undo || news.putBack);
    this.tabHintGone = false;
    this.tabbedFrom = null;
  }

  /** Tab goes to Undo once after a message; out of the notice, back to where it came from. */
  private readonly onTab = (e: KeyboardEvent): void => {
    // Any other key (typing, moving on) and Tab is Tab again.
    if (e.key !== 'Tab' && !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key) && this.tabToUndo) {
      this.tabToUndo = false;
      this.tabHintGone = true;
    }
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey || !this.news) return;
    const at = focusedElement();
    const undo = this.querySelector<HTMLButtonElement>('button.undo');
    const inside = at instanceof HTMLElement && this.contains(at);
    if (!inside && !e.shiftKey && this.tabToUndo && undo && at instanceof HTMLElement) {
      e.preventDefault();
      this.tabToUndo = false;
      this.tabbedFrom = at;
      undo.focus();
      return;
    }
    const back = this.tabbedFrom;
    if (!inside || !back?.isConnected) return;
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('button')];
    if ((e.shiftKey && at === buttons[0]) || (!e.shiftKey && at === buttons.at(-1))) {
      e.preventDefault();
      this.tabbedFrom = null;
      back.focus();
    }
  };

  /** Notes the element with focus (inside shadow roots too) whenever it is outside the notice. */
  private readonly track = (): void => {
    const el = focusedElement();
    if (el instanceof HTMLElement && el !== document.body && !this.contains(el)) this.cameFrom = el;
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.news) return;
    e.preventDefault();
    this.dismiss();
  };

  private readonly undo = async (): Promise<void> => {
    const plan = this.open.value?.session.plan;
    const undo = this.news?.undo;
    if (!plan || !undo) return;
    // Focus goes to the item (the notice says where it is now); else it stays on the message.
    if (!(await restoreFromBin(this, plan, undo.kind, undo.id, undo.name))) this.dismissButton()?.focus();
  };

  /** Undo for a change that sent nothing to the bin: put back, said so, focus staying on the message. */
  private readonly putBack = (): void => {
    const putBack = this.news?.putBack;
    if (!putBack) return;
    const refused = putBack.run();
    this.dispatchEvent(new CustomEvent('plan-error', { detail: refused, bubbles: true, composed: true }));
    if (refused) return;
    this.news = { words: `${capitalise(putBack.name)} is back.` };
    void this.updateComplete.then(() => this.dismissButton()?.focus());
  };

  /** The message goes; focus goes back to where it was before it came into the notice. */
  private readonly dismiss = (): void => {
    const root = this.getRootNode() as ShadowRoot;
    const hadFocus = this.contains(root.activeElement);
    this.news = null;
    if (!hadFocus) return;
    if (this.cameFrom?.isConnected) return this.cameFrom.focus();
    const heading = root.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  };

  private dismissButton(): HTMLButtonElement | null {
    return this.querySelector('button.quiet');
  }
}
customElements.define('bin-notice', BinNotice);
