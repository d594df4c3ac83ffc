import type { IsoDate } from './values.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * An ISO date as people in England write it on screen and on paper:
 * `2016-03-31` → "31 March 2016". A date-time keeps only its date; anything
 * that is not an ISO date comes back unchanged, so nothing is hidden.
 */
export function formatUkDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
