import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '@coplan/core';

type Kind = 'action' | 'objective' | 'priority';

/**
 * Touch (or mouse) dragging of priorities, objectives and actions by their
 * handles, for people who like to drag; every move can also be made from the
 * item's menu, by keyboard (WCAG 2.5.7). Where an item is going is shown as
 * it moves; it drops before or after a sibling, or into a parent.
 */
export class DragReorder implements ReactiveController {
  private dragging: { kind: Kind; id: string; target: HTMLElement | null } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly plan: () => Plan | undefined,
    private readonly run: (fn: () => void) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.shadowRoot ?? this.host;
    root.addEventListener('pointerdown', this.start as EventListener);
    root.addEventListener('pointermove', this.over as EventListener);
    root.addEventListener('pointerup', this.end as EventListener);
    root.addEventListener('pointercancel', this.cancel);
  }

  hostDisconnected(): void {
    const root = this.host.shadowRoot ?? this.host;
    root.removeEventListener('pointerdown', this.start as EventListener);
    root.removeEventListener('pointermove', this.over as EventListener);
    root.removeEventListener('pointerup', this.end as EventListener);
    root.removeEventListener('pointercancel', this.cancel);
  }

  private readonly start = (e: PointerEvent): void => {
    const handle = (e.target as Element).closest<HTMLElement>('[data-drag]');
    if (!handle) return;
    handle.setPointerCapture(e.pointerId);
    this.dragging = { kind: handle.dataset.drag as Kind, id: handle.dataset.id!, target: null };
  };

  /** An action drops onto an action or an objective; an objective onto an objective or a priority. */
  private targetAt(x: number, y: number): HTMLElement | null {
    const root = (this.host.shadowRoot ?? document) as unknown as { elementFromPoint(x: number, y: number): Element | null };
    const selector = { action: '.action, .objective', objective: '.objective, .priority', priority: '.priority' }[this.dragging?.kind ?? 'action'];
    return (root.elementFromPoint(x, y)?.closest(selector) as HTMLElement | null) ?? null;
  }

  private readonly over = (e: PointerEvent): void => {
    if (!this.dragging) return;
    const target = this.targetAt(e.clientX, e.clientY);
    if (target === this.dragging.target) return;
    this.dragging.target?.classList.remove('drop-target');
    target?.classList.add('drop-target');
    this.dragging.target = target;
  };

  private readonly end = (e: PointerEvent): void => {
    const drag = this.dragging;
    const target = drag && this.targetAt(e.clientX, e.clientY);
    this.cancel();
    const plan = this.plan();
    if (!drag || !target || !plan) return;
    const onSibling = target.classList.contains(drag.kind);
    const parentId = drag.kind === 'action' ? target.dataset.objectiveId! : drag.kind === 'objective' ? target.dataset.priorityId! : null;
    if (!onSibling) return this.run(() => plan.move(drag.kind, drag.id, { parentId }));
    const targetId = { action: target.dataset.actionId, objective: target.dataset.objectiveId, priority: target.dataset.priorityId }[drag.kind];
    if (targetId === drag.id) return;
    // Over a sibling: before it in its upper half, after it in its lower half.
    const box = target.getBoundingClientRect();
    let index = Number(target.dataset.index) + (e.clientY > box.top + box.height / 2 ? 1 : 0);
    const siblings = plan.childIds(drag.kind, parentId);
    if (siblings.includes(drag.id) && siblings.indexOf(drag.id) < index) index--; // it leaves its own place first
    this.run(() => plan.move(drag.kind, drag.id, { parentId, index }));
  };

  private readonly cancel = (): void => {
    this.dragging?.target?.classList.remove('drop-target');
    this.dragging = null;
  };
}
