import { joinWrapped } from './clean-text.js';
import type { ImportField } from './headings.js';
import { isRowNumber } from './split-cell.js';

/**
 * Rows of a table pasted as text from a page-broken Word document or a PDF:
 * a row split by a page break arrives as two or more rows, and a row's
 * cells for each partnership sit in rows of their own under one deliverable.
 * These rules put such rows back together, from what the text shows alone.
 */

/** Whether a cell carries on the one above it: it starts lower-case or with punctuation a sentence goes on with. */
function carriesOn(cell: string): boolean {
  return /^[a-z(),;&–-]/.test(cell.trim());
}

/** Whether a cell was cut short: a bracket left open, or a last word that needs another after it. */
function cutShort(cell: string): boolean {
  const open = (cell.match(/\(/g) ?? []).length > (cell.match(/\)/g) ?? []).length;
  return open || /(?:[,&/–-]|\b(?:and|or|of|the|to|with|by|for|from|in|on|a|an))$/i.test(cell.trim());
}

/**
 * A row's cells lined up under its table's headings. A row number in a cell
 * of its own (or that cell left empty) comes off the front; a row with fewer
 * cells lost its empty leading cells, as extraction drops them and keeps the
 * trailing ones.
 */
export function alignRow(cells: string[], fields: readonly ImportField[], extracted: boolean): { cells: string[]; number: string } {
  const width = fields.length;
  if (cells.length === width + 1 && !fields.includes('number') && (isRowNumber(cells[0]!) || (extracted && !cells[0]!.trim()))) {
    return { cells: cells.slice(1), number: cells[0]!.trim() };
  }
  if (extracted && cells.length < width && cells.length > 1) return { cells: [...Array<string>(width - cells.length).fill(''), ...cells], number: '' };
  return { cells, number: '' };
}

/** How a row without a number stands to the row before it. */
export type RowJoin = 'continues' | 'part' | 'new';

/**
 * Whether a row carries on the row above (a page break split it), is
 * another part of the same deliverable (its own lead and activity, no
 * deliverable of its own), or starts a new row.
 */
export function rowJoin(above: readonly string[], row: readonly string[], fields: readonly ImportField[]): RowJoin {
  const at = (f: ImportField) => fields.indexOf(f);
  const objective = at('objective');
  const lead = at('lead');
  const action = at('action');
  const filled = row.map((c, i) => [c.trim(), i] as const).filter(([c]) => c);
  if (!filled.length) return 'continues';
  const first = objective >= 0 && row[objective]?.trim() ? objective : -1;
  if (first >= 0) return carriesOn(row[first]!) || cutShort(above[first] ?? '') ? 'continues' : 'new';
  if (filled.every(([c, i]) => carriesOn(c) || cutShort(above[i] ?? ''))) return 'continues';
  // A lead of its own beside an activity of its own: another part of the deliverable above.
  const ownLead = lead >= 0 && row[lead]?.trim() && !carriesOn(row[lead]!) && !cutShort(above[lead] ?? '');
  if (ownLead && action >= 0 && row[action]?.trim()) return 'part';
  return 'continues';
}

/**
 * Joins a row's cells onto the row above, column by column: running text
 * (a deliverable, a lead, a timescale) carries on with a space; an
 * activity's lines stay lines, so listed items stay items. A cell that
 * opens with a partnership's name starts a line of its own.
 */
export function joinRows(above: readonly string[], row: readonly string[], fields: readonly ImportField[], partnerships: ReadonlySet<string>): string[] {
  const width = Math.max(above.length, row.length);
  return Array.from({ length: width }, (_, i) => {
    const a = (above[i] ?? '').trim();
    const b = (row[i] ?? '').trim();
    if (!a || !b) return a || b;
    const named = [...partnerships].some((p) => b.startsWith(`${p} `) || b.startsWith(`${p}:`));
    if (named || (fields[i] === 'action' && !carriesOn(b))) return `${a}\n${b}`;
    return joinWrapped(a, b);
  });
}

/**
 * A deliverable written in rows of its own for each partnership, in the
 * order the plan names them ("LRSCP: …" before "LSCPB: …" in its cells):
 * each row's lead, activity and timescale become that partnership's part.
 * Returns null when the rows and partnerships do not pair up one to one.
 */
export function partnershipRows(rows: readonly string[][], fields: readonly ImportField[], partnerships: readonly string[]): string[] | null {
  if (rows.length < 2 || rows.length !== partnerships.length) return null;
  const parted = new Set<ImportField>(['lead', 'action', 'timescale']);
  // Rows already written in parts are read as they are.
  if (rows.some((r) => r.some((c, i) => parted.has(fields[i]!) && partnerships.some((p) => c.includes(`${p}:`))))) return null;
  const out = [...rows[0]!];
  fields.forEach((f, i) => {
    if (!parted.has(f)) return;
    out[i] = rows
      .map((r, n) => (r[i]?.trim() ? `${partnerships[n]}: ${r[i]!.trim()}` : ''))
      .filter(Boolean)
      .join('\n');
  });
  return out;
}
