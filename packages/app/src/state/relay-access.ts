import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CLOSE_ADVICE } from '@coplan/sync-server/close-codes';
import { Changes } from './changes.js';
import type { PlanSession } from './plan-session.js';
import { SharingClient, SharingRefused } from './sharing.js';
import { roleOfToken, tokenNamesRole } from './token-role.js';
import type { ConnectionEvent } from './transport.js';

/** What a person may do with a plan. */
export type Role = 'owner' | 'editor' | 'viewer';

/**
 * What the relay lets this person do with the plan, and why it stopped
 * syncing if it did: the role their link or sign-in gives them (asked of the
 * relay when the token does not say), the relay's refusal or close in words
 * with what to do, and putting a plan made on this device onto the relay.
 *
 * @example
 * ```ts
 * const access = new RelayAccess(this, session, token);
 * html`${access.problem ? html`<p role="alert">${access.problem}</p>` : nothing}
 *   ${access.readonly ? html`<p>You are viewing this plan…</p>` : nothing}`;
 * ```
 */
export class RelayAccess extends Changes implements ReactiveController {
  /** What the relay said this person may do; null until it has (the token's own word is used meanwhile). */
  accessRole: Role | null = null;
  /** Whether the relay refused a signed-in person a plan it does not hold yet: they may put it there. */
  claimable = false;
  /** Why the relay refused this person, as it said; null when it has not. */
  private refusal: Omit<Parameters<typeof refusalWords>[0], 'copy' | 'readonly'> | null = null;
  /** What the relay's close meant, when it closed for good; '' when it has not. */
  private closed = '';
  private explaining = false;
  private stop: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: PlanSession,
    /** The link's token or the sign-in's, '' for neither. */
    readonly token: string,
  ) {
    super();
    host.addController(this);
  }

  /**
   * Set when the relay stopped syncing for good (refused access, a close it will not retry): what happened and what
   * to do. Worded when read, so a copy this device opens after the refusal came is counted in it.
   */
  get problem(): string {
    if (this.closed) return this.closed;
    if (!this.refusal) return '';
    return refusalWords({ ...this.refusal, copy: this.session.plan !== null, readonly: this.readonly });
  }

  /** What this person may do now. */
  get role(): Role {
    return this.accessRole ?? roleOfToken(this.token);
  }

  /** A viewer's link: everything is shown, nothing can be changed. */
  get readonly(): boolean {
    return !!this.token && this.role === 'viewer';
  }

  hostConnected(): void {
    if (this.token && !tokenNamesRole(this.token))
      new SharingClient(this.session.planId, this.token).access().then(
        (access) => this.set({ accessRole: access.role }),
        () => this.set({ accessRole: 'viewer' }), // until the relay says otherwise, offer no edits it would drop
      );
    const stopConnection = this.session.connection?.on(this.onConnection);
    // The refusal's words name this device's copy, which may open after the refusal came.
    const stopSession = this.session.subscribe(() => this.refusal && this.changed());
    this.stop = () => {
      stopConnection?.();
      stopSession();
    };
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = null;
  }

  /**
   * Puts this plan, made on this device, onto the relay with the signed-in
   * person as its owner, then connects, which sends it up. Resolves with the
   * relay's refusal in words, or '' when it worked.
   */
  async claim(): Promise<string> {
    try {
      await new SharingClient(this.session.planId, this.token).claim();
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    this.set({ claimable: false, accessRole: 'owner' });
    this.reconnect();
    return '';
  }

  /** Connects again after the relay closed the connection for good (for instance once the person has a new link). */
  reconnect(): void {
    this.set({ refusal: null, closed: '' });
    this.session.connection?.connect();
  }

  private readonly onConnection = (event: ConnectionEvent): void => {
    if (event.kind === 'refused') void this.explainRefusal();
    // A close the stock client will not reconnect after (4400–4499): say why, keep everything on this device.
    if (event.kind === 'closed')
      this.set({
        closed: CLOSE_ADVICE[event.code] ?? `The server closed the connection (code ${event.code}). Your changes are kept on this device; try again, or save a copy (Files → Save a .coplan file).`,
      });
  };

  /** Asks the relay why it refuses this token; if it does (expired, taken back), stops trying and says so. */
  private async explainRefusal(): Promise<void> {
    if (this.explaining || this.problem) return;
    this.explaining = true;
    const token = this.token;
    try {
      await new SharingClient(this.session.planId, token).access();
    } catch (e) {
      if (e instanceof SharingRefused && e.status === 401) {
        this.session.connection?.disconnect();
        const why = e.message.replace(/^Refused: /, '').replace(/\.$/, '');
        const signedIn = token !== '' && !tokenNamesRole(token);
        const signInOffered = !token && (await import('./sign-in.js').then((m) => m.signInOptions()).catch(() => null)) !== null;
        this.set({
          // A signed-in person refused a plan nobody shared with them may have made it here: they can put it on the server.
          claimable: signedIn && /not shared with you/.test(why),
          refusal: { why, link: !!token && !signedIn, signedIn, signInOffered },
        });
      }
    } finally {
      this.explaining = false;
    }
  }

  private set(change: { accessRole?: Role | null; claimable?: boolean; refusal?: RelayAccess['refusal']; closed?: string }): void {
    Object.assign(this, change);
    this.host.requestUpdate();
    this.changed();
  }
}

/**
 * Why the server refuses the plan and what to do, in words that fit this person: a sign-in only where the server
 * offers one, a copy (and Files) only where this device holds one, unsent changes only for someone who could make them.
 */
function refusalWords(o: { why: string; link: boolean; signedIn: boolean; signInOffered: boolean; copy: boolean; readonly: boolean }): string {
  const saveCopy = o.copy ? ' Anything of this plan on this device stays here (Files → Save a .coplan file keeps a copy).' : '';
  if (!o.link && !o.signedIn)
    return o.signInOffered
      ? `The server shares plans only with people who open a link to them or sign in: open the link you were given, or sign in at the top of the page.${saveCopy}`
      : `The server shares plans only with people who open a link to them: open the link you were given, or ask the plan’s owner for one.${saveCopy}`;
  const kept = !o.copy ? '' : o.readonly ? ' The copy on this device stays here to read.' : ' Your copy on this device is kept, with any changes not yet sent.';
  if (o.signedIn) return `The server does not open this plan for you (${o.why}).${kept}`;
  // The relay's reason may already say to ask the owner ("taken back: ask the plan’s owner for a new one").
  const asked = /owner/.test(o.why);
  const save = o.copy && !o.readonly;
  const next = save
    ? asked
      ? ' Save it (Files → Save a .coplan file) to keep a copy.'
      : ' Save it (Files → Save a .coplan file) and ask the plan’s owner for a new link.'
    : asked
      ? ''
      : ' Ask the plan’s owner for a new link.';
  return `This link no longer opens the plan on the server (${o.why}).${kept}${next}`;
}
