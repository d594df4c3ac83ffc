import type { ActionStatus, IsoDate, LeadKind, PlanStatus, Rag } from '../values/values.js';
import type { IndicatorFigure } from './entities.js';
import type { ReportingEvery } from '../scorecard/periods.js';
import type { ThresholdRule } from '../scorecard/thresholds.js';
import type { GovernanceInput } from './governance-input.js';

/**
 * A whole plan as plain data: what {@link createPlan} builds a document from,
 * what the seed fixtures are written in, and what {@link planToInput} gives back.
 *
 * Leads are written as names. Each name that matches a lead in `leads`
 * (by name, ignoring case) becomes a reference to it; any other name is kept
 * as free text, because partnerships write leads the way they speak.
 *
 * @example
 * ```ts
 * const input: PlanInput = {
 *   title: 'LSCB Business Plan 2015/16',
 *   partnerships: [{ name: 'Lancashire Safeguarding Children Board', shortName: 'LSCB' }],
 *   period: { start: '2015-04-01', end: '2016-03-31' },
 *   priorities: [{ title: 'Prevent child sexual exploitation', objectives: [
 *     { text: 'An effective multi-agency CSE strategy', actions: [
 *       { text: 'Refresh the CSE strategy', leads: ['LSCB team'], timescale: 'By 31/03/16' },
 *     ] },
 *   ] }],
 * };
 * ```
 */
export interface PlanInput {
  title: string;
  partnerships?: PartnershipInput[];
  period?: { start: IsoDate; end: IsoDate } | null;
  versionLabel?: string;
  status?: PlanStatus;
  vision?: string;
  /** Free-text introduction or purpose, as the plan's opening words. */
  introduction?: string;
  principles?: string[];
  contextStatements?: ContextStatementInput[];
  statutoryObjectives?: string[];
  consultation?: ConsultationInput[];
  reviewSchedule?: string;
  leads?: LeadInput[];
  priorities?: PriorityInput[];
  indicators?: IndicatorInput[];
  /** The partnership's arrangements and meetings (Coplan's JSON from version 2 on). */
  governance?: GovernanceInput;
}

/** A partnership the plan serves; a plan can serve two (seed `004_…`). */
export interface PartnershipInput {
  name: string;
  /** The short form used in the plan's cells, e.g. `LRSCP`. */
  shortName?: string;
}

/** A titled statement of context, e.g. the Covid-19 context statement. */
export interface ContextStatementInput {
  title: string;
  text: string;
}

/** One line of the consultation plan: who is consulted, and when. */
export interface ConsultationInput {
  who: string;
  when?: string;
}

/** An entry in the lead registry. */
export interface LeadInput {
  name: string;
  kind: LeadKind;
  /** Who chairs it, for groups. */
  chair?: string;
  /** The organisation a role, person or group belongs to. */
  organisation?: string;
}

/** A strategic priority (priority area, theme). */
export interface PriorityInput {
  title: string;
  aim?: string;
  /** Who owns the priority; plans often write `TBC`. */
  owner?: string;
  /** "What will success look like?" statements. */
  successStatements?: string[];
  /** Sub-bullets naming what the priority covers. */
  focusAreas?: string[];
  /** The group that leads the priority, as a lead name. */
  leadGroup?: string;
  objectives?: ObjectiveInput[];
}

/** An objective (what do we want to achieve, key deliverable). */
export interface ObjectiveInput {
  text: string;
  /** Expected impact or success measures. */
  impact?: string;
  actions?: ActionInput[];
}

/** An action (task, how, activity). */
export interface ActionInput {
  text: string;
  leads?: string[];
  /** The timescale as written, e.g. `By 31/03/16`; parsed when read. */
  timescale?: string;
  milestones?: MilestoneInput[];
  /** Per-partnership variants, where one plan serves two partnerships. */
  variants?: VariantInput[];
  status?: ActionStatus;
  updates?: ProgressUpdateInput[];
  /** The impact achieved ("what difference has it made?"). */
  impact?: string;
}

/** A milestone or sub-item of an action, with its own timescale. */
export interface MilestoneInput {
  text: string;
  timescale?: string;
  done?: boolean;
}

/** How one partnership carries out an action. */
export interface VariantInput {
  /** The partnership's short name (or name), as in `partnerships`. */
  partnership: string;
  text?: string;
  leads?: string[];
  timescale?: string;
}

/** A dated, signed progress update. The latest sets the action's RAG. */
export interface ProgressUpdateInput {
  date: IsoDate;
  author: string;
  rag: Rag;
  narrative: string;
  evidence?: string;
}

/** The fields of a progress update a person corrects, as they stood or as they were saved ({@link Plan.reviseProgress}). */
export interface ProgressFields {
  date: IsoDate;
  rag: Rag;
  narrative: string;
  evidence: string;
}

/** A performance indicator on the scorecard. */
export interface IndicatorInput {
  name: string;
  /** The 1-based number of the priority it belongs to, if any. */
  priority?: number;
  target?: string;
  unit?: string;
  values?: IndicatorValueInput[];
  /** The agency that owns it. */
  owner?: string;
  /** Whether a higher or a lower figure is better (higher when omitted). */
  direction?: 'higher' | 'lower';
  /** Reported each quarter (the default) or each half-year. */
  every?: ReportingEvery;
  /** Ordered rules giving each figure its RAG; the usual ones when omitted. */
  thresholds?: ThresholdRule[];
  /** Actual, target and commentary per period. */
  figures?: IndicatorFigure[];
}

/** One reading of an indicator. */
export interface IndicatorValueInput {
  /** The date the value is for (end of the reporting period). */
  date: IsoDate;
  value: number;
  note?: string;
}
