import { Changes } from '../state/changes.js';
import { OnDemand } from './on-demand.js';

/**
 * The parts of the plan screen whose code loads on demand, shared by the screen's
 * parts through context ({@link OpenPlan}): the tabs after Plan (each when first
 * opened), the Plan tab's extras (just after the outline is on screen, the
 * Files menu with them) and the tools behind the toolbar (each when first chosen). Each is an {@link OnDemand};
 * the parts that show one follow this ({@link Follow}) and re-render as its code
 * loads, arrives or cannot be fetched.
 */
export class PlanLoads extends Changes {
  /** Tells the parts that follow this that a part's state changed. */
  private readonly followers = { requestUpdate: () => this.changed() };

  /** A tab's code ("the Scorecard tab"), with the part that shows the tabs (`plan-tab-views`) the first time. */
  private tab<T>(name: string, code: () => Promise<T>): OnDemand<T> {
    return new OnDemand(this.followers, `the ${name} tab`, () => Promise.all([code(), import('./plan-tab-views.js')]).then(([module]) => module));
  }

  /**
   * The tabs after Plan: each one's code loads when it is first opened (the Reports tab with the
   * constitution's reader), with the part that shows them (`plan-tab-views`) the first time.
   */
  readonly tabs = {
    register: this.tab('Register', () => import('./register-view.js')),
    dashboard: this.tab('Dashboard', () => import('./dashboard-view.js')),
    scorecard: this.tab('Scorecard', () => import('./scorecard-view.js')),
    versions: this.tab('Versions', () => import('./versions-view.js')),
    leads: this.tab('Leads', () => import('./leads-view.js')),
    reports: this.tab('Reports', () => Promise.all([import('@coplan/core/governance'), import('./reports-view.js')]).then(([g]) => g)),
    governance: this.tab('Governance', () => import('./governance-view.js')),
  };

  /**
   * Search, filters, About this plan, the bin and its notice, the item menus, the Files menu and who is here: they load just after the outline is on screen.
   * Its loading line does not say "About this plan", the words of that section's own summary.
   */
  readonly extras = new OnDemand(this.followers, "search, filters and the plan's details", () => import('./plan-extras.js'));

  /** The tools behind the toolbar's buttons, each loaded when first chosen. */
  readonly tools = {
    publish: new OnDemand(this.followers, 'the publishing tools', () => import('../state/publish.js')),
    // Each dialog with the part of the screen that holds the dialogs (`plan-dialogs`).
    importDialog: new OnDemand(this.followers, 'the import dialog', () => Promise.all([import('./plan-dialogs.js'), import('./import-dialog.js')]).then(([dialogs]) => dialogs)),
    shareDialog: new OnDemand(this.followers, 'the Share dialog', () =>
      Promise.all([import('./plan-dialogs.js'), import('./share-dialog.js'), import('../state/sign-in.js')]).then(([dialogs]) => dialogs),
    ),
  };
}
