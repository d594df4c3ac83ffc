/**
 * The export and report half of @coplan/core, with the lists the commands
 * offer and check their flags against.
 */
import { EXPORT_FORMATS as FORMATS, type ExportFormat, type ReportFormat, type ReportKind } from '@coplan/core';

export { exportPlan, buildReport, exportReport } from '@coplan/core';
export type { ExportFormat, Report, ReportKind, ReportFormat, ReportOptions } from '@coplan/core';

/** Every format `coplan export` writes, in the core's order. */
export const EXPORT_FORMATS = Object.keys(FORMATS) as ExportFormat[];
export const REPORT_KINDS: readonly ReportKind[] = ['progress', 'lead', 'annual'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'html', 'md'];
