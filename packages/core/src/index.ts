/**
 * @coplan/core: safeguarding partnership business plans as Yjs documents.
 * Everything an embedder uses is named here, grouped; the building blocks
 * that file-format packages need are in `@coplan/core/formats`. Nothing else
 * is part of the API.
 */

// Plans: create, open, edit (through the Plan), bring content in
export { createPlan, openPlan, hasPlan, type CreatePlanOptions } from './plan/create-plan.js';
export { Plan, type PlanOptions } from './plan/plan.js';
export type { PlanChange } from './plan/change-feed.js';
export type { PriorityItem, ObjectiveItem } from './plan/item-reader.js';
export { isTypingOnly } from './plan/typing-only.js';
export { planToInput } from './plan/plan-to-input.js';
export { importIntoPlan, type ImportMode } from './plan/import-into-plan.js';
export { PlanError, type PlanErrorCode } from './schema/errors.js';

// What a plan holds: input to build one, snapshots to read one
export type { PlanInput, ActionInput, ProgressFields } from './schema/input.js';
export type { PlanSnapshot, PrioritySnapshot, ObjectiveSnapshot, ActionSnapshot, ProgressUpdateSnapshot } from './schema/snapshot.js';
export type { LeadRef } from './schema/entities.js';
export type { EntityKind } from './schema/schema.js';
export { holdsParagraphs } from './schema/paragraph-fields.js';

// Values, their labels, dates and timescales
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
export { addDays, localToday } from './values/iso-date.js';
export { formatUkDate } from './values/uk-date.js';
export { statusAfterProgress } from './values/progress-status.js';
export { parseTimescale } from './values/parse-timescale.js';
export { businessYearOf } from './values/calendar.js';
export type { Timescale } from './values/timescale.js';

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
  type ActionInContext,
} from './queries/queries.js';
export { namesShownIn } from './queries/names-shown.js';
export { searchPlan, type SearchHit } from './queries/search.js';
export { similarLeads } from './queries/similar-leads.js';
export { workInTheBin, type WorkInTheBin } from './queries/work-in-the-bin.js';

// Versions: agree one, compare two
export type { AgreeVersionInput } from './document/version-store.js';
export { diffVersions } from './versions/diff-versions.js';
export { diffSnapshots, type PlanDiff } from './versions/diff.js';
export { diffInWords, type ChangeInWords } from './versions/diff-in-words.js';

// Files: Coplan's versioned JSON and the .coplan file
export { planToJson, planFromJson, PLAN_JSON_VERSION } from './plan/plan-json.js';
export { encodeCoplanFile, mergeCoplanFile } from './document/coplan-file.js';
export { keepPendingSettled } from './document/settle-pending.js';
export { SCHEMA_VERSION } from './document/migrations.js';

// Reports: what each says (write them out with @coplan/publish)
export { buildReport } from './reports/build-report.js';
export { annualReportYears, type BusinessYear } from './reports/report-years.js';
export { REPORT_KINDS, type Report, type ReportKind, type ReportOptions } from './reports/report.js';
