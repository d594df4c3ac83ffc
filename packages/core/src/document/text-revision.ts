import diff from 'fast-diff';
import type * as Y from 'yjs';

/** One change a person made: the span `[start, end)` of the text they saw, replaced by `insert`. */
interface Change {
  start: number;
  end: number;
  insert: string;
}

/** A stretch of the text the person saw, and where it is now (`at`), or that a partner deleted it (`gone`). */
type Piece = { from: number; length: number; at: number; gone: boolean } | { inserted: number };

/**
 * Applies to `ytext` the words a person changed between `from` (the text as
 * they saw it when they began) and `to` (what they wrote), as small edits at
 * the places they changed. The field may have changed meanwhile: a partner's
 * words elsewhere in it, typed after `from` was read, are kept, because
 * each change is placed where its neighbouring text now is, and only the
 * letters the person removed (if still there) are deleted.
 */
export function applyTextRevision(ytext: Y.Text, from: string, to: string): void {
  if (from === to) return;
  const changes = changesBetween(from, to);
  const pieces = piecesOf(from, ytext.toString());
  // From the last change to the first, so the places of earlier ones stay put.
  for (const change of changes.reverse()) {
    const at = placeOf(pieces, change.start);
    for (const [start, length] of survivingSpans(pieces, change.start, change.end).reverse()) ytext.delete(start, length);
    if (change.insert) ytext.insert(at, change.insert);
  }
}

/** The person's changes, as spans of `from` and what replaces each (a deletion and an insertion side by side are one change). */
function changesBetween(from: string, to: string): Change[] {
  const changes: Change[] = [];
  let pos = 0;
  for (const [op, text] of wordDiff(from, to)) {
    if (op === diff.EQUAL) {
      pos += text.length;
      continue;
    }
    const last = changes[changes.length - 1];
    const joined = last && last.end === pos ? last : undefined;
    const change = joined ?? { start: pos, end: pos, insert: '' };
    if (!joined) changes.push(change);
    if (op === diff.DELETE) change.end = pos += text.length;
    else change.insert += text;
  }
  return changes;
}

/** A word, a run of spaces, or one other character: the units a person's change is made of. */
const TOKEN = /[\p{L}\p{N}_'’-]+|\s+|[\s\S]/gu;
/** Private-use characters stand for tokens while diffing (the trick diff-match-patch uses for lines). */
const FIRST_CODE = 0xe000;
const CODES = 0x1900;

/**
 * The differences between two texts in whole words, so that a changed word is
 * replaced whole rather than letter by letter: a partner's change to another
 * word is never caught up in it. Falls back to letters for texts of very many
 * different words.
 */
function wordDiff(from: string, to: string): diff.Diff[] {
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (text: string): string | null => {
    let out = '';
    for (const token of text.match(TOKEN) ?? []) {
      let code = codes.get(token);
      if (code === undefined) {
        if (tokens.length >= CODES) return null;
        code = String.fromCharCode(FIRST_CODE + tokens.length);
        codes.set(token, code);
        tokens.push(token);
      }
      out += code;
    }
    return out;
  };
  const a = encode(from);
  const b = encode(to);
  if (a === null || b === null) return diff(from, to, undefined, true);
  return diff(a, b).map(([op, text]) => [op, [...text].map((c) => tokens[c.charCodeAt(0) - FIRST_CODE]).join('')]);
}

/** How the text the person saw maps onto the field now. */
function piecesOf(from: string, now: string): Piece[] {
  if (from === now) return [{ from: 0, length: from.length, at: 0, gone: false }];
  const pieces: Piece[] = [];
  let a = 0;
  let b = 0;
  for (const [op, text] of diff(from, now)) {
    if (op === diff.INSERT) {
      pieces.push({ inserted: text.length });
      b += text.length;
    } else {
      pieces.push({ from: a, length: text.length, at: b, gone: op === diff.DELETE });
      a += text.length;
      if (op === diff.EQUAL) b += text.length;
    }
  }
  return pieces;
}

/** Where position `p` of the text the person saw is now; after a partner's insertion at the same place. */
function placeOf(pieces: Piece[], p: number): number {
  let at = 0;
  for (const piece of pieces) {
    if ('inserted' in piece) {
      at += piece.inserted;
      continue;
    }
    if (p < piece.from + piece.length) return piece.gone ? piece.at : piece.at + (p - piece.from);
    at = piece.gone ? piece.at : piece.at + piece.length;
  }
  return at;
}

/** The spans of the field now ([start, length]) holding letters of `[start, end)` that no partner has deleted. */
function survivingSpans(pieces: Piece[], start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const piece of pieces) {
    if ('inserted' in piece || piece.gone) continue;
    const s = Math.max(start, piece.from);
    const e = Math.min(end, piece.from + piece.length);
    if (e > s) spans.push([piece.at + (s - piece.from), e - s]);
  }
  return spans;
}
