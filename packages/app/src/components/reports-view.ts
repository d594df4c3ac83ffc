import { css, html, LitElement, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localToday, PlanError, annualReportYears, buildReport, type BusinessYear, type PlanSnapshot, type ReportKind } from '@coplan/core';
import { EXPORT_FORMATS, exportReport } from '@coplan/publish';
import type { GovernanceSnapshot } from '@coplan/core/governance';
import { printHtml } from '../state/publish.js';
import { formStyles } from './shared-styles.js';

type Kind = ReportKind;

const KINDS: Record<Kind, { tab: string; title: string; file: string }> = {
  progress: { tab: 'Progress', title: 'Progress report', file: 'progress report' },
  lead: { tab: 'Per lead', title: 'Actions per lead', file: 'actions per lead' },
  annual: { tab: 'Annual', title: 'Annual report', file: 'annual report' },
  governance: { tab: 'Governance report', title: 'Governance report', file: 'governance report' },
  scorecard: { tab: 'Performance scorecard', title: 'Performance scorecard', file: 'performance scorecard' },
};

type Year = BusinessYear;

/** "2025/26". */
function yearName(y: Year): string {
  return `${y.start.slice(0, 4)}/${y.end.slice(2, 4)}`;
}

/** Elements and attributes a report page never needs: dropped, whatever the plan's text holds. */
const UNSAFE = 'script, style, link, meta, title, iframe, object, embed, form, base';
const SVG = 'http://www.w3.org/2000/svg';

/**
 * The body of the core's HTML report, made safe to place in the app: no
 * scripts, styles or handlers, and headings moved down a level so the page
 * keeps one outline under the plan's own title.
 */
export function reportBody(document: string): string {
  const doc = new DOMParser().parseFromString(document, 'text/html');
  // A chart's SVG <title> is its accessible name (the <svg> is labelled by it): kept; the page's own <title> goes.
  for (const el of doc.body.querySelectorAll(UNSAFE)) if (!(el.localName === 'title' && el.namespaceURI === SVG)) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || (/^(href|src|xlink:href|action|formaction)$/i.test(attr.name) && /^\s*(javascript|data):/i.test(attr.value)))
        el.removeAttribute(attr.name);
    }
  }
  // The page has its own main landmark: the report's becomes a plain block inside it.
  for (const main of doc.body.querySelectorAll('main')) {
    const div = doc.createElement('div');
    div.append(...main.childNodes);
    main.replaceWith(div);
  }
  // The report's own h1… become h3…: the page already has the plan title (h1) and "Reports" (h2).
  for (const level of [6, 5, 4, 3, 2, 1]) {
    for (const h of doc.body.querySelectorAll(`h${level}`)) {
      const next = doc.createElement(`h${Math.min(6, level + 2)}`);
      next.append(...h.childNodes);
      for (const attr of [...h.attributes]) next.setAttribute(attr.name, attr.value);
      h.replaceWith(next);
    }
  }
  return doc.body.innerHTML;
}

/**
 * Reports as pages in the app: progress (with changes since a date), actions
 * per lead, and the annual report, each as the core builds it, with Word and
 * print/PDF versions. Loaded when the Reports tab is first opened; the
 * report writers with it.
 */
export class ReportsView extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    governance: { attribute: false },
    kind: { state: true },
    since: { state: true },
    asAt: { state: true },
    year: { state: true },
    body: { state: true },
    error: { state: true },
    notice: { state: true },
  };
  snapshot!: PlanSnapshot;
  /** The arrangements and meetings, for the governance report and the annual report's governance section. */
  governance: GovernanceSnapshot | undefined;
  kind: Kind = 'progress';
  /** Changes since this date (YYYY-MM-DD) for the progress report; by default, three months back. */
  since = monthsAgo(3);
  /** The day the progress and per-lead reports are as at (YYYY-MM-DD); today when empty. */
  asAt = localToday();
  /** The business year the annual report covers (its start, YYYY-04-01); the default year when empty. */
  year = '';
  body = '';
  error = '';
  notice = '';
  /** Which snapshot, kind and date the page was built from: a newer build wins. */
  private built = 0;

  static override styles = [
    formStyles,
    css`
      :host { display: block; }
      h2 { font-size: 1.5rem; margin: 1rem 0 0.5rem; }
      .kinds, .tools { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0.75rem 0; }
      .kinds button[aria-pressed='true'] { background: #1d4f91; color: #fff; }
      .since { max-width: 16rem; }
      article { border-top: 4px solid #1d4f91; margin-top: 1rem; padding-top: 0.5rem; }
      article h3 { font-size: 1.45rem; margin: 1rem 0 0.5rem; }
      article h4 { font-size: 1.2rem; margin: 1rem 0 0.4rem; }
      article h5, article h6 { font-size: 1.05rem; margin: 0.75rem 0 0.3rem; }
      article table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
      article caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
      article th, article td { border: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
      article th { background: #f3f2f1; }
      article p, article li { max-width: 48rem; }
      article a { color: #1d70b8; }
      article .rag { display: inline-block; font-weight: 700; padding: 0 0.35rem; border-radius: 2px; }
      article .rag-red { background: #b52a16; color: #fff; }
      article .rag-amber { background: #f47738; color: #000; }
      article .rag-green { background: #00703c; color: #fff; }
      article .rag-blue { background: #1d70b8; color: #fff; }
      article .rag-grey { background: #505a5f; color: #fff; }
      article .rag-none { background: #f3f2f1; color: #000; }
      article .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: middle; border: 1px solid #0b0c0c; }
      article .legend { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 1rem; }
      .notice { background: #cce2d8; border-left: 5px solid #00703c; padding: 0.5rem 1rem; }
      @media print { .kinds, .tools { display: none; } }
      /* On a phone a report's tables fit the screen: columns share its width, long words break, nothing scrolls sideways. */
      @media (max-width: 40rem) {
        article table { font-size: 0.85rem; }
        article col { width: auto !important; }
        article th, article td { padding: 0.25rem; overflow-wrap: anywhere; hyphens: auto; }
      }
    `,
  ];

  private years() {
    return annualReportYears(this.snapshot, localToday());
  }

  private chosenYear(): Year {
    const { years, chosen } = this.years();
    return years.find((y) => y.start === this.year) ?? chosen;
  }

  private options() {
    const today = this.asAt || localToday();
    const governance = this.governance ? { governance: this.governance } : {};
    if (this.kind === 'annual' || this.kind === 'governance') return { today: localToday(), year: this.chosenYear(), ...governance };
    return this.kind === 'progress' && this.since ? { today, since: this.since } : { today };
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('snapshot') || changed.has('governance') || changed.has('kind') || changed.has('since') || changed.has('asAt') || changed.has('year')) void this.build();
  }

  private async build(): Promise<void> {
    const ticket = ++this.built;
    try {
      const out = await exportReport(buildReport(this.snapshot, this.kind, this.options()), 'html');
      if (ticket !== this.built) return;
      this.body = reportBody(typeof out === 'string' ? out : new TextDecoder().decode(out));
      this.error = '';
    } catch (e) {
      if (ticket !== this.built) return;
      if (e instanceof PlanError) this.error = e.message;
      else throw e;
    }
  }

  private async word(): Promise<void> {
    this.notice = 'Preparing the Word document…';
    try {
      const data = await exportReport(buildReport(this.snapshot, this.kind, this.options()), 'docx');
      const name = `${this.snapshot.title} - ${KINDS[this.kind].file}.docx`.replace(/[\\/:*?"<>|]/g, '-');
      const url = URL.createObjectURL(new Blob([data as BlobPart], { type: EXPORT_FORMATS.docx.mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.notice = `Downloaded ${name}.`;
    } catch (e) {
      this.notice = '';
      if (e instanceof PlanError) this.error = e.message;
      else throw e;
    }
  }

  private async print(): Promise<void> {
    try {
      const out = await exportReport(buildReport(this.snapshot, this.kind, this.options()), 'html');
      printHtml(typeof out === 'string' ? out : new TextDecoder().decode(out), `${KINDS[this.kind].title}: ${this.snapshot.title}`);
      this.notice = 'The report was sent to the print dialog. To make a PDF, choose “Save as PDF” as the printer.';
    } catch (e) {
      if (e instanceof PlanError) this.error = e.message;
      else throw e;
    }
  }

  override render() {
    const k = KINDS[this.kind];
    return html`<section aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports</h2>
      <div class="kinds" role="group" aria-label="Which report">
        ${(Object.keys(KINDS) as Kind[]).map((kind) => html`<button aria-pressed=${this.kind === kind ? 'true' : 'false'} @click=${() => (this.kind = kind)}>${KINDS[kind].tab}</button>`)}
      </div>
      <div class="tools">
        ${
          this.kind === 'annual' || this.kind === 'governance'
            ? html`<label class="since">Business year (1 April to 31 March)
              <select @change=${(e: Event) => (this.year = (e.target as HTMLSelectElement).value)}>
                ${this.years().years.map((y) => html`<option value=${y.start} ?selected=${y.start === this.chosenYear().start}>${yearName(y)}${y.end >= localToday() ? ' (in progress)' : ''}</option>`)}
              </select></label>`
            : html`<label class="since">As at <input type="date" .value=${this.asAt} @change=${(e: Event) => (this.asAt = (e.target as HTMLInputElement).value)} /></label>`
        }
        ${
          this.kind === 'progress'
            ? html`<label class="since">Changes since <input type="date" .value=${this.since} max=${this.asAt || localToday()} @change=${(e: Event) => (this.since = (e.target as HTMLInputElement).value)} /></label>`
            : nothing
        }
        <button @click=${this.word}>Download Word</button>
        <button @click=${this.print}>Print / PDF</button>
      </div>
      <div role="status" aria-live="polite">${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}</div>
      <div role="alert">${this.error ? html`<p class="message">${this.error}</p>` : nothing}</div>
      <article aria-label=${k.title}>${unsafeHTML(this.body)}</article>
    </section>`;
  }
}

function monthsAgo(n: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() - n);
  return localToday(d);
}

customElements.define('reports-view', ReportsView);
