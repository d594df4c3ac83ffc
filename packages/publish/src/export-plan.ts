import { PlanError, type PlanSnapshot } from '@coplan/core';
import { csvWriter } from './csv-writer.js';
import { docxWriter } from './docx-writer.js';
import { htmlWriter } from './html-writer.js';
import { jsonWriter } from './json-writer.js';
import { markdownWriter } from './markdown-writer.js';
import type { ExportFormatInfo, PlanWriter } from './plan-writer.js';
import { xlsxWriter } from './xlsx-writer.js';

/** The formats a plan can be published in. */
export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'json' | 'md' | 'html';

/** The writer of each format. */
export const PLAN_WRITERS: Readonly<Record<ExportFormat, PlanWriter>> = {
  docx: docxWriter,
  xlsx: xlsxWriter,
  csv: csvWriter,
  json: jsonWriter,
  md: markdownWriter,
  html: htmlWriter,
};

/** Every export format, with its file extension, MIME type and a label for people. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = PLAN_WRITERS;

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
  const writer = Object.hasOwn(PLAN_WRITERS, format) ? PLAN_WRITERS[format] : undefined;
  if (!writer) throw new PlanError('invalid-value', `"${String(format)}" is not an export format. Choose one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`);
  return writer.write(snapshot);
}
