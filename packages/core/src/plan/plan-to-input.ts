import { USUAL_THRESHOLDS } from '../scorecard/thresholds.js';
import type { GovernanceInput } from '../schema/governance-input.js';
import type { ActionInput, PlanInput, PriorityInput } from '../schema/input.js';
import type { PlanSnapshot, ResolvedLead } from '../schema/snapshot.js';

/**
 * A snapshot as plain {@link PlanInput}: what {@link createPlan} builds the
 * same plan from. Empty fields are left out. Ids, timestamps, versions and
 * the bin are not part of it: the governance's references are renumbered
 * (`agency-1`, `group-1`, `group-1-seat-1`) so that the same plan gives the same input.
 *
 * @example
 * ```ts
 * const copy = createPlan(new Y.Doc(), planToInput(plan.snapshot()));
 * ```
 */
export function planToInput(s: PlanSnapshot): PlanInput {
  const leadNames = (leads: ResolvedLead[]) => leads.map((l) => l.name);
  const priorityNumber = new Map(s.priorities.map((p, i) => [p.id, i + 1]));
  return compact({
    title: s.title,
    partnerships: s.partnerships.map((p) => compact({ name: p.name, shortName: p.shortName })),
    period: s.period,
    versionLabel: s.versionLabel,
    status: s.status === 'draft' ? undefined : s.status,
    vision: s.vision,
    introduction: s.introduction,
    principles: s.principles,
    contextStatements: s.contextStatements.map((c) => compact({ title: c.title, text: c.text })),
    statutoryObjectives: s.statutoryObjectives,
    consultation: s.consultation.map((c) => compact({ who: c.who, when: c.when })),
    reviewSchedule: s.reviewSchedule,
    leads: s.leads.map((l) => compact({ name: l.name, kind: l.kind, chair: l.chair, organisation: l.organisation })),
    priorities: s.priorities.map(
      (p): PriorityInput =>
        compact({
          title: p.title,
          aim: p.aim,
          owner: p.owner,
          successStatements: p.successStatements,
          focusAreas: p.focusAreas,
          leadGroup: p.leadGroup?.name,
          objectives: p.objectives.map((o) =>
            compact({
              text: o.text,
              impact: o.impact,
              actions: o.actions.map(
                (a): ActionInput =>
                  compact({
                    text: a.text,
                    leads: leadNames(a.leads),
                    timescale: a.timescale.text,
                    milestones: a.milestones.map((m) => compact({ text: m.text, timescale: m.timescale.text, done: m.done || undefined })),
                    variants: a.variants.map((v) => compact({ partnership: v.partnership, text: v.text, leads: leadNames(v.leads), timescale: v.timescale.text })),
                    status: a.status === 'not-started' ? undefined : a.status,
                    updates: a.updates.map((u) => compact({ date: u.date, author: u.author, rag: u.rag, narrative: u.narrative, evidence: u.evidence })),
                    impact: a.impact,
                  }),
              ),
            }),
          ),
        }),
    ),
    indicators: s.indicators.map((d) =>
      compact({
        name: d.name,
        priority: d.priorityId ? priorityNumber.get(d.priorityId) : undefined,
        target: d.target,
        unit: d.unit,
        values: d.values,
        owner: d.owner,
        // The defaults are left out, so a plan without a scorecard reads as it always did.
        direction: d.direction === 'lower' ? d.direction : undefined,
        every: d.every === 'half-year' ? d.every : undefined,
        thresholds: JSON.stringify(d.thresholds) === JSON.stringify(USUAL_THRESHOLDS) ? undefined : d.thresholds,
        figures: d.figures,
      }),
    ),
    governance: governanceToInput(s.governance),
  });
}

/** The governance with ids renumbered by position and empty fields left out; undefined when there is none. */
function governanceToInput(g: GovernanceInput): GovernanceInput | undefined {
  if (g.agencies.length === 0 && g.groups.length === 0) return undefined;
  const agency = new Map(g.agencies.map((a, i) => [a.id, `agency-${i + 1}`]));
  const agencyRef = (id: string) => agency.get(id) ?? id;
  return {
    agencies: g.agencies.map((a) => compact({ id: agencyRef(a.id), name: a.name, statutoryPartner: a.statutoryPartner || undefined, removed: a.removed || undefined })),
    groups: g.groups.map((grp, gi) => {
      const seat = new Map(grp.seats.map((st, si) => [st.id, `group-${gi + 1}-seat-${si + 1}`]));
      return compact({
        id: `group-${gi + 1}`,
        name: grp.name,
        kind: grp.kind,
        chair: grp.chair,
        meets: grp.meets,
        seats: grp.seats.map((st) =>
          compact({ id: seat.get(st.id)!, agencyId: agencyRef(st.agencyId), role: st.role, voting: st.voting === false ? false : undefined, removed: st.removed || undefined }),
        ),
        quorum: grp.quorum.kind === 'agencies' ? { ...grp.quorum, required: grp.quorum.required.map(agencyRef) } : grp.quorum,
        attendanceThreshold: grp.attendanceThreshold,
        decisions: grp.decisions,
        meetings: (grp.meetings ?? []).map((m) =>
          compact({
            date: m.date,
            chairPresent: m.chairPresent || undefined,
            attendance: m.attendance && Object.keys(m.attendance).length ? Object.fromEntries(Object.entries(m.attendance).map(([id, mark]) => [seat.get(id) ?? id, mark])) : undefined,
            visitors: m.visitors,
            declarations: m.declarations?.map((d) => compact({ who: d.who, item: d.item, interest: d.interest, left: d.left || undefined })),
            decisions: m.decisions?.map((d) => compact({ text: d.text, item: d.item, topic: d.topic, method: d.method, notQuorate: d.notQuorate || undefined })),
            arising: m.arising?.map((a) => compact({ text: a.text, owner: a.owner, due: a.due, action: a.action })),
          }),
        ),
      });
    }),
  };
}

/** Drops fields that are undefined, null, empty strings or empty lists. */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}
