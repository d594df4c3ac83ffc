import type { PlanInput } from '@coplan/core';
import type { ImportField } from './headings.js';
import type { NotImported } from './plan-builder.js';
import type { ParsedSource } from './source.js';

/** How one column of the source was read. */
export interface ImportColumn {
  /** The heading as written ("Lead Person"), or `Column 3` for a table with none. */
  heading: string;
  /** The key a correction is given under: the heading, normalised. */
  key: string;
  field: ImportField;
  /** How sure the reading is, 0–1; 1 for a correction the person made. */
  confidence: number;
  /** The person chose this field (a correction), rather than Coplan reading it from the heading. */
  chosen: boolean;
  /** How many tables used this heading. */
  tables: number;
  /** A few values from the column, to show in the preview. */
  examples: string[];
}

/** Corrections to the column mapping, by {@link ImportColumn.key}. */
export type ColumnMapping = Record<string, ImportField>;

/** What an import will write, for the person to check before anything is written. */
export interface ImportPreview {
  source: { name: string; format: ParsedSource['format'] };
  plan: PlanInput;
  columns: ImportColumn[];
  notImported: NotImported[];
  warnings: string[];
  counts: { priorities: number; objectives: number; actions: number; withLeads: number; withTimescales: number };
}

/** How to read a parsed source: the person's corrections, and who and when the import is. */
export interface MapOptions {
  mapping?: ColumnMapping;
  /** Who the import's progress updates are signed by. */
  importedBy?: string;
  /** Today's date (YYYY-MM-DD), for undated progress. */
  today?: string;
  /** A table whose headings Coplan did not recognise: its first row holds the headings all the same (not data). */
  firstRowHeadings?: boolean;
}
