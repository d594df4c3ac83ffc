import { describe, expect, it } from 'vitest';
import { diffInWords, diffVersions, formatUkDate } from '../src/index.js';
import { chain, newPlan } from './helpers.js';

describe('a version comparison in words', () => {
  it('writes dates the UK way and leaves anything else as it is', () => {
    expect(formatUkDate('2016-03-31')).toBe('31 March 2016');
    expect(formatUkDate('2026-01-05T09:00:00.000Z')).toBe('5 January 2026');
    expect(formatUkDate('soon')).toBe('soon');
  });

  it('says what changed on an action as a business manager would', () => {
    const plan = newPlan({ title: 'Plan' });
    const { a } = chain(plan);
    const police = plan.create('lead', { name: 'Police', kind: 'organisation' });
    plan.update('action', a, { timescale: 'By 31/03/16' });
    plan.create('progress', { date: '2016-01-10', author: 'Sam', rag: 'amber', narrative: 'Slipping' }, { parentId: a });
    plan.agreeVersion({ label: 'v1.1', agreedBy: ['Board'] });
    plan.update('action', a, { timescale: 'By 30/06/16', leads: [{ leadId: police }], status: 'in-progress' });
    plan.create('progress', { date: '2016-02-10', author: 'Sam', rag: 'green', narrative: 'Back on track' }, { parentId: a });

    const words = diffInWords(diffVersions(plan, 'v1.1'));
    const action = words.find((w) => w.kind === 'action')!;
    expect(action.headline).toBe('Action changed: Action');
    expect(action.details).toEqual([
      'Lead added: Police',
      'Timescale changed from “By 31/03/16” to “By 30/06/16”',
      'Due date moved from 31 March 2016 to 30 June 2016',
      'Status changed from Not started to In progress',
      'RAG changed from Amber to Green',
    ]);
    expect(words.find((w) => w.kind === 'progress')!.headline).toBe('Progress update added: Back on track');
    expect(words.every((w) => !/→|rag:|null|undefined/.test([w.headline, ...w.details].join(' ')))).toBe(true);
  });

  it('says lists, the plan, removals, moves and cleared values in words', () => {
    const plan = newPlan({ title: 'Plan', principles: ['Child first'] });
    const { p, o, a } = chain(plan);
    const b = plan.create('action', { text: 'Second' }, { parentId: o });
    plan.agreeVersion({ label: 'v1', agreedBy: [] });
    plan.updatePlan({ principles: ['Child first', 'Think family'], status: 'agreed', period: { start: '2016-04-01', end: '2017-03-31' } });
    plan.update('priority', p, { successStatements: ['Fewer repeat referrals'] });
    plan.move('action', b, { index: 0 });
    plan.delete('action', a);
    const words = diffInWords(diffVersions(plan, 'v1'));
    const planChange = words.find((w) => w.kind === 'plan')!;
    expect(planChange.headline).toBe('The plan details changed');
    expect(planChange.details).toEqual(expect.arrayContaining(['Status changed from Draft to Agreed', 'Period set to 1 April 2016 to 31 March 2017', 'Principle added: Think family']));
    expect(words.find((w) => w.kind === 'priority')!.details).toEqual(['Success statement added: Fewer repeat referrals']);
    expect(words.map((w) => w.headline)).toContain('Action 1.1.1 removed: Action');
  });

  it('names a removed item by its number and words in the older version, as it is no longer in the plan', () => {
    const plan = newPlan({ title: 'Plan' });
    chain(plan);
    const p2 = plan.create('priority', { title: 'Neglect' });
    const o21 = plan.create('objective', { text: 'Name neglect early' }, { parentId: p2 });
    plan.create('action', { text: 'Train 200 practitioners' }, { parentId: o21 });
    const gone = plan.create('action', { text: 'Audit the toolkit' }, { parentId: o21 });
    const o22 = plan.create('objective', { text: 'Hear children' }, { parentId: p2 });
    plan.create('action', { text: 'Ask children' }, { parentId: o22 });
    const blank = plan.addEmpty('action', { parentId: o22 });
    plan.agreeVersion({ label: 'v1', agreedBy: [] });
    plan.delete('action', gone);
    plan.delete('action', blank);
    plan.delete('objective', o21);
    const removed = diffInWords(diffVersions(plan, 'v1'))
      .filter((w) => w.change === 'removed')
      .map((w) => w.headline);
    expect(removed.sort()).toEqual(
      ['Action 2.1.1 removed: Train 200 practitioners', 'Action 2.1.2 removed: Audit the toolkit', 'Action 2.2.2 removed', 'Objective 2.1 removed: Name neglect early'].sort(),
    );
  });
});
