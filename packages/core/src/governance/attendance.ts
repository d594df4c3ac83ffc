import type { Agency, Group } from './arrangements.js';
import { agenciesPresent, type AttendanceMark } from './quorum.js';

/** One meeting of a group, as far as attendance goes. */
export interface MeetingAttendance {
  groupId: string;
  /** ISO date. */
  date: string;
  marks: ReadonlyMap<string, AttendanceMark>;
}

/** How often one agency was represented at one group's meetings. */
export interface AgencyAttendance {
  agencyId: string;
  agencyName: string;
  meetings: number;
  represented: number;
  /** represented / meetings (0 when there were none). */
  rate: number;
  meetsThreshold: boolean;
}

/**
 * Each agency's attendance at a group over a period (from and to inclusive,
 * ISO dates) against the group's threshold, for the annual report: a
 * substitute counts for their agency, and an agency with no seat on the group
 * is not listed.
 */
export function attendanceOver(group: Group, meetings: readonly MeetingAttendance[], period: { from: string; to: string }, agencies: readonly Agency[] = []): AgencyAttendance[] {
  const held = meetings.filter((m) => m.groupId === group.id && m.date >= period.from && m.date <= period.to);
  const agencyIds = [...new Set(group.seats.filter((s) => s.voting !== false).map((s) => s.agencyId))];
  return agencyIds.map((agencyId) => {
    const represented = held.filter((m) => agenciesPresent(group.seats, m.marks).has(agencyId)).length;
    const rate = held.length === 0 ? 0 : represented / held.length;
    return {
      agencyId,
      agencyName: agencies.find((a) => a.id === agencyId)?.name ?? agencyId,
      meetings: held.length,
      represented,
      rate,
      meetsThreshold: held.length > 0 && rate >= group.attendanceThreshold,
    };
  });
}

/** The agencies below the threshold, lowest rate first: who falls short. */
export function fallingShort(rows: readonly AgencyAttendance[]): AgencyAttendance[] {
  return rows.filter((r) => r.meetings > 0 && !r.meetsThreshold).sort((a, b) => a.rate - b.rate || a.agencyName.localeCompare(b.agencyName));
}
