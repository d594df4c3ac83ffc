import type { IsoDate } from './values.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month number (1-12) of a full or three-letter English month name, or 0. */
export function monthNumber(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === 'sept') return 9;
  const i = MONTHS.findIndex((m) => m === n || (n.length === 3 && m.startsWith(n)));
  return i + 1;
}

/** A regex source matching a month name. */
export const MONTH_PATTERN = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Two-digit years are this century: plans are written for the years they run in. */
export function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

export function monthStart(year: number, month: number): IsoDate {
  return iso(year, month, 1);
}

export function monthEnd(year: number, month: number): IsoDate {
  return iso(year, month, daysInMonth(year, month));
}

/**
 * The business year (1 April to 31 March) that contains a date.
 *
 * @example
 * ```ts
 * businessYearOf('2016-02-10'); // { start: '2015-04-01', end: '2016-03-31' }
 * ```
 */
export function businessYearOf(date: IsoDate): { start: IsoDate; end: IsoDate } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= 4 ? year : year - 1;
  return { start: iso(first, 4, 1), end: iso(first + 1, 3, 31) };
}
