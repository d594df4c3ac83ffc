import { PlanError } from '@coplan/core';

/**
 * Runs a plan call and returns the core's refusal as words to show, or ''
 * when it went through. Anything that is not a refusal is a bug: rethrown.
 */
export function tryPlanCall(fn: () => void): string {
  try {
    fn();
    return '';
  } catch (e) {
    if (e instanceof PlanError) return e.message;
    throw e;
  }
}
