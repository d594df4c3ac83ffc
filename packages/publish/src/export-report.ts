import { PlanError, type Report } from '@coplan/core';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderCsv } from './render-csv.js';

/** The formats a report is written in. */
export type ReportFormat = 'docx' | 'html' | 'md' | 'csv';

/** Every format a report is written in. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'html', 'md', 'csv'];

/**
 * A report as Word (bytes), HTML (a page with a print stylesheet: print it
 * or save it as PDF), Markdown (text) or CSV (its tables, for a spreadsheet).
 */
export async function exportReport(report: Report, format: ReportFormat): Promise<Uint8Array | string> {
  switch (format) {
    case 'docx':
      return (await import('./render-docx.js')).renderDocx(report.document);
    case 'html':
      return renderHtml(report.document);
    case 'md':
      return renderMarkdown(report.document);
    case 'csv':
      return renderCsv(report.document);
    default:
      throw new PlanError('invalid-value', `"${String(format)}" is not a report format. Choose docx, html, md or csv.`);
  }
}
