// A priority's focus areas, as loose text lists them: the short paragraphs under a cell that ends with a colon
// ("… issues identified from …:"), or bulleted ones. An item cut at a dash or a little word goes on in the next.
import type { PriorityInput } from '@coplan/core/formats';
import { CELL_START } from './loose-line-kinds.js';
import type { Unit } from './loose-units.js';
import { carriesOn, cutMidSentence } from './page-cut-cells.js';

const BULLET = /^[•·▪●]/;

/** Whether a list of focus areas is open, and taking its items. */
export class FocusList {
  /** The cell before ends with a colon and the short paragraphs below it are its list: the priority's focus areas. */
  open = false;

  /**
   * Takes `u`, a paragraph of prose, into `priority`'s focus areas when it is
   * an item of the open list or a bullet under a list's opening (`objective`
   * ends with a colon); says whether it did. A paragraph that is no item
   * closes the list.
   */
  take(priority: PriorityInput, u: Unit, objective: string): boolean {
    if (u.kind !== 'text' || u.numbered || !(this.open || (BULLET.test(u.text) && (priority.focusAreas?.length || /:$/.test(objective))))) return false;
    const focus = (priority.focusAreas ??= []);
    const lastFocus = focus[focus.length - 1];
    if (BULLET.test(u.text)) {
      focus.push(...u.text.split(/\s*[•·▪●]\s*/).filter(Boolean));
      this.open = true;
      return true;
    }
    if (lastFocus !== undefined && cutMidSentence(lastFocus) && !carriesOn(u.text)) {
      focus[focus.length - 1] = `${lastFocus} ${u.text}`;
      return true;
    }
    if (this.open && !CELL_START.test(u.text) && u.text.split(/\s+/).length <= 10 && !/[.;]$/.test(u.text)) {
      focus.push(u.text);
      return true;
    }
    this.open = false;
    return false;
  }
}
