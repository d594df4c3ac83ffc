import * as Y from 'yjs';

/** A span of the text, `from` ≤ `to`, in UTF-16 units as the DOM counts them. */
export interface TextRange {
  from: number;
  to: number;
}

/** One edit a person makes: replace `[from, to)` with `insert` (either may be empty). */
export interface TextEdit extends TextRange {
  insert: string;
}

/** Where a selection's ends are, as indices into the text now. */
export interface Selection {
  anchor: number;
  head: number;
}

/** Writes one edit to the shared text; the app's writer goes through the core (`plan.editText`). */
export type TextWriter = (index: number, deleteCount: number, insert: string) => void;

/**
 * One person's view of one shared text field: their caret and selection held
 * as Yjs relative positions, so that partners' edits never carry them along.
 *
 * A caret is tied to the character on its left (assoc -1): when a partner
 * types exactly where this person's caret is, their letters land after the
 * caret, and this person's next letter goes before them, next to their own.
 * A selection's start is tied to its first character and its end to its last,
 * so a partner typing at either edge stays outside it.
 *
 * Pure Yjs, no DOM: the browser binding and the Node property test share it.
 */
export class SharedTextEditor {
  private anchorPos: Y.RelativePosition | null = null;
  private headPos: Y.RelativePosition | null = null;

  constructor(
    readonly ytext: Y.Text,
    private readonly write: TextWriter,
  ) {}

  /** Sets the selection from indices into the text as it is now (the person clicked, or moved with the keys). */
  select(anchor: number, head: number = anchor): void {
    const length = this.ytext.length;
    anchor = clamp(anchor, length);
    head = clamp(head, length);
    if (anchor === head) {
      this.anchorPos = this.headPos = Y.createRelativePositionFromTypeIndex(this.ytext, anchor, -1);
      return;
    }
    // The lower end belongs to the first selected character, the upper end to the last.
    const lowAssoc = 0;
    const highAssoc = -1;
    this.anchorPos = Y.createRelativePositionFromTypeIndex(this.ytext, anchor, anchor < head ? lowAssoc : highAssoc);
    this.headPos = Y.createRelativePositionFromTypeIndex(this.ytext, head, head < anchor ? lowAssoc : highAssoc);
  }

  /** Forgets the selection (the field lost focus). */
  clear(): void {
    this.anchorPos = this.headPos = null;
  }

  /** The selection as indices into the text now, after whatever partners have done meanwhile; null when there is none. */
  selection(): Selection | null {
    if (!this.anchorPos || !this.headPos) return null;
    const anchor = resolve(this.ytext, this.anchorPos);
    const head = resolve(this.ytext, this.headPos);
    return { anchor, head };
  }

  /** The selection as a range, or an empty one at the start when there is none. */
  range(): TextRange {
    const s = this.selection() ?? { anchor: 0, head: 0 };
    return { from: Math.min(s.anchor, s.head), to: Math.max(s.anchor, s.head) };
  }

  /** The selection's ends as relative positions, to share with partners (awareness). */
  relativeSelection(): { anchor: Y.RelativePosition; head: Y.RelativePosition } | null {
    return this.anchorPos && this.headPos ? { anchor: this.anchorPos, head: this.headPos } : null;
  }

  /** Applies one edit and leaves the caret just after what was inserted. */
  apply(edit: TextEdit): void {
    const length = this.ytext.length;
    const from = clamp(Math.min(edit.from, edit.to), length);
    const to = clamp(Math.max(edit.from, edit.to), length);
    if (to > from || edit.insert) this.write(from, to - from, edit.insert);
    this.select(from + edit.insert.length);
  }

  /** Types `text` over the selection, as a keystroke, paste or dictation does. */
  type(text: string): void {
    this.apply({ ...this.range(), insert: text });
  }
}

const clamp = (i: number, length: number) => Math.max(0, Math.min(length, Math.trunc(i)));

/** Where a relative position is in `ytext` now (its start if it cannot be found, e.g. the text was replaced). */
export function resolve(ytext: Y.Text, pos: Y.RelativePosition): number {
  const abs = ytext.doc ? Y.createAbsolutePositionFromRelativePosition(pos, ytext.doc) : null;
  return abs && abs.type === ytext ? abs.index : 0;
}

/** Where a relative position is in `ytext` now, or null if it names letters this copy has not received yet. */
export function resolveArrived(ytext: Y.Text, pos: Y.RelativePosition): number | null {
  const abs = ytext.doc ? Y.createAbsolutePositionFromRelativePosition(pos, ytext.doc) : null;
  return abs && abs.type === ytext ? abs.index : null;
}
