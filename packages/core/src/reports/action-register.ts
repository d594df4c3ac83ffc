import type { PlanSnapshot } from '../schema/snapshot.js';
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
