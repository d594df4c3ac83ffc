/** A partnership the plan names in full with its short name: "Lincolnshire Safeguarding Children Partnership (LSCP)". */
export interface NamedPartnership {
  name: string;
  shortName: string;
}

// Capitalised words ending with what partnerships call themselves, then a bracketed acronym.
const NAMED = /((?:[A-Z][\w'’&-]*\s+(?:(?:and|of|for|the)\s+)?){1,8}(?:Partnership|Partnerships|Board|Boards|Partnership Board))\s*\(([A-Z][A-Za-z&]{1,9})\)/g;

/** Whether an acronym is made of the initials of a name's capitalised words ("LRSCP", "Leicestershire and Rutland Safeguarding Children Partnership"). */
function initialsOf(name: string, acronym: string): boolean {
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  const letters = acronym.toUpperCase().replace(/[^A-Z]/g, '');
  return initials === letters || initials.endsWith(letters);
}

/**
 * The partnerships a plan's own text names in full, each with its short
 * name, where the short name is the full name's initials. A leading "The"
 * is not part of the name.
 */
export function namedPartnerships(lines: readonly string[]): NamedPartnership[] {
  const found = new Map<string, NamedPartnership>();
  for (const line of lines)
    for (const m of line.matchAll(NAMED)) {
      let name = m[1]!.trim().replace(/^The\s+/, '');
      const shortName = m[2]!;
      // A name that starts mid-sentence: drop capitalised words until the initials fit.
      while (!initialsOf(name, shortName) && name.includes(' ')) name = name.replace(/^\S+\s+(?:(?:and|of|for|the)\s+)?/, '');
      if (initialsOf(name, shortName) && name.split(/\s+/).length >= 2 && !found.has(shortName)) found.set(shortName, { name, shortName });
    }
  return [...found.values()];
}
