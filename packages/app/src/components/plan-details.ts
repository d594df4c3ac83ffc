import { css, html, LitElement, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { formatUkDate, PLAN_STATUS_LABELS, PLAN_STATUSES, PlanError, type Plan, type PlanSnapshot, type PlanStatus } from '@coplan/core';
import { Follow } from '../state/follow.js';
import { tryPlanCall } from '../state/plan-call.js';
import { openPlanContext, planContext } from '../state/plan-context.js';
import { formStyles } from './shared-styles.js';
import './editable-text.js';
import { UndoMoveWatch } from '../state/undo-move-watch.js';
import { whenDrawn } from './when-drawn.js';

/** The plan's list fields this view edits, with how one entry is named. */
const LISTS = [
  { field: 'principles', heading: 'Principles', one: 'principle' },
  { field: 'statutoryObjectives', heading: 'Statutory objectives', one: 'statutory objective' },
] as const;

/**
 * "About this plan": everything plan-level the plan holds, seen and edited in
 * one place — period, status, version label, partnerships, principles,
 * introduction, statutory objectives, context statements (a Covid-19
 * statement, say), the consultation plan and the review schedule. The title and vision are edited at
 * the top of the plan. Text is edited live with partners; a viewer sees it all
 * and can change nothing. The plan, partners' presence and whether it is
 * read only come from the plan view through context, as does the plan as
 * last read, which it follows.
 */
export class PlanDetails extends LitElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    message: { state: true },
    removed: { state: true },
  };
  private readonly scope = new ContextConsumer(this, { context: planContext, subscribe: true });
  private readonly openPlan = new ContextConsumer(this, { context: openPlanContext });
  /** Whether the details are shown (they start folded away under the plan's title). */
  open = false;
  /** The refusal of the last change: the core's words, or the app's for a period (see savePeriod). */
  message = '';
  /** What the last removal took away, and how to undo it: said politely. */
  removed = '';

  static override styles = [
    formStyles,
    css`
      :host { display: block; margin: 0.5rem 0; }
      /* Printed: closed, it is only a control; open, its words without their buttons. */
      @media print { details:not([open]) { display: none; } summary { list-style: none; } summary::-webkit-details-marker { display: none; } button { display: none; } }
      details { border: 1px solid #b1b4b6; border-radius: 4px; }
      summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; padding: 0 0.75rem; font-weight: 700; }
      summary:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 5px #0b0c0c; }
      .body { padding: 0 1rem 1rem; }
      h3 { font-size: 1.1rem; margin: 1.25rem 0 0.4rem; }
      .row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
      .row label { flex: 1 1 12rem; }
      .said { color: #383f43; margin: 0.4rem 0 0; }
      ol, ul { margin: 0; padding-left: 1.5rem; }
      li { margin: 0.3rem 0; }
      .entry { display: flex; gap: 0.5rem; align-items: start; }
      .entry editable-text { flex: 1; }
      .context { border-left: 3px solid #b1b4b6; padding-left: 0.75rem; margin: 0.75rem 0; }
      .field-label { font-weight: 600; font-size: 0.9rem; color: #505a5f; }
      form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-top: 0.5rem; }
      .partnership { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.4rem 0; }
      .removed p { background: #e8f1f8; border-left: 5px solid #1d70b8; padding: 0.5rem 1rem; margin: 0.5rem 0 0; }
    `,
  ];

  constructor() {
    super();
    new Follow(this, () => this.openPlan.value?.snapshots);
  }

  private get plan(): Plan {
    return this.scope.value!.plan;
  }

  private get snapshot(): PlanSnapshot {
    return this.openPlan.value!.snapshots.snapshot!;
  }

  private get awareness(): Awareness | null {
    return this.scope.value?.awareness ?? null;
  }

  private get readonly(): boolean {
    return this.scope.value?.readonly ?? true;
  }

  /** Opens the details and waits until they are on screen: search uses it before moving focus into them. */
  async reveal(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  private run(fn: () => void): boolean {
    this.removed = '';
    this.periodRefused = false;
    this.message = tryPlanCall(fn);
    return !this.message;
  }

  /**
   * The person has finished with a date of the period (left it, or pressed
   * Enter): the period is saved once both ends are given, and cleared once
   * both are emptied. Not on the date's `change`: Chromium fires that for
   * every whole date on the way while a date is typed (01/01/2016 on the way
   * to 01/01/2015), which would save days nobody meant. A refused period
   * stays in the boxes as typed, with the refusal above them.
   */
  private periodDone(): void {
    if (this.readonly) return;
    const startBox = this.renderRoot.querySelector('#period-start') as HTMLInputElement;
    const endBox = this.renderRoot.querySelector('#period-end') as HTMLInputElement;
    const half = [startBox, endBox].find((box) => box.validity.badInput);
    if (half) {
      this.periodRefused = true;
      this.message = `The day the plan’s period ${half === startBox ? 'starts' : 'ends'} is not a whole date yet: give its day, month and year.`;
      return;
    }
    const start = startBox.value;
    const end = endBox.value;
    const saved = this.snapshot.period;
    if (start === (saved?.start ?? '') && end === (saved?.end ?? '')) {
      if (this.periodRefused) this.message = '';
      this.periodRefused = false;
      return;
    }
    this.periodRefused = true;
    if (start && end) this.savePeriod({ start, end });
    else if (!start && !end) this.savePeriod(null);
    else this.message = `Give the day the plan’s period ${start ? 'ends' : 'starts'} as well: the period is saved when it has both.`;
  }

  /** Whether the refusal shown is about the period (so a period put back as saved clears it). */
  private periodRefused = false;

  /** Saves the period; an end before the start is refused in the words people use, with UK dates (the core's words are for developers). */
  private savePeriod(period: { start: string; end: string } | null): void {
    this.removed = '';
    try {
      this.plan.updatePlan({ period });
      this.message = '';
      this.periodRefused = false;
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      this.message =
        period && e.code === 'invalid-date' && e.details.field === 'period'
          ? `The period cannot end (${formatUkDate(period.end)}) before it starts (${formatUkDate(period.start)}): choose an end on or after the start.`
          : e.message;
    }
  }

  private readonly periodKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') this.periodDone();
  };

  /**
   * Removes one entry of a section (`section` names its remove buttons and
   * its add button), then puts focus on the entry now in its place, else the
   * one before, else the section's add button, never the page; and says what
   * was removed. Ctrl+Z (the plan's undo, this person's last step) brings it
   * back: each removal is an undo step of its own, and the words go as soon
   * as this person's undo history changes (another change, or the undo), so
   * "Press Ctrl+Z to undo" is never shown when it is no longer true.
   */
  private async removeEntry(e: Event, section: string, index: number, words: string, fn: () => void): Promise<void> {
    const button = e.currentTarget as HTMLElement;
    if (!this.run(fn)) return;
    let undoChanged = false;
    this.undoMoves.watch(this.plan, () => {
      undoChanged = true;
      this.removed = '';
    });
    // The plan is read again at the next frame, and the entry's controls go once it has been.
    await whenDrawn(this, () => !button.isConnected);
    if (document.activeElement === document.body || !document.activeElement) {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>(`[data-remove="${section}"]`)];
      (buttons[index] ?? buttons[index - 1] ?? this.renderRoot.querySelector<HTMLElement>(`[data-add="${section}"]`))?.focus();
    }
    if (!undoChanged) this.removed = `${words} Press Ctrl+Z to undo.`;
  }

  /** The undo history's next change clears what a removal said. */
  private readonly undoMoves = new UndoMoveWatch(this);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removed = '';
  }

  /** Adds an empty entry to a list and puts the caret in it. */
  private async addEntry(field: string): Promise<void> {
    let added: Y.Text | null = null;
    if (!this.run(() => (added = this.plan.addListItem('plan', '', field)))) return;
    this.requestUpdate();
    await this.updateComplete;
    const boxes = [...this.renderRoot.querySelectorAll<HTMLElement & { item: Y.Text | null }>(`editable-text[field="${field}"]`)];
    const box = boxes.find((b) => b.item === added);
    await (box as unknown as LitElement | undefined)?.updateComplete;
    (box?.shadowRoot?.querySelector('[role="textbox"]') as HTMLElement | null)?.focus();
  }

  private addPartnership(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const shortName = String(data.get('shortName') ?? '').trim();
    if (this.run(() => this.plan.create('partnership', { name: String(data.get('name') ?? ''), ...(shortName ? { shortName } : {}) }))) form.reset();
  }

  private addContext(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    let id = '';
    if (!this.run(() => (id = this.plan.create('context', { title: String(new FormData(form).get('title') ?? '') })))) return;
    form.reset();
    // The title is written: the caret goes on to the statement itself (its label names it), rather than staying on a button a key would press again.
    void this.focusNew('context', id, 'text');
  }

  private addConsultation(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    let id = '';
    if (!this.run(() => (id = this.plan.create('consultation', { who: String(new FormData(form).get('who') ?? '') })))) return;
    form.reset();
    void this.focusNew('consultation', id, 'when');
  }

  /** Puts the caret in a field of an entry just added, once it is drawn. */
  private async focusNew(kind: string, id: string, field: string): Promise<void> {
    const box = await whenDrawn(this, () =>
      [...this.renderRoot.querySelectorAll<HTMLElement & { entityId?: string }>(`editable-text[kind="${kind}"][field="${field}"]`)]
        .find((b) => b.entityId === id)
        ?.shadowRoot?.querySelector<HTMLElement>('[role="textbox"]'),
    );
    box?.focus();
  }

  override render() {
    if (!this.scope.value || !this.openPlan.value?.snapshots.snapshot) return nothing;
    const s = this.snapshot;
    const ro = this.readonly;
    return html`<details ?open=${this.open} @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
      <summary>About this plan: period, status, partnerships, principles and context</summary>
      ${this.open ? this.renderBody(s, ro) : nothing}
    </details>`;
  }

  private renderBody(s: PlanSnapshot, ro: boolean) {
    // Empty, a box shows what goes in it: an empty box with no border or words cannot be seen.
    const text = (field: string, label: string, placeholder = '') =>
      html`<editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="plan" field=${field} label=${label} placeholder=${placeholder}></editable-text>`;
    return html`<div class="body">
      ${this.message ? html`<p class="message" role="alert" id="details-message">${this.message}</p>` : nothing}
      <div class="removed" role="status">${this.removed ? html`<p>${this.removed}</p>` : nothing}</div>
      <h3>Period, status and version</h3>
      <div class="row">
        <label for="period-start">Period starts <input id="period-start" type="date" ?readonly=${ro} .value=${s.period?.start ?? ''} @focusout=${this.periodDone} @keydown=${this.periodKey} aria-invalid=${this.message && this.periodRefused ? 'true' : nothing} aria-describedby=${this.message && this.periodRefused ? 'details-message' : nothing} /></label>
        <label for="period-end">Period ends <input id="period-end" type="date" ?readonly=${ro} .value=${s.period?.end ?? ''} @focusout=${this.periodDone} @keydown=${this.periodKey} aria-invalid=${this.message && this.periodRefused ? 'true' : nothing} aria-describedby=${this.message && this.periodRefused ? 'details-message' : nothing} /></label>
        <label for="status">Plan status
          <select id="status" ?disabled=${ro} @change=${(e: Event) => this.run(() => this.plan.updatePlan({ status: (e.target as HTMLSelectElement).value as PlanStatus }))}>
            ${PLAN_STATUSES.map((st) => html`<option value=${st} ?selected=${st === s.status}>${PLAN_STATUS_LABELS[st]}</option>`)}
          </select>
        </label>
        <label for="version-label">Version label
          <input id="version-label" ?readonly=${ro} .value=${s.versionLabel} placeholder="e.g. V1.1" @change=${(e: Event) => this.run(() => this.plan.updatePlan({ versionLabel: (e.target as HTMLInputElement).value.trim() }))} />
        </label>
      </div>
      <p class="said" data-testid="period-words">${s.period ? `The plan runs from ${formatUkDate(s.period.start)} to ${formatUkDate(s.period.end)}.` : 'The plan has no period yet.'}</p>

      <h3 id="partnerships-heading">Partnerships</h3>
      <div role="group" aria-labelledby="partnerships-heading">
        ${s.partnerships.length === 0 ? html`<p>No partnership is named yet.</p>` : nothing}
        ${repeat(
          s.partnerships,
          (p) => p.id,
          (p, i) => html`<div class="partnership">
            <label>Partnership ${i + 1}
              <input ?readonly=${ro} .value=${p.name} @change=${(e: Event) => this.run(() => this.plan.update('partnership', p.id, { name: (e.target as HTMLInputElement).value }))} />
            </label>
            <label>Short name of partnership ${i + 1}
              <input ?readonly=${ro} .value=${p.shortName} @change=${(e: Event) => this.run(() => this.plan.update('partnership', p.id, { shortName: (e.target as HTMLInputElement).value.trim() }))} />
            </label>
            ${
              ro
                ? nothing
                : html`<button data-remove="partnership" @click=${(e: Event) => this.removeEntry(e, 'partnership', i, `${p.name || `Partnership ${i + 1}`} removed from the partnerships.`, () => this.plan.delete('partnership', p.id))}>Remove ${p.name}</button>`
            }
          </div>`,
        )}
        ${
          ro
            ? nothing
            : html`<form @submit=${this.addPartnership} aria-label="Add a partnership">
              <label>New partnership’s name <input name="name" required /></label>
              <label>Short name (optional) <input name="shortName" /></label>
              <button type="submit" data-add="partnership">Add the partnership</button>
            </form>`
        }
      </div>

      ${this.renderList(LISTS[0], ro)}
      <h3>Introduction</h3>
      ${text('introduction', 'Introduction', 'What the plan is for and how it was agreed')}
      ${this.renderList(LISTS[1], ro)}

      <h3>Context statements</h3>
      ${s.contextStatements.length === 0 ? html`<p>No context statement yet (for example, how Covid-19 changed the year’s work).</p>` : nothing}
      ${repeat(
        s.contextStatements,
        (c) => c.id,
        (c, i) => html`<div class="context" role="group" aria-label=${`Context statement ${i + 1}`}>
          <div class="field-label">Title</div>
          <editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="context" .entityId=${c.id} field="title" label=${`Context statement ${i + 1} title`}></editable-text>
          <div class="field-label">Statement</div>
          <editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="context" .entityId=${c.id} field="text" label=${`Context statement ${i + 1}`} placeholder="What happened and what it changed for the partnership’s work"></editable-text>
          ${
            ro
              ? nothing
              : html`<button data-remove="context" @click=${(e: Event) => this.removeEntry(e, 'context', i, `Context statement ${i + 1}${named(c.title)} deleted.`, () => this.plan.delete('context', c.id))}>Delete context statement ${i + 1}</button>`
          }
        </div>`,
      )}
      ${
        ro
          ? nothing
          : html`<form @submit=${this.addContext} aria-label="Add a context statement">
            <label>New context statement’s title <input name="title" required placeholder="e.g. Covid-19 context statement" /></label>
            <button type="submit" data-add="context">Add the context statement</button>
          </form>`
      }

      <h3>Consultation</h3>
      ${s.consultation.length === 0 ? html`<p>No one is listed to consult yet.</p>` : nothing}
      ${repeat(
        s.consultation,
        (c) => c.id,
        (c, i) => html`<div class="context" role="group" aria-label=${`Consultation ${i + 1}`}>
          <div class="field-label">Who</div>
          <editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="consultation" .entityId=${c.id} field="who" label=${`Consultation ${i + 1}: who`}></editable-text>
          <div class="field-label">When</div>
          <editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="consultation" .entityId=${c.id} field="when" label=${`Consultation ${i + 1}: when`} placeholder="When, e.g. spring 2016"></editable-text>
          ${
            ro
              ? nothing
              : html`<button data-remove="consultation" @click=${(e: Event) => this.removeEntry(e, 'consultation', i, `Consultation ${i + 1}${named(c.who)} deleted.`, () => this.plan.delete('consultation', c.id))}>Delete consultation ${i + 1}</button>`
          }
        </div>`,
      )}
      ${
        ro
          ? nothing
          : html`<form @submit=${this.addConsultation} aria-label="Add to the consultation plan">
            <label>Who to consult <input name="who" required placeholder="e.g. All partners" /></label>
            <button type="submit" data-add="consultation">Add to the consultation plan</button>
          </form>`
      }

      <h3>Review schedule</h3>
      ${text('reviewSchedule', 'Review schedule', 'When and by whom the plan is reviewed, e.g. quarterly by the Executive Group')}
    </div>`;
  }

  /** A list field: one live text box per entry, each with its remove button, and a way to add one. */
  private renderList(list: (typeof LISTS)[number], ro: boolean) {
    // The entries' own shared texts, so each box stays on its entry when partners add or remove others.
    const entries = this.plan.listOf('plan', '', list.field);
    const One = list.one[0]!.toUpperCase() + list.one.slice(1);
    return html`<h3 id="${list.field}-heading">${list.heading}</h3>
      ${entries.length === 0 ? html`<p>No ${list.one} yet.</p>` : nothing}
      <ol aria-labelledby="${list.field}-heading">
        ${repeat(
          entries,
          (t) => t,
          (t, i) => html`<li><div class="entry">
            <editable-text ?readonly=${ro} .awareness=${this.awareness} .plan=${this.plan} kind="plan" field=${list.field} .item=${t} label=${`${One} ${i + 1}`}></editable-text>
            ${
              ro
                ? nothing
                : html`<button data-remove=${list.field} @click=${(e: Event) => this.removeEntry(e, list.field, i, `${One} ${i + 1} removed${named(t.toString())}.`, () => this.plan.removeListItem('plan', '', list.field, t))}>Remove ${list.one} ${i + 1}</button>`
            }
          </div></li>`,
        )}
      </ol>
      ${ro ? nothing : html`<button data-add=${list.field} @click=${() => this.addEntry(list.field)}>Add a ${list.one}</button>`}`;
  }
}
customElements.define('plan-details', PlanDetails);

/** An entry's words in brackets after its name, cut short when long: " (All LSCB partners)"; nothing when it has none. */
function named(words: string): string {
  const w = words.trim().replace(/\s+/g, ' ');
  return w ? ` (${w.length > 60 ? `${w.slice(0, 59).trimEnd()}…` : w})` : '';
}
