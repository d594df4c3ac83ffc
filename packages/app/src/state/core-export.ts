/**
 * The export and report half of @coplan/core, for the chunks that load on
 * demand (the Publish menu and the Reports tab): never imported from the
 * first load, so the Word and Excel writers stay out of it.
 */
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatInfo } from '@coplan/core';

export { exportPlan, buildReport, exportReport, EXPORT_FORMATS } from '@coplan/core';
export type { ExportFormat, ExportFormatInfo, Report, ReportKind, ReportFormat, ReportOptions } from '@coplan/core';

/** A format's file extension (without the dot), MIME type and label, as the core gives them. */
export function formatInfo(format: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS[format];
}
