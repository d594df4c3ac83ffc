import type { Timescale } from '../values/timescale.js';
import type { EntityKind } from './schema.js';
import type { IndicatorFields, Tombstone } from './entities.js';
import type { GovernanceInput } from './governance-input.js';
import type { ActionStatus, IsoDate, LeadKind, PlanStatus, Rag } from '../values/values.js';

/** A lead on an item, resolved against the registry. `leadId` is null for free text. */
export interface ResolvedLead {
  leadId: string | null;
  name: string;
}

/** When an item was made and last changed, and by whom. */
export interface Stamped {
  id: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A whole plan as plain data: the visible tree, the registries, the versions and the bin. */
export interface PlanSnapshot {
  id: string;
  schemaVersion: number;
  title: string;
  introduction: string;
  vision: string;
  versionLabel: string;
  status: PlanStatus;
  period: { start: IsoDate; end: IsoDate } | null;
  principles: string[];
  statutoryObjectives: string[];
  reviewSchedule: string;
  partnerships: PartnershipSnapshot[];
  contextStatements: ContextStatementSnapshot[];
  consultation: ConsultationSnapshot[];
  leads: LeadSnapshot[];
  priorities: PrioritySnapshot[];
  indicators: IndicatorSnapshot[];
  /** The arrangements and meetings as plain data, with the document's ids (read them with `Governance` for the rules' verdicts). */
  governance: GovernanceInput;
  versions: VersionInfo[];
  bin: BinEntry[];
  /** The latest change to anything in the plan (ISO date-time). */
  updatedAt: string;
}

/** A partnership the plan serves. */
export interface PartnershipSnapshot extends Stamped {
  name: string;
  shortName: string;
}

/** A titled context statement. */
export interface ContextStatementSnapshot extends Stamped {
  title: string;
  text: string;
}

/** One line of the consultation plan. */
export interface ConsultationSnapshot extends Stamped {
  who: string;
  when: string;
}

/** An entry in the lead registry. */
export interface LeadSnapshot extends Stamped {
  name: string;
  kind: LeadKind;
  chair: string;
  organisation: string;
}

/** A priority with its objectives, in order. */
export interface PrioritySnapshot extends Stamped {
  /** 1-based position among the plan's priorities. */
  number: number;
  title: string;
  aim: string;
  owner: string;
  successStatements: string[];
  focusAreas: string[];
  leadGroup: ResolvedLead | null;
  objectives: ObjectiveSnapshot[];
}

/** An objective with its actions, in order. */
export interface ObjectiveSnapshot extends Stamped {
  /** 1-based position within its priority. */
  number: number;
  priorityId: string;
  text: string;
  impact: string;
  actions: ActionSnapshot[];
}

/** An action, with everything beneath it. */
export interface ActionSnapshot extends Stamped {
  /** 1-based position within its objective. */
  number: number;
  objectiveId: string;
  text: string;
  leads: ResolvedLead[];
  /** The timescale as written, and what it was read to mean. */
  timescale: Timescale;
  status: ActionStatus;
  /** The RAG of the latest progress update, or null when there is none. */
  rag: Rag | null;
  impact: string;
  milestones: MilestoneSnapshot[];
  variants: VariantSnapshot[];
  /** Progress updates, oldest first. */
  updates: ProgressUpdateSnapshot[];
}

/** A milestone or sub-item of an action. */
export interface MilestoneSnapshot extends Stamped {
  text: string;
  timescale: Timescale;
  done: boolean;
}

/** How one partnership carries out an action. */
export interface VariantSnapshot extends Stamped {
  partnershipId: string;
  /** The partnership's short name (or name). */
  partnership: string;
  text: string;
  leads: ResolvedLead[];
  timescale: Timescale;
}

/** A dated, signed progress update. */
export interface ProgressUpdateSnapshot extends Stamped {
  date: IsoDate;
  author: string;
  rag: Rag;
  narrative: string;
  evidence: string;
}

/** A scorecard indicator with its readings. */
export interface IndicatorSnapshot extends Stamped, IndicatorFields {}

/** A labelled, agreed state of the plan. */
export interface VersionInfo {
  id: string;
  label: string;
  agreedBy: string[];
  agreedAt: string;
  note: string;
  recordedBy: string;
}

/** An item in the bin: deleted, or left without a parent, and recoverable. */
export interface BinEntry {
  kind: EntityKind;
  id: string;
  label: string;
  parentId: string | null;
  /**
   * `deleted`: someone deleted it. `orphaned`: its parent no longer exists
   * (an undone creation), so restoring needs a new parent.
   */
  reason: 'deleted' | 'orphaned';
  deleted: Tombstone | null;
  /** Everything beneath it that goes and comes back with it. */
  contains: BinDescendant[];
}

/** Something beneath a bin entry that comes back with it. */
export interface BinDescendant {
  kind: EntityKind;
  id: string;
  label: string;
  /** Who made it: a person told their work went to the bin with it. */
  createdBy: string;
  /** Added after the deletion, typically by a partner working concurrently. */
  addedAfterDelete: boolean;
}
