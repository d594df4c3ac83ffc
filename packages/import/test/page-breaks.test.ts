import { describe, expect, it } from 'vitest';
import { previewImport } from '../src/index.js';
import { timescalePieces, timescalesByTask } from '../src/task-timescales.js';

const actionsOf = (plan: Awaited<ReturnType<typeof previewImport>>['plan']) => plan.priorities!.flatMap((p) => (p.objectives ?? []).flatMap((o) => o.actions ?? []));

describe('a Word table pasted as text, its rows split by page breaks', () => {
  it('joins a row’s second half (no number, its first cell carrying on a sentence) to the row before', async () => {
    const text = [
      '1. Training',
      '',
      'Deliverable\tLead\tActivity\tTimescale',
      '1.\tAnnual report. The partners publish a report on what they have done,\tBusiness Office\tWrite the annual report and have it signed off by the\tBy September',
      '',
      '\tincluding on practice reviews and how effective the arrangements were\tManager\tpartnership before it is published\t',
      '2.\tTrain the workforce\tChair of Learning Group (Chair: Deputy\tRun the training programme.\tMarch 2021',
      '',
      'Director of Children’s Services\tEvaluate the programme.\t',
      'County Council)\t\t',
    ].join('\n');
    const preview = await previewImport({ name: 'pasted text', data: text });
    const [report, train] = preview.plan.priorities![0]!.objectives!;
    expect(report!.text).toBe('Annual report. The partners publish a report on what they have done, including on practice reviews and how effective the arrangements were');
    expect(report!.actions).toEqual([
      { text: 'Write the annual report and have it signed off by the partnership before it is published', leads: ['Business Office Manager'], timescale: 'By September' },
    ]);
    // A row that lost its empty leading cells lines up from the right: the lead's bracket closes, the activity gains a task.
    expect(train!.actions).toEqual([
      { text: 'Run the training programme.', leads: ['Chair of Learning Group'], timescale: 'March 2021' },
      { text: 'Evaluate the programme.', leads: ['Chair of Learning Group'], timescale: 'March 2021' },
    ]);
    expect(preview.plan.leads!.find((l) => l.name === 'Chair of Learning Group')).toMatchObject({ chair: 'Deputy Director of Children’s Services County Council' });
    expect(preview.notImported).toEqual([]);
  });

  it('reads a deliverable written in a row for each partnership as each partnership’s part, named by the deliverable', async () => {
    const text = [
      '1. Voice of the child',
      '',
      'Deliverable\tLead\tActivity\tTimescale',
      '1.\tCo-produce work with young people, so their voice is heard\tAREA: Business Office CITY: Participation officers\tAREA: Young people review one piece of work\tMarch 2021',
      '2.\tYoung people’s priorities feed into ours, every year\tCounty participation officers\tMeetings of the youth group set priorities.\tJune 2020',
      '\t\tCity participation officers\tCity young people’s priorities are collated.\tJuly 2020',
    ].join('\n');
    const preview = await previewImport({ name: 'pasted text', data: text });
    const priorities = actionsOf(preview.plan).find((a) => a.text === 'Young people’s priorities feed into ours')!;
    expect(priorities.leads).toBeUndefined();
    expect(priorities.variants).toEqual([
      { partnership: 'AREA', text: 'Meetings of the youth group set priorities.', leads: ['County participation officers'], timescale: 'June 2020' },
      { partnership: 'CITY', text: 'City young people’s priorities are collated.', leads: ['City participation officers'], timescale: 'July 2020' },
    ]);
  });

  it('keeps one partnership’s parts apart when they are labelled without a colon, and a part for both as shared', async () => {
    const text = [
      '1. Statutory duties',
      '',
      'Deliverable\tLead\tActivity\tTimescale',
      '1.\tAnnual report\tAREA: Business Office Manager CITY: Boards Manager AREA/CITY Independent Advisor\tAREA annual report written by the AREA manager CITY annual report written by the CITY manager AREA/CITY Independent Advisor to scrutinise both reports\tSeptember each year',
      '2.\tReview the arrangements. Partners report any updates\tAREA The three partners with support from: AREA: Business Office Manager\tAREA: Review the arrangements.\tAREA: March 2021',
      '\tyearly, with a timescale\tCITY The three partners with support from: CITY: Boards Manager\tCITY: Update the arrangements.\tCITY: April 2021',
    ].join('\n');
    const preview = await previewImport({ name: 'pasted text', data: text });
    const [report, review] = actionsOf(preview.plan);
    expect(report).toMatchObject({ text: 'AREA/CITY Independent Advisor to scrutinise both reports', leads: ['AREA/CITY Independent Advisor'], timescale: 'September each year' });
    expect(report!.variants).toEqual([
      { partnership: 'AREA', leads: ['Business Office Manager'], text: 'AREA annual report written by the AREA manager' },
      { partnership: 'CITY', leads: ['Boards Manager'], text: 'CITY annual report written by the CITY manager' },
    ]);
    expect(review).toMatchObject({ text: 'Review the arrangements' });
    expect(review!.leads).toBeUndefined();
    expect(review!.variants!.map((v) => [v.partnership, v.leads, v.timescale])).toEqual([
      ['AREA', ['The three partners', 'Business Office Manager'], 'March 2021'],
      ['CITY', ['The three partners', 'Boards Manager'], 'April 2021'],
    ]);
  });

  it('reads "…, including:" and the lines below it as one task and its milestones, and finishes a cell the page cut off', async () => {
    const text = [
      '1. Communications',
      '',
      'Deliverable\tLead\tActivity\tTimescale',
      'A campaign on how to report concerns\tComms leads\tDevelop a campaign across the partnerships, including:\tSocial media by April 2020',
      '(in the context of COVID-19)\t\t\tPosters to be',
      '\t\tSocial media messages\tdeveloped by May 2020',
      '\t\tPosters\t',
      '2. Domestic abuse',
      '',
      'Deliverable\tLead\tActivity\tTimescale',
      'Receive assurance on domestic abuse.\tChair of Delivery Group\tRequest assurance from partners. Use links with the Community\tMarch 2021',
      '',
      '7',
      'Safety Partnerships to ensure that assurance is',
      'received.',
    ].join('\n');
    const preview = await previewImport({ name: 'pasted text', data: text });
    const [campaign, request, links] = actionsOf(preview.plan);
    expect(preview.plan.priorities![0]!.objectives![0]!.text).toBe('A campaign on how to report concerns (in the context of COVID-19)');
    expect(campaign).toEqual({
      text: 'Develop a campaign across the partnerships',
      leads: ['Comms leads'],
      timescale: 'Social media by April 2020 Posters to be developed by May 2020',
      milestones: [{ text: 'Social media messages' }, { text: 'Posters' }],
    });
    expect(request!.text).toBe('Request assurance from partners.');
    expect(links!.text).toBe('Use links with the Community Safety Partnerships to ensure that assurance is received.');
    expect(preview.notImported.map((n) => n.text)).not.toContain('received.');
  });
});

describe('a table copied out of a PDF, its columns one after another', () => {
  it('reads the text after a date as the impact even when it names services, and puts an action’s end a page break moved back on it', async () => {
    const text = [
      'LSCB Priority 1 Owner – TBC',
      '',
      'To tackle exploitation',
      '',
      'PRIORITY What are we going to',
      'do?',
      '',
      'Who is',
      'responsible?',
      '',
      'When is it going',
      'to be done by?',
      '',
      'Impact / what',
      'difference has it made?',
      '',
      'To provide effective',
      'support services for',
      'victims',
      '',
      'Review current',
      'commissioning',
      'arrangements',
      '',
      'Assess and evaluate',
      'the sufficiency of',
      'current services to',
      'offer specialist',
      'interventions',
      'specifically post',
      '',
      'CSE Executive',
      'Group',
      '',
      'December 2016 Local services match',
      'local need',
      '',
      '',
      '',
      'abuse',
    ].join('\n');
    const objective = (await previewImport({ name: 'pasted text', data: text })).plan.priorities![0]!.objectives![0]!;
    expect(objective.impact).toBe('Local services match local need');
    expect(objective.actions!.map((a) => [a.text, a.leads, a.timescale])).toEqual([
      ['Review current commissioning arrangements', ['CSE Executive Group'], 'December 2016'],
      ['Assess and evaluate the sufficiency of current services to offer specialist interventions specifically post abuse', ['CSE Executive Group'], 'December 2016'],
    ]);
  });
});

describe('timescales run together beside tasks run together', () => {
  it('cuts the line at a full stop and after a year, and gives each piece to the task it names, in order', () => {
    const line = 'Needs assessment complete by June/July 2020 Work programme in place once business plan confirmed. Evaluation ready for year end (i.e. April 2021)';
    expect(timescalePieces(line)).toEqual(['Needs assessment complete by June/July 2020', 'Work programme in place once business plan confirmed.', 'Evaluation ready for year end (i.e. April 2021)']);
    const tasks = ['Carry out needs assessment', 'Set up a training programme', 'Adapt the programme through the year', 'Evaluate the programme'];
    expect(timescalesByTask(line, tasks)).toEqual([
      'Needs assessment complete by June/July 2020',
      'Work programme in place once business plan confirmed.',
      undefined,
      'Evaluation ready for year end (i.e. April 2021)',
    ]);
    // A piece that names no task left: not sure, so the caller keeps the cell whole.
    expect(timescalesByTask('Staff briefed by May 2020 Leaflets printed by June 2020', ['Brief staff', 'Hold a conference', 'Write a report'])).toBeNull();
    expect(timescalesByTask('March 2021', tasks)).toBeNull();
  });
});
