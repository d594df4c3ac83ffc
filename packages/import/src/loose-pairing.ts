// Pairing a row's leads with its dates when the row lists as many of each beside a longer column of steps.

/** Where a row's actions, leads and timescales sat: the stretch (between page breaks) of each. */
export interface RowStretches {
  actionSeg: readonly number[];
  leads: readonly string[];
  leadSeg: readonly number[];
  timescales: readonly string[];
  timeSeg: readonly number[];
}

/**
 * A row that lists its leads and dates one a line, as many of each, beside a
 * column of steps: they pair, in order, with the stretch's last items (the
 * column beside them); the items before, in the columns before, take them
 * all. A later page's stretch of a row so paired pairs the same way. Returns
 * each paired action's lead and timescale by its index; empty when the row
 * does not pair.
 */
export function pairLeadsAndDates(row: RowStretches): Map<number, { lead: string; timescale: string }> {
  const paired = new Map<number, { lead: string; timescale: string }>();
  const segs = [...new Set(row.actionSeg)];
  let any = false;
  for (const s of segs) {
    const items = row.actionSeg.flatMap((x, i) => (x === s ? [i] : []));
    const ls = row.leads.filter((_, i) => row.leadSeg[i] === s);
    const ts = row.timescales.filter((_, i) => row.timeSeg[i] === s);
    if (ls.length !== ts.length || ls.length === 0 || items.length <= ls.length || (ls.length < 2 && !any)) continue;
    any = true;
    items.slice(items.length - ls.length).forEach((a, k) => paired.set(a, { lead: ls[k]!, timescale: ts[k]! }));
  }
  return paired;
}
