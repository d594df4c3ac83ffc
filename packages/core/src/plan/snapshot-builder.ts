import * as Y from 'yjs';
import { readField } from '../document/field-codec.js';
import { HEADER_KEYS, readPosition, readStamps } from '../document/entity-record.js';
import type { PlanLayout } from '../document/layout.js';
import { compareOrder } from '../document/order-key.js';
import type { IndicatorFigure, IndicatorValue, LeadRef, Tombstone } from '../schema/entities.js';
import type { ReportingEvery } from '../scorecard/periods.js';
import type { ThresholdRule } from '../scorecard/thresholds.js';
import { ENTITY_KINDS, KINDS, META_FIELDS, type EntityKind } from '../schema/schema.js';
import type { ActionSnapshot, BinDescendant, BinEntry, ObjectiveSnapshot, PlanSnapshot, PrioritySnapshot, ProgressUpdateSnapshot, ResolvedLead } from '../schema/snapshot.js';
import type { ActionStatus, LeadKind, PlanStatus, Rag } from '../values/values.js';
import { parseTimescale } from '../values/parse-timescale.js';
import type { Timescale, TimescaleContext } from '../values/timescale.js';
import { listVersions } from '../document/version-store.js';
import { readGovernance } from './governance-reader.js';

/** What the first pass reads of every stored item: enough to place it, not its fields. */
interface Node {
  kind: EntityKind;
  id: string;
  parentId: string | null;
  order: string;
  deleted: Tombstone | null;
  map: Y.Map<unknown>;
}

/**
 * Reads the whole plan out of its document as plain data. A first pass
 * places every item; fields are read only for what is shown (and for labels
 * in the bin), once each.
 */
export function buildSnapshot(layout: PlanLayout): PlanSnapshot {
  const nodes = {} as Record<EntityKind, Map<string, Node>>;
  const children = new Map<string, Node[]>();
  let updatedAt = (layout.meta.get(HEADER_KEYS.updatedAt) as string | undefined) ?? '';
  for (const kind of ENTITY_KINDS) {
    const byId = new Map<string, Node>();
    layout.entities[kind].forEach((map, id) => {
      const pos = readPosition(map);
      const node: Node = { kind, id, parentId: pos?.p ?? null, order: pos?.o ?? '', deleted: (map.get(HEADER_KEYS.deleted) as Tombstone | null) ?? null, map };
      byId.set(id, node);
      const u = map.get(HEADER_KEYS.updatedAt) as string | undefined;
      if (u !== undefined && u > updatedAt) updatedAt = u;
      const key = kind + ':' + (node.parentId ?? '');
      let list = children.get(key);
      if (!list) children.set(key, (list = []));
      list.push(node);
    });
    nodes[kind] = byId;
  }
  for (const list of children.values()) list.sort(compareOrder);
  const kids = (kind: EntityKind, parentId: string | null): Node[] => {
    const list = children.get(kind + ':' + (parentId ?? ''));
    if (!list) return [];
    const live: Node[] = [];
    for (const n of list) if (!n.deleted) live.push(n);
    return live;
  };
  const field = <T>(n: Node, name: string): T => readField(n.map, KINDS[n.kind].fields[name]!, name) as T;
  const text = (n: Node, name: string): string => {
    const t = n.map.get(name);
    return t instanceof Y.Text ? t.toString() : '';
  };

  const meta = (name: string) => readField(layout.meta, META_FIELDS[name]!, name);
  const periodStart = meta('periodStart') as string | null;
  const periodEnd = meta('periodEnd') as string | null;
  const period = periodStart && periodEnd ? { start: periodStart, end: periodEnd } : null;
  const timescale = timescaleReader({ planPeriod: period });

  const leadName = new Map<string, string>();
  for (const n of nodes.lead.values()) leadName.set(n.id, field<string>(n, 'name'));
  // A lead merged into another stands for that one, so a reference a partner made meanwhile follows the merge.
  const mergedInto = (id: string): string => {
    let at = id;
    for (let hops = 0; hops < 50; hops++) {
      const node = nodes.lead.get(at);
      const next = node?.deleted ? (node.map.get(HEADER_KEYS.mergedInto) as string | undefined) : undefined;
      if (!next || next === id) break;
      at = next;
    }
    return at;
  };
  const resolve = (ref: LeadRef): ResolvedLead => {
    if (!('leadId' in ref)) return { leadId: null, name: ref.name };
    const leadId = mergedInto(ref.leadId);
    return { leadId, name: leadName.get(leadId) ?? '' };
  };
  const resolveAll = (n: Node): ResolvedLead[] => {
    const out: ResolvedLead[] = [];
    for (const r of field<LeadRef[]>(n, 'leads').map(resolve)) if (r.leadId === null || !out.some((x) => x.leadId === r.leadId)) out.push(r);
    return out;
  };
  const partnershipName = new Map<string, string>();
  for (const n of nodes.partnership.values()) partnershipName.set(n.id, field<string>(n, 'shortName') || field<string>(n, 'name'));

  const action = (n: Node, i: number): ActionSnapshot => {
    const updates: ProgressUpdateSnapshot[] = kids('progress', n.id).map((u) => ({
      ...readStamps(u.id, u.map),
      date: field<string>(u, 'date'),
      author: field<string>(u, 'author'),
      rag: field<Rag>(u, 'rag'),
      narrative: text(u, 'narrative'),
      evidence: text(u, 'evidence'),
    }));
    updates.sort(byDateThenCreated);
    return {
      ...readStamps(n.id, n.map),
      number: i + 1,
      objectiveId: n.parentId!,
      text: text(n, 'text'),
      leads: resolveAll(n),
      timescale: timescale(text(n, 'timescale')),
      status: field<ActionStatus>(n, 'status'),
      rag: updates.length ? updates[updates.length - 1]!.rag : null,
      impact: text(n, 'impact'),
      milestones: kids('milestone', n.id).map((m) => ({
        ...readStamps(m.id, m.map),
        text: text(m, 'text'),
        timescale: timescale(text(m, 'timescale')),
        done: field<boolean>(m, 'done'),
      })),
      variants: kids('variant', n.id).map((v) => {
        const partnershipId = field<string>(v, 'partnershipId');
        return {
          ...readStamps(v.id, v.map),
          partnershipId,
          partnership: partnershipName.get(partnershipId) ?? '',
          text: text(v, 'text'),
          leads: resolveAll(v),
          timescale: timescale(text(v, 'timescale')),
        };
      }),
      updates,
    };
  };
  const objective = (n: Node, i: number): ObjectiveSnapshot => ({
    ...readStamps(n.id, n.map),
    number: i + 1,
    priorityId: n.parentId!,
    text: text(n, 'text'),
    impact: text(n, 'impact'),
    actions: kids('action', n.id).map(action),
  });
  const priority = (n: Node, i: number): PrioritySnapshot => {
    const leadGroup = field<LeadRef | null>(n, 'leadGroup');
    return {
      ...readStamps(n.id, n.map),
      number: i + 1,
      title: text(n, 'title'),
      aim: text(n, 'aim'),
      owner: text(n, 'owner'),
      successStatements: field<string[]>(n, 'successStatements'),
      focusAreas: field<string[]>(n, 'focusAreas'),
      leadGroup: leadGroup ? resolve(leadGroup) : null,
      objectives: kids('objective', n.id).map(objective),
    };
  };

  const priorities = kids('priority', null).map(priority);
  const actionPositions = new Map<string, { priority: number; objective: number; action: number }>();
  for (const p of priorities) for (const o of p.objectives) for (const a of o.actions) actionPositions.set(a.id, { priority: p.number, objective: o.number, action: a.number });
  const governance = readGovernance<Node>({ kids, get: (kind, id) => nodes[kind].get(id), value: field, actionPosition: (id) => actionPositions.get(id) });

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
    partnerships: kids('partnership', null).map((n) => ({ ...readStamps(n.id, n.map), name: field<string>(n, 'name'), shortName: field<string>(n, 'shortName') })),
    contextStatements: kids('context', null).map((n) => ({ ...readStamps(n.id, n.map), title: text(n, 'title'), text: text(n, 'text') })),
    consultation: kids('consultation', null).map((n) => ({ ...readStamps(n.id, n.map), who: text(n, 'who'), when: text(n, 'when') })),
    leads: kids('lead', null).map((n) => ({
      ...readStamps(n.id, n.map),
      name: field<string>(n, 'name'),
      kind: field<LeadKind>(n, 'kind'),
      chair: field<string>(n, 'chair'),
      organisation: field<string>(n, 'organisation'),
    })),
    priorities,
    indicators: kids('indicator', null).map((n) => ({
      ...readStamps(n.id, n.map),
      name: text(n, 'name'),
      priorityId: field<string | null>(n, 'priorityId'),
      target: field<string>(n, 'target'),
      unit: field<string>(n, 'unit'),
      values: field<IndicatorValue[]>(n, 'values'),
      owner: field<string>(n, 'owner'),
      direction: field<'higher' | 'lower'>(n, 'direction'),
      every: field<ReportingEvery>(n, 'every'),
      thresholds: field<ThresholdRule[]>(n, 'thresholds'),
      figures: field<IndicatorFigure[]>(n, 'figures'),
    })),
    governance,
    versions: listVersions(layout),
    bin: buildBin(nodes, children, (n) => binLabel(nodes, n)),
    updatedAt,
  };
}

function byDateThenCreated(a: ProgressUpdateSnapshot, b: ProgressUpdateSnapshot): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What an item is called in the bin: its label field; a seat, whose role is
 * often empty, also by its agency ("Testshire Police, Chair"), so that seats
 * in the bin are told apart by name rather than numbered.
 */
function binLabel(nodes: Record<EntityKind, Map<string, Node>>, n: Node): string {
  const field = (m: Node, name: string): unknown => readField(m.map, KINDS[m.kind].fields[name]!, name);
  const own = String(field(n, KINDS[n.kind].label) ?? '');
  if (n.kind !== 'seat') return own;
  const agency = nodes.agency.get(String(field(n, 'agencyId') ?? ''));
  return [agency ? String(field(agency, 'name') ?? '') : '', own].filter((w) => w.trim()).join(', ');
}

/** Every deleted item and every item whose parent is gone, with what comes back with each. */
function buildBin(nodes: Record<EntityKind, Map<string, Node>>, children: Map<string, Node[]>, label: (n: Node) => string): BinEntry[] {
  const entries: BinEntry[] = [];
  for (const kind of ENTITY_KINDS) {
    const parentKind = KINDS[kind].parent;
    for (const n of nodes[kind].values()) {
      const orphaned = parentKind !== null && (n.parentId === null || !nodes[parentKind].has(n.parentId));
      if (!n.deleted && !orphaned) continue;
      const contains: BinDescendant[] = [];
      const since = n.deleted?.at ?? '';
      const walk = (parent: Node) => {
        for (const childKind of ENTITY_KINDS) {
          if (KINDS[childKind].parent !== parent.kind) continue;
          for (const c of children.get(childKind + ':' + parent.id) ?? []) {
            if (c.deleted) continue; // a deleted child has an entry of its own
            const createdAt = (c.map.get(HEADER_KEYS.createdAt) as string | undefined) ?? '';
            const createdBy = (c.map.get(HEADER_KEYS.createdBy) as string | undefined) ?? '';
            contains.push({ kind: childKind, id: c.id, label: label(c), createdBy, addedAfterDelete: since !== '' && createdAt > since });
            walk(c);
          }
        }
      };
      walk(n);
      entries.push({ kind, id: n.id, label: label(n), parentId: n.parentId, reason: n.deleted ? 'deleted' : 'orphaned', deleted: n.deleted, contains });
    }
  }
  // Newest deletion first; ties broken by kind and id so every replica lists the bin alike.
  return entries.sort((a, b) => {
    const x = a.deleted?.at ?? '';
    const y = b.deleted?.at ?? '';
    if (x !== y) return x > y ? -1 : 1;
    const ka = a.kind + ':' + a.id;
    const kb = b.kind + ':' + b.id;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
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
