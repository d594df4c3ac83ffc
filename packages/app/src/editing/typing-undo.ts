/** A box's words and selection at one point of its history. */
interface BoxState {
  value: string;
  start: number;
  end: number;
}

/** How long a pause in typing starts a new step (ms). */
const PAUSE_MS = 1000;

/**
 * Undo and redo for one text box (`<input>` or `<textarea>`) whose page changes
 * as the person types, such as a search box drawing its results. Chromium takes
 * such typing back a letter or two at a time: any change to the page between
 * two keystrokes ends its run of typing. This keeps the box's own steps, as
 * word processors do: each word typed (or composed with an IME or a phone's
 * keyboard), a run of deleting, a paste or drop, and typing after a pause or
 * somewhere else in the box is one step. Ctrl+Z (Cmd+Z)
 * takes one back; Ctrl+Shift+Z or Ctrl+Y puts it back. Only the box's words;
 * the plan is never touched.
 *
 * @example
 * ```ts
 * private readonly history = new TypingUndo((value) => (this.query = value));
 * html`<input @beforeinput=${this.history.beforeInput} @input=${this.history.afterInput} @compositionend=${this.history.compositionEnd} @keydown=${this.history.keyDown} />`;
 * this.history.record(box); // before the page clears it (Escape): Ctrl+Z brings the words back
 * ```
 */
export class TypingUndo {
  private readonly undos: BoxState[] = [];
  private readonly redos: BoxState[] = [];
  /** The input that last changed the box: what kind, when, and where the caret was left. */
  private last: { kind: 'type' | 'compose' | 'delete'; at: number; caret: number } | null = null;
  /** The box as the last input left it: what a change made without `beforeinput` (a search box's clear button) is undone to. */
  private known: BoxState | null = null;
  /** Whether `beforeinput` came before the `input` now arriving. */
  private announced = false;

  /** @param apply told the box's words after an undo or redo set them (the box's owner keeps its state). */
  constructor(private readonly apply: (value: string) => void) {}

  /** Before each change to the box: starts a new step, or goes on with the one being typed. */
  readonly beforeInput = (e: InputEvent): void => {
    const box = e.target as HTMLInputElement | HTMLTextAreaElement;
    this.announced = true;
    // The browser's own Edit menu or a keyboard's undo key.
    if (e.inputType === 'historyUndo' || e.inputType === 'historyRedo') {
      e.preventDefault();
      this.step(box, e.inputType === 'historyUndo');
      return;
    }
    const kind = e.inputType === 'insertText' ? 'type' : e.inputType === 'insertCompositionText' ? 'compose' : e.inputType.startsWith('delete') ? 'delete' : null;
    const at = performance.now();
    const start = box.selectionStart ?? 0;
    const collapsed = start === (box.selectionEnd ?? 0);
    // A letter after a space begins a word: its own step.
    const newWord = kind === 'type' && !/\s/.test(e.data ?? '') && /\s/.test(box.value[start - 1] ?? '');
    const last = this.last;
    // A word being composed (an IME, dictation, a phone's keyboard) is one step however often it changes, wherever its caret is.
    const composing = kind === 'compose' && last?.kind === 'compose';
    const goesOn = composing || (!!kind && !!last && last.kind === kind && at - last.at < PAUSE_MS && collapsed && start === last.caret && !newWord);
    if (!goesOn) this.record(box);
    this.last = kind ? { kind, at, caret: start } : null;
  };

  /** After each change: where the caret was left, for the next keystroke to go on from. */
  readonly afterInput = (e: Event): void => {
    const box = e.target as HTMLInputElement | HTMLTextAreaElement;
    // Changed without `beforeinput` (a search box's clear button): what it held is a step to come back to.
    if (!this.announced && this.known && this.known.value !== box.value) this.keepStep(this.known);
    this.announced = false;
    if (this.last) this.last.caret = box.selectionStart ?? 0;
    this.known = stateOf(box);
  };

  /** A composition ended (its word chosen): the next one is a step of its own. */
  readonly compositionEnd = (): void => {
    this.last = null;
  };

  /** Ctrl+Z (Cmd+Z) undoes a step, Ctrl+Shift+Z or Ctrl+Y redoes one: the browser's own undo is not used. */
  readonly keyDown = (e: KeyboardEvent): void => {
    // Mid-composition the keys are the IME's.
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return;
    const key = e.key.toLowerCase();
    const undo = key === 'z' && !e.shiftKey;
    // Ctrl+Y redoes; Cmd+Y on a Mac is the browser's History, left alone.
    if (!undo && !(key === 'z' && e.shiftKey) && !(key === 'y' && e.ctrlKey && !e.shiftKey)) return;
    e.preventDefault();
    this.step(e.target as HTMLInputElement | HTMLTextAreaElement, undo);
  };

  /** Keeps the box as it is now as a step to come back to (before its words are changed other than by typing: cleared, replaced). */
  record(box: HTMLInputElement | HTMLTextAreaElement): void {
    this.keepStep(stateOf(box));
  }

  private keepStep(state: BoxState): void {
    const top = this.undos[this.undos.length - 1];
    if (!top || top.value !== state.value) this.undos.push(state);
    this.redos.length = 0;
    this.last = null;
  }

  private step(box: HTMLInputElement | HTMLTextAreaElement, undo: boolean): void {
    const from = undo ? this.undos : this.redos;
    const to = undo ? this.redos : this.undos;
    let state = from.pop();
    // A step that would change nothing (recorded just before nothing was typed) is passed over.
    while (state && state.value === box.value) state = from.pop();
    if (!state) return;
    to.push(stateOf(box));
    box.value = state.value;
    box.setSelectionRange(state.start, state.end);
    this.known = state;
    this.last = null;
    this.apply(state.value);
  }
}

function stateOf(box: HTMLInputElement | HTMLTextAreaElement): BoxState {
  return { value: box.value, start: box.selectionStart ?? box.value.length, end: box.selectionEnd ?? box.value.length };
}
