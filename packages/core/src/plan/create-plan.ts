import * as Y from 'yjs';
import { newId } from '../document/ids.js';
import { layoutOf } from '../document/layout.js';
import type { LeadRef } from '../schema/entities.js';
import { PlanError } from '../schema/errors.js';
import type { PlanInput } from '../schema/input.js';
import { migrateDoc, SCHEMA_VERSION } from '../document/migrations.js';
import { Plan, type PlanOptions } from './plan.js';
import { addGovernance } from './add-governance.js';

/** Options for {@link createPlan}. */
export interface CreatePlanOptions extends PlanOptions {
  /** The plan's id; a random one when omitted. Relays name rooms by it. */
  planId?: string;
}

/**
 * Writes a new plan into an empty `Y.Doc` and returns its handle. The input is
 * built and checked in a scratch document first, then applied in one update:
 * bad input throws a {@link PlanError} and leaves `doc` untouched. The build
 * is not on the undo stack.
 *
 * @example
 * ```ts
 * import * as Y from 'yjs';
 * import { createPlan } from '@coplan/core';
 * const plan = createPlan(new Y.Doc(), { title: 'LSCB Business Plan 2015/16', period: { start: '2015-04-01', end: '2016-03-31' } });
 * ```
 */
export function createPlan(doc: Y.Doc, input: PlanInput, options: CreatePlanOptions = {}): Plan {
  if (layoutOf(doc).system.get('schemaVersion') !== undefined) throw new PlanError('already-a-plan', 'This document already holds a plan; open it with openPlan instead.');
  if (!input || typeof input !== 'object') throw new PlanError('invalid-value', 'createPlan needs a plan input object with at least a title.');
  const scratch = new Y.Doc();
  const random = options.random ?? Math.random;
  const planId = options.planId ?? newId(random);
  const system = layoutOf(scratch).system;
  scratch.transact(() => {
    system.set('schemaVersion', SCHEMA_VERSION);
    system.set('planId', planId);
  });
  const builder = new Plan(scratch, options);
  try {
    // One transaction: the scratch doc is thrown away on error, so no rollback is needed.
    scratch.transact(() => fill(builder, input), builder.origin);
  } finally {
    builder.destroy();
  }
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch), { coplan: 'create' });
  return new Plan(doc, options);
}

/**
 * Opens the plan held in `doc`, migrating a document from an older Coplan.
 * Throws a {@link PlanError} when the document holds no plan (`not-a-plan`:
 * create one, or wait until it has synced) or one from a newer Coplan
 * (`schema-too-new`); either way the document is left as it was.
 *
 * @example
 * ```ts
 * const doc = new Y.Doc();
 * Y.applyUpdate(doc, bytesFromDisk);
 * const plan = openPlan(doc, { user: 'Business Manager' });
 * ```
 */
export function openPlan(doc: Y.Doc, options: PlanOptions = {}): Plan {
  migrateDoc(doc);
  return new Plan(doc, options);
}

/** Whether `doc` holds a plan yet (for example, once a provider has synced). */
export function hasPlan(doc: Y.Doc): boolean {
  return layoutOf(doc).system.get('schemaVersion') !== undefined;
}

function fill(plan: Plan, input: PlanInput): void {
  fillMeta(plan, input);
  addContent(plan, input, new Map(), new Map(), new Map());
}

function fillMeta(plan: Plan, input: PlanInput): void {
  // Every text field exists from the start, empty or not: a field made later by two partners at once would keep only one's typing.
  plan.updatePlan({
    title: input.title,
    introduction: input.introduction ?? '',
    vision: input.vision ?? '',
    versionLabel: input.versionLabel,
    status: input.status,
    period: input.period ?? undefined,
    principles: input.principles,
    statutoryObjectives: input.statutoryObjectives,
    reviewSchedule: input.reviewSchedule ?? '',
  });
}

/**
 * Adds a plan input's items to a plan: partnerships, context, consultation,
 * leads, priorities with everything beneath them, indicators, and the
 * governance (arrangements and meetings). Leads, partnerships and agencies
 * already in `leads` / `partnerships` / `agencies` (by lower-case name) are
 * reused, not added again. Call inside a transaction or batch.
 */
export function addContent(plan: Plan, input: PlanInput, leads: Map<string, string>, partnerships: Map<string, string>, agencies: Map<string, string>): void {
  for (const p of input.partnerships ?? []) {
    if (partnerships.has(p.name.toLowerCase())) continue;
    const id = plan.create('partnership', { name: p.name, shortName: p.shortName });
    partnerships.set(p.name.toLowerCase(), id);
    if (p.shortName) partnerships.set(p.shortName.toLowerCase(), id);
  }
  for (const c of input.contextStatements ?? []) plan.create('context', { title: c.title, text: c.text });
  for (const c of input.consultation ?? []) plan.create('consultation', { who: c.who, when: c.when });
  for (const l of input.leads ?? []) {
    if (leads.has(l.name.trim().toLowerCase())) continue;
    const id = plan.create('lead', { name: l.name, kind: l.kind, chair: l.chair, organisation: l.organisation });
    leads.set(l.name.trim().toLowerCase(), id);
  }
  const ref = (name: string): LeadRef => {
    const id = typeof name === 'string' ? leads.get(name.trim().toLowerCase()) : undefined;
    return id ? { leadId: id } : { name };
  };
  const priorityIds: string[] = [];
  // Each added action by position, for the actions arising linked to them.
  const actionIds: string[][][] = [];
  for (const p of input.priorities ?? []) {
    const pid = plan.create('priority', {
      title: p.title,
      aim: p.aim,
      owner: p.owner,
      successStatements: p.successStatements,
      focusAreas: p.focusAreas,
      leadGroup: p.leadGroup ? ref(p.leadGroup) : undefined,
    });
    priorityIds.push(pid);
    const objectiveActions: string[][] = [];
    actionIds.push(objectiveActions);
    for (const o of p.objectives ?? []) {
      const oid = plan.create('objective', { text: o.text, impact: o.impact }, { parentId: pid });
      const added: string[] = [];
      objectiveActions.push(added);
      for (const a of o.actions ?? []) {
        const aid = plan.create('action', { text: a.text, leads: a.leads?.map(ref), timescale: a.timescale, status: a.status, impact: a.impact }, { parentId: oid });
        added.push(aid);
        for (const m of a.milestones ?? []) plan.create('milestone', { text: m.text, timescale: m.timescale, done: m.done }, { parentId: aid });
        for (const v of a.variants ?? []) {
          const partnershipId = typeof v.partnership === 'string' ? partnerships.get(v.partnership.toLowerCase()) : undefined;
          if (!partnershipId)
            throw new PlanError('not-found', `A variant of "${a.text.slice(0, 40)}" names partnership "${v.partnership}", which is not in the plan's partnerships.`, {
              kind: 'variant',
              field: 'partnership',
              value: v.partnership,
            });
          plan.create('variant', { partnershipId, text: v.text, leads: v.leads?.map(ref), timescale: v.timescale }, { parentId: aid });
        }
        for (const u of a.updates ?? []) plan.create('progress', { date: u.date, author: u.author, rag: u.rag, narrative: u.narrative, evidence: u.evidence }, { parentId: aid });
      }
    }
  }
  for (const ind of input.indicators ?? []) {
    const priorityId = ind.priority === undefined ? null : priorityIds[ind.priority - 1];
    if (priorityId === undefined)
      throw new PlanError('not-found', `Indicator "${ind.name}" names priority ${ind.priority}, but the plan has ${priorityIds.length}.`, {
        kind: 'indicator',
        field: 'priority',
        value: ind.priority,
      });
    plan.create('indicator', {
      name: ind.name,
      priorityId,
      target: ind.target,
      unit: ind.unit,
      values: ind.values,
      owner: ind.owner,
      direction: ind.direction,
      every: ind.every,
      thresholds: ind.thresholds,
      figures: ind.figures,
    });
  }
  if (input.governance !== undefined) addGovernance(plan, input.governance, agencies, actionIds);
}
