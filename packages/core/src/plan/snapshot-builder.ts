import { readField } from '../crdt/field-codec.js';
import { readRecord } from '../crdt/entity-record.js';
import type { PlanLayout } from '../crdt/layout.js';
import { compareOrder } from '../crdt/order-key.js';
import type { EntityRecord, LeadRef } from '../model/entities.js';
import { ENTITY_KINDS, KINDS, META_FIELDS, type EntityKind } from '../model/schema.js';
import type {
  ActionSnapshot,
  BinDescendant,
  BinEntry,
  ObjectiveSnapshot,
  PlanSnapshot,
  PrioritySnapshot,
  ResolvedLead,
  Stamped,
} from '../model/snapshot.js';
import type { PlanStatus } from '../model/values.js';
import { parseTimescale, type Timescale, type TimescaleContext } from '../timescale/index.js';
import { listVersions } from '../versions/versions.js';

type Records = { [K in EntityKind]: Map<string, EntityRecord<K>> };

/** Reads the whole plan out of its document as plain data. */
export function buildSnapshot(layout: PlanLayout): PlanSnapshot {
  const records = {} as Records;
  const children = new Map<string, EntityRecord[]>();
  let updatedAt = (layout.meta.get('uAt') as string | undefined) ?? '';
  for (const kind of ENTITY_KINDS) {
    const byId = new Map<string, EntityRecord>();
    layout.entities[kind].forEach((map, id) => {
      const r = readRecord(kind, id, map);
      byId.set(id, r);
      if (r.updatedAt > updatedAt) updatedAt = r.updatedAt;
      const key = kind + ':' + (r.parentId ?? '');
      let list = children.get(key);
      if (!list) children.set(key, (list = []));
      list.push(r);
    });
    (records as Record<EntityKind, Map<string, EntityRecord>>)[kind] = byId;
  }
  for (const list of children.values()) list.sort(compareOrder);
  const kids = <K extends EntityKind>(kind: K, parentId: string | null): EntityRecord<K>[] =>
    ((children.get(kind + ':' + (parentId ?? '')) ?? []) as unknown as EntityRecord<K>[]).filter((r) => !r.deleted);

  const meta = (name: string) => readField(layout.meta, META_FIELDS[name]!, name);
  const periodStart = meta('periodStart') as string | null;
  const periodEnd = meta('periodEnd') as string | null;
  const period = periodStart && periodEnd ? { start: periodStart, end: periodEnd } : null;
  const timescale = timescaleReader({ planPeriod: period });

  const leadName = new Map<string, string>();
  for (const r of records.lead.values()) leadName.set(r.id, r.name);
  const resolve = (ref: LeadRef): ResolvedLead =>
    'leadId' in ref ? { leadId: ref.leadId, name: leadName.get(ref.leadId) ?? '' } : { leadId: null, name: ref.name };
  const partnershipName = new Map<string, string>();
  for (const r of records.partnership.values()) partnershipName.set(r.id, r.shortName || r.name);

  const action = (r: EntityRecord<'action'>, i: number): ActionSnapshot => {
    const updates = kids('progress', r.id)
      .map((u) => ({ ...stamped(u), date: u.date, author: u.author, rag: u.rag, narrative: u.narrative, evidence: u.evidence }))
      .sort((a, b) => compareBy(a, b, 'date', 'createdAt', 'id'));
    return {
      ...stamped(r),
      number: i + 1,
      objectiveId: r.parentId!,
      text: r.text,
      leads: r.leads.map(resolve),
      timescale: timescale(r.timescale),
      status: r.status,
      rag: updates.length ? updates[updates.length - 1]!.rag : null,
      impact: r.impact,
      milestones: kids('milestone', r.id).map((m) => ({ ...stamped(m), text: m.text, timescale: timescale(m.timescale), done: m.done })),
      variants: kids('variant', r.id).map((v) => ({
        ...stamped(v),
        partnershipId: v.partnershipId,
        partnership: partnershipName.get(v.partnershipId) ?? '',
        text: v.text,
        leads: v.leads.map(resolve),
        timescale: timescale(v.timescale),
      })),
      updates,
    };
  };
  const objective = (r: EntityRecord<'objective'>, i: number): ObjectiveSnapshot => ({
    ...stamped(r),
    number: i + 1,
    priorityId: r.parentId!,
    text: r.text,
    impact: r.impact,
    actions: kids('action', r.id).map(action),
  });
  const priority = (r: EntityRecord<'priority'>, i: number): PrioritySnapshot => ({
    ...stamped(r),
    number: i + 1,
    title: r.title,
    aim: r.aim,
    owner: r.owner,
    successStatements: r.successStatements,
    focusAreas: r.focusAreas,
    leadGroup: r.leadGroup ? resolve(r.leadGroup) : null,
    objectives: kids('objective', r.id).map(objective),
  });

  return {
    id: (layout.system.get('planId') as string | undefined) ?? '',
    schemaVersion: (layout.system.get('schemaVersion') as number | undefined) ?? 0,
    title: meta('title') as string,
    introduction: meta('introduction') as string,
    vision: meta('vision') as string,
    versionLabel: meta('versionLabel') as string,
    status: meta('status') as PlanStatus,
    period,
    principles: meta('principles') as string[],
    statutoryObjectives: meta('statutoryObjectives') as string[],
    reviewSchedule: meta('reviewSchedule') as string,
    partnerships: kids('partnership', null).map((r) => ({ ...stamped(r), name: r.name, shortName: r.shortName })),
    contextStatements: kids('context', null).map((r) => ({ ...stamped(r), title: r.title, text: r.text })),
    consultation: kids('consultation', null).map((r) => ({ ...stamped(r), who: r.who, when: r.when })),
    leads: kids('lead', null).map((r) => ({ ...stamped(r), name: r.name, kind: r.kind, chair: r.chair, organisation: r.organisation })),
    priorities: kids('priority', null).map(priority),
    indicators: kids('indicator', null).map((r) => ({
      ...stamped(r),
      name: r.name,
      priorityId: r.priorityId,
      target: r.target,
      unit: r.unit,
      values: r.values,
    })),
    versions: listVersions(layout),
    bin: buildBin(records, children),
    updatedAt,
  };
}

/** Compares by each key in turn: a total order, so replicas agree whatever order they received items in. */
function compareBy<T>(a: T, b: T, ...keys: Array<keyof T>): number {
  for (const k of keys) {
    const x = String(a[k]);
    const y = String(b[k]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function stamped(r: EntityRecord): Stamped {
  return { id: r.id, createdAt: r.createdAt, createdBy: r.createdBy, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
}

/** Every deleted item and every item whose parent is gone, with what comes back with each. */
function buildBin(records: Records, children: Map<string, EntityRecord[]>): BinEntry[] {
  const all = records as Record<EntityKind, Map<string, EntityRecord>>;
  const label = (kind: EntityKind, r: EntityRecord) => String((r as unknown as Record<string, unknown>)[KINDS[kind].label] ?? '');
  const entries: BinEntry[] = [];
  for (const kind of ENTITY_KINDS) {
    const parentKind = KINDS[kind].parent;
    for (const r of all[kind].values()) {
      const orphaned = parentKind !== null && (r.parentId === null || !all[parentKind].has(r.parentId));
      if (!r.deleted && !orphaned) continue;
      const contains: BinDescendant[] = [];
      const since = r.deleted?.at ?? '';
      const walk = (parentKind: EntityKind, parent: EntityRecord) => {
        for (const childKind of ENTITY_KINDS) {
          if (KINDS[childKind].parent !== parentKind) continue;
          for (const c of children.get(childKind + ':' + parent.id) ?? []) {
            if (c.deleted) continue; // a deleted child has an entry of its own
            contains.push({ kind: childKind, id: c.id, label: label(childKind, c), addedAfterDelete: since !== '' && c.createdAt > since });
            walk(childKind, c);
          }
        }
      };
      walk(kind, r);
      entries.push({ kind, id: r.id, label: label(kind, r), parentId: r.parentId, reason: r.deleted ? 'deleted' : 'orphaned', deleted: r.deleted, contains });
    }
  }
  // Newest deletion first; ties broken by id so every replica lists the bin alike.
  return entries.sort((a, b) => compareBy(b.deleted ?? { at: '' }, a.deleted ?? { at: '' }, 'at') || compareBy(a, b, 'kind', 'id'));
}

/** Parses timescales, remembering each distinct text: plans repeat "By 31/03/16" many times. */
function timescaleReader(context: TimescaleContext): (text: string) => Timescale {
  const seen = new Map<string, Timescale>();
  return (text) => {
    let t = seen.get(text);
    if (!t) seen.set(text, (t = deepFreeze(parseTimescale(text, context))));
    return t;
  };
}

// Shared between actions, so frozen: a caller that mutates one snapshot cannot change another.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
