import { readHtml } from './read-html.js';
import { textOf, type SourceReader } from './source-reader.js';

/** HTML: web pages, and what Word puts on the clipboard. */
export const htmlReader: SourceReader = {
  label: 'Web page (.html)',
  extensions: ['html', 'htm'],
  async read(name, data) {
    return { format: 'html', name, blocks: readHtml(textOf(data)), warnings: [] };
  },
};
