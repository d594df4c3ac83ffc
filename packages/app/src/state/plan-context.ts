import { createContext } from '@lit/context';
import type { Awareness } from 'y-protocols/awareness';
import type { listActions, Plan, PlanSnapshot } from '@coplan/core';
import type { Governance } from '@coplan/core/governance';
import type { OutlineStandIns } from '../items/outline-stand-ins.js';
import type { Changes } from './changes.js';
import type { PlanSession } from './plan-session.js';
import type { PlanSnapshots } from './plan-snapshots.js';
import type { ProgressDrafts } from './progress-drafts.js';
import type { RelayAccess } from './relay-access.js';

/** What every item of an open plan needs, provided once by the plan view rather than passed down item by item. */
export interface PlanScope {
  plan: Plan;
  /** Partners' presence, for their carets in text fields; null before the relay is set up. */
  awareness: Awareness | null;
  /** A viewer's link: everything is shown, nothing can be changed. */
  readonly: boolean;
  /** Who is working on this device, as partners see them. */
  user: { name: string; colour: string };
  /** The ids of the actions a filter keeps, or null when every action is shown. */
  shown: ReadonlySet<string> | null;
  /** The whole plan as last read (for the lead registry an action's details offer); null before it is read. */
  snapshot: () => PlanSnapshot | null;
  /** Progress updates being written on this device, by action: they outlive the elements that draw them. */
  drafts: ProgressDrafts;
}

/** The context key under which the plan view provides its {@link PlanScope}. */
export const planContext = createContext<PlanScope | undefined>(Symbol('coplan-plan'));

/**
 * The open plan's shared state, provided once by the plan view for the
 * components around the plan (toolbar, header, banners, tabs): the session,
 * what the relay lets this person do, the whole-plan snapshot, and the
 * parts of the screen whose code loads on demand. Each
 * value stays the same while the plan is open; a component follows the ones
 * it shows ({@link Follow}) or builds its own controller from them.
 */
export interface OpenPlan {
  session: PlanSession;
  access: RelayAccess;
  snapshots: PlanSnapshots;
  /** The tabs, Plan-tab extras and tools whose code loads on demand, with their loading and error lines. */
  loads: PartsOnDemand;
  /** The words of the plan's preview, drawn while it loaded, for the outline's items to show until they draw their own. */
  standIns: OutlineStandIns;
}

/**
 * A part of the plan screen whose code loads on demand (the app's `OnDemand`), as the
 * parts around it see it: whether its code is here, and a way to use it that says
 * when it could not be fetched.
 */
export interface PartOnDemand<T = unknown> {
  /** The part's code once it has loaded. */
  readonly module: T | undefined;
  /** Loads the code and uses it; when it cannot be fetched, a Try again does what was asked. Resolves to whether it was used. */
  run(use: (module: T) => unknown): Promise<boolean>;
  /** In the part's place until it is here: a loading line, or what went wrong with Try again. */
  placeholder(): unknown;
}

/**
 * The parts of the plan screen whose code loads on demand (the app's `PlanLoads`), as
 * the screen's other parts see them. Described here, not imported, because those
 * parts are themselves among the code it loads: each module imports in one direction.
 */
export interface PartsOnDemand extends Changes {
  /** The tabs after Plan, each with its view's code; the Reports tab's with the constitution's reader. */
  tabs: Record<'register' | 'dashboard' | 'scorecard' | 'versions' | 'leads' | 'governance', PartOnDemand> & { reports: PartOnDemand<{ Governance: typeof Governance }> };
  /** Search, filters, About this plan, the Files menu and the bin: just after the outline is on screen. */
  extras: PartOnDemand<{ listActions: typeof listActions }>;
  /** The tools behind the toolbar's buttons. */
  tools: { publish: PartOnDemand };
}

/** The context key under which the plan view provides its {@link OpenPlan}. */
export const openPlanContext = createContext<OpenPlan | undefined>(Symbol('coplan-open-plan'));
