import type { EntityKind } from '../schema/schema.js';
import type { ActionSnapshot } from '../schema/snapshot.js';
import { actionEntries, matcher, objectiveEntries, planEntries, priorityEntries, type PlanFields, type SearchEntry, type SearchHit } from './search-entries.js';
import type { PlanChange } from './change-feed.js';
import type { ObjectiveItem, PriorityItem } from './item-reader.js';

/** What the index reads of a plan, one item at a time. */
export interface SearchSource {
  planFields(): PlanFields;
  priority(id: string): PriorityItem | undefined;
  objective(id: string): ObjectiveItem | undefined;
  action(id: string): ActionSnapshot | undefined;
  childIds(kind: EntityKind, parentId: string | null): string[];
  /** The action a milestone, variant or progress update is under (deleted ones too). */
  parentOf(kind: EntityKind, id: string): string | null;
}

type ItemKind = 'priority' | 'objective' | 'action';
/** Kinds shown inside an action's entries. */
const IN_ACTION: ReadonlySet<string> = new Set(['milestone', 'variant', 'progress']);
/** Kinds shown in the plan's own entries. */
const PLAN_LEVEL: ReadonlySet<string> = new Set(['partnership', 'context', 'consultation']);

/**
 * The plan's search entries, kept up to date from its change events: a
 * change re-reads only the items it names (an action with its progress,
 * milestones and variants; the actions naming a renamed lead), and a move,
 * addition or deletion re-reads only the order of the tree (ids), not its
 * text. Work is done when searched, not per change. Equals `searchPlan` on a
 * fresh snapshot (a property test holds it to that).
 */
export class SearchIndex {
  private top: SearchEntry[] | null = null;
  private readonly entries = { priority: new Map<string, SearchEntry[]>(), objective: new Map<string, SearchEntry[]>(), action: new Map<string, SearchEntry[]>() };
  /** Per action read: the leads and partnerships it names (a rename of one re-reads it). */
  private readonly names = new Map<string, { leads: string[]; variants: boolean }>();
  /** The action each milestone, variant and progress update was last read under (for one removed from the document). */
  private readonly actionOf = new Map<string, string>();
  private readonly dirty = { priority: new Set<string>(), objective: new Set<string>(), action: new Set<string>() };
  /** The tree in plan order with each item's label; null when an item was added, moved or deleted since. */
  private order: Array<{ kind: ItemKind; id: string; label: string }> | null = null;

  constructor(private readonly source: SearchSource) {}

  /** Notes what a change makes stale (cheap: no reading). */
  changed(c: PlanChange): void {
    if (c.plan) this.top = null;
    for (const e of c.entities) {
      const kind = e.kind as string;
      if (kind === 'priority' || kind === 'objective' || kind === 'action') {
        this.dirty[kind].add(e.id);
        if (e.moved || !e.fields) this.order = null;
      } else if (IN_ACTION.has(kind)) {
        const actionId = this.source.parentOf(e.kind, e.id) ?? this.actionOf.get(e.id);
        if (actionId) this.dirty.action.add(actionId);
      } else if (kind === 'lead') {
        for (const [id, n] of this.names) if (n.leads.includes(e.id)) this.dirty.action.add(id);
        for (const id of this.entries.priority.keys()) this.dirty.priority.add(id); // a lead group's name (a handful of priorities)
        // A lead named for the first time: the actions naming it changed too, and say so themselves.
      } else if (PLAN_LEVEL.has(kind)) {
        this.top = null;
        if (kind === 'partnership') for (const [id, n] of this.names) if (n.variants) this.dirty.action.add(id);
      }
    }
  }

  /** The hits for a query, as `searchPlan` gives them on a fresh snapshot. */
  search(query: string): SearchHit[] {
    const match = matcher(query);
    if (!match) return [];
    this.refresh();
    const hits: SearchHit[] = [];
    match(this.top!, '', hits);
    for (const n of this.order!) match(this.entries[n.kind].get(n.id) ?? [], n.label, hits);
    return hits;
  }

  /** Re-reads what is stale: the plan's own fields, the order, the items changed. */
  private refresh(): void {
    this.top ??= planEntries(this.source.planFields());
    if (!this.order) this.readOrder();
    for (const kind of ['priority', 'objective', 'action'] as const) {
      for (const id of this.dirty[kind]) this.read(kind, id);
      this.dirty[kind].clear();
    }
  }

  /** Walks the tree's ids in order; items that left it are dropped, items new to it read. */
  private readOrder(): void {
    const order: Array<{ kind: ItemKind; id: string; label: string }> = [];
    const seen = { priority: new Set<string>(), objective: new Set<string>(), action: new Set<string>() };
    const at = (kind: ItemKind, id: string, label: string) => {
      order.push({ kind, id, label });
      seen[kind].add(id);
      if (!this.entries[kind].has(id)) this.dirty[kind].add(id);
    };
    this.source.childIds('priority', null).forEach((p, i) => {
      at('priority', p, `Priority ${i + 1}`);
      this.source.childIds('objective', p).forEach((o, j) => {
        at('objective', o, `Objective ${i + 1}.${j + 1}`);
        this.source.childIds('action', o).forEach((a, k) => at('action', a, `Action ${i + 1}.${j + 1}.${k + 1}`));
      });
    });
    for (const kind of ['priority', 'objective', 'action'] as const)
      for (const id of this.entries[kind].keys())
        if (!seen[kind].has(id)) {
          this.entries[kind].delete(id);
          this.names.delete(id);
        }
    this.order = order;
  }

  private read(kind: ItemKind, id: string): void {
    if (kind === 'action') {
      const a = this.source.action(id);
      if (!a) {
        this.entries.action.delete(id);
        this.names.delete(id);
        return;
      }
      this.entries.action.set(id, actionEntries(a));
      this.names.set(id, { leads: a.leads.flatMap((l) => (l.leadId ? [l.leadId] : [])), variants: a.variants.length > 0 });
      for (const x of [...a.milestones, ...a.variants, ...a.updates]) this.actionOf.set(x.id, id);
      return;
    }
    const item = kind === 'priority' ? this.source.priority(id) : this.source.objective(id);
    if (!item) this.entries[kind].delete(id);
    else this.entries[kind].set(id, kind === 'priority' ? priorityEntries(item as PriorityItem) : objectiveEntries(item as ObjectiveItem));
  }
}
