import { bytesOf, type SourceReader } from './source-reader.js';

/** Excel workbooks, read with exceljs (loaded on first use): each sheet a table. */
export const xlsxReader: SourceReader = {
  label: 'Excel workbook (.xlsx)',
  extensions: ['xlsx'],
  async read(name, data) {
    const { readXlsx } = await import('./read-xlsx.js');
    return readXlsx(name, bytesOf(data));
  },
};
