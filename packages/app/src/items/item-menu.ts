import { css, html, LitElement, nothing } from 'lit';
import { formStyles } from '../components/shared-styles.js';

/** One choice in an item's menu. */
export interface MenuChoice {
  label: string;
  run: () => void;
  disabled?: boolean;
}

/**
 * One menu per item, in place of a row of buttons: a button ("Actions for
 * action 1.1.1") that opens a list of choices (move up, move down, delete…),
 * following the WAI-ARIA menu button pattern. Arrow keys, Home and End move
 * between choices; Escape closes it with focus back on the button; every
 * choice works without dragging (WCAG 2.5.7).
 */
export class ItemMenu extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = { label: {}, choices: { attribute: false }, open: { state: true }, tabbable: { type: Boolean } };
  /** Whether Tab stops on the button; false in a list item that does not hold the list's one tab stop. */
  tabbable = true;
  /** The button's accessible name, e.g. "Actions for action 1.1.1". */
  label = '';
  choices: MenuChoice[] = [];
  open = false;

  static override styles = [
    formStyles,
    css`
      :host { display: inline-block; position: relative; }
      button.opener { padding: 0 0.6rem; font-size: 1.3rem; line-height: 1; background: transparent; border-color: transparent; }
      button.opener:hover, button.opener[aria-expanded='true'] { background: #f3f2f1; border-color: #0b0c0c; }
      /* In the top layer (a popover), so an item's containment (content-visibility) cannot clip it; placed under its button. */
      ul { position: fixed; inset: auto; margin: 0; padding: 0.25rem; list-style: none; background: #fff; border: 2px solid #0b0c0c; border-radius: 4px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.25); min-width: 14rem; }
      [role='menuitem'] { display: block; width: 100%; text-align: left; border: 0; background: #fff; }
      [role='menuitem']:hover, [role='menuitem']:focus { background: #1d4f91; color: #fff; }
      [role='menuitem'][aria-disabled='true'] { color: #505a5f; background: #fff; cursor: not-allowed; }
    `,
  ];

  override render() {
    return html`<button class="opener" tabindex=${this.tabbable ? nothing : '-1'} aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'} aria-label=${this.label} @click=${this.toggle} @keydown=${this.onOpenerKey}>⋯</button>
      ${
        this.open
          ? html`<ul role="menu" popover="manual" aria-label=${this.label} @keydown=${this.onMenuKey} @focusout=${this.onFocusOut}>
            ${this.choices.map(
              (c, i) =>
                html`<li role="none"><button role="menuitem" tabindex="-1" data-index=${i} aria-disabled=${c.disabled ? 'true' : nothing} @click=${() => this.choose(c)}>${c.label}</button></li>`,
            )}
          </ul>`
          : nothing
      }`;
  }

  private get opener(): HTMLButtonElement {
    return this.renderRoot.querySelector('button.opener')!;
  }

  private items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  private async show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    await this.updateComplete;
    const menu = this.renderRoot.querySelector<HTMLElement>('[role="menu"]')!;
    menu.showPopover();
    // Under the button, right-aligned with it, and kept inside the window.
    const at = this.opener.getBoundingClientRect();
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    menu.style.left = `${Math.max(4, Math.min(at.right - width, innerWidth - width - 4))}px`;
    menu.style.top = `${at.bottom + height + 2 > innerHeight ? Math.max(4, at.top - height - 2) : at.bottom + 2}px`;
    const items = this.items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  /** Closes the menu; with focus back on its button unless focus has gone elsewhere on purpose. */
  close(refocus = true): void {
    if (!this.open) return;
    this.open = false;
    if (refocus) this.opener.focus();
  }

  private readonly toggle = (): void => {
    if (this.open) this.close();
    else void this.show('first');
  };

  private readonly onOpenerKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.show(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  private readonly onMenuKey = (e: KeyboardEvent): void => {
    const items = this.items();
    const at = items.indexOf(this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as HTMLButtonElement) : items[0]!);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape') this.close();
    else if (e.key === 'Tab') return this.close(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  /** Focus leaving the menu (a click elsewhere) closes it, without pulling focus back. */
  private readonly onFocusOut = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    if (to && this.renderRoot.contains(to)) return;
    this.close(false);
  };

  private choose(c: MenuChoice): void {
    if (c.disabled) return;
    this.close();
    c.run();
  }
}
customElements.define('item-menu', ItemMenu);
