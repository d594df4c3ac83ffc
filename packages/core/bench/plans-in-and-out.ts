/**
 * Import benchmark: `npm run bench` runs it after bench/run.ts.
 * Reads a 1,000-action plan back from each format Coplan exports, beside the
 * bare library read of the same bytes in the same run (papaparse, mammoth,
 * exceljs, htmlparser2 as used by the reader), so the figure says what the
 * mapping into a plan costs on top of reading the file at all.
 */
import os from 'node:os';
import Papa from 'papaparse';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { Parser } from 'htmlparser2';
import * as Y from 'yjs';
import * as core from '../dist/index.js';
import { generatePlan } from './generate-plan.js';

const { createPlan, previewImport, registerToCsv } = core;
// exportPlan arrives with the exporters; the bench measures what the build has.
const exportPlan = (core as Record<string, unknown>).exportPlan as undefined | ((s: unknown, f: string) => Promise<Uint8Array | string>);

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
if (exportPlan) {
  const docx = (await exportPlan(snapshot, 'docx')) as Uint8Array;
  const xlsx = (await exportPlan(snapshot, 'xlsx')) as Uint8Array;
  const html = (await exportPlan(snapshot, 'html')) as string;
  const md = (await exportPlan(snapshot, 'md')) as string;
  sources.push(
    { format: 'docx', name: 'plan.docx', data: docx, bare: (d) => mammoth.convertToHtml({ buffer: Buffer.from(d as Uint8Array) }) },
    { format: 'xlsx', name: 'register.xlsx', data: xlsx, bare: (d) => new ExcelJS.Workbook().xlsx.load((d as Uint8Array).slice().buffer as ArrayBuffer) },
    { format: 'html', name: 'plan.html', data: html, bare: async (d) => { const p = new Parser({}); p.write(d as string); p.end(); } },
    { format: 'md', name: 'plan.md', data: md, bare: async (d) => (d as string).split('\n').map((l) => l.split('|')) },
  );
}

console.log(`\nCoplan import benchmark — ${new Date().toISOString()}`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`plan: ${snapshot.priorities.length} priorities, 1,000 actions\n`);
console.log('| import of a 1,000-action plan | previewImport (ms, median) | bare library read (ms) | actions found |\n|---|---|---|---|');
for (const s of sources) {
  let found = 0;
  const t = await sideBySide(
    async () => { found = (await previewImport({ name: s.name, data: s.data })).counts.actions; },
    () => s.bare(s.data),
    7,
  );
  console.log(`| ${s.format} (${(typeof s.data === 'string' ? s.data.length : s.data.byteLength) >> 10} KiB) | ${t.a.toFixed(1)} | ${t.b.toFixed(1)} | ${found} |`);
}
