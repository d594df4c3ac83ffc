// Search kept up to date as the plan changes: the index is made on the first search and from then on
// re-reads only what each change touched. Kept apart so the Plan only forwards its changes and queries.
import { readPlacement } from '../document/entity-record.js';
import { readField } from '../document/field-codec.js';
import type { PlanLayout } from '../document/layout.js';
import type { EntityRecord } from '../schema/entities.js';
import { META_FIELDS, type EntityKind } from '../schema/schema.js';
import type { ActionSnapshot } from '../schema/snapshot.js';
import type { PlanChange } from './change-feed.js';
import type { ObjectiveItem, PriorityItem } from './item-reader.js';
import type { SearchHit } from './search-entries.js';
import { SearchIndex, type SearchSource } from './search-index.js';

/** The reads of one item at a time that the index makes of a plan. */
export interface PlanReads {
  children<K extends EntityKind>(kind: K, parentId: string | null): EntityRecord<K>[];
  readPriority(id: string): PriorityItem | undefined;
  readObjective(id: string): ObjectiveItem | undefined;
  readAction(id: string): ActionSnapshot | undefined;
  childIds(kind: EntityKind, parentId: string | null): string[];
}

/** A plan's search index, made when first searched and told of every change after that. */
export class LiveSearch {
  private index: SearchIndex | null = null;

  constructor(
    private readonly layout: PlanLayout,
    private readonly reads: PlanReads,
  ) {}

  /** Marks what `change` touched to be read again at the next search; nothing before the first search. */
  changed(change: PlanChange): void {
    this.index?.changed(change);
  }

  /** The hits for `query`, as `searchPlan` finds them on a fresh snapshot. */
  search(query: string): SearchHit[] {
    this.index ??= new SearchIndex(this.source());
    return this.index.search(query);
  }

  private source(): SearchSource {
    const { layout, reads } = this;
    return {
      planFields: () => {
        const meta = (name: string) => readField(layout.meta, META_FIELDS[name]!, name);
        return {
          title: meta('title') as string,
          versionLabel: meta('versionLabel') as string,
          vision: meta('vision') as string,
          principles: meta('principles') as string[],
          introduction: meta('introduction') as string,
          statutoryObjectives: meta('statutoryObjectives') as string[],
          reviewSchedule: meta('reviewSchedule') as string,
          partnerships: reads.children('partnership', null),
          contextStatements: reads.children('context', null),
          consultation: reads.children('consultation', null),
        };
      },
      priority: (id) => reads.readPriority(id),
      objective: (id) => reads.readObjective(id),
      action: (id) => reads.readAction(id),
      childIds: (kind, parentId) => reads.childIds(kind, parentId),
      parentOf: (kind, id) => {
        const map = layout.entities[kind]?.get(id);
        return map ? readPlacement(map).parentId : null;
      },
    };
  }
}
