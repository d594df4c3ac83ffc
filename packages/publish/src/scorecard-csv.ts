import type { PlanSnapshot } from '@coplan/core';
import { SCORECARD_COLUMNS, scorecardRows } from '@coplan/core/formats';

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, quote or line break. */
function field(value: string | number): string {
  const v = String(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The scorecard as CSV: one row per indicator and period with its priority,
 * owner, unit, which way is better, actual, target, RAG and commentary. Opens
 * in Excel and reads back into Coplan's scorecard as it is.
 */
export function scorecardToCsv(s: PlanSnapshot): string {
  return [[...SCORECARD_COLUMNS], ...scorecardRows(s)].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
