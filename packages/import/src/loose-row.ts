// The row of the plan's table being read from loose text: its objective, actions, leads, dates, impact and progress
// as they come, in which stretch (between page breaks) each came, and how the row is written out once it ends.
import { joinWrapped } from './clean-text.js';
import { numericDate } from './loose-numeric-date.js';
import { pairLeadsAndDates } from './loose-pairing.js';
import type { Unit } from './loose-units.js';
import type { PlanBuilder } from './plan-builder.js';

/** A cell of the row in progress that a fragment after a page break can finish. */
export interface Cell {
  text: () => string;
  lines: () => string[];
  append: (s: string) => void;
  /** Whether it is in the impact column, the row's last read here. */
  last: boolean;
}

/** One row of the table as it is read. */
export class LooseRow {
  objective = '';
  actions: string[] = [];
  subItems: string[][] = [];
  leads: string[] = [];
  timescales: string[] = [];
  impact: string[] = [];
  progress: string[] = [];
  // Where each action, lead and timescale sat: a page break starts a new stretch of the same row.
  actionSeg: number[] = [];
  actionLines: string[][] = [];
  leadSeg: number[] = [];
  timeSeg: number[] = [];
  seg = 0;
  /** Whether this stretch of the row has had a date, and then its impact. */
  segTime = false;
  segImpact = false;
  /** The cell the last paragraph went into, if a fragment may finish it. */
  lastCell: Cell | null = null;

  readonly objectiveCell: Cell = { text: () => this.objective, lines: () => this.objective.split('\n'), append: (s) => (this.objective = joinWrapped(this.objective, s)), last: false };

  /** Whether the row has begun: it has an objective or an action. */
  get begun(): boolean {
    return Boolean(this.objective || this.actions.length);
  }

  actionCell(i: number): Cell {
    return {
      text: () => this.actions[i]!,
      lines: () => this.actionLines[i] ?? [this.actions[i]!],
      append: (s) => (this.actions[i] = joinWrapped(this.actions[i]!, s)),
      last: false,
    };
  }

  impactCell(): Cell | null {
    const i = this.impact.length - 1;
    return i < 0 ? null : { text: () => this.impact[i]!, lines: () => [this.impact[i]!], append: (s) => (this.impact[i] = joinWrapped(this.impact[i]!, s)), last: true };
  }

  addAction(u: Unit): void {
    this.actions.push(u.text);
    this.actionSeg.push(this.seg);
    this.actionLines.push(u.lines);
    this.lastCell = this.actionCell(this.actions.length - 1);
  }

  addLead(text: string): void {
    this.leads.push(text);
    this.leadSeg.push(this.seg);
    this.lastCell = null;
  }

  addTimescale(text: string): void {
    this.timescales.push(text);
    this.timeSeg.push(this.seg);
    this.segTime = true;
    this.lastCell = null;
  }

  addImpact(text: string): void {
    this.impact.push(text);
    this.segImpact = true;
    this.lastCell = this.impactCell();
  }

  /** A page break inside the row: what follows is a new stretch of it. */
  newStretch(): void {
    this.seg++;
    this.segTime = false;
    this.segImpact = false;
  }

  /**
   * Writes the row to `builder` (under an untitled priority if none has
   * begun) and starts the next; returns whether its leads and dates were
   * paired with its last items. A row with no objective and no action is
   * not written, and what it has read so far is kept for the next.
   */
  end(builder: PlanBuilder): { paired: boolean } {
    this.lastCell = null;
    if (!this.begun) return { paired: false };
    if (!builder.currentPriority) builder.startPriority('');
    const { objective, actions, leads, timescales, impact, progress, subItems } = this;
    const oneEach = actions.length > 1 && leads.length === actions.length;
    const timeEach = actions.length > 1 && timescales.length === actions.length;
    const paired = !oneEach && !timeEach ? pairLeadsAndDates(this) : new Map<number, { lead: string; timescale: string }>();
    if (actions.length === 0) {
      builder.addRow({ objective, lead: leads.join('\n'), timescale: timescales.join('\n'), impact: impact.join('\n'), progress: progress.join('\n') });
    } else {
      actions.forEach((a, i) => {
        const pair = paired.get(i);
        builder.addRow({
          objective: i === 0 ? objective : '',
          action: a,
          lead: pair ? pair.lead : oneEach ? leads[i]! : leads.join('\n'),
          // In a paired row the items before take every date as written, on one line: they are not milestones of theirs.
          timescale: pair ? pair.timescale : timeEach ? timescales[i]! : paired.size ? timescales.join(' ') : timescales.join('\n'),
          // An action's lettered sub-items ("a. County Lines") are its milestones.
          milestone: subItems[i]?.length ? subItems[i]!.join('\n') : '',
          impact: i === 0 ? impact.join('\n') : '',
          progress: i === 0 ? progress.join('\n') : '',
          // The progress cell's own date ("Current draft completed 10/12/15") dates the update.
          progressDate: i === 0 ? numericDate(progress.join(' ')) : '',
        });
      });
    }
    this.objective = '';
    this.actions = [];
    this.subItems = [];
    this.leads = [];
    this.timescales = [];
    this.impact = [];
    this.progress = [];
    this.actionSeg = [];
    this.actionLines = [];
    this.leadSeg = [];
    this.timeSeg = [];
    this.seg = 0;
    this.segTime = false;
    this.segImpact = false;
    return { paired: paired.size > 0 };
  }
}
