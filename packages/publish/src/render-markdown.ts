import type { Block, PublishedDocument, TableBlock } from '@coplan/core/formats';
import { RAG_COLOURS } from './rag-colours.js';

/** Text that Markdown shows as written: no `<` can start HTML, no `&` an entity. */
function safe(text: string): string {
  return text.replace(/&(?=#?\w+;)/g, '&amp;').replace(/</g, '&lt;');
}

/** Text safe inside a Markdown table cell: pipes escaped, lines joined with `<br>`. */
function tableText(lines: string[]): string {
  return lines.map((l) => safe(l).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join('<br>');
}

function table(b: TableBlock): string {
  // A cell spanned from above is written again: Markdown tables have no spans.
  const carried: (string | undefined)[] = [];
  const rows = b.rows.map((row) =>
    row.map((c, i) => {
      if (c === null) return carried[i] ?? '';
      const text = tableText(c.rag ? [RAG_COLOURS[c.rag].label, ...c.lines] : c.lines);
      carried[i] = (c.rowSpan ?? 1) > 1 ? text : undefined;
      return text;
    }),
  );
  const head = `| ${b.columns.map((c) => tableText([c.title])).join(' | ')} |`;
  const rule = `|${b.columns.map(() => ' --- ').join('|')}|`;
  return [`**${b.caption}**`, '', head, rule, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${safe(b.text)}`;
    case 'paragraph':
      return b.label ? `**${safe(b.label)}:** ${safe(b.text)}` : safe(b.text);
    case 'list':
      return b.items.map((i) => `- ${safe(i).replace(/\n/g, ' ')}`).join('\n');
    case 'table':
      return table(b);
    case 'bar-chart':
      // The figures are in the table beside it; Markdown has no drawing.
      return '';
  }
}

/** A published document as Markdown (GitHub-flavoured tables). */
export function renderMarkdown(doc: PublishedDocument): string {
  const parts = doc.blocks.map(block).filter(Boolean);
  return parts.join('\n\n') + '\n';
}
