import { MONTH_PATTERN, fullYear, iso, isRealDate, monthNumber } from './calendar.js';
import { isIsoDate } from './iso-date.js';
import type { IsoDate } from './values.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UK_DATE = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})$`, 'i');

/**
 * A day as people in England write it: "31 March 2016". Takes a YYYY-MM-DD
 * day or an ISO date-time (its day, as stored); anything else is returned as
 * it was, so a date written in words ("Spring 2026") is never lost on screen.
 * Data files (JSON, CSV columns) keep ISO; this is for what people read.
 *
 * @example `formatUkDate('2016-03-31') // '31 March 2016'`
 */
export function formatUkDate(day: string): string {
  const d = day.slice(0, 10);
  if (!isIsoDate(d) || (day.length > 10 && day[10] !== 'T')) return day;
  return `${Number(d.slice(8, 10))} ${MONTH_NAMES[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(0, 4))}`;
}

/**
 * Reads a day written as {@link formatUkDate} writes it ("31 March 2016", also
 * "31st Mar 2016"), or as YYYY-MM-DD, into YYYY-MM-DD; null when it is not a
 * real day written either way. The importer reads published plans back with it.
 *
 * @example `parseUkDate('1 April 2025') // '2025-04-01'`
 */
export function parseUkDate(text: string): IsoDate | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = UK_DATE.exec(t);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), monthNumber(m[2]!), fullYear(m[3]!)];
  return isRealDate(year, month, day) ? iso(year, month, day) : null;
}
