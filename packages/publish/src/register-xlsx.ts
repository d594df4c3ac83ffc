import ExcelJS from 'exceljs';
import { ACTION_STATUS_LABELS, type PlanSnapshot, type Rag } from '@coplan/core';
import { REGISTER_COLUMNS, registerRows, versionLine } from '@coplan/core/formats';
import { RAG_COLOURS } from './rag-colours.js';

const WIDTHS: Record<(typeof REGISTER_COLUMNS)[number], number> = {
  Ref: 8,
  Priority: 28,
  Objective: 40,
  Action: 50,
  Leads: 26,
  Timescale: 22,
  Due: 12,
  Status: 13,
  RAG: 10,
  'Latest progress': 45,
  'Progress date': 13,
};

/** A YYYY-MM-DD day as a date cell (at UTC midnight, so no time zone moves it). */
function dateCell(iso: string): Date | string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10))) : iso;
}

/**
 * The action register as an Excel workbook (exceljs): the same rows as the
 * CSV register, with real date cells for Due and Progress date, RAG cells
 * coloured (and named), the header row frozen and filterable, and the plan's
 * title, version and page numbers on every printed page.
 */
export async function registerToXlsx(s: PlanSnapshot): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Coplan';
  workbook.title = s.title;
  workbook.subject = versionLine(s);
  const sheet = workbook.addWorksheet('Action register', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: {
      oddHeader: `&C${(s.title + (versionLine(s) ? ` · ${versionLine(s)}` : '')).replace(/&/g, '&&')}`,
      oddFooter: '&RPage &P of &N',
    },
  });
  sheet.columns = REGISTER_COLUMNS.map((header) => ({ header, key: header, width: WIDTHS[header] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEE0E2' } };
  for (const values of registerRows(s)) {
    const [ref, priority, objective, action, leads, timescale, due, status, rag, progress, progressDate] = values as [string, ...string[]];
    const row = sheet.addRow([
      ref,
      priority,
      objective,
      action,
      leads,
      timescale,
      dateCell(due!),
      ACTION_STATUS_LABELS[status as keyof typeof ACTION_STATUS_LABELS] ?? status,
      rag ? RAG_COLOURS[rag as Rag].label : '',
      progress,
      dateCell(progressDate!),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    for (const col of [7, 11]) row.getCell(col).numFmt = 'dd/mm/yyyy';
    if (rag) {
      const c = RAG_COLOURS[rag as Rag];
      const ragCell = row.getCell(9);
      ragCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + c.fill } };
      ragCell.font = { bold: true, color: { argb: 'FF' + c.text } };
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
