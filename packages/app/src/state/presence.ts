import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlanSession } from './plan-session.js';

/** A person in the plan, as partners see them. */
export interface Person {
  name: string;
  colour: string;
}

/**
 * Who is in the plan now, from the connection's awareness: its host
 * re-renders when people come or go, not when a partner's caret moves
 * (which field each is in, and their caret, is the field's own business).
 *
 * @example
 * ```ts
 * class PeopleHere extends LitElement {
 *   private readonly presence = new Presence(this, () => session);
 *   render() { return this.presence.people.map((p) => html`<span>${p.name}</span>`); }
 * }
 * ```
 */
export class Presence implements ReactiveController {
  private signature = '';
  private stop: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => PlanSession | undefined,
  ) {
    host.addController(this);
  }

  /** Everyone in the plan, this person included. */
  get people(): Person[] {
    const states = this.session()?.connection?.awareness.getStates();
    return [...(states?.values() ?? [])].map((st) => st.user as Person | undefined).filter((p): p is Person => !!p);
  }

  hostConnected(): void {
    const awareness = this.session()?.connection?.awareness;
    if (!awareness) return;
    const onChange = (): void => {
      const who = JSON.stringify([...awareness.getStates()].map(([client, st]) => [client, st.user ?? null]));
      if (who === this.signature) return;
      this.signature = who;
      this.host.requestUpdate();
    };
    awareness.on('change', onChange);
    this.stop = () => awareness.off('change', onChange);
    onChange();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = null;
  }
}
