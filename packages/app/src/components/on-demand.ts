import { html, nothing, type ReactiveControllerHost } from 'lit';
import { capitalise } from './words.js';

/**
 * A part of the app whose code loads when it is first needed (a tab, a dialog, a menu's
 * tools), so that opening a plan fetches only what the Plan tab needs. It remembers whether
 * its code is loading, here, or could not be fetched, and renders that in the part's place:
 * a loading line, or what went wrong and what to do, with a Try again button.
 *
 * Offline, the service worker serves every chunk it precached, so a part loads as before;
 * only with neither the network nor a service worker does it fail, and then it says so.
 */
export class OnDemand<T> {
  /** The part's code once it has loaded. */
  module: T | undefined = undefined;
  /** What went wrong the last time its code was asked for ('' if nothing). */
  problem = '';
  private pending: Promise<T | undefined> | undefined;
  /** What the person asked for when the code could not be fetched: Try again does it once the code is here. */
  private retry: (() => Promise<unknown>) | undefined;

  /**
   * @param host what shows the part (an element, or what its parts follow): told to re-render as the part's state changes
   * @param name what the part is called on screen, as in "Loading the Scorecard…" ("the Scorecard")
   * @param fetchCode the dynamic `import()` of the part's code
   */
  constructor(
    private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>,
    readonly name: string,
    private readonly fetchCode: () => Promise<T>,
  ) {}

  /** Whether the code is being fetched now. */
  get loading(): boolean {
    return this.pending !== undefined && this.module === undefined;
  }

  /** Fetches the part's code (once); resolves to it, or to undefined when it could not be fetched (see {@link problem}). */
  load(): Promise<T | undefined> {
    if (this.module) return Promise.resolve(this.module);
    if (!this.pending) {
      this.problem = '';
      this.pending = this.fetchCode().then(
        (m) => {
          this.module = m;
          this.host.requestUpdate();
          return m;
        },
        () => {
          // Forget the failed attempt, so Try again fetches afresh.
          this.pending = undefined;
          this.problem = `${capitalise(this.name)} could not be loaded: this device could not reach the Coplan server, and the app has not been saved for offline use in this browser yet. Check your connection and choose Try again. Nothing in your plan was lost.`;
          this.host.requestUpdate();
          return undefined;
        },
      );
      this.host.requestUpdate();
    }
    return this.pending;
  }

  /**
   * Loads the part's code unless it is here, on its way, or could not be fetched: for loads
   * no one clicked for (a screen shown, code fetched in the background). After a failure only
   * Try again, or a person's choice ({@link load}, {@link run}), fetches it again, so a render
   * never starts a fetch that fails and renders again.
   */
  want(): void {
    if (!this.module && !this.pending && !this.problem) void this.load();
  }

  /**
   * Loads the part's code and uses it, as a button that needs it does; when the code
   * cannot be fetched, Try again loads it and does what was asked.
   * @returns whether the code was here to use
   */
  async run(use: (module: T) => unknown): Promise<boolean> {
    const module = await this.load();
    if (!module) {
      this.retry = () => this.run(use);
      return false;
    }
    this.retry = undefined;
    await use(module);
    return true;
  }

  /** In the part's place until it is here: "Loading …" while fetching, or the problem and a Try again button. */
  placeholder() {
    if (this.problem) return html`<p class="message" role="alert">${this.problem} <button @click=${() => void (this.retry ?? (() => this.load()))()}>Try again</button></p>`;
    if (this.loading) return html`<p role="status">Loading ${this.name}…</p>`;
    return nothing;
  }
}
