import * as Y from 'yjs';
import { createPlan } from '@coplan/core';
import { demoPlanInput } from '@coplan/seeds';
import type { FileStore } from './file-store.js';

/** The room the demo plan lives in. */
export const DEMO_PLAN_ID = 'demo';

/** Stores the Lancashire 2015/16 plan as plan `demo` unless something is already stored there. Returns whether it wrote. */
export function seedDemoPlan(store: FileStore): boolean {
  if (store.load(DEMO_PLAN_ID).length > 0) return false;
  const doc = new Y.Doc();
  createPlan(doc, demoPlanInput, { planId: DEMO_PLAN_ID, user: 'Coplan demo' });
  store.compact(DEMO_PLAN_ID, Y.encodeStateAsUpdate(doc));
  return true;
}
