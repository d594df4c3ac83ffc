/**
 * Plans in and out: `npm run bench` runs it (after the core's bench).
 * Exports a 1,000-action plan to each format, beside the bare library write
 * of the same rows (a plain docx table, an unstyled exceljs sheet, papaparse,
 * joined strings, JSON.stringify); then reads it back from each format beside
 * the bare library read of the same bytes (papaparse, mammoth, exceljs,
 * htmlparser2), so each figure says what Coplan adds on top of the library.
 * Medians, the two alternating in the same run.
 */
import os from 'node:os';
import Papa from 'papaparse';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { Parser } from 'htmlparser2';
import * as Y from 'yjs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { createPlan } from '@coplan/core';
import { REGISTER_COLUMNS } from '@coplan/core/formats';
import { previewImport } from '@coplan/import';
import { exportPlan, registerToCsv, type ExportFormat } from '../dist/index.js';
import { generatePlan } from '../../core/bench/generate-plan.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function sideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>, repeat: number): Promise<{ a: number; b: number }> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < repeat; i++) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  return { a: median(ta), b: median(tb) };
}

const plan = createPlan(new Y.Doc(), generatePlan(10, 10, 10, 1));
const snapshot = plan.snapshot();
const csv = registerToCsv(snapshot);
const sources: { format: string; name: string; data: Uint8Array | string; bare: (data: Uint8Array | string) => Promise<unknown> }[] = [
  { format: 'csv', name: 'register.csv', data: csv, bare: async (d) => Papa.parse(d as string) },
];
{
  const docx = (await exportPlan(snapshot, 'docx')) as Uint8Array;
  const xlsx = (await exportPlan(snapshot, 'xlsx')) as Uint8Array;
  const html = (await exportPlan(snapshot, 'html')) as string;
  const md = (await exportPlan(snapshot, 'md')) as string;
  sources.push(
    { format: 'docx', name: 'plan.docx', data: docx, bare: (d) => mammoth.convertToHtml({ buffer: Buffer.from(d as Uint8Array) }) },
    { format: 'xlsx', name: 'register.xlsx', data: xlsx, bare: (d) => new ExcelJS.Workbook().xlsx.load((d as Uint8Array).slice().buffer as ArrayBuffer) },
    {
      format: 'html',
      name: 'plan.html',
      data: html,
      bare: async (d) => {
        const p = new Parser({});
        p.write(d as string);
        p.end();
      },
    },
    { format: 'md', name: 'plan.md', data: md, bare: async (d) => (d as string).split('\n').map((l) => l.split('|')) },
  );
}

console.log(`\nCoplan plans in and out benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`plan: ${snapshot.priorities.length} priorities, 1,000 actions\n`);
// The same rows, written by each library with nothing of Coplan's layout.
const rows: string[][] = snapshot.priorities.flatMap((p) => p.objectives.flatMap((o) => o.actions.map((a) => [p.title, o.text, a.text, a.leads.map((l) => l.name).join('; '), a.timescale.text])));
const bareWrites: Record<ExportFormat, () => Promise<unknown>> = {
  docx: () =>
    Packer.toArrayBuffer(new Document({ sections: [{ children: [new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) })] }] })),
  xlsx: async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('rows');
    ws.addRow([...REGISTER_COLUMNS]);
    ws.addRows(rows);
    return wb.xlsx.writeBuffer();
  },
  csv: async () => Papa.unparse(rows),
  json: async () => JSON.stringify(snapshot),
  md: async () => rows.map((r) => `| ${r.join(' | ')} |`).join('\n'),
  html: async () => `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`,
};
console.log('| export of a 1,000-action plan | exportPlan (ms, median) | bare library write of the same rows (ms) | output |\n|---|---|---|---|');
for (const format of Object.keys(bareWrites) as ExportFormat[]) {
  let size = 0;
  const t = await sideBySide(
    async () => {
      const out = await exportPlan(snapshot, format);
      size = typeof out === 'string' ? out.length : out.byteLength;
    },
    bareWrites[format],
    7,
  );
  console.log(`| ${format} | ${t.a.toFixed(1)} | ${t.b.toFixed(1)} | ${size >> 10} KiB |`);
}
console.log('');
console.log('| import of a 1,000-action plan | previewImport (ms, median) | bare library read (ms) | actions found |\n|---|---|---|---|');
for (const s of sources) {
  let found = 0;
  const t = await sideBySide(
    async () => {
      found = (await previewImport({ name: s.name, data: s.data })).counts.actions;
    },
    () => s.bare(s.data),
    7,
  );
  console.log(`| ${s.format} (${(typeof s.data === 'string' ? s.data.length : s.data.byteLength) >> 10} KiB) | ${t.a.toFixed(1)} | ${t.b.toFixed(1)} | ${found} |`);
}
