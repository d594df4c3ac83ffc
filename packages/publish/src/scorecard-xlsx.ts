import ExcelJS from 'exceljs';
import type { PlanSnapshot, Rag } from '@coplan/core';
import { SCORECARD_COLUMNS, scorecardRows, versionLine } from '@coplan/core/formats';
import { RAG_COLOURS } from './rag-colours.js';

const WIDTHS: Record<(typeof SCORECARD_COLUMNS)[number], number> = {
  Priority: 28,
  Indicator: 45,
  Owner: 24,
  Unit: 8,
  Better: 8,
  Period: 12,
  Actual: 10,
  Target: 10,
  RAG: 10,
  Commentary: 50,
};

/**
 * The scorecard as an Excel workbook: the same rows as the CSV scorecard,
 * actual and target as number cells, RAG cells coloured and named, the
 * header frozen and filterable, the plan's title on every printed page.
 */
export async function scorecardToXlsx(s: PlanSnapshot): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Coplan';
  workbook.title = `Performance scorecard: ${s.title}`;
  const sheet = workbook.addWorksheet('Scorecard', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: { oddHeader: `&C${(`Scorecard: ${s.title}` + (versionLine(s) ? ` · ${versionLine(s)}` : '')).replace(/&/g, '&&')}`, oddFooter: '&RPage &P of &N' },
  });
  sheet.columns = SCORECARD_COLUMNS.map((header) => ({ header, key: header, width: WIDTHS[header] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEE0E2' } };
  const ragColumn = SCORECARD_COLUMNS.indexOf('RAG') + 1;
  for (const values of scorecardRows(s)) {
    const rag = values[ragColumn - 1] as Rag | '';
    const row = sheet.addRow(values.map((v, n) => (n === ragColumn - 1 && rag ? RAG_COLOURS[rag].label : v)));
    row.alignment = { vertical: 'top', wrapText: true };
    if (rag) {
      const c = RAG_COLOURS[rag];
      row.getCell(ragColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.fill } };
      row.getCell(ragColumn).font = { bold: true, color: { argb: 'FF' + c.text } };
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SCORECARD_COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
