import { PlanError } from '../schema/errors.js';
import type { PlanInput } from '../schema/input.js';
import { addContent } from './create-plan.js';
import type { Plan } from './plan.js';

/** How an import meets the plan's existing priorities. */
export type ImportMode = 'add' | 'replace';

/**
 * Writes an imported plan's priorities, objectives, actions and leads into
 * an existing plan, in one batch that one {@link Plan.undo} takes back.
 * `add` puts them after the plan's own priorities; `replace` first moves the
 * plan's priorities to the bin (where they can be restored), then adds.
 * Leads already in the registry are reused by name. The plan's title and
 * other details are left as they are.
 *
 * An import that carries governance (Coplan's JSON, a `.coplan` file) brings
 * its groups with their seats and meetings; agencies already in the plan are
 * reused by name. `add` keeps the plan's own groups beside them; `replace`
 * moves the plan's groups (with their meetings) to the bin first. An import
 * without governance leaves the plan's arrangements and meetings alone.
 *
 * @example
 * ```ts
 * const preview = await previewImport({ name: 'plan.docx', data: bytes });
 * importIntoPlan(plan, preview.plan, 'add');
 * ```
 */
export function importIntoPlan(plan: Plan, input: PlanInput, mode: ImportMode): { priorities: number; actions: number; groups: number; meetings: number } {
  if (mode !== 'add' && mode !== 'replace') throw new PlanError('invalid-value', `Import mode must be "add" or "replace", not "${String(mode)}".`);
  const priorities = input.priorities ?? [];
  const actions = priorities.reduce((n, p) => n + (p.objectives ?? []).reduce((m, o) => m + (o.actions?.length ?? 0), 0), 0);
  const groups = input.governance?.groups ?? [];
  const meetings = groups.reduce((n, g) => n + (g.meetings?.length ?? 0), 0);
  if (priorities.length === 0 && groups.length === 0 && (input.governance?.agencies.length ?? 0) === 0) {
    throw new PlanError(
      'nothing-to-import',
      'There is nothing to import: no priorities, objectives or actions were found. Check the column mapping, or import a table with headings such as "Objective", "Action", "Lead" and "Timescale".',
    );
  }
  const before = plan.snapshot();
  const leads = new Map(before.leads.map((l) => [l.name.trim().toLowerCase(), l.id]));
  const partnerships = new Map<string, string>();
  for (const p of before.partnerships) {
    partnerships.set(p.name.toLowerCase(), p.id);
    if (p.shortName) partnerships.set(p.shortName.toLowerCase(), p.id);
  }
  const agencies = new Map(before.governance.agencies.filter((a) => !a.removed).map((a) => [a.name.trim().toLowerCase(), a.id]));
  plan.batch(() => {
    if (mode === 'replace') for (const p of before.priorities) plan.delete('priority', p.id);
    if (mode === 'replace' && input.governance) for (const g of before.governance.groups) plan.delete('group', g.id);
    // Only the plan's items come in; the receiving plan keeps its own title, period and introduction.
    const content = { title: before.title, partnerships: input.partnerships, leads: input.leads, priorities, indicators: input.indicators };
    addContent(plan, input.governance ? { ...content, governance: input.governance } : content, leads, partnerships, agencies);
  });
  return { priorities: priorities.length, actions, groups: groups.length, meetings };
}
