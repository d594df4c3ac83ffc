import type { LeadSnapshot } from '../schema/snapshot.js';

/** Words that say nothing about which body a lead is. */
const FILLER = new Set(['the', 'and', 'of', 'for']);

/** A name's words, lower case, without punctuation or filler: "Lincolnshire Police " → ["lincolnshire", "police"], "L&D Sub" → ["l", "d", "sub"]. */
function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w));
}

/** Whether a short word could stand for a long one: the same, a prefix ("lincs" / "lincolnshire" by letters in order, same first letter). */
function sameWord(short: string, long: string): boolean {
  if (short === long) return true;
  if (short.length < 3 || short[0] !== long[0]) return false;
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/** Whether every word of the shorter name stands for a word of the longer one. */
function nearlySame(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w) => long.some((l) => (w.length <= l.length ? sameWord(w, l) : sameWord(l, w))));
}

/**
 * Leads in the registry that are probably the same body written
 * differently ("Police", "Lincs Police", "Lincolnshire Police "), in groups
 * of two or more, each in registry order: candidates for a person to merge.
 * A name matches another when each of its words is a word of the other, or
 * an abbreviation of one.
 *
 * @example `similarLeads(plan.snapshot().leads).map((g) => g.map((l) => l.name)) // [['Police', 'Lincs Police', 'Lincolnshire Police ']]`
 */
export function similarLeads(leads: readonly LeadSnapshot[]): LeadSnapshot[][] {
  const words = leads.map((l) => wordsOf(l.name));
  const group = leads.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (let i = 0; i < leads.length; i++) for (let j = i + 1; j < leads.length; j++) if (nearlySame(words[i]!, words[j]!)) group[root(j)] = root(i);
  const groups = new Map<number, LeadSnapshot[]>();
  leads.forEach((l, i) => {
    const r = root(i);
    const g = groups.get(r) ?? [];
    g.push(l);
    groups.set(r, g);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
