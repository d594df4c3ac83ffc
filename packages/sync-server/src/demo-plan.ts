import * as Y from 'yjs';
import { createPlan } from '@coplan/core';
import { demoPlanInput } from '@coplan/seeds';
import { DEMO_PLAN_ID } from './demo-plan-id.js';
import type { PlanStore } from './store/plan-store.js';

export { DEMO_PLAN_ID };

/** Stores the Lancashire 2015/16 plan as plan `demo` unless something is already stored there. Resolves with whether it wrote. */
export async function seedDemoPlan(store: PlanStore): Promise<boolean> {
  if ((await store.load(DEMO_PLAN_ID)).updates.length > 0) return false;
  const doc = new Y.Doc();
  createPlan(doc, demoPlanInput, { planId: DEMO_PLAN_ID, user: 'Coplan demo' });
  await store.compact(DEMO_PLAN_ID, Y.encodeStateAsUpdate(doc));
  return true;
}
