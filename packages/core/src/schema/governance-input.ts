import type { Agency, Group, Seat } from '../governance/arrangements.js';
import type { DecisionMethod } from '../governance/decisions.js';
import type { AttendanceMark } from '../governance/quorum.js';
import type { IsoDate } from '../values/values.js';

/**
 * The partnership's arrangements and meetings as plain data, inside a
 * {@link PlanInput}: what Coplan's JSON carries so that exporting a plan and
 * importing it again keeps its constitution and its meetings.
 *
 * Ids here only tie the pieces together (a seat names its agency, a quorum
 * rule names agencies, a meeting's attendance names seats); importing mints
 * new ids and rewrites every reference. In a plan's snapshot they are the
 * document's ids.
 */
export interface GovernanceInput {
  agencies: AgencyInput[];
  groups: GroupInput[];
}

/** An agency; `removed` when it is in the bin but a seat or quorum rule still names it. */
export interface AgencyInput extends Agency {
  removed?: boolean;
}

/** A seat; `removed` when it is in the bin but a meeting's attendance still counts it. */
export interface SeatInput extends Seat {
  removed?: boolean;
}

/** A group with its rules, its seats and its meetings. */
export interface GroupInput extends Omit<Group, 'seats'> {
  seats: SeatInput[];
  meetings?: MeetingInput[];
}

/** One meeting of a group: attendance seat by seat, visitors, and what was declared, decided and arose. */
export interface MeetingInput {
  date: IsoDate;
  chairPresent?: boolean;
  /** How each seat (by its id in the group's `seats`) was attended. */
  attendance?: Record<string, AttendanceMark>;
  visitors?: string[];
  declarations?: Array<{ who: string; item?: string; interest?: string; left?: boolean }>;
  decisions?: Array<{ text: string; item?: string; topic?: string; method: DecisionMethod; notQuorate?: boolean }>;
  arising?: ArisingInput[];
}

/** An action arising from a meeting, and the plan action it became, if any. */
export interface ArisingInput {
  text: string;
  owner?: string;
  due?: IsoDate;
  /** The plan action it is linked to, by position (1-based, as the plan numbers them). */
  action?: { priority: number; objective: number; action: number };
}
