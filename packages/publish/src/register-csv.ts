import type { PlanSnapshot } from '@coplan/core';
import { REGISTER_COLUMNS, registerRows } from '@coplan/core/formats';

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The action register as CSV: one row per action with its priority,
 * objective, leads, timescale as written, due date, status, RAG and latest
 * progress. Opens in Excel and Google Sheets.
 *
 * @example `const csv = registerToCsv(plan.snapshot());`
 */
export function registerToCsv(s: PlanSnapshot): string {
  return [[...REGISTER_COLUMNS], ...registerRows(s)].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
