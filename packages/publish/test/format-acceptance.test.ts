import { previewImport } from '@coplan/import';
import { runPlanFormatTests } from '@coplan/seeds/acceptance';
import { PLAN_WRITERS, type ExportFormat } from '../src/index.js';

/** Half of what was written: a file cut short in the post. */
const cutShort = (written: Uint8Array | string) => (typeof written === 'string' ? written.slice(0, written.length / 2) : written.slice(0, written.byteLength / 2));

/** What each format's reader must refuse. */
const BAD_INPUTS: Record<ExportFormat, (written: Uint8Array | string) => Record<string, Uint8Array | string>> = {
  docx: (written) => ({ 'cut short': cutShort(written), 'text, named as a Word document': 'Business plan 2024-25', 'a PDF': new TextEncoder().encode('%PDF-1.7 plan') }),
  xlsx: (written) => ({ 'cut short': cutShort(written), 'text, named as an Excel workbook': 'Objective,Action' }),
  csv: () => ({ 'a quoted cell that never ends': 'Objective,Action,Lead\n"Embed the toolkit,Train staff,QA Sub\n', empty: '' }),
  json: () => ({ 'not JSON': 'not json', 'from a newer Coplan': '{"format":"coplan.plan","version":99,"plan":{"title":"x"}}', 'not a plan': '{"title":"x"}' }),
  md: () => ({ 'no plan in it': '# Minutes\n\nApologies were received from the chair.\n' }),
  html: () => ({ 'no plan in it': '<html><body><p>Apologies were received from the chair.</p></body></html>' }),
};

for (const [format, writer] of Object.entries(PLAN_WRITERS) as [ExportFormat, (typeof PLAN_WRITERS)[ExportFormat]][]) {
  runPlanFormatTests(writer.label, {
    write: (snapshot) => writer.write(snapshot),
    read: async (data) => (await previewImport({ name: `plan.${writer.extension}`, data })).plan,
    badInputs: BAD_INPUTS[format],
  });
}
