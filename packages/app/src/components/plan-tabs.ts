/** The views of a plan, each with its name on its tab, in the order the tab bar offers them. */
export const TAB_NAMES = {
  plan: 'Plan',
  register: 'Register',
  dashboard: 'Dashboard',
  scorecard: 'Scorecard',
  versions: 'Versions',
  leads: 'Leads',
  reports: 'Reports',
  governance: 'Governance',
} as const;

/** One view of a plan. */
export type PlanTab = keyof typeof TAB_NAMES;
