import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@coplan/import';
import { coplan, readPlan, tempDir, wordPlan } from './helpers.js';

/**
 * Every bad input: the right exit code, a message naming the problem, and an
 * existing plan at -o left byte for byte as it was, with no temporary file beside it.
 */
describe('coplan import refuses bad input and leaves the existing plan as it was', () => {
  let dir: string;
  let original: Buffer;

  beforeAll(async () => {
    dir = tempDir();
    writeFileSync(join(dir, 'register.csv'), 'Objective,Action,Lead,Timescale\nReduce neglect,Train staff,L&D Sub-group,March 2025\n');
    const made = await coplan(['import', 'register.csv', '-o', 'plan.coplan'], dir);
    expect(made.code, made.stderr).toBe(0);
    original = readFileSync(join(dir, 'plan.coplan'));

    const docx = await wordPlan();
    writeFileSync(join(dir, 'cut.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    writeFileSync(join(dir, 'really-text.docx'), 'Objective\tAction\tLead\nReduce neglect\tTrain staff\tL&D\n');
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'blank.csv'), ',,\n , ,\n');
    writeFileSync(join(dir, 'no-headings.csv'), 'Colour,Shape,Size\nred,round,big\nblue,square,small\n');
    writeFileSync(join(dir, 'newer.json'), '{"format":"coplan.plan","version":99,"plan":{"title":"x"}}');
    writeFileSync(join(dir, 'photo.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4, 5, 6, 0, 0, 0, 7]));
    writeFileSync(join(dir, 'broken.csv'), 'Objective,Action,Lead\nReduce neglect,"Train staff,L&D\n');
    // Over the core's limit: 50 MB of a perfectly good register.
    const row = 'Reduce neglect,Train staff in the neglect toolkit,L&D Sub-group,March 2025\n';
    writeFileSync(join(dir, 'huge.csv'), 'Objective,Action,Lead,Timescale\n' + row.repeat(Math.ceil((50 * 1024 * 1024) / row.length)));
  });

  const cases: Array<[string, string, RegExp]> = [
    ['a truncated .docx', 'cut.docx', /"cut\.docx" could not be read as a Word document.*cut short or damaged/],
    ['a .docx that is really text', 'really-text.docx', /"really-text\.docx" is named as a Word document \(\.docx\) but holds text/],
    ['an empty CSV', 'empty.csv', /"empty\.csv" is empty/],
    ['a CSV of empty cells', 'blank.csv', /nothing to import: no actions were found in "blank\.csv", so "plan\.coplan" was not written/],
    ['a table with no recognisable headings', 'no-headings.csv', /nothing to import: no actions were found in "no-headings\.csv"/],
    ['a 50 MB CSV', 'huge.csv', new RegExp(`"huge\\.csv" is 50 MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB Coplan imports`)],
    ['JSON from a newer Coplan', 'newer.json', /"newer\.json": This plan was exported by a newer Coplan \(format version 99\).*Update Coplan/],
    ['binary data named .csv', 'photo.csv', /"photo\.csv" is not a document Coplan can read/],
    ['a CSV cut short inside a quoted cell', 'broken.csv', /quoted cell that never ends/],
    ['a file that is not there', 'missing.xlsx', /cannot read "missing\.xlsx": there is no such file or folder/],
  ];

  for (const [what, file, message] of cases) {
    it(`${what}: exit 2, says so, plan.coplan unchanged`, async () => {
      const r = await coplan(['import', file, '-o', 'plan.coplan'], dir);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
      expect(readFileSync(join(dir, 'plan.coplan')).equals(original)).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('the no-headings case lists the columns and every cell it did not import', async () => {
    const r = await coplan(['import', 'no-headings.csv', '-o', 'plan.coplan'], dir);
    expect(r.stderr).toMatch(/"Column 1"\s+→ ignore\s+0\.0 not recognised/);
    expect(r.stderr).toMatch(/Not imported \(9\):/);
    expect(r.stderr).toMatch(/table 1, row 3, column "Column 2": "square"/);
  });

  it('an existing plan that is not a .coplan file, or is damaged: exit 2, left as it was', async () => {
    const fake = join(dir, 'fake.coplan');
    writeFileSync(fake, 'just some text');
    const r = await coplan(['import', 'register.csv', '-o', 'fake.coplan'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"fake\.coplan": This is not a \.coplan file/);
    expect(readFileSync(fake, 'utf8')).toBe('just some text');

    const cut = join(dir, 'cut.coplan');
    writeFileSync(cut, original.subarray(0, Math.floor(original.length * 0.6)));
    const before = readFileSync(cut);
    const d = await coplan(['import', 'register.csv', '-o', 'cut.coplan'], dir);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/"cut\.coplan": This \.coplan file is damaged or cut short; nothing was changed/);
    expect(readFileSync(cut).equals(before)).toBe(true);
    // The good plan is still good.
    expect(readPlan(join(dir, 'plan.coplan')).priorities).toHaveLength(1);
  });

  it('an output that cannot be written: exit 3', async () => {
    const r = await coplan(['import', 'register.csv', '-o', 'register.csv/plan.coplan'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could not write "register\.csv\/plan\.coplan": part of the path is a file, not a folder\. Nothing was written/);
    const gone = await coplan(['import', 'register.csv', '-o', 'no-such-folder/plan.coplan'], dir);
    expect(gone.code).toBe(3);
    expect(gone.stderr).toMatch(/could not write "no-such-folder\/plan\.coplan": there is no such file or folder/);
  });
});
