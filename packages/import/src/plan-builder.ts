import type { ActionInput, ActionStatus, PlanInput, Rag } from '@coplan/core';
import { parseUkDate, type MilestoneInput, type ObjectiveInput, type PriorityInput, type VariantInput } from '@coplan/core/formats';
import { oneLine } from './clean-text.js';
import { partnershipParts } from './partnership-parts.js';
import { timescalesByTask } from './task-timescales.js';
import { leadShaped, splitItems, splitLeads as splitLeadNames, splitTasks, stripNumbering, type LeadDetails } from './split-cell.js';

/** A source cell that landed in no field, and why. */
export interface NotImported {
  /** Where it was, e.g. `table 2, row 4, column "Notes"`. */
  where: string;
  text: string;
  reason: string;
}

/** One row's cells, by field; several columns mapped to a field are joined by line breaks. */
export type RowFields = Partial<
  Record<'priority' | 'objective' | 'action' | 'lead' | 'timescale' | 'milestone' | 'variant' | 'impact' | 'progress' | 'rag' | 'status' | 'due' | 'progressDate', string>
>;

/** A per-partnership line as Coplan writes it: "LRSCP: text · Lead: A; B · Timescale: March 2021". */
export function readVariant(line: string): VariantInput | null {
  const m = /^([^:]{1,60}):\s*(.*)$/.exec(line.trim());
  if (!m) return null;
  const v: VariantInput = { partnership: m[1]!.trim() };
  const text: string[] = [];
  for (const part of m[2]!.replace(/^·\s*/, '').split(' · ')) {
    const lead = /^Lead:\s*(.*)$/.exec(part);
    const timescale = /^Timescale:\s*(.*)$/.exec(part);
    if (lead)
      v.leads = lead[1]!
        .split(';')
        .map((l) => l.trim())
        .filter(Boolean);
    else if (timescale) v.timescale = timescale[1]!.trim();
    else if (part.trim()) text.push(part.trim());
  }
  if (text.length) v.text = text.join(' · ');
  return v;
}

/** A milestone line as Coplan writes it: "✓ text — timescale". */
export function readMilestone(line: string): MilestoneInput {
  const m = /^(✓\s*)?(.*?)(?:\s+—\s+(.+))?$/.exec(line.trim())!;
  return { text: m[2]!.trim(), ...(m[3] ? { timescale: m[3].trim() } : {}), ...(m[1] ? { done: true } : {}) };
}

const BULLET_MARK = /^[•·▪◦‣●○■□*]\s*/;

const ROLE_WORD = /^(?:manager|officer|advisor|adviser|director|lead|chair|co-?ordinator)$/i;

// The words that introduce a list of items below them: "…, including:", "as follows:".
const LIST_INTRO = /,?\s*\b(?:including|as follows|such as|for example)\s*:$/i;

/** A deliverable's short name: its first sentence, up to its first comma, without its number. */
function shortName(objective: string): string {
  const text = oneLine(stripNumbering(objective));
  return text.split(/(?<=[a-z0-9)])[.;:]\s|,\s/)[0]!.trim();
}

const RAG_WORDS: Record<string, Rag> = {
  red: 'red',
  r: 'red',
  amber: 'amber',
  a: 'amber',
  green: 'green',
  g: 'green',
  blue: 'blue',
  b: 'blue',
  complete: 'blue',
  completed: 'blue',
  grey: 'grey',
  gray: 'grey',
  'not started': 'grey',
};
const STATUS_WORDS: Record<string, ActionStatus> = {
  'not-started': 'not-started',
  'not started': 'not-started',
  'in-progress': 'in-progress',
  'in progress': 'in-progress',
  ongoing: 'in-progress',
  complete: 'complete',
  completed: 'complete',
  done: 'complete',
  'on-hold': 'on-hold',
  'on hold': 'on-hold',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

/** Reads a RAG rating written as a word or letter ("Green", "G", "Amber – delayed"). */
export function readRag(text: string): Rag | null {
  const t = text.trim().toLowerCase();
  if (RAG_WORDS[t]) return RAG_WORDS[t]!;
  const lead = /^(red|amber|green|blue|grey|gray|complete[d]?)\b/.exec(t);
  return lead ? RAG_WORDS[lead[1]!]! : null;
}

// Partnerships number their priorities in figures ("Priority 2") or in words ("Theme One").
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const PRIORITY_HEADING = new RegExp(
  String.raw`^(?:(?:LSCB|LSCP|SCP|LRSCP|LSCPB|Board|Business|Strategic|Partnership)\s+)?(?:Priority|Theme)(?:\s+Area)?\s*(\d{1,2}|(?:${NUMBER_WORDS})\b)?\s*(?:[:.\-–—]\s*|\s+)?(.*)$`,
  'i',
);

/** Reads "Priority Area 1: …", "LSCB Priority 2 Owner – TBC", "Strategic Priority". */
export function readPriorityHeading(line: string): { title: string; owner?: string } | null {
  const m = PRIORITY_HEADING.exec(line.trim().replace(/^[•·*]\s*/, ''));
  if (!m) return null;
  const rest = m[2]!.trim();
  // "Priority" must be the heading's subject, not a word in a sentence.
  if (!m[1] && rest && !/^(?:Area\b)/i.test(rest) && !/^(?:Strategic|LSCB|LSCP|Business)\s/i.test(line.trim().replace(/^[•·*]\s*/, ''))) return null;
  if (/^(?:priorities|setting|review)\b/i.test(rest)) return null;
  return splitOwner(rest);
}

/** A priority's title and its owner, where the heading names one ("… Owner – TBC", "… – LLR lead is X"). */
export function splitOwner(heading: string): { title: string; owner?: string } {
  let rest = heading.trim();
  let owner: string | undefined;
  const o = /(?:^|[\s–—-])Owner\s*[:\-–—]?\s*(.*)$/i.exec(rest) ?? /^[–—-]?\s*((?:[A-Z]{2,6}\s+)?lead is\s+.*)$/i.exec(rest); // "LLR lead is X": the qualifier stays with the name
  if (o) {
    owner = o[1]!.replace(/^[:\-–—\s]+/, '').trim() || undefined;
    rest = rest
      .slice(0, o.index)
      .replace(/[\s:\-–—]+$/, '')
      .trim();
  }
  // "… in specific circumstances:" introduces the list below it; the colon is not the title's.
  return { title: rest.replace(/\s*:$/, ''), ...(owner ? { owner } : {}) };
}

/**
 * Builds a plan from rows as they come: priorities, then rows of fields.
 * Keeps the current priority and objective, so a row whose objective cell is
 * empty (a merged cell in Word) adds to the objective above.
 */
export class PlanBuilder {
  readonly priorities: PriorityInput[] = [];
  readonly knownLeads = new Set<string>();
  readonly leadNames = new Map<string, string>();
  /** Partnerships named by per-partnership parts of actions. */
  readonly partnershipNames = new Set<string>();
  /** The source keeps each cell's lines apart (Word, Excel), so a line is never several tasks run together. */
  cellsKeepLines = false;
  /** The short names that open partnerships' parts of cells ("LRSCP: …"), found before the rows are read. */
  readonly partnershipPrefixes = new Set<string>();
  /** Chairs and organisations lead cells name ("Chair of X (Chair: Y)"). */
  readonly leadDetails = new Map<string, LeadDetails>();
  private priority: PriorityInput | null = null;
  private objective: ObjectiveInput | null = null;
  private lastActions: ActionInput[] = [];
  unratedProgress = 0;
  /** What the rows were read by that the text does not say for sure, for the preview's warnings. */
  readonly guesses = new Set<string>();
  /** Objectives made because the source had none for a priority's actions. */
  objectivesMadeUp = 0;

  constructor(
    private readonly importedBy: string,
    private readonly today: string,
  ) {}

  get currentPriority(): PriorityInput | null {
    return this.priority;
  }

  startPriority(title: string, owner?: string): PriorityInput {
    // A plan lists its priorities up front, then gives each its table: the same priority, not a new one.
    const same = title ? this.priorities.find((p) => p.title.toLowerCase().startsWith(title.toLowerCase()) || title.toLowerCase().startsWith(p.title.toLowerCase())) : undefined;
    if (same) {
      if (title.length > same.title.length) same.title = title;
      if (owner) same.owner = owner;
      this.priority = same;
      this.objective = null;
      this.lastActions = [];
      return same;
    }
    const p: PriorityInput = { title, objectives: [], ...(owner ? { owner } : {}) };
    this.priorities.push(p);
    this.priority = p;
    this.objective = null;
    this.lastActions = [];
    return p;
  }

  /**
   * Takes each known partnership's part out of a row's action, lead and
   * timescale cells, as variants; what no partnership's name opens stays in
   * the row. A row with no such parts comes back as it was.
   */
  private takePartnershipParts(row: RowFields, wholeCells: boolean): { fields: RowFields; variants: VariantInput[] } {
    if (wholeCells || !this.partnershipPrefixes.size) return { fields: row, variants: [] };
    const fields: RowFields = { ...row };
    const byName = new Map<string, VariantInput>();
    const variant = (name: string) => {
      if (!byName.has(name)) byName.set(name, { partnership: name });
      return byName.get(name)!;
    };
    for (const key of ['lead', 'timescale', 'action'] as const) {
      const cell = row[key];
      const parts = cell ? partnershipParts(cell, this.partnershipPrefixes) : null;
      if (!parts) continue;
      const shared = parts.find((p) => !p.partnership)?.text;
      if (shared) fields[key] = key === 'lead' ? shared : oneLine(shared);
      else delete fields[key];
      for (const part of parts) {
        if (!part.partnership || !part.text) continue;
        this.partnershipNames.add(part.partnership);
        const v = variant(part.partnership);
        // A lead part's lines are names; an action's or timescale's lines are one statement that wrapped.
        if (key === 'lead') v.leads = this.splitLeads(part.text, this.knownLeads).map((n) => this.lead(n));
        else if (key === 'timescale') v.timescale = oneLine(part.text);
        else v.text = oneLine(part.text);
      }
    }
    // An action written only in its partnerships' parts is named by its deliverable's short name:
    // the objective's first sentence, up to its first comma ("Reviewing Published Arrangements. The three …").
    if (byName.size && !fields.action && row.action) fields.action = shortName(fields.objective ?? this.objective?.text ?? '');
    return { fields, variants: [...byName.values()] };
  }

  /** Learns lead names written alone in a cell, to split run-together ones later. */
  learnLeads(cells: string[]): void {
    for (const c of cells)
      for (const line of c.split('\n')) {
        const name = line.replace(BULLET_MARK, '').trim();
        // A role's word alone ("Manager") is the end of a name a page break cut, not a name.
        if (ROLE_WORD.test(name)) continue;
        if (name && name.split(/\s+/).length <= 4 && !/[;,]/.test(name)) this.knownLeads.add(name.toLowerCase());
        // "QA Sub / Audit Group": each name of a list is a name too.
        else if (name.length < 80 && /\s\/\s|;/.test(name)) {
          for (const part of name.split(/\s+\/\s+|\s*;\s*/)) if (part && part.split(/\s+/).length <= 4 && !/,/.test(part)) this.knownLeads.add(part.toLowerCase());
        }
      }
  }

  /** Forgets "names" that are only other known names run together ("CSE Sub QA Sub"). */
  pruneLeads(): void {
    const known = this.knownLeads;
    for (const k of [...known]) {
      if (!k.includes(' ')) continue;
      known.delete(k); // tested against the others, then put back unless it is only them
      const parts = this.splitLeads(k, known);
      const runTogether = !(parts.length === 1 && parts[0]!.toLowerCase() === k) && parts.some((p) => known.has(p.toLowerCase())) && parts.every((p) => known.has(p.toLowerCase()) || leadShaped(p));
      if (!runTogether) known.add(k);
    }
  }

  private splitLeads(cell: string, known: ReadonlySet<string>): string[] {
    return splitLeadNames(cell, known, this.leadDetails);
  }

  private lead(name: string): string {
    const key = name.toLowerCase();
    if (!this.leadNames.has(key)) this.leadNames.set(key, name);
    return this.leadNames.get(key)!;
  }

  /** Adds one table row. Returns false when the row held nothing to add. */
  addRow(row: RowFields, wholeCells = false): boolean {
    // A plan serving two partnerships writes each one's part of a cell after its name: those parts become the action's variants.
    const { fields: f, variants: partVariants } = this.takePartnershipParts(row, wholeCells);
    if (f.priority) {
      const title = oneLine(stripNumbering(f.priority));
      const found = this.priorities.find((p) => p.title.toLowerCase() === title.toLowerCase());
      if (found) {
        if (found !== this.priority) {
          this.priority = found;
          this.objective = null;
        }
      } else this.startPriority(title);
    }
    const objectiveText = f.objective ? oneLine(stripNumbering(f.objective)) : '';
    const actionItems = f.action ? splitItems(f.action) : [];
    const hasDetail = Boolean(f.lead || f.timescale || f.progress || f.rag || f.status || f.due);
    if (!objectiveText && actionItems.length === 0 && !hasDetail && !f.impact) return false;
    if (!this.priority) this.startPriority('');

    if (objectiveText) {
      const objectives = this.priority!.objectives!;
      const same = objectives.find((o) => o.text === objectiveText);
      if (same && (same === this.objective || f.priority)) this.objective = same;
      else {
        this.objective = { text: objectiveText, actions: [] };
        objectives.push(this.objective);
      }
    } else if (!this.objective) {
      // No objective column (or an empty first row): the priority's actions share one objective named after it, and the preview says so.
      this.objective = { text: this.priority!.title || 'Imported actions', actions: [] };
      this.priority!.objectives!.push(this.objective);
      this.objectivesMadeUp++;
    }
    if (f.impact) this.objective.impact = [this.objective.impact, oneLine(f.impact)].filter(Boolean).join(' ');

    let leadLines = f.lead && !wholeCells ? f.lead.split('\n').filter((l) => l.trim()) : [];
    // A table laid out one action per row (as Coplan publishes plans): each cell is taken whole, leads one per line.
    const allLeads = f.lead
      ? (wholeCells
          ? f.lead
              .split(/\n|;/)
              .map((l) => l.trim())
              .filter(Boolean)
          : this.splitLeads(f.lead, this.knownLeads)
        ).map((n) => this.lead(n))
      : [];
    // Only text extraction runs a cell's tasks together on one line; a Word or Excel cell's line is one task.
    // A numbered item ("1. Partners work together … Model. To deliver …") is one task: its number says where it starts.
    const numberedItem = actionItems.length === 1 && /^\s*\(?\d{1,2}[.)]\s/.test(f.action ?? '') && !/\s\(?\d{1,2}[.)]\s+[A-Z]/.test(oneLine(f.action ?? '').slice(3));
    const runTogether = actionItems.length === 1 && !this.cellsKeepLines && !numberedItem;
    const tasks = wholeCells ? (f.action ? [oneLine(f.action)] : []) : actionItems.flatMap((t) => (runTogether ? splitTasks(t, allLeads) : [t]));
    // Leads run together on one line beside as many run-together tasks: one each, in order.
    // A list written with separators ("QA Sub / Audit Group") names co-leads of every task.
    const listed = leadLines.length === 1 && /[/,;]|\s&\s|\band\b/.test(leadLines[0]!.replace(/\([^()]*\)/g, ''));
    if (tasks.length > 1 && leadLines.length <= 1 && !listed && allLeads.length === tasks.length) leadLines = allLeads;
    // "… across the partnerships, including:" then a line per item: one task, its items its milestones.
    const listItems = !wholeCells && tasks.length > 1 && LIST_INTRO.test(tasks[0]!) ? tasks.splice(1) : [];
    if (listItems.length) tasks[0] = tasks[0]!.replace(LIST_INTRO, '').replace(/[,;\s]+$/, '');
    const items = tasks.length > 0 ? tasks : hasDetail ? [this.objective.text] : [];
    // A timescale cell's lines lose the bullets stray HTML or Word lists gave them.
    const timescale = f.timescale
      ? f.timescale
          .split('\n')
          .map((l) => l.replace(BULLET_MARK, '').trim())
          .filter(Boolean)
          .join('\n')
      : '';
    const timeLines = timescale ? timescale.split('\n') : [];
    // Tasks run together on one line beside one timescale line that runs their timescales together.
    const byTask = runTogether && items.length > 1 && timeLines.length === 1 ? timescalesByTask(timeLines[0]!, items) : null;
    if (byTask)
      this.guesses.add(`A timescale cell that ran several timescales together was shared out among its row's tasks by the words each names (e.g. "${items[0]}"). Check each action's timescale.`);
    const actions: ActionInput[] = items.map((text, i) => {
      const a: ActionInput = { text };
      // One lead or timescale line per task when the counts agree; otherwise all of them for every task.
      const leads = items.length > 1 && leadLines.length === items.length ? this.splitLeads(leadLines[i]!, this.knownLeads).map((n) => this.lead(n)) : allLeads;
      if (leads.length) a.leads = leads;
      if (byTask) {
        if (byTask[i]) a.timescale = byTask[i];
      } else if (items.length > 1 && timeLines.length === items.length) a.timescale = timeLines[i]!.trim();
      else if (timeLines.length > 1 && items.length === 1 && timeLines.every((l) => /\d{4}|\d\/\d/.test(l))) {
        a.milestones = timeLines.map((l) => ({ text: l.trim(), timescale: l.trim() }));
        a.timescale = timeLines[timeLines.length - 1]!.trim();
      } else if (timescale) {
        a.timescale = oneLine(timescale);
        // A Due column beside a timescale in other words ("Ongoing"): both kept, nothing dropped.
        const due = f.due ? oneLine(f.due) : '';
        if (due && !wholeCells && !a.timescale.includes(due)) a.timescale = `${a.timescale}; due ${due}`;
      } else if (f.due && !wholeCells) a.timescale = oneLine(f.due); // a register's Due is worked out from the timescale: not a timescale of its own
      if (f.variant && wholeCells && items.length === 1) {
        const variants = f.variant
          .split('\n')
          .map(readVariant)
          .filter((v): v is VariantInput => v !== null);
        for (const v of variants) {
          this.partnershipNames.add(v.partnership);
          v.leads = v.leads?.map((n) => this.lead(n));
        }
        if (variants.length) a.variants = variants;
      }
      if (partVariants.length && items.length === 1) a.variants = [...(a.variants ?? []), ...partVariants];
      if (listItems.length && items.length === 1) a.milestones = [...(a.milestones ?? []), ...listItems.map((text) => ({ text }))];
      if (f.milestone && items.length === 1)
        a.milestones = [
          ...(a.milestones ?? []),
          ...f.milestone
            .split('\n')
            .filter((l) => l.trim())
            .map(readMilestone),
        ];
      const { rag, narrative, status, date, author } = this.readProgress(f, wholeCells);
      if (status) {
        const s = STATUS_WORDS[status.trim().toLowerCase()];
        if (s) a.status = s;
      }
      if ((narrative || rag) && i === 0) {
        if (!rag) this.unratedProgress++;
        a.updates = [{ date, author, rag: rag ?? 'grey', narrative: narrative || `Rated ${rag} when imported` }];
      }
      return a;
    });
    this.objective.actions!.push(...actions);
    this.lastActions = actions.length ? actions : this.lastActions;
    return true;
  }

  /**
   * A row's progress: RAG, narrative, status, date and author. A cell laid out
   * as Coplan publishes it ("Green", "Status: Complete", the narrative, "(date, author)")
   * is read line by line.
   */
  private readProgress(f: RowFields, wholeCells: boolean) {
    let progress = f.progress ?? '';
    let ragText = f.rag ?? '';
    let status = f.status ?? '';
    let date = f.progressDate?.trim() ?? '';
    let author = this.importedBy;
    if (wholeCells && progress) {
      const lines = progress
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const first = lines[0]?.toLowerCase() ?? '';
      if (first === 'not rated' || (RAG_WORDS[first] && first.length > 1)) {
        if (first !== 'not rated' && !ragText) ragText = lines[0]!;
        lines.shift();
      }
      const statusLine = /^Status:\s*(.+)$/i.exec(lines[0] ?? '');
      if (statusLine) {
        if (!status) status = statusLine[1]!;
        lines.shift();
      }
      // Signed with the day as Coplan publishes it ("31 March 2016") or as older files did (2016-03-31).
      const signed = /^\((\d{4}-\d{2}-\d{2}|\d{1,2} [A-Za-z]+ \d{4})(?:,\s*(.+))?\)$/.exec(lines[lines.length - 1] ?? '');
      if (signed) {
        lines.pop();
        if (!date) date = signed[1]!;
        if (signed[2]) author = signed[2];
      }
      progress = lines.join('\n');
    }
    const rag = (ragText && readRag(ragText)) || (progress && readRag(progress)) || null;
    const narrative = progress && !RAG_WORDS[progress.trim().toLowerCase()] ? oneLine(progress) : '';
    return { rag, narrative, status, date: parseUkDate(date) ?? this.today, author };
  }

  /** The plan's lead registry, with each lead's kind guessed from its name. */
  leads(): NonNullable<PlanInput['leads']> {
    return [...this.leadNames.values()].map((name) => ({
      name,
      ...this.leadDetails.get(name.toLowerCase()),
      kind: /group|sub\b|sub-|board|team|partner|panel|forum|network|partnership|service|office|cell|meeting|executive|reps|cpbs/i.test(name)
        ? ('group' as const)
        : /council|trust|police|nhs|ccg|icb|school|authority|constabulary/i.test(name)
          ? ('organisation' as const)
          : ('role' as const),
    }));
  }
}
