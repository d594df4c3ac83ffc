/** One partnership's part of a cell, in a plan that serves two ("LRSCP: … LSCPB: …"). */
export interface PartnershipPart {
  /** The partnership's short name, as the cell writes it before the colon. */
  partnership: string;
  text: string;
}

// A partnership's short name opening its part of a cell: capitals, then a colon.
const PREFIX = /(?:^|\s)([A-Z][A-Z&]{2,7}):\s+/g;

/**
 * The short names that open two or more parts of one cell ("LRSCP: Business
 * Office Manager LSCPB: Boards Manager"): a plan serving two partnerships
 * writes each one's part after its name.
 */
export function findPartnerships(cells: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const cell of cells) {
    const names = new Set([...cell.matchAll(PREFIX)].map((m) => m[1]!));
    if (names.size >= 2) for (const n of names) found.add(n);
  }
  return found;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a part starts: its partnership ('' for a part all of them share), and whether the name stays in the text. */
interface PartStart {
  at: number;
  /** Where the part's text begins. */
  from: number;
  partnership: string;
}

/**
 * Splits a cell into the parts each known partnership wrote, or returns null
 * when no part opens with a known partnership's name. A part opens with:
 * - the name and a colon, anywhere ("LRSCP: Business Office Manager");
 * - the name at the start of a line, as a label ("LRSCP The three partners"),
 *   or as the subject of its sentence, which keeps it ("LRSCP annual report …");
 * - the name where another partnership's part began with the same words
 *   ("LRSCP annual report … LSCPB annual report …").
 * A part opened by names joined with a slash ("LRSCP/LSCPB Independent
 * Advisor") is every partnership's, as is text before the first name; those
 * come back under the name ''. A partnership's parts are joined, a line each.
 */
export function partnershipParts(cell: string, known: ReadonlySet<string>): PartnershipPart[] | null {
  if (!known.size) return null;
  const names = [...known].map(literal).join('|');
  const starts: PartStart[] = [];
  for (const m of cell.matchAll(new RegExp(`(?:^|(?<=\\s))(${names}):\\s+`, 'g'))) starts.push({ at: m.index!, from: m.index! + m[0].length, partnership: m[1]! });
  // A label at a line's start: dropped before a capitalised phrase, kept as a sentence's subject.
  const openers: string[] = [];
  for (const m of cell.matchAll(new RegExp(`(?:^|(?<=\\n))(${names})\\s+(?=\\S)`, 'g'))) {
    const rest = cell.slice(m.index! + m[0].length);
    const subject = /^[a-z]/.test(rest);
    starts.push({ at: m.index!, from: subject ? m.index! : m.index! + m[0].length, partnership: m[1]! });
    const words = /^([a-z]+\s+[a-z]+)\b/.exec(rest);
    if (subject && words) openers.push(words[1]!);
  }
  // Another partnership's part written in the same words as one that opened a line.
  for (const words of openers) for (const m of cell.matchAll(new RegExp(`(?<=\\s)(${names})\\s+(?=${literal(words)}\\b)`, 'g'))) starts.push({ at: m.index!, from: m.index!, partnership: m[1]! });
  if (!starts.length) return null;
  // A part for all of them: "LRSCP/LSCPB Independent Advisor", a known name on one side of the slash.
  for (const m of cell.matchAll(/(?<=\s)([A-Z][A-Z&]{1,7})\/([A-Z][A-Z&]{1,7})\b/g)) {
    if (known.has(m[1]!) || known.has(m[2]!)) starts.push({ at: m.index!, from: m.index!, partnership: '' });
  }
  const sorted = [...new Map(starts.sort((a, b) => a.at - b.at).map((s) => [s.at, s])).values()];
  const parts = new Map<string, string[]>();
  const add = (partnership: string, text: string) => {
    const t = text.trim();
    if (t) parts.set(partnership, [...(parts.get(partnership) ?? []), t]);
  };
  add('', cell.slice(0, sorted[0]!.at));
  sorted.forEach((s, i) => add(s.partnership, cell.slice(s.from, i + 1 < sorted.length ? sorted[i + 1]!.at : cell.length)));
  return [...parts].map(([partnership, texts]) => ({ partnership, text: texts.join('\n') }));
}
