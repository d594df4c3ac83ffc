import { describe, expect, it } from 'vitest';
import { previewImport } from '../src/index.js';

const pasted = (lines: string[]) => previewImport({ name: 'pasted text', data: lines.join('\n') });

describe('"Not imported" tells the whole truth', () => {
  it('is empty only when every piece of text landed in a field the person can see and edit', async () => {
    const preview = await pasted([
      'Safeguarding Children Partnership Business Plan 2023-24',
      'Our Vision',
      'Every child in the county grows up safe.',
      'Priority 1: Neglect',
      'Objective\tAction\tLead\tTimescale\tStatus',
      'Embed the neglect toolkit\tTrain 200 practitioners\tL&D Sub-group\tMarch 2024\tIn progress',
    ]);
    expect(preview.notImported).toEqual([]);
    expect(preview.plan.priorities![0]!.objectives![0]!.actions![0]).toMatchObject({ text: 'Train 200 practitioners', status: 'in-progress' });
  });

  it('lists text that no field took, with where it was, rather than dropping it', async () => {
    // "Awaiting sign-off by the Executive" is no status Coplan knows: before, it vanished and the preview said "Not imported (0)".
    const preview = await pasted([
      'Safeguarding Children Partnership Business Plan 2023-24',
      'Priority 1: Neglect',
      'Objective\tAction\tLead\tTimescale\tStatus',
      'Embed the neglect toolkit\tTrain 200 practitioners\tL&D Sub-group\tMarch 2024\tAwaiting sign-off by the Executive',
    ]);
    expect(preview.notImported).toEqual([
      {
        where: 'table 1, row 2, column 5',
        text: 'Awaiting sign-off by the Executive',
        reason: 'Coplan read this text but could not tell which field it belongs in. Copy it into the plan where it belongs after importing.',
      },
    ]);
  });

  it('lists a line with even one word no field took, such as the words a cell edge cut from a lead', async () => {
    // "to monitor" ends a lead cell the page cut: the lead is "LSCP", and "monitor" is in no field, so it is listed.
    const preview = await pasted([
      'Business Plan 2018-2021',
      'Priority 1: Domestic abuse',
      'Objective\tAction\tLead',
      'Children are safe at home\tEmbed the protocol\tAll Partners, DASMB, LSAB and LSCP to monitor',
    ]);
    expect(preview.plan.priorities![0]!.objectives![0]!.actions![0]!.leads).toEqual(['All Partners', 'DASMB', 'LSAB', 'LSCP']);
    expect(preview.notImported.map((n) => [n.where, n.text])).toEqual([['table 1, row 2, column 3', 'All Partners, DASMB, LSAB and LSCP to monitor']]);
  });
});

describe('how sure a reading is, said honestly', () => {
  it('is "sure" of a pasted table’s columns, and not of columns told apart only by the order of lines copied out of a PDF', async () => {
    const table = await pasted(['Business Plan 2023-24', 'Priority 1: Neglect', 'Objective\tAction\tLead\tTimescale', 'Embed the toolkit\tTrain staff\tL&D Sub-group\tMarch 2024']);
    expect(table.columns.map((c) => c.confidence)).toEqual([1, 1, 1, 1]);
    expect(table.warnings).toEqual([]);
    const dump = await pasted([
      'Business Plan 2023-24',
      'Priority 1: Neglect',
      'Objective',
      '',
      'Action',
      '',
      'Lead',
      '',
      'Embed the neglect toolkit across the partnership',
      '',
      'Train 200 practitioners',
      '',
      'L&D Sub-group',
    ]);
    expect(dump.columns.length).toBeGreaterThan(0);
    expect(dump.columns.every((c) => c.confidence < 0.9)).toBe(true);
    expect(dump.warnings.join(' ')).toMatch(/Check each action's leads and timescale/);
  });
});
