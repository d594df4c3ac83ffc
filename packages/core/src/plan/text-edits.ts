// Edits inside one text field: a keystroke at a position, or a revision from the text a person saw to what they wrote.
// Both write only the characters that changed, so a partner typing in the same field keeps their words.
import * as Y from 'yjs';
import { applyTextRevision } from '../document/text-revision.js';
import { PlanError } from '../schema/errors.js';
import { KINDS, META_FIELDS, type EntityKind } from '../schema/schema.js';
import type { PlanContext } from './plan-context.js';

/** The names of a kind's (or the plan's) text fields, for an error that lists them. */
function textFields(kind: EntityKind | 'plan'): string[] {
  const fields = kind === 'plan' ? META_FIELDS : KINDS[kind].fields;
  return Object.entries(fields)
    .filter(([, f]) => f.type === 'text')
    .map(([n]) => n);
}

/** A field's schema, or undefined when the kind has no such field. */
function fieldSpec(kind: EntityKind | 'plan', field: string) {
  return kind === 'plan' ? META_FIELDS[field] : KINDS[kind].fields[field];
}

/** Deletes `deleteCount` characters at `index` of a text field, then inserts `insert` there. */
export function editText(ctx: PlanContext, kind: EntityKind | 'plan', id: string, field: string, index: number, deleteCount: number, insert: string): void {
  const map = ctx.tree.fieldOwner(kind, id);
  const spec = fieldSpec(kind, field);
  if (spec?.type !== 'text') throw new PlanError('unknown-field', `${kind}.${field} is not a text field; text fields are ${textFields(kind).join(', ')}.`, { kind, id, field });
  const text = map.get(field) as Y.Text | undefined;
  const length = text?.length ?? 0;
  if (!Number.isInteger(index) || !Number.isInteger(deleteCount) || index < 0 || deleteCount < 0 || index + deleteCount > length)
    throw new PlanError('invalid-value', `${kind}.${field} has ${length} characters; cannot delete ${deleteCount} at ${index}.`, { kind, id, field });
  if (typeof insert !== 'string') throw new PlanError('invalid-value', `${kind}.${field}: insert must be a string.`, { kind, id, field });
  if (spec.required && deleteCount === length && insert === '' && length > 0) throw new PlanError('required', `${kind}.${field} is required: it cannot be left empty.`, { kind, id, field });
  ctx.transact(() => {
    let t = text;
    if (!t) map.set(field, (t = new Y.Text()));
    if (deleteCount > 0) t.delete(index, deleteCount);
    if (insert) t.insert(index, insert);
    ctx.stamp(map, false);
  });
}

/** Changes a text field from `from`, the text the person saw, to `to`, writing only the words they changed. */
export function reviseText(ctx: PlanContext, kind: EntityKind | 'plan', id: string, field: string, from: string, to: string): void {
  const map = ctx.tree.fieldOwner(kind, id);
  const spec = fieldSpec(kind, field);
  if (spec?.type !== 'text') throw new PlanError('unknown-field', `${kind}.${field} is not a text field; text fields are ${textFields(kind).join(', ')}.`, { kind, id, field });
  if (typeof from !== 'string' || typeof to !== 'string') throw new PlanError('invalid-value', `${kind}.${field}: the text before and after must be strings.`, { kind, id, field });
  if (spec.required && to.trim() === '') throw new PlanError('required', `${kind}.${field} is required: it cannot be left empty.`, { kind, id, field });
  ctx.transact(() => {
    let t = map.get(field) as Y.Text | undefined;
    if (!t) map.set(field, (t = new Y.Text()));
    applyTextRevision(t, from, to);
    ctx.stamp(map, false);
  });
}

/** The live `Y.Text` of a text field (deleted items too), made now in a plan that predates it. */
export function textOf(ctx: PlanContext, kind: EntityKind | 'plan', id: string, field: string): Y.Text {
  const map = kind === 'plan' ? ctx.layout.meta : ctx.tree.entityMap(kind, id);
  const t = map.get(field);
  if (t instanceof Y.Text) return t;
  const spec = fieldSpec(kind, field);
  if (spec?.type !== 'text') throw new PlanError('unknown-field', `${kind}.${field} is not a text field.`, { kind, id, field });
  // A plan made before every text field was created up front: make this one now, so typing into it is kept.
  const made = new Y.Text();
  ctx.transact(() => map.set(field, made));
  return made;
}
