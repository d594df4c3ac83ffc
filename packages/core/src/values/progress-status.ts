import type { ActionStatus, Rag } from './values.js';

/**
 * The status an action most likely has after a progress update with this
 * RAG, for a form to offer as its default: Blue means complete; Red, Amber
 * or Green mean the work is under way (unless it was put on hold or
 * cancelled, which only a person should undo); Grey leaves it as it was.
 *
 * @example `statusAfterProgress('green', 'not-started') // 'in-progress'`
 */
export function statusAfterProgress(rag: Rag, current: ActionStatus): ActionStatus {
  if (rag === 'blue') return 'complete';
  if (rag === 'grey') return current;
  return current === 'on-hold' || current === 'cancelled' ? current : 'in-progress';
}
