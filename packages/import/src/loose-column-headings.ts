// The table's column headings in loose text: spread over paragraphs, they are recognised, recorded as columns
// (their fields read surely, the lines under them only by order), and skipped.
import { HEADING_PHRASES, normaliseHeading, recogniseHeading } from './headings.js';
import type { ColumnMapping, ImportColumn } from './import-preview.js';

/** How sure a column read from text with no table is: its cells were told apart by their order alone. */
const LOOSE_CONFIDENCE = 0.6;

/** Whether a paragraph is a column heading, or the first part of one that a blank line split. */
export function isColumnHeading(u: { text: string }): boolean {
  // The end of a cut sentence ("impact.") is not a column heading, though it is a heading's word.
  if (/^[a-z].*\.$/.test(u.text)) return false;
  const m = recogniseHeading(u.text.replace(/^priority\s+/i, ''));
  if (m && m.confidence >= 0.8 && u.text.split(/\s+/).length <= 8) return true;
  // The first part of a heading that a blank line split: "Impact / what difference has it".
  const h = normaliseHeading(u.text);
  return h.length >= 12 && [...HEADING_PHRASES].some((p) => p.startsWith(h));
}

/** Records a column heading among `columns` (once each), with the field the person chose for it or the one it reads as. */
export function recordColumn(columns: Map<string, ImportColumn>, mapping: ColumnMapping, heading: string): void {
  const m = recogniseHeading(heading.replace(/^priority\s+/i, '')) ?? { field: 'impact' as const, confidence: 0.6 };
  const key = normaliseHeading(heading);
  if (!columns.has(key))
    // The heading is read surely, but which lines fall under it is read from their order: never "sure".
    columns.set(key, {
      heading,
      key,
      field: mapping[key] ?? m.field,
      confidence: mapping[key] ? 1 : Math.min(m.confidence, LOOSE_CONFIDENCE),
      chosen: mapping[key] !== undefined,
      tables: 1,
      examples: [],
    });
}
