import { html, nothing } from 'lit';
import { Follow } from '../state/follow.js';
import { PlanPart } from './plan-part.js';

/**
 * Why the relay is not syncing this plan, and what can be done: try again,
 * or (for a signed-in person whose plan the relay does not hold yet) put the
 * plan on the server. Shown whether or not the plan has loaded.
 *
 * @fires plan-error - the relay refused to take the plan (detail: its words)
 * @fires plan-notice - the plan is on the server now
 */
export class ConnectionBanner extends PlanPart {
  constructor() {
    super();
    new Follow(this, () => this.open.value?.access);
  }

  override render() {
    const access = this.open.value?.access;
    if (!access?.problem) return nothing;
    return html`<p class="message" role="alert">${access.problem}
      ${access.claimable ? html`<button @click=${this.putOnServer}>Put this plan on the server</button>` : nothing}
      <button @click=${() => access.reconnect()}>Try again</button></p>`;
  }

  private readonly putOnServer = async (): Promise<void> => {
    const access = this.open.value?.access;
    if (!access) return;
    const refused = await access.claim();
    const [kind, words] = refused ? ['plan-error', refused] : ['plan-notice', 'This plan is on the server now, and you own it: share it with the Share button.'];
    this.dispatchEvent(new CustomEvent(kind, { detail: words, bubbles: true, composed: true }));
  };
}
customElements.define('connection-banner', ConnectionBanner);
