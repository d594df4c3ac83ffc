import type { Arrangements, Seat } from '../governance/arrangements.js';
import type { DecisionMethod } from '../governance/decisions.js';
import type { AttendanceMark, QuorumVerdict } from '../governance/quorum.js';
import type { IsoDate } from '../values/values.js';

/** One meeting as the reports read it. */
export interface MeetingRecord {
  id: string;
  groupId: string;
  date: IsoDate;
  /** The group's seats as this meeting counts them: its live seats and any removed seat that was marked. */
  seats: Seat[];
  marks: Record<string, AttendanceMark>;
  verdict: QuorumVerdict;
  decisions: Array<{ text: string; item: string; topic: string; method: DecisionMethod; notQuorate: boolean }>;
}

/** The arrangements and every meeting, as plain data: what the governance reports are built from. */
export interface GovernanceSnapshot {
  arrangements: Arrangements;
  meetings: MeetingRecord[];
}
