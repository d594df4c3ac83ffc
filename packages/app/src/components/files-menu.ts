import { html, nothing } from 'lit';
import { PlanPart } from './plan-part.js';
import { encodeCoplanFile, mergeCoplanFile, planToJson } from '@coplan/core';
import { Follow } from '../state/follow.js';
import { tryPlanCall } from '../state/plan-call.js';
import type { ExportedFile } from '../state/publish.js';
import { TaskStatus } from '@lit/task';
import { Publishing, type PublishRequest } from '../state/publishing.js';

/**
 * The toolbar's Files menu: publish (Word, Excel, CSV, Markdown, print), save
 * and share (.coplan, JSON, merging a .coplan file) and bring in (the import
 * dialog). It comes with the Plan tab's extras, just after the outline is on
 * screen (`plan-extras.ts`), so a plan opened online can still be saved as a
 * .coplan file when the network goes; publishing loads when first chosen
 * ({@link PlanLoads}), and when it cannot be fetched the plan view says so,
 * with a Try again that publishes. Says how each went through `plan-notice`
 * and `plan-error`.
 *
 * @fires plan-notice - good news to announce (detail: the words; '' clears)
 * @fires plan-error - what went wrong (detail: the words; '' clears)
 * @fires open-import - "Import into this plan…" (detail: the element focus returns to)
 */
export class FilesMenu extends PlanPart {
  private readonly publishing = new Publishing(this, () => this.open.value?.snapshots.snapshot ?? null);

  constructor() {
    super();
    new Follow(this, () => this.open.value?.access);
  }

  override render() {
    const ro = this.open.value?.access.readonly ?? true;
    // Its styles come with it (it renders into the plan view's page), so opening a plan does not fetch them.
    return html`<style>
        details.files { display: inline-block; position: relative; }
        .files-panel { position: absolute; top: calc(100% + 0.25rem); left: 0; z-index: 2; width: max-content; max-width: min(40rem, 90vw); display: grid; gap: 0.75rem; background: #fff; border: 2px solid #0b0c0c; border-radius: 4px; padding: 0.75rem; box-shadow: 0 4px 12px rgb(0 0 0 / 0.25); }
        /* On a phone the panel spans the screen, whatever side of it the menu's button is on. */
        @media (max-width: 40rem) { .files-panel { position: fixed; top: auto; left: 0.5rem; right: 0.5rem; width: auto; max-width: none; max-height: 70vh; overflow-y: auto; } }
        .files-panel [role='group'] { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: end; }
        .files-panel .label { flex-basis: 100%; margin: 0; }
        details.files summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; padding: 0 0.5rem; border: 2px solid #0b0c0c; border-radius: 4px; }
      </style>
      <details class="files" @keydown=${this.closeOnEscape}>
      <summary>Files</summary>
      <div class="files-panel" @click=${this.chosen}>
        <div role="group" aria-labelledby="publish-label">
          <p class="label" id="publish-label">Publish</p>
          <button @click=${() => this.publish('docx')}>Download Word (.docx)</button>
          <button @click=${() => this.publish('xlsx')}>Download the Excel register (.xlsx)</button>
          <button @click=${() => this.publish('csv')}>Download the register (CSV)</button>
          <button @click=${() => this.publish('md')}>Download Markdown (.md)</button>
          <button @click=${() => this.publish('print')}>Print or save as PDF</button>
        </div>
        <div role="group" aria-labelledby="share-label">
          <p class="label" id="share-label">Save and share</p>
          <button @click=${this.saveCoplan}>Save a .coplan file</button>
          <button @click=${this.saveJson}>Download as JSON</button>
          ${ro ? nothing : html`<label>Merge a .coplan file <input type="file" accept=".coplan" @change=${this.mergeFile} /></label>`}
        </div>
        ${
          ro
            ? nothing
            : html`<div role="group" aria-labelledby="bring-label">
              <p class="label" id="bring-label">Bring in</p>
              <button @click=${this.openImport}>Import into this plan…</button>
            </div>`
        }
      </div>
    </details>`;
  }

  private tell(kind: 'plan-notice' | 'plan-error', words: string): void {
    this.dispatchEvent(new CustomEvent(kind, { detail: words, bubbles: true, composed: true }));
  }

  /** Publishes through the task, saying what is being prepared, then what came of it. */
  private async publish(request: PublishRequest): Promise<void> {
    this.tell('plan-error', '');
    // The writers load first (once); if they cannot be fetched, Try again publishes.
    await this.open.value?.loads.tools.publish.run(() => this.publishNow(request));
  }

  private async publishNow(request: PublishRequest): Promise<void> {
    const running = this.publishing.run(request);
    if (this.publishing.preparing) this.tell('plan-notice', this.publishing.preparing);
    await running;
    const { task } = this.publishing;
    if (task.status === TaskStatus.ERROR) {
      this.tell('plan-notice', '');
      this.tell('plan-error', task.error instanceof Error ? task.error.message : String(task.error));
      return;
    }
    if (task.value?.file) download(task.value.file);
    if (task.value) this.tell('plan-notice', task.value.said);
  }

  private readonly saveCoplan = (): void => {
    const open = this.open.value;
    const s = open?.snapshots.snapshot;
    if (open && s) download({ name: `${s.title}.coplan`, data: encodeCoplanFile(open.session.doc), type: 'application/octet-stream' });
  };

  private readonly saveJson = (): void => {
    const s = this.open.value?.snapshots.snapshot;
    if (s) download({ name: `${s.title}.json`, data: planToJson(s), type: 'application/json' });
  };

  /** Merges a .coplan file someone brought on a USB stick: nothing here is overwritten. */
  private readonly mergeFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    const doc = this.open.value?.session.doc;
    if (!file || !doc) return;
    this.close();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const refused = tryPlanCall(() => mergeCoplanFile(doc, bytes));
    this.tell('plan-error', refused || `Merged ${file.name} into this plan.`);
    input.value = '';
  };

  /** "Import into this plan…": the plan view opens the dialog; focus returns to the menu when it closes. */
  private readonly openImport = (): void => {
    const opener = this.renderRoot.querySelector<HTMLElement>('details.files summary');
    this.dispatchEvent(new CustomEvent('open-import', { detail: opener, bubbles: true, composed: true }));
  };

  /** The Files menu, closed, with focus back on it. */
  private close(): void {
    const details = this.renderRoot.querySelector<HTMLDetailsElement>('details.files');
    if (!details) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  }

  /** Choosing one of the menu's buttons closes it: it does not stay over the plan, or behind the import dialog. */
  private readonly chosen = (e: Event): void => {
    if ((e.target as Element).closest('button')) this.close();
  };

  /** Escape closes the menu and puts focus back on it. */
  private readonly closeOnEscape = (e: KeyboardEvent): void => {
    const details = e.currentTarget as HTMLDetailsElement;
    if (e.key !== 'Escape' || !details.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  };
}
customElements.define('files-menu', FilesMenu);

/** Hands a file to the browser to save. */
function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name.replace(/[\\/:*?"<>|]/g, '-');
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
