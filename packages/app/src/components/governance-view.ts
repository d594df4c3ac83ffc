import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { businessYearOf, localToday, type Plan } from '@coplan/core';
import { GROUP_KINDS, GROUP_KIND_LABELS, Governance, quorumRuleWords, type Arrangements, type Group, type GroupKind, type QuorumRule } from '@coplan/core/governance';
import { lincolnshireArrangements } from '@coplan/seeds';
import { tryPlanCall } from '../state/plan-call.js';
import { ListFocus, listKeys, stepKeys } from '../items/list-focus.js';
import { KeysHintHold } from '../items/keys-hint.js';
import { formStyles, stackedTables } from './shared-styles.js';
import { formatUkDate } from '@coplan/core';
import './meeting-view.js';
import { whenDrawn } from './when-drawn.js';

/**
 * The Governance tab: the partnership's agencies and groups with their rules
 * (editable), each group's meetings (open one to record it), and attendance
 * per agency over a business year against each group's threshold. Reads
 * everything through the core's Governance and re-reads on every change.
 */
export class GovernanceView extends LitElement {
  static override properties = {
    plan: { attribute: false },
    readonly: { type: Boolean },
    message: { state: true },
    meetingId: { attribute: false },
    yearStart: { state: true },
    announced: { state: true },
  };
  plan!: Plan;
  readonly = false;
  message = '';
  /** The meeting open for recording, or '' for the list of groups; opening or leaving one fires `meeting-chosen` (detail: its id, or ''), for the address. */
  meetingId = '';
  yearStart = businessYearOf(localToday()).start;
  /** What was last said to screen readers about where focus went. */
  announced = '';
  private unsubscribe: (() => void) | undefined;
  private gov!: Governance;
  /** The meeting last open: its Open button takes focus back when the person goes back to the groups. */
  private leftMeeting = '';

  /*
   * Roving focus (one Tab stop per list, arrows, Home and End; focus kept on
   * deletes) in the lists of agencies and groups, and in the seats and
   * meetings of the group holding the groups' tab stop (the only group whose
   * lists Tab enters). The inner lists come first: focus lost in a
   * seat goes to a seat before its group would take it.
   */
  private readonly agenciesFocus = this.listFocus('agency', () => this.gov.arrangements().agencies.map((x) => x.id), 'tbody[data-list="agency"]', 'form[data-add="agency"] input[name="name"]');
  private readonly seatsFocus = this.listFocus(
    'seat',
    () => this.stopGroup()?.seats.map((s) => s.id) ?? [],
    () => `tbody[data-list="seat"][data-group="${this.stopGroup()?.id}"]`,
    () => `form[data-add="seat"][data-group="${this.stopGroup()?.id}"] select`,
  );
  private readonly meetingsFocus = this.listFocus(
    'meeting',
    () => this.meetingsOf(this.stopGroup()?.id).map((m) => m.id),
    () => `ul[data-list="meeting"][data-group="${this.stopGroup()?.id}"]`,
    () => `form[data-add="meeting"][data-group="${this.stopGroup()?.id}"] input`,
  );
  // After the seats and meetings: a seat deleted puts focus on its neighbour before the group would take it.
  private readonly groupsFocus = this.listFocus('group', () => this.gov.arrangements().groups.map((g) => g.id), '[data-list="group"]', 'form[data-add="group"] input[name="name"]');

  constructor() {
    super();
    new KeysHintHold(this, '[data-kind]');
  }

  static override styles = [
    formStyles,
    stackedTables,
    css`
      :host { display: block; }
      table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
      caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
      th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem; text-align: left; vertical-align: top; }
      form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.75rem 0; }
      /* A list of long names (a group's kinds, the agencies) narrows to the screen rather than running off it. */
      form > label { min-width: 0; max-width: 100%; }
      select { max-width: 100%; }
      fieldset { border: 2px solid #b1b4b6; margin: 0.5rem 0; }
      .group { border-top: 4px solid #1d4f91; margin-top: 1rem; }
      .short { color: #b52a16; font-weight: 700; }
      .check { flex-direction: row; align-items: center; gap: 0.5rem; font-weight: 400; }
      .check input { min-height: 24px; width: 24px; }
      /* As in the outline: a list's item with keyboard focus says how the arrow keys move (drawn only; screen readers have its description), kept through a pointer's press. */
      :is(tr[data-kind]:is(:focus-visible, .keys-held) > td:first-child, section.group:is(:focus-visible, .keys-held) > h3, li[data-kind]:is(:focus-visible, .keys-held))::after { display: block; font-size: 0.8rem; font-weight: 400; color: #505a5f; }
      tr[data-kind='agency']:is(:focus-visible, .keys-held) > td:first-child::after { content: 'Up and down arrow keys: the other agencies. Tab: into this one.' / ''; }
      tr[data-kind='seat']:is(:focus-visible, .keys-held) > td:first-child::after { content: 'Up and down arrow keys: the other seats. Tab: into this one.' / ''; }
      section.group:is(:focus-visible, .keys-held) > h3::after { content: 'Up and down arrow keys: the other groups. Tab: into this one.' / ''; }
      li[data-kind='meeting']:is(:focus-visible, .keys-held)::after { content: 'Up and down arrow keys: the other meetings. Tab: into this one.' / ''; }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
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

  private listFocus(kind: string, ids: () => string[], list: string | (() => string), empty: string | (() => string)): ListFocus {
    const sel = (s: string | (() => string)) => (typeof s === 'string' ? s : s());
    return new ListFocus(this, {
      kind,
      plan: () => this.plan,
      ids: () => (this.gov ? ids() : []),
      events: () => this.renderRoot ?? this,
      list: () => this.renderRoot?.querySelector(sel(list)) ?? null,
      empty: () => this.renderRoot?.querySelector<HTMLElement>(sel(empty)) ?? null,
    });
  }

  /** The group whose seats and meetings Tab enters: the one holding the groups' tab stop. */
  private stopGroup(): Group | undefined {
    const groups = this.gov?.arrangements().groups ?? [];
    const id = this.groupsFocus?.stop(groups.map((g) => g.id));
    return groups.find((g) => g.id === id);
  }

  private meetingsOf(groupId: string | undefined) {
    return groupId ? this.plan.children('meeting', groupId).sort((x, y) => (x.date < y.date ? 1 : -1)) : [];
  }

  /** Opens a meeting to record it, focus going to its heading; going back puts focus on its Open button. */
  private async openMeeting(id: string): Promise<void> {
    this.meetingId = id;
    this.tellMeeting(id);
    await this.updateComplete;
    const recorder = this.renderRoot.querySelector('meeting-recorder') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await recorder?.updateComplete;
    (recorder?.shadowRoot?.querySelector('h3') as HTMLElement | null)?.focus();
  }

  private tellMeeting(id: string): void {
    this.dispatchEvent(new CustomEvent('meeting-chosen', { detail: id, bubbles: true, composed: true }));
  }

  private async backToGroups(): Promise<void> {
    this.leftMeeting = this.meetingId;
    this.meetingId = '';
    this.tellMeeting('');
    await this.updateComplete;
    const open = this.renderRoot.querySelector<HTMLElement>(`[data-kind="meeting"][data-id="${this.leftMeeting}"] button`);
    (open ?? this.renderRoot.querySelector<HTMLElement>('#governance-heading'))?.focus();
  }

  private readonly onAnnounce = (e: Event): void => {
    this.announced = (e as CustomEvent<string>).detail;
  };

  override firstUpdated(): void {
    this.addEventListener('item-announce', this.onAnnounce);
  }

  /**
   * Fills empty arrangements from Lincolnshire's. The button goes with them: focus goes to the agencies
   * they brought (the summary just above it), and a screen reader is told what came.
   */
  private readonly startFromExample = async (): Promise<void> => {
    if (!this.run(() => this.gov.load(lincolnshireArrangements))) return;
    (await whenDrawn(this, () => this.renderRoot.querySelector<HTMLElement>('details summary')))?.focus();
    const a = this.gov.arrangements();
    this.announced = `Lincolnshire's arrangements added, to edit as your own: ${a.agencies.length} agencies and ${a.groups.length} groups.`;
  };

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
    const groupStop = this.groupsFocus.stop(a.groups.map((g) => g.id));
    return html`<section aria-labelledby="governance-heading">
      <h2 id="governance-heading" tabindex="-1">Governance</h2>
      <p class="visually-hidden" role="status">${this.announced}</p>
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      ${
        this.meetingId
          ? html`<button @click=${this.backToGroups}>Back to the groups</button>
            <meeting-recorder .plan=${this.plan} .governance=${this.gov} .meetingId=${this.meetingId} ?readonly=${ro}></meeting-recorder>`
          : html`${this.agencies(a, ro)}
            <div data-list="group">${repeat(
              a.groups,
              (g) => g.id,
              (g) => this.group(g, a, ro, g.id === groupStop),
            )}</div>
            ${this.newGroup(a, ro)} ${this.attendance()}`
      }
    </section>`;
  }

  private agencies(a: Arrangements, ro: boolean) {
    const stop = this.agenciesFocus.stop(a.agencies.map((x) => x.id));
    return html`<h3>Partners and agencies</h3>
      ${
        a.agencies.length
          ? html`<details><summary>${a.agencies.length} agencies: ${
              a.agencies
                .filter((x) => x.statutoryPartner)
                .map((x) => x.name)
                .join(', ') || 'no statutory partner marked'
            } and others</summary>
          <table class="stack" role="table"><caption>Partners and relevant agencies</caption><thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Agency</th><th role="columnheader" scope="col">Statutory partner</th><th role="columnheader" scope="col">Remove</th></tr></thead>
          <tbody role="rowgroup" data-list="agency">${repeat(
            a.agencies,
            (x) => x.id,
            (x) => {
              const t = x.id === stop ? nothing : '-1';
              return html`<tr role="row" data-kind="agency" data-id=${x.id} data-name=${`agency ${x.name}`} aria-label=${`Agency ${x.name}`} aria-description=${listKeys('agencies')} tabindex=${x.id === stop ? '0' : '-1'} @keydown=${stepAgency}><td role="cell" data-label="Agency"><input tabindex=${t} ?readonly=${ro} aria-label=${`Name of agency ${x.name}`} .value=${x.name} @change=${(e: Event) => this.run(() => this.plan.update('agency', x.id, { name: (e.target as HTMLInputElement).value }))} /></td>
            <td role="cell" data-label="Statutory partner"><input tabindex=${t} type="checkbox" ?disabled=${ro} aria-label=${`${x.name} is a statutory partner`} .checked=${!!x.statutoryPartner} @change=${(e: Event) => this.run(() => this.plan.update('agency', x.id, { statutoryPartner: (e.target as HTMLInputElement).checked }))} /></td>
            <td role="cell">${ro ? nothing : html`<button tabindex=${t} aria-label=${`Remove agency: ${x.name}`} @click=${() => this.run(() => this.plan.delete('agency', x.id))}>Remove</button>`}</td></tr>`;
            },
          )}</tbody></table></details>`
          : html`<p>No agencies yet.</p>`
      }
      ${
        ro
          ? nothing
          : html`<form data-add="agency" aria-label="Add an agency" @submit=${(e: Event) => this.submit(e, (d) => this.plan.create('agency', { name: String(d.get('name') ?? '').trim(), statutoryPartner: d.get('statutory') === 'on' }))}>
        <label>Agency <input name="name" required /></label><label class="check"><input type="checkbox" name="statutory" /> Statutory partner</label><button type="submit">Add agency</button></form>
        ${a.groups.length === 0 ? html`<p><button @click=${this.startFromExample}>Start from Lincolnshire's arrangements (an example to edit)</button></p>` : nothing}`
      }`;
  }

  private group(g: Group, a: Arrangements, ro: boolean, isStop: boolean) {
    /** Controls in a group that does not hold the groups' tab stop are left out of the Tab order (arrows reach the group). */
    const t = isStop ? nothing : '-1';
    const update = (patch: Parameters<Plan['update']>[2]) => this.run(() => this.plan.update('group', g.id, patch as never));
    const meetings = this.meetingsOf(g.id);
    const seatStop = isStop ? this.seatsFocus.stop(g.seats.map((s) => s.id)) : undefined;
    const meetingStop = isStop ? this.meetingsFocus.stop(meetings.map((m) => m.id)) : undefined;
    const rule = g.quorum;
    const setRule = (next: QuorumRule) => update({ quorum: next });
    const num = (e: Event) => Number((e.target as HTMLInputElement).value);
    return html`<section class="group" data-kind="group" data-id=${g.id} data-name=${`group ${g.name}`} aria-description=${listKeys('groups')} tabindex=${isStop ? '0' : '-1'} @keydown=${stepGroup} aria-labelledby=${`group-${g.id}`}>
      <h3 id=${`group-${g.id}`}>${g.name}</h3>
      <p>${GROUP_KIND_LABELS[g.kind]}; quorate with ${quorumRuleWords(rule, a.agencies)}; each agency expected at ${Math.round(g.attendanceThreshold * 100)}% of meetings.</p>
      ${
        ro
          ? nothing
          : html`<details><summary tabindex=${t}>Edit the ${g.name}'s rules and seats</summary>
        <form @submit=${(e: Event) => e.preventDefault()} aria-label=${`Rules of the ${g.name}`}>
          <label>Name <input tabindex=${t} .value=${g.name} @change=${(e: Event) => update({ name: (e.target as HTMLInputElement).value })} /></label>
          <label>Kind <select tabindex=${t} @change=${(e: Event) => update({ kind: (e.target as HTMLSelectElement).value as GroupKind })}>${GROUP_KINDS.map((k) => html`<option value=${k} ?selected=${k === g.kind}>${GROUP_KIND_LABELS[k]}</option>`)}</select></label>
          <label>Chair <input tabindex=${t} .value=${g.chair} @change=${(e: Event) => update({ chair: (e.target as HTMLInputElement).value })} /></label>
          <label>Meets <input tabindex=${t} .value=${g.meets} @change=${(e: Event) => update({ meets: (e.target as HTMLInputElement).value })} /></label>
          <label>Attendance expected (%) <input tabindex=${t} type="number" min="0" max="100" .value=${String(Math.round(g.attendanceThreshold * 100))} @change=${(e: Event) => update({ attendanceThreshold: num(e) / 100 })} /></label>
          <label>Quorum rule <select tabindex=${t} @change=${(e: Event) => {
            const kind = (e.target as HTMLSelectElement).value;
            setRule(kind === 'agencies' ? { kind, required: [], others: 3 } : kind === 'chair-and-agencies' ? { kind, agencies: 3 } : { kind: 'count', members: 5 });
          }}>
            <option value="agencies" ?selected=${rule.kind === 'agencies'}>Named agencies plus others</option>
            <option value="chair-and-agencies" ?selected=${rule.kind === 'chair-and-agencies'}>The chair plus agencies</option>
            <option value="count" ?selected=${rule.kind === 'count'}>A number of members</option>
          </select></label>
          ${rule.kind === 'agencies' ? html`<label>Other agencies needed <input tabindex=${t} type="number" min="0" .value=${String(rule.others)} @change=${(e: Event) => setRule({ ...rule, others: num(e) })} /></label>` : nothing}
          ${rule.kind === 'chair-and-agencies' ? html`<label>Agencies needed with the chair <input tabindex=${t} type="number" min="0" .value=${String(rule.agencies)} @change=${(e: Event) => setRule({ ...rule, agencies: num(e) })} /></label>` : nothing}
          ${rule.kind === 'count' ? html`<label>Members needed <input tabindex=${t} type="number" min="1" .value=${String(rule.members)} @change=${(e: Event) => setRule({ ...rule, members: num(e) })} /></label>` : nothing}
        </form>
        ${
          rule.kind === 'agencies'
            ? html`<fieldset><legend>Agencies that must be present</legend>${a.agencies.map(
                (x) =>
                  html`<label class="check"><input tabindex=${t} type="checkbox" .checked=${rule.required.includes(x.id)} @change=${(e: Event) =>
                    setRule({ ...rule, required: (e.target as HTMLInputElement).checked ? [...rule.required, x.id] : rule.required.filter((id) => id !== x.id) })} /> ${x.name}</label>`,
              )}</fieldset>`
            : nothing
        }
        <table class="stack" role="table"><caption>Seats on the ${g.name}</caption><thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Agency</th><th role="columnheader" scope="col">Seat</th><th role="columnheader" scope="col">Remove</th></tr></thead>
          <tbody role="rowgroup" data-list="seat" data-group=${g.id}>${repeat(
            g.seats,
            (s) => s.id,
            (s) => {
              const agency = a.agencies.find((x) => x.id === s.agencyId)?.name ?? s.agencyId;
              const seatName = `${agency}${s.role ? `, ${s.role}` : ''}`;
              return html`<tr role="row" data-kind="seat" data-id=${s.id} data-name=${`the seat of ${seatName}`} aria-label=${`Seat: ${seatName}`} aria-description=${listKeys('seats')} tabindex=${s.id === seatStop ? '0' : '-1'} @keydown=${stepSeat}><td role="cell" data-label="Agency">${agency}</td><td role="cell" data-label="Seat">${s.role ?? 'Member'}${s.voting === false ? ' (no vote)' : ''}</td>
            <td role="cell"><button tabindex=${s.id === seatStop ? nothing : '-1'} aria-label=${`Remove seat: ${agency} ${s.role ?? ''}`} @click=${() => this.run(() => this.plan.delete('seat', s.id))}>Remove</button></td></tr>`;
            },
          )}</tbody></table>
        <form data-add="seat" data-group=${g.id} aria-label=${`Add a seat to the ${g.name}`} @submit=${(e: Event) =>
          this.submit(e, (d) => this.plan.create('seat', { agencyId: String(d.get('agency')), role: String(d.get('role') ?? '').trim(), voting: d.get('observer') !== 'on' }, { parentId: g.id }))}>
          <label>Agency <select tabindex=${t} name="agency">${a.agencies.map((x) => html`<option value=${x.id}>${x.name}</option>`)}</select></label>
          <label>Seat <input tabindex=${t} name="role" /></label><label class="check"><input tabindex=${t} type="checkbox" name="observer" /> No vote</label><button tabindex=${t} type="submit">Add seat</button>
        </form></details>`
      }
      <h4>Meetings</h4>
      ${
        meetings.length
          ? html`<ul data-list="meeting" data-group=${g.id}>${repeat(
              meetings,
              (m) => m.id,
              (m) =>
                html`<li data-kind="meeting" data-id=${m.id} data-name=${`the meeting on ${formatUkDate(m.date)}`} aria-description=${listKeys('meetings')} tabindex=${m.id === meetingStop ? '0' : '-1'} @keydown=${stepMeeting}>${formatUkDate(m.date)}: ${this.gov.meeting(m.id).verdict.words} <button tabindex=${m.id === meetingStop ? nothing : '-1'} aria-label=${`Open the meeting on ${formatUkDate(m.date)}`} @click=${() => this.openMeeting(m.id)}>Open</button></li>`,
            )}</ul>`
          : html`<p>No meetings recorded.</p>`
      }
      ${
        ro
          ? nothing
          : html`<form data-add="meeting" data-group=${g.id} aria-label=${`New meeting of the ${g.name}`} @submit=${(e: Event) =>
              this.submit(e, (d) => {
                void this.openMeeting(this.plan.create('meeting', { date: String(d.get('date') ?? '') }, { parentId: g.id }));
              })}>
        <label>Date <input tabindex=${t} type="date" name="date" required .value=${localToday()} /></label><button tabindex=${t} type="submit">New meeting</button></form>`
      }
    </section>`;
  }

  private newGroup(a: Arrangements, ro: boolean) {
    if (ro || a.agencies.length === 0) return nothing;
    return html`<form data-add="group" aria-label="Add a group" @submit=${(e: Event) => this.submit(e, (d) => this.plan.create('group', { name: String(d.get('name') ?? '').trim(), kind: String(d.get('kind')) as GroupKind }))}>
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
          (g) => html`<table class="stack" role="table"><caption>${g.group.name}: ${g.meetings} meetings, ${Math.round(g.group.attendanceThreshold * 100)}% expected</caption>
          <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Agency</th><th role="columnheader" scope="col">Attended</th><th role="columnheader" scope="col">Rate</th><th role="columnheader" scope="col">Meets the threshold</th></tr></thead>
          <tbody role="rowgroup">${g.rows.map((r) => html`<tr role="row"><td role="cell" data-label="Agency">${r.agencyName}</td><td role="cell" data-label="Attended">${r.represented} of ${r.meetings}</td><td role="cell" data-label="Rate">${Math.round(r.rate * 100)}%</td><td role="cell" data-label="Meets the threshold" class=${r.meetsThreshold ? '' : 'short'}>${r.meetsThreshold ? 'Yes' : 'No, below the threshold'}</td></tr>`)}</tbody></table>`,
        )}
      ${groups.every((g) => g.meetings === 0) ? html`<p>No meetings recorded in this year.</p>` : nothing}`;
  }
}
const stepAgency = stepKeys('agency');
const stepGroup = stepKeys('group');
const stepSeat = stepKeys('seat');
const stepMeeting = stepKeys('meeting');

customElements.define('governance-view', GovernanceView);
