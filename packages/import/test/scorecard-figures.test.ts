import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFigures } from '../src/index.js';

const PASTED = [
  'Indicator\tPriority\tOwner\tUnit\tDirection\tTarget\tQ1 2025/26\tQ2 2025/26\tQ2 2025/26 commentary\tRAG\tNotes to self',
  'Referrals screened within one day\t1\tChildren’s Services\t%\tHigher is better\t95\t96%\t88\tStaff sickness\tGreen\tcheck',
  'Repeat referrals\t2\tChildren’s Services\t%\tlower\t20\t22\tn/a\t\t\t',
  '\t\t\t\t\t\t12\t\t\t\t',
].join('\n');

describe('reading a scorecard’s figures', () => {
  it('reads a table pasted from a spreadsheet: a column per period, with a target column and commentary', async () => {
    const read = await readFigures({ name: 'pasted text', data: PASTED });
    expect(read.rows.map((r) => [r.indicator, r.period, r.actual, r.target, r.commentary])).toEqual([
      ['Referrals screened within one day', '2025-Q1', 96, 95, ''],
      ['Referrals screened within one day', '2025-Q2', 88, 95, 'Staff sickness'],
      ['Repeat referrals', '2025-Q1', 22, 20, ''],
    ]);
    expect(read.rows[2]).toMatchObject({ priority: '2', owner: 'Children’s Services', unit: '%', direction: 'lower' });
    expect(read.columns.map((c) => c.readAs)).toEqual([
      'indicator',
      'priority',
      'owner',
      'unit',
      'direction',
      'target',
      'actual for Q1 2025/26',
      'actual for Q2 2025/26',
      'commentary for Q2 2025/26',
      'not read: each RAG is worked out from the figures',
      'not read',
    ]);
    // Nothing typed is dropped silently: each cell not read is named, with why and what to do.
    expect(read.problems.map((p) => [p.source, p.text])).toEqual([
      ['column 11', 'Notes to self'],
      ['row 3, Q2 2025/26', 'n/a'],
      ['row 4', '12'],
    ]);
    expect(read.problems[0]!.reason).toMatch(/neither a period/);
    expect(read.problems[1]!.reason).toMatch(/Not a number.*leave the cell empty/);
    expect(read.problems[2]!.reason).toMatch(/no indicator name/);
  });

  it('reads a CSV with one row per figure', async () => {
    const csv = 'Measure,Period,Actual,Target,Comments\r\n"Children seen within 5 days",H1 2025/26,"1,204",1100,"Up, as planned"\r\n"Children seen within 5 days",Spring,3,,\r\n';
    const read = await readFigures({ name: 'figures.csv', data: new TextEncoder().encode(csv) });
    expect(read.rows).toEqual([{ indicator: 'Children seen within 5 days', period: '2025-H1', actual: 1204, target: 1100, commentary: 'Up, as planned', source: 'row 2, H1 2025/26' }]);
    expect(read.problems).toEqual([expect.objectContaining({ source: 'row 3, Period', text: 'Spring' })]);
  });

  it('reads an Excel workbook, the first sheet that holds figures', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Scorecard for the board']);
    const sheet = wb.addWorksheet('Scorecard');
    sheet.addRow(['Performance indicator', '2025/26 Q1', '2025/26 Q2']);
    sheet.addRow(['Strategy discussions held within 3 days', 81, 92.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readFigures({ name: 'scorecard.xlsx', data: bytes });
    expect(read.rows.map((r) => [r.period, r.actual])).toEqual([
      ['2025-Q1', 81],
      ['2025-Q2', 92.5],
    ]);
  });

  it('says what to do when there is no table of figures', async () => {
    await expect(readFigures({ name: 'pasted text', data: 'Just some words\nand more' })).rejects.toThrow(/No table of figures was found in "pasted text".*"Indicator" column/);
  });
});
