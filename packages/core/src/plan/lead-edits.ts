// Edits to the registry of leads that reach every item naming a lead: merging two, or taking one off everything.
import { HEADER_KEYS } from '../document/entity-record.js';
import { rewriteLeadRefs } from '../document/lead-refs.js';
import { PlanError } from '../schema/errors.js';
import type { PlanContext } from './plan-context.js';

/** Every item naming `fromId` names `intoId` instead (once); `fromId` goes to the bin remembering where it went. One undo step. */
export function mergeLeads(ctx: PlanContext, fromId: string, intoId: string): void {
  if (fromId === intoId) throw new PlanError('invalid-value', 'A lead cannot be merged into itself; choose another lead to merge it into.', { kind: 'lead', id: fromId });
  const from = ctx.tree.liveEntity('lead', fromId);
  ctx.tree.liveEntity('lead', intoId);
  ctx.ownStep(() => {
    rewriteLeadRefs(ctx.layout, fromId, intoId, (map) => ctx.stamp(map, false));
    from.set(HEADER_KEYS.mergedInto, intoId);
    ctx.putInBin(from);
    ctx.stamp(from, false);
  });
}

/** Takes a lead off every item that names it and puts it in the bin. One undo step. */
export function removeLead(ctx: PlanContext, id: string): void {
  const map = ctx.tree.liveEntity('lead', id);
  ctx.ownStep(() => {
    rewriteLeadRefs(ctx.layout, id, null, (map) => ctx.stamp(map, false));
    ctx.putInBin(map);
    ctx.stamp(map, false);
  });
}
