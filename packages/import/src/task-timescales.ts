/**
 * One timescale cell beside several tasks that extraction ran together on
 * one line: "Needs assessment complete by June/July 2020 Work programme in
 * place once business plan confirmed. Evaluation ready …". Its pieces come
 * in the order of the tasks they belong to, each naming its task's subject.
 */

const LITTLE = new Set([
  'with',
  'that',
  'this',
  'from',
  'into',
  'once',
  'time',
  'year',
  'each',
  'will',
  'have',
  'been',
  'were',
  'they',
  'their',
  'there',
  'what',
  'when',
  'then',
  'than',
  'also',
  'ready',
  'place',
  'complete',
  'completed',
]);

/** The stems of a text's words that say what it is about ("programme" and "programmes" share "progr"). */
function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !LITTLE.has(w)).map((w) => w.slice(0, 5)));
}

/** A timescale line cut into its pieces: at a full stop before a capital, and after a year before a capitalised word. */
export function timescalePieces(line: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    if (depth > 0 || c !== ' ') continue;
    const before = line.slice(start, i);
    const after = line.slice(i + 1);
    const sentence = /[a-z0-9)]\.$/.test(before) && !/\b(?:i\.e|e\.g|etc|p)\.$/i.test(before) && /^[A-Z]/.test(after);
    const afterYear = /\b20\d\d$/.test(before) && /^[A-Z][a-z]+\s+[a-z]/.test(after);
    if (sentence || afterYear) {
      pieces.push(before.trim());
      start = i + 1;
    }
  }
  pieces.push(line.slice(start).trim());
  return pieces.filter(Boolean);
}

/**
 * Each task's timescale, where a run-together timescale line's pieces pair
 * with the tasks: one each when the counts agree; when there are fewer
 * pieces, each goes to the next task that shares a word with it, in order,
 * and a task no piece names has none. Null when the pieces cannot all be
 * placed, so the caller keeps the cell whole for every task.
 */
export function timescalesByTask(line: string, tasks: readonly string[]): (string | undefined)[] | null {
  const pieces = timescalePieces(line);
  if (pieces.length < 2 || pieces.length > tasks.length) return null;
  if (pieces.length === tasks.length) return pieces;
  const out: (string | undefined)[] = tasks.map(() => undefined);
  let next = 0;
  for (const piece of pieces) {
    const words = stems(piece);
    let found = -1;
    for (let t = next; t < tasks.length && found < 0; t++) if ([...stems(tasks[t]!)].some((w) => words.has(w))) found = t;
    if (found < 0) return null;
    out[found] = piece;
    next = found + 1;
  }
  return out;
}
