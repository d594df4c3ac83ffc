import { readText } from './read-text.js';
import { textOf, type SourceReader } from './source-reader.js';
import type { SourceFormat } from './source.js';

/** Text: plain, Markdown (pipe tables), or tab-separated as pasted from a spreadsheet. */
export const textReader: SourceReader = {
  label: 'Text, Markdown or pasted table (.txt, .md, .tsv)',
  extensions: ['txt', 'md', 'tsv'],
  async read(name, data) {
    const text = textOf(data);
    const blocks = readText(text);
    const markdown = /\.md$/i.test(name) || (blocks.some((b) => b.kind === 'table') && /^\s*\|/m.test(text));
    const format: SourceFormat = markdown ? 'markdown' : text.includes('\t') ? 'tsv' : 'text';
    return { format, name, blocks, warnings: [] };
  },
};
