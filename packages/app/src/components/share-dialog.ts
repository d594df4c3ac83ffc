import { css, html, LitElement, nothing } from 'lit';
import { SharingClient, SharingRefused, type ShareLink } from '../state/sharing.js';
import { formatDay } from '../state/share-words.js';

/**
 * The owner's Share dialog: make a link for editors or viewers (with a label
 * and, if wanted, an expiry), copy it, and see every link with who used it and
 * when, taking any of them back. A native `<dialog>`: focus moves into it and
 * back to the Share button when it closes (Escape closes it).
 *
 * @fires closed - when the dialog closes
 */
export class ShareDialog extends LitElement {
  static override properties = {
    planId: {},
    token: {},
    signIn: { type: Boolean },
    log: { state: true },
    links: { state: true },
    message: { state: true },
    made: { state: true },
    busy: { state: true },
  };
  /** Whether the server takes sign-ins, so the plan can be shared with people and domains too. */
  signIn = false;
  planId = '';
  token = '';
  links: ShareLink[] = [];
  /** The access log, newest first (the last 50 shown). */
  log: Array<{ at: string; linkId: string | null; name: string; role: string }> = [];
  message = '';
  made: { url: string; role: string } | null = null;
  busy = false;
  static override styles = css`
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
  `;

  private client(): SharingClient {
    return new SharingClient(this.planId, this.token);
  }

  /** Opens the dialog and loads the plan's links. */
  async show(): Promise<void> {
    await this.updateComplete;
    this.shadowRoot!.querySelector('dialog')!.showModal();
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      [this.links, this.log] = await Promise.all([this.client().links(), this.client().accessLog()]);
    } catch (e) {
      this.message = e instanceof SharingRefused ? e.message : String(e);
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
    try {
      const made = await this.client().create(role, String(data.get('label') ?? '').trim(), expires || null);
      this.made = { url: made.url, role };
      form.reset();
      await this.refresh();
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
    try {
      await this.client().revoke(link.id);
      this.announce(`The link “${link.label || 'without a label'}” no longer works; anyone using it has been disconnected.`);
      await this.refresh();
    } catch (e) {
      this.message = e instanceof SharingRefused ? e.message : String(e);
    }
  }

  private announce(words: string): void {
    const status = this.shadowRoot!.querySelector('[role=status]')!;
    status.textContent = words;
  }

  private close(): void {
    this.shadowRoot!.querySelector('dialog')!.close();
  }

  override render() {
    const live = this.links.filter((l) => !l.revokedAt);
    return html`<dialog aria-labelledby="share-title" @close=${() => this.dispatchEvent(new CustomEvent('closed'))}>
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
          ? html`<div class="made"><p>New link (${this.made.role === 'viewer' ? 'read only' : 'can edit'}):</p><p><code>${this.made.url}</code></p><button @click=${() => this.copy(this.made!.url)}>Copy the link</button></div>`
          : nothing
      }
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <p role="status" aria-live="polite"></p>
      <table>
        <caption>${live.length === 0 ? 'No links yet' : `${live.length} link${live.length === 1 ? '' : 's'} working`}</caption>
        <thead><tr><th scope="col">For</th><th scope="col">Access</th><th scope="col">Used</th><th scope="col">Stops working</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          ${this.links.map(
            (l) => html`<tr>
              <td>${l.toDomain ? `Everyone at ${l.toDomain}` : l.label || 'No label'}</td>
              <td>${l.role === 'viewer' ? 'Read only' : l.role === 'owner' ? 'Owner' : 'Can edit'}</td>
              <td>${l.uses === 0 ? 'Not yet' : `${l.uses} time${l.uses === 1 ? '' : 's'}, last ${formatDay(l.lastUsedAt!)}`}</td>
              <td>${l.revokedAt ? `Taken back ${formatDay(l.revokedAt)}` : l.expiresAt ? formatDay(l.expiresAt) : 'When taken back'}</td>
              <td>${l.revokedAt ? nothing : html`${l.toEmail || l.toDomain ? nothing : html`<button @click=${() => this.copy(l.url)} aria-label=${`Copy the link for ${l.label || 'no label'}`}>Copy</button>`} <button @click=${() => this.revoke(l)} aria-label=${`Take back ${l.toEmail || l.toDomain ? 'the share with' : 'the link for'} ${l.toDomain ? `everyone at ${l.toDomain}` : l.label || 'no label'}`}>Take back</button>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
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
