import type { ImportPreview, MapOptions } from './import-preview.js';
import { mapSource } from './map-source.js';
import { parseImportSource, type ImportSource } from './read-source.js';
import type { ParsedSource } from './source.js';

/**
 * Reads a file or pasted text and shows what importing it would write:
 * the plan, how each column was read (with a confidence), and every source
 * cell that landed in no field. Nothing is written anywhere.
 *
 * To correct a column, map the parsed source again with
 * `previewParsed(parsed, { mapping: { [column.key]: 'lead' } })`.
 *
 * @example
 * ```ts
 * const preview = await previewImport({ name: 'business-plan.docx', data: bytes });
 * console.log(preview.counts.actions, preview.notImported.length);
 * const plan = createPlan(new Y.Doc(), preview.plan);
 * ```
 */
export async function previewImport(source: ImportSource, options: MapOptions = {}): Promise<ImportPreview & { parsed: ParsedSource }> {
  const parsed = await parseImportSource(source);
  return { ...previewParsed(parsed, options), parsed };
}

/** Maps an already-read source again, e.g. with the person's corrections to the columns. */
export function previewParsed(parsed: ParsedSource, options: MapOptions = {}): ImportPreview {
  if (parsed.plan) {
    const plan = parsed.plan;
    const actions = (plan.priorities ?? []).flatMap((p) => (p.objectives ?? []).flatMap((o) => o.actions ?? []));
    return {
      source: { name: parsed.name, format: parsed.format },
      plan,
      columns: [],
      notImported: [],
      warnings: [],
      counts: {
        priorities: plan.priorities?.length ?? 0,
        objectives: (plan.priorities ?? []).reduce((n, p) => n + (p.objectives?.length ?? 0), 0),
        actions: actions.length,
        withLeads: actions.filter((a) => a.leads?.length).length,
        withTimescales: actions.filter((a) => a.timescale).length,
      },
    };
  }
  return mapSource(parsed, options);
}
