import type { ActionSnapshot } from '../schema/snapshot.js';

/**
 * The leads and partnerships an action shows by name: its leads, and each
 * partnership's part with that part's leads. A view of one action follows
 * these entities as well as the action (`plan.onEntityChange`), so renaming a
 * lead re-draws the actions it leads and no others.
 *
 * @example
 * ```ts
 * for (const { kind, id } of namesShownIn(plan.readAction(actionId)!)) plan.onEntityChange(kind, id, redraw);
 * ```
 */
export function namesShownIn(action: ActionSnapshot): Array<{ kind: 'lead' | 'partnership'; id: string }> {
  const out = new Map<string, { kind: 'lead' | 'partnership'; id: string }>();
  const leads = (list: ActionSnapshot['leads']) => {
    for (const l of list) if (l.leadId) out.set(`lead:${l.leadId}`, { kind: 'lead', id: l.leadId });
  };
  leads(action.leads);
  for (const v of action.variants) {
    if (v.partnershipId) out.set(`partnership:${v.partnershipId}`, { kind: 'partnership', id: v.partnershipId });
    leads(v.leads);
  }
  return [...out.values()];
}
