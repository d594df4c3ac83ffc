import { planDocument } from '@coplan/core/formats';
import { renderHtml } from './render-html.js';
import type { PlanWriter } from './plan-writer.js';

/** HTML: the plan's layout with a print stylesheet; print it or save it as PDF. */
export const htmlWriter: PlanWriter = {
  extension: 'html',
  mimeType: 'text/html',
  label: 'Web page, ready to print or save as PDF',
  binary: false,
  async write(snapshot) {
    return renderHtml(planDocument(snapshot));
  },
};
