import { html } from 'lit';
import { PlanPart } from './plan-part.js';
import { Follow } from '../state/follow.js';
import { SYNC_WORDS, SyncStatus } from '../state/sync-status.js';

/** The line that says where this person's changes are ("Saved on this device", "Connected, all changes synced", …), announced politely. */
export class SyncStatusLine extends PlanPart {
  private readonly status = new SyncStatus(
    this,
    () => this.open.value?.session,
    () => !!this.open.value?.access.problem,
  );

  constructor() {
    super();
    // The relay stopping the connection for good is "Not syncing".
    new Follow(this, () => this.open.value?.access);
  }

  protected override willUpdate(): void {
    this.status.update();
  }

  override render() {
    return html`<span class="status" role="status" aria-live="polite">${SYNC_WORDS[this.status.state]}</span>`;
  }
}
customElements.define('sync-status-line', SyncStatusLine);
