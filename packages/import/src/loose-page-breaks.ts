// A page break inside a row: each column's last cell may have been cut mid-sentence, and the lower-case paragraphs
// after the break finish them, in column order. This follows which cells were cut and where each fragment goes.
import type { Cell, LooseRow } from './loose-row.js';
import type { Unit } from './loose-units.js';
import { carriesOn, cellTheFragmentEnds, cutMidSentence, splitAcrossColumns, unfinished } from './page-cut-cells.js';

/** After a page break in a row: the cells it cut, the fragments still to come, and whether the row carries on. */
export class PageBreaks {
  private cut: Cell[] = [];
  private fragmentsLeft = 0;
  /** The row goes on after a page break: a fragment finished one of its cells before the impact column. */
  carryOn = false;
  /** Fragments whose first line ran the ends of two cells together, split where the columns' widths say. */
  splitFragments = 0;

  /** `pairs`: the word pairs the text writes elsewhere, which tell which unfinished item a fragment ends. */
  constructor(private readonly pairs: ReadonlySet<string>) {}

  /** A row ended: nothing is left to finish. */
  reset(): void {
    this.carryOn = false;
    this.cut = [];
    this.fragmentsLeft = 0;
  }

  /** At the page break before `units[at]`, inside `row`: notes the cells it cut and counts the fragments that follow. */
  begin(row: LooseRow, units: readonly Unit[], at: number): void {
    row.newStretch();
    const impact = row.impactCell();
    this.cut = [row.objectiveCell, ...row.actions.map((_, i) => row.actionCell(i)), ...(impact ? [impact] : [])].filter((c) => c.text() && cutMidSentence(c.text()));
    this.fragmentsLeft = 0;
    for (let j = at; j < units.length && units[j]!.kind !== 'heading' && (carriesOn(units[j]!.text) || (units[j]!.kind !== 'lead' && units[j]!.kind !== 'timescale')); j++)
      if (carriesOn(units[j]!.text) && !units[j]!.numbered) this.fragmentsLeft++;
  }

  /** Whether `u` is one of the fragments expected after a page break. */
  expects(u: Unit): boolean {
    return this.fragmentsLeft > 0 && carriesOn(u.text) && !u.numbered;
  }

  /**
   * Puts an expected fragment at the end of the cell it finishes and returns
   * that cell; null when no cell plainly wants it (it is then read as any
   * other paragraph).
   */
  place(row: LooseRow, u: Unit): Cell | null {
    this.fragmentsLeft--;
    const cut = this.cut;
    let into: Cell | null = null;
    if (cut.length > this.fragmentsLeft + 1 && cut.length >= 2) {
      // More cut cells than fragments: a fragment's first line may carry two columns' ends.
      const split = splitAcrossColumns(cut[0]!.lines(), cut[1]!.lines(), u.lines);
      if (split) {
        cut[0]!.append(split[0]);
        cut[1]!.append(split[1]);
        into = cut[1]!;
        cut.splice(0, 2);
        this.splitFragments++;
      }
    }
    if (!into && cut.length) {
      into = cut.shift()!;
      into.append(u.text);
    }
    if (!into) {
      // No cell plainly cut: the unfinished item whose last word the text elsewhere follows with this one's first,
      // else the last item, else the cell read last before the page break.
      const open = row.actions.map((_, i) => row.actionCell(i)).filter((c) => unfinished(c.text()));
      const k = cellTheFragmentEnds(
        open.map((c) => c.text()),
        u.text,
        this.pairs,
      );
      // A few words finish the last item when it is unfinished ("… specifically post" / "abuse").
      const lastItem = row.actions.length ? row.actionCell(row.actions.length - 1) : null;
      const lastCell = row.lastCell;
      into = k >= 0 ? open[k]! : lastItem && unfinished(lastItem.text()) && u.text.split(/\s+/).length <= 4 ? lastItem : lastCell && unfinished(lastCell.text()) ? lastCell : null;
      into?.append(u.text);
    }
    // A fragment that ends the impact column's cell ends the row's columns; one before it leaves the row open.
    if (into) this.carryOn = !into.last;
    return into;
  }

  /**
   * A lower-case fragment after a gap, in a row whose last action was cut off
   * mid-sentence: the action's end, which a page break put after the row's
   * leads ("… specifically post" / "abuse"). Appends it and says so.
   */
  endsLastAction(row: LooseRow, u: Unit): boolean {
    const lastAction = row.actions[row.actions.length - 1];
    if (
      lastAction &&
      !u.numbered &&
      /^[a-z]/.test(u.text) &&
      u.text.split(/\s+/).length <= 4 &&
      !/[.!?:;,)]$/.test(lastAction) &&
      !/[,&]$|\b(?:and|of|the|with|for)$/i.test(row.leads[row.leads.length - 1] ?? '')
    ) {
      row.actions[row.actions.length - 1] = `${lastAction} ${u.text}`;
      return true;
    }
    return false;
  }
}
