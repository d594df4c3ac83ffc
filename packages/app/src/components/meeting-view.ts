import { css, html, LitElement, nothing } from 'lit';
import type { Plan, PlanSnapshot } from '@coplan/core';
import type { AttendanceMark, Governance, MeetingView as Meeting } from '@coplan/core/governance';
import { tryPlanCall } from '../state/plan-call.js';
import { formStyles, stackedTables } from './shared-styles.js';
import { formatUkDate } from '@coplan/core';

type Status = AttendanceMark['status'] | '';

const STATUS_LABELS: Record<Exclude<Status, ''>, string> = { present: 'Present', substitute: 'Substitute', apologies: 'Apologies', absent: 'Absent' };

/**
 * One meeting, recorded as it happens: attendance seat by seat with the
 * quorum verdict announced as it changes, visitors, declarations of interest,
 * decisions (a meeting that is not quorate must say so) and actions arising,
 * which can become plan actions. Everything it shows comes from the core's
 * Governance; it re-reads on every change to the plan, a partner's too.
 */
export class MeetingRecorder extends LitElement {
  static override properties = {
    plan: { attribute: false },
    governance: { attribute: false },
    meetingId: { attribute: false },
    readonly: { type: Boolean },
    message: { state: true },
    chairDecides: { state: true },
  };
  plan!: Plan;
  governance!: Governance;
  meetingId = '';
  readonly = false;
  message = '';
  chairDecides = false;
  private unsubscribe: (() => void) | undefined;

  static override styles = [
    formStyles,
    stackedTables,
    css`
      :host { display: block; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border-bottom: 1px solid #b1b4b6; padding: 0.3rem; text-align: left; vertical-align: top; }
      /* Sized by their column, so the table narrows with the window rather than running off it. */
      td input, td select { width: 100%; box-sizing: border-box; }
      form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.75rem 0; }
      .verdict { font-weight: 700; padding: 0.5rem 1rem; border-left: 5px solid #b52a16; background: #f6d7d2; }
      .verdict.quorate { border-color: #00703c; background: #cce2d8; }
      .removed { font-style: italic; }
      .check { flex-direction: row; align-items: center; gap: 0.5rem; }
      .check input { min-height: 24px; width: 24px; }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
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

  /** Records a seat's attendance; false (and why, in the message) when refused. */
  private mark(seatId: string, status: Status, name = ''): boolean {
    if (status === 'substitute' && !name.trim()) {
      this.message = 'Type the name of the substitute, then choose Substitute.';
      return false;
    }
    const mark: AttendanceMark | null = status === '' ? null : status === 'substitute' ? { status, name } : { status };
    return this.run(() => this.governance.markAttendance(this.meetingId, seatId, mark));
  }

  private submit(e: Event, fn: (data: FormData) => void): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (this.run(() => fn(new FormData(form)))) form.reset();
  }

  private text(data: FormData, name: string): string {
    return String(data.get(name) ?? '').trim();
  }

  override render() {
    let m: Meeting;
    try {
      m = this.governance.meeting(this.meetingId);
    } catch {
      return html`<p>This meeting is no longer in the plan (a partner may have moved it to the bin).</p>`;
    }
    const ro = this.readonly;
    return html`<section aria-labelledby="meeting-heading">
      <h3 id="meeting-heading" tabindex="-1">${m.groupName}: meeting on ${formatUkDate(m.date)}</h3>
      <p role="status" aria-live="polite" class="verdict ${m.verdict.quorate ? 'quorate' : ''}">${m.verdict.words}</p>
      ${this.message ? html`<p class="message" role="alert">${this.message}</p>` : nothing}
      <label class="check"><input type="checkbox" ?disabled=${ro} .checked=${m.chairPresent} @change=${(e: Event) => this.run(() => this.plan.update('meeting', m.id, { chairPresent: (e.target as HTMLInputElement).checked }))} /> The chair is present</label>
      ${this.attendance(m, ro)} ${this.visitors(m, ro)} ${this.declarations(m, ro)} ${this.decisions(m, ro)} ${this.arising(m, ro)}
    </section>`;
  }

  private attendance(m: Meeting, ro: boolean) {
    return html`<table class="stack" role="table">
      <caption>Attendance: ${m.seats.filter((s) => s.mark?.status === 'present' || s.mark?.status === 'substitute').length} of ${m.seats.length} seats filled</caption>
      <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Agency</th><th role="columnheader" scope="col">Seat</th><th role="columnheader" scope="col">Attendance</th><th role="columnheader" scope="col">Substitute's name</th></tr></thead>
      <tbody role="rowgroup">${m.seats.map((s) => {
        // Several seats of one agency and role (four for schools) are told apart by number: "seat 2 of 4".
        const same = m.seats.filter((o) => o.agencyName === s.agencyName && o.role === s.role);
        const which = same.length > 1 ? `seat ${same.indexOf(s) + 1} of ${same.length}` : '';
        const label = `${s.agencyName}${s.role ? `, ${s.role}` : ''}${which ? `, ${which}` : ''}`;
        const name = s.mark?.status === 'substitute' ? s.mark.name : '';
        return html`<tr role="row">
          <td role="cell" data-label="Agency">${s.agencyName}</td>
          <td role="cell" data-label="Seat">${s.role || 'Member'}${which ? ` (${which})` : ''}${s.voting ? '' : ' (no vote)'}${s.removed ? html` <span class="removed">(seat since removed; kept as recorded)</span>` : nothing}</td>
          <td role="cell" data-label="Attendance"><select ?disabled=${ro} aria-label=${`Attendance: ${label}`} @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            const sub = select.closest('tr')!.querySelector('input') as HTMLInputElement;
            // Refused (Substitute with no name yet): the list shows what is recorded, not what was refused.
            if (!this.mark(s.seatId, select.value as Status, sub.value)) select.value = s.mark?.status ?? '';
          }}>
            <option value="" ?selected=${!s.mark}>Not recorded</option>
            ${(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((k) => html`<option value=${k} ?selected=${s.mark?.status === k}>${STATUS_LABELS[k]}</option>`)}
          </select></td>
          <td role="cell" data-label="Substitute's name"><input ?readonly=${ro} aria-label=${`Substitute for ${label}`} .value=${name} @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            if (v.trim()) this.mark(s.seatId, 'substitute', v);
          }} /></td>
        </tr>`;
      })}</tbody>
    </table>`;
  }

  private visitors(m: Meeting, ro: boolean) {
    return html`<h4>Visitors (no vote)</h4>
      ${m.visitors.length ? html`<ul>${m.visitors.map((v) => html`<li>${v}</li>`)}</ul>` : html`<p>No visitors recorded.</p>`}
      ${
        ro
          ? nothing
          : html`<form aria-label="Add a visitor" @submit=${(e: Event) => this.submit(e, (d) => this.plan.update('meeting', m.id, { visitors: [...m.visitors, this.text(d, 'visitor')].filter(Boolean) }))}>
        <label>Visitor's name and organisation <input name="visitor" required /></label><button type="submit">Add visitor</button></form>`
      }`;
  }

  private declarations(m: Meeting, ro: boolean) {
    return html`<h4>Declarations of interest</h4>
      ${m.declarations.length ? html`<ul>${m.declarations.map((d) => html`<li>${d.who}${d.item ? ` (item ${d.item})` : ''}${d.interest ? `: ${d.interest}` : ''}${d.left ? ' — left the meeting for the item' : ''}</li>`)}</ul>` : html`<p>No interests declared.</p>`}
      ${
        ro
          ? nothing
          : html`<form aria-label="Record a declaration of interest" @submit=${(e: Event) =>
              this.submit(e, (d) =>
                this.plan.create('declaration', { who: this.text(d, 'who'), item: this.text(d, 'item'), interest: this.text(d, 'interest'), left: d.get('left') === 'on' }, { parentId: m.id }),
              )}>
        <label>Who <input name="who" required /></label><label>Item <input name="item" /></label><label>Interest <input name="interest" /></label>
        <label class="check"><input type="checkbox" name="left" /> Left for the item</label><button type="submit">Record declaration</button></form>`
      }`;
  }

  private decisions(m: Meeting, ro: boolean) {
    const topics = this.governance.group(m.groupId).decisions.consensusOnly;
    return html`<h4>Decisions</h4>
      ${
        m.decisions.length
          ? html`<ul>${m.decisions.map(
              (d) =>
                html`<li>${d.text}${d.item ? ` (item ${d.item})` : ''}: ${d.method.by === 'consensus' ? 'by consensus' : `by the chair, after consulting ${d.method.consulted.join(', ')}`}${d.notQuorate ? ' — taken when the meeting was not quorate' : ''}</li>`,
            )}</ul>`
          : html`<p>No decisions recorded.</p>`
      }
      ${
        ro
          ? nothing
          : html`<form aria-label="Record a decision" @submit=${(e: Event) =>
              this.submit(e, (d) => {
                const method =
                  d.get('method') === 'chair'
                    ? {
                        by: 'chair' as const,
                        consulted: this.text(d, 'consulted')
                          .split(/\s*[,;]\s*/)
                          .filter(Boolean),
                      }
                    : { by: 'consensus' as const };
                this.governance.recordDecision(m.id, { text: this.text(d, 'text'), item: this.text(d, 'item'), topic: this.text(d, 'topic'), method, acknowledgeNotQuorate: d.get('ack') === 'on' });
              })}>
        <label>Decision <input name="text" required /></label><label>Item <input name="item" /></label>
        ${topics.length ? html`<label>Topic <select name="topic"><option value="">Other</option>${topics.map((t) => html`<option value=${t}>${t}</option>`)}</select></label>` : nothing}
        <label>Reached <select name="method" @change=${(e: Event) => (this.chairDecides = (e.target as HTMLSelectElement).value === 'chair')}><option value="consensus">By consensus</option><option value="chair">By the chair</option></select></label>
        <label ?hidden=${!this.chairDecides}>Consulted (names, separated by commas) <input name="consulted" /></label>
        ${m.verdict.quorate ? nothing : html`<label class="check"><input type="checkbox" name="ack" /> Record it although the meeting is not quorate</label>`}
        <button type="submit">Record decision</button></form>`
      }`;
  }

  private arising(m: Meeting, ro: boolean) {
    const snapshot: PlanSnapshot | undefined = m.arising.some((a) => !a.actionId) ? this.plan.snapshot() : undefined;
    const objectives = snapshot?.priorities.flatMap((p) => p.objectives.map((o) => ({ id: o.id, label: `${p.number}.${o.number} ${o.text}` }))) ?? [];
    const actions = snapshot?.priorities.flatMap((p) => p.objectives.flatMap((o) => o.actions.map((x) => ({ id: x.id, label: `${p.number}.${o.number}.${x.number} ${x.text}` })))) ?? [];
    return html`<h4>Actions arising</h4>
      ${
        m.arising.length
          ? html`<ul>${m.arising.map(
              (a) => html`<li>${a.text}${a.owner ? ` — ${a.owner}` : ''}${a.due ? `, by ${formatUkDate(a.due)}` : ''}
              ${
                a.actionId
                  ? html` (in the plan as action ${actionLabel(this.plan, a.actionId)})`
                  : ro || !objectives.length
                    ? nothing
                    : html`<form aria-label=${`Make a plan action of: ${a.text}`} @submit=${(e: Event) => this.submit(e, (d) => this.governance.actionFromArising(a.id, String(d.get('objective'))))}>
                    <label>Under objective <select name="objective">${objectives.map((o) => html`<option value=${o.id}>${o.label}</option>`)}</select></label>
                    <button type="submit">Make it a plan action</button></form>
                    <form aria-label=${`Link to a plan action: ${a.text}`} @submit=${(e: Event) => this.submit(e, (d) => this.plan.update('arising', a.id, { actionId: String(d.get('action')) }))}>
                    <label>Or link to the action <select name="action">${actions.map((x) => html`<option value=${x.id}>${x.label}</option>`)}</select></label>
                    <button type="submit">Link</button></form>`
              }</li>`,
            )}</ul>`
          : html`<p>No actions arising yet.</p>`
      }
      ${
        ro
          ? nothing
          : html`<form aria-label="Add an action arising" @submit=${(e: Event) =>
              this.submit(e, (d) => this.plan.create('arising', { text: this.text(d, 'text'), owner: this.text(d, 'owner'), due: this.text(d, 'due') || null }, { parentId: m.id }))}>
        <label>Action <input name="text" required /></label><label>Owner <input name="owner" /></label><label>Due <input type="date" name="due" /></label><button type="submit">Add action arising</button></form>`
      }`;
  }
}
/** An action's text as the plan shows it, or that it is in the bin. */
function actionLabel(plan: Plan, id: string): string {
  const action = plan.get('action', id);
  return !action ? 'no longer in the plan' : plan.isVisible('action', id) ? `“${action.text}”` : `“${action.text}”, now in the bin`;
}

customElements.define('meeting-recorder', MeetingRecorder);
