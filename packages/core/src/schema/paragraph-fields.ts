import type { EntityKind } from './schema.js';

/**
 * Text fields that hold paragraphs rather than a line: narratives, impact,
 * vision and context statements, as the seed plans write them. An editor
 * lets people start a new line in these, and keeps the others to one line.
 */
const PARAGRAPH_FIELDS: ReadonlySet<string> = new Set([
  'plan:vision',
  'plan:introduction',
  'plan:reviewSchedule',
  'objective:impact',
  'action:impact',
  'progress:narrative',
  'progress:evidence',
  'context:text',
]);

/** Whether a text field holds paragraphs (so a new line belongs in it). */
export function holdsParagraphs(kind: EntityKind | 'plan', field: string): boolean {
  return PARAGRAPH_FIELDS.has(`${kind}:${field}`);
}
