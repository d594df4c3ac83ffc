/**
 * @coplan/core/governance: the partnership's arrangements (agencies, groups,
 * seats, quorum, attendance and decision rules) and its meetings, kept in the
 * plan's document, with the rules that read them. Edit them through
 * {@link Governance} and the `Plan` (kinds `agency`, `group`, `seat`,
 * `meeting`, `declaration`, `decision`, `arising`).
 */

// In the plan's document
export { Governance, type MeetingView, type MeetingSeat, type DecisionInput } from './constitution/governance.js';
export type { GovernanceSnapshot, MeetingRecord } from './constitution/governance-snapshot.js';
export type { GroupAttendance } from './constitution/attendance-by-group.js';

// In Coplan's JSON and a plan's snapshot (PlanInput.governance, PlanSnapshot.governance)
export type { GovernanceInput, MeetingInput } from './schema/governance-input.js';

// The arrangements as plain data
export { GROUP_KINDS, GROUP_KIND_LABELS, type Arrangements, type Agency, type Group, type GroupKind, type Seat, type QuorumRule, type DecisionRule } from './governance/arrangements.js';

// The rules
export { quorumVerdict, quorumRuleWords, agenciesPresent, type AttendanceMark, type QuorumVerdict } from './governance/quorum.js';
export { attendanceOver, fallingShort, type AgencyAttendance, type MeetingAttendance } from './governance/attendance.js';
export { checkDecision, type DecisionMethod, type DecisionCheck } from './governance/decisions.js';
