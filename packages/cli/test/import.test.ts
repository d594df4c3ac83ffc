import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { createPlan, listActions, planToJson } from '@coplan/core';
import { demoPlanInput, seedPlans } from '@coplan/seeds';
import { seedTextPath } from '@coplan/seeds/texts';
import { actionTexts, coplan, readPlan, tempDir, wordPlan } from './helpers.js';

const CSV = [
  'Objective,Action,Lead,Timescale',
  'Reduce the impact of neglect,Train 200 practitioners in the neglect toolkit,L&D Sub-group,March 2025',
  'Reduce the impact of neglect,"Audit use of the toolkit, twice",QA Sub-group,June 2025',
  'Understand exploitation locally,Produce a problem profile,Police,Quarterly',
].join('\n');

describe('coplan import', () => {
  it('imports a CSV into a new .coplan file the core opens, with every row', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'register.csv'), CSV);
    const r = await coplan(['import', 'register.csv', '-o', 'plan.coplan'], dir);
    expect(r.stderr).toMatch(/Read "register\.csv" \(csv\): 1 priority, 2 objectives, 3 actions \(3 with leads, 3 with timescales\)/);
    expect(r.stderr).toMatch(/"Lead"\s+→ lead\s+1\.0 sure/);
    expect(r.stderr).toMatch(/Wrote "plan\.coplan": a new plan "register" with 1 priority and 3 actions/);
    expect(r.code).toBe(0);
    const plan = readPlan(join(dir, 'plan.coplan'));
    expect(plan.title).toBe('register');
    expect(plan.priorities[0]!.objectives.map((o) => o.text)).toEqual(['Reduce the impact of neglect', 'Understand exploitation locally']);
    expect(actionTexts(plan)).toEqual(['Train 200 practitioners in the neglect toolkit', 'Audit use of the toolkit, twice', 'Produce a problem profile']);
    expect(listActions(plan).map(({ action }) => action.leads.map((l) => l.name))).toEqual([['L&D Sub-group'], ['QA Sub-group'], ['Police']]);
    // Written by rename: no temporary file left beside it.
    expect(readdirSync(dir).sort()).toEqual(['plan.coplan', 'register.csv']);
  });

  it('imports tab-separated text and a Markdown table, with --title', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'pasted.tsv'),
      'Objective\tAction\tLead\tTimescale\nHear the child\tRun a voice-of-the-child survey\tParticipation Officer\tSeptember 2025\nHear the child\tPublish what children told us\tBusiness Manager\tDecember 2025\n',
    );
    writeFileSync(
      join(dir, 'plan.md'),
      '# Business Plan 2025-26\n\n| Objective | Action | Lead | Timescale |\n|---|---|---|---|\n| Keep babies safe | Launch the safer sleep campaign | Public Health | April 2025 |\n| Keep babies safe | Audit ICON training | Health Sub-group | July 2025 |\n',
    );
    const tsv = await coplan(['import', 'pasted.tsv', '-o', 'tsv.coplan', '--title', 'Voice of the child plan'], dir);
    expect(tsv.code, tsv.stderr).toBe(0);
    expect(tsv.stderr).toMatch(/\(tsv\): 1 priority, 1 objective, 2 actions/);
    const fromTsv = readPlan(join(dir, 'tsv.coplan'));
    expect(fromTsv.title).toBe('Voice of the child plan');
    expect(actionTexts(fromTsv)).toEqual(['Run a voice-of-the-child survey', 'Publish what children told us']);
    expect(listActions(fromTsv).map(({ action }) => action.timescale?.text)).toEqual(['September 2025', 'December 2025']);

    const md = await coplan(['import', 'plan.md', '-o', 'md.coplan'], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stderr).toMatch(/\(markdown\): 1 priority, 1 objective, 2 actions/);
    const fromMd = readPlan(join(dir, 'md.coplan'));
    expect(fromMd.title).toBe('Business Plan 2025-26');
    expect(actionTexts(fromMd)).toEqual(['Launch the safer sleep campaign', 'Audit ICON training']);
  });

  it('imports a real Word document', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.docx'), await wordPlan());
    const r = await coplan(['import', 'plan.docx', '-o', 'plan.coplan'], dir);
    expect(r.code, r.stderr).toBe(0);
    const plan = readPlan(join(dir, 'plan.coplan'));
    expect(plan.priorities.map((p) => p.title)).toEqual(['Neglect']);
    expect(actionTexts(plan)).toEqual(['Train 200 practitioners', 'Audit use of the toolkit']);
  });

  it('imports an Excel workbook, an HTML table and Coplan JSON', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.addRow(['Ref', 'Priority', 'Objective', 'Specific actions', 'Lead agency', 'Target date', 'RAG rating']);
    ws.addRow(['1.1', 'Neglect', 'Embed the toolkit', 'Train 200 practitioners', 'L&D Sub-group', 'March 2025', 'Amber']);
    ws.addRow(['2.1', 'Exploitation', 'Know the problem', 'Produce a problem profile', 'Police', 'Quarterly', 'Green']);
    writeFileSync(join(dir, 'register.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const xlsx = await coplan(['import', 'register.xlsx', '-o', 'xlsx.coplan'], dir);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const fromXlsx = readPlan(join(dir, 'xlsx.coplan'));
    expect(fromXlsx.priorities.map((p) => p.title)).toEqual(['Neglect', 'Exploitation']);
    expect(listActions(fromXlsx).map(({ action }) => [action.text, action.rag])).toEqual([
      ['Train 200 practitioners', 'amber'],
      ['Produce a problem profile', 'green'],
    ]);

    writeFileSync(
      join(dir, 'plan.html'),
      '<h1>Business Plan 2025-26</h1><table><tr><th>Objective</th><th>Action</th><th>Lead</th></tr><tr><td>Hear the child</td><td>Run a survey</td><td>Participation Officer</td></tr></table>',
    );
    const html = await coplan(['import', 'plan.html', '-o', 'html.coplan'], dir);
    expect(html.code, html.stderr).toBe(0);
    expect(actionTexts(readPlan(join(dir, 'html.coplan')))).toEqual(['Run a survey']);

    const demo = createPlan(new Y.Doc(), demoPlanInput).snapshot();
    writeFileSync(join(dir, 'demo.json'), planToJson(demo));
    const json = await coplan(['import', 'demo.json', '-o', 'json.coplan'], dir);
    expect(json.code, json.stderr).toBe(0);
    const fromJson = readPlan(join(dir, 'json.coplan'));
    expect(fromJson.title).toBe(demo.title);
    expect(actionTexts(fromJson)).toEqual(actionTexts(demo));
  });

  for (const { seed, name } of seedPlans) {
    it(`imports seed ${seed} (${name}) as it stands`, async () => {
      const dir = tempDir();
      const r = await coplan(['import', seedTextPath(seed), '-o', 'seed.coplan'], dir);
      expect(r.code, r.stderr).toBe(0);
      const plan = readPlan(join(dir, 'seed.coplan'));
      expect(plan.priorities.length).toBeGreaterThan(0);
      expect(listActions(plan).length).toBeGreaterThan(0);
      // The summary counts what was written.
      expect(r.stderr).toContain(`${listActions(plan).length} actions`);
    });
  }

  it('refuses the seed that is a constitution, not a plan: nothing to import, nothing written', async () => {
    const dir = tempDir();
    const r = await coplan(['import', seedTextPath('001_24b62c69f27e8151'), '-o', 'seed.coplan'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to import: no actions were found in "001_24b62c69f27e8151\.txt"/);
    expect(existsSync(join(dir, 'seed.coplan'))).toBe(false);
  });

  it('adds into an existing plan with --mode add, keeping its priorities; --mode replace bins them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'register.csv'), CSV);
    writeFileSync(
      join(dir, 'exploitation.csv'),
      'Priority,Objective,Action,Lead,Timescale\nChild exploitation,Map missing episodes,Analyse return interviews,Missing Sub-group,Monthly\nOnline safety,Reach parents,Run parent workshops,Schools,Termly\n',
    );
    expect((await coplan(['import', 'register.csv', '-o', 'plan.coplan'], dir)).code).toBe(0);
    const before = readPlan(join(dir, 'plan.coplan'));
    const add = await coplan(['import', 'exploitation.csv', '-o', 'plan.coplan', '--mode', 'add'], dir);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toMatch(/Added to "plan\.coplan": 2 priorities and 2 actions imported; it now has 3 priorities and 5 actions/);
    const after = readPlan(join(dir, 'plan.coplan'));
    expect(after.id).toBe(before.id);
    expect(after.title).toBe(before.title);
    expect(after.priorities.map((p) => p.title)).toEqual([before.priorities[0]!.title, 'Child exploitation', 'Online safety']);
    expect(after.priorities[0]!.id).toBe(before.priorities[0]!.id);
    expect(actionTexts(after)).toEqual([...actionTexts(before), 'Analyse return interviews', 'Run parent workshops']);
    // add is the default
    const again = await coplan(['import', 'exploitation.csv', '-o', 'plan.coplan'], dir);
    expect(again.code).toBe(0);
    expect(readPlan(join(dir, 'plan.coplan')).priorities).toHaveLength(5);

    const replace = await coplan(['import', 'exploitation.csv', '-o', 'plan.coplan', '--mode', 'replace'], dir);
    expect(replace.code, replace.stderr).toBe(0);
    expect(replace.stderr).toMatch(/its 5 earlier priorities moved to the bin/);
    expect(readPlan(join(dir, 'plan.coplan')).priorities.map((p) => p.title)).toEqual(['Child exploitation', 'Online safety']);
  });

  it('reads a column as the field --map names, and refuses a --map for a heading the file does not have', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'register.csv'), 'Objective,Action,Delivering team,Timescale\nReduce neglect,Train staff,L&D Sub-group,March 2025\n');
    const unmapped = await coplan(['import', 'register.csv', '-o', 'unmapped.coplan'], dir);
    expect(unmapped.code).toBe(0);
    expect(unmapped.stderr).toMatch(/"Delivering team"\s+→ ignore .*--map "Delivering team=FIELD"/);
    expect(unmapped.stderr).toMatch(/Not imported \(1\):\n {2}- table 1, row 2, column "Delivering team": "L&D Sub-group" \(.+\)/);
    expect(listActions(readPlan(join(dir, 'unmapped.coplan')))[0]!.action.leads).toEqual([]);

    const mapped = await coplan(['import', 'register.csv', '-o', 'mapped.coplan', '--map', 'delivering  TEAM=lead'], dir);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stderr).toMatch(/"Delivering team"\s+→ lead\s+1\.0 sure/);
    expect(mapped.stderr).not.toMatch(/Not imported/);
    const plan = readPlan(join(dir, 'mapped.coplan'));
    expect(plan.leads.map((l) => l.name)).toEqual(['L&D Sub-group']);
    expect(listActions(plan)[0]!.action.leads).toEqual([{ leadId: plan.leads[0]!.id, name: 'L&D Sub-group' }]);

    const typo = await coplan(['import', 'register.csv', '-o', 'typo.coplan', '--map', 'Delivring=lead'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/"register\.csv" has no column headed "Delivring"\. Its headings are "Objective", "Action", "Delivering team", "Timescale"/);
    expect(existsSync(join(dir, 'typo.coplan'))).toBe(false);
  });

  it('--first-row-headings: a table under headings Coplan does not know, named with --map, its heading row not taken as data', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'odd.csv'), 'Ref code,Description,Team,Month\nW1,Publish the neglect strategy,Neglect Sub,March 2026\nW1,Train 100 staff,L&D Sub,June 2026\n');
    const bare = await coplan(['import', 'odd.csv', '-o', 'plan.coplan'], dir);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--first-row-headings/);
    const maps = ['--map', 'Description=action', '--map', 'Team=lead', '--map', 'Month=timescale', '--map', 'Ref code=priority'];
    const r = await coplan(['import', 'odd.csv', '-o', 'plan.coplan', '--first-row-headings', ...maps], dir);
    expect(r.code, r.stderr).toBe(0);
    const plan = readPlan(join(dir, 'plan.coplan'));
    expect(plan.priorities.map((p) => p.title)).toEqual(['W1']);
    expect(actionTexts(plan)).toEqual(['Publish the neglect strategy', 'Train 100 staff']);
    expect(listActions(plan).map(({ action }) => [action.leads.map((l) => l.name), action.timescale.text])).toEqual([
      [['Neglect Sub'], 'March 2026'],
      [['L&D Sub'], 'June 2026'],
    ]);
  });

  it('prints the preview as JSON with --json-preview, and writes nothing without -o', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'register.csv'), CSV);
    const r = await coplan(['import', 'register.csv', '--json-preview'], dir);
    expect(r.code, r.stderr).toBe(0);
    const preview = JSON.parse(r.stdout.toString());
    expect(preview.counts).toEqual({ priorities: 1, objectives: 2, actions: 3, withLeads: 3, withTimescales: 3 });
    expect(preview.columns.map((c: { heading: string; field: string }) => [c.heading, c.field])).toEqual([
      ['Objective', 'objective'],
      ['Action', 'action'],
      ['Lead', 'lead'],
      ['Timescale', 'timescale'],
    ]);
    expect(preview.plan.priorities[0].objectives[1].actions[0].text).toBe('Produce a problem profile');
    expect(preview.notImported).toEqual([]);
    expect(preview).not.toHaveProperty('parsed');
    expect(r.stderr).toMatch(/Nothing written \(no -o\)/);
    expect(readdirSync(dir)).toEqual(['register.csv']);

    const both = await coplan(['import', 'register.csv', '--json-preview', '-o', 'plan.coplan'], dir);
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout.toString()).counts.actions).toBe(3);
    expect(actionTexts(readPlan(join(dir, 'plan.coplan')))).toHaveLength(3);
    expect(readFileSync(join(dir, 'plan.coplan')).subarray(0, 6).toString()).toBe('COPLAN');
  });
});
