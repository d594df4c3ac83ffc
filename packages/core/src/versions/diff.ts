import type { EntityKind } from '../schema/schema.js';
import type { PlanSnapshot, ResolvedLead } from '../schema/snapshot.js';

/** An item named in a diff. */
export interface DiffItem {
  kind: EntityKind | 'plan';
  id: string;
  label: string;
  parentId: string | null;
  /** A priority's, objective's or action's number in the state it is named from ("1.1.2"): a removed one's in the older. */
  number?: string;
}

/** One field's value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What changed between two states of a plan. */
export interface PlanDiff {
  added: DiffItem[];
  removed: DiffItem[];
  /** Items that changed parent, or changed place among the same siblings. */
  moved: Array<DiffItem & { from: { parentId: string | null; index: number }; to: { parentId: string | null; index: number } }>;
  changed: Array<DiffItem & { fields: FieldChange[] }>;
}

interface FlatItem extends DiffItem {
  index: number;
  fields: Record<string, unknown>;
}

const names = (leads: ResolvedLead[]) => leads.map((l) => l.name);

/** Every item of a snapshot, flat, with the fields a person would see change. */
function flatten(s: PlanSnapshot): Map<string, FlatItem> {
  const out = new Map<string, FlatItem>();
  const add = (kind: FlatItem['kind'], id: string, label: string, parentId: string | null, index: number, fields: Record<string, unknown>, number?: string) =>
    out.set(kind + ':' + id, { kind, id, label, parentId, index, fields, ...(number ? { number } : {}) });
  add('plan', s.id, s.title, null, 0, {
    title: s.title,
    introduction: s.introduction,
    vision: s.vision,
    versionLabel: s.versionLabel,
    status: s.status,
    period: s.period,
    principles: s.principles,
    statutoryObjectives: s.statutoryObjectives,
    reviewSchedule: s.reviewSchedule,
  });
  s.partnerships.forEach((p, i) => add('partnership', p.id, p.name, null, i, { name: p.name, shortName: p.shortName }));
  s.contextStatements.forEach((c, i) => add('context', c.id, c.title, null, i, { title: c.title, text: c.text }));
  s.consultation.forEach((c, i) => add('consultation', c.id, c.who, null, i, { who: c.who, when: c.when }));
  s.leads.forEach((l, i) => add('lead', l.id, l.name, null, i, { name: l.name, kind: l.kind, chair: l.chair, organisation: l.organisation }));
  s.indicators.forEach((d, i) =>
    add('indicator', d.id, d.name, null, i, {
      name: d.name,
      priorityId: d.priorityId,
      target: d.target,
      unit: d.unit,
      values: d.values,
      owner: d.owner,
      direction: d.direction,
      every: d.every,
      thresholds: d.thresholds,
      figures: d.figures,
    }),
  );
  s.priorities.forEach((p, pi) => {
    add(
      'priority',
      p.id,
      p.title,
      null,
      pi,
      {
        title: p.title,
        aim: p.aim,
        owner: p.owner,
        successStatements: p.successStatements,
        focusAreas: p.focusAreas,
        leadGroup: p.leadGroup?.name ?? null,
      },
      `${pi + 1}`,
    );
    p.objectives.forEach((o, oi) => {
      add('objective', o.id, o.text, p.id, oi, { text: o.text, impact: o.impact }, `${pi + 1}.${oi + 1}`);
      o.actions.forEach((a, ai) => {
        add(
          'action',
          a.id,
          a.text,
          o.id,
          ai,
          {
            text: a.text,
            leads: names(a.leads),
            timescale: a.timescale.text,
            due: a.timescale.due?.end ?? null,
            status: a.status,
            rag: a.rag,
            impact: a.impact,
          },
          `${pi + 1}.${oi + 1}.${ai + 1}`,
        );
        a.milestones.forEach((m, mi) => add('milestone', m.id, m.text, a.id, mi, { text: m.text, timescale: m.timescale.text, due: m.timescale.due?.end ?? null, done: m.done }));
        a.variants.forEach((v, vi) => add('variant', v.id, v.partnership, a.id, vi, { partnership: v.partnership, text: v.text, leads: names(v.leads), timescale: v.timescale.text }));
        a.updates.forEach((u, ui) => add('progress', u.id, u.narrative, a.id, ui, { date: u.date, author: u.author, rag: u.rag, narrative: u.narrative, evidence: u.evidence }));
      });
    });
  });
  return out;
}

/**
 * What changed from `before` to `after`: items added, removed and moved, and
 * for each item that stayed, the fields that changed with their old and new values.
 *
 * @example
 * ```ts
 * const d = diffSnapshots(plan.versionSnapshot('v1.1'), plan.snapshot());
 * d.changed.filter((c) => c.kind === 'action').map((c) => c.fields);
 * ```
 */
export function diffSnapshots(before: PlanSnapshot, after: PlanSnapshot): PlanDiff {
  const a = flatten(before);
  const b = flatten(after);
  const item = ({ kind, id, label, parentId, number }: FlatItem): DiffItem => ({ kind, id, label, parentId, ...(number ? { number } : {}) });
  const diff: PlanDiff = { added: [], removed: [], moved: [], changed: [] };
  for (const [key, x] of a) if (!b.has(key)) diff.removed.push(item(x));
  for (const [key, y] of b) {
    const x = a.get(key);
    if (!x) {
      diff.added.push(item(y));
      continue;
    }
    const fields: FieldChange[] = [];
    for (const field of Object.keys(y.fields)) {
      if (JSON.stringify(x.fields[field]) !== JSON.stringify(y.fields[field])) fields.push({ field, before: x.fields[field], after: y.fields[field] });
    }
    if (fields.length) diff.changed.push({ ...item(y), fields });
  }
  // Moves: a new parent, or a place among the same siblings that the longest
  // run of unchanged order does not explain (so one insertion is not N moves).
  const kept = new Set<string>();
  const groups = new Map<string, { before: FlatItem[]; after: FlatItem[] }>();
  const group = (x: FlatItem) => {
    const k = x.kind + ':' + (x.parentId ?? '');
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { before: [], after: [] }));
    return g;
  };
  for (const [key, x] of a) {
    const y = b.get(key);
    if (y && y.parentId === x.parentId) {
      group(x).before.push(x);
      group(y).after.push(y);
    }
  }
  for (const g of groups.values()) {
    g.before.sort((p, q) => p.index - q.index);
    g.after.sort((p, q) => p.index - q.index);
    for (const id of longestCommonRun(
      g.before.map((x) => x.id),
      g.after.map((x) => x.id),
    ))
      kept.add(g.before[0]!.kind + ':' + id);
  }
  for (const [key, x] of a) {
    const y = b.get(key);
    if (!y || x.kind === 'plan' || x.kind === 'progress') continue;
    if (y.parentId !== x.parentId || !kept.has(key)) diff.moved.push({ ...item(y), from: { parentId: x.parentId, index: x.index }, to: { parentId: y.parentId, index: y.index } });
  }
  return diff;
}

/** The ids of a longest common subsequence of two orderings. */
function longestCommonRun(xs: string[], ys: string[]): string[] {
  const n = xs.length;
  const m = ys.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = xs[i] === ys[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (xs[i] === ys[j]) {
      out.push(xs[i]!);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}
