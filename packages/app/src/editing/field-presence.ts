import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PresenceHub } from './presence-hub.js';
import { resolveArrived, type Selection } from './shared-text-editor.js';

/** A partner's caret and selection in this field, as indices into its text now. */
export interface PartnerCaret extends Selection {
  clientId: number;
  name: string;
  colour: string;
}

/** How often, at most, this person's moving caret is shared (ms). */
const CARET_EVERY_MS = 100;

/** What each person shares about their caret, in awareness: the field (`<id>:<field>`) and relative positions as JSON. */
interface SharedCaret {
  key: string;
  anchor: unknown;
  head: unknown;
}

/**
 * Who else is in one field and where their carets are, from y-protocols
 * awareness (the presence the app already shares: `user`, the field they are
 * `editing`, their `caret`), and this person's own caret shared the same way.
 * The host is asked to update only when someone comes into its own field,
 * moves their caret in it, or leaves it ({@link PresenceHub}): not when the
 * rest of the plan changes.
 */
export class FieldPresence implements ReactiveController {
  private awareness: Awareness | null = null;
  private key = '';
  private published = '';
  private unsubscribe: (() => void) | null = null;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Follows `awareness` for the field `key`. */
  watch(awareness: Awareness | null | undefined, key: string): void {
    if ((awareness ?? null) === this.awareness && key === this.key) return;
    this.awareness = awareness ?? null;
    this.key = key;
    this.follow();
  }

  private follow(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.connected && this.awareness ? PresenceHub.of(this.awareness).subscribe(this.key, () => this.host.requestUpdate()) : null;
  }

  /**
   * Shares this person's caret in this field (null: they left it). A caret
   * moving with every keystroke is sent at most every CARET_EVERY_MS (the last
   * position always), so a workshop of 60 typing does not flood the relay.
   */
  publish(selection: { anchor: Y.RelativePosition; head: Y.RelativePosition } | null): void {
    const awareness = this.awareness;
    if (!awareness) return;
    if (!selection) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.pending = null;
      // Leaving this field: clear the caret only if it is still this field's (focus may already be in the next one).
      if ((awareness.getLocalState()?.caret as SharedCaret | null | undefined)?.key === this.key) awareness.setLocalStateField('caret', null);
      this.published = '';
      return;
    }
    const caret: SharedCaret = { key: this.key, anchor: Y.relativePositionToJSON(selection.anchor), head: Y.relativePositionToJSON(selection.head) };
    if (JSON.stringify(caret) === this.published && (awareness.getLocalState()?.caret as SharedCaret | null | undefined)?.key === this.key) return;
    const wait = this.lastSent + CARET_EVERY_MS - performance.now();
    if (wait <= 0) return this.send(caret);
    this.pending = caret;
    if (!this.timer)
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.pending) this.send(this.pending);
      }, wait);
  }

  private pending: SharedCaret | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent = 0;

  private send(caret: SharedCaret): void {
    this.pending = null;
    this.published = JSON.stringify(caret);
    this.lastSent = performance.now();
    this.awareness?.setLocalStateField('caret', caret);
  }

  /** The partners editing this field now, in the order they came. */
  editors(): Array<{ name: string; colour: string }> {
    const awareness = this.awareness;
    if (!awareness) return [];
    const out = [];
    for (const [clientId, state] of awareness.getStates()) {
      const user = state.user as { name: string; colour: string } | undefined;
      if (clientId === awareness.clientID || !user || state.editing !== this.key) continue;
      out.push(user);
    }
    return out;
  }

  /** Some partner's caret names letters that have not arrived yet: look again when the text changes. */
  waiting = false;

  /** Partners' carets in this field, resolved against `ytext` as it is now (when there is no text yet, none). */
  partners(ytext: Y.Text | undefined): PartnerCaret[] {
    const awareness = this.awareness;
    this.waiting = false;
    if (!awareness || !ytext) return [];
    const carets: PartnerCaret[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const caret = state.caret as SharedCaret | null | undefined;
      const user = state.user as { name: string; colour: string } | undefined;
      if (clientId === awareness.clientID || !caret || caret.key !== this.key || !user) continue;
      try {
        const anchor = resolveArrived(ytext, Y.createRelativePositionFromJSON(caret.anchor));
        const head = resolveArrived(ytext, Y.createRelativePositionFromJSON(caret.head));
        if (anchor === null || head === null) this.waiting = true;
        else carets.push({ clientId, name: user.name, colour: user.colour, anchor, head });
      } catch {
        // A caret from a version of the app that shared it differently: not shown.
      }
    }
    return carets;
  }
}
