import type { TextEdit, TextRange } from './shared-text-editor.js';

/** What a browser input event asks of a shared text field. */
export type InputIntent = { edit: TextEdit } | { history: 'undo' | 'redo' } | { ignore: true };

/** What the binding knows when a `beforeinput` event arrives. */
export interface InputContext {
  /** The field's text now. */
  text: string;
  /** The person's selection now. */
  selection: TextRange;
  /** The range the browser says it would change (`getTargetRanges()`), when it says. */
  target?: TextRange | null;
  /** The event's text (`data`, or the plain text of its `dataTransfer`). */
  data?: string | null;
  /** Whether the field holds paragraphs; if not, new lines become spaces. */
  multiline: boolean;
}

/**
 * Turns a `beforeinput` event's input type into an edit of the shared text, or
 * undo/redo, or nothing. The browser's own change is always cancelled: the
 * field's text on screen comes only from the shared text, so no guessing.
 * Where the browser does not say which range it would delete, the range is
 * worked out here as it would be (a character, a word, to the line's edge).
 */
export function inputIntent(inputType: string, ctx: InputContext): InputIntent {
  const sel = ctx.selection;
  const collapsed = sel.from === sel.to;
  const target = ctx.target && (ctx.target.to > ctx.target.from || inputType.startsWith('insert')) ? ctx.target : null;
  const insert = (text: string, range: TextRange = target ?? sel): InputIntent => ({ edit: { ...range, insert: normalise(text, ctx.multiline) } });
  const remove = (fallback: () => TextRange): InputIntent => {
    const range = target ?? (collapsed ? fallback() : sel);
    return range.to > range.from ? { edit: { ...range, insert: '' } } : { ignore: true };
  };
  switch (inputType) {
    case 'insertText':
    case 'insertReplacementText':
    case 'insertFromPaste':
    case 'insertFromPasteAsQuotation':
    case 'insertFromDrop':
    case 'insertFromYank':
      return ctx.data ? insert(ctx.data) : { ignore: true };
    case 'insertLineBreak':
    case 'insertParagraph':
      return ctx.multiline ? insert('\n', sel) : { ignore: true };
    case 'deleteContentBackward':
      return remove(() => ({ from: previousCharacter(ctx.text, sel.from), to: sel.from }));
    case 'deleteContentForward':
      return remove(() => ({ from: sel.to, to: nextCharacter(ctx.text, sel.to) }));
    case 'deleteWordBackward':
      return remove(() => ({ from: wordStartBefore(ctx.text, sel.from), to: sel.from }));
    case 'deleteWordForward':
      return remove(() => ({ from: sel.to, to: wordEndAfter(ctx.text, sel.to) }));
    case 'deleteSoftLineBackward':
    case 'deleteHardLineBackward':
      return remove(() => ({ from: ctx.text.lastIndexOf('\n', sel.from - 1) + 1, to: sel.from }));
    case 'deleteSoftLineForward':
    case 'deleteHardLineForward':
      return remove(() => ({ from: sel.to, to: lineEnd(ctx.text, sel.to) }));
    case 'deleteByCut':
    case 'deleteByDrag':
    case 'deleteContent':
      return remove(() => sel);
    case 'historyUndo':
      return { history: 'undo' };
    case 'historyRedo':
      return { history: 'redo' };
    default:
      // Formatting and anything else a plain-text field has no use for.
      return { ignore: true };
  }
}

/** Line ends as `\n`; in a one-line field, each run of line ends becomes one space. */
export function normalise(text: string, multiline: boolean): string {
  const unix = text.replace(/\r\n?/g, '\n');
  return multiline ? unix : unix.replace(/\s*\n\s*/g, ' ');
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** Where the character (grapheme: an emoji with its modifiers, a letter with its accents) before `i` starts. */
export function previousCharacter(text: string, i: number): number {
  if (i <= 0) return 0;
  if (segmenter) {
    let start = 0;
    for (const s of segmenter.segment(text.slice(0, i))) start = s.index;
    return start;
  }
  return i >= 2 && /[\udc00-\udfff]/.test(text[i - 1]!) && /[\ud800-\udbff]/.test(text[i - 2]!) ? i - 2 : i - 1;
}

/** Where the character after `i` ends. */
export function nextCharacter(text: string, i: number): number {
  if (i >= text.length) return text.length;
  if (segmenter) {
    const first = segmenter.segment(text.slice(i))[Symbol.iterator]().next();
    return first.done ? text.length : i + first.value.segment.length;
  }
  return /[\ud800-\udbff]/.test(text[i]!) && /[\udc00-\udfff]/.test(text[i + 1] ?? '') ? i + 2 : i + 1;
}

const WORD = /[\p{L}\p{N}_'’-]/u;

/** The start of the word before `i`, skipping the spaces before it first (as Ctrl+Backspace does). */
export function wordStartBefore(text: string, i: number): number {
  let j = i;
  while (j > 0 && !WORD.test(text[j - 1]!)) j--;
  while (j > 0 && WORD.test(text[j - 1]!)) j--;
  return j;
}

/** The end of the word after `i`, skipping the spaces after it first (as Ctrl+Delete does). */
export function wordEndAfter(text: string, i: number): number {
  let j = i;
  while (j < text.length && !WORD.test(text[j]!)) j++;
  while (j < text.length && WORD.test(text[j]!)) j++;
  return j;
}

function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}
