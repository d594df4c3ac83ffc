/**
 * Cells a page break cut, in a table copied out of a PDF column by column.
 * A page break cuts every column at its last cell; on the next page each
 * column's cut cell goes on first, in column order, as lower-case fragments
 * ("… a potential or" / "known risk factor"). These helpers tell which cells
 * were cut and which fragment ends which, from the text alone.
 */

// A last word that needs another after it: "… a potential or", "These would include".
const NEEDS_MORE = /(?:[,&/–-]|\b(?:and|or|of|the|to|with|by|for|from|in|on|a|an|at|as|into|that|which|whose|where|whether|whilst|while|between|include|includes|including|such|are|is|be))$/i;

/** Whether a cell plainly stops mid-sentence: its last word needs another, or a bracket is left open. */
export function cutMidSentence(cell: string): boolean {
  const t = cell.trim();
  const open = (t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length;
  return open || NEEDS_MORE.test(t);
}

/** Whether a cell could go on: it does not end a sentence or a list. */
export function unfinished(cell: string): boolean {
  return !/[.!?:;)]$|['’"”]$/.test(cell.trim());
}

/** Whether a paragraph carries on a cell: it starts lower-case. */
export function carriesOn(paragraph: string): boolean {
  return /^[a-z]/.test(paragraph.trim());
}

const wordsOf = (s: string) => s.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];

/** Every pair of words that follow each other in the text, to tell which cut cell a fragment goes on from. */
export function wordPairs(lines: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  const words = wordsOf(lines.join(' '));
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

/**
 * Which of several unfinished cells a fragment ends: the one whose last word
 * the text elsewhere follows with the fragment's first word ("… workforce" /
 * "development takes place", where the text also writes "workforce
 * development"). -1 when no cell, or more than one, has that evidence.
 */
export function cellTheFragmentEnds(cells: readonly string[], fragment: string, pairs: ReadonlySet<string>): number {
  const first = wordsOf(fragment)[0];
  if (!first) return -1;
  const hits = cells.map((c, i) => (pairs.has(`${wordsOf(c).at(-1)} ${first}`) ? i : -1)).filter((i) => i >= 0);
  return hits.length === 1 ? hits[0]! : -1;
}

/**
 * A fragment whose first line runs two columns' ends together, as a PDF dump
 * writes a line that crosses columns ("known risk factor return interviews is"
 * below "… a potential or" and "Ensure learning from"). Split where both parts
 * fit their columns' widths, the first column's part as short as that allows:
 * the second column's line is not its cell's last, so it is filled to its
 * column's width, as wrapping fills every line but a cell's last. The widths
 * are the widest lines each column shows. Null when no split fits.
 */
export function splitAcrossColumns(firstLines: readonly string[], secondLines: readonly string[], fragmentLines: readonly string[]): [string, string] | null {
  const width = (ls: readonly string[]) => Math.max(0, ...ls.map((l) => l.trim().length));
  const [head, ...rest] = fragmentLines.map((l) => l.trim()).filter(Boolean);
  if (!head) return null;
  const first = width(firstLines);
  const second = Math.max(width(secondLines), width(rest));
  // A line no wider than one column is one column's line.
  if (head.length <= Math.max(first, second)) return null;
  const words = head.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const a = words.slice(0, k).join(' ');
    const b = words.slice(k).join(' ');
    if (a.length <= first && b.length <= second) return [a, [b, ...rest].join(' ')];
  }
  return null;
}
