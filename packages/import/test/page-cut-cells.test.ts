import { describe, expect, it } from 'vitest';
import type { ActionInput, PlanInput } from '@coplan/core';
import { previewImport } from '../src/index.js';
import { numericDate } from '../src/loose-text.js';
import { cellTheFragmentEnds, cutMidSentence, splitAcrossColumns, wordPairs } from '../src/page-cut-cells.js';

/**
 * Made-up tables copied out of a PDF column by column: each cell a paragraph,
 * a page break three blank lines. None of the names or words are a seed's.
 */
const PAGE = '\n\n\n\n';
// Column headings as such plans write them.
const HEADINGS = ['What are we going to do?', 'How are we going to do it?', 'Who is responsible?', 'When is it going to be done by?', 'Impact / what difference has it made?', 'Progress made'];
const plan = (...parts: string[]) => ['Harbour Partnership Plan', '', 'Priority 1 Owner – TBC', '', 'Keep children safe online', '', ...HEADINGS.flatMap((h) => [h, '']), ...parts].join('\n');
const cells = (...cs: string[]) => cs.join('\n\n');
const actionsOf = (p: PlanInput): ActionInput[] => (p.priorities ?? []).flatMap((x) => (x.objectives ?? []).flatMap((o) => o.actions ?? []));
const read = async (text: string) => previewImport({ name: 'pasted text', data: text });
const row = (a: ActionInput) => [a.text, a.leads ?? [], a.timescale ?? ''];

describe('cells a page break cut', () => {
  it('tells a cell cut mid-sentence from one that only lacks a full stop', () => {
    expect(cutMidSentence('Check that the schools or')).toBe(true);
    expect(cutMidSentence('These would cover')).toBe(false);
    expect(cutMidSentence('These would include')).toBe(true);
    expect(cutMidSentence('Run the survey (with')).toBe(true);
    expect(cutMidSentence('Run the survey')).toBe(false);
  });

  it('splits a line that carries two columns where both parts fit their widths, the second filled', () => {
    const first = ['Check that the schools', 'record every concern', 'and report it or'];
    const second = ['Train every new', 'member of staff from'];
    expect(splitAcrossColumns(first, second, ['online alerts the first week of', 'their job'])).toEqual(['online alerts', 'the first week of their job']);
    // A line no wider than one column is one column's line: nothing to split.
    expect(splitAcrossColumns(first, second, ['online alerts', 'too'])).toBeNull();
  });

  it('reads a day-first date in figures, and no date where there is no real day', () => {
    expect(numericDate('Survey drafted 03/02/24')).toBe('2024-02-03');
    expect(numericDate('done 31/3/2016')).toBe('2016-03-31');
    expect(numericDate('done 31/02/16')).toBe('');
    expect(numericDate('no date')).toBe('');
  });

  it('gives a fragment to the unfinished cell the text elsewhere runs on into it, and to none when that is not clear', () => {
    const pairs = wordPairs(['We will train staff in safety planning', 'and review safety planning each term']);
    expect(cellTheFragmentEnds(['Agree the audit', 'Improve staff safety'], 'planning for every child', pairs)).toBe(1);
    expect(cellTheFragmentEnds(['Agree the audit', 'Improve staff'], 'planning for every child', pairs)).toBe(-1);
  });
});

describe('reading a PDF column dump', () => {
  it("pairs a row's leads and dates, listed as many of each, with its last items; the items before take them all, and a warning says so", async () => {
    const preview = await read(
      plan(
        cells(
          'Make online safety everyone’s business',
          'Agree a shared online safety message.',
          'Hold a launch event.',
          'Publish a guide for parents.',
          'Digital Group',
          'Schools Board',
          'May 2024',
          'July 2024',
        ),
      ),
    );
    expect(actionsOf(preview.plan).map(row)).toEqual([
      ['Agree a shared online safety message.', ['Digital Group', 'Schools Board'], 'May 2024 July 2024'],
      ['Hold a launch event.', ['Digital Group'], 'May 2024'],
      ['Publish a guide for parents.', ['Schools Board'], 'July 2024'],
    ]);
    expect(preview.warnings.join(' ')).toMatch(/paired, in order, with the row's last items.*Check each action's lead and timescale/);
    expect(preview.columns.every((c) => c.confidence < 0.9)).toBe(true);
  });

  it('does not pair when a row lists more leads than dates: every item takes them all', async () => {
    const preview = await read(
      plan(cells('Make online safety everyone’s business', 'Hold a launch event.', 'Publish a guide for parents.', 'Digital Group', 'Schools Board', 'Parents Panel', 'May 2024')),
    );
    const all = ['Digital Group', 'Schools Board', 'Parents Panel'];
    expect(actionsOf(preview.plan).map(row)).toEqual([
      ['Hold a launch event.', all, 'May 2024'],
      ['Publish a guide for parents.', all, 'May 2024'],
    ]);
    expect(preview.warnings.join(' ')).not.toMatch(/paired, in order/);
  });

  it('finishes the cells a page cut, in column order, splits a line that ran two of them together, and goes on to the next row', async () => {
    const text = plan(
      cells(
        'Make online safety\neveryone’s business',
        'Check that the schools\nrecord every concern\nand report it or',
        'Train every new\nmember of staff from',
        'Digital Group',
        'May 2024 Fewer children\nharmed online',
        'More concerns\nreported by',
      ),
      PAGE,
      cells('online alerts the first week of\ntheir job', 'parents and carers', 'Reach every family', 'Run a parents’ survey.', 'Parents Panel', 'June 2024'),
    );
    const preview = await read(text);
    const objectives = preview.plan.priorities![0]!.objectives!;
    expect(objectives[0]!.actions!.map(row)).toEqual([
      ['Check that the schools record every concern and report it or online alerts', ['Digital Group'], 'May 2024'],
      ['Train every new member of staff from the first week of their job', ['Digital Group'], 'May 2024'],
    ]);
    expect(objectives[0]!.impact).toBe('Fewer children harmed online More concerns reported by parents and carers');
    // The fragment that ended the impact column ended the row: what follows is the next row.
    expect(objectives[1]!.text).toBe('Reach every family');
    expect(objectives[1]!.actions!.map(row)).toEqual([['Run a parents’ survey.', ['Parents Panel'], 'June 2024']]);
    expect(preview.warnings.join(' ')).toMatch(/ran the ends of two cells together; each was split where the columns' widths say/);
  });

  it('carries a row on past a page break: a fragment that ends an item leaves the row open for the items after it', async () => {
    const text = plan(
      cells('Make online safety everyone’s business', 'Agree a safety plan for every', 'Digital Group', 'May 2024 Fewer children harmed online'),
      PAGE,
      cells('school in the area', 'Share the plan with parents.'),
      '',
      'Priority 2 Owner – TBC',
      '',
      'Listen to children',
    );
    const actions = (await read(text)).plan.priorities![0]!.objectives![0]!.actions!;
    expect(actions.map(row)).toEqual([
      ['Agree a safety plan for every school in the area', ['Digital Group'], 'May 2024'],
      ['Share the plan with parents.', ['Digital Group'], 'May 2024'],
    ]);
  });

  it('reads columns in their order: a name-like cell after the date is the impact, a dated line after the impact its progress', async () => {
    const text = plan(cells('Make online safety everyone’s business', 'Run a parents’ survey.', 'Digital Group', 'May 2024', 'Safer homes across the partnership', 'Survey drafted 03/02/24'));
    const objective = (await read(text)).plan.priorities![0]!.objectives![0]!;
    expect(objective.impact).toBe('Safer homes across the partnership');
    expect(objective.actions!.map(row)).toEqual([['Run a parents’ survey.', ['Digital Group'], 'May 2024']]);
    expect(objective.actions![0]!.updates).toEqual([expect.objectContaining({ date: '2024-02-03', narrative: 'Survey drafted 03/02/24', rag: 'grey' })]);
  });

  it('keeps a list under the objective as the priority\'s focus areas, a bracketed line under the title as its aim, and "impact." as an item\'s end', async () => {
    const text = [
      'Harbour Partnership Plan',
      '',
      'Priority 1 Owner – TBC',
      '',
      'Keep children safe online',
      '',
      '(Acting early, with families, before harm is done).',
      '',
      ...HEADINGS.flatMap((h) => [h, '']),
      cells('Be sure that schools act on concerns.', 'These would include', 'Agree a shared message.', 'Review the audit tool to test', 'Digital Group', 'Schools Board', 'May 2024', 'July 2024'),
      PAGE,
      cells('the following issues:', 'Sharing images', 'Online bullying', 'impact.'),
    ].join('\n');
    const p = (await read(text)).plan.priorities![0]!;
    expect(p.aim).toBe('(Acting early, with families, before harm is done).');
    expect(p.focusAreas).toEqual(['Sharing images', 'Online bullying']);
    expect(p.objectives![0]!.text).toBe('Be sure that schools act on concerns. These would include the following issues:');
    expect(p.objectives![0]!.actions!.map((a) => a.text)).toEqual(['Agree a shared message.', 'Review the audit tool to test impact.']);
  });
});

describe('reading a PDF column dump with no blank lines', () => {
  // A priority column, then outcome, numbered actions and a lead a line; wrapped as a PDF wraps, no blank lines.
  const dump = [
    'Harbour Plan 2024-2027',
    'Strategic Priority',
    'Keeping Children Safe Online',
    'Schools record every concern.',
    '1. Train every member of staff.',
    '2. Audit the records each term.',
    'Online Safety, Schools, Health',
    'and Families sub-group',
    'To hear the voice of children',
    'in every plan we make.',
    'Children are heard by the Youth',
    'Panel (YP',
    'group) and by every partner.',
    '1. Agree a shared way of asking children.',
    '2. Publish what children told us.',
    '3. Share it with every school across the',
    'Online Safety, Schools, Health',
    'and Families sub-group',
    'Digital Task and Finish',
    'Digital Task and Finish',
  ].join('\n');

  it("starts a lead cell the text names elsewhere after a cut sentence, reads a repeated line as a lead each, and keeps a bracket's sentence whole", async () => {
    const preview = await read(dump);
    const [first, second] = preview.plan.priorities!;
    expect(first!.title).toBe('Keeping Children Safe Online');
    // The title as written, full stop and all.
    expect(second!.title).toBe('To hear the voice of children in every plan we make.');
    expect(second!.objectives![0]!.text).toBe('Children are heard by the Youth Panel (YP group) and by every partner.');
    expect(second!.objectives![0]!.actions!.map(row)).toEqual([
      ['Agree a shared way of asking children.', ['Online Safety, Schools, Health and Families sub-group'], ''],
      ['Publish what children told us.', ['Digital Task and Finish'], ''],
      ['Share it with every school across the', ['Digital Task and Finish'], ''],
    ]);
    const leads = actionsOf(preview.plan).flatMap((a) => a.leads ?? []);
    expect(leads.some((l) => /Youth|across|Finish Digital/.test(l))).toBe(false);
  });
});
