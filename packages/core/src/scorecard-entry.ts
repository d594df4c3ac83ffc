/**
 * @coplan/core/scorecard: the partnership's performance scorecard. Indicators
 * are plan items (`plan.create('indicator', …)`); here are their periods,
 * their RAG from threshold rules, the scorecard view of a plan, and bringing
 * figures in from a spreadsheet (read with `@coplan/import`'s `readFigures`).
 */

// Periods of the business year
export { parsePeriod, periodLabel, periodDates, periodOf, periodsOfYear, comparePeriods, REPORTING_EVERY, type ReportingEvery } from './scorecard/periods.js';

export { readFigureNumber } from './scorecard/figure-number.js';

// RAG from ordered threshold rules
export { ragOf, trendOf, rulesInWords, usualThresholdsWithin, amberPercentOf, USUAL_THRESHOLDS, type ThresholdRule, type ThresholdTest, type Rag as ScorecardRag } from './scorecard/thresholds.js';

// An indicator's stored figures
export type { IndicatorFigure } from './schema/entities.js';
export type { IndicatorSnapshot } from './schema/snapshot.js';

// The scorecard of a plan
export { scorecardOf, type Scorecard, type ScorecardGroup, type ScorecardIndicator, type ScorecardFigure } from './queries/scorecard.js';

// Figures in: preview, apply, one at a time
export type { FigureRow, FigureProblem } from './scorecard/figure-row.js';
export { previewFigures, applyFigures, setFigure, type FiguresPreview, type FigureChange } from './plan/scorecard-figures.js';
