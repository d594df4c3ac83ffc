/**
 * The export and report half of @coplan/core, looked up by name.
 *
 * `exportPlan`, `EXPORT_FORMATS`, `buildReport` and `exportReport` are being
 * added to @coplan/core alongside this package; until its index exports them,
 * the commands that need them say so instead of failing to build. Once they
 * land this file becomes plain re-exports.
 */
import * as core from '@coplan/core';
import type { PlanSnapshot } from '@coplan/core';
import { CliError, EXIT } from './args.js';

export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'json' | 'md' | 'html';
export type ReportKind = 'progress' | 'lead' | 'annual';
export type ReportFormat = 'docx' | 'html' | 'md';

export const REPORT_KINDS: readonly ReportKind[] = ['progress', 'lead', 'annual'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'html', 'md'];

interface ExportApi {
  exportPlan(snapshot: PlanSnapshot, format: ExportFormat): Promise<Uint8Array | string>;
  EXPORT_FORMATS: readonly ExportFormat[];
  buildReport(snapshot: PlanSnapshot, kind: ReportKind, options?: { today?: string; since?: string; withinDays?: number }): unknown;
  exportReport(report: unknown, format: ReportFormat): Promise<Uint8Array | string>;
}

const api = core as unknown as Partial<ExportApi>;

export const EXPORT_FORMATS: readonly ExportFormat[] = api.EXPORT_FORMATS ?? ['docx', 'xlsx', 'csv', 'json', 'md', 'html'];

function missing(name: string): never {
  throw new CliError(EXIT.internal, `this build of @coplan/core has no ${name} yet, so this command cannot run. Rebuild Coplan (npm run build) from a version that has it.`);
}

export const exportPlan: ExportApi['exportPlan'] = (snapshot, format) => (api.exportPlan ?? missing('exportPlan'))(snapshot, format);
export const buildReport: ExportApi['buildReport'] = (snapshot, kind, options) => (api.buildReport ?? missing('buildReport'))(snapshot, kind, options);
export const exportReport: ExportApi['exportReport'] = (report, format) => (api.exportReport ?? missing('exportReport'))(report, format);

/** Whether the core in use can export (tests skip the export checks until it can). */
export const canExport = typeof api.exportPlan === 'function' && typeof api.buildReport === 'function';
