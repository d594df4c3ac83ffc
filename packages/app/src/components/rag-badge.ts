import { css, html, LitElement } from 'lit';
import type { Rag } from '@coplan/core';

const WORDS: Record<Rag | 'none', string> = {
  red: 'Red: off track',
  amber: 'Amber: at risk',
  green: 'Green: on track',
  blue: 'Blue: complete',
  grey: 'Grey: not started',
  none: 'No update yet',
};

/** A RAG status written as words as well as colour, so it never depends on colour alone. */
export class RagBadge extends LitElement {
  static override properties = { rag: {} };
  rag: Rag | null = null;
  static override styles = css`
    span { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 3px; font-weight: 600; font-size: 0.9rem; border: 2px solid; }
    .red { background: #f6d7d2; border-color: #942514; color: #5a1004; }
    .amber { background: #fff2d6; border-color: #8a5300; color: #4d2e00; }
    .green { background: #cce2d8; border-color: #005a30; color: #00361d; }
    .blue { background: #d2e2f1; border-color: #144e81; color: #0b2d4d; }
    .grey, .none { background: #f3f2f1; border-color: #505a5f; color: #0b0c0c; }
  `;
  override render() {
    const key = this.rag ?? 'none';
    return html`<span class=${key}>${WORDS[key]}</span>`;
  }
}
customElements.define('rag-badge', RagBadge);
