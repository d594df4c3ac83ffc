import { buildReport, PlanError, REPORT_KINDS } from '@coplan/core';
import { Governance } from '@coplan/core/governance';
import { inputError, isoDate, oneOf, onePositional, parseCommand, usageError } from './args.js';
import { exportReport, exportScorecard, REPORT_FORMATS, SCORECARD_FORMATS, type ReportFormat, type ScorecardFormat } from '@coplan/publish';
import { formatFromName } from './export-command.js';
import { openCoplan, sizeText, writeOutput } from './files.js';

export const REPORT_USAGE = `coplan report PLAN.coplan --kind ${REPORT_KINDS.join('|')} [--format ${[...new Set([...REPORT_FORMATS, ...SCORECARD_FORMATS])].join('|')}] [--since YYYY-MM-DD] [--today YYYY-MM-DD] [--year YYYY/YY] -o OUT`;

export const REPORT_HELP = `Write a report on a plan: progress for the board, each lead's actions, the annual report, the partnership's governance, or the performance scorecard.

Usage:
  ${REPORT_USAGE}

Options:
  --kind KIND          progress (for the board), lead (by lead), annual (for
                       the annual report, with its governance section),
                       governance (groups, attendance per agency against the
                       threshold, decisions of the year) or scorecard (each
                       indicator's figures, RAG, trend and commentary), as
                       @coplan/core's buildReport builds them
  -o, --output OUT     the file to write, whole or not at all; - for standard output
  --format FORMAT      ${REPORT_FORMATS.join(', ')} (csv: the report's tables), and for
                       the scorecard also xlsx; the scorecard's csv and xlsx have one
                       row per indicator and period; default: OUT's extension (md when OUT is -)
  --since YYYY-MM-DD   report changes made since this date
  --today YYYY-MM-DD   the date the report is as at (default: today)
  --year YYYY/YY       annual and governance: the business year to cover, e.g. 2025/26 (1 April
                       2025 to 31 March 2026); default: the last year that has
                       ended, or the plan's own last year
  -h, --help           this help

Examples:
  coplan report plan.coplan --kind progress --since 2026-09-01 -o board-report.docx
  coplan report plan.coplan --kind lead -o leads.html
  coplan report plan.coplan --kind annual --year 2025/26 -o - > annual.md
  coplan report plan.coplan --kind governance --year 2025/26 -o attendance.csv
  coplan report plan.coplan --kind scorecard -o scorecard.docx
  coplan report plan.coplan --kind scorecard -o scorecard.csv
`;

export async function runReport(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    argv,
    { output: { type: 'string', short: 'o' }, kind: { type: 'string' }, format: { type: 'string' }, since: { type: 'string' }, today: { type: 'string' }, year: { type: 'string' } },
    REPORT_USAGE,
  );
  if (values.help) return writeOutput('-', REPORT_HELP);
  const input = onePositional(positionals, 'PLAN.coplan to report on', REPORT_USAGE);
  if (values.kind === undefined) throw usageError(`missing --kind (${REPORT_KINDS.join(', ')}).`, REPORT_USAGE);
  const kind = oneOf(values.kind.toLowerCase(), REPORT_KINDS, '--kind', REPORT_USAGE);
  const output = values.output;
  if (output === undefined) throw usageError('missing -o OUT (the file to write, or - for standard output).', REPORT_USAGE);
  // The scorecard is also written as a spreadsheet, one row per indicator and period.
  const formats: readonly (ReportFormat | ScorecardFormat)[] = kind === 'scorecard' ? [...new Set([...REPORT_FORMATS, ...SCORECARD_FORMATS])] : REPORT_FORMATS;
  let format: ReportFormat | ScorecardFormat;
  if (values.format !== undefined) format = oneOf(values.format.toLowerCase(), formats, '--format', REPORT_USAGE);
  else if (output === '-') format = 'md';
  else {
    const inferred = formatFromName(output, formats);
    if (!inferred) throw usageError(`cannot tell the format from "${output}"; name a .${formats.join(', .')} file, or give --format.`, REPORT_USAGE);
    format = inferred;
  }
  const since = isoDate(values.since, '--since', REPORT_USAGE);
  const today = isoDate(values.today, '--today', REPORT_USAGE);
  if (since && today && since > today) throw usageError(`--since (${since}) is after --today (${today}).`, REPORT_USAGE);
  let year: { start: string; end: string } | undefined;
  if (values.year !== undefined) {
    const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(values.year.trim());
    const first = m ? Number(m[1]) : NaN;
    const second = m ? Number(m[2]!.length === 2 ? `${m[1]!.slice(0, 2)}${m[2]}` : m[2]) : NaN;
    if (!m || second !== first + 1) throw usageError(`--year must be a business year written like 2025/26 (1 April 2025 to 31 March 2026); got "${values.year}".`, REPORT_USAGE);
    if (kind !== 'annual' && kind !== 'governance') throw usageError('--year is for --kind annual or governance.', REPORT_USAGE);
    year = { start: `${first}-04-01`, end: `${second}-03-31` };
  }

  const { plan } = openCoplan(input);
  let data: Uint8Array | string;
  try {
    const governance = kind === 'annual' || kind === 'governance' ? { governance: new Governance(plan).snapshot() } : {};
    if (kind === 'scorecard' && (format === 'csv' || format === 'xlsx')) data = await exportScorecard(plan.snapshot(), format);
    else data = await exportReport(buildReport(plan.snapshot(), kind, { ...(today ? { today } : {}), ...(since ? { since } : {}), ...(year ? { year } : {}), ...governance }), format as ReportFormat);
  } catch (e) {
    if (e instanceof PlanError) throw inputError(`"${input}": ${e.message}`);
    throw e;
  }
  await writeOutput(output, data);
  if (output !== '-') process.stderr.write(`Wrote "${output}" (${kind} report, ${format}, ${sizeText(typeof data === 'string' ? Buffer.byteLength(data) : data.length)}).\n`);
}
