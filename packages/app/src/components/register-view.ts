import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  localToday,
  formatUkDate,
  statusAfterProgress,
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  RAG_LABELS,
  RAG_VALUES,
  actionDue,
  filterActions,
  listActions,
  type ActionFilter,
  type ActionInContext,
  type ActionStatus,
  type Plan,
  type PlanSnapshot,
  type Rag,
} from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';
import './action-filters.js';
import './rag-badge.js';
import './leads-combobox.js';
import { focusRing } from './shared-styles.js';

type Column = 'ref' | 'priority' | 'action' | 'leads' | 'timescale' | 'due' | 'status' | 'rag';
/** How a cell is edited: as text, a date, or a choice; absent for cells that only show. */
type Editor = 'text' | 'leads' | 'date' | 'status' | 'rag';
const COLUMNS: Array<{ id: Column; label: string; editor?: Editor }> = [
  { id: 'ref', label: 'Ref' },
  { id: 'priority', label: 'Priority' },
  { id: 'action', label: 'Action', editor: 'text' },
  { id: 'leads', label: 'Leads', editor: 'leads' },
  { id: 'timescale', label: 'Timescale', editor: 'text' },
  { id: 'due', label: 'Due', editor: 'date' },
  { id: 'status', label: 'Status', editor: 'status' },
  { id: 'rag', label: 'RAG', editor: 'rag' },
];
/** Rows drawn at first, and added each time the person scrolls or moves near the end: a 1,000-action plan draws a screenful, not a thousand rows. */
const ROWS_AT_A_TIME = 60;
/** Rows PageUp and PageDown move. */
const PAGE = 10;

/** Where the keyboard is: an action's row (null: the header row) and a column. */
interface CellAt {
  row: string | null;
  col: number;
}

/**
 * Every action in one sortable, filterable grid, edited cell by cell the way
 * business managers keep their spreadsheets (the ARIA grid pattern): arrow
 * keys, Home/End and PageUp/PageDown move; Enter or F2 edits, typing starts
 * editing a text cell, Enter or Tab saves, Escape cancels. Edits go through
 * the Plan API; a RAG chosen here is recorded as a progress update, as the
 * plan keeps RAG. Which actions match a filter is the core's answer.
 */
export class RegisterView extends LitElement {
  static override properties = {
    plan: { attribute: false },
    snapshot: { attribute: false },
    readonly: { type: Boolean },
    author: {},
    today: {},
    sortBy: { state: true },
    descending: { state: true },
    filter: { state: true },
    editing: { state: true },
    limit: { state: true },
    problem: { state: true },
  };
  plan!: Plan;
  snapshot!: PlanSnapshot;
  readonly = false;
  /** Who signs a progress update made by choosing a RAG here. */
  author = '';
  today = localToday();
  sortBy: Column = 'ref';
  descending = false;
  filter: ActionFilter = {};
  /** The cell the keyboard is on. Not reactive: moving hands the tab stop over in the DOM, without drawing the grid again. */
  active: CellAt = { row: null, col: 0 };
  /** The cell being edited, what it held when editing began (`seen`), and what the person has typed so far. */
  editing: (CellAt & { row: string; seen: string; draft: string }) | null = null;
  limit = ROWS_AT_A_TIME;
  /** Why the last edit was refused, shown beside the grid until the next edit. */
  problem = '';
  /** The rows as last drawn, in order, for moving between them. */
  private shown: ActionInContext[] = [];
  private observer: IntersectionObserver | null = null;
  /** The one cell Tab reaches (the roving tab stop), as last drawn. */
  private tabStop: CellAt = { row: null, col: 0 };

  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .help { margin: 0.5rem 0; max-width: 60rem; }
    /* The filters on one row where they fit, each as wide as its choices. */
    .filters { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
    .filters label { display: flex; flex-direction: column; font-size: 0.9rem; }
    .filters select { width: auto; max-width: 100%; }
    .same { color: #505a5f; white-space: nowrap; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem; text-align: left; vertical-align: top; }
    td[aria-readonly='true'] { color: #0b0c0c; }
    td:focus, th button:focus { outline: 3px solid #ffdd00; outline-offset: -3px; box-shadow: inset 0 0 0 5px #0b0c0c; }
    td.editing { padding: 0.1rem; }
    th button { font: inherit; font-weight: 700; background: none; border: none; min-height: 44px; cursor: pointer; padding: 0; text-align: left; color: #0b0c0c; }
    caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
    input, select { font: inherit; min-height: 44px; width: 100%; box-sizing: border-box; border: 2px solid #0b0c0c; }
    .timescale { color: #505a5f; }
    .problem { background: #fff2d6; border-left: 5px solid #942514; padding: 0.5rem 1rem; font-weight: 700; }
    .more { padding: 0.5rem; color: #505a5f; }
    leads-combobox { display: block; position: relative; min-width: 12rem; }
    leads-combobox ul { position: absolute; z-index: 2; left: 0; right: 0; margin: 0; padding: 0; list-style: none; background: #fff; border: 2px solid #0b0c0c; }
    leads-combobox li { padding: 0.6rem 0.5rem; cursor: pointer; }
    leads-combobox li[aria-selected='true'] { background: #1d4f91; color: #fff; }
    .lead-new { margin: 0.2rem 0 0; font-size: 0.85rem; }
    .lead-new:empty { display: none; }
    /* Heard, not seen: the same words as .lead-new, said once typing pauses. */
    .lead-said { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; margin: 0; }
  `,
  ];

  /** The sorted rows, kept until the plan, filter or sort changes: moving between cells must not re-sort a thousand actions. */
  private sorted: { key: [PlanSnapshot, ActionFilter, Column, boolean]; rows: ActionInContext[] } | null = null;

  private rows(): ActionInContext[] {
    const key: [PlanSnapshot, ActionFilter, Column, boolean] = [this.snapshot, this.filter, this.sortBy, this.descending];
    if (this.sorted && this.sorted.key.every((k, i) => k === key[i])) return this.sorted.rows;
    const rows = this.sortRows();
    this.sorted = { key, rows };
    return rows;
  }

  private sortRows(): ActionInContext[] {
    const rows = filterActions(this.snapshot, this.filter);
    const key = (r: ActionInContext): string | number => {
      switch (this.sortBy) {
        case 'ref':
          return r.priority.number * 1e6 + r.objective.number * 1e3 + r.action.number;
        case 'priority':
          return r.priority.number;
        case 'action':
          return r.action.text.toLowerCase();
        case 'leads':
          return r.action.leads
            .map((l) => l.name)
            .join(', ')
            .toLowerCase();
        case 'timescale':
          return r.action.timescale.text.toLowerCase();
        case 'due':
          return actionDue(r.action) ?? '9999';
        case 'status':
          return r.action.status;
        case 'rag':
          return RAG_VALUES.indexOf(r.action.rag ?? ('none' as never));
      }
    };
    return [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (this.descending ? -1 : 1);
    });
  }

  private sort(column: Column): void {
    if (this.sortBy === column) this.descending = !this.descending;
    else {
      this.sortBy = column;
      this.descending = false;
    }
  }

  // ---- Moving ------------------------------------------------------------

  private rowIndex(row: string | null): number {
    return row === null ? -1 : this.shown.findIndex((r) => r.action.id === row);
  }

  /** The element that takes focus for a cell: the sort button in the header, the cell itself below. */
  private cellElement(at: CellAt): HTMLElement | null {
    if (at.row === null) return this.renderRoot.querySelector(`th[aria-colindex="${at.col + 1}"] button`);
    return this.renderRoot.querySelector(`td[data-row="${at.row}"][data-col="${at.col}"]`);
  }

  private async focusCell(at: CellAt): Promise<void> {
    const from = this.cellElement(this.tabStop);
    this.active = at;
    let to = this.cellElement(at);
    if (!to) {
      this.requestUpdate();
      await this.updateComplete;
      to = this.cellElement(at);
    }
    if (from && from !== to) from.tabIndex = -1;
    if (!to) return;
    to.tabIndex = 0;
    this.tabStop = at;
    to.focus();
  }

  private move(rows: number, cols: number, absolute?: { row?: 'first' | 'last'; col?: 'first' | 'last' }): void {
    let index = this.rowIndex(this.active.row);
    if (absolute?.row === 'first') index = this.shown.length ? 0 : -1;
    else if (absolute?.row === 'last') index = this.shown.length - 1;
    else index = Math.max(-1, Math.min(this.shown.length - 1, index + rows));
    let col = this.active.col + cols;
    if (absolute?.col === 'first') col = 0;
    if (absolute?.col === 'last') col = COLUMNS.length - 1;
    col = Math.max(0, Math.min(COLUMNS.length - 1, col));
    if (index >= this.limit - 5) this.limit = index + ROWS_AT_A_TIME;
    void this.focusCell({ row: index < 0 ? null : this.shown[index]!.action.id, col });
  }

  /** A cell (or header button) took focus by mouse or by Tab: the keyboard continues from there. */
  private focusIn(e: FocusEvent): void {
    const cell = (e.target as HTMLElement).closest('td[data-row], th[aria-colindex]') as HTMLElement | null;
    if (!cell) return;
    const at: CellAt = cell.tagName === 'TH' ? { row: null, col: Number(cell.getAttribute('aria-colindex')) - 1 } : { row: cell.dataset.row!, col: Number(cell.dataset.col) };
    if (at.row === this.tabStop.row && at.col === this.tabStop.col) return;
    const from = this.cellElement(this.tabStop);
    const to = this.cellElement(at);
    if (from && from !== to) from.tabIndex = -1;
    if (to) to.tabIndex = 0;
    this.active = at;
    this.tabStop = at;
  }

  private keyDown(e: KeyboardEvent): void {
    if (this.editing) return this.editorKey(e);
    this.active = this.tabStop;
    const { row, col } = this.active;
    const moves: Record<string, () => void> = {
      ArrowUp: () => this.move(-1, 0),
      ArrowDown: () => this.move(1, 0),
      ArrowLeft: () => this.move(0, -1),
      ArrowRight: () => this.move(0, 1),
      PageUp: () => this.move(-PAGE, 0),
      PageDown: () => this.move(PAGE, 0),
      Home: () => this.move(0, 0, e.ctrlKey ? { row: 'first', col: 'first' } : { col: 'first' }),
      End: () => this.move(0, 0, e.ctrlKey ? { row: 'last', col: 'last' } : { col: 'last' }),
    };
    const go = moves[e.key];
    if (go) {
      e.preventDefault();
      go();
      return;
    }
    if (row === null) return; // the header's buttons sort on Enter and Space themselves
    const editor = COLUMNS[col]!.editor;
    if (!editor || this.readonly) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      void this.startEditing(row, col, null);
    } else if ((editor === 'text' || editor === 'leads') && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing into a cell replaces what is there, as in a spreadsheet.
      e.preventDefault();
      void this.startEditing(row, col, e.key);
    }
  }

  // ---- Editing -----------------------------------------------------------

  private cellValue(row: string, col: number): string {
    const a = this.shown.find((r) => r.action.id === row)?.action;
    if (!a) return '';
    switch (COLUMNS[col]!.id) {
      case 'action':
        return a.text;
      case 'timescale':
        return a.timescale.text;
      case 'leads':
        return a.leads.map((l) => l.name).join(', ');
      case 'due':
        return a.timescale.due?.end ?? '';
      case 'status':
        return a.status;
      case 'rag':
        return a.rag ?? '';
      default:
        return '';
    }
  }

  private async startEditing(row: string, col: number, typed: string | null): Promise<void> {
    this.problem = '';
    const seen = this.cellValue(row, col);
    this.editing = { row, col, seen, draft: typed ?? seen };
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('.editor') as HTMLInputElement | HTMLSelectElement | HTMLElement | null;
    editor?.focus();
    if (editor instanceof HTMLInputElement && editor.type === 'text') editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  private editorKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      const at = this.editing!;
      this.editing = null;
      this.problem = '';
      void this.focusCell({ row: at.row, col: at.col });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.commit(1, 0);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.commit(0, e.shiftKey ? -1 : 1);
    }
  }

  /**
   * Saves the cell being edited through the Plan API, then moves as a
   * spreadsheet does; a refused edit stays open with the reason, nothing typed
   * lost. Text is saved as the words changed since the cell was opened, so a
   * partner's change to other words of it meanwhile is kept.
   */
  private commit(rows: number, cols: number, focus = true): void {
    const at = this.editing;
    if (!at) return;
    const { draft, seen } = at;
    const id = at.row;
    const refused =
      draft === seen
        ? ''
        : tryPlanCall(() => {
            switch (COLUMNS[at.col]!.id) {
              case 'action':
                return this.plan.reviseText('action', id, 'text', seen, draft);
              case 'timescale':
                return this.plan.reviseText('action', id, 'timescale', seen, draft);
              case 'leads':
                // Names from the registry are matched to it; a new name joins it.
                return this.plan.nameLeads(id, draft.split(','));
              case 'due':
                // The due date chosen becomes the timescale's words, the UK way ("By 30 June 2016"); an emptied date changes nothing.
                if (draft) this.plan.update('action', id, { timescale: `By ${formatUkDate(draft)}` });
                return;
              case 'status':
                return this.plan.update('action', id, { status: draft as ActionStatus });
              case 'rag': {
                // The plan keeps RAG on progress updates: choosing one here records an update saying so.
                const rag = draft as Rag;
                const current = this.plan.get('action', id)?.status ?? 'not-started';
                this.plan.recordProgress(id, { date: localToday(), author: this.author, rag, narrative: `RAG set to ${RAG_LABELS[rag]} in the register.` }, statusAfterProgress(rag, current));
              }
            }
          });
    if (refused) {
      this.problem = refused;
      return;
    }
    this.editing = null;
    this.active = { row: at.row, col: at.col };
    if (focus) this.move(rows, cols);
  }

  /** Leaving an open editor by mouse saves it, as a spreadsheet does. */
  private editorBlur(): void {
    if (this.editing) this.commit(0, 0, false);
  }

  // ---- Drawing -----------------------------------------------------------

  override render() {
    const rows = this.rows();
    this.shown = rows;
    const drawn = rows.slice(0, this.limit);
    // The roving tab stop must be on a cell that is drawn: the first row's when the active row was filtered away.
    this.tabStop = this.active.row !== null && this.rowIndex(this.active.row) < 0 ? { row: drawn[0]?.action.id ?? null, col: this.active.col } : this.active;
    const total = this.total();
    return html`
      <action-filters .snapshot=${this.snapshot} .today=${this.today} @filter-change=${(e: CustomEvent<ActionFilter>) => (this.filter = e.detail)}></action-filters>
      <p class="help" id="grid-help">${
        this.readonly
          ? 'You can read this register, not change it. Arrow keys move between cells.'
          : 'Arrow keys move between cells. To change a cell, press Enter or F2, or start typing; Enter or Tab saves, Escape cancels. Leads are separated by commas: as you type one, the registry’s names are suggested (Down and Up choose, Enter takes it); a new name is added to the registry.'
      }</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <div class="scroll">
        <table role="grid" aria-labelledby="grid-caption" aria-describedby="grid-help" aria-rowcount=${rows.length + 1} aria-colcount=${COLUMNS.length} aria-readonly=${this.readonly ? 'true' : 'false'}
          @keydown=${this.keyDown} @focusin=${this.focusIn} @dblclick=${this.doubleClick}>
          <caption id="grid-caption">${rows.length} of ${total} actions</caption>
          <thead><tr aria-rowindex="1">${COLUMNS.map(
            (c, i) => html`<th scope="col" aria-colindex=${i + 1} aria-sort=${this.sortBy === c.id ? (this.descending ? 'descending' : 'ascending') : 'none'}>
              <button tabindex=${this.tabStop.row === null && this.tabStop.col === i ? 0 : -1} @click=${() => this.sort(c.id)}>${c.label}</button></th>`,
          )}</tr></thead>
          <tbody>${repeat(
            drawn,
            (r) => r.action.id,
            (r, i) => html`<tr aria-rowindex=${i + 2}>${COLUMNS.map((c, ci) => this.cell(r, c, ci, drawn[i - 1]))}</tr>`,
          )}</tbody>
        </table>
        ${drawn.length < rows.length ? html`<p class="more">Showing ${drawn.length} of ${rows.length} rows; scroll or move down for more.</p>` : nothing}
      </div>`;
  }

  private counted: { snapshot: PlanSnapshot; total: number } | null = null;

  /** How many actions the plan has, counted once per snapshot. */
  private total(): number {
    if (this.counted?.snapshot !== this.snapshot) this.counted = { snapshot: this.snapshot, total: listActions(this.snapshot).length };
    return this.counted.total;
  }

  /** `above`: the row drawn above, whose priority's title is not repeated. */
  private cell(r: ActionInContext, c: (typeof COLUMNS)[number], ci: number, above?: ActionInContext) {
    const a = r.action;
    const ref = `${r.priority.number}.${r.objective.number}.${a.number}`;
    const editing = this.editing && this.editing.row === a.id && this.editing.col === ci ? this.editing : null;
    const editable = !!c.editor && !this.readonly;
    return html`<td role="gridcell" class=${editing ? 'editing' : ''} data-row=${a.id} data-col=${ci} aria-colindex=${ci + 1} tabindex=${this.tabStop.row === a.id && this.tabStop.col === ci ? 0 : -1}
      aria-readonly=${editable ? 'false' : 'true'}>${editing ? this.editor(c.editor!, editing.draft, `${c.label} of action ${ref}`) : this.display(r, c.id, ref, above)}</td>`;
  }

  private display(r: ActionInContext, column: Column, ref: string, above?: ActionInContext) {
    const a = r.action;
    switch (column) {
      case 'ref':
        return ref;
      case 'priority':
        // Its title once, on the first of its rows; the rows under it say only which priority.
        return above?.priority.id === r.priority.id ? html`<span class="same">Priority ${r.priority.number}</span>` : html`Priority ${r.priority.number}: ${r.priority.title}`;
      case 'action':
        return a.text;
      case 'leads':
        return a.leads.map((l) => l.name).join(', ');
      case 'timescale':
        return html`<span class="timescale">${a.timescale.text}</span>`;
      case 'due': {
        const due = actionDue(a);
        return due ? formatUkDate(due) : '';
      }
      case 'status':
        return ACTION_STATUS_LABELS[a.status];
      case 'rag':
        return html`<rag-badge .rag=${a.rag}></rag-badge>`;
    }
  }

  private editor(kind: Editor, draft: string, label: string) {
    const input = (e: Event) => {
      if (this.editing) this.editing = { ...this.editing, draft: (e.target as HTMLInputElement | HTMLSelectElement).value };
    };
    const invalid = this.problem ? 'true' : 'false';
    switch (kind) {
      case 'text':
        return html`<input class="editor" type="text" aria-label=${label} aria-invalid=${invalid} .value=${draft} @input=${input} @blur=${this.editorBlur} />`;
      case 'leads':
        return html`<leads-combobox class="editor" label=${label} invalid=${invalid} .value=${draft} .names=${this.snapshot.leads.map((l) => l.name)}
          @value-change=${(e: CustomEvent<string>) => this.editing && ((this.editing = { ...this.editing, draft: e.detail }))} @focusout=${this.editorBlur}></leads-combobox>`;
      case 'date':
        return html`<input class="editor" type="date" aria-label=${label} aria-invalid=${invalid} .value=${draft} @input=${input} @blur=${this.editorBlur} />`;
      case 'status':
        return html`<select class="editor" aria-label=${label} @change=${input} @blur=${this.editorBlur}>
          ${ACTION_STATUSES.map((s) => html`<option value=${s} ?selected=${s === draft}>${ACTION_STATUS_LABELS[s]}</option>`)}</select>`;
      case 'rag':
        return html`<select class="editor" aria-label=${label} @change=${input} @blur=${this.editorBlur}>
          <option value="" ?selected=${!draft} disabled>Choose a RAG rating</option>
          ${RAG_VALUES.map((v) => html`<option value=${v} ?selected=${v === draft}>${RAG_LABELS[v]}</option>`)}</select>`;
    }
  }

  private doubleClick(e: MouseEvent): void {
    const cell = (e.target as HTMLElement).closest('td[data-row]') as HTMLElement | null;
    if (!cell || this.readonly || this.editing) return;
    const col = Number(cell.dataset.col);
    if (COLUMNS[col]!.editor) void this.startEditing(cell.dataset.row!, col, null);
  }

  /** More rows are drawn as the end of those drawn scrolls into view. */
  override updated(): void {
    const last = this.renderRoot.querySelector('tbody tr:last-child');
    this.observer?.disconnect();
    if (!last || this.limit >= this.shown.length) return;
    this.observer ??= new IntersectionObserver((entries) => {
      if (entries.some((x) => x.isIntersecting)) this.limit += ROWS_AT_A_TIME;
    });
    this.observer.observe(last);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }
}
customElements.define('register-view', RegisterView);
