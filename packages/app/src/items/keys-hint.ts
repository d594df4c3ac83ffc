import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a list item's keys hint (drawn under it while it has keyboard focus, `:focus-visible`) while a
 * pointer is pressed: the press takes focus off the item, and the hint's line going at once would move
 * what is being clicked from under the pointer (the click lost). Marked `keys-held` until the press ends.
 */
export class KeysHintHold implements ReactiveController {
  private held: Element | null = null;

  /** `items`: what the host's lists' items match (e.g. `[data-kind]`). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly items: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this.down, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this.down, true);
    this.release();
  }

  private readonly down = (): void => {
    const item = (this.host.shadowRoot ?? this.host).querySelector(`:is(${this.items}):focus-visible`);
    if (!item) return;
    this.release();
    item.classList.add('keys-held');
    this.held = item;
    window.addEventListener('pointerup', this.up, true);
    window.addEventListener('pointercancel', this.up, true);
  };

  /** After the press and the click it makes. */
  private readonly up = (): void => {
    window.removeEventListener('pointerup', this.up, true);
    window.removeEventListener('pointercancel', this.up, true);
    setTimeout(this.release);
  };

  private readonly release = (): void => {
    this.held?.classList.remove('keys-held');
    this.held = null;
  };
}
