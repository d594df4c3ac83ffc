import type { ActionInContext } from '../queries/queries.js';
import { formatUkDate } from '../values/uk-date.js';
import { actionDue } from '../queries/queries.js';
import { cell, type TableBlock, type TableCell } from './document.js';

/** "1.2.3": priority, objective and action numbers. */
export function ref({ priority, objective, action }: ActionInContext): string {
  return `${priority.number}.${objective.number}.${action.number}`;
}

/** The action's RAG as a coloured, named cell, with its latest progress beneath. */
export function ragCell({ action }: ActionInContext): TableCell {
  const latest = action.updates[action.updates.length - 1];
  return { rag: action.rag ?? 'none', lines: latest ? [`${latest.narrative} (${formatUkDate(latest.date)})`] : [] };
}

/**
 * A table of actions: reference, action, leads, timescale, due date and RAG
 * with the latest progress. A lead's own table leaves out the leads and may
 * add a "When" column (overdue, due soon).
 */
export function actionTable(caption: string, rows: ActionInContext[], options: { leads?: boolean; when?: (r: ActionInContext) => string } = {}): TableBlock {
  const { leads = true, when } = options;
  return {
    type: 'table',
    caption,
    columns: [
      { title: 'Ref', width: 1 },
      { title: 'Action', width: leads ? 6 : 7 },
      ...(leads ? [{ title: 'Lead(s)', width: 3 }] : []),
      { title: 'Timescale', width: 2.5 },
      { title: 'Due', width: 1.6 },
      ...(when ? [{ title: 'When', width: 1.4 }] : []),
      { title: 'RAG and latest progress', width: 5 },
    ],
    rows: rows.map((r) => [
      cell(ref(r)),
      cell(r.action.text),
      ...(leads ? [cell(...r.action.leads.map((l) => l.name))] : []),
      cell(r.action.timescale.text),
      cell(formatUkDate(actionDue(r.action) ?? '')),
      ...(when ? [cell(when(r))] : []),
      ragCell(r),
    ]),
  };
}

/** "3 actions", "1 action". */
export function count(n: number, noun: string, plural = noun + 's'): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
