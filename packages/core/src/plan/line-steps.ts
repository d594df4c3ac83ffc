// How one list of lines became another, so a list field can be revised entry by entry rather than replaced.

/** One step from the old lines to the new: a line kept or changed in place, removed, or added. */
export type LineStep = { op: 'keep' | 'change'; from: number; to: number } | { op: 'remove'; from: number } | { op: 'add'; to: number };

/**
 * How lines `from` became lines `to`: the longest run of lines kept in
 * order, and between kept lines, lines removed and added side by side paired
 * as changed (so an edited statement is revised, not replaced).
 */
export function lineSteps(from: readonly string[], to: readonly string[]): LineStep[] {
  const n = from.length;
  const m = to.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = from[i] === to[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const steps: LineStep[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) steps.push({ op: 'change', from: removed[k]!, to: added[k]! });
    for (const f of removed.slice(paired)) steps.push({ op: 'remove', from: f });
    for (const t of added.slice(paired)) steps.push({ op: 'add', to: t });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && from[i] === to[j]) {
      flush();
      steps.push({ op: 'keep', from: i++, to: j++ });
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(j++);
    else removed.push(i++);
  }
  flush();
  return steps;
}
