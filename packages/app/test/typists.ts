import type * as Y from 'yjs';
import { SharedTextEditor, type Selection } from '../src/editing/shared-text-editor.js';

/** One person typing into a shared field, as the property tests drive them. */
export interface Typist {
  readonly ytext: Y.Text;
  select(anchor: number, head?: number): void;
  selection(): Selection | null;
  type(text: string): void;
  apply(edit: { from: number; to: number; insert: string }): void;
}

const write = (ytext: Y.Text) => (index: number, deleteCount: number, insert: string) =>
  ytext.doc!.transact(() => {
    if (deleteCount) ytext.delete(index, deleteCount);
    if (insert) ytext.insert(index, insert);
  }, 'person');

/**
 * The app's way: a {@link SharedTextEditor}, with the caret read back from
 * "the screen" before every change to the document, as the browser binding
 * does (the screen's caret is the editor's, resolved).
 */
export function relativeCaretTypist(ytext: Y.Text): Typist {
  const editor = new SharedTextEditor(ytext, write(ytext));
  ytext.doc!.on('beforeTransaction', () => {
    const s = editor.selection();
    if (s) editor.select(s.anchor, s.head);
  });
  editor.select(0);
  return editor;
}

/**
 * The way the app used to work, kept to show the tests catch it: the caret as
 * a number, pushed along by any insert at or before it, so a partner's letter
 * typed exactly at the caret lands before this person's next one.
 */
export function numericCaretTypist(ytext: Y.Text): Typist {
  let anchor = 0;
  let head = 0;
  ytext.observe((event) => {
    if (event.transaction.origin === 'person') return;
    const shift = (caret: number) => {
      let at = 0;
      for (const op of event.delta) {
        if (op.retain) at += op.retain;
        else if (typeof op.insert === 'string') {
          if (at <= caret) caret += op.insert.length;
          at += op.insert.length;
        } else if (op.delete) {
          if (at < caret) caret -= Math.min(op.delete, caret - at);
        }
      }
      return caret;
    };
    anchor = shift(anchor);
    head = shift(head);
  });
  const w = write(ytext);
  const typist: Typist = {
    ytext,
    select(a, h = a) {
      anchor = a;
      head = h;
    },
    selection: () => ({ anchor, head }),
    apply(edit) {
      w(edit.from, edit.to - edit.from, edit.insert);
      anchor = head = edit.from + edit.insert.length;
    },
    type(text) {
      const from = Math.min(anchor, head);
      typist.apply({ from, to: Math.max(anchor, head), insert: text });
    },
  };
  return typist;
}
