// What each undo step changed, kept on the step, and said in words ("typing in action 1.1.2"), so an Undo
// button and a screen reader can say what Undo and Redo take back. Kept apart from the Plan, which only forwards.
import * as Y from 'yjs';
import { HEADER_KEYS, readPlacement } from '../document/entity-record.js';
import type { PlanLayout } from '../document/layout.js';
import { compareOrder } from '../document/order-key.js';
import { ENTITY_KINDS, KINDS, META_FIELDS, type EntityKind } from '../schema/schema.js';
import type { PlanTree } from './plan-tree.js';

/** What one step did, to one item (or the plan's own fields). */
export interface StepChange {
  what: 'adding' | 'deleting' | 'restoring' | 'moving' | 'typing' | 'changing';
  kind: EntityKind | 'plan';
  id: string;
  field?: string;
}

/** A step that changed several things of the same weight (an import, a merge): not said item by item. */
type Step = StepChange | 'several';

const KEY = 'coplan:step';
const WEIGHT: Record<StepChange['what'], number> = { adding: 3, deleting: 3, restoring: 3, moving: 2, typing: 1, changing: 1 };
const STAMPS: ReadonlySet<string> = new Set([HEADER_KEYS.createdAt, HEADER_KEYS.createdBy, HEADER_KEYS.updatedAt, HEADER_KEYS.updatedBy]);

/** The most telling change of several: an item added, deleted or restored over a move over an edit; 'several' when two differ at that weight. */
function weightiest(changes: Iterable<Step>): Step | null {
  let best: Step | null = null;
  for (const c of changes) {
    if (best === null) best = c;
    else if (best === 'several' || c === 'several') best = 'several';
    else if (WEIGHT[c.what] > WEIGHT[best.what]) best = c;
    else if (WEIGHT[c.what] === WEIGHT[best.what] && (c.kind !== best.kind || c.id !== best.id || c.field !== best.field)) best = 'several';
  }
  return best;
}

/** A transaction's events by type, as an undo manager hands them over (only what is read of them). */
type ChangedTypes = Map<unknown, ReadonlyArray<{ target: unknown; keys: Map<string, { action: 'add' | 'update' | 'delete' }> }>>;

/** The changes one transaction made, read from its events. */
function changesOf(layout: PlanLayout, events: ChangedTypes): StepChange[] {
  const kindOf = new Map<unknown, EntityKind>(ENTITY_KINDS.map((k) => [layout.entities[k], k]));
  const out: StepChange[] = [];
  const seen = new Set<unknown>();
  for (const list of events.values())
    for (const event of list) {
      if (seen.has(event)) continue;
      seen.add(event);
      // Walks up to the top-level type: `child` is the entity's map (or the plan's field), `field` one of its keys' types.
      let top = event.target as Y.AbstractType<unknown>;
      let child: Y.AbstractType<unknown> | null = null;
      let field: Y.AbstractType<unknown> | null = null;
      while (top._item) {
        field = child;
        child = top;
        top = top._item.parent as Y.AbstractType<unknown>;
      }
      if (top === layout.meta) {
        const keys = child ? [child._item!.parentSub as string] : [...event.keys.keys()];
        for (const key of keys) if (key in META_FIELDS) out.push({ what: child ? 'typing' : 'changing', kind: 'plan', id: '', field: key });
        continue;
      }
      const kind = kindOf.get(top);
      if (!kind) continue;
      if (!child) {
        for (const [id, k] of event.keys) if (k.action === 'add') out.push({ what: 'adding', kind, id });
        continue;
      }
      const id = child._item!.parentSub as string;
      const map = child as Y.Map<unknown>;
      const keys = field ? [field._item!.parentSub as string] : [...event.keys.keys()];
      for (const key of keys) {
        if (key === HEADER_KEYS.deleted) out.push({ what: map.get(key) ? 'deleting' : 'restoring', kind, id });
        else if (key === HEADER_KEYS.position) out.push({ what: 'moving', kind, id });
        else if (!STAMPS.has(key) && key in KINDS[kind].fields) out.push({ what: field && isText(map.get(key)) ? 'typing' : 'changing', kind, id, field: key });
      }
    }
  return out;
}

const isText = (v: unknown) => v instanceof Y.Text || (v instanceof Y.Array && v.length > 0 && v.get(0) instanceof Y.Text);

/** Field names as people say them in a sentence ("action 1.1.2's timescale"). */
const FIELD_WORDS: Record<string, string> = {
  aim: 'aim',
  owner: 'owner',
  successStatements: 'success statements',
  focusAreas: 'focus areas',
  leadGroup: 'lead group',
  impact: 'impact',
  timescale: 'timescale',
  status: 'status',
  leads: 'leads',
  done: 'done mark',
  rag: 'RAG',
  date: 'date',
  author: 'author',
  narrative: 'words',
  evidence: 'evidence',
  title: 'title',
  vision: 'vision',
  introduction: 'introduction',
  principles: 'principles',
  statutoryObjectives: 'statutory objectives',
  reviewSchedule: 'review schedule',
  period: 'period',
  versionLabel: 'version label',
};

/**
 * Keeps, on each step of this user's undo history, what it changed: read from each transaction as
 * it is recorded (keystrokes run together into one step keep the weightiest change), and carried
 * across when an undo turns a step into a redo step and back. Says a step in words for a person.
 */
export class UndoSteps {
  constructor(
    private readonly undoManager: Y.UndoManager,
    private readonly layout: PlanLayout,
    private readonly tree: PlanTree,
    origin: object,
  ) {
    const record = ({ stackItem, origin: from, changedParentTypes }: { stackItem: Y.UndoManager['undoStack'][number]; origin: unknown; changedParentTypes: ChangedTypes }) => {
      if (from !== origin) return; // an undo's or redo's own step is labelled by `run`
      const earlier = stackItem.meta.get(KEY) as Step | undefined;
      const step = weightiest([...(earlier ? [earlier] : []), ...changesOf(layout, changedParentTypes)]);
      if (step) stackItem.meta.set(KEY, step);
    };
    undoManager.on('stack-item-added', record);
    undoManager.on('stack-item-updated', record);
  }

  /** What the top step of the undo (or redo) stack would take back, in words; null when nothing, or not known. */
  next(stack: 'undo' | 'redo'): string | null {
    const item = (stack === 'undo' ? this.undoManager.undoStack : this.undoManager.redoStack).at(-1);
    return item ? this.words(item.meta.get(KEY) as Step | undefined) : null;
  }

  /**
   * Runs an undo or redo (`go`) of the top step of `stack`, and moves what that step changed onto the step it
   * leaves on the other stack. Returns what `go` returns, and the step in words: named where the item is
   * seen, after (a deleted item brought back) or before (an added item taken away).
   */
  run(stack: 'undo' | 'redo', go: () => boolean): { done: boolean; words: string | null } {
    const from = stack === 'undo' ? this.undoManager.undoStack : this.undoManager.redoStack;
    const to = stack === 'undo' ? this.undoManager.redoStack : this.undoManager.undoStack;
    const step = from.at(-1)?.meta.get(KEY) as Step | undefined;
    const before = this.words(step);
    const top = to.at(-1);
    const done = go();
    const made = to.at(-1);
    if (step && made && made !== top) made.meta.set(KEY, step);
    return { done, words: done ? (this.words(step, true) ?? before) : null };
  }

  /** A step in words: "typing in action 1.1.2", "deleting objective 2.1", "changing action 1.2.3's status". */
  private words(step: Step | undefined, onlyIfThere = false): string | null {
    if (!step || step === 'several') return null;
    const name = this.name(step.kind, step.id);
    if (!name) return null;
    if (onlyIfThere && step.kind !== 'plan' && !this.layout.entities[step.kind].has(step.id)) return null;
    const label = step.kind !== 'plan' && step.field === KINDS[step.kind].label;
    const field = step.field === undefined || label ? '' : (FIELD_WORDS[step.field] ?? step.field);
    const owner = field ? (step.kind === 'plan' ? `the plan's ${field}` : `${name}'s ${field}`) : name;
    switch (step.what) {
      case 'typing':
        return `typing in ${owner}`;
      case 'changing':
        return `changing ${owner}`;
      default:
        return `${step.what} ${name}`;
    }
  }

  /** "action 1.1.2" (its place, also for one in the bin), "a progress update of action 1.1.2", "the lead “Police”"; null when unknown. */
  private name(kind: EntityKind | 'plan', id: string): string | null {
    if (kind === 'plan') return 'the plan';
    const dotted = this.dotted(kind, id);
    if (dotted) return `${kind} ${dotted}`;
    const map = this.layout.entities[kind].get(id);
    const parent = KINDS[kind].parent;
    const parentId = map ? readPlacement(map).parentId : null;
    const under = parent && parentId ? this.dotted(parent, parentId) : null;
    const noun = KIND_NOUNS[kind] ?? kind;
    if (under) return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} of ${parent} ${under}`;
    const label = map?.get(KINDS[kind].label);
    const text = label instanceof Y.Text ? label.toString() : typeof label === 'string' ? label : '';
    return text ? `the ${noun} “${text.length > 40 ? `${text.slice(0, 39)}…` : text}”` : null;
  }

  /** A priority's, objective's or action's number ("1.1.2"), where it is, or would be were it out of the bin; null for other kinds, or one gone. */
  private dotted(kind: EntityKind, id: string): string | null {
    if (kind !== 'priority' && kind !== 'objective' && kind !== 'action') return null;
    const map = this.layout.entities[kind].get(id);
    if (!map) return null;
    const at = readPlacement(map);
    const n = this.tree.visibleSiblings(kind, at.parentId, id).filter((s) => compareOrder(s, { id, order: at.order }) < 0).length + 1;
    const parent = KINDS[kind].parent;
    if (!parent) return String(n);
    const up = at.parentId ? this.dotted(parent, at.parentId) : null;
    return up ? `${up}.${n}` : null;
  }
}

/** Kinds named in a sentence without a number. */
const KIND_NOUNS: Partial<Record<EntityKind, string>> = {
  progress: 'progress update',
  variant: 'partnership variant',
  context: 'context statement',
  consultation: 'consultation entry',
  declaration: 'declaration of interest',
  arising: 'action arising',
};
