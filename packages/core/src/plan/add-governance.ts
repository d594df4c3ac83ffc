import type { QuorumRule } from '../governance/arrangements.js';
import type { AttendanceMark } from '../governance/quorum.js';
import { PlanError } from '../schema/errors.js';
import type { GovernanceInput } from '../schema/governance-input.js';
import type { Plan } from './plan.js';

/**
 * Writes a plan input's arrangements and meetings into a plan, minting new ids
 * and rewriting every reference to them: a seat's agency, a quorum rule's
 * agencies, a meeting's attendance, an action arising's plan action (found by
 * its position among `actionIds`, the actions just added). Agencies already in
 * `agencies` (by lower-case name) are reused. An agency or seat marked
 * `removed` is added and put in the bin, as it was. Call inside a transaction
 * or batch; a broken reference throws a {@link PlanError} naming it.
 */
export function addGovernance(plan: Plan, input: GovernanceInput, agencies: Map<string, string>, actionIds: string[][][]): void {
  if (!input || typeof input !== 'object' || !Array.isArray(input.agencies) || !Array.isArray(input.groups))
    throw new PlanError('invalid-value', 'The plan\'s "governance" must hold a list of "agencies" and a list of "groups". The file may have been edited by hand; export it again.', { kind: 'group' });
  const agencyIds = new Map<string, string>();
  const toBin: Array<['agency' | 'seat', string]> = [];
  for (const a of input.agencies) {
    const key = String(a.name ?? '')
      .trim()
      .toLowerCase();
    const existing = agencies.get(key);
    if (existing) {
      agencyIds.set(a.id, existing);
      continue;
    }
    const id = plan.create('agency', { name: a.name, statutoryPartner: !!a.statutoryPartner });
    agencyIds.set(a.id, id);
    if (a.removed) toBin.push(['agency', id]);
    else agencies.set(key, id);
  }
  const agencyId = (id: string, where: string): string => {
    const mapped = agencyIds.get(id);
    if (!mapped) throw new PlanError('not-found', `${where} names agency "${id}", which is not in the governance's list of agencies; add it there, or correct the name.`, { kind: 'agency', id });
    return mapped;
  };
  for (const g of input.groups) {
    const quorum: QuorumRule | undefined = g.quorum?.kind === 'agencies' ? { ...g.quorum, required: g.quorum.required.map((id) => agencyId(id, `The quorum rule of group "${g.name}"`)) } : g.quorum;
    const groupId = plan.create('group', { name: g.name, kind: g.kind, chair: g.chair, meets: g.meets, quorum, attendanceThreshold: g.attendanceThreshold, decisions: g.decisions });
    const seatIds = new Map<string, string>();
    for (const s of g.seats ?? []) {
      const id = plan.create('seat', { agencyId: agencyId(s.agencyId, `A seat of group "${g.name}"`), role: s.role ?? '', voting: s.voting !== false }, { parentId: groupId });
      seatIds.set(s.id, id);
      if (s.removed) toBin.push(['seat', id]);
    }
    for (const m of g.meetings ?? []) {
      const attendance: Record<string, AttendanceMark> = {};
      for (const [seat, mark] of Object.entries(m.attendance ?? {})) {
        const id = seatIds.get(seat);
        if (!id)
          throw new PlanError('not-found', `The meeting of "${g.name}" on ${m.date} marks seat "${seat}", which is not one of the group's seats; add the seat to the group, or remove the mark.`, {
            kind: 'seat',
            id: seat,
          });
        attendance[id] = mark;
      }
      const meetingId = plan.create('meeting', { date: m.date, chairPresent: !!m.chairPresent, attendance, visitors: m.visitors ?? [] }, { parentId: groupId });
      for (const d of m.declarations ?? []) plan.create('declaration', { who: d.who, item: d.item ?? '', interest: d.interest ?? '', left: !!d.left }, { parentId: meetingId });
      for (const d of m.decisions ?? []) plan.create('decision', { text: d.text, item: d.item ?? '', topic: d.topic ?? '', method: d.method, notQuorate: !!d.notQuorate }, { parentId: meetingId });
      for (const a of m.arising ?? []) {
        const at = a.action;
        const actionId = at ? actionIds[at.priority - 1]?.[at.objective - 1]?.[at.action - 1] : undefined;
        if (at && !actionId)
          throw new PlanError('not-found', `The action arising "${a.text.slice(0, 40)}" is linked to action ${at.priority}.${at.objective}.${at.action}, which the plan does not have.`, {
            kind: 'arising',
            field: 'actionId',
          });
        plan.create('arising', { text: a.text, owner: a.owner ?? '', ...(a.due ? { due: a.due } : {}), ...(actionId ? { actionId } : {}) }, { parentId: meetingId });
      }
    }
  }
  // Last, so that what still names them was written first.
  for (const [kind, id] of toBin) plan.delete(kind, id);
}
