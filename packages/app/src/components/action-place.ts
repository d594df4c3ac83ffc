import type { Plan } from '@coplan/core';
import { listWords } from './words.js';

/** Where an action is, as people say it ("action 1.2.3"), and whether it is in the plan (not in the bin). */
export function actionPlace(plan: Plan, actionId: string): { name: string; inPlan: boolean } {
  const action = plan.readAction(actionId);
  const objective = action && plan.readObjective(action.objectiveId);
  const priority = objective && plan.readPriority(objective.priorityId);
  if (!action || !objective || !priority) return { name: 'an action in the bin', inPlan: false };
  return { name: `action ${priority.number}.${objective.number}.${action.number}`, inPlan: true };
}

/** What the plan screen says of the progress updates put back after a reload: where they are, and how many wait on actions in the bin. */
export function draftsBackWords(inPlan: readonly string[], inBin: number): string {
  const back = inPlan.length === 1 ? `Your progress update not yet saved when this page closed is back` : `Your progress updates not yet saved when this page closed are back`;
  const waiting =
    inBin === 1 ? 'One more is on an action now in the bin: restore it from the bin to finish it.' : `${inBin} more are on actions now in the bin: restore them from the bin to finish them.`;
  return [inPlan.length ? `${back}, open to save or cancel: ${listWords(inPlan)}.` : '', inBin ? waiting : ''].filter(Boolean).join(' ');
}
