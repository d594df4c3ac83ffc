import { createContext } from '@lit/context';
import type { Awareness } from 'y-protocols/awareness';
import type { Plan, PlanSnapshot } from '@coplan/core';

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
}

/** The context key under which the plan view provides its {@link PlanScope}. */
export const planContext = createContext<PlanScope | undefined>(Symbol('coplan-plan'));
