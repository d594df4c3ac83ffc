import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { openPlan, PlanError, SCHEMA_VERSION } from '../src/index.js';
import { layoutOf } from '../src/document/layout.js';
import { migrateDoc, type Migration } from '../src/document/migrations.js';
import { newPlan } from './helpers.js';

describe('schema version and migrations', () => {
  it('stores the schema version inside the document', () => {
    const plan = newPlan();
    expect(layoutOf(plan.doc).system.get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(plan.snapshot().schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('refuses a document from a newer Coplan and leaves it exactly as it was', () => {
    const plan = newPlan();
    layoutOf(plan.doc).system.set('schemaVersion', SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(plan.doc);
    expect(() => openPlan(plan.doc)).toThrow(PlanError);
    expect(() => openPlan(plan.doc)).toThrow(/newer Coplan .* Update Coplan/);
    expect(Y.encodeStateAsUpdate(plan.doc)).toEqual(before);
  });

  it('runs each step from an older layout in order, and converges when two replicas migrate concurrently', () => {
    // A layout-0 document, as a hypothetical earlier build wrote it: the title in a plain string.
    const old = new Y.Doc();
    layoutOf(old).system.set('schemaVersion', 0);
    layoutOf(old).system.set('planId', 'old');
    layoutOf(old).meta.set('legacyTitle', 'Old plan');
    const steps: Migration[] = [
      {
        from: 0,
        to: 1,
        describe: 'title becomes a Y.Text',
        apply(doc) {
          const meta = layoutOf(doc).meta;
          const legacy = meta.get('legacyTitle');
          if (typeof legacy !== 'string') return;
          const text = new Y.Text();
          text.insert(0, legacy);
          meta.set('title', text);
          meta.delete('legacyTitle');
        },
      },
    ];
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(old));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(old));
    expect(migrateDoc(a, steps, 1)).toBe(1);
    expect(migrateDoc(b, steps, 1)).toBe(1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const d of [a, b]) {
      expect(layoutOf(d).system.get('schemaVersion')).toBe(1);
      expect(openPlan(d).snapshot().title).toBe('Old plan');
    }
    expect(migrateDoc(a, steps, 1)).toBe(1); // idempotent
  });

  it('says so when no step leads on from a layout', () => {
    const doc = new Y.Doc();
    layoutOf(doc).system.set('schemaVersion', 0);
    expect(() => migrateDoc(doc, [], 1)).toThrow(/No migration from layout 0/);
  });
});
