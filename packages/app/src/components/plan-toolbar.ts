import { html, nothing } from 'lit';
import { accessWords } from '../state/share-words.js';
import { PlanPart } from './plan-part.js';
import { Follow } from '../state/follow.js';
import './sync-status-line.js';

/**
 * The plan's tools, kept in view as the page scrolls (on a phone, or a
 * window too short to spare the room, they scroll away with the page): back to all plans,
 * undo and redo, who is here, Share (for the plan's owner, or for anyone on a server that lets anyone in), the Files menu
 * and where the changes are. Who is here and the Files menu come with the
 * Plan tab's extras, just after the outline (`plan-extras.ts`): their
 * elements show once defined, and until then the Plan tab says the extras
 * are loading, or what went wrong, with Try again.
 *
 * @fires undo-step - Undo or Redo was chosen (detail: 'undo' or 'redo'); the plan view does it and says what it was
 * @fires open-share - the owner (or anyone, on a server without access control) chose Share
 */
export class PlanToolbar extends PlanPart {
  constructor() {
    super();
    // Undo and redo follow this user's undo history (typing adds to it without the plan being read again); Share follows what the relay lets this person do.
    new Follow(this, () => this.open.value?.session.undoHistory);
    new Follow(this, () => this.open.value?.session);
    new Follow(this, () => this.open.value?.access);
  }

  override render() {
    const plan = this.open.value?.session.plan;
    const access = this.open.value?.access;
    if (!plan || !access) return nothing;
    const undo = this.says('Undo', plan.undoInWords());
    const redo = this.says('Redo', plan.redoInWords());
    return html`<div class="bar" role="toolbar" aria-label="Plan tools">
      <a href="#/">All plans</a>
      ${
        access.readonly
          ? nothing
          : html`<button @click=${(e: Event) => void this.step('undo', e)} ?disabled=${!plan.canUndo()} aria-keyshortcuts="Control+Z" title=${undo}>Undo</button>
            <button @click=${(e: Event) => void this.step('redo', e)} ?disabled=${!plan.canRedo()} aria-keyshortcuts="Control+Shift+Z" title=${redo}>Redo</button>`
      }
      <people-here></people-here>
      ${(access.token ? access.role === 'owner' : !access.problem) ? html`<button class="share" @click=${this.share}>Share</button>` : nothing}
      <files-menu></files-menu>
      ${
        // What the link lets the person do, while it still does (once refused, the banner says why; a reader's link has its own note).
        access.token && !access.readonly && !access.problem ? html`<span class="access">${accessWords(access.role)}</span>` : nothing
      }
      <sync-status-line></sync-status-line>
    </div>`;
  }

  /**
   * While the bar is kept in view at the top, what takes focus is scrolled clear of it (WCAG 2.4.11): the page's
   * scroll padding follows its height. Measured when its size changes or it stops (or starts) being kept at the
   * top, not at each render: the bar re-renders as the undo history changes, with each keystroke.
   */
  private readonly sized = new ResizeObserver(() => this.padPage());
  /** The same query as plan-view's rule that lets the bar scroll away on a phone or a short window. */
  private readonly scrollsAway = matchMedia('(max-width: 40rem), (max-height: 30rem)');
  private observed: HTMLElement | null = null;

  private readonly padPage = (): void => {
    const bar = this.observed;
    const kept = bar?.isConnected && getComputedStyle(bar).position === 'sticky';
    document.documentElement.style.scrollPaddingTop = kept ? `${bar.offsetHeight + 8}px` : '';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.scrollsAway.addEventListener('change', this.padPage);
  }

  protected override updated(): void {
    const bar = this.querySelector<HTMLElement>('.bar');
    if (bar === this.observed) return;
    if (this.observed) this.sized.unobserve(this.observed);
    this.observed = bar;
    // Observing calls back once with its first size.
    if (bar) this.sized.observe(bar);
    else this.padPage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scrollsAway.removeEventListener('change', this.padPage);
    this.sized.disconnect();
    this.observed = null;
    document.documentElement.style.scrollPaddingTop = '';
  }

  /** "Undo typing in action 1.1.2": what the button will take back, as its tooltip and description (its name stays what it shows). */
  private says(button: string, what: string | null): string {
    return what ? `${button} ${what}` : button;
  }

  /** The plan view undoes or redoes, and says what it was (Ctrl+Z does the same). */
  private async step(step: 'undo' | 'redo', e: Event): Promise<void> {
    const pressed = e.currentTarget as HTMLButtonElement;
    const other = pressed.nextElementSibling ?? pressed.previousElementSibling;
    this.dispatchEvent(new CustomEvent('undo-step', { detail: step, bubbles: true, composed: true }));
    await this.updateComplete;
    // The last step taken: the button is disabled, and focus would fall to the page; it goes to the other, which can take it back.
    if (pressed.disabled && other instanceof HTMLButtonElement && !other.disabled) other.focus();
  }

  private readonly share = (): void => {
    this.dispatchEvent(new CustomEvent('open-share', { bubbles: true, composed: true }));
  };
}
customElements.define('plan-toolbar', PlanToolbar);
