/** The ISO date `days` after `iso` (UTC, so no time zone shifts a day). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
}

/** A moment's day as YYYY-MM-DD on this device's calendar (not UTC: at 00:30 BST it is already tomorrow here). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Today as YYYY-MM-DD on this device's calendar: the one "today" the whole app uses. */
export function localToday(): string {
  return localDate(new Date());
}
