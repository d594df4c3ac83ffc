import { planToJson } from '@coplan/core';
import type { PlanWriter } from './plan-writer.js';

/** Coplan's versioned JSON: the whole plan's content, which imports back to the same plan. */
export const jsonWriter: PlanWriter = {
  extension: 'json',
  mimeType: 'application/json',
  label: 'Coplan JSON',
  binary: false,
  async write(snapshot) {
    return planToJson(snapshot);
  },
};
