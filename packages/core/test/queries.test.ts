import { describe, expect, it } from 'vitest';
import { actionsByLead, actionsDueWithin, changedSince, filterActions, isComplete, leadLoad, listActions, overdueActions, ragSummary, addDays, localToday, actionsPerLead } from '../src/index.js';
import { newPlan, steppingClock } from './helpers.js';

function samplePlan() {
  const now = steppingClock('2026-01-01T09:00:00.000Z');
  return newPlan(
    {
      period: { start: '2015-04-01', end: '2016-03-31' },
      leads: [{ name: 'QA Sub', kind: 'group' }],
      partnerships: [{ name: 'A', shortName: 'LRSCP' }],
      priorities: [
        {
          title: 'CSE',
          objectives: [
            {
              text: 'Strategy',
              actions: [
                { text: 'Refresh strategy', leads: ['LSCB team'], timescale: 'By 31/12/15', updates: [{ date: '2015-12-01', author: 'S', rag: 'red', narrative: 'Late' }] },
                { text: 'Audit', leads: ['qa sub '], timescale: 'By 31/03/16', updates: [{ date: '2016-01-01', author: 'S', rag: 'green', narrative: 'Fine' }] },
                { text: 'Done already', leads: ['QA Sub'], timescale: 'September 2015', status: 'complete' },
              ],
            },
          ],
        },
        {
          title: 'Missing',
          objectives: [
            {
              text: 'Data',
              actions: [
                { text: 'Dataset', timescale: 'Spring 2016', updates: [{ date: '2016-01-01', author: 'S', rag: 'blue', narrative: 'Complete' }] },
                { text: 'Shared', timescale: 'Ongoing', variants: [{ partnership: 'LRSCP', leads: ['QA Sub'], timescale: 'March 2016' }] },
              ],
            },
          ],
        },
      ],
    },
    { now },
  );
}

describe('queries', () => {
  it('lists actions in plan order with their context', () => {
    const s = samplePlan().snapshot();
    expect(listActions(s).map((x) => [x.priority.number, x.objective.number, x.action.number, x.action.text])).toEqual([
      [1, 1, 1, 'Refresh strategy'],
      [1, 1, 2, 'Audit'],
      [1, 1, 3, 'Done already'],
      [2, 1, 1, 'Dataset'],
      [2, 1, 2, 'Shared'],
    ]);
  });

  it('finds actions by lead id or name, including variant leads', () => {
    const s = samplePlan().snapshot();
    const qa = s.leads[0]!.id;
    expect(actionsByLead(s, 'QA SUB').map((x) => x.action.text)).toEqual(['Audit', 'Done already', 'Shared']);
    expect(actionsByLead(s, qa).map((x) => x.action.text)).toEqual(['Audit', 'Done already', 'Shared']);
    expect(actionsByLead(s, 'LSCB team').map((x) => x.action.text)).toEqual(['Refresh strategy']);
    expect(actionsByLead(s, 'Nobody')).toEqual([]);
  });

  it('finds overdue and due-soon actions, leaving out finished ones', () => {
    const s = samplePlan().snapshot();
    expect(overdueActions(s, '2016-01-15').map((x) => x.action.text)).toEqual(['Refresh strategy']);
    expect(overdueActions(s, '2016-04-01').map((x) => x.action.text)).toEqual(['Refresh strategy', 'Audit', 'Shared']);
    expect(actionsDueWithin(s, '2016-03-01', '2016-03-31').map((x) => x.action.text)).toEqual(['Audit', 'Shared']);
    expect(isComplete(listActions(s)[3]!.action)).toBe(true);
  });

  it('summarises RAG per priority', () => {
    const s = samplePlan().snapshot();
    expect(ragSummary(s).map((r) => [r.title, r.counts, r.total])).toEqual([
      ['CSE', { red: 1, amber: 0, green: 1, blue: 0, grey: 0, none: 1 }, 3],
      ['Missing', { red: 0, amber: 0, green: 0, blue: 1, grey: 0, none: 1 }, 2],
    ]);
  });

  it('reports what changed since a moment, newest first', () => {
    const plan = samplePlan();
    const s0 = plan.snapshot();
    const audit = listActions(s0)[1]!.action.id;
    const done = listActions(s0)[2]!.action.id;
    // The clock steps a second per call, so half a second after the last change splits before from after.
    const since = new Date(Date.parse(s0.updatedAt) + 500).toISOString();
    expect(changedSince(s0, since)).toEqual([]);
    plan.update('action', audit, { text: 'Audit, widened' });
    plan.delete('action', done);
    const added = plan.create('lead', { name: 'New lead' });
    expect(changedSince(plan.snapshot(), since).map((c) => [c.change, c.kind, c.id])).toEqual([
      ['added', 'lead', added],
      ['deleted', 'action', done],
      ['edited', 'action', audit],
    ]);
  });

  it('weighs the load on each lead, counting variant leads once per action and leaving out finished work', () => {
    const s = samplePlan().snapshot();
    expect(leadLoad(s, '2016-01-15').map((l) => [l.name, l.open, l.overdue])).toEqual([
      ['QA Sub', 2, 0],
      ['LSCB team', 1, 1],
    ]);
  });

  it('filters by lead, RAG, status and due window together', () => {
    const s = samplePlan().snapshot();
    const texts = (f: Parameters<typeof filterActions>[1]) => filterActions(s, f).map((r) => r.action.text);
    expect(texts({})).toHaveLength(5);
    expect(texts({ lead: 'QA Sub', status: 'not-started' })).toEqual(['Audit', 'Shared']);
    expect(texts({ rag: 'none' })).toEqual(['Done already', 'Shared']);
    expect(texts({ due: 'overdue', asOf: '2016-01-15' })).toEqual(['Refresh strategy']);
    expect(texts({ due: 60, asOf: '2016-02-01', rag: 'green' })).toEqual(['Audit']);
  });
});

describe('days', () => {
  it("counts days across month, year and leap-day ends, and reads today on this device's calendar", () => {
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-25', 90)).toBe('2027-02-23');
    // Half past midnight on 16 June, local time, is the 16th whatever the UTC day is.
    expect(localToday(new Date(2026, 5, 16, 0, 30))).toBe('2026-06-16');
  });
});

describe('actions per lead', () => {
  it("gathers each lead's actions from actions and their per-partnership parts, each action once, free-text names matched ignoring case", () => {
    const plan = newPlan({
      partnerships: [{ name: 'City', shortName: 'C' }],
      leads: [{ name: 'QA Sub', kind: 'group' }],
      priorities: [
        {
          title: 'P',
          objectives: [
            {
              text: 'O',
              actions: [
                { text: 'A1', leads: ['QA Sub', 'police'], variants: [{ partnership: 'C', leads: ['QA Sub'] }] },
                { text: 'A2', leads: ['Police'] },
                { text: 'A3', variants: [{ partnership: 'C', leads: ['Schools'] }] },
              ],
            },
          ],
        },
      ],
    });
    expect(actionsPerLead(plan.snapshot()).map((l) => [l.name, l.leadId !== null, l.rows.map((r) => r.action.text)])).toEqual([
      ['QA Sub', true, ['A1']],
      ['police', false, ['A1', 'A2']],
      ['Schools', false, ['A3']],
    ]);
  });

  it('counts, in one pass, the actions each registry lead leads as a scan per lead does (the leads view’s column), merged leads and variants included', () => {
    const plan = newPlan({
      leads: [
        { name: 'QA Sub', kind: 'group' },
        { name: 'Lincs Police', kind: 'organisation' },
        { name: 'Police', kind: 'organisation' },
        { name: 'Unused', kind: 'group' },
      ],
      partnerships: [{ name: 'C', shortName: 'C' }],
      priorities: [
        {
          title: 'P',
          objectives: [
            {
              text: 'O',
              actions: [
                { text: 'A1', leads: ['QA Sub', 'Police'], variants: [{ partnership: 'C', leads: ['QA Sub'] }] },
                { text: 'A2', leads: ['Lincs Police'] },
                { text: 'A3', variants: [{ partnership: 'C', leads: ['Police'] }] },
              ],
            },
          ],
        },
      ],
    });
    const [, lincs, police] = plan.children('lead', null);
    plan.mergeLeads(lincs!.id, police!.id);
    const s = plan.snapshot();
    const perLead = new Map(actionsPerLead(s).flatMap((l) => (l.leadId ? [[l.leadId, l.rows.length] as const] : [])));
    const counts = plan.children('lead', null).map((l) => [l.name, perLead.get(l.id) ?? 0]);
    expect(counts).toEqual(plan.children('lead', null).map((l) => [l.name, actionsByLead(s, l.id).length]));
    expect(counts).toEqual([
      ['QA Sub', 1],
      ['Police', 3],
      ['Unused', 0],
    ]);
  });
});
