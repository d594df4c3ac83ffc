import { PlanError } from '../schema/errors.js';
import type { PlanSnapshot } from '../schema/snapshot.js';
import { versionLine } from './plan-document.js';
import { annualReport } from './annual-report.js';
import { governanceSection, longDate } from './governance-section.js';
import { annualReportYears } from './report-years.js';
import { leadReport } from './lead-report.js';
import { progressReport } from './progress-report.js';
import { scorecardReport } from './scorecard-report.js';
import { addDays, isIsoDate, localToday } from '../values/iso-date.js';
import { REPORT_KINDS, type Report, type ReportKind, type ReportOptions } from './report.js';
import type { Block } from './document.js';

function day(value: string | undefined, name: string, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  // A day, or a moment on a day (for "since"): the day must be real (not 30 February).
  if (!isIsoDate(value.slice(0, 10)) || Number.isNaN(Date.parse(value))) throw new PlanError('invalid-value', `The report's ${name} "${value}" is not a date. Give it as YYYY-MM-DD, e.g. 2026-03-31.`);
  return value;
}

/** The business year a report covers: the one asked for, else the most recent that has ended. */
function reportYear(snapshot: PlanSnapshot, today: string, options: ReportOptions): { start: string; end: string } {
  const fallback = annualReportYears(snapshot, today).chosen;
  const year = options.year ? { start: day(options.year.start, 'year start', ''), end: day(options.year.end, 'year end', '') } : fallback;
  if (!year.start || !year.end || year.start > year.end)
    throw new PlanError('invalid-value', `The report's year must run from a start date to a later end date; ${year.start || '(none)'} to ${year.end || '(none)'} was given.`);
  return year;
}

/**
 * A report on the plan, as of a day: `progress` (RAG per priority with a
 * chart, overdue actions, what changed since a date), `lead` (what each lead
 * owns and what is due soon) or `annual` (a draft of the statutory annual
 * report: per priority, what was done in the year, progress and impact, and
 * the governance section when `options.governance` is given), `governance`
 * (groups, attendance per agency against the threshold, decisions of the year)
 * or `scorecard` (the performance scorecard: each indicator's latest figures
 * with their RAG, trend and commentary).
 *
 * @example
 * ```ts
 * const report = buildReport(plan.snapshot(), 'progress', { today: '2026-11-25', since: '2026-09-01' });
 * console.log(report.title, report.document.blocks.length); // write it out with @coplan/publish's exportReport
 * ```
 */
export function buildReport(snapshot: PlanSnapshot, kind: ReportKind, options: ReportOptions = {}): Report {
  const today = day(options.today, 'date', localToday()).slice(0, 10);
  let blocks: Block[];
  switch (kind) {
    case 'progress':
      blocks = progressReport(snapshot, today, day(options.since, '"since" date', addDays(today, -91)));
      break;
    case 'lead': {
      const within = options.withinDays ?? 90;
      if (!Number.isInteger(within) || within < 0 || within > 3660) throw new PlanError('invalid-value', `"Due soon" must be a whole number of days from 0 to 3660; ${String(within)} was given.`);
      blocks = leadReport(snapshot, today, within);
      break;
    }
    case 'annual': {
      const year = reportYear(snapshot, today, options);
      blocks = annualReport(snapshot, year);
      if (options.governance) blocks.push(...governanceSection(options.governance, year));
      break;
    }
    case 'governance': {
      const year = reportYear(snapshot, today, options);
      const section = governanceSection(options.governance ?? { arrangements: { partnership: '', agencies: [], groups: [] }, meetings: [] }, year, 2);
      blocks = [{ type: 'heading', level: 1, text: `Governance ${longDate(year.start)} to ${longDate(year.end)}: ${snapshot.title}` }, ...section.slice(1)];
      break;
    }
    case 'scorecard':
      blocks = scorecardReport(snapshot, today);
      break;
    default:
      throw new PlanError('invalid-value', `"${String(kind)}" is not a kind of report. Choose ${REPORT_KINDS.slice(0, -1).join(', ')} or ${REPORT_KINDS.at(-1)}.`);
  }
  const title = (blocks[0] as { text: string }).text;
  return { kind, title, today, document: { title, version: versionLine(snapshot), landscape: kind !== 'annual' && kind !== 'governance', blocks } };
}
