import { describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { previewImport } from '../src/index.js';

const cell = (text: string, columnSpan?: number) => new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)), ...(columnSpan ? { columnSpan } : {}) });
const row = (cells: string[]) => new TableRow({ children: cells.map((c) => cell(c)) });
/** A row of one cell merged across the table, as a title row is in Word. */
const titleRow = (text: string, width: number) => new TableRow({ children: [cell(text, width)] });

async function word(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('the shapes partnerships give their plan tables', () => {
  it('reads priority headings numbered in words ("Theme One", "Priority Two") as priorities', async () => {
    const data = await word([
      new Paragraph({ text: 'Safeguarding Children Partnership Business Plan 2023-24', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: 'Theme One: Neglect', heading: HeadingLevel.HEADING_1 }),
      new Table({ rows: [row(['Objective', 'Action', 'Lead', 'Timescale']), row(['Embed the neglect toolkit', 'Train 200 practitioners', 'L&D Sub-group', 'March 2024'])] }),
      new Paragraph({ text: 'Priority Two – Child exploitation Owner – TBC', heading: HeadingLevel.HEADING_1 }),
      new Table({ rows: [row(['Objective', 'Action', 'Lead', 'Timescale']), row(['Understand exploitation locally', 'Produce a problem profile', 'Police', 'Quarterly'])] }),
    ]);
    const preview = await previewImport({ name: 'plan.docx', data });
    expect(preview.plan.priorities!.map((p) => [p.title, p.owner])).toEqual([
      ['Neglect', undefined],
      ['Child exploitation', 'TBC'],
    ]);
    expect(preview.plan.priorities![1]!.objectives![0]!.actions).toEqual([{ text: 'Produce a problem profile', leads: ['Police'], timescale: 'Quarterly' }]);
    expect(preview.notImported).toEqual([]);
  });

  it('reads a title row above a table’s heading row as the priority the table is for', async () => {
    const data = await word([
      new Paragraph({ text: 'Business Plan 2023-24', heading: HeadingLevel.TITLE }),
      new Table({
        rows: [
          titleRow('Early help: children get the right help at the right time', 4),
          row(['What do we want to achieve?', 'How will we do it?', 'Who is responsible?', 'By when?']),
          row(['Partners understand the early help offer', 'Run a multi-agency briefing on the offer', 'Early Help Sub-group', 'June 2023']),
          row(['', 'Audit referrals that did not meet the threshold', 'QA Sub-group', 'December 2023']),
        ],
      }),
      new Table({
        rows: [
          titleRow('Harmful sexual behaviour Owner – Head of Education Safeguarding', 4),
          row(['What do we want to achieve?', 'How will we do it?', 'Who is responsible?', 'By when?']),
          row(['Schools respond consistently to harmful sexual behaviour', 'Publish a schools’ toolkit', 'Education Safeguarding Team', 'September 2023']),
        ],
      }),
    ]);
    const preview = await previewImport({ name: 'plan.docx', data });
    const ps = preview.plan.priorities!;
    expect(ps.map((p) => [p.title, p.owner])).toEqual([
      ['Early help: children get the right help at the right time', undefined],
      ['Harmful sexual behaviour', 'Head of Education Safeguarding'],
    ]);
    expect(ps[0]!.objectives!.map((o) => [o.text, o.actions!.map((a) => a.text)])).toEqual([
      ['Partners understand the early help offer', ['Run a multi-agency briefing on the offer', 'Audit referrals that did not meet the threshold']],
    ]);
    expect(preview.notImported).toEqual([]);
  });

  it('reads a case-review action plan with each recommendation as an objective and its actions under it', async () => {
    const data = await word([
      new Paragraph({ text: 'Child Safeguarding Practice Review “Child R”: Action Plan', heading: HeadingLevel.TITLE }),
      new Table({
        rows: [
          row(['Recommendation', 'Action to be taken', 'Lead Agency', 'Key milestones', 'Target date']),
          row([
            '1. The partnership should seek assurance that practitioners recognise and respond to the cumulative harm of neglect.',
            'Deliver refreshed neglect training to all front-line practitioners',
            'Safeguarding Partnership Training Group',
            'Training programme agreed\nFirst cohort trained',
            '31 March 2024',
          ]),
          row(['', 'Audit a sample of neglect cases for use of the graded care profile', 'Children’s Social Care', 'Audit tool agreed\nFindings reported to the partnership', '30 June 2024']),
          row([
            '2. Health partners should make sure that missed health appointments for children are followed up.',
            'Issue guidance to GP practices on following up children who are not brought to appointments',
            'Integrated Care Board',
            'Guidance issued',
            '31 January 2024',
          ]),
        ],
      }),
    ]);
    const preview = await previewImport({ name: 'child-r-action-plan.docx', data });
    expect(preview.columns.map((c) => [c.heading, c.field])).toEqual([
      ['Recommendation', 'objective'],
      ['Action to be taken', 'action'],
      ['Lead Agency', 'lead'],
      ['Key milestones', 'milestone'],
      ['Target date', 'timescale'],
    ]);
    const objectives = preview.plan.priorities!.flatMap((p) => p.objectives ?? []);
    expect(objectives.map((o) => [o.text, o.actions!.length])).toEqual([
      ['The partnership should seek assurance that practitioners recognise and respond to the cumulative harm of neglect.', 2],
      ['Health partners should make sure that missed health appointments for children are followed up.', 1],
    ]);
    expect(objectives[0]!.actions![1]).toMatchObject({
      text: 'Audit a sample of neglect cases for use of the graded care profile',
      leads: ['Children’s Social Care'],
      timescale: '30 June 2024',
      milestones: [{ text: 'Audit tool agreed' }, { text: 'Findings reported to the partnership' }],
    });
    expect(preview.notImported).toEqual([]);
  });
});

describe('tasks run together in one cell of pasted text', () => {
  it('starts a new task at one written in the passive ("… education All to be monitored …"), not at a name after a little word', async () => {
    const preview = await previewImport({
      name: 'pasted text',
      data: [
        'Priority 1: Children placed out of area',
        'Objective\tAction\tLead\tTimescale',
        'Children placed here are safe\tAgree a dataset on health and education All to be monitored through the QA Sub\tQA Sub\tBy 31/03/16',
        'Carers are supported\tReport progress to the Board to be agreed each quarter\tBusiness Manager\tQuarterly',
      ].join('\n'),
    });
    const actions = preview.plan.priorities![0]!.objectives!.map((o) => o.actions!.map((a) => [a.text, a.leads, a.timescale]));
    expect(actions).toEqual([
      [
        ['Agree a dataset on health and education', ['QA Sub'], 'By 31/03/16'],
        ['All to be monitored through the QA Sub', ['QA Sub'], 'By 31/03/16'],
      ],
      [['Report progress to the Board to be agreed each quarter', ['Business Manager'], 'Quarterly']],
    ]);
  });
});
