/**
 * @coplan/publish: plans and reports written out as Word, Excel, CSV,
 * print-ready HTML and Markdown. Build a report's content with
 * `buildReport` from `@coplan/core`; this package typesets it.
 */

// Plans
export { exportPlan, EXPORT_FORMATS, PLAN_WRITERS, type ExportFormat } from './export-plan.js';
export type { PlanWriter, ExportFormatInfo } from './plan-writer.js';
export { registerToCsv } from './register-csv.js';

// Reports
export { exportReport, REPORT_FORMATS, type ReportFormat } from './export-report.js';

// The scorecard as a spreadsheet
export { exportScorecard, SCORECARD_FORMATS, type ScorecardFormat } from './export-scorecard.js';
