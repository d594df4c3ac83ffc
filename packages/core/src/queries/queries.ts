import type { EntityKind } from '../schema/schema.js';
import type { ActionSnapshot, ObjectiveSnapshot, PlanSnapshot, PrioritySnapshot } from '../schema/snapshot.js';
import type { IsoDate, Rag } from '../values/values.js';
import { RAG_VALUES } from '../values/values.js';
import { addDays, localToday } from '../values/iso-date.js';

/** An action with the objective and priority it sits under. */
export interface ActionInContext {
  action: ActionSnapshot;
  objective: ObjectiveSnapshot;
  priority: PrioritySnapshot;
}

/**
 * Every visible action in plan order, with its objective and priority.
 *
 * @example
 * ```ts
 * for (const { action, priority } of listActions(plan.snapshot())) console.log(priority.number, action.text);
 * ```
 */
export function listActions(s: PlanSnapshot): ActionInContext[] {
  const out: ActionInContext[] = [];
  for (const priority of s.priorities) for (const objective of priority.objectives) for (const action of objective.actions) out.push({ action, objective, priority });
  return out;
}

/** Whether an action is finished: status complete, or its latest RAG is blue. */
export function isComplete(a: ActionSnapshot): boolean {
  return a.status === 'complete' || a.status === 'cancelled' || a.rag === 'blue';
}

/**
 * When an action is due: the end of its own timescale's window; failing that,
 * the latest end among its per-partnership variants, then its milestones.
 * Null when nothing in it could be read as a date.
 *
 * @example `actionDue(action) // '2016-03-31'`
 */
export function actionDue(a: ActionSnapshot): IsoDate | null {
  if (a.timescale.due?.end) return a.timescale.due.end;
  const ends = [...a.variants, ...a.milestones].map((x) => x.timescale.due?.end).filter((e): e is string => !!e);
  return ends.length ? ends.sort()[ends.length - 1]! : null;
}

/**
 * The actions a lead owns, matched by registry id or by name (ignoring case
 * and surrounding space), including leads named on per-partnership variants.
 *
 * @example `actionsByLead(snapshot, 'QA Sub')`
 */
export function actionsByLead(s: PlanSnapshot, lead: string): ActionInContext[] {
  const wanted = lead.trim().toLowerCase();
  const matches = (l: { leadId: string | null; name: string }) => l.leadId === lead || l.name.trim().toLowerCase() === wanted;
  return listActions(s).filter(({ action }) => action.leads.some(matches) || action.variants.some((v) => v.leads.some(matches)));
}

/**
 * Unfinished actions whose due date (the end of their timescale's window) is
 * before `asOf`.
 *
 * @example `overdueActions(snapshot, '2016-04-01')`
 */
export function overdueActions(s: PlanSnapshot, asOf: IsoDate): ActionInContext[] {
  return listActions(s).filter(({ action }) => {
    const end = actionDue(action);
    return !isComplete(action) && end !== null && end < asOf;
  });
}

/**
 * Unfinished actions due (their window's end) from `from` to `to`, both inclusive.
 *
 * @example `actionsDueWithin(snapshot, '2026-11-23', '2027-02-21')` // the next 90 days
 */
export function actionsDueWithin(s: PlanSnapshot, from: IsoDate, to: IsoDate): ActionInContext[] {
  return listActions(s).filter(({ action }) => {
    const end = actionDue(action);
    return !isComplete(action) && end !== null && end >= from && end <= to;
  });
}

/** How many actions of a priority stand at each RAG; `none` counts actions with no update yet. */
export interface RagSummary {
  priorityId: string;
  number: number;
  title: string;
  counts: Record<Rag | 'none', number>;
  total: number;
}

/**
 * RAG counts per priority, from each action's latest progress update.
 *
 * @example `ragSummary(snapshot).map((r) => `${r.title}: ${r.counts.red} red`)`
 */
export function ragSummary(s: PlanSnapshot): RagSummary[] {
  return s.priorities.map((p) => {
    const counts = Object.fromEntries([...RAG_VALUES, 'none'].map((k) => [k, 0])) as Record<Rag | 'none', number>;
    let total = 0;
    for (const o of p.objectives)
      for (const a of o.actions) {
        counts[a.rag ?? 'none']++;
        total++;
      }
    return { priorityId: p.id, number: p.number, title: p.title, counts, total };
  });
}

/** Something that changed after a given moment. */
export interface RecentChange {
  kind: EntityKind | 'plan';
  id: string;
  label: string;
  change: 'added' | 'edited' | 'deleted';
  at: string;
  by: string;
}

/**
 * What was added, edited or deleted at or after `since` (a date or ISO
 * date-time), newest first, from the times stamped on each item.
 *
 * @example `changedSince(snapshot, '2026-11-01')`
 */
export function changedSince(s: PlanSnapshot, since: string): RecentChange[] {
  const out: RecentChange[] = [];
  const note = (kind: RecentChange['kind'], item: { id: string; createdAt: string; createdBy: string; updatedAt: string; updatedBy: string }, label: string) => {
    if (item.createdAt >= since) out.push({ kind, id: item.id, label, change: 'added', at: item.createdAt, by: item.createdBy });
    else if (item.updatedAt >= since) out.push({ kind, id: item.id, label, change: 'edited', at: item.updatedAt, by: item.updatedBy });
  };
  for (const p of s.partnerships) note('partnership', p, p.name);
  for (const l of s.leads) note('lead', l, l.name);
  for (const c of s.contextStatements) note('context', c, c.title);
  for (const c of s.consultation) note('consultation', c, c.who);
  for (const i of s.indicators) note('indicator', i, i.name);
  for (const p of s.priorities) {
    note('priority', p, p.title);
    for (const o of p.objectives) {
      note('objective', o, o.text);
      for (const a of o.actions) {
        note('action', a, a.text);
        for (const m of a.milestones) note('milestone', m, m.text);
        for (const v of a.variants) note('variant', v, v.partnership);
        for (const u of a.updates) note('progress', u, u.narrative);
      }
    }
  }
  for (const b of s.bin) if (b.deleted && b.deleted.at >= since) out.push({ kind: b.kind, id: b.id, label: b.label, change: 'deleted', at: b.deleted.at, by: b.deleted.by });
  return out.sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : 0));
}

/** How many unfinished actions each lead carries. */
export interface LeadLoad {
  /** The registry id, or null for a lead written as free text. */
  leadId: string | null;
  name: string;
  open: number;
  overdue: number;
}

/** A lead with the actions it leads. */
export interface LeadActions {
  /** The registry id, or null for a lead written as free text. */
  leadId: string | null;
  name: string;
  /** In plan order; each action once, though it may name the lead on several of its parts. */
  rows: ActionInContext[];
}

/**
 * Every lead named on an action (or on a partnership's variant of it), with
 * those actions, in the order the plan first names them. Leads are matched by
 * registry id, or by name ignoring case for free-text leads.
 *
 * @example `actionsPerLead(snapshot).map((l) => `${l.name}: ${l.rows.length}`)`
 */
export function actionsPerLead(s: PlanSnapshot): LeadActions[] {
  const byKey = new Map<string, LeadActions>();
  for (const row of listActions(s)) {
    const seen = new Set<string>();
    for (const l of [...row.action.leads, ...row.action.variants.flatMap((v) => v.leads)]) {
      const key = l.leadId ?? 'name:' + l.name.trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { leadId: l.leadId, name: l.name, rows: [] }));
      entry.rows.push(row);
    }
  }
  return [...byKey.values()];
}

/**
 * The load on each lead: unfinished actions they lead (on the action or on a
 * partnership's variant of it), and how many of those are overdue on `asOf`.
 * Heaviest first.
 *
 * @example `leadLoad(snapshot, '2026-11-23')[0] // { name: 'QA Sub', open: 12, overdue: 3, … }`
 */
export function leadLoad(s: PlanSnapshot, asOf: IsoDate): LeadLoad[] {
  return actionsPerLead(s)
    .map(({ leadId, name, rows }) => {
      const open = rows.filter((r) => !isComplete(r.action));
      const overdue = open.filter((r) => {
        const due = actionDue(r.action);
        return due !== null && due < asOf;
      });
      return { leadId, name, open: open.length, overdue: overdue.length };
    })
    .filter((l) => l.open > 0)
    .sort((a, b) => b.open - a.open || b.overdue - a.overdue || (a.name < b.name ? -1 : 1));
}

/** What to narrow a list of actions to; every part is optional. */
export interface ActionFilter {
  /** A lead's registry id or name (see {@link actionsByLead}). */
  lead?: string;
  /** A RAG value, or 'none' for actions with no update yet. */
  rag?: Rag | 'none';
  status?: ActionSnapshot['status'];
  /** 'overdue', or a number of days ahead of `asOf` (due soon). */
  due?: 'overdue' | number;
  /** The day "overdue" and "due soon" are counted from. */
  asOf?: IsoDate;
}

/**
 * The actions matching every part of a filter, in plan order: the register's
 * and the plan view's filters.
 *
 * @example `filterActions(snapshot, { lead: 'QA Sub', due: 90, asOf: '2026-11-23' })`
 */
export function filterActions(s: PlanSnapshot, filter: ActionFilter): ActionInContext[] {
  let rows = filter.lead ? actionsByLead(s, filter.lead) : listActions(s);
  if (filter.due !== undefined) {
    const asOf = filter.asOf ?? localToday();
    const matching = filter.due === 'overdue' ? overdueActions(s, asOf) : actionsDueWithin(s, asOf, addDays(asOf, filter.due));
    const keep = new Set(matching.map((r) => r.action.id));
    rows = rows.filter((r) => keep.has(r.action.id));
  }
  if (filter.rag) rows = rows.filter((r) => (r.action.rag ?? 'none') === filter.rag);
  if (filter.status) rows = rows.filter((r) => r.action.status === filter.status);
  return rows;
}
