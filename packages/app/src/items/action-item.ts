import { html, nothing } from 'lit';
import { formatUkDate, type ActionSnapshot } from '@coplan/core';
import { PlanItem } from './plan-item.js';
import type { MenuChoice } from './item-menu.js';
import './item-menu.js';
import '../components/editable-text.js';
import '../components/rag-badge.js';

/**
 * One action, compact: its text, leads, timescale and RAG on a few lines,
 * with one menu (move up, down, to another objective, add progress,
 * delete) and a details disclosure. It re-renders when its own action, or a
 * progress update on it, changes.
 */
export class ActionItem extends PlanItem {
  static override properties = { ...PlanItem.properties, tabStop: { attribute: false }, detail: { state: true }, updating: { state: true } };
  /**
   * Whether this action holds its list's one tab stop (roving focus): Tab
   * enters an objective's actions once, at this one, and the arrow keys move
   * between them; the other actions' fields are left out of the Tab order.
   */
  tabStop = true;
  protected readonly kind = 'action' as const;
  /** Whether the details (status, impact, leads, milestones, progress) are shown. */
  detail = false;
  /** Whether the progress form is open. */
  updating = false;
  /** Whether the "move to objective" list is open (built only when asked for: a plan can have 1,000 actions). */

  private get name(): string {
    return `action ${this.dotted}`;
  }

  override render() {
    const scope = this.scope;
    const a = scope?.plan.readAction(this.entityId);
    if (!scope || !a) return nothing;
    if (scope.shown && !scope.shown.has(a.id)) return nothing;
    const ro = scope.readonly;
    const latest = a.updates[a.updates.length - 1];
    const label = `Action ${this.dotted}`;
    const tab = this.tabStop;
    return html`<div class="action" role="group" aria-label=${label} tabindex=${tab ? '0' : '-1'} @keydown=${this.onKey} data-action-id=${a.id} data-objective-id=${a.objectiveId} data-index=${this.number - 1}>
      <div class="head">
        <span class="number" aria-hidden="true">${this.dotted}</span>
        <editable-text class="grow" ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="action" .entityId=${a.id} field="text" label=${label} placeholder="Describe the action" ?tabbable=${tab}></editable-text>
        <rag-badge .rag=${a.rag}></rag-badge>
        <button class="quiet" tabindex=${tab ? '0' : '-1'} aria-expanded=${this.detail ? 'true' : 'false'} aria-label=${`${this.detail ? 'Hide details of' : 'Show details of'} ${this.name}`} @click=${this.toggleDetail}>Details</button>
        ${ro ? nothing : html`<item-menu label=${`Actions for ${this.name}`} .choices=${this.choices()} ?tabbable=${tab}></item-menu>`}
        ${ro ? nothing : html`<button class="drag" tabindex="-1" aria-label=${`Drag ${this.name} (or use its menu)`} data-drag="action" data-id=${a.id}>⠿</button>`}
      </div>
      <div class="facts">
        <span>Leads: ${a.leads.map((l) => l.name).join(', ') || 'none yet'}</span>
        <span class="timescale"><span class="label">Timescale</span><editable-text ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="action" .entityId=${a.id} field="timescale" label=${`Timescale of ${this.name}`} placeholder="When, e.g. by March 2026" ?tabbable=${tab}></editable-text></span>
        ${a.timescale.due?.end ? html`<span>Due by ${formatUkDate(a.timescale.due.end)}</span>` : nothing}
        ${a.timescale.unparsed.length ? html`<span>Not read as a date: ${a.timescale.unparsed.join('; ')}</span>` : nothing}
      </div>
      ${latest ? html`<p class="latest">Latest progress (${formatUkDate(latest.date)}, ${latest.author}): ${latest.narrative}</p>` : nothing}
      ${this.moving ? this.moveList(a) : nothing}
      ${
        this.updating
          ? html`<progress-form .plan=${scope.plan} actionId=${a.id} name=${this.name} author=${scope.user.name} .currentRag=${a.rag} @progress-done=${this.progressDone}></progress-form>`
          : nothing
      }
      ${this.detail ? this.details(a) : nothing}
    </div>`;
  }

  /** On the action itself (not in one of its fields): Up, Down, Home and End move to another action of the list. */
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.target !== e.currentTarget) return;
    const step = { ArrowUp: 'previous', ArrowDown: 'next', Home: 'first', End: 'last' }[e.key];
    if (!step) return;
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('item-step', { detail: { kind: 'action', id: this.entityId, step }, bubbles: true }));
  };

  /** Puts focus on the action itself, as the arrow keys do. */
  async focusItem(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('.action')?.focus();
  }

  private details(a: ActionSnapshot) {
    const scope = this.scope!;
    const snapshot = scope.snapshot();
    return snapshot
      ? html`<action-detail .plan=${scope.plan} .awareness=${scope.awareness} .snapshot=${snapshot} .action=${a} name=${this.name} ?readonly=${scope.readonly}></action-detail>`
      : nothing;
  }

  private choices(): MenuChoice[] {
    const plan = this.scope!.plan;
    const objectiveId = plan.readAction(this.entityId)?.objectiveId ?? null;
    return [
      { label: 'Move up', disabled: this.number <= 1, run: () => this.moveWithin(objectiveId, this.number - 2) },
      { label: 'Move down', disabled: this.number >= this.count, run: () => this.moveWithin(objectiveId, this.number) },
      { label: 'Move to another objective…', run: () => void this.openMove() },
      { label: 'Add progress…', run: () => void this.openProgress() },
      { label: 'Delete', run: () => this.remove_() },
    ];
  }

  /** Moves within the objective, and keeps focus on this action's menu as it moves. */
  private moveWithin(parentId: string | null, index: number): void {
    if (this.run(() => this.scope!.plan.move('action', this.entityId, { parentId, index }))) void this.focusMenu();
  }

  private remove_(): void {
    this.dispatchEvent(new CustomEvent('item-delete', { detail: { kind: 'action', id: this.entityId, index: this.number - 1 }, bubbles: true }));
  }

  private moveList(a: ActionSnapshot) {
    const plan = this.scope!.plan;
    const options = plan
      .childIds('priority', null)
      .flatMap((p, pi) => plan.childIds('objective', p).map((o, oi) => ({ id: o, label: `${pi + 1}.${oi + 1} ${(plan.readObjective(o)?.text ?? '').slice(0, 60)}` })));
    return html`<label class="move-to">Move to objective
      <select aria-label=${`Move ${this.name} to objective`} @change=${this.moveToChosenParent} @keydown=${this.closeMoveOnEscape}>
        ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === a.objectiveId}>${o.label}</option>`)}
      </select></label>`;
  }

  private readonly toggleDetail = async (): Promise<void> => {
    await import('../components/action-detail.js');
    this.detail = !this.detail;
  };

  /** "Add progress": the form loads on first use. */
  private async openProgress(): Promise<void> {
    await import('../components/progress-form.js');
    this.updating = true;
  }

  /** The progress form saved or was cancelled: it closes, and focus goes back to this action's menu. */
  private readonly progressDone = (): void => {
    this.updating = false;
    void this.focusMenu();
  };
}
customElements.define('action-item', ActionItem);
