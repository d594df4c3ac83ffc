import type { BinDescendant, BinEntry, PlanSnapshot } from '../schema/snapshot.js';

/** An item someone else put in the bin, and what `person` had made beneath it. */
export interface WorkInTheBin {
  /** The deleted item (an action, say), with who deleted it and when. */
  entry: BinEntry;
  /** What the person made beneath it (their progress updates, milestones…). */
  yours: BinDescendant[];
}

/**
 * What `person` made that went to the bin because someone else deleted the
 * item it sits under: typically a progress update written offline on an
 * action a partner deleted meanwhile. Restoring the entry brings it all back.
 *
 * @example `workInTheBin(plan.snapshot(), 'Sam')[0]?.entry.deleted?.by // 'Alex'`
 */
export function workInTheBin(snapshot: PlanSnapshot, person: string): WorkInTheBin[] {
  const out: WorkInTheBin[] = [];
  for (const entry of snapshot.bin) {
    if (entry.reason !== 'deleted' || !entry.deleted || entry.deleted.by === person) continue;
    const yours = entry.contains.filter((c) => c.createdBy === person);
    if (yours.length) out.push({ entry, yours });
  }
  return out;
}
