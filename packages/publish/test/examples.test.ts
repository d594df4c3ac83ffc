import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../examples/publish-a-plan.ts', import.meta.url));

describe('the README’s example', () => {
  it('publishes the plan as Markdown and Word, and writes a progress report', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', example], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
    expect(out).toMatch(/^Markdown: # Safeguarding Children Partnership Business Plan 2025-26$/m);
    expect(out).toMatch(/^Word document: written$/m);
    expect(out).toMatch(/^the progress report carries the latest narrative$/m);
  }, 60_000);
});
