/**
 * Checks for the arrangements' rules when they arrive as untyped data (from
 * a partner's device, a file or a form): each returns what is wrong in words
 * a person can act on, or undefined when the value is fine.
 */

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 100;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');

/** A quorum rule: named agencies plus a number of others, the chair plus a number of agencies, or a count. */
export function checkQuorumRule(value: unknown): string | undefined {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object') return 'must be a quorum rule: { kind: "agencies", required, others }, { kind: "chair-and-agencies", agencies } or { kind: "count", members }.';
  if (v.kind === 'agencies') return isStringList(v.required) && isCount(v.others) ? undefined : 'names the agencies required (a list of agency ids) and how many others (a whole number).';
  if (v.kind === 'chair-and-agencies') return isCount(v.agencies) ? undefined : 'needs how many agencies besides the chair (a whole number).';
  if (v.kind === 'count') return isCount(v.members) && v.members > 0 ? undefined : 'needs how many voting members (a whole number, at least 1).';
  return `has kind ${JSON.stringify(v.kind)}; use "agencies", "chair-and-agencies" or "count".`;
}

/** A decision rule: what happens without consensus, and the topics only consensus settles. */
export function checkDecisionRule(value: unknown): string | undefined {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || (v.otherwise !== 'chair-decides' && v.otherwise !== 'escalate')) return 'must say what happens without consensus: otherwise "chair-decides" or "escalate".';
  if (!isStringList(v.consensusOnly)) return 'lists the topics only consensus may settle (consensusOnly, a list of words; it may be empty).';
  if (v.escalateTo !== undefined && typeof v.escalateTo !== 'string') return 'names where issues are escalated to as text (escalateTo).';
  return undefined;
}

/** How a decision was reached: by consensus, or by the chair naming who was consulted. */
export function checkDecisionMethod(value: unknown): string | undefined {
  const v = value as Record<string, unknown> | null;
  if (v && typeof v === 'object' && v.by === 'consensus') return undefined;
  if (v && typeof v === 'object' && v.by === 'chair' && Array.isArray(v.consulted) && v.consulted.every((s) => typeof s === 'string')) return undefined;
  return 'must be { by: "consensus" } or { by: "chair", consulted: [names] }.';
}
