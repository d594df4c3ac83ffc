/**
 * One figure as read from a spreadsheet, CSV or pasted table, before it is
 * matched to the plan's indicators: what `@coplan/import` reads and the core
 * previews and applies.
 */
export interface FigureRow {
  /** The indicator's name as written. */
  indicator: string;
  /** The period key ("2025-Q1"). */
  period: string;
  /** The actual figure, null to leave it as it is. */
  actual: number | null;
  /** The target for the period, null to leave it as it is. */
  target: number | null;
  /** Commentary, '' to leave it as it is. */
  commentary: string;
  /** For a new indicator: its priority, by number ("2") or title. */
  priority?: string;
  /** For a new indicator: the agency that owns it. */
  owner?: string;
  /** For a new indicator: its unit. */
  unit?: string;
  /** For a new indicator: whether higher or lower is better. */
  direction?: 'higher' | 'lower';
  /** Where it was read, for the preview: "row 3, Q2 2025/26". */
  source: string;
}

/** Something in the figures that could not be read, and why. */
export interface FigureProblem {
  /** Where: "row 4, column Q2 2025/26". */
  source: string;
  /** What was there. */
  text: string;
  /** Why it was not read, and what to do. */
  reason: string;
}
