import type { PublishedDocument } from './document.js';
import type { IsoDate } from '../values/values.js';

/** The reports a plan gives: progress for the board, actions per lead, the annual report draft, the performance scorecard. */
export type ReportKind = 'progress' | 'lead' | 'annual' | 'scorecard';

/** Every kind of report, in the order they are offered. */
export const REPORT_KINDS: readonly ReportKind[] = ['progress', 'lead', 'annual', 'scorecard'];

/** What a report is as of, and what it looks back or ahead over. */
export interface ReportOptions {
  /** The day the report is as of (YYYY-MM-DD); today when omitted. */
  today?: IsoDate;
  /** Progress report: list what changed from this date (or date-time); three months before `today` when omitted. */
  since?: string;
  /** Lead report: "due soon" means due within this many days of `today` (default 90). */
  withinDays?: number;
  /** Annual report: the year it covers; when omitted, the most recent business year (1 April to 31 March) that has ended, or the plan's last (see `annualReportYears`). */
  year?: { start: IsoDate; end: IsoDate };
}

/** A report, built and ready to show, or to write out with `exportReport` from `@coplan/publish`. */
export interface Report {
  kind: ReportKind;
  title: string;
  /** The day it is as of. */
  today: IsoDate;
  /** The report laid out as headings, paragraphs, tables and charts. */
  document: PublishedDocument;
}
