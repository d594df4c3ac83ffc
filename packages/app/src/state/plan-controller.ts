import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { hasPlan, isTypingOnly, openPlan, type Plan, type PlanChange, type PlanSnapshot } from '@coplan/core';
import { CLOSE_ADVICE } from '@coplan/sync-server/close-codes';
import { rememberPlan } from './device-plans.js';
import { SharingClient, SharingRefused } from './sharing.js';
import { tokenNamesRole } from './token-role.js';
import { UnsentEdits } from './unsent-edits.js';

/** How long typing must pause before the rest of the plan catches up with it, and the longest it waits while typing goes on (ms). */
const TYPING_PAUSE_MS = 300;
const TYPING_MAX_WAIT_MS = 2000;

/** Where the plan's data is, in words a person can trust. */
export type SyncState = 'loading' | 'local' | 'synced' | 'offline' | 'reconnecting' | 'stopped';

/** The words shown (and announced) for each state. */
export const SYNC_WORDS: Record<SyncState, string> = {
  loading: 'Opening the plan…',
  local: 'Saved on this device',
  synced: 'Connected, all changes synced',
  offline: 'Offline: changes will sync when reconnected',
  reconnecting: 'Reconnecting',
  stopped: 'Not syncing: changes are kept on this device',
};

/**
 * Opens one plan for a view: its Y.Doc kept in IndexedDB (y-indexeddb) and
 * synced through the relay (y-websocket), the core's Plan over it, and the
 * host re-rendered when the plan changes, at most once a frame.
 */
export class PlanController implements ReactiveController {
  plan: Plan | null = null;
  snapshot: PlanSnapshot | null = null;
  sync: SyncState = 'loading';
  problem = '';
  /** Set when the relay closed the connection for good (expired access, a refused change): what happened and what to do. */
  connectionProblem = '';
  /** Set when this device cannot keep the plan (IndexedDB unavailable or full): shown, never silent. */
  storageProblem = '';
  readonly doc = new Y.Doc();
  provider: WebsocketProvider | null = null;
  private idb: IndexeddbPersistence | null = null;
  private unsent: UnsentEdits | null = null;
  private frame = 0;
  /** Whether the last transaction only typed in text fields (isTypingOnly), and since when typing has gone on unrendered. */
  private typingOnly = false;
  private typingSince = 0;
  private pause = 0;
  private offChange: (() => void) | null = null;
  private everConnected = false;
  private presence = '';
  private attemptConnected = false;
  private explaining = false;
  /** Typing happened since the snapshot was read, and nothing on screen needed it yet. */
  private stale = false;
  private wholePlanShown = false;

  /**
   * Whether the host shows the whole plan (another tab, a filter): then
   * typing refreshes the snapshot when it pauses. Otherwise items follow
   * their own entities, and typing in them does not read the plan again.
   */
  get wholePlan(): boolean {
    return this.wholePlanShown;
  }

  set wholePlan(shown: boolean) {
    this.wholePlanShown = shown;
    if (shown && this.stale) this.scheduleFrame();
  }

  /** Whether the relay refused a signed-in person a plan it does not hold yet: they may put it there. */
  claimable = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly planId: string,
    private readonly options: { token?: string; user: { name: string; colour: string } },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Registered before the plan opens, so it has classified each transaction before the plan's change event asks.
    this.doc.on('afterTransaction', this.classify);
    try {
      this.idb = new IndexeddbPersistence(`coplan-plan:${this.planId}`, this.doc);
      this.unsent = new UnsentEdits(this.doc, `coplan-unsent:${this.planId}`);
      this.idb.on('synced', () => {
        this.unsent?.restore();
        this.tryOpen();
      });
      this.idb.whenSynced.catch((e: unknown) => this.storageFailed(e));
      // Writes that fail later (a full disk) surface as unhandled rejections from IndexedDB.
      window.addEventListener('unhandledrejection', this.onRejection);
    } catch (e) {
      this.storageFailed(e);
    }
    const relay = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
    this.provider = new WebsocketProvider(relay, this.planId, this.doc, { params: this.options.token ? { token: this.options.token } : {} });
    this.provider.awareness.setLocalStateField('user', this.options.user);
    // The plan re-renders when who is here changes; which field each is in, and their caret, is the field's own business (FieldPresence).
    this.provider.awareness.on('change', () => {
      const who = presenceSignature(this.provider!.awareness.getStates());
      if (who === this.presence) return;
      this.presence = who;
      this.host.requestUpdate();
    });
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.everConnected = true;
      this.attemptConnected = status === 'connected';
      this.updateSync();
    });
    // A handshake the relay refuses (HTTP 401) shows in the browser only as a failed connection: ask the relay why.
    this.provider.on('connection-close', () => {
      if (!this.attemptConnected && navigator.onLine) void this.explainRefusal();
    });
    this.provider.on('sync', () => {
      this.tryOpen();
      this.updateSync();
    });
    this.provider.on('connection-close', () => this.updateSync());
    // A close the stock client will not reconnect after (4400–4499): say why, keep everything on this device.
    this.provider.on('closed', ({ code }: { code: number }) => {
      this.connectionProblem = CLOSE_ADVICE[code] ?? `The server closed the connection (code ${code}). Your changes are kept on this device; try again, or save a copy (Files → Save a .coplan file).`;
      this.updateSync();
      this.host.requestUpdate();
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  // When the browser says the network has gone, stop the connection (edits stay in IndexedDB);
  // when it comes back, reconnect at once rather than waiting out the provider's back-off.
  private readonly onOffline = (): void => {
    this.provider?.disconnect();
    this.updateSync();
  };

  private readonly onOnline = (): void => {
    this.provider?.connect();
    this.updateSync();
  };

  /** Asks the relay why it refuses this token; if it does (expired, taken back), stops trying and says so. */
  private async explainRefusal(): Promise<void> {
    if (this.explaining || this.connectionProblem) return;
    this.explaining = true;
    const token = this.options.token ?? '';
    try {
      await new SharingClient(this.planId, token).access();
    } catch (e) {
      if (e instanceof SharingRefused && e.status === 401) {
        this.provider?.disconnect();
        const why = e.message.replace(/^Refused: /, '').replace(/\.$/, '');
        const signedIn = token !== '' && !tokenNamesRole(token);
        // A signed-in person refused a plan nobody shared with them may have made it here: they can put it on the server.
        this.claimable = signedIn && /not shared with you/.test(why);
        this.connectionProblem = !token
          ? 'The server shares plans only with people who open a link to them or sign in: open the link you were given, or sign in at the top of the page. Anything of this plan on this device stays here (Files → Save a .coplan file keeps a copy).'
          : signedIn
            ? `The server does not open this plan for you (${why}). Your copy on this device is kept, with any changes not yet sent.`
            : `This link no longer opens the plan on the server (${why}). Your copy on this device is kept, with any changes not yet sent: save it (Files → Save a .coplan file) and ask the plan’s owner for a new link.`;
        this.updateSync();
        this.host.requestUpdate();
      }
    } finally {
      this.explaining = false;
    }
  }

  /**
   * Puts this plan, made on this device, onto the relay with the signed-in
   * person as its owner, then connects, which sends it up. Resolves with the
   * relay's refusal in words, or '' when it worked.
   */
  async claim(): Promise<string> {
    try {
      await new SharingClient(this.planId, this.options.token ?? '').claim();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    this.claimable = false;
    this.reconnect();
    return '';
  }

  /** Connects again after the relay closed the connection for good (for instance once the person has a new link). */
  reconnect(): void {
    this.connectionProblem = '';
    this.provider?.connect();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.offChange?.();
    this.plan?.destroy();
    this.provider?.destroy();
    this.unsent?.destroy();
    void this.idb?.destroy();
    window.removeEventListener('unhandledrejection', this.onRejection);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    cancelAnimationFrame(this.frame);
    clearTimeout(this.pause);
    this.doc.off('afterTransaction', this.classify);
  }

  private readonly classify = (tr: Y.Transaction): void => {
    this.typingOnly = isTypingOnly(tr);
  };

  private tryOpen(): void {
    if (this.plan || !hasPlan(this.doc)) {
      if (!this.plan && this.provider?.synced && !hasPlan(this.doc)) this.fail('There is no plan at this address yet. Check the link, or ask for a new one.');
      return;
    }
    try {
      this.plan = openPlan(this.doc, { user: this.options.user.name });
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
      return;
    }
    this.problem = '';
    this.offChange = this.plan.onChange((c) => this.schedule(c));
    this.refresh();
    this.updateSync();
  }

  /**
   * After a change: the plan is rebuilt and re-rendered at the next frame;
   * but when the change was only typing (this person's or a partner's), the
   * field already shows it from its own text, so the rest of the plan (due
   * dates, lists, reports) catches up when typing pauses, or at least every
   * TYPING_MAX_WAIT_MS while people keep typing. Typing in an item, with
   * only the outline on screen, is the item's own business: nothing is re-read.
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
    if (!this.plan) return;
    this.stale = false;
    this.snapshot = this.plan.snapshot();
    const s = this.snapshot;
    rememberPlan({
      id: this.planId,
      title: s.title,
      period: s.period ? `${s.period.start} to ${s.period.end}` : '',
      version: s.versionLabel,
      lastChange: s.updatedAt,
      ...(this.options.token ? { token: this.options.token } : {}),
    });
    this.host.requestUpdate();
  }

  private readonly updateSync = (): void => {
    const wsConnected = this.provider?.wsconnected ?? false;
    const next: SyncState = !this.plan
      ? 'loading'
      : this.connectionProblem
        ? 'stopped'
        : !navigator.onLine
          ? 'offline'
          : wsConnected && this.provider?.synced
            ? 'synced'
            : this.everConnected
              ? this.provider?.wsconnecting
                ? 'reconnecting'
                : 'offline'
              : 'local';
    if (next !== this.sync) {
      this.sync = next;
      this.host.requestUpdate();
    }
  };

  private readonly onRejection = (e: PromiseRejectionEvent): void => {
    const name = (e.reason as { name?: string } | null)?.name ?? '';
    if (/QuotaExceeded|InvalidState|UnknownError|NotFound|Abort/i.test(name)) this.storageFailed(e.reason);
  };

  private storageFailed(e: unknown): void {
    const why = e instanceof Error ? e.message : String(e);
    this.storageProblem = `This device cannot keep a copy of this plan (${why}). Your changes reach partners only while you are connected, and will be lost if you close the page offline. Free some space or allow storage for this site.`;
    this.host.requestUpdate();
  }

  private fail(message: string): void {
    this.problem = message;
    this.host.requestUpdate();
  }
}

/** Who is in the plan, as one comparable string. */
function presenceSignature(states: Map<number, Record<string, unknown>>): string {
  return JSON.stringify([...states].map(([client, st]) => [client, st.user ?? null]));
}
