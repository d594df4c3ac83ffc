import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agenciesPresent, attendanceOver, checkDecision, fallingShort, quorumVerdict, type AttendanceMark, type Group, type MeetingAttendance } from '@coplan/core/governance';
import { lincolnshireArrangements as lincs } from '../src/lincolnshire-arrangements.js';

const group = (id: string): Group => lincs.groups.find((g) => g.id === id)!;
const smg = group('smg');
const odg = group('odg');
const education = group('education');

/** Marks the first voting seat of each agency named present (or sent a substitute, with `sub:`). */
function marks(g: Group, agencies: string[]): Map<string, AttendanceMark> {
  const out = new Map<string, AttendanceMark>();
  for (const entry of agencies) {
    const [kind, agency] = entry.startsWith('sub:') ? ['sub', entry.slice(4)] : ['present', entry];
    const seat = g.seats.find((s) => s.agencyId === agency && s.voting !== false && !out.has(s.id))!;
    out.set(seat.id, kind === 'sub' ? { status: 'substitute', name: 'A deputy' } : { status: 'present' });
  }
  return out;
}

const verdict = (g: Group, agencies: string[], chairPresent = true) => quorumVerdict(g.quorum, g.seats, marks(g, agencies), { chairPresent, agencies: lincs.agencies });

describe('the Lincolnshire arrangements (seed 001)', () => {
  it('transcribes the groups, their seats, quorum rules and thresholds', () => {
    expect(lincs.groups.map((g) => [g.name, g.meets, g.attendanceThreshold])).toEqual([
      ['Strategic Management Group', 'quarterly', 0.75],
      ['Operational Delivery Group', 'bi-monthly', 0.75],
      ['Education Sub-Group', 'as the sub-group sets', 0.75],
    ]);
    expect(smg.seats.filter((s) => s.agencyId === 'schools')).toHaveLength(4);
    expect(smg.seats.filter((s) => s.agencyId === 'la' && s.role === "Children's Services")).toHaveLength(2);
    expect(smg.seats.filter((s) => s.voting === false).map((s) => s.role)).toEqual(['Lead Member (participating observer)', 'Lay member (in attendance)', 'Lay member (in attendance)']);
    expect(odg.seats).toHaveLength(25);
    expect(smg.quorum).toEqual({ kind: 'agencies', required: ['la', 'police', 'icb'], others: 3 });
    expect(education.quorum).toEqual({ kind: 'chair-and-agencies', agencies: 3 });
  });

  it('a Strategic Management Group meeting is quorate with the local authority, police and ICB plus three other agencies', () => {
    expect(verdict(smg, ['la', 'police', 'icb', 'probation', 'ulht', 'cafcass']).quorate).toBe(true);
    expect(verdict(smg, ['la', 'police', 'icb', 'probation', 'ulht']).words).toBe('Not quorate: needs one more agency');
    expect(verdict(smg, ['la', 'police', 'probation', 'ulht']).words).toBe('Not quorate: needs NHS Lincolnshire Integrated Care Board and one more agency');
    expect(verdict(smg, ['probation', 'ulht', 'cafcass', 'lchs']).words).toBe('Not quorate: needs Lincolnshire County Council, Lincolnshire Police and NHS Lincolnshire Integrated Care Board');
  });

  it('counts a substitute for their agency, an agency with several people once, and lay members and observers never', () => {
    expect(verdict(smg, ['sub:la', 'sub:police', 'icb', 'probation', 'ulht', 'sub:cafcass']).quorate).toBe(true);
    // Four schools' heads are one agency: still two short.
    expect(verdict(smg, ['la', 'police', 'icb', 'schools', 'schools', 'schools', 'schools']).words).toBe('Not quorate: needs two more agencies');
    // The Lead Member and lay members sit without a vote.
    const withObservers = marks(smg, ['la', 'police', 'icb', 'probation', 'ulht']);
    for (const s of smg.seats.filter((x) => x.voting === false)) withObservers.set(s.id, { status: 'present' });
    expect(quorumVerdict(smg.quorum, smg.seats, withObservers, { chairPresent: true }).moreNeeded).toBe(1);
    // Apologies and absences are not there.
    const apologies = marks(smg, ['la', 'police', 'icb', 'probation', 'ulht']);
    apologies.set(smg.seats.find((s) => s.agencyId === 'cafcass')!.id, { status: 'apologies' });
    expect(quorumVerdict(smg.quorum, smg.seats, apologies, { chairPresent: true }).quorate).toBe(false);
  });

  it('the Operational Delivery Group has the same rule', () => {
    expect(verdict(odg, ['la', 'police', 'icb', 'yos', 'fire', 'emas']).quorate).toBe(true);
    expect(verdict(odg, ['la', 'la', 'la', 'police', 'icb', 'yos', 'fire']).words).toBe('Not quorate: needs one more agency');
  });

  it('a sub-group is quorate with its chair and three agencies', () => {
    expect(verdict(education, ['la', 'schools', 'police']).quorate).toBe(true);
    expect(verdict(education, ['la', 'schools', 'police'], false).words).toBe('Not quorate: needs the chair');
    expect(verdict(education, ['la', 'schools'], false).words).toBe('Not quorate: needs the chair and one more agency');
  });

  it('the verdict matches the rule for any attendance (property)', () => {
    const voting = smg.seats.filter((s) => s.voting !== false);
    const mark = fc.constantFrom<AttendanceMark>({ status: 'present' }, { status: 'substitute', name: 'Deputy' }, { status: 'apologies' }, { status: 'absent' });
    fc.assert(
      fc.property(fc.array(fc.option(mark), { minLength: voting.length, maxLength: voting.length }), fc.array(fc.option(mark), { minLength: 3, maxLength: 3 }), (votingMarks, observerMarks) => {
        const m = new Map<string, AttendanceMark>();
        voting.forEach((s, i) => votingMarks[i] && m.set(s.id, votingMarks[i]!));
        smg.seats.filter((s) => s.voting === false).forEach((s, i) => observerMarks[i] && m.set(s.id, observerMarks[i]!));
        const there = new Set(voting.filter((s) => ['present', 'substitute'].includes(m.get(s.id)?.status ?? '')).map((s) => s.agencyId));
        const expected = ['la', 'police', 'icb'].every((a) => there.has(a)) && [...there].filter((a) => !['la', 'police', 'icb'].includes(a)).length >= 3;
        const v = quorumVerdict(smg.quorum, smg.seats, m, { chairPresent: true });
        expect(v.quorate).toBe(expected);
        expect(agenciesPresent(smg.seats, m)).toEqual(there);
        expect(v.words.startsWith('Quorate')).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('attendance over a year against the 75% threshold', () => {
  it('rates each agency per group, a substitute counting, and says who falls short', () => {
    const meeting = (date: string, agencies: string[]): MeetingAttendance => ({ groupId: 'smg', date, marks: marks(smg, agencies) });
    const year = [
      meeting('2025-05-01', ['la', 'police', 'icb', 'probation', 'cafcass']),
      meeting('2025-08-01', ['la', 'police', 'icb', 'sub:probation']),
      meeting('2025-11-01', ['la', 'police', 'sub:icb', 'probation', 'cafcass']),
      meeting('2026-02-01', ['la', 'icb']),
      meeting('2026-05-01', ['la']), // the next business year
    ];
    const rows = attendanceOver(smg, year, { from: '2025-04-01', to: '2026-03-31' }, lincs.agencies);
    const row = (id: string) => rows.find((r) => r.agencyId === id)!;
    expect(row('la')).toMatchObject({ meetings: 4, represented: 4, rate: 1, meetsThreshold: true });
    expect(row('police')).toMatchObject({ represented: 3, rate: 0.75, meetsThreshold: true });
    expect(row('probation')).toMatchObject({ represented: 3, meetsThreshold: true });
    expect(row('cafcass')).toMatchObject({ represented: 2, rate: 0.5, meetsThreshold: false });
    expect(rows.some((r) => r.agencyId === 'lay')).toBe(false);
    const short = fallingShort(rows);
    // Never there first (by name), then CAFCASS at half; everyone at or above 75% is not listed.
    expect(short[0]).toMatchObject({ agencyName: 'District Councils', rate: 0 });
    expect(short[short.length - 1]).toMatchObject({ agencyId: 'cafcass', rate: 0.5 });
    expect(short.map((r) => r.agencyId)).not.toEqual(expect.arrayContaining(['la']));
    expect(short.map((r) => r.agencyId).filter((id) => ['la', 'police', 'icb', 'probation'].includes(id))).toEqual([]);
    expect(short).toHaveLength(rows.length - 4);
  });
});

describe('decisions', () => {
  it('consensus, else the chair after consulting; financial contributions only by consensus; sub-groups escalate; not quorate only if said', () => {
    expect(checkDecision(smg.decisions, { method: { by: 'consensus' }, quorate: true })).toEqual({ allowed: true });
    expect(checkDecision(smg.decisions, { method: { by: 'chair', consulted: ['Police', 'ICB'] }, quorate: true })).toEqual({ allowed: true });
    expect(checkDecision(smg.decisions, { method: { by: 'chair', consulted: [] }, quorate: true })).toMatchObject({ allowed: false, reason: 'Say whom the chair consulted before deciding.' });
    expect(checkDecision(smg.decisions, { topic: 'financial contributions', method: { by: 'chair', consulted: ['all'] }, quorate: true })).toMatchObject({
      allowed: false,
      reason: 'Decisions on financial contributions must be reached by consensus, not by the chair.',
    });
    expect(checkDecision(education.decisions, { method: { by: 'chair', consulted: ['members'] }, quorate: true })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/takes the issue to the Independent Chair of the LSCP/),
    });
    expect(checkDecision(smg.decisions, { method: { by: 'consensus' }, quorate: false })).toMatchObject({ allowed: false });
    expect(checkDecision(smg.decisions, { method: { by: 'consensus' }, quorate: false, acknowledgeNotQuorate: true })).toEqual({ allowed: true, note: 'Taken at a meeting that was not quorate.' });
  });
});
