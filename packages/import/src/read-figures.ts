import { PlanError } from '@coplan/core';
import { parseImportSource, type ImportSource } from './read-source.js';
import { figuresFromTable, type FiguresRead } from './scorecard-table.js';

/**
 * Reads a scorecard's figures from a pasted table (tab-separated, as
 * spreadsheets copy it), a CSV or an Excel workbook: the first table or
 * sheet with an indicator column and periods. Preview them with
 * `previewFigures` and bring them in with `applyFigures` from
 * `@coplan/core/scorecard`.
 *
 * Throws a {@link PlanError} saying what to do when no table of figures is found.
 *
 * @example
 * ```ts
 * const read = await readFigures({ name: 'pasted text', data: 'Indicator\tQ1 2025/26\nReferrals screened\t87' });
 * read.rows[0]; // { indicator: 'Referrals screened', period: '2025-Q1', actual: 87, … }
 * ```
 */
export async function readFigures(source: ImportSource): Promise<FiguresRead & { name: string }> {
  const parsed = await parseImportSource(source);
  for (const block of parsed.blocks) {
    if (block.kind !== 'table') continue;
    const read = figuresFromTable(block.rows);
    if (read) return { name: parsed.name, ...read };
  }
  throw new PlanError(
    'unreadable-file',
    `No table of figures was found in "${parsed.name}". Give it a heading row with an "Indicator" column and a column per period ("Q1 2025/26", "Q2 2025/26" …), or Indicator, Period, Actual and Target columns.`,
  );
}
