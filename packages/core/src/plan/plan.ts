import * as Y from 'yjs';
import { HEADER_KEYS, readHeader, readPlacement, readRecord, writePosition } from '../document/entity-record.js';
import { emptyValue, validateField, writeField } from '../document/field-codec.js';
import { newId } from '../document/ids.js';
import { layoutOf, type PlanLayout } from '../document/layout.js';
import { rewriteLeadRefs } from '../document/lead-refs.js';
import { compareOrder, orderKeyBetween } from '../document/order-key.js';
import { TreeIndex } from '../document/tree-index.js';
import { keepPendingSettled } from '../document/settle-pending.js';
import type { CreateFields, EntityRecord, FieldPatch } from '../schema/entities.js';
import { PlanError } from '../schema/errors.js';
import { KINDS, META_FIELDS, type EntityKind, type FieldSpec } from '../schema/schema.js';
import type { ActionSnapshot, PlanSnapshot, VersionInfo } from '../schema/snapshot.js';
import type { ActionStatus, PlanStatus } from '../values/values.js';
import { ChangeFeed, type PlanChange } from './change-feed.js';
import { buildSnapshot } from './snapshot-builder.js';
import { ItemReader, type ObjectiveItem, type PriorityItem } from './item-reader.js';
import { findVersion, listVersions, readVersionSnapshot, storeVersion, validateVersionInput, type AgreeVersionInput } from '../document/version-store.js';

/** Where an item goes: under which parent, and at which position among its visible siblings. */
export interface Placement {
  /** The parent's id; omit or null for top-level kinds (priorities, leads…). */
  parentId?: string | null;
  /** 0-based position among the visible siblings; omitted means last. */
  index?: number;
}

/** Options for opening or creating a plan. */
export interface PlanOptions {
  /** The person working on this device, recorded on what they change. */
  user?: string;
  /** The clock; tests and imports pass their own. */
  now?: () => Date;
  /** A source of randomness for ids and order keys; fuzz tests pass a seeded one. */
  random?: () => number;
  /** Keystrokes closer together than this (ms) undo as one step. Default 500. */
  undoCaptureTimeout?: number;
}

/** The plan's own fields, as {@link Plan.updatePlan} takes them. */
export interface PlanPatch {
  title?: string;
  introduction?: string;
  vision?: string;
  versionLabel?: string;
  status?: PlanStatus;
  period?: { start: string; end: string } | null;
  principles?: string[];
  statutoryObjectives?: string[];
  reviewSchedule?: string;
}

/**
 * A plan over a `Y.Doc`: typed, validated edits that each run as one Yjs
 * transaction, reads as plain data, change events that name what changed,
 * and undo scoped to this user. Make one with {@link createPlan} or
 * {@link openPlan}.
 *
 * @example
 * ```ts
 * const plan = createPlan(new Y.Doc(), { title: 'Business Plan 2025-26' }, { user: 'Sam' });
 * const p = plan.create('priority', { title: 'Neglect' });
 * const o = plan.create('objective', { text: 'Everyone can name neglect' }, { parentId: p });
 * plan.create('action', { text: 'Review the neglect strategy', timescale: 'By 31/03/26' }, { parentId: o });
 * plan.snapshot().priorities[0].objectives[0].actions[0].timescale.due; // { start: …, end: '2026-03-31' }
 * ```
 */
export class Plan {
  /** The transaction origin of this handle's edits; undo tracks only these. */
  readonly origin: object = { coplan: 'local' };
  readonly undoManager: Y.UndoManager;
  private readonly layout: PlanLayout;
  private readonly index: TreeIndex;
  private readonly feed: ChangeFeed;
  private readonly user: string;
  private readonly now: () => Date;
  private readonly random: () => number;
  private batchDepth = 0;
  private readonly items: ItemReader;
  /** Listeners to one entity each, keyed `kind:id` (see {@link Plan.onEntityChange}). */
  private readonly watchers = new Map<string, Set<(change: PlanChange) => void>>();

  /** @internal Use {@link createPlan} or {@link openPlan}. */
  /** Updates from partners that wait on each other are integrated as soon as they can be (see settlePending). */
  private readonly stopSettling: () => void;

  constructor(
    readonly doc: Y.Doc,
    options: PlanOptions = {},
  ) {
    this.layout = layoutOf(doc);
    this.user = options.user ?? '';
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.index = new TreeIndex(this.layout);
    this.undoManager = new Y.UndoManager([this.layout.meta, ...Object.values(this.layout.entities)], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: options.undoCaptureTimeout ?? 500,
    });
    this.feed = new ChangeFeed(
      doc,
      this.layout,
      (kind, id) => this.index.touch(kind, id),
      (origin) => origin === this.origin || origin === this.undoManager,
    );
    this.stopSettling = keepPendingSettled(doc);
    this.items = new ItemReader(this.layout, (kind, parentId) => this.visibleSiblings(kind, parentId, null).map((h) => ({ id: h.id, map: this.layout.entities[kind].get(h.id)! })));
    this.feed.subscribe((change) => this.notifyWatchers(change));
  }

  /** The plan's id, fixed when it was created. */
  get id(): string {
    return (this.layout.system.get('planId') as string | undefined) ?? '';
  }

  // ---- Edits -------------------------------------------------------------

  /**
   * Adds an item and returns its id.
   * @example `const id = plan.create('action', { text: 'Audit referrals' }, { parentId: objectiveId, index: 0 })`
   */
  create<K extends EntityKind>(kind: K, fields: CreateFields<K>, at: Placement = {}): string {
    this.kindSpec(kind); // an unknown kind is refused in words before its fields are read
    const values = this.validateFields(kind, undefined, fields as Record<string, unknown>, true);
    return this.insert(kind, values, at);
  }

  /**
   * Adds an empty priority, objective or action for a person to fill in, as
   * an editor's "Add an action" does: its text starts empty (so there are no
   * placeholder words to delete), though it is required once written.
   * @example `const id = plan.addEmpty('action', { parentId: objectiveId })`
   */
  addEmpty(kind: 'priority' | 'objective' | 'action', at: Placement = {}): string {
    return this.insert(kind, {}, at);
  }

  private insert(kind: EntityKind, values: Record<string, unknown>, at: Placement): string {
    const spec = this.kindSpec(kind);
    const parentId = this.validateParent(kind, at.parentId ?? null);
    const id = newId(this.random);
    const order = spec.ordered ? this.orderAt(kind, parentId, at.index, null) : '';
    this.transact(() => {
      const map = new Y.Map<unknown>();
      this.layout.entities[kind].set(id, map);
      writePosition(map, { p: parentId, o: order });
      map.set(HEADER_KEYS.deleted, null);
      this.stamp(map, true);
      for (const name in spec.fields) {
        const f = spec.fields[name]!;
        writeField(map, f, name, values[name] ?? emptyValue(f), true);
      }
      this.index.touch(kind, id); // now, not after the transaction: a batch may add its siblings next
    });
    this.undoManager.stopCapturing();
    return id;
  }

  /**
   * Changes some fields of an item. Text fields are edited in place, so a
   * partner typing in the same field at the same time keeps their words.
   */
  update<K extends EntityKind>(kind: K, id: string, patch: FieldPatch<K>): void {
    const map = this.liveEntity(kind, id);
    const values = this.validateFields(kind, id, patch as Record<string, unknown>, false);
    const fields = this.kindSpec(kind).fields;
    this.transact(() => {
      for (const [name, value] of Object.entries(values)) writeField(map, fields[name]!, name, value);
      this.stamp(map, false);
    });
  }

  /**
   * Edits one text field at character level, as an editor does per keystroke:
   * delete `deleteCount` characters at `index`, then insert `insert` there.
   */
  editText(kind: EntityKind | 'plan', id: string, field: string, index: number, deleteCount: number, insert = ''): void {
    const map = kind === 'plan' ? this.layout.meta : this.liveEntity(kind, id);
    const spec = kind === 'plan' ? META_FIELDS[field] : KINDS[kind].fields[field];
    if (spec?.type !== 'text') throw new PlanError('unknown-field', `${kind}.${field} is not a text field; text fields are ${this.textFields(kind).join(', ')}.`, { kind, id, field });
    const text = map.get(field) as Y.Text | undefined;
    const length = text?.length ?? 0;
    if (!Number.isInteger(index) || !Number.isInteger(deleteCount) || index < 0 || deleteCount < 0 || index + deleteCount > length)
      throw new PlanError('invalid-value', `${kind}.${field} has ${length} characters; cannot delete ${deleteCount} at ${index}.`, { kind, id, field });
    if (typeof insert !== 'string') throw new PlanError('invalid-value', `${kind}.${field}: insert must be a string.`, { kind, id, field });
    if (spec.required && deleteCount === length && insert === '' && length > 0) throw new PlanError('required', `${kind}.${field} is required: it cannot be left empty.`, { kind, id, field });
    this.transact(() => {
      let t = text;
      if (!t) map.set(field, (t = new Y.Text()));
      if (deleteCount > 0) t.delete(index, deleteCount);
      if (insert) t.insert(index, insert);
      this.stamp(map, false);
    });
  }

  /**
   * The live `Y.Text` of a text field, for binding an editor that needs the
   * shared type itself (caret positions relative to remote edits). Prefer
   * {@link Plan.editText} for writes, which also records who changed it.
   */
  textOf(kind: EntityKind | 'plan', id: string, field: string): Y.Text {
    const map = kind === 'plan' ? this.layout.meta : this.entityMap(kind, id);
    const t = map.get(field);
    if (t instanceof Y.Text) return t;
    const spec = kind === 'plan' ? META_FIELDS[field] : KINDS[kind].fields[field];
    if (spec?.type !== 'text') throw new PlanError('unknown-field', `${kind}.${field} is not a text field.`, { kind, id, field });
    // A plan made before every text field was created up front: make this one now, so typing into it is kept.
    const made = new Y.Text();
    this.transact(() => map.set(field, made));
    return made;
  }

  /**
   * The entries of a list field (the plan's principles and statutory
   * objectives, a priority's success statements and focus areas) as live
   * `Y.Text`s, one editor bound to each. An entry keeps its `Y.Text` while
   * partners add or remove others, so an editor stays on the entry it was on.
   */
  listOf(kind: EntityKind | 'plan', id: string, field: string): Y.Text[] {
    return this.textList(kind, id, field, false)?.toArray() ?? [];
  }

  /**
   * Adds an entry to a list field at `index` (omitted: last) and returns its
   * `Y.Text`. An entry may start empty: people add a line, then type into it.
   */
  addListItem(kind: EntityKind | 'plan', id: string, field: string, text = '', index?: number): Y.Text {
    if (typeof text !== 'string') throw new PlanError('invalid-value', `${kind}.${field}: a new entry's text must be a string.`, { kind, id, field });
    const length = this.listOf(kind, id, field).length;
    const at = index ?? length;
    if (!Number.isInteger(at) || at < 0 || at > length) throw new PlanError('invalid-value', `${kind}.${field} has ${length} entries; position ${index} is outside 0..${length}.`, { kind, id, field });
    const made = new Y.Text(text);
    this.undoManager.stopCapturing();
    this.transact(() => {
      this.textList(kind, id, field, true)!.insert(at, [made]);
      this.stamp(this.fieldOwner(kind, id), false);
    });
    this.undoManager.stopCapturing();
    return made;
  }

  /**
   * Edits one entry of a list field at character level, as {@link Plan.editText}
   * does a text field; `item` is the entry's `Y.Text` from {@link Plan.listOf}.
   */
  editListItem(kind: EntityKind | 'plan', id: string, field: string, item: Y.Text, index: number, deleteCount: number, insert = ''): void {
    this.listEntry(kind, id, field, item);
    if (!Number.isInteger(index) || !Number.isInteger(deleteCount) || index < 0 || deleteCount < 0 || index + deleteCount > item.length)
      throw new PlanError('invalid-value', `This ${kind}.${field} entry has ${item.length} characters; cannot delete ${deleteCount} at ${index}.`, { kind, id, field });
    if (typeof insert !== 'string') throw new PlanError('invalid-value', `${kind}.${field}: insert must be a string.`, { kind, id, field });
    this.transact(() => {
      if (deleteCount > 0) item.delete(index, deleteCount);
      if (insert) item.insert(index, insert);
      this.stamp(this.fieldOwner(kind, id), false);
    });
  }

  /** Removes one entry (its `Y.Text` from {@link Plan.listOf}) from a list field; {@link Plan.undo} brings it back. */
  removeListItem(kind: EntityKind | 'plan', id: string, field: string, item: Y.Text): void {
    const at = this.listEntry(kind, id, field, item);
    this.undoManager.stopCapturing();
    this.transact(() => {
      this.textList(kind, id, field, false)!.delete(at, 1);
      this.stamp(this.fieldOwner(kind, id), false);
    });
    this.undoManager.stopCapturing();
  }

  /** Moves an item to another parent of the right level, or to another position among its siblings. */
  move(kind: EntityKind, id: string, to: Placement): void {
    const map = this.liveEntity(kind, id);
    const spec = this.kindSpec(kind);
    if (!spec.ordered) throw new PlanError('invalid-value', `${kind} items are ordered by date and cannot be moved.`, { kind, id });
    const current = readHeader(id, map);
    const parentId = to.parentId === undefined ? current.parentId : this.validateParent(kind, to.parentId);
    const order = this.orderAt(kind, parentId, to.index, id);
    // A move is its own step for undo, never merged with typing just before it.
    this.undoManager.stopCapturing();
    this.transact(() => {
      writePosition(map, { p: parentId, o: order });
      this.stamp(map, false);
      this.index.touch(kind, id);
    });
    this.undoManager.stopCapturing();
  }

  /**
   * Puts an item in the bin with everything beneath it. Nothing is erased:
   * {@link Plan.restore} brings the item back with its children, including any
   * a partner added beneath it after it was deleted.
   */
  delete(kind: EntityKind, id: string): void {
    const map = this.entityMap(kind, id);
    if (map.get(HEADER_KEYS.deleted)) throw new PlanError('already-deleted', `${kind} ${id} is already in the bin.`, { kind, id });
    // A delete is its own step for undo, never merged with an edit made just before it.
    this.undoManager.stopCapturing();
    this.transact(() => {
      map.set(HEADER_KEYS.deleted, { at: this.now().toISOString(), by: this.user });
      this.stamp(map, false);
    });
    this.undoManager.stopCapturing();
  }

  /**
   * Takes an item out of the bin, with its children. When its parent is itself
   * in the bin, or gone, give a new place with `to`.
   */
  restore(kind: EntityKind, id: string, to?: Placement): void {
    const map = this.entityMap(kind, id);
    const header = readHeader(id, map);
    const orphaned = this.parentState(kind, header.parentId) !== 'live';
    if (!header.deleted && !orphaned) throw new PlanError('not-deleted', `${kind} ${id} is not in the bin.`, { kind, id });
    let position: { p: string | null; o: string } | undefined;
    if (to) {
      const parentId = this.validateParent(kind, to.parentId === undefined ? header.parentId : to.parentId);
      position = { p: parentId, o: this.kindSpec(kind).ordered ? this.orderAt(kind, parentId, to.index, id) : '' };
    } else if (orphaned) {
      const parentKind = KINDS[kind].parent!;
      throw new PlanError('deleted-parent', `${kind} ${id} belonged to ${an(parentKind)} that is in the bin or gone; restore that ${parentKind} first, or restore this with a new parent.`, {
        kind,
        id,
      });
    }
    this.transact(() => {
      if (position) {
        writePosition(map, position);
        this.index.touch(kind, id);
      }
      map.set(HEADER_KEYS.deleted, null);
      this.stamp(map, false);
    });
    this.undoManager.stopCapturing();
  }

  /** Changes the plan's own fields (title, period, status…). */
  updatePlan(patch: PlanPatch): void {
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (name === 'period') {
        if (value === null) {
          values.periodStart = null;
          values.periodEnd = null;
          continue;
        }
        const p = value as { start?: unknown; end?: unknown };
        values.periodStart = validateField(META_FIELDS.periodStart!, 'period.start', p?.start, { kind: 'plan' });
        values.periodEnd = validateField(META_FIELDS.periodEnd!, 'period.end', p?.end, { kind: 'plan' });
        if ((values.periodEnd as string) < (values.periodStart as string))
          throw new PlanError('invalid-date', `plan.period ends (${p.end}) before it starts (${p.start}); give an end on or after the start.`, { kind: 'plan', field: 'period' });
        continue;
      }
      const spec = META_FIELDS[name];
      if (!spec || name === 'periodStart' || name === 'periodEnd')
        throw new PlanError(
          'unknown-field',
          `The plan has no field "${name}"; it has ${Object.keys(META_FIELDS)
            .filter((f) => !f.startsWith('period'))
            .concat('period')
            .join(', ')}.`,
          {
            kind: 'plan',
            field: name,
          },
        );
      values[name] = validateField(spec, name, value, { kind: 'plan' });
    }
    this.transact(() => {
      for (const [name, value] of Object.entries(values)) writeField(this.layout.meta, META_FIELDS[name]!, name, value);
      this.stamp(this.layout.meta, false);
    });
  }

  /**
   * Runs several calls as one transaction: partners receive them as one
   * update, and one {@link Plan.undo} takes them all back. If any call throws,
   * everything the batch wrote is reverted before the error is rethrown.
   *
   * @example
   * ```ts
   * plan.batch(() => {
   *   const p = plan.create('priority', { title: 'Neglect' });
   *   plan.create('objective', { text: 'Name neglect early' }, { parentId: p });
   * });
   * ```
   */
  batch<T>(fn: () => T): T {
    if (this.batchDepth > 0) return fn();
    const scope = [this.layout.meta, ...Object.values(this.layout.entities)];
    const rollback = new Y.UndoManager(scope, { trackedOrigins: new Set([this.origin]), captureTimeout: Number.POSITIVE_INFINITY });
    const undoDepth = this.undoManager.undoStack.length;
    this.batchDepth++;
    try {
      let result!: T;
      this.transact(() => {
        result = fn();
      });
      return result;
    } catch (e) {
      rollback.undo();
      // The failed batch must not leave an empty step on this user's undo stack.
      while (this.undoManager.undoStack.length > undoDepth) this.undoManager.undoStack.pop();
      throw e;
    } finally {
      this.batchDepth--;
      rollback.destroy();
      this.undoManager.stopCapturing();
    }
  }

  // ---- Progress and leads ------------------------------------------------

  /**
   * Adds a progress update to an action and, in the same transaction, sets
   * the action's status (say `in-progress` after a Green update): partners
   * receive both together, and one undo takes both back. Returns the update's id.
   *
   * @example `plan.recordProgress(actionId, { date: '2026-06-30', author: 'Sam', rag: 'green', narrative: 'Training under way' }, 'in-progress')`
   */
  recordProgress(actionId: string, update: CreateFields<'progress'>, status?: ActionStatus): string {
    return this.batch(() => {
      const id = this.create('progress', update, { parentId: actionId });
      if (status !== undefined && this.get('action', actionId)?.status !== status) this.update('action', actionId, { status });
      return id;
    });
  }

  /**
   * Merges one lead of the registry into another, in one transaction: every
   * item naming `fromId` names `intoId` instead (once), and `fromId` goes to
   * the bin remembering where it went, so a partner who named it meanwhile
   * sees `intoId` too once their edit arrives.
   */
  mergeLeads(fromId: string, intoId: string): void {
    if (fromId === intoId) throw new PlanError('invalid-value', 'A lead cannot be merged into itself; choose another lead to merge it into.', { kind: 'lead', id: fromId });
    const from = this.liveEntity('lead', fromId);
    this.liveEntity('lead', intoId);
    this.undoManager.stopCapturing();
    this.transact(() => {
      rewriteLeadRefs(this.layout, fromId, intoId, (map) => this.stamp(map, false));
      from.set(HEADER_KEYS.mergedInto, intoId);
      from.set(HEADER_KEYS.deleted, { at: this.now().toISOString(), by: this.user });
      this.stamp(from, false);
    });
    this.undoManager.stopCapturing();
  }

  /**
   * Takes a lead off every item that names it and puts it in the bin, in one
   * transaction; one undo (or Restore) brings it back. To delete a lead
   * nobody names, {@link Plan.delete} does the same.
   */
  removeLead(id: string): void {
    const map = this.liveEntity('lead', id);
    this.undoManager.stopCapturing();
    this.transact(() => {
      rewriteLeadRefs(this.layout, id, null, (map) => this.stamp(map, false));
      map.set(HEADER_KEYS.deleted, { at: this.now().toISOString(), by: this.user });
      this.stamp(map, false);
    });
    this.undoManager.stopCapturing();
  }

  // ---- Versions ----------------------------------------------------------

  /**
   * Records the plan as it stands now as an agreed version (say `v1.2`), with
   * who agreed it and when. The plan's version label becomes `label`.
   */
  agreeVersion(input: AgreeVersionInput): string {
    const valid = validateVersionInput(input, this.now());
    const id = newId(this.random);
    const snapshot = { ...this.snapshot(), versionLabel: valid.label };
    this.transact(() => {
      storeVersion(this.layout, id, valid, snapshot, this.user);
      writeField(this.layout.meta, META_FIELDS.versionLabel!, 'versionLabel', valid.label);
      this.stamp(this.layout.meta, false);
    });
    return id;
  }

  /** The agreed versions, oldest first. */
  versions(): VersionInfo[] {
    return listVersions(this.layout);
  }

  /** The plan as it was when a version (by id or label) was agreed. */
  versionSnapshot(version: string): PlanSnapshot {
    return readVersionSnapshot(findVersion(this.layout, version));
  }

  // ---- Reads -------------------------------------------------------------

  /** One item as flat plain data (deleted items too, with their tombstone), or undefined. */
  get<K extends EntityKind>(kind: K, id: string): EntityRecord<K> | undefined {
    const map = this.layout.entities[kind]?.get(id);
    return map ? readRecord(kind, id, map) : undefined;
  }

  /** The visible items of `kind` under a parent (null: top level), in order. */
  children<K extends EntityKind>(kind: K, parentId: string | null): EntityRecord<K>[] {
    return this.visibleSiblings(kind, parentId, null).map((h) => readRecord(kind, h.id, this.layout.entities[kind].get(h.id)!));
  }

  /** One visible priority as the snapshot shows it, without its objectives; undefined when it is not visible. Costs the same in any size of plan. */
  readPriority(id: string): PriorityItem | undefined {
    const at = this.visibleAt('priority', id);
    return at && this.items.priority(id, at.map, at.number);
  }

  /** One visible objective as the snapshot shows it, without its actions; undefined when it is not visible. */
  readObjective(id: string): ObjectiveItem | undefined {
    const at = this.visibleAt('objective', id);
    return at && this.items.objective(id, at.map, at.number, at.parentId!);
  }

  /** One visible action as the snapshot shows it (leads, timescale, RAG, progress…); undefined when it is not visible. */
  readAction(id: string): ActionSnapshot | undefined {
    const at = this.visibleAt('action', id);
    return at && this.items.action(id, at.map, at.number, at.parentId!);
  }

  /** The ids of the visible items of `kind` under a parent (null: top level), in order; cheaper than {@link Plan.children} when only ids are needed. */
  childIds(kind: EntityKind, parentId: string | null): string[] {
    return this.visibleSiblings(kind, parentId, null).map((h) => h.id);
  }

  /** Whether an item is visible: stored, not deleted, and under visible parents. */
  isVisible(kind: EntityKind, id: string): boolean {
    const map = this.layout.entities[kind]?.get(id);
    if (!map) return false;
    const p = readPlacement(map);
    return !p.deleted && this.parentState(kind, p.parentId) === 'live';
  }

  /** The whole plan as plain data: the visible tree, registries, versions and the bin. */
  snapshot(): PlanSnapshot {
    return buildSnapshot(this.layout);
  }

  // ---- Events and undo ---------------------------------------------------

  /**
   * Calls `listener` after each transaction that changed the plan, with the
   * entities it touched; it does not rebuild the plan, so it is cheap per keystroke.
   * Returns a function that unsubscribes.
   */
  onChange(listener: (change: PlanChange) => void): () => void {
    return this.feed.subscribe(listener);
  }

  /**
   * Calls `listener` after each transaction that changed one entity, or the
   * items directly beneath it (an action's progress updates, an objective's
   * actions, including those moved in or out). Costs nothing for the
   * entities that did not change, so each item on screen can listen to its
   * own. Returns a function that unsubscribes.
   *
   * @example `const off = plan.onEntityChange('action', id, () => render(plan.readAction(id)))`
   */
  onEntityChange(kind: EntityKind, id: string, listener: (change: PlanChange) => void): () => void {
    const key = kind + ':' + id;
    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.watchers.get(key) === set) this.watchers.delete(key);
    };
  }

  /** Undoes this user's last change (never a partner's). */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  /** Redoes what {@link Plan.undo} took back. */
  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  /** Whether this user has a change to undo. */
  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  /** Whether there is an undone change to redo. */
  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /** Stops listening to the document. The document itself is left open. */
  destroy(): void {
    this.stopSettling();
    this.feed.destroy();
    this.undoManager.destroy();
  }

  // ---- Internals ---------------------------------------------------------

  private transact(fn: () => void): void {
    this.doc.transact(fn, this.origin);
  }

  private stamp(map: Y.Map<unknown>, created: boolean): void {
    const at = this.now().toISOString();
    if (created) {
      map.set(HEADER_KEYS.createdAt, at);
      map.set(HEADER_KEYS.createdBy, this.user);
    }
    map.set(HEADER_KEYS.updatedAt, at);
    map.set(HEADER_KEYS.updatedBy, this.user);
  }

  private kindSpec(kind: EntityKind) {
    const spec = KINDS[kind];
    if (!spec) throw new PlanError('invalid-value', `"${String(kind)}" is not a kind of plan item; use one of ${Object.keys(KINDS).join(', ')}.`, {});
    return spec;
  }

  private textFields(kind: EntityKind | 'plan'): string[] {
    const fields = kind === 'plan' ? META_FIELDS : KINDS[kind].fields;
    return Object.entries(fields)
      .filter(([, f]) => f.type === 'text')
      .map(([n]) => n);
  }

  /** The map holding a field: the plan's own, or a live item's. */
  private fieldOwner(kind: EntityKind | 'plan', id: string): Y.Map<unknown> {
    return kind === 'plan' ? this.layout.meta : this.liveEntity(kind, id);
  }

  /** A list field's `Y.Array`, checked to be one; made when `create` and the plan predates it, else undefined. */
  private textList(kind: EntityKind | 'plan', id: string, field: string, create: boolean): Y.Array<Y.Text> | undefined {
    const map = this.fieldOwner(kind, id);
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
  private listEntry(kind: EntityKind | 'plan', id: string, field: string, item: Y.Text): number {
    const at = this.listOf(kind, id, field).indexOf(item);
    if (at < 0)
      throw new PlanError('not-found', `That entry is no longer in ${kind === 'plan' ? 'the plan' : `this ${kind}`}'s ${field}: a partner may have removed it. Undo brings back one you removed.`, {
        kind,
        id,
        field,
      });
    return at;
  }

  private entityMap(kind: EntityKind, id: string): Y.Map<unknown> {
    const map = this.layout.entities[this.kindSpec(kind) && kind].get(id);
    if (!map) throw new PlanError('not-found', `There is no ${kind} with id "${id}" in this plan.`, { kind, id });
    return map;
  }

  /** An entity that may be edited: stored, not in the bin, and not inside something that is. */
  private liveEntity(kind: EntityKind, id: string): Y.Map<unknown> {
    const map = this.entityMap(kind, id);
    if (map.get(HEADER_KEYS.deleted)) throw new PlanError('already-deleted', `${kind} ${id} is in the bin; restore it before changing it.`, { kind, id });
    if (this.parentState(kind, readPlacement(map).parentId) !== 'live')
      throw new PlanError('deleted-parent', `${kind} ${id} is inside something that is in the bin; restore that first, or restore this ${kind} into a new place.`, {
        kind,
        id,
      });
    return map;
  }

  private validateFields(kind: EntityKind, id: string | undefined, input: Record<string, unknown>, creating: boolean): Record<string, unknown> {
    if (!input || typeof input !== 'object') throw new PlanError('invalid-value', `${kind} fields must be an object.`, { kind, ...(id ? { id } : {}) });
    const fields = KINDS[kind].fields;
    const out: Record<string, unknown> = {};
    const where = id ? { kind, id } : { kind };
    for (const name in input) {
      const value = input[name];
      if (value === undefined) continue;
      const spec: FieldSpec | undefined = fields[name];
      if (!spec) throw new PlanError('unknown-field', `${kind} has no field "${name}"; it has ${Object.keys(fields).join(', ')}.`, { ...where, field: name });
      out[name] = validateField(spec, name, value, where);
      if (spec.type === 'ref' && out[name] !== null) this.liveEntity(spec.refKind!, out[name] as string);
    }
    if (creating) {
      for (const [name, spec] of Object.entries(fields)) {
        if (spec.required && out[name] === undefined) throw new PlanError('required', `${an('new ' + kind, true)} needs ${name}.`, { kind, field: name });
      }
    }
    return out;
  }

  private validateParent(kind: EntityKind, parentId: string | null): string | null {
    const parentKind = KINDS[kind].parent;
    if (parentKind === null) {
      if (parentId !== null) throw new PlanError('wrong-parent', `${an(kind, true)} sits at the top of the plan and takes no parent.`, { kind, id: parentId });
      return null;
    }
    if (parentId === null) throw new PlanError('wrong-parent', `${an(kind, true)} needs ${an(parentKind)} as its parent: give parentId.`, { kind });
    if (!this.layout.entities[parentKind].has(parentId)) {
      const actual = (Object.keys(this.layout.entities) as EntityKind[]).find((k) => this.layout.entities[k].has(parentId));
      if (actual) throw new PlanError('wrong-parent', `${an(kind, true)} belongs under ${an(parentKind)}, but ${parentId} is ${an(actual)}.`, { kind, id: parentId });
      throw new PlanError('not-found', `There is no ${parentKind} with id "${parentId}" to put this ${kind} under.`, { kind: parentKind, id: parentId });
    }
    if (!this.isVisible(parentKind, parentId))
      throw new PlanError('deleted-parent', `The ${parentKind} ${parentId} is in the bin; restore it before adding to it.`, { kind: parentKind, id: parentId });
    return parentId;
  }

  /** 'live' when the parent chain is all there and none of it deleted. */
  private parentState(kind: EntityKind, parentId: string | null): 'live' | 'deleted' | 'missing' {
    let parentKind = KINDS[kind].parent;
    let id = parentId;
    while (parentKind !== null) {
      if (id === null) return 'missing';
      const map = this.layout.entities[parentKind].get(id);
      if (!map) return 'missing';
      const p = readPlacement(map);
      if (p.deleted) return 'deleted';
      id = p.parentId;
      parentKind = KINDS[parentKind].parent;
    }
    return 'live';
  }

  /** A visible item's map, parent and 1-based position among its visible siblings. */
  private visibleAt(kind: EntityKind, id: string): { map: Y.Map<unknown>; parentId: string | null; number: number } | undefined {
    const map = this.layout.entities[kind].get(id);
    if (!map || !this.isVisible(kind, id)) return undefined;
    const { parentId } = readPlacement(map);
    const number = this.visibleSiblings(kind, parentId, null).findIndex((h) => h.id === id) + 1;
    return { map, parentId, number };
  }

  /** Tells each entity's listeners that it, or something directly beneath it, changed. */
  private notifyWatchers(change: PlanChange): void {
    const moves = this.index.takeMoves();
    if (this.watchers.size === 0) return;
    const keys = new Set<string>();
    for (const { kind, id } of change.entities) {
      keys.add(kind + ':' + id);
      const parentKind = KINDS[kind].parent;
      const parentId = this.index.parentOf(kind, id);
      if (parentKind && parentId) keys.add(parentKind + ':' + parentId);
    }
    for (const m of moves) {
      const parentKind = KINDS[m.kind].parent;
      if (parentKind && m.from) keys.add(parentKind + ':' + m.from);
    }
    for (const key of keys) {
      const set = this.watchers.get(key);
      if (set) for (const l of [...set]) l(change);
    }
  }

  private visibleSiblings(kind: EntityKind, parentId: string | null, except: string | null): Array<{ id: string; order: string }> {
    const out: Array<{ id: string; order: string }> = [];
    const maps = this.layout.entities[kind];
    for (const id of this.index.childIds(kind, parentId)) {
      if (id === except) continue;
      const p = readPlacement(maps.get(id)!);
      if (!p.deleted) out.push({ id, order: p.order });
    }
    return out.sort(compareOrder);
  }

  private orderAt(kind: EntityKind, parentId: string | null, index: number | undefined, except: string | null): string {
    if (index === undefined) {
      // Appending, the common case: only the last key matters, no sort needed.
      let last: { id: string; order: string } | null = null;
      const maps = this.layout.entities[kind];
      for (const id of this.index.childIds(kind, parentId)) {
        if (id === except) continue;
        const p = readPlacement(maps.get(id)!);
        if (!p.deleted && (last === null || compareOrder({ id, order: p.order }, last) > 0)) last = { id, order: p.order };
      }
      return orderKeyBetween(last?.order ?? null, null, this.random);
    }
    const siblings = this.visibleSiblings(kind, parentId, except);
    const at = index === undefined ? siblings.length : index;
    if (!Number.isInteger(at) || at < 0 || at > siblings.length)
      throw new PlanError('invalid-value', `Position ${index} is outside 0..${siblings.length} for this ${kind}.`, { kind, field: 'index', value: index });
    return orderKeyBetween(siblings[at - 1]?.order ?? null, siblings[at]?.order ?? null, this.random);
  }
}

/** "an action", "a priority"; capitalised at the start of a sentence. */
function an(noun: string, capital = false): string {
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${noun}`;
}
