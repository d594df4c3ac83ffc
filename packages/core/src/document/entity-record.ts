import * as Y from 'yjs';
import type { EntityHeader, EntityRecord, Tombstone } from '../schema/entities.js';
import { KINDS, type EntityKind } from '../schema/schema.js';
import type { Stamped } from '../schema/snapshot.js';
import { readField } from './field-codec.js';

/** Where an entity sits: its parent and order key, written as one value so a move is atomic. */
export interface StoredPosition {
  p: string | null;
  o: string;
}

/**
 * Positions are kept as a short log (a `Y.Array`) whose last entry counts,
 * rather than as one map value. A move appends and clears the older entries,
 * so undoing it removes exactly that entry and brings back the one before,
 * and undoing a move that a partner has since overridden leaves the partner's
 * place. (Undoing a plain map value that a partner overwrote can leave the key
 * empty, and the item with no place.)
 */
export function writePosition(map: Y.Map<unknown>, pos: StoredPosition): void {
  let log = map.get(HEADER_KEYS.position);
  if (!(log instanceof Y.Array)) {
    log = new Y.Array<StoredPosition>();
    map.set(HEADER_KEYS.position, log);
  }
  const arr = log as Y.Array<StoredPosition>;
  const stale = arr.length;
  arr.push([pos]);
  if (stale > 0) arr.delete(0, stale);
}

/** The current position: the last entry of the log. */
export function readPosition(map: Y.Map<unknown>): StoredPosition | undefined {
  const log = map.get(HEADER_KEYS.position);
  if (!(log instanceof Y.Array) || log.length === 0) return undefined;
  return log.get(log.length - 1) as StoredPosition;
}

/** Keys of the entity map that are not fields. */
export const HEADER_KEYS = {
  position: 'pos',
  deleted: 'del',
  createdAt: 'cAt',
  createdBy: 'cBy',
  updatedAt: 'uAt',
  updatedBy: 'uBy',
  /** On a lead merged into another: that lead's id, so references made meanwhile follow it. */
  mergedInto: 'into',
} as const;

/** Where an entity sits and whether it is deleted: all that visibility and ordering need. */
export function readPlacement(map: Y.Map<unknown>): { parentId: string | null; order: string; deleted: boolean } {
  const pos = readPosition(map);
  return { parentId: pos?.p ?? null, order: pos?.o ?? '', deleted: !!map.get(HEADER_KEYS.deleted) };
}

/** A stored entity's id with who made it and who last changed it, and when ('' where not recorded). */
export function readStamps(id: string, map: Y.Map<unknown>): Stamped {
  return {
    id,
    createdAt: (map.get(HEADER_KEYS.createdAt) as string | undefined) ?? '',
    createdBy: (map.get(HEADER_KEYS.createdBy) as string | undefined) ?? '',
    updatedAt: (map.get(HEADER_KEYS.updatedAt) as string | undefined) ?? '',
    updatedBy: (map.get(HEADER_KEYS.updatedBy) as string | undefined) ?? '',
  };
}

/** The header of a stored entity. */
export function readHeader(id: string, map: Y.Map<unknown>): EntityHeader {
  const pos = readPosition(map) ?? { p: null, o: '' };
  const { createdAt, createdBy, updatedAt, updatedBy } = readStamps(id, map);
  return {
    id,
    parentId: pos.p,
    order: pos.o,
    deleted: (map.get(HEADER_KEYS.deleted) as Tombstone | null | undefined) ?? null,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
  };
}

/** A stored entity as flat plain data. */
export function readRecord<K extends EntityKind>(kind: K, id: string, map: Y.Map<unknown>): EntityRecord<K> {
  const record = readHeader(id, map) as unknown as Record<string, unknown>;
  const fields = KINDS[kind].fields;
  for (const name in fields) record[name] = readField(map, fields[name]!, name);
  return record as unknown as EntityRecord<K>;
}
