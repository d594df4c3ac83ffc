import * as Y from 'yjs';

/**
 * Turns `ytext` into `next` by deleting and inserting only the span that differs.
 * Setting a whole field this way still merges with what others type at the same
 * time, because the untouched prefix and suffix keep their identity.
 */
export function setTextMinimal(ytext: Y.Text, next: string): void {
  const prev = ytext.toString();
  if (prev === next) return;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
    endPrev--;
    endNext--;
  }
  // Do not split a surrogate pair: widen the edit by one unit if we would.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
    endPrev++;
    endNext++;
  }
  if (endPrev > start) ytext.delete(start, endPrev - start);
  if (endNext > start) ytext.insert(start, next.slice(start, endNext));
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A new `Y.Text` holding `value`. */
export function newText(value: string): Y.Text {
  const t = new Y.Text();
  if (value) t.insert(0, value);
  return t;
}

/**
 * Makes the array of texts read `next`, keeping the unchanged items at both
 * ends and editing items in place where the middle keeps its length, so a
 * partner's edit to one statement survives another's edit to its neighbour.
 */
export function setTextListMinimal(list: Y.Array<Y.Text>, next: readonly string[]): void {
  const prev = list.toArray().map((t) => t.toString());
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (endPrev - start === endNext - start) {
    for (let i = start; i < endPrev; i++) setTextMinimal(list.get(i), next[i] ?? '');
    return;
  }
  if (endPrev > start) list.delete(start, endPrev - start);
  if (endNext > start) list.insert(start, next.slice(start, endNext).map(newText));
}
