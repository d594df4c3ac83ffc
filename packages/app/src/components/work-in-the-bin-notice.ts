import { css, html, LitElement, nothing } from 'lit';
import { formatUkDate, workInTheBin, type Plan, type PlanSnapshot, type WorkInTheBin } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';
import { formStyles } from './shared-styles.js';

const KIND_WORDS: Record<string, string> = { progress: 'progress update', milestone: 'milestone', variant: 'partnership variant', action: 'action', objective: 'objective' };

/**
 * Tells a person when something they wrote went to the bin because a partner
 * deleted what it sits under (typically a progress update written offline on
 * an action deleted meanwhile), with a button that restores it all. Which
 * work that is, is the core's answer (`workInTheBin`).
 */
export class WorkInTheBinNotice extends LitElement {
  static override properties = {
    plan: { attribute: false },
    snapshot: { attribute: false },
    person: {},
    readonly: { type: Boolean },
    dismissed: { state: true },
    message: { state: true },
  };
  plan!: Plan;
  snapshot!: PlanSnapshot;
  /** The person using this device, whose work to look for. */
  person = '';
  readonly = false;
  /** Notices the person chose to leave, by bin entry and deletion time. */
  dismissed = new Set<string>();
  message = '';
  static override styles = [
    formStyles,
    css`
      :host { display: block; }
      .lost { background: #fff2d6; border-left: 5px solid #8a5300; padding: 0.5rem 1rem; margin: 0.5rem 0; }
      .lost p { margin: 0.25rem 0; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    `,
  ];

  private key(w: WorkInTheBin): string {
    return `${w.entry.id}@${w.entry.deleted?.at ?? ''}`;
  }

  private async restore(w: WorkInTheBin): Promise<void> {
    this.message = tryPlanCall(() => this.plan.restore(w.entry.kind, w.entry.id));
    if (this.message) return;
    this.message = `Restored the ${KIND_WORDS[w.entry.kind] ?? w.entry.kind} “${w.entry.label}” with your work. Your partners see it back too.`;
    await this.updateComplete;
    (this.renderRoot.querySelector('.done') as HTMLElement | null)?.focus();
  }

  override render() {
    const found = this.person ? workInTheBin(this.snapshot, this.person).filter((w) => !this.dismissed.has(this.key(w))) : [];
    return html`<div role="status" aria-live="polite">
      ${this.message ? html`<p class="message done" tabindex="-1">${this.message}</p>` : nothing}
      ${found.map((w) => {
        const what = KIND_WORDS[w.entry.kind] ?? w.entry.kind;
        const yours = w.yours.map((y) => `your ${KIND_WORDS[y.kind] ?? y.kind} “${y.label}”`).join(', ');
        const when = w.entry.deleted ? ` on ${formatUkDate(w.entry.deleted.at)}` : '';
        return html`<section class="lost" aria-label=${`Your work on a deleted ${what}`}>
          <p><strong>${w.entry.deleted?.by || 'A partner'} deleted the ${what} “${w.entry.label}”${when}</strong>, while ${yours} was being written for it. Your work is not lost: it is in the bin with the ${what}.</p>
          <div class="buttons">
            ${this.readonly ? nothing : html`<button class="primary" @click=${() => this.restore(w)}>Restore the ${what} and your work</button>`}
            <button @click=${() => (this.dismissed = new Set([...this.dismissed, this.key(w)]))}>Leave it in the bin</button>
          </div>
        </section>`;
      })}
    </div>`;
  }
}
customElements.define('work-in-the-bin-notice', WorkInTheBinNotice);
