import { html } from 'lit';
import { PlanPart } from './plan-part.js';
import { Presence } from '../state/presence.js';

/** Who is in the plan now, each in their colour; re-renders only when people come or go. */
export class PeopleHere extends PlanPart {
  private readonly presence = new Presence(this, () => this.open.value?.session);

  override render() {
    return html`<div class="people" aria-label="People in this plan now">${this.presence.people.map((p) => html`<span class="person" style="background:${p.colour}">${p.name}</span>`)}</div>`;
  }
}
customElements.define('people-here', PeopleHere);
