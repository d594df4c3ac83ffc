import { describe, expect, it } from 'vitest';
import { searchPlan } from '../src/index.js';
import { newPlan } from './helpers.js';

function demo() {
  const plan = newPlan({
    title: 'LSCB Business Plan 2015/16',
    vision: 'Every child in Lancashire is safe',
    principles: ['Safeguarding is everybody’s responsibility', 'Open to challenge'],
    statutoryObjectives: ['Coordinate what is done locally'],
    partnerships: [{ name: 'Blackburn with Darwen Safeguarding Children Board' }],
    contextStatements: [{ title: 'Covid-19 context statement', text: 'Work moved online during the pandemic.' }],
    consultation: [{ who: 'Youth council', when: 'June 2015' }],
    priorities: [
      {
        title: 'Neglect',
        owner: 'Neglect Sub-group chair',
        successStatements: ['Practitioners recognise neglect early'],
        objectives: [
          {
            text: 'Embed the neglect toolkit',
            actions: [
              {
                text: 'Review the neglect strategy',
                leads: ['QA Sub-group'],
                timescale: 'March 2016',
                updates: [{ date: '2016-01-10', author: 'Sam Patel', rag: 'green', narrative: 'Strategy draft shared with the Café partners' }],
              },
              { text: 'Train practitioners in the Graded Care Profile', leads: ['L&D Sub-group'], timescale: 'June 2016' },
            ],
          },
        ],
      },
    ],
  });
  return plan.snapshot();
}

describe('searching the plan', () => {
  it('finds words in actions, objectives and priorities, in plan order, saying where each is', () => {
    const hits = searchPlan(demo(), 'neglect');
    expect(hits.map((h) => h.where)).toEqual(['Priority 1', 'Priority 1 owner', 'Priority 1 success statement 1', 'Objective 1.1', 'Action 1.1.1']);
    const action = hits.find((h) => h.kind === 'action')!;
    expect(action).toMatchObject({ field: 'text', actionId: action.id, excerpt: { before: 'Review the ', match: 'neglect', after: ' strategy' } });
  });

  it('needs every word, in any order, ignoring case and accents; quotes keep a phrase', () => {
    expect(searchPlan(demo(), 'STRATEGY review').map((h) => h.where)).toEqual(['Action 1.1.1']);
    expect(searchPlan(demo(), 'cafe partners').map((h) => h.where)).toEqual(['Action 1.1.1 progress of 10 January 2016']);
    expect(searchPlan(demo(), 'cafe partners')[0]!.excerpt.match).toBe('Café');
    expect(searchPlan(demo(), '"strategy review"')).toEqual([]);
    expect(searchPlan(demo(), 'neglect zebra')).toEqual([]);
  });

  it('finds the plan’s own text: vision, principles, statutory objectives, partnerships and context statements', () => {
    const where = (q: string) => searchPlan(demo(), q).map((h) => `${h.kind}:${h.field}${h.item === undefined ? '' : `#${h.item}`}`);
    expect(where('lancashire')).toEqual(['plan:vision']);
    expect(where('challenge')).toEqual(['plan:principles#1']);
    expect(where('coordinate')).toEqual(['plan:statutoryObjectives#0']);
    expect(where('darwen')).toEqual(['partnership:name']);
    expect(where('pandemic')).toEqual(['context:text']);
    expect(where('youth council')).toEqual(['consultation:who']);
    expect(where('2015/16')).toEqual(['plan:title']);
  });

  it('finds leads, timescales and progress, and names the action they belong to', () => {
    const s = demo();
    const action = s.priorities[0]!.objectives[0]!.actions[1]!;
    expect(searchPlan(s, 'L&D')).toMatchObject([{ kind: 'action', field: 'leads', id: action.id, actionId: action.id, where: 'Action 1.1.2 leads' }]);
    expect(searchPlan(s, 'june 2016')).toMatchObject([{ field: 'timescale', where: 'Action 1.1.2 timescale' }]);
    const progress = searchPlan(s, 'sam patel');
    expect(progress).toMatchObject([{ kind: 'progress', field: 'author', actionId: s.priorities[0]!.objectives[0]!.actions[0]!.id }]);
  });

  it('cuts long text to the words around the match', () => {
    const long = `${'a'.repeat(200)} needle ${'b'.repeat(200)}`;
    const s = newPlan({ introduction: long }).snapshot();
    const [hit] = searchPlan(s, 'needle');
    expect(hit!.excerpt.match).toBe('needle');
    expect(hit!.excerpt.before.startsWith('…')).toBe(true);
    expect(hit!.excerpt.after.endsWith('…')).toBe(true);
    expect(hit!.excerpt.before.length + hit!.excerpt.after.length).toBeLessThan(110);
  });

  it('finds nothing for an empty query or only spaces', () => {
    expect(searchPlan(demo(), '')).toEqual([]);
    expect(searchPlan(demo(), '   ')).toEqual([]);
  });
});
