import type * as Y from 'yjs';
import { ENTITY_KINDS, type EntityKind } from '../schema/schema.js';
import { readPosition } from './entity-record.js';
import type { PlanLayout } from './layout.js';

const ROOT = '\u0000root';

/**
 * Which ids sit under which parent, per kind, kept in memory so that finding
 * an item's siblings costs the number of siblings, not the size of the plan.
 * It is rebuilt on open and touched for each entity a transaction changes.
 */
export class TreeIndex {
  private readonly parents = new Map<EntityKind, Map<string, string>>();
  private readonly children = new Map<EntityKind, Map<string, Set<string>>>();
  /** Items that left a parent since {@link TreeIndex.takeMoves} was last asked, with the parent they left. */
  private readonly moves = new Map<string, { kind: EntityKind; id: string; from: string | null }>();

  constructor(private readonly layout: PlanLayout) {
    for (const kind of ENTITY_KINDS) {
      this.parents.set(kind, new Map());
      this.children.set(kind, new Map());
      layout.entities[kind].forEach((_map, id) => this.touch(kind, id));
    }
  }

  /** Re-reads where one entity sits (or that it is gone). */
  touch(kind: EntityKind, id: string): void {
    const parents = this.parents.get(kind)!;
    const children = this.children.get(kind)!;
    const before = parents.get(id);
    const map = this.layout.entities[kind].get(id) as Y.Map<unknown> | undefined;
    const pos = map ? readPosition(map) : undefined;
    const after = map ? (pos?.p ?? ROOT) : undefined;
    if (before === after) return;
    if (before !== undefined) {
      children.get(before)?.delete(id);
      const key = kind + ':' + id;
      if (!this.moves.has(key)) this.moves.set(key, { kind, id, from: before === ROOT ? null : before });
    }
    if (after === undefined) {
      parents.delete(id);
      return;
    }
    parents.set(id, after);
    let set = children.get(after);
    if (!set) children.set(after, (set = new Set()));
    set.add(id);
  }

  /** The parent an item sits under now (null: the top level; undefined: not stored). */
  parentOf(kind: EntityKind, id: string): string | null | undefined {
    const p = this.parents.get(kind)!.get(id);
    return p === undefined ? undefined : p === ROOT ? null : p;
  }

  /** Which items left a parent since last asked, and which parent each left; asking clears the list. */
  takeMoves(): Array<{ kind: EntityKind; id: string; from: string | null }> {
    if (this.moves.size === 0) return [];
    const out = [...this.moves.values()];
    this.moves.clear();
    return out;
  }

  /** Ids of every stored item of `kind` under `parentId` (null: the top level), deleted or not. */
  childIds(kind: EntityKind, parentId: string | null): Iterable<string> {
    return this.children.get(kind)!.get(parentId ?? ROOT) ?? [];
  }
}
