import * as Y from 'yjs';
import { HEADER_KEYS } from '../document/entity-record.js';
import type { PlanLayout } from '../document/layout.js';
import type { TreeIndex } from '../document/tree-index.js';
import type { Tombstone } from '../schema/entities.js';
import { childKindsOf, ENTITY_KINDS, type EntityKind } from '../schema/schema.js';

/** A step of the undo history: what it inserted is what taking it back may delete. */
type UndoStep = Y.UndoManager['undoStack'][number];

/**
 * Undo must never take a partner's work away. Yjs undoes adding an item by
 * deleting it, and everything inside goes with it: the words a partner typed
 * into an action this person had just added, a progress update a partner put
 * under it, a partner's lines in a statement this person added. This is the
 * undo manager's `deleteFilter`: what an undo (or redo) would delete and that
 * holds a partner's work is kept. An item this person added is then put in
 * the bin instead of removed, with all of it (its words, its place, what
 * partners put beneath it), so anyone can restore it; a partner sees it in
 * the bin, as they are told. Edits of this person's own (their typing, their
 * values) are undone as before.
 *
 * A "partner" here is any other Yjs client: another person, or the same
 * person in another tab or an earlier session of the plan.
 */
export class PartnersWorkKeeper {
  /** Which top-level map holds which kind of entity. */
  private readonly kindOfMap = new Map<Y.AbstractType<unknown>, EntityKind>();
  /** The undo step being taken back: its insertions are what it may delete. */
  private step: UndoStep | null = null;
  /** The stack it came from (Yjs has taken it off already): what lies beneath it. */
  private stack: UndoStep[] | null = null;
  /** The steps beneath it, held back while it runs (see {@link PartnersWorkKeeper.holdBackEarlierSteps}). */
  private heldBack: UndoStep[] | null = null;
  /** Whether this step has deleted anything yet (Yjs counts a step as done only if it has). */
  private deletedSome = false;
  /** Told when the steps held back are back in the history (listeners of the history heard it without them). */
  readonly historyBack = new Set<() => void>();
  /** Per step: whether an entity's map (or anything beneath the entity) holds a partner's work. */
  private readonly held = new Map<Y.Map<unknown>, boolean>();
  /** What the last undo or redo put in the bin (a new array each time, filled while it runs). */
  lastBinned: Array<{ kind: EntityKind; id: string }> = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly layout: PlanLayout,
    private readonly index: TreeIndex,
    private readonly tombstone: () => Tombstone,
  ) {
    for (const kind of ENTITY_KINDS) this.kindOfMap.set(layout.entities[kind] as Y.AbstractType<unknown>, kind);
  }

  /**
   * Runs an undo or redo of the top step of `stack` (the undo or the redo stack); true if it changed
   * anything. {@link PartnersWorkKeeper.lastBinned} says what went to the bin.
   */
  run(stack: UndoStep[], undo: () => unknown): boolean {
    this.step = stack.at(-1) ?? null;
    this.stack = stack;
    this.heldBack = null;
    this.deletedSome = false;
    this.held.clear();
    this.lastBinned = [];
    try {
      return undo() !== null || this.lastBinned.length > 0;
    } finally {
      // Set while the undo ran, by the delete filter (TypeScript sees only the null above).
      const heldBack = this.heldBack as UndoStep[] | null;
      if (heldBack) stack.unshift(...heldBack);
      this.step = this.stack = this.heldBack = null;
      this.held.clear();
      if (heldBack?.length) for (const listener of [...this.historyBack]) listener();
    }
  }

  /**
   * Yjs counts a step as done only if it deleted something, and otherwise takes back the step
   * beneath it too, in the same go. Putting an entity in the bin may delete nothing of this step's
   * own: when a partner has since set its "deleted" mark (deleted and restored it), this step's mark
   * is gone already. So the steps beneath are held back until this one is done: one undo, one step.
   */
  private holdBackEarlierSteps(): void {
    if (this.deletedSome || this.heldBack || !this.stack) return;
    this.heldBack = this.stack.splice(0);
  }

  /** The undo manager's `deleteFilter`: false keeps the item. */
  readonly deleteFilter = (item: Y.Item): boolean => {
    const deletes = this.filter(item);
    this.deletedSome ||= deletes;
    return deletes;
  };

  private filter(item: Y.Item): boolean {
    const entity = this.entityOf(item);
    if (entity && this.removes(entity.item) && this.holdsPartnersWork(entity.kind, entity.id, entity.item)) {
      // The entity goes to the bin: its "not deleted" mark is replaced by a tombstone, and that deletion is what
      // tells Yjs this step did something (a step that deletes nothing is skipped, and the one before it undone too).
      // Everything else of it stays as it is. Yjs offers an entity's contents before the entity itself.
      if (item.parent === this.mapOf(entity.item) && item.parentSub === HEADER_KEYS.deleted) {
        this.bin(entity.kind, entity.id, entity.item);
        return true;
      }
      if (item === entity.item) {
        // This step's mark was not offered: a partner's has replaced it.
        this.bin(entity.kind, entity.id, entity.item);
        this.holdBackEarlierSteps();
      }
      return false;
    }
    return !holdsOthers(item, this.doc.clientID);
  }

  /** Whether this undo step would delete the entity's own item (it added the entity). */
  private removes(entityItem: Y.Item): boolean {
    return !!this.step && !entityItem.deleted && Y.isDeleted(this.step.insertions, entityItem.id);
  }

  private holdsPartnersWork(kind: EntityKind, id: string, entityItem: Y.Item): boolean {
    const map = this.mapOf(entityItem);
    let held = this.held.get(map);
    if (held === undefined) {
      held = holdsOthers(entityItem, this.doc.clientID) || this.childrenHoldPartnersWork(kind, id);
      this.held.set(map, held);
    }
    return held;
  }

  /** Items beneath the entity (a partner's progress update, an action a partner moved in) count as its content. */
  private childrenHoldPartnersWork(kind: EntityKind, id: string): boolean {
    for (const childKind of childKindsOf(kind)) {
      for (const childId of this.index.childIds(childKind, id)) {
        const childItem = (this.layout.entities[childKind].get(childId) as Y.Map<unknown> | undefined)?._item;
        if (!childItem || childItem.deleted) continue;
        if (childItem.id.client !== this.doc.clientID || this.holdsPartnersWork(childKind, childId, childItem)) return true;
      }
    }
    return false;
  }

  /** Puts the entity in the bin, once per step. */
  private bin(kind: EntityKind, id: string, entityItem: Y.Item): void {
    const map = this.mapOf(entityItem);
    if (this.lastBinned.some((b) => b.kind === kind && b.id === id)) return;
    if (!map.get(HEADER_KEYS.deleted)) map.set(HEADER_KEYS.deleted, this.tombstone());
    this.lastBinned.push({ kind, id });
  }

  private mapOf(entityItem: Y.Item): Y.Map<unknown> {
    return (entityItem.content as Y.ContentType).type as Y.Map<unknown>;
  }

  /** The entity an item belongs to (the item of its map in the kind's top-level map), or null outside entities. */
  private entityOf(item: Y.Item): { kind: EntityKind; id: string; item: Y.Item } | null {
    let at: Y.Item | null = item;
    while (at) {
      const parent = at.parent as Y.AbstractType<unknown>;
      const kind = this.kindOfMap.get(parent);
      if (kind !== undefined) return at.parentSub ? { kind, id: at.parentSub, item: at } : null;
      at = parent._item;
    }
    return null;
  }
}

/** Whether an item, or anything inside it, was written by another client and is still there. */
function holdsOthers(item: Y.Item, me: number): boolean {
  if (item.deleted) return false;
  if (item.id.client !== me) return true;
  if (!(item.content instanceof Y.ContentType)) return false;
  const type = item.content.type as Y.AbstractType<unknown>;
  for (const child of type._map.values()) if (holdsOthers(child, me)) return true;
  for (let n = type._start; n !== null; n = n.right) if (holdsOthers(n, me)) return true;
  return false;
}
