import { css, html, LitElement, nothing } from 'lit';
import { PlanError, type Plan } from '@coplan/core';
import { applyFigures, previewFigures, type FigureProblem, type FigureRow, type FiguresPreview } from '@coplan/core/scorecard';
import type { FigureColumn } from '@coplan/import';
import { formStyles } from './shared-styles.js';

const FIELD_WORDS = { actual: 'Actual', target: 'Target', commentary: 'Commentary' } as const;

/** What was read and what it would change, shown before anything is written. */
interface Checked {
  name: string;
  rows: FigureRow[];
  columns: FigureColumn[];
  preview: FiguresPreview;
  problems: FigureProblem[];
}

/**
 * Bringing a scorecard's figures in at once: paste the cells copied from a
 * spreadsheet, or choose a CSV or Excel file; see what would change, what is
 * new and what could not be read and why; then apply it as one step (one
 * undo takes it back). A modal <dialog>; nothing is written until Apply.
 * Dispatches `closed` with `{ applied }` words when something was applied.
 */
export class FiguresPasteDialog extends LitElement {
  static override properties = { plan: { attribute: false }, checked: { state: true }, error: { state: true }, busy: { state: true } };
  plan!: Plan;
  checked: Checked | null = null;
  error = '';
  busy = false;
  private opener: Element | null = null;

  static override styles = [
    formStyles,
    css`
      dialog { width: min(60rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); border: 3px solid #0b0c0c; border-radius: 4px; padding: 1rem 1.5rem; }
      dialog::backdrop { background: rgb(11 12 12 / 0.6); }
      textarea { width: 100%; box-sizing: border-box; min-height: 8rem; font-family: monospace; }
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; align-items: center; }
      table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
      caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
      td, th { padding: 0.25rem 0.5rem; border-bottom: 1px solid #b1b4b6; text-align: left; }
      .summary { font-weight: 600; }
    `,
  ];

  override firstUpdated(): void {
    this.opener = document.activeElement;
    const dialog = this.renderRoot.querySelector('dialog')!;
    dialog.showModal();
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private close(applied = ''): void {
    this.renderRoot.querySelector('dialog')?.close();
    (this.opener as HTMLElement | null)?.focus?.();
    this.dispatchEvent(new CustomEvent('closed', { detail: { applied }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<dialog aria-labelledby="paste-h" @cancel=${(e: Event) => {
      e.preventDefault();
      this.close();
    }}>
      <h2 id="paste-h">Paste or import figures</h2>
      ${this.checked ? this.previewStep(this.checked) : this.chooseStep()}
      ${this.error ? html`<p class="message" role="alert">${this.error}</p>` : nothing}
    </dialog>`;
  }

  private chooseStep() {
    return html`
      <p>Copy the scorecard's cells in Excel or Google Sheets (a heading row with an Indicator column and a column per period, such as "Q1 2025/26"), then paste them here. Nothing is changed until you apply.</p>
      <label>Paste the figures here
        <textarea id="paste-box" @paste=${this.pasted}></textarea>
      </label>
      <div class="tools">
        <button class="primary" ?disabled=${this.busy} @click=${() => this.read({ name: 'pasted text', data: this.renderRoot.querySelector('textarea')!.value })}>Preview</button>
        <label>Or choose a CSV or Excel file <input type="file" accept=".csv,.xlsx,.tsv,.txt" @change=${this.chose} /></label>
        <button @click=${() => this.close()}>Cancel</button>
      </div>`;
  }

  private pasted(e: ClipboardEvent): void {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    e.preventDefault();
    (e.target as HTMLTextAreaElement).value = text;
    void this.read({ name: 'pasted text', data: text });
  }

  private async chose(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) await this.read({ name: file.name, data: new Uint8Array(await file.arrayBuffer()), type: file.type });
  }

  private async read(source: { name: string; data: string | Uint8Array; type?: string }): Promise<void> {
    if (typeof source.data === 'string' && !source.data.trim()) {
      this.error = 'There is nothing to preview yet: paste the figures into the box, or choose a file.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const { readFigures } = await import('@coplan/import');
      const read = await readFigures(source);
      const preview = previewFigures(this.plan.snapshot(), read.rows);
      this.checked = { name: read.name, rows: read.rows, columns: read.columns, preview, problems: [...read.problems, ...preview.problems] };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#preview-h')?.focus();
    } catch (err) {
      this.error = err instanceof PlanError ? err.message : `The figures could not be read: ${String(err)}`;
    } finally {
      this.busy = false;
    }
  }

  private previewStep(c: Checked) {
    const p = c.preview;
    const n = p.changes.length;
    return html`
      <h3 id="preview-h" tabindex="-1">What ${c.name === 'pasted text' ? 'the pasted figures' : `"${c.name}"`} would change</h3>
      <p class="summary">${n} figure${n === 1 ? '' : 's'} to change${p.newIndicators.length ? `, ${p.newIndicators.length} new indicator${p.newIndicators.length === 1 ? '' : 's'}` : ''}; ${p.unchanged} already as in the plan; ${c.problems.length} thing${c.problems.length === 1 ? '' : 's'} not read.</p>
      <p>Columns read as: ${c.columns.map((col) => `${col.heading || '(no heading)'} → ${col.readAs}`).join('; ')}.</p>
      ${
        p.newIndicators.length
          ? html`<table><caption>New indicators</caption><thead><tr><th scope="col">Indicator</th><th scope="col">Priority</th></tr></thead>
            <tbody>${p.newIndicators.map((i) => html`<tr><td>${i.name}</td><td>${i.priority ?? 'None'}</td></tr>`)}</tbody></table>`
          : nothing
      }
      ${
        n
          ? html`<table><caption>Figures that will change</caption>
            <thead><tr><th scope="col">Indicator</th><th scope="col">Period</th><th scope="col">Figure</th><th scope="col">Now</th><th scope="col">Becomes</th></tr></thead>
            <tbody>${p.changes.map((ch) => html`<tr><td>${ch.indicator}</td><td>${ch.periodLabel}</td><td>${FIELD_WORDS[ch.field]}</td><td>${ch.from === null || ch.from === '' ? 'Nothing' : ch.from}</td><td>${ch.to}</td></tr>`)}</tbody></table>`
          : html`<p>Nothing would change: the plan already holds these figures.</p>`
      }
      ${
        c.problems.length
          ? html`<table><caption>Not read, and why</caption>
            <thead><tr><th scope="col">Where</th><th scope="col">What was there</th><th scope="col">Why, and what to do</th></tr></thead>
            <tbody>${c.problems.map((pr) => html`<tr><td>${pr.source}</td><td>${pr.text}</td><td>${pr.reason}</td></tr>`)}</tbody></table>`
          : nothing
      }
      <div class="tools">
        <button class="primary" ?disabled=${n === 0} @click=${() => this.apply(c)}>Apply ${n} change${n === 1 ? '' : 's'}</button>
        <button @click=${() => (this.checked = null)}>Back</button>
        <button @click=${() => this.close()}>Cancel</button>
      </div>`;
  }

  private apply(c: Checked): void {
    try {
      const done = applyFigures(this.plan, c.rows);
      this.close(
        `Applied ${done.changes.length} figure${done.changes.length === 1 ? '' : 's'}${done.newIndicators.length ? ` and added ${done.newIndicators.length} indicator${done.newIndicators.length === 1 ? '' : 's'}` : ''}. Undo takes them all back.`,
      );
    } catch (err) {
      this.error = err instanceof PlanError ? err.message : String(err);
    }
  }
}
customElements.define('figures-paste-dialog', FiguresPasteDialog);
