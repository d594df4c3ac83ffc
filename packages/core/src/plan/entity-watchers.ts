// Listeners to one entity each, so every item on screen can listen to its own and pay nothing for the rest.
import type { TreeIndex } from '../document/tree-index.js';
import { KINDS, type EntityKind } from '../schema/schema.js';
import type { PlanChange } from './change-feed.js';

/** The listeners to single entities, keyed `kind:id`, told of a change to their entity or to what sits directly beneath it. */
export class EntityWatchers {
  private readonly watchers = new Map<string, Set<(change: PlanChange) => void>>();

  constructor(private readonly index: TreeIndex) {}

  /** Adds a listener to one entity; returns a function that removes it. */
  watch(kind: EntityKind, id: string, listener: (change: PlanChange) => void): () => void {
    const key = kind + ':' + id;
    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.watchers.get(key) === set) this.watchers.delete(key);
    };
  }

  /** Tells each entity's listeners that it, or something directly beneath it (including an item moved out), changed. */
  notify(change: PlanChange): void {
    const moves = this.index.takeMoves();
    if (this.watchers.size === 0) return;
    const keys = new Set<string>();
    for (const { kind, id } of change.entities) {
      keys.add(kind + ':' + id);
      const parentKind = KINDS[kind].parent;
      const parentId = this.index.parentOf(kind, id);
      if (parentKind && parentId) keys.add(parentKind + ':' + parentId);
    }
    for (const m of moves) {
      const parentKind = KINDS[m.kind].parent;
      if (parentKind && m.from) keys.add(parentKind + ':' + m.from);
    }
    for (const key of keys) {
      const set = this.watchers.get(key);
      if (set) for (const l of [...set]) l(change);
    }
  }
}
