import { basename } from 'node:path';
import * as Y from 'yjs';
import { createPlan, encodeCoplanFile, importIntoPlan, listActions, PlanError, type ImportMode, type Plan } from '@coplan/core';
import { IMPORT_FIELDS, MAX_IMPORT_BYTES, previewImport, previewParsed, type ColumnMapping, type ImportField, type ImportPreview, type ParsedSource } from '@coplan/import';
import { extensionOf, inputError, onePositional, oneOf, parseCommand, usageError } from './args.js';
import { CLI_USER, exists, openCoplan, readInput, sizeOf, writeAtomic, writeStdout } from './files.js';

export const IMPORT_USAGE = 'coplan import FILE -o PLAN.coplan [--title TEXT] [--map "Heading=field"]... [--first-row-headings] [--mode add|replace] [--json-preview]';

export const IMPORT_HELP = `Import a business plan from Word, Excel, CSV, JSON, Markdown, HTML or text into a .coplan file.

Usage:
  ${IMPORT_USAGE}

FILE is a .docx, .xlsx, .csv, Coplan .json, .md, .html, .tsv or .txt (text
copied from a PDF or pasted from a table). What was read is printed first:
priorities, objectives and actions found, how each column heading was read,
warnings, and every cell that was not imported, with where it was and why.

Options:
  -o, --output PLAN.coplan  the plan to write. If it exists, the import goes into
                            it (see --mode) and it is rewritten whole or not at all.
  --title TEXT              the plan's title (default: the title found in FILE)
  --map "Heading=field"     read a column as a field: the heading as written in
                            FILE, and one of ${IMPORT_FIELDS.join(', ')}.
                            Repeat for more columns.
  --first-row-headings      a table whose headings Coplan does not recognise:
                            its first row is headings, not data (name them
                            with --map)
  --mode add|replace        into an existing plan: add after its priorities
                            (default), or move its priorities to the bin first
  --json-preview            also print the preview as JSON on standard output;
                            without -o, nothing is written
  -h, --help                this help

Examples:
  coplan import business-plan.docx -o plan.coplan
  coplan import register.csv -o plan.coplan --map "Accountable body=lead"
  coplan import sub-group-actions.xlsx -o plan.coplan --mode add
  coplan import plan.txt --json-preview > preview.json
`;

const CONFIDENCE = (c: number) => (c >= 1 ? 'sure' : c >= 0.7 ? 'likely' : c >= 0.6 ? 'possible' : c > 0 ? 'a guess' : 'not recognised');

/** "Lead=lead" → ['Lead', 'lead']; the last `=` splits, so a heading may hold one. */
function readMap(entry: string): [string, ImportField] {
  const at = entry.lastIndexOf('=');
  const heading = at > 0 ? entry.slice(0, at).trim() : '';
  const field =
    at > 0
      ? entry
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : '';
  if (!heading || !field) throw usageError(`--map needs "Heading=field", such as --map "Who is responsible?=lead"; got "${entry}".`, IMPORT_USAGE);
  return [heading, oneOf(field, IMPORT_FIELDS, `--map "${heading}=…": the field`, IMPORT_USAGE)];
}

const loose = (s: string) =>
  s
    .toLowerCase()
    .replace(/[?:*.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Every --map must name a column in the file: a typo would otherwise be ignored without a word. */
function checkMapping(parsed: ParsedSource, base: ImportPreview, maps: Array<[string, ImportField]>, firstRowHeadings: boolean): void {
  for (const [heading, field] of maps) {
    const alone = previewParsed(parsed, { mapping: { [heading]: field }, firstRowHeadings });
    const changed = alone.columns.some((c) => {
      const before = base.columns.find((b) => b.key === c.key);
      return !before || before.field !== c.field || before.confidence !== c.confidence;
    });
    const already = base.columns.some((c) => c.field === field && loose(c.heading) === loose(heading));
    if (changed || already) continue;
    const headings = base.columns.map((c) => `"${c.heading}"`).join(', ');
    throw usageError(
      base.columns.length
        ? `--map "${heading}=${field}": "${basename(parsed.name)}" has no column headed "${heading}". Its headings are ${headings}.`
        : `--map "${heading}=${field}": "${basename(parsed.name)}" has no column headings to map (it was read as ${parsed.format}).`,
      IMPORT_USAGE,
    );
  }
}

function oneLine(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word}` : `${n} ${word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** What was read, for the person at the terminal (standard error, so standard output stays for --json-preview). */
export function summary(preview: ImportPreview): string {
  const { counts, columns, warnings, notImported, source } = preview;
  const out: string[] = [];
  out.push(
    `Read "${source.name}" (${source.format}): ${plural(counts.priorities, 'priority')}, ${plural(counts.objectives, 'objective')}, ${plural(counts.actions, 'action')} (${counts.withLeads} with leads, ${counts.withTimescales} with timescales).`,
  );
  const governance = preview.plan.governance;
  if (governance) {
    const meetings = governance.groups.reduce((n, g) => n + (g.meetings?.length ?? 0), 0);
    out.push(`Governance: ${plural(governance.agencies.length, 'agency')}, ${plural(governance.groups.length, 'group')}, ${plural(meetings, 'meeting')}.`);
  }
  if (columns.length) {
    out.push('', 'Columns (heading → field, confidence):');
    const width = Math.min(40, Math.max(...columns.map((c) => c.heading.length + 2)));
    for (const c of columns) {
      const hint = c.field === 'ignore' ? `  (not imported; to import it: --map "${c.heading}=FIELD")` : '';
      out.push(`  ${`"${c.heading}"`.padEnd(width)} → ${c.field.padEnd(9)} ${c.confidence.toFixed(1)} ${CONFIDENCE(c.confidence)}${hint}`);
    }
  }
  if (warnings.length) {
    out.push('', `Warnings (${warnings.length}):`);
    for (const w of warnings) out.push(`  - ${w}`);
  }
  if (notImported.length) {
    out.push('', `Not imported (${notImported.length}):`);
    for (const n of notImported) out.push(`  - ${n.where}: "${oneLine(n.text)}" (${n.reason})`);
  }
  return out.join('\n') + '\n';
}

export async function runImport(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommand(
    argv,
    {
      output: { type: 'string', short: 'o' },
      title: { type: 'string' },
      map: { type: 'string', multiple: true },
      'first-row-headings': { type: 'boolean' },
      mode: { type: 'string' },
      'json-preview': { type: 'boolean' },
    },
    IMPORT_USAGE,
  );
  if (values.help) return writeStdout(IMPORT_HELP);
  const file = onePositional(positionals, 'FILE to import', IMPORT_USAGE);
  const output = values.output;
  const jsonPreview = values['json-preview'] ?? false;
  if (output === undefined && !jsonPreview) throw usageError('missing -o PLAN.coplan (the plan to write).', IMPORT_USAGE);
  if (output !== undefined && extensionOf(output) !== 'coplan')
    throw usageError(`-o must name a .coplan file; got "${output}". To write another format, import to a .coplan and then run coplan export.`, IMPORT_USAGE);
  const mode: ImportMode = values.mode === undefined ? 'add' : oneOf(values.mode, ['add', 'replace'] as const, '--mode', IMPORT_USAGE);
  const title = values.title?.trim();
  if (values.title !== undefined && !title) throw usageError('--title needs some text.', IMPORT_USAGE);
  const maps = (values.map ?? []).map(readMap);
  const firstRowHeadings = Boolean(values['first-row-headings']);

  // Read the source and preview it; nothing is written yet.
  const size = sizeOf(file);
  if (size > MAX_IMPORT_BYTES) {
    throw inputError(
      `"${basename(file)}" is ${(size / 1024 / 1024).toFixed(0)} MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB Coplan imports. A business plan's table is far smaller: save just the plan's table (or sheet) as its own file and import that.`,
    );
  }
  const data = readInput(file);
  let preview: ImportPreview;
  try {
    const read = await previewImport({ name: basename(file), data });
    const base = firstRowHeadings ? previewParsed(read.parsed, { firstRowHeadings }) : read;
    const mapping: ColumnMapping = Object.fromEntries(maps);
    checkMapping(read.parsed, base, maps, firstRowHeadings);
    preview = maps.length ? previewParsed(read.parsed, { mapping, firstRowHeadings }) : base;
  } catch (e) {
    // The core's message says what to do; name the file when it does not.
    if (e instanceof PlanError) throw inputError(e.message.includes(`"${basename(file)}"`) ? e.message : `"${basename(file)}": ${e.message}`);
    throw e;
  }
  if (title) preview = { ...preview, plan: { ...preview.plan, title } };

  process.stderr.write(summary(preview));
  if (jsonPreview) {
    const { source, counts, columns, warnings, notImported, plan } = preview;
    await writeStdout(JSON.stringify({ source, counts, columns, warnings, notImported, plan }, null, 2) + '\n');
  }
  // A plan of governance alone (groups and meetings, no actions yet) is still a plan worth importing.
  if (preview.counts.actions === 0 && !preview.plan.governance?.groups.length) {
    throw inputError(
      `nothing to import: no actions were found in "${basename(file)}"${output ? `, so "${output}" was not written` : ''}. ` +
        'Coplan looks for a table with headings such as "Objective", "Action", "Lead" and "Timescale". ' +
        'If the file has such a table under other headings, name them with --map, e.g. --map "What we will do=action" ' +
        '(and add --first-row-headings when its headings show as "Column 1", "Column 2"…).',
    );
  }
  if (output === undefined) {
    process.stderr.write('\nNothing written (no -o).\n');
    return;
  }
  if (!preview.plan.title?.trim()) preview = { ...preview, plan: { ...preview.plan, title: basename(file).replace(/\.[^.]+$/, '') } };

  if (exists(output)) {
    // Into the existing plan: merged, imported in one batch, and written back whole or not at all.
    const { doc, plan } = openCoplan(output);
    const before = plan.snapshot();
    let added: { priorities: number; actions: number; groups: number; meetings: number };
    try {
      added = importIntoPlan(plan, preview.plan, mode);
      if (title) plan.updatePlan({ title });
    } catch (e) {
      if (e instanceof PlanError) throw inputError(e.message);
      throw e;
    }
    writeAtomic(output, encodeCoplanFile(doc));
    const after = plan.snapshot();
    const binnedGroups = mode === 'replace' && preview.plan.governance && before.governance.groups.length ? ` and ${plural(before.governance.groups.length, 'earlier group')}` : '';
    const binned = mode === 'replace' ? ` (its ${plural(before.priorities.length, 'earlier priority')}${binnedGroups} moved to the bin)` : '';
    const governance = added.groups ? ` and ${plural(added.groups, 'group')} with ${plural(added.meetings, 'meeting')}` : '';
    process.stderr.write(
      `\n${mode === 'replace' ? 'Replaced the plan in' : 'Added to'} "${output}"${binned}: ${plural(added.priorities, 'priority')} and ${plural(added.actions, 'action')}${governance} imported; ` +
        `it now has ${plural(after.priorities.length, 'priority')} and ${plural(listActions(after).length, 'action')}.\n`,
    );
    return;
  }
  const doc = new Y.Doc();
  let created: Plan;
  try {
    created = createPlan(doc, preview.plan, { user: CLI_USER });
  } catch (e) {
    if (e instanceof PlanError) throw inputError(`the plan read from "${basename(file)}" could not be made: ${e.message}`);
    throw e;
  }
  writeAtomic(output, encodeCoplanFile(doc));
  const snap = created.snapshot();
  const parts = [plural(snap.priorities.length, 'priority'), plural(listActions(snap).length, 'action')];
  if (snap.governance.groups.length)
    parts.push(
      plural(snap.governance.groups.length, 'group'),
      plural(
        snap.governance.groups.reduce((n, g) => n + (g.meetings?.length ?? 0), 0),
        'meeting',
      ),
    );
  process.stderr.write(`\nWrote "${output}": a new plan "${snap.title}" with ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.\n`);
}
