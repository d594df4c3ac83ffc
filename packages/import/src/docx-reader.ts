import { bytesOf, type SourceReader } from './source-reader.js';

/** Word documents, read with mammoth (loaded on first use). */
export const docxReader: SourceReader = {
  label: 'Word document (.docx)',
  extensions: ['docx'],
  async read(name, data) {
    const { readDocx } = await import('./read-docx.js');
    return readDocx(name, bytesOf(data));
  },
};
