import type { EntityKind } from './schema.js';

/** What went wrong, as a code a program can switch on. */
export type PlanErrorCode =
  | 'not-found'
  | 'wrong-parent'
  | 'deleted-parent'
  | 'unknown-field'
  | 'required'
  | 'invalid-value'
  | 'invalid-date'
  | 'invalid-rag'
  | 'not-a-plan'
  | 'already-a-plan'
  | 'schema-too-new'
  | 'not-deleted'
  | 'already-deleted'
  | 'unreadable-file'
  | 'file-too-large'
  | 'nothing-to-import'
  | 'not-quorate'
  | 'not-allowed';

/** Where the bad input was. */
export interface PlanErrorDetails {
  kind?: EntityKind | 'plan';
  id?: string;
  field?: string;
  value?: unknown;
}

/**
 * The one error type the plan API throws for bad input. The message says what
 * was wrong and what to do; nothing was written to the document.
 *
 * @example
 * ```ts
 * try { plan.update('action', id, { text: '' }); }
 * catch (e) { if (e instanceof PlanError && e.code === 'required') showHint(e.message); }
 * ```
 */
export class PlanError extends Error {
  override readonly name = 'PlanError';
  constructor(
    readonly code: PlanErrorCode,
    message: string,
    readonly details: PlanErrorDetails = {},
  ) {
    super(message);
  }
}
