import { TAB_NAMES, type PlanTab } from './plan-tabs.js';

/** Where a plan screen is: the plan, its tab, the meeting open on Governance, and the link's token if any. */
export interface PlanAddress {
  planId: string;
  tab: PlanTab;
  /** The meeting open for recording on the Governance tab ('' for none). */
  meeting: string;
  token: string;
}

/**
 * Reads a plan's address from a hash path and query: `/plan/<id>` (the Plan
 * tab, as older addresses and links give it), `/plan/<id>/<tab>`, with
 * `?meeting=<id>` on Governance and `?token=…` from a link. An unknown tab is
 * the Plan tab. Null when the path is not a plan's.
 */
export function readPlanAddress(path: string, query: string): PlanAddress | null {
  const m = /^\/plan\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(path);
  if (!m) return null;
  const params = new URLSearchParams(query);
  const tab = m[2] && Object.hasOwn(TAB_NAMES, m[2]) ? (m[2] as PlanTab) : 'plan';
  return { planId: decodeURIComponent(m[1]!), tab, meeting: tab === 'governance' ? (params.get('meeting') ?? '') : '', token: params.get('token') ?? '' };
}

/** The hash for a plan's address: `#/plan/<id>/governance?meeting=<id>&token=…`; the Plan tab is `#/plan/<id>`, as before. */
export function planAddressHash(a: PlanAddress): string {
  const params = new URLSearchParams();
  if (a.tab === 'governance' && a.meeting) params.set('meeting', a.meeting);
  if (a.token) params.set('token', a.token);
  const query = params.toString();
  return `#/plan/${encodeURIComponent(a.planId)}${a.tab === 'plan' ? '' : `/${a.tab}`}${query ? `?${query}` : ''}`;
}
