import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, importIntoPlan, PlanError, planFromJson, planToInput, planToJson, PLAN_JSON_VERSION, type Plan, type PlanInput } from '../../src/index.js';
import { Governance, type Arrangements } from '../../src/governance.js';
import { newPlan, smallPlanInput, steppingClock } from '../helpers.js';

const arrangements: Arrangements = {
  partnership: 'Testshire',
  agencies: [
    { id: 'la', name: 'Testshire Council', statutoryPartner: true },
    { id: 'police', name: 'Testshire Police', statutoryPartner: true },
    { id: 'icb', name: 'the ICB', statutoryPartner: true },
    { id: 'schools', name: 'Schools' },
    { id: 'fire', name: 'Fire and Rescue' },
  ],
  groups: [
    {
      id: 'smg',
      name: 'Strategic Management Group',
      kind: 'strategic',
      chair: 'Independent Chair',
      meets: 'quarterly',
      seats: [
        { id: 's1', agencyId: 'la', role: "Children's Services" },
        { id: 's2', agencyId: 'police' },
        { id: 's3', agencyId: 'icb' },
        { id: 's4', agencyId: 'schools' },
        { id: 's5', agencyId: 'fire' },
        { id: 's6', agencyId: 'la', role: 'Lay member', voting: false },
      ],
      quorum: { kind: 'agencies', required: ['la', 'police', 'icb'], others: 1 },
      attendanceThreshold: 0.75,
      decisions: { otherwise: 'chair-decides', consensusOnly: ['financial contributions'] },
    },
    {
      id: 'sub',
      name: 'Education Sub-Group',
      kind: 'sub-group',
      chair: 'Head of Education',
      meets: 'termly',
      seats: [{ id: 'e1', agencyId: 'schools' }],
      quorum: { kind: 'chair-and-agencies', agencies: 1 },
      attendanceThreshold: 0.5,
      decisions: { otherwise: 'escalate', escalateTo: 'the Independent Chair', consensusOnly: [] },
    },
  ],
};

/** A plan with the arrangements and one meeting recorded in full: marks of every kind, a visitor, a declaration, decisions, actions arising (one linked to a plan action), and a marked seat and an agency since removed. */
function recordedPlan(): { plan: Plan; meeting: string } {
  const plan = newPlan(smallPlanInput('Testshire'), { user: 'Sam', now: steppingClock() });
  const gov = new Governance(plan);
  const ids = gov.load(arrangements);
  const smg = ids.get('smg')!;
  const seatOf = (agency: string) => plan.children('seat', smg).find((s) => s.agencyId === ids.get(agency))!.id;
  const meeting = plan.create('meeting', { date: '2026-06-10', chairPresent: true, visitors: ['Ofsted inspector'] }, { parentId: smg });
  gov.markAttendance(meeting, seatOf('la'), { status: 'present' });
  gov.markAttendance(meeting, seatOf('police'), { status: 'substitute', name: 'DI Deputy' });
  gov.markAttendance(meeting, seatOf('icb'), { status: 'present' });
  gov.markAttendance(meeting, seatOf('schools'), { status: 'apologies' });
  gov.markAttendance(meeting, seatOf('fire'), { status: 'present' });
  plan.create('declaration', { who: 'Head of Schools', item: 'Item 4', interest: 'Governor of a school named in the audit', left: true }, { parentId: meeting });
  gov.recordDecision(meeting, { text: 'Agree the neglect strategy', item: 'Item 3', method: { by: 'consensus' } });
  gov.recordDecision(meeting, { text: 'Publish the audit', method: { by: 'chair', consulted: ['Testshire Police'] } });
  const action = plan.snapshot().priorities[0]!.objectives[0]!.actions[1]!.id;
  plan.create('arising', { text: 'Report the audit to the board', owner: 'QA lead', due: '2026-09-30', actionId: action }, { parentId: meeting });
  plan.create('arising', { text: 'Invite the ICB to present', owner: 'Business manager' }, { parentId: meeting });
  // Fire and Rescue's seat is removed after the meeting (its mark still counts), and the agency too.
  plan.delete('seat', seatOf('fire'));
  plan.delete('agency', ids.get('fire')!);
  return { plan, meeting };
}

const meetingsOf = (plan: Plan) => {
  const gov = new Governance(plan);
  return plan.children('group', null).flatMap((g) => plan.children('meeting', g.id).map((m) => gov.meeting(m.id)));
};

describe('governance in Coplan JSON', () => {
  it('goes out and comes back in the same: arrangements, attendance, visitors, declarations, decisions, actions arising', () => {
    const { plan } = recordedPlan();
    const json = planToJson(plan.snapshot());
    expect(JSON.parse(json).version).toBe(PLAN_JSON_VERSION);
    const copy = createPlan(new Y.Doc(), planFromJson(json));
    expect(planToInput(copy.snapshot())).toEqual(planToInput(plan.snapshot()));
    expect(planToInput(copy.snapshot()).governance!.groups[0]!.meetings![0]!.visitors).toEqual(['Ofsted inspector']);

    // The references hold: each seat's agency, the quorum rule's agencies, the marks by seat, so the verdict is the same.
    const [was] = meetingsOf(plan);
    const [is] = meetingsOf(copy);
    const seatWords = (m: typeof was) => m!.seats.map((s) => [s.agencyName, s.role, s.voting, s.mark, s.removed]);
    expect(seatWords(is)).toEqual(seatWords(was));
    expect(is!.verdict).toEqual(was!.verdict);
    expect(is!.verdict.quorate).toBe(true); // Fire and Rescue's removed seat is the one more agency
    expect(is!.groupName).toBe('Strategic Management Group');
    expect(is!.decisions.map((d) => [d.text, d.method, d.notQuorate])).toEqual([
      ['Agree the neglect strategy', { by: 'consensus' }, false],
      ['Publish the audit', { by: 'chair', consulted: ['Testshire Police'] }, false],
    ]);
    expect(is!.declarations.map((d) => [d.who, d.item, d.interest, d.left])).toEqual([['Head of Schools', 'Item 4', 'Governor of a school named in the audit', true]]);
    const linked = is!.arising[0]!;
    expect(copy.get('action', linked.actionId!)!.text).toBe('Audit use of the toolkit');
    expect(is!.arising[1]!.actionId).toBeNull();
    // What was removed is in the bin, as it was, not live.
    expect(
      copy
        .snapshot()
        .bin.map((b) => b.kind)
        .sort(),
    ).toEqual(['agency', 'seat']);
    expect(new Governance(copy).arrangements().agencies.map((a) => a.name)).not.toContain('Fire and Rescue');
  });

  it('an agreed version is the business plan as agreed: it exports without the governance, which goes on changing', () => {
    const { plan } = recordedPlan();
    const id = plan.agreeVersion({ label: 'v1.0', agreedBy: ['Board'] });
    const json = JSON.parse(planToJson(plan.versionSnapshot(id)));
    expect(json.plan.governance).toBeUndefined();
    expect(json.plan.priorities).toEqual(planToInput(plan.snapshot()).priorities);
  });

  it('a plan with no governance exports none, and a plan loaded with arrangements but no meetings round-trips', () => {
    const bare = newPlan(smallPlanInput('Testshire'));
    expect(JSON.parse(planToJson(bare.snapshot())).plan.governance).toBeUndefined();
    new Governance(bare).load(arrangements);
    const copy = createPlan(new Y.Doc(), planFromJson(planToJson(bare.snapshot())));
    const rules = (plan: Plan) => new Governance(plan).arrangements().groups.map((g) => [g.name, g.kind, g.chair, g.meets, g.seats.length, g.quorum.kind, g.attendanceThreshold, g.decisions]);
    expect(rules(copy)).toEqual(rules(bare));
    expect(rules(copy)).toHaveLength(2);
    expect(planToInput(copy.snapshot())).toEqual(planToInput(bare.snapshot()));
  });

  it('imports into an existing plan: "add" keeps its groups and reuses its agencies by name; "replace" bins its groups first', () => {
    const input = planFromJson(planToJson(recordedPlan().plan.snapshot()));
    const target = newPlan(smallPlanInput('Other'));
    new Governance(target).load({
      partnership: '',
      agencies: [{ id: 'x', name: 'TESTSHIRE COUNCIL' }],
      groups: [{ ...arrangements.groups[1]!, name: 'Our own group', seats: [{ id: 'y', agencyId: 'x' }] }],
    });
    expect(importIntoPlan(target, input, 'add')).toMatchObject({ priorities: 1, groups: 2, meetings: 1 });
    const gov = new Governance(target);
    expect(gov.arrangements().groups.map((g) => g.name)).toEqual(['Our own group', 'Strategic Management Group', 'Education Sub-Group']);
    const names = gov.arrangements().agencies.map((a) => a.name);
    expect(names.filter((n) => n.toLowerCase() === 'testshire council')).toHaveLength(1);
    const [meeting] = meetingsOf(target);
    expect(meeting!.seats[0]!.agencyName).toBe('TESTSHIRE COUNCIL');
    expect(meeting!.verdict.quorate).toBe(true);
    expect(target.get('action', meeting!.arising[0]!.actionId!)!.text).toBe('Audit use of the toolkit');
    expect(target.snapshot().priorities).toHaveLength(2);

    importIntoPlan(target, input, 'replace');
    expect(gov.arrangements().groups.map((g) => g.name)).toEqual(['Strategic Management Group', 'Education Sub-Group']);
    expect(meetingsOf(target)).toHaveLength(1);
    expect(target.get('action', meetingsOf(target)[0]!.arising[0]!.actionId!)!.text).toBe('Audit use of the toolkit');
    // One batch: undo brings the earlier groups back.
    target.undo();
    expect(gov.arrangements().groups).toHaveLength(3);
  });

  it('an import without governance (a Word or Excel plan) leaves the plan’s groups and meetings alone, even when replacing', () => {
    const { plan } = recordedPlan();
    importIntoPlan(plan, smallPlanInput('Other'), 'replace');
    expect(meetingsOf(plan)).toHaveLength(1);
    expect(new Governance(plan).arrangements().groups).toHaveLength(2);
  });

  it('refuses a reference that leads nowhere, saying which and what to do, and makes nothing', () => {
    const input = planFromJson(planToJson(recordedPlan().plan.snapshot()));
    const badSeat: PlanInput = structuredClone(input);
    badSeat.governance!.groups[0]!.seats[0]!.agencyId = 'agency-99';
    expect(() => createPlan(new Y.Doc(), badSeat)).toThrow(/names agency "agency-99", which is not in the governance's list of agencies/);
    const badMark: PlanInput = structuredClone(input);
    badMark.governance!.groups[0]!.meetings![0]!.attendance = { 'group-9-seat-1': { status: 'present' } };
    expect(() => createPlan(new Y.Doc(), badMark)).toThrow(/marks seat "group-9-seat-1", which is not one of the group's seats/);
    const notGovernance = { ...input, governance: 'yes' } as unknown as PlanInput;
    expect(() => createPlan(new Y.Doc(), notGovernance)).toThrow(PlanError);
    const target = newPlan(smallPlanInput('Other'));
    const before = planToInput(target.snapshot());
    expect(() => importIntoPlan(target, badSeat, 'add')).toThrow(/agency-99/);
    expect(planToInput(target.snapshot())).toEqual(before);
  });
});

describe('older and newer Coplan JSON', () => {
  const v1 = readFileSync(new URL('./fixtures/lancashire-2015-16.v1.json', import.meta.url), 'utf8');

  it('reads a version 1 file (exported before governance) exactly as before', () => {
    expect(planFromJson(v1)).toEqual(JSON.parse(v1).plan);
    const plan = createPlan(new Y.Doc(), planFromJson(v1));
    expect(planToInput(plan.snapshot())).toEqual(JSON.parse(v1).plan);
    // Version 1 had no governance: a "governance" in such a file is not Coplan's and is not read.
    const edited = JSON.parse(v1);
    edited.plan.governance = { agencies: [{ id: 'a', name: 'Somebody' }], groups: [] };
    expect(planFromJson(JSON.stringify(edited)).governance).toBeUndefined();
  });

  it('refuses a file from a newer Coplan, saying to update', () => {
    const newer = JSON.stringify({ ...JSON.parse(v1), version: PLAN_JSON_VERSION + 1 });
    expect(() => planFromJson(newer)).toThrow(
      `This plan was exported by a newer Coplan (format version ${PLAN_JSON_VERSION + 1}); this one reads up to ${PLAN_JSON_VERSION}. Update Coplan to import it.`,
    );
  });
});
