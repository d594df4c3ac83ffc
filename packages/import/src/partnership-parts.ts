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

/**
 * Splits a cell into the parts each known partnership wrote, or returns null
 * when no part opens with a known partnership's name. Text before the first
 * name is the part every partnership shares, under the name ''.
 */
export function partnershipParts(cell: string, known: ReadonlySet<string>): PartnershipPart[] | null {
  if (!known.size) return null;
  const starts = [...cell.matchAll(PREFIX)].filter((m) => known.has(m[1]!));
  if (!starts.length) return null;
  const parts: PartnershipPart[] = [];
  const shared = cell.slice(0, starts[0]!.index).trim();
  if (shared) parts.push({ partnership: '', text: shared });
  starts.forEach((m, i) => {
    const from = m.index! + m[0].length;
    const to = i + 1 < starts.length ? starts[i + 1]!.index! : cell.length;
    parts.push({ partnership: m[1]!, text: cell.slice(from, to).trim() });
  });
  return parts;
}
