// Edits to list fields (principles, success statements, focus areas…): each entry its own Y.Text,
// so an editor stays on its entry while partners add or remove others, and a revision touches only what changed.
import * as Y from 'yjs';
import { applyTextRevision } from '../document/text-revision.js';
import { PlanError } from '../schema/errors.js';
import { KINDS, META_FIELDS, type EntityKind } from '../schema/schema.js';
import { lineSteps } from './line-steps.js';
import type { PlanContext } from './plan-context.js';

type Owner = EntityKind | 'plan';

/** A list field's `Y.Array`, checked to be one; made when `create` and the plan predates it, else undefined. */
function textList(ctx: PlanContext, kind: Owner, id: string, field: string, create: boolean): Y.Array<Y.Text> | undefined {
  const map = ctx.tree.fieldOwner(kind, id);
  const spec = kind === 'plan' ? META_FIELDS[field] : KINDS[kind].fields[field];
  if (spec?.type !== 'textList') {
    const lists = Object.entries(kind === 'plan' ? META_FIELDS : KINDS[kind].fields)
      .filter(([, f]) => f.type === 'textList')
      .map(([n]) => n);
    throw new PlanError('unknown-field', `${kind}.${field} is not a list field; list fields are ${lists.join(', ') || 'none'}.`, { kind, id, field });
  }
  const list = map.get(field);
  if (list instanceof Y.Array) return list as Y.Array<Y.Text>;
  if (!create) return undefined;
  const made = new Y.Array<Y.Text>();
  map.set(field, made);
  return made;
}

/** Where `item` stands in its list; refused when a partner has removed it meanwhile. */
function listEntry(ctx: PlanContext, kind: Owner, id: string, field: string, item: Y.Text): number {
  const at = listOf(ctx, kind, id, field).indexOf(item);
  if (at < 0)
    throw new PlanError('not-found', `That entry is no longer in ${kind === 'plan' ? 'the plan' : `this ${kind}`}'s ${field}: a partner may have removed it. Undo brings back one you removed.`, {
      kind,
      id,
      field,
    });
  return at;
}

/** A list field's entries as live `Y.Text`s. */
export function listOf(ctx: PlanContext, kind: Owner, id: string, field: string): Y.Text[] {
  return textList(ctx, kind, id, field, false)?.toArray() ?? [];
}

/** Adds an entry at `index` (omitted: last) and returns its `Y.Text`; its own undo step. */
export function addListItem(ctx: PlanContext, kind: Owner, id: string, field: string, text: string, index: number | undefined): Y.Text {
  if (typeof text !== 'string') throw new PlanError('invalid-value', `${kind}.${field}: a new entry's text must be a string.`, { kind, id, field });
  const length = listOf(ctx, kind, id, field).length;
  const at = index ?? length;
  if (!Number.isInteger(at) || at < 0 || at > length) throw new PlanError('invalid-value', `${kind}.${field} has ${length} entries; position ${index} is outside 0..${length}.`, { kind, id, field });
  const made = new Y.Text(text);
  ctx.ownStep(() => {
    textList(ctx, kind, id, field, true)!.insert(at, [made]);
    ctx.stamp(ctx.tree.fieldOwner(kind, id), false);
  });
  return made;
}

/** Edits one entry at character level, as a text field's keystroke. */
export function editListItem(ctx: PlanContext, kind: Owner, id: string, field: string, item: Y.Text, index: number, deleteCount: number, insert: string): void {
  listEntry(ctx, kind, id, field, item);
  if (!Number.isInteger(index) || !Number.isInteger(deleteCount) || index < 0 || deleteCount < 0 || index + deleteCount > item.length)
    throw new PlanError('invalid-value', `This ${kind}.${field} entry has ${item.length} characters; cannot delete ${deleteCount} at ${index}.`, { kind, id, field });
  if (typeof insert !== 'string') throw new PlanError('invalid-value', `${kind}.${field}: insert must be a string.`, { kind, id, field });
  ctx.transact(() => {
    if (deleteCount > 0) item.delete(index, deleteCount);
    if (insert) item.insert(index, insert);
    ctx.stamp(ctx.tree.fieldOwner(kind, id), false);
  });
}

/** Removes one entry; its own undo step. */
export function removeListItem(ctx: PlanContext, kind: Owner, id: string, field: string, item: Y.Text): void {
  const at = listEntry(ctx, kind, id, field, item);
  ctx.ownStep(() => {
    textList(ctx, kind, id, field, false)!.delete(at, 1);
    ctx.stamp(ctx.tree.fieldOwner(kind, id), false);
  });
}

/** Changes a list field from the entries a person saw to the lines they wrote, writing only what they changed; one undo step. */
export function reviseList(ctx: PlanContext, kind: Owner, id: string, field: string, seen: ReadonlyArray<{ item: Y.Text; text: string }>, to: readonly string[]): void {
  const list0 = textList(ctx, kind, id, field, false);
  if (!Array.isArray(seen) || seen.some((s) => !(s?.item instanceof Y.Text) || typeof s.text !== 'string'))
    throw new PlanError('invalid-value', `${kind}.${field}: what was seen must be the entries from listOf, each with its text.`, { kind, id, field });
  if (!Array.isArray(to) || to.some((t) => typeof t !== 'string')) throw new PlanError('invalid-value', `${kind}.${field}: the lines written must be strings.`, { kind, id, field });
  const from = seen.map((s) => s.text);
  if (from.length === to.length && from.every((t, i) => t === to[i])) return;
  const steps = lineSteps(from, to);
  ctx.ownStep(() => {
    const list = list0 ?? textList(ctx, kind, id, field, true)!;
    const where = (item: Y.Text) => list.toArray().indexOf(item);
    /** Where the next new entry goes: after the last entry seen so far that is still there. */
    let after: Y.Text | null = null;
    const insertNew = (text: string) => {
      const made = new Y.Text(text);
      list.insert(after ? where(after) + 1 : 0, [made]);
      after = made;
    };
    for (const step of steps) {
      if (step.op === 'keep') {
        const item = seen[step.from]!.item;
        if (where(item) >= 0) after = item;
      } else if (step.op === 'change') {
        const { item, text } = seen[step.from]!;
        if (where(item) >= 0) {
          applyTextRevision(item, text, to[step.to]!);
          after = item;
        } else insertNew(to[step.to]!); // a partner removed it meanwhile: the person's words are kept as a new entry
      } else if (step.op === 'remove') {
        const at = where(seen[step.from]!.item);
        if (at >= 0) list.delete(at, 1);
      } else insertNew(to[step.to]!);
    }
    ctx.stamp(ctx.tree.fieldOwner(kind, id), false);
  });
}
