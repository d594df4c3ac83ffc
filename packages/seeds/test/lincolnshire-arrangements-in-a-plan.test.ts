import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan } from '@coplan/core';
import { Governance } from '@coplan/core/governance';
import { lincolnshireArrangements as lincs } from '../src/index.js';

describe("Lincolnshire's arrangements (seed 001) loaded into a plan", () => {
  it('keeps every group, seat and rule, and its rules give the same verdicts through the document', () => {
    const plan = createPlan(new Y.Doc(), { title: 'Lincolnshire' });
    const gov = new Governance(plan);
    const ids = gov.load(lincs);
    const read = gov.arrangements();
    expect(read.agencies.map((a) => a.name)).toEqual(lincs.agencies.map((a) => a.name));
    expect(read.groups.map((g) => [g.name, g.kind, g.meets, g.seats.length, g.seats.filter((s) => s.voting === false).length, g.attendanceThreshold])).toEqual(
      lincs.groups.map((g) => [g.name, g.kind, g.meets, g.seats.length, g.seats.filter((s) => s.voting === false).length, g.attendanceThreshold]),
    );
    expect(read.groups.map((g) => g.decisions)).toEqual(lincs.groups.map((g) => g.decisions));

    const odg = ids.get('odg')!;
    const meeting = plan.create('meeting', { date: '2026-05-14', chairPresent: true }, { parentId: odg });
    const seat = (agency: string) => plan.children('seat', odg).find((s) => s.agencyId === ids.get(agency) && s.voting)!.id;
    for (const a of ['la', 'police', 'fire', 'emas', 'vcs']) gov.markAttendance(meeting, seat(a), { status: 'present' });
    plan
      .children('seat', odg)
      .filter((s) => !s.voting)
      .forEach((s) => gov.markAttendance(meeting, s.id, { status: 'present' })); // lay members do not count
    expect(gov.meeting(meeting).verdict.words).toBe('Not quorate: needs NHS Lincolnshire Integrated Care Board');
    gov.markAttendance(meeting, seat('icb'), { status: 'substitute', name: 'Deputy Designated Nurse' });
    expect(gov.meeting(meeting).verdict.quorate).toBe(true);
    expect(() => gov.recordDecision(meeting, { text: 'Raise the partners’ contributions', topic: 'financial contributions', method: { by: 'chair', consulted: ['Police'] } })).toThrow(/consensus/);
  });
});
