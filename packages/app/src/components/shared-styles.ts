import { css } from 'lit';

/**
 * The one focus ring of the app (GOV.UK's: yellow, with a black edge), for every control that takes
 * focus: clearly visible on any background, not just a thicker border (WCAG 2.4.7, 2.4.13). Each
 * component's shadow root needs it in its own styles.
 */
export const focusRing = css`
  button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 5px #0b0c0c; }
`;

/** Controls as the rest of the app draws them: 44-pixel targets, a clear border, and a focus ring that is always visible. */
export const formStyles = [
  focusRing,
  css`
  [hidden] { display: none !important; }
  button, select { min-height: 44px; min-width: 44px; font: inherit; padding: 0.3rem 0.8rem; border: 2px solid #0b0c0c; border-radius: 4px; background: #f3f2f1; color: #0b0c0c; cursor: pointer; }
  button:hover { background: #dbdad9; }
  button.primary { background: #00703c; color: #fff; border-color: #005a30; }
  button.primary:hover { background: #005a30; }
  button:disabled { cursor: not-allowed; opacity: 0.7; }
  label { display: flex; flex-direction: column; gap: 0.25rem; font-size: 1rem; font-weight: 600; }
  input, textarea { font: inherit; font-weight: 400; min-height: 44px; padding: 0.3rem; border: 2px solid #0b0c0c; border-radius: 4px; }
  [tabindex]:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 5px #0b0c0c; }
  .message { background: #fff2d6; border-left: 5px solid #8a5300; padding: 0.5rem 1rem; }
`,
];

/**
 * Tables that reflow on a narrow screen (WCAG 1.4.10: nothing scrolls sideways at 320 px, 400% zoom):
 * each row a block, each cell under its column's heading (its `data-label`, drawn only: screen readers
 * keep the table, its header row and the roles each part is given, as Safari drops a table's own once
 * it is not laid out as one). Wide, a plain table. For `table.stack`, header row in `thead`.
 */
export const stackedTables = css`
  @media (max-width: 40rem) {
    table.stack, table.stack > caption, table.stack > tbody, table.stack > tbody > tr, table.stack > tbody > tr > td { display: block; }
    table.stack > thead, table.stack > thead > tr, table.stack > thead th { display: block; width: 1px; height: 1px; overflow: hidden; }
    table.stack > thead { position: absolute; clip: rect(0 0 0 0); white-space: nowrap; }
    table.stack > tbody > tr { border-bottom: 2px solid #b1b4b6; padding: 0.5rem 0; }
    table.stack > tbody > tr > td { border: 0; padding: 0.2rem 0; overflow-wrap: anywhere; }
    table.stack > tbody > tr > td[data-label]::before { content: attr(data-label) / ''; display: block; font-weight: 700; }
    table.stack td input:not([type='checkbox']), table.stack td select { width: 100%; box-sizing: border-box; }
  }
`;
