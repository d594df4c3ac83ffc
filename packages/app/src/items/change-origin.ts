import type { Plan } from '@coplan/core';

/** For each plan, whether the last change to each entity was made here (typing, a menu, undo) or arrived from a partner. */
const lastChanges = new WeakMap<Plan, Map<string, boolean>>();

/**
 * Whether the last change to an entity was made on this device (say an undo)
 * rather than by a partner, so what is announced about it names the right
 * person. One listener per plan, started by the first question.
 */
export function changedHere(plan: Plan, id: string): boolean {
  let changes = lastChanges.get(plan);
  if (!changes) {
    const made = new Map<string, boolean>();
    lastChanges.set(plan, (changes = made));
    plan.onChange((c) => {
      for (const e of c.entities) made.set(e.id, c.local);
    });
  }
  return changes.get(id) ?? false;
}

/** Starts noting the origin of each change to a plan (before the changes that will be asked about). */
export function noteChangeOrigins(plan: Plan): void {
  changedHere(plan, '');
}
