import Papa from 'papaparse';
import { PlanError } from '@coplan/core';
import { textOf, type SourceReader } from './source-reader.js';
import type { SourceBlock } from './source.js';

/** CSV (RFC 4180, as Excel and Google Sheets save it, commas or semicolons), one table. */
export function readCsv(text: string): SourceBlock[] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = result.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw new PlanError(
      'unreadable-file',
      `This CSV has a quoted cell that never ends (row ${(broken.row ?? 0) + 1}), so it is cut short or damaged. Save it again from your spreadsheet and import the new file.`,
    );
  }
  const rows = result.data.filter((r) => r.some((c) => c.trim()));
  return rows.length ? [{ kind: 'table', rows }] : [];
}

/** CSV files, read with papaparse. */
export const csvReader: SourceReader = {
  label: 'CSV (.csv)',
  extensions: ['csv'],
  async read(name, data) {
    return { format: 'csv', name, blocks: readCsv(textOf(data)), warnings: [] };
  },
};
