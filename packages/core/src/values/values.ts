/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** Red (off track), amber (at risk), green (on track), blue (complete), grey (not started). */
export type Rag = 'red' | 'amber' | 'green' | 'blue' | 'grey';
/** Every RAG value, in the order reports list them. */
export const RAG_VALUES: readonly Rag[] = ['red', 'amber', 'green', 'blue', 'grey'];
/** Each RAG value as people write it. */
export const RAG_LABELS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green', blue: 'Blue', grey: 'Grey' };

/** Where a plan is in its life. */
export type PlanStatus = 'draft' | 'consultation' | 'agreed' | 'published' | 'archived';
/** Every plan status, in life order. */
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'consultation', 'agreed', 'published', 'archived'];
/** Each plan status in words, as published and shown to people. */
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = { draft: 'Draft', consultation: 'Out for consultation', agreed: 'Agreed', published: 'Published', archived: 'Archived' };

/** Where an action is in its work. */
export type ActionStatus = 'not-started' | 'in-progress' | 'complete' | 'on-hold' | 'cancelled';
/** Every action status. */
export const ACTION_STATUSES: readonly ActionStatus[] = ['not-started', 'in-progress', 'complete', 'on-hold', 'cancelled'];
/** Each action status in words, for people. */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  'on-hold': 'On hold',
  cancelled: 'Cancelled',
};

/** What kind of thing a lead is. */
export type LeadKind = 'organisation' | 'group' | 'role' | 'person';
/** Every lead kind. */
export const LEAD_KINDS: readonly LeadKind[] = ['organisation', 'group', 'role', 'person'];
