import { css, html, LitElement, nothing } from 'lit';
import type { PlanInput } from '@coplan/core';
import { listDevicePlans, savedUser, saveUser } from '../state/device-plans.js';
import { signedIn, signOut, type SignedIn } from '../state/signed-in.js';
import type { SignInIssuer } from '../state/sign-in.js';
import { planOfToken } from '../state/token-role.js';
import { askToKeepPlans, storageAdvice } from '../state/storage-advice.js';
import './plan-list.js';

type Route = { view: 'list' } | { view: 'plan'; planId: string; token: string } | { view: 'accessibility' };

function readRoute(): Route {
  // A link of the form /?token=… (as older instructions gave it) opens the plan its token is for.
  const searchToken = new URLSearchParams(location.search).get('token');
  const tokenPlan = searchToken ? planOfToken(searchToken) : null;
  if (tokenPlan && !location.hash.startsWith('#/plan/')) history.replaceState(null, '', `${location.pathname}#/plan/${encodeURIComponent(tokenPlan)}?token=${searchToken}`);
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const plan = /^\/plan\/([^/]+)$/.exec(path ?? '');
  if (plan) return { view: 'plan', planId: decodeURIComponent(plan[1]!), token: new URLSearchParams(query).get('token') ?? '' };
  if (path === '/accessibility') return { view: 'accessibility' };
  return { view: 'list' };
}

/** The app shell: asks the person's name once, routes between the plan list and a plan, and says whether storage is persistent. */
export class CoplanApp extends LitElement {
  static override properties = {
    route: { state: true },
    planViewLoaded: { state: true },
    user: { state: true },
    demoAvailable: { state: true },
    storage: { state: true },
    who: { state: true },
    organisations: { state: true },
    signInProblem: { state: true },
  };
  /** Who is signed in with their organisation's account, if anyone. */
  who: SignedIn | null = signedIn();
  /** The organisations the relay takes sign-ins from (none: no sign-in offered). */
  organisations: { clientId: string; issuers: SignInIssuer[] } | null = null;
  signInProblem = '';
  route: Route = readRoute();
  /** Whether `<plan-view>` is defined: it is rendered only then, so the properties it is given are its own. */
  planViewLoaded = false;
  user = savedUser();
  demoAvailable = false;
  storage = '';
  static override styles = css`
    :host { display: block; }
    .top { background: #1d4f91; color: #fff; padding: 0.5rem 1rem; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
    .top a { color: #fff; font-weight: 700; font-size: 1.2rem; }
    .storage { margin-left: auto; font-size: 0.9rem; }
    .who { font-size: 0.9rem; }
    .sign-in { display: flex; gap: 0.5rem; align-items: center; margin: 0; max-width: none; flex-direction: row; }
    .sign-in label { font-size: 0.9rem; }
    .sign-in select { font: inherit; min-height: 44px; }
    button.quiet { background: #fff; color: #1d4f91; border: 2px solid #fff; padding: 0 0.8rem; }
    .sign-in-problem { background: #f6d7d2; padding: 0.5rem 1rem; margin: 0; }
    form { max-width: 30rem; margin: 2rem auto; display: flex; flex-direction: column; gap: 0.75rem; }
    input { font: inherit; min-height: 44px; padding: 0.3rem; border: 2px solid #0b0c0c; }
    button { min-height: 44px; font: inherit; border: 2px solid #005a30; background: #00703c; color: #fff; border-radius: 4px; }
    article { max-width: 50rem; margin: 0 auto; padding: 1rem; }
    /* Off screen until focused: the first Tab stop on every page, inside the banner so all content is in landmarks. */
    .skip { position: absolute; left: -999rem; }
    .skip:focus { position: static; background: #ffdd00; color: #0b0c0c; border: 0; min-height: 44px; padding: 0.5rem 1rem; outline: 3px solid #0b0c0c; text-decoration: underline; }
    main:focus { outline: none; }
  `;

  /** The plan screen's code (the plan, Yjs, sync) loads when a plan is first opened: the list of plans does not need it. */
  protected override willUpdate(): void {
    if (this.route.view === 'plan' && !this.planViewLoaded) void import('./plan-view.js').then(() => (this.planViewLoaded = true));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', () => (this.route = readRoute()));
    void this.checkDemo();
    void this.askForPersistence();
    // Sign-in's code loads after the first screen: finishing a sign-in and the relay's options are not on its path.
    const signIn = import('../state/sign-in.js');
    signIn
      .then((m) => m.finishSignIn())
      .then(
        (who) => {
          if (who) {
            this.who = who;
            this.route = readRoute();
          }
        },
        (e: unknown) => (this.signInProblem = e instanceof Error ? e.message : String(e)),
      );
    void signIn.then((m) => m.signInOptions()).then((o) => (this.organisations = o));
  }

  /** With the relay's demo on, a first visit opens the demo plan. */
  private async checkDemo(): Promise<void> {
    try {
      const res = await fetch('/api/demo', { cache: 'no-store' });
      if (!res.ok) return;
      this.demoAvailable = true;
      if (this.route.view === 'list' && listDevicePlans().length === 0) location.hash = `#/plan/${encodeURIComponent(((await res.json()) as { planId: string }).planId)}`;
    } catch {
      // Offline: the plans on this device are still here.
    }
  }

  private async askForPersistence(): Promise<void> {
    this.storage = storageAdvice(await askToKeepPlans());
  }

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

  /** The skip link moves focus into the page's main content: a button, as a hash link would change the route. */
  private readonly skipToMain = (): void => {
    (this.renderRoot.querySelector('main') as HTMLElement | null)?.focus();
  };

  override render() {
    // The top bar is the page's banner; everything else is in its one main landmark.
    const top = html`<header class="top"><button class="skip" @click=${this.skipToMain}>Skip to main content</button><a href="#/">Coplan</a><span class="storage" role="status">${this.storage}</span>${this.signInBar()}</header>
      ${this.signInProblem ? html`<p class="sign-in-problem" role="alert">${this.signInProblem}</p>` : ''}`;
    if (!this.user)
      return html`${top}
        <main id="main" tabindex="-1"><form @submit=${(e: Event) => {
          e.preventDefault();
          const name = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
          if (name) this.user = saveUser(name);
        }}>
          <h1>Welcome to Coplan</h1>
          <label for="name">Your name, as partners will see it beside your changes</label>
          <input id="name" name="name" autocomplete="name" required />
          <button type="submit">Continue</button>
        </form></main>`;
    if (this.route.view === 'plan')
      // A link's own token first; else the sign-in, for plans shared with this person or their organisation.
      return html`${top}<main id="main" tabindex="-1">${this.planViewLoaded ? html`<plan-view .planId=${this.route.planId} .token=${this.route.token || this.who?.idToken || ''} .user=${this.user}></plan-view>` : nothing}</main>`;
    if (this.route.view === 'accessibility')
      return html`${top}<main id="main" tabindex="-1"><article>
          <h1>Accessibility statement</h1>
          <p>Coplan aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, as UK public sector bodies must.</p>
          <p>Everything can be done with a keyboard; focus is always visible; RAG status is written in words as well as shown in colour; changes in sync status are announced to screen readers; touch targets are at least 44 pixels.</p>
          <p>Every view, the import dialog and each report is checked with an automated tester (axe) against WCAG 2.2 A and AA. Published Word documents and PDFs have real headings, table header rows that repeat on each page, and RAG written in words.</p>
          <p>Known gaps: a page does not scroll by itself while you drag an item (use the Move buttons or the keyboard instead), and a plan with many hundreds of actions makes a long page. Tell your partnership's business office about any barrier you meet.</p>
        </article></main>`;
    return html`${top}<main id="main" tabindex="-1"><plan-list .demoAvailable=${this.demoAvailable} .userName=${this.user.name} @open-demo=${() => (location.hash = '#/plan/demo')} @new-plan=${(e: CustomEvent<{ template: boolean }>) => void this.newPlan(e.detail?.template ?? false)}></plan-list></main>`;
  }
}
customElements.define('coplan-app', CoplanApp);
