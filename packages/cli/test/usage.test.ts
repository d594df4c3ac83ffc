import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coplan, tempDir } from './helpers.js';

const USAGE_LINE = /coplan import FILE -o PLAN\.coplan/;

describe('coplan usage', () => {
  it('prints help for the tool and for each command on stdout, exit 0', async () => {
    const dir = tempDir();
    const all = await coplan(['--help'], dir);
    expect(all.code).toBe(0);
    const text = all.stdout.toString();
    for (const line of [
      USAGE_LINE,
      /coplan export PLAN\.coplan \[--format docx\|xlsx\|csv\|json\|md\|html\] -o OUT/,
      /coplan report PLAN\.coplan --kind progress\|lead\|annual/,
      /Exit codes/,
      /^ {2}70 a fault in Coplan itself/m,
    ])
      expect(text).toMatch(line);
    for (const [command, expected] of [
      ['import', /--map "Heading=field"/],
      ['export', /- for standard output/],
      ['report', /--since YYYY-MM-DD/],
    ] as const) {
      const r = await coplan([command, '--help'], dir);
      expect(r.code, command).toBe(0);
      expect(r.stdout.toString()).toMatch(expected);
      expect(r.stderr).toBe('');
    }
  });

  it('prints its version from package.json', async () => {
    const r = await coplan(['--version'], tempDir());
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toMatch(new RegExp(`^coplan ${version.replace(/\./g, '\\.')} \\(plan layout \\d+, JSON format \\d+\\)\\n$`));
  });

  it('refuses an unknown command, an unknown flag and a missing argument with exit 1 and the usage', async () => {
    const dir = tempDir();
    const cases: Array<[string[], RegExp]> = [
      [[], /missing command/],
      [['publish', 'x'], /unknown command "publish"/],
      [['--frobnicate'], /unknown option "--frobnicate"/],
      [['import', 'plan.csv', '-o', 'p.coplan', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['import', '-o', 'p.coplan'], /missing FILE to import/],
      [['import', 'a.csv', 'b.csv', '-o', 'p.coplan'], /expected one FILE to import, got 2/],
      [['import', 'plan.csv'], /missing -o PLAN\.coplan/],
      [['import', 'plan.csv', '-o', 'plan.json'], /-o must name a \.coplan file/],
      [['import', 'plan.csv', '-o', 'p.coplan', '--mode', 'merge'], /--mode must be one of add, replace; got "merge"/],
      [['import', 'plan.csv', '-o', 'p.coplan', '--map', 'Lead'], /--map needs "Heading=field"/],
      [['import', 'plan.csv', '-o', 'p.coplan', '--map', 'Lead=boss'], /must be one of priority, objective, action, lead/],
      [['export', 'p.coplan'], /missing -o OUT/],
      [['export', 'p.coplan', '-o', 'out.pdf'], /cannot tell the format from "out\.pdf"/],
      [['export', 'p.coplan', '-o', 'out', '--format', 'pdf'], /--format must be one of docx, xlsx, csv, json, md, html; got "pdf"/],
      [['report', 'p.coplan', '-o', 'r.md'], /missing --kind/],
      [['report', 'p.coplan', '--kind', 'weekly', '-o', 'r.md'], /--kind must be one of progress, lead, annual/],
      [['report', 'p.coplan', '--kind', 'progress', '-o', 'r.xlsx'], /cannot tell the format from "r\.xlsx"/],
      [['report', 'p.coplan', '--kind', 'progress', '--since', '2026-02-30', '-o', 'r.md'], /--since must be a date written YYYY-MM-DD.*"2026-02-30"/],
      [['report', 'p.coplan', '--kind', 'progress', '--since', '2026-05-01', '--today', '2026-04-01', '-o', 'r.md'], /--since \(2026-05-01\) is after --today/],
    ];
    for (const [args, message] of cases) {
      const r = await coplan(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr, args.join(' ')).toMatch(/Usage:\n {2}coplan /);
      expect(r.stdout.length).toBe(0);
    }
  });
});
