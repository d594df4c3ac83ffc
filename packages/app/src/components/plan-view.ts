import { css, html, LitElement, nothing } from 'lit';
import { ContextProvider } from '@lit/context';
import { PLAN_STATUS_LABELS, PlanError, filterActions, listActions, type ActionFilter, type PlanSnapshot, encodeCoplanFile, mergeCoplanFile, planToJson, formatUkDate } from '@coplan/core';
import type { Governance, GovernanceSnapshot } from '@coplan/core/governance';
import { PlanController, SYNC_WORDS } from '../state/plan-controller.js';
import { roleOfToken, tokenNamesRole } from '../state/token-role.js';
import { SharingClient } from '../state/sharing.js';
import { accessWords } from '../state/share-words.js';
import { tryPlanCall } from '../state/plan-call.js';
import { planContext, type PlanScope } from '../state/plan-context.js';
import './editable-text.js';
import './action-filters.js';
import './plan-details.js';
import './plan-search.js';
import '../items/plan-outline.js';
import './work-in-the-bin-notice.js';
import type { ImportDialog, Imported } from './import-dialog.js';

/**
 * A plan on screen: its tools, header and tabs. The plan tab is the outline
 * (`plan-outline`), whose priorities, objectives and actions each listen to
 * their own entity; this view provides them the plan through context
 * ({@link planContext}) and re-renders only for what it shows itself (the
 * header, the bin, the other tabs), not for each keystroke in an item.
 */
export class PlanView extends LitElement {
  static override properties = {
    planId: {},
    token: {},
    user: { attribute: false },
    accessRole: { state: true },
    sharing: { state: true },
    message: { state: true },
    notice: { state: true },
    importing: { state: true },
    tab: { state: true },
    filter: { state: true },
  };
  planId = '';
  token = '';
  user!: { name: string; colour: string };
  message = '';
  /** Good news to announce politely (an import, and how to undo it). */
  notice = '';
  /** Whether the import dialog has been loaded (it loads when first asked for). */
  importing = false;
  /** Narrows which actions the plan view shows (null: all). */
  filter: ActionFilter | null = null;
  /** Which view of the plan is shown; the register and dashboard load when first opened. */
  tab: 'plan' | 'register' | 'dashboard' | 'scorecard' | 'versions' | 'leads' | 'reports' | 'governance' = 'plan';
  private loaded = new Set<string>(['plan']);
  /** Reads the constitution for the reports tab; the governance module loads with that tab. */
  private governanceOf?: (plan: ConstructorParameters<typeof Governance>[0]) => GovernanceSnapshot;
  private session!: PlanController;
  private readonly provider = new ContextProvider(this, { context: planContext });

  static override styles = css`
    [hidden] { display: none !important; }
    :host { display: block; max-width: 68rem; margin: 0 auto; padding: 0 1rem 4rem; }
    header { border-bottom: 4px solid #1d4f91; padding: 0.5rem 0 1rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; position: sticky; top: 0; background: #fff; padding: 0.5rem 0; z-index: 1; border-bottom: 1px solid #b1b4b6; }
    .status { margin-left: auto; font-weight: 600; }
    button, select { min-height: 44px; min-width: 44px; font: inherit; padding: 0.3rem 0.8rem; border: 2px solid #0b0c0c; border-radius: 4px; background: #f3f2f1; cursor: pointer; }
    button:hover { background: #dbdad9; }
    button.primary { background: #00703c; color: #fff; border-color: #005a30; }
    h1 { font-size: 1.8rem; margin: 0.3rem 0; }
    h2 { font-size: 1.35rem; margin: 0; }
    .meta { color: #383f43; }
    section.priority { border: 1px solid #b1b4b6; border-left: 6px solid #1d4f91; margin: 1.5rem 0; padding: 0.75rem 1rem; }
    .objective { margin: 1rem 0 0 0.5rem; padding-left: 0.75rem; border-left: 3px solid #b1b4b6; }
    .action { padding: 0.6rem; margin: 0.5rem 0; background: #f8f8f8; border-radius: 4px; border: 1px solid #dbdad9; }
    .action .controls { margin-top: 0.5rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: start; }
    .label { font-size: 0.85rem; color: #505a5f; font-weight: 600; }
    .people { display: flex; gap: 0.3rem; flex-wrap: wrap; }
    .person { padding: 0.1rem 0.5rem; border-radius: 1rem; color: #fff; font-size: 0.9rem; }
    .message { background: #fff2d6; border-left: 5px solid #8a5300; padding: 0.5rem 1rem; }
    .bin li { margin: 0.3rem 0; }
    label { display: flex; flex-direction: column; font-size: 0.9rem; }
    input, textarea { font: inherit; min-height: 44px; padding: 0.3rem; border: 2px solid #0b0c0c; border-radius: 4px; }
    nav { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
    nav button[aria-pressed='true'] { background: #1d4f91; color: #fff; }
    details.files { display: inline-block; position: relative; }
    .files-panel { position: absolute; top: calc(100% + 0.25rem); left: 0; z-index: 2; width: max-content; max-width: min(40rem, 90vw); display: grid; gap: 0.75rem; background: #fff; border: 2px solid #0b0c0c; border-radius: 4px; padding: 0.75rem; box-shadow: 0 4px 12px rgb(0 0 0 / 0.25); }
    .files-panel [role='group'] { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: end; }
    .files-panel .label { flex-basis: 100%; margin: 0; }
    details.files summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; padding: 0 0.5rem; border: 2px solid #0b0c0c; border-radius: 4px; }
    .filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
    .filters label { display: flex; flex-direction: column; }
    .drag { float: right; position: relative; z-index: 1; touch-action: none; cursor: grab; font-size: 1.3rem; line-height: 1; }
    .drop-target { outline: 3px dashed #1d70b8; }
    .notice { background: #cce2d8; border-left: 5px solid #00703c; padding: 0.5rem 1rem; }
    .readonly-note { background: #d2e2f1; padding: 0.5rem 1rem; }
  `;

  /** A viewer's link: everything is shown, nothing can be changed. */
  /** What this person may do, once known: from the link's token, or for a sign-in, from the relay. */
  accessRole: 'owner' | 'editor' | 'viewer' | null = null;

  private get readonly(): boolean {
    return !!this.token && this.roleNow === 'viewer';
  }

  private get roleNow(): 'owner' | 'editor' | 'viewer' {
    return this.accessRole ?? roleOfToken(this.token);
  }

  override connectedCallback(): void {
    this.session = new PlanController(this, this.planId, { ...(this.token ? { token: this.token } : {}), user: this.user });
    if (this.token && !tokenNamesRole(this.token))
      new SharingClient(this.planId, this.token).access().then(
        (access) => (this.accessRole = access.role),
        () => (this.accessRole = 'viewer'), // until the relay says otherwise, offer no edits it would drop
      );
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    this.addEventListener('plan-error', ((e: CustomEvent<string>) => {
      this.message = e.detail;
    }) as EventListener);
    this.addEventListener('plan-notice', ((e: CustomEvent<string>) => {
      this.message = '';
      this.notice = e.detail;
    }) as EventListener);
    this.addEventListener('editing', ((e: CustomEvent<string | null>) => this.session.provider?.awareness.setLocalStateField('editing', e.detail)) as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  /** Ctrl/Cmd+Z undoes this person's last change; with Shift, redoes. */
  private readonly onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || !this.session.plan || this.readonly) return;
    e.preventDefault();
    if (e.shiftKey) this.session.plan.redo();
    else this.session.plan.undo();
  };

  /** Whether the Share dialog is open (it loads when first asked for). */
  sharing = false;

  /** Whether the server takes sign-ins (asked when the Share dialog first opens). */
  private signInOffered = false;

  private readonly openShare = async (): Promise<void> => {
    await import('./share-dialog.js');
    this.signInOffered = (await (await import('../state/sign-in.js')).signInOptions()) !== null;
    this.sharing = true;
    await this.updateComplete;
    await (this.shadowRoot!.querySelector('share-dialog') as unknown as { show(): Promise<void> }).show();
  };

  /** Why the server is not syncing this plan, and what can be done: shown whether or not the plan has loaded. */
  private connectionBanner() {
    if (!this.session.connectionProblem) return nothing;
    return html`<p class="message" role="alert">${this.session.connectionProblem}
      ${this.session.claimable ? html`<button @click=${this.putOnServer}>Put this plan on the server</button>` : nothing}
      <button @click=${() => this.session.reconnect()}>Try again</button></p>`;
  }

  private readonly putOnServer = async (): Promise<void> => {
    const refused = await this.session.claim();
    if (refused) this.message = refused;
    else {
      this.accessRole = 'owner';
      this.notice = 'This plan is on the server now, and you own it: share it with the Share button.';
    }
  };

  /** Runs a plan call and turns a refusal into a message on screen. */
  private run(fn: () => void): void {
    this.message = tryPlanCall(fn);
  }

  override render() {
    const { plan, snapshot: s, problem } = this.session;
    if (problem) return html`<p class="message" role="alert">${problem}</p><p><a href="#/">Back to plans on this device</a></p>`;
    // Until the plan is here, say why it is not when the server refuses it, rather than "Opening the plan…" for ever.
    if (!plan || !s) return html`<p role="status">${SYNC_WORDS.loading}</p>${this.connectionBanner()}`;
    const ro = this.readonly;
    this.provideScope(plan, ro, s);
    const people = [...(this.session.provider?.awareness.getStates().values() ?? [])].map((st) => st.user).filter(Boolean) as Array<{ name: string; colour: string }>;
    return html`
      <div class="bar" role="toolbar" aria-label="Plan tools">
        <a href="#/">All plans</a>
        ${
          ro
            ? nothing
            : html`<button @click=${() => plan.undo()} ?disabled=${!plan.canUndo()} aria-keyshortcuts="Control+Z">Undo</button>
              <button @click=${() => plan.redo()} ?disabled=${!plan.canRedo()} aria-keyshortcuts="Control+Shift+Z">Redo</button>`
        }
        <div class="people" aria-label="People in this plan now">${people.map((p) => html`<span class="person" style="background:${p.colour}">${p.name}</span>`)}</div>
        ${this.token && this.roleNow === 'owner' ? html`<button class="share" @click=${this.openShare}>Share</button>` : nothing}
        <details class="files" @keydown=${this.closeFilesOnEscape}>
          <summary>Files</summary>
          <div class="files-panel" @click=${this.filesChosen}>
            <div role="group" aria-labelledby="publish-label">
              <p class="label" id="publish-label">Publish</p>
              <button @click=${() => this.publish('docx')}>Download Word (.docx)</button>
              <button @click=${() => this.publish('xlsx')}>Download the Excel register (.xlsx)</button>
              <button @click=${() => this.publish('csv')}>Download the register (CSV)</button>
              <button @click=${() => this.publish('md')}>Download Markdown (.md)</button>
              <button @click=${() => this.printPlan()}>Print or save as PDF</button>
            </div>
            <div role="group" aria-labelledby="share-label">
              <p class="label" id="share-label">Save and share</p>
              <button @click=${() => this.download(`${s.title}.coplan`, encodeCoplanFile(this.session.doc), 'application/octet-stream')}>Save a .coplan file</button>
              <button @click=${() => this.download(`${s.title}.json`, planToJson(s), 'application/json')}>Download as JSON</button>
              ${ro ? nothing : html`<label>Merge a .coplan file <input type="file" accept=".coplan" @change=${this.mergeFile} /></label>`}
            </div>
            ${
              ro
                ? nothing
                : html`<div role="group" aria-labelledby="bring-label">
                  <p class="label" id="bring-label">Bring in</p>
                  <button @click=${this.openImport}>Import into this plan…</button>
                </div>`
            }
          </div>
        </details>
        <span class="status" role="status" aria-live="polite">${SYNC_WORDS[this.session.sync]}</span>
      </div>
      ${this.importing ? html`<import-dialog .plan=${plan} .userName=${this.user.name} @imported=${this.imported}></import-dialog>` : nothing}
      ${this.session.storageProblem ? html`<p class="message" role="alert">${this.session.storageProblem}</p>` : nothing}
      ${this.connectionBanner()}
      ${ro ? html`<p class="readonly-note">You are viewing this plan: your link lets you read it, not change it. Ask the business office for an editor's link to make changes.</p>` : this.token ? html`<p class="readonly-note">${accessWords(this.roleNow)}</p>` : nothing}
      ${this.sharing ? html`<share-dialog .planId=${this.planId} .token=${this.token} .signIn=${this.signInOffered} @closed=${() => (this.sharing = false)}></share-dialog>` : nothing}
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <div role="status" aria-live="polite">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      <work-in-the-bin-notice .plan=${plan} .snapshot=${s} person=${this.user.name} ?readonly=${ro}></work-in-the-bin-notice>
      <header>
        <p class="meta">${s.partnerships.map((p) => p.name).join(' and ')}</p>
        <h1><editable-text ?readonly=${this.readonly} .awareness=${this.session.provider?.awareness} .plan=${plan} kind="plan" field="title" label="Plan title"></editable-text></h1>
        <p class="meta">
          ${s.period ? html`Period ${formatUkDate(s.period.start)} to ${formatUkDate(s.period.end)}` : nothing} ${s.versionLabel ? html`· Version ${s.versionLabel}` : nothing} · Status: ${PLAN_STATUS_LABELS[s.status]}
        </p>
        <div class="label">Vision</div>
        <editable-text ?readonly=${this.readonly} .awareness=${this.session.provider?.awareness} .plan=${plan} kind="plan" field="vision" label="Vision"></editable-text>
        <plan-details .plan=${plan} .snapshot=${s} .awareness=${this.session.provider?.awareness} ?readonly=${ro}></plan-details>
      </header>
      <nav aria-label="Views of this plan">
        ${(['plan', 'register', 'dashboard', 'scorecard', 'versions', 'leads', 'reports', 'governance'] as const).map(
          (t) =>
            html`<button aria-pressed=${this.tab === t ? 'true' : 'false'} @click=${() => this.show(t)}>${{ plan: 'Plan', register: 'Register', dashboard: 'Dashboard', scorecard: 'Scorecard', versions: 'Versions', leads: 'Leads', reports: 'Reports', governance: 'Governance' }[t]}</button>`,
        )}
      </nav>
      ${this.tab === 'register' && this.loaded.has('register') ? html`<register-view .plan=${plan} .snapshot=${s} ?readonly=${ro} author=${this.user.name}></register-view>` : nothing}
      ${this.tab === 'dashboard' && this.loaded.has('dashboard') ? html`<dashboard-view .snapshot=${s}></dashboard-view>` : nothing}
      ${this.tab === 'scorecard' && this.loaded.has('scorecard') ? html`<scorecard-view .plan=${plan} ?readonly=${ro}></scorecard-view>` : nothing}
      ${this.tab === 'leads' && this.loaded.has('leads') ? html`<leads-view .plan=${plan} .snapshot=${s} ?readonly=${ro}></leads-view>` : nothing}
      ${this.tab === 'reports' && this.loaded.has('reports') ? html`<reports-view .snapshot=${s} .governance=${this.governanceOf?.(plan)}></reports-view>` : nothing}
      ${this.tab === 'governance' && this.loaded.has('governance') ? html`<governance-view .plan=${plan} ?readonly=${ro}></governance-view>` : nothing}
      ${this.tab === 'versions' && this.loaded.has('versions') ? html`<versions-view .plan=${plan} .snapshot=${s} ?readonly=${ro}></versions-view>` : nothing}
      <div class="plan-tab" ?hidden=${this.tab !== 'plan'}>
        <plan-search .plan=${plan} .snapshot=${s}></plan-search>
        <action-filters .snapshot=${s} @filter-change=${(e: CustomEvent<ActionFilter>) => (this.filter = Object.keys(e.detail).some((k) => k !== 'asOf') ? e.detail : null)}></action-filters>
        ${this.filter ? html`<p role="status">Showing ${this.shown(s).size} of ${listActions(s).length} actions that match the filter.</p>` : nothing}
        <plan-outline></plan-outline>
      </div>
      ${
        s.bin.length
          ? html`<section class="bin" aria-labelledby="bin-heading">
            <h2 id="bin-heading">Bin</h2>
            <ul>
              ${s.bin.map(
                (b) => html`<li>
                  ${b.kind}: ${b.label}
                  ${b.contains.some((c) => c.addedAfterDelete) ? html`<strong> (a partner added to it after it was deleted)</strong>` : nothing}
                  ${ro ? nothing : html`<button @click=${() => this.run(() => plan.restore(b.kind, b.id))}>Restore ${b.kind}</button>`}
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
    `;
  }

  private shownFor: { snapshot: PlanSnapshot; filter: ActionFilter; ids: Set<string> } | null = null;
  /** The ids of the actions the filter keeps, worked out once per snapshot and filter. */
  private shown(s: PlanSnapshot): Set<string> {
    if (!this.filter) return new Set();
    if (this.shownFor?.snapshot !== s || this.shownFor.filter !== this.filter)
      this.shownFor = { snapshot: s, filter: this.filter, ids: new Set(filterActions(s, this.filter).map((r) => r.action.id)) };
    return this.shownFor.ids;
  }

  private download(name: string, content: string | Uint8Array, type: string): void {
    const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name.replace(/[\\/:*?"<>|]/g, '-');
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** The Files menu, closed, with focus back on it. */
  private closeFiles(): void {
    const details = this.renderRoot.querySelector('details.files') as HTMLDetailsElement | null;
    if (!details) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  }

  /** Choosing one of the Files menu's buttons closes the menu: it does not stay over the plan, or behind the import dialog. */
  private readonly filesChosen = (e: Event): void => {
    if ((e.target as Element).closest('button')) this.closeFiles();
  };

  /** Escape closes the Files menu and puts focus back on it. */
  private readonly closeFilesOnEscape = (e: KeyboardEvent): void => {
    const details = e.currentTarget as HTMLDetailsElement;
    if (e.key !== 'Escape' || !details.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  /** Downloads the core's export of the plan; the exporters load on first use. */
  private async publish(format: 'docx' | 'xlsx' | 'csv' | 'md'): Promise<void> {
    const what = { docx: 'the Word document', xlsx: 'the Excel register', csv: 'the register', md: 'the Markdown file' }[format];
    await this.publishing(`Preparing ${what}…`, async ({ exportFile }, s) => {
      const file = await exportFile(s, format, format === 'xlsx' || format === 'csv' ? ' - register' : '');
      this.download(file.name, file.data, file.type);
      return `Downloaded ${file.name}.`;
    });
  }

  /** Opens the print dialog on the core's HTML export (which carries its own print stylesheet); "Save as PDF" is one of the printers. */
  private async printPlan(): Promise<void> {
    await this.publishing('Preparing the plan for printing…', async ({ printPlan }, s) => {
      await printPlan(s);
      return 'The plan was sent to the print dialog. To make a PDF, choose “Save as PDF” as the printer.';
    });
  }

  /** Loads the publishing code, runs one export, and says how it went (a refusal in the core's words). */
  private async publishing(preparing: string, fn: (publish: typeof import('../state/publish.js'), s: PlanSnapshot) => Promise<string>): Promise<void> {
    const s = this.session.snapshot;
    if (!s) return;
    this.message = '';
    this.notice = preparing;
    try {
      const publish = await import('../state/publish.js');
      try {
        this.notice = await fn(publish, s);
      } catch (e) {
        if (!(e instanceof PlanError)) throw e;
        this.notice = '';
        this.message = e.message;
      }
    } catch (e) {
      this.notice = '';
      throw e;
    }
  }

  /** "Import into this plan…": loads the import dialog on demand and opens it. */
  private async openImport(): Promise<void> {
    // The Files menu closes as the dialog opens: focus returns to it when the dialog closes.
    const opener = this.renderRoot.querySelector('details.files summary') as HTMLElement | null;
    await import('./import-dialog.js');
    this.importing = true;
    await this.updateComplete;
    (this.renderRoot.querySelector('import-dialog') as ImportDialog).open(opener);
  }

  /** Says what came in, and that one undo takes the whole import back. */
  private readonly imported = (e: CustomEvent<Imported>): void => {
    const { priorities, actions, mode } = e.detail;
    const what = `${priorities} ${priorities === 1 ? 'priority' : 'priorities'} with ${actions} ${actions === 1 ? 'action' : 'actions'}`;
    this.message = '';
    this.notice = `Imported ${what} into this plan${mode === 'replace' ? '; its previous priorities are in the bin' : ''}. To take the whole import back, press Undo once (Ctrl+Z).`;
  };

  /** Merges a .coplan file someone brought on a USB stick: nothing here is overwritten. */
  private async mergeFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.closeFiles();
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.run(() => mergeCoplanFile(this.session.doc, bytes));
    if (!this.message) this.message = `Merged ${file.name} into this plan.`;
    input.value = '';
  }

  /** The plan, as every item needs it, through context: a new value (and a re-render of the items) only when one of its parts changed. */
  private provideScope(plan: NonNullable<PlanController['plan']>, readonly: boolean, s: PlanSnapshot): void {
    const awareness = this.session.provider?.awareness ?? null;
    const shown = this.filter ? this.shown(s) : null;
    const now = this.provider.value;
    if (now && now.plan === plan && now.readonly === readonly && now.awareness === awareness && now.shown === shown) return;
    const scope: PlanScope = { plan, awareness, readonly, user: this.user, shown, snapshot: () => this.session.snapshot };
    this.provider.setValue(scope);
  }

  /** On the plan tab without a filter, items follow their own changes: the whole plan is re-read only for what this view shows. */
  protected override willUpdate(): void {
    this.session.wholePlan = this.tab !== 'plan' || this.filter !== null;
  }

  private async show(tab: 'plan' | 'register' | 'dashboard' | 'scorecard' | 'versions' | 'leads' | 'reports' | 'governance'): Promise<void> {
    if (tab === 'scorecard' && !this.loaded.has(tab)) await import('./scorecard-view.js');
    if (tab === 'governance' && !this.loaded.has(tab)) await import('./governance-view.js');
    if (tab === 'reports' && !this.loaded.has(tab)) {
      const [{ Governance }] = await Promise.all([import('@coplan/core/governance'), import('./reports-view.js')]);
      this.governanceOf = (plan) => new Governance(plan).snapshot();
    }
    if (tab === 'leads' && !this.loaded.has(tab)) await import('./leads-view.js');
    if (tab === 'versions' && !this.loaded.has(tab)) await import('./versions-view.js');
    if (tab === 'register' && !this.loaded.has(tab)) await import('./register-view.js');
    if (tab === 'dashboard' && !this.loaded.has(tab)) await import('./dashboard-view.js');
    this.loaded.add(tab);
    this.tab = tab;
  }
}
customElements.define('plan-view', PlanView);
