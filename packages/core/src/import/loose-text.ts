import { parseTimescale } from '../timescale/parse-timescale.js';
import { cleanCell, isFurniture, joinWrapped, oneLine } from './clean-text.js';
import { HEADING_PHRASES, normaliseHeading, recogniseHeading } from './headings.js';
import { finish, type ColumnMapping, type ImportColumn, type ImportPreview, type MapOptions } from './map-source.js';
import { readPriorityHeading, type NotImported, type PlanBuilder } from './plan-builder.js';
import type { ParsedSource } from './source.js';

const LEAD_WORDS =
  /\b(?:sub-?group|sub group|sub|group|board|team|partners?|co-?ordinator|coordinator|manager|lead|officer|chair|panel|service|services|designated|named|head of|director|nurse|executive|partnership)\b/i;
// Organisations are named with capitals: "Trust" is a lead, "public trust" is not.
const ORGANISATIONS = /\b(?:LSCP|LSCB|SCP|Police|Council|Trust|NHS|CCG|ICB|MASH|LADO)\b/;

/** "Enhancing the Emotional Wellbeing of Children and Young People": most long words capitalised. */
function titleCase(text: string): boolean {
  const words = text.split(/\s+/);
  const long = words.filter((w) => w.replace(/[^A-Za-z]/g, '').length > 3);
  return words.length <= 12 && long.length >= 3 && !LEAD_WORDS.test(text) && !ORGANISATIONS.test(text) && long.filter((w) => /^[A-Z]/.test(w)).length >= long.length * 0.7 && !/[.:;]$/.test(text);
}

type Kind = 'heading' | 'lead' | 'timescale' | 'text';

function kindOf(text: string): Kind {
  return isLeadLike(text) ? 'lead' : isTimescaleLike(text) ? 'timescale' : 'text';
}

function isLeadLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words <= 8 && (LEAD_WORDS.test(line) || ORGANISATIONS.test(line)) && !/[.;:?]$/.test(line) && !/^\(?\d+[.)]/.test(line) && !/^(?:to|the|a|an|for|ensure|develop|review|partners work)\b/i.test(line);
}

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
export function readLooseText(
  parsed: ParsedSource,
  builder: PlanBuilder,
  options: MapOptions,
  mapping: ColumnMapping,
  columns: Map<string, ImportColumn>,
): ImportPreview {
  void options;
  const notImported: NotImported[] = [];
  const warnings = [...parsed.warnings];
  // Paragraphs: blank lines end one; so does a change from prose to a lead or a date.
  const units: { text: string; kind: Kind }[] = [];
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
  for (const raw of lines) {
    const line = oneLine(cleanCell(raw));
    if (!line) { blank = true; continue; }
    if (paragraphs && !blank && units.length && !readPriorityHeading(line)) {
      const prev = units[units.length - 1]!;
      if (prev.kind !== 'heading' || !readPriorityHeading(prev.text)?.title) {
        prev.text = joinWrapped(prev.text, line);
        if (prev.kind !== 'heading') prev.kind = kindOf(prev.text);
        continue;
      }
    }
    if (isFurniture(line)) continue;
    const kind: Kind = readPriorityHeading(line) ? 'heading' : kindOf(line);
    const prev = units[units.length - 1];
    const numbered = /^\(?(?:\d{1,2}|[a-z])[.)]\s/.test(line);
    let join = false;
    if (prev && !blank && kind !== 'heading' && prev.kind !== 'heading') {
      if (prev.kind === 'text' && (kind === 'text' || /^[a-z(]/.test(line)) && !numbered) join = !/[.!?]$/.test(prev.text) || /^[a-z(]/.test(line);
      else if (prev.kind === 'lead' && kind !== 'timescale') {
        const both = joinWrapped(prev.text, line).toLowerCase();
        join = /[,&]$|\b(?:to|with|and|of|the|for)$/i.test(prev.text) || /^[a-z(]/.test(line) ||
          [...known].some((k) => both.includes(k) && !prev.text.toLowerCase().includes(k) && !line.toLowerCase().includes(k));
      }
    } else if (prev && blank === false && prev.kind === 'heading' && kind === 'text' && !readPriorityHeading(prev.text)?.title) {
      prev.text = joinWrapped(prev.text, line);
      continue;
    }
    if (join) prev!.text = joinWrapped(prev!.text, line);
    else units.push({ text: line, kind: prev?.kind === 'lead' && kind === 'text' && /^[a-z(]/.test(line) ? 'lead' : kind });
    blank = false;
  }

  // Column headings spread over paragraphs: read them, and skip them.
  const isHeading = (u: { text: string }) => {
    const m = recogniseHeading(u.text.replace(/^priority\s+/i, ''));
    if (m && m.confidence >= 0.8 && u.text.split(/\s+/).length <= 8) return true;
    // The first part of a heading that a blank line split: "Impact / what difference has it".
    const h = normaliseHeading(u.text);
    return h.length >= 12 && [...HEADING_PHRASES].some((p) => p.startsWith(h));
  };
  let title = '';
  const preamble: string[] = [];
  let state: 'start' | 'objective' | 'actions' | 'details' = 'start';
  let objective = '';
  let actions: string[] = [];
  let leads: string[] = [];
  let timescales: string[] = [];
  const flush = () => {
    if (!objective && actions.length === 0) return;
    if (!builder.currentPriority) builder.startPriority('');
    const oneEach = actions.length > 1 && leads.length === actions.length;
    const timeEach = actions.length > 1 && timescales.length === actions.length;
    if (actions.length === 0) {
      builder.addRow({ objective, lead: leads.join('\n'), timescale: timescales.join('\n') });
    } else {
      actions.forEach((a, i) => {
        builder.addRow({
          objective: i === 0 ? objective : '',
          action: a,
          lead: oneEach ? leads[i]! : leads.join('\n'),
          timescale: timeEach ? timescales[i]! : timescales.join('\n'),
        });
      });
    }
    objective = '';
    actions = [];
    leads = [];
    timescales = [];
  };
  let seenHeadings = 0;
  let lastHeading = '';
  const explicitHeadings = units.filter((u) => u.kind === 'heading').length;
  for (const u of units) {
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
      if (!columns.has(key)) columns.set(key, { heading: u.text, key, field: mapping[key] ?? m.field, confidence: m.confidence, tables: 1, examples: [] });
      seenHeadings++;
      continue;
    }
    if (!builder.currentPriority) {
      if (!title) title = u.text;
      else preamble.push(u.text);
      continue;
    }
    const p = builder.currentPriority;
    if (!p.title && u.kind === 'text' && state === 'start' && u.text.split(/\s+/).length <= 40) { p.title = u.text; continue; }
    if (u.kind === 'lead') { leads.push(u.text); state = 'details'; continue; }
    if (u.kind === 'timescale') { timescales.push(u.text); state = 'details'; continue; }
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
      objective = u.text;
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
  return finish(parsed, builder, title, preamble, [...columns.values()], notImported, warnings);
}
