import { PlanError, planDocument, planToJson, type PlanSnapshot } from '@coplan/core';
import { registerToCsv } from './register-csv.js';
import { registerToXlsx } from './register-xlsx.js';
import { renderDocx } from './render-docx.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

/** The formats a plan can be published in. */
export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'json' | 'md' | 'html';

/** What a format's file is called and what it holds. */
export interface ExportFormatInfo {
  /** Without the dot. */
  extension: string;
  mimeType: string;
  label: string;
  /** Text formats come back as a string, the others as bytes. */
  binary: boolean;
}

/** Every export format, with its file extension, MIME type and a label for people. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document', binary: true },
  xlsx: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel action register', binary: true },
  csv: { extension: 'csv', mimeType: 'text/csv', label: 'CSV action register', binary: false },
  json: { extension: 'json', mimeType: 'application/json', label: 'Coplan JSON', binary: false },
  md: { extension: 'md', mimeType: 'text/markdown', label: 'Markdown', binary: false },
  html: { extension: 'html', mimeType: 'text/html', label: 'Web page, ready to print or save as PDF', binary: false },
};

/**
 * A plan in one of the formats partnerships publish in: Word (the familiar
 * layout, one table per priority), HTML (the same layout with a print
 * stylesheet: print it or save it as PDF), Markdown, the Excel or CSV action
 * register (one row per action), or Coplan's versioned JSON (which imports
 * back to the same plan). Text formats give a string, Word and Excel bytes.
 *
 * @example
 * ```ts
 * const bytes = await exportPlan(plan.snapshot(), 'docx');
 * await writeFile('plan.docx', bytes);
 * ```
 */
export async function exportPlan(snapshot: PlanSnapshot, format: ExportFormat): Promise<Uint8Array | string> {
  switch (format) {
    case 'docx':
      return renderDocx(planDocument(snapshot));
    case 'html':
      return renderHtml(planDocument(snapshot));
    case 'md':
      return renderMarkdown(planDocument(snapshot));
    case 'xlsx':
      return registerToXlsx(snapshot);
    case 'csv':
      return registerToCsv(snapshot);
    case 'json':
      return planToJson(snapshot);
    default:
      throw new PlanError('invalid-value', `"${String(format)}" is not an export format. Choose one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`);
  }
}
