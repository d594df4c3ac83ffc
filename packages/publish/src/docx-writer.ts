import { planDocument } from '@coplan/core/formats';
import type { PlanWriter } from './plan-writer.js';

/** Word: the familiar layout, one table per priority. */
export const docxWriter: PlanWriter = {
  extension: 'docx',
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  label: 'Word document',
  binary: true,
  async write(snapshot) {
    const { renderDocx } = await import('./render-docx.js');
    return renderDocx(planDocument(snapshot));
  },
};
