import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** Runs one README example as an ES module from the package's folder (as an embedder's file would), with a line of our own after it. */
const run = (example: string, probe: string) => execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `${example}\n${probe}`], { cwd: packageDir, encoding: 'utf8' });

describe('the README’s examples run as written', () => {
  it('has the examples this test knows how to check', () => {
    expect(examples.length).toBe(3);
  });

  it('reads a seed text', () => {
    const out = run(examples[0]!, 'console.log(JSON.stringify({ length: llr.length, path: seedTextPath("004_5187200b7a039977") }));');
    const { length, path } = JSON.parse(out) as { length: number; path: string };
    expect(length).toBeGreaterThan(10_000);
    expect(readFileSync(path, 'utf8')).toMatch(/v1\.2/);
  });

  it('makes a plan from the demo seed', () => {
    const out = run(examples[1]!, 'console.log(JSON.stringify({ title: plan.snapshot().title, priorities: plan.snapshot().priorities.length, seeds: seedPlans.length }));');
    const { title, priorities, seeds } = JSON.parse(out) as { title: string; priorities: number; seeds: number };
    expect(title).toBe('LSCB Business Plan 2015/16');
    expect(priorities).toBeGreaterThanOrEqual(4);
    expect(seeds).toBe(4);
  });

  it("loads Lincolnshire's arrangements into a plan", () => {
    const out = run(examples[2]!, 'console.log(JSON.stringify(governance.arrangements().groups.map((g) => g.name)));');
    expect(JSON.parse(out)).toEqual(['Strategic Management Group', 'Operational Delivery Group', 'Education Sub-Group']);
  });
});
