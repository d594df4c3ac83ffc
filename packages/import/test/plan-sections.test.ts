import { describe, expect, it } from 'vitest';
import { previewImport } from '../src/index.js';
import { readSeedText } from '@coplan/seeds/texts';

const pasted = (data: string) => previewImport({ name: 'pasted text', data });

describe('the plan-level text above the first priority', () => {
  it('lands in the vision, principles, statutory objectives, context statements and introduction, and the title’s version label is read', async () => {
    const preview = await pasted(
      [
        'Safeguarding Children Partnership Business Plan 2023-2024 (v2.1)',
        'Introduction',
        'This plan sets out what the partnership will do this year.',
        'Our Vision',
        'Every child in the county grows up safe.',
        'Principles',
        '• Safeguarding is everybody’s responsibility.',
        '• We listen to children.',
        'Statutory objectives',
        '• To coordinate what is done by each partner to safeguard children.',
        '• To ensure the effectiveness of what each partner does.',
        'Cost of living context statement',
        'Families are under pressure; this plan is reviewed each quarter.',
        'Priority 1: Neglect',
        'Objective\tAction\tLead\tTimescale',
        'Embed the neglect toolkit\tTrain 200 practitioners\tL&D Sub-group\tMarch 2024',
      ].join('\n'),
    );
    const plan = preview.plan;
    expect(plan.title).toBe('Safeguarding Children Partnership Business Plan 2023-2024');
    expect(plan.versionLabel).toBe('v2.1');
    expect(plan.introduction).toBe('This plan sets out what the partnership will do this year.');
    expect(plan.vision).toBe('Every child in the county grows up safe.');
    expect(plan.principles).toEqual(['Safeguarding is everybody’s responsibility.', 'We listen to children.']);
    expect(plan.statutoryObjectives).toEqual(['To coordinate what is done by each partner to safeguard children.', 'To ensure the effectiveness of what each partner does.']);
    expect(plan.contextStatements).toEqual([{ title: 'Cost of living context statement', text: 'Families are under pressure; this plan is reviewed each quarter.' }]);
    expect(plan.priorities!.map((p) => p.title)).toEqual(['Neglect']);
    // When the plan is reviewed, said in its context statement, is read into the review schedule too.
    expect(plan.reviewSchedule).toBe('Families are under pressure; this plan is reviewed each quarter.');
    expect(preview.notImported).toEqual([]);
  });

  it('reads a partnership named in full with its short name, and gives a short name from the cells its full name', async () => {
    const one = await pasted(
      [
        'Business Plan 2024-25',
        'The Northshire Safeguarding Children Partnership (NSCP) sets out its priorities here. This plan will be reviewed in March 2025.',
        'Priority 1: Neglect',
        'Objective\tAction\tLead\tTimescale',
        'Embed the neglect toolkit\tTrain 200 practitioners\tL&D Sub-group\tMarch 2025',
      ].join('\n'),
    );
    expect(one.plan.partnerships).toEqual([{ name: 'Northshire Safeguarding Children Partnership', shortName: 'NSCP' }]);
    expect(one.plan.reviewSchedule).toBe('This plan will be reviewed in March 2025.');
    const two = await pasted(
      [
        'Joint Business Plan 2024-25',
        'This plan serves the Northshire Safeguarding Children Partnership Board (NSCPB) and the Westby Safeguarding Children Partnership (WSCP).',
        'Priority 1: Neglect',
        'Objective\tAction\tLead\tTimescale',
        'Embed the toolkit\tNSCPB: Train staff WSCP: Audit cases\tNSCPB: L&D Sub-group WSCP: Audit Group\tMarch 2025',
      ].join('\n'),
    );
    expect(two.plan.partnerships).toEqual([
      { name: 'Northshire Safeguarding Children Partnership Board', shortName: 'NSCPB' },
      { name: 'Westby Safeguarding Children Partnership', shortName: 'WSCP' },
    ]);
    // A bracket whose letters are not the name's initials names no partnership; a plan that says nothing of its review has none.
    const none = await pasted(['Business Plan 2024-25', 'Agreed by the Safeguarding Board (March 2024).', 'Priority 1: Neglect', 'Objective\tAction\nEmbed the toolkit\tTrain staff'].join('\n'));
    expect(none.plan.partnerships).toBeUndefined();
    expect(none.plan.reviewSchedule).toBeUndefined();
  });

  it('reads the LLR plan’s version and Covid-19 context statement, and Lancashire’s statutory duties, from the seed texts', async () => {
    const llr = (await pasted(readSeedText('004_5187200b7a039977'))).plan;
    expect(llr.title).toBe('LLR SAFEGUARDING CHILDREN PARTNERSHIPS BUSINESS PLAN APRIL 2020 to MARCH 2021');
    expect(llr.versionLabel).toBe('v1.2');
    expect(llr.contextStatements!.map((c) => c.title)).toEqual(['Covid-19 context statement']);
    expect(llr.contextStatements![0]!.text).toMatch(/^We are working under the expectation .* respond to this\.$/);
    expect(llr.introduction ?? '').not.toMatch(/Covid-19/);
    const lancs = (await pasted(readSeedText('002_70289ed330aeee55'))).plan;
    expect(lancs.statutoryObjectives).toHaveLength(3);
    expect(lancs.statutoryObjectives![1]).toMatch(/^ensuring the effectiveness of what is done/);
    expect(lancs.introduction).toMatch(/^Welcome to the LSCB Business plan for 2015\/16\./);
  });
});
