import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { focusAfterRemoval, PlanItem } from './plan-item.js';
import type { MenuChoice } from './item-menu.js';
import './item-menu.js';
import './action-item.js';
import '../components/editable-text.js';

/**
 * One objective: its text, one menu (move up, down, to another priority,
 * delete), and its actions keyed by id. It re-renders when its own objective
 * changes or its list of actions does, never for the rest of the plan.
 */
export class ObjectiveItem extends PlanItem {
  static override properties = { ...PlanItem.properties, current: { state: true } };
  /** The action holding the list's one tab stop: the last one focused ('' until then: the first). */
  current = '';
  protected readonly kind = 'objective' as const;
  /** Whether the "move to priority" list is open. */

  private get name(): string {
    return `objective ${this.dotted}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('item-delete', this.onDelete as EventListener);
    this.addEventListener('item-step', this.onStep as unknown as EventListener);
    this.addEventListener('focusin', this.onFocusIn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('item-delete', this.onDelete as EventListener);
    this.removeEventListener('item-step', this.onStep as unknown as EventListener);
    this.removeEventListener('focusin', this.onFocusIn);
  }

  override render() {
    const scope = this.scope;
    const o = scope?.plan.readObjective(this.entityId);
    if (!scope || !o) return nothing;
    const ro = scope.readonly;
    const actions = scope.plan.childIds('action', o.id);
    const label = `Objective ${this.dotted}`;
    const stop = actions.includes(this.current) ? this.current : actions[0];
    return html`<div class="objective" role="group" aria-label=${label} data-objective-id=${o.id} data-priority-id=${o.priorityId} data-index=${this.number - 1}>
      <div class="head">
        <span class="number">Objective ${this.dotted}</span>
        <editable-text class="grow" ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="objective" .entityId=${o.id} field="text" label=${label} placeholder="Describe the objective"></editable-text>
        ${ro ? nothing : html`<item-menu label=${`Actions for ${this.name}`} .choices=${this.choices(o.priorityId)}></item-menu>`}
        ${ro ? nothing : html`<button class="drag" tabindex="-1" aria-label=${`Drag ${this.name} (or use its menu)`} data-drag="objective" data-id=${o.id}>⠿</button>`}
      </div>
      ${this.moving ? this.moveList(o.priorityId) : nothing}
      <div class="list" data-list="action">
        ${repeat(
          actions,
          (id) => id,
          (id, i) => html`<action-item .entityId=${id} .number=${i + 1} .count=${actions.length} .numberPrefix=${this.dotted} .tabStop=${id === stop}></action-item>`,
        )}
      </div>
      ${ro ? nothing : html`<button class="add" data-add="action" @click=${this.addAction}>Add an action to ${this.name}</button>`}
    </div>`;
  }

  private choices(priorityId: string): MenuChoice[] {
    return [
      { label: 'Move up', disabled: this.number <= 1, run: () => this.moveWithin(priorityId, this.number - 2) },
      { label: 'Move down', disabled: this.number >= this.count, run: () => this.moveWithin(priorityId, this.number) },
      { label: 'Move to another priority…', run: () => void this.openMove() },
      { label: 'Delete', run: () => this.dispatchEvent(new CustomEvent('item-delete', { detail: { kind: 'objective', id: this.entityId, index: this.number - 1 }, bubbles: true })) },
    ];
  }

  private moveWithin(parentId: string, index: number): void {
    if (this.run(() => this.scope!.plan.move('objective', this.entityId, { parentId, index }))) void this.focusMenu();
  }

  private moveList(current: string) {
    const plan = this.scope!.plan;
    return html`<label class="move-to">Move to priority
      <select aria-label=${`Move ${this.name} to priority`} @change=${this.moveToChosenParent} @keydown=${this.closeMoveOnEscape}>
        ${plan.childIds('priority', null).map((p, i) => html`<option value=${p} ?selected=${p === current}>${i + 1}. ${(plan.readPriority(p)?.title ?? '').slice(0, 60)}</option>`)}
      </select></label>`;
  }

  /** A new action starts empty, with the caret in it. */
  private readonly addAction = async (): Promise<void> => {
    let id = '';
    if (!this.run(() => (id = this.scope!.plan.addEmpty('action', { parentId: this.entityId })))) return;
    await this.updateComplete;
    await ([...this.querySelectorAll<PlanItem>('action-item')].find((el) => el.entityId === id) as PlanItem | undefined)?.focusText();
  };

  /** Whichever of this objective's actions has focus takes the list's tab stop. */
  private readonly onFocusIn = (e: FocusEvent): void => {
    const item = (e.target as Element).closest?.('action-item') as PlanItem | null;
    if (item && item.closest('objective-item') === this && item.entityId !== this.current) this.current = item.entityId;
  };

  /** Up, Down, Home or End on an action: focus moves to that action, which takes the tab stop. */
  private readonly onStep = async (e: CustomEvent<{ kind: string; id: string; step: 'previous' | 'next' | 'first' | 'last' }>): Promise<void> => {
    if (e.detail.kind !== 'action') return;
    e.stopPropagation();
    const ids = this.scope!.plan.childIds('action', this.entityId);
    const at = ids.indexOf(e.detail.id);
    const to = { previous: Math.max(0, at - 1), next: Math.min(ids.length - 1, at + 1), first: 0, last: ids.length - 1 }[e.detail.step];
    this.current = ids[to]!;
    await this.updateComplete;
    await ([...this.querySelectorAll<PlanItem>('action-item')].find((el) => el.entityId === this.current) as (PlanItem & { focusItem(): Promise<void> }) | undefined)?.focusItem();
  };

  /** An action of this objective asked to be deleted: it goes to the bin, and focus to its neighbour. */
  private readonly onDelete = (e: CustomEvent<{ kind: string; id: string; index: number }>): void => {
    if (e.detail.kind !== 'action') return;
    e.stopPropagation();
    if (!this.run(() => this.scope!.plan.delete('action', e.detail.id))) return;
    void focusAfterRemoval(
      this,
      () => this.querySelector(':scope > .objective > [data-list="action"]'),
      e.detail.index,
      () => this.querySelector(':scope > .objective > button.add'),
    );
  };
}
customElements.define('objective-item', ObjectiveItem);
