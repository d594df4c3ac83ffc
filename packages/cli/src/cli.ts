#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { PLAN_JSON_VERSION, SCHEMA_VERSION } from '@coplan/core';
import { CliError, EXIT, usageError } from './args.js';

// Each command loads only what it uses: `coplan import` never loads the Word and Excel writers, `coplan export` never loads the readers.
const COMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<void>; usage: string }>> = {
  import: async () => import('./import-command.js').then((m) => ({ run: m.runImport, usage: m.IMPORT_USAGE })),
  export: async () => import('./export-command.js').then((m) => ({ run: m.runExport, usage: m.EXPORT_USAGE })),
  report: async () => import('./report-command.js').then((m) => ({ run: m.runReport, usage: m.REPORT_USAGE })),
};

/** Every command's usage lines (loads every command: only for help and bad usage). */
async function usage(): Promise<string> {
  const lines = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).usage));
  return [...lines, 'coplan COMMAND --help', 'coplan --version'].join('\n');
}
const indent = (lines: string) => lines.replace(/^/gm, '  ');

const help = (usageLines: string) => `coplan: safeguarding partnership business plans in and out, from the command line

Usage:
${indent(usageLines)}

Commands:
  import   read a plan from .docx, .xlsx, .csv, .json, .md, .html, .tsv or .txt
           into a .coplan file (a new one, or into an existing one)
  export   write a .coplan plan as docx, xlsx, csv, json, md or html
  report   write a progress, lead, annual or scorecard report from a .coplan plan

Exit codes:
  0  done
  1  bad usage: unknown command or flag, missing or malformed argument
  2  bad input: unreadable, not what its name says, too large, from a newer
     Coplan, or nothing to import (the message says what to do)
  3  the output could not be written (an existing file is left as it was)
  70 a fault in Coplan itself (internal fault); please report it
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `coplan ${pkg.version} (plan layout ${SCHEMA_VERSION}, JSON format ${PLAN_JSON_VERSION})\n`;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(help(await usage()));
    return;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(version());
    return;
  }
  if (command === undefined) throw usageError('missing command.', await usage());
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw usageError(command.startsWith('-') ? `unknown option "${command}".` : `unknown command "${command}".`, await usage());
  await (await load()).run(rest);
}

// A reader that goes away (`coplan export … -o - | head`) is an output failure, not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  process.stderr.write(`coplan: could not write to standard output (${e.code ?? e.message}).\n`);
  process.exit(EXIT.output);
});

main(process.argv.slice(2)).then(
  () => {
    process.exitCode = EXIT.ok;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`coplan: ${e.message}\n`);
      if (e.usage) process.stderr.write(`\nUsage:\n${indent(e.usage)}\nRun "coplan --help" for more.\n`);
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`coplan: unexpected error, a fault in Coplan; please report it with the command you ran.\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
