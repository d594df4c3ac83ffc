import { html, nothing } from 'lit';
import { Follow } from '../state/follow.js';
import { PlanPart } from './plan-part.js';
import type { PlanTab } from './plan-tabs.js';

/**
 * Where the plan's other views are shown (register, dashboard, scorecard,
 * versions, leads, reports, governance), each once its code has loaded
 * (`PlanLoads.tabs`, which loads this part with the first of them), with the
 * whole plan as last read. Until a view's code is here, the plan view shows
 * that it is loading, or what went wrong with a Try again button.
 */
export class PlanTabViews extends PlanPart {
  static override properties = { tab: {}, meetingId: {} };
  /** The view shown now; the plan tab is not this host's. */
  tab: PlanTab = 'plan';
  /** The meeting open on Governance ('' for none). */
  meetingId = '';

  constructor() {
    super();
    new Follow(this, () => this.open.value?.snapshots);
    new Follow(this, () => this.open.value?.access);
    new Follow(this, () => this.open.value?.loads);
  }

  override render() {
    const open = this.open.value;
    const plan = open?.session.plan;
    const s = open?.snapshots.snapshot;
    if (!open || !plan || !s || this.tab === 'plan') return nothing;
    if (!open.loads.tabs[this.tab].module) return nothing;
    const ro = open.access.readonly;
    switch (this.tab) {
      case 'register':
        return html`<register-view .plan=${plan} .snapshot=${s} ?readonly=${ro} author=${open.session.user.name}></register-view>`;
      case 'dashboard':
        return html`<dashboard-view .snapshot=${s}></dashboard-view>`;
      case 'scorecard':
        return html`<scorecard-view .plan=${plan} ?readonly=${ro}></scorecard-view>`;
      case 'leads':
        return html`<leads-view .plan=${plan} .snapshot=${s} ?readonly=${ro}></leads-view>`;
      case 'reports':
        return html`<reports-view .snapshot=${s} .governance=${new open.loads.tabs.reports.module!.Governance(plan).snapshot()}></reports-view>`;
      case 'governance':
        return html`<governance-view .plan=${plan} .meetingId=${this.meetingId} ?readonly=${ro}></governance-view>`;
      case 'versions':
        return html`<versions-view .plan=${plan} .snapshot=${s} ?readonly=${ro}></versions-view>`;
    }
  }
}
customElements.define('plan-tab-views', PlanTabViews);
