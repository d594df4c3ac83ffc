import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import type { EntityKind, Plan } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';
import { inputIntent, normalise } from './input-intent.js';
import { SharedTextEditor } from './shared-text-editor.js';
import { applyDelta, rangeIndices, readSelection, renderText, writeSelection } from './dom-text.js';

/** Which text field a binding edits. */
export interface FieldAddress {
  plan: Plan;
  kind: EntityKind | 'plan';
  id: string;
  field: string;
  multiline: boolean;
  /** For one entry of a list field (a principle, a success statement): that entry's text, from `plan.listOf`. */
  item?: Y.Text | null;
}

/**
 * Binds an editable box to its field's `Y.Text`, from the browser's input
 * events rather than by comparing the box with the text afterwards:
 * `beforeinput` is always cancelled and turned into an edit of the shared text
 * (through the core), and every change of the shared text, this person's or a
 * partner's, reaches the box as its delta. IME and dictation are left to the
 * browser while they compose; the composed text is applied when they finish.
 * This person's caret is held as Yjs relative positions ({@link SharedTextEditor})
 * and put back after every change.
 */
export class SharedTextBinding implements ReactiveController {
  editor: SharedTextEditor | null = null;
  private address: FieldAddress | null = null;
  private box: HTMLElement | null = null;
  private unbind: (() => void) | null = null;
  /** True while this binding writes, so its own change is not mistaken for a partner's. */
  private writing = false;
  /** True while an IME or dictation composes in the box: the box is the browser's until it ends. */
  private composing = false;
  /** The box no longer shows the shared text (a change arrived mid-composition). */
  private stale = false;
  /** Whether this composition's range has been taken from its first input. */
  private compositionRangeTaken = false;
  private doc: Y.Doc | null = null;
  /** The document whose transactions are followed while the box has focus. */
  private following: Y.Doc | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly events: {
      /** The core refused an edit (say, emptying a required field): the words to show. */
      refused: (message: string) => void;
      /** This person's selection moved, or the field's text changed (partners' carets need redrawing). */
      changed: () => void;
    },
  ) {
    host.addController(this);
  }

  /**
   * The field is taken out of the page, and may come straight back: a keyed
   * list moves an item's elements when a partner moves it. Whoever was typing
   * in it keeps their caret and goes on typing when it returns.
   */
  hostDisconnected(): void {
    if (this.leaving) this.moving = true;
    this.stopFollowing();
    this.unbind?.();
    this.unbind = null;
  }

  hostConnected(): void {
    const box = this.box;
    const editor = this.editor;
    if (!box || !editor || this.unbind) return;
    this.attach();
    if (this.moving) {
      this.moving = this.leaving = false;
      // Focusing puts the browser's caret at the start: the caret held in relative positions wins.
      const caret = editor.selection();
      box.focus({ preventScroll: true });
      if (caret) editor.select(caret.anchor, caret.head);
      this.restoreSelection();
    }
  }

  /** A blur has happened and is not yet settled: it may be the field being moved (blurred, taken out, put back at once). */
  private leaving = false;
  /** The field was taken out while focused: put focus and caret back when it returns. */
  private moving = false;

  /** Binds `box` to a field; again whenever the field or the box changes. */
  bind(box: HTMLElement, address: FieldAddress): void {
    const a = this.address;
    if (this.box === box && a && a.plan === address.plan && a.kind === address.kind && a.id === address.id && a.field === address.field && a.item === address.item) {
      this.address = address;
      return;
    }
    this.unbind?.();
    this.box = box;
    this.address = address;
    const { plan, kind, id, field, item } = address;
    this.editor = item
      ? new SharedTextEditor(item, (index, deleteCount, insert) => plan.editListItem(kind, id, field, item, index, deleteCount, insert))
      : new SharedTextEditor(plan.textOf(kind, id, field), (index, deleteCount, insert) => plan.editText(kind, id, field, index, deleteCount, insert));
    this.attach();
  }

  /** Shows the field's text and follows its changes (again, after the field was out of the page). */
  private attach(): void {
    this.unbind?.();
    const ytext = this.editor!.ytext;
    renderText(this.box!, ytext.toString());
    const observer = (event: Y.YTextEvent) => this.onTextChange(event);
    ytext.observe(observer);
    this.doc = ytext.doc;
    this.unbind = () => ytext.unobserve(observer);
    if (this.focused) this.startFollowing();
  }

  /** While the box has focus: follow the caret on screen, and take it before any change to the document while screen and text still agree. */
  private startFollowing(): void {
    this.stopFollowing();
    if (!this.doc) return;
    this.following = this.doc;
    this.doc.on('beforeTransaction', this.beforeTransaction);
    document.addEventListener('selectionchange', this.onSelectionChange);
  }

  private stopFollowing(): void {
    this.following?.off('beforeTransaction', this.beforeTransaction);
    this.following = null;
    document.removeEventListener('selectionchange', this.onSelectionChange);
  }

  /**
   * A transaction can start while another's observers are still running (a
   * partner's letter already in the text, not yet on screen): the caret is
   * taken from the screen only while screen and text agree.
   */
  private readonly beforeTransaction = (): void => {
    // This binding's own edit took the caret just before it wrote.
    if (this.writing) return;
    if (this.box && (this.box.firstChild as Text | null)?.data === this.editor?.ytext.toString()) this.captureSelection();
  };

  private get focused(): boolean {
    const box = this.box;
    return !!box && (box.getRootNode() as ShadowRoot).activeElement === box;
  }

  /** Reads the caret from the screen into relative positions (not mid-composition, when the screen is the IME's). */
  private captureSelection(): void {
    if (this.writing || this.composing || !this.focused || !this.box || !this.editor) return;
    const sel = readSelection(this.box);
    if (sel) this.editor.select(sel.anchor, sel.head);
  }

  /** Puts the caret back on screen from its relative positions (`unread`: without first reading where the screen has it, see writeSelection). */
  private restoreSelection(unread = false): void {
    if (!this.focused || !this.box || !this.editor) return;
    const sel = this.editor.selection();
    if (sel) writeSelection(this.box, sel.anchor, sel.head, unread);
  }

  private onTextChange(event: Y.YTextEvent): void {
    const box = this.box!;
    if (this.composing) {
      this.stale = true;
      return;
    }
    if (this.stale) {
      this.stale = false;
      renderText(box, this.editor!.ytext.toString());
    } else applyDelta(box, event.delta as Array<{ insert?: unknown; retain?: number; delete?: number }>);
    // This binding's own edit puts the caret back and says so once it is done.
    if (this.writing) return;
    this.restoreSelection();
    this.events.changed();
  }

  private readonly onSelectionChange = (): void => {
    if (!this.focused) return;
    this.captureSelection();
    this.events.changed();
  };

  readonly onFocus = (): void => {
    this.startFollowing();
    this.captureSelection();
    this.events.changed();
  };

  /** Leaving the field; settled once the current DOM work is done, unless the field was only being moved. */
  readonly onBlur = (): void => {
    this.leaving = true;
    queueMicrotask(() => {
      if (!this.leaving) return;
      this.leaving = this.moving = false;
      this.stopFollowing();
      this.editor?.clear();
      this.events.changed();
    });
  };

  /** Applies an edit through the core; a refusal leaves the text as it was and is shown. */
  private edit(fn: (editor: SharedTextEditor) => void): void {
    const editor = this.editor;
    if (!editor) return;
    this.writing = true;
    let refused = '';
    try {
      refused = tryPlanCall(() => fn(editor));
    } finally {
      this.writing = false;
    }
    if (refused) this.events.refused(refused);
    if (this.stale) {
      this.stale = false;
      renderText(this.box!, editor.ytext.toString());
    }
    // The box has just changed under the browser's caret: it is put where the edit left it, without asking the page where it was.
    this.restoreSelection(true);
    this.events.changed();
  }

  readonly onBeforeInput = (e: InputEvent): void => {
    // Composition is the IME's until it ends (and Chromium does not let it be cancelled).
    if (e.isComposing || e.inputType === 'insertCompositionText' || e.inputType === 'deleteCompositionText') return this.composingInto(e);
    e.preventDefault();
    const box = this.box;
    const editor = this.editor;
    const address = this.address;
    if (!box || !editor || !address) return;
    this.captureSelection();
    const targetRange = e.getTargetRanges()[0];
    const intent = inputIntent(e.inputType, {
      text: editor.ytext.toString(),
      selection: editor.range(),
      target: targetRange ? rangeIndices(box, targetRange) : null,
      data: e.data ?? e.dataTransfer?.getData('text/plain') ?? null,
      multiline: address.multiline,
    });
    if ('history' in intent) {
      if (intent.history === 'undo') address.plan.undo();
      else address.plan.redo();
    } else if ('edit' in intent) {
      const edit = intent.edit;
      this.edit((ed) => ed.apply(edit));
    }
  };

  readonly onPaste = (e: ClipboardEvent): void => {
    e.preventDefault();
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text || !this.address) return;
    this.captureSelection();
    const intent = inputIntent('insertFromPaste', { text: '', selection: this.editor!.range(), data: text, multiline: this.address.multiline });
    if ('edit' in intent) this.edit((ed) => ed.apply(intent.edit));
  };

  readonly onCut = (e: ClipboardEvent): void => {
    const editor = this.editor;
    if (!editor) return;
    this.captureSelection();
    const { from, to } = editor.range();
    if (from === to) return;
    e.preventDefault();
    e.clipboardData?.setData('text/plain', editor.ytext.toString().slice(from, to));
    this.edit((ed) => ed.apply({ from, to, insert: '' }));
  };

  readonly onCompositionStart = (): void => {
    this.captureSelection();
    this.composing = true;
    this.compositionRangeTaken = false;
  };

  /**
   * The composition's first input names what it will replace: the selection,
   * or (as Android keyboards do when the caret returns to a word) the word
   * around the caret. That range, held as relative positions, is what the
   * composed text replaces at the end.
   */
  private composingInto(e: InputEvent): void {
    if (this.compositionRangeTaken || !this.composing || !this.box || !this.editor) return;
    this.compositionRangeTaken = true;
    const target = e.getTargetRanges()[0];
    const range = target && rangeIndices(this.box, target);
    if (range && (this.box.firstChild as Text | null)?.data === this.editor.ytext.toString()) this.editor.select(range.from, range.to);
  }

  /** The IME or dictation has finished: its text replaces what was selected when it began, and the box shows the shared text again. */
  readonly onCompositionEnd = (e: CompositionEvent): void => {
    this.composing = false;
    this.stale = true;
    const editor = this.editor;
    if (!editor) return;
    // What the composition replaced goes even when it ends empty (a word deleted by a keyboard's recomposition).
    const range = editor.range();
    const insert = normalise(e.data ?? '', this.address?.multiline ?? false);
    this.edit((ed) => (insert || range.to > range.from ? ed.apply({ ...range, insert }) : undefined));
  };

  /** Anything that changed the box without a cancellable `beforeinput` first: show the shared text again. */
  readonly onInput = (): void => {
    if (this.composing || !this.box || !this.editor) return;
    if ((this.box.firstChild as Text | null)?.data !== this.editor.ytext.toString()) {
      renderText(this.box, this.editor.ytext.toString());
      this.restoreSelection();
    }
  };
}
