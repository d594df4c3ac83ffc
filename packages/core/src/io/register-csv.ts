import type { PlanSnapshot } from '../model/snapshot.js';
import { actionDue, listActions } from '../queries/queries.js';

/** The action register's columns, shared by the CSV and Excel registers. */
export const REGISTER_COLUMNS = ['Ref', 'Priority', 'Objective', 'Action', 'Leads', 'Timescale', 'Due', 'Status', 'RAG', 'Latest progress', 'Progress date'] as const;

/** The action register as rows of text, one per action, in {@link REGISTER_COLUMNS} order. */
export function registerRows(s: PlanSnapshot): string[][] {
  return listActions(s).map(({ priority, objective, action }) => {
    const latest = action.updates[action.updates.length - 1];
    return [
      `${priority.number}.${objective.number}.${action.number}`,
      priority.title,
      objective.text,
      action.text,
      action.leads.map((l) => l.name).join('; '),
      action.timescale.text,
      actionDue(action) ?? '',
      action.status,
      action.rag ?? '',
      latest?.narrative ?? '',
      latest?.date ?? '',
    ];
  });
}

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
