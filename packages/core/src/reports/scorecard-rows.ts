import type { PlanSnapshot } from '../schema/snapshot.js';
import { scorecardOf } from '../queries/scorecard.js';

/** The scorecard's columns as a spreadsheet, shared by the CSV and Excel scorecards. */
export const SCORECARD_COLUMNS = ['Priority', 'Indicator', 'Owner', 'Unit', 'Better', 'Period', 'Actual', 'Target', 'RAG', 'Commentary'] as const;

/**
 * The scorecard as rows, one per indicator and period, in
 * {@link SCORECARD_COLUMNS} order; figures as numbers, so a spreadsheet can
 * sum them, and the periods as people write them ("Q1 2025/26"), so the
 * file reads back into Coplan.
 */
export function scorecardRows(s: PlanSnapshot): Array<Array<string | number>> {
  return scorecardOf(s).groups.flatMap((g) =>
    g.indicators.flatMap((i) => i.figures.map((f) => [g.priorityId ? g.title : '', i.name, i.owner, i.unit, i.direction, f.label, f.actual ?? '', f.target ?? '', f.rag ?? '', f.commentary])),
  );
}
