import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlanSession } from './plan-session.js';

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
 * Where an open plan's changes are ({@link SyncState}), from the session and
 * its connection: its host re-renders only when that changes.
 *
 * @example
 * ```ts
 * class SyncStatusLine extends LitElement {
 *   private readonly status = new SyncStatus(this, () => session, () => access.problem !== '');
 *   render() { return html`<span role="status">${SYNC_WORDS[this.status.state]}</span>`; }
 * }
 * ```
 */
export class SyncStatus implements ReactiveController {
  /** Where the changes are now. */
  state: SyncState = 'loading';
  private stops: Array<() => void> = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => PlanSession | undefined,
    /** Whether the relay has stopped this connection for good (access refused, a close it will not retry). */
    private readonly stopped: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostDisconnected();
    const session = this.session();
    if (!session) return;
    this.stops = [session.subscribe(this.update), ...(session.connection ? [session.connection.on(this.update)] : [])];
    this.update();
  }

  hostDisconnected(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  /** Works the state out again; call when `stopped` may have changed. */
  readonly update = (): void => {
    const session = this.session();
    const c = session?.connection?.state;
    const next: SyncState = !session?.plan
      ? 'loading'
      : this.stopped()
        ? 'stopped'
        : !c?.online
          ? 'offline'
          : c.connected && c.synced
            ? 'synced'
            : c.everConnected
              ? c.connecting
                ? 'reconnecting'
                : 'offline'
              : 'local';
    if (next === this.state) return;
    this.state = next;
    this.host.requestUpdate();
  };
}
