import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from 'docx';
import ExcelJS from 'exceljs';
import { createPlan, importIntoPlan, PlanError } from '@coplan/core';
import { previewImport, previewParsed } from '../src/index.js';
import { seedPlans } from '@coplan/seeds';

const cell = (text: string) => new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)) });
const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });

/** A Word plan as partnerships write one: a heading per priority, a table each, with their own headings. */
async function wordPlan(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Safeguarding Children Partnership Business Plan 2024-25', heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun('Page 1 of 3')] }),
          new Paragraph({ text: 'Priority 1: Neglect', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(['What are we going to do?', 'How are we going to do it?', 'Who is responsible?', 'When is it going to be done by?', 'Progress made']),
              row(['Embed the neglect toolkit', '1. Train 200 practitioners\n2. Audit use of the toolkit', 'L&D Sub-group\nQA Sub-group', 'March 2025\nJune 2025', 'Green']),
              row(['', 'Publish a neglect strategy', 'Business Manager', 'By 31/12/24', 'Strategy drafted, out for consultation']),
            ],
          }),
          new Paragraph({ text: 'Priority 2: Child exploitation', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(['What are we going to do?', 'How are we going to do it?', 'Who is responsible?', 'When is it going to be done by?', 'Notes']),
              row(['Understand exploitation locally', 'Produce a problem profile', 'Police; Community Safety Partnership', 'Quarterly', 'Needs data-sharing agreement']),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function excelRegister(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Register');
  ws.addRow(['Ref', 'Priority', 'Objective', 'Specific actions', 'Lead agency', 'Target date', 'RAG rating']);
  ws.addRow(['1.1.1', 'Neglect', 'Embed the neglect toolkit', 'Train 200 practitioners', 'L&D Sub-group', new Date(Date.UTC(2025, 2, 31)), 'Amber']);
  ws.addRow(['1.1.2', 'Neglect', 'Embed the neglect toolkit', 'Audit use of the toolkit', 'QA Sub-group', 'June 2025', 'R']);
  ws.addRow(['2.1.1', 'Exploitation', 'Understand exploitation locally', 'Produce a problem profile', 'Police', 'Quarterly', '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('importing Word and Excel files', () => {
  it('reads a Word plan: priorities from headings, columns from their headings, split cells, an unmapped column listed', async () => {
    const preview = await previewImport({ name: 'plan.docx', data: await wordPlan() });
    expect(preview.source.format).toBe('docx');
    expect(preview.plan.title).toBe('Safeguarding Children Partnership Business Plan 2024-25');
    expect(preview.plan.period).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(preview.plan.priorities!.map((p) => p.title)).toEqual(['Neglect', 'Child exploitation']);
    const [o1] = preview.plan.priorities![0]!.objectives!;
    expect(o1!.text).toBe('Embed the neglect toolkit');
    // Two numbered tasks with one lead and one date line each; the merged objective cell carries on.
    expect(o1!.actions!.map((a) => [a.text, a.leads, a.timescale])).toEqual([
      ['Train 200 practitioners', ['L&D Sub-group'], 'March 2025'],
      ['Audit use of the toolkit', ['QA Sub-group'], 'June 2025'],
      ['Publish a neglect strategy', ['Business Manager'], 'By 31/12/24'],
    ]);
    expect(o1!.actions![0]!.updates![0]!.rag).toBe('green');
    expect(o1!.actions![2]!.updates![0]).toMatchObject({ narrative: 'Strategy drafted, out for consultation', rag: 'grey' });
    expect(preview.warnings.join(' ')).toMatch(/no RAG rating/);
    expect(preview.plan.priorities![1]!.objectives![0]!.actions![0]!.leads).toEqual(['Police', 'Community Safety Partnership']);
    expect(preview.notImported).toEqual([{ where: 'table 2, row 2, column "Notes"', text: 'Needs data-sharing agreement', reason: 'Column "Notes" is not mapped to a plan field.' }]);
    const notes = preview.columns.find((c) => c.heading === 'Notes')!;
    expect(notes).toMatchObject({ field: 'ignore', confidence: 0 });
    expect(JSON.stringify(preview.plan)).not.toContain('Page 1 of 3');
    // Correcting the column puts the note in a field, and the list empties.
    const corrected = previewParsed(preview.parsed, { mapping: { [notes.key]: 'impact' } });
    expect(corrected.notImported).toEqual([]);
    expect(corrected.plan.priorities![1]!.objectives![0]!.impact).toBe('Needs data-sharing agreement');
    expect(corrected.columns.find((c) => c.heading === 'Notes')).toMatchObject({ field: 'impact', confidence: 1 });
  });

  it('reads an Excel register: one row per action, grouped by its priority and objective column', async () => {
    const preview = await previewImport({ name: 'register.xlsx', data: await excelRegister() });
    expect(preview.source.format).toBe('xlsx');
    expect(preview.counts).toMatchObject({ priorities: 2, objectives: 2, actions: 3, withLeads: 3, withTimescales: 3 });
    const neglect = preview.plan.priorities![0]!;
    expect(neglect.title).toBe('Neglect');
    expect(neglect.objectives!.length).toBe(1);
    expect(neglect.objectives![0]!.actions!.map((a) => [a.text, a.timescale, a.updates?.[0]?.rag])).toEqual([
      ['Train 200 practitioners', '2025-03-31', 'amber'],
      ['Audit use of the toolkit', 'June 2025', 'red'],
    ]);
    expect(preview.columns.map((c) => c.field)).toEqual(['number', 'priority', 'objective', 'action', 'lead', 'timescale', 'rag']);
    expect(preview.notImported).toEqual([]);
  });
});

describe('cells holding several things', () => {
  it('splits dated lines beside one task into milestones, and names joined by semicolons or slashes into leads', async () => {
    const csv =
      'Objective,Action,Lead,Timescale\n"Training offer","Run the training programme","QA Sub / Audit Group; LADO","Needs assessment by June 2020\nProgramme running by September 2020\nEvaluation by April 2021"\n';
    const preview = await previewImport({ name: 'plan.csv', data: csv });
    const a = preview.plan.priorities![0]!.objectives![0]!.actions![0]!;
    expect(a.leads).toEqual(['QA Sub', 'Audit Group', 'LADO']);
    expect(a.milestones!.map((m) => m.timescale)).toEqual(['Needs assessment by June 2020', 'Programme running by September 2020', 'Evaluation by April 2021']);
    expect(a.timescale).toBe('Evaluation by April 2021');
  });

  it("keeps a group named with commas as one lead, brackets whole, and who holds a chair in the lead's Chair field", async () => {
    const csv = 'Objective,Action,Lead\nX,Y,"CSE, Trafficking and Missing Sub Group"\nX,Z,"Chair of Case Review Group (Assistant Director, County Council)"\nX,W,"Police (CID)"\n';
    const preview = await previewImport({ name: 'plan.csv', data: csv });
    expect(preview.plan.priorities![0]!.objectives![0]!.actions!.map((x) => x.leads)).toEqual([['CSE, Trafficking and Missing Sub Group'], ['Chair of Case Review Group'], ['Police (CID)']]);
    expect(preview.plan.leads!.find((l) => l.name === 'Chair of Case Review Group')).toMatchObject({ chair: 'Assistant Director, County Council' });
    // Every word landed in a field the person sees: the chair's holder is in the lead's Chair field.
    expect(preview.notImported).toEqual([]);
  });

  it('reads a workbook with a sheet per priority', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, action] of [
      ['Priority 1 - Neglect', 'Audit neglect cases'],
      ['Priority 2 - Exploitation', 'Map exploitation hotspots'],
    ] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow(['Objective', 'Action', 'Lead']);
      ws.addRow(['Objective of ' + name, action, 'Board']);
    }
    const preview = await previewImport({ name: 'plan.xlsx', data: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(preview.plan.priorities!.map((p) => [p.title, p.objectives![0]!.actions![0]!.text])).toEqual([
      ['Neglect', 'Audit neglect cases'],
      ['Exploitation', 'Map exploitation hotspots'],
    ]);
  });
});

describe('importing what people paste', () => {
  it('reads an HTML table as Word puts it on the clipboard, with merged cells and entities', async () => {
    const html = `<html><body><h2>Priority Area 1: Neglect &amp; Early Help</h2>
      <table><tr><td><p><b>Objective</b></p></td><td><p>Action</p></td><td>Lead</td><td>Timescale</td></tr>
      <tr><td rowspan="2">Improve early help</td><td>Review the EH offer</td><td>Early Help Board</td><td>Sept 2024</td></tr>
      <tr><td>Train staff<br>Audit cases</td><td>L&amp;D Sub</td><td>Dec 2024</td></tr></table></body></html>`;
    const preview = await previewImport({ name: 'pasted', data: html, type: 'text/html' });
    expect(preview.source.format).toBe('html');
    expect(preview.plan.priorities![0]!.title).toBe('Neglect & Early Help');
    const o = preview.plan.priorities![0]!.objectives!;
    expect(o.length).toBe(1);
    expect(o[0]!.actions!.map((a) => a.text)).toEqual(['Review the EH offer', 'Train staff', 'Audit cases']);
    expect(o[0]!.actions![2]!.leads).toEqual(['L&D Sub']);
  });

  it('reads a Markdown table and a Google Sheets paste (tab-separated, quoted line breaks)', async () => {
    const md = '## Priority 1: Neglect\n\n| Key deliverables | Activity | Lead /s | Timescale |\n|---|---|---|---|\n| Toolkit in use | Train staff<br>Audit use | QA Sub | March 2025 |\n';
    const m = await previewImport({ name: 'plan.md', data: md });
    expect(m.source.format).toBe('markdown');
    expect(m.plan.priorities![0]!.objectives![0]!.actions!.map((a) => a.text)).toEqual(['Train staff', 'Audit use']);
    const tsv = 'Objective\tAction\tLead\tBy when\nToolkit in use\t"Train staff\nAudit use"\tQA Sub\tMarch 2025\n';
    const t = await previewImport({ name: 'pasted', data: tsv });
    expect(t.source.format).toBe('tsv');
    expect(t.plan.priorities![0]!.objectives![0]!.actions!.map((a) => [a.text, a.timescale])).toEqual([
      ['Train staff', 'March 2025'],
      ['Audit use', 'March 2025'],
    ]);
  });
});

describe('bad input: a clear message, and nothing written', () => {
  const refuses = async (source: Parameters<typeof previewImport>[0], code: string, message: RegExp) => {
    const error = await previewImport(source).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).code).toBe(code);
    expect((error as PlanError).message).toMatch(message);
  };

  it('a truncated .docx', async () => {
    const bytes = await wordPlan();
    await refuses({ name: 'plan.docx', data: bytes.slice(0, Math.floor(bytes.length / 2)) }, 'unreadable-file', /could not be read as a Word document.*save it again as \.docx/);
  });
  it('a file that is not what its name says', async () => {
    await refuses({ name: 'plan.docx', data: new TextEncoder().encode('Objective,Action\nA,B\n') }, 'unreadable-file', /named as a Word document.*holds text/);
    await refuses({ name: 'register.xlsx', data: await wordPlan() }, 'unreadable-file', /named as an Excel workbook \(\.xlsx\) but holds a Word document\. Rename it to \.docx/);
    await refuses({ name: 'plan.csv', data: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]) }, 'unreadable-file', /is a PDF.*paste it/);
  });
  it('an empty sheet, and an empty file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await refuses({ name: 'empty.xlsx', data: new Uint8Array(await wb.xlsx.writeBuffer()) }, 'nothing-to-import', /no filled cells/);
    await refuses({ name: 'empty.csv', data: new Uint8Array() }, 'unreadable-file', /is empty/);
  });
  it('a table with no recognisable headings: previewed with every cell listed, and refused on import', async () => {
    const preview = await previewImport({ name: 'mystery.csv', data: 'Alpha,Beta\nOne,Two\nThree,Four\n' });
    expect(preview.warnings.join(' ')).toMatch(/No table has column headings Coplan recognises.*Choose what each column holds/);
    expect(preview.notImported.map((n) => n.text)).toEqual(['Alpha', 'Beta', 'One', 'Two', 'Three', 'Four']);
    const plan = createPlan(new Y.Doc(), seedPlans[1]!.input);
    const before = Y.encodeStateAsUpdate(plan.doc);
    expect(() => importIntoPlan(plan, preview.plan, 'add')).toThrow(/nothing to import.*Check the column mapping/);
    expect(Y.encodeStateAsUpdate(plan.doc)).toEqual(before);
    // Mapping the columns by hand makes it importable.
    const mapped = previewParsed(preview.parsed, { mapping: { 'column 1': 'objective', 'column 2': 'action' } });
    expect(mapped.counts.actions).toBe(3);
  });
  it('a 50 MB CSV', async () => {
    const line = 'Objective,Action,Lead,Timescale\n' + 'x'.repeat(100) + ',y,z,March 2025\n';
    const big = new TextEncoder().encode(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    await refuses({ name: 'huge.csv', data: big }, 'file-too-large', /is 50 MB, larger than the 20 MB Coplan imports.*save just the plan's table/);
  });
  it('a JSON file from a newer schema', async () => {
    await refuses({ name: 'plan.json', data: '{"format":"coplan.plan","version":99,"plan":{"title":"x"}}' }, 'schema-too-new', /newer Coplan.*Update Coplan/);
  });
});

describe('importing into an existing plan', () => {
  it('adds after the plan’s priorities, reusing its leads, and one undo takes it all back', async () => {
    const plan = createPlan(new Y.Doc(), seedPlans[1]!.input);
    const before = plan.snapshot();
    const preview = await previewImport({ name: 'plan.docx', data: await wordPlan() });
    const leadsBefore = before.leads.length;
    importIntoPlan(plan, { ...preview.plan, leads: [...preview.plan.leads!, { name: 'LSCB team', kind: 'group' }] }, 'add');
    const after = plan.snapshot();
    expect(after.title).toBe(before.title);
    expect(after.priorities.map((p) => p.title)).toEqual([...before.priorities.map((p) => p.title), 'Neglect', 'Child exploitation']);
    expect(after.leads.filter((l) => l.name === 'LSCB team').length).toBe(1);
    const known = new Set(before.leads.map((l) => l.name.toLowerCase()));
    expect(after.leads.length).toBe(leadsBefore + preview.plan.leads!.filter((l) => !known.has(l.name.toLowerCase())).length);
    expect(plan.undo()).toBe(true);
    expect(plan.snapshot().priorities.map((p) => p.id)).toEqual(before.priorities.map((p) => p.id));
    expect(plan.snapshot().leads.length).toBe(leadsBefore);
  });

  it('replaces: the old priorities go to the bin, where they can be restored', async () => {
    const plan = createPlan(new Y.Doc(), seedPlans[1]!.input);
    const old = plan.snapshot().priorities.map((p) => p.id);
    const preview = await previewImport({ name: 'plan.docx', data: await wordPlan() });
    importIntoPlan(plan, preview.plan, 'replace');
    const s = plan.snapshot();
    expect(s.priorities.map((p) => p.title)).toEqual(['Neglect', 'Child exploitation']);
    expect(s.bin.map((b) => b.id)).toEqual(expect.arrayContaining(old));
    plan.undo();
    expect(plan.snapshot().priorities.map((p) => p.id)).toEqual(old);
  });

  it('refuses an unknown mode without writing', () => {
    const plan = createPlan(new Y.Doc(), seedPlans[1]!.input);
    expect(() => importIntoPlan(plan, seedPlans[0]!.input, 'merge' as 'add')).toThrow(/"add" or "replace"/);
  });
});
