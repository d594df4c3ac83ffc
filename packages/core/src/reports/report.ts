import type { PublishedDocument } from './document.js';
import type { IsoDate } from '../values/values.js';

import type { GovernanceSnapshot } from '../constitution/governance-snapshot.js';

/** The reports a plan gives: progress for the board, actions per lead, the annual report draft, the partnership's governance, the performance scorecard. */
export type ReportKind = 'progress' | 'lead' | 'annual' | 'governance' | 'scorecard';

/** Every kind of report, in the order they are offered. */
export const REPORT_KINDS: readonly ReportKind[] = ['progress', 'lead', 'annual', 'governance', 'scorecard'];

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
  /** The arrangements and meetings (`new Governance(plan).snapshot()`): the annual report's governance section, and the governance report. */
  governance?: GovernanceSnapshot;
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
