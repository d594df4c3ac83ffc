import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createPlan, planFromJson, planToInput, planToJson } from '@coplan/core';
import { seedPlans } from '../src/index.js';

describe('each seed plan as Coplan JSON', () => {
  for (const { seed, input } of seedPlans) {
    it(`round-trips ${seed} to the same plan`, () => {
      const s = createPlan(new Y.Doc(), input).snapshot();
      const back = createPlan(new Y.Doc(), planFromJson(planToJson(s))).snapshot();
      expect(planToInput(back)).toEqual(planToInput(s));
    });
  }
});
