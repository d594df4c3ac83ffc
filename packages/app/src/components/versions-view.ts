import { diffInWords, diffVersions, formatUkDate, localToday } from '@coplan/core';
import { css, html, LitElement, nothing } from 'lit';
import type { ChangeInWords, Plan, PlanSnapshot } from '@coplan/core';
import { tryPlanCall } from '../state/plan-call.js';
import { focusRing } from './shared-styles.js';

/**
 * Agreed versions: agree one (label, who was present, when), list them, open
 * one read-only, and compare it with another or with the plan now. The core
 * stores versions and computes the differences.
 */
export class VersionsView extends LitElement {
  static override properties = {
    plan: { attribute: false },
    snapshot: { attribute: false },
    readonly: { type: Boolean },
    opened: { state: true },
    diff: { state: true },
    message: { state: true },
    agreed: { state: true },
  };
  plan!: Plan;
  snapshot!: PlanSnapshot;
  readonly = false;
  opened: PlanSnapshot | null = null;
  diff: { from: string; to: string; result: ChangeInWords[] } | null = null;
  message = '';
  /** The polite confirmation after agreeing a version; cleared by the next attempt. */
  agreed = '';
  static override styles = [
    focusRing,
    css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; border: 1px solid #b1b4b6; padding: 0.75rem; }
    label { display: flex; flex-direction: column; font-weight: 600; font-size: 0.9rem; }
    input, select { font: inherit; min-height: 44px; border: 2px solid #0b0c0c; padding: 0.2rem; max-width: 100%; box-sizing: border-box; }
    label { max-width: 100%; }
    button { min-height: 44px; font: inherit; padding: 0.3rem 0.8rem; border: 2px solid #0b0c0c; border-radius: 4px; background: #f3f2f1; cursor: pointer; }
    table { border-collapse: collapse; margin: 1rem 0; }
    td, th { border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
    .added { border-left: 5px solid #00703c; padding-left: 0.5rem; }
    .removed { border-left: 5px solid #d4351c; padding-left: 0.5rem; }
    .moved, .changed { border-left: 5px solid #1d70b8; padding-left: 0.5rem; }
    .changes > li { margin: 0.5rem 0; list-style: none; }
    .message { background: #fff2d6; padding: 0.5rem; }
    .agreed { margin: 0.5rem 0; }
    .agreed:not(:empty) { border-left: 5px solid #00703c; padding: 0.3rem 0.5rem; }
  `,
  ];

  private agree(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const label = String(data.get('label') ?? '').trim();
    const agreedAt = String(data.get('agreedAt') || localToday());
    this.agreed = '';
    this.message = tryPlanCall(() => {
      this.plan.agreeVersion({
        label,
        agreedBy: String(data.get('agreedBy') ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
        agreedAt,
      });
      form.reset();
    });
    // Focus stays on the Agree button (the form stays for the next version); the status says what happened.
    if (!this.message) this.agreed = `Version ${label.replace(/^v(?=\d)/i, '')} agreed on ${formatUkDate(agreedAt)}.`;
  }

  private compare(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const from = String(data.get('from'));
    const to = String(data.get('to'));
    this.diff = { from, to, result: diffInWords(diffVersions(this.plan, from, to === 'now' ? 'now' : to)) };
  }

  override render() {
    const versions = this.snapshot.versions;
    return html`
      <h2 id="versions-heading">Versions</h2>
      ${
        this.readonly
          ? nothing
          : html`<form @submit=${this.agree} aria-label="Agree a version">
            <label>Label <input name="label" placeholder="v1.2" required /></label>
            <label>Agreed by (comma-separated) <input name="agreedBy" size="40" /></label>
            <label>Date <input name="agreedAt" type="date" /></label>
            <button type="submit">Agree this version</button>
          </form>`
      }
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <p class="agreed" role="status">${this.agreed}</p>
      <table>
        <caption>${versions.length ? 'Agreed versions' : 'No version has been agreed yet'}</caption>
        <thead><tr><th scope="col">Version</th><th scope="col">Agreed</th><th scope="col">By</th><th scope="col">Read-only copy</th></tr></thead>
        <tbody>${versions.map(
          (v) => html`<tr><td>${v.label}</td><td>${formatUkDate(v.agreedAt)}</td><td>${v.agreedBy.join(', ')}</td>
            <td><button @click=${() => (this.opened = this.plan.versionSnapshot(v.id))}>Open ${v.label} read-only</button></td></tr>`,
        )}</tbody>
      </table>
      ${
        versions.length
          ? html`<form @submit=${this.compare} aria-label="Compare versions">
            <label>From <select name="from">${versions.map((v) => html`<option value=${v.id}>${v.label}</option>`)}</select></label>
            <label>To <select name="to"><option value="now">The plan now</option>${versions.map((v) => html`<option value=${v.id}>${v.label}</option>`)}</select></label>
            <button type="submit">Compare</button>
          </form>`
          : nothing
      }
      ${this.diff ? this.renderDiff(this.diff.result) : nothing}
      ${this.opened ? this.renderOpened(this.opened) : nothing}`;
  }

  /** The comparison as the core words it: one entry per item, with a sentence per change. */
  private renderDiff(changes: ChangeInWords[]) {
    const label = (id: string) => (id === 'now' ? 'the plan now' : (this.snapshot.versions.find((v) => v.id === id)?.label ?? id));
    return html`<section aria-labelledby="differences-heading">
      <h2 id="differences-heading">What changed from ${label(this.diff!.from)} to ${label(this.diff!.to)}</h2>
      ${changes.length === 0 ? html`<p>Nothing changed.</p>` : nothing}
      <ul class="changes">${changes.map((c) => html`<li class=${c.change}>${c.headline}${c.details.length ? html`<ul>${c.details.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}</li>`)}</ul>
    </section>`;
  }

  private renderOpened(s: PlanSnapshot) {
    return html`<section aria-label=${`Version ${s.versionLabel}, read-only`}>
      <h2>${s.title} — version ${s.versionLabel} (read-only)</h2>
      ${s.priorities.map(
        (p) => html`<h3>Priority ${p.number}: ${p.title}</h3>
          ${p.objectives.map((o) => html`<p><strong>${p.number}.${o.number}</strong> ${o.text}</p><ul>${o.actions.map((a) => html`<li>${a.text} (${a.timescale.text})</li>`)}</ul>`)}`,
      )}
    </section>`;
  }
}
customElements.define('versions-view', VersionsView);
