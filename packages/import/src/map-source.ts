import { localToday } from '@coplan/core';
import { cleanCell, isFurniture, joinWrapped, oneLine } from './clean-text.js';
import { normaliseHeading, recogniseHeading, type ImportField } from './headings.js';
import { PlanBuilder, readPriorityHeading, splitOwner, type NotImported, type RowFields } from './plan-builder.js';
import type { ParsedSource, SourceBlock } from './source.js';
import { isRowNumber, stripNumbering } from './split-cell.js';
import { finish } from './finish-preview.js';
import type { ColumnMapping, ImportColumn, ImportPreview, MapOptions } from './import-preview.js';
import { readLooseText } from './loose-text.js';
import { findPartnerships } from './partnership-parts.js';
import { alignRow, joinRows, partnershipRows, rowJoin } from './page-broken-rows.js';
import { SUCCESS_HEADING } from './plan-sections.js';

interface Header {
  fields: ImportField[];
  headings: string[];
  /** Laid out one action per row, as Coplan publishes plans and registers: cells are taken whole, not split. */
  whole?: boolean;
}

// The headings of Coplan's own plan tables and action register.
const PUBLISHED_HEADINGS = new Set(
  ['Objective', 'Action', 'Milestones', 'Per partnership', 'Lead(s)', 'Leads', 'Timescale', 'Impact', 'Progress', 'Ref', 'Priority', 'Due', 'Status', 'RAG', 'Latest progress', 'Progress date'].map(
    normaliseHeading,
  ),
);

function publishedLayout(headings: string[]): boolean {
  const keys = headings.map(normaliseHeading);
  return keys.includes('objective') && keys.includes('action') && keys.every((k) => PUBLISHED_HEADINGS.has(k));
}

/**
 * Reads a row as column headings, or null for a data row. A table's first
 * row, all of short cells, counts as headings when two of them are known,
 * even beside headings Coplan does not know ("Area of work", "Comments").
 */
function readHeader(row: string[], mapping: ColumnMapping, columns: Map<string, ImportColumn>, firstRow = false, told = false): Header | null {
  // Most rows are data: a long cell rules a row out before any heading is looked up.
  if (row.some((c) => c.length > 160)) return null;
  const cells = row.map((c) => oneLine(cleanCell(c)));
  if (cells.some((c) => c.split(' ').length > 12)) return null;
  const matches = cells.map((c) => (c ? recogniseHeading(c) : null));
  // A heading that extraction split over two cells ("Key De" | "eliverables").
  for (let i = 0; i + 1 < cells.length; i++) {
    if (matches[i] || matches[i + 1] || !cells[i] || !cells[i + 1]) continue;
    const joined = recogniseHeading(cells[i]! + cells[i + 1]!) ?? recogniseHeading(`${cells[i]} ${cells[i + 1]}`);
    if (joined) {
      matches[i] = { field: 'number', confidence: joined.confidence };
      matches[i + 1] = joined;
      cells[i + 1] = `${cells[i]}${cells[i + 1]}`;
    }
  }
  const known = matches.filter((m) => m && m.field !== 'number' && m.confidence >= 0.6).length;
  if (cells.some((c, i) => !matches[i] && c.split(' ').length > 9)) return null;
  const nonEmpty = cells.filter(Boolean).length;
  const shortCells = cells.every((c) => c.split(' ').length <= 6);
  // Told the first row holds the headings: it does, whatever they say.
  if (!(firstRow && told) && (known < 2 || (known < nonEmpty / 2 && !(firstRow && shortCells)))) return null;
  const fields: ImportField[] = cells.map((c, i) => {
    const heading = c || `Column ${i + 1}`;
    const key = normaliseHeading(heading);
    const chosen = mapping[key];
    const m = matches[i];
    const field = chosen ?? m?.field ?? 'ignore';
    const col = columns.get(key);
    if (col) col.tables++;
    else columns.set(key, { heading, key, field, confidence: chosen ? 1 : (m?.confidence ?? 0), chosen: chosen !== undefined, tables: 1, examples: [] });
    return field;
  });
  const headings = cells.map((c, i) => c || `Column ${i + 1}`);
  return { fields, headings, whole: publishedLayout(headings) };
}

function headlessHeader(width: number, mapping: ColumnMapping, columns: Map<string, ImportColumn>): Header {
  const headings = Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const fields = headings.map((h) => {
    const key = normaliseHeading(h);
    const field = mapping[key] ?? 'ignore';
    if (!columns.has(key)) columns.set(key, { heading: h, key, field, confidence: mapping[key] ? 1 : 0, chosen: mapping[key] !== undefined, tables: 1, examples: [] });
    return field;
  });
  return { fields, headings };
}

/**
 * A table under its priority's heading cannot name priorities row by row:
 * its "Priority" column holds the priority's objectives (Leicestershire's
 * "PRIORITY | What are we going to do? | How …"), and the columns read as
 * objectives hold actions. Neither reading is sure, so both say so; the
 * person's own choices stand. Returns the warning that says what was done.
 */
function underPriority(h: Header, mapping: ColumnMapping, columns: Map<string, ImportColumn>): string {
  const moved: string[] = [];
  h.fields = h.fields.map((field, i) => {
    const key = normaliseHeading(h.headings[i]!);
    const next = field === 'priority' ? 'objective' : field === 'objective' ? 'action' : field;
    if (mapping[key] || next === field) return field;
    const col = columns.get(key);
    if (col) {
      col.field = next;
      col.confidence = Math.min(col.confidence, 0.6);
    }
    moved.push(`"${h.headings[i]}" as ${next === 'objective' ? 'objectives' : 'actions'}`);
    return next;
  });
  return `A table under a priority heading has a column of priorities of its own: Coplan read ${moved.join(' and ')}. Check the columns below and choose others if that is wrong.`;
}

const BULLETED = /^[•·▪◦●○■–\-*]\s+/;

/** Whether a line names a theme: "1. Meeting Statutory Responsibilities" and not a sentence. */
function themeHeading(line: string): string | null {
  const m = /^(\d{1,2})\.\s+(.{3,100})$/.exec(line.trim());
  if (!m || /[.;,]$/.test(m[2]!) || m[2]!.split(/\s+/).length > 12) return null;
  return m[2]!.trim();
}

/**
 * Maps a parsed source into a plan: finds priorities in headings, column
 * headings in tables, and reads every row. Every cell lands in a field or in
 * `notImported`, with the reason.
 */
export function mapSource(parsed: ParsedSource, options: MapOptions = {}): ImportPreview {
  const mapping = Object.fromEntries(Object.entries(options.mapping ?? {}).map(([k, v]) => [normaliseHeading(k), v]));
  const builder = new PlanBuilder(options.importedBy ?? 'Imported', options.today ?? localToday());
  const columns = new Map<string, ImportColumn>();
  const notImported: NotImported[] = [];
  const warnings = [...parsed.warnings];
  const blocks = parsed.blocks;
  const anyHeader = blocks.some((b) => b.kind === 'table' && b.rows.some((r, i) => readHeader(r, {}, new Map(), i === 0, Boolean(options.firstRowHeadings))));

  let title = '';
  const preamble: string[] = [];
  let header: Header | null = null;
  let tableNo = 0;
  let inSuccess = false;
  const notes = new Set<string>();
  let tableSincePriority = false;
  const hasHeaderAhead = (from: number) => {
    for (let j = from; j < blocks.length && j < from + 40; j++) {
      const b = blocks[j]!;
      if (b.kind === 'table') return b.rows.slice(0, 3).some((r, i) => readHeader(r, {}, new Map(), i === 0)) || Boolean(header);
      if (b.kind === 'text' && (readPriorityHeading(b.text) || themeHeading(b.text))) return false;
    }
    return false;
  };

  // Lead names written alone anywhere help split cells where leads ran together.
  for (const b of blocks) if (b.kind === 'table') builder.learnLeads(b.rows.flatMap((r) => r.map(cleanCell)));
  builder.pruneLeads();
  builder.cellsKeepLines = parsed.format === 'docx' || parsed.format === 'xlsx';
  // Only cells where a short name and a colon appear can hold partnerships' parts.
  const partCells = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.filter((c) => /[A-Z]{2}:/.test(c)).map((c) => oneLine(cleanCell(c)))) : []));
  for (const name of findPartnerships(partCells)) builder.partnershipPrefixes.add(name);
  if (!anyHeader && !blocks.some((b) => b.kind === 'table')) {
    return readLooseText(parsed, builder, options, mapping, columns);
  }

  // Text copied out of a PDF or a page-broken Word table splits rows; Word, Excel and HTML tables keep rows whole.
  const extracted = parsed.format === 'tsv' || parsed.format === 'text';
  /** A row of extracted text waits here until the next row shows whether it carries on. */
  let pending: { cells: string[]; parts: string[][]; header: Header; t: number; ri: number } | null = null;
  const consumed = new Set<number>();

  /** Reads one row's cells, lined up under `h`, into the plan. */
  const emitRow = (cells: string[], h: Header, t: number, ri: number) => {
    const where = (ci: number, heading?: string) => `table ${t}, row ${ri + 1}${heading ? `, column "${heading}"` : `, column ${ci + 1}`}`;
    const fields: RowFields = {};
    cells.forEach((c, ci) => {
      if (!c) return;
      const field = h.fields[ci] ?? 'ignore';
      const heading = h.headings[ci] ?? `Column ${ci + 1}`;
      const col = columns.get(normaliseHeading(heading));
      if (col && col.examples.length < 3) col.examples.push(oneLine(c).slice(0, 80));
      if (field === 'number' && isRowNumber(c)) return;
      if (field === 'number') {
        fields.objective = fields.objective ? `${c}\n${fields.objective}` : c;
        return;
      }
      if (field === 'ignore') {
        if (ci === 0 && isRowNumber(c)) return;
        notImported.push({ where: where(ci, heading), text: c, reason: `Column "${heading}" is not mapped to a plan field.` });
        return;
      }
      const key = (field === 'progress-date' ? 'progressDate' : field) as keyof RowFields;
      fields[key] = fields[key] ? `${fields[key]}\n${c}` : c;
    });
    builder.addRow(fields, h.whole);
  };
  const flushPending = () => {
    if (!pending) return;
    const { cells, parts, header: h, t, ri } = pending;
    pending = null;
    // One deliverable, a row for each partnership: each row is that partnership's part.
    const names = [...builder.partnershipPrefixes];
    const joined = parts.length ? partnershipRows([cells, ...parts], h.fields, names) : null;
    if (joined) {
      builder.guesses.add(
        `Rows under one deliverable with no partnership's name of their own were read as each partnership's part, in the order the plan names them (${names.join(', ')}). Check these actions' parts.`,
      );
      return emitRow(joined, h, t, ri);
    }
    emitRow(cells, h, t, ri);
    for (const part of parts) emitRow(part, h, t, ri);
  };
  /**
   * Text after a table whose last row stopped mid-sentence (a page break
   * cut the activity off) finishes that cell: the lines up to the first
   * that ends a sentence, skipping page numbers and stray symbols.
   */
  const finishCutCell = (from: number): boolean => {
    if (!pending || pending.parts.length) return false;
    const p = pending;
    const cut = p.header.fields.map((f, i) => [f, i] as const).filter(([f, i]) => (f === 'action' || f === 'objective') && p.cells[i]?.trim() && !/[.!?:;)]$/.test(p.cells[i]!.trim()));
    if (cut.length !== 1) return false;
    // The blocks whose lines finish the cell; page numbers and stray symbols between them are left to be reported.
    const taken: number[] = [];
    const text: string[] = [];
    for (let j = from; j < blocks.length && j < from + 16; j++) {
      const b = blocks[j]!;
      if (b.kind !== 'text') return false;
      const line = oneLine(cleanCell(b.text));
      if (!line || isFurniture(line) || (!/\s/.test(line) && !/^[A-Za-z]+[.,]?$/.test(line))) continue;
      if (readPriorityHeading(line) || themeHeading(line)) return false;
      taken.push(j);
      text.push(line);
      if (/[.!?]$/.test(line)) {
        const i = cut[0]![1];
        p.cells[i] = text.reduce((a, l) => joinWrapped(a, l), p.cells[i]!.trim());
        for (const k of taken) consumed.add(k);
        return true;
      }
    }
    return false;
  };

  blocks.forEach((block: SourceBlock, bi) => {
    if (block.kind === 'text') {
      if (consumed.has(bi)) return;
      const line = oneLine(cleanCell(block.text));
      // Blank lines and page furniture between a row's halves leave the row open.
      if (!line || isFurniture(line)) return;
      if (pending && finishCutCell(bi) && consumed.has(bi)) return;
      flushPending();
      const heading = readPriorityHeading(line);
      const theme = !heading && themeHeading(line) && hasHeaderAhead(bi + 1) ? themeHeading(line) : null;
      if ((heading && (heading.title || hasHeaderAhead(bi + 1))) || theme) {
        builder.startPriority(theme ?? heading!.title, heading?.owner);
        inSuccess = false;
        tableSincePriority = false;
        return;
      }
      const p = builder.currentPriority;
      if (!p) {
        if (!title) title = line;
        else preamble.push(line);
        return;
      }
      if (tableSincePriority) {
        notImported.push({ where: `text after table ${tableNo}`, text: line, reason: 'Text between tables that is not a priority heading.' });
        return;
      }
      if (!p.title) {
        p.title = line;
        return;
      }
      if (SUCCESS_HEADING.test(line)) {
        inSuccess = true;
        return;
      }
      if (BULLETED.test(line)) {
        const text = line.replace(BULLETED, '').replace(/\*\*/g, '').trim();
        if (inSuccess) (p.successStatements ??= []).push(text);
        else (p.focusAreas ??= []).push(text);
        return;
      }
      if (inSuccess) {
        (p.successStatements ??= []).push(line);
        return;
      }
      p.aim = p.aim ? `${p.aim} ${line}` : line;
      return;
    }

    tableNo++;
    const t = tableNo;
    // A workbook with a sheet per priority names each sheet after it.
    const sheetPriority = block.name ? readPriorityHeading(block.name) : null;
    if (sheetPriority?.title) builder.startPriority(sheetPriority.title, sheetPriority.owner);
    // The priority this table is for was named just above it (a heading, or the sheet's name).
    let namedAbove = Boolean(builder.currentPriority?.title) && (!tableSincePriority || Boolean(sheetPriority?.title));
    tableSincePriority = true;
    let tableHeader: Header | null = null;
    let titleRowAbove = false;
    const rows = block.rows.map((r) => r.map(cleanCell));
    rows.forEach((rowCells, ri) => {
      let cells = rowCells;
      const where = (ci: number, heading?: string) => `table ${t}, row ${ri + 1}${heading ? `, column "${heading}"` : `, column ${ci + 1}`}`;
      const nonEmpty = cells.map((c, i) => [c, i] as const).filter(([c]) => c);
      if (nonEmpty.length === 0) return;
      // A priority written as a row across the table.
      const firstLine = nonEmpty.length === 1 ? nonEmpty[0]![0].split('\n')[0]! : '';
      if (firstLine && readPriorityHeading(firstLine)?.title) {
        flushPending();
        const h = readPriorityHeading(firstLine)!;
        builder.startPriority(h.title, h.owner);
        const rest = nonEmpty[0]![0]
          .split('\n')
          .slice(1)
          .map((l) => l.replace(/^[•·\-*]\s*/, '').trim())
          .filter(Boolean);
        if (rest.length) builder.currentPriority!.focusAreas = rest;
        tableSincePriority = false;
        return;
      }
      // A title row across the top of a table, above its heading row, names the table's priority.
      if (ri === 0 && nonEmpty.length === 1 && rows.length > 2 && !nonEmpty[0]![0].includes('\n') && readHeader(rows[1]!, {}, new Map(), true)) {
        const h = readPriorityHeading(nonEmpty[0]![0]) ?? splitOwner(nonEmpty[0]![0]);
        if (h.title && h.title.split(/\s+/).length <= 25) {
          flushPending();
          builder.startPriority(h.title, h.owner);
          tableSincePriority = false;
          titleRowAbove = true;
          namedAbove = true;
          return;
        }
      }
      const h = readHeader(cells, mapping, columns, ri === 0 || (ri === 1 && titleRowAbove), Boolean(options.firstRowHeadings));
      if (h) {
        flushPending();
        if (namedAbove && h.fields.includes('priority')) {
          notes.add(underPriority(h, mapping, columns));
        }
        header = tableHeader = h;
        tableSincePriority = true;
        return;
      }
      if (!tableHeader) {
        // A table with no heading row carries on the last one when it has the same shape.
        // A row a page break cut off lost its empty leading cells: fewer cells, the same table.
        if (header && (Math.abs(header.fields.length - cells.length) <= 1 || (pending && extracted && cells.length < header.fields.length))) tableHeader = header;
        else if (!anyHeader) tableHeader = header = headlessHeader(cells.length, mapping, columns);
        else {
          for (const [c, ci] of nonEmpty) notImported.push({ where: where(ci), text: c, reason: 'This table has no column headings Coplan recognises.' });
          return;
        }
      }
      const aligned = alignRow(cells, tableHeader.fields, extracted);
      cells = aligned.cells;
      let number = aligned.number;
      const numberAt = tableHeader.fields.findIndex((f, i) => f === 'number' || (i === 0 && f === 'ignore'));
      if (!number && numberAt >= 0 && isRowNumber(cells[numberAt] ?? '')) number = cells[numberAt]!.trim();
      if (!extracted) return emitRow(cells, tableHeader, t, ri);
      // A row without a number may carry on the one above, or be another part of its deliverable.
      const above = pending && pending.header.fields.length === tableHeader.fields.length ? pending : null;
      const last = above ? (above.parts[above.parts.length - 1] ?? above.cells) : null;
      const join = above && last && !number ? rowJoin(last, cells, tableHeader.fields) : 'new';
      if (above && last && join === 'continues') {
        const merged = joinRows(last, cells, tableHeader.fields, builder.partnershipPrefixes);
        if (above.parts.length) above.parts[above.parts.length - 1] = merged;
        else above.cells = merged;
        return;
      }
      if (above && join === 'part') {
        above.parts.push(cells);
        return;
      }
      flushPending();
      pending = { cells, parts: [], header: tableHeader, t, ri };
    });
  });

  flushPending();
  if (!anyHeader && blocks.some((b) => b.kind === 'table') && ![...columns.values()].some((c) => c.chosen && c.field !== 'ignore')) {
    warnings.push('No table has column headings Coplan recognises, such as "Objective", "Action", "Lead" and "Timescale". Choose what each column holds below.');
  }
  warnings.push(...notes, ...builder.guesses);
  if (builder.unratedProgress) {
    warnings.push(`${builder.unratedProgress} progress note(s) had no RAG rating; they are marked grey (not rated). Set each one's RAG after importing.`);
  }
  return finish(parsed, builder, title, preamble, [...columns.values()], notImported, warnings);
}

export { stripNumbering };
