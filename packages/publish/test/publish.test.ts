import * as Y from 'yjs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createPlan, listActions, PlanError, type PlanSnapshot } from '@coplan/core';
import { previewImport } from '@coplan/import';
import { EXPORT_FORMATS, exportPlan, type ExportFormat } from '../src/index.js';
import { seedPlans } from '@coplan/seeds';

const lancashire = () => createPlan(new Y.Doc(), seedPlans[1]!.input, { user: 'Business Manager' });

async function docxParts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async('string');
  const names = Object.keys(zip.files);
  return {
    document: await read('word/document.xml'),
    headers: await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read)),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read)),
  };
}

describe('Word', () => {
  for (const { seed, input } of seedPlans) {
    it(`${seed}: the text holds every action, lead and timescale`, async () => {
      const s = createPlan(new Y.Doc(), input).snapshot();
      const bytes = (await exportPlan(s, 'docx')) as Uint8Array;
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      const squash = (t: string) => t.replace(/\s+/g, ' ');
      const all = squash(text);
      for (const { action } of listActions(s)) {
        expect(all).toContain(squash(action.text));
        for (const l of action.leads) expect(all).toContain(squash(l.name));
        if (action.timescale.text) expect(all).toContain(squash(action.timescale.text));
      }
    });
  }

  it('is laid out as partnerships publish: real headings, one table per priority with a repeating header row, landscape, title and version on every page, Page X of Y', async () => {
    const s = lancashire().snapshot();
    const bytes = (await exportPlan(s, 'docx')) as Uint8Array;
    const { document, headers, footers } = await docxParts(bytes);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain(`<h1>${s.title}</h1>`);
    expect(html.match(/<h2>Priority \d: /g)).toHaveLength(s.priorities.length);
    // One table per priority (and the consultation plan), each with a header row Word repeats on every page.
    const tables = document.match(/<w:tbl>/g)!.length;
    expect(tables).toBe(s.priorities.length + (s.consultation.length ? 1 : 0) + (s.indicators.length ? 1 : 0));
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(tables);
    expect(document).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    expect(await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string')).toMatch(/<w:lang w:val="en-GB"/);
    expect(await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')!.async('string')).toContain(`<dc:title>${s.title}</dc:title>`);
    expect(headers.join('')).toContain(s.title);
    expect(s.status).toBe('consultation');
    expect(headers.join('')).toContain(`${s.title} · Out for consultation`);
    const footer = footers.join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(footer).toContain('Page ');
  });
});

describe('Excel and CSV action registers', () => {
  it('one row per action, with priority, objective, leads, timescale, a real due date, RAG and latest progress', async () => {
    const plan = lancashire();
    const first = listActions(plan.snapshot())[0]!.action;
    plan.create('progress', { date: '2016-01-12', author: 'CSE co-ordinator', rag: 'red', narrative: 'Launch slipped' }, { parentId: first.id });
    const s = plan.snapshot();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(((await exportPlan(s, 'xlsx')) as Uint8Array).slice().buffer as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(listActions(s).length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Ref', 'Priority', 'Objective', 'Action', 'Leads', 'Timescale', 'Due', 'Status', 'RAG', 'Latest progress', 'Progress date']);
    listActions(s).forEach(({ priority, objective, action }, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(2).value).toBe(priority.title);
      expect(row.getCell(3).value).toBe(objective.text);
      expect(row.getCell(4).value).toBe(action.text);
      expect(row.getCell(5).value ?? '').toBe(action.leads.map((l) => l.name).join('; '));
      expect(row.getCell(6).value ?? '').toBe(action.timescale.text);
    });
    const due = sheet.getRow(2).getCell(7).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2016-03-31');
    expect(sheet.getRow(2).getCell(9).value).toBe('Red');
    expect(sheet.getRow(2).getCell(10).value).toBe('Launch slipped');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.headerFooter.oddFooter).toContain('&P of &N');
  });

  it('the CSV has the same rows', async () => {
    const s = lancashire().snapshot();
    const csv = (await exportPlan(s, 'csv')) as string;
    expect(csv.trimEnd().split('\r\n')).toHaveLength(listActions(s).length + 1);
  });
});

describe('HTML for print and PDF, and Markdown', () => {
  it('prints in the familiar layout: one table per priority, header rows repeated, title and version on every page, page numbers', async () => {
    const s = lancashire().snapshot();
    const html = (await exportPlan(s, 'html')) as string;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/@page \{[^}]*size: A4 landscape/);
    expect(html).toContain(`@top-center { content: "${s.title} · Out for consultation"`);
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html.match(/<table /g)).toHaveLength(s.priorities.length + (s.consultation.length ? 1 : 0));
    expect(html.match(/<th scope="col">Objective<\/th>/g)).toHaveLength(s.priorities.length);
    for (const { action } of listActions(s)) expect(html).toContain(action.text.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
  });

  it('what people typed never becomes markup', async () => {
    const plan = createPlan(new Y.Doc(), {
      title: 'Plan <script>alert(1)</script>',
      priorities: [{ title: 'P | one', objectives: [{ text: 'O', actions: [{ text: '<img src=x onerror=alert(1)> & more', leads: ['A|B'] }] }] }],
    });
    const s = plan.snapshot();
    const html = (await exportPlan(s, 'html')) as string;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; more');
    const md = (await exportPlan(s, 'md')) as string;
    expect(md).toContain('A\\|B');
    expect(md).toContain('# Plan &lt;script>alert(1)&lt;/script>');
    expect(md).toContain('&lt;img src=x onerror=alert(1)> & more');
    // And it reads back as typed.
    const back = await previewImport({ name: 'plan.md', data: md });
    expect(back.plan.title).toBe('Plan <script>alert(1)</script>');
    expect(back.plan.priorities![0]!.objectives![0]!.actions![0]).toMatchObject({ text: '<img src=x onerror=alert(1)> & more', leads: ['A|B'] });
  });

  it('Markdown: headings, and a table per priority with one row per action', async () => {
    const s = lancashire().snapshot();
    const md = (await exportPlan(s, 'md')) as string;
    expect(md.startsWith(`# ${s.title}\n`)).toBe(true);
    expect(md.match(/^## Priority \d: /gm)).toHaveLength(s.priorities.length);
    const actionRows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Objective') && !l.startsWith('| Who'));
    expect(actionRows).toHaveLength(listActions(s).length + s.consultation.length);
  });
});

describe('formats', () => {
  it('every format is named with its extension and MIME type, and each export is of the kind it says', async () => {
    const s: PlanSnapshot = lancashire().snapshot();
    for (const [format, info] of Object.entries(EXPORT_FORMATS) as [ExportFormat, (typeof EXPORT_FORMATS)[ExportFormat]][]) {
      const out = await exportPlan(s, format);
      expect(typeof out === 'string', format).toBe(!info.binary);
      if (info.binary)
        expect(
          Buffer.from(out as Uint8Array)
            .subarray(0, 2)
            .toString('latin1'),
        ).toBe('PK');
    }
  });

  it('an unknown format is refused, naming the ones there are', async () => {
    const s = lancashire().snapshot();
    const e = await exportPlan(s, 'pdf' as ExportFormat).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlanError);
    expect((e as Error).message).toMatch(/"pdf" is not an export format\. Choose one of: docx, xlsx, csv, json, md, html/);
  });
});
