import { planDocument } from '@coplan/core/formats';
import { renderMarkdown } from './render-markdown.js';
import type { PlanWriter } from './plan-writer.js';

/** Markdown: the plan's layout as text, tables and all. */
export const markdownWriter: PlanWriter = {
  extension: 'md',
  mimeType: 'text/markdown',
  label: 'Markdown',
  binary: false,
  async write(snapshot) {
    return renderMarkdown(planDocument(snapshot));
  },
};
