import { css, html, LitElement, nothing } from 'lit';
import type { Plan, SearchHit } from '@coplan/core';
import { focusField } from '../editing/find-field.js';
import { TypingUndo } from '../editing/typing-undo.js';
import { formStyles } from './shared-styles.js';
import type { PlanDetails } from './plan-details.js';

/** At most this many results are listed; the count says how many there are in all. */
const SHOWN = 50;

/** How long the plan must be still, while results are shown, before they are shown again (ms): never on a keystroke's path. */
const SETTLE_MS = 300;

/** Fields shown in "About this plan" rather than in the plan's tree. */
const IN_DETAILS = new Set(['partnership', 'context', 'consultation']);
const PLAN_FIELDS_ON_TOP = new Set(['title', 'vision']);

/**
 * Search across the whole plan: type words, see where they are (each result
 * names its place, "Action 1.2.3", with the words around the match), and
 * follow a result to put the caret in that field. The core finds; this shows.
 *
 * It costs nothing while its box is empty. While results are shown, an edit
 * anywhere in the plan (this person's typing too) brings them up to date
 * once the plan has been still for a moment, never within the keystroke; the
 * core's search then re-reads only the items changed since (`Plan.search`).
 */
export class PlanSearch extends LitElement {
  static override properties = {
    plan: { attribute: false },
    query: { state: true },
    notFound: { state: true },
  };
  plan!: Plan;
  query = '';
  /** Said when a result's field is not on screen (a filter hides it). */
  notFound = '';

  static override styles = [
    formStyles,
    css`
      :host { display: block; margin: 1rem 0; }
      label { font-size: 0.9rem; }
      form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      label { flex: 1 1 20rem; }
      input[type='search'] { width: 100%; box-sizing: border-box; }
      ol { margin: 0.5rem 0; padding-left: 1.5rem; max-height: 24rem; overflow: auto; }
      li { margin: 0.35rem 0; }
      a { color: #1d70b8; font-weight: 600; }
      mark { background: #ffdd00; color: #0b0c0c; }
      .excerpt { display: block; color: #383f43; }
    `,
  ];

  /** The box's own undo: its results are drawn between keystrokes, which breaks up the browser's (a letter or two at a time). */
  private readonly history = new TypingUndo((value) => {
    this.query = value;
    this.notFound = '';
  });

  /** The plan changed since the results were worked out. */
  private changedSince = false;
  private settle = 0;
  private off: (() => void) | null = null;
  private listening: Plan | null = null;

  private hitsFor: { plan: Plan; query: string; hits: SearchHit[] } | null = null;
  /** The results, worked out once per query and change: the core re-reads only what changed. */
  private get hits(): SearchHit[] {
    if (this.changedSince || this.hitsFor?.plan !== this.plan || this.hitsFor.query !== this.query) {
      this.hitsFor = { plan: this.plan, query: this.query, hits: this.plan.search(this.query) };
      this.changedSince = false;
    }
    return this.hitsFor.hits;
  }

  protected override willUpdate(): void {
    if (this.plan !== this.listening) {
      this.off?.();
      this.listening = this.plan;
      this.off = this.plan?.onChange(this.planChanged) ?? null;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
    this.off = null;
    this.listening = null;
    clearTimeout(this.settle);
  }

  /** Per change, only a flag; with results on screen, a look again once the plan is still. */
  private readonly planChanged = (): void => {
    this.changedSince = true;
    if (!this.query.trim()) return;
    clearTimeout(this.settle);
    this.settle = window.setTimeout(() => this.requestUpdate(), SETTLE_MS);
  };

  /** Moves the caret to where a result is: the action a progress update or lead belongs to, a plan-level field in "About this plan". */
  private async go(e: Event, hit: SearchHit): Promise<void> {
    e.preventDefault();
    this.notFound = '';
    const root = this.getRootNode() as ShadowRoot | Document;
    const inDetails = IN_DETAILS.has(hit.kind) || (hit.kind === 'plan' && !PLAN_FIELDS_ON_TOP.has(hit.field));
    if (inDetails) await (root.querySelector('plan-details') as PlanDetails | null)?.reveal();
    const item = hit.item !== undefined ? this.plan.listOf(hit.kind, hit.id, hit.field)[hit.item] : undefined;
    // A progress update, milestone or lead is shown with its action: the caret goes to the action's text.
    const target =
      hit.actionId && (hit.kind !== 'action' || hit.field === 'leads')
        ? { kind: 'action', id: hit.actionId, field: 'text' }
        : hit.kind === 'partnership' || hit.field === 'versionLabel'
          ? null
          : { kind: hit.kind, id: hit.id, field: hit.field, item: item ?? null };
    // The words found are selected where the caret goes to the field that holds them.
    const words = target && target.id === hit.id && target.field === hit.field ? hit.excerpt.match : '';
    let found = target ? await focusField(root, target, words) : await this.focusInput(root, hit);
    // A field without a box of its own (a priority's lead group, say): the item's own text.
    if (!found && (hit.kind === 'priority' || hit.kind === 'objective')) found = await focusField(root, { kind: hit.kind, id: hit.id, field: hit.kind === 'priority' ? 'title' : 'text' });
    if (!found) this.notFound = `${hit.where} is not on screen now: clear the action filter, or open the Plan view, then choose the result again.`;
  }

  /** A partnership's name and the version label are ordinary inputs in "About this plan". */
  private async focusInput(root: ShadowRoot | Document, hit: SearchHit): Promise<boolean> {
    const details = (root.querySelector('plan-details') as PlanDetails | null)?.shadowRoot;
    const index = this.plan.childIds('partnership', null).indexOf(hit.id);
    const input = hit.kind === 'partnership' ? details?.querySelectorAll<HTMLInputElement>('.partnership input')[index * 2] : details?.querySelector<HTMLInputElement>('#version-label');
    input?.focus();
    return !!input;
  }

  override render() {
    const hits = this.query.trim() ? this.hits : [];
    return html`
      <form role="search" aria-label="Search this plan" @submit=${(e: Event) => e.preventDefault()}>
        <label for="plan-search">Search this plan
          <input id="plan-search" type="search" autocomplete="off" .value=${this.query} @beforeinput=${this.history.beforeInput} @compositionend=${this.history.compositionEnd} @input=${(e: Event) => {
            this.history.afterInput(e);
            this.query = (e.target as HTMLInputElement).value;
            this.notFound = '';
          }} @keydown=${(e: KeyboardEvent) => {
            this.history.keyDown(e);
            if (e.key !== 'Escape' || !this.query) return;
            this.history.record(e.target as HTMLInputElement);
            this.query = '';
          }} />
        </label>
      </form>
      <div role="status" aria-live="polite">${this.query.trim() ? html`<p>${hits.length === 0 ? 'Nothing in this plan matches.' : hits.length === 1 ? '1 place matches.' : `${hits.length} places match${hits.length > SHOWN ? `; the first ${SHOWN} are listed` : ''}.`}</p>` : nothing}</div>
      ${this.notFound ? html`<p class="message" role="alert">${this.notFound}</p>` : nothing}
      ${
        hits.length
          ? html`<ol aria-label="Search results">${hits.slice(0, SHOWN).map(
              (h) => html`<li><a href="#" @click=${(e: Event) => this.go(e, h)}>${h.where}</a>
                <span class="excerpt">${h.excerpt.before}<mark>${h.excerpt.match}</mark>${h.excerpt.after}</span></li>`,
            )}</ol>`
          : nothing
      }
    `;
  }
}
customElements.define('plan-search', PlanSearch);
