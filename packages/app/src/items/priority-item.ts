import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PlanItem } from './plan-item.js';
import { listKeys } from './list-focus.js';
import { ChildItems } from './child-items.js';
import type { MenuChoice } from './item-menu.js';
// <item-menu> is defined when the Plan tab's extras load (components/plan-extras.ts), just after the outline is on screen.
import './objective-item.js';
import './text-list-field.js';
import '../components/editable-text.js';

/**
 * One priority: its title, owner, aim, what success looks like and its focus
 * areas, all editable; one menu (move up, down, delete); and its objectives
 * keyed by id. It re-renders when its own priority or its list of objectives
 * changes. Past a long plan's first screen, its objectives are drawn a moment
 * after the first screen is up.
 */
export class PriorityItem extends PlanItem {
  protected readonly kind = 'priority' as const;
  // Owner and aim re-render it when they change: an empty one is marked so that print leaves out its heading.
  protected override readonly ownTextFields: ReadonlySet<string> = new Set(['title']);
  protected override readonly childKind = 'objective' as const;
  /** Its objectives: drawn a moment later past a long plan's first screen, roving focus among them, added and deleted. */
  private readonly objectiveList: ChildItems = new ChildItems(this, {
    kind: 'objective',
    level: 'priority',
    tag: 'objective-item',
    within: ':scope > section',
    plan: () => this.scope?.plan,
    run: (fn) => this.run(fn),
    weight: () => this.objectiveList.ids().reduce((n, o) => n + (this.scope?.plan.childIds('action', o).length ?? 0), 0),
    holds: (kind, id) => {
      const plan = this.scope?.plan;
      const objectiveId = kind === 'action' ? plan?.readAction(id)?.objectiveId : kind === 'objective' ? id : undefined;
      return !!objectiveId && this.objectiveList.ids().includes(objectiveId);
    },
  });

  private get name(): string {
    return `priority ${this.dotted}`;
  }

  /** Draws its objectives (its turn came, focus came in, or it came near the screen). */
  readonly goLive = (): void => this.objectiveList.later.draw();

  /** A search result in one of its objectives or their actions: draws its objectives first. */
  reveal(kind: string, id: string): Promise<void> {
    return this.objectiveList.later.reveal(kind, id);
  }

  override render() {
    const scope = this.scope;
    const p = scope?.plan.readPriority(this.entityId);
    if (!scope || !p) return nothing;
    const ro = scope.readonly;
    const objectives = scope.plan.childIds('objective', p.id);
    const tab = this.tabStop;
    const stop = this.objectiveList.focus.stop(objectives);
    const field = (name: string, label: string, placeholder: string) =>
      html`<editable-text ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="priority" .entityId=${p.id} field=${name} label=${label} placeholder=${placeholder} .tabbable=${tab}></editable-text>`;
    return html`<section class="priority" tabindex=${tab ? '0' : '-1'} @keydown=${this.onKey} data-priority-id=${p.id} data-index=${this.number - 1} aria-labelledby="p-${p.id}" aria-description=${listKeys('priorities')}>
      <div class="head">
        <h2 id="p-${p.id}">Priority ${this.number}</h2>
        <span class="grow"></span>
        ${ro ? nothing : html`<item-menu label=${`Actions for ${this.name}`} .choices=${this.choices()} .tabbable=${tab}></item-menu>`}
        ${ro ? nothing : html`<span class="drag" aria-hidden="true" title=${`Drag ${this.name} (or use its menu)`} data-drag="priority" data-id=${p.id}>⠿</span>`}
      </div>
      ${field('title', `Priority ${this.number} title`, 'Name the priority')}
      <div class="fields">
        <div ?data-empty=${!p.owner.trim()}><div class="label">Owner</div>${field('owner', `Owner of priority ${this.number}`, 'Who owns it, e.g. the Quality Assurance Sub-group')}</div>
        <div ?data-empty=${!p.aim.trim()}><div class="label">Aim</div>${field('aim', `Priority ${this.number} aim`, 'What it aims to achieve')}</div>
      </div>
      <div class="fields lists">
        <text-list-field .plan=${scope.plan} .awareness=${scope.awareness} .entityId=${p.id} field="successStatements" .items=${p.successStatements} ?readonly=${ro} .tabbable=${tab} label="What will success look like?" name=${`success statements of priority ${this.number}`}></text-list-field>
        <text-list-field .plan=${scope.plan} .awareness=${scope.awareness} .entityId=${p.id} field="focusAreas" .items=${p.focusAreas} ?readonly=${ro} .tabbable=${tab} label="Focus areas" name=${`focus areas of priority ${this.number}`}></text-list-field>
      </div>
      <div class="list" data-list="objective">
        ${
          this.objectiveList.later.drawn
            ? repeat(
                objectives,
                (id) => id,
                (id, i) => html`<objective-item .entityId=${id} .number=${i + 1} .count=${objectives.length} .numberPrefix=${this.dotted} .tabStop=${tab && id === stop}></objective-item>`,
              )
            : (this.objectiveList.later.standIn ?? nothing)
        }
      </div>
      ${ro ? nothing : html`<button class="add" tabindex=${tab ? '0' : '-1'} @click=${this.objectiveList.add}>Add an objective to ${this.name}</button>`}
    </section>`;
  }

  private choices(): MenuChoice[] {
    return [
      { label: 'Move up', disabled: this.number <= 1, run: () => this.moveInList(null, this.number - 2) },
      { label: 'Move down', disabled: this.number >= this.count, run: () => this.moveInList(null, this.number) },
      {
        label: 'Delete',
        run: () => this.dispatchEvent(new CustomEvent('item-delete', { detail: { kind: 'priority', id: this.entityId, index: this.number - 1, name: this.itemName }, bubbles: true })),
      },
    ];
  }
}
customElements.define('priority-item', PriorityItem);
