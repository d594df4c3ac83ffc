import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCoplanFile } from '@coplan/core';
import { coplan, tempDir } from './helpers.js';

const CSV = [
  'Priority,Objective,Action,Lead,Timescale',
  'Neglect,Reduce the impact of neglect,Train 200 practitioners in the neglect toolkit,L&D Sub-group,By 31/03/2025',
  'Neglect,Reduce the impact of neglect,Audit use of the toolkit,QA Sub-group,June 2025',
  'Exploitation,Understand exploitation locally,Produce a problem profile,Police,March 2027',
].join('\n');
const ACTIONS = ['Train 200 practitioners in the neglect toolkit', 'Audit use of the toolkit', 'Produce a problem profile'];

async function planIn(dir: string): Promise<void> {
  writeFileSync(join(dir, 'register.csv'), CSV);
  const r = await coplan(['import', 'register.csv', '-o', 'plan.coplan', '--title', 'Business Plan 2024-27'], dir);
  expect(r.code, r.stderr).toBe(0);
}

describe('export and report refuse a plan file they cannot use', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await planIn(dir);
    writeFileSync(join(dir, 'notes.coplan'), 'meeting notes, not a plan');
    writeFileSync(join(dir, 'empty-doc.coplan'), encodeCoplanFile(new Y.Doc()));
    writeFileSync(join(dir, 'out.json'), 'the previous export');
  });

  const cases: Array<[string, string, RegExp]> = [
    ['a file that is not there', 'missing.coplan', /cannot read "missing\.coplan": there is no such file or folder/],
    ['a file that is not a .coplan', 'notes.coplan', /"notes\.coplan": This is not a \.coplan file/],
    ['a .coplan holding no plan', 'empty-doc.coplan', /"empty-doc\.coplan": This document holds no Coplan plan/],
  ];
  for (const [what, file, message] of cases) {
    it(`${what}: exit 2 for export and report, the old output left as it was`, async () => {
      for (const args of [
        ['export', file, '-o', 'out.json'],
        ['report', file, '--kind', 'progress', '-o', 'out.md'],
      ]) {
        const r = await coplan(args, dir);
        expect(r.stderr, args.join(' ')).toMatch(message);
        expect(r.code, args.join(' ')).toBe(2);
      }
      expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('the previous export');
    });
  }
});

describe('coplan export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await planIn(dir);
  });

  it('exports JSON that holds every row, to a file and to standard output', async () => {
    const r = await coplan(['export', 'plan.coplan', '-o', 'plan.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Wrote "plan\.json" \(json, /);
    const json = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    expect(json.format).toBe('coplan.plan');
    expect(json.plan.title).toBe('Business Plan 2024-27');
    expect(json.plan.priorities.map((p: { title: string }) => p.title)).toEqual(['Neglect', 'Exploitation']);
    type Exported = { objectives: { actions: { text: string; leads: string[]; timescale: string }[] }[] };
    const actions = json.plan.priorities.flatMap((p: Exported) => p.objectives.flatMap((o) => o.actions.map((a) => [a.text, a.leads, a.timescale])));
    expect(actions).toEqual([
      [ACTIONS[0], ['L&D Sub-group'], 'By 31/03/2025'],
      [ACTIONS[1], ['QA Sub-group'], 'June 2025'],
      [ACTIONS[2], ['Police'], 'March 2027'],
    ]);
    const piped = await coplan(['export', 'plan.coplan', '-o', '-'], dir);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout.toString()).plan.priorities).toHaveLength(2);
    expect(piped.stderr).toBe('');
  });

  it('exports Word as a .docx zip, and Excel with one row per action', async () => {
    const docx = await coplan(['export', 'plan.coplan', '-o', 'plan.docx'], dir);
    expect(docx.code, docx.stderr).toBe(0);
    const word = readFileSync(join(dir, 'plan.docx'));
    expect(word.subarray(0, 2).toString()).toBe('PK');
    expect(word.includes('word/document.xml')).toBe(true);

    const xlsx = await coplan(['export', 'plan.coplan', '--format', 'xlsx', '-o', 'register.xlsx'], dir);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'register.xlsx')) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => rows.push((row.values as unknown[]).map((v) => String(v ?? '')))));
    for (const action of ACTIONS)
      expect(
        rows.filter((r) => r.includes(action)),
        action,
      ).toHaveLength(1);
  });

  it('exports CSV, Markdown and HTML holding the actions', async () => {
    for (const ext of ['csv', 'md', 'html']) {
      const r = await coplan(['export', 'plan.coplan', '-o', `plan.${ext}`], dir);
      expect(r.code, `${ext}: ${r.stderr}`).toBe(0);
      const text = readFileSync(join(dir, `plan.${ext}`), 'utf8');
      for (const action of ACTIONS) expect(text, ext).toContain(ext === 'html' ? action.replace(/&/g, '&amp;') : action);
    }
  });

  it('an output that cannot be written: exit 3', async () => {
    const r = await coplan(['export', 'plan.coplan', '-o', 'plan.coplan/plan.json'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could not write "plan\.coplan\/plan\.json"/);
  });
});

describe('coplan report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await planIn(dir);
  });

  it('a progress report in HTML names what is overdue', async () => {
    const r = await coplan(['report', 'plan.coplan', '--kind', 'progress', '--today', '2026-01-15', '-o', 'progress.html'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Wrote "progress\.html" \(progress report, html, /);
    const html = readFileSync(join(dir, 'progress.html'), 'utf8');
    expect(html).toContain('Overdue');
    expect(html).toContain('Audit use of the toolkit');
  });

  it('writes each kind as Word and Markdown (to standard output by default)', async () => {
    for (const kind of ['progress', 'lead', 'annual']) {
      const docx = await coplan(['report', 'plan.coplan', '--kind', kind, '--today', '2026-01-15', '-o', `${kind}.docx`], dir);
      expect(docx.code, `${kind}: ${docx.stderr}`).toBe(0);
      expect(
        readFileSync(join(dir, `${kind}.docx`))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      const md = await coplan(['report', 'plan.coplan', '--kind', kind, '--today', '2026-01-15', '--since', '2025-01-01', '-o', '-'], dir);
      expect(md.code, `${kind}: ${md.stderr}`).toBe(0);
      expect(md.stdout.toString(), kind).toMatch(/^#/m);
    }
    const lead = await coplan(['report', 'plan.coplan', '--kind', 'lead', '-o', '-'], dir);
    expect(lead.stdout.toString()).toContain('QA Sub-group');
  });

  it("--year picks the annual report's business year; a year not written like 2025/26 is refused", async () => {
    const y = await coplan(['report', 'plan.coplan', '--kind', 'annual', '--year', '2024/25', '-o', '-'], dir);
    expect(y.code, y.stderr).toBe(0);
    expect(y.stdout.toString()).toMatch(/^# Annual report 2024\/25 \(draft\)/);
    const bad = await coplan(['report', 'plan.coplan', '--kind', 'annual', '--year', '2024/26', '-o', '-'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--year must be a business year written like 2025\/26/);
    const wrongKind = await coplan(['report', 'plan.coplan', '--kind', 'lead', '--year', '2024/25', '-o', '-'], dir);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toMatch(/--year is for --kind annual or governance/);
  });
});
