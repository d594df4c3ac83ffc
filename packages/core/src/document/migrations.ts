import type * as Y from 'yjs';
import { layoutOf } from './layout.js';
import { PlanError } from '../schema/errors.js';

/** The layout version this build of Coplan writes. */
export const SCHEMA_VERSION = 1;

/**
 * One step from an older layout to the next. Partners may migrate the same old
 * document on two devices while offline, so a step must be deterministic and
 * idempotent: edit fields in place, derive any ids from existing ones, and
 * never create a shared type that a concurrent run would create again.
 */
export interface Migration {
  from: number;
  to: number;
  describe: string;
  apply(doc: Y.Doc): void;
}

/** The steps that bring older documents up to {@link SCHEMA_VERSION}. Version 1 is the first. */
export const MIGRATIONS: readonly Migration[] = [];

/** The transaction origin of migrations: not a user's edit, so no undo tracks it. */
export const MIGRATION_ORIGIN = { coplan: 'migration' } as const;

/**
 * Brings a plan document up to `target`, one step at a time, each step in a
 * transaction of its own. A document from a newer version is refused and left
 * exactly as it was.
 */
export function migrateDoc(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS, target = SCHEMA_VERSION): number {
  const { system } = layoutOf(doc);
  let version = system.get('schemaVersion') as number | undefined;
  if (typeof version !== 'number') throw new PlanError('not-a-plan', 'This document holds no Coplan plan (it has no schema version).');
  if (version > target)
    throw new PlanError('schema-too-new', `This plan was saved by a newer Coplan (layout ${version}); this one reads up to layout ${target}. Update Coplan to open it; nothing was changed.`, {
      kind: 'plan',
      value: version,
    });
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new PlanError('schema-too-new', `No migration from layout ${version} to ${target}; nothing was changed.`, { kind: 'plan', value: version });
    doc.transact(() => {
      step.apply(doc);
      system.set('schemaVersion', step.to);
    }, MIGRATION_ORIGIN);
    version = step.to;
  }
  return version;
}
