/**
 * @coplan/core: safeguarding partnership business plans as Yjs documents.
 * Everything public is named here; nothing else is part of the API.
 */

// Opening and creating plans
export { createPlan, openPlan, hasPlan, type CreatePlanOptions } from './plan/create-plan.js';
export { Plan, type Placement, type PlanOptions, type PlanPatch } from './plan/plan.js';
export type { PlanChange } from './plan/change-feed.js';
export { planToInput } from './plan/plan-to-input.js';

// The model
export { PlanError, type PlanErrorCode, type PlanErrorDetails } from './schema/errors.js';
export { KINDS, ENTITY_KINDS, META_FIELDS, type EntityKind, type FieldSpec, type FieldType, type KindSpec } from './schema/schema.js';
export {
  RAG_VALUES,
  RAG_LABELS,
  PLAN_STATUSES,
  PLAN_STATUS_LABELS,
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  LEAD_KINDS,
  type Rag,
  type PlanStatus,
  type ActionStatus,
  type LeadKind,
  type IsoDate,
} from './values/values.js';
export type * from './schema/entities.js';
export type * from './schema/input.js';
export type * from './schema/snapshot.js';

// Versions
export type { AgreeVersionInput } from './document/version-store.js';
export { diffSnapshots, type PlanDiff, type DiffItem, type FieldChange } from './versions/diff.js';
export { diffVersions } from './versions/diff-versions.js';
export { SCHEMA_VERSION } from './document/migrations.js';

// Queries over snapshots
export {
  listActions,
  isComplete,
  actionDue,
  actionsByLead,
  overdueActions,
  actionsDueWithin,
  ragSummary,
  changedSince,
  leadLoad,
  actionsPerLead,
  filterActions,
  type ActionFilter,
  type LeadLoad,
  type LeadActions,
  type ActionInContext,
  type RagSummary,
  type RecentChange,
} from './queries/queries.js';

// Plans in and out
export { planToJson, planFromJson, PLAN_JSON_FORMAT, PLAN_JSON_VERSION } from './plan/plan-json.js';
export { encodeCoplanFile, mergeCoplanFile, readCoplanFile, isCoplanFile } from './document/coplan-file.js';

// What reports and published plans say (typeset by @coplan/publish)
export { buildReport } from './reports/build-report.js';
export { annualReportYears, type BusinessYear } from './reports/report-years.js';
export { REPORT_KINDS, type Report, type ReportKind, type ReportOptions } from './reports/report.js';
export { planDocument, versionLine } from './reports/plan-document.js';
export { REGISTER_COLUMNS, registerRows } from './reports/action-register.js';
export {
  RAG_KEY_LABELS,
  cell,
  type PublishedDocument,
  type Block,
  type HeadingBlock,
  type ParagraphBlock,
  type ListBlock,
  type TableBlock,
  type TableRow,
  type TableCell,
  type BarChartBlock,
} from './reports/document.js';

// Writing imported content into a plan
export { importIntoPlan, type ImportMode } from './plan/import-into-plan.js';

// Timescales
export { parseTimescale } from './values/parse-timescale.js';
export { businessYearOf } from './values/calendar.js';
export type { DueWindow, Timescale, TimescaleContext, TimescaleKind, TimescalePart } from './values/timescale.js';
export { addDays, localToday } from './values/iso-date.js';
