import { html, nothing } from 'lit';
import { PlanPart } from './plan-part.js';
import { PLAN_STATUS_LABELS, formatUkDate } from '@coplan/core';
import { Follow } from '../state/follow.js';
import type { EditableText } from './editable-text.js';
import './editable-text.js';

/**
 * The plan's heading: its title, then its partnerships, period, version and
 * status on one line, its vision, and "About this plan" (shown once the Plan
 * tab's extras define it). An empty vision is one "Add a vision" button beside
 * "About this plan", not an empty box (a viewer sees nothing); it becomes the
 * vision's box, caret in it, and turns back into the button if left empty.
 */
export class PlanHeader extends PlanPart {
  static override properties = { addingVision: { state: true } };
  /** The person chose "Add a vision": the box shows while they are in it, though still empty. */
  addingVision = false;

  constructor() {
    super();
    new Follow(this, () => this.open.value?.snapshots);
    new Follow(this, () => this.open.value?.access);
  }

  override render() {
    const open = this.open.value;
    const plan = open?.session.plan;
    const s = open?.snapshots.snapshot;
    if (!open || !plan || !s) return nothing;
    const ro = open.access.readonly;
    const awareness = open.session.connection?.awareness;
    const facts = [
      s.partnerships.map((p) => p.name).join(' and '),
      s.period ? `Period ${formatUkDate(s.period.start)} to ${formatUkDate(s.period.end)}` : '',
      s.versionLabel ? `Version ${s.versionLabel}` : '',
      `Status: ${PLAN_STATUS_LABELS[s.status]}`,
    ].filter(Boolean);
    const visionBox = s.vision.trim() !== '' || this.addingVision;
    return html`<header>
      <h1><editable-text ?readonly=${ro} .awareness=${awareness} .plan=${plan} kind="plan" field="title" label="Plan title"></editable-text></h1>
      <p class="meta">${facts.join(' · ')}</p>
      ${
        visionBox
          ? html`<div class="vision" @focusout=${this.leftVision}><div class="label">Vision</div>
            <editable-text ?readonly=${ro} .awareness=${awareness} .plan=${plan} kind="plan" field="vision" label="Vision"></editable-text></div>`
          : nothing
      }
      <div class="header-row">
        ${visionBox || ro ? nothing : html`<button class="add-vision" @click=${this.addVision}>Add a vision</button>`}
        <plan-details></plan-details>
      </div>
    </header>`;
  }

  /** "Add a vision": the vision's box, with the caret in it. */
  private readonly addVision = async (): Promise<void> => {
    this.addingVision = true;
    await this.updateComplete;
    const box = this.querySelector<EditableText>('editable-text[field="vision"]');
    await box?.updateComplete;
    await box?.focusText();
  };

  /** Left the vision's box: if it is still empty (its live words: the plan is re-read a moment after typing), it is the button again. */
  private readonly leftVision = (e: FocusEvent): void => {
    if (!this.addingVision || (e.relatedTarget instanceof Node && (e.currentTarget as HTMLElement).contains(e.relatedTarget))) return;
    this.addingVision = this.open.value?.session.plan?.textOf('plan', '', 'vision').toString().trim() !== '';
  };
}
customElements.define('plan-header', PlanHeader);
