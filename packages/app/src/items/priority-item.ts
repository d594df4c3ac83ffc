import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { focusAfterRemoval, PlanItem } from './plan-item.js';
import type { MenuChoice } from './item-menu.js';
import './item-menu.js';
import './objective-item.js';
import './text-list-field.js';
import '../components/editable-text.js';

/**
 * One priority: its title, owner, aim, what success looks like and its focus
 * areas, all editable; one menu (move up, down, delete); and its objectives
 * keyed by id. It re-renders when its own priority or its list of objectives
 * changes.
 */
export class PriorityItem extends PlanItem {
  protected readonly kind = 'priority' as const;

  private get name(): string {
    return `priority ${this.dotted}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('item-delete', this.onDelete as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('item-delete', this.onDelete as EventListener);
  }

  override render() {
    const scope = this.scope;
    const p = scope?.plan.readPriority(this.entityId);
    if (!scope || !p) return nothing;
    const ro = scope.readonly;
    const objectives = scope.plan.childIds('objective', p.id);
    const field = (name: string, label: string, placeholder: string) =>
      html`<editable-text ?readonly=${ro} .awareness=${scope.awareness} .plan=${scope.plan} kind="priority" .entityId=${p.id} field=${name} label=${label} placeholder=${placeholder}></editable-text>`;
    return html`<section class="priority" data-priority-id=${p.id} data-index=${this.number - 1} aria-labelledby="p-${p.id}">
      <div class="head">
        <h2 id="p-${p.id}">Priority ${this.number}</h2>
        <span class="grow"></span>
        ${ro ? nothing : html`<item-menu label=${`Actions for ${this.name}`} .choices=${this.choices()}></item-menu>`}
        ${ro ? nothing : html`<button class="drag" tabindex="-1" aria-label=${`Drag ${this.name} (or use its menu)`} data-drag="priority" data-id=${p.id}>⠿</button>`}
      </div>
      ${field('title', `Priority ${this.number} title`, 'Name the priority')}
      <div class="fields">
        <div><div class="label">Owner</div>${field('owner', `Owner of priority ${this.number}`, 'Who owns it, e.g. the Quality Assurance Sub-group')}</div>
        <div><div class="label">Aim</div>${field('aim', `Priority ${this.number} aim`, 'What it aims to achieve')}</div>
      </div>
      <div class="fields">
        <text-list-field .plan=${scope.plan} .entityId=${p.id} field="successStatements" .items=${p.successStatements} ?readonly=${ro} label="What will success look like?" name=${`success statements of priority ${this.number}`}></text-list-field>
        <text-list-field .plan=${scope.plan} .entityId=${p.id} field="focusAreas" .items=${p.focusAreas} ?readonly=${ro} label="Focus areas" name=${`focus areas of priority ${this.number}`}></text-list-field>
      </div>
      <div class="list" data-list="objective">
        ${repeat(
          objectives,
          (id) => id,
          (id, i) => html`<objective-item .entityId=${id} .number=${i + 1} .count=${objectives.length} .numberPrefix=${this.dotted}></objective-item>`,
        )}
      </div>
      ${ro ? nothing : html`<button class="add" @click=${this.addObjective}>Add an objective to ${this.name}</button>`}
    </section>`;
  }

  private choices(): MenuChoice[] {
    return [
      { label: 'Move up', disabled: this.number <= 1, run: () => this.moveTo(this.number - 2) },
      { label: 'Move down', disabled: this.number >= this.count, run: () => this.moveTo(this.number) },
      { label: 'Delete', run: () => this.dispatchEvent(new CustomEvent('item-delete', { detail: { kind: 'priority', id: this.entityId, index: this.number - 1 }, bubbles: true })) },
    ];
  }

  private moveTo(index: number): void {
    if (this.run(() => this.scope!.plan.move('priority', this.entityId, { parentId: null, index }))) void this.focusMenu();
  }

  /** A new objective starts empty, with the caret in it. */
  private readonly addObjective = async (): Promise<void> => {
    let id = '';
    if (!this.run(() => (id = this.scope!.plan.addEmpty('objective', { parentId: this.entityId })))) return;
    await this.updateComplete;
    await [...this.querySelectorAll<PlanItem>('objective-item')].find((el) => el.entityId === id)?.focusText();
  };

  /** An objective of this priority asked to be deleted: it goes to the bin, and focus to its neighbour. */
  private readonly onDelete = (e: CustomEvent<{ kind: string; id: string; index: number }>): void => {
    if (e.detail.kind !== 'objective') return;
    e.stopPropagation();
    if (!this.run(() => this.scope!.plan.delete('objective', e.detail.id))) return;
    void focusAfterRemoval(
      this,
      () => this.querySelector(':scope > section > [data-list="objective"]'),
      e.detail.index,
      () => this.querySelector(':scope > section > button.add'),
    );
  };
}
customElements.define('priority-item', PriorityItem);
