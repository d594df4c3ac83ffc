import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import * as Y from 'yjs';
import { listActions, mergeCoplanFile, openPlan, type PlanSnapshot } from '@coplan/core';

/** The built `coplan` bin. */
export const BIN = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface Result {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs `node dist/cli.js ARGS` in `cwd` and waits for it to exit. */
export function coplan(args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err }));
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coplan-cli-'));
}

/** The plan in a .coplan file, read with the core as the app would. */
export function readPlan(path: string): PlanSnapshot {
  const doc = new Y.Doc();
  mergeCoplanFile(doc, new Uint8Array(readFileSync(path)));
  return openPlan(doc).snapshot();
}

export const actionTexts = (s: PlanSnapshot) => listActions(s).map(({ action }) => action.text);

/** A real Word plan: a heading per priority and a table under it. */
export async function wordPlan(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Safeguarding Children Partnership Business Plan 2024-25'),
          new Paragraph('Priority 1: Neglect'),
          new Table({
            rows: [
              row(['Objective', 'Action', 'Lead', 'Timescale']),
              row(['Embed the neglect toolkit', 'Train 200 practitioners', 'L&D Sub-group', 'March 2025']),
              row(['Embed the neglect toolkit', 'Audit use of the toolkit', 'QA Sub-group', 'June 2025']),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
