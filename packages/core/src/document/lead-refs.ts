import type * as Y from 'yjs';
import type { LeadRef } from '../schema/entities.js';
import { KINDS, type EntityKind } from '../schema/schema.js';
import { readField, writeField } from './field-codec.js';
import type { PlanLayout } from './layout.js';

const names = (ref: LeadRef | null, id: string) => ref !== null && 'leadId' in ref && ref.leadId === id;

/**
 * Points every lead reference to `fromId`, in every kind's lead fields, at
 * `intoId` (or drops it when null), leaving an item that already names
 * `intoId` with it once. Call inside a transaction; `changed` is told of each
 * item rewritten (the plan stamps who changed it).
 */
export function rewriteLeadRefs(layout: PlanLayout, fromId: string, intoId: string | null, changed: (map: Y.Map<unknown>) => void): void {
  for (const kind of Object.keys(KINDS) as EntityKind[]) {
    for (const [name, spec] of Object.entries(KINDS[kind].fields)) {
      if (spec.type !== 'leads' && spec.type !== 'lead') continue;
      layout.entities[kind].forEach((map) => {
        if (spec.type === 'lead') {
          const ref = readField(map, spec, name) as LeadRef | null;
          if (names(ref, fromId)) {
            writeField(map, spec, name, intoId === null ? null : { leadId: intoId });
            changed(map);
          }
          return;
        }
        const refs = readField(map, spec, name) as LeadRef[];
        if (!refs.some((r) => names(r, fromId))) return;
        const hasInto = intoId !== null && refs.some((r) => names(r, intoId));
        const next: LeadRef[] = [];
        for (const r of refs) {
          if (!names(r, fromId)) next.push(r);
          else if (intoId !== null && !hasInto && !next.some((x) => names(x, intoId))) next.push({ leadId: intoId });
        }
        writeField(map, spec, name, next);
        changed(map);
      });
    }
  }
}
