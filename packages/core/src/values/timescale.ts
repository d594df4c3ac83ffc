import type { IsoDate } from './values.js';

/** A span of days; `start` is null when only a deadline is known. */
export interface DueWindow {
  start: IsoDate | null;
  end: IsoDate | null;
}

/** What a phrase was read as. */
export type TimescaleKind =
  | 'date' // "By 31/03/16", "10/12/15"
  | 'month' // "September 2016"
  | 'month-range' // "April/May 2016"
  | 'season' // "Spring 2017", "early 2016", "Q1 2020"
  | 'range' // "September 2016 – March 2017", "Begin September 2020, for completion March 2021"
  | 'from' // "May 2020 onwards"
  | 'year' // "2017", "2015/16", "2018-21"
  | 'business-year' // "Throughout the business year", "Ongoing throughout the reporting year"
  | 'ongoing' // "Ongoing", with no plan period to anchor it
  | 'recurring' // "At least once in every 12-month period", "no later than September of each year"
  | 'unparsed'; // kept verbatim and flagged

/** One dated phrase or milestone within a timescale. */
export interface TimescalePart {
  /** The phrase as it stands in the source. */
  text: string;
  kind: TimescaleKind;
  window: DueWindow | null;
  /** For recurring parts: how often, and the month (1-12) if one is named. */
  recurrence?: { every: 'year'; month?: number };
}

/** A timescale as written, and what it was read to mean. */
export interface Timescale {
  /** The source exactly as given, never altered. */
  text: string;
  /** One per dated phrase or milestone, in source order. */
  parts: TimescalePart[];
  /** The overall window: earliest start and latest end over the parts; null when nothing was dated. */
  due: DueWindow | null;
  /** Every piece of the source that could not be read. Nothing is guessed silently. */
  unparsed: string[];
  /** True when the text is non-empty and every piece of it was read. */
  ok: boolean;
}

/** What anchors phrases like "throughout the business year". */
export interface TimescaleContext {
  /** The plan's period: anchors "ongoing", "throughout the business year", "by" starts and open ends. */
  planPeriod?: { start: IsoDate; end: IsoDate } | null;
}
