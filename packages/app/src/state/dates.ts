/** The ISO date `days` after `iso` (UTC, so no time zone shifts a day). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
}
