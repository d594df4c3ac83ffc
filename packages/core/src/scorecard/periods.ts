/**
 * The periods a scorecard reports on: quarters or half-years of the business
 * year (1 April to 31 March). A period is stored by a short key, "2025-Q1"
 * (April to June 2025) or "2025-H2" (October 2025 to March 2026), the year
 * being the one the business year starts in; people see "Q1 2025/26".
 */

/** How often an indicator is reported. */
export type ReportingEvery = 'quarter' | 'half-year';

/** Every reporting frequency, as stored. */
export const REPORTING_EVERY: readonly ReportingEvery[] = ['quarter', 'half-year'];

const KEY = /^(\d{4})-(Q[1-4]|H[12])$/;

/** Whether a string is a period key such as "2025-Q1" or "2025-H2". */
export function isPeriodKey(key: unknown): key is string {
  return typeof key === 'string' && KEY.test(key);
}

/** "Q1 2025/26" for "2025-Q1". */
export function periodLabel(key: string): string {
  const m = KEY.exec(key);
  if (!m) return key;
  const year = Number(m[1]);
  return `${m[2]} ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a period, as YYYY-MM-DD. */
export function periodDates(key: string): { from: string; to: string } {
  const m = KEY.exec(key);
  if (!m) throw new Error(`"${key}" is not a period; write it as 2025-Q1 or 2025-H2.`);
  const year = Number(m[1]);
  const n = Number(m[2]!.slice(1));
  const months = m[2]!.startsWith('Q') ? 3 : 6;
  const first = 3 + (n - 1) * months; // April is month 3, counting from 0
  const from = new Date(Date.UTC(year, first, 1));
  const to = new Date(Date.UTC(year, first + months, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** Whether a period key is a quarter or a half-year. */
export function periodEvery(key: string): ReportingEvery {
  return key.includes('-H') ? 'half-year' : 'quarter';
}

/** Sorts period keys in time order (a half-year after the quarters it ends with). */
export function comparePeriods(a: string, b: string): number {
  const end = (k: string) => (isPeriodKey(k) ? periodDates(k).to : k);
  const x = end(a);
  const y = end(b);
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The period of a given frequency that a date (YYYY-MM-DD) falls in. */
export function periodOf(date: string, every: ReportingEvery): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  const index = (month + 8) % 12; // April 0 … March 11
  return every === 'quarter' ? `${start}-Q${Math.floor(index / 3) + 1}` : `${start}-H${Math.floor(index / 6) + 1}`;
}

/**
 * Reads a period as people write it in a spreadsheet heading: "Q1 2025/26",
 * "2025/26 Q1", "Q1 25/26", "H2 2025-26", "2025-Q1", "Quarter 1 2025/26".
 * Returns the key, or null when the text is not a period.
 *
 * @example
 * ```ts
 * parsePeriod('Q3 2025/26'); // '2025-Q3'
 * ```
 */
export function parsePeriod(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (KEY.test(t.toUpperCase())) return t.toUpperCase();
  const part = /(?:^|\s|\b)(q|quarter ?|h|half ?|half-year ?)([1-4])\b/.exec(t);
  const year = /\b(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})\b/.exec(t) ?? /\b(\d{4})\b/.exec(t);
  if (!part || !year) return null;
  const start = year[1]!.length === 2 ? 2000 + Number(year[1]) : Number(year[1]);
  if (year[2]) {
    const end = year[2].length === 2 ? 2000 + Number(year[2]) : Number(year[2]);
    if (end !== start + 1) return null; // "2025/27" is not a business year
  }
  const half = part[1]!.startsWith('h');
  const n = Number(part[2]);
  if (half && n > 2) return null;
  return `${start}-${half ? 'H' : 'Q'}${n}`;
}

/** The period keys of one business year, in order: four quarters or two half-years. */
export function periodsOfYear(startYear: number, every: ReportingEvery): string[] {
  return every === 'quarter' ? [1, 2, 3, 4].map((n) => `${startYear}-Q${n}`) : [`${startYear}-H1`, `${startYear}-H2`];
}
