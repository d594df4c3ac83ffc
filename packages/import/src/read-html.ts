import { Parser } from 'htmlparser2';
import { decodeEntities } from './clean-text.js';
import type { SourceBlock, SourceTable } from './source.js';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br', 'tr', 'section', 'article', 'blockquote', 'pre']);
const SKIP = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);

interface OpenTable {
  table: SourceTable;
  row: string[] | null;
  cell: string[] | null;
  /** Columns still covered by a cell above (rowspan), by column index. */
  spans: Map<number, number>;
  colspan: number;
  rowspan: number;
}

/**
 * Reads HTML as pasted from Word, Excel or Google Sheets, or as mammoth
 * makes it from a .docx: each table becomes a table (merged cells leave the
 * cells they cover empty, so "same as above" reads as such) and each
 * paragraph, heading or list item outside tables becomes running text.
 */
export function readHtml(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const tables: OpenTable[] = [];
  let text: string[] = [];
  let skipping = 0;

  const flushText = () => {
    const t = text
      .join('')
      .replace(/[ \t\u00a0]+/g, ' ')
      .trim();
    if (t) blocks.push({ kind: 'text', text: t });
    text = [];
  };
  const current = () => tables[tables.length - 1];
  const write = (s: string) => {
    const t = current();
    if (t?.cell) t.cell.push(s);
    else if (!t) text.push(s);
  };
  const placeCell = (t: OpenTable) => {
    if (!t.row || !t.cell) return;
    const value = t.cell
      .join('')
      .split('\n')
      .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    while (t.spans.get(t.row.length)) {
      t.spans.set(t.row.length, t.spans.get(t.row.length)! - 1);
      t.row.push('');
    }
    const at = t.row.length;
    t.row.push(value);
    for (let k = 1; k < t.colspan; k++) t.row.push('');
    if (t.rowspan > 1) for (let k = 0; k < t.colspan; k++) t.spans.set(at + k, t.rowspan - 1);
    t.cell = null;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) {
          skipping++;
          return;
        }
        if (name === 'table') {
          const outer = current();
          if (outer?.cell) {
            outer.cell.push('\n');
          } // a table inside a cell is read as the cell's lines
          else {
            flushText();
          }
          tables.push({ table: { kind: 'table', rows: [] }, row: null, cell: null, spans: new Map(), colspan: 1, rowspan: 1 });
          return;
        }
        const t = current();
        if (t && name === 'tr' && !t.cell) {
          t.row = [];
          return;
        }
        if (t && (name === 'td' || name === 'th') && t.row && !t.cell) {
          t.cell = [];
          t.colspan = Math.max(1, Math.min(50, Number(attrs.colspan) || 1));
          t.rowspan = Math.max(1, Math.min(500, Number(attrs.rowspan) || 1));
          return;
        }
        if (name === 'li') write('\n• ');
        else if (BLOCK.has(name)) {
          if (t) write('\n');
          else flushText();
        }
      },
      ontext(data) {
        if (!skipping) write(decodeEntities(data).replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        const t = current();
        if (name === 'table' && t) {
          placeCell(t);
          if (t.row?.length) t.table.rows.push(t.row);
          tables.pop();
          const outer = current();
          if (outer?.cell) outer.cell.push(t.table.rows.map((r) => r.filter(Boolean).join(' ')).join('\n') + '\n');
          else if (t.table.rows.length) blocks.push(t.table);
          return;
        }
        if (t && (name === 'td' || name === 'th')) {
          placeCell(t);
          return;
        }
        if (t && name === 'tr' && t.row && !t.cell) {
          while (t.spans.get(t.row.length)) {
            t.spans.set(t.row.length, t.spans.get(t.row.length)! - 1);
            t.row.push('');
          }
          if (t.row.length) t.table.rows.push(t.row);
          t.row = null;
          return;
        }
        if (BLOCK.has(name)) {
          if (t) write('\n');
          else flushText();
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  while (tables.length) {
    const t = tables.pop()!;
    placeCell(t);
    if (t.row?.length) t.table.rows.push(t.row);
    if (t.table.rows.length) blocks.push(t.table);
  }
  flushText();
  return blocks;
}
