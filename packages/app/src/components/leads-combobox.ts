import { html, LitElement, nothing } from 'lit';
import { TypingUndo } from '../editing/typing-undo.js';

/** Suggestions shown at once; more typing narrows them. */
const SHOWN = 8;
/** How long typing pauses before a new name is said to a screen reader. */
const SAY_AFTER_MS = 800;

const newWords = (name: string) => `“${name}” is not in the registry yet: saving adds it.`;

/**
 * A register cell's leads, typed as names separated by commas, with the
 * registry's names offered for the one being typed (the WAI-ARIA combobox
 * pattern, list autocomplete): Down and Up move through the suggestions,
 * Enter takes the one chosen, Escape closes them. A name not in the
 * registry is said to be new before it is saved. Renders into the grid's
 * page (light DOM), so the input and its suggestions share one id space.
 */
export class LeadsCombobox extends LitElement {
  static override properties = { value: {}, names: { attribute: false }, label: {}, invalid: {}, active: { state: true }, said: { state: true } };
  /** What is typed: names separated by commas. */
  value = '';
  /** The registry's leads, by name. */
  names: string[] = [];
  /** The input's accessible name, e.g. "Leads of action 1.1.1". */
  label = '';
  /** aria-invalid of the input: 'true' while the grid shows why a save was refused. */
  invalid = 'false';
  /** Which suggestion is chosen (-1: none). */
  active = -1;
  /** What a screen reader is told of a new name: once typing pauses, not at every letter ("“Po” is not…", "“Pol” is not…"). */
  said = '';
  private sayLater = 0;
  /** The box's own undo (Ctrl+Z a word at a time, a suggestion taken in one): its suggestions are drawn as it is typed, which breaks up the browser's. */
  private readonly history = new TypingUndo((value) => {
    this.active = -1;
    this.change(value);
  });

  override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Puts the caret at the end of what is typed. */
  override focus(): void {
    const input = this.querySelector('input');
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }

  /** The name being typed: what follows the last comma. */
  private get typed(): string {
    return this.value.slice(this.value.lastIndexOf(',') + 1).trim();
  }

  /** The registry's names that contain what is being typed, leaving out those already in the cell. */
  private suggestions(): string[] {
    const typed = this.typed.toLowerCase();
    if (!typed) return [];
    const cut = this.value.lastIndexOf(',');
    const named = new Set(
      this.value
        .slice(0, cut + 1)
        .split(',')
        .map((n) => n.trim().toLowerCase()),
    );
    return this.names.filter((n) => !named.has(n.toLowerCase()) && n.toLowerCase().includes(typed)).slice(0, SHOWN);
  }

  override render() {
    const options = this.suggestions();
    const typed = this.typed;
    const isNew = typed !== '' && !this.names.some((n) => n.toLowerCase() === typed.toLowerCase());
    return html`<input type="text" role="combobox" aria-autocomplete="list" aria-expanded=${options.length ? 'true' : 'false'} aria-controls="lead-options"
        aria-activedescendant=${this.active >= 0 ? `lead-option-${this.active}` : nothing} aria-label=${this.label} aria-invalid=${this.invalid} aria-describedby="lead-new"
        autocomplete="off" .value=${this.value} @beforeinput=${this.history.beforeInput} @compositionend=${this.history.compositionEnd} @input=${this.onInput} @keydown=${this.onKey} />
      <ul id="lead-options" role="listbox" aria-label="Leads in the registry" ?hidden=${!options.length}>
        ${options.map(
          (n, i) => html`<li id="lead-option-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'} @mousedown=${(e: Event) => (e.preventDefault(), this.accept(n))}>${n}</li>`,
        )}
      </ul>
      <p id="lead-new" class="lead-new">${isNew ? newWords(typed) : ''}</p>
      <p class="lead-said" role="status">${this.said}</p>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.sayLater);
  }

  private readonly onInput = (e: Event): void => {
    this.history.afterInput(e);
    this.active = -1;
    this.change((e.target as HTMLInputElement).value);
    this.said = '';
    clearTimeout(this.sayLater);
    this.sayLater = window.setTimeout(() => {
      const typed = this.typed;
      this.said = typed && !this.names.some((n) => n.toLowerCase() === typed.toLowerCase()) ? newWords(typed) : '';
    }, SAY_AFTER_MS);
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    this.history.keyDown(e);
    if (e.defaultPrevented) return void e.stopPropagation();
    const options = this.suggestions();
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && options.length) {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + options.length + (this.active < 0 && step < 0 ? 1 : 0)) % options.length;
    } else if (e.key === 'Enter' && this.active >= 0 && options[this.active]) this.accept(options[this.active]!);
    else if (e.key === 'Escape' && this.active >= 0) this.active = -1;
    else return; // Enter, Tab and Escape otherwise go to the grid: save, or cancel
    e.preventDefault();
    e.stopPropagation();
  };

  /** Takes a suggestion in place of the name being typed. */
  private accept(name: string): void {
    const input = this.querySelector('input');
    if (input) this.history.record(input);
    const cut = this.value.lastIndexOf(',');
    this.active = -1;
    this.change(cut < 0 ? name : `${this.value.slice(0, cut + 1).trimEnd()} ${name}`);
    void this.updateComplete.then(() => this.focus());
  }

  private change(value: string): void {
    this.value = value;
    this.dispatchEvent(new CustomEvent('value-change', { detail: value }));
  }
}
customElements.define('leads-combobox', LeadsCombobox);
