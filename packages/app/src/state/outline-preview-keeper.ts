import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '@coplan/core';
import { deleteOutlinePreview, writeOutlinePreview } from './outline-preview-store.js';

/** How long after a change the preview is taken again, at most, while the page stays open: a workshop's typing costs one in this long. */
const AFTER_CHANGES_MS = 15_000;

/**
 * A plan of this many actions or fewer is drawn whole as soon as it loads (see
 * `LiveUpgrades`): a preview would only add a read and a write, so it has none.
 */
const PREVIEW_ABOVE = 64;

/** What the keeper is given: the open plan (once it is), and where its outline is on screen. */
export interface OutlinePreviewSource {
  planId: string;
  plan: () => Plan | null;
  /** The outline's words as markup ({@link outlineWords}, which loads with the outline). */
  words: (plan: Plan) => string;
  /** Where the outline begins below the top of the page, px; 0 when it is not on screen. */
  top: () => number;
}

/**
 * Keeps the open plan's preview on this device ({@link OutlinePreview}): once
 * after the plan opens, in idle time; again at most every 15 seconds while it
 * changes; and as the page is hidden or closed when it changed since. Taking
 * it reads the whole outline (about 20 ms for 1,000 actions), so it is never
 * done on a keystroke. A plan short enough to draw at once keeps none.
 */
export class OutlinePreviewKeeper implements ReactiveController {
  private off: (() => void) | null = null;
  private following: Plan | null = null;
  /** The plan changed since the last preview. */
  private changed = false;
  /** The first preview since the plan opened is still to be taken. */
  private first = false;
  private timer = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: OutlinePreviewSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onHidden);
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onHidden);
    window.removeEventListener('pagehide', this.onPageHide);
    this.keepNow(true);
    this.off?.();
    this.off = null;
    this.following = null;
    clearTimeout(this.timer);
  }

  /** After each render: the plan opened (or was replaced), so follow its changes and take a first preview. */
  hostUpdated(): void {
    const plan = this.source.plan();
    if (!plan || plan === this.following) return;
    this.off?.();
    this.following = plan;
    this.off = plan.onChange(() => this.onChange());
    // Once after opening, in case the last preview missed changes (the page was closed before it was taken): not on the way out.
    this.first = true;
    this.later(3000);
  }

  private onChange(): void {
    this.changed = true;
    if (!this.timer) this.later(AFTER_CHANGES_MS);
  }

  /** In idle time, `ms` from now: after opening, the plan is drawn and settled by then. */
  private later(ms: number): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      requestIdleCallback(() => this.keepNow(), { timeout: 5000 });
    }, ms);
  }

  private readonly onHidden = (): void => {
    // Hidden may be the page going (a reload, a closed tab): written at once, as on pagehide.
    if (document.visibilityState === 'hidden') this.keepNow(true);
  };

  private readonly onPageHide = (): void => this.keepNow(true);

  /** Takes the preview now if the plan changed since the last one (or it is the first since opening, unless the page is going). */
  private keepNow(going = false): void {
    const plan = this.following;
    if (!plan || !(this.changed || (this.first && !going))) return;
    this.changed = false;
    this.first = false;
    const actions = plan.childIds('priority', null).reduce((n, p) => n + plan.childIds('objective', p).reduce((m, o) => m + plan.childIds('action', o).length, 0), 0);
    if (actions <= PREVIEW_ABOVE) {
      void deleteOutlinePreview(this.source.planId).catch(() => undefined);
      return;
    }
    const html = this.source.words(plan);
    // A preview that cannot be kept (storage full, private browsing) only costs the next reload its head start.
    void writeOutlinePreview(this.source.planId, { html, savedAt: Date.now(), top: this.source.top(), width: innerWidth }, going).catch(() => undefined);
  }
}
