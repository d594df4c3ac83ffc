import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, openPlan, PlanError, type Plan } from '../../src/index.js';
import { Governance, quorumVerdict, type Arrangements, type AttendanceMark } from '../../src/governance.js';
import { chain, newPlan, replicaOf, seededRandom, steppingClock, syncAll } from '../helpers.js';

/** A small constitution in the shape of seed 001's: the three partners plus three others, and a sub-group quorate with its chair and two agencies. */
const arrangements: Arrangements = {
  partnership: 'Testshire',
  agencies: [
    { id: 'la', name: 'Testshire Council', statutoryPartner: true },
    { id: 'police', name: 'Testshire Police', statutoryPartner: true },
    { id: 'icb', name: 'the ICB', statutoryPartner: true },
    { id: 'schools', name: 'Schools' },
    { id: 'probation', name: 'Probation' },
    { id: 'fire', name: 'Fire and Rescue' },
    { id: 'health', name: 'Community Health' },
  ],
  groups: [
    {
      id: 'smg',
      name: 'Strategic Management Group',
      kind: 'strategic',
      chair: 'Independent Chair',
      meets: 'quarterly',
      seats: [
        { id: 's1', agencyId: 'la' },
        { id: 's2', agencyId: 'police' },
        { id: 's3', agencyId: 'icb' },
        { id: 's4', agencyId: 'schools' },
        { id: 's5', agencyId: 'schools' },
        { id: 's6', agencyId: 'probation' },
        { id: 's7', agencyId: 'fire' },
        { id: 's8', agencyId: 'health' },
        { id: 's9', agencyId: 'la', role: 'Lay member', voting: false },
      ],
      quorum: { kind: 'agencies', required: ['la', 'police', 'icb'], others: 3 },
      attendanceThreshold: 0.75,
      decisions: { otherwise: 'chair-decides', consensusOnly: ['financial contributions'] },
    },
    {
      id: 'sub',
      name: 'Education Sub-Group',
      kind: 'sub-group',
      chair: 'Head of Education',
      meets: 'termly',
      seats: [
        { id: 'e1', agencyId: 'la' },
        { id: 'e2', agencyId: 'schools' },
        { id: 'e3', agencyId: 'police' },
      ],
      quorum: { kind: 'chair-and-agencies', agencies: 2 },
      attendanceThreshold: 0.5,
      decisions: { otherwise: 'escalate', escalateTo: 'the Independent Chair', consensusOnly: [] },
    },
  ],
};

function setUp(plan: Plan = newPlan({}, { user: 'Sam', now: steppingClock() })) {
  const gov = new Governance(plan);
  const ids = gov.load(arrangements);
  const smg = ids.get('smg')!;
  const seats = plan.children('seat', smg);
  /** The live seat of an agency (the nth, from 0). */
  const seat = (agency: string, nth = 0) => seats.filter((s) => s.agencyId === ids.get(agency))[nth]!.id;
  const meeting = plan.create('meeting', { date: '2026-06-10', chairPresent: true }, { parentId: smg });
  return { plan, gov, ids, smg, seat, meeting };
}

describe('the arrangements in the plan', () => {
  it('loads as agencies, groups and seats, and reads back as the same rules with the new ids', () => {
    const { plan, gov, ids } = setUp();
    const read = gov.arrangements();
    expect(read.agencies.map((a) => a.name)).toEqual(arrangements.agencies.map((a) => a.name));
    expect(read.groups.map((g) => [g.name, g.kind, g.chair, g.meets, g.attendanceThreshold, g.seats.length])).toEqual([
      ['Strategic Management Group', 'strategic', 'Independent Chair', 'quarterly', 0.75, 9],
      ['Education Sub-Group', 'sub-group', 'Head of Education', 'termly', 0.5, 3],
    ]);
    expect(read.groups[0]!.quorum).toEqual({ kind: 'agencies', required: [ids.get('la'), ids.get('police'), ids.get('icb')], others: 3 });
    expect(read.groups[1]!.decisions.otherwise).toBe('escalate');
    // One load is one undoable change (after the meeting set up here).
    plan.undo();
    expect(gov.arrangements().groups).toHaveLength(2);
    plan.undo();
    expect(gov.arrangements().groups).toEqual([]);
  });

  it('refuses rules that are not rules, saying what a rule looks like, and changes nothing', () => {
    const { plan, smg } = setUp();
    expect(() => plan.update('group', smg, { quorum: { kind: 'agencies', required: [], others: -1 } })).toThrow(/whole number/);
    expect(() => plan.update('group', smg, { attendanceThreshold: 75 })).toThrow(/between 0 and 1/);
    expect(() => plan.update('group', smg, { decisions: { otherwise: 'vote', consensusOnly: [] } as never })).toThrow(/chair-decides/);
    expect(plan.get('group', smg)!.attendanceThreshold).toBe(0.75);
  });

  it('names a seat in the bin by its agency and role (a role is often empty), also once its agency is in the bin too', () => {
    const { plan, ids, seat } = setUp();
    const [lay, police, fire] = [seat('la', 1), seat('police'), seat('fire')];
    for (const id of [lay, police, fire]) plan.delete('seat', id);
    plan.delete('agency', ids.get('fire')!);
    const seats = plan.snapshot().bin.filter((b) => b.kind === 'seat');
    expect(seats.map((b) => b.label).sort()).toEqual(['Fire and Rescue', 'Testshire Council, Lay member', 'Testshire Police']);
  });

  it('opens a plan made before governance existed, with no groups, and lets groups be added', () => {
    const old = newPlan();
    const reopened = openPlan(replicaOf(old.doc));
    const gov = new Governance(reopened);
    expect(gov.arrangements().groups).toEqual([]);
    const g = reopened.create('group', { name: 'Task and finish: neglect', kind: 'task-and-finish' });
    expect(gov.group(g).quorum).toEqual({ kind: 'count', members: 1 });
  });
});

describe('a meeting', () => {
  it('says live whether it is quorate and why not, as people are marked present', () => {
    const { gov, seat, meeting } = setUp();
    expect(gov.meeting(meeting).verdict.words).toBe('Not quorate: needs Testshire Council, Testshire Police, the ICB and three more agencies');
    for (const a of ['la', 'police', 'schools', 'probation']) gov.markAttendance(meeting, seat(a), { status: 'present' });
    gov.markAttendance(meeting, seat('schools', 1), { status: 'present' }); // a second seat of one agency counts once
    expect(gov.meeting(meeting).verdict.words).toBe('Not quorate: needs the ICB and one more agency');
    gov.markAttendance(meeting, seat('icb'), { status: 'substitute', name: 'Dr Deputy' });
    gov.markAttendance(meeting, seat('fire'), { status: 'apologies' });
    expect(gov.meeting(meeting).verdict.words).toBe('Not quorate: needs one more agency');
    gov.markAttendance(meeting, seat('health'), { status: 'present' });
    const view = gov.meeting(meeting);
    expect(view.verdict).toMatchObject({ quorate: true, words: 'Quorate' });
    expect(view.seats.find((s) => s.seatId === seat('icb'))!.mark).toEqual({ status: 'substitute', name: 'Dr Deputy' });
  });

  it('refuses a substitute without a name, a seat of another group and a mark that is not one', () => {
    const { plan, gov, ids, seat, meeting } = setUp();
    expect(() => gov.markAttendance(meeting, seat('la'), { status: 'substitute', name: ' ' })).toThrow(/name of the person who came instead/);
    const other = plan.children('seat', ids.get('sub')!)[0]!.id;
    expect(() => gov.markAttendance(meeting, other, { status: 'present' })).toThrow(/no seat/);
    expect(() => gov.markAttendance(meeting, seat('la'), { status: 'here' } as never)).toThrow(/present, substitute \(with a name\), apologies or absent/);
    expect(gov.meeting(meeting).seats.every((s) => s.mark === undefined)).toBe(true);
  });

  it('refuses a decision of a meeting that is not quorate unless told, then records that it was not', () => {
    const { gov, meeting } = setUp();
    const decision = { text: 'Adopt the neglect strategy', item: '4', method: { by: 'consensus' } as const };
    expect(() => gov.recordDecision(meeting, decision)).toThrow(PlanError);
    try {
      gov.recordDecision(meeting, decision);
    } catch (e) {
      expect((e as PlanError).code).toBe('not-quorate');
      expect((e as PlanError).message).toMatch(/say it was taken without a quorum.*needs Testshire Council/);
    }
    expect(gov.meeting(meeting).decisions).toEqual([]);
    gov.recordDecision(meeting, { ...decision, acknowledgeNotQuorate: true });
    expect(gov.meeting(meeting).decisions.map((d) => [d.text, d.item, d.notQuorate])).toEqual([['Adopt the neglect strategy', '4', true]]);
  });

  it("applies the group's decision rules: financial contributions only by consensus, a chair's decision names who was consulted", () => {
    const { gov, seat, meeting } = setUp();
    for (const a of ['la', 'police', 'icb', 'schools', 'probation', 'fire']) gov.markAttendance(meeting, seat(a), { status: 'present' });
    expect(() => gov.recordDecision(meeting, { text: 'Raise contributions', topic: 'financial contributions', method: { by: 'chair', consulted: ['Police'] } })).toThrow(/consensus/);
    expect(() => gov.recordDecision(meeting, { text: 'Commission an audit', method: { by: 'chair', consulted: [] } })).toThrow(/whom the chair consulted/);
    const id = gov.recordDecision(meeting, { text: 'Commission an audit', method: { by: 'chair', consulted: ['Testshire Police', 'the ICB'] } });
    expect(gov.meeting(meeting).decisions[0]).toMatchObject({ id, notQuorate: false, method: { by: 'chair', consulted: ['Testshire Police', 'the ICB'] } });
  });

  it('a sub-group is quorate with its chair and its agencies; its chair does not decide, it escalates', () => {
    const { plan, gov, ids } = setUp();
    const sub = ids.get('sub')!;
    const m = plan.create('meeting', { date: '2026-06-11' }, { parentId: sub });
    for (const s of plan.children('seat', sub)) gov.markAttendance(m, s.id, { status: 'present' });
    expect(gov.meeting(m).verdict.words).toBe('Not quorate: needs the chair');
    plan.update('meeting', m, { chairPresent: true });
    expect(gov.meeting(m).verdict.quorate).toBe(true);
    expect(() => gov.recordDecision(m, { text: 'Change the protocol', method: { by: 'chair', consulted: ['Schools'] } })).toThrow(/the Independent Chair/);
  });

  it('turns an action arising into a plan action under an objective, linked, in one undoable step', () => {
    const { plan, gov, meeting } = setUp();
    const { o } = chain(plan);
    const arising = plan.create('arising', { text: 'Audit missing-from-education referrals', owner: 'Education Sub-Group', due: '2026-09-30' }, { parentId: meeting });
    const action = gov.actionFromArising(arising, o);
    expect(plan.get('action', action)).toMatchObject({ text: 'Audit missing-from-education referrals', leads: [{ name: 'Education Sub-Group' }], timescale: 'By 30/09/2026', parentId: o });
    expect(plan.get('arising', arising)!.actionId).toBe(action);
    expect(() => gov.actionFromArising(arising, o)).toThrow(/already linked/);
    plan.undo();
    expect(plan.isVisible('action', action)).toBe(false);
    expect(plan.get('arising', arising)!.actionId).toBe(null);
  });
});

describe('declarations, visitors and actions arising', () => {
  it('are kept per meeting, in order, and come back whole after a partner edits the same meeting', () => {
    const { plan, gov, meeting } = setUp();
    const replica = openPlan(replicaOf(plan.doc), { user: 'Bob' });
    plan.create('declaration', { who: 'Head of Fostering', item: '6', interest: 'Manages the service under review', left: true }, { parentId: meeting });
    replica.update('meeting', meeting, { visitors: ['Ofsted inspector (observing)'] });
    replica.create('arising', { text: 'Circulate the audit', owner: 'Business manager' }, { parentId: meeting });
    syncAll([plan.doc, replica.doc]);
    const view = gov.meeting(meeting);
    expect(view.declarations.map((d) => [d.who, d.item, d.left])).toEqual([['Head of Fostering', '6', true]]);
    expect(view.visitors).toEqual(['Ofsted inspector (observing)']);
    expect(view.arising.map((a) => a.text)).toEqual(['Circulate the audit']);
    expect(() => plan.create('declaration', { who: ' ' }, { parentId: meeting })).toThrow(/who is required/);
  });
});

describe('meetings recorded on two devices', () => {
  function twoDevices() {
    const alice = setUp(newPlan({}, { user: 'Alice', now: steppingClock('2026-06-10T10:00:00.000Z') }));
    const bobPlan = openPlan(replicaOf(alice.plan.doc), { user: 'Bob', now: steppingClock('2026-06-10T10:00:30.000Z') });
    return { alice, bob: new Governance(bobPlan), bobPlan };
  }

  it("merges two people marking one meeting's attendance: both keep their marks, and both see the same verdict", () => {
    const { alice, bob, bobPlan } = twoDevices();
    const { seat, meeting } = alice;
    for (const a of ['la', 'police', 'icb']) alice.gov.markAttendance(meeting, seat(a), { status: 'present' });
    for (const a of ['schools', 'probation']) bob.markAttendance(meeting, seat(a), { status: 'present' });
    bob.markAttendance(meeting, seat('fire'), { status: 'substitute', name: 'Station Manager Lee' });
    syncAll([alice.plan.doc, bobPlan.doc]);
    const a = alice.gov.meeting(meeting);
    const b = bob.meeting(meeting);
    expect(a.seats.filter((s) => s.mark).length).toBe(6);
    expect(b.seats).toEqual(a.seats);
    expect(a.verdict.quorate).toBe(true);
    expect(b.verdict).toEqual(a.verdict);
  });

  it('keeps the mark of a seat removed while someone recorded attendance for it; it still counts, shown as removed', () => {
    const { alice, bob, bobPlan } = twoDevices();
    const { seat, meeting } = alice;
    for (const a of ['la', 'police', 'icb', 'schools', 'probation']) alice.gov.markAttendance(meeting, seat(a), { status: 'present' });
    syncAll([alice.plan.doc, bobPlan.doc]);
    const fire = seat('fire');
    alice.plan.delete('seat', fire); // Alice reorganises the group's seats…
    bob.markAttendance(meeting, fire, { status: 'substitute', name: 'Station Manager Lee' }); // …while Bob, offline, marks the fire service's substitute
    syncAll([alice.plan.doc, bobPlan.doc]);
    for (const gov of [alice.gov, bob]) {
      const view = gov.meeting(meeting);
      expect(view.seats.find((s) => s.seatId === fire)).toMatchObject({ removed: true, mark: { status: 'substitute', name: 'Station Manager Lee' } });
      expect(view.verdict.quorate).toBe(true);
    }
    // The group's seats no longer include it, and a new mark for it is refused with what to do instead.
    expect(alice.gov.group(alice.smg).seats.some((s) => s.id === fire)).toBe(false);
    const later = alice.plan.create('meeting', { date: '2026-09-10' }, { parentId: alice.smg });
    expect(() => alice.gov.markAttendance(later, fire, { status: 'present' })).toThrow(/restore it from the bin/);
    // Removing the agency itself later keeps its name on the meetings it attended.
    alice.plan.delete('agency', alice.ids.get('fire')!);
    expect(alice.gov.meeting(meeting).seats.find((s) => s.seatId === fire)!.agencyName).toBe('Fire and Rescue');
  });

  it('last mark wins for one seat marked differently on two devices, the same on both', () => {
    const { alice, bob, bobPlan } = twoDevices();
    alice.gov.markAttendance(alice.meeting, alice.seat('la'), { status: 'present' });
    bob.markAttendance(alice.meeting, alice.seat('la'), { status: 'apologies' });
    syncAll([alice.plan.doc, bobPlan.doc]);
    expect(alice.gov.meeting(alice.meeting).seats[0]!.mark).toEqual(bob.meeting(alice.meeting).seats[0]!.mark);
  });
});

describe('the verdict through the document matches the rule', () => {
  it('for any attendance, any quorum rule, any chair', () => {
    const marks = fc.constantFrom<AttendanceMark | null>({ status: 'present' }, { status: 'substitute', name: 'Deputy' }, { status: 'apologies' }, { status: 'absent' }, null);
    const rule = fc.oneof(
      fc.record({ kind: fc.constant('agencies' as const), required: fc.subarray(['la', 'police', 'icb', 'fire']), others: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ kind: fc.constant('chair-and-agencies' as const), agencies: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('count' as const), members: fc.integer({ min: 1, max: 9 }) }),
    );
    const { plan, gov, ids, smg, meeting } = setUp(newPlan({}, { random: seededRandom(7) }));
    const seats = plan.children('seat', smg);
    fc.assert(
      fc.property(fc.array(marks, { minLength: seats.length, maxLength: seats.length }), rule, fc.boolean(), (chosen, r, chair) => {
        const quorum = r.kind === 'agencies' ? { ...r, required: r.required.map((a) => ids.get(a)!) } : r;
        plan.update('group', smg, { quorum });
        plan.update('meeting', meeting, { chairPresent: chair, attendance: Object.fromEntries(seats.map((s, i) => [s.id, chosen[i]!])) });
        const expected = new Map<string, AttendanceMark>();
        seats.forEach((s, i) => chosen[i] && expected.set(s.id, chosen[i]!));
        // The rule itself, counted by hand: agencies represented by a voting seat present or substituted.
        const voting = seats.filter((s, i) => s.voting && (chosen[i]?.status === 'present' || chosen[i]?.status === 'substitute'));
        const agencies = new Set(voting.map((s) => s.agencyId));
        const holds =
          quorum.kind === 'agencies'
            ? quorum.required.every((a) => agencies.has(a)) && [...agencies].filter((a) => !quorum.required.includes(a)).length >= quorum.others
            : quorum.kind === 'chair-and-agencies'
              ? chair && agencies.size >= quorum.agencies
              : voting.length >= quorum.members;
        const verdict = gov.meeting(meeting).verdict;
        expect(verdict.quorate).toBe(holds);
        expect(verdict).toEqual(
          quorumVerdict(
            quorum,
            seats.map((s) => ({ id: s.id, agencyId: s.agencyId, voting: s.voting })),
            expected,
            { chairPresent: chair, agencies: gov.arrangements().agencies },
          ),
        );
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});

describe('the governance report', () => {
  it('lists each group, attendance per agency against the threshold, who fell short, and the decisions of the year', () => {
    const { plan, gov, seat, smg, meeting } = setUp();
    for (const a of ['la', 'police', 'icb', 'schools', 'probation', 'fire']) gov.markAttendance(meeting, seat(a), { status: 'present' });
    gov.recordDecision(meeting, { text: 'Adopt the neglect strategy', method: { by: 'consensus' } });
    const second = plan.create('meeting', { date: '2026-09-09' }, { parentId: smg });
    for (const a of ['la', 'police', 'icb']) gov.markAttendance(second, seat(a), { status: 'present' });
    gov.recordDecision(second, { text: 'Defer the audit', method: { by: 'chair', consulted: ['Testshire Police'] }, acknowledgeNotQuorate: true });
    plan.create('meeting', { date: '2027-05-01' }, { parentId: smg }); // outside the year
    const report = buildReport(plan.snapshot(), 'governance', { today: '2027-06-01', year: { start: '2026-04-01', end: '2027-03-31' }, governance: gov.snapshot() });
    expect(report.title).toMatch(/^Governance 1 April 2026 to 31 March 2027/);
    const text = JSON.stringify(report.document.blocks);
    expect(text).toContain('Quorate with Testshire Council, Testshire Police, the ICB and three other agencies.');
    expect(text).toContain('2 meetings in the year, 1 meeting not quorate.');
    const attendance = report.document.blocks.find((b) => b.type === 'table' && b.caption.startsWith('Attendance at the Strategic'));
    expect(attendance && attendance.type === 'table' && attendance.rows.map((r) => r.map((c) => c!.lines.join(' ')))).toContainEqual(['Schools', '1 of 2', '50%', 'No']);
    expect(text).toContain('Below the threshold');
    expect(text).toMatch(/Community Health \(0%\); Fire and Rescue \(50%\)/);
    expect(text).toContain('By the chair, after consulting Testshire Police');
    expect(text).toContain('Taken at a meeting that was not quorate');
    const [smgAttendance] = gov.attendance({ from: '2026-04-01', to: '2027-03-31' });
    expect(smgAttendance).toMatchObject({ meetings: 2, notQuorate: 1 });
    expect(smgAttendance!.short.map((r) => [r.agencyName, r.rate])).toEqual([
      ['Community Health', 0],
      ['Fire and Rescue', 0.5],
      ['Probation', 0.5],
      ['Schools', 0.5],
    ]);
    const annual = buildReport(plan.snapshot(), 'annual', { today: '2027-06-01', year: { start: '2026-04-01', end: '2027-03-31' }, governance: gov.snapshot() });
    expect(annual.document.blocks.some((b) => b.type === 'heading' && b.text === 'Governance')).toBe(true);
    expect(buildReport(plan.snapshot(), 'annual', { today: '2027-06-01' }).document.blocks.some((b) => b.type === 'heading' && b.text === 'Governance')).toBe(false);
  });
});
