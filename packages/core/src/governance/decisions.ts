import type { DecisionRule } from './arrangements.js';

/** How a decision was reached at a meeting. */
export type DecisionMethod = { by: 'consensus' } | { by: 'chair'; consulted: string[] };

/** Whether a decision may be recorded as made, and if not, why, in words. */
export type DecisionCheck = { allowed: true; note?: string } | { allowed: false; reason: string };

/**
 * Checks a decision against the group's rule and the meeting's quorum: a
 * topic only consensus may settle cannot be the chair's decision; a group that
 * escalates cannot have its chair decide; a chair's decision names who was
 * consulted; and a decision of a meeting that is not quorate is allowed only
 * if the person says so (`acknowledgeNotQuorate`), and is noted as such.
 */
export function checkDecision(rule: DecisionRule, decision: { topic?: string; method: DecisionMethod; quorate: boolean; acknowledgeNotQuorate?: boolean }): DecisionCheck {
  if (!decision.quorate && !decision.acknowledgeNotQuorate) return { allowed: false, reason: 'The meeting is not quorate: record the decision only if you say it was taken without a quorum.' };
  if (decision.method.by === 'chair') {
    if (decision.topic && rule.consensusOnly.includes(decision.topic)) return { allowed: false, reason: `Decisions on ${decision.topic} must be reached by consensus, not by the chair.` };
    if (rule.otherwise === 'escalate') return { allowed: false, reason: `Without consensus this group takes the issue to ${rule.escalateTo ?? 'the partnership'}; its chair does not decide.` };
    if (decision.method.consulted.length === 0) return { allowed: false, reason: 'Say whom the chair consulted before deciding.' };
  }
  return decision.quorate ? { allowed: true } : { allowed: true, note: 'Taken at a meeting that was not quorate.' };
}
