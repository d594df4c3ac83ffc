import { css, html, LitElement, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { PlanInput } from '@coplan/core';
import { listDevicePlans, savedUser, saveUser } from '../state/device-plans.js';
import { signedIn, signOut, type SignedIn } from '../state/signed-in.js';
import type { SignInIssuer } from '../state/sign-in.js';
import { planOfToken } from '../state/token-role.js';
import { askToKeepPlans, dismissStorageNote, storageAdvice, storageNoteDismissed } from '../state/storage-advice.js';
import { OnDemand } from './on-demand.js';
import { planAddressHash, readPlanAddress, type PlanAddress } from './plan-address.js';
import type { PlanTab } from './plan-tabs.js';
import { focusRing } from './shared-styles.js';
import { focusedElement } from './focused-element.js';
import { pageTitle } from '../state/page-title.js';
import { accessibilityStatement } from './accessibility-statement.js';

type Route = { view: 'list' } | ({ view: 'plan' } & PlanAddress) | { view: 'accessibility' };

function readRoute(): Route {
  // A link of the form /?token=… (as older instructions gave it) opens the plan its token is for.
  const searchToken = new URLSearchParams(location.search).get('token');
  const tokenPlan = searchToken ? planOfToken(searchToken) : null;
  if (tokenPlan && !location.hash.startsWith('#/plan/')) history.replaceState(null, '', `${location.pathname}#/plan/${encodeURIComponent(tokenPlan)}?token=${searchToken}`);
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const plan = readPlanAddress(path ?? '', query ?? '');
  if (plan) return { view: 'plan', ...plan };
  if (path === '/accessibility') return { view: 'accessibility' };
  return { view: 'list' };
}

/** The app shell: asks the person's name once, routes between the plan list and a plan, and says whether storage is persistent. */
export class CoplanApp extends LitElement {
  static override properties = {
    route: { state: true },
    user: { state: true },
    demoAvailable: { state: true },
    storage: { state: true },
    storageKnown: { state: true },
    who: { state: true },
    organisations: { state: true },
    signInProblem: { state: true },
    finishingSignIn: { state: true },
  };
  /** Who is signed in with their organisation's account, if anyone. */
  who: SignedIn | null = signedIn();
  /** The organisations the relay takes sign-ins from (none: no sign-in offered). */
  organisations: { clientId: string; issuers: SignInIssuer[] } | null = null;
  signInProblem = '';
  /**
   * True while the organisation's sign-in page has just sent the browser back
   * with a code that is not yet exchanged: a plan opened now would go to the
   * relay without the sign-in and be refused, so the plan screen waits.
   */
  finishingSignIn = new URLSearchParams(location.search).has('state');
  route: Route = readRoute();
  /** The plan screen (the plan, Yjs, sync): rendered only once defined, so the properties it is given are its own. */
  private readonly planView = new OnDemand(this, 'the plan', () => import('./plan-view.js'));
  /** The list of plans: a person opening a plan's address does not fetch it. */
  private readonly planList = new OnDemand(this, 'the list of plans', () => import('./plan-list.js'));
  user = savedUser();
  demoAvailable = false;
  storage = '';
  /** Whether the browser has said how it keeps plans (the note is decided: shown, or dismissed before). */
  storageKnown = false;
  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    .top { background: #1d4f91; color: #fff; padding: 0.25rem 1rem; display: flex; gap: 0 1rem; align-items: center; flex-wrap: wrap; }
    .top a { color: #fff; font-weight: 700; font-size: 1.2rem; }
    .note { margin-left: auto; display: flex; align-items: center; gap: 0.5rem; min-width: 0; }
    .storage { font-size: 0.85rem; }
    /* Small, so the top bar keeps its height (a 24 px target or more: WCAG 2.5.8). */
    .note button.dismiss { font-size: 0.85rem; min-height: 1.75rem; padding: 0 0.5rem; flex: none; }
    .who { font-size: 0.9rem; }
    .sign-in { display: flex; gap: 0.5rem; align-items: center; margin: 0; max-width: none; flex-direction: row; }
    .sign-in label { font-size: 0.9rem; }
    .sign-in select { font: inherit; min-height: 44px; }
    button.quiet { background: #fff; color: #1d4f91; border: 2px solid #fff; padding: 0 0.8rem; }
    .sign-in-problem { background: #f6d7d2; padding: 0.5rem 1rem; margin: 0; }
    /* A screen whose code is loading, or could not be fetched (OnDemand's placeholder). */
    main > p { margin: 1rem; }
    main > .message { background: #f6d7d2; padding: 0.5rem 1rem; }
    form { max-width: 30rem; margin: 2rem auto; display: flex; flex-direction: column; gap: 0.75rem; }
    input { font: inherit; min-height: 44px; padding: 0.3rem; border: 2px solid #0b0c0c; }
    button { min-height: 44px; font: inherit; border: 2px solid #005a30; background: #00703c; color: #fff; border-radius: 4px; }
    article { max-width: 50rem; margin: 0 auto; padding: 1rem; }
    /* Off screen until focused: the first Tab stop on every page, inside the banner so all content is in landmarks. */
    .skip { position: absolute; left: -999rem; }
    .skip:focus { position: static; background: #ffdd00; color: #0b0c0c; border: 0; min-height: 44px; padding: 0.5rem 1rem; outline: 3px solid #0b0c0c; text-decoration: underline; }
    main:focus { outline: none; }
    .foot { border-top: 1px solid #b1b4b6; margin-top: 2rem; padding: 1rem; }
    .foot a { color: #1d70b8; }
    /* Printed, the plan is a document: no app bar (storage and install advice, sign-in) or foot. */
    @media print { .top, .sign-in-problem, .foot { display: none; } }
  `,
  ];

  /** Each screen's code loads when it is first shown: the list of plans and a plan need little of each other's. */
  protected override willUpdate(): void {
    if (this.route.view === 'plan') this.planView.want();
    if (this.route.view === 'list') this.planList.want();
  }

  /** Once one screen is here, the other's code follows in the background, so going between them works if the network then goes. */
  protected override updated(): void {
    // A plan's screen keeps its own title (its view and the plan's title).
    if (!this.user) document.title = pageTitle('Welcome');
    else if (this.route.view === 'list') document.title = pageTitle('Plans on this device');
    else if (this.route.view === 'accessibility') document.title = pageTitle('Accessibility statement');
    // The welcome screen asks one thing: the caret starts in its box (unless the person has gone somewhere already).
    const name = this.user ? null : this.renderRoot.querySelector<HTMLInputElement>('input#name');
    if (name && (document.activeElement === document.body || document.activeElement === null)) name.focus();
    if (this.planView.module || this.planList.module) {
      this.planView.want();
      this.planList.want();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', () => {
      const before = this.route;
      this.route = readRoute();
      // Another screen (not another view of the same plan): focus goes to its heading, as after the welcome screen.
      const samePlan = before.view === 'plan' && this.route.view === 'plan' && before.planId === this.route.planId;
      // Not while the welcome screen asks the person's name (it stands in front of whichever screen the address names).
      if (this.user && !samePlan && (before.view !== this.route.view || this.route.view === 'plan')) void this.focusNextHeading(focusedElement());
    });
    // The tab and the meeting open are in the address, so a reload or a link keeps them; Back goes to the one before.
    this.addEventListener('tab-chosen', ((e: CustomEvent<PlanTab>) => this.goTo({ tab: e.detail, meeting: '' })) as EventListener);
    this.addEventListener('meeting-chosen', ((e: CustomEvent<string>) => this.goTo({ meeting: e.detail })) as EventListener);
    void this.checkDemo();
    void this.askForPersistence();
    // Sign-in's code loads after the first screen: finishing a sign-in and the relay's options are not on its path.
    const signIn = import('../state/sign-in.js');
    signIn
      .then((m) => m.finishSignIn())
      .then(
        (who) => {
          if (who) this.who = who;
        },
        (e: unknown) => (this.signInProblem = e instanceof Error ? e.message : String(e)),
      )
      .finally(() => {
        // finishSignIn put back the address the person signed in from (without a hashchange).
        this.route = readRoute();
        this.finishingSignIn = false;
      });
    void signIn.then((m) => m.signInOptions()).then((o) => (this.organisations = o));
  }

  /** Puts where the person is on the plan screen (its tab, the meeting open) into the address. */
  private goTo(change: Partial<PlanAddress>): void {
    if (this.route.view !== 'plan') return;
    const hash = planAddressHash({ ...this.route, ...change });
    if (hash !== location.hash) location.hash = hash;
  }

  /** With the relay's demo on, a first visit opens the demo plan. */
  private async checkDemo(): Promise<void> {
    try {
      const res = await fetch('/api/demo', { cache: 'no-store' });
      if (!res.ok) return;
      // A relay without --demo answers {"planId":null}.
      const { planId } = (await res.json()) as { planId?: string | null };
      if (!planId) return;
      this.demoAvailable = true;
      if (this.route.view === 'list' && !this.finishingSignIn && listDevicePlans().length === 0) location.hash = `#/plan/${encodeURIComponent(planId)}`;
    } catch {
      // Offline: the plans on this device are still here.
    }
  }

  private async askForPersistence(): Promise<void> {
    const words = storageAdvice(await askToKeepPlans());
    this.storage = storageNoteDismissed(words) ? '' : words;
    this.storageKnown = true;
  }

  /** The storage note goes, for good on this device; focus goes to the page's main content rather than falling to the page. */
  private readonly dismissStorage = (): void => {
    dismissStorageNote(this.storage);
    this.storage = '';
    this.skipToMain();
  };

  /** Who is signed in and a way out, or a way in when the relay offers sign-in. */
  private signInBar() {
    if (this.who)
      return html`<span class="who">Signed in as ${this.who.name} (${this.who.email})</span><button class="quiet" @click=${() => {
        signOut();
        this.who = null;
      }}>Sign out</button>`;
    const orgs = this.organisations;
    if (!orgs || orgs.issuers.length === 0) return '';
    return html`<form class="sign-in" @submit=${(e: Event) => {
      e.preventDefault();
      const issuer = String(new FormData(e.target as HTMLFormElement).get('issuer') ?? orgs.issuers[0]!.issuer);
      import('../state/sign-in.js').then((m) => m.startSignIn(issuer, orgs.clientId)).catch((err: unknown) => (this.signInProblem = err instanceof Error ? err.message : String(err)));
    }}>
      ${
        orgs.issuers.length > 1
          ? html`<label for="issuer">Your organisation</label><select id="issuer" name="issuer">${orgs.issuers.map((i) => html`<option value=${i.issuer}>${i.name}</option>`)}</select>`
          : html`<input type="hidden" name="issuer" value=${orgs.issuers[0]!.issuer} />`
      }
      <button class="quiet" type="submit">Sign in${orgs.issuers.length === 1 ? ` with ${orgs.issuers[0]!.name}` : ''}</button>
    </form>`;
  }

  private async newPlan(fromTemplate: boolean): Promise<void> {
    const now = new Date();
    // Business years start in April: from April this is the year under way, from January the one about to start.
    const input: PlanInput = fromTemplate ? (await import('@coplan/seeds')).businessPlanTemplate(now.getFullYear()) : { title: 'Untitled business plan', status: 'draft' };
    const { startPlan } = await import('../state/new-plan.js');
    const id = await startPlan(input, this.user!.name);
    location.hash = `#/plan/${encodeURIComponent(id)}`;
  }

  /**
   * After the welcome screen, or going to another screen (a plan, the list
   * of plans), focus goes to the next screen's main heading (the plan's
   * title, or "Plans on this device") once it is drawn, so a screen reader
   * says where the person is rather than focus falling to the page or
   * staying on the link they followed (`from`). Given up after 10 seconds,
   * or as soon as the person puts focus somewhere themselves.
   */
  private async focusNextHeading(from: Element | null = null): Promise<void> {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      await new Promise((r) => requestAnimationFrame(r));
      // Focus still where it was when the screen changed (a link in the top bar), or fallen to the page.
      const at = focusedElement();
      if (at && at !== document.body && at !== from) return;
      const main = this.renderRoot.querySelector('main');
      const screen = main?.firstElementChild;
      const heading = screen?.shadowRoot?.querySelector<HTMLElement>('h1') ?? main?.querySelector<HTMLElement>('h1');
      if (!heading) continue;
      heading.tabIndex = -1;
      heading.focus();
      return;
    }
  }

  /** The skip link moves focus into the page's main content: a button, as a hash link would change the route. */
  private readonly skipToMain = (): void => {
    (this.renderRoot.querySelector('main') as HTMLElement | null)?.focus();
  };

  override render() {
    // The top bar is the page's banner; everything else is in its one main landmark.
    const top = html`<header class="top"><button class="skip" @click=${this.skipToMain}>Skip to main content</button><a href="#/">Coplan</a><span class="note" ?data-known=${this.storageKnown}><span class="storage" role="status">${this.storage}</span>${this.storage ? html`<button class="quiet dismiss" aria-label="Dismiss the storage note" @click=${this.dismissStorage}>Dismiss</button>` : ''}</span>${this.signInBar()}</header>
      ${this.signInProblem ? html`<p class="sign-in-problem" role="alert">${this.signInProblem}</p>` : ''}`;
    // The page's foot, the same on every screen after the welcome (WCAG 3.2.3): the statement from a plan as from the list.
    const foot = html`<footer class="foot"><a href="#/accessibility" aria-current=${this.route.view === 'accessibility' ? 'page' : nothing}>Accessibility statement</a></footer>`;
    if (!this.user)
      return html`${top}
        <main id="main" tabindex="-1"><form @submit=${(e: Event) => {
          e.preventDefault();
          const name = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
          if (!name) return;
          this.user = saveUser(name);
          void this.focusNextHeading();
        }}>
          <h1>Welcome to Coplan</h1>
          <label for="name">Your name, as partners will see it beside your changes</label>
          <input id="name" name="name" autocomplete="name" required />
          <button type="submit">Continue</button>
        </form></main>`;
    if (this.finishingSignIn) return html`${top}<main id="main" tabindex="-1"><p role="status">Finishing signing in…</p></main>`;
    if (this.route.view === 'plan') {
      // A link's own token first; else the sign-in, for plans shared with this person or their organisation.
      const token = this.route.token || this.who?.idToken || '';
      // A plan screen opens its plan once, with the credentials it was given: another plan, or new credentials
      // (signed in or out, another link), is a new screen, so the relay is asked again with them.
      const view = html`<plan-view .planId=${this.route.planId} .token=${token} .user=${this.user} .tab=${this.route.tab} .meetingId=${this.route.meeting}></plan-view>`;
      return html`${top}<main id="main" tabindex="-1">${this.planView.module ? keyed(`${this.route.planId}\n${token}`, view) : this.planView.placeholder()}</main>${foot}`;
    }
    if (this.route.view === 'accessibility') return html`${top}<main id="main" tabindex="-1">${accessibilityStatement()}</main>${foot}`;
    if (!this.planList.module) return html`${top}<main id="main" tabindex="-1">${this.planList.placeholder()}</main>${foot}`;
    return html`${top}<main id="main" tabindex="-1"><plan-list .demoAvailable=${this.demoAvailable} .userName=${this.user.name} @open-demo=${() => (location.hash = '#/plan/demo')} @new-plan=${(e: CustomEvent<{ template: boolean }>) => void this.newPlan(e.detail?.template ?? false)}></plan-list></main>${foot}`;
  }
}
customElements.define('coplan-app', CoplanApp);
