// A progress cell's own date ("Current draft completed 10/12/15") dates the update it becomes.

/** A day-first date written in figures ("10/12/15", "3/2/2024") as an ISO date, or '' when there is none or it is no real day. */
export function numericDate(text: string): string {
  const m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/.exec(text);
  if (!m) return '';
  const [day, month] = [Number(m[1]), Number(m[2])];
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return '';
  return d.toISOString().slice(0, 10);
}
