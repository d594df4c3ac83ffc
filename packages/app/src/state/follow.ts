import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Changes } from './changes.js';

/**
 * Re-renders its host whenever a shared value it shows changes, for as long
 * as the host is on the page.
 *
 * @example
 * ```ts
 * class PlanHeader extends LitElement {
 *   private readonly snapshots = new ContextConsumer(this, { context: snapshotsContext });
 *   constructor() {
 *     super();
 *     new Follow(this, () => this.snapshots.value);
 *   }
 * }
 * ```
 */
export class Follow implements ReactiveController {
  private following: { source: Changes; stop: () => void } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => Changes | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  /** Before each render: the source may have arrived (through context) since the host connected. */
  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.following?.stop();
    this.following = null;
  }

  private follow(): void {
    const source = this.source();
    if (this.following?.source === source) return;
    this.following?.stop();
    this.following = source ? { source, stop: source.subscribe(() => this.host.requestUpdate()) } : null;
  }
}
