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
});
