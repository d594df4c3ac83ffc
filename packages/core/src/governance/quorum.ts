import type { Agency, QuorumRule, Seat } from './arrangements.js';

/** How someone was recorded at a meeting, seat by seat. A substitute counts for their agency. */
export type AttendanceMark = { status: 'present' } | { status: 'substitute'; name: string } | { status: 'apologies' } | { status: 'absent' };

/** The quorum verdict, and in words what is missing when it is not met. */
export interface QuorumVerdict {
  quorate: boolean;
  /** Required agencies not represented, in the rule's order. */
  missingAgencies: string[];
  /** How many more agencies (or members) are needed beyond those named. */
  moreNeeded: number;
  /** Whether the chair's absence is what fails the rule. */
  chairMissing: boolean;
  /** For a person: "Quorate", or "Not quorate: needs the ICB and one more agency". */
  words: string;
}

/** Whether a seat's mark represents its agency. */
export function represents(mark: AttendanceMark | undefined): boolean {
  return mark?.status === 'present' || mark?.status === 'substitute';
}

/** The agencies represented at a meeting: any voting seat of theirs present or filled by a substitute. */
export function agenciesPresent(seats: readonly Seat[], marks: ReadonlyMap<string, AttendanceMark>): Set<string> {
  const present = new Set<string>();
  for (const seat of seats) if (seat.voting !== false && represents(marks.get(seat.id))) present.add(seat.agencyId);
  return present;
}

/**
 * Whether a meeting is quorate under its group's rule, and why not. Visitors
 * and non-voting seats never count; a substitute counts for their agency;
 * several people from one agency count once towards "other agencies".
 *
 * @example
 * ```ts
 * quorumVerdict({ kind: 'agencies', required: ['la', 'police', 'icb'], others: 3 }, seats, marks, { chairPresent: true, agencies })
 * // { quorate: false, words: 'Not quorate: needs NHS Lincolnshire ICB and one more agency', … }
 * ```
 */
export function quorumVerdict(rule: QuorumRule, seats: readonly Seat[], marks: ReadonlyMap<string, AttendanceMark>, context: { chairPresent: boolean; agencies?: readonly Agency[] }): QuorumVerdict {
  const present = agenciesPresent(seats, marks);
  const nameOf = (id: string) => context.agencies?.find((a) => a.id === id)?.name ?? id;
  let missingAgencies: string[] = [];
  let moreNeeded = 0;
  let chairMissing = false;
  if (rule.kind === 'agencies') {
    missingAgencies = rule.required.filter((id) => !present.has(id));
    const others = [...present].filter((id) => !rule.required.includes(id)).length;
    moreNeeded = Math.max(0, rule.others - others);
  } else if (rule.kind === 'chair-and-agencies') {
    chairMissing = !context.chairPresent;
    moreNeeded = Math.max(0, rule.agencies - present.size);
  } else {
    const filled = seats.filter((s) => s.voting !== false && represents(marks.get(s.id))).length;
    moreNeeded = Math.max(0, rule.members - filled);
  }
  const quorate = missingAgencies.length === 0 && moreNeeded === 0 && !chairMissing;
  return {
    quorate,
    missingAgencies,
    moreNeeded,
    chairMissing,
    words: quorate ? 'Quorate' : `Not quorate: needs ${needs(missingAgencies.map(nameOf), moreNeeded, chairMissing, rule.kind === 'count' ? 'member' : 'agency', rule.kind === 'agencies')}`,
  };
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "the chair, the Police, NHS Lincolnshire ICB and two more agencies" */
function needs(named: string[], more: number, chair: boolean, unit: string, afterNamed: boolean): string {
  const parts = [...(chair ? ['the chair'] : []), ...named];
  if (more > 0) {
    const count = NUMBER_WORDS[more] ?? String(more);
    const plural = more === 1 ? unit : unit === 'agency' ? 'agencies' : `${unit}s`;
    parts.push(`${count} ${afterNamed || chair ? 'more ' : ''}${plural}`);
  }
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A quorum rule in words: "Lincolnshire Police, … and three other agencies", "the chair and three agencies", "five voting members". */
export function quorumRuleWords(rule: QuorumRule, agencies: readonly Agency[] = []): string {
  const nameOf = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  const count = (n: number, unit: string, plural: string) => `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? unit : plural}`;
  if (rule.kind === 'agencies') {
    const named = rule.required.map(nameOf);
    const parts = rule.others > 0 ? [...named, count(rule.others, 'other agency', 'other agencies')] : named;
    return parts.length <= 1 ? (parts[0] ?? 'anyone') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  }
  if (rule.kind === 'chair-and-agencies') return `the chair and ${count(rule.agencies, 'agency', 'agencies')}`;
  return count(rule.members, 'voting member', 'voting members');
}
