import type { IndicatorSnapshot, PlanSnapshot } from '../schema/snapshot.js';
import { comparePeriods, periodLabel, type ReportingEvery } from '../scorecard/periods.js';
import { ragOf, trendOf, type Rag as ScorecardRag, type ThresholdRule } from '../scorecard/thresholds.js';

/** One period's figures with the RAG the indicator's rules give them. */
export interface ScorecardFigure {
  period: string;
  /** "Q2 2025/26". */
  label: string;
  actual: number | null;
  target: number | null;
  /** Worked out from the thresholds; null without both an actual and a target. */
  rag: ScorecardRag | null;
  commentary: string;
}

/** An indicator as the scorecard shows it. */
export interface ScorecardIndicator {
  id: string;
  name: string;
  owner: string;
  unit: string;
  direction: 'higher' | 'lower';
  every: ReportingEvery;
  /** The ordered rules that give its figures their RAG. */
  thresholds: ThresholdRule[];
  /** Every period with a figure, oldest first. */
  figures: ScorecardFigure[];
  /** The latest period with an actual figure, or null. */
  latest: ScorecardFigure | null;
  /** Whether the latest actual is better or worse than the one before. */
  trend: 'better' | 'worse' | 'same' | null;
}

/** The indicators under one priority, or those under none. */
export interface ScorecardGroup {
  /** null for indicators under no priority. */
  priorityId: string | null;
  /** "1. Neglect", or "Not under a priority". */
  title: string;
  indicators: ScorecardIndicator[];
}

/** The scorecard: indicators grouped by priority in the plan's order. */
export interface Scorecard {
  groups: ScorecardGroup[];
  /** Every period any indicator has a figure for, oldest first. */
  periods: string[];
  /** How many latest figures are at each RAG. */
  latestRags: Record<ScorecardRag | 'none', number>;
}

function indicatorOf(i: IndicatorSnapshot): ScorecardIndicator {
  const rules = { direction: i.direction, rules: i.thresholds };
  const figures = i.figures.map((f) => ({ period: f.period, label: periodLabel(f.period), actual: f.actual, target: f.target, rag: ragOf(rules, f.actual, f.target), commentary: f.commentary }));
  const withActual = figures.filter((f) => f.actual !== null);
  return {
    id: i.id,
    name: i.name,
    owner: i.owner,
    unit: i.unit,
    direction: i.direction,
    every: i.every,
    thresholds: i.thresholds,
    figures,
    latest: withActual[withActual.length - 1] ?? null,
    trend: trendOf(
      i.direction,
      figures.map((f) => f.actual),
    ),
  };
}

/**
 * The plan's scorecard: each indicator's figures with their RAG from its
 * threshold rules and its trend, grouped by priority.
 *
 * @example
 * ```ts
 * const card = scorecardOf(plan.snapshot());
 * card.groups[0].indicators[0].latest?.rag; // 'amber'
 * ```
 */
export function scorecardOf(s: PlanSnapshot): Scorecard {
  const groups: ScorecardGroup[] = [];
  const periods = new Set<string>();
  const latestRags = { green: 0, amber: 0, red: 0, none: 0 };
  const add = (priorityId: string | null, title: string, list: IndicatorSnapshot[]) => {
    if (!list.length) return;
    const indicators = list.map(indicatorOf);
    for (const i of indicators) {
      for (const f of i.figures) periods.add(f.period);
      latestRags[i.latest?.rag ?? 'none']++;
    }
    groups.push({ priorityId, title, indicators });
  };
  const known = new Set(s.priorities.map((p) => p.id));
  for (const p of s.priorities)
    add(
      p.id,
      `${p.number}. ${p.title}`,
      s.indicators.filter((i) => i.priorityId === p.id),
    );
  add(
    null,
    'Not under a priority',
    s.indicators.filter((i) => !i.priorityId || !known.has(i.priorityId)),
  );
  return { groups, periods: [...periods].sort(comparePeriods), latestRags };
}
