import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { Follow } from '../state/follow.js';
import { planContext } from '../state/plan-context.js';
import { PlanPart } from './plan-part.js';
import '../items/plan-outline.js';

/**
 * The Plan view: search, the action filter (and how many actions it keeps),
 * which arrive with the Plan tab's extras just after the outline is on screen
 * (a loading line, or what went wrong, until then), and the outline of priorities, objectives and actions, whose items follow
 * their own entities. Kept in the page (hidden) while another view is shown.
 *
 * The filter's `filter-change` events bubble from here to the plan view,
 * which provides the actions it keeps to every item.
 */
export class PlanTab extends PlanPart {
  private readonly scope = new ContextConsumer(this, { context: planContext, subscribe: true });

  constructor() {
    super();
    new Follow(this, () => this.open.value?.snapshots);
    new Follow(this, () => this.open.value?.loads);
  }

  override render() {
    const plan = this.open.value?.session.plan;
    const s = this.open.value?.snapshots.snapshot;
    if (!plan || !s) return nothing;
    const shown = this.scope.value?.shown ?? null;
    const extras = this.open.value?.loads.extras;
    return html`${extras?.module ? html`<div class="find-row"><plan-search .plan=${plan}></plan-search><action-filters .snapshot=${s}></action-filters></div>` : html`<div class="find-row find-row-place">${extras?.placeholder()}</div>`}
      ${shown && extras?.module ? html`<p role="status">Showing ${shown.size} of ${extras.module.listActions(s).length} actions that match the filter.</p>` : nothing}
      <plan-outline></plan-outline>`;
  }
}
customElements.define('plan-tab', PlanTab);
