import { css, html, LitElement, nothing } from 'lit';
import { ContextProvider } from '@lit/context';
import { formatUkDate, type ActionFilter, type Plan, type PlanSnapshot } from '@coplan/core';
import { rememberPlan } from '../state/device-plans.js';
import { Follow } from '../state/follow.js';
import { IndexedDbStore } from '../state/indexeddb-store.js';
import { openPlanContext, planContext, type PlanScope } from '../state/plan-context.js';
import { PlanSession } from '../state/plan-session.js';
import { PlanSnapshots } from '../state/plan-snapshots.js';
import { ProgressDrafts, type DraftPlace } from '../state/progress-drafts.js';
import { RelayAccess } from '../state/relay-access.js';
import { RelayTransport } from '../state/relay-transport.js';
import { SYNC_WORDS } from '../state/sync-status.js';
import { PlanLoads } from './plan-loads.js';
import { TAB_NAMES, type PlanTab } from './plan-tabs.js';
import { PlanPageTitle } from '../state/page-title.js';
import { OutlinePreviewKeeper } from '../state/outline-preview-keeper.js';
import { takeOutlinePreview, type OutlinePreview } from '../state/outline-preview-store.js';
import { OutlineStandIns } from '../items/outline-stand-ins.js';
import { outlineWords } from '../items/outline-words.js';
import './outline-preview.js';
import './connection-banner.js';
import './plan-header.js';
import './plan-tab.js';
import './plan-tab-bar.js';
import './plan-toolbar.js';
import './bin-notice.js';
import { focusIsInFormBox } from './focused-element.js';
import { findDeep, focusField } from '../editing/find-field.js';
import { draftPlace, draftsBackWords } from './action-place.js';
import { focusRing } from './shared-styles.js';

/**
 * A plan on screen. It opens the plan (a {@link PlanSession} with this
 * device's IndexedDB and the relay given to it), asks the relay what this
 * person may do ({@link RelayAccess}), keeps the whole-plan snapshot
 * ({@link PlanSnapshots}), and holds the parts whose code loads on demand
 * ({@link PlanLoads}); it provides them through context: to the parts
 * of the screen ({@link openPlanContext}: toolbar, header, tabs, bin,
 * banners, dialogs) and to every item of the outline ({@link planContext}).
 * Each part re-renders for what it shows itself; this view, for the page's
 * messages and which tab is shown.
 */
export class PlanView extends LitElement {
  static override properties = {
    planId: {},
    token: {},
    user: { attribute: false },
    message: { state: true },
    notice: { state: true },
    undone: { state: true },
    tab: { attribute: false },
    meetingId: { attribute: false },
    filter: { state: true },
  };
  planId = '';
  token = '';
  user!: { name: string; colour: string };
  /** What went wrong, shown as an alert (a refusal in the core's words). */
  message = '';
  /** Good news to announce politely (an import, and how to undo it). */
  notice = '';
  /** What the last Undo or Redo took back or did again, said politely ("Undone: typing in action 1.1.2."). */
  undone = '';
  /** Narrows which actions the plan view shows (null: all). */
  filter: ActionFilter | null = null;
  /** Which view of the plan is shown; the others load when first opened. */
  tab: PlanTab = 'plan';
  /** The meeting open on the Governance tab ('' for none), as the address says. */
  meetingId = '';
  private session!: PlanSession;
  private access!: RelayAccess;
  private snapshots!: PlanSnapshots;
  /** The progress updates being written in this plan, by action; kept on the device as the page goes. */
  private drafts!: ProgressDrafts;
  /** Whether the drafts kept when the page last went have been put back (once, when the plan first opens). */
  private draftsRestored = false;
  private readonly loads = new PlanLoads();
  private readonly standIns = new OutlineStandIns();
  /** The plan's preview, as read when the plan screen opened (null: none). */
  private preview: Promise<OutlinePreview | null> = Promise.resolve(null);
  private readonly openPlan = new ContextProvider(this, { context: openPlanContext });
  private readonly scope = new ContextProvider(this, { context: planContext });

  static override styles = [
    focusRing,
    css`
    [hidden] { display: none !important; }
    /* The screen's parts render into this page and add no box of their own (see PlanPart). */
    plan-toolbar, people-here, files-menu, sync-status-line, plan-dialogs, connection-banner, plan-header, plan-tab-bar, plan-tab-views, plan-tab, plan-bin, bin-notice { display: contents; }
    :host { display: block; max-width: 68rem; margin: 0 auto; padding: 0 1rem 4rem; }
    /* Compact, so a plan's first action shows at 1024x768 under the title, tabs, search and filters. */
    header { border-bottom: 4px solid #1d4f91; padding: 0.25rem 0 0.5rem; }
    header .meta { margin: 0 0 0.4rem; }
    .header-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: start; }
    .header-row plan-details { flex: 1 1 20rem; margin: 0; }
    .vision { margin-bottom: 0.5rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; position: sticky; top: 0; background: #fff; padding: 0.3rem 0; z-index: 1; border-bottom: 1px solid #b1b4b6; }
    /* On a phone the tools take three rows: kept at the top they would hide a fifth of the screen, so they scroll away with the page. */
    @media (max-width: 40rem), (max-height: 30rem) { .bar { position: static; } }
    .status { margin-left: auto; font-weight: 600; }
    button, select { min-height: 44px; min-width: 44px; font: inherit; padding: 0.3rem 0.8rem; border: 2px solid #0b0c0c; border-radius: 4px; background: #f3f2f1; cursor: pointer; }
    button:hover { background: #dbdad9; }
    button.primary { background: #00703c; color: #fff; border-color: #005a30; }
    h1 { font-size: 1.8rem; margin: 0.2rem 0 0; }
    h2 { font-size: 1.35rem; margin: 0; }
    .meta { color: #383f43; }
    .label { font-size: 0.85rem; color: #505a5f; font-weight: 600; }
    .people { display: flex; gap: 0.3rem; flex-wrap: wrap; }
    .person { padding: 0.1rem 0.5rem; border-radius: 1rem; color: #fff; font-size: 0.9rem; }
    .message { background: #fff2d6; border-left: 5px solid #8a5300; padding: 0.5rem 1rem; }
    /* Search and the action filters (action-filters.ts, rendering into this page) share one row where it fits. */
    .find-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: start; margin: 0.5rem 0; }
    .find-row plan-search { flex: 1 1 14rem; margin: 0; }
    /* Until search and the filters come (just after the outline), their room is kept, one row of them on a wide screen, so the outline does not move down as they come. */
    .find-row-place { min-height: 4.3rem; }
    @media (max-width: 62.5rem) { .find-row-place { min-height: 8.85rem; } }
    @media (max-width: 40rem) { .find-row-place { min-height: 13.4rem; } }
    .filters { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; }
    .filters label { display: flex; flex-direction: column; }
    .bin li { margin: 0.3rem 0; }
    /* What just went to (or came back from) the bin: kept in view at the window's foot until dismissed. */
    .bin-notice p { margin: 0; }
    .bin-notice.shown { position: fixed; z-index: 2; left: 1rem; bottom: 1rem; max-width: calc(100vw - 2rem); display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.5rem 1rem; background: #0b0c0c; color: #fff; border-radius: 4px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.3); }
    .bin-notice.shown button { background: #fff; color: #0b0c0c; border-color: #fff; }
    .bin-notice.shown button:hover { background: #dbdad9; }
    .bin-notice.shown button.quiet { background: transparent; color: #fff; text-decoration: underline; }
    #bin-heading:focus { outline: 3px solid #fd0; }
    label { display: flex; flex-direction: column; font-size: 0.9rem; }
    input { font: inherit; min-height: 44px; padding: 0.3rem; border: 2px solid #0b0c0c; border-radius: 4px; }
    nav { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
    nav button[aria-pressed='true'] { background: #1d4f91; color: #fff; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .go-to-drafts { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
    .notice { background: #cce2d8; border-left: 5px solid #00703c; padding: 0.5rem 1rem; }
    .readonly-note { background: #d2e2f1; padding: 0.5rem 1rem; }
    /* What an owner's or editor's link allows, in the tools' row: it takes no row of its own above the plan. */
    .bar .access { font-size: 0.9rem; }
    /*
     * Printed (Ctrl+P), the plan is a document: its title, details and outline with each action's words, leads,
     * timescale, RAG in words and latest progress; none of the controls (toolbar, presence, tabs, search,
     * filters, banners, notices, dialogs, the bin, buttons and menus).
     */
    @media print {
      :host { max-width: none; padding: 0; }
      plan-toolbar, plan-dialogs, connection-banner, plan-tab-bar, plan-search, action-filters, plan-bin, work-in-the-bin-notice { display: none !important; }
      .message, .notice, .readonly-note, button, select, input { display: none !important; }
      header { border-bottom-width: 2px; }
    }
  `,
  ];

  override connectedCallback(): void {
    if (!this.session) this.openSession();
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('pagehide', this.keepDrafts);
    document.addEventListener('visibilitychange', this.keepDrafts);
    this.addEventListener('plan-error', this.onError as EventListener);
    this.addEventListener('plan-notice', this.onNotice as EventListener);
    this.addEventListener('editing', this.onEditing as EventListener);
    this.addEventListener('tab-chosen', this.onTabChosen as EventListener);
    this.addEventListener('open-import', this.onOpenImport as EventListener);
    this.addEventListener('open-share', this.onOpenShare);
    this.addEventListener('progress-done', this.onProgressDone);
    this.addEventListener('undo-step', this.onUndoStep as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('pagehide', this.keepDrafts);
    document.removeEventListener('visibilitychange', this.keepDrafts);
    this.drafts.keep();
  }

  /** The plan with this device's storage and the relay, what the relay lets this person do, and the snapshot; provided to the screen's parts. */
  private openSession(): void {
    const token = this.token;
    this.drafts = new ProgressDrafts(localStorage, `coplan-progress-drafts:${this.planId}`);
    // A long plan's preview is drawn, and painted, before the device's copy is read: its words are on screen while Yjs loads the plan.
    this.preview = this.tab === 'plan' ? takeOutlinePreview(this.planId) : Promise.resolve(null);
    // A preview slow to come (a busy disk) keeps the plan waiting no more than a moment.
    const painted = Promise.race([this.preview.then((p) => p && new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)))), new Promise((late) => setTimeout(late, 400))]);
    this.session = new PlanSession(this, { planId: this.planId, user: this.user, store: new IndexedDbStore({ after: painted }), transport: new RelayTransport(token) });
    this.access = new RelayAccess(this, this.session, token);
    this.snapshots = new PlanSnapshots(this, this.session, {
      remember: (s) =>
        rememberPlan({
          id: this.planId,
          title: s.title,
          period: s.period ? `${formatUkDate(s.period.start)} to ${formatUkDate(s.period.end)}` : '',
          version: s.versionLabel,
          lastChange: s.updatedAt,
          ...(token ? { token } : {}),
        }),
    });
    new Follow(this, () => this.session);
    new Follow(this, () => this.access);
    new Follow(this, () => this.snapshots);
    new Follow(this, () => this.loads);
    // The browser's title: the view shown and the plan's title.
    new PlanPageTitle(this, () => ({ plan: this.session.plan, view: TAB_NAMES[this.tab] }));
    // The outline's words as this device last had them, drawn while the plan loads and kept as it changes.
    new OutlinePreviewKeeper(this, {
      planId: this.planId,
      plan: () => this.session.plan,
      words: outlineWords,
      top: () => (this.outlineAtOpen?.width === innerWidth ? this.outlineAtOpen.top : 0),
    });
    this.openPlan.setValue({ session: this.session, access: this.access, snapshots: this.snapshots, loads: this.loads, standIns: this.standIns });
  }

  private readonly onError = (e: CustomEvent<string>): void => {
    this.message = e.detail;
  };

  private readonly onNotice = (e: CustomEvent<string>): void => {
    this.message = '';
    this.notice = e.detail;
  };

  /** Which field this person is in, for partners to see. */
  private readonly onEditing = (e: CustomEvent<string | null>): void => {
    this.session.connection?.awareness.setLocalStateField('editing', e.detail);
  };

  /** Shows a tab at once: while its code loads (the first time), a loading line or what went wrong stands in its place. */
  private readonly onTabChosen = (e: CustomEvent<PlanTab>): void => {
    this.tab = e.detail;
  };

  /** "Import into this plan…": the dialogs' code loads first (or says why it could not, with Try again); focus returns to the menu when it closes. */
  private readonly onOpenImport = (e: CustomEvent<HTMLElement | null>): void => {
    const opener = e.detail;
    void this.loads.tools.importDialog.run(({ PlanDialogs }) => this.dialogs(PlanDialogs)?.openImport(opener));
  };

  /** Share: the dialogs' code loads first (or says why it could not, with Try again). */
  private readonly onOpenShare = (): void => {
    void this.loads.tools.shareDialog.run(({ PlanDialogs }) => this.dialogs(PlanDialogs)?.openShare());
  };

  /** The part holding the dialogs, once its code is here. */
  private dialogs(PlanDialogs: typeof import('./plan-dialogs.js').PlanDialogs) {
    const dialogs = this.renderRoot.querySelector('plan-dialogs');
    return dialogs instanceof PlanDialogs ? dialogs : undefined;
  }

  /** A progress update being written is kept on the device as the page goes (a reload, a closed tab, a tablet putting the browser away). */
  private readonly keepDrafts = (e: Event): void => {
    if (e.type === 'pagehide' || document.visibilityState === 'hidden') this.drafts.keep();
  };

  /**
   * Puts back the progress updates this person was writing when the page last
   * went, open in their actions' forms, and says where they are, so nothing
   * half-written is lost or left unnoticed. Not for a reader's link (kept for later).
   */
  private restoreDrafts(plan: Plan): void {
    if (this.draftsRestored || this.access.readonly) return;
    this.draftsRestored = true;
    const restored = this.drafts.restore();
    if (!restored.length) return;
    void import('./progress-form.js');
    const places = restored.map((at) => draftPlace(plan, at));
    const words = draftsBackWords(
      places.filter((p) => !p.inBin).map((p) => p.name),
      { actions: places.filter((p) => p.inBin === 'action').length, updates: places.filter((p) => p.inBin === 'update').length },
    );
    // Said once the status region is on the page (it is drawn with the plan): text already in a new region is not announced.
    void this.updateComplete.then(() => (this.notice = words));
    this.draftsBack = { words, restored };
  }

  /** What was said of the drafts put back, and which they were: the words go once each is saved or cancelled. */
  private draftsBack: { words: string; restored: DraftPlace[] } | null = null;

  /** A progress form saved or cancelled: once no draft put back after the reload is open, saying they are back is stale. */
  private readonly onProgressDone = (): void => {
    const back = this.draftsBack;
    if (!back) return;
    // After the form's own holder has closed its draft (it hears the event first).
    queueMicrotask(() => {
      const open = back.restored.some((at) => (at.progressId ? this.drafts.getEdit(at.progressId) : this.drafts.get(at.actionId)));
      if (open) return;
      this.draftsBack = null;
      if (this.notice === back.words) this.notice = '';
    });
  };

  /**
   * While the notice says drafts are back, a button for each one in the plan goes to it ("Go to action 1.2.1"):
   * focus in its words, else on its action's text. Outside the status line, so the buttons are not read out with it.
   */
  private goToDrafts(plan: Plan) {
    const back = this.draftsBack;
    if (!back || this.notice !== back.words) return nothing;
    const places = back.restored.map((at) => ({ at, place: draftPlace(plan, at) })).filter(({ place }) => !place.inBin);
    if (!places.length) return nothing;
    return html`<p class="go-to-drafts">${places.map(({ at, place }) => html`<button @click=${() => this.goToDraft(at, place.action)}>Go to ${place.name}</button> `)}</p>`;
  }

  /** Focus to a draft put back: its action drawn live and scrolled to, then the caret in its form's words. */
  private async goToDraft(at: DraftPlace, action: string): Promise<void> {
    this.message = '';
    if (!(await focusField(this.renderRoot, { kind: 'action', id: at.actionId, field: 'text' }))) {
      this.message = `${action.replace(/^./, (c) => c.toUpperCase())} is not on screen now: clear the action filter, then choose Go to again.`;
      return;
    }
    const form = findDeep(this.renderRoot, (el) => {
      const f = el as HTMLElement & { actionId?: string; entry?: { id: string } | null; focusWords?: () => void };
      return el.localName === 'progress-form' && f.actionId === at.actionId && (f.entry?.id ?? undefined) === at.progressId;
    }) as (HTMLElement & { focusWords(): void }) | null;
    form?.focusWords();
  }

  /** Ctrl/Cmd+Z undoes this person's last change; with Shift, redoes. */
  private readonly onKey = (e: KeyboardEvent) => {
    const plan = this.session.plan;
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || !plan || this.access.readonly) return;
    // In a search box, a form or a grid cell being edited, Ctrl+Z undoes that box's typing (the browser's own, or the box's `TypingUndo`).
    if (focusIsInFormBox()) return;
    e.preventDefault();
    this.undoStep(e.shiftKey ? 'redo' : 'undo');
  };

  /** The toolbar's Undo or Redo. */
  private readonly onUndoStep = (e: CustomEvent<'undo' | 'redo'>): void => this.undoStep(e.detail);

  /** Undoes or redoes this person's last change and says what it was, in the core's words for the step. */
  private undoStep(step: 'undo' | 'redo'): void {
    const plan = this.session.plan;
    if (!plan || !(step === 'redo' ? plan.redo() : plan.undo())) return;
    const what = plan.lastUndoInWords();
    const words = step === 'redo' ? (what ? `Redone: ${what}.` : 'Redone your last undone change.') : what ? `Undone: ${what}.` : 'Undone your last change.';
    // Emptied first, so the same words twice (two keystrokes undone in turn) are said twice.
    this.undone = '';
    void this.updateComplete.then(() => (this.undone = words));
  }

  override render() {
    const { plan, problem, storageProblem } = this.session;
    const s = this.snapshots.snapshot;
    if (problem) return html`<p class="message" role="alert">${problem}</p><p><a href="#/">Back to plans on this device</a></p>`;
    // Until the plan is here, say why it is not when the server refuses it, rather than "Opening the plan…" for ever.
    if (!plan || !s)
      return html`${this.access.problem ? nothing : html`<p role="status">${SYNC_WORDS.loading}</p>`}<connection-banner></connection-banner>
        ${this.tab === 'plan' && !this.access.problem ? html`<outline-preview .preview=${this.preview} .standIns=${this.standIns}></outline-preview>` : nothing}`;
    const ro = this.access.readonly;
    return html`
      <plan-toolbar></plan-toolbar>
      ${ro ? nothing : html`<bin-notice></bin-notice>`}
      <plan-dialogs></plan-dialogs>
      ${Object.values(this.loads.tools).map((t) => t.placeholder())}
      ${storageProblem ? html`<p class="message" role="alert">${storageProblem}</p>` : nothing}
      <connection-banner></connection-banner>
      ${
        // What the link lets the person do, while it still does (once refused, the banner says why instead).
        this.access.problem
          ? nothing
          : ro
            ? html`<p class="readonly-note">You are viewing this plan: your link lets you read it, not change it. Ask the business office for an editor's link to make changes.</p>`
            : nothing
      }
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <div role="status" aria-live="polite">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      ${this.goToDrafts(plan)}
      <p class="visually-hidden undone" role="status">${this.undone}</p>
      ${this.loads.extras.module ? html`<work-in-the-bin-notice .plan=${plan} .snapshot=${s} person=${this.user.name} ?readonly=${ro}></work-in-the-bin-notice>` : nothing}
      <plan-header></plan-header>
      <plan-tab-bar .tab=${this.tab}></plan-tab-bar>
      ${this.tab === 'plan' ? nothing : this.loads.tabs[this.tab].placeholder()}
      <plan-tab-views .tab=${this.tab} .meetingId=${this.meetingId}></plan-tab-views>
      <div class="plan-tab" ?hidden=${this.tab !== 'plan'}>
        <plan-tab @filter-change=${(e: CustomEvent<ActionFilter>) => (this.filter = Object.keys(e.detail).some((k) => k !== 'asOf') ? e.detail : null)}></plan-tab>
      </div>
      <plan-bin></plan-bin>
    `;
  }

  private shownFor: { snapshot: PlanSnapshot; filter: ActionFilter; ids: Set<string> } | null = null;
  /** The ids of the actions the filter keeps, worked out once per snapshot and filter. */
  private shown(s: PlanSnapshot): Set<string> {
    // A filter is set only by the filters, so their module (with the queries) is here.
    if (!this.filter || !this.loads.extras.module) return new Set();
    const { filterActions } = this.loads.extras.module;
    if (this.shownFor?.snapshot !== s || this.shownFor.filter !== this.filter)
      this.shownFor = { snapshot: s, filter: this.filter, ids: new Set(filterActions(s, this.filter).map((r) => r.action.id)) };
    return this.shownFor.ids;
  }

  /**
   * Before each render: the whole plan is re-read for typing only while it is
   * on screen (another tab, a filter), and the items' scope is provided anew
   * only when one of its parts changed.
   */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A tab chosen, or given by the address (a reload, a link, Back): its code loads.
    if (changed.has('tab') && this.tab !== 'plan') void this.loads.tabs[this.tab].load();
    // Good news ("Downloaded …", an import) was about the tab it was told on: another tab makes it stale.
    if (changed.has('tab') && changed.get('tab') !== undefined) this.notice = '';
    this.snapshots.wholePlan = this.tab !== 'plan' || this.filter !== null;
    const plan = this.session.plan;
    const s = this.snapshots.snapshot;
    if (!plan || !s) return;
    this.restoreDrafts(plan);
    const readonly = this.access.readonly;
    const awareness = this.session.connection?.awareness ?? null;
    const shown = this.filter ? this.shown(s) : null;
    const now = this.scope.value;
    if (now && now.plan === plan && now.readonly === readonly && now.awareness === awareness && now.shown === shown) return;
    const scope: PlanScope = { plan, awareness, readonly, user: this.user, shown, snapshot: () => this.snapshots.snapshot, drafts: this.drafts };
    this.scope.setValue(scope);
  }

  /** Once the outline is on screen, the Plan tab's search, filters and details follow. */
  protected override updated(): void {
    if (!this.session.plan || !this.snapshots.snapshot) return;
    this.loads.extras.want();
    // Where the outline is drawn as the plan opens (search and filters still to come): where the next reload's preview goes, so nothing moves when the outline takes over.
    if (!this.outlineAtOpen && this.tab === 'plan')
      requestAnimationFrame(() => {
        const outline = this.renderRoot.querySelector('plan-outline');
        this.outlineAtOpen ??= outline ? { top: outline.getBoundingClientRect().top + scrollY, width: innerWidth } : null;
      });
  }

  /** Where the outline began as the plan opened, and the window's width then. */
  private outlineAtOpen: { top: number; width: number } | null = null;
}
customElements.define('plan-view', PlanView);
