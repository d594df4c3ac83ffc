import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, encodeCoplanFile, planToInput } from '@coplan/core';
import { seedPlans } from '@coplan/seeds';
import { previewImport } from '../src/index.js';

describe('a .coplan file brought in from the plan list', () => {
  it("is that plan's content, as a new plan", async () => {
    const other = createPlan(new Y.Doc(), seedPlans[0]!.input, { planId: 'lincolnshire' });
    const preview = await previewImport({ name: 'Lincolnshire.coplan', data: encodeCoplanFile(other.doc) });
    expect(preview.source.format).toBe('coplan');
    expect(preview.plan).toEqual(planToInput(other.snapshot()));
  });
});
