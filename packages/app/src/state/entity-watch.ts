import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EntityKind, Plan } from '@coplan/core';

/**
 * Re-renders its host when one entity of the plan, or an item directly
 * beneath it, changes (the core's {@link Plan.onEntityChange}): an item on
 * screen listens to its own entity, so a partner's keystroke in one action
 * re-renders that action and its objective, not the plan.
 */
export class EntityWatch implements ReactiveController {
  private off: (() => void) | null = null;
  private watching: { plan: Plan; kind: EntityKind; id: string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => { plan: Plan | undefined; kind: EntityKind; id: string },
  ) {
    host.addController(this);
  }

  /** Before each render: follows the entity the host now shows. */
  hostUpdate(): void {
    const { plan, kind, id } = this.target();
    const w = this.watching;
    if (w && w.plan === plan && w.kind === kind && w.id === id) return;
    this.stop();
    if (!plan || !id) return;
    this.watching = { plan, kind, id };
    this.off = plan.onEntityChange(kind, id, () => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.off?.();
    this.off = null;
    this.watching = null;
  }
}
