import type { EntityKind } from './schema.js';
import type { ActionStatus, IsoDate, LeadKind, Rag } from '../values/values.js';
import type { DecisionRule, GroupKind, QuorumRule } from '../governance/arrangements.js';
import type { DecisionMethod } from '../governance/decisions.js';
import type { AttendanceMark } from '../governance/quorum.js';
import type { ReportingEvery } from '../scorecard/periods.js';
import type { ThresholdRule } from '../scorecard/thresholds.js';

/** A lead as written on an item: a registry entry, or free text that matches none. */
export type LeadRef = { leadId: string } | { name: string };

/** One reading of an indicator. */
export interface IndicatorValue {
  date: IsoDate;
  value: number;
  note?: string;
}

/** An indicator's figures for one period of the business year. */
export interface IndicatorFigure {
  /** The period, "2025-Q1" or "2025-H2" (the year the business year starts in). */
  period: string;
  /** What was achieved, or null when not yet reported. */
  actual: number | null;
  /** What was aimed for, or null when no target is set. */
  target: number | null;
  /** What the owner says about the figure. */
  commentary: string;
}

/** What a scorecard indicator carries, stored and in a snapshot alike. */
export interface IndicatorFields {
  name: string;
  priorityId: string | null;
  /** The target in words ("95% within 3 working days"); per-period targets are in `figures`. */
  target: string;
  unit: string;
  /** Readings by date, oldest first (the first layout); the scorecard reads `figures`. */
  values: IndicatorValue[];
  /** The agency that owns the indicator. */
  owner: string;
  /** Whether a higher or a lower figure is better. */
  direction: 'higher' | 'lower';
  /** Reported each quarter or each half-year. */
  every: ReportingEvery;
  /** Ordered rules giving each figure its RAG; the first one met counts. */
  thresholds: ThresholdRule[];
  /** Actual, target and commentary per period, oldest first. */
  figures: IndicatorFigure[];
}

/** The fields each entity kind carries, as the API reads and writes them. */
export interface FieldValues {
  priority: {
    title: string;
    aim: string;
    owner: string;
    successStatements: string[];
    focusAreas: string[];
    leadGroup: LeadRef | null;
  };
  objective: { text: string; impact: string };
  action: { text: string; leads: LeadRef[]; timescale: string; status: ActionStatus; impact: string };
  milestone: { text: string; timescale: string; done: boolean };
  variant: { partnershipId: string; text: string; leads: LeadRef[]; timescale: string };
  progress: { date: IsoDate; author: string; rag: Rag; narrative: string; evidence: string };
  lead: { name: string; kind: LeadKind; chair: string; organisation: string };
  partnership: { name: string; shortName: string };
  indicator: IndicatorFields;
  context: { title: string; text: string };
  consultation: { who: string; when: string };
  agency: { name: string; statutoryPartner: boolean };
  group: { name: string; kind: GroupKind; chair: string; meets: string; quorum: QuorumRule; attendanceThreshold: number; decisions: DecisionRule };
  seat: { agencyId: string; role: string; voting: boolean };
  /** `attendance` maps seat ids to marks; an update sets only the seats it names (null clears one). */
  meeting: { date: IsoDate; chairPresent: boolean; attendance: Record<string, AttendanceMark | null>; visitors: string[] };
  declaration: { who: string; item: string; interest: string; left: boolean };
  decision: { text: string; item: string; topic: string; method: DecisionMethod; notQuorate: boolean };
  arising: { text: string; owner: string; due: IsoDate | null; actionId: string | null };
}

/** The fields a new entity must be given. */
export interface RequiredFields {
  priority: 'title';
  objective: 'text';
  action: 'text';
  milestone: 'text';
  variant: 'partnershipId';
  progress: 'date' | 'author' | 'rag' | 'narrative';
  lead: 'name';
  partnership: 'name';
  indicator: 'name';
  context: 'title';
  consultation: 'who';
  agency: 'name';
  group: 'name';
  seat: 'agencyId';
  meeting: 'date';
  declaration: 'who';
  decision: 'text';
  arising: 'text';
}

/** What {@link Plan.create} takes for a kind: the required fields, and any others. */
export type CreateFields<K extends EntityKind> = Pick<FieldValues[K], RequiredFields[K] & keyof FieldValues[K]> & Partial<FieldValues[K]>;

/** What {@link Plan.update} takes for a kind: any of its fields. */
export type FieldPatch<K extends EntityKind> = Partial<FieldValues[K]>;

/** Who deleted an item and when; deletion is a recoverable tombstone. */
export interface Tombstone {
  at: string;
  by: string;
}

/** What every stored entity carries besides its fields. */
export interface EntityHeader {
  id: string;
  /** The parent's id, or null for top-level items. */
  parentId: string | null;
  /** The fractional order key among its siblings ('' for unordered kinds). */
  order: string;
  deleted: Tombstone | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** One stored entity, flat, as {@link Plan.get} reads it. */
export type EntityRecord<K extends EntityKind = EntityKind> = EntityHeader & FieldValues[K];
