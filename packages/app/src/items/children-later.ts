import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OutlineStandIns } from './outline-stand-ins.js';
import { upgradesFor, type LiveUpgrades, type Upgradable } from './live-upgrades.js';

/**
 * Lets a priority or objective past a long plan's first screen draw its
 * children (objectives, actions) a moment after the first screen is up, as
 * {@link LiveUpgrades} schedules; its own heading and text are drawn at once.
 * Until then its host renders an empty list, or its children's words from
 * the plan's preview when this page drew one ({@link OutlineStandIns}). Focus coming in, a search
 * result beneath it, printing, or coming near the screen draws them at once.
 */
export class ChildrenLater implements ReactiveController {
  /** Whether the children are drawn. */
  drawn = false;
  /** Until they are, their words from the plan's preview, if it had them. */
  standIn: HTMLElement | null = null;
  private upgrades: LiveUpgrades | null = null;

  /**
   * @param level which counter of the first screen it draws against
   * @param weight how many actions drawing its children would put on screen
   * @param holds whether an entity (`kind`, `id`) is drawn among its children
   */
  constructor(
    private readonly host: ReactiveControllerHost & Upgradable & { entityId: string },
    private readonly level: 'priority' | 'objective',
    private readonly weight: () => number,
    private readonly holds: (kind: string, id: string) => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.drawn) return;
    this.upgrades = upgradesFor(this.host);
    // Back in the page (the outline was away and has new upgrades): ask again at the next render.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.upgrades?.withdraw(this.host);
  }

  /** Before its first render: draw now, or later? */
  hostUpdate(): void {
    if (this.drawn) return;
    this.drawn = this.upgrades?.reserve(this.host, this.level, this.weight()) ?? true;
    if (!this.drawn) this.standIn ??= this.upgrades?.standIns?.take(this.level, this.host.entityId) ?? null;
  }

  /** Draws the children now. */
  draw(): void {
    if (this.drawn) return;
    this.upgrades?.withdraw(this.host);
    this.drawn = true;
    this.standIn = null;
    this.host.requestUpdate();
  }

  /** Draws the children if the entity is among them, and resolves once they are drawn. */
  async reveal(kind: string, id: string): Promise<void> {
    if (this.drawn || !this.holds(kind, id)) return;
    this.draw();
    await this.host.updateComplete;
  }
}
