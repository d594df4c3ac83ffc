import type { PlanSnapshot } from '../schema/snapshot.js';
import { actionEntries, matcher, objectiveEntries, planEntries, priorityEntries, type SearchHit } from '../plan/search-entries.js';

export type { SearchHit } from '../plan/search-entries.js';

/**
 * Finds text across the whole plan: its own fields (title, vision,
 * introduction, principles, statutory objectives, context statements,
 * partnerships, consultation), priorities, objectives, actions, their leads, timescales,
 * milestones and progress updates. A field matches when it holds every word
 * of the query (in any order, ignoring case and accents; "quoted words" as a
 * phrase). Hits come in plan order. An empty query finds nothing. To search
 * a plan again after each change, {@link Plan.search} reads only what changed.
 *
 * @example
 * ```ts
 * searchPlan(plan.snapshot(), 'neglect strategy')[0]; // { kind: 'action', where: 'Action 1.1.2', field: 'text', … }
 * ```
 */
export function searchPlan(s: PlanSnapshot, query: string): SearchHit[] {
  const match = matcher(query);
  if (!match) return [];
  const hits: SearchHit[] = [];
  match(planEntries(s), '', hits);
  for (const p of s.priorities) {
    match(priorityEntries(p), `Priority ${p.number}`, hits);
    for (const o of p.objectives) {
      match(objectiveEntries(o), `Objective ${p.number}.${o.number}`, hits);
      for (const a of o.actions) match(actionEntries(a), `Action ${p.number}.${o.number}.${a.number}`, hits);
    }
  }
  return hits;
}
