import type { SourceBlock, SourceTable } from './source.js';

/**
 * Splits pasted text into rows: a row ends at a line break outside quotes.
 * A quote opens a quoted cell only on a line that has tabs, as Excel and
 * Google Sheets quote cells holding line breaks; quotes in prose are prose.
 */
function tabRows(text: string): { cells: string[]; tabbed: boolean }[] {
  const rows: { cells: string[]; tabbed: boolean }[] = [];
  let cells: string[] = [];
  let cell = '';
  let tabbed = false;
  let i = 0;
  const lineHasTab = (from: number) => {
    const end = text.indexOf('\n', from);
    return text.slice(from, end < 0 ? text.length : end).includes('\t');
  };
  let lineStart = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell === '' && (tabbed || lineHasTab(lineStart))) {
      // A quoted cell: runs to the closing quote, "" is a quote.
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value = '';
          j = -1;
          break;
        }
        if (text[q + 1] === '"') {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        j = q + 1;
        break;
      }
      const next = j < 0 ? '' : text[j];
      if (j >= 0 && (next === '\t' || next === '\n' || next === '\r' || next === undefined)) {
        cell = value;
        i = j;
        continue;
      }
      // Not a well-formed quoted cell: read the quote as text.
    }
    if (c === '\t') {
      cells.push(cell);
      cell = '';
      tabbed = true;
    } else if (c === '\n') {
      cells.push(cell.replace(/\r$/, ''));
      rows.push({ cells, tabbed });
      cells = [];
      cell = '';
      tabbed = false;
      lineStart = i + 1;
    } else cell += c;
    i++;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ cells, tabbed });
  }
  return rows;
}

const MD_ROW = /^\s*\|.*\|\s*$/;
const MD_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function markdownCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // Split on pipes not escaped as \|; <br> inside a cell is a line break.
  return inner.split(/(?<!\\)\|/).map((c) =>
    c
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, '\n')
      .trim(),
  );
}

/**
 * Reads pasted text: tab-separated rows (as pasted from Word, Excel or
 * Google Sheets) and Markdown pipe tables become tables; every other line is
 * running text. Markdown headings lose their `#` marks.
 */
export function readText(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let table: SourceTable | null = null;
  const endTable = () => {
    if (table) blocks.push(table);
    table = null;
  };
  for (const row of tabRows(text.replace(/^\uFEFF/, ''))) {
    if (row.tabbed) {
      if (!table) table = { kind: 'table', rows: [] };
      table.rows.push(row.cells);
      continue;
    }
    const line = row.cells.join('');
    if (MD_ROW.test(line)) {
      if (MD_RULE.test(line)) continue;
      if (!table) table = { kind: 'table', rows: [] };
      table.rows.push(markdownCells(line));
      continue;
    }
    endTable();
    const t = line.replace(/^\s{0,3}#{1,6}\s+/, '').trim();
    blocks.push({ kind: 'text', text: t });
  }
  endTable();
  return blocks;
}
