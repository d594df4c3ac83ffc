import type { PlanSnapshot } from '../schema/snapshot.js';
import type { IsoDate } from '../values/values.js';
import { businessYearOf } from '../values/calendar.js';

/** A business year, 1 April to 31 March. */
export interface BusinessYear {
  start: IsoDate;
  end: IsoDate;
}

function yearFrom(startYear: number): BusinessYear {
  return { start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` };
}

/**
 * The business years an annual report can cover, newest first: those of the
 * plan's period (its last ten at most) and the six up to the one under way.
 * `chosen` is the statutory report's year: the most recent year that has
 * ended, or the plan's own last year when the plan ended before that.
 *
 * @example `annualReportYears(snapshot, '2026-11-25').chosen // { start: '2025-04-01', end: '2026-03-31' }`
 */
export function annualReportYears(s: PlanSnapshot, today: IsoDate): { years: BusinessYear[]; chosen: BusinessYear } {
  const current = Number(businessYearOf(today).start.slice(0, 4));
  const starts = new Set<number>();
  for (let y = current - 5; y <= current; y++) starts.add(y);
  let planLast: number | null = null;
  if (s.period) {
    const first = Number(businessYearOf(s.period.start).start.slice(0, 4));
    planLast = Number(businessYearOf(s.period.end).start.slice(0, 4));
    for (let y = Math.max(first, planLast - 9); y <= planLast; y++) starts.add(y);
  }
  const years = [...starts].sort((a, b) => b - a).map(yearFrom);
  return { years, chosen: yearFrom(planLast !== null ? Math.min(planLast, current - 1) : current - 1) };
}
