import { registerToCsv } from './register-csv.js';
import type { PlanWriter } from './plan-writer.js';

/** CSV: the action register, one row per action. */
export const csvWriter: PlanWriter = {
  extension: 'csv',
  mimeType: 'text/csv',
  label: 'CSV action register',
  binary: false,
  async write(snapshot) {
    return registerToCsv(snapshot);
  },
};
