import type { PlanInput } from '@coplan/core';

/**
 * What every reader turns a source into: the document's running text and
 * its tables, in order. Cells keep their line breaks (`\n`), because a cell
 * holding several tasks or leads is split on them later.
 */
export type SourceBlock = SourceText | SourceTable;

/** A line or paragraph outside any table: a heading, an aim, a bullet. */
export interface SourceText {
  kind: 'text';
  text: string;
}

/** A table: rows of cells, the first row often (not always) its headings. */
export interface SourceTable {
  kind: 'table';
  rows: string[][];
  /** The sheet's name, for spreadsheets. */
  name?: string;
}

/** What a source was read as. */
export type SourceFormat = 'docx' | 'xlsx' | 'csv' | 'tsv' | 'html' | 'markdown' | 'text' | 'json' | 'coplan';

/** A source read into blocks, ready to be mapped into a plan. */
export interface ParsedSource {
  format: SourceFormat;
  /** The file's name, or a description such as "pasted text". */
  name: string;
  blocks: SourceBlock[];
  /** Things the reader noticed, e.g. Word's own conversion messages. */
  warnings: string[];
  /** Coplan's own JSON carries the whole plan; it needs no mapping. */
  plan?: PlanInput;
}
