import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './helpers.js';

const LOGGER = fileURLToPath(new URL('./fixtures/log-loaded-modules.mjs', import.meta.url));

/** Runs the built CLI with every resolved module logged; returns the exit code and the modules' URLs. */
function modulesLoadedBy(args: string[], cwd: string): Promise<{ code: number | null; modules: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', LOGGER, BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, modules: [...err.matchAll(/^loaded: (.+)$/gm)].map((m) => m[1]!) }));
  });
}

const loads = (modules: string[], name: string) => modules.some((url) => url.includes(`/node_modules/${name}/`) || url.includes(`/packages/${name}/`));

describe('each command loads only what it uses', () => {
  it('--version loads the model but neither the readers nor the writers', async () => {
    const { code, modules } = await modulesLoadedBy(['--version'], tempDir());
    expect(code).toBe(0);
    expect(loads(modules, 'core')).toBe(true);
    for (const heavy of ['import', 'publish', 'docx', 'exceljs', 'mammoth']) expect(loads(modules, heavy), heavy).toBe(false);
  });

  it('import loads the readers but not the Word and Excel writers', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.csv'), 'Priority,Objective,Action,Lead,Timescale\nNeglect,Embed the toolkit,Train 200 practitioners,L&D Sub-group,March 2025\n');
    const { code, modules } = await modulesLoadedBy(['import', 'plan.csv', '-o', 'plan.coplan'], dir);
    expect(code).toBe(0);
    expect(loads(modules, 'import')).toBe(true);
    for (const heavy of ['publish', 'docx']) expect(loads(modules, heavy), heavy).toBe(false);
  });

  it('export loads the writers but not the readers', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.csv'), 'Priority,Objective,Action,Lead,Timescale\nNeglect,Embed the toolkit,Train 200 practitioners,L&D Sub-group,March 2025\n');
    expect((await modulesLoadedBy(['import', 'plan.csv', '-o', 'plan.coplan'], dir)).code).toBe(0);
    const { code, modules } = await modulesLoadedBy(['export', 'plan.coplan', '--format', 'md', '-o', 'plan.md'], dir);
    expect(code).toBe(0);
    expect(loads(modules, 'publish')).toBe(true);
    for (const heavy of ['import', 'mammoth']) expect(loads(modules, heavy), heavy).toBe(false);
  });
});
