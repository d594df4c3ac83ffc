import { USUAL_THRESHOLDS } from '../scorecard/thresholds.js';
import type { ActionInput, PlanInput, PriorityInput } from '../schema/input.js';
import type { PlanSnapshot, ResolvedLead } from '../schema/snapshot.js';

/**
 * A snapshot as plain {@link PlanInput}: what {@link createPlan} builds the
 * same plan from. Empty fields are left out. Ids, timestamps, versions and
 * the bin are not part of it.
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
  });
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
