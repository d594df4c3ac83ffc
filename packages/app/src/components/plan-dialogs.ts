import { html, nothing } from 'lit';
import type { Imported } from './import-dialog.js';
import { PlanPart } from './plan-part.js';

/**
 * The plan's dialogs: Share (links for editors and viewers) and Import into
 * this plan. This part loads with the first of them to be asked for (its
 * {@link PlanLoads} tool): the plan view opens them on the `open-share` and
 * `open-import` events that the toolbar's buttons send through the plan's
 * page, and while one loads, or when its code cannot be fetched, shows the
 * tool's line, whose Try again opens it.
 *
 * @fires plan-notice - what an import brought in, and how to undo it
 */
export class PlanDialogs extends PlanPart {
  static override properties = { importing: { state: true }, sharing: { state: true } };
  /** Whether the import dialog has loaded. */
  importing = false;
  /** Whether the Share dialog is open. */
  sharing = false;
  /** Whether the server takes sign-ins (asked when the Share dialog first opens). */
  private signInOffered = false;

  override render() {
    const open = this.open.value;
    const plan = open?.session.plan;
    if (!open || !plan) return nothing;
    return html`${this.importing ? html`<import-dialog .plan=${plan} .userName=${open.session.user.name} @imported=${this.imported}></import-dialog>` : nothing}
      ${this.sharing ? html`<share-dialog .planId=${open.session.planId} .token=${open.access.token} .signIn=${this.signInOffered} .reached=${!!open.session.connection?.state.synced && !open.access.problem} @closed=${() => (this.sharing = false)}></share-dialog>` : nothing}`;
  }

  /** Opens the import dialog (its code already loaded with this part's); focus returns to `opener` when it closes. */
  async openImport(opener: HTMLElement | null): Promise<void> {
    const { ImportDialog } = await import('./import-dialog.js');
    this.importing = true;
    await this.updateComplete;
    const dialog = this.querySelector('import-dialog');
    if (dialog instanceof ImportDialog) dialog.open(opener);
  }

  /** Opens the Share dialog (its code already loaded with this part's). */
  async openShare(): Promise<void> {
    const { ShareDialog } = await import('./share-dialog.js');
    this.signInOffered = (await (await import('../state/sign-in.js')).signInOptions()) !== null;
    this.sharing = true;
    await this.updateComplete;
    const dialog = this.querySelector('share-dialog');
    if (dialog instanceof ShareDialog) await dialog.show();
  }

  /** Says what came in, and that one undo takes the whole import back. */
  private readonly imported = (e: CustomEvent<Imported>): void => {
    const { priorities, actions, mode } = e.detail;
    const what = `${priorities} ${priorities === 1 ? 'priority' : 'priorities'} with ${actions} ${actions === 1 ? 'action' : 'actions'}`;
    const words = `Imported ${what} into this plan${mode === 'replace' ? '; its previous priorities are in the bin' : ''}. To take the whole import back, press Undo once (Ctrl+Z).`;
    this.dispatchEvent(new CustomEvent('plan-notice', { detail: words, bubbles: true, composed: true }));
  };
}
customElements.define('plan-dialogs', PlanDialogs);
