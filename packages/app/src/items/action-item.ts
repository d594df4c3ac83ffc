import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ACTION_STATUS_LABELS, formatUkDate, namesShownIn, type ActionSnapshot } from '@coplan/core';
import { PlanItem } from './plan-item.js';
import { listKeys } from './list-focus.js';
import type { MenuChoice } from './item-menu.js';
import type { ActionDetail } from '../components/action-detail.js';
import type { ProgressForm } from '../components/progress-form.js';
// <item-menu> is defined when the Plan tab's extras load (components/plan-extras.ts), just after the outline is on screen.
import '../components/editable-text.js';

/**
 * One action, compact: its text, leads, timescale and RAG on a few lines,
 * with one menu (move up, down, to another objective, add progress,
 * delete) and a details disclosure. It re-renders when its own action, or a
 * progress update on it, changes. A progress update being written on it, or a
 * correction of one, is the plan's (`ProgressDrafts`), not this element's:
 * drawn anew elsewhere (moved, or after a reload), the action shows the same
 * forms, in its details' log while they are open, else under the action.
 *
 * In a long plan, an objective off screen draws its actions first as plain
 * words, without this component (see `plainActions`); they become action items
 * when the objective comes near the screen, takes focus, holds a search
 * result's target, or in idle time: see {@link LiveUpgrades}.
 */
export class ActionItem extends PlanItem {
  static override properties = { ...PlanItem.properties, detail: { state: true } };
  protected readonly kind = 'action' as const;
  protected override readonly ownTextFields: ReadonlySet<string> = new Set(['text']);
  /** Whether the details (status, impact, leads, milestones, progress) are shown. */
  detail = false;
  /** The progress update being written on this action, if its form is open. */
  private get draft() {
    return this.scope?.drafts.get(this.entityId);
  }
  private get name(): string {
    return `action ${this.dotted}`;
  }

  /** Redrawn after its first time (details opened, a partner's words): its objective's size may have changed while off screen. */
  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (!changed.has('entityId')) (this.closest('objective-item') as (Element & { forgetSize?(): void }) | null)?.forgetSize?.();
  }

  /** The leads and partnerships it showed when it last rendered: renaming one re-renders this action, and only the actions that show it. */
  private names: ReturnType<typeof namesShownIn> = [];

  protected override alsoShown(): ReturnType<typeof namesShownIn> {
    return this.names;
  }

  override render() {
    const scope = this.scope;
    const a = scope?.plan.readAction(this.entityId);
    this.names = a ? namesShownIn(a) : [];
    if (!scope || !a) return nothing;
    if (scope.shown && !scope.shown.has(a.id)) return nothing;
    const ro = scope.readonly;
    const latest = a.updates[a.updates.length - 1];
    const label = `Action ${this.dotted}`;
    const tab = this.tabStop;
    const draft = this.draft;
    return html`<div class="action" role="group" aria-label=${label} aria-description=${listKeys('actions')} tabindex=${tab ? '0' : '-1'} @keydown=${this.onKey} data-action-id=${a.id} data-objective-id=${a.objectiveId} data-index=${this.number - 1}>
      ${this.liveHead(a, label, tab, ro)}
      ${latest ? html`<p class="latest">Latest progress (${formatUkDate(latest.date)}, ${latest.author}): ${latest.narrative}</p>` : nothing}
      ${this.moving ? this.moveList(a) : nothing}
      ${
        draft && !this.detail
          ? html`<progress-form class="new-update" .plan=${scope.plan} actionId=${a.id} name=${this.name} author=${scope.user.name} .currentRag=${a.rag} .draft=${draft} @progress-done=${this.progressDone}></progress-form>`
          : nothing
      }
      ${this.detail ? this.details(a) : this.corrections(a)}
    </div>`;
  }

  /** The action's editors, badge, details button, menu and drag handle. */
  private liveHead(a: ActionSnapshot, label: string, tab: boolean, ro: boolean) {
    const scope = this.scope!;
    return html`<div class="head">
        <span class="number" aria-hidden="true">${this.dotted}</span>
        <editable-text class="grow" ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="action" .entityId=${a.id} field="text" label=${label} placeholder="Describe the action" .tabbable=${tab}></editable-text>
        <rag-badge .rag=${a.rag}></rag-badge>${statusInPrint(a)}
        <button class="quiet" tabindex=${tab ? '0' : '-1'} aria-expanded=${this.detail ? 'true' : 'false'} aria-label=${`${this.detail ? 'Hide details of' : 'Show details of'} ${this.name}`} @click=${this.toggleDetail}>Details</button>
        ${ro ? nothing : html`<item-menu label=${`Actions for ${this.name}`} .choices=${this.choices()} .tabbable=${tab}></item-menu>`}
        ${ro ? nothing : html`<span class="drag" aria-hidden="true" title=${`Drag ${this.name} (or use its menu)`} data-drag="action" data-id=${a.id}>⠿</span>`}
      </div>
      <div class="facts">
        <span>Leads: ${a.leads.map((l) => l.name).join(', ') || 'none yet'}</span>
        <span class="timescale"><span class="label">Timescale</span><editable-text ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="action" .entityId=${a.id} field="timescale" label=${`Timescale of ${this.name}`} placeholder="When, e.g. by March 2026" .tabbable=${tab}></editable-text></span>
        ${a.timescale.due?.end ? html`<span>Due by ${formatUkDate(a.timescale.due.end)}</span>` : nothing}
        ${a.timescale.unparsed.length ? html`<span>Not read as a date: ${a.timescale.unparsed.join('; ')}</span>` : nothing}
      </div>`;
  }

  /** Corrections of its progress updates being written (the details hidden, or put back after a reload): under the action, as a new update's form is. */
  private corrections(a: ActionSnapshot) {
    const scope = this.scope!;
    if (scope.readonly) return nothing;
    const open = scope.drafts.editsOn(a.id).flatMap((id) => a.updates.filter((u) => u.id === id));
    // Keyed: a correction added or gone beside it leaves each form (its errors, its focus) with its own update.
    return repeat(
      open,
      (u) => u.id,
      (u) =>
        html`<progress-form .plan=${scope.plan} actionId=${a.id} name=${this.name} .entry=${u} .draft=${scope.drafts.getEdit(u.id)!} @progress-done=${(e: CustomEvent<{ saved: boolean }>) => this.correctionDone(u.id, e.detail?.saved === true)}></progress-form>`,
    );
  }

  /** A correction saved or cancelled under the action: it closes, and focus goes back to the action's menu. */
  private correctionDone(progressId: string, saved: boolean): void {
    this.scope!.drafts.closeEdit(progressId);
    this.requestUpdate();
    void this.focusMenu();
    if (saved) this.dispatchEvent(new CustomEvent('item-announce', { detail: `Correction saved to a progress update of ${this.itemName}.`, bubbles: true, composed: true }));
  }

  private details(a: ActionSnapshot) {
    const scope = this.scope!;
    const snapshot = scope.snapshot();
    return snapshot
      ? html`<action-detail .plan=${scope.plan} .drafts=${scope.drafts} .awareness=${scope.awareness} .snapshot=${snapshot} .action=${a} name=${this.name} author=${scope.user.name} ?readonly=${scope.readonly}></action-detail>`
      : nothing;
  }

  private choices(): MenuChoice[] {
    const plan = this.scope!.plan;
    const objectiveId = plan.readAction(this.entityId)?.objectiveId ?? null;
    return [
      { label: 'Move up', disabled: this.number <= 1, run: () => this.moveInList(objectiveId, this.number - 2) },
      { label: 'Move down', disabled: this.number >= this.count, run: () => this.moveInList(objectiveId, this.number) },
      { label: 'Move to another objective…', run: () => void this.openMove() },
      { label: 'Add progress…', run: () => void this.openProgress() },
      { label: 'Delete', run: () => this.remove_() },
    ];
  }

  private remove_(): void {
    this.dispatchEvent(new CustomEvent('item-delete', { detail: { kind: 'action', id: this.entityId, index: this.number - 1, name: this.itemName }, bubbles: true }));
  }

  private moveList(a: ActionSnapshot) {
    const plan = this.scope!.plan;
    const options = plan
      .childIds('priority', null)
      .flatMap((p, pi) => plan.childIds('objective', p).map((o, oi) => ({ id: o, label: `${pi + 1}.${oi + 1} ${(plan.readObjective(o)?.text ?? '').slice(0, 60)}` })));
    return this.moveForm('objective', options, a.objectiveId);
  }

  private readonly toggleDetail = async (): Promise<void> => {
    await import('../components/action-detail.js');
    this.detail = !this.detail;
  };

  /** "Add progress": the form loads on first use; with the details open, it is their log's form (one form at a time); already open, focus goes into it. */
  private async openProgress(): Promise<void> {
    await import('../components/progress-form.js');
    const detail = this.detail ? this.querySelector('action-detail') : null;
    if (detail) return void (detail as ActionDetail).openAdd();
    // A correction open under the action is not the new update's form.
    const open = this.querySelector('progress-form.new-update');
    if (open) return void (open.shadowRoot?.querySelector('input') as HTMLElement | null)?.focus();
    this.scope!.drafts.open(this.entityId);
    this.requestUpdate();
  }

  /** The progress form saved or was cancelled: it closes, and focus goes back to this action's menu. */
  private readonly progressDone = (e: CustomEvent<{ saved: boolean }>): void => {
    this.scope!.drafts.close(this.entityId);
    this.requestUpdate();
    void this.focusMenu();
    // Focus goes back to the menu: what happened to the update is said, not left to be guessed.
    if (e.detail?.saved) this.dispatchEvent(new CustomEvent('item-announce', { detail: `Progress update added to ${this.itemName}.`, bubbles: true, composed: true }));
  };

  /** Drawn anew where a partner moved it: focus goes back into the progress form it was in (a new update's or a correction's), else to the action. */
  override async focusFollowed(): Promise<void> {
    await this.whenDrawn();
    const forms = [...this.querySelectorAll('progress-form'), ...(this.querySelector('action-detail')?.shadowRoot?.querySelectorAll('progress-form') ?? [])] as ProgressForm[];
    for (const form of forms) if (await form.takeFocusBack()) return;
    await this.focusItem();
  }
}
customElements.define('action-item', ActionItem);

/** The action's status in words beside its RAG, printed only (on screen it is in the details). */
const statusInPrint = (a: ActionSnapshot) => html`<span class="print-only">Status: ${ACTION_STATUS_LABELS[a.status]}</span>`;
