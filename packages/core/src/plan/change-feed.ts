import type * as Y from 'yjs';
import type { PlanLayout } from '../document/layout.js';
import { ENTITY_KINDS, type EntityKind } from '../schema/schema.js';

/** What one transaction changed in a plan. */
export interface PlanChange {
  /** Entities whose stored data changed (added, edited, moved, deleted, restored or removed). */
  entities: Array<{ kind: EntityKind; id: string }>;
  /** Whether the plan's own fields changed. */
  plan: boolean;
  /** Whether a version was agreed. */
  versions: boolean;
  /** Whether the change was made through this handle (or its undo), rather than arriving from a partner. */
  local: boolean;
  /** The transaction's origin, e.g. a provider for remote updates. */
  origin: unknown;
}

type Root = EntityKind | 'meta' | 'versions' | 'system';

// Any Yjs shared type: AbstractType is invariant in its event type, so only `any` covers maps and texts alike.
// biome-ignore lint/suspicious/noExplicitAny: see above
type SharedType = Y.AbstractType<any>;

/**
 * Turns Yjs transactions into {@link PlanChange}s. It reads only the types the
 * transaction touched and walks up from each to its top-level map, so a
 * keystroke costs the same whatever the size of the plan.
 */
export class ChangeFeed {
  private readonly roots = new Map<SharedType, Root>();
  private readonly listeners = new Set<(c: PlanChange) => void>();
  private readonly handler: (tr: Y.Transaction) => void;

  constructor(
    private readonly doc: Y.Doc,
    layout: PlanLayout,
    onEntityTouched: (kind: EntityKind, id: string) => void,
    isLocal: (origin: unknown) => boolean,
  ) {
    this.roots.set(layout.meta, 'meta');
    this.roots.set(layout.versions, 'versions');
    this.roots.set(layout.system, 'system');
    for (const kind of ENTITY_KINDS) this.roots.set(layout.entities[kind], kind);

    this.handler = (tr) => {
      const seen = new Map<string, { kind: EntityKind; id: string }>();
      let plan = false;
      let versions = false;
      tr.changed.forEach((keys, type) => {
        let top: SharedType = type;
        let child: SharedType | null = null;
        while (top._item) {
          child = top;
          top = top._item.parent as SharedType;
        }
        const root = this.roots.get(top);
        if (root === undefined) return;
        if (root === 'meta') plan = true;
        else if (root === 'versions') versions = true;
        else if (root !== 'system') {
          const ids = child ? [child._item!.parentSub as string] : Array.from(keys).filter((k): k is string => k !== null);
          for (const id of ids) seen.set(root + ':' + id, { kind: root, id });
        }
      });
      if (seen.size === 0 && !plan && !versions) return;
      for (const { kind, id } of seen.values()) onEntityTouched(kind, id);
      if (this.listeners.size === 0) return;
      const change: PlanChange = { entities: Array.from(seen.values()), plan, versions, local: isLocal(tr.origin), origin: tr.origin };
      for (const l of this.listeners) l(change);
    };
    doc.on('afterTransaction', this.handler);
  }

  subscribe(listener: (c: PlanChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.handler);
    this.listeners.clear();
  }
}
