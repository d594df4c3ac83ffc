// Adding, changing, moving, deleting and restoring items: each checked first, then written as one transaction.
// Kept apart from text and list edits, which work inside one field; these change an item or its place.
import * as Y from 'yjs';
import { HEADER_KEYS, readHeader, writePosition } from '../document/entity-record.js';
import { emptyValue, writeField } from '../document/field-codec.js';
import { newId } from '../document/ids.js';
import { PlanError } from '../schema/errors.js';
import { KINDS, type EntityKind } from '../schema/schema.js';
import { an } from './a-noun.js';
import { validateFields } from './field-checks.js';
import type { PlanContext } from './plan-context.js';
import type { Placement } from './plan-options.js';

/** Adds an item with checked `values` (missing fields empty) and returns its id. */
export function insertItem(ctx: PlanContext, kind: EntityKind, values: Record<string, unknown>, at: Placement): string {
  const spec = ctx.tree.kindSpec(kind);
  const parentId = ctx.tree.validateParent(kind, at.parentId ?? null);
  const id = newId(ctx.random);
  const order = spec.ordered ? ctx.tree.orderAt(kind, parentId, at.index, null) : '';
  ctx.transact(() => {
    const map = new Y.Map<unknown>();
    ctx.layout.entities[kind].set(id, map);
    writePosition(map, { p: parentId, o: order });
    map.set(HEADER_KEYS.deleted, null);
    ctx.stamp(map, true);
    for (const name in spec.fields) {
      const f = spec.fields[name]!;
      writeField(map, f, name, values[name] ?? emptyValue(f), true);
    }
    ctx.index.touch(kind, id); // now, not after the transaction: a batch may add its siblings next
  });
  ctx.undoManager.stopCapturing();
  return id;
}

/** Changes some fields of a live item; text fields are edited in place. */
export function updateItem(ctx: PlanContext, kind: EntityKind, id: string, patch: Record<string, unknown>): void {
  const map = ctx.tree.liveEntity(kind, id);
  const values = validateFields(ctx.tree, kind, id, patch, false);
  const fields = ctx.tree.kindSpec(kind).fields;
  ctx.transact(() => {
    for (const [name, value] of Object.entries(values)) writeField(map, fields[name]!, name, value);
    ctx.stamp(map, false);
  });
}

/** Moves a live item to another parent or position; its own undo step. */
export function moveItem(ctx: PlanContext, kind: EntityKind, id: string, to: Placement): void {
  const map = ctx.tree.liveEntity(kind, id);
  const spec = ctx.tree.kindSpec(kind);
  if (!spec.ordered) throw new PlanError('invalid-value', `${kind} items are ordered by date and cannot be moved.`, { kind, id });
  const current = readHeader(id, map);
  const parentId = to.parentId === undefined ? current.parentId : ctx.tree.validateParent(kind, to.parentId);
  const order = ctx.tree.orderAt(kind, parentId, to.index, id);
  ctx.ownStep(() => {
    writePosition(map, { p: parentId, o: order });
    ctx.stamp(map, false);
    ctx.index.touch(kind, id);
  });
}

/** Puts an item in the bin (its children go with it); its own undo step. */
export function deleteItem(ctx: PlanContext, kind: EntityKind, id: string): void {
  const map = ctx.tree.entityMap(kind, id);
  if (map.get(HEADER_KEYS.deleted)) throw new PlanError('already-deleted', `${kind} ${id} is already in the bin.`, { kind, id });
  ctx.ownStep(() => {
    ctx.putInBin(map);
    ctx.stamp(map, false);
  });
}

/** Takes an item out of the bin, into a new place `to` when its parent is in the bin or gone. */
export function restoreItem(ctx: PlanContext, kind: EntityKind, id: string, to?: Placement): void {
  const map = ctx.tree.entityMap(kind, id);
  const header = readHeader(id, map);
  const orphaned = ctx.tree.parentState(kind, header.parentId) !== 'live';
  if (!header.deleted && !orphaned) throw new PlanError('not-deleted', `${kind} ${id} is not in the bin.`, { kind, id });
  let position: { p: string | null; o: string } | undefined;
  if (to) {
    const parentId = ctx.tree.validateParent(kind, to.parentId === undefined ? header.parentId : to.parentId);
    position = { p: parentId, o: ctx.tree.kindSpec(kind).ordered ? ctx.tree.orderAt(kind, parentId, to.index, id) : '' };
  } else if (orphaned) {
    const parentKind = KINDS[kind].parent!;
    throw new PlanError('deleted-parent', `${kind} ${id} belonged to ${an(parentKind)} that is in the bin or gone; restore that ${parentKind} first, or restore this with a new parent.`, {
      kind,
      id,
    });
  }
  ctx.transact(() => {
    if (position) {
      writePosition(map, position);
      ctx.index.touch(kind, id);
    }
    map.set(HEADER_KEYS.deleted, null);
    ctx.stamp(map, false);
  });
  ctx.undoManager.stopCapturing();
}
