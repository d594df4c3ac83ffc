import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { openPlanContext } from '../state/plan-context.js';

/**
 * One part of the plan screen (its toolbar, header, tabs, banners): renders
 * into the plan view's own page rather than a shadow root of its own, so the
 * screen has one stylesheet, and finding a field anywhere on it (a search
 * result, "About this plan") still looks in one place. The plan view gives
 * each part `display: contents`, so it adds no box to the layout.
 */
export class PlanPart extends LitElement {
  /** The open plan (its session, access, snapshots and on-demand parts), as the plan view provides it. */
  protected readonly open = new ContextConsumer(this, { context: openPlanContext });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
