// Where items sit in the plan's tree, and whether one may be edited: the checks every edit makes before it writes.
// Kept apart from the edits so that reads and writes share one answer to "is this item live, and where is it?".
import type * as Y from 'yjs';
import { HEADER_KEYS, readPlacement } from '../document/entity-record.js';
import type { PlanLayout } from '../document/layout.js';
import { compareOrder, orderKeyBetween } from '../document/order-key.js';
import type { TreeIndex } from '../document/tree-index.js';
import { PlanError } from '../schema/errors.js';
import { KINDS, type EntityKind } from '../schema/schema.js';
import { an } from './a-noun.js';

/** One visible sibling: its id and order key. */
export interface Sibling {
  id: string;
  order: string;
}

/**
 * The plan's tree as edits see it: the visible siblings under a parent in
 * order, an item's number among them, the order key for a new place, and
 * the checks (a known kind, a stored item, a live one, a right parent) that
 * refuse an edit in words. Reads only; it writes nothing.
 */
export class PlanTree {
  constructor(
    private readonly layout: PlanLayout,
    private readonly index: TreeIndex,
    private readonly random: () => number,
  ) {}

  /** A kind's schema; an unknown kind is refused in words. */
  kindSpec(kind: EntityKind) {
    const spec = KINDS[kind];
    if (!spec) throw new PlanError('invalid-value', `"${String(kind)}" is not a kind of plan item; use one of ${Object.keys(KINDS).join(', ')}.`, {});
    return spec;
  }

  /** A stored item's map, deleted or not. */
  entityMap(kind: EntityKind, id: string): Y.Map<unknown> {
    const map = this.layout.entities[this.kindSpec(kind) && kind].get(id);
    if (!map) throw new PlanError('not-found', `There is no ${kind} with id "${id}" in this plan.`, { kind, id });
    return map;
  }

  /** An entity that may be edited: stored, not in the bin, and not inside something that is. */
  liveEntity(kind: EntityKind, id: string): Y.Map<unknown> {
    const map = this.entityMap(kind, id);
    if (map.get(HEADER_KEYS.deleted)) throw new PlanError('already-deleted', `${kind} ${id} is in the bin; restore it before changing it.`, { kind, id });
    if (this.parentState(kind, readPlacement(map).parentId) !== 'live')
      throw new PlanError('deleted-parent', `${kind} ${id} is inside something that is in the bin; restore that first, or restore this ${kind} into a new place.`, {
        kind,
        id,
      });
    return map;
  }

  /** The map holding a field: the plan's own, or a live item's. */
  fieldOwner(kind: EntityKind | 'plan', id: string): Y.Map<unknown> {
    return kind === 'plan' ? this.layout.meta : this.liveEntity(kind, id);
  }

  /** 'live' when the parent chain is all there and none of it deleted. */
  parentState(kind: EntityKind, parentId: string | null): 'live' | 'deleted' | 'missing' {
    let parentKind = KINDS[kind].parent;
    let id = parentId;
    while (parentKind !== null) {
      if (id === null) return 'missing';
      const map = this.layout.entities[parentKind].get(id);
      if (!map) return 'missing';
      const p = readPlacement(map);
      if (p.deleted) return 'deleted';
      id = p.parentId;
      parentKind = KINDS[parentKind].parent;
    }
    return 'live';
  }

  /** Whether an item is visible: stored, not deleted, and under visible parents. */
  isVisible(kind: EntityKind, id: string): boolean {
    const map = this.layout.entities[kind]?.get(id);
    if (!map) return false;
    const p = readPlacement(map);
    return !p.deleted && this.parentState(kind, p.parentId) === 'live';
  }

  /** A visible item's map, parent and 1-based position among its visible siblings. */
  visibleAt(kind: EntityKind, id: string): { map: Y.Map<unknown>; parentId: string | null; number: number } | undefined {
    const map = this.layout.entities[kind].get(id);
    if (!map || !this.isVisible(kind, id)) return undefined;
    const { parentId } = readPlacement(map);
    const number = this.visibleSiblings(kind, parentId, null).findIndex((h) => h.id === id) + 1;
    return { map, parentId, number };
  }

  /** The visible items of `kind` under a parent, in order, leaving out `except`. */
  visibleSiblings(kind: EntityKind, parentId: string | null, except: string | null): Sibling[] {
    const out: Sibling[] = [];
    const maps = this.layout.entities[kind];
    for (const id of this.index.childIds(kind, parentId)) {
      if (id === except) continue;
      const p = readPlacement(maps.get(id)!);
      if (!p.deleted) out.push({ id, order: p.order });
    }
    return out.sort(compareOrder);
  }

  /** The order key for a place among the visible siblings (`index` omitted: last), leaving out `except`, the item being moved. */
  orderAt(kind: EntityKind, parentId: string | null, index: number | undefined, except: string | null): string {
    if (index === undefined) {
      // Appending, the common case: only the last key matters, no sort needed.
      let last: Sibling | null = null;
      const maps = this.layout.entities[kind];
      for (const id of this.index.childIds(kind, parentId)) {
        if (id === except) continue;
        const p = readPlacement(maps.get(id)!);
        if (!p.deleted && (last === null || compareOrder({ id, order: p.order }, last) > 0)) last = { id, order: p.order };
      }
      return orderKeyBetween(last?.order ?? null, null, this.random);
    }
    const siblings = this.visibleSiblings(kind, parentId, except);
    const at = index === undefined ? siblings.length : index;
    if (!Number.isInteger(at) || at < 0 || at > siblings.length)
      throw new PlanError('invalid-value', `Position ${index} is outside 0..${siblings.length} for this ${kind}.`, { kind, field: 'index', value: index });
    return orderKeyBetween(siblings[at - 1]?.order ?? null, siblings[at]?.order ?? null, this.random);
  }

  /** The parent an item of `kind` may go under: of the right kind, stored and visible; null for top-level kinds. */
  validateParent(kind: EntityKind, parentId: string | null): string | null {
    const parentKind = KINDS[kind].parent;
    if (parentKind === null) {
      if (parentId !== null) throw new PlanError('wrong-parent', `${an(kind, true)} sits at the top of the plan and takes no parent.`, { kind, id: parentId });
      return null;
    }
    if (parentId === null) throw new PlanError('wrong-parent', `${an(kind, true)} needs ${an(parentKind)} as its parent: give parentId.`, { kind });
    if (!this.layout.entities[parentKind].has(parentId)) {
      const actual = (Object.keys(this.layout.entities) as EntityKind[]).find((k) => this.layout.entities[k].has(parentId));
      if (actual) throw new PlanError('wrong-parent', `${an(kind, true)} belongs under ${an(parentKind)}, but ${parentId} is ${an(actual)}.`, { kind, id: parentId });
      throw new PlanError('not-found', `There is no ${parentKind} with id "${parentId}" to put this ${kind} under.`, { kind: parentKind, id: parentId });
    }
    if (!this.isVisible(parentKind, parentId))
      throw new PlanError('deleted-parent', `The ${parentKind} ${parentId} is in the bin; restore it before adding to it.`, { kind: parentKind, id: parentId });
    return parentId;
  }
}
