import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../examples/import-a-register.ts', import.meta.url));

describe('the README’s example', () => {
  it('previews a register, takes a correction, and writes the plan', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', example], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
    expect(out).toMatch(/^column "Accountable body" read as lead \(1\)$/m);
    expect(out).toMatch(/^column "Difference made" read as ignore \(0\)$/m);
    expect(out).toMatch(/^Embed the neglect toolkit: Staff use the toolkit in supervision$/m);
    expect(out).toMatch(/^ {2}Audit use of the toolkit — QA Sub-group — due 2025-06-30$/m);
  }, 60_000);
});
