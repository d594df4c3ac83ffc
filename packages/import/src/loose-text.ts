import { parseTimescale } from '@coplan/core';
import { cleanCell, isFurniture, joinWrapped, oneLine } from './clean-text.js';
import { HEADING_PHRASES, normaliseHeading, recogniseHeading } from './headings.js';
import { finish } from './finish-preview.js';
import type { ColumnMapping, ImportColumn, ImportPreview, MapOptions } from './import-preview.js';
import { readPriorityHeading, type NotImported, type PlanBuilder } from './plan-builder.js';
import { TASK_VERBS } from './split-cell.js';
import type { ParsedSource } from './source.js';

const LEAD_WORDS =
  /\b(?:sub-?group|sub group|sub|group|board|team|partners?|co-?ordinator|coordinator|manager|lead|officer|chair|panel|service|services|designated|named|head of|director|nurse|executive|partnership)\b/i;
// Organisations are named with capitals: "Trust" is a lead, "public trust" is not.
const ORGANISATIONS = /\b(?:LSCP|LSCB|SCP|Police|Council|Trust|NHS|CCG|ICB|MASH|LADO)\b/;

/** One wrapped line of a title: its long words capitalised ("Enhancing the Emotional"). */
function titleCaseLine(line: string): boolean {
  const long = line.split(/\s+/).filter((w) => w.replace(/[^A-Za-z]/g, '').length > 3);
  return long.length > 0 && long.filter((w) => /^[A-Z]/.test(w)).length >= long.length * 0.7 && !LEAD_WORDS.test(line) && !ORGANISATIONS.test(line) && !/[.:;]$/.test(line);
}

/** "Enhancing the Emotional Wellbeing of Children and Young People": most long words capitalised. */
function titleCase(text: string): boolean {
  const words = text.split(/\s+/);
  const long = words.filter((w) => w.replace(/[^A-Za-z]/g, '').length > 3);
  // Two long words may make a title ("Promoting Healthy") only when every word of it is capitalised.
  const enough = long.length >= 3 || (long.length === 2 && words.every((w) => /^[A-Z]/.test(w)));
  return (
    words.length <= 12 &&
    enough &&
    !LEAD_WORDS.test(text) &&
    !ORGANISATIONS.test(text) &&
    long.filter((w) => /^[A-Z]/.test(w)).length >= long.length * 0.7 &&
    !/[.:;,]$/.test(text) &&
    (text.match(/,/g) ?? []).length < 2
  );
}

type Kind = 'heading' | 'lead' | 'timescale' | 'text';

/** A paragraph of the text: a cell, or part of one, as far as the text shows. */
interface Unit {
  text: string;
  kind: Kind;
  /** The lines it was joined from. */
  lines: string[];
  /** Text that followed a date on its line: the next column's, the row's impact. */
  impact?: boolean;
  /** Numbered "1." (an item) or lettered "a." (a sub-item). */
  numbered?: 'item' | 'sub';
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|winter)';
// "September 2016 Improved …", "April/May 2016 Agree …", "31/03/16 Report …": a date, then a capitalised word.
const GLUED_TIMESCALE = new RegExp(`^((?:by\\s+)?(?:${MONTH}(?:\\s*/\\s*${MONTH})?\\s+20\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4})(?:\\s*[–-]\\s*${MONTH}\\s+20\\d\\d)?)\\s+([A-Z][a-z].{3,})$`, 'i');
// A cell's first word in these plans: a task verb with a lower-case word after it.
const CELL_START = new RegExp(`^(?:${TASK_VERBS}) [a-z]`);

function kindOf(text: string): Kind {
  return isLeadLike(text) ? 'lead' : isTimescaleLike(text) ? 'timescale' : 'text';
}

function isLeadLike(line: string): boolean {
  if (/[.;:?]$/.test(line) || /^\(?\d+[.)]/.test(line) || /^(?:to|the|a|an|for|ensure|develop|review|partners work)\b/i.test(line)) return false;
  // A sentence, not a name: it has a verb ("Services is smooth …") or stops on a little word ("… Partners in").
  if (/\b(?:is|are|was|were|will|be|been|has|have)\b/i.test(line) || /\b(?:in|of|the|a|an|for|including|from|on|at|by|as)$/i.test(line)) return false;
  if (!LEAD_WORDS.test(line) && !ORGANISATIONS.test(line)) return false;
  // Asides in brackets ("(CCG Hosted Safeguarding Team)") do not make a name longer.
  const bare = line.replace(/\([^()]*\)/g, ' ').trim();
  const words = bare.split(/\s+/).length;
  if (words <= 8) return true;
  // A longer cell that is a list of names, or one long group name: "Development and Procedures Subgroup/Multi-agency Task and Finish Group".
  if (words > 14) return false;
  const parts = bare.split(/\s*,\s*/);
  return GROUP_END.test(bare) || (parts.length > 1 && parts.every((p) => p.split(/\s+/).length <= 8 && (LEAD_WORDS.test(p) || ORGANISATIONS.test(p))));
}

const GROUP_END = /\b(?:sub-?group|group|board|team|panel|partnership|officers?|lead|manager|co-?ordinator)$/i;

function isTimescaleLike(line: string): boolean {
  if (line.split(/\s+/).length > 14) return false;
  const t = parseTimescale(line);
  return t.parts.some((p) => p.kind !== 'unparsed') && (t.ok || t.unparsed.join(' ').length < line.length / 2);
}

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
  const units: Unit[] = [];
  let blank = true;
  const lines = parsed.blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.join(' ')).join('\n')));
  const known = new Set<string>();
  for (const raw of lines) {
    const l = oneLine(cleanCell(raw));
    if (l && isLeadLike(l)) known.add(l.toLowerCase());
  }
  // Text whose cells are paragraphs (blank lines between) joins every line of a paragraph;
  // text with no blank lines (a PDF column dump) joins wrapped lines by how they read.
  const blankShare = lines.filter((l) => !l.trim()).length / Math.max(1, lines.length);
  const paragraphs = blankShare > 0.15;
  const take = (line: string, flag?: 'impact') => {
    if (paragraphs && !blank && units.length && !readPriorityHeading(line)) {
      const prev = units[units.length - 1]!;
      if (prev.kind !== 'heading' || !readPriorityHeading(prev.text)?.title) {
        prev.text = joinWrapped(prev.text, line);
        if (prev.kind !== 'heading') prev.kind = kindOf(prev.text);
        return;
      }
    }
    if (isFurniture(line)) return;
    const kind: Kind = readPriorityHeading(line) ? 'heading' : kindOf(line);
    const prev = units[units.length - 1];
    const numbered = /^\(?(?:\d{1,2}|[a-z])[.)]\s/.test(line);
    let join = false;
    if (prev && !blank && kind !== 'heading' && prev.kind !== 'heading') {
      if (prev.kind === 'text' && (kind === 'text' || /^[a-z(]/.test(line)) && !numbered) {
        join = !/[.!?]$/.test(prev.text) || /^[a-z(]/.test(line);
        // A column dump runs cells together: a title-case cell ("Promoting Healthy") ends where a sentence starts,
        // and a task verb after a lower-case word starts a cell ("… children and young" / "Establish common …").
        if (join && !paragraphs && /^[A-Z]/.test(line) && !titleCase(line) && prev.lines.every(titleCaseLine) && titleCase(prev.text)) join = false;
        if (join && !paragraphs && CELL_START.test(line) && /\b(?!(?:the|a|an|to|of|for|and|with|by|in|on|at|or)\b)[a-z][a-z-]*$/.test(prev.text)) join = false;
      } else if (prev.kind === 'lead' && kind !== 'timescale' && !numbered) {
        const both = joinWrapped(prev.text, line).toLowerCase();
        // A cut sentence ends a lead cell with "to" ("sub-group to"); a name does not end with "Children's".
        join =
          /[,&]$|\b(?:with|and|of|the|for)$|['’]s$/i.test(prev.text) ||
          /^[a-z(]/.test(line) ||
          (kind === 'lead' && [...known].some((k) => both.includes(k) && !prev.text.toLowerCase().includes(k) && !line.toLowerCase().includes(k)));
      }
    } else if (prev && blank === false && prev.kind === 'heading' && kind === 'text' && !readPriorityHeading(prev.text)?.title) {
      prev.text = joinWrapped(prev.text, line);
      return;
    }
    if (join) {
      prev!.text = joinWrapped(prev!.text, line);
      prev!.lines.push(line);
      // "Policy, Procedures, Education" then "and Training sub-group": a lead cell after all.
      if (prev!.kind === 'text' && !prev!.numbered && isLeadLike(prev!.text)) prev!.kind = 'lead';
    } else {
      const k = prev?.kind === 'lead' && kind === 'text' && /^[a-z(]/.test(line) && !numbered ? 'lead' : kind;
      units.push({ text: line, kind: k, lines: [line], ...(flag ? { impact: true } : {}), ...(numbered ? { numbered: /^\(?[a-z][.)]/.test(line) ? ('sub' as const) : ('item' as const) } : {}) });
    }
    blank = false;
  };
  for (const raw of lines) {
    const line = oneLine(cleanCell(raw));
    if (!line) {
      blank = true;
      continue;
    }
    // A date that ran into the next column's text on one line: "September 2016 Improved levels of awareness".
    const glued = GLUED_TIMESCALE.exec(line);
    if (glued && !isFurniture(line) && isTimescaleLike(glued[1]!)) {
      take(glued[1]!);
      blank = true;
      take(glued[2]!, 'impact');
      continue;
    }
    take(line);
  }

  // Column headings spread over paragraphs: read them, and skip them.
  const isHeading = (u: { text: string }) => {
    const m = recogniseHeading(u.text.replace(/^priority\s+/i, ''));
    if (m && m.confidence >= 0.8 && u.text.split(/\s+/).length <= 8) return true;
    // The first part of a heading that a blank line split: "Impact / what difference has it".
    const h = normaliseHeading(u.text);
    return h.length >= 12 && [...HEADING_PHRASES].some((p) => p.startsWith(h));
  };
  // Lead names written alone help split lead cells that name several.
  builder.learnLeads(units.filter((u) => u.kind === 'lead').map((u) => u.text));
  let title = '';
  const preamble: string[] = [];
  let state: 'start' | 'objective' | 'actions' | 'details' = 'start';
  let objective = '';
  let actions: string[] = [];
  let subItems: string[][] = [];
  let leads: string[] = [];
  let timescales: string[] = [];
  let impact: string[] = [];
  const flush = () => {
    if (!objective && actions.length === 0) return;
    if (!builder.currentPriority) builder.startPriority('');
    const oneEach = actions.length > 1 && leads.length === actions.length;
    const timeEach = actions.length > 1 && timescales.length === actions.length;
    if (actions.length === 0) {
      builder.addRow({ objective, lead: leads.join('\n'), timescale: timescales.join('\n'), impact: impact.join('\n') });
    } else {
      actions.forEach((a, i) => {
        builder.addRow({
          objective: i === 0 ? objective : '',
          action: a,
          lead: oneEach ? leads[i]! : leads.join('\n'),
          timescale: timeEach ? timescales[i]! : timescales.join('\n'),
          // An action's lettered sub-items ("a. County Lines") are its milestones.
          milestone: subItems[i]?.length ? subItems[i]!.join('\n') : '',
          impact: i === 0 ? impact.join('\n') : '',
        });
      });
    }
    objective = '';
    actions = [];
    subItems = [];
    leads = [];
    timescales = [];
    impact = [];
  };
  // A plan whose table has a priority column ("Strategic Priority" written as a column heading, with no title of its own):
  // a row that starts a priority opens with the priority's cell, then the objective's.
  const priorityColumn = units.some((u) => u.kind === 'heading' && /^(?:strategic\s+)?priority(?:\s+area)?$/i.test(u.lines[0]!.trim()));
  let seenHeadings = 0;
  let lastHeading = '';
  const explicitHeadings = units.filter((u) => u.kind === 'heading').length;
  for (let ui = 0; ui < units.length; ui++) {
    const u = units[ui]!;
    if (u.kind === 'heading') {
      flush();
      const h = readPriorityHeading(u.text)!;
      builder.startPriority(h.title, h.owner);
      state = 'start';
      continue;
    }
    // The tail of a heading a blank line split off ("made?"), or an acronym among leads ("SEG").
    if (lastHeading && u.text.split(/\s+/).length <= 3 && (/\?$/.test(u.text) || isHeading({ text: `${lastHeading} ${u.text}` }))) continue;
    lastHeading = '';
    if (u.kind === 'text' && /^[A-Z&]{2,8}$/.test(u.text) && state === 'details') u.kind = 'lead';
    if (isHeading(u)) {
      lastHeading = u.text;
      const m = recogniseHeading(u.text.replace(/^priority\s+/i, '')) ?? { field: 'impact' as const, confidence: 0.6 };
      const key = normaliseHeading(u.text);
      if (!columns.has(key))
        columns.set(key, { heading: u.text, key, field: mapping[key] ?? m.field, confidence: mapping[key] ? 1 : m.confidence, chosen: mapping[key] !== undefined, tables: 1, examples: [] });
      seenHeadings++;
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
    if (u.kind === 'lead') {
      leads.push(u.text);
      state = 'details';
      continue;
    }
    if (u.kind === 'timescale') {
      timescales.push(u.text);
      state = 'details';
      continue;
    }
    // The rest of a date's line: the next column, the row's impact.
    if (u.impact && state === 'details' && (objective || actions.length)) {
      impact.push(u.text);
      continue;
    }
    // A lettered sub-item ("a. Children Missing", even after the leads a page break put first) is a milestone of the action before.
    if (u.numbered === 'sub' && actions.length && (state === 'actions' || state === 'details')) {
      (subItems[actions.length - 1] ??= []).push(u.text.replace(/^\(?[a-z][.)]\s+/, ''));
      continue;
    }
    // A priority heading that lost its "Priority" label: a short title-case line where a row would start.
    if (state === 'details' && explicitHeadings < 2 && titleCase(u.text)) {
      flush();
      builder.startPriority(u.text);
      state = 'start';
      continue;
    }
    // Prose: a new row after details, else the objective then its actions.
    if (state === 'details' || state === 'start') {
      flush();
      // Where actions are numbered, the prose before "1." is the row's first cells: with a priority column,
      // a short first paragraph before the objective's is the priority's title.
      let run = 0;
      while (ui + run < units.length && units[ui + run]!.kind === 'text' && !units[ui + run]!.numbered && !isHeading(units[ui + run]!)) run++;
      const next = units[ui + run];
      if (u.kind === 'text' && !u.numbered && next?.numbered === 'item') {
        const cells = units.slice(ui, ui + run).map((x) => x.text);
        if (priorityColumn && explicitHeadings < 2 && state === 'details' && cells.length >= 2 && cells[0]!.split(/\s+/).length <= 20 && /^[A-Z]/.test(cells[1]!) && !/[,;]$|\band$/.test(cells[0]!)) {
          builder.startPriority(cells.shift()!.replace(/[.:]$/, ''));
        }
        objective = cells.join('\n');
        ui += run - 1;
      } else objective = u.text;
      state = 'objective';
    } else {
      actions.push(u.text);
      state = 'actions';
    }
  }
  flush();
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
