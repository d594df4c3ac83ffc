import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlan, encodeCoplanFile } from '@coplan/core';
import { applyFigures } from '@coplan/core/scorecard';
import { parseImportSource } from '@coplan/import';
import { coplan, tempDir } from './helpers.js';

/** A plan with two indicators and a year of figures, written as a real .coplan file. */
function scorecardPlan(dir: string): void {
  const doc = new Y.Doc();
  const plan = createPlan(doc, { title: 'Business Plan 2025-28', priorities: [{ title: 'Neglect' }, { title: 'Exploitation' }] }, { user: 'Test' });
  const row = (indicator: string, priority: string, period: string, actual: number, target: number, commentary = '') => ({ indicator, priority, period, actual, target, commentary, source: 'test' });
  applyFigures(plan, [
    row('Referrals screened within one day', '1', '2025-Q1', 96, 95),
    row('Referrals screened within one day', '1', '2025-Q2', 90, 95, 'Staff sickness, recovering'),
    row('Return interviews within 72 hours', '2', '2025-Q1', 60, 80),
    row('Return interviews within 72 hours', '2', '2025-Q2', 75, 80),
  ]);
  writeFileSync(join(dir, 'plan.coplan'), encodeCoplanFile(doc));
}

describe('coplan report --kind scorecard', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    scorecardPlan(dir);
  });

  it('writes the scorecard in Word: indicators by priority, figures with their RAG in words, and commentary', async () => {
    const r = await coplan(['report', 'plan.coplan', '--kind', 'scorecard', '--today', '2025-11-01', '-o', 'scorecard.docx'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Wrote "scorecard\.docx" \(scorecard report, docx, /);
    const read = await parseImportSource({ name: 'scorecard.docx', data: new Uint8Array(readFileSync(join(dir, 'scorecard.docx'))) });
    const text = read.blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((row) => row.map((c) => c.replace(/\n/g, ' ')).join(' | ')).join('\n'))).join('\n');
    expect(text).toContain('Performance scorecard: Business Plan 2025-28');
    expect(text).toMatch(/Priority 1\. Neglect/);
    expect(text).toContain('Referrals screened within one day Higher is better | Green 96 Target 95 | Amber 90 Target 95 | Worse');
    expect(text).toContain('Return interviews within 72 hours Higher is better | Red 60 Target 80 | Amber 75 Target 80 | Better');
    expect(text).toContain('Staff sickness, recovering');
  });

  it('writes it as CSV and Excel, one row per indicator and period, that read back as figures', async () => {
    const csv = await coplan(['report', 'plan.coplan', '--kind', 'scorecard', '-o', 'scorecard.csv'], dir);
    expect(csv.code, csv.stderr).toBe(0);
    expect(readFileSync(join(dir, 'scorecard.csv'), 'utf8').split('\r\n')).toEqual([
      'Priority,Indicator,Owner,Unit,Better,Period,Actual,Target,RAG,Commentary',
      '1. Neglect,Referrals screened within one day,,,higher,Q1 2025/26,96,95,green,',
      '1. Neglect,Referrals screened within one day,,,higher,Q2 2025/26,90,95,amber,"Staff sickness, recovering"',
      '2. Exploitation,Return interviews within 72 hours,,,higher,Q1 2025/26,60,80,red,',
      '2. Exploitation,Return interviews within 72 hours,,,higher,Q2 2025/26,75,80,amber,',
      '',
    ]);
    const xlsx = await coplan(['report', 'plan.coplan', '--kind', 'scorecard', '-o', 'scorecard.xlsx'], dir);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'scorecard.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Scorecard')!;
    expect(sheet.getRow(3).getCell(7).value).toBe(90);
    expect(sheet.getRow(3).getCell(9).value).toBe('Amber');
  });

  it('puts the scorecard in the progress report, and refuses an Excel workbook for other reports', async () => {
    const md = await coplan(['report', 'plan.coplan', '--kind', 'progress', '--today', '2025-11-01', '-o', '-'], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.toString()).toMatch(/## Performance scorecard[\s\S]*Referrals screened within one day/);
    const bad = await coplan(['report', 'plan.coplan', '--kind', 'progress', '-o', 'progress.xlsx'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cannot tell the format from "progress\.xlsx"; name a \.docx, \.html, \.md, \.csv file/);
  });
});
