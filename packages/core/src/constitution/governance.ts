import type { Plan } from '../plan/plan.js';
import type { EntityRecord } from '../schema/entities.js';
import { PlanError } from '../schema/errors.js';
import type { Arrangements, Group, Seat } from '../governance/arrangements.js';
import { checkDecision, type DecisionMethod } from '../governance/decisions.js';
import { quorumVerdict, type AttendanceMark, type QuorumVerdict } from '../governance/quorum.js';
import type { IsoDate } from '../values/values.js';
import type { GovernanceSnapshot } from './governance-snapshot.js';
import { attendanceByGroup, type GroupAttendance } from './attendance-by-group.js';

/** One seat as a meeting shows it: whose it is, and how its holder was marked. */
export interface MeetingSeat {
  seatId: string;
  agencyId: string;
  agencyName: string;
  role: string;
  voting: boolean;
  mark: AttendanceMark | undefined;
  /**
   * The seat was removed from the group after (or while) this meeting's
   * attendance was recorded: its mark is kept and still counts, because the
   * person did attend; removing a seat never rewrites a past meeting.
   */
  removed: boolean;
}

/** A meeting as plain data: attendance seat by seat, the live quorum verdict, and what was declared, decided and arose. */
export interface MeetingView {
  id: string;
  groupId: string;
  groupName: string;
  date: IsoDate;
  chairPresent: boolean;
  seats: MeetingSeat[];
  visitors: string[];
  verdict: QuorumVerdict;
  declarations: EntityRecord<'declaration'>[];
  decisions: EntityRecord<'decision'>[];
  arising: EntityRecord<'arising'>[];
}

/** A decision as {@link Governance.recordDecision} takes it. */
export interface DecisionInput {
  text: string;
  /** The agenda item it was taken on. */
  item?: string;
  /** A topic the rules name (for example "financial contributions", which only consensus may settle). */
  topic?: string;
  method: DecisionMethod;
  /** Say so to record a decision of a meeting that is not quorate; it is then recorded as such. */
  acknowledgeNotQuorate?: boolean;
}

/**
 * The partnership's arrangements and meetings, kept in the plan's document
 * beside its priorities (so they sync, merge and work offline like the rest),
 * with the rules applied: the live quorum verdict, decisions checked against
 * the group's rules, actions arising turned into plan actions. Plain edits
 * (a group's name, a declaration) go through the {@link Plan} as usual.
 *
 * @example
 * ```ts
 * const gov = new Governance(plan);
 * const meeting = plan.create('meeting', { date: '2026-03-12' }, { parentId: groupId });
 * gov.markAttendance(meeting, seatId, { status: 'present' });
 * gov.meeting(meeting).verdict.words; // 'Not quorate: needs Lincolnshire Police, … and three more agencies'
 * ```
 */
export class Governance {
  constructor(readonly plan: Plan) {}

  /** The arrangements as plain data (live agencies, groups and seats), for the pure rules and reports. */
  arrangements(): Arrangements {
    const plan = this.plan;
    return {
      partnership: plan.children('partnership', null)[0]?.name ?? '',
      agencies: plan.children('agency', null).map((a) => ({ id: a.id, name: a.name, ...(a.statutoryPartner ? { statutoryPartner: true } : {}) })),
      groups: plan.children('group', null).map((g) => this.group(g.id)),
    };
  }

  /** One group with its live seats, as the rules read it. */
  group(groupId: string): Group {
    const g = this.live('group', groupId);
    return {
      id: g.id,
      name: g.name,
      kind: g.kind,
      chair: g.chair,
      meets: g.meets,
      seats: this.plan.children('seat', groupId).map(toSeat),
      quorum: g.quorum,
      attendanceThreshold: g.attendanceThreshold,
      decisions: g.decisions,
    };
  }

  /**
   * Writes a set of arrangements (such as a seed's) into the plan as one
   * undoable change, and returns the new id of each agency and group by its id
   * in `arrangements`. Quorum rules naming agencies are rewritten to the new ids.
   */
  load(arrangements: Arrangements): Map<string, string> {
    const ids = new Map<string, string>();
    this.plan.batch(() => {
      for (const a of arrangements.agencies) ids.set(a.id, this.plan.create('agency', { name: a.name, statutoryPartner: !!a.statutoryPartner }));
      const agencyId = (id: string) => {
        const mapped = ids.get(id);
        if (!mapped) throw new PlanError('not-found', `The arrangements name agency "${id}", which is not in their list of agencies; add it there first.`, { kind: 'agency', id });
        return mapped;
      };
      for (const g of arrangements.groups) {
        const quorum = g.quorum.kind === 'agencies' ? { ...g.quorum, required: g.quorum.required.map(agencyId) } : g.quorum;
        const id = this.plan.create('group', { name: g.name, kind: g.kind, chair: g.chair, meets: g.meets, quorum, attendanceThreshold: g.attendanceThreshold, decisions: g.decisions });
        ids.set(g.id, id);
        for (const s of g.seats) this.plan.create('seat', { agencyId: agencyId(s.agencyId), role: s.role ?? '', voting: s.voting !== false }, { parentId: id });
      }
    });
    return ids;
  }

  /** A meeting with its attendance and the quorum verdict as things stand now. */
  meeting(meetingId: string): MeetingView {
    const m = this.live('meeting', meetingId);
    const group = this.group(m.parentId!);
    const names = new Map(this.plan.children('agency', null).map((a) => [a.id, a.name]));
    const marks = m.attendance as Record<string, AttendanceMark>;
    const live = new Set(group.seats.map((s) => s.id));
    const seatList = [...group.seats];
    for (const seatId of Object.keys(marks).sort()) {
      const removed = live.has(seatId) ? undefined : this.plan.get('seat', seatId);
      if (removed) seatList.push(toSeat(removed));
    }
    // An agency since removed keeps its name where its seats were marked.
    const required = group.quorum.kind === 'agencies' ? group.quorum.required : [];
    for (const id of [...seatList.map((s) => s.agencyId), ...required]) if (!names.has(id)) names.set(id, this.plan.get('agency', id)?.name ?? id);
    const seats: MeetingSeat[] = seatList.map((s) => meetingSeat(s, marks[s.id], !live.has(s.id), names));
    const agencies = [...names].map(([id, name]) => ({ id, name }));
    return {
      id: m.id,
      groupId: group.id,
      groupName: group.name,
      date: m.date,
      chairPresent: m.chairPresent,
      seats,
      visitors: m.visitors,
      verdict: quorumVerdict(group.quorum, seatList, new Map(Object.entries(marks)), { chairPresent: m.chairPresent, agencies }),
      declarations: this.plan.children('declaration', meetingId),
      decisions: this.plan.children('decision', meetingId),
      arising: this.plan.children('arising', meetingId),
    };
  }

  /**
   * Marks how one seat was attended (null clears the mark). Only that seat
   * changes, so two people marking the same meeting keep each other's marks.
   * A seat already removed from the group is refused, saying so.
   */
  markAttendance(meetingId: string, seatId: string, mark: AttendanceMark | null): void {
    const m = this.live('meeting', meetingId);
    const seat = this.plan.get('seat', seatId);
    if (!seat || seat.parentId !== m.parentId) throw new PlanError('not-found', `There is no seat "${seatId}" on this meeting's group; choose one of its seats.`, { kind: 'seat', id: seatId });
    if (seat.deleted && !(seatId in m.attendance))
      throw new PlanError('not-allowed', 'That seat has been removed from the group: restore it from the bin, or mark the person against another seat of their agency.', { kind: 'seat', id: seatId });
    this.plan.update('meeting', meetingId, { attendance: { [seatId]: mark } });
  }

  /**
   * Records a decision of a meeting, checked against its group's rules: a
   * topic only consensus may settle is refused as the chair's decision, a
   * chair's decision names who was consulted, and a meeting that is not
   * quorate is refused unless `acknowledgeNotQuorate` says so, in which case
   * the decision is recorded as taken without a quorum.
   */
  recordDecision(meetingId: string, input: DecisionInput): string {
    const view = this.meeting(meetingId);
    const rule = this.live('group', view.groupId).decisions;
    const check = checkDecision(rule, { ...(input.topic ? { topic: input.topic } : {}), method: input.method, quorate: view.verdict.quorate, acknowledgeNotQuorate: !!input.acknowledgeNotQuorate });
    if (!check.allowed)
      throw new PlanError(view.verdict.quorate ? 'not-allowed' : 'not-quorate', view.verdict.quorate ? check.reason : `${check.reason} (${view.verdict.words}.)`, {
        kind: 'decision',
        value: input.text,
      });
    return this.plan.create('decision', { text: input.text, item: input.item ?? '', topic: input.topic ?? '', method: input.method, notQuorate: !view.verdict.quorate }, { parentId: meetingId });
  }

  /**
   * Makes a plan action from an action arising, under the objective given,
   * with its owner as lead and its due date as timescale, and links the two;
   * returns the action's id. One undoable change.
   */
  actionFromArising(arisingId: string, objectiveId: string): string {
    const a = this.live('arising', arisingId);
    if (a.actionId && this.plan.isVisible('action', a.actionId)) throw new PlanError('not-allowed', 'This action arising is already linked to a plan action.', { kind: 'arising', id: arisingId });
    return this.plan.batch(() => {
      const timescale = a.due ? `By ${a.due.slice(8, 10)}/${a.due.slice(5, 7)}/${a.due.slice(0, 4)}` : '';
      const actionId = this.plan.create('action', { text: a.text, leads: a.owner ? [{ name: a.owner }] : [], timescale }, { parentId: objectiveId });
      this.plan.update('arising', arisingId, { actionId });
      return actionId;
    });
  }

  /** The arrangements and every meeting (oldest first) as plain data, for reports. */
  snapshot(): GovernanceSnapshot {
    const arrangements = this.arrangements();
    const meetings = arrangements.groups.flatMap((g) =>
      this.plan.children('meeting', g.id).map((m) => {
        const view = this.meeting(m.id);
        const marks: Record<string, AttendanceMark> = {};
        for (const s of view.seats) if (s.mark) marks[s.seatId] = s.mark;
        return {
          id: m.id,
          groupId: g.id,
          date: m.date,
          seats: view.seats.map((s) => ({ id: s.seatId, agencyId: s.agencyId, ...(s.role ? { role: s.role } : {}), ...(s.voting ? {} : { voting: false }) })),
          marks,
          verdict: view.verdict,
          decisions: view.decisions.map((d) => ({ text: d.text, item: d.item, topic: d.topic, method: d.method, notQuorate: d.notQuorate })),
        };
      }),
    );
    return { arrangements, meetings: meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) };
  }

  /** Each group's attendance over a period (ISO dates, inclusive): each agency's rate against the threshold, and who fell short. */
  attendance(period: { from: IsoDate; to: IsoDate }): GroupAttendance[] {
    return attendanceByGroup(this.snapshot(), period);
  }

  private live<K extends 'group' | 'meeting' | 'arising'>(kind: K, id: string): EntityRecord<K> {
    const record = this.plan.isVisible(kind, id) ? this.plan.get(kind, id) : undefined;
    if (!record) throw new PlanError('not-found', `There is no ${kind} "${id}" (or it is in the bin).`, { kind, id });
    return record;
  }
}

function toSeat(s: EntityRecord<'seat'>): Seat {
  return { id: s.id, agencyId: s.agencyId, ...(s.role ? { role: s.role } : {}), ...(s.voting ? {} : { voting: false }) };
}

function meetingSeat(s: Seat, mark: AttendanceMark | undefined, removed: boolean, names: ReadonlyMap<string, string>): MeetingSeat {
  return { seatId: s.id, agencyId: s.agencyId, agencyName: names.get(s.agencyId) ?? s.agencyId, role: s.role ?? '', voting: s.voting !== false, mark, removed };
}
