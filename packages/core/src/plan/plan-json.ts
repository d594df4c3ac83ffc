import { PlanError } from '../schema/errors.js';
import type { PlanInput } from '../schema/input.js';
import type { PlanSnapshot } from '../schema/snapshot.js';
import { planToInput } from './plan-to-input.js';

/** The `format` field that marks a JSON file as a Coplan plan. */
export const PLAN_JSON_FORMAT = 'coplan.plan';
/**
 * The JSON format's version: files from a newer one are refused, older ones read.
 * 1: the plan's content; 2: also its governance (agencies, groups, seats, meetings).
 */
export const PLAN_JSON_VERSION = 2;

/**
 * A plan as JSON with a versioned envelope: `{ format, version, plan }`,
 * where `plan` is {@link PlanInput}. `planFromJson` reads it back into the
 * same plan.
 *
 * @example
 * ```ts
 * const text = planToJson(plan.snapshot());
 * const copy = createPlan(new Y.Doc(), planFromJson(text));
 * ```
 */
export function planToJson(snapshot: PlanSnapshot): string {
  return JSON.stringify({ format: PLAN_JSON_FORMAT, version: PLAN_JSON_VERSION, exportedAt: new Date().toISOString(), plan: planToInput(snapshot) }, null, 2);
}

/** Reads a plan exported by {@link planToJson}; throws a {@link PlanError} saying what is wrong with the file. */
export function planFromJson(text: string): PlanInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PlanError('invalid-value', 'This file is not JSON. Choose a plan exported from Coplan as JSON.');
  }
  const envelope = data as { format?: unknown; version?: unknown; plan?: unknown } | null;
  if (!envelope || typeof envelope !== 'object' || envelope.format !== PLAN_JSON_FORMAT)
    throw new PlanError('invalid-value', 'This JSON is not a Coplan plan (it has no "format": "coplan.plan"). Choose a plan exported from Coplan.');
  if (typeof envelope.version !== 'number' || envelope.version > PLAN_JSON_VERSION)
    throw new PlanError(
      'schema-too-new',
      `This plan was exported by a newer Coplan (format version ${String(envelope.version)}); this one reads up to ${PLAN_JSON_VERSION}. Update Coplan to import it.`,
    );
  const plan = envelope.plan as PlanInput | null;
  if (!plan || typeof plan !== 'object' || typeof plan.title !== 'string')
    throw new PlanError('invalid-value', 'This Coplan JSON has no plan in it (no title). The file may be cut short; export it again.');
  // Version 1 had no governance; a "governance" in such a file was not written by Coplan, so it is not read.
  if (envelope.version < 2 && 'governance' in plan) {
    const { governance: _ignored, ...rest } = plan;
    return rest;
  }
  return plan;
}
