import { css, html, LitElement, nothing } from 'lit';
import { businessYearOf, localToday, type Plan } from '@coplan/core';
import { GROUP_KINDS, GROUP_KIND_LABELS, Governance, quorumRuleWords, type Arrangements, type Group, type GroupKind, type QuorumRule } from '@coplan/core/governance';
import { lincolnshireArrangements } from '@coplan/seeds';
import { tryPlanCall } from '../state/plan-call.js';
import { formStyles } from './shared-styles.js';
import { ukDate } from './uk-date.js';
import './meeting-view.js';

/**
 * The Governance tab: the partnership's agencies and groups with their rules
 * (editable), each group's meetings (open one to record it), and attendance
 * per agency over a business year against each group's threshold. Reads
 * everything through the core's Governance and re-reads on every change.
 */
export class GovernanceView extends LitElement {
  static override properties = { plan: { attribute: false }, readonly: { type: Boolean }, message: { state: true }, meetingId: { state: true }, yearStart: { state: true } };
  plan!: Plan;
  readonly = false;
  message = '';
  /** The meeting open for recording, or '' for the list of groups. */
  meetingId = '';
  yearStart = businessYearOf(localToday()).start;
  private unsubscribe: (() => void) | undefined;
  private gov!: Governance;

  static override styles = [
    formStyles,
    css`
      :host { display: block; }
      table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
      caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
      th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem; text-align: left; vertical-align: top; }
      form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.75rem 0; }
      fieldset { border: 2px solid #b1b4b6; margin: 0.5rem 0; }
      .group { border-top: 4px solid #1d4f91; margin-top: 1rem; }
      .short { color: #b52a16; font-weight: 700; }
      .check { flex-direction: row; align-items: center; gap: 0.5rem; font-weight: 400; }
      .check input { min-height: 24px; width: 24px; }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('plan') && this.gov?.plan !== this.plan) this.follow();
  }

  /** Reads and follows the plan given (again, when another plan is opened). */
  private follow(): void {
    this.unsubscribe?.();
    this.gov = new Governance(this.plan);
    this.unsubscribe = this.plan.onChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private run(fn: () => void): boolean {
    this.message = tryPlanCall(fn);
    return this.message === '';
  }

  private submit(e: Event, fn: (data: FormData) => void): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (this.run(() => fn(new FormData(form)))) form.reset();
  }

  override render() {
    const a = this.gov.arrangements();
    const ro = this.readonly;
    return html`<section aria-labelledby="governance-heading">
      <h2 id="governance-heading">Governance</h2>
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      ${
        this.meetingId
          ? html`<button @click=${() => (this.meetingId = '')}>Back to the groups</button>
            <meeting-recorder .plan=${this.plan} .governance=${this.gov} .meetingId=${this.meetingId} ?readonly=${ro}></meeting-recorder>`
          : html`${this.agencies(a, ro)} ${a.groups.map((g) => this.group(g, a, ro))} ${this.newGroup(a, ro)} ${this.attendance()}`
      }
    </section>`;
  }

  private agencies(a: Arrangements, ro: boolean) {
    return html`<h3>Partners and agencies</h3>
      ${
        a.agencies.length
          ? html`<details><summary>${a.agencies.length} agencies: ${
              a.agencies
                .filter((x) => x.statutoryPartner)
                .map((x) => x.name)
                .join(', ') || 'no statutory partner marked'
            } and others</summary>
          <table><caption>Partners and relevant agencies</caption><thead><tr><th scope="col">Agency</th><th scope="col">Statutory partner</th><th scope="col">Remove</th></tr></thead>
          <tbody>${a.agencies.map(
            (
              x,
            ) => html`<tr><td><input ?readonly=${ro} aria-label=${`Name of agency ${x.name}`} .value=${x.name} @change=${(e: Event) => this.run(() => this.plan.update('agency', x.id, { name: (e.target as HTMLInputElement).value }))} /></td>
            <td><input type="checkbox" ?disabled=${ro} aria-label=${`${x.name} is a statutory partner`} .checked=${!!x.statutoryPartner} @change=${(e: Event) => this.run(() => this.plan.update('agency', x.id, { statutoryPartner: (e.target as HTMLInputElement).checked }))} /></td>
            <td>${ro ? nothing : html`<button aria-label=${`Remove agency: ${x.name}`} @click=${() => this.run(() => this.plan.delete('agency', x.id))}>Remove</button>`}</td></tr>`,
          )}</tbody></table></details>`
          : html`<p>No agencies yet.</p>`
      }
      ${
        ro
          ? nothing
          : html`<form aria-label="Add an agency" @submit=${(e: Event) => this.submit(e, (d) => this.plan.create('agency', { name: String(d.get('name') ?? '').trim(), statutoryPartner: d.get('statutory') === 'on' }))}>
        <label>Agency <input name="name" required /></label><label class="check"><input type="checkbox" name="statutory" /> Statutory partner</label><button type="submit">Add agency</button></form>
        ${a.groups.length === 0 ? html`<p><button @click=${() => this.run(() => this.gov.load(lincolnshireArrangements))}>Start from Lincolnshire's arrangements (an example to edit)</button></p>` : nothing}`
      }`;
  }

  private group(g: Group, a: Arrangements, ro: boolean) {
    const update = (patch: Parameters<Plan['update']>[2]) => this.run(() => this.plan.update('group', g.id, patch as never));
    const meetings = this.plan.children('meeting', g.id).sort((x, y) => (x.date < y.date ? 1 : -1));
    const rule = g.quorum;
    const setRule = (next: QuorumRule) => update({ quorum: next });
    const num = (e: Event) => Number((e.target as HTMLInputElement).value);
    return html`<section class="group" aria-labelledby=${`group-${g.id}`}>
      <h3 id=${`group-${g.id}`}>${g.name}</h3>
      <p>${GROUP_KIND_LABELS[g.kind]}; quorate with ${quorumRuleWords(rule, a.agencies)}; each agency expected at ${Math.round(g.attendanceThreshold * 100)}% of meetings.</p>
      ${
        ro
          ? nothing
          : html`<details><summary>Edit the ${g.name}'s rules and seats</summary>
        <form @submit=${(e: Event) => e.preventDefault()} aria-label=${`Rules of the ${g.name}`}>
          <label>Name <input .value=${g.name} @change=${(e: Event) => update({ name: (e.target as HTMLInputElement).value })} /></label>
          <label>Kind <select @change=${(e: Event) => update({ kind: (e.target as HTMLSelectElement).value as GroupKind })}>${GROUP_KINDS.map((k) => html`<option value=${k} ?selected=${k === g.kind}>${GROUP_KIND_LABELS[k]}</option>`)}</select></label>
          <label>Chair <input .value=${g.chair} @change=${(e: Event) => update({ chair: (e.target as HTMLInputElement).value })} /></label>
          <label>Meets <input .value=${g.meets} @change=${(e: Event) => update({ meets: (e.target as HTMLInputElement).value })} /></label>
          <label>Attendance expected (%) <input type="number" min="0" max="100" .value=${String(Math.round(g.attendanceThreshold * 100))} @change=${(e: Event) => update({ attendanceThreshold: num(e) / 100 })} /></label>
          <label>Quorum rule <select @change=${(e: Event) => {
            const kind = (e.target as HTMLSelectElement).value;
            setRule(kind === 'agencies' ? { kind, required: [], others: 3 } : kind === 'chair-and-agencies' ? { kind, agencies: 3 } : { kind: 'count', members: 5 });
          }}>
            <option value="agencies" ?selected=${rule.kind === 'agencies'}>Named agencies plus others</option>
            <option value="chair-and-agencies" ?selected=${rule.kind === 'chair-and-agencies'}>The chair plus agencies</option>
            <option value="count" ?selected=${rule.kind === 'count'}>A number of members</option>
          </select></label>
          ${rule.kind === 'agencies' ? html`<label>Other agencies needed <input type="number" min="0" .value=${String(rule.others)} @change=${(e: Event) => setRule({ ...rule, others: num(e) })} /></label>` : nothing}
          ${rule.kind === 'chair-and-agencies' ? html`<label>Agencies needed with the chair <input type="number" min="0" .value=${String(rule.agencies)} @change=${(e: Event) => setRule({ ...rule, agencies: num(e) })} /></label>` : nothing}
          ${rule.kind === 'count' ? html`<label>Members needed <input type="number" min="1" .value=${String(rule.members)} @change=${(e: Event) => setRule({ ...rule, members: num(e) })} /></label>` : nothing}
        </form>
        ${
          rule.kind === 'agencies'
            ? html`<fieldset><legend>Agencies that must be present</legend>${a.agencies.map(
                (x) =>
                  html`<label class="check"><input type="checkbox" .checked=${rule.required.includes(x.id)} @change=${(e: Event) =>
                    setRule({ ...rule, required: (e.target as HTMLInputElement).checked ? [...rule.required, x.id] : rule.required.filter((id) => id !== x.id) })} /> ${x.name}</label>`,
              )}</fieldset>`
            : nothing
        }
        <table><caption>Seats on the ${g.name}</caption><thead><tr><th scope="col">Agency</th><th scope="col">Seat</th><th scope="col">Remove</th></tr></thead>
          <tbody>${g.seats.map(
            (s) => html`<tr><td>${a.agencies.find((x) => x.id === s.agencyId)?.name ?? s.agencyId}</td><td>${s.role ?? 'Member'}${s.voting === false ? ' (no vote)' : ''}</td>
            <td><button aria-label=${`Remove seat: ${a.agencies.find((x) => x.id === s.agencyId)?.name ?? ''} ${s.role ?? ''}`} @click=${() => this.run(() => this.plan.delete('seat', s.id))}>Remove</button></td></tr>`,
          )}</tbody></table>
        <form aria-label=${`Add a seat to the ${g.name}`} @submit=${(e: Event) =>
          this.submit(e, (d) => this.plan.create('seat', { agencyId: String(d.get('agency')), role: String(d.get('role') ?? '').trim(), voting: d.get('observer') !== 'on' }, { parentId: g.id }))}>
          <label>Agency <select name="agency">${a.agencies.map((x) => html`<option value=${x.id}>${x.name}</option>`)}</select></label>
          <label>Seat <input name="role" /></label><label class="check"><input type="checkbox" name="observer" /> No vote</label><button type="submit">Add seat</button>
        </form></details>`
      }
      <h4>Meetings</h4>
      ${
        meetings.length
          ? html`<ul>${meetings.map(
              (m) =>
                html`<li>${ukDate(m.date)}: ${this.gov.meeting(m.id).verdict.words} <button aria-label=${`Open the meeting on ${ukDate(m.date)}`} @click=${() => (this.meetingId = m.id)}>Open</button></li>`,
            )}</ul>`
          : html`<p>No meetings recorded.</p>`
      }
      ${
        ro
          ? nothing
          : html`<form aria-label=${`New meeting of the ${g.name}`} @submit=${(e: Event) =>
              this.submit(e, (d) => {
                this.meetingId = this.plan.create('meeting', { date: String(d.get('date') ?? '') }, { parentId: g.id });
              })}>
        <label>Date <input type="date" name="date" required .value=${localToday()} /></label><button type="submit">New meeting</button></form>`
      }
    </section>`;
  }

  private newGroup(a: Arrangements, ro: boolean) {
    if (ro || a.agencies.length === 0) return nothing;
    return html`<form aria-label="Add a group" @submit=${(e: Event) => this.submit(e, (d) => this.plan.create('group', { name: String(d.get('name') ?? '').trim(), kind: String(d.get('kind')) as GroupKind }))}>
      <label>Group <input name="name" required /></label>
      <label>Kind <select name="kind">${GROUP_KINDS.map((k) => html`<option value=${k}>${GROUP_KIND_LABELS[k]}</option>`)}</select></label>
      <button type="submit">Add group</button></form>`;
  }

  private attendance() {
    const start = this.yearStart;
    const end = `${Number(start.slice(0, 4)) + 1}-03-31`;
    const groups = this.gov.attendance({ from: start, to: end });
    const thisYear = Number(businessYearOf(localToday()).start.slice(0, 4));
    return html`<h3>Attendance by agency</h3>
      <label>Business year <select @change=${(e: Event) => (this.yearStart = (e.target as HTMLSelectElement).value)}>
        ${[0, 1, 2, 3].map((back) => {
          const y = thisYear - back;
          return html`<option value=${`${y}-04-01`} ?selected=${`${y}-04-01` === start}>${y}/${String(y + 1).slice(2)}</option>`;
        })}
      </select></label>
      ${groups
        .filter((g) => g.meetings > 0)
        .map(
          (g) => html`<table><caption>${g.group.name}: ${g.meetings} meetings, ${Math.round(g.group.attendanceThreshold * 100)}% expected</caption>
          <thead><tr><th scope="col">Agency</th><th scope="col">Attended</th><th scope="col">Rate</th><th scope="col">Meets the threshold</th></tr></thead>
          <tbody>${g.rows.map((r) => html`<tr><td>${r.agencyName}</td><td>${r.represented} of ${r.meetings}</td><td>${Math.round(r.rate * 100)}%</td><td class=${r.meetsThreshold ? '' : 'short'}>${r.meetsThreshold ? 'Yes' : 'No, below the threshold'}</td></tr>`)}</tbody></table>`,
        )}
      ${groups.every((g) => g.meetings === 0) ? html`<p>No meetings recorded in this year.</p>` : nothing}`;
  }
}
customElements.define('governance-view', GovernanceView);
