import type { EntityKind } from '../schema/schema.js';
import { ACTION_STATUS_LABELS, PLAN_STATUS_LABELS, RAG_LABELS, type ActionStatus, type PlanStatus, type Rag } from '../values/values.js';
import { formatUkDate } from '../values/uk-date.js';
import type { FieldChange, PlanDiff } from './diff.js';

/** One item's change, said in words for a person reading a comparison. */
export interface ChangeInWords {
  change: 'added' | 'removed' | 'moved' | 'changed';
  kind: EntityKind | 'plan';
  id: string;
  /** "Action added: Train 200 practitioners". */
  headline: string;
  /** For a changed item, one sentence per change: "RAG changed from Amber to Green". */
  details: string[];
}

const KIND_WORDS: Record<EntityKind | 'plan', string> = {
  plan: 'The plan',
  priority: 'Priority',
  objective: 'Objective',
  action: 'Action',
  milestone: 'Milestone',
  variant: 'Partnership variant',
  progress: 'Progress update',
  lead: 'Lead',
  partnership: 'Partnership',
  indicator: 'Indicator',
  context: 'Context statement',
  consultation: 'Consultation',
  agency: 'Agency',
  group: 'Group',
  seat: 'Seat',
  meeting: 'Meeting',
  declaration: 'Declaration of interest',
  decision: 'Decision',
  arising: 'Action arising',
};

/** Field names as a business manager says them. */
const FIELD_WORDS: Record<string, string> = {
  title: 'Title',
  introduction: 'Introduction',
  vision: 'Vision',
  versionLabel: 'Version label',
  status: 'Status',
  period: 'Period',
  reviewSchedule: 'Review schedule',
  name: 'Name',
  shortName: 'Short name',
  text: 'Wording',
  who: 'Who is consulted',
  when: 'When',
  kind: 'Kind',
  chair: 'Chair',
  organisation: 'Organisation',
  priorityId: 'Priority',
  target: 'Target',
  unit: 'Unit',
  values: 'Readings',
  aim: 'Aim',
  owner: 'Owner',
  leadGroup: 'Lead group',
  impact: 'Impact',
  timescale: 'Timescale',
  rag: 'RAG',
  date: 'Date',
  author: 'Author',
  narrative: 'Progress',
  evidence: 'Evidence',
  partnership: 'Partnership',
};

/** The singular of each list field, for "Success statement added: …". */
const LIST_ITEM_WORDS: Record<string, string> = {
  leads: 'Lead',
  principles: 'Principle',
  statutoryObjectives: 'Statutory objective',
  successStatements: 'Success statement',
  focusAreas: 'Focus area',
};

const quoted = (v: unknown) => `“${String(v)}”`;

function valueWords(field: string, kind: EntityKind | 'plan', v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (field === 'rag') return RAG_LABELS[v as Rag] ?? String(v);
  if (field === 'status') return kind === 'plan' ? (PLAN_STATUS_LABELS[v as PlanStatus] ?? String(v)) : (ACTION_STATUS_LABELS[v as ActionStatus] ?? String(v));
  if (field === 'date' || field === 'due') return formatUkDate(String(v));
  if (field === 'period') {
    const p = v as { start: string; end: string };
    return `${formatUkDate(p.start)} to ${formatUkDate(p.end)}`;
  }
  if (field === 'done') return v ? 'done' : 'not done';
  if (typeof v === 'string') return field === 'kind' || field === 'versionLabel' ? v : quoted(v);
  return JSON.stringify(v);
}

/** The sentences for one field's change. */
function fieldWords(kind: EntityKind | 'plan', f: FieldChange): string[] {
  const listItem = LIST_ITEM_WORDS[f.field];
  if (listItem && Array.isArray(f.before) && Array.isArray(f.after)) {
    const before = f.before.map(String);
    const after = f.after.map(String);
    const out = [...after.filter((x) => !before.includes(x)).map((x) => `${listItem} added: ${x}`), ...before.filter((x) => !after.includes(x)).map((x) => `${listItem} removed: ${x}`)];
    return out.length ? out : [`${listItem}s put in a new order`];
  }
  if (f.field === 'done') return [f.after ? 'Marked done' : 'Marked not done'];
  if (f.field === 'values') return ['Readings changed'];
  if (f.field === 'priorityId') return ['Moved to another priority'];
  const name = f.field === 'due' ? 'Due date' : (FIELD_WORDS[f.field] ?? f.field);
  const before = valueWords(f.field, kind, f.before);
  const after = valueWords(f.field, kind, f.after);
  const verb = f.field === 'due' ? 'moved' : 'changed';
  if (!before) return [`${name} set to ${after}`];
  if (!after) return [`${name} cleared (was ${before})`];
  return [`${name} ${verb} from ${before} to ${after}`];
}

/**
 * A comparison of two states of a plan said in words, as the versions view
 * and the progress report show it: "Action added: …", "RAG changed from
 * Amber to Green", "Lead added: Police", "Due date moved from 31 March 2016
 * to 30 June 2016". Dates are written the UK way.
 *
 * @example `diffInWords(diffVersions(plan, 'v1.1')).map((c) => c.headline)`
 */
export function diffInWords(diff: PlanDiff): ChangeInWords[] {
  const out: ChangeInWords[] = [];
  const headline = (kind: EntityKind | 'plan', what: string, label: string, number?: string) => `${KIND_WORDS[kind]}${number ? ` ${number}` : ''} ${what}${label ? `: ${label}` : ''}`;
  for (const x of diff.added) out.push({ change: 'added', kind: x.kind, id: x.id, headline: headline(x.kind, 'added', x.label), details: [] });
  // A removed item is not in the newer plan to be found: named by its number in the older too ("Action 1.1.2 removed: …").
  for (const x of diff.removed) out.push({ change: 'removed', kind: x.kind, id: x.id, headline: headline(x.kind, 'removed', x.label, x.number), details: [] });
  for (const x of diff.moved) {
    const where = x.from.parentId !== x.to.parentId ? 'moved to another place in the plan' : `moved from position ${x.from.index + 1} to ${x.to.index + 1}`;
    out.push({ change: 'moved', kind: x.kind, id: x.id, headline: headline(x.kind, where, x.label), details: [] });
  }
  for (const x of diff.changed)
    out.push({
      change: 'changed',
      kind: x.kind,
      id: x.id,
      headline: headline(x.kind, x.kind === 'plan' ? 'details changed' : 'changed', x.kind === 'plan' ? '' : x.label),
      details: x.fields.flatMap((f) => fieldWords(x.kind, f)),
    });
  return out;
}
