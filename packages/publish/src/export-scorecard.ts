import { PlanError, type PlanSnapshot } from '@coplan/core';
import { scorecardToCsv } from './scorecard-csv.js';

/** The spreadsheet formats the scorecard is written in (Word, HTML and Markdown come through `exportReport`). */
export type ScorecardFormat = 'csv' | 'xlsx';

/** Every spreadsheet format the scorecard is written in. */
export const SCORECARD_FORMATS: readonly ScorecardFormat[] = ['csv', 'xlsx'];

/**
 * The plan's scorecard as a spreadsheet: CSV (text) or an Excel workbook
 * (bytes), one row per indicator and period. For the scorecard in Word, use
 * `exportReport(buildReport(snapshot, 'scorecard'), 'docx')`.
 *
 * @example `const xlsx = await exportScorecard(plan.snapshot(), 'xlsx');`
 */
export async function exportScorecard(s: PlanSnapshot, format: ScorecardFormat): Promise<Uint8Array | string> {
  if (format === 'csv') return scorecardToCsv(s);
  if (format === 'xlsx') return (await import('./scorecard-xlsx.js')).scorecardToXlsx(s);
  throw new PlanError('invalid-value', `"${String(format)}" is not a scorecard spreadsheet format. Choose csv or xlsx (or a report format for Word).`);
}
