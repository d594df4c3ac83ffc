import type { Plan } from '../plan/plan.js';
import { diffSnapshots, type PlanDiff } from './diff.js';

/**
 * What changed between two agreed versions of a plan (by id or label), or
 * from a version to now.
 *
 * @example
 * ```ts
 * const changes = diffVersions(plan, 'V1.1');
 * console.log(changes.added.length, changes.removed.length);
 * ```
 */
export function diffVersions(plan: Plan, from: string, to: string | 'now' = 'now'): PlanDiff {
  const before = plan.versionSnapshot(from);
  const after = to === 'now' ? plan.snapshot() : plan.versionSnapshot(to);
  return diffSnapshots(before, after);
}
