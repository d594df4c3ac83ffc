import { readField } from '../document/field-codec.js';
import { readStamps } from '../document/entity-record.js';
import type { PlanLayout } from '../document/layout.js';
import type { LeadRef } from '../schema/entities.js';
import { KINDS, META_FIELDS, type EntityKind } from '../schema/schema.js';
import type { ActionSnapshot, ObjectiveSnapshot, PrioritySnapshot, ProgressUpdateSnapshot, ResolvedLead } from '../schema/snapshot.js';
import type { ActionStatus, Rag } from '../values/values.js';
import { parseTimescale } from '../values/parse-timescale.js';
import type { Timescale } from '../values/timescale.js';
import type * as Y from 'yjs';

/** A priority without its objectives, as one item on screen needs it. */
export type PriorityItem = Omit<PrioritySnapshot, 'objectives'>;
/** An objective without its actions, as one item on screen needs it. */
export type ObjectiveItem = Omit<ObjectiveSnapshot, 'actions'>;

/** The visible children of one parent, in order, with their maps: the plan's tree index answers this. */
export type VisibleChildren = (kind: EntityKind, parentId: string | null) => Array<{ id: string; map: Y.Map<unknown> }>;

/**
 * Reads one priority, objective or action as the whole-plan snapshot would
 * show it, without reading the rest of the plan: a change to one action costs
 * the same in a plan of 50 actions or 10,000. Numbers are positions among
 * visible siblings. Kept beside `buildSnapshot`, which reads the same shapes
 * in one pass over everything.
 */
export class ItemReader {
  constructor(
    private readonly layout: PlanLayout,
    private readonly kids: VisibleChildren,
  ) {}

  priority(id: string, map: Y.Map<unknown>, number: number): PriorityItem {
    const leadGroup = field<LeadRef | null>('priority', map, 'leadGroup');
    return {
      ...readStamps(id, map),
      number,
      title: field<string>('priority', map, 'title'),
      aim: field<string>('priority', map, 'aim'),
      owner: field<string>('priority', map, 'owner'),
      successStatements: field<string[]>('priority', map, 'successStatements'),
      focusAreas: field<string[]>('priority', map, 'focusAreas'),
      leadGroup: leadGroup ? this.resolve(leadGroup) : null,
    };
  }

  objective(id: string, map: Y.Map<unknown>, number: number, priorityId: string): ObjectiveItem {
    return { ...readStamps(id, map), number, priorityId, text: field<string>('objective', map, 'text'), impact: field<string>('objective', map, 'impact') };
  }

  action(id: string, map: Y.Map<unknown>, number: number, objectiveId: string): ActionSnapshot {
    const timescale = this.timescaleReader();
    const updates: ProgressUpdateSnapshot[] = this.kids('progress', id).map((u) => ({
      ...readStamps(u.id, u.map),
      date: field<string>('progress', u.map, 'date'),
      author: field<string>('progress', u.map, 'author'),
      rag: field<Rag>('progress', u.map, 'rag'),
      narrative: field<string>('progress', u.map, 'narrative'),
      evidence: field<string>('progress', u.map, 'evidence'),
    }));
    // Oldest first, as the snapshot orders them: by date, then when written, then id.
    updates.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      ...readStamps(id, map),
      number,
      objectiveId,
      text: field<string>('action', map, 'text'),
      leads: field<LeadRef[]>('action', map, 'leads').map((r) => this.resolve(r)),
      timescale: timescale(field<string>('action', map, 'timescale')),
      status: field<ActionStatus>('action', map, 'status'),
      rag: updates.length ? updates[updates.length - 1]!.rag : null,
      impact: field<string>('action', map, 'impact'),
      milestones: this.kids('milestone', id).map((m) => ({
        ...readStamps(m.id, m.map),
        text: field<string>('milestone', m.map, 'text'),
        timescale: timescale(field<string>('milestone', m.map, 'timescale')),
        done: field<boolean>('milestone', m.map, 'done'),
      })),
      variants: this.kids('variant', id).map((v) => {
        const partnershipId = field<string>('variant', v.map, 'partnershipId');
        const p = this.layout.entities.partnership.get(partnershipId);
        return {
          ...readStamps(v.id, v.map),
          partnershipId,
          partnership: p ? field<string>('partnership', p, 'shortName') || field<string>('partnership', p, 'name') : '',
          text: field<string>('variant', v.map, 'text'),
          leads: field<LeadRef[]>('variant', v.map, 'leads').map((r) => this.resolve(r)),
          timescale: timescale(field<string>('variant', v.map, 'timescale')),
        };
      }),
      updates,
    };
  }

  private resolve(ref: LeadRef): ResolvedLead {
    if (!('leadId' in ref)) return { leadId: null, name: ref.name };
    const lead = this.layout.entities.lead.get(ref.leadId);
    return { leadId: ref.leadId, name: lead ? field<string>('lead', lead, 'name') : '' };
  }

  /** Each distinct timescale text, parsed against a plan period, as last read (plans repeat "By 31/03/16" many times); frozen, as reads share them. */
  private readonly parsed = new Map<string, Timescale>();

  /** Timescales are read against the plan's period ("by March" is the March in it); each distinct text is parsed once. */
  private timescaleReader(): (text: string) => Timescale {
    const start = readField(this.layout.meta, META_FIELDS.periodStart!, 'periodStart') as string | null;
    const end = readField(this.layout.meta, META_FIELDS.periodEnd!, 'periodEnd') as string | null;
    const planPeriod = start && end ? { start, end } : null;
    const period = `${start ?? ''}/${end ?? ''}/`;
    return (text) => {
      const key = period + text;
      let t = this.parsed.get(key);
      if (!t) {
        // Bounded: a plan has a few hundred distinct timescales; text being typed adds one per keystroke.
        if (this.parsed.size >= 2000) this.parsed.clear();
        this.parsed.set(key, (t = deepFreeze(parseTimescale(text, { planPeriod }))));
      }
      return t;
    };
  }
}

function field<T>(kind: EntityKind, map: Y.Map<unknown>, name: string): T {
  return readField(map, KINDS[kind].fields[name]!, name) as T;
}

/** Shared between reads, so frozen: a caller that mutates one snapshot cannot change another. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
