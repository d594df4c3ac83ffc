import type * as Y from 'yjs';
import { ENTITY_KINDS, type EntityKind } from '../schema/schema.js';

/**
 * Where a plan lives inside its `Y.Doc`. Every entity kind has its own flat
 * top-level map keyed by id, so a move is one field change and a change event
 * names its entity by walking up at most a few levels.
 */
export interface PlanLayout {
  /** `schemaVersion` and `planId`. */
  system: Y.Map<unknown>;
  /** The plan's own fields (title, vision, period…). */
  meta: Y.Map<unknown>;
  /** Agreed versions keyed by id; each value is a frozen plain object. */
  versions: Y.Map<unknown>;
  entities: Record<EntityKind, Y.Map<Y.Map<unknown>>>;
}

/** The top-level type names, prefixed so that a plan can share a doc with other data. */
export const TOP_LEVEL = {
  system: 'coplan:system',
  meta: 'coplan:meta',
  versions: 'coplan:versions',
  entity: (kind: EntityKind) => `coplan:${kind}`,
} as const;

/** The plan's top-level types in `doc` (getting them creates nothing in the update stream). */
export function layoutOf(doc: Y.Doc): PlanLayout {
  const entities = {} as Record<EntityKind, Y.Map<Y.Map<unknown>>>;
  for (const kind of ENTITY_KINDS) entities[kind] = doc.getMap(TOP_LEVEL.entity(kind));
  return {
    system: doc.getMap(TOP_LEVEL.system),
    meta: doc.getMap(TOP_LEVEL.meta),
    versions: doc.getMap(TOP_LEVEL.versions),
    entities,
  };
}
