import { extensionOf, oneOf, onePositional, parseCommand, usageError } from './args.js';
import { EXPORT_FORMATS as FORMATS, exportPlan, type ExportFormat } from '@coplan/publish';
import { openCoplan, sizeText, writeOutput } from './files.js';

/** Every format `coplan export` writes, in the publisher's order. */
const EXPORT_FORMATS = Object.keys(FORMATS) as ExportFormat[];

export const EXPORT_USAGE = `coplan export PLAN.coplan [--format ${EXPORT_FORMATS.join('|')}] -o OUT`;

export const EXPORT_HELP = `Export a plan from a .coplan file as Word, Excel, CSV, JSON, Markdown or HTML.

Usage:
  ${EXPORT_USAGE}

Options:
  -o, --output OUT   the file to write, whole or not at all; - for standard output
  --format FORMAT    ${EXPORT_FORMATS.join(', ')}; default: OUT's extension
                     (json when OUT is -)
  -h, --help         this help

Examples:
  coplan export plan.coplan -o business-plan.docx
  coplan export plan.coplan -o register.xlsx
  coplan export plan.coplan -o - | jq '.plan.priorities | length'
`;

/** The format a file name asks for: .docx → docx, .markdown → md, .htm → html. */
export function formatFromName<T extends string>(path: string, formats: readonly T[]): T | undefined {
  const ext = extensionOf(path);
  const alias: Record<string, string> = { markdown: 'md', htm: 'html', txt: 'md' };
  const format = alias[ext] ?? ext;
  return (formats as readonly string[]).includes(format) ? (format as T) : undefined;
}

export async function runExport(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(argv, { output: { type: 'string', short: 'o' }, format: { type: 'string' } }, EXPORT_USAGE);
  if (values.help) return writeOutput('-', EXPORT_HELP);
  const input = onePositional(positionals, 'PLAN.coplan to export', EXPORT_USAGE);
  const output = values.output;
  if (output === undefined) throw usageError('missing -o OUT (the file to write, or - for standard output).', EXPORT_USAGE);
  let format: ExportFormat;
  if (values.format !== undefined) format = oneOf(values.format.toLowerCase(), EXPORT_FORMATS, '--format', EXPORT_USAGE);
  else if (output === '-') format = 'json';
  else {
    const inferred = formatFromName(output, EXPORT_FORMATS);
    if (!inferred) throw usageError(`cannot tell the format from "${output}"; name a .${EXPORT_FORMATS.join(', .')} file, or give --format.`, EXPORT_USAGE);
    format = inferred;
  }
  const { plan } = openCoplan(input);
  const data = await exportPlan(plan.snapshot(), format);
  await writeOutput(output, data);
  if (output !== '-') process.stderr.write(`Wrote "${output}" (${format}, ${sizeText(typeof data === 'string' ? Buffer.byteLength(data) : data.length)}).\n`);
}
