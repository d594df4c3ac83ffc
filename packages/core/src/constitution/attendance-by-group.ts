import type { Group, Seat } from '../governance/arrangements.js';
import { attendanceOver, fallingShort, type AgencyAttendance } from '../governance/attendance.js';
import type { IsoDate } from '../values/values.js';
import type { GovernanceSnapshot } from './governance-snapshot.js';

/** One group's attendance over a period: each agency's rate against the threshold, and who fell short. */
export interface GroupAttendance {
  group: Group;
  /** Meetings held in the period. */
  meetings: number;
  /** Of those, how many were not quorate. */
  notQuorate: number;
  rows: AgencyAttendance[];
  /** The agencies below the threshold, lowest rate first. */
  short: AgencyAttendance[];
}

/**
 * Each group's attendance over a period (from and to inclusive). A seat
 * removed since still counts at the meetings where it was marked.
 */
export function attendanceByGroup(g: GovernanceSnapshot, period: { from: IsoDate; to: IsoDate }): GroupAttendance[] {
  return g.arrangements.groups.map((group) => {
    const held = g.meetings.filter((m) => m.groupId === group.id && m.date >= period.from && m.date <= period.to);
    const rows = attendanceOver(
      withSeatsOfMeetings(
        group,
        held.map((m) => m.seats),
      ),
      held.map((m) => ({ groupId: m.groupId, date: m.date, marks: new Map(Object.entries(m.marks)) })),
      period,
      g.arrangements.agencies,
    );
    return { group, meetings: held.length, notQuorate: held.filter((m) => !m.verdict.quorate).length, rows, short: fallingShort(rows) };
  });
}

/** The group with every seat its meetings counted. */
function withSeatsOfMeetings(group: Group, meetingSeats: Seat[][]): Group {
  const seats = new Map(group.seats.map((s) => [s.id, s]));
  for (const list of meetingSeats) for (const s of list) if (!seats.has(s.id)) seats.set(s.id, s);
  return { ...group, seats: [...seats.values()] };
}
