import type { PublishedDocument } from '@coplan/core/formats';

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A report's tables as CSV for a spreadsheet: each table under a row holding
 * its caption, then its header row and its rows (a cell's lines kept as lines
 * inside one field), a blank row between tables. Headings and paragraphs are
 * left out: they are in the Word and HTML versions.
 */
export function renderCsv(document: PublishedDocument): string {
  const rows: string[][] = [];
  for (const block of document.blocks) {
    if (block.type !== 'table') continue;
    if (rows.length) rows.push([]);
    rows.push(
      [block.caption],
      block.columns.map((c) => c.title),
      ...block.rows.map((r) => r.map((c) => (c ? c.lines.join('\n') : ''))),
    );
  }
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
