import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as Y from 'yjs';
import { hasPlan, openPlan, type Plan } from '@coplan/core';
import { UndoHistory } from './undo-history.js';
import { Changes } from './changes.js';
import type { LocalStore, StoredPlan } from './local-store.js';
import type { Connection, ConnectionEvent, Transport } from './transport.js';

/** What a {@link PlanSession} needs: which plan, who is working, and where the plan is kept and how it travels. */
export interface PlanSessionOptions {
  planId: string;
  /** Who is working on this device, as partners see them. */
  user: { name: string; colour: string };
  /** Where this device keeps the plan (IndexedDB in the app). */
  store: LocalStore;
  /** How the plan reaches partners (the relay in the app). */
  transport: Transport;
}

/**
 * One open plan: its Y.Doc kept by the store and synced by the transport it
 * is given, and the core's {@link Plan} over it once the doc holds a plan
 * (from this device or from the relay). It knows nothing of IndexedDB,
 * WebSockets or the page, so a test runs it with in-memory ones.
 *
 * Other controllers follow it ({@link Changes.subscribe}): it changes when
 * the plan opens or a problem arises; the connection's own events are its
 * ({@link Connection.on}).
 *
 * @example
 * ```ts
 * class PlanView extends LitElement {
 *   private readonly session = new PlanSession(this, {
 *     planId: 'lscp-2025', user: { name: 'Ann', colour: '#1d70b8' },
 *     store: new IndexedDbStore(), transport: new RelayTransport(token),
 *   });
 *   render() {
 *     return this.session.plan ? html`<h1>${this.session.plan.snapshot().title}</h1>` : html`Opening the plan…`;
 *   }
 * }
 * ```
 */
export class PlanSession extends Changes implements ReactiveController {
  readonly doc = new Y.Doc();
  /** The plan, once the doc holds one; null while it is loading. */
  plan: Plan | null = null;
  /** This user's undo history in the plan, for Undo and Redo; followed once the plan opens. */
  readonly undoHistory = new UndoHistory();
  /** Why the plan cannot be opened here (no plan at this address, a plan the core refuses); '' when none. */
  problem = '';
  /** Set when this device cannot keep the plan (storage unavailable or full): shown, never silent. */
  storageProblem = '';
  /** The connection to partners, from when the host is connected. */
  connection: Connection | null = null;
  private stored: StoredPlan | null = null;
  private stopListening: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PlanSessionOptions,
  ) {
    super();
    host.addController(this);
  }

  /** The plan's id, as the store and the relay know it. */
  get planId(): string {
    return this.options.planId;
  }

  /** Who is working on this device. */
  get user(): { name: string; colour: string } {
    return this.options.user;
  }

  hostConnected(): void {
    let loading: Promise<unknown> | undefined;
    try {
      const stored = this.options.store.open(this.planId, this.doc);
      loading = stored.loaded;
      this.stored = stored;
      stored.onFailure((e) => this.storageFailed(e));
      stored.loaded.then(
        () => this.tryOpen(),
        (e: unknown) => this.storageFailed(e),
      );
    } catch (e) {
      this.storageFailed(e);
    }
    const connection = this.options.transport.open(this.planId, this.doc, loading);
    this.connection = connection;
    connection.awareness.setLocalStateField('user', this.options.user);
    this.stopListening = connection.on(this.onConnection);
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.undoHistory.follow(null);
    this.plan?.destroy();
    this.connection?.close();
    this.stored?.close();
  }

  private readonly onConnection = (event: ConnectionEvent): void => {
    if (event.kind === 'synced') this.tryOpen();
  };

  /** Opens the plan once the doc holds one; says so when the relay has synced and there is none. */
  private tryOpen(): void {
    if (this.plan) return;
    if (!hasPlan(this.doc)) {
      if (this.connection?.state.synced) this.fail('There is no plan at this address yet. Check the link, or ask for a new one.');
      return;
    }
    try {
      this.plan = openPlan(this.doc, { user: this.options.user.name });
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
      return;
    }
    this.problem = '';
    this.undoHistory.follow(this.plan);
    this.changed();
  }

  private storageFailed(e: unknown): void {
    const why = e instanceof Error ? e.message : String(e);
    this.storageProblem = `This device cannot keep a copy of this plan (${why}). Your changes reach partners only while you are connected, and will be lost if you close the page offline. Free some space or allow storage for this site.`;
    this.changed();
  }

  private fail(message: string): void {
    this.problem = message;
    this.changed();
  }
}
