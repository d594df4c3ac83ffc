import { html } from 'lit';
import { PlanPart } from './plan-part.js';
import { TAB_NAMES, type PlanTab } from './plan-tabs.js';

/**
 * The row of a plan's views (Plan, Register, Dashboard, …), the one shown
 * pressed.
 *
 * @fires tab-chosen - a view was chosen (detail: its {@link PlanTab})
 */
export class PlanTabBar extends PlanPart {
  static override properties = { tab: {} };
  /** The view shown now. */
  tab: PlanTab = 'plan';

  override render() {
    return html`<nav aria-label="Views of this plan">
      ${Object.entries(TAB_NAMES).map(([t, name]) => html`<button aria-pressed=${this.tab === t ? 'true' : 'false'} @click=${() => this.choose(t as PlanTab)}>${name}</button>`)}
    </nav>`;
  }

  private choose(tab: PlanTab): void {
    this.dispatchEvent(new CustomEvent<PlanTab>('tab-chosen', { detail: tab, bubbles: true, composed: true }));
  }
}
customElements.define('plan-tab-bar', PlanTabBar);
