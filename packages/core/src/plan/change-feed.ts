import type * as Y from 'yjs';
import { HEADER_KEYS } from '../document/entity-record.js';
import type { PlanLayout } from '../document/layout.js';
import { ENTITY_KINDS, type EntityKind } from '../schema/schema.js';

/** One entity a transaction changed, and how. */
export interface EntityChange {
  kind: EntityKind;
  id: string;
  /**
   * The fields whose values changed (typing in `text` gives `['text']`), the
   * who-and-when stamps left out; absent when the entity was added or removed
   * as a whole, when any field may have changed.
   */
  fields?: string[];
  /** Whether it was added, removed, moved, deleted or restored: its place in the plan changed. */
  moved: boolean;
}

/** What one transaction changed in a plan. */
export interface PlanChange {
  /** Entities whose stored data changed (added, edited, moved, deleted, restored or removed). */
  entities: EntityChange[];
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

/** Keys of an entity's map that say where it is; the stamps, which every edit writes, say nothing a view shows. */
const PLACE_KEYS: ReadonlySet<string> = new Set([HEADER_KEYS.position, HEADER_KEYS.deleted]);
const STAMP_KEYS: ReadonlySet<string> = new Set([HEADER_KEYS.createdAt, HEADER_KEYS.createdBy, HEADER_KEYS.updatedAt, HEADER_KEYS.updatedBy]);

/** Adds what changed in one of an entity's keys to its entry. */
function note(entry: EntityChange, key: string): void {
  if (PLACE_KEYS.has(key)) entry.moved = true;
  else if (!STAMP_KEYS.has(key) && entry.fields && !entry.fields.includes(key)) entry.fields.push(key);
}

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
      const seen = new Map<string, EntityChange>();
      let plan = false;
      let versions = false;
      tr.changed.forEach((keys, type) => {
        // Walks up to the top-level map: `child` is the entity's map, `field` the shared type of one of its keys.
        let top: SharedType = type;
        let child: SharedType | null = null;
        let field: SharedType | null = null;
        while (top._item) {
          field = child;
          child = top;
          top = top._item.parent as SharedType;
        }
        const root = this.roots.get(top);
        if (root === undefined) return;
        if (root === 'meta') plan = true;
        else if (root === 'versions') versions = true;
        else if (root !== 'system') {
          if (!child) {
            // Whole entities were added or removed.
            for (const id of keys) if (id !== null) seen.set(root + ':' + id, { kind: root, id, moved: true });
            return;
          }
          const id = child._item!.parentSub as string;
          let entry = seen.get(root + ':' + id);
          if (!entry) seen.set(root + ':' + id, (entry = { kind: root, id, fields: [], moved: false }));
          if (field) note(entry, field._item!.parentSub as string);
          else for (const key of keys) if (key !== null) note(entry, key);
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
