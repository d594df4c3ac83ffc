import type { DecisionRule, GroupKind, QuorumRule } from '../governance/arrangements.js';
import type { DecisionMethod } from '../governance/decisions.js';
import type { AttendanceMark } from '../governance/quorum.js';
import type { AgencyInput, ArisingInput, GovernanceInput, GroupInput, MeetingInput, SeatInput } from '../schema/governance-input.js';
import type { GovernanceKind } from '../schema/schema.js';

/** What the snapshot builder lends {@link readGovernance}: its placed items and a way to read their fields. */
export interface GovernanceSource<N extends { id: string; deleted: unknown }> {
  /** Live children of a kind under a parent, in order. */
  kids(kind: GovernanceKind, parentId: string | null): N[];
  /** An item by id, live or in the bin. */
  get(kind: GovernanceKind, id: string): N | undefined;
  /** A field's value (a text field as its string). */
  value<T>(n: N, name: string): T;
  /** Where a plan action sits, 1-based, when it is live. */
  actionPosition(actionId: string): ArisingInput['action'];
}

/**
 * The live agencies, groups, seats and meetings as plain data. An agency or
 * seat in the bin is kept (marked `removed`) when something live still names
 * it: a seat's agency, a quorum rule's agency, a meeting's marked seat, so
 * the data carries everything a meeting's verdict is worked out from.
 */
export function readGovernance<N extends { id: string; deleted: unknown }>(src: GovernanceSource<N>): GovernanceInput {
  const agencies: AgencyInput[] = src.kids('agency', null).map((n) => agency(src, n));
  const named = new Set(agencies.map((a) => a.id));
  const keepAgency = (id: string) => {
    if (named.has(id)) return;
    const n = src.get('agency', id);
    if (!n) return;
    named.add(id);
    agencies.push({ ...agency(src, n), removed: true });
  };
  const groups = src.kids('group', null).map((g): GroupInput => {
    const seats: SeatInput[] = src.kids('seat', g.id).map((s) => seat(src, s));
    const meetings = src.kids('meeting', g.id).map((m) => meeting(src, m));
    const live = new Set(seats.map((s) => s.id));
    const marked = new Set(meetings.flatMap((m) => Object.keys(m.attendance ?? {})));
    for (const id of [...marked].sort()) {
      const s = live.has(id) ? undefined : src.get('seat', id);
      if (s) seats.push({ ...seat(src, s), removed: true });
    }
    const quorum = src.value<QuorumRule>(g, 'quorum');
    for (const s of seats) keepAgency(s.agencyId);
    if (quorum.kind === 'agencies') for (const id of quorum.required) keepAgency(id);
    return {
      id: g.id,
      name: src.value<string>(g, 'name'),
      kind: src.value<GroupKind>(g, 'kind'),
      chair: src.value<string>(g, 'chair'),
      meets: src.value<string>(g, 'meets'),
      seats,
      quorum,
      attendanceThreshold: src.value<number>(g, 'attendanceThreshold'),
      decisions: src.value<DecisionRule>(g, 'decisions'),
      meetings,
    };
  });
  return { agencies, groups };
}

function agency<N extends { id: string; deleted: unknown }>(src: GovernanceSource<N>, n: N): AgencyInput {
  return { id: n.id, name: src.value<string>(n, 'name'), ...(src.value<boolean>(n, 'statutoryPartner') ? { statutoryPartner: true } : {}) };
}

function seat<N extends { id: string; deleted: unknown }>(src: GovernanceSource<N>, n: N): SeatInput {
  return { id: n.id, agencyId: src.value<string>(n, 'agencyId'), role: src.value<string>(n, 'role'), voting: src.value<boolean>(n, 'voting') };
}

function meeting<N extends { id: string; deleted: unknown }>(src: GovernanceSource<N>, m: N): MeetingInput {
  return {
    date: src.value<string>(m, 'date'),
    chairPresent: src.value<boolean>(m, 'chairPresent'),
    attendance: src.value<Record<string, AttendanceMark>>(m, 'attendance'),
    visitors: src.value<string[]>(m, 'visitors'),
    declarations: src.kids('declaration', m.id).map((d) => ({
      who: src.value<string>(d, 'who'),
      item: src.value<string>(d, 'item'),
      interest: src.value<string>(d, 'interest'),
      left: src.value<boolean>(d, 'left'),
    })),
    decisions: src.kids('decision', m.id).map((d) => ({
      text: src.value<string>(d, 'text'),
      item: src.value<string>(d, 'item'),
      topic: src.value<string>(d, 'topic'),
      method: src.value<DecisionMethod>(d, 'method'),
      notQuorate: src.value<boolean>(d, 'notQuorate'),
    })),
    arising: src.kids('arising', m.id).map((a): ArisingInput => {
      const actionId = src.value<string | null>(a, 'actionId');
      const action = actionId ? src.actionPosition(actionId) : undefined;
      return {
        text: src.value<string>(a, 'text'),
        owner: src.value<string>(a, 'owner'),
        ...(src.value<string | null>(a, 'due') ? { due: src.value<string>(a, 'due') } : {}),
        ...(action ? { action } : {}),
      };
    }),
  };
}
