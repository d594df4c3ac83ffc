import { planFromJson } from '@coplan/core';
import { textOf, type SourceReader } from './source-reader.js';

/** Coplan's versioned JSON: a whole plan, which needs no mapping. */
export const jsonReader: SourceReader = {
  label: 'Coplan JSON (.json)',
  extensions: ['json'],
  async read(name, data) {
    // Throws when it is not a Coplan plan, or is from a newer schema.
    return { format: 'json', name, blocks: [], warnings: [], plan: planFromJson(textOf(data)) };
  },
};
