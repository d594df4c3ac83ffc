import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SharingClient, SharingRefused, type ShareLink } from '../state/sharing.js';
import { formatDay } from '../state/share-words.js';
import { focusRing } from './shared-styles.js';

/**
 * The owner's Share dialog: make a link for editors or viewers (with a label
 * and, if wanted, an expiry), copy it, and see every link with who used it and
 * when, taking any of them back. On a server without access control (no
 * token needed, as `npm start` runs it) it says so plainly instead: the plan's
 * address is the way in, and who runs the server can turn links on. A native `<dialog>`: focus moves into it and
 * back to the Share button when it closes (Escape closes it).
 *
 * @fires closed - when the dialog closes
 */
export class ShareDialog extends LitElement {
  static override properties = {
    planId: {},
    token: {},
    signIn: { type: Boolean },
    reached: { type: Boolean },
    log: { state: true },
    links: { state: true },
    message: { state: true },
    made: { state: true },
    busy: { state: true },
  };
  /** Whether the server takes sign-ins, so the plan can be shared with people and domains too. */
  signIn = false;
  planId = '';
  /** The owner's token; '' on a server that lets anyone in (no links to make). */
  token = '';
  /** Without a token: whether this server has let this person in (synced), so its openness is known, not guessed. */
  reached = false;
  links: ShareLink[] = [];
  /** The access log, newest first (the last 50 shown). */
  log: Array<{ at: string; linkId: string | null; name: string; role: string }> = [];
  message = '';
  made: { url: string; role: string } | null = null;
  busy = false;
  static override styles = [
    focusRing,
    css`
    dialog { max-width: 46rem; width: calc(100% - 2rem); border: 2px solid #0b0c0c; padding: 1rem 1.25rem; }
    dialog::backdrop { background: rgb(0 0 0 / 40%); }
    form { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1rem; align-items: center; }
    label { font-weight: 700; }
    input, select, button { font: inherit; min-height: 44px; }
    input, select { border: 2px solid #0b0c0c; padding: 0 0.4rem; }
    button { border: 2px solid #1d4f91; background: #fff; color: #1d4f91; border-radius: 4px; padding: 0 0.8rem; cursor: pointer; }
    button.primary { background: #1d4f91; color: #fff; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #fd0; outline-offset: 0; box-shadow: 0 0 0 5px #0b0c0c; }
    .made { background: #cce2d8; padding: 0.5rem 0.75rem; margin: 1rem 0; word-break: break-all; }
    .message { background: #f6d7d2; padding: 0.5rem 0.75rem; }
    table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
    th, td { text-align: left; border-bottom: 1px solid #b1b4b6; padding: 0.4rem; vertical-align: top; }
    .actions { display: flex; justify-content: flex-end; margin-top: 1rem; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    details.taken { margin-top: 1rem; }
    summary { min-height: 44px; box-sizing: border-box; padding: 0.6rem 0; cursor: pointer; }
    summary:focus-visible { outline: 3px solid #fd0; box-shadow: 0 0 0 5px #0b0c0c; }
    /* On a phone the tables share the dialog's width: long words break and the buttons stack, nothing is off to the side. */
    @media (max-width: 40rem) {
      dialog { width: calc(100% - 1rem); padding: 0.75rem; box-sizing: border-box; }
      form { grid-template-columns: 1fr; }
      table { font-size: 0.85rem; }
      th, td { padding: 0.25rem; overflow-wrap: anywhere; }
      button { padding: 0 0.5rem; }
      .buttons { flex-direction: column; }
    }
  `,
  ];

  private client(): SharingClient {
    return new SharingClient(this.planId, this.token);
  }

  /** How often, while it is open, the links' use and the access log are read again (ms): partners open the link while the owner watches. */
  static readonly REFRESH_EVERY = 5000;
  private refreshing: ReturnType<typeof setInterval> | undefined;

  /** Opens the dialog and loads the plan's links; they are read again every few seconds while it stays open. */
  async show(): Promise<void> {
    await this.updateComplete;
    this.shadowRoot!.querySelector('dialog')!.showModal();
    if (!this.token) return;
    this.stopRefreshing();
    this.refreshing = setInterval(() => {
      if (document.visibilityState === 'visible' && !this.busy) void this.refresh(true);
    }, ShareDialog.REFRESH_EVERY);
    await this.refresh();
  }

  private stopRefreshing(): void {
    clearInterval(this.refreshing);
    this.refreshing = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopRefreshing();
  }

  /** Closed (Close, Escape): no more reading the links; the plan view is told. */
  private readonly onClosed = (): void => {
    this.stopRefreshing();
    this.dispatchEvent(new CustomEvent('closed'));
  };

  /** Reads the links and the access log; a refusal is shown, unless this is a read in the background (the last figures stay). */
  private async refresh(background = false): Promise<void> {
    try {
      [this.links, this.log] = await Promise.all([this.client().links(), this.client().accessLog()]);
    } catch (e) {
      if (!background) this.message = e instanceof SharingRefused ? e.message : String(e);
    }
  }

  private readonly create = async (e: Event): Promise<void> => {
    e.preventDefault();
    const form = e.target as HTMLFormElement; // read now: an event from a shadow tree has no target once dispatched
    const data = new FormData(form);
    const role = data.get('role') === 'viewer' ? 'viewer' : 'editor';
    const expires = String(data.get('expires') ?? '');
    this.busy = true;
    this.message = '';
    this.announce(''); // what the last action said (a link taken back) no longer holds
    try {
      const made = await this.client().create(role, String(data.get('label') ?? '').trim(), expires || null);
      this.made = { url: made.url, role };
      form.reset();
      await this.refresh();
      // Said, and focus taken to it, so a person who cannot see the new box knows it came and where Copy is.
      this.announce(`New link made (${role === 'viewer' ? 'read only' : 'can edit'}). Copy it and send it to the people it is for.`);
      await this.updateComplete;
      this.shadowRoot!.querySelector<HTMLElement>('button.copy-new')?.focus();
    } catch (err) {
      this.message = err instanceof SharingRefused ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  };

  private readonly shareWithPeople = async (e: Event): Promise<void> => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const who = String(data.get('who') ?? '');
    const role = String(data.get('role') ?? 'editor') as 'owner' | 'editor' | 'viewer';
    this.message = '';
    this.announce('');
    try {
      await this.client().shareWith(who, role);
      form.reset();
      this.announce(`Shared with ${who.includes('@') && !who.startsWith('@') ? who : `everyone at ${who.replace(/^@/, '')}`}: they open the plan by signing in.`);
      await this.refresh();
    } catch (err) {
      this.message = err instanceof SharingRefused ? err.message : String(err);
    }
  };

  private async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.message = '';
      this.announce('Link copied.');
    } catch {
      this.announce('Copying is not allowed here: select the link and copy it.');
    }
  }

  private async revoke(link: ShareLink): Promise<void> {
    this.message = '';
    try {
      await this.client().revoke(link.id);
      this.announce(`The link “${link.label || 'without a label'}” no longer works; anyone using it has been disconnected.`);
      await this.refresh();
      // Its row has gone to "Taken back": focus goes there rather than falling to the page.
      await this.updateComplete;
      this.shadowRoot!.querySelector<HTMLElement>('details.taken summary')?.focus();
    } catch (e) {
      this.message = e instanceof SharingRefused ? e.message : String(e);
    }
  }

  /** A link's who, access, use and end, as table cells. */
  private linkCells(l: ShareLink) {
    return html`<td>${l.toDomain ? `Everyone at ${l.toDomain}` : l.label || 'No label'}</td>
      <td>${l.role === 'viewer' ? 'Read only' : l.role === 'owner' ? 'Owner' : 'Can edit'}</td>
      <td>${l.uses === 0 ? 'Not yet' : `${l.uses} time${l.uses === 1 ? '' : 's'}, last ${formatDay(l.lastUsedAt!)}`}</td>
      <td>${l.revokedAt ? `Taken back ${formatDay(l.revokedAt)}` : l.expiresAt ? formatDay(l.expiresAt) : 'When taken back'}</td>`;
  }

  private announce(words: string): void {
    const status = this.shadowRoot!.querySelector('[role=status]')!;
    status.textContent = words;
  }

  private close(): void {
    this.shadowRoot!.querySelector('dialog')!.close();
  }

  /** The plan's own address, which opens it on a server without access control. */
  private address(): string {
    return `${location.origin}${location.pathname}#/plan/${encodeURIComponent(this.planId)}`;
  }

  /** Without a token: the address to send, and how links and read-only access are turned on. */
  private openServer() {
    return html`<dialog aria-labelledby="share-title" @close=${this.onClosed}>
      <h2 id="share-title">Share this plan</h2>
      ${
        this.reached
          ? html`<p>This server lets anyone who has the plan’s address open it and change it: it does not ask who people are. To work on the plan with partners, send them its address.</p>
            <div class="made"><p><code>${this.address()}</code></p><button @click=${() => this.copy(this.address())}>Copy the address</button></div>`
          : html`<p>This device has not reached the plan’s server yet, so Coplan cannot say who else can open the plan there. Your changes are kept here meanwhile. Try again once the plan’s tools say “Connected, all changes synced”.</p>`
      }
      <p>To share read only, to give links that can be taken back, or to share only with people who sign in with their organisation’s account, ask whoever runs this server to turn on access control (the server’s <code>--secret</code> setting, described in its guide).</p>
      <p role="status" aria-live="polite"></p>
      <div class="actions"><button @click=${() => this.close()}>Close</button></div>
    </dialog>`;
  }

  override render() {
    if (!this.token) return this.openServer();
    const live = this.links.filter((l) => !l.revokedAt);
    const taken = this.links.filter((l) => l.revokedAt);
    return html`<dialog aria-labelledby="share-title" @close=${this.onClosed}>
      <h2 id="share-title">Share this plan</h2>
      <p>Anyone with a link can open the plan with the access it gives. You can take a link back at any time: whoever is using it is disconnected within seconds, and keeps their own copy.</p>
      <form @submit=${this.create}>
        <label for="share-role">Access</label>
        <select id="share-role" name="role">
          <option value="editor">Can edit</option>
          <option value="viewer">Can read only</option>
        </select>
        <label for="share-label">Who it is for</label>
        <input id="share-label" name="label" maxlength="200" placeholder="For example: Workshop partners, or The board" />
        <label for="share-expires">Stops working</label>
        <select id="share-expires" name="expires">
          <option value="">When I take it back</option>
          <option value="1d">After a day</option>
          <option value="7d">After a week</option>
          <option value="30d">After 30 days</option>
          <option value="90d">After 90 days</option>
        </select>
        <span></span>
        <button class="primary" type="submit" ?disabled=${this.busy}>Make a link</button>
      </form>
      ${
        this.signIn
          ? html`<h3>Share with people who sign in</h3>
            <form @submit=${this.shareWithPeople}>
              <label for="share-who">E-mail address, or domain</label>
              <input id="share-who" name="who" required placeholder="name@example.gov.uk, or example.police.uk" />
              <label for="share-who-role">Access</label>
              <select id="share-who-role" name="role">
                <option value="editor">Can edit</option>
                <option value="viewer">Can read only</option>
                <option value="owner">Owner (a person only)</option>
              </select>
              <span></span>
              <button class="primary" type="submit">Share</button>
            </form>`
          : nothing
      }
      ${
        this.made
          ? html`<div class="made"><p>New link (${this.made.role === 'viewer' ? 'read only' : 'can edit'}):</p><p><code>${this.made.url}</code></p><button class="copy-new" @click=${() => this.copy(this.made!.url)}>Copy the link</button></div>`
          : nothing
      }
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <p role="status" aria-live="polite"></p>
      <table class="links">
        <caption>${live.length === 0 ? 'No links yet' : `${live.length} link${live.length === 1 ? '' : 's'} working`}</caption>
        <thead><tr><th scope="col">For</th><th scope="col">Access</th><th scope="col">Used</th><th scope="col">Stops working</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          ${repeat(
            live,
            (l) => l.id,
            (l) => html`<tr>
              ${this.linkCells(l)}
              <td><span class="buttons">${l.toEmail || l.toDomain ? nothing : html`<button @click=${() => this.copy(l.url)} aria-label=${`Copy the link for ${l.label || 'no label'}`}>Copy</button>`}<button @click=${() => this.revoke(l)} aria-label=${`Take back ${l.toEmail || l.toDomain ? 'the share with' : 'the link for'} ${l.toDomain ? `everyone at ${l.toDomain}` : l.label || 'no label'}`}>Take back</button></span></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        taken.length
          ? html`<details class="taken">
            <summary>Taken back (${taken.length})</summary>
            <table class="links">
              <caption>Links taken back: they no longer work</caption>
              <thead><tr><th scope="col">For</th><th scope="col">Access</th><th scope="col">Used</th><th scope="col">Stopped working</th></tr></thead>
              <tbody>${taken.map((l) => html`<tr>${this.linkCells(l)}</tr>`)}</tbody>
            </table>
          </details>`
          : nothing
      }
      <details>
        <summary>Who has opened the plan (${this.log.length})</summary>
        <table>
          <caption>The newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Access</th><th scope="col">How</th></tr></thead>
          <tbody>
            ${this.log.slice(0, 50).map((e) => {
              const via = this.links.find((l) => l.id === e.linkId);
              return html`<tr><td>${formatDay(e.at)}</td><td>${e.name || 'No name'}</td><td>${e.role === 'viewer' ? 'Read only' : e.role === 'owner' ? 'Owner' : 'Can edit'}</td><td>${via ? (via.toEmail || via.toDomain ? 'Signed in' : `Link: ${via.label || 'no label'}`) : 'An owner’s or administrator’s token'}</td></tr>`;
            })}
          </tbody>
        </table>
      </details>
      <div class="actions"><button @click=${() => this.close()}>Close</button></div>
    </dialog>`;
  }
}
customElements.define('share-dialog', ShareDialog);
