import ExcelJS from 'exceljs';
import { PlanError } from '@coplan/core';
import type { ParsedSource, SourceBlock } from './source.js';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * Reads an Excel workbook with exceljs: each sheet with anything in it
 * becomes a table, named after the sheet. Dates become YYYY-MM-DD.
 */
export async function readXlsx(name: string, bytes: Uint8Array): Promise<ParsedSource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch (e) {
    throw new PlanError(
      'unreadable-file',
      `"${name}" could not be read as an Excel workbook (${(e as Error).message.split('\n')[0]}). It may be cut short or damaged: open it in Excel, save it again as .xlsx, and import the new file.`,
    );
  }
  const blocks: SourceBlock[] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).replace(/\r\n?/g, '\n'));
      if (cells.some((c) => c.trim())) rows.push(cells);
    });
    if (rows.length) blocks.push({ kind: 'table', rows, name: sheet.name });
  });
  if (blocks.length === 0) {
    throw new PlanError('nothing-to-import', `"${name}" has no filled cells on any sheet. Choose the workbook that holds the plan, or check the plan is on a sheet of this file.`);
  }
  return { format: 'xlsx', name, blocks, warnings: [] };
}
