/**
 * A performance scorecard's RAG, worked out from the figures rather than
 * coloured by hand: each indicator has a direction (higher or lower is
 * better) and ordered threshold rules, and the first rule a value meets
 * gives its RAG ("at or better than target: green; within 10%: amber;
 * otherwise red").
 */

/** A scorecard figure's RAG: green, amber or red (never blue or grey, which are for actions). */
export type Rag = 'green' | 'amber' | 'red';

/** When a value earns a rule's RAG, measured against the period's target. */
export type ThresholdTest =
  /** As good as the target or better, in the indicator's direction. */
  | { kind: 'meets-target' }
  /** Short of the target by at most this share of it (10 for 10%). */
  | { kind: 'within-percent'; percent: number }
  /** Short of the target by at most this much, in the indicator's unit. */
  | { kind: 'within'; amount: number }
  /** Any value. */
  | { kind: 'otherwise' };

/** One threshold rule: the RAG a value earns when it passes the test. */
export interface ThresholdRule {
  rag: Rag;
  when: ThresholdTest;
}

/** The usual rules: at or better than target green, within 10% amber, otherwise red. */
export const USUAL_THRESHOLDS: readonly ThresholdRule[] = [
  { rag: 'green', when: { kind: 'meets-target' } },
  { rag: 'amber', when: { kind: 'within-percent', percent: 10 } },
  { rag: 'red', when: { kind: 'otherwise' } },
];

/**
 * The RAG of a value against its target, by the first rule it meets, or null
 * when there is no value or no target yet, or no rule matches.
 *
 * @example
 * ```ts
 * ragOf({ direction: 'higher', rules: USUAL_THRESHOLDS }, 92, 95); // 'amber'
 * ```
 */
export function ragOf(indicator: { direction: 'higher' | 'lower'; rules: readonly ThresholdRule[] }, actual: number | null | undefined, target: number | null | undefined): Rag | null {
  if (actual == null || target == null || !Number.isFinite(actual) || !Number.isFinite(target)) return null;
  // How far short of the target the value falls (0 when it meets it), in the indicator's unit.
  const shortfall = Math.max(0, indicator.direction === 'higher' ? target - actual : actual - target);
  for (const rule of indicator.rules) {
    const w = rule.when;
    if (w.kind === 'otherwise') return rule.rag;
    if (w.kind === 'meets-target' && shortfall === 0) return rule.rag;
    if (w.kind === 'within' && shortfall <= w.amount) return rule.rag;
    if (w.kind === 'within-percent' && shortfall <= (Math.abs(target) * w.percent) / 100) return rule.rag;
  }
  return null;
}

/** Whether the latest value is better, worse or the same as the one before, in the indicator's direction. */
export function trendOf(direction: 'higher' | 'lower', values: ReadonlyArray<number | null | undefined>): 'better' | 'worse' | 'same' | null {
  const known = values.filter((v): v is number => v != null && Number.isFinite(v));
  if (known.length < 2) return null;
  const [before, latest] = known.slice(-2) as [number, number];
  if (latest === before) return 'same';
  return latest > before === (direction === 'higher') ? 'better' : 'worse';
}

/** The periods of a business year (April to March) a scorecard reports on: "Q1 2025/26" … or "H1 2025/26", "H2 2025/26". */
export function reportingPeriods(startYear: number, every: 'quarter' | 'half-year'): Array<{ label: string; from: string; to: string }> {
  const year = `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
  const months = every === 'quarter' ? 3 : 6;
  const out: Array<{ label: string; from: string; to: string }> = [];
  for (let i = 0; i < 12 / months; i++) {
    const first = 3 + i * months; // April is month 3, counting from 0
    const from = new Date(Date.UTC(startYear, first, 1));
    const to = new Date(Date.UTC(startYear, first + months, 0));
    out.push({ label: `${every === 'quarter' ? 'Q' : 'H'}${i + 1} ${year}`, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) });
  }
  return out;
}

/**
 * Threshold rules in words, for the screen and reports: "Green at or better
 * than target; amber within 10% of it; otherwise red".
 */
export function rulesInWords(rules: readonly ThresholdRule[]): string {
  const words = rules.map((r, n) => {
    const rag = n === 0 ? r.rag[0]!.toUpperCase() + r.rag.slice(1) : r.rag;
    const w = r.when;
    if (w.kind === 'meets-target') return `${rag} at or better than target`;
    if (w.kind === 'within-percent') return `${rag} within ${w.percent}% of it`;
    if (w.kind === 'within') return `${rag} within ${w.amount} of it`;
    return n === 0 ? `${rag} always` : `otherwise ${rag}`;
  });
  return words.join('; ');
}

/**
 * The usual rules with a different amber band: green at or better than
 * target, amber within `percent`% of it, otherwise red.
 */
export function usualThresholdsWithin(percent: number): ThresholdRule[] {
  return [
    { rag: 'green', when: { kind: 'meets-target' } },
    { rag: 'amber', when: { kind: 'within-percent', percent } },
    { rag: 'red', when: { kind: 'otherwise' } },
  ];
}

/** The amber band of rules in the usual shape (green, amber within a percent, red), or null for other rules. */
export function amberPercentOf(rules: readonly ThresholdRule[]): number | null {
  const [g, a, r] = rules;
  if (rules.length !== 3 || g?.rag !== 'green' || g.when.kind !== 'meets-target' || a?.rag !== 'amber' || a.when.kind !== 'within-percent' || r?.rag !== 'red' || r.when.kind !== 'otherwise')
    return null;
  return a.when.percent;
}
