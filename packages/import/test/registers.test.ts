import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewImport, previewParsed } from '../src/index.js';

/** Trackers as business offices keep them: a spreadsheet of actions with their own column names and date cells. */
describe('action trackers from a business office', () => {
  it('reads headings in the words offices use, and a first row of short cells as headings beside ones it does not know', async () => {
    const csv = 'Area of work,What we will do,Accountable body,By when,Status (RAG),Comments\nNeglect,Audit neglect cases,QA Sub,March 2026,Green,Started in January\n';
    const preview = await previewImport({ name: 'tracker.csv', data: csv });
    expect(preview.columns.map((c) => [c.heading, c.field])).toEqual([
      ['Area of work', 'priority'],
      ['What we will do', 'objective'],
      ['Accountable body', 'lead'],
      ['By when', 'timescale'],
      ['Status (RAG)', 'rag'],
      ['Comments', 'progress'],
    ]);
    const other = await previewImport({ name: 'tracker.csv', data: 'Ref,Task,Owner org,By when,RAG,Board notes\n1,Refresh the CSE strategy,LSCB team,March 2026,Amber,Delayed\n' });
    expect(other.counts.actions).toBe(1);
    expect(other.plan.priorities![0]!.objectives![0]!.actions![0]).toMatchObject({ text: 'Refresh the CSE strategy', leads: ['LSCB team'], timescale: 'March 2026' });
    // What it does not know is listed, never dropped.
    expect(other.notImported.map((n) => [n.where, n.text])).toEqual([['table 1, row 2, column "Board notes"', 'Delayed']]);
  });

  it('keeps a Due date beside a timescale in words, and reads ISO and Excel date cells as the day they are', async () => {
    const csv = 'Priority,Action,Lead,Timescale,Due\nNeglect,A1,QA,Ongoing,2026-06-30\nNeglect,A2,QA,,2026-06-30\nNeglect,A3,QA,2026-06-30,\n';
    const preview = await previewImport({ name: 'due.csv', data: csv });
    expect(preview.plan.priorities![0]!.objectives![0]!.actions!.map((a) => a.timescale)).toEqual(['Ongoing; due 2026-06-30', '2026-06-30', '2026-06-30']);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tracker');
    ws.addRow(['Priority', 'Action', 'Lead', 'Target date']);
    ws.addRow(['Neglect', 'Audit neglect cases', 'QA Sub', new Date(Date.UTC(2025, 9, 31))]);
    const xlsx = await previewImport({ name: 'tracker.xlsx', data: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(xlsx.plan.priorities![0]!.objectives![0]!.actions![0]!.timescale).toBe('2025-10-31');
  });

  it('says so when actions have no objective, and files them under one named after their priority', async () => {
    const csv = 'Priority,Action,Lead\nNeglect,Do a thing,QA\nNeglect,Do another,QA\nExploitation,Map risks,Police\n';
    const preview = await previewImport({ name: 'no-objectives.csv', data: csv });
    expect(preview.plan.priorities!.map((p) => [p.title, p.objectives!.map((o) => [o.text, o.actions!.map((a) => a.text)])])).toEqual([
      ['Neglect', [['Neglect', ['Do a thing', 'Do another']]]],
      ['Exploitation', [['Exploitation', ['Map risks']]]],
    ]);
    expect(preview.warnings.join(' ')).toMatch(/2 priorities had actions with no objective above them/);
  });

  it('a first row of headings Coplan does not know is taken as headings when the person says so, and their choices are marked as theirs', async () => {
    const csv = 'Ref code,Description,Team,Month\nW1,Publish the neglect strategy,Neglect Sub,March 2026\n';
    const read = await previewImport({ name: 'odd.csv', data: csv });
    expect(read.columns.map((c) => c.heading)).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4']);
    expect(read.warnings.join(' ')).toMatch(/No table has column headings Coplan recognises/);
    const told = previewParsed(read.parsed, { firstRowHeadings: true, mapping: { description: 'action', team: 'lead', month: 'timescale' } });
    expect(told.columns.map((c) => [c.heading, c.field, c.chosen])).toEqual([
      ['Ref code', 'ignore', false],
      ['Description', 'action', true],
      ['Team', 'lead', true],
      ['Month', 'timescale', true],
    ]);
    expect(told.counts.actions).toBe(1);
    expect(JSON.stringify(told.plan)).not.toContain('Description');
    expect(told.notImported.map((n) => n.text)).toEqual(['W1']);
    expect(told.warnings.join(' ')).not.toMatch(/No table has column headings/);
  });
});
