/** The longest plan id, in characters: ids name directories and database keys. */
export const MAX_PLAN_ID_LENGTH = 128;

/**
 * Why a plan id cannot be used, or null when it can. Ids are 1 to 128
 * characters with no control characters, and never `.` or `..` (which name
 * directories on disk, not plans).
 *
 * @example
 * ```ts
 * planIdProblem('lscb-2025');  // null
 * planIdProblem('..');         // 'a plan id cannot be "." or ".."'
 * ```
 */
export function planIdProblem(planId: string): string | null {
  if (planId.length === 0) return 'the plan id is empty';
  if ([...planId].length > MAX_PLAN_ID_LENGTH) return `a plan id is at most ${MAX_PLAN_ID_LENGTH} characters; this one has ${[...planId].length}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(planId)) return 'a plan id cannot hold control characters';
  if (planId === '.' || planId === '..') return 'a plan id cannot be "." or ".."';
  return null;
}
