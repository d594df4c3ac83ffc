import type { PlanWriter } from './plan-writer.js';

/** Excel: the action register, one row per action. */
export const xlsxWriter: PlanWriter = {
  extension: 'xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  label: 'Excel action register',
  binary: true,
  async write(snapshot) {
    const { registerToXlsx } = await import('./register-xlsx.js');
    return registerToXlsx(snapshot);
  },
};
