import { css, html, LitElement, nothing } from 'lit';
import { listDevicePlans, type DevicePlan } from '../state/device-plans.js';
import { OnDemand } from './on-demand.js';
import { formatDay } from '../state/share-words.js';
import type { ImportDialog, Imported } from './import-dialog.js';
import { focusRing } from './shared-styles.js';

/** The plans on this device, with ways to open the demo plan or start a new one. Dispatches `open-plan` and `new-plan`. */
export class PlanList extends LitElement {
  static override properties = { demoAvailable: { type: Boolean }, userName: {}, plans: { state: true }, busy: { state: true }, importing: { state: true } };
  demoAvailable = false;
  /** Who is using the app: an imported plan is created in their name. */
  userName = '';
  /** Whether the import dialog has been loaded (it loads when first asked for). */
  importing = false;
  plans: DevicePlan[] = listDevicePlans();
  busy = '';

  /** Opening and deleting a local copy needs Yjs and sync: loaded when a plan is first deleted, not with the list. */
  private readonly localCopy = new OnDemand(this, 'the code that deletes a plan from this device', () => import('../state/local-copy.js'));

  /** Deletes this device's copy, warning first when the relay cannot confirm it has every change. */
  private async deletePlan(p: DevicePlan): Promise<void> {
    await this.localCopy.run((local) => this.deleteWith(local, p));
  }

  private async deleteWith({ relayHasLocalCopy, deleteLocalCopy }: typeof import('../state/local-copy.js'), p: DevicePlan): Promise<void> {
    this.busy = `Checking that the relay has every change to "${p.title}"…`;
    const safe = await relayHasLocalCopy(p.id, p.token);
    const question = safe
      ? `Delete "${p.title}" from this device? The relay keeps its copy.`
      : `This device may hold changes to "${p.title}" that the relay has not seen (it could not be reached). Deleting loses them. Delete anyway?`;
    if (confirm(question)) {
      await deleteLocalCopy(p.id);
      this.plans = listDevicePlans();
    }
    this.busy = '';
  }
  /** "Bring in an existing plan": loads the import dialog on demand and opens it. */
  private async bringIn(e: Event): Promise<void> {
    const opener = e.currentTarget as HTMLElement;
    await this.importDialog.run(async () => {
      this.importing = true;
      await this.updateComplete;
      (this.renderRoot.querySelector('import-dialog') as ImportDialog).open(opener);
    });
  }
  private readonly importDialog = new OnDemand(this, 'the import dialog', () => import('./import-dialog.js'));

  static override styles = [
    focusRing,
    css`
    :host { display: block; max-width: 60rem; margin: 0 auto; padding: 1rem; }
    ul { list-style: none; padding: 0; }
    li { border: 1px solid #b1b4b6; border-left: 6px solid #1d4f91; margin: 0.5rem 0; padding: 0.75rem 1rem; }
    a { font-size: 1.2rem; font-weight: 600; }
    button { min-height: 44px; font: inherit; padding: 0.3rem 0.8rem; border: 2px solid #0b0c0c; border-radius: 4px; background: #f3f2f1; cursor: pointer; margin-right: 0.5rem; }
    .meta { color: #383f43; }
    .message { background: #f6d7d2; padding: 0.5rem 1rem; }
  `,
  ];
  override render() {
    return html`<h1>Plans on this device</h1>
      ${this.plans.length === 0 ? html`<p>No plans on this device yet.</p>` : nothing}
      <p role="status" aria-live="polite">${this.busy}</p>
      ${this.importDialog.placeholder()} ${this.localCopy.placeholder()}
      <ul>
        ${this.plans.map(
          (p) => html`<li>
            <a href=${`#/plan/${encodeURIComponent(p.id)}${p.token ? `?token=${encodeURIComponent(p.token)}` : ''}`}>${p.title || 'Untitled plan'}</a>
            <div class="meta">${p.period} ${p.version ? `· ${p.version}` : ''} · last change ${formatDay(p.lastChange)}</div>
            <button @click=${() => void this.deletePlan(p)}>Delete ${p.title || 'this plan'} from this device</button>
          </li>`,
        )}
      </ul>
      ${this.demoAvailable ? html`<button @click=${() => this.dispatchEvent(new CustomEvent('open-demo'))}>Open the demo plan</button>` : nothing}
      <button @click=${() => this.dispatchEvent(new CustomEvent('new-plan', { detail: { template: false } }))}>Start a blank plan</button>
      <button @click=${() => this.dispatchEvent(new CustomEvent('new-plan', { detail: { template: true } }))}>Start from the business-plan template</button>
      <button @click=${this.bringIn}>Bring in an existing plan</button>
      ${
        this.importing
          ? html`<import-dialog .userName=${this.userName} @imported=${(e: CustomEvent<Imported>) => (location.hash = `#/plan/${encodeURIComponent(e.detail.planId)}`)}></import-dialog>`
          : nothing
      }`;
  }
}
customElements.define('plan-list', PlanList);
