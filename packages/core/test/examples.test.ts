import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe('the README’s embedding example', () => {
  it('runs, records progress, is refused a bad date, and reports from the plan', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, '../examples/embed.ts')], { encoding: 'utf8', cwd: join(here, '..') });
    expect(out).toMatch(/^changed: progress /m);
    expect(out).toMatch(/refused \(invalid-date\): progress\.date must be a real calendar date/);
    expect(out).toMatch(/1\. Improve the effectiveness .*"amber":1/);
    expect(out).toMatch(/Overdue on 1 April 2016: 2 actions/);
  }, 60_000);
});
