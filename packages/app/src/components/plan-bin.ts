import { html, nothing } from 'lit';
import { Follow } from '../state/follow.js';
import type { PlanSnapshot } from '@coplan/core';
import { restoreFromBin } from '../items/bin-news.js';
import { PlanPart } from './plan-part.js';

type BinEntry = PlanSnapshot['bin'][number];

/**
 * The bin: what was deleted, each restorable (by an editor), and a warning
 * when a partner added to something after it was deleted. Each Restore
 * button says which item ("Restore action “Refresh Pan-Lancs CSE…”");
 * after a restore, focus goes to the item's text in the plan (else to the
 * next entry, else the bin's heading), and the bin notice says so.
 *
 * @fires plan-error - a restore the core refused (detail: why; '' once one went through)
 */
export class PlanBin extends PlanPart {
  constructor() {
    super();
    new Follow(this, () => this.open.value?.snapshots);
    new Follow(this, () => this.open.value?.access);
  }

  override render() {
    const plan = this.open.value?.session.plan;
    const s = this.open.value?.snapshots.snapshot;
    if (!plan || !s?.bin.length) return nothing;
    const ro = this.open.value?.access.readonly ?? true;
    return html`<section class="bin" aria-labelledby="bin-heading">
      <h2 id="bin-heading" tabindex="-1">Bin</h2>
      <ul>
        ${s.bin.map((b, i) => {
          const name = binName(b, s.bin);
          return html`<li>
            ${b.kind}: ${b.label}
            ${b.contains.some((c) => c.addedAfterDelete) ? html`<strong> (a partner added to it after it was deleted)</strong>` : nothing}
            ${ro ? nothing : html`<button class="restore" aria-label=${`Restore ${name}`} @click=${() => this.restore(b, name, i)}>Restore ${b.kind}</button>`}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** Restores an entry; when the plan does not show it (a filter), focus goes to the entry now in its place, else the heading, else (the bin emptied) the notice. */
  private async restore(b: BinEntry, name: string, index: number): Promise<void> {
    const plan = this.open.value?.session.plan;
    if (!plan || (await restoreFromBin(this, plan, b.kind, b.id, name))) return;
    for (let frame = 0; frame < 10 && this.open.value?.snapshots.snapshot?.bin.some((e) => e.id === b.id); frame++) await new Promise((r) => requestAnimationFrame(r));
    await this.updateComplete;
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('button.restore')];
    // The bin emptied: the notice saying what came back.
    const to = buttons[index] ?? buttons[index - 1] ?? this.querySelector<HTMLElement>('#bin-heading') ?? (this.getRootNode() as ParentNode).querySelector<HTMLElement>('bin-notice button');
    to?.focus();
  }
}
customElements.define('plan-bin', PlanBin);

/** An entry as a person tells it from the others: its kind and its words, shortened ("action “Refresh Pan-Lancs CSE…”"), with its place in the bin when the words repeat. */
function binName(b: BinEntry, bin: readonly BinEntry[]): string {
  const words = b.label.trim().replace(/\s+/g, ' ');
  const short = words.length > 48 ? `${words.slice(0, 47).trimEnd()}…` : words;
  const name = short ? `${b.kind} “${short}”` : `${b.kind} with no text`;
  const alike = bin.filter((e) => e.kind === b.kind && e.label.trim().replace(/\s+/g, ' ').slice(0, 47) === words.slice(0, 47));
  return alike.length > 1 ? `${name} (${alike.indexOf(b) + 1} of ${alike.length} alike)` : name;
}
