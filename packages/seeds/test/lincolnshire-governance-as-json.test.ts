import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, planFromJson, planToInput, planToJson, type Plan } from '@coplan/core';
import { Governance } from '@coplan/core/governance';
import { lincolnshire201821, lincolnshireArrangements as lincs } from '../src/index.js';

/** Lincolnshire's 2018-21 plan with its arrangements (seed 001) and an Operational Delivery Group meeting recorded in full. */
function lincolnshireWithMeeting(): Plan {
  const plan = createPlan(new Y.Doc(), lincolnshire201821, { user: 'Business manager' });
  const gov = new Governance(plan);
  const ids = gov.load(lincs);
  const odg = ids.get('odg')!;
  const meeting = plan.create('meeting', { date: '2026-05-14', chairPresent: true, visitors: ['Ofsted inspector'] }, { parentId: odg });
  const seat = (agency: string) => plan.children('seat', odg).find((s) => s.agencyId === ids.get(agency) && s.voting)!.id;
  for (const a of ['la', 'police', 'fire', 'emas', 'vcs']) gov.markAttendance(meeting, seat(a), { status: 'present' });
  gov.markAttendance(meeting, seat('icb'), { status: 'substitute', name: 'Deputy Designated Nurse' });
  for (const s of plan.children('seat', odg).filter((s) => !s.voting)) gov.markAttendance(meeting, s.id, { status: 'apologies' });
  plan.create('declaration', { who: 'VCS representative', item: 'Item 6', interest: 'Her charity bids for the commissioned service' }, { parentId: meeting });
  gov.recordDecision(meeting, { text: 'Adopt the neglect strategy', item: 'Item 4', method: { by: 'consensus' } });
  const action = plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.id;
  plan.create('arising', { text: 'Take the strategy to the Strategic Management Group', owner: 'Business manager', due: '2026-07-01', actionId: action }, { parentId: meeting });
  return plan;
}

describe("Lincolnshire's arrangements and a recorded meeting in Coplan's JSON", () => {
  it('come back from the JSON equal: every group, seat and rule, the meeting and its verdict', () => {
    const plan = lincolnshireWithMeeting();
    const copy = createPlan(new Y.Doc(), planFromJson(planToJson(plan.snapshot())));
    expect(planToInput(copy.snapshot())).toEqual(planToInput(plan.snapshot()));

    const [was, is] = [new Governance(plan).snapshot(), new Governance(copy).snapshot()];
    const rules = (g: typeof was) => g.arrangements.groups.map((x) => [x.name, x.kind, x.chair, x.meets, x.attendanceThreshold, x.decisions, x.seats.length]);
    expect(rules(is)).toEqual(rules(was));
    expect(rules(is)).toHaveLength(lincs.groups.length);
    expect(is.arrangements.agencies.map((a) => [a.name, !!a.statutoryPartner])).toEqual(lincs.agencies.map((a) => [a.name, !!a.statutoryPartner]));
    expect(is.meetings.map((m) => [m.date, m.verdict.words, Object.keys(m.marks).length, m.decisions.map((d) => d.text)])).toEqual([['2026-05-14', 'Quorate', 8, ['Adopt the neglect strategy']]]);
    expect(is.meetings.map((m) => m.verdict)).toEqual(was.meetings.map((m) => m.verdict));

    // The meeting hangs off the Operational Delivery Group, its marks off that group's seats, the action arising off the plan action.
    const view = new Governance(copy).meeting(is.meetings[0]!.id);
    expect(view.groupName).toBe(lincs.groups.find((g) => g.id === 'odg')!.name);
    expect(view.seats.find((s) => s.mark?.status === 'substitute')).toMatchObject({ agencyName: 'NHS Lincolnshire Integrated Care Board', mark: { name: 'Deputy Designated Nurse' } });
    expect(copy.get('action', view.arising[0]!.actionId!)!.text).toBe(plan.snapshot().priorities[0]!.objectives[0]!.actions[0]!.text);
  });
});
