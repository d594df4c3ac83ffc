/**
 * A partnership's arrangements as data: who sits on which group, how often it
 * meets, when a meeting is quorate, how much each agency must attend, and how
 * decisions are made. Plain values, so the same rules read the same whether
 * they come from the plan's document, a fixture or a test.
 */

/** An organisation that sends people to the partnership's groups. */
export interface Agency {
  id: string;
  name: string;
  /** Whether it is one of the three statutory safeguarding partners (local authority, police, ICB). */
  statutoryPartner?: boolean;
}

/** A place at a group's table for one agency (an agency may have several). */
export interface Seat {
  id: string;
  agencyId: string;
  /** For example "Children's Services", "Schools/Further Education". */
  role?: string;
  /** Members who attend without a vote (a lay member "in attendance", a participating observer). */
  voting?: boolean;
}

/**
 * When a meeting of a group may decide, as data:
 * - `agencies`: these agencies present (a substitute counts for their agency) plus a number of others;
 * - `chair-and-agencies`: the group's chair present plus a number of agencies;
 * - `count`: a number of voting seats filled.
 */
export type QuorumRule = { kind: 'agencies'; required: string[]; others: number } | { kind: 'chair-and-agencies'; agencies: number } | { kind: 'count'; members: number };

/** How a group reaches decisions: by consensus, else the chair decides after consulting, except topics only consensus may settle. */
export interface DecisionRule {
  /** What happens when consensus cannot be reached. */
  otherwise: 'chair-decides' | 'escalate';
  /** Where an issue goes when `otherwise` is `escalate` (for example the independent chair). */
  escalateTo?: string;
  /** Topics that only consensus may settle (for example financial contributions). */
  consensusOnly: string[];
}

/** The kinds of group a partnership's arrangements set up. */
export const GROUP_KINDS = ['strategic', 'operational', 'sub-group', 'task-and-finish'] as const;

/** A strategic group, an operational one, a sub-group or a task-and-finish group. */
export type GroupKind = (typeof GROUP_KINDS)[number];

/** How each kind of group is named on screen and in reports. */
export const GROUP_KIND_LABELS: Readonly<Record<GroupKind, string>> = {
  strategic: 'Strategic group',
  operational: 'Operational group',
  'sub-group': 'Sub-group',
  'task-and-finish': 'Task and finish group',
};

/** One of the partnership's groups. */
export interface Group {
  id: string;
  name: string;
  kind: GroupKind;
  /** Who chairs it (a person, not an agency seat). */
  chair: string;
  /** How often it meets, in words ("quarterly", "bi-monthly"). */
  meets: string;
  seats: Seat[];
  quorum: QuorumRule;
  /** The share of meetings each agency must be represented at (0.75 for 75%). */
  attendanceThreshold: number;
  decisions: DecisionRule;
}

/** The partnership's arrangements (its constitution). */
export interface Arrangements {
  partnership: string;
  agencies: Agency[];
  groups: Group[];
}
