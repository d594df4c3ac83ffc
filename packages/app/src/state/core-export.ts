/**
 * The export and report half of @coplan/core, looked up by name, for the
 * chunks that load on demand (never the first load).
 *
 * `exportPlan`, `EXPORT_FORMATS`, `buildReport` and `exportReport` are being
 * added to @coplan/core alongside the app's Publish menu and Reports tab;
 * until the core's index exports them, those say so instead of failing to
 * build. Once they land this file becomes plain re-exports.
 */
import * as core from '@coplan/core';
import type { PlanSnapshot } from '@coplan/core';

export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'json' | 'md' | 'html';
export type ReportKind = 'progress' | 'lead' | 'annual';
export type ReportFormat = 'docx' | 'html' | 'md';
export interface ReportOptions {
  today?: string;
  since?: string;
  withinDays?: number;
}
interface FormatInfo {
  extension: string;
  mimeType: string;
  label?: string;
}

interface ExportApi {
  exportPlan(snapshot: PlanSnapshot, format: ExportFormat): Promise<Uint8Array | string>;
  EXPORT_FORMATS: Record<ExportFormat, FormatInfo> | readonly ExportFormat[];
  buildReport(snapshot: PlanSnapshot, kind: ReportKind, options?: ReportOptions): unknown;
  exportReport(report: unknown, format: ReportFormat): Promise<Uint8Array | string>;
}

const api = core as unknown as Partial<ExportApi>;

/** Said when the core in use cannot export yet. */
export class ExportUnavailable extends Error {}

function missing(name: string): never {
  throw new ExportUnavailable(`This version of Coplan cannot ${name === 'exportPlan' ? 'publish plans' : 'write reports'} yet. Save a .coplan file or download the register (CSV) instead, and ask for Coplan to be updated.`);
}

const FALLBACK: Record<ExportFormat, FormatInfo> = {
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
  json: { extension: 'json', mimeType: 'application/json' },
  md: { extension: 'md', mimeType: 'text/markdown' },
  html: { extension: 'html', mimeType: 'text/html' },
};

/** A format's file extension (without the dot) and MIME type, as the core gives them. */
export function formatInfo(format: ExportFormat): FormatInfo {
  const known = api.EXPORT_FORMATS && !Array.isArray(api.EXPORT_FORMATS) ? (api.EXPORT_FORMATS as Record<ExportFormat, FormatInfo>)[format] : undefined;
  const info = known ?? FALLBACK[format];
  return { ...info, extension: info.extension.replace(/^\./, '') };
}

export const exportPlan: ExportApi['exportPlan'] = (snapshot, format) => (api.exportPlan ?? missing('exportPlan'))(snapshot, format);
export const buildReport: ExportApi['buildReport'] = (snapshot, kind, options) => (api.buildReport ?? missing('buildReport'))(snapshot, kind, options);
export const exportReport: ExportApi['exportReport'] = (report, format) => (api.exportReport ?? missing('exportReport'))(report, format);
