// Reading a plan from text with no tables left in it (copied out of a PDF), where the table's columns come one
// after another. This file walks the paragraphs and decides which column each is; the rules it applies live
// beside it: what a line reads as (loose-line-kinds), joining lines into paragraphs (loose-units), column headings
// (loose-column-headings), the row and its leads and dates (loose-row, loose-pairing), page breaks inside a row
// (loose-page-breaks) and focus-area lists (loose-focus-areas).
import { finish } from './finish-preview.js';
import type { ColumnMapping, ImportColumn, ImportPreview, MapOptions } from './import-preview.js';
import { isColumnHeading, recordColumn } from './loose-column-headings.js';
import { FocusList } from './loose-focus-areas.js';
import { CELL_START, titleCase } from './loose-line-kinds.js';
import { PageBreaks } from './loose-page-breaks.js';
import { LooseRow } from './loose-row.js';
import { readUnits } from './loose-units.js';
import { readPriorityHeading, type NotImported, type PlanBuilder } from './plan-builder.js';
import type { ParsedSource } from './source.js';
import { wordPairs } from './page-cut-cells.js';

export { numericDate } from './loose-numeric-date.js';

/**
 * Reads text with no tables left in it, as copied out of a PDF: the plan's
 * columns come one after another. Priorities are found from their headings;
 * a sentence that starts a row is an objective, what follows it until the
 * leads are its actions, then come leads (one per action when the counts
 * agree) and timescales.
 */
export function readLooseText(parsed: ParsedSource, builder: PlanBuilder, options: MapOptions, mapping: ColumnMapping, columns: Map<string, ImportColumn>): ImportPreview {
  void options;
  const notImported: NotImported[] = [];
  const warnings = [...parsed.warnings];
  // Paragraphs: blank lines end one; so does a change from prose to a lead or a date.
  const lines = parsed.blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.join(' ')).join('\n')));
  const { units, paragraphs } = readUnits(lines);
  // Lead names written alone help split lead cells that name several.
  builder.learnLeads(units.filter((u) => u.kind === 'lead').map((u) => u.text));
  let title = '';
  const preamble: string[] = [];
  let state: 'start' | 'objective' | 'actions' | 'details' = 'start';
  const row = new LooseRow();
  const breaks = new PageBreaks(paragraphs ? wordPairs(lines) : new Set<string>());
  const focus = new FocusList();
  let pairedRows = 0;
  const flush = () => {
    focus.open = false;
    breaks.reset();
    if (row.end(builder).paired) pairedRows++;
  };
  // A plan whose table has a priority column ("Strategic Priority" written as a column heading, with no title of its own):
  // a row that starts a priority opens with the priority's cell, then the objective's.
  const priorityColumn = units.some((u) => u.kind === 'heading' && /^(?:strategic\s+)?priority(?:\s+area)?$/i.test(u.lines[0]!.trim()));
  let seenHeadings = 0;
  let lastHeading = '';
  let headingsSincePriority = 0;
  const explicitHeadings = units.filter((u) => u.kind === 'heading').length;
  for (let ui = 0; ui < units.length; ui++) {
    const u = units[ui]!;
    if (u.kind === 'heading') {
      flush();
      const h = readPriorityHeading(u.text)!;
      builder.startPriority(h.title, h.owner);
      state = 'start';
      headingsSincePriority = 0;
      continue;
    }
    // A page break inside a row: the row goes on, and the lower-case paragraphs that follow finish its cut cells.
    if (u.pageBreak && state === 'details' && row.begun) breaks.begin(row, units, ui);
    if (breaks.expects(u)) {
      focus.open = false;
      const into = breaks.place(row, u);
      if (into) {
        if (/:$/.test(into.text())) focus.open = true;
        continue;
      }
    }
    // The tail of a heading a blank line split off ("made?"), or an acronym among leads ("SEG").
    if (lastHeading && u.text.split(/\s+/).length <= 3 && (/\?$/.test(u.text) || isColumnHeading({ text: `${lastHeading} ${u.text}` }))) continue;
    lastHeading = '';
    if (u.kind === 'text' && /^[A-Z&]{2,8}$/.test(u.text) && state === 'details') u.kind = 'lead';
    if (isColumnHeading(u)) {
      lastHeading = u.text;
      recordColumn(columns, mapping, u.text);
      seenHeadings++;
      headingsSincePriority++;
      continue;
    }
    if (!builder.currentPriority) {
      if (!title) title = u.text;
      else preamble.push(u.text);
      continue;
    }
    const p = builder.currentPriority;
    if (!p.title && u.kind === 'text' && state === 'start' && u.text.split(/\s+/).length <= 40) {
      p.title = u.text;
      continue;
    }
    // A paragraph in brackets under a priority's title, above its table's headings: the priority's aim.
    if (paragraphs && p.title && state === 'start' && headingsSincePriority === 0 && /^\(.*\)\.?$/.test(u.text)) {
      p.aim = p.aim ? `${p.aim} ${u.text}` : u.text;
      continue;
    }
    if (paragraphs && focus.take(p, u, row.objective)) continue;
    // The rest of a date's line is the next column, the row's impact, even when it reads like a name ("Local services …").
    if (u.impact && state === 'details' && row.begun) {
      row.addImpact(u.text);
      continue;
    }
    // A lower-case fragment after a gap: the end of the row's last action, which a page break put after its leads.
    if (state === 'details' && breaks.endsLastAction(row, u)) continue;
    // Columns come in order on a page: after the row's date, a name-like cell is the impact column's
    // ("… management of Child Neglect across LLR partnership"), and a date after the impact is its progress.
    if (paragraphs && state === 'details' && row.segTime && u.kind === 'lead' && !u.pageBreak) {
      row.addImpact(u.text);
      continue;
    }
    if (paragraphs && state === 'details' && row.segImpact && u.kind === 'timescale') {
      row.progress.push(u.text);
      continue;
    }
    // After the impact began, paragraphs that run to a page break with no cell of another column among them are
    // more of the impact column: a new row would show its other columns' first lines too.
    if (paragraphs && state === 'details' && row.segImpact && u.kind === 'text' && !u.numbered) {
      let j = ui + 1;
      while (j < units.length && !units[j]!.pageBreak && units[j]!.kind === 'text' && !units[j]!.numbered) j++;
      if (j < units.length && units[j]!.pageBreak) {
        row.addImpact(u.text);
        continue;
      }
    }
    if (u.kind === 'lead') {
      row.addLead(u.text);
      state = 'details';
      continue;
    }
    if (u.kind === 'timescale') {
      row.addTimescale(u.text);
      state = 'details';
      continue;
    }
    // A lettered sub-item ("a. Children Missing", even after the leads a page break put first) is a milestone of the action before.
    if (u.numbered === 'sub' && row.actions.length && (state === 'actions' || state === 'details')) {
      (row.subItems[row.actions.length - 1] ??= []).push(u.text.replace(/^\(?[a-z][.)]\s+/, ''));
      continue;
    }
    // A priority heading that lost its "Priority" label: a short title-case line where a row would start.
    if (state === 'details' && explicitHeadings < 2 && titleCase(u.text)) {
      flush();
      builder.startPriority(u.text);
      state = 'start';
      continue;
    }
    // After a page break, a row that a fragment carried on goes on: its next paragraphs are more of its items.
    if (breaks.carryOn && state === 'details') {
      row.addAction(u);
      continue;
    }
    // "These would include", under the objective: a list's opening, the objective's own.
    if (paragraphs && state === 'objective' && u.kind === 'text' && !CELL_START.test(u.text) && /\b(?:include|including|such as|as follows)\s*:?$/i.test(u.text)) {
      row.objective = `${row.objective}\n${u.text}`;
      if (/:$/.test(u.text)) focus.open = true;
      continue;
    }
    // Prose: a new row after details, else the objective then its actions.
    if (state === 'details' || state === 'start') {
      flush();
      // Where actions are numbered, the prose before "1." is the row's first cells: with a priority column,
      // a short first paragraph before the objective's is the priority's title.
      let run = 0;
      while (ui + run < units.length && units[ui + run]!.kind === 'text' && !units[ui + run]!.numbered && !isColumnHeading(units[ui + run]!)) run++;
      const next = units[ui + run];
      if (u.kind === 'text' && !u.numbered && next?.numbered === 'item') {
        const cells = units.slice(ui, ui + run).map((x) => x.text);
        if (priorityColumn && explicitHeadings < 2 && state === 'details' && cells.length >= 2 && cells[0]!.split(/\s+/).length <= 20 && /^[A-Z]/.test(cells[1]!) && !/[,;]$|\band$/.test(cells[0]!)) {
          // The title as written, full stop and all; a colon only introduces what follows.
          builder.startPriority(cells.shift()!.replace(/:$/, ''));
        }
        row.objective = cells.join('\n');
        ui += run - 1;
      } else row.objective = u.text;
      if (/:$/.test(row.objective)) focus.open = true;
      row.lastCell = row.objectiveCell;
      state = 'objective';
    } else {
      row.addAction(u);
      state = 'actions';
    }
  }
  flush();
  if (pairedRows)
    warnings.push(
      `${pairedRows === 1 ? 'One row lists' : `${pairedRows} rows list`} as many leads as dates beside more items: each lead and date was paired, in order, with the row's last items, and the items before it take them all. Check each action's lead and timescale.`,
    );
  if (breaks.splitFragments)
    warnings.push(
      `After a page break, ${breaks.splitFragments === 1 ? 'one line' : `${breaks.splitFragments} lines`} ran the ends of two cells together; each was split where the columns' widths say. Check the actions cut by page breaks.`,
    );
  if (builder.priorities.length === 0) {
    warnings.push('No priority headings or table headings were found. Coplan looks for headings such as "Priority 1: …" and columns such as "Objective", "Action", "Lead" and "Timescale".');
  }
  if (seenHeadings === 0 && builder.priorities.length) warnings.push('This text has no column headings; rows were read from the order of the text. Check each objective and action.');
  else if (builder.priorities.length)
    warnings.push(
      "This text reads like a table copied out of a PDF, where each cell is a paragraph and cells split over pages run together. Check each action's leads and timescale in the outline before importing; the Word or Excel original, if you have it, imports more exactly.",
    );
  return finish(parsed, builder, title, preamble, [...columns.values()], notImported, warnings);
}
