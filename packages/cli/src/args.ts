import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes: what a script calling `coplan` can switch on. */
export const EXIT = {
  ok: 0,
  /** Unknown command or flag, a missing or malformed argument. */
  usage: 1,
  /** The input could not be used: unreadable, wrong type, too large, from a newer Coplan, nothing to import. */
  input: 2,
  /** The output could not be written. */
  output: 3,
  /** Coplan itself failed: a bug. */
  internal: 70,
} as const;

/** An error the command line reports as one message and an exit code; `usage` is printed after it. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string, usage: string) => new CliError(EXIT.usage, message, usage);
export const inputError = (message: string) => new CliError(EXIT.input, message);
export const outputError = (message: string) => new CliError(EXIT.output, message);

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` for one command, strict, with `--help`; a bad flag is a usage error. */
export function parseCommand<const O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs says e.g. "Unknown option '--frobnicate'"; the usage line says what is accepted.
    throw usageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '.') : String(e), usage);
  }
}

/** The one positional argument a command takes. */
export function onePositional(positionals: string[], what: string, usage: string): string {
  if (positionals.length === 0) throw usageError(`missing ${what}.`, usage);
  if (positionals.length > 1) throw usageError(`expected one ${what}, got ${positionals.length}: ${positionals.map((p) => `"${p}"`).join(' ')}.`, usage);
  return positionals[0]!;
}

/** One of a fixed set of values, or a usage error naming them. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string, usage: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`, usage);
}

/** A calendar date written YYYY-MM-DD, or a usage error. */
export function isoDate(value: string | undefined, flag: string, usage: string): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== value) throw usageError(`${flag} must be a date written YYYY-MM-DD, such as 2026-03-31; got "${value}".`, usage);
  return value;
}

/** A file's extension, lower case, without the dot. */
export function extensionOf(path: string): string {
  return /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
}
