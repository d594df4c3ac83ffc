// The Plan class: the one handle an embedder edits and reads a plan through. It holds no logic of its own:
// each method checks nothing and writes nothing itself, but hands over to the module for its kind of work
// (item-edits, text-edits, list-edits, lead-edits, agree-version, batch, live-search, entity-watchers,
// undo-history), so the whole API can be read here on a page and each idea in its own file.
import type * as Y from 'yjs';
import { readRecord } from '../document/entity-record.js';
import { layoutOf, type PlanLayout } from '../document/layout.js';
import { keepPendingSettled } from '../document/settle-pending.js';
import { TreeIndex } from '../document/tree-index.js';
import { findVersion, listVersions, readVersionSnapshot, type AgreeVersionInput } from '../document/version-store.js';
import type { CreateFields, EntityRecord, FieldPatch } from '../schema/entities.js';
import type { EntityKind } from '../schema/schema.js';
import type { ActionSnapshot, PlanSnapshot, VersionInfo } from '../schema/snapshot.js';
import type { ActionStatus } from '../values/values.js';
import type { ProgressFields } from '../schema/input.js';
import { agreeVersion } from './agree-version.js';
import { Batches } from './batch.js';
import { ChangeFeed, type PlanChange } from './change-feed.js';
import { EntityWatchers } from './entity-watchers.js';
import { validateFields } from './field-checks.js';
import { deleteItem, insertItem, moveItem, restoreItem, updateItem } from './item-edits.js';
import { ItemReader, type ObjectiveItem, type PriorityItem } from './item-reader.js';
import { mergeLeads, removeLead } from './lead-edits.js';
import { addListItem, editListItem, listOf, removeListItem, reviseList } from './list-edits.js';
import { LiveSearch } from './live-search.js';
import { PlanContext } from './plan-context.js';
import { updatePlanFields } from './plan-fields.js';
import type { Placement, PlanOptions, PlanPatch } from './plan-options.js';
import { PlanTree } from './plan-tree.js';
import type { SearchHit } from './search-entries.js';
import { buildSnapshot } from './snapshot-builder.js';
import { editText, reviseText, textOf } from './text-edits.js';
import { trackUndo, watchUndoHistory } from './undo-history.js';
import { PartnersWorkKeeper } from './keep-partners-work.js';
import { UndoSteps } from './undo-steps.js';

export type { Placement, PlanOptions, PlanPatch } from './plan-options.js';

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
  private readonly ctx: PlanContext;
  private readonly tree: PlanTree;
  private readonly feed: ChangeFeed;
  private readonly items: ItemReader;
  private readonly batches: Batches;
  private readonly watchers: EntityWatchers;
  /** The search entries, made on the first search and kept up to date from then on. */
  private readonly live: LiveSearch;
  /** Keeps a partner's work when an undo would delete it (see keep-partners-work.ts). */
  private readonly keeper: PartnersWorkKeeper;
  /** What each undo step changed, to say it in words. */
  private readonly steps: UndoSteps;
  private lastStepWords: string | null = null;
  /** Updates from partners that wait on each other are integrated as soon as they can be (see settlePending). */
  private readonly stopSettling: () => void;

  /** @internal Use {@link createPlan} or {@link openPlan}. */
  constructor(
    readonly doc: Y.Doc,
    options: PlanOptions = {},
  ) {
    const layout = (this.layout = layoutOf(doc));
    const random = options.random ?? Math.random;
    const index = new TreeIndex(layout);
    this.tree = new PlanTree(layout, index, random);
    const now = options.now ?? (() => new Date());
    this.keeper = new PartnersWorkKeeper(doc, layout, index, () => ({ at: now().toISOString(), by: options.user ?? '' }));
    this.undoManager = trackUndo(layout, this.origin, options.undoCaptureTimeout ?? 500, this.keeper.deleteFilter);
    this.steps = new UndoSteps(this.undoManager, layout, this.tree, this.origin);
    this.ctx = new PlanContext(doc, layout, index, this.tree, this.origin, this.undoManager, options.user ?? '', now, random);
    this.feed = new ChangeFeed(
      doc,
      layout,
      (kind, id) => index.touch(kind, id),
      (origin) => origin === this.origin || origin === this.undoManager,
    );
    this.stopSettling = keepPendingSettled(doc);
    this.items = new ItemReader(layout, (kind, parentId) => this.tree.visibleSiblings(kind, parentId, null).map((h) => ({ id: h.id, map: layout.entities[kind].get(h.id)! })));
    this.batches = new Batches(this.ctx);
    this.watchers = new EntityWatchers(index);
    this.live = new LiveSearch(layout, this);
    this.feed.subscribe((change) => {
      this.live.changed(change); // first: a listener searching on a change finds the plan as it now is
      this.watchers.notify(change);
    });
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
    this.tree.kindSpec(kind); // an unknown kind is refused in words before its fields are read
    return insertItem(this.ctx, kind, validateFields(this.tree, kind, undefined, fields as Record<string, unknown>, true), at);
  }

  /**
   * Adds an empty priority, objective, action or milestone for a person to fill in, as
   * an editor's "Add an action" does: its text starts empty (so there are no
   * placeholder words to delete), though it is required once written.
   * @example `const id = plan.addEmpty('action', { parentId: objectiveId })`
   */
  addEmpty(kind: 'priority' | 'objective' | 'action' | 'milestone', at: Placement = {}): string {
    return insertItem(this.ctx, kind, {}, at);
  }

  /**
   * Changes some fields of an item. Text fields are edited in place, so a
   * partner typing in the same field at the same time keeps their words.
   */
  update<K extends EntityKind>(kind: K, id: string, patch: FieldPatch<K>): void {
    updateItem(this.ctx, kind, id, patch as Record<string, unknown>);
  }

  /**
   * Edits one text field at character level, as an editor does per keystroke:
   * delete `deleteCount` characters at `index`, then insert `insert` there.
   */
  editText(kind: EntityKind | 'plan', id: string, field: string, index: number, deleteCount: number, insert = ''): void {
    editText(this.ctx, kind, id, field, index, deleteCount, insert);
  }

  /**
   * Changes a text field from `from`, the text the person saw when they began
   * (a spreadsheet cell opened for editing), to `to`, what they wrote. Only the
   * words they changed are written, where those words now are, so a partner's
   * change to other words of the field meanwhile is kept.
   */
  reviseText(kind: EntityKind | 'plan', id: string, field: string, from: string, to: string): void {
    reviseText(this.ctx, kind, id, field, from, to);
  }

  /**
   * The live `Y.Text` of a text field, for binding an editor that needs the
   * shared type itself (caret positions relative to remote edits). Prefer
   * {@link Plan.editText} for writes, which also records who changed it.
   */
  textOf(kind: EntityKind | 'plan', id: string, field: string): Y.Text {
    return textOf(this.ctx, kind, id, field);
  }

  /**
   * The entries of a list field (the plan's principles and statutory
   * objectives, a priority's success statements and focus areas) as live
   * `Y.Text`s, one editor bound to each. An entry keeps its `Y.Text` while
   * partners add or remove others, so an editor stays on the entry it was on.
   */
  listOf(kind: EntityKind | 'plan', id: string, field: string): Y.Text[] {
    return listOf(this.ctx, kind, id, field);
  }

  /**
   * Adds an entry to a list field at `index` (omitted: last) and returns its
   * `Y.Text`. An entry may start empty: people add a line, then type into it.
   */
  addListItem(kind: EntityKind | 'plan', id: string, field: string, text = '', index?: number): Y.Text {
    return addListItem(this.ctx, kind, id, field, text, index);
  }

  /**
   * Edits one entry of a list field at character level, as {@link Plan.editText}
   * does a text field; `item` is the entry's `Y.Text` from {@link Plan.listOf}.
   */
  editListItem(kind: EntityKind | 'plan', id: string, field: string, item: Y.Text, index: number, deleteCount: number, insert = ''): void {
    editListItem(this.ctx, kind, id, field, item, index, deleteCount, insert);
  }

  /** Removes one entry (its `Y.Text` from {@link Plan.listOf}) from a list field; {@link Plan.undo} brings it back. */
  removeListItem(kind: EntityKind | 'plan', id: string, field: string, item: Y.Text): void {
    removeListItem(this.ctx, kind, id, field, item);
  }

  /**
   * Changes a list field from the entries a person saw (each entry's `Y.Text`
   * from {@link Plan.listOf}, with its text then) to the lines they wrote (a
   * box with one statement per line). Only what they changed is written: an
   * entry they left alone is not touched, an entry they changed gets only its
   * changed words (as {@link Plan.reviseText}), new lines are added where
   * they wrote them, lines they removed are removed. So a partner editing
   * another entry meanwhile, or adding one, keeps their words. One undo step.
   *
   * @example
   * ```ts
   * const seen = plan.listOf('priority', id, 'successStatements').map((item) => ({ item, text: item.toString() }));
   * plan.reviseList('priority', id, 'successStatements', seen, ['Children are heard', 'Fewer repeat referrals']);
   * ```
   */
  reviseList(kind: EntityKind | 'plan', id: string, field: string, seen: ReadonlyArray<{ item: Y.Text; text: string }>, to: readonly string[]): void {
    reviseList(this.ctx, kind, id, field, seen, to);
  }

  /** Moves an item to another parent of the right level, or to another position among its siblings. */
  move(kind: EntityKind, id: string, to: Placement): void {
    moveItem(this.ctx, kind, id, to);
  }

  /**
   * Puts an item in the bin with everything beneath it. Nothing is erased:
   * {@link Plan.restore} brings the item back with its children, including any
   * a partner added beneath it after it was deleted.
   */
  delete(kind: EntityKind, id: string): void {
    deleteItem(this.ctx, kind, id);
  }

  /**
   * Takes an item out of the bin, with its children. When its parent is itself
   * in the bin, or gone, give a new place with `to`.
   */
  restore(kind: EntityKind, id: string, to?: Placement): void {
    restoreItem(this.ctx, kind, id, to);
  }

  /** Changes the plan's own fields (title, period, status…). */
  updatePlan(patch: PlanPatch): void {
    updatePlanFields(this.ctx, patch);
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
    return this.batches.run(fn);
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
   * Corrects a progress update with what one person changed: `from` is the
   * update as they began (the form they opened), `to` what they saved. Its
   * words are merged as {@link Plan.reviseText} does, and its date and RAG
   * set only where they changed, so a partner's correction of the same update
   * meanwhile is kept; with `status`, the action's status too. One transaction, one undo.
   *
   * @example `plan.reviseProgress(updateId, seen, { ...seen, narrative: seen.narrative + ' Held on 3 May.' })`
   */
  reviseProgress(id: string, from: ProgressFields, to: ProgressFields, status?: ActionStatus): void {
    this.batch(() => {
      this.tree.liveEntity('progress', id); // an update in the plan, or the core's refusal
      const values = { ...(to.date !== from.date ? { date: to.date } : {}), ...(to.rag !== from.rag ? { rag: to.rag } : {}) };
      if (Object.keys(values).length) this.update('progress', id, values);
      this.reviseText('progress', id, 'narrative', from.narrative, to.narrative);
      this.reviseText('progress', id, 'evidence', from.evidence, to.evidence);
      const actionId = this.get('progress', id)?.parentId;
      if (status !== undefined && actionId && this.get('action', actionId)?.status !== status) this.update('action', actionId, { status });
    });
  }

  /**
   * Sets an action's leads from names as a person typed them (a spreadsheet
   * cell "CSE Sub, Police"): each name is matched to the registry ignoring
   * case and spaces around it, and a name not there yet is added to the
   * registry; repeated names count once. One transaction, one undo.
   */
  nameLeads(actionId: string, names: readonly string[]): void {
    this.tree.liveEntity('action', actionId);
    const registry = new Map(this.children('lead', null).map((l) => [l.name.trim().toLowerCase(), l.id]));
    const ids: string[] = [];
    this.batch(() => {
      for (const typed of names) {
        const name = String(typed).trim();
        if (!name) continue;
        let id = registry.get(name.toLowerCase());
        if (!id) registry.set(name.toLowerCase(), (id = this.create('lead', { name })));
        if (!ids.includes(id)) ids.push(id);
      }
      this.update('action', actionId, { leads: ids.map((leadId) => ({ leadId })) });
    });
  }

  /**
   * Merges one lead of the registry into another, in one transaction: every
   * item naming `fromId` names `intoId` instead (once), and `fromId` goes to
   * the bin remembering where it went, so a partner who named it meanwhile
   * sees `intoId` too once their edit arrives.
   */
  mergeLeads(fromId: string, intoId: string): void {
    mergeLeads(this.ctx, fromId, intoId);
  }

  /**
   * Takes a lead off every item that names it and puts it in the bin, in one
   * transaction; one undo (or Restore) brings it back. To delete a lead
   * nobody names, {@link Plan.delete} does the same.
   */
  removeLead(id: string): void {
    removeLead(this.ctx, id);
  }

  // ---- Versions ----------------------------------------------------------

  /**
   * Records the plan as it stands now as an agreed version (say `v1.2`), with
   * who agreed it and when. The plan's version label becomes `label`.
   */
  agreeVersion(input: AgreeVersionInput): string {
    return agreeVersion(this.ctx, input);
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
    return this.tree.visibleSiblings(kind, parentId, null).map((h) => readRecord(kind, h.id, this.layout.entities[kind].get(h.id)!));
  }

  /** One visible priority as the snapshot shows it, without its objectives; undefined when it is not visible. Costs the same in any size of plan. */
  readPriority(id: string): PriorityItem | undefined {
    const at = this.tree.visibleAt('priority', id);
    return at && this.items.priority(id, at.map, at.number);
  }

  /** One visible objective as the snapshot shows it, without its actions; undefined when it is not visible. */
  readObjective(id: string): ObjectiveItem | undefined {
    const at = this.tree.visibleAt('objective', id);
    return at && this.items.objective(id, at.map, at.number, at.parentId!);
  }

  /** One visible action as the snapshot shows it (leads, timescale, RAG, progress…); undefined when it is not visible. */
  readAction(id: string): ActionSnapshot | undefined {
    const at = this.tree.visibleAt('action', id);
    return at && this.items.action(id, at.map, at.number, at.parentId!);
  }

  /**
   * Every visible action of an objective, in order, each as
   * {@link Plan.readAction} gives it, read in one pass: one walk of the
   * objective's actions rather than one per action. For a list of actions on
   * screen (a long plan's actions drawn as plain words). Empty when the
   * objective is not visible.
   *
   * @example `for (const a of plan.readActions(objectiveId)) console.log(a.number, a.text)`
   */
  readActions(objectiveId: string): ActionSnapshot[] {
    if (!this.isVisible('objective', objectiveId)) return [];
    const maps = this.layout.entities.action;
    return this.tree.visibleSiblings('action', objectiveId, null).map((h, i) => this.items.action(h.id, maps.get(h.id)!, i + 1, objectiveId));
  }

  /** The ids of the visible items of `kind` under a parent (null: top level), in order; cheaper than {@link Plan.children} when only ids are needed. */
  childIds(kind: EntityKind, parentId: string | null): string[] {
    return this.tree.visibleSiblings(kind, parentId, null).map((h) => h.id);
  }

  /** Whether an item is visible: stored, not deleted, and under visible parents. */
  isVisible(kind: EntityKind, id: string): boolean {
    return this.tree.isVisible(kind, id);
  }

  /**
   * Finds text across the whole plan, as {@link searchPlan} does on a fresh
   * snapshot (same hits, same order), at the cost of what changed since the
   * last search: the first search reads the plan once; after that an edit
   * re-reads only the items it touched, and a move, addition or deletion only
   * the tree's order.
   *
   * @example
   * ```ts
   * plan.search('neglect strategy')[0]?.where; // 'Action 1.1.2'
   * ```
   */
  search(query: string): SearchHit[] {
    return this.live.search(query);
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
    return this.watchers.watch(kind, id, listener);
  }

  /**
   * Undoes this user's last change (never a partner's). Undoing the adding of
   * an item that a partner has since worked on (typed in, put something
   * under, moved) puts it in the bin instead of removing it, with the
   * partner's work; {@link Plan.binnedByLastUndo} says which.
   */
  undo(): boolean {
    const { done, words } = this.steps.run('undo', () => this.keeper.run(this.undoManager.undoStack, () => this.undoManager.undo()));
    this.lastStepWords = words;
    return done;
  }

  /** Redoes what {@link Plan.undo} took back. */
  redo(): boolean {
    const { done, words } = this.steps.run('redo', () => this.keeper.run(this.undoManager.redoStack, () => this.undoManager.redo()));
    this.lastStepWords = words;
    return done;
  }

  /**
   * What {@link Plan.undo} would take back now, in words for a person ("typing in action 1.1.2", "deleting
   * objective 2.1", "changing action 1.2.3's status"); null when there is nothing to undo, or the step
   * changed several things (an import) and is not said item by item. Items are named by their place now.
   * @example `undoButton.ariaLabel = plan.undoInWords() ? 'Undo ' + plan.undoInWords() : 'Undo'`
   */
  undoInWords(): string | null {
    return this.steps.next('undo');
  }

  /** What {@link Plan.redo} would do again now, in words, as {@link Plan.undoInWords} says it. */
  redoInWords(): string | null {
    return this.steps.next('redo');
  }

  /**
   * What the last {@link Plan.undo} or {@link Plan.redo} took back or did again, in words, the item
   * named where it can be seen (an item brought back, where it now is; one taken away, where it was);
   * null when it did nothing, or the step is not said item by item.
   * @example `if (plan.undo()) say(plan.lastUndoInWords() ? 'Undone: ' + plan.lastUndoInWords() : 'Undone your last change')`
   */
  lastUndoInWords(): string | null {
    return this.lastStepWords;
  }

  /**
   * The items the last {@link Plan.undo} or {@link Plan.redo} put in the bin
   * rather than removing them, because a partner had worked on them since
   * this user added them; empty when there were none. Known already when
   * {@link Plan.onUndoChange}'s listener hears of the step; a new array for
   * each undo or redo.
   * @example `if (plan.undo()) for (const { kind, id } of plan.binnedByLastUndo()) say(kind + ' ' + id + ' is in the bin')`
   */
  binnedByLastUndo(): ReadonlyArray<{ kind: EntityKind; id: string }> {
    return this.keeper.lastBinned;
  }

  /** Whether this user has a change to undo. */
  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  /** Whether there is an undone change to redo. */
  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /**
   * Calls `listener` whenever this user's undo history gains or loses a
   * step, so an Undo or Redo button can follow {@link Plan.canUndo} and
   * {@link Plan.canRedo} as the person types, without reading the plan.
   * Returns a function that unsubscribes.
   */
  onUndoChange(listener: () => void): () => void {
    const stop = watchUndoHistory(this.undoManager, listener);
    this.keeper.historyBack.add(listener);
    return () => {
      stop();
      this.keeper.historyBack.delete(listener);
    };
  }

  /** Stops listening to the document. The document itself is left open. */
  destroy(): void {
    this.stopSettling();
    this.feed.destroy();
    this.undoManager.destroy();
  }
}
