import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '@coplan/core';
import type * as Y from 'yjs';

/** The browser's title for a screen: what it shows, then the app ("Register – LSCB Business Plan 2015/16 – Coplan"), so a tab, the history and a screen reader say where the person is (WCAG 2.4.2). */
export function pageTitle(...parts: string[]): string {
  return [...parts.map((p) => p.trim()).filter(Boolean), 'Coplan'].join(' – ');
}

/**
 * Keeps the browser's title on a plan's screen: the view shown and the plan's
 * title, following the title as anyone types it (it is read from its text, not
 * from a snapshot of the plan, which typing does not renew).
 *
 * @example new PlanPageTitle(this, () => ({ plan: this.session.plan, view: TAB_NAMES[this.tab] }));
 */
export class PlanPageTitle implements ReactiveController {
  private text: Y.Text | null = null;
  private view = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly read: () => { plan: Plan | null | undefined; view: string },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { plan, view } = this.read();
    const text = plan ? plan.textOf('plan', '', 'title') : null;
    if (text !== this.text) {
      this.text?.unobserve(this.write);
      this.text = text;
      text?.observe(this.write);
    }
    this.view = view;
    this.write();
  }

  hostDisconnected(): void {
    this.text?.unobserve(this.write);
    this.text = null;
  }

  private readonly write = (): void => {
    const title = this.text ? pageTitle(this.view, this.text.toString() || 'Untitled plan') : pageTitle('Opening a plan');
    if (document.title !== title) document.title = title;
  };
}
