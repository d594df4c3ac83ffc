import { describe, expect, it } from 'vitest';
import { inputIntent, normalise, previousCharacter, wordStartBefore } from '../src/editing/input-intent.js';

const at = (text: string, i: number, multiline = false) => ({ text, selection: { from: i, to: i }, multiline });

describe('input events as edits of a shared text', () => {
  it('typing replaces the selection; autocorrect and spelling replace the range the browser names', () => {
    expect(inputIntent('insertText', { text: 'ab', selection: { from: 0, to: 2 }, data: 'x', multiline: false })).toEqual({ edit: { from: 0, to: 2, insert: 'x' } });
    expect(inputIntent('insertReplacementText', { ...at('teh plan', 8), target: { from: 0, to: 3 }, data: 'the' })).toEqual({ edit: { from: 0, to: 3, insert: 'the' } });
  });

  it('Backspace takes a whole character (an emoji, a letter with its accent), Ctrl+Backspace a word and the space before the caret', () => {
    expect(inputIntent('deleteContentBackward', at('Hi 👍🏽', 7))).toEqual({ edit: { from: 3, to: 7, insert: '' } });
    expect(previousCharacter('cafe\u0301', 5)).toBe(3);
    expect(inputIntent('deleteWordBackward', at('share intelligence  ', 20))).toEqual({ edit: { from: 6, to: 20, insert: '' } });
    expect(wordStartBefore('MACE', 0)).toBe(0);
    expect(inputIntent('deleteContentBackward', at('abc', 0))).toEqual({ ignore: true });
  });

  it('a new line goes into fields that hold paragraphs only; pasted lines become spaces in the others', () => {
    expect(inputIntent('insertParagraph', at('Vision', 6, true))).toEqual({ edit: { from: 6, to: 6, insert: '\n' } });
    expect(inputIntent('insertLineBreak', at('Title', 5))).toEqual({ ignore: true });
    expect(inputIntent('insertFromPaste', { ...at('', 0), data: 'one\r\ntwo\n\nthree' })).toEqual({ edit: { from: 0, to: 0, insert: 'one two three' } });
    expect(normalise('one\r\ntwo', true)).toBe('one\ntwo');
  });

  it('dragging text within a field takes it from where it was (deleteByDrag) and puts it where it is dropped (insertFromDrop); cut removes the selection', () => {
    const text = 'Refresh Pan-Lancs CSE strategy';
    expect(inputIntent('deleteByDrag', { ...at(text, 0), target: { from: 8, to: 18 } })).toEqual({ edit: { from: 8, to: 18, insert: '' } });
    expect(inputIntent('insertFromDrop', { ...at(text, 0), target: { from: 0, to: 0 }, data: 'Pan-Lancs ' })).toEqual({ edit: { from: 0, to: 0, insert: 'Pan-Lancs ' } });
    expect(inputIntent('deleteByCut', { text, selection: { from: 0, to: 8 }, multiline: false })).toEqual({ edit: { from: 0, to: 8, insert: '' } });
    expect(inputIntent('deleteSoftLineBackward', at('first line\nsecond', 13, true))).toEqual({ edit: { from: 11, to: 13, insert: '' } });
  });

  it('undo and redo from the browser (menu, shortcut) go to the plan’s undo; formatting does nothing', () => {
    expect(inputIntent('historyUndo', at('x', 1))).toEqual({ history: 'undo' });
    expect(inputIntent('historyRedo', at('x', 1))).toEqual({ history: 'redo' });
    expect(inputIntent('formatBold', at('x', 1))).toEqual({ ignore: true });
  });
});
