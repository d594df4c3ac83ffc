import { PlanError } from '@coplan/core';
import { isCoplanFile } from '@coplan/core/formats';
import { coplanReader } from './coplan-reader.js';
import { csvReader } from './csv-reader.js';
import { docxReader } from './docx-reader.js';
import { htmlReader } from './html-reader.js';
import { jsonReader } from './json-reader.js';
import type { SourceReader } from './source-reader.js';
import type { ParsedSource } from './source.js';
import { textReader } from './text-reader.js';
import { xlsxReader } from './xlsx-reader.js';

/** A file or pasted text to import. */
export interface ImportSource {
  /** The file's name (its extension is checked against its content), or e.g. "pasted text". */
  name: string;
  /** The file's bytes, or text as pasted. */
  data: Uint8Array | ArrayBuffer | string;
  /** The clipboard's or file's MIME type, where known (`text/html` for a paste from Word). */
  type?: string;
}

/** Files larger than this are refused before they are read. A 1,000-action plan is well under 2 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The reader of each kind of source. */
export const SOURCE_READERS = {
  docx: docxReader,
  xlsx: xlsxReader,
  csv: csvReader,
  html: htmlReader,
  text: textReader,
  json: jsonReader,
  coplan: coplanReader,
} as const satisfies Record<string, SourceReader>;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function bytesOf(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function sniff(bytes: Uint8Array): 'zip' | 'pdf' | 'ole' | 'text' | 'binary' {
  if (ZIP.every((b, i) => bytes[i] === b)) return 'zip';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  const head = bytes.subarray(0, 4096);
  let odd = 0;
  for (const b of head) if (b === 0 || b < 9 || (b > 13 && b < 32 && b !== 27)) odd++;
  return odd > head.length / 50 ? 'binary' : 'text';
}

/** Whether a zip is a Word document or an Excel workbook, from the part names its directory lists. */
function zipHolds(bytes: Uint8Array): 'docx' | 'xlsx' | null {
  const names = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 65536)));
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

const WHAT: Record<string, string> = {
  zip: 'a zip archive (such as a Word or Excel file)',
  pdf: 'a PDF',
  ole: 'an old-style Word or Excel file (.doc or .xls)',
  text: 'text',
  binary: 'binary data',
};

function unreadable(name: string, said: string, found: string, todo: string): PlanError {
  return new PlanError('unreadable-file', `"${name}" is named as ${said} but holds ${found}. ${todo}`);
}

function extensionOf(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/**
 * Reads a source into blocks of text and tables: .docx (with mammoth),
 * .xlsx (with exceljs), .csv, .json (Coplan's own), and pasted text —
 * tab-separated, HTML, Markdown or plain. Checks that a file is what its name
 * says, and refuses sources over {@link MAX_IMPORT_BYTES}.
 *
 * Throws a {@link PlanError} (`unreadable-file`, `file-too-large`) whose
 * message says what is wrong and what to do.
 */
export async function parseImportSource(source: ImportSource): Promise<ParsedSource> {
  const { name } = source;
  const size = typeof source.data === 'string' ? source.data.length : source.data.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(0);
    throw new PlanError(
      'file-too-large',
      `"${name}" is ${mb} MB, larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB Coplan imports. A business plan's table is far smaller: save just the plan's table (or sheet) as its own file and import that.`,
    );
  }
  if (size === 0) throw new PlanError('unreadable-file', `"${name}" is empty. Choose the file that holds the plan, or paste its table.`);
  const ext = extensionOf(name);
  if (typeof source.data === 'string') return fromText(name, source.data, source.type, ext);

  const bytes = bytesOf(source.data);
  if (isCoplanFile(bytes)) return SOURCE_READERS.coplan.read(name, bytes);
  const kind = sniff(bytes);
  if (ext === 'docx' || ext === 'xlsx') {
    const label = ext === 'docx' ? 'a Word document (.docx)' : 'an Excel workbook (.xlsx)';
    if (kind !== 'zip')
      throw unreadable(name, label, WHAT[kind]!, ext === 'docx' ? 'Open it in Word and save it as a .docx, then import that.' : 'Open it in Excel and save it as an .xlsx workbook, then import that.');
    const inside = zipHolds(bytes);
    if (inside && inside !== ext) {
      throw unreadable(name, label, inside === 'docx' ? 'a Word document' : 'an Excel workbook', `Rename it to .${inside} and import it again, or choose the right file.`);
    }
    return SOURCE_READERS[ext].read(name, bytes);
  }
  if (kind === 'zip') {
    // Unnamed or misnamed: try Word, then Excel.
    try {
      return await SOURCE_READERS.docx.read(name, bytes);
    } catch {
      /* not Word */
    }
    return SOURCE_READERS.xlsx.read(name, bytes);
  }
  if (kind === 'pdf')
    throw new PlanError('unreadable-file', `"${name}" is a PDF, which Coplan cannot read tables from. Open the plan's Word or Excel original, or copy the table from the PDF and paste it.`);
  if (kind === 'ole') throw new PlanError('unreadable-file', `"${name}" is an old-style .doc or .xls file. Open it in Word or Excel, save it as .docx or .xlsx, and import that.`);
  if (kind === 'binary')
    throw new PlanError('unreadable-file', `"${name}" is not a document Coplan can read (it holds ${WHAT.binary}). Import a .docx, .xlsx, .csv or .json file, or paste the plan's table.`);
  const text = new TextDecoder('utf-8').decode(bytes);
  return fromText(name, text, source.type, ext);
}

function fromText(name: string, text: string, type: string | undefined, ext: string): Promise<ParsedSource> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (ext === 'docx' || ext === 'xlsx')
    throw unreadable(name, ext === 'docx' ? 'a Word document (.docx)' : 'an Excel workbook (.xlsx)', 'plain text', 'Choose the file saved from Word or Excel, or paste the table instead.');
  if (ext === 'json' || (!ext && trimmed.startsWith('{'))) return SOURCE_READERS.json.read(name, text);
  if (ext === 'csv' || type === 'text/csv') return SOURCE_READERS.csv.read(name, text);
  const html = type === 'text/html' || ext === 'html' || ext === 'htm' || /^<(?:!doctype|html|table|meta|body|div|p|h\d)\b/i.test(trimmed);
  return (html ? SOURCE_READERS.html : SOURCE_READERS.text).read(name, text);
}
