import type { PlanSnapshot } from '@coplan/core';
import { EXPORT_FORMATS, exportPlan, type ExportFormat } from '@coplan/publish';

/** A file ready to download: the core's export of the plan, named after it. */
export interface ExportedFile {
  name: string;
  data: Uint8Array | string;
  type: string;
}

/**
 * The plan written out by @coplan/publish in one of its formats. This module
 * is loaded on demand (the Word and Excel writers are large): never part of
 * the first load.
 */
export async function exportFile(snapshot: PlanSnapshot, format: ExportFormat, suffix = ''): Promise<ExportedFile> {
  const { extension, mimeType } = EXPORT_FORMATS[format];
  const data = await exportPlan(snapshot, format);
  return { name: `${snapshot.title}${suffix}.${extension}`, data, type: mimeType };
}

/**
 * Prints an HTML document (an export that carries its own print stylesheet
 * and page numbers) from a frame of its own, so the app's screen does not
 * print; the browser's print dialog also offers "Save as PDF". The frame is
 * removed once printing is done.
 */
export function printHtml(html: string, title: string): void {
  document.querySelector('iframe[data-coplan-print]')?.remove();
  const frame = document.createElement('iframe');
  frame.dataset.coplanPrint = '';
  frame.title = `${title}, ready to print`;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  frame.addEventListener(
    'load',
    () => {
      const win = frame.contentWindow;
      if (!win) return;
      win.addEventListener('afterprint', () => frame.remove(), { once: true });
      win.focus();
      win.print();
    },
    { once: true },
  );
  frame.srcdoc = html;
  document.body.append(frame);
}

/** The plan as the core's HTML export, printed (or saved as PDF) with the export's own print stylesheet. */
export async function printPlan(snapshot: PlanSnapshot): Promise<void> {
  const html = await exportPlan(snapshot, 'html');
  printHtml(typeof html === 'string' ? html : new TextDecoder().decode(html), snapshot.title);
}
