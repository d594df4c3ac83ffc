import type { OutlineStandIns } from './outline-stand-ins.js';

/** An item that is drawn in stages: later it is told to take the next one. */
export interface Upgradable extends HTMLElement {
  /** Takes the next stage: a priority draws its objectives; an objective draws its actions (as plain words, past the first screen), then draws them live (editors, menu, presence) in place of the plain words. */
  goLive(): void;
  readonly updateComplete: Promise<boolean>;
}

/** What an element that hands out {@link LiveUpgrades} to the items beneath it looks like. */
export interface UpgradesOwner {
  readonly liveUpgrades: LiveUpgrades;
}

/** The upgrades of the outline an item is drawn in (its shadow root's host), if it has them. */
export function upgradesFor(item: Element): LiveUpgrades | null {
  const root = item.getRootNode();
  const host = root instanceof ShadowRoot ? (root.host as Partial<UpgradesOwner>) : null;
  return host?.liveUpgrades ?? null;
}

/**
 * How long one batch aims to take, ms. Drawing the words takes long slices
 * (plain words cost little each, about 0.1 ms an action; each slice also costs
 * the browser a style and layout pass over the page, so fewer and larger is
 * cheaper, and a keystroke in the first moments waits at most this long, within
 * a good response's 200 ms); going live, in idle time, half a frame.
 */
const DRAW_SLICE = 100;
const LIVE_SLICE = 8;

/**
 * Decides when the items of a long plan are drawn, so a reload's cost follows
 * what is on screen, not the plan's length. A short plan is drawn whole at
 * once; of a long one, the first priority and the first objectives draw
 * their children at once (about a screen of actions). The first screen's
 * actions are live editors at once. The others draw their children in the
 * next tasks, a batch at a time, in the page's order; an objective past the
 * first screen draws its actions as plain words, one template for all of them
 * (in the page for find, screen readers and printing). Its actions go live
 * (action items) when it comes near the viewport, takes focus, holds a
 * search result's target, or in idle time. Before printing everything is
 * drawn. Items added once the plan has loaded are drawn and live at once.
 */
export class LiveUpgrades {
  /** The words of the plan's preview, standing in for the children of items not drawn yet; let go once everything is drawn. */
  standIns: OutlineStandIns | null = null;
  /** Priorities and objectives whose children are not drawn yet. */
  private readonly undrawn = new Set<Upgradable>();
  /** Objectives whose actions are drawn as plain words, not yet live. */
  private readonly plain = new Set<Upgradable>();
  /** How many actions the first screen's priorities, and objectives, have drawn so far. */
  private readonly reserved = { priority: 0, objective: 0 };
  private enlisted = 0;
  /** Whether the first screen is drawn and batches have begun: what a batch draws draws its own children at once, in the same batch. */
  private batching = false;
  private drawing = false;
  private idling = false;
  private isSettled = false;
  private printing = false;
  private long = false;
  private readonly near = new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) this.upgrade(e.target as Upgradable);
    },
    // A screen above and below: scrolling finds items drawn and live.
    { rootMargin: '100% 0px' },
  );

  /**
   * Stops making plain words live in idle time (they still go live near the
   * screen, on focus, for a search result, before printing): for tests and
   * diagnostics that watch plain words follow a partner's edits.
   */
  hold(): void {
    this.holding = true;
  }

  private holding = false;

  /** Whether every item is drawn and live (the plan has loaded and the idle-time work is done): for tests and diagnostics. */
  get settled(): boolean {
    return this.isSettled;
  }

  /**
   * @param firstScreen how many actions are live at once: more than a tall screen shows.
   * @param drawnAtOnce how many actions' words are drawn at once: a plan of this size or less (the demo's 51) is all in the page in the first frame.
   */
  constructor(
    private readonly firstScreen = 16,
    private readonly drawnAtOnce = 64,
  ) {
    addEventListener('beforeprint', this.drawAll);
  }

  /**
   * A priority or objective whose children would put `actions` actions on
   * screen asks whether to draw them now; if not, it is told later through `goLive`.
   */
  reserve(item: Upgradable, level: 'priority' | 'objective', actions: number): boolean {
    this.scheduleIdle();
    // A plan too long to draw whole (a priority had to wait) draws only about a screen of actions at once.
    const budget = this.long ? this.firstScreen + 4 : this.drawnAtOnce;
    if (this.isSettled || this.printing || this.batching || this.reserved[level] + actions <= budget || this.reserved[level] === 0) {
      this.reserved[level] += actions;
      return true;
    }
    if (level === 'priority') this.long = true;
    this.undrawn.add(item);
    this.near.observe(item);
    this.scheduleDrawing();
    return false;
  }

  /**
   * An objective drawing its `actions` asks whether to draw them live now (the
   * first screen's); if not, it draws them as plain words and is told later
   * through `goLive`.
   */
  enlist(objective: Upgradable, actions: number): boolean {
    this.scheduleIdle();
    if (this.isSettled || this.enlisted === 0 || this.enlisted + actions <= this.firstScreen) {
      this.enlisted += actions;
      return true;
    }
    this.enlisted += actions;
    this.plain.add(objective);
    this.near.observe(objective);
    return false;
  }

  /** An item left the page before its next stage. */
  withdraw(item: Upgradable): void {
    if (this.undrawn.delete(item) || this.plain.delete(item)) this.near.unobserve(item);
  }

  /** Takes an item to its next stage now (it came near, took focus, or a search result points to it). */
  upgrade(item: Upgradable): void {
    if (!this.undrawn.delete(item) && !this.plain.delete(item)) return;
    this.near.unobserve(item);
    item.goLive();
  }

  /** The outline is gone: nothing more to do. */
  stop(): void {
    removeEventListener('beforeprint', this.drawAll);
    this.near.disconnect();
    this.standIns?.clear();
    this.undrawn.clear();
    this.plain.clear();
  }

  /** Printing: every priority and objective draws its children now (and those it draws, theirs), so every action is on paper. */
  private readonly drawAll = (): void => {
    // Those drawn now draw theirs in the same task (before the page is laid out for print): all at once from here on.
    this.printing = true;
    for (const item of [...this.undrawn]) this.upgrade(item);
  };

  /**
   * Drawing goes on in the next tasks (not idle time: the words should be in
   * the page soon), each after a frame: the first screen is painted, and
   * usable, before the first batch, and a frame can show between batches.
   */
  private scheduleDrawing(): void {
    if (this.drawing) return;
    this.drawing = true;
    requestAnimationFrame(() => setTimeout(() => void this.drawSome(), 0));
  }

  private scheduleIdle(): void {
    if (this.idling) return;
    this.idling = true;
    requestIdleCallback(() => void this.liveSome(), { timeout: 2000 });
  }

  private async drawSome(): Promise<void> {
    this.drawing = false;
    this.batching = true;
    // In the page's order: a priority drawn late adds its objectives to the queue after later ones.
    const next = [...this.undrawn].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    await this.batch(next, DRAW_SLICE);
    if (this.undrawn.size > 0) this.scheduleDrawing();
    else this.standIns?.clear();
  }

  private async liveSome(): Promise<void> {
    this.idling = false;
    // The words first: going live waits until every item is drawn.
    if (this.undrawn.size === 0 && !this.holding) await this.batch([...this.plain], LIVE_SLICE);
    if (this.undrawn.size > 0 || (this.plain.size > 0 && !this.holding)) this.scheduleIdle();
    else {
      this.isSettled = true;
      this.standIns?.clear();
    }
  }

  /**
   * Takes `items` to their next stage in order, each item's own update done
   * before the next, until `slice` ms have gone (at least one; the elements an
   * item creates may finish just after the last check, about one item more):
   * drawing is Lit's updates, run as microtasks, so the whole batch is one task
   * and the page draws no frame between its items.
   */
  private async batch(items: Upgradable[], slice: number): Promise<void> {
    const start = performance.now();
    for (const item of items) {
      this.upgrade(item);
      await item.updateComplete;
      if (performance.now() - start >= slice) break;
    }
  }
}
