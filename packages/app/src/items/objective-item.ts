import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PlanItem } from './plan-item.js';
import { listKeys } from './list-focus.js';
import { ChildItems } from './child-items.js';
import { upgradesFor, type LiveUpgrades } from './live-upgrades.js';
import { plainActions } from './plain-actions.js';
import type { MenuChoice } from './item-menu.js';
import type { EntityKind, PlanChange } from '@coplan/core';
// <item-menu> is defined when the Plan tab's extras load (components/plan-extras.ts), just after the outline is on screen.
import './action-item.js';
import '../components/editable-text.js';

/**
 * One objective: its text, one menu (move up, down, to another priority,
 * delete), and its actions keyed by id. It re-renders when its own objective
 * changes or its list of actions does, never for the rest of the plan. In a
 * long plan, an objective past the first screen draws its actions a moment
 * after the first screen is up, as plain words (one pass, no component per action; kept current
 * as partners edit: it then follows each of its actions), and they become
 * action items (editors, menu, presence) when it comes near the screen, takes
 * focus, holds a search result's target, or in idle time (see {@link LiveUpgrades}).
 */
export class ObjectiveItem extends PlanItem {
  /** Whether its actions are drawn as action items (live editors); false while they are plain words; null until first drawn. */
  actionsLive: boolean | null = null;
  private upgrades: LiveUpgrades | null = null;
  /** The entities its plain words come from (its actions, their leads), as it last drew them. */
  private follows: Array<{ kind: EntityKind; id: string }> = [];
  protected readonly kind = 'objective' as const;
  protected override readonly ownTextFields: ReadonlySet<string> = new Set(['text']);
  protected override readonly childKind = 'action' as const;
  /** Its actions: drawn a moment later past a long plan's first screen, roving focus among them, added and deleted. */
  private readonly actionList: ChildItems = new ChildItems(this, {
    kind: 'action',
    level: 'objective',
    tag: 'action-item',
    within: ':scope > .objective',
    plan: () => this.scope?.plan,
    run: (fn) => this.run(fn),
    weight: () => this.actionList.ids().length,
    holds: (kind, id) => kind === 'action' && this.actionList.ids().includes(id),
    reachable: (ids) => this.reachable(ids),
    focusIn: (e) => this.onFocusIn(e),
  });

  private get name(): string {
    return `objective ${this.dotted}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.upgrades = upgradesFor(this);
    // Back in the page as plain words (the outline was away and has new upgrades): ask again at the next render.
    if (this.actionsLive === false) {
      this.actionsLive = null;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.upgrades?.withdraw(this);
  }

  /** Takes its next stage: draws its actions (as plain words, or live on the first screen), or makes the plain words live. */
  readonly goLive = (): void => {
    if (!this.actionList.later.drawn) this.actionList.later.draw();
    else if (!this.actionsLive) {
      this.actionsLive = true;
      this.requestUpdate();
    }
  };

  /** Draws its actions live now, and resolves once they are drawn with their text boxes. */
  async ensureLive(): Promise<void> {
    if (!this.actionsLive) {
      this.upgrades?.withdraw(this);
      this.actionsLive = true;
      this.actionList.later.draw();
      this.requestUpdate();
    }
    await this.updateComplete;
    const items = [...this.querySelectorAll<PlanItem>(':scope > .objective > [data-list="action"] > action-item')];
    await Promise.all(items.map((i) => i.updateComplete));
    await Promise.all(items.flatMap((i) => [...i.querySelectorAll<PlanItem>('editable-text')].map((t) => t.updateComplete)));
  }

  /** A search result in one of its actions: draws its actions live first. */
  async reveal(kind: string, id: string): Promise<void> {
    if (kind === 'action' && this.actionList.ids().includes(id)) await this.ensureLive();
  }

  /** Focus came in: its actions go live; if it was on an action's plain words, it goes to that action, live. */
  private onFocusIn(e: FocusEvent): void {
    if (this.actionsLive) return;
    const plain = (e.target as Element).closest?.('.action.plain') as HTMLElement | null;
    void this.ensureLive().then(() => [...this.querySelectorAll<PlanItem>('action-item')].find((el) => el.entityId === plain?.dataset.actionId)?.focusItem());
  }

  /** While its actions are plain words, it follows each of them (their words, progress and leads show here). */
  protected override alsoShown(): ReadonlyArray<{ kind: EntityKind; id: string }> {
    return this.actionsLive === false ? this.follows : [];
  }

  protected override concerns(e: PlanChange['entities'][number]): boolean {
    if (this.actionsLive === false && e.kind !== this.kind) return true;
    return super.concerns(e);
  }

  override render() {
    const scope = this.scope;
    const o = scope?.plan.readObjective(this.entityId);
    if (!scope || !o) return nothing;
    const ro = scope.readonly;
    const actions = scope.plan.childIds('action', o.id);
    const label = `Objective ${this.dotted}`;
    const tab = this.tabStop;
    const stop = this.actionList.focus.stop(this.reachable(actions));
    this.holdPlace(actions.length, o.text.length);
    const drawn = this.actionList.later.drawn;
    // A progress update being written or corrected on one of its actions (put back after a reload, or moved here by a partner) shows in its form: live.
    const drafting = actions.some((id) => scope.drafts.drafting(id));
    if (drawn && this.actionsLive === null) this.actionsLive = drafting || (this.upgrades?.enlist(this, actions.length) ?? true);
    if (drawn && !this.actionsLive && drafting) queueMicrotask(() => void this.ensureLive());
    const plain = drawn && !this.actionsLive ? plainActions({ plan: scope.plan, objectiveId: o.id, prefix: this.dotted, stop: tab ? (stop ?? null) : null, shown: scope.shown }) : null;
    this.follows = plain?.follows ?? [];
    return html`<div class="objective" role="group" aria-label=${label} aria-description=${listKeys('objectives')} tabindex=${tab ? '0' : '-1'} @keydown=${this.onKey} data-objective-id=${o.id} data-priority-id=${o.priorityId} data-index=${this.number - 1}>
      <div class="head">
        <span class="number">Objective ${this.dotted}</span>
        <editable-text class="grow" ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="objective" .entityId=${o.id} field="text" label=${label} placeholder="Describe the objective" .tabbable=${tab}></editable-text>
        ${ro ? nothing : html`<item-menu label=${`Actions for ${this.name}`} .choices=${this.choices(o.priorityId)} .tabbable=${tab}></item-menu>`}
        ${ro ? nothing : html`<span class="drag" aria-hidden="true" title=${`Drag ${this.name} (or use its menu)`} data-drag="objective" data-id=${o.id}>⠿</span>`}
      </div>
      ${this.moving ? this.moveList(o.priorityId) : nothing}
      <div class="list" data-list="action">
        ${
          plain
            ? plain.nodes
            : drawn
              ? repeat(
                  actions,
                  (id) => id,
                  (id, i) => html`<action-item .entityId=${id} .number=${i + 1} .count=${actions.length} .numberPrefix=${this.dotted} .tabStop=${tab && id === stop}></action-item>`,
                )
              : (this.actionList.later.standIn ?? nothing)
        }
      </div>
      ${ro ? nothing : html`<button class="add" data-add="action" tabindex=${tab ? '0' : '-1'} @click=${this.actionList.add}>Add an action to ${this.name}</button>`}
    </div>`;
  }

  /**
   * Off screen, the outline keeps the objective's place without laying it out
   * (`content-visibility: auto`): its number of actions and of words' letters
   * size that place, generously, until it has been on screen once.
   */
  private holdPlace(actions: number, chars: number): void {
    if (this.style.getPropertyValue('--actions') !== String(actions)) this.style.setProperty('--actions', String(actions));
    if (this.style.getPropertyValue('--chars') !== String(chars)) this.style.setProperty('--chars', String(chars));
  }

  private forgetting = false;

  /**
   * Its contents changed (an action went live, opened its details, or was
   * redrawn with a partner's words, or the list of actions changed), perhaps
   * while it was off screen, where the browser keeps the size it last had and
   * does not lay it out again: it drops that size, so its place is the
   * estimate again (never too small) until it is next laid out. The browser
   * drops a remembered size when it checks sizes (with ResizeObserver, after
   * a frame's layout) and finds it without `auto`: for two frames it has none.
   */
  forgetSize(): void {
    if (this.forgetting) return;
    this.forgetting = true;
    this.classList.add('forget-size');
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        this.classList.remove('forget-size');
        this.forgetting = false;
      }),
    );
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (!changed.has('entityId')) this.forgetSize();
  }

  /** The actions drawn: those a filter keeps (the tab stop and the arrow keys skip the others). */
  private reachable(ids: string[]): string[] {
    const shown = this.scope?.shown;
    return shown ? ids.filter((id) => shown.has(id)) : ids;
  }

  private choices(priorityId: string): MenuChoice[] {
    return [
      { label: 'Move up', disabled: this.number <= 1, run: () => this.moveInList(priorityId, this.number - 2) },
      { label: 'Move down', disabled: this.number >= this.count, run: () => this.moveInList(priorityId, this.number) },
      { label: 'Move to another priority…', run: () => void this.openMove() },
      {
        label: 'Delete',
        run: () => this.dispatchEvent(new CustomEvent('item-delete', { detail: { kind: 'objective', id: this.entityId, index: this.number - 1, name: this.itemName }, bubbles: true })),
      },
    ];
  }

  private moveList(current: string) {
    const plan = this.scope!.plan;
    const options = plan.childIds('priority', null).map((p, i) => ({ id: p, label: `${i + 1}. ${(plan.readPriority(p)?.title ?? '').slice(0, 60)}` }));
    return this.moveForm('priority', options, current);
  }
}
customElements.define('objective-item', ObjectiveItem);
