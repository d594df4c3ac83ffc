export { parseTimescale } from './parse-timescale.js';
export { businessYearOf } from './calendar.js';
export type { DueWindow, Timescale, TimescaleContext, TimescaleKind, TimescalePart } from './types.js';
