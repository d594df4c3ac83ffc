import { openPlan, planToInput } from '@coplan/core';
import { readCoplanFile } from '@coplan/core/formats';
import { bytesOf, type SourceReader } from './source-reader.js';

/** Another plan's `.coplan` file, opened as a plan of its own: its content, as a new plan. */
export const coplanReader: SourceReader = {
  label: 'Coplan file (.coplan)',
  extensions: ['coplan'],
  async read(name, data) {
    const plan = planToInput(openPlan(readCoplanFile(bytesOf(data))).snapshot());
    return { format: 'coplan', name, blocks: [], warnings: [], plan };
  },
};
