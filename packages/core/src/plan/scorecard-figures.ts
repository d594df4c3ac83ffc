import type { IndicatorFigure } from '../schema/entities.js';
import type { PlanSnapshot } from '../schema/snapshot.js';
import type { FigureProblem, FigureRow } from '../scorecard/figure-row.js';
import { periodEvery, periodLabel } from '../scorecard/periods.js';
import { PlanError } from '../schema/errors.js';
import type { Plan } from './plan.js';

/** One figure that bringing figures in would change. */
export interface FigureChange {
  /** The indicator's name. */
  indicator: string;
  /** Its id, or null when the indicator is new. */
  indicatorId: string | null;
  period: string;
  /** "Q2 2025/26". */
  periodLabel: string;
  field: 'actual' | 'target' | 'commentary';
  /** What the plan holds now (null or '' when nothing). */
  from: number | string | null;
  to: number | string;
  /** Where it was read. */
  source: string;
}

/** What bringing figures into a plan would do, for the preview before anything is written. */
export interface FiguresPreview {
  changes: FigureChange[];
  /** Indicators that do not exist yet and would be added, with the priority each goes under. */
  newIndicators: Array<{ name: string; priority: string | null }>;
  /** Figures read that the plan already holds. */
  unchanged: number;
  /** Rows the plan could not take as they are, and why. */
  problems: FigureProblem[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function priorityFor(s: PlanSnapshot, named: string | undefined): { id: string | null; title: string | null; missing: boolean } {
  if (!named?.trim()) return { id: null, title: null, missing: false };
  const n = norm(named).replace(/^priority\s*/, '');
  const p = s.priorities.find((x) => String(x.number) === n || norm(x.title) === norm(named) || norm(`${x.number}. ${x.title}`) === norm(named));
  return p ? { id: p.id, title: `${p.number}. ${p.title}`, missing: false } : { id: null, title: null, missing: true };
}

/**
 * What bringing `rows` into the plan would change: each figure that differs
 * from what the plan holds, the indicators that would be added, and what
 * could not be taken. Nothing is written.
 */
export function previewFigures(s: PlanSnapshot, rows: readonly FigureRow[]): FiguresPreview {
  const byName = new Map(s.indicators.map((i) => [norm(i.name), i]));
  const out: FiguresPreview = { changes: [], newIndicators: [], unchanged: 0, problems: [] };
  const added = new Map<string, { every: string }>();
  for (const row of rows) {
    const key = norm(row.indicator);
    const existing = byName.get(key);
    const every = existing?.every ?? added.get(key)?.every ?? periodEvery(row.period);
    if (periodEvery(row.period) !== every) {
      out.problems.push({
        source: row.source,
        text: periodLabel(row.period),
        reason: `"${row.indicator}" is reported each ${every}, so a ${periodEvery(row.period)} figure does not fit; put it in a ${every}'s column.`,
      });
      continue;
    }
    if (!existing && !added.has(key)) {
      const p = priorityFor(s, row.priority);
      if (p.missing)
        out.problems.push({ source: row.source, text: row.priority!, reason: `No priority "${row.priority}" in this plan, so "${row.indicator}" is added without one; set its priority afterwards.` });
      added.set(key, { every });
      out.newIndicators.push({ name: row.indicator.trim(), priority: p.title });
    }
    const held = existing?.figures.find((f) => f.period === row.period);
    for (const field of ['actual', 'target', 'commentary'] as const) {
      const to = row[field];
      if (to === null || to === '') continue;
      const from = held ? held[field] : field === 'commentary' ? '' : null;
      if (from === to) out.unchanged++;
      else
        out.changes.push({
          indicator: existing?.name ?? row.indicator.trim(),
          indicatorId: existing?.id ?? null,
          period: row.period,
          periodLabel: periodLabel(row.period),
          field,
          from,
          to,
          source: row.source,
        });
    }
  }
  return out;
}

/**
 * Brings figures into the plan as one step (one undo takes it all back):
 * adds the indicators that are new and writes every figure that differs.
 * Returns the preview of what it did.
 */
export function applyFigures(plan: Plan, rows: readonly FigureRow[]): FiguresPreview {
  const s = plan.snapshot();
  const preview = previewFigures(s, rows);
  const ids = new Map(s.indicators.map((i) => [norm(i.name), i.id]));
  plan.batch(() => {
    for (const row of rows) {
      const key = norm(row.indicator);
      if (ids.has(key)) continue;
      const p = priorityFor(s, row.priority);
      const id = plan.create('indicator', {
        name: row.indicator.trim(),
        priorityId: p.id,
        owner: row.owner ?? '',
        unit: row.unit ?? '',
        direction: row.direction ?? 'higher',
        every: periodEvery(row.period),
      });
      ids.set(key, id);
    }
    const touched = new Map<string, FigureChange[]>();
    for (const c of preview.changes) {
      const id = ids.get(norm(c.indicator))!;
      touched.set(id, [...(touched.get(id) ?? []), c]);
    }
    for (const [id, changes] of touched) {
      const figures = new Map((plan.get('indicator', id)?.figures ?? []).map((f) => [f.period, { ...f }]));
      for (const c of changes) {
        const f = figures.get(c.period) ?? { period: c.period, actual: null, target: null, commentary: '' };
        (f as Record<string, unknown>)[c.field] = c.to;
        figures.set(c.period, f);
      }
      plan.update('indicator', id, { figures: [...figures.values()] });
    }
  });
  return preview;
}

/**
 * Sets one period's figures of an indicator, leaving its other figures as
 * they are; `null` clears a figure. Only the figures that change are written,
 * so a partner entering other figures at the same time keeps theirs.
 *
 * @example
 * ```ts
 * setFigure(plan, indicatorId, '2025-Q2', { actual: 87, commentary: 'Two late cases' });
 * ```
 */
export function setFigure(plan: Plan, indicatorId: string, period: string, patch: Partial<Pick<IndicatorFigure, 'actual' | 'target' | 'commentary'>>): void {
  const indicator = plan.get('indicator', indicatorId);
  if (!indicator) throw new PlanError('not-found', `There is no indicator with id "${indicatorId}" in this plan.`, { kind: 'indicator', id: indicatorId });
  const figures = indicator.figures.filter((f) => f.period !== period);
  const held = indicator.figures.find((f) => f.period === period) ?? { period, actual: null, target: null, commentary: '' };
  figures.push({ ...held, ...patch, commentary: patch.commentary ?? held.commentary });
  plan.update('indicator', indicatorId, { figures });
}
