import { describe, expect, it } from 'vitest';
import { previewImport } from '../src/index.js';
import { splitLeads } from '../src/split-cell.js';

describe('lead cells as plans write them', () => {
  it('takes who holds a chair out of the lead, and keeps other brackets whole', () => {
    expect(splitLeads('Chair of Performance and Delivery Group (Chair: Jo Bloggs, Deputy Director)')).toEqual(['Chair of Performance and Delivery Group']);
    expect(splitLeads('LADA (via SC)')).toEqual(['LADA (via SC)']);
    expect(splitLeads('Police (CID)')).toEqual(['Police (CID)']);
    // The lead is the chair; the bracket says who holds it, and goes to the lead's Chair field.
    const details = new Map();
    expect(splitLeads("Chair of X (Assistant Director - Children's Social Care & Early Help, County Council)", new Set(), details)).toEqual(['Chair of X']);
    expect(details.get('chair of x')).toEqual({ chair: "Assistant Director - Children's Social Care & Early Help, County Council" });
  });

  it('splits a group from the person who chairs it, and keeps "Task & Finish Group" one name', () => {
    expect(splitLeads('Neglect Reference Group, Task & Finish Group Chair Jo Bloggs (CCG Team)')).toEqual(['Neglect Reference Group', 'Task & Finish Group', 'Jo Bloggs (CCG Team)']);
  });

  it('drops the words of a sentence the cell edge cut, and splits names joined by "and" or "with" where each is a name', () => {
    const known = new Set(['child exploitation sub-group', 'education sub-group']);
    expect(splitLeads('All Partners, Child Exploitation sub-group to', known)).toEqual(['All Partners', 'Child Exploitation sub-group']);
    expect(splitLeads('CSE co-ordinator with Child Exploitation sub-group', known)).toEqual(['CSE co-ordinator', 'Child Exploitation sub-group']);
    expect(splitLeads('Policy and Training sub-group and Education sub-group', known)).toEqual(['Policy and Training sub-group', 'Education sub-group']);
    expect(splitLeads('All Partners, DASMB, LSAB and LSCP to monitor')).toEqual(['All Partners', 'DASMB', 'LSAB', 'LSCP']);
    expect(splitLeads('Business Manager and Policy and Audit Officer', known)).toEqual(['Business Manager and Policy and Audit Officer']);
  });

  it('gives co-leads listed with a separator to every task, and run-together leads one each', async () => {
    const text =
      'Objective\tTasks\tLead\tTimescale\nDo well\tAudit the files. Report the findings.\tQA Sub / Audit Group\t<p>By 31/03/16</p>\nDo better\tAgree the data. Hold a conference.\tQA Sub L&D Sub\tBy 31/03/16\n';
    const acts = (await previewImport({ name: 'pasted text', data: text })).plan.priorities![0]!.objectives!.flatMap((o) => o.actions!);
    expect(acts.map((a) => [a.text, a.leads, a.timescale])).toEqual([
      ['Audit the files.', ['QA Sub', 'Audit Group'], 'By 31/03/16'],
      ['Report the findings.', ['QA Sub', 'Audit Group'], 'By 31/03/16'],
      ['Agree the data.', ['QA Sub'], 'By 31/03/16'],
      ['Hold a conference.', ['L&D Sub'], 'By 31/03/16'],
    ]);
  });
});

describe('text copied out of a PDF, one column after another', () => {
  const dump = [
    'Strategic Priority',
    'Tackling Harm',
    'For the partnership to know the risks.',
    '1. Agree terms of reference for the',
    'multi-',
    'agency profile.',
    'a. Children Missing',
    'b. County Lines',
    'Harm sub-group',
    'Promoting Healthy',
    'Children understand what a healthy relationship is.',
    '1. Create a communications strategy',
    '2. Review training for partners',
    'Business Manager',
    'Public Health Lead',
  ].join('\n');

  it('finds priorities from the priority column, joins hyphen-wrapped words and makes lettered sub-items milestones', async () => {
    const plan = (await previewImport({ name: 'pasted text', data: dump })).plan;
    expect(plan.priorities!.map((p) => p.title)).toEqual(['Tackling Harm', 'Promoting Healthy']);
    const [first] = plan.priorities![0]!.objectives![0]!.actions!;
    expect(first).toMatchObject({ text: 'Agree terms of reference for the multi-agency profile.', leads: ['Harm sub-group'] });
    expect(first!.milestones!.map((m) => m.text)).toEqual(['Children Missing', 'County Lines']);
    expect(plan.priorities![1]!.objectives![0]!.actions!.map((a) => a.leads)).toEqual([['Business Manager'], ['Public Health Lead']]);
  });

  it('reads a date run into the next column as the timescale, the rest as the impact', async () => {
    const text = [
      'LSCB Priority 1 Owner – TBC',
      '',
      'Tackle exploitation',
      '',
      'What are we going to do?',
      '',
      'Who is responsible?',
      '',
      'When is it going to be done by?',
      '',
      'Impact / what difference has it made?',
      '',
      'To raise awareness',
      '',
      'Deliver the training strategy',
      '',
      'Training Sub Group',
      '',
      'September 2016 Improved levels of',
      'awareness',
      '',
    ].join('\n');
    const o = (await previewImport({ name: 'pasted text', data: text })).plan.priorities![0]!.objectives![0]!;
    expect(o).toMatchObject({ text: 'To raise awareness', impact: 'Improved levels of awareness' });
    expect(o.actions![0]).toMatchObject({ text: 'Deliver the training strategy', leads: ['Training Sub Group'], timescale: 'September 2016' });
  });
});
