import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { localToday, PlanError, type Plan } from '@coplan/core';
import {
  comparePeriods,
  periodLabel,
  periodOf,
  periodsOfYear,
  readFigureNumber,
  rulesInWords,
  scorecardOf,
  setFigure,
  type Scorecard,
  type ScorecardIndicator,
  type ScorecardRag,
} from '@coplan/core/scorecard';
import { formStyles } from './shared-styles.js';
import { ListFocus, listKeys, stepKeys } from '../items/list-focus.js';
import { KeysHintHold } from '../items/keys-hint.js';
import { trendChart } from './trend-chart.js';
import './figures-paste-dialog.js';
import './indicator-form.js';

const RAG_WORDS: Record<ScorecardRag | 'none', string> = { green: 'Green', amber: 'Amber', red: 'Red', none: 'No RAG' };
/** Periods shown per indicator until all are asked for: a year of quarters. */
const SHOWN = 4;
const TREND_WORDS = { better: 'Better than last time', worse: 'Worse than last time', same: 'Same as last time' } as const;

/** One figure being edited: the text as typed, kept until it is saved or cancelled. */
interface Editing {
  id: string;
  period: string;
  actual: string;
  target: string;
  commentary: string;
  error: string;
}

/**
 * The Scorecard tab: the plan's indicators grouped by priority, each with a
 * trend chart (and its words), the RAG its rules give each figure (as a word
 * and a colour), and actual against target per period. Figures are edited one
 * at a time, or pasted or imported in one go through a preview. Takes the
 * core `Plan` and follows its change feed.
 */
export class ScorecardView extends LitElement {
  static override properties = {
    plan: { attribute: false },
    readonly: { type: Boolean },
    card: { state: true },
    editing: { state: true },
    pasting: { state: true },
    notice: { state: true },
    expanded: { state: true },
    detailsOf: { state: true },
    announced: { state: true },
  };
  plan!: Plan;
  readonly = false;
  card: Scorecard | null = null;
  editing: Editing | null = null;
  pasting = false;
  notice = '';
  /** Indicators whose every period is shown; the rest show the latest four (a year of quarters). */
  expanded = new Set<string>();
  /** The indicator whose details are being changed, 'new' for one being added, or null. */
  detailsOf: string | null = null;
  /** What was last said to screen readers about where focus went. */
  announced = '';
  private unsubscribe: (() => void) | null = null;
  /*
   * Roving focus (one Tab stop per list, arrows, Home and End; focus kept
   * when what had it goes): among the figures' rows of the indicator holding
   * the tab stop (first: focus lost in a row stays in the rows), and among
   * the indicators, across the priorities they are grouped under.
   */
  private readonly figuresFocus = new ListFocus(this, {
    kind: 'figure',
    plan: () => this.plan,
    ids: () => this.shownFigures(this.stopIndicator()).map((f) => f.period),
    events: () => this.renderRoot ?? this,
    list: () => this.renderRoot?.querySelector(`article[data-id="${this.stopIndicator()?.id}"] tbody`) ?? null,
    empty: () => null,
  });
  private readonly indicatorsFocus = new ListFocus(this, {
    kind: 'indicator',
    plan: () => this.plan,
    ids: () => this.indicators().map((i) => i.id),
    events: () => this.renderRoot ?? this,
    list: () => this.renderRoot?.querySelector('section[aria-labelledby="scorecard-h"]') ?? null,
    items: () => [...(this.renderRoot?.querySelectorAll('article[data-kind="indicator"]') ?? [])],
    empty: () => this.renderRoot?.querySelector<HTMLElement>('.tools button') ?? null,
  });
  private subscribed: Plan | null = null;
  private frame = 0;

  constructor() {
    super();
    new KeysHintHold(this, '[data-kind]');
  }

  static override styles = [
    formStyles,
    css`
      :host { display: block; }
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
      /* Indicators off screen are laid out when scrolled to: a 100-indicator scorecard opens as fast as a plan. */
      article { border: 1px solid #b1b4b6; padding: 0.75rem 1rem; margin: 0 0 1rem; content-visibility: auto; contain-intrinsic-size: auto 22rem; }
      h4 { margin: 0 0 0.25rem; font-size: 1.15rem; }
      .meta { color: #505a5f; margin: 0 0 0.5rem; }
      .head { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
      table { border-collapse: collapse; margin-top: 0.5rem; }
      caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
      td, th { padding: 0.25rem 0.6rem; border-bottom: 1px solid #b1b4b6; text-align: left; vertical-align: middle; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      .rag { display: inline-block; min-width: 4.5rem; padding: 0.1rem 0.5rem; border-radius: 3px; font-weight: 600; border: 2px solid; }
      .green { background: #cce2d8; border-color: #005a30; color: #00361d; }
      .amber { background: #fff2d6; border-color: #8a5300; color: #4d2e00; }
      .red { background: #f6d7d2; border-color: #942514; color: #5a1004; }
      .none { background: #f3f2f1; border-color: #505a5f; color: #0b0c0c; }
      form.edit { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; align-items: end; margin-top: 0.75rem; padding: 0.75rem; background: #f3f2f1; }
      form.edit .wide { grid-column: 1 / -1; }
      select { background: #fff; }
      .error { color: #942514; font-weight: 600; grid-column: 1 / -1; margin: 0; }
      .no-trend { color: #505a5f; }
      button.more { margin-top: 0.5rem; }
      /* As in the outline: an indicator or a figures row with keyboard focus says how the arrow keys move (drawn only; screen readers have its description), kept through a pointer's press. */
      :is(article[data-kind]:is(:focus-visible, .keys-held) > h4, tr[data-kind]:is(:focus-visible, .keys-held) > th)::after { display: block; font-size: 0.8rem; font-weight: 400; color: #505a5f; }
      article[data-kind]:is(:focus-visible, .keys-held) > h4::after { content: 'Up and down arrow keys: the other indicators. Tab: into this one.' / ''; }
      tr[data-kind]:is(:focus-visible, .keys-held) > th::after { content: 'Up and down arrow keys: the other figures. Tab: into this one.' / ''; }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    `,
  ];

  override firstUpdated(): void {
    this.addEventListener('item-announce', (e) => (this.announced = (e as CustomEvent<string>).detail));
  }

  private indicators(): ScorecardIndicator[] {
    return this.card?.groups.flatMap((g) => g.indicators) ?? [];
  }

  /** The indicator whose figures Tab enters: the one holding the indicators' tab stop. */
  private stopIndicator(): ScorecardIndicator | undefined {
    const all = this.indicators();
    const id = this.indicatorsFocus?.stop(all.map((i) => i.id));
    return all.find((i) => i.id === id);
  }

  private shownFigures(i: ScorecardIndicator | undefined) {
    if (!i) return [];
    return this.expanded.has(i.id) || i.figures.length <= SHOWN ? i.figures : i.figures.slice(-SHOWN);
  }

  /** Once drawn again, focus goes to the button named (the one that opened a form now closed), or stays where the list put it. */
  private async focusButton(label: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(label)}"]`)?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.subscribed = null;
    cancelAnimationFrame(this.frame);
  }

  override willUpdate(): void {
    // Follows the plan's change feed: a partner's figures show as they arrive, at most once a frame.
    if (!this.plan || this.subscribed === this.plan) return;
    this.unsubscribe?.();
    this.subscribed = this.plan;
    this.card = scorecardOf(this.plan.snapshot());
    this.unsubscribe = this.plan.onChange((c) => {
      if (!c.entities.some((e) => e.kind === 'indicator' || e.kind === 'priority')) return;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => (this.card = scorecardOf(this.plan.snapshot())));
    });
  }

  override render() {
    const card = this.card;
    if (!card) return nothing;
    const stop = this.indicatorsFocus.stop(this.indicators().map((i) => i.id));
    const count = card.groups.reduce((n, g) => n + g.indicators.length, 0);
    const r = card.latestRags;
    return html`
      <section aria-labelledby="scorecard-h">
        <h2 id="scorecard-h">Scorecard</h2>
        <p>
          ${
            count
              ? `${count} indicator${count === 1 ? '' : 's'}. Latest figures: ${r.green} green, ${r.amber} amber, ${r.red} red${r.none ? `, ${r.none} without a RAG (no figure or no target yet)` : ''}.`
              : 'No indicators yet. Paste your scorecard from a spreadsheet, or import a CSV or Excel file, to start one.'
          }
          Each figure's RAG is worked out from its indicator's rules, never coloured by hand.
        </p>
        ${
          this.readonly
            ? nothing
            : html`<div class="tools">
                <button class="primary" @click=${() => (this.pasting = true)}>Paste or import figures…</button>
                <button @click=${() => (this.detailsOf = 'new')} ?disabled=${this.detailsOf === 'new'}>Add an indicator</button>
                ${count ? html`<button @click=${this.downloadExcel}>Download as Excel</button>` : nothing}
              </div>
              ${this.detailsOf === 'new' ? html`<indicator-form .plan=${this.plan} @done=${this.detailsDone}></indicator-form>` : nothing}`
        }
        <div role="status" aria-live="polite">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
        <p class="visually-hidden" role="status">${this.announced}</p>
        ${this.pasting ? html`<figures-paste-dialog .plan=${this.plan} @closed=${this.pasteClosed}></figures-paste-dialog>` : nothing}
        ${card.groups.map(
          (g) => html`<section aria-labelledby=${`g-${g.priorityId ?? 'none'}`}>
            <h3 id=${`g-${g.priorityId ?? 'none'}`}>${g.priorityId ? `Priority ${g.title}` : g.title}</h3>
            ${repeat(
              g.indicators,
              (i) => i.id,
              (i) => this.indicator(i, i.id === stop),
            )}
          </section>`,
        )}
      </section>`;
  }

  private indicator(i: ScorecardIndicator, isStop: boolean) {
    const latest = i.latest;
    const editing = this.editing?.id === i.id ? this.editing : null;
    const shown = this.shownFigures(i);
    /** Controls of an indicator not holding the tab stop are left out of the Tab order (the arrows reach it). */
    const t = isStop ? nothing : '-1';
    const rowStop = isStop ? this.figuresFocus.stop(shown.map((f) => f.period)) : undefined;
    return html`<article data-kind="indicator" data-id=${i.id} data-name=${`indicator ${i.name}`} aria-description=${listKeys('indicators')} tabindex=${isStop ? '0' : '-1'} @keydown=${stepIndicator} aria-labelledby=${`i-${i.id}`}>
      <h4 id=${`i-${i.id}`}>${i.name}</h4>
      <p class="meta">${[i.owner ? `Owner: ${i.owner}` : 'No owner agency yet', i.unit ? `Unit: ${i.unit}` : '', `${i.direction === 'higher' ? 'Higher' : 'Lower'} is better`, i.every === 'quarter' ? 'Reported quarterly' : 'Reported half-yearly'].filter(Boolean).join(' · ')}</p>
      <p class="meta">RAG: ${rulesInWords(i.thresholds)}.</p>
      <div class="head">
        ${trendChart(i)}
        <p>
          ${latest ? html`Latest, ${latest.label}: <strong>${latest.actual}${i.unit === '%' ? '%' : i.unit ? ` ${i.unit}` : ''}</strong> ${this.rag(latest.rag)}` : 'No figures yet.'}
          ${i.trend ? html`<br />${TREND_WORDS[i.trend]}` : nothing}
        </p>
      </div>
      ${
        i.figures.length
          ? html`<table>
            <caption>Figures for ${i.name}</caption>
            <thead><tr><th scope="col">Period</th><th scope="col">Actual</th><th scope="col">Target</th><th scope="col">RAG</th><th scope="col">Commentary</th>${this.readonly ? nothing : html`<th scope="col"><span class="visually-hidden">Change</span></th>`}</tr></thead>
            <tbody>
              ${shown.map(
                (
                  f,
                ) => html`<tr data-kind="figure" data-id=${f.period} data-name=${`the ${f.label} figures for ${i.name}`} aria-label=${`${f.label} figures`} aria-description=${listKeys('figures')} tabindex=${f.period === rowStop ? '0' : '-1'} @keydown=${stepFigure}>
                  <th scope="row">${f.label}</th>
                  <td class="num">${f.actual ?? '—'}</td>
                  <td class="num">${f.target ?? '—'}</td>
                  <td>${this.rag(f.rag)}</td>
                  <td>${f.commentary}</td>
                  ${this.readonly ? nothing : html`<td><button tabindex=${f.period === rowStop ? nothing : '-1'} @click=${() => this.edit(i, f.period)} aria-label=${`Edit ${f.label} figures for ${i.name}`}>Edit</button></td>`}
                </tr>`,
              )}
            </tbody>
          </table>
          ${i.figures.length > SHOWN ? this.morePeriods(i, t) : nothing}`
          : nothing
      }
      ${
        this.readonly
          ? nothing
          : editing
            ? this.form(i, editing)
            : this.detailsOf === i.id
              ? html`<indicator-form .plan=${this.plan} .indicatorId=${i.id} @done=${this.detailsDone}></indicator-form>`
              : html`<div class="tools">
                  <button tabindex=${t} @click=${() => this.edit(i, null)} aria-label=${`Enter a figure for ${i.name}`}>Enter a figure</button>
                  <button tabindex=${t} @click=${() => (this.detailsOf = i.id)} aria-label=${`Change details of ${i.name}`}>Change details</button>
                </div>`
      }
    </article>`;
  }

  /** The button that shows an indicator's every period, or only the latest four again. */
  private morePeriods(i: ScorecardIndicator, t: typeof nothing | '-1') {
    const all = this.expanded.has(i.id);
    return html`<button class="more" tabindex=${t} aria-expanded=${all ? 'true' : 'false'} @click=${() => this.toggle(i.id)}>
      ${all ? `Show the latest ${SHOWN} periods only` : `Show all ${i.figures.length} periods`}<span class="visually-hidden"> of ${i.name}</span>
    </button>`;
  }

  private toggle(id: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  private rag(rag: ScorecardRag | null) {
    const key = rag ?? 'none';
    return html`<span class=${`rag ${key}`}>${RAG_WORDS[key]}</span>`;
  }

  /** The periods offered for an indicator: those it has, and this business year's and last year's. */
  private periodsFor(i: ScorecardIndicator): string[] {
    const now = Number(periodOf(localToday(), i.every).slice(0, 4));
    const all = new Set([...i.figures.map((f) => f.period), ...periodsOfYear(now - 1, i.every), ...periodsOfYear(now, i.every)]);
    return [...all].sort(comparePeriods);
  }

  /** The button that opened the figure being edited: focus goes back to it when the form closes. */
  private opener = '';

  private edit(i: ScorecardIndicator, period: string | null): void {
    if (!this.editing) this.opener = period ? `Edit ${i.figures.find((f) => f.period === period)?.label ?? period} figures for ${i.name}` : `Enter a figure for ${i.name}`;
    const chosen = period ?? periodOf(localToday(), i.every);
    const f = i.figures.find((x) => x.period === chosen);
    this.editing = { id: i.id, period: chosen, actual: f?.actual?.toString() ?? '', target: f?.target?.toString() ?? '', commentary: f?.commentary ?? '', error: '' };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form.edit input[name="actual"]')?.focus());
  }

  private form(i: ScorecardIndicator, e: Editing) {
    const set = (patch: Partial<Editing>) => (this.editing = { ...e, ...patch });
    const errorId = `err-${i.id}`;
    return html`<form class="edit" aria-label=${`Figure for ${i.name}`} @submit=${(ev: Event) => this.save(ev, i)} @keydown=${(ev: KeyboardEvent) => ev.key === 'Escape' && this.closeEdit()}>
      <label>Period
        <select name="period" .value=${e.period} @change=${(ev: Event) => this.edit(i, (ev.target as HTMLSelectElement).value)}>
          ${this.periodsFor(i).map((p) => html`<option value=${p} ?selected=${p === e.period}>${periodLabel(p)}</option>`)}
        </select>
      </label>
      <label>Actual${i.unit ? ` (${i.unit})` : ''}
        <input name="actual" inputmode="decimal" autocomplete="off" .value=${e.actual} aria-describedby=${e.error ? errorId : nothing} aria-invalid=${e.error.startsWith('Actual') ? 'true' : 'false'} @input=${(ev: Event) => set({ actual: (ev.target as HTMLInputElement).value })} />
      </label>
      <label>Target${i.unit ? ` (${i.unit})` : ''}
        <input name="target" inputmode="decimal" autocomplete="off" .value=${e.target} aria-describedby=${e.error ? errorId : nothing} aria-invalid=${e.error.startsWith('Target') ? 'true' : 'false'} @input=${(ev: Event) => set({ target: (ev.target as HTMLInputElement).value })} />
      </label>
      <label class="wide">Commentary
        <textarea name="commentary" rows="2" .value=${e.commentary} @input=${(ev: Event) => set({ commentary: (ev.target as HTMLTextAreaElement).value })}></textarea>
      </label>
      ${e.error ? html`<p class="error" id=${errorId} role="alert">${e.error}</p>` : nothing}
      <div class="tools wide"><button class="primary" type="submit">Save figure</button><button type="button" @click=${() => this.closeEdit()}>Cancel</button></div>
    </form>`;
  }

  private save(ev: Event, i: ScorecardIndicator): void {
    ev.preventDefault();
    const e = this.editing!;
    const number = (text: string, name: 'Actual' | 'Target'): number | null | string => {
      if (!text.trim()) return null;
      const n = readFigureNumber(text);
      return n === null ? `${name}: "${text.trim()}" is not a number. Write it as 87, 87.5 or 87%, or leave it empty.` : n;
    };
    const actual = number(e.actual, 'Actual');
    const target = number(e.target, 'Target');
    const problem = [actual, target].find((v) => typeof v === 'string') as string | undefined;
    if (problem) {
      this.editing = { ...e, error: problem };
      return;
    }
    try {
      setFigure(this.plan, i.id, e.period, { actual: actual as number | null, target: target as number | null, commentary: e.commentary });
      this.closeEdit();
      this.notice = `Saved ${periodLabel(e.period)} for ${i.name}.`;
    } catch (err) {
      this.editing = { ...e, error: err instanceof PlanError ? err.message : String(err) };
    }
  }

  /** Closes the figure's form, focus going back to the button that opened it. */
  private closeEdit(): void {
    this.editing = null;
    void this.focusButton(this.opener);
  }

  private async detailsDone(e: CustomEvent<{ saved: string }>): Promise<void> {
    if (e.detail.saved) this.notice = `Saved the details of ${e.detail.saved}.`;
    const of = this.detailsOf;
    this.detailsOf = null;
    const name = of && of !== 'new' ? this.indicators().find((i) => i.id === of)?.name : undefined;
    if (name) return this.focusButton(`Change details of ${name}`);
    // A new indicator: focus on it once the scorecard shows it (next frame), else back on "Add an indicator".
    await this.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    await this.updateComplete;
    const added = e.detail.saved ? [...this.renderRoot.querySelectorAll<HTMLElement>('article[data-kind="indicator"]')].find((a) => a.dataset.name === `indicator ${e.detail.saved}`) : undefined;
    (added ?? this.renderRoot.querySelector<HTMLElement>('.tools button:nth-child(2)'))?.focus();
  }

  /** The scorecard as an Excel workbook, one row per indicator and period (the writer loads on first use). */
  private async downloadExcel(): Promise<void> {
    const { exportScorecard } = await import('@coplan/publish');
    const bytes = (await exportScorecard(this.plan.snapshot(), 'xlsx')) as Uint8Array;
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    const name = `${this.plan.snapshot().title || 'Plan'} - performance scorecard.xlsx`.replace(/[\\/:*?"<>|]/g, '-');
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.notice = `Downloaded ${name}.`;
  }

  private async pasteClosed(ev: CustomEvent<{ applied: string }>): Promise<void> {
    this.pasting = false;
    if (ev.detail?.applied) this.notice = ev.detail.applied;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.tools button.primary')?.focus();
  }
}
const stepIndicator = stepKeys('indicator');
const stepFigure = stepKeys('figure');

customElements.define('scorecard-view', ScorecardView);
