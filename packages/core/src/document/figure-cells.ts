import type * as Y from 'yjs';
import type { IndicatorFigure } from '../schema/entities.js';
import { comparePeriods, isPeriodKey } from '../scorecard/periods.js';

/**
 * An indicator's figures, each held as a key of its own in the indicator's
 * map: `figures/2025-Q1/actual`, `…/target`, `…/commentary`. Two partners
 * entering different figures offline both keep theirs; the same figure
 * entered twice settles on one value on every device. No nested shared type
 * is made, so no concurrent creation can hide another's figures.
 */

const CELLS = ['actual', 'target', 'commentary'] as const;

function keyOf(name: string, period: string, cell: (typeof CELLS)[number]): string {
  return `${name}/${period}/${cell}`;
}

/** The figures stored under field `name`, oldest period first. */
export function readFigures(map: Y.Map<unknown>, name: string): IndicatorFigure[] {
  const byPeriod = new Map<string, IndicatorFigure>();
  const prefix = `${name}/`;
  for (const [key, value] of map.entries()) {
    if (!key.startsWith(prefix)) continue;
    const [period, cell] = key.slice(prefix.length).split('/') as [string, string];
    if (!isPeriodKey(period)) continue;
    let f = byPeriod.get(period);
    if (!f) byPeriod.set(period, (f = { period, actual: null, target: null, commentary: '' }));
    if ((cell === 'actual' || cell === 'target') && typeof value === 'number') f[cell] = value;
    if (cell === 'commentary' && typeof value === 'string') f.commentary = value;
  }
  return [...byPeriod.values()].filter((f) => f.actual !== null || f.target !== null || f.commentary !== '').sort((a, b) => comparePeriods(a.period, b.period));
}

/**
 * Makes the stored figures equal `next`, writing only the figures that
 * differ, so a partner's figures for other periods or cells are untouched.
 */
export function writeFigures(map: Y.Map<unknown>, name: string, next: IndicatorFigure[]): void {
  const wanted = new Map<string, number | string>();
  for (const f of next) {
    if (f.actual !== null) wanted.set(keyOf(name, f.period, 'actual'), f.actual);
    if (f.target !== null) wanted.set(keyOf(name, f.period, 'target'), f.target);
    if (f.commentary !== '') wanted.set(keyOf(name, f.period, 'commentary'), f.commentary);
  }
  const prefix = `${name}/`;
  for (const key of Array.from(map.keys())) if (key.startsWith(prefix) && !wanted.has(key)) map.delete(key);
  for (const [key, value] of wanted) if (map.get(key) !== value) map.set(key, value);
}

/** Checks figures as given to the API; returns them normalised, or what is wrong. */
export function validateFigures(value: unknown): IndicatorFigure[] | string {
  if (!Array.isArray(value)) return 'must be a list of { period, actual, target, commentary } figures.';
  const seen = new Set<string>();
  const out: IndicatorFigure[] = [];
  for (const v of value as unknown[]) {
    const f = v as Partial<IndicatorFigure> | null;
    if (!f || typeof f !== 'object' || !isPeriodKey(f.period)) return `figures need a period written like 2025-Q1 or 2025-H2; got ${JSON.stringify(f?.period ?? null)}.`;
    for (const cell of ['actual', 'target'] as const) {
      const n = f[cell];
      if (n != null && (typeof n !== 'number' || !Number.isFinite(n))) return `${cell} for ${f.period} must be a number or null; got ${JSON.stringify(n)}.`;
    }
    if (f.commentary != null && typeof f.commentary !== 'string') return `commentary for ${f.period} must be text.`;
    if (seen.has(f.period)) return `has two sets of figures for ${f.period}; give one per period.`;
    seen.add(f.period);
    out.push({ period: f.period, actual: f.actual ?? null, target: f.target ?? null, commentary: f.commentary ?? '' });
  }
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}
