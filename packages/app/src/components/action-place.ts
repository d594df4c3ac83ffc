import { formatUkDate, type Plan } from '@coplan/core';
import type { DraftPlace } from '../state/progress-drafts.js';
import { listWords } from './words.js';

/** Where an action is, as people say it ("action 1.2.3"), and whether it is in the plan (not in the bin). */
function actionPlace(plan: Plan, actionId: string): { name: string; inPlan: boolean } {
  const action = plan.readAction(actionId);
  const objective = action && plan.readObjective(action.objectiveId);
  const priority = objective && plan.readPriority(objective.priorityId);
  if (!action || !objective || !priority) return { name: 'an action in the bin', inPlan: false };
  return { name: `action ${priority.number}.${objective.number}.${action.number}`, inPlan: true };
}

/**
 * Where a progress update being written belongs, as people say it: "action
 * 1.2.3" for a new update, "a change to the 3 May 2026 update of action 1.2.3"
 * for a correction (`action`: its action, "action 1.2.3"); not in the plan when its action or update is in the bin.
 */
export function draftPlace(plan: Plan, at: DraftPlace): { name: string; action: string; inBin: 'action' | 'update' | null } {
  const action = actionPlace(plan, at.actionId);
  if (!action.inPlan) return { name: action.name, action: action.name, inBin: 'action' };
  if (!at.progressId) return { name: action.name, action: action.name, inBin: null };
  const update = plan.get('progress', at.progressId);
  if (!update || !plan.isVisible('progress', at.progressId)) return { name: 'an update in the bin', action: action.name, inBin: 'update' };
  return { name: `a change to the ${formatUkDate(update.date)} update of ${action.name}`, action: action.name, inBin: null };
}

/** What the plan screen says of the progress updates put back after a reload: where they are, and how many wait on actions (or updates) in the bin. */
export function draftsBackWords(inPlan: readonly string[], inBin: { actions: number; updates: number }): string {
  const back = inPlan.length === 1 ? `Your progress update not yet saved when this page closed is back` : `Your progress updates not yet saved when this page closed are back`;
  const n = inBin.actions + inBin.updates;
  const what = !inBin.updates ? ['an action', 'actions'] : !inBin.actions ? ['an update', 'updates'] : ['an action or update', 'actions or updates'];
  const waiting = n === 1 ? `One more is on ${what[0]} now in the bin: restore it from the bin to finish it.` : `${n} more are on ${what[1]} now in the bin: restore them from the bin to finish them.`;
  return [inPlan.length ? `${back}, open to save or cancel: ${listWords(inPlan)}.` : '', n ? waiting : ''].filter(Boolean).join(' ');
}
