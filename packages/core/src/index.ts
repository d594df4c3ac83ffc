/**
 * @coplan/core: safeguarding partnership business plans as Yjs documents.
 * Everything public is named here; nothing else is part of the API.
 */

// Opening and creating plans
export { createPlan, openPlan, hasPlan, type CreatePlanOptions } from './plan/create-plan.js';
export { Plan, type Placement, type PlanOptions, type PlanPatch } from './plan/plan.js';
export type { PlanChange } from './plan/change-feed.js';
export { isTypingOnly } from './plan/typing-only.js';
export { planToInput } from './plan/plan-to-input.js';

// The model
export { PlanError, type PlanErrorCode, type PlanErrorDetails } from './model/errors.js';
export { KINDS, ENTITY_KINDS, META_FIELDS, type EntityKind, type FieldSpec, type FieldType, type KindSpec } from './model/schema.js';
export { holdsParagraphs } from './model/paragraph-fields.js';
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
} from './model/values.js';
export type * from './model/entities.js';
export type * from './model/input.js';
export type * from './model/snapshot.js';

// Versions
export type { AgreeVersionInput } from './versions/versions.js';
export { diffSnapshots, type PlanDiff, type DiffItem, type FieldChange } from './versions/diff.js';
export { SCHEMA_VERSION } from './migrate/migrations.js';

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
export { planToJson, planFromJson, PLAN_JSON_FORMAT, PLAN_JSON_VERSION } from './io/plan-json.js';
export { encodeCoplanFile, mergeCoplanFile } from './io/coplan-file.js';
export { registerToCsv, REGISTER_COLUMNS } from './io/register-csv.js';

// Publishing plans and reports
export { exportPlan, EXPORT_FORMATS, type ExportFormat, type ExportFormatInfo } from './export/export-plan.js';
export { buildReport, exportReport } from './reports/build-report.js';
export { annualReportYears, type BusinessYear } from './reports/report-years.js';
export type { Report, ReportKind, ReportFormat, ReportOptions } from './reports/report.js';

// Importing plans from Word, Excel, CSV, pasted tables and text
export { previewImport, previewParsed } from './import/preview-import.js';
export { parseImportSource, MAX_IMPORT_BYTES, type ImportSource } from './import/read-source.js';
export type { ImportPreview, ImportColumn, ColumnMapping, MapOptions } from './import/map-source.js';
export type { NotImported } from './import/plan-builder.js';
export type { ParsedSource, SourceBlock, SourceFormat } from './import/source.js';
export { IMPORT_FIELDS, recogniseHeading, type ImportField, type HeadingMatch } from './import/headings.js';
export { importIntoPlan, type ImportMode } from './plan/import-into-plan.js';

// Timescales
export * from './timescale/index.js';
export { addDays, localToday } from './crdt/iso-date.js';
