import { css, LitElement } from 'lit';
import { PlanOutline } from '../items/plan-outline.js';
import type { OutlineStandIns } from '../items/outline-stand-ins.js';
import type { OutlinePreview } from '../state/outline-preview-store.js';

/** The mark a reload leaves in the browser's performance timeline when the preview's words are on screen (the benchmarks read it). */
const DRAWN_MARK = 'coplan:outline-preview-drawn';

/**
 * While a plan loads from this device, the words of its outline as they were
 * when it was last open here (its preview, {@link OutlinePreview}), drawn with
 * the outline's own styles where the outline will be: a long plan's words are
 * on screen, and in reach of find, before the plan itself has loaded. Nothing
 * in it can be changed; the outline takes its place once the plan is open, and
 * takes its words over as stand-ins for the parts it draws a moment later
 * ({@link OutlineStandIns}). Draws nothing when the plan has no preview, or
 * loaded first.
 *
 * @example
 * ```ts
 * html`<outline-preview .preview=${takeOutlinePreview(id)} .standIns=${standIns}></outline-preview>`
 * ```
 */
export class OutlinePreviewElement extends LitElement {
  /** The plan's preview, being read. */
  preview: Promise<OutlinePreview | null> = Promise.resolve(null);
  /** Where the outline finds the preview's words once the plan is open. */
  standIns: OutlineStandIns | null = null;

  static override styles = [
    PlanOutline.styles,
    css`
      /* Its own block formatting context: the margins of what is above do not fold into the place it keeps for the outline. */
      :host { display: flow-root; }
      /* Where the outline will be: where it was drawn as the plan last opened at this width (a margin: the first priority's own margin falls within it). */
      .words { margin-top: var(--top, 0); }
      .priority > .plain-text.title, .field-words { padding: calc(0.35rem + 1px) calc(0.5rem + 1px); min-height: 1.5em; }
      /* Where a list's statements will be, each a line, with the room of the button that adds one. */
      .list-words { white-space: pre-line; padding-left: 1.5rem; line-height: 2.4rem; min-height: calc(var(--rows) * 2.4rem + 44px + 0.4rem); }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.preview.then((preview) => {
      // The plan loaded first (the outline is drawn instead), or the page moved on.
      if (!preview || !this.isConnected || this.renderRoot.querySelector('.words')) return;
      const words = document.createElement('div');
      words.className = 'words';
      const here = this.getBoundingClientRect().top + scrollY;
      if (preview.width === innerWidth && preview.top > here) words.style.setProperty('--top', `${preview.top - here}px`);
      // Markup this app wrote from the plan's words set as text (outlineWords): the words are never markup.
      words.innerHTML = preview.html;
      this.renderRoot.appendChild(words);
      this.standIns?.adopt(words);
      performance.mark(DRAWN_MARK);
    });
  }

  override render() {
    return null;
  }
}
customElements.define('outline-preview', OutlinePreviewElement);
