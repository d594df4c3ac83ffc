import mammoth from 'mammoth';
import { PlanError } from '@coplan/core';
import { readHtml } from './read-html.js';
import type { ParsedSource } from './source.js';

/**
 * Reads a Word document with mammoth: its tables and paragraphs, through
 * the HTML mammoth makes, so Word and pasted HTML are read the same way.
 */
export async function readDocx(name: string, bytes: Uint8Array): Promise<ParsedSource> {
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    const input = typeof Buffer !== 'undefined' ? { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) } : { arrayBuffer: bytes.slice().buffer };
    result = await mammoth.convertToHtml(input as { buffer: Buffer });
  } catch (e) {
    throw new PlanError(
      'unreadable-file',
      `"${name}" could not be read as a Word document (${(e as Error).message.split('\n')[0]}). It may be cut short or damaged: open it in Word, save it again as .docx, and import the new file.`,
    );
  }
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => `Word: ${m.message}`);
  return { format: 'docx', name, blocks: readHtml(result.value), warnings };
}
