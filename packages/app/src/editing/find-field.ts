import type * as Y from 'yjs';
import { writeSelection } from './dom-text.js';

/** What names one text box on screen: the kind and id of what it edits, its field, and for a list entry, that entry's text. */
export interface FieldOnScreen {
  kind: string;
  id: string;
  field: string;
  item?: Y.Text | null;
}

type EditableTextLike = HTMLElement & { kind: string; entityId: string; field: string; item?: Y.Text | null };

/** Every `editable-text` under `root`, inside components' shadow roots too (each item of the plan is its own component). */
function* editableTexts(root: ParentNode): Generator<EditableTextLike> {
  for (const el of root.querySelectorAll('*')) {
    if (el.localName === 'editable-text') yield el as EditableTextLike;
    if (el.shadowRoot) yield* editableTexts(el.shadowRoot);
  }
}

/** The first element under `root`, inside components' shadow roots too, that `test` accepts; null when none. */
export function findDeep(root: ParentNode, test: (el: Element) => boolean): Element | null {
  for (const el of root.querySelectorAll('*')) {
    if (test(el)) return el;
    const inside = el.shadowRoot && findDeep(el.shadowRoot, test);
    if (inside) return inside;
  }
  return null;
}

/** An item of a long plan drawn in stages (a priority whose objectives come a moment later, an objective whose actions are plain words until they go live). */
type StagedItem = HTMLElement & { reveal(kind: string, id: string): Promise<void> };

/** Every staged item under `root`, inside shadow roots too. */
function* stagedItems(root: ParentNode): Generator<StagedItem> {
  for (const el of root.querySelectorAll('*')) {
    if ('reveal' in el) yield el as StagedItem;
    if (el.shadowRoot) yield* stagedItems(el.shadowRoot);
  }
}

/**
 * Finds the text box for a field anywhere under `root`, scrolls it into view
 * and puts the caret in it, selecting `words` where the box holds them (a
 * search's match). Returns false when it is not on screen (another tab, or a
 * filter hides it), so the caller can say so.
 */
export async function focusField(root: ParentNode, want: FieldOnScreen, words = ''): Promise<boolean> {
  // An item not drawn yet, or drawn as plain words, has no text box: it is drawn live first (its priority, then its objective).
  for (let pass = 0; pass < 2; pass++) for (const item of stagedItems(root)) await item.reveal(want.kind, want.id);
  for (const el of editableTexts(root)) {
    if (el.kind !== want.kind || (el.entityId || '') !== want.id || el.field !== want.field) continue;
    if (want.item && el.item !== want.item) continue;
    const box = el.shadowRoot?.querySelector('[role="textbox"]') as HTMLElement | null;
    if (!box) continue;
    box.scrollIntoView({ block: 'center' });
    box.focus();
    const at = words ? (box.textContent ?? '').toLowerCase().indexOf(words.toLowerCase()) : -1;
    if (at >= 0) writeSelection(box, at, at + words.length, true);
    return true;
  }
  return false;
}
