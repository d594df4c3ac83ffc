import type { ParsedSource } from './source.js';

/**
 * One format the importer reads: the small interface every reader
 * implements, and every reader passes the same acceptance suite
 * (`runPlanFormatTests` in `@coplan/seeds/acceptance`). `parseImportSource`
 * checks a source is what its name says, then hands it to its reader.
 * Readers of office files load their library on first use.
 */
export interface SourceReader {
  /** What it reads, for people. */
  label: string;
  /** The file extensions it reads, without the dot. */
  extensions: readonly string[];
  /**
   * Reads the source into blocks (or, for Coplan's own files, a whole plan).
   * Throws a `PlanError` whose message says what is wrong and what to do.
   */
  read(name: string, data: Uint8Array | string): Promise<ParsedSource>;
}

/** The source as text: bytes are UTF-8, a leading byte-order mark is dropped. */
export function textOf(data: Uint8Array | string): string {
  return (typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data)).replace(/^\uFEFF/, '');
}

/** The source as bytes: text is UTF-8. */
export function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}
