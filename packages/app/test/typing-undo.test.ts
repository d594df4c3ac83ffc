import { describe, expect, it } from 'vitest';
import { TypingUndo } from '../src/editing/typing-undo.js';

/** A text box as the undo reads it: its words and selection, changed as the browser would after each input. */
function box() {
  const b = {
    value: '',
    selectionStart: 0,
    selectionEnd: 0,
    setSelectionRange(start: number, end: number) {
      b.selectionStart = start;
      b.selectionEnd = end;
    },
  };
  return b;
}
type Box = ReturnType<typeof box>;

/** A person at the box: each input announced (`beforeinput`), applied at the caret, then reported (`input`). */
function person(undo: TypingUndo, b: Box) {
  const input = (inputType: string, data: string | null, apply: () => void) => {
    const e = { target: b, inputType, data, defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) };
    undo.beforeInput(e as unknown as InputEvent);
    if (e.defaultPrevented) return;
    apply();
    undo.afterInput({ target: b } as unknown as Event);
  };
  const insert = (text: string, inputType = 'insertText') =>
    input(inputType, text, () => {
      b.value = b.value.slice(0, b.selectionStart) + text + b.value.slice(b.selectionEnd);
      b.selectionStart = b.selectionEnd = b.selectionStart + text.length;
    });
  const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing', boolean>> = { ctrlKey: true }) => {
    const e = {
      target: b,
      key,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      isComposing: false,
      ...mods,
      defaultPrevented: false,
      preventDefault: () => (e.defaultPrevented = true),
    };
    undo.keyDown(e as unknown as KeyboardEvent);
    return e.defaultPrevented;
  };
  return {
    type: (text: string) => {
      for (const c of text) insert(c);
    },
    paste: (text: string) => insert(text, 'insertFromPaste'),
    backspace: (times: number) => {
      for (let i = 0; i < times; i++)
        input('deleteContentBackward', null, () => {
          b.value = b.value.slice(0, b.selectionStart - 1) + b.value.slice(b.selectionStart);
          b.selectionStart = b.selectionEnd = b.selectionStart - 1;
        });
    },
    /** A word composed with an IME: each change of the composition, then its end. */
    compose: (changes: string[]) => {
      const at = b.selectionStart;
      for (const text of changes)
        input('insertCompositionText', text, () => {
          b.value = b.value.slice(0, at) + text;
          b.selectionStart = b.selectionEnd = at + text.length;
        });
      undo.compositionEnd();
    },
    key,
  };
}

function setUp() {
  const b = box();
  const told: string[] = [];
  const undo = new TypingUndo((value) => told.push(value));
  return { b, told, undo, p: person(undo, b) };
}

describe('TypingUndo: a text box’s own undo, a word at a time', () => {
  it('takes back a word at a time and puts it back, telling the box’s owner each time', () => {
    const { b, told, p } = setUp();
    p.type('child exploitation');
    expect(p.key('z')).toBe(true);
    expect(b.value).toBe('child ');
    p.key('z');
    expect(b.value).toBe('');
    p.key('z', { ctrlKey: true, shiftKey: true });
    expect(b.value).toBe('child ');
    p.key('y');
    expect(b.value).toBe('child exploitation');
    expect(told).toEqual(['child ', '', 'child ', 'child exploitation']);
    // Nothing more to redo: the box is left as it is.
    p.key('y');
    expect(b.value).toBe('child exploitation');
  });

  it('makes a run of deleting and a paste one step each, and new typing forgets what could be redone', () => {
    const { b, p } = setUp();
    p.type('neglect');
    p.backspace(3);
    p.paste(' strategy');
    expect(b.value).toBe('negl strategy');
    p.key('z');
    expect(b.value).toBe('negl');
    p.key('z');
    expect(b.value).toBe('neglect');
    p.type('s');
    p.key('y');
    expect(b.value).toBe('neglects');
  });

  it('makes each word composed with an IME one step, however often its composition changed', () => {
    const { b, p } = setUp();
    p.compose(['ほ', 'ほご', '保護']);
    p.compose(['し', 'しゃ', '者']);
    expect(b.value).toBe('保護者');
    p.key('z');
    expect(b.value).toBe('保護');
    p.key('z');
    expect(b.value).toBe('');
  });

  it('comes back to the words a change without beforeinput took away (a search box’s clear button)', () => {
    const { b, undo, p } = setUp();
    p.type('hello world');
    b.value = '';
    b.selectionStart = b.selectionEnd = 0;
    undo.afterInput({ target: b } as unknown as Event);
    p.key('z');
    expect(b.value).toBe('hello world');
  });

  it('leaves Ctrl+Z to the IME while a word is composed, and Cmd+Y (a Mac’s History) to the browser', () => {
    const { b, p } = setUp();
    p.type('abuse');
    expect(p.key('z', { ctrlKey: true, isComposing: true })).toBe(false);
    expect(b.value).toBe('abuse');
    p.key('z', { metaKey: true });
    expect(b.value).toBe('');
    expect(p.key('y', { metaKey: true })).toBe(false);
    expect(b.value).toBe('');
    expect(p.key('z', { metaKey: true, shiftKey: true })).toBe(true);
    expect(b.value).toBe('abuse');
  });
});
