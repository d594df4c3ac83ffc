import { css, html, LitElement, type TemplateResult } from 'lit';
import type { Rag } from '@coplan/core';

const WORDS: Record<Rag | 'none', string> = {
  red: 'Red: off track',
  amber: 'Amber: at risk',
  green: 'Green: on track',
  blue: 'Blue: complete',
  grey: 'Grey: not started',
  none: 'No update yet',
};

/** A RAG status's colours, for the badge and for a page that draws {@link ragWords} itself. */
export const ragStyles = css`
    span.rag { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 3px; font-weight: 600; font-size: 0.9rem; border: 2px solid; }
    .red { background: #f6d7d2; border-color: #942514; color: #5a1004; }
    .amber { background: #fff2d6; border-color: #8a5300; color: #4d2e00; }
    .green { background: #cce2d8; border-color: #005a30; color: #00361d; }
    .blue { background: #d2e2f1; border-color: #144e81; color: #0b2d4d; }
    .grey, .none { background: #f3f2f1; border-color: #505a5f; color: #0b0c0c; }
  `;

/** A RAG status as the badge shows it, without a component of its own (a long list draws 1,000 of them). */
export function ragWords(rag: Rag | null): TemplateResult {
  const key = rag ?? 'none';
  return html`<span class="rag ${key}">${WORDS[key]}</span>`;
}

/** The same as {@link ragWords}, built as an element (for words drawn without templates). */
export function ragWordsElement(rag: Rag | null): HTMLElement {
  const key = rag ?? 'none';
  const span = document.createElement('span');
  span.className = `rag ${key}`;
  span.textContent = WORDS[key];
  return span;
}

/** A RAG status written as words as well as colour, so it never depends on colour alone. */
export class RagBadge extends LitElement {
  static override properties = { rag: {} };
  rag: Rag | null = null;
  static override styles = ragStyles;
  override render() {
    return ragWords(this.rag);
  }
}
customElements.define('rag-badge', RagBadge);
