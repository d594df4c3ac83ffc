import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { createPlan, type PlanInput } from '@coplan/core';
import { rememberPlan } from './device-plans.js';

/**
 * Starts a plan on this device from plain data (a template, a blank plan or
 * an import) and lists it; returns its id. The core checks the input first:
 * if it refuses (a PlanError), nothing is stored and nothing is listed.
 */
export async function startPlan(input: PlanInput, userName: string): Promise<string> {
  const id = `plan-${crypto.randomUUID()}`;
  const doc = new Y.Doc();
  createPlan(doc, input, { planId: id, user: userName });
  const idb = new IndexeddbPersistence(`coplan-plan:${id}`, doc);
  await idb.whenSynced;
  rememberPlan({ id, title: input.title, period: '', version: '', lastChange: new Date().toISOString() });
  return id;
}
