import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EntityKind, Plan, PlanChange } from '@coplan/core';

/** What an {@link EntityWatch} follows: one entity of a plan, and others whose names or values it shows. */
export interface WatchTarget {
  plan: Plan | undefined;
  kind: EntityKind;
  id: string;
  /** Further entities it shows (an action's leads, by name): a change to one of them re-renders the host too. */
  also?: ReadonlyArray<{ kind: EntityKind; id: string }>;
}

/**
 * Re-renders its host when one entity of the plan, or an item directly
 * beneath it, changes (the core's {@link Plan.onEntityChange}): an item on
 * screen listens to its own entity, so a partner's keystroke in one action
 * re-renders that action, not the plan. `concerns` lets a host pass over a
 * change it already shows: typing in a field the host's own text box follows
 * needs no re-render, so a keystroke does no work beyond its field.
 *
 * @example
 * ```ts
 * new EntityWatch(this, () => ({ plan, kind: 'action', id: this.entityId, also: namesShownIn(this.action) }));
 * ```
 */
export class EntityWatch implements ReactiveController {
  private offs: Array<() => void> = [];
  private watching: { plan: Plan; key: string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => WatchTarget,
    private readonly concerns: (change: PlanChange) => boolean = () => true,
  ) {
    host.addController(this);
  }

  /** After each render: follows the entities the host now shows (read as it rendered them). */
  hostUpdated(): void {
    const { plan, kind, id, also = [] } = this.target();
    const key = [`${kind}:${id}`, ...also.map((e) => `${e.kind}:${e.id}`)].join(' ');
    const w = this.watching;
    if (w && w.plan === plan && w.key === key) return;
    this.stop();
    if (!plan || !id) return;
    this.watching = { plan, key };
    const changed = (change: PlanChange) => {
      if (this.concerns(change)) this.host.requestUpdate();
    };
    this.offs = [{ kind, id }, ...also].map((e) => plan.onEntityChange(e.kind, e.id, changed));
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.watching = null;
  }
}
