/** Checks threshold rules as they are given to the plan, so a bad rule is refused with what to write. */

const RAGS = ['green', 'amber', 'red'];

/** What is wrong with a list of threshold rules, or undefined when they are fine. */
export function checkThresholdRules(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return 'must be a list of rules such as { rag: "green", when: { kind: "meets-target" } }, with at least one.';
  for (const [i, r] of (value as unknown[]).entries()) {
    const rule = r as { rag?: unknown; when?: { kind?: unknown; percent?: unknown; amount?: unknown } } | null;
    const at = `rule ${i + 1}`;
    if (!rule || typeof rule !== 'object' || !RAGS.includes(rule.rag as string)) return `${at} needs a rag of green, amber or red.`;
    const w = rule.when;
    if (!w || typeof w !== 'object') return `${at} needs a "when": meets-target, within-percent, within or otherwise.`;
    if (w.kind === 'meets-target' || w.kind === 'otherwise') continue;
    if (w.kind === 'within-percent' && typeof w.percent === 'number' && w.percent >= 0 && Number.isFinite(w.percent)) continue;
    if (w.kind === 'within' && typeof w.amount === 'number' && w.amount >= 0 && Number.isFinite(w.amount)) continue;
    return `${at}'s "when" must be meets-target, within-percent with a percent of 0 or more, within with an amount of 0 or more, or otherwise.`;
  }
  return undefined;
}
