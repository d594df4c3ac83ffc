import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { isTypingOnly, type PlanChange, type PlanSnapshot } from '@coplan/core';
import { Changes } from './changes.js';
import type { PlanSession } from './plan-session.js';

/** How long typing must pause before the rest of the plan catches up with it, and the longest it waits while typing goes on (ms). */
const TYPING_PAUSE_MS = 300;
const TYPING_MAX_WAIT_MS = 2000;

/**
 * The whole plan as last read ({@link PlanSnapshot}), for what shows the
 * whole plan: the header, the bin, the other tabs, a filter. It is read
 * again at the next frame after a change; after typing only, when typing
 * pauses (or every two seconds while it goes on), and, with only the outline
 * on screen, not at all: items there follow their own entities.
 *
 * @example
 * ```ts
 * const snapshots = new PlanSnapshots(this, session, { remember: (s) => rememberPlan(...) });
 * snapshots.wholePlan = this.tab !== 'plan';
 * html`<h1>${snapshots.snapshot?.title}</h1>`;
 * ```
 */
export class PlanSnapshots extends Changes implements ReactiveController {
  /** The plan as last read; null until the plan opens. */
  snapshot: PlanSnapshot | null = null;
  private frame = 0;
  private pause = 0;
  /** Whether the last transaction only typed in text fields (isTypingOnly), and since when typing has gone on unread. */
  private typingOnly = false;
  private typingSince = 0;
  /** Typing happened since the snapshot was read, and nothing on screen needed it yet. */
  private stale = false;
  private wholePlanShown = false;
  private stopPlan: (() => void) | null = null;
  private stopSession: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly session: PlanSession,
    private readonly options: { remember?: (snapshot: PlanSnapshot) => void } = {},
  ) {
    super();
    host.addController(this);
  }

  /**
   * Whether the whole plan is on screen (another tab, a filter): then typing
   * refreshes the snapshot when it pauses. Otherwise items follow their own
   * entities, and typing in them does not read the plan again.
   */
  get wholePlan(): boolean {
    return this.wholePlanShown;
  }

  set wholePlan(shown: boolean) {
    this.wholePlanShown = shown;
    if (shown && this.stale) this.scheduleFrame();
  }

  hostConnected(): void {
    // Registered before the plan opens, so each transaction is classified before the plan's change event asks.
    this.session.doc.on('afterTransaction', this.classify);
    this.stopSession = this.session.subscribe(() => this.follow());
    this.follow();
  }

  hostDisconnected(): void {
    this.stopSession?.();
    this.stopPlan?.();
    this.stopPlan = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.pause);
    this.session.doc.off('afterTransaction', this.classify);
  }

  /** Once the plan opens: reads it, and follows its changes. */
  private follow(): void {
    const plan = this.session.plan;
    if (!plan || this.stopPlan) return;
    this.stopPlan = plan.onChange((c) => this.schedule(c));
    this.refresh();
  }

  private readonly classify = (tr: Y.Transaction): void => {
    this.typingOnly = isTypingOnly(tr);
  };

  /**
   * After a change: the plan is read again at the next frame; but when the
   * change was only typing (this person's or a partner's), the field already
   * shows it from its own text, so the rest of the plan (due dates, lists,
   * reports) catches up when typing pauses, or at least every
   * TYPING_MAX_WAIT_MS while people keep typing. Typing in an item, with only
   * the outline on screen, is the item's own business: nothing is re-read.
   */
  private schedule(change: PlanChange): void {
    if (!this.typingOnly) return this.scheduleFrame();
    if (!change.plan && !change.versions && !this.wholePlanShown) {
      this.stale = true;
      return;
    }
    if (this.frame) return;
    const now = performance.now();
    if (!this.typingSince) this.typingSince = now;
    clearTimeout(this.pause);
    const wait = Math.max(0, Math.min(TYPING_PAUSE_MS, this.typingSince + TYPING_MAX_WAIT_MS - now));
    this.pause = window.setTimeout(() => this.scheduleFrame(), wait);
  }

  private scheduleFrame(): void {
    clearTimeout(this.pause);
    this.pause = 0;
    this.typingSince = 0;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.refresh();
    });
  }

  private refresh(): void {
    const plan = this.session.plan;
    if (!plan) return;
    this.stale = false;
    this.snapshot = plan.snapshot();
    this.options.remember?.(this.snapshot);
    this.changed();
  }
}
