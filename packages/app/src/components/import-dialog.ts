import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PlanError, importIntoPlan, type ImportMode, type Plan, type PlanInput } from '@coplan/core';
import { IMPORT_FIELDS, previewImport, previewParsed, type ColumnMapping, type ImportField, type ImportPreview, type ParsedSource } from '@coplan/import';
import { startPlan } from '../state/new-plan.js';
import { formStyles } from './shared-styles.js';

/** What each field is called in the mapping menus. */
const FIELD_LABELS: Record<ImportField, string> = {
  priority: 'Priority',
  objective: 'Objective',
  action: 'Action (task)',
  lead: 'Lead',
  timescale: 'Timescale',
  milestone: 'Milestones',
  variant: 'Per partnership (where one plan serves two)',
  due: 'Due date (read from the timescale)',
  impact: 'Impact',
  progress: 'Progress',
  'progress-date': 'Date of the progress',
  rag: 'RAG rating',
  status: 'Status',
  number: 'Numbering (not imported)',
  ignore: 'Do not import',
};

const FORMAT_LABELS: Record<string, string> = {
  docx: 'a Word document',
  xlsx: 'an Excel workbook',
  csv: 'a CSV file',
  json: 'a Coplan plan (JSON)',
  coplan: 'a Coplan plan file (.coplan)',
  html: 'a table from a web page, Word or Excel',
  markdown: 'Markdown',
  tsv: 'a table (tab-separated)',
  text: 'plain text',
};

/** Confidence in words, so colour is never the only sign. */
export function confidenceWords(confidence: number): { words: string; check: boolean } {
  if (confidence >= 0.9) return { words: 'sure', check: false };
  if (confidence >= 0.7) return { words: 'likely', check: false };
  return { words: 'check this', check: true };
}

const ACCEPT = '.docx,.xlsx,.csv,.json,.md,.markdown,.html,.htm,.txt,.tsv,.coplan';

/** What an import wrote, in the `imported` event's detail. */
export interface Imported {
  /** The new plan's id (importing as a new plan), or '' (into the open plan). */
  planId: string;
  mode: ImportMode;
  priorities: number;
  actions: number;
}

/**
 * Bringing a plan in: choose a file or paste a table, check the preview the
 * core makes (columns, counts, everything not imported), correct columns,
 * then import. A modal <dialog>: Escape or Cancel closes it and nothing is
 * written. With `plan` set, the import goes into that plan (one undoable
 * batch); without, it becomes a new plan on this device, which is opened.
 * The core's refusals are shown as it words them. Dispatches `imported`.
 */
export class ImportDialog extends LitElement {
  static override properties = {
    plan: { attribute: false },
    userName: {},
    step: { state: true },
    preview: { state: true },
    error: { state: true },
    busy: { state: true },
    mode: { state: true },
    pastedHtml: { state: true },
  };
  /** The open plan to import into; null: the import becomes a new plan. */
  plan: Plan | null = null;
  userName = '';
  step: 'choose' | 'preview' = 'choose';
  preview: (ImportPreview & { parsed: ParsedSource }) | null = null;
  error = '';
  busy = '';
  mode: ImportMode = 'add';
  /** A paste that carried HTML (Word and Excel put their tables there), with the plain text shown for it. */
  pastedHtml: { html: string; text: string } | null = null;
  private mapping: ColumnMapping = {};
  /** The person said the first row holds the headings, though Coplan did not recognise them. */
  private firstRowHeadings = false;
  private opener: HTMLElement | null = null;
  private planTitle = '';

  static override styles = [
    formStyles,
    css`
      dialog { width: min(60rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); border: 3px solid #0b0c0c; border-radius: 4px; padding: 1rem 1.5rem; }
      dialog::backdrop { background: rgb(11 12 12 / 0.6); }
      h2 { font-size: 1.5rem; margin: 0 0 0.5rem; }
      h3 { font-size: 1.15rem; margin: 1.25rem 0 0.4rem; }
      h2:focus, h3:focus { outline: none; }
      h2:focus-visible, h3:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 5px #0b0c0c; }
      textarea { width: 100%; min-height: 8rem; box-sizing: border-box; }
      .choose { display: grid; gap: 1rem; }
      .or { font-weight: 700; margin: 0; }
      table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
      caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
      th, td { border: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: #f3f2f1; }
      tr.check > * { background: #fff2d6; }
      tr.check > th { border-left: 5px solid #8a5300; }
      .examples { color: #383f43; font-size: 0.9rem; }
      .examples span + span::before { content: ' · '; }
      .counts { font-size: 1.1rem; font-weight: 600; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1.25rem; position: sticky; bottom: -1rem; background: #fff; padding: 0.5rem 0 1rem; }
      fieldset { border: 1px solid #b1b4b6; margin: 1rem 0 0; padding: 0.5rem 1rem; }
      legend { font-weight: 700; }
      .radio { flex-direction: row; align-items: center; gap: 0.5rem; min-height: 44px; font-size: 1rem; }
      .radio input { width: 24px; height: 24px; min-height: 0; }
      .check-row { display: flex; flex-direction: row; align-items: center; gap: 0.5rem; min-height: 44px; font-size: 1rem; margin: 0.5rem 0; }
      .check-row input { width: 24px; height: 24px; min-height: 0; }
      .title-field { margin-top: 1rem; }
      .not-imported td:nth-child(2) { white-space: pre-wrap; }
      .hint { color: #383f43; margin: 0.25rem 0; }
    `,
  ];

  /** Opens the dialog at its first step; focus returns to `opener` when it closes. */
  open(opener?: HTMLElement | null): void {
    this.opener = opener ?? null;
    this.reset();
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog')!;
      if (!dialog.open) dialog.showModal();
      (this.renderRoot.querySelector('input[type=file]') as HTMLElement | null)?.focus();
    });
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private reset(): void {
    this.step = 'choose';
    this.preview = null;
    this.error = '';
    this.busy = '';
    this.mode = 'add';
    this.mapping = {};
    this.firstRowHeadings = false;
    this.pastedHtml = null;
    this.planTitle = '';
  }

  private onClosed(): void {
    this.reset();
    const ta = this.renderRoot.querySelector('textarea');
    if (ta) ta.value = '';
    this.opener?.focus();
    this.dispatchEvent(new CustomEvent('import-closed'));
  }

  private async readSource(source: { name: string; data: Uint8Array | string; type?: string }): Promise<void> {
    this.error = '';
    this.busy = `Reading ${source.name}…`;
    try {
      const preview = await previewImport(source, { importedBy: this.userName || undefined });
      this.preview = preview;
      this.mapping = {};
      this.firstRowHeadings = false;
      this.planTitle = preview.plan.title;
      this.step = 'preview';
      this.busy = '';
      await this.updateComplete;
      (this.renderRoot.querySelector('#preview-heading') as HTMLElement | null)?.focus();
    } catch (e) {
      this.busy = '';
      if (e instanceof PlanError) this.error = e.message;
      else throw e;
    }
  }

  private async chooseFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const data = new Uint8Array(await file.arrayBuffer());
    input.value = '';
    await this.readSource({ name: file.name, data, ...(file.type ? { type: file.type } : {}) });
  }

  /** A paste keeps the clipboard's HTML when it has some (Word and Excel put their tables there); the box shows the plain text. */
  private onPaste(e: ClipboardEvent): void {
    const data = e.clipboardData;
    if (!data) return;
    e.preventDefault();
    const ta = e.target as HTMLTextAreaElement;
    const html = data.getData('text/html');
    const text = data.getData('text/plain');
    if (html.trim()) {
      ta.value = text || '(a formatted table was pasted)';
      this.pastedHtml = { html, text: ta.value };
    } else {
      ta.setRangeText(text, ta.selectionStart, ta.selectionEnd, 'end');
      this.pastedHtml = null;
    }
  }

  private previewPasted(): void {
    const text = this.renderRoot.querySelector('textarea')?.value ?? '';
    const pasted = this.pastedHtml && this.pastedHtml.text === text ? this.pastedHtml : null;
    if (!pasted && !text.trim()) {
      this.error = 'There is nothing pasted yet. Copy the plan’s table in Word, Excel or a web page, and paste it into the box.';
      return;
    }
    void this.readSource(pasted ? { name: 'pasted table', data: pasted.html, type: 'text/html' } : { name: 'pasted text', data: text });
  }

  private async back(): Promise<void> {
    this.step = 'choose';
    this.error = '';
    await this.updateComplete;
    (this.renderRoot.querySelector('input[type=file]') as HTMLElement | null)?.focus();
  }

  /** A corrected column re-maps the source at once. */
  private remap(key: string, field: ImportField): void {
    if (!this.preview) return;
    this.mapping = { ...this.mapping, [key]: field };
    this.refresh();
  }

  /** "The first row holds the headings": the columns are named from it, and choices made under "Column 1…" start again. */
  private setFirstRowHeadings(on: boolean): void {
    if (!this.preview) return;
    this.firstRowHeadings = on;
    this.mapping = {};
    this.refresh();
  }

  private refresh(): void {
    if (!this.preview) return;
    const options = { mapping: this.mapping, firstRowHeadings: this.firstRowHeadings, importedBy: this.userName || undefined };
    this.preview = { ...previewParsed(this.preview.parsed, options), parsed: this.preview.parsed };
  }

  private async doImport(): Promise<void> {
    if (!this.preview) return;
    this.error = '';
    const { plan, mode } = this;
    const counts = this.preview.counts;
    this.busy = 'Importing…';
    try {
      let planId = '';
      if (plan) importIntoPlan(plan, this.preview.plan, mode);
      else {
        const input: PlanInput = { ...this.preview.plan, title: this.planTitle.trim() || this.preview.plan.title };
        planId = await startPlan(input, this.userName);
      }
      this.busy = '';
      this.close();
      this.dispatchEvent(new CustomEvent<Imported>('imported', { detail: { planId, mode, priorities: counts.priorities, actions: counts.actions }, bubbles: true, composed: true }));
    } catch (e) {
      this.busy = '';
      if (e instanceof PlanError) this.error = e.message;
      else throw e;
    }
  }

  override render() {
    const heading = this.plan ? 'Import into this plan' : 'Bring in an existing plan';
    return html`<dialog aria-labelledby="import-heading" @close=${this.onClosed}>
      <h2 id="import-heading">${heading}</h2>
      <p role="status" aria-live="polite" class="hint">${this.busy}</p>
      <div role="alert">${this.error ? html`<p class="message">${this.error}</p>` : nothing}</div>
      ${this.step === 'choose' ? this.renderChoose() : this.renderPreview()}
    </dialog>`;
  }

  private renderChoose() {
    return html`<div class="choose">
      <p class="hint">Coplan reads the plan’s table from Word (.docx), Excel (.xlsx), CSV, Coplan JSON, Markdown, HTML or text. You will see what it found before anything is written.</p>
      <label>Choose a file
        <input type="file" accept=${ACCEPT} @change=${this.chooseFile} ?disabled=${!!this.busy} />
      </label>
      <p class="or">or</p>
      <label for="paste">Paste the plan’s table (copied from Word, Excel or a web page) or its text</label>
      <textarea id="paste" @paste=${this.onPaste} @input=${() => (this.pastedHtml = null)} spellcheck="false"></textarea>
      ${this.pastedHtml ? html`<p class="hint">A formatted table was pasted: it is read as it was laid out, with its rows and columns.</p>` : nothing}
      <div class="buttons">
        <button class="primary" @click=${this.previewPasted} ?disabled=${!!this.busy}>Preview the pasted text</button>
        <button @click=${() => this.close()}>Cancel</button>
      </div>
    </div>`;
  }

  private renderPreview() {
    const p = this.preview!;
    const c = p.counts;
    const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    const governance = p.plan.governance;
    const meetings = (governance?.groups ?? []).reduce((n, g) => n + (g.meetings?.length ?? 0), 0);
    // Coplan's JSON may carry a constitution and meetings and no priorities yet: that is still something to import.
    const empty = c.priorities === 0 && !governance?.groups.length;
    return html`
      <h3 id="preview-heading" tabindex="-1">Check what will come in</h3>
      <p>From <strong>${p.source.name}</strong>, read as ${FORMAT_LABELS[p.source.format] ?? p.source.format}. Nothing is written until you choose Import.</p>
      <p class="counts" role="status" aria-live="polite">
        ${plural(c.priorities, 'priority', 'priorities')}, ${plural(c.objectives, 'objective')} and ${plural(c.actions, 'action')};
        ${c.withLeads} with leads, ${c.withTimescales} with timescales.
        ${governance ? ` Governance: ${plural(governance.agencies.length, 'agency', 'agencies')}, ${plural(governance.groups.length, 'group')} and ${plural(meetings, 'meeting')}.` : nothing}
      </p>
      ${
        p.columns.length
          ? html`<h3>Columns</h3>
            <table>
              <caption>How each column was read. Rows marked “check this” need a look: choose what the column holds, and the preview changes at once.</caption>
              <thead><tr><th scope="col">Column</th><th scope="col">Examples</th><th scope="col">Import as</th><th scope="col">How sure</th></tr></thead>
              <tbody>
                ${repeat(
                  p.columns,
                  (col) => col.key,
                  (col) => {
                    const sure = confidenceWords(col.confidence);
                    return html`<tr class=${sure.check && !col.chosen ? 'check' : ''}>
                    <th scope="row">${col.heading}</th>
                    <td class="examples">${col.examples.slice(0, 3).map((x) => html`<span>${x.length > 60 ? `${x.slice(0, 60)}…` : x}</span>`)}</td>
                    <td>
                      <select aria-label=${`Import column “${col.heading}” as`} @change=${(e: Event) => this.remap(col.key, (e.target as HTMLSelectElement).value as ImportField)}>
                        ${IMPORT_FIELDS.map((f) => html`<option value=${f} ?selected=${f === col.field}>${FIELD_LABELS[f]}</option>`)}
                      </select>
                    </td>
                    <td>${col.chosen ? 'your choice' : html`${sure.check ? html`<strong>⚠ ${sure.words}</strong>` : sure.words} (${Math.round(col.confidence * 100)}%)`}</td>
                  </tr>`;
                  },
                )}
              </tbody>
            </table>`
          : nothing
      }
      ${
        this.firstRowHeadings || p.columns.some((col) => /^Column \d+$/.test(col.heading))
          ? html`<label class="check-row"><input type="checkbox" .checked=${this.firstRowHeadings} @change=${(e: Event) => this.setFirstRowHeadings((e.target as HTMLInputElement).checked)} /> The first row holds the column headings</label>`
          : nothing
      }
            ${p.warnings.length ? html`<h3>Warnings</h3><ul>${p.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
      <h3>Not imported (${p.notImported.length})</h3>
      ${
        p.notImported.length
          ? html`<p class="hint">These parts of the source land in no field of the plan. Map their column above to bring them in, or add them by hand afterwards.</p>
            <table class="not-imported">
              <caption>Everything that will not be imported</caption>
              <thead><tr><th scope="col">Where</th><th scope="col">Text</th><th scope="col">Why</th></tr></thead>
              <tbody>${p.notImported.map((n) => html`<tr><td>${n.where}</td><td>${n.text}</td><td>${n.reason}</td></tr>`)}</tbody>
            </table>`
          : html`<p>Everything in the source has a place in the plan.</p>`
      }
      <h3>${this.plan ? 'What will be added' : 'The plan to be created'}</h3>
      ${
        empty
          ? html`<p class="message">Nothing to import yet: no priorities, objectives or actions were found. Correct the columns above, or choose another file.</p>`
          : html`<ol>
            ${(p.plan.priorities ?? []).map((pr) => {
              const objectives = pr.objectives ?? [];
              const actions = objectives.reduce((n, o) => n + (o.actions?.length ?? 0), 0);
              return html`<li>${pr.title || 'Untitled priority'} — ${plural(objectives.length, 'objective')}, ${plural(actions, 'action')}</li>`;
            })}
          </ol>`
      }
      ${
        !this.plan
          ? html`<label class="title-field">Title of the new plan <input .value=${this.planTitle} @input=${(e: Event) => (this.planTitle = (e.target as HTMLInputElement).value)} /></label>`
          : html`<fieldset>
            <legend>How to bring it in</legend>
            <label class="radio"><input type="radio" name="mode" value="add" .checked=${this.mode === 'add'} @change=${() => (this.mode = 'add')} /> Add to this plan</label>
            <label class="radio"><input type="radio" name="mode" value="replace" .checked=${this.mode === 'replace'} @change=${() => (this.mode = 'replace')} /> Replace this plan’s priorities (they go to the bin)</label>
          </fieldset>`
      }
      <div class="buttons">
        <button class="primary" @click=${this.doImport} ?disabled=${empty || !!this.busy}>Import</button>
        <button @click=${this.back}>Choose another file</button>
        <button @click=${() => this.close()}>Cancel</button>
      </div>
    `;
  }
}
customElements.define('import-dialog', ImportDialog);
