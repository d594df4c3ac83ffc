/**
 * @coplan/import: business plans read from Word, Excel, CSV, pasted tables,
 * HTML, Markdown and text into a preview and a plan. Nothing is written
 * anywhere until the caller writes the preview's plan (with `createPlan` or
 * `importIntoPlan` from `@coplan/core`).
 */

// Reading a source and previewing what it would import
export { previewImport, previewParsed } from './preview-import.js';
export { parseImportSource, MAX_IMPORT_BYTES, SOURCE_READERS, type ImportSource } from './read-source.js';
export type { SourceReader } from './source-reader.js';
export type { ImportPreview, ImportColumn, ColumnMapping, MapOptions } from './import-preview.js';
export type { NotImported } from './plan-builder.js';
export type { ParsedSource, SourceBlock, SourceText, SourceTable, SourceFormat } from './source.js';

// The fields a column can be read as
export { IMPORT_FIELDS, recogniseHeading, type ImportField, type HeadingMatch } from './headings.js';

// A scorecard's figures from a pasted table, CSV or Excel
export { readFigures } from './read-figures.js';
export type { FiguresRead, FigureColumn } from './scorecard-table.js';
